#pragma once
/// \file
/// Pass 3: where fusion must stop. A subexpression is materialised into a stage of its own
/// (its output becomes a tap of the next stage) when
/// - a stage would need more than `plan::max_stage_taps` taps;
/// - expand applies to something that is not a union of (non-eroded) taps, or shrink to
///   something that is not an intersection of (non-dilated) taps, or the box has too many rows
///   to fan out: then morphology runs as its own passes of at most max_stage_taps row shifts;
/// - coarsen: its taps read row 2K + parity, so it runs as its own stage over a materialised
///   operand.

#include <cstdint>

#include "passes/dedupe_taps.hpp"
#include "passes/lower_morphology.hpp"

namespace subsetix::passes {

inline bool too_many_taps(const Formula& f) {
  return distinct_taps(f).size() > std::size_t(plan::max_stage_taps);
}

/// Morphology fuses into the current stage when it fans out into few enough taps.
inline bool fuse_morphology(const Formula& f, int dim, const std::array<std::int64_t, 3>& r, bool dilate) {
  if (!can_fan_out(f, dilate)) return false;
  if (r[1] > plan::max_stage_taps || r[2] > plan::max_stage_taps) return false;
  return fan_out_size(dim, r, std::int64_t(distinct_taps(f).size())) <= plan::max_stage_taps;
}

}  // namespace subsetix::passes
