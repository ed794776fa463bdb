#pragma once
/// \file
/// Pass 4: de-duplicate taps. The same source read with the same shifts is one input of the
/// stage however often the formula uses it (`A | A`, `(A - B) | (B - A)`).

#include <vector>

#include "subsetix/passes/formula.hpp"

namespace subsetix::passes {

/// The distinct taps of `f`, in first-use order.
constexpr std::vector<plan::Tap> distinct_taps(const Formula& f) {
  std::vector<plan::Tap> distinct;
  distinct.reserve(8);  // one allocation for the stages of the sweep's unrolled sizes
  for (const auto& t : f.terms) {
    if (!t.is_tap()) continue;
    bool seen = false;
    for (const auto& d : distinct) seen = seen || d == t.leaf;
    if (!seen) distinct.push_back(t.leaf);
  }
  return distinct;
}

/// The index of `t` among `taps`, or -1.
constexpr int tap_index(const std::vector<plan::Tap>& taps, const plan::Tap& t) {
  for (std::size_t i = 0; i < taps.size(); ++i)
    if (taps[i] == t) return int(i);
  return -1;
}

}  // namespace subsetix::passes
