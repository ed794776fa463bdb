// The sorting network of the single-interval row sweep: by the 0-1 principle a comparator
// network sorts every input iff it sorts every 0/1 input, so checking all 0/1 inputs made of
// ordered pairs (what the sweep feeds it: each tap's begin before its end) proves it.
#include <gtest/gtest.h>

#include <cstdint>

#include "eval/kernels/sweep_network.hpp"

namespace {

template <int N>
void expect_sorts_all_ordered_pairs() {
  using namespace subsetix::detail;
  int inputs = 1;
  for (int p = 0; p < N / 2; ++p) inputs *= 3;  // each pair is 00, 01 or 11
  for (int code = 0; code < inputs; ++code) {
    std::int64_t v[N];
    int rest = code, ones = 0;
    for (int p = 0; p < N / 2; ++p, rest /= 3) {
      v[2 * p] = rest % 3 == 2 ? 1 : 0;
      v[2 * p + 1] = rest % 3 >= 1 ? 1 : 0;
      ones += int(v[2 * p] + v[2 * p + 1]);
    }
    sort_boundaries<N>(v);
    for (int i = 0; i < N; ++i)
      ASSERT_EQ(v[i], i >= N - ones ? 1 : 0) << "N = " << N << ", input " << code << ", slot " << i;
  }
}

TEST(SweepNetwork, SortsEveryInputOfOrderedPairs) {
  expect_sorts_all_ordered_pairs<2>();
  expect_sorts_all_ordered_pairs<4>();
  expect_sorts_all_ordered_pairs<6>();
  expect_sorts_all_ordered_pairs<8>();
}

TEST(SweepNetwork, IsBatchersMergeWithoutTheFirstLayer) {
  using subsetix::detail::merge_network;
  EXPECT_EQ(merge_network<2>.size, 0);
  EXPECT_EQ(merge_network<4>.size, 3);   // 5 comparators, minus the 2 of the first layer
  EXPECT_EQ(merge_network<6>.size, 9);   // 12 (those of 8 within the first 6), minus 3
  EXPECT_EQ(merge_network<8>.size, 15);  // 19, minus 4
}

}  // namespace
