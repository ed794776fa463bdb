#pragma once
/// \file
/// The pass pipeline: an expression IR in, a fused plan out. Passes 1-3 act while the tree is
/// walked once (transforms pushed down, morphology lowered, stages split); passes 4-5b run on
/// every stage as it is emitted (taps de-duplicated, formula compiled, taps grouped). All of
/// that is `constexpr` and reads no input size: the C++ front end runs it at compile time
/// (eval/static_plan.hpp), the runtime front end (expression strings) at run time. Pass 6,
/// `bound_plan`, then sizes the plan from the inputs' sizes at evaluation time.

#include <array>
#include <cstdint>
#include <vector>

#include "subsetix/core/error.hpp"
#include "subsetix/eval/plan.hpp"
#include "subsetix/expr/ir.hpp"
#include "subsetix/passes/bound_capacity.hpp"
#include "subsetix/passes/group_taps.hpp"
#include "subsetix/passes/push_transforms.hpp"
#include "subsetix/passes/split_stages.hpp"
#include "subsetix/passes/truth_table.hpp"

namespace subsetix::passes {

/// How to lower.
struct LowerOptions {
  /// The result is always written by a final sweep stage (so that it can go into a caller's
  /// arrays with a capacity check), even when the expression is an input or ends in refine.
  bool final_sweep = false;
};

/// Why a lowering failed, as plain data (a compile-time lowering is checked by static_assert).
struct LoweringFault {
  /// What went wrong.
  enum Kind { radius_out_of_range, stage_too_large };
  /// True when the expression cannot be lowered.
  bool failed = false;
  Kind kind = radius_out_of_range;  ///< the fault, when failed
  bool dilate = false;              ///< expand (else shrink) has a radius out of range
  int axis = 0;                     ///< on this axis (0 = x)
  std::int64_t radius = 0;          ///< this radius
};

/// A plan before pass 6: stages, taps, truth tables, groups; no candidate taps, no capacities.
struct PlanStructure {
  /// The plan (plan.sources empty).
  plan::Plan plan;
  /// Set when the expression could not be lowered.
  LoweringFault fault;
};

namespace detail {

class Lowering {
 public:
  constexpr Lowering(const ir::Tree& e, int inputs, LowerOptions options)
      : e_(e), options_(options) {
    out_.plan.dim = e.dim;
    out_.plan.inputs = inputs;
    out_.plan.stages.reserve(4);  // most plans have a stage or a few
  }

  constexpr PlanStructure run() {
    const Formula f = lower(e_.root, Transform{});
    plan::Plan& p = out_.plan;
    p.result = materialise(f);
    const bool sweep_result =
        p.result >= p.inputs &&
        p.stages[std::size_t(p.result - p.inputs)].kind != plan::Stage::refine;
    if (options_.final_sweep && !sweep_result) p.result = materialise(f, /*force=*/true);
    return std::move(out_);
  }

 private:
  const ir::Tree& e_;
  LowerOptions options_;
  PlanStructure out_;
  std::vector<std::array<int, 2>> refined_;  // {source, its refinement}

  constexpr int dim() const { return out_.plan.dim; }

  constexpr int add_stage(plan::Stage stage) {
    out_.plan.stages.push_back(std::move(stage));
    return out_.plan.source_of_stage(out_.plan.stages.size() - 1);
  }

  /// Passes 4-5b on a formula: a sweep stage, or the source itself when the formula is one
  /// untransformed tap.
  constexpr int materialise(const Formula& f, bool force = false) {
    const plan::Tap& root = f.terms.back().leaf;
    if (!force && f.terms.size() == 1 && root == plan::Tap{root.source, {}, 0, 0})
      return root.source;
    std::vector<plan::Tap> taps = distinct_taps(f);
    if (!fits_stage(taps.size(), f.terms.size())) {
      // Unreachable while pass 3 splits; never emit an oversized stage.
      out_.fault.failed = true;
      out_.fault.kind = LoweringFault::stage_too_large;
      return root.source;
    }
    plan::Stage stage;
    stage.kind = plan::Stage::sweep;
    const int k = int(taps.size());
    auto table = truth_table(f, taps);
    if (const auto grouping = find_grouping(table, k)) {
      std::vector<plan::Tap> ordered;
      ordered.reserve(taps.size());
      for (const int t : grouping->order) ordered.push_back(taps[std::size_t(t)]);
      taps = std::move(ordered);
      table = truth_table(f, taps);
      stage.group = grouping->group;
    }
    stage.taps = std::move(taps);
    if (k <= plan::max_table_taps)
      stage.table = table[0];
    else
      postfix(f, stage.taps, stage.program);
    stage.truth = std::move(table);
    return add_stage(std::move(stage));
  }

  /// A source seen through `levels` refinements (memoised refine stages).
  constexpr int refined(int source, int levels) {
    for (int l = 0; l < levels; ++l) {
      int found = -1;
      for (const auto& r : refined_)
        if (r[0] == source) found = r[1];
      if (found < 0) {
        plan::Stage stage;
        stage.kind = plan::Stage::refine;
        stage.source = source;
        found = add_stage(std::move(stage));
        refined_.push_back({source, found});
      }
      source = found;
    }
    return source;
  }

  /// Pass 1 at a leaf: the source refined, then read through the shift.
  constexpr Formula leaf(int source, const Transform& t) {
    plan::Tap tap;
    tap.source = refined(source, t.levels);
    tap.x_shift = t.shift[0];
    if (dim() == 2) {
      tap.key_offset = {-t.shift[1], 0};
    } else {
      tap.key_offset = {-t.shift[2], -t.shift[1]};
    }
    return Formula::of(tap);
  }

