#pragma once
/// \file
/// Pass 6: bound every stage's output on the host, from input sizes alone, before any kernel
/// runs. A sweep's output rows are among its candidate taps' rows; each output interval starts
/// and ends at boundaries of tap intervals and is separated from the next by a gap, so there
/// are at most as many as the taps' intervals together (widening and coarsening only merge).
/// This holds because every formula maps "no tap covers x" to "x is out" (there is no bare
/// complement in the language).
///
/// The only pass that reads the inputs' sizes, so the only one that runs at evaluation time
/// for a plan the C++ front end lowered at compile time. It also chooses each sweep's
/// candidate taps (the smallest sources that cover every accepted mask).

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "subsetix/core/error.hpp"
#include "subsetix/eval/plan.hpp"
#include "subsetix/passes/truth_table.hpp"

namespace subsetix::passes {

constexpr void bound_sweep(plan::Stage& stage, const std::vector<plan::Source>& sources) {
  stage.rows_bound = 0;
  stage.intervals_bound = 0;
  for (int t : stage.candidate_taps)
    stage.rows_bound += sources[std::size_t(stage.taps[std::size_t(t)].source)].rows_bound;
  for (const auto& tap : stage.taps)
    stage.intervals_bound += sources[std::size_t(tap.source)].intervals_bound;
}

constexpr void bound_refine(plan::Stage& stage, const std::vector<plan::Source>& sources, int dim) {
  const std::int64_t children = std::int64_t(1) << (dim - 1);
  stage.rows_bound = sources[std::size_t(stage.source)].rows_bound * children;
  stage.intervals_bound = sources[std::size_t(stage.source)].intervals_bound * children;
}

constexpr void bound_coarsen(plan::Stage& stage, const std::vector<plan::Source>& sources) {
  stage.rows_bound = sources[std::size_t(stage.source)].rows_bound;
  stage.intervals_bound = sources[std::size_t(stage.source)].intervals_bound;
}

/// Sizes `plan` (lowered without them) for inputs of sizes `inputs`: every stage's candidate
/// taps and capacities, and `plan.sources`. Reuses the plan's storage, so a plan kept between
/// evaluations is re-sized without allocating. An error when a capacity leaves the int32 index
/// range.
inline Result<void> bound_plan(plan::Plan& plan, std::span<const plan::Source> inputs) {
  constexpr std::int64_t index_limit = INT32_MAX - 1;
  plan.sources.assign(inputs.begin(), inputs.end());
  for (auto& stage : plan.stages) {
    if (stage.kind == plan::Stage::sweep) {
      if (stage.taps.size() > std::size_t(plan::max_stage_taps) ||
          stage.truth.size() * 64 < (std::size_t(1) << stage.taps.size()))
        return make_error(ErrorCode::invalid_argument, "fused plan: a stage of ", stage.taps.size(),
                          " taps exceeds plan::max_stage_taps (", plan::max_stage_taps,
                          ") or lacks its truth table");
      std::array<std::int64_t, plan::max_stage_taps> rows{};
      for (std::size_t t = 0; t < stage.taps.size(); ++t)
        rows[t] = plan.sources[std::size_t(stage.taps[t].source)].rows_bound;
      candidate_taps(stage.truth, int(stage.taps.size()), rows, stage.candidate_taps);
      bound_sweep(stage, plan.sources);
    } else if (stage.kind == plan::Stage::refine) {
      bound_refine(stage, plan.sources, plan.dim);
    } else {
      bound_coarsen(stage, plan.sources);
    }
    if (stage.rows_bound > index_limit || stage.intervals_bound > index_limit)
      return make_error(ErrorCode::capacity_exceeded, "fused plan: a stage may produce ",
                        stage.intervals_bound, " intervals in ", stage.rows_bound,
                        " rows, beyond the int32 index range");
    plan.sources.push_back({stage.rows_bound, stage.intervals_bound});
  }
  return boost::outcome_v2::success();
}

}  // namespace subsetix::passes
