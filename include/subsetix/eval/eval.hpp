#pragma once
/// \file
/// Evaluating C++ set expressions.
///
///     namespace sx = subsetix;
///     sx::Workspace ws;
///     auto ghosts = sx::eval(sx::expand(A, 2) - A, ws);  // fused: one fence
///     auto same   = sx::eval_unfused(sx::expand(A, 2) - A, ws);  // op by op, for comparison
///
/// `eval` throws subsetix::Exception on error (coordinate overflow, exhausted pool);
/// `try_eval` returns a Result instead.

#include <optional>

#include "subsetix/eval/fused.hpp"
#include "subsetix/eval/static_plan.hpp"
#include "subsetix/eval/string_eval.hpp"
#include "subsetix/expr/to_ir.hpp"
#include "subsetix/passes/lower.hpp"

namespace subsetix {

namespace detail {
/// The expression type an operand is evaluated as.
template <class E>
using owned_t = std::decay_t<decltype(owned(std::declval<const E&>()))>;

/// Runs the compile-time plan of `e` (pass 6 only at run time); `none` when its inputs mix
/// numbers of different `inputs()` calls (then it is planned at run time instead).
template <bool FinalSweep, SetOperand E, class Run>
auto run_static_plan(const E& e, Run&& run)
    -> std::optional<decltype(run(std::declval<const plan::Plan&>(),
                                  std::declval<const std::vector<IntervalSet<dim_v<E>>>&>()))> {
  using X = owned_t<E>;
  constexpr int D = dim_v<E>;
  constexpr auto n = std::size_t(static_input_count<X>());
  std::vector<IntervalSet<D>> in(n);
  std::array<bool, n> filled{};
  bool ok;
  if constexpr (is_set_expr<std::decay_t<E>>::value)
    ok = collect_static_inputs<D>(e, std::span(in), std::span(filled));
  else
    ok = collect_static_inputs<D>(owned(e), std::span(in), std::span(filled));
  if (!ok) return std::nullopt;
  std::array<plan::Source, n> sizes{};
  for (std::size_t i = 0; i < n; ++i) sizes[i] = {in[i].num_rows, in[i].num_intervals};
  plan::Plan& p = static_plan<X, FinalSweep>();
  if (auto sized = passes::bound_plan(p, sizes); !sized) return decltype(run(p, in))(sized.error());
  return run(p, in);
}
}  // namespace detail

/// The fused plan of an expression already turned into IR (the pass pipeline).
template <int Dim>
Result<plan::Plan> plan_of(const Lowered<Dim>& lowered, bool final_sweep = false) {
  std::vector<plan::Source> sizes;
  for (const auto& s : lowered.inputs) sizes.push_back({s.num_rows, s.num_intervals});
  return passes::lower(lowered.ir, sizes, passes::LowerOptions{final_sweep});
}

/// The fused plan of an expression (stages, taps, truth tables, capacities), lowered at run
/// time.
template <SetOperand E>
Result<plan::Plan> plan_of(const E& e, bool final_sweep = false) {
  return plan_of(to_ir(e), final_sweep);
}

/// The plan `eval` runs for `e`: the compile-time plan when `e`'s type fixes it (numbered
/// inputs, compile-time arguments), sized for `e`'s inputs; else the run-time lowering.
template <SetOperand E>
Result<plan::Plan> plan_used(const E& e, bool final_sweep = false) {
  if constexpr (detail::is_static_expr<detail::owned_t<E>>()) {
    auto copy = [](const plan::Plan& p, const auto&) -> Result<plan::Plan> { return p; };
    auto r = final_sweep ? detail::run_static_plan<true>(e, copy)
                         : detail::run_static_plan<false>(e, copy);
    if (r) return std::move(*r);
  }
  return plan_of(e, final_sweep);
}

/// Fused evaluation: one plan, one fence.
template <SetOperand E>
Result<IntervalSet<dim_v<E>>> try_eval(const E& e, Workspace& ws) {
  if constexpr (detail::is_static_expr<detail::owned_t<E>>()) {
    auto r = detail::run_static_plan<false>(
        e, [&](const plan::Plan& p, const auto& in) { return run_plan<dim_v<E>>(p, in, ws); });
    if (r) return std::move(*r);
  }
  const auto lowered = to_ir(e);
  auto plan = plan_of(lowered);
  if (!plan) return plan.error();
  return run_plan<dim_v<E>>(plan.value(), lowered.inputs, ws);
}
/// Fused evaluation; throws subsetix::Exception on error.
template <SetOperand E>
IntervalSet<dim_v<E>> eval(const E& e, Workspace& ws) {
  return try_eval(e, ws).value();
}
/// Fused evaluation with the default workspace.
template <SetOperand E>
IntervalSet<dim_v<E>> eval(const E& e) {
  return with_default_workspace([&](Workspace& ws) { return eval(e, ws); });
}

/// Evaluates into `out`'s arrays; an error (and `out` untouched) when they are too small.
template <SetOperand E>
Result<void> eval_into(const E& e, IntervalSet<dim_v<E>>& out, Workspace& ws) {
  if constexpr (detail::is_static_expr<detail::owned_t<E>>()) {
    auto r = detail::run_static_plan<true>(e, [&](const plan::Plan& p, const auto& in) {
      return run_plan_into<dim_v<E>>(p, in, out, ws);
    });
    if (r) return std::move(*r);
  }
  const auto lowered = to_ir(e);
  auto plan = plan_of(lowered, /*final_sweep=*/true);
  if (!plan) return plan.error();
  return run_plan_into<dim_v<E>>(plan.value(), lowered.inputs, out, ws);
}

/// The same expression op by op with the reference operations.
template <SetOperand E>
Result<IntervalSet<dim_v<E>>> try_eval_unfused(const E& e, Workspace& ws) {
  const auto lowered = to_ir(e);
  Prepared prepared{lowered.ir, {}};
  for (const auto& s : lowered.inputs) prepared.inputs.emplace_back(s);
  auto r = eval_unfused(prepared, ws);
  if (!r) return r.error();
  return std::get<IntervalSet<dim_v<E>>>(std::move(r).value());
}
/// Evaluates `e` op by op with the reference operations (for comparison with eval());
/// temporaries come from `ws`. Throws Exception on error.
template <SetOperand E>
IntervalSet<dim_v<E>> eval_unfused(const E& e, Workspace& ws) {
  return try_eval_unfused(e, ws).value();
}

}  // namespace subsetix
