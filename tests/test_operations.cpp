// Every reference operation against the dense-bitmap oracle on seeded random cases, 2D and 3D.
#include <gtest/gtest.h>

#include "dims.hpp"

#include "random_sets.hpp"
#include "subsetix/eval/unfused.hpp"

namespace {

namespace sx = subsetix;
using testing_support::random_case;
using testing_support::vary;

template <int Dim>
void expect_same(const sx::Result<sx::IntervalSet<Dim>>& got, const oracle::Dense<Dim>& want,
                 const std::string& what) {
  ASSERT_TRUE(got) << what << ": " << got.error().message();
  ASSERT_TRUE(sx::validate(got.value())) << what << ": result is not canonical";
  EXPECT_EQ(sx::list_intervals(got.value()), want.intervals()) << what;
  EXPECT_EQ(got.value().num_cells, want.count()) << what;
}

template <class T>
class Operations : public ::testing::Test {};
using Dims = testing_support::Dims;
TYPED_TEST_SUITE(Operations, Dims);

constexpr int seeds = 48;

TYPED_TEST(Operations, BooleanOperationsMatchOracle) {
  constexpr int Dim = TypeParam::value;
  for (std::uint64_t seed = 0; seed < seeds; ++seed) {
    std::mt19937_64 rng(seed);
    auto a = random_case<Dim>(rng, vary(seed, Dim));
    auto b = random_case<Dim>(rng, vary(seed / 6 + 1, Dim));
    const std::string at = "seed " + std::to_string(seed);
    expect_same(sx::unfused::set_union(a.set, b.set),
                oracle::combine(a.dense, b.dense, [](bool x, bool y) { return x || y; }),
                "union " + at);
    expect_same(sx::unfused::set_intersection(a.set, b.set),
                oracle::combine(a.dense, b.dense, [](bool x, bool y) { return x && y; }),
                "intersection " + at);
    expect_same(sx::unfused::set_difference(a.set, b.set),
                oracle::combine(a.dense, b.dense, [](bool x, bool y) { return x && !y; }),
                "difference " + at);
    expect_same(sx::unfused::set_symmetric_difference(a.set, b.set),
                oracle::combine(a.dense, b.dense, [](bool x, bool y) { return x != y; }),
                "symmetric difference " + at);
  }
}

TYPED_TEST(Operations, TranslateMatchesOracle) {
  constexpr int Dim = TypeParam::value;
  for (std::uint64_t seed = 0; seed < seeds; ++seed) {
    std::mt19937_64 rng(seed);
    auto a = random_case<Dim>(rng, vary(seed, Dim));
    std::uniform_int_distribution<int> d(-30, 30);
    sx::Point<Dim> off;
    std::array<std::int64_t, Dim> off64;
    for (int ax = 0; ax < Dim; ++ax) off64[ax] = off[ax] = (int(seed % 4) == ax) ? 0 : d(rng);
    expect_same(sx::unfused::translate(a.set, off), oracle::translate(a.dense, off64),
                "translate seed " + std::to_string(seed));
  }
}

TYPED_TEST(Operations, ExpandAndShrinkMatchOracle) {
  constexpr int Dim = TypeParam::value;
  for (std::uint64_t seed = 0; seed < seeds; ++seed) {
    std::mt19937_64 rng(seed);
    auto a = random_case<Dim>(rng, vary(seed, Dim));
    // Radii per axis, including 0 and radii beyond one pass of taps (> 7 needs two passes).
    std::uniform_int_distribution<int> r(0, Dim == 2 ? 11 : 4);
    sx::Point<Dim> radii;
    std::array<std::int64_t, Dim> r64;
    for (int ax = 0; ax < Dim; ++ax) r64[ax] = radii[ax] = r(rng);
    const std::string at = "seed " + std::to_string(seed) + " radii " + std::to_string(radii[0]) +
                           "," + std::to_string(radii[1]);
    expect_same(sx::unfused::expand(a.set, radii), oracle::morph(a.dense, r64, true),
                "expand " + at);
    expect_same(sx::unfused::shrink(a.set, radii), oracle::morph(a.dense, r64, false),
                "shrink " + at);
  }
}

TYPED_TEST(Operations, LargeRadiiTakeSeveralPasses) {
  constexpr int Dim = TypeParam::value;
  std::mt19937_64 rng(7);
  testing_support::RandomSpec spec;
  spec.count = 30, spec.key_span = 40, spec.key_lo = -20, spec.max_length = 30;
  if (Dim == 3) spec.key_span = 12, spec.key_lo = -6;
  auto a = random_case<Dim>(rng, spec);
  for (int radius : {8, 20}) {
    if (Dim == 3 && radius > 8) continue;  // keep the oracle's box scan small in 3D
    sx::Point<Dim> radii;
    std::array<std::int64_t, Dim> r64;
    for (int ax = 0; ax < Dim; ++ax) r64[ax] = radii[ax] = radius - ax;
    expect_same(sx::unfused::expand(a.set, radii), oracle::morph(a.dense, r64, true),
                "expand r=" + std::to_string(radius));
    expect_same(sx::unfused::shrink(a.set, radii), oracle::morph(a.dense, r64, false),
                "shrink r=" + std::to_string(radius));
  }
}

TYPED_TEST(Operations, RefineAndCoarsenMatchOracle) {
  constexpr int Dim = TypeParam::value;
  for (std::uint64_t seed = 0; seed < seeds; ++seed) {
    std::mt19937_64 rng(seed);
    auto a = random_case<Dim>(rng, vary(seed, Dim));
    const std::string at = "seed " + std::to_string(seed);
    expect_same(sx::unfused::refine(a.set), oracle::refine(a.dense), "refine " + at);
    expect_same(sx::unfused::coarsen(a.set), oracle::coarsen(a.dense), "coarsen " + at);
  }
}

TYPED_TEST(Operations, OverflowIsAnErrorNotAWrapAround) {
  constexpr int Dim = TypeParam::value;
  std::vector<sx::RowInterval<Dim>> items(1);
  for (int s = 0; s < Dim - 1; ++s) items[0].key.c[s] = sx::coord_max - 1;
  items[0].interval = {sx::coord_max - 3, sx::coord_max};
  const auto edge = sx::from_intervals(items).value();

  sx::Point<Dim> right{};
  right[0] = 1;
  auto moved = sx::unfused::translate(edge, right);
  ASSERT_FALSE(moved);
  EXPECT_EQ(moved.error().code(), sx::ErrorCode::coordinate_overflow);
  EXPECT_NE(moved.error().message().find("axis x"), std::string::npos) << moved.error().message();

  sx::Point<Dim> up{};
  up[1] = 5;
  auto moved_up = sx::unfused::translate(edge, up);
  ASSERT_FALSE(moved_up);
  EXPECT_NE(moved_up.error().message().find("axis y"), std::string::npos)
      << moved_up.error().message();

  sx::Point<Dim> one;
  one.fill(1);
  EXPECT_FALSE(sx::unfused::expand(edge, one));
  EXPECT_FALSE(sx::unfused::refine(edge));
  // Shrinking and coarsening cannot overflow; the set at the edge survives them.
  EXPECT_TRUE(sx::unfused::coarsen(edge));
  EXPECT_TRUE(sx::unfused::shrink(edge, sx::Point<Dim>{}));
  // An operation that stays in range at the limits is fine.
  EXPECT_TRUE(sx::unfused::set_union(edge, edge));
}

TYPED_TEST(Operations, NegativeRadiusIsRejected) {
  constexpr int Dim = TypeParam::value;
  auto a = sx::from_cells<Dim>({sx::Point<Dim>{}}).value();
  sx::Point<Dim> r{};
  r[Dim - 1] = -1;
  auto e = sx::unfused::expand(a, r);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code(), sx::ErrorCode::invalid_argument);
}

}  // namespace
