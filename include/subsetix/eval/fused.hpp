#pragma once
/// \file
/// The fused back end: a plan's stages chained on the device after one status reset. Per sweep
/// stage a sweep, a scan and a compact kernel; per refine stage one map; per coarsen stage a
/// parity partition and a sweep, scan and compact (plan::Plan::expected_kernels counts them).
/// Intermediate results live in the workspace at capacities the plan bounded on the host, their
/// sizes stay on the device; the host reads the status block once, at the end: one host
/// synchronisation per evaluation, none for a plan without stages (its result is an input).

#include <vector>

#include "subsetix/core/error.hpp"
#include "subsetix/core/interval_set.hpp"
#include "subsetix/eval/plan.hpp"
#include "subsetix/memory/workspace.hpp"

namespace subsetix {

/// Runs `plan` over `inputs` (plan.inputs sets); the result is a new pooled set.
template <int Dim>
Result<IntervalSet<Dim>> run_plan(const plan::Plan& plan,
                                  const std::vector<IntervalSet<Dim>>& inputs, Workspace& ws);

/// Runs `plan` writing the result into `out`'s arrays (their extents are its capacity). When the
/// result does not fit, returns ErrorCode::capacity_exceeded and writes nothing. The plan must
/// end in a sweep stage (lower it with `final_sweep`).
template <int Dim>
Result<void> run_plan_into(const plan::Plan& plan, const std::vector<IntervalSet<Dim>>& inputs,
                           IntervalSet<Dim>& out, Workspace& ws);

#define SUBSETIX_FUSED_EXTERN(D)                                                                   \
  extern template Result<IntervalSet<D>> run_plan(const plan::Plan&,                               \
                                                  const std::vector<IntervalSet<D>>&, Workspace&); \
  extern template Result<void> run_plan_into(                                                      \
      const plan::Plan&, const std::vector<IntervalSet<D>>&, IntervalSet<D>&, Workspace&);
SUBSETIX_FUSED_EXTERN(2)
SUBSETIX_FUSED_EXTERN(3)
#undef SUBSETIX_FUSED_EXTERN

}  // namespace subsetix
