#pragma once
/// \file
/// The C++ front end's compile-time lowering. An expression over numbered inputs
/// (expr/inputs.hpp) whose arguments are compile-time values (`c<r>`) is known entirely from
/// its type: Hana reads the node types into IR inside a constant expression, the shared passes
/// (passes/lower.hpp, all `constexpr`) lower it, and the plan is frozen into fixed arrays, a
/// constant of the program. At evaluation time only pass 6 (capacities, which need the inputs'
/// sizes) runs; the plan thawed from the constant is kept per thread and re-sized in place.

#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <type_traits>
#include <vector>

#include <boost/hana/at.hpp>
#include <boost/hana/for_each.hpp>

#include "subsetix/eval/plan.hpp"
#include "subsetix/expr/functions.hpp"
#include "subsetix/expr/inputs.hpp"
#include "subsetix/passes/lower.hpp"

namespace subsetix::detail {

/// Element I of expression node X, by type.
template <class X, std::size_t I>
using element_t = std::decay_t<decltype(boost::hana::at_c<I>(std::declval<X>().elements))>;

/// True when an operation's arguments are in its type: compile-time values (FixedCall), or
/// none at all (the operator table's Args::none).
template <class Call>
struct has_fixed_args : std::bool_constant<ir::info(Call::op).args == ir::Args::none> {};
template <ir::Op O, int D, coord_t... A>
struct has_fixed_args<FixedCall<O, D, A...>> : std::true_type {};

/// The callable (an OpCall or FixedCall) of call node X.
template <class X>
using callable_t = element_t<element_t<X, 0>, 0>;

/// Applies `f` to the operand types of call node X, as `f.template operator()<Operand>()`.
template <class X, class F>
constexpr void for_each_operand(F&& f) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (f.template operator()<element_t<X, I + 1>>(), ...);
  }
  (std::make_index_sequence<std::size_t(ir::arity(callable_t<X>::op))>{});
}

/// True when the expression's type fixes its IR: numbered inputs, compile-time arguments.
template <class X>
constexpr bool is_static_expr() {
  if constexpr (X::kind == yap::expr_kind::terminal) {
    return is_input<element_t<X, 0>>::value;
  } else {
    bool fixed = has_fixed_args<callable_t<X>>::value;
    for_each_operand<X>([&]<class O>() { fixed = fixed && is_static_expr<O>(); });
    return fixed;
  }
}

/// Inputs the expression numbers: its largest input number + 1.
template <class X>
constexpr int static_input_count() {
  if constexpr (X::kind == yap::expr_kind::terminal) {
    return element_t<X, 0>::index + 1;
  } else {
    int count = 0;
    for_each_operand<X>([&]<class O>() { count = std::max(count, static_input_count<O>()); });
    return count;
  }
}

/// Appends the IR of X (read from its type alone) to `e`; returns its root node.
template <class X>
constexpr int add_static_nodes(ir::Tree& e) {
  if constexpr (X::kind == yap::expr_kind::terminal) {
    return e.add(ir::Node{ir::Op::input, -1, -1, {}, element_t<X, 0>::index});
  } else {
    using Call = callable_t<X>;
    ir::Node n;
    n.op = Call::op;
    if constexpr (ir::info(Call::op).args != ir::Args::none)
      for (std::size_t a = 0; a < Call::fixed.size(); ++a) n.args[a] = Call::fixed[a];
    int index[2] = {-1, -1}, k = 0;
    for_each_operand<X>([&]<class O>() { index[k++] = add_static_nodes<O>(e); });  // a then b
    n.a = index[0];
    n.b = index[1];
    return e.add(n);
  }
}

/// A plan in fixed arrays (a compile-time constant); `thaw` makes the plan::Plan the back end
/// runs.
template <std::size_t Stages, std::size_t Taps, std::size_t Steps, std::size_t Words>
struct FrozenPlan {
  /// One stage of the plan.
  struct Stage {
    plan::Stage::Kind kind = plan::Stage::sweep;     ///< what the stage does
    int source = -1;                                 ///< refine, coarsen
    std::size_t num_taps = 0;                        ///< taps used
    std::array<plan::Tap, Taps> taps{};              ///< sweep
    std::uint64_t table = 0;                         ///< sweep, <= plan::max_table_taps taps
    std::size_t num_steps = 0;                       ///< program steps used
    std::array<plan::ProgramStep, Steps> program{};  ///< sweep, more taps
    plan::TapGroup group{};                          ///< sweep
    std::size_t num_words = 0;                       ///< truth table words used
    std::array<std::uint64_t, Words> truth{};        ///< sweep: all 2^k outputs
  };
  int dim = 2;                         ///< the dimension
  int inputs = 0;                      ///< input sets
  int result = -1;                     ///< the source holding the result
  std::array<Stage, Stages> stages{};  ///< in execution order

