#pragma once
/// \file
/// Pass 4: de-duplicate taps. The same source read with the same shifts is one input of the
/// stage however often the formula uses it (`A | A`, `(A - B) | (B - A)`).

#include <vector>

#include "passes/formula.hpp"

namespace subsetix::passes {

/// The distinct taps of `f`, in first-use order.
inline std::vector<plan::Tap> distinct_taps(const Formula& f) {
  std::vector<plan::Tap> all, distinct;
  collect_taps(f, all);
  for (const auto& t : all) {
    bool seen = false;
    for (const auto& d : distinct) seen |= d == t;
    if (!seen) distinct.push_back(t);
  }
  return distinct;
}

inline int tap_index(const std::vector<plan::Tap>& taps, const plan::Tap& t) {
  for (std::size_t i = 0; i < taps.size(); ++i)
    if (taps[i] == t) return int(i);
  return -1;
}

}  // namespace subsetix::passes
