// Each pass on its own, then the pipeline's plans for characteristic expressions.
#include <gtest/gtest.h>

#include <random>

#include "subsetix/passes/bound_capacity.hpp"
#include "subsetix/passes/dedupe_taps.hpp"
#include "subsetix/passes/group_taps.hpp"
#include "subsetix/passes/lower.hpp"
#include "subsetix/passes/lower_morphology.hpp"
#include "subsetix/passes/push_transforms.hpp"
#include "subsetix/passes/split_stages.hpp"
#include "subsetix/passes/truth_table.hpp"

namespace {

namespace passes = subsetix::passes;
namespace plan = subsetix::plan;
namespace ir = subsetix::ir;
using passes::Formula;

plan::Tap tap(int source, std::int64_t dy = 0, std::int64_t dx = 0, std::int64_t widen = 0) {
  return plan::Tap{source, {dy, 0}, dx, widen};
}

TEST(PushTransforms, ComposesTranslationsAndRefinements) {
  passes::Transform t;
  EXPECT_TRUE(t.identity());
  // refine(translate(A, d)) = translate(refine(A), 2d): walking down, refine comes first.
  const auto r = t.after_refine().after_translate({1, -2, 3});
  EXPECT_EQ(r.levels, 1);
  EXPECT_EQ(r.shift, (std::array<std::int64_t, 3>{2, -4, 6}));
  // translate(refine(A), d): the shift stays in fine cells.
  const auto s = t.after_translate({1, -2, 3}).after_refine();
  EXPECT_EQ(s.shift, (std::array<std::int64_t, 3>{1, -2, 3}));
  EXPECT_EQ(s.scale(3), 6);  // radii double per refinement
}

TEST(LowerMorphology, FansUnionsOutIntoRowShiftedWidenedTaps) {
  const auto u = Formula::combine(ir::Op::union_op, Formula::of(tap(0)), Formula::of(tap(1)));
  EXPECT_TRUE(passes::can_fan_out(u, true));
  EXPECT_FALSE(passes::can_fan_out(u, false));  // shrink needs an intersection
  const auto out = passes::fan_out(u, 2, {2, 1, 0}, true);
  const auto taps = passes::distinct_taps(out);
  ASSERT_EQ(taps.size(), 6u);  // 2 taps x 3 row shifts
  for (const auto& t : taps) EXPECT_EQ(t.x_widen, 2);
  EXPECT_EQ(passes::fan_out_size(3, {1, 1, 1}, 2), 18);
  EXPECT_EQ(passes::box_row_offsets(3, {0, 1, 1}).size(), 9u);
  // A narrowed tap is not widened back: expand(shrink(A)) is an opening, not A.
  EXPECT_FALSE(passes::can_fan_out(Formula::of(tap(0, 0, 0, -1)), true));
}

TEST(SplitStages, TooManyTapsOrNonUnionsStopFusion) {
  auto f = Formula::of(tap(0));
  for (int i = 1; i <= plan::max_stage_taps; ++i)
    f = Formula::combine(ir::Op::union_op, f, Formula::of(tap(i)));
  EXPECT_FALSE(passes::fits_stage(f));
  const auto inter =
      Formula::combine(ir::Op::intersection, Formula::of(tap(0)), Formula::of(tap(1)));
  EXPECT_FALSE(passes::fuse_morphology(inter, 2, {1, 1, 0}, true));  // expand of an intersection
  EXPECT_TRUE(passes::fuse_morphology(inter, 2, {1, 1, 0}, false));  // shrink of one: fine
  EXPECT_FALSE(passes::fuse_morphology(Formula::of(tap(0)), 2, {1, 8, 0}, true));  // 17 rows
  EXPECT_FALSE(
      passes::fuse_morphology(Formula::of(tap(0)), 3, {1, 1, 1}, true));  // 9 taps: separable
  EXPECT_TRUE(passes::fuse_morphology(Formula::of(tap(0)), 2, {100, 2, 0}, true));  // x is free
}

TEST(DedupeTaps, SameSourceAndShiftsIsOneTap) {
  const auto a = Formula::of(tap(0)), b = Formula::of(tap(1));
  EXPECT_EQ(passes::distinct_taps(Formula::combine(ir::Op::union_op, a, a)).size(), 1u);
  const auto xor_like =
      Formula::combine(ir::Op::union_op, Formula::combine(ir::Op::difference, a, b),
                       Formula::combine(ir::Op::difference, b, a));
  EXPECT_EQ(passes::distinct_taps(xor_like).size(), 2u);
  EXPECT_EQ(
      passes::distinct_taps(Formula::combine(ir::Op::union_op, a, Formula::of(tap(0, 1)))).size(),
      2u);
}

TEST(TruthTable, TablesProgramsAndCandidates) {
  const auto A = Formula::of(tap(0)), B = Formula::of(tap(1)), C = Formula::of(tap(2));
  const auto e2 =
      Formula::combine(ir::Op::intersection, Formula::combine(ir::Op::union_op, A, B), C);
  const auto taps = passes::distinct_taps(e2);
  const auto table = passes::truth_table(e2, taps);
  EXPECT_EQ(table[0], 0b11100000u);  // masks 5, 6, 7
  EXPECT_EQ(passes::candidate_taps(table, 3, {100, 100, 10}), (std::vector<int>{2}));  // C alone
  // A - B: only A's rows; A ^ B: both.
  const auto diff = Formula::combine(ir::Op::difference, A, B);
  EXPECT_EQ(
      passes::candidate_taps(passes::truth_table(diff, passes::distinct_taps(diff)), 2, {1, 1}),
      (std::vector<int>{0}));
  const auto sym = Formula::combine(ir::Op::symmetric_difference, A, B);
  EXPECT_EQ(passes::candidate_taps(passes::truth_table(sym, passes::distinct_taps(sym)), 2, {1, 1}),
            (std::vector<int>{0, 1}));
  // The postfix program evaluates like the table.
  std::vector<plan::ProgramStep> program;
  passes::postfix(e2, taps, program);
  EXPECT_EQ(program.size(), 5u);
  EXPECT_EQ(program.back().instr, plan::Instr::combine);
  EXPECT_EQ(program.back().truth, ir::info(ir::Op::intersection).truth);
}

/// A table over k taps from a predicate on the mask.
template <class F>
std::vector<std::uint64_t> table_of(int k, F&& f) {
  std::vector<std::uint64_t> t((std::size_t(1) << k) / 64 + 1, 0);
  for (std::uint32_t m = 0; m < (std::uint32_t(1) << k); ++m)
    if (f(m)) t[m / 64] |= std::uint64_t(1) << (m % 64);
  return t;
}

TEST(GroupTaps, FindsUnionsIntersectionsAndTheirCombinations) {
  // A | B: one OR group, no single tap.
  auto g = passes::find_grouping(table_of(2, [](std::uint32_t m) { return m != 0; }), 2);
  ASSERT_TRUE(g);
  EXPECT_EQ(g->group, (plan::TapGroup{0, false, 0b10}));
  EXPECT_EQ(g->order, (std::vector<int>{0, 1}));
  // A & B & C: one AND group.
  g = passes::find_grouping(table_of(3, [](std::uint32_t m) { return m == 7; }), 3);
  ASSERT_TRUE(g);
  EXPECT_EQ(g->group, (plan::TapGroup{0, true, 0b10}));
  // expand(A, 1) - A with A's taps t0..t2 and A itself t3: t3 single, moved first.
  g = passes::find_grouping(table_of(4, [](std::uint32_t m) { return (m & 7u) != 0 && !(m & 8u); }),
                            4);
  ASSERT_TRUE(g);
  EXPECT_EQ(g->group, (plan::TapGroup{1, false, 0b0100}));  // G & !t3
  EXPECT_EQ(g->order, (std::vector<int>{3, 0, 1, 2}));
  // E5 = ((A | B) & C) - A[x+3]: two singles.
  g = passes::find_grouping(
      table_of(4, [](std::uint32_t m) { return (m & 3u) != 0 && (m & 4u) && !(m & 8u); }), 4);
  ASSERT_TRUE(g);
  EXPECT_EQ(g->group.singles, 2);
  EXPECT_EQ(g->order, (std::vector<int>{2, 3, 0, 1}));
  // ... whose reduced table C & !D & G groups C with G: the nested pair, D outside it.
  EXPECT_EQ(g->group.pair_single, 1);
  EXPECT_TRUE(g->group.pair_all);
  EXPECT_EQ(g->group.pair_table, 0b0100u);  // bit D + 2 (C & G): in when C & G and not D
  // Two singles with no nested pair: (C ^ D) & G.
  g = passes::find_grouping(
      table_of(4, [](std::uint32_t m) { return (m & 3u) != 0 && (((m >> 2) ^ (m >> 3)) & 1u); }),
      4);
  ASSERT_TRUE(g);
  EXPECT_EQ(g->group.singles, 2);
  EXPECT_EQ(g->group.pair_single, -1);
  // No group form: A ^ B, (A - B) | (B - A) | C, and A on its own.
  EXPECT_FALSE(
      passes::find_grouping(table_of(2, [](std::uint32_t m) { return m == 1 || m == 2; }), 2));
  EXPECT_FALSE(passes::find_grouping(
      table_of(3, [](std::uint32_t m) { return ((m & 1u) != ((m >> 1) & 1u)) || (m & 4u); }), 3));
  EXPECT_FALSE(passes::find_grouping(table_of(1, [](std::uint32_t m) { return m == 1; }), 1));
}

TEST(GroupTaps, EveryFormFoundReproducesTheTable) {
  // Random tables, and tables built from random forms: whenever a form is found, reading the
  // taps through it gives the table back; a table built from a form always has one.
  std::mt19937_64 rng(7);
  int found = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const int k = 2 + int(rng() % 7);  // 2 .. 8
    const std::uint32_t masks = std::uint32_t(1) << k;
    std::vector<std::uint64_t> table;
    const bool built = trial % 2 == 0;
    if (built) {
      int s = int(rng() % 3);
      if (k - s < 2) s = 0;  // the group has at least two taps
      const bool all = rng() % 2;
      const std::uint32_t q = std::uint32_t(rng()) & ((1u << (1 << (s + 1))) - 1) & ~1u;
      std::uint32_t singles = 0;
      while (std::popcount(singles) < s) singles |= 1u << (rng() % unsigned(k));
      const std::uint32_t group = (masks - 1) & ~singles;
      table = table_of(k, [&](std::uint32_t m) {
        std::uint32_t index = 0;
        for (int t = 0, bit = 0; t < k; ++t)
          if ((singles >> t) & 1u) index |= ((m >> t) & 1u) << bit++;
        index |= std::uint32_t(all ? (m & group) == group : (m & group) != 0) << s;
        return ((q >> index) & 1u) != 0;
      });
    } else {
      table = table_of(k, [&](std::uint32_t m) { return m != 0 && rng() % 2; });
    }
    const auto g = passes::find_grouping(table, k);
    if (built) {
      ASSERT_TRUE(g) << "trial " << trial;
    }
    if (!g) continue;
    ++found;
    ASSERT_EQ(g->order.size(), std::size_t(k));
    const int s = g->group.singles;
    for (std::uint32_t m = 0; m < masks; ++m) {
      std::uint32_t reordered = 0;  // bit i: the tap order[i]
      for (int i = 0; i < k; ++i) reordered |= ((m >> g->order[std::size_t(i)]) & 1u) << i;
      const std::uint32_t group = (masks - 1) & ~((1u << s) - 1);
      const bool in_group = g->group.all ? (reordered & group) == group : (reordered & group) != 0;
      const std::uint32_t index = (reordered & ((1u << s) - 1)) | (std::uint32_t(in_group) << s);
      ASSERT_EQ((g->group.table >> index) & 1u, (table[m / 64] >> (m % 64)) & 1u)
          << "trial " << trial << " mask " << m;
    }
  }
  EXPECT_GE(found, 1500);
}

