// The fused engine: fused = unfused = the dense-bitmap oracle on seeded random expression trees
// (depth up to 5, up to 6 distinct leaves, every operator, radii up to 4, translations), 2D and
// 3D; and what Kokkos saw checked against the plan: 1 fence, 0 allocations warm, the plan's
// kernel count.
#include <gtest/gtest.h>

#include "dims.hpp"

#include <functional>
#include <set>

#include "oracle.hpp"
#include "random_sets.hpp"
#include "subsetix/core/shapes.hpp"
#include "subsetix/eval/counters.hpp"
#include "subsetix/eval/fused.hpp"
#include "subsetix/eval/string_eval.hpp"

namespace {

namespace sx = subsetix;

/// A random expression string over L0..L5, with its oracle evaluation alongside.
template <int Dim>
struct RandomExpression {
  std::mt19937_64& rng;
  const std::vector<oracle::Dense<Dim>>& leaves;
  int max_radius;
  int refines_left;
  std::set<int> used;

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

  std::string args(const std::array<std::int64_t, 3>& v) {
    std::string s;
    for (int a = 0; a < Dim; ++a) s += ", " + std::to_string(v[std::size_t(a)]);
    return s;
  }

  std::pair<std::string, oracle::Dense<Dim>> make(int depth) {
    if (depth == 0 || pick(0, 9) < 2) {
      const int i = pick(0, int(leaves.size()) - 1);
      used.insert(i);
      return {"L" + std::to_string(i), leaves[std::size_t(i)]};
    }
    const int op = pick(0, 12);
    if (op < 7) {
      auto [a, da] = make(depth - 1);
      auto [b, db] = make(depth - 1);
      switch (op % 4) {
        case 0:
          return {"(" + a + " | " + b + ")",
                  oracle::combine(da, db, [](bool x, bool y) { return x || y; })};
        case 1:
          return {"(" + a + " & " + b + ")",
                  oracle::combine(da, db, [](bool x, bool y) { return x && y; })};
        case 2:
          return {"(" + a + " - " + b + ")",
                  oracle::combine(da, db, [](bool x, bool y) { return x && !y; })};
        default:
          return {"(" + a + " ^ " + b + ")",
                  oracle::combine(da, db, [](bool x, bool y) { return x != y; })};
      }
    }
    auto [a, da] = make(depth - 1);
    std::array<std::int64_t, 3> v{};
    switch (op) {
      case 7:
      case 8: {
        for (int ax = 0; ax < Dim; ++ax) v[std::size_t(ax)] = pick(0, max_radius);
        typename oracle::Dense<Dim>::Coords r;
        for (int ax = 0; ax < Dim; ++ax) r[std::size_t(ax)] = v[std::size_t(ax)];
        const bool dilate = op == 7;
        return {(dilate ? "expand(" : "shrink(") + a + args(v) + ")", oracle::morph(da, r, dilate)};
      }
      case 9:
      case 10: {
        typename oracle::Dense<Dim>::Coords d;
        for (int ax = 0; ax < Dim; ++ax) d[std::size_t(ax)] = v[std::size_t(ax)] = pick(-5, 5);
        return {"translate(" + a + args(v) + ")", oracle::translate(da, d)};
      }
      case 11:
        if (refines_left > 0) {
          --refines_left;
          return {"refine(" + a + ")", oracle::refine(da)};
        }
        [[fallthrough]];
      default:
        return {"coarsen(" + a + ")", oracle::coarsen(da)};
    }
  }
};

template <class T>
class Fused : public ::testing::Test {};
using Dims = testing_support::Dims;
TYPED_TEST_SUITE(Fused, Dims);

TYPED_TEST(Fused, RandomExpressionTreesMatchUnfusedAndTheOracle) {
  constexpr int Dim = TypeParam::value;
  const int cases = Dim == 2 ? 1200 : 400;
  sx::install_kokkos_counters();
  sx::Workspace ws;
  int multi_stage = 0;
  for (int seed = 0; seed < cases; ++seed) {
    std::mt19937_64 rng(std::uint64_t(seed) * 7919 + 17);
    sx::NamedSets names;
    std::vector<oracle::Dense<Dim>> leaves;
    for (int i = 0; i < 6; ++i) {
      auto spec = testing_support::vary(std::uint64_t(seed + i), Dim);
      if (Dim == 3) spec.x_span = 16, spec.x_lo = -8, spec.key_span = 6, spec.key_lo = -3;
      // One leaf in three is a staircase: one interval per row, as in compact shapes.
      auto c = (seed + i) % 3 == 0 ? testing_support::random_staircase<Dim>(rng)
                                   : testing_support::random_case<Dim>(rng, spec);
      names.bind("L" + std::to_string(i), c.set);
      leaves.push_back(c.dense);
    }
    RandomExpression<Dim> gen{rng, leaves, Dim == 2 ? 4 : 2, Dim == 2 ? 2 : 1, {}};
    const auto [text, want] = gen.make(std::uniform_int_distribution<int>(1, 5)(rng));
    SCOPED_TRACE("seed " + std::to_string(seed) + ": " + text);
    const auto parsed = sx::expr::parse(text, names.dims());
    ASSERT_TRUE(parsed) << parsed.error().message();
    const auto prepared = sx::prepare(parsed.value(), names).value();
    const auto plan = sx::plan_of(prepared);
    ASSERT_TRUE(plan) << plan.error().message();
    multi_stage += plan.value().stages.size() > 1;

    const auto unfused = sx::eval_unfused(prepared, ws);
    ASSERT_TRUE(unfused) << unfused.error().message();
    (void)sx::eval_fused(prepared, plan.value(), ws);  // warm the workspace
    sx::CountScope scope;
    const auto fused = sx::eval_fused(prepared, plan.value(), ws);
    const auto counts = scope.counts();
    ASSERT_TRUE(fused) << fused.error().message() << "\n" << plan.value().describe();

    const auto& f = std::get<sx::IntervalSet<Dim>>(fused.value());
    const auto& u = std::get<sx::IntervalSet<Dim>>(unfused.value());
    ASSERT_TRUE(sx::validate(f)) << plan.value().describe();
    ASSERT_EQ(sx::list_intervals(f), want.intervals()) << plan.value().describe();
    ASSERT_TRUE(sx::equal(f, u));
    ASSERT_EQ(f.num_cells, want.count());
    // What Kokkos saw, against the plan.
    const bool computes = !plan.value().stages.empty();
    ASSERT_EQ(counts.fences, computes ? 1u : 0u) << plan.value().describe();
    ASSERT_EQ(counts.fences, std::uint64_t(plan.value().expected_fences()));
    ASSERT_EQ(counts.allocations, 0u) << plan.value().describe();
    ASSERT_EQ(counts.kernels, std::uint64_t(plan.value().expected_kernels()))
        << plan.value().describe();
  }
  EXPECT_GT(multi_stage, cases / 10) << "the generator should exercise stage splits";
}

TYPED_TEST(Fused, OverflowIsReportedOnce) {
  constexpr int Dim = TypeParam::value;
  sx::NamedSets names;
  std::vector<sx::RowInterval<Dim>> items(1);
  for (int s = 0; s < Dim - 1; ++s) items[0].key.c[s] = 0;
  items[0].interval = {sx::coord_max - 3, sx::coord_max};
  names.bind("E", sx::from_intervals(items).value());
  const auto parsed = sx::expr::parse(Dim == 2 ? "expand(E, 1) | translate(E, 1, 0)"
                                               : "expand(E, 1) | translate(E, 1, 0, 0)",
                                      names.dims())
                          .value();
  sx::CountScope scope;
  auto r = sx::eval_fused(parsed, names);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), sx::ErrorCode::coordinate_overflow);
  EXPECT_EQ(scope.counts().fences, 1u);
}

