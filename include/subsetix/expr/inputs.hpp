#pragma once
/// \file
/// Numbered inputs: sets whose identity is part of their type, so that an expression over them
/// (with compile-time arguments, `sx::c<2>`) is known entirely at compile time and its plan is
/// lowered by the compiler (eval/static_plan.hpp).
///
///     auto [a, b, c] = sx::inputs(A, B, C);       // Input<0, 2>, Input<1, 2>, Input<2, 2>
///     auto r = sx::eval(((a | b) & c) - sx::translate(a, sx::c<3>, sx::c<0>), ws);
///
/// An Input is an IntervalSet (it shares the set's arrays), so it goes wherever a set goes.

#include <tuple>
#include <type_traits>
#include <utility>

#include "subsetix/core/interval_set.hpp"

namespace subsetix {

/// Input number `I` of an expression: the set `Index`-th in its `inputs()` call.
template <int I, int Dim>
struct Input : IntervalSet<Dim> {
  /// The input's number.
  static constexpr int index = I;
};

/// The sets as numbered inputs 0, 1, … (one call numbers the inputs of one expression; inputs
/// of different calls share numbers, and an expression mixing them is planned at run time).
template <int Dim, class... Sets>
auto inputs(const IntervalSet<Dim>& first, const Sets&... rest) {
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    const IntervalSet<Dim>* sets[] = {&first, &rest...};
    return std::tuple<Input<int(I), Dim>...>{Input<int(I), Dim>{*sets[I]}...};
  }
  (std::make_index_sequence<1 + sizeof...(Sets)>{});
}

namespace detail {
template <class T>
struct is_input : std::false_type {};
template <int I, int D>
struct is_input<Input<I, D>> : std::true_type {};
}  // namespace detail

}  // namespace subsetix
