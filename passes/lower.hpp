#pragma once
/// \file
/// The pass pipeline: an expression IR and the sizes of its inputs in, a fused plan out.
/// Passes 1-3 act while the tree is walked (transforms pushed down, morphology lowered, stages
/// split); passes 4-6 run on every stage as it is emitted (taps de-duplicated, formula
/// compiled, capacities bounded). The runtime front end (expression strings) and the C++ front
/// end use this one pipeline.

#include <vector>

#include "subsetix/core/error.hpp"
#include "subsetix/eval/plan.hpp"
#include "subsetix/expr/ir.hpp"

namespace subsetix::passes {

struct LowerOptions {
  /// The result is always written by a final sweep stage (so that it can go into a caller's
  /// arrays with a capacity check), even when the expression is an input or ends in refine.
  bool final_sweep = false;
};

Result<plan::Plan> lower(const ir::Expr& e, const std::vector<plan::Source>& inputs,
                         LowerOptions options = LowerOptions());

}  // namespace subsetix::passes