TEST(FusedPlan, DescribeSaysWhatTheExecutorDoes) {
  sx::NamedSets names;
  names.bind("A", sx::shapes::disk(0, 0, 20).value());
  const auto input = sx::prepare(sx::expr::parse("A", names.dims()).value(), names).value();
  const auto none = sx::plan_of(input).value();
  EXPECT_NE(none.describe().find("0 kernels, 0 fences"), std::string::npos) << none.describe();
  sx::CountScope scope;
  ASSERT_TRUE(sx::eval_fused(input, none, sx::default_workspace()));
  EXPECT_EQ(scope.counts().fences, 0u);
  const auto one =
      sx::plan_of(
          sx::prepare(sx::expr::parse("A | translate(A, 1, 0)", names.dims()).value(), names)
              .value())
          .value();
  EXPECT_NE(one.describe().find("4 kernels, 1 fence\n"), std::string::npos) << one.describe();
}

TEST(FusedInto, CapacityTooSmallIsAnErrorAndWritesNothing) {
  sx::NamedSets names;
  names.bind("A", sx::shapes::disk(0, 0, 50).value());
  names.bind("B", sx::shapes::disk(25, 0, 50).value());
  const auto prepared =
      sx::prepare(sx::expr::parse("(A | B) - translate(A, 1, 0)", names.dims()).value(), names)
          .value();
  const auto plan = sx::plan_of(prepared, /*final_sweep=*/true).value();
  const std::vector<sx::IntervalSet<2>> inputs = {std::get<sx::IntervalSet<2>>(prepared.inputs[0]),
                                                  std::get<sx::IntervalSet<2>>(prepared.inputs[1])};
  sx::Workspace ws;
  const auto want = sx::run_plan<2>(plan, inputs, ws).value();

  auto small = sx::IntervalSet<2>::allocate(10, 10, "small").value();
  Kokkos::deep_copy(small.intervals, sx::Interval{7, 9});
  auto r = sx::run_plan_into<2>(plan, inputs, small, ws);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), sx::ErrorCode::capacity_exceeded);
  EXPECT_NE(r.error().message().find("too few rows"), std::string::npos) << r.error().message();
  EXPECT_EQ(small.num_rows, 10);  // unchanged
  const auto host = sx::to_host(small);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(host.intervals(i), (sx::Interval{7, 9}));

  auto big = sx::IntervalSet<2>::allocate(want.num_rows + 5, want.num_intervals + 5, "big").value();
  ASSERT_TRUE(sx::run_plan_into<2>(plan, inputs, big, ws));
  EXPECT_TRUE(sx::equal(big, want));
  EXPECT_TRUE(sx::validate(big));
}

}  // namespace
