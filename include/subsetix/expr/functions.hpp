#pragma once
/// \file
/// expand, shrink (box dilation/erosion: one radius for every axis, or one per axis),
/// translate (one offset per axis), refine and coarsen (AMR level change by 2).

#include <concepts>
#include <tuple>
#include <type_traits>
#include <utility>

#include "subsetix/expr/set_expr.hpp"

namespace subsetix {

/// A compile-time coordinate argument: `expand(a, c<2>)`, `translate(a, c<3>, c<0>)`.
template <coord_t V>
inline constexpr std::integral_constant<coord_t, V> c{};

/// A compile-time coordinate (`c<V>`).
template <class T>
concept FixedCoord = std::is_same_v<T, std::integral_constant<coord_t, T::value>>;

namespace detail {
template <std::size_t, coord_t V>
inline constexpr coord_t repeated = V;
/// FixedCall<O, D, …> for one value per axis, or one value for every axis.
template <ir::Op O, int D, class... R>
struct fixed_call_type {
  static_assert(sizeof...(R) == 1 || sizeof...(R) == std::size_t(D),
                "subsetix: give one value for every axis, or one per axis (x, y[, z])");
  template <std::size_t... A>
  static auto make(std::index_sequence<A...>) {
    if constexpr (sizeof...(R) == 1)
      return FixedCall<O, D, repeated<A, std::tuple_element_t<0, std::tuple<R...>>::value>...>{};
    else
      return FixedCall<O, D, R::value...>{};
  }
  using type = decltype(make(std::make_index_sequence<std::size_t(D)>{}));
};
template <ir::Op O, SetOperand E, class... R>
auto fixed_call(E&& e, R...) {
  return make_call(typename fixed_call_type<O, dim_v<E>, R...>::type{}, static_cast<E&&>(e));
}
template <ir::Op O, SetOperand E, class... R>
auto per_axis_call(E&& e, R... r) {
  constexpr int D = dim_v<E>;
  static_assert(sizeof...(R) == 1 || sizeof...(R) == std::size_t(D),
                "subsetix: give one value for every axis, or one per axis (x, y[, z])");
  OpCall<O, D> call;
  if constexpr (sizeof...(R) == 1) {
    call.args.fill(coord_t(r...));
  } else {
    int a = 0;
    ((call.args[a++] = coord_t(r)), ...);
  }
  return make_call(call, static_cast<E&&>(e));
}
}  // namespace detail

/// Every cell within the box of radii r (>= 0) around a cell of e.
template <SetOperand E, std::integral... R>
auto expand(E&& e, R... r) {
  return detail::per_axis_call<ir::Op::expand>(static_cast<E&&>(e), r...);
}
/// The cells of e whose whole box of radii r lies in e.
template <SetOperand E, std::integral... R>
auto shrink(E&& e, R... r) {
  return detail::per_axis_call<ir::Op::shrink>(static_cast<E&&>(e), r...);
}
/// expand with compile-time radii (`c<r>`): the plan can be lowered at compile time.
template <SetOperand E, FixedCoord... R>
auto expand(E&& e, R... r) {
  static_assert(((R::value >= 0) && ...), "subsetix: expand radii must be >= 0");
  return detail::fixed_call<ir::Op::expand>(static_cast<E&&>(e), r...);
}
/// shrink with compile-time radii (`c<r>`): the plan can be lowered at compile time.
template <SetOperand E, FixedCoord... R>
auto shrink(E&& e, R... r) {
  static_assert(((R::value >= 0) && ...), "subsetix: shrink radii must be >= 0");
  return detail::fixed_call<ir::Op::shrink>(static_cast<E&&>(e), r...);
}
/// translate by compile-time offsets (`c<d>`): the plan can be lowered at compile time.
template <SetOperand E, FixedCoord... D>
auto translate(E&& e, D... d) {
  static_assert(sizeof...(D) == std::size_t(dim_v<E>),
                "subsetix: translate takes one offset per axis");
  return detail::fixed_call<ir::Op::translate>(static_cast<E&&>(e), d...);
}
/// e moved by (dx, dy[, dz]).
template <SetOperand E, std::integral... D>
auto translate(E&& e, D... d) {
  static_assert(sizeof...(D) == std::size_t(dim_v<E>),
                "subsetix: translate takes one offset per axis");
  return detail::per_axis_call<ir::Op::translate>(static_cast<E&&>(e), d...);
}
/// One level finer.
template <SetOperand E>
auto refine(E&& e) {
  return make_call(OpCall<ir::Op::refine, dim_v<E>>{}, static_cast<E&&>(e));
}
/// One level coarser.
template <SetOperand E>
auto coarsen(E&& e) {
  return make_call(OpCall<ir::Op::coarsen, dim_v<E>>{}, static_cast<E&&>(e));
}

}  // namespace subsetix