  /// Row shifts `offsets` along key slot `slot` combined by OR (dilate) or AND: one pass.
  constexpr int morph_pass(int source, int slot, const std::vector<std::int64_t>& offsets,
                           std::int64_t widen, bool dilate) {
    Formula f;
    for (const std::int64_t o : offsets) {
      plan::Tap tap;
      tap.source = source;
      tap.key_offset[std::size_t(slot)] = o;
      tap.x_widen = widen;
      if (f.terms.empty())
        f = Formula::of(tap);
      else
        f = Formula::combine(distributes_over(dilate), f, Formula::of(tap));
    }
    return materialise(f);
  }

  /// Morphology that does not fuse: separable passes of at most max_stage_taps shifts each, so
  /// radius r takes O(log r) stages.
  constexpr int morphology_passes(int source, const std::array<std::int64_t, 3>& r, bool dilate) {
    for (const auto& pass : separable_passes(dim(), r, dilate, plan::max_stage_taps))
      source = morph_pass(source, pass.slot, pass.offsets, pass.widen, dilate);
    return source;
  }

  /// A source read as it is.
  static constexpr Formula whole(int source) { return Formula::of(plan::Tap{source, {}, 0, 0}); }

  /// Pass 3 at a binary node: `a kind b` in one stage when it fits (split_stages.hpp), else the
  /// larger operand (by taps, then by program length) materialised first, then both. Two
  /// materialised operands always fit: two taps.
  constexpr Formula combine(ir::Op kind, Formula a, Formula b) {
    if (Formula f = Formula::combine(kind, a, b); fits_stage(f)) return f;
    const std::size_t ta = distinct_taps(a).size(), tb = distinct_taps(b).size();
    if (ta > tb || (ta == tb && a.terms.size() >= b.terms.size()))
      a = whole(materialise(a));
    else
      b = whole(materialise(b));
    if (!fits_stage(Formula::combine(kind, a, b))) {
      b = whole(materialise(b));
      a = whole(materialise(a));
    }
    return Formula::combine(kind, a, b);
  }

  constexpr Formula lower(int index, const Transform& t) {
    const ir::Node& n = e_.nodes[std::size_t(index)];
    // Dispatch on the operator table's lowering rule: a new operator of a known kind needs
    // nothing here.
    switch (ir::info(n.op).lowering) {
      case ir::Lowering::input:
        return leaf(n.input, t);
      case ir::Lowering::translate:
        return lower(n.a, t.after_translate(n.args));
      case ir::Lowering::refine:
        return lower(n.a, t.after_refine());
      case ir::Lowering::boolean: {
        // Operands in order (not as call arguments, whose order the compiler picks), so the
        // stages come out alike at compile time and at run time.
        Formula a = lower(n.a, t);
        Formula b = lower(n.b, t);
        return combine(n.op, std::move(a), std::move(b));
      }
      case ir::Lowering::dilate:
      case ir::Lowering::erode: {
        const bool dilate = ir::info(n.op).lowering == ir::Lowering::dilate;
        for (int a = 0; a < dim(); ++a)
          if (n.args[std::size_t(a)] < 0 || n.args[std::size_t(a)] > INT32_MAX) {
            out_.fault = LoweringFault{true, LoweringFault::radius_out_of_range, dilate, a,
                                       n.args[std::size_t(a)]};
            return whole(0);
          }
        std::array<std::int64_t, 3> r{};
        for (int a = 0; a < 3; ++a) r[std::size_t(a)] = t.scale(n.args[std::size_t(a)]);
        const Formula operand = lower(n.a, t);
        if (fuse_morphology(operand, dim(), r, dilate)) return fan_out(operand, dim(), r, dilate);
        return whole(morphology_passes(materialise(operand), r, dilate));
      }
      case ir::Lowering::coarsen: {
        plan::Stage stage;
        stage.kind = plan::Stage::coarsen;
        stage.source = materialise(lower(n.a, Transform{}));
        return leaf(add_stage(std::move(stage)), t);
      }
    }
    return whole(0);
  }
};

}  // namespace detail

/// Passes 1-5b: the plan's structure, from the expression alone (`inputs` input sets).
constexpr PlanStructure lower_structure(const ir::Tree& e, int inputs,
                                        LowerOptions options = LowerOptions()) {
  return detail::Lowering(e, inputs, options).run();
}

/// The error a fault reports.
inline Error fault_error(const LoweringFault& f) {
  if (f.kind == LoweringFault::stage_too_large)
    return make_error(ErrorCode::invalid_argument, "a stage exceeds the plan's capacities (",
                      plan::max_stage_taps, " taps, ", plan::max_program, " program steps)");
  return make_error(ErrorCode::invalid_argument, f.dilate ? "expand" : "shrink", ": radius ",
                    f.radius, " on axis ", "xyz"[f.axis], " must be in [0, 2^31)");
}

/// The whole pipeline at run time: passes 1-5b, then pass 6 for inputs of sizes `inputs`.
inline Result<plan::Plan> lower(const ir::Tree& e, const std::vector<plan::Source>& inputs,
                                LowerOptions options = LowerOptions()) {
  PlanStructure s = lower_structure(e, int(inputs.size()), options);
  if (s.fault.failed) return fault_error(s.fault);
  if (auto sized = bound_plan(s.plan, inputs); !sized) return sized.error();
  return std::move(s.plan);
}

}  // namespace subsetix::passes
