#pragma once
/// \file
/// Pass 5b: find a stage's group form (plan::TapGroup): a predicate that reads all its taps but
/// at most two only through their OR, or only through their AND — `expand(A, r) − A` is
/// `!A & (OR of A's 2r + 1 row shifts)`, `(A | B) & C` is `C & (A | B)`. It is read off the
/// truth table, so it is found whatever formula (or front end) made the table, and the sweep
/// then collapses the group to one interval per row (src/eval/kernels/sweep_grouped.hpp). The
/// single taps are put first.

#include <bit>
#include <cstdint>
#include <optional>
#include <vector>

#include "subsetix/eval/plan.hpp"

namespace subsetix::passes {

/// Largest stage given a group form (the sweep's unrolled tap loops end there).
inline constexpr int max_grouped_taps = 8;

/// A group form and the tap order it needs.
struct Grouping {
  /// The form.
  plan::TapGroup group;
  /// New tap index -> old: the single taps, then the group's, each in their old order.
  std::vector<int> order;
};

/// The table over (singles' bits, G) that `table` (all 2^k outputs, bit m of word m / 64)
/// reduces to when the taps of `group` are read as their OR (or AND, `all`); none when the
/// output depends on the group's taps in another way.
constexpr std::optional<std::uint32_t> reduced_table(const std::vector<std::uint64_t>& table, int k,
                                                     std::uint32_t singles, bool all) {
  const std::uint32_t masks = std::uint32_t(1) << k;
  const std::uint32_t group = (masks - 1) & ~singles;
  const int s = std::popcount(singles);
  std::uint32_t reduced = 0, seen = 0;
  for (std::uint32_t m = 0; m < masks; ++m) {
    std::uint32_t index = 0;  // the singles' bits of m, packed in tap order
    for (int t = 0, bit = 0; t < k; ++t)
      if ((singles >> t) & 1u) index |= ((m >> t) & 1u) << bit++;
    const bool g = all ? (m & group) == group : (m & group) != 0;
    index |= std::uint32_t(g) << s;
    const std::uint32_t out = std::uint32_t((table[m / 64] >> (m % 64)) & 1u);
    if ((seen >> index) & 1u) {
      if (((reduced >> index) & 1u) != out) return std::nullopt;
    } else {
      seen |= std::uint32_t(1) << index;
      reduced |= out << index;
    }
  }
  return reduced;
}

/// The group form of a k-tap truth table with the fewest single taps (and a group of at least
/// two taps), if it has one.
constexpr std::optional<Grouping> find_grouping(const std::vector<std::uint64_t>& table, int k) {
  if (k < 2 || k > max_grouped_taps) return std::nullopt;
  const std::uint32_t masks = std::uint32_t(1) << k;
  for (int s = 0; s <= 2 && k - s >= 2; ++s)
    for (std::uint32_t singles = 0; singles < masks; ++singles) {
      if (std::popcount(singles) != s) continue;
      for (const bool all : {false, true}) {
        const auto reduced = reduced_table(table, k, singles, all);
        if (!reduced) continue;
        Grouping g;
        g.group = plan::TapGroup{s, all, *reduced};
        if (s == 2) {
          // The reduced table over (single 0, single 1, G) may group a single with G again.
          const auto pair = find_grouping({std::uint64_t(*reduced)}, 3);
          if (pair && pair->group.singles == 1 && pair->order[0] != 2) {
            g.group.pair_single = pair->order[0];
            g.group.pair_all = pair->group.all;
            g.group.pair_table = pair->group.table;
          }
        }
        for (int pass = 0; pass < 2; ++pass)
          for (int t = 0; t < k; ++t)
            if (((singles >> t) & 1u) == (pass == 0 ? 1u : 0u)) g.order.push_back(t);
        return g;
      }
    }
  return std::nullopt;
}

}  // namespace subsetix::passes
