// The lowering driver: walks the IR once, applying passes 1-3, and emits stages through
// passes 4-6 (5b, group_taps, orders the taps before the truth table is final).
#include "passes/lower.hpp"

#include <map>

#include "passes/bound_capacity.hpp"
#include "passes/group_taps.hpp"
#include "passes/push_transforms.hpp"
#include "passes/split_stages.hpp"
#include "passes/truth_table.hpp"

namespace subsetix::passes {
namespace {

constexpr std::int64_t index_limit = INT32_MAX - 1;

class Lowering {
 public:
  Lowering(const ir::Expr& e, const std::vector<plan::Source>& inputs, LowerOptions options)
      : e_(e), options_(options) {
    plan_.dim = e.dim;
    plan_.inputs = int(inputs.size());
    plan_.sources.reserve(inputs.size() + 4);  // most plans have a stage or a few
    plan_.sources = inputs;
    plan_.stages.reserve(4);
  }

  Result<plan::Plan> run() {
    const FormulaPtr f = lower(e_.root, Transform{});
    if (!error_.message().empty()) return error_;
    plan_.result = materialise(f);
    const bool sweep_result =
        plan_.result >= plan_.inputs &&
        plan_.stages[std::size_t(plan_.result - plan_.inputs)].kind != plan::Stage::refine;
    if (options_.final_sweep && !sweep_result) plan_.result = materialise(f, /*force=*/true);
    if (!error_.message().empty()) return error_;
    return std::move(plan_);
  }

 private:
  const ir::Expr& e_;
  LowerOptions options_;
  plan::Plan plan_;
  Error error_{ErrorCode::capacity_exceeded, ""};
  std::map<std::pair<int, int>, int> refined_;  // (source, levels) -> source

  int dim() const { return plan_.dim; }

  int add_stage(plan::Stage stage) {
    if (stage.rows_bound > index_limit || stage.intervals_bound > index_limit)
      error_ = make_error(ErrorCode::capacity_exceeded, "fused plan: a stage may produce ",
                          stage.intervals_bound, " intervals in ", stage.rows_bound,
                          " rows, beyond the int32 index range");
    plan_.sources.push_back({stage.rows_bound, stage.intervals_bound});
    plan_.stages.push_back(std::move(stage));
    return plan_.newest_source();
  }

  /// Passes 4-6 on a formula: a sweep stage, or the source itself when the formula is one
  /// untransformed tap.
  int materialise(const FormulaPtr& f, bool force = false) {
    std::vector<plan::Tap> taps = distinct_taps(*f);
    if (!force && f->kind == Formula::tap && f->leaf == plan::Tap{f->leaf.source, {}, 0, 0})
      return f->leaf.source;
    plan::Stage stage;
    stage.kind = plan::Stage::sweep;
    const int k = int(taps.size());
    auto table = truth_table(*f, taps);
    if (const auto grouping = find_grouping(table, k)) {
      std::vector<plan::Tap> ordered;
      ordered.reserve(taps.size());
      for (const int t : grouping->order) ordered.push_back(taps[std::size_t(t)]);
      taps = std::move(ordered);
      table = truth_table(*f, taps);
      stage.group = grouping->group;
    }
    stage.taps = std::move(taps);
    if (k <= 6)
      stage.table = table[0];
    else
      postfix(*f, stage.taps, stage.program);
    std::vector<std::int64_t> rows;
    rows.reserve(stage.taps.size());
    for (const auto& t : stage.taps)
      rows.push_back(plan_.sources[std::size_t(t.source)].rows_bound);
    stage.candidate_taps = candidate_taps(table, k, rows);
    bound_sweep(stage, plan_.sources);
    return add_stage(std::move(stage));
  }

  /// A source seen through `levels` refinements (memoised refine stages).
  int refined(int source, int levels) {
    for (int l = 0; l < levels; ++l) {
      const auto key = std::make_pair(source, 1);
      if (auto it = refined_.find(key); it != refined_.end()) {
        source = it->second;
        continue;
      }
      plan::Stage stage;
      stage.kind = plan::Stage::refine;
      stage.source = source;
      bound_refine(stage, plan_.sources, dim());
      const int out = add_stage(std::move(stage));
      refined_[key] = out;
      source = out;
    }
    return source;
  }

