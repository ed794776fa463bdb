// Runs of consecutive row keys (src/eval/kernels/lockstep_rows.hpp): the sweep trusts them to skip
// the per-row cursor work, so they are checked here against a plain walk over the keys, on row
// sets made of runs and gaps, in 2D and across the planes of 3D key space.
#include <gtest/gtest.h>

#include "dims.hpp"

#include <random>
#include <vector>

#include "eval/kernels/lockstep_rows.hpp"
#include "subsetix/core/build.hpp"

namespace {

using namespace subsetix;
using namespace subsetix::detail;

// Rows in runs of random length separated by random gaps; in 3D the runs also change plane.
template <int Dim>
IntervalSet<Dim> rows_in_runs(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> length(1, 6), gap(2, 4), coin(0, 3);
  std::vector<RowInterval<Dim>> items;
  RowKey<Dim> key{};
  for (int a = 0; a < Dim - 1; ++a) key.c[a] = -3;
  for (int run = 0; run < 12; ++run) {
    for (int i = length(rng); i > 0; --i) {
      items.push_back({key, {0, 1}});
      ++key.c[Dim - 2];
    }
    key.c[Dim - 2] += gap(rng) - 1;
    if (Dim == 3 && coin(rng) == 0) ++key.c[0];  // next plane, inner coordinate kept
  }
  return from_intervals(items).value();
}

template <int Dim>
WideKey<Dim> wide(const RowKey<Dim>& k) {
  return WideKey<Dim>::from(k);
}

template <int Dim>
bool consecutive(const RowKey<Dim>& a, const RowKey<Dim>& b) {
  for (int s = 0; s < Dim - 2; ++s)
    if (a.c[s] != b.c[s]) return false;
  return std::int64_t(b.c[Dim - 2]) == std::int64_t(a.c[Dim - 2]) + 1;
}

template <class T>
class LockstepRows : public ::testing::Test {};
using Dims = testing_support::Dims;
TYPED_TEST_SUITE(LockstepRows, Dims);

TYPED_TEST(LockstepRows, ConsecutiveRowsIsTheLongestRunOfSuccessiveKeys) {
  constexpr int Dim = TypeParam::value;
  std::mt19937_64 rng(20261122);
  for (int trial = 0; trial < 20; ++trial) {
    const auto set = rows_in_runs<Dim>(rng);
    const auto tap = Tap<Dim>::of(set);
    const index_t rows = set.num_rows;
    for (index_t s = 0; s < rows; ++s) {
      index_t expected_run = 1;  // from s, by walking
      while (s + expected_run < rows &&
             consecutive<Dim>(set.row_keys(s + expected_run - 1), set.row_keys(s + expected_run)))
        ++expected_run;
      for (index_t n = 1; s + n <= rows; ++n) {
        const index_t expected = expected_run < n ? expected_run : n;
        ASSERT_EQ(consecutive_rows<Dim>(tap, s, wide<Dim>(set.row_keys(s)), n), expected)
            << "trial " << trial << ", row " << s << ", bound " << n;
      }
    }
  }
}

TYPED_TEST(LockstepRows, KeysBelowCountsWithinAPlaneOnly) {
  constexpr int Dim = TypeParam::value;
  WideKey<Dim> a{}, b{};
  b.c[Dim - 2] = 5;
  EXPECT_EQ(keys_below<Dim>(a, b), 5);
  a.c[Dim - 2] = -(std::int64_t(1) << 40);  // far below an exhausted cursor: capped, no overflow
  EXPECT_EQ(keys_below<Dim>(a, WideKey<Dim>::exhausted()), max_lockstep_run);
  if constexpr (Dim == 3) {
    b.c[0] = 1;  // a later plane: no bound from b
    b.c[1] = -7;
    EXPECT_EQ(keys_below<Dim>(a, b), max_lockstep_run);
  }
}

TYPED_TEST(LockstepRows, RunStopsWhereATapJoinsOrLeaves) {
  constexpr int Dim = TypeParam::value;
  // Tap 0 has keys 0..9, tap 1 keys 4..5 (offset so that it starts later): from key 0 the run
  // ends where tap 1 joins (4 rows), from key 4 where tap 1 leaves (2 rows), from key 6 at tap
  // 0's end (4 rows).
  auto keys = [](int first, int count) {
    std::vector<RowInterval<Dim>> items;
    for (int i = 0; i < count; ++i) {
      RowKey<Dim> k{};
      k.c[Dim - 2] = first + i;
      items.push_back({k, {0, 1}});
    }
    return from_intervals(items).value();
  };
  const auto long_set = keys(0, 10), short_set = keys(4, 2);
  StageInputs<Dim, 2> in;
  in.add_tap(Tap<Dim>::of(long_set), true);
  in.add_tap(Tap<Dim>::of(short_set), false);
  const auto limit = WideKey<Dim>::exhausted();
  struct Expectation {
    int key;
    index_t source0, source1, run;
    bool present1;
  };
  for (const Expectation e : {Expectation{0, 0, 0, 4, false}, Expectation{4, 4, 0, 2, true},
                              Expectation{6, 6, 2, 4, false}}) {
    WideKey<Dim> key{};
    key.c[Dim - 2] = e.key;
    const index_t source[2] = {e.source0, e.source1};
    const index_t source_rows[2] = {10, 2};
    WideKey<Dim> head[2];
    head[0] = Tap<Dim>::of(long_set).output_key(e.source0);
    head[1] = e.source1 < 2 ? Tap<Dim>::of(short_set).output_key(e.source1) : limit;
    bool present[2];
    EXPECT_EQ((lockstep_run<Dim, 2>(in, 2, key, limit, head, source, source_rows, present)), e.run)
        << "from key " << e.key;
    EXPECT_TRUE(present[0]);
    EXPECT_EQ(present[1], e.present1) << "from key " << e.key;
  }
}

}  // namespace
