#pragma once
/// \file
/// Pass 5: compile a stage's formula over its k taps: a 64-entry truth table when k <= 6, a
/// postfix program otherwise; and choose the candidate taps, a smallest set of taps such that
/// every mask the formula accepts contains one of them (rows where none of them has a row can
/// produce nothing, so they are never visited).

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <vector>

#include "passes/dedupe_taps.hpp"

namespace subsetix::passes {

inline bool evaluate(const Formula& f, const std::vector<plan::Tap>& taps, std::uint32_t mask) {
  switch (f.kind) {
    case Formula::tap:
      return (mask >> tap_index(taps, f.leaf)) & 1u;
    case Formula::op_or:
      return evaluate(*f.a, taps, mask) || evaluate(*f.b, taps, mask);
    case Formula::op_and:
      return evaluate(*f.a, taps, mask) && evaluate(*f.b, taps, mask);
    case Formula::op_xor:
      return evaluate(*f.a, taps, mask) != evaluate(*f.b, taps, mask);
    case Formula::op_and_not:
      return evaluate(*f.a, taps, mask) && !evaluate(*f.b, taps, mask);
  }
  return false;
}

/// All 2^k outputs (k <= 16), bit m of word m / 64.
inline std::vector<std::uint64_t> truth_table(const Formula& f,
                                              const std::vector<plan::Tap>& taps) {
  const std::uint32_t masks = std::uint32_t(1) << taps.size();
  std::vector<std::uint64_t> table((masks + 63) / 64, 0);
  for (std::uint32_t m = 0; m < masks; ++m)
    if (evaluate(f, taps, m)) table[m / 64] |= std::uint64_t(1) << (m % 64);
  return table;
}

inline void postfix(const Formula& f, const std::vector<plan::Tap>& taps,
                    std::vector<plan::ProgramStep>& out) {
  if (f.kind == Formula::tap) {
    out.push_back({plan::Instr::push_tap, std::uint8_t(tap_index(taps, f.leaf))});
    return;
  }
  postfix(*f.a, taps, out);
  postfix(*f.b, taps, out);
  const plan::Instr op = f.kind == Formula::op_or    ? plan::Instr::op_or
                         : f.kind == Formula::op_and ? plan::Instr::op_and
                         : f.kind == Formula::op_xor ? plan::Instr::op_xor
                                                     : plan::Instr::op_and_not;
  out.push_back({op, 0});
}

/// A smallest-first greedy cover: drop taps (largest sources first; among equal sizes, those in
/// fewest accepted masks first, so the choice does not depend on the taps' order) while every
/// accepted mask still meets the remaining set.
inline std::vector<int> candidate_taps(const std::vector<std::uint64_t>& table, int k,
                                       const std::vector<std::int64_t>& rows_of_tap) {
  std::uint32_t keep = (std::uint32_t(1) << k) - 1;
  std::array<int, plan::max_stage_taps> order{}, accepting{};
  for (int t = 0; t < k; ++t) order[std::size_t(t)] = t;
  for (std::uint32_t m = 0; m < (std::uint32_t(1) << k); ++m)
    if ((table[m / 64] >> (m % 64)) & 1u)
      for (int t = 0; t < k; ++t) accepting[std::size_t(t)] += int((m >> t) & 1u);
  std::stable_sort(order.begin(), order.begin() + k, [&](int a, int b) {
    const auto ua = std::size_t(a), ub = std::size_t(b);
    if (rows_of_tap[ua] != rows_of_tap[ub]) return rows_of_tap[ua] > rows_of_tap[ub];
    return accepting[ua] < accepting[ub];
  });
  auto covers = [&](std::uint32_t set) {
    for (std::uint32_t m = 0; m < (std::uint32_t(1) << k); ++m)
      if (((table[m / 64] >> (m % 64)) & 1u) && (m & set) == 0) return false;
    return true;
  };
  for (int i = 0; i < k; ++i) {
    const std::uint32_t without = keep & ~(std::uint32_t(1) << order[std::size_t(i)]);
    if (covers(without)) keep = without;
  }
  std::vector<int> out;
  out.reserve(std::size_t(std::popcount(keep)));
  for (int t = 0; t < k; ++t)
    if ((keep >> t) & 1u) out.push_back(t);
  return out;
}

}  // namespace subsetix::passes
