#pragma once
/// \file
/// Pass 5: compile a stage's formula over its k taps: a 64-entry truth table when k <=
/// plan::max_table_taps, a postfix program otherwise; and choose the candidate taps, a smallest set
/// of taps such that every mask the formula accepts contains one of them (rows where none of them
/// has a row can produce nothing, so they are never visited).

#include <array>
#include <bit>
#include <cstdint>
#include <vector>

#include "subsetix/passes/dedupe_taps.hpp"

namespace subsetix::passes {

/// Bit m of the result is tap t's bit in mask 64 * word + m: the formula evaluated on 64 masks
/// at once.
constexpr std::uint64_t tap_column(int t, std::uint32_t word) {
  constexpr std::array<std::uint64_t, 6> low{0xAAAAAAAAAAAAAAAAu, 0xCCCCCCCCCCCCCCCCu,
                                             0xF0F0F0F0F0F0F0F0u, 0xFF00FF00FF00FF00u,
                                             0xFFFF0000FFFF0000u, 0xFFFFFFFF00000000u};
  if (t < 6) return low[std::size_t(t)];
  return ((word >> (t - 6)) & 1u) ? ~std::uint64_t(0) : 0;
}

/// All 2^k outputs (k <= 16), bit m of word m / 64.
constexpr std::vector<std::uint64_t> truth_table(const Formula& f,
                                                 const std::vector<plan::Tap>& taps) {
  const std::uint32_t masks = std::uint32_t(1) << taps.size();
  std::vector<std::uint64_t> table((masks + 63) / 64, 0);
  std::vector<int> index;  // tap index of every term (-1: an operation)
  index.reserve(f.terms.size());
  for (const auto& t : f.terms) index.push_back(t.is_tap() ? tap_index(taps, t.leaf) : -1);
  std::vector<std::uint64_t> stack;
  stack.reserve(f.terms.size());
  for (std::uint32_t w = 0; w < table.size(); ++w) {
    stack.clear();
    for (std::size_t i = 0; i < f.terms.size(); ++i) {
      if (index[i] >= 0) {
        stack.push_back(tap_column(index[i], w));
        continue;
      }
      const std::uint64_t y = stack.back();
      stack.pop_back();
      std::uint64_t& x = stack.back();
      x = ir::apply(ir::info(f.terms[i].op).truth, x, y);
    }
    table[w] = stack.back();
  }
  if (masks < 64) table[0] &= (std::uint64_t(1) << masks) - 1;
  return table;
}

/// The formula as a postfix program over tap indices (stages of more than plan::max_table_taps
/// taps; pass 3 keeps it within plan::max_program steps).
constexpr void postfix(const Formula& f, const std::vector<plan::Tap>& taps,
                       std::vector<plan::ProgramStep>& out) {
  for (const auto& t : f.terms) {
    if (t.is_tap())
      out.push_back({plan::Instr::push_tap, std::uint8_t(tap_index(taps, t.leaf)), 0});
    else
      out.push_back({plan::Instr::combine, 0, ir::info(t.op).truth});
  }
}

/// A smallest-first greedy cover: drop taps (largest sources first; among equal sizes, those in
/// fewest accepted masks first, so the choice does not depend on the taps' order) while every
/// accepted mask still meets the remaining set. Written to `out` (its storage reused).
constexpr void candidate_taps(const std::vector<std::uint64_t>& table, int k,
                              const std::array<std::int64_t, plan::max_stage_taps>& rows_of_tap,
                              std::vector<int>& out) {
  std::uint32_t keep = (std::uint32_t(1) << k) - 1;
  std::array<int, plan::max_stage_taps> order{}, accepting{};
  for (std::uint32_t m = 0; m < (std::uint32_t(1) << k); ++m)
    if ((table[m / 64] >> (m % 64)) & 1u)
      for (int t = 0; t < k; ++t) accepting[std::size_t(t)] += int((m >> t) & 1u);
  auto before = [&](int a, int b) {
    const auto ua = std::size_t(a), ub = std::size_t(b);
    if (rows_of_tap[ua] != rows_of_tap[ub]) return rows_of_tap[ua] > rows_of_tap[ub];
    return accepting[ua] < accepting[ub];
  };
  for (int t = 0; t < k; ++t) {  // a stable insertion sort (k <= 16)
    int i = t;
    for (; i > 0 && before(t, order[std::size_t(i - 1)]); --i)
      order[std::size_t(i)] = order[std::size_t(i - 1)];
    order[std::size_t(i)] = t;
  }
  auto covers = [&](std::uint32_t set) {
    for (std::uint32_t m = 0; m < (std::uint32_t(1) << k); ++m)
      if (((table[m / 64] >> (m % 64)) & 1u) && (m & set) == 0) return false;
    return true;
  };
  for (int i = 0; i < k; ++i) {
    const std::uint32_t without = keep & ~(std::uint32_t(1) << order[std::size_t(i)]);
    if (covers(without)) keep = without;
  }
  out.clear();
  for (int t = 0; t < k; ++t)
    if ((keep >> t) & 1u) out.push_back(t);
}

/// The candidate taps as a new vector.
constexpr std::vector<int> candidate_taps(const std::vector<std::uint64_t>& table, int k,
                                          const std::vector<std::int64_t>& rows_of_tap) {
  std::array<std::int64_t, plan::max_stage_taps> rows{};
  for (int t = 0; t < k; ++t) rows[std::size_t(t)] = rows_of_tap[std::size_t(t)];
  std::vector<int> out;
  candidate_taps(table, k, rows, out);
  return out;
}

}  // namespace subsetix::passes
