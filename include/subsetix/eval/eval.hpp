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

#include "passes/lower.hpp"
#include "subsetix/eval/fused.hpp"
#include "subsetix/eval/runtime.hpp"
#include "subsetix/expr/to_ir.hpp"

namespace subsetix {

/// The fused plan of an expression already turned into IR (the pass pipeline).
template <int Dim>
Result<plan::Plan> plan_of(const Lowered<Dim>& lowered, bool final_sweep = false) {
  std::vector<plan::Source> sizes;
  for (const auto& s : lowered.inputs) sizes.push_back({s.num_rows, s.num_intervals});
  return passes::lower(lowered.ir, sizes, passes::LowerOptions{final_sweep});
}

/// The fused plan of an expression (stages, taps, truth tables, capacities).
template <SetOperand E>
Result<plan::Plan> plan_of(const E& e, bool final_sweep = false) {
  return plan_of(to_ir(e), final_sweep);
}

/// Fused evaluation: one plan, one fence.
template <SetOperand E>
Result<IntervalSet<dim_v<E>>> try_eval(const E& e, Workspace& ws) {
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
