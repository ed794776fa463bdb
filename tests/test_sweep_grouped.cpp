// The closed forms of the grouped sweep (sweep_grouped.hpp): two intervals, each possibly empty,
// combined by every 2-tap table, against a brute-force walk over the cells — including touching
// and nested intervals, where a wrong form would emit two touching pieces instead of one.
#include <gtest/gtest.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "eval/kernels/sweep_grouped.hpp"

namespace {

using Intervals = std::vector<std::pair<std::int64_t, std::int64_t>>;

struct Collect {
  Intervals out;
  void emit(std::int64_t b, std::int64_t e) { out.emplace_back(b, e); }
};

/// The canonical intervals of the cells x in [lo, hi) where `in(x)` holds.
template <class In>
Intervals cells(std::int64_t lo, std::int64_t hi, In&& in) {
  Intervals r;
  for (std::int64_t x = lo; x < hi; ++x) {
    if (!in(x)) continue;
    if (!r.empty() && r.back().second == x)
      r.back().second = x + 1;
    else
      r.emplace_back(x, x + 1);
  }
  return r;
}

TEST(SweepGrouped, ClosedFormsMatchTheCells) {
  const std::uint32_t tables[] = {0b1000, 0b0010, 0b0100, 0b1110};  // and, a - c, c - a, or
  int cases = 0;
  for (const std::uint32_t table : tables)
    for (std::int64_t ab = 0; ab <= 6; ++ab)
      for (std::int64_t ae = 0; ae <= 6; ++ae)  // ae <= ab: empty
        for (std::int64_t cb = 0; cb <= 6; ++cb)
          for (std::int64_t ce = 0; ce <= 6; ++ce) {
            Collect got;
            ASSERT_TRUE(subsetix::detail::emit_pair(table, ab, ae, cb, ce, got));
            const auto want = cells(0, 7, [&](std::int64_t x) {
              const unsigned index = unsigned(ab <= x && x < ae) | unsigned(cb <= x && x < ce) << 1;
              return ((table >> index) & 1u) != 0;
            });
            ASSERT_EQ(got.out, want) << "table " << table << ": [" << ab << ", " << ae << ") ["
                                     << cb << ", " << ce << ")";
            ++cases;
          }
  EXPECT_EQ(cases, 4 * 7 * 7 * 7 * 7);
  Collect none;  // the symmetric difference is left to the network
  EXPECT_FALSE(subsetix::detail::emit_pair(0b0110, 0, 3, 2, 5, none));
  EXPECT_TRUE(none.out.empty());
}

}  // namespace