  /// The plan, without capacities (passes::bound_plan adds them).
  plan::Plan thaw() const {
    plan::Plan p;
    p.dim = dim;
    p.inputs = inputs;
    p.result = result;
    p.sources.reserve(std::size_t(inputs) + Stages);
    for (const Stage& f : stages) {
      plan::Stage s;
      s.kind = f.kind;
      s.source = f.source;
      s.table = f.table;
      s.group = f.group;
      // (empty arrays have no storage to copy from: copy only what a plan has)
      if constexpr (Taps > 0) {
        s.taps.assign(f.taps.begin(), f.taps.begin() + std::ptrdiff_t(f.num_taps));
        s.candidate_taps.reserve(f.num_taps);
      }
      if constexpr (Steps > 0)
        s.program.assign(f.program.begin(), f.program.begin() + std::ptrdiff_t(f.num_steps));
      if constexpr (Words > 0)
        s.truth.assign(f.truth.begin(), f.truth.begin() + std::ptrdiff_t(f.num_words));
      p.stages.push_back(std::move(s));
    }
    return p;
  }
};

/// The compile-time plan of expression type X (passes 1-5b run by the compiler).
template <class X, bool FinalSweep>
struct StaticPlan {
  /// The passes' output, in a constant expression.
  static constexpr passes::PlanStructure structure() {
    ir::Tree e;
    e.dim = dim_v<X>;
    e.root = add_static_nodes<X>(e);
    return passes::lower_structure(e, static_input_count<X>(), passes::LowerOptions{FinalSweep});
  }
  /// {stages, most taps, longest program, most truth words, failed}: the frozen arrays' sizes.
  static constexpr std::array<std::size_t, 5> extents = [] {
    const passes::PlanStructure s = structure();
    std::array<std::size_t, 5> n{s.plan.stages.size(), 0, 0, 0, s.fault.failed};
    for (const auto& st : s.plan.stages) {
      n[1] = std::max(n[1], st.taps.size());
      n[2] = std::max(n[2], st.program.size());
      n[3] = std::max(n[3], st.truth.size());
    }
    return n;
  }();
  static_assert(
      extents[4] == 0,
      "subsetix: the expression cannot be lowered (an expand or shrink radius out of [0, 2^31))");
  /// The plan, frozen.
  using Frozen = FrozenPlan<extents[0], extents[1], extents[2], extents[3]>;
  /// The plan: a constant of the program.
  static constexpr Frozen frozen = [] {
    const passes::PlanStructure s = structure();
    Frozen f;
    f.dim = s.plan.dim;
    f.inputs = s.plan.inputs;
    f.result = s.plan.result;
    for (std::size_t i = 0; i < f.stages.size(); ++i) {
      const plan::Stage& st = s.plan.stages[i];
      auto& out = f.stages[i];
      out.kind = st.kind;
      out.source = st.source;
      out.num_taps = st.taps.size();
      for (std::size_t t = 0; t < st.taps.size(); ++t) out.taps[t] = st.taps[t];
      out.table = st.table;
      out.num_steps = st.program.size();
      for (std::size_t t = 0; t < st.program.size(); ++t) out.program[t] = st.program[t];
      out.group = st.group;
      out.num_words = st.truth.size();
      for (std::size_t t = 0; t < st.truth.size(); ++t) out.truth[t] = st.truth[t];
    }
    return f;
  }();
};

/// This thread's copy of X's plan, thawed once; pass 6 re-sizes it in place at every
/// evaluation (no allocation once warm).
template <class X, bool FinalSweep>
plan::Plan& static_plan() {
  thread_local plan::Plan p = StaticPlan<X, FinalSweep>::frozen.thaw();
  return p;
}

/// Writes every numbered input of `x` to its slot; false when two different sets carry one
/// number (inputs of different `inputs()` calls mixed: the plan would confuse them).
template <int Dim, class X>
bool collect_static_inputs(const X& x, std::span<IntervalSet<Dim>> slots, std::span<bool> filled) {
  if constexpr (X::kind == yap::expr_kind::terminal) {
    const auto& in = boost::hana::at_c<0>(x.elements);
    constexpr auto i = std::size_t(std::decay_t<decltype(in)>::index);
    if (filled[i])
      return slots[i].row_keys.data() == in.row_keys.data() &&
             slots[i].intervals.data() == in.intervals.data() && slots[i].num_rows == in.num_rows &&
             slots[i].num_intervals == in.num_intervals;
    slots[i] = in;
    filled[i] = true;
    return true;
  } else {
    bool ok = true;
    boost::hana::for_each(x.elements, [&](const auto& child) {
      using C = std::decay_t<decltype(child)>;
      if constexpr (is_set_expr<C>::value)
        if constexpr (C::kind != yap::expr_kind::terminal || is_input<element_t<C, 0>>::value)
          ok = ok && collect_static_inputs<Dim>(child, slots, filled);
    });
    return ok;
  }
}

}  // namespace subsetix::detail
