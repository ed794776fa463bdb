#pragma once
/// \file
/// Pass 6: bound every stage's output on the host, from input sizes alone, before any kernel
/// runs. A sweep's output rows are among its candidate taps' rows; each output interval starts
/// and ends at boundaries of tap intervals and is separated from the next by a gap, so there
/// are at most as many as the taps' intervals together (widening and coarsening only merge).
/// This holds because every formula maps "no tap covers x" to "x is out" (there is no bare
/// complement in the language).

#include <cstdint>
#include <vector>

#include "subsetix/eval/plan.hpp"

namespace subsetix::passes {

inline void bound_sweep(plan::Stage& stage, const std::vector<plan::Source>& sources) {
  stage.rows_bound = 0;
  stage.intervals_bound = 0;
  for (int t : stage.candidate_taps)
    stage.rows_bound += sources[std::size_t(stage.taps[std::size_t(t)].source)].rows_bound;
  for (const auto& tap : stage.taps)
    stage.intervals_bound += sources[std::size_t(tap.source)].intervals_bound;
}

inline void bound_refine(plan::Stage& stage, const std::vector<plan::Source>& sources, int dim) {
  const std::int64_t children = std::int64_t(1) << (dim - 1);
  stage.rows_bound = sources[std::size_t(stage.source)].rows_bound * children;
  stage.intervals_bound = sources[std::size_t(stage.source)].intervals_bound * children;
}

inline void bound_coarsen(plan::Stage& stage, const std::vector<plan::Source>& sources) {
  stage.rows_bound = sources[std::size_t(stage.source)].rows_bound;
  stage.intervals_bound = sources[std::size_t(stage.source)].intervals_bound;
}

}  // namespace subsetix::passes