TEST(BoundCapacity, SumsOfCandidateRowsAndTapIntervals) {
  std::vector<plan::Source> sources = {{100, 300}, {50, 60}};
  plan::Stage s;
  s.taps = {tap(0), tap(1), tap(0, 1)};
  s.candidate_taps = {1};
  passes::bound_sweep(s, sources);
  EXPECT_EQ(s.rows_bound, 50);
  EXPECT_EQ(s.intervals_bound, 660);
  plan::Stage r;
  r.source = 0;
  passes::bound_refine(r, sources, 3);
  EXPECT_EQ(r.rows_bound, 400);
}

/// Builds IR from a tiny description: inputs 0..n-1.
struct Builder {
  ir::Tree e;
  explicit Builder(int dim) { e.dim = dim; }
  int in(int i) { return e.add(ir::Node{ir::Op::input, -1, -1, {}, i}); }
  int op(ir::Op o, int a, int b = -1, std::array<std::int64_t, 3> args = {}) {
    return e.add(ir::Node{o, a, b, args, -1});
  }
  plan::Plan lower(int root, int inputs) {
    e.root = root;
    return passes::lower(e, std::vector<plan::Source>(std::size_t(inputs), plan::Source{100, 200}))
        .value();
  }
};

TEST(Ir, PrintsInTheStringSyntax) {
  Builder b(2);
  const int lhs = b.op(ir::Op::difference, b.op(ir::Op::expand, b.in(0), -1, {1, 2, 0}),
                       b.op(ir::Op::translate, b.in(1), -1, {3, -1, 0}));
  const int rhs = b.op(ir::Op::coarsen, b.op(ir::Op::refine, b.in(2)));
  b.e.root = b.op(ir::Op::symmetric_difference, lhs, rhs);
  EXPECT_EQ(ir::to_string(b.e), "((expand(in0,1,2) - translate(in1,3,-1)) ^ coarsen(refine(in2)))");
  EXPECT_EQ(ir::to_string(b.e, rhs), "coarsen(refine(in2))");
  EXPECT_EQ(ir::to_string(
                b.e, b.op(ir::Op::union_op, b.in(0), b.op(ir::Op::shrink, b.in(1), -1, {2, 0, 0}))),
            "(in0 | shrink(in1,2,0))");
}