  /// Pass 1 at a leaf: the source refined, then read through the shift.
  FormulaPtr leaf(int source, const Transform& t) {
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
  int morph_pass(int source, int slot, const std::vector<std::int64_t>& offsets, std::int64_t widen,
                 bool dilate) {
    FormulaPtr f;
    for (const std::int64_t o : offsets) {
      plan::Tap tap;
      tap.source = source;
      tap.key_offset[std::size_t(slot)] = o;
      tap.x_widen = widen;
      auto leaf_f = Formula::of(tap);
      f = f ? Formula::combine(dilate ? Formula::op_or : Formula::op_and, f, leaf_f) : leaf_f;
    }
    return materialise(f);
  }

  /// Morphology that does not fuse: separable passes of at most max_stage_taps shifts each, so
  /// radius r takes O(log r) stages.
  int morphology_passes(int source, const std::array<std::int64_t, 3>& r, bool dilate) {
    for (const auto& pass : separable_passes(dim(), r, dilate, plan::max_stage_taps))
      source = morph_pass(source, pass.slot, pass.offsets, pass.widen, dilate);
    return source;
  }

  FormulaPtr combine(Formula::Kind kind, FormulaPtr a, FormulaPtr b) {
    auto f = Formula::combine(kind, a, b);
    if (!too_many_taps(*f)) return f;
    // Split: materialise the operand with more taps, then try again.
    if (distinct_taps(*a).size() >= distinct_taps(*b).size())
      a = Formula::of(plan::Tap{materialise(a), {}, 0, 0});
    else
      b = Formula::of(plan::Tap{materialise(b), {}, 0, 0});
    f = Formula::combine(kind, a, b);
    if (too_many_taps(*f)) {
      b = Formula::of(plan::Tap{materialise(b), {}, 0, 0});
      a = Formula::of(plan::Tap{materialise(a), {}, 0, 0});
      f = Formula::combine(kind, a, b);
    }
    return f;
  }

  FormulaPtr lower(int index, const Transform& t) {
    const ir::Node& n = e_.nodes[std::size_t(index)];
    switch (n.op) {
      case ir::Op::input:
        return leaf(n.input, t);
      case ir::Op::translate:
        return lower(n.a, t.after_translate(n.args));
      case ir::Op::refine:
        return lower(n.a, t.after_refine());
      case ir::Op::union_op:
        return combine(Formula::op_or, lower(n.a, t), lower(n.b, t));
      case ir::Op::intersection:
        return combine(Formula::op_and, lower(n.a, t), lower(n.b, t));
      case ir::Op::difference:
        return combine(Formula::op_and_not, lower(n.a, t), lower(n.b, t));
      case ir::Op::symmetric_difference:
        return combine(Formula::op_xor, lower(n.a, t), lower(n.b, t));
      case ir::Op::expand:
      case ir::Op::shrink: {
        const bool dilate = n.op == ir::Op::expand;
        for (int a = 0; a < dim(); ++a)
          if (n.args[std::size_t(a)] < 0 || n.args[std::size_t(a)] > INT32_MAX) {
            error_ =
                make_error(ErrorCode::invalid_argument, dilate ? "expand" : "shrink", ": radius ",
                           n.args[std::size_t(a)], " on axis ", "xyz"[a], " must be in [0, 2^31)");
            return Formula::of(plan::Tap{0, {}, 0, 0});
          }
        std::array<std::int64_t, 3> r;
        for (int a = 0; a < 3; ++a) r[std::size_t(a)] = t.scale(n.args[std::size_t(a)]);
        const FormulaPtr operand = lower(n.a, t);
        if (fuse_morphology(*operand, dim(), r, dilate)) return fan_out(operand, dim(), r, dilate);
        const int source = morphology_passes(materialise(operand), r, dilate);
        return Formula::of(plan::Tap{source, {}, 0, 0});
      }
      case ir::Op::coarsen: {
        plan::Stage stage;
        stage.kind = plan::Stage::coarsen;
        stage.source = materialise(lower(n.a, Transform{}));
        bound_coarsen(stage, plan_.sources);
        return leaf(add_stage(std::move(stage)), t);
      }
    }
    return nullptr;
  }
};

}  // namespace

Result<plan::Plan> lower(const ir::Expr& e, const std::vector<plan::Source>& inputs,
                         LowerOptions options) {
  return Lowering(e, inputs, options).run();
}

}  // namespace subsetix::passes
