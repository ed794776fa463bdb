#pragma once
/// \file
/// Pass 3: where fusion must stop. A subexpression is materialised into a stage of its own
/// (its output becomes a tap of the next stage) when
/// - a stage would exceed a fixed capacity of the plan: more than `plan::max_stage_taps` taps,
///   or, beyond `plan::max_table_taps` taps, a postfix program longer than `plan::max_program`;
/// - expand applies to something that is not a union of (non-eroded) taps, or shrink to
///   something that is not an intersection of (non-dilated) taps, or the box has too many rows
///   to fan out: then morphology runs as its own passes of at most max_stage_taps row shifts;
/// - coarsen: its taps read row 2K + parity, so it runs as its own stage over a materialised
///   operand.

#include <cstdint>

#include "subsetix/passes/dedupe_taps.hpp"
#include "subsetix/passes/lower_morphology.hpp"

namespace subsetix::passes {

/// True when one stage of `taps` distinct taps over a formula of `terms` terms (its postfix
/// program, beyond max_table_taps) fits the plan's fixed capacities.
constexpr bool fits_stage(std::size_t taps, std::size_t terms) {
  if (taps > std::size_t(plan::max_stage_taps)) return false;
  return taps <= std::size_t(plan::max_table_taps) || terms <= std::size_t(plan::max_program);
}
/// True when one stage can evaluate `f` within the plan's fixed capacities.
constexpr bool fits_stage(const Formula& f) {
  return fits_stage(distinct_taps(f).size(), f.terms.size());
}

/// Taps a morphology fan-out may bring into one stage. A row sweep costs about k^2 per row (k
/// taps, 2k boundaries), so a large box is cheaper as separable passes: measured on a 3D ball,
/// P - shrink(P, 1) as one 10-tap stage took 21.5 ms against 18.5 ms op by op.
inline constexpr std::int64_t max_fused_morphology_taps = 6;

/// Morphology fuses into the current stage when it fans out into few enough taps.
constexpr bool fuse_morphology(const Formula& f, int dim, const std::array<std::int64_t, 3>& r,
                               bool dilate) {
  if (!can_fan_out(f, dilate)) return false;
  if (r[1] > plan::max_stage_taps || r[2] > plan::max_stage_taps) return false;
  return fan_out_size(dim, r, std::int64_t(distinct_taps(f).size())) <= max_fused_morphology_taps;
}

}  // namespace subsetix::passes