TEST(Pipeline, PlansForCharacteristicExpressions) {
  {  // E2 = (A | B) & C: one stage, C read singly (first), A | B a group; candidates C only.
    Builder b(2);
    const auto p =
        b.lower(b.op(ir::Op::intersection, b.op(ir::Op::union_op, b.in(0), b.in(1)), b.in(2)), 3);
    ASSERT_EQ(p.stages.size(), 1u);
    ASSERT_EQ(p.stages[0].taps.size(), 3u);
    EXPECT_EQ(p.stages[0].taps[0].source, 2);
    EXPECT_EQ(p.stages[0].group, (plan::TapGroup{1, false, 0b1000}));
    EXPECT_EQ(p.stages[0].candidate_taps, (std::vector<int>{0}));
    EXPECT_EQ(p.expected_kernels(), 4);
  }
  {  // translate pushed to the leaves: one stage of shifted taps.
    Builder b(2);
    const auto p = b.lower(
        b.op(ir::Op::translate, b.op(ir::Op::union_op, b.in(0), b.in(1)), -1, {3, -2, 0}), 2);
    ASSERT_EQ(p.stages.size(), 1u);
    for (const auto& t : p.stages[0].taps) {
      EXPECT_EQ(t.x_shift, 3);
      EXPECT_EQ(t.key_offset[0], 2);
    }
  }
  {  // refine pushed to the leaves: a refine per leaf, then one sweep.
    Builder b(2);
    const auto p = b.lower(b.op(ir::Op::refine, b.op(ir::Op::union_op, b.in(0), b.in(1))), 2);
    ASSERT_EQ(p.stages.size(), 3u);
    EXPECT_EQ(p.stages[0].kind, plan::Stage::refine);
    EXPECT_EQ(p.stages[1].kind, plan::Stage::refine);
    EXPECT_EQ(p.stages[2].kind, plan::Stage::sweep);
  }
  {  // expand of an intersection: materialised first.
    Builder b(2);
    const auto p = b.lower(
        b.op(ir::Op::expand, b.op(ir::Op::intersection, b.in(0), b.in(1)), -1, {1, 1, 0}), 2);
    ASSERT_EQ(p.stages.size(), 2u);
    EXPECT_EQ(p.stages[1].taps.size(), 3u);
  }
  {  // a large radius: several passes of <= 16 shifts.
    Builder b(2);
    const auto p = b.lower(b.op(ir::Op::expand, b.in(0), -1, {5, 40, 0}), 1);
    EXPECT_EQ(p.stages.size(), 2u);  // 16 shifts, then 81 = 16 x 6 covered by 6 shifts
    for (const auto& s : p.stages) EXPECT_LE(s.taps.size(), std::size_t(plan::max_stage_taps));
  }
  {  // coarsen: a stage boundary.
    Builder b(3);
    const auto p = b.lower(b.op(ir::Op::coarsen, b.op(ir::Op::union_op, b.in(0), b.in(1))), 2);
    ASSERT_EQ(p.stages.size(), 2u);
    EXPECT_EQ(p.stages[1].kind, plan::Stage::coarsen);
    EXPECT_EQ(p.expected_kernels(), 1 + 3 + 4);
  }
  {  // a bare input: nothing to compute, unless a final sweep is asked for.
    Builder b(2);
    EXPECT_TRUE(b.lower(b.in(0), 1).stages.empty());
    b.e.root = 0;
    EXPECT_EQ(passes::lower(b.e, {{1, 1}}, passes::LowerOptions{true}).value().stages.size(), 1u);
  }
  {  // negative radius: an error, not a plan.
    Builder b(2);
    b.e.root = b.op(ir::Op::shrink, b.in(0), -1, {-1, 0, 0});
    EXPECT_FALSE(passes::lower(b.e, {{1, 1}}));
  }
}

}  // namespace
