#pragma once
/// \file
/// Pass 4: de-duplicate taps. The same source read with the same shifts is one input of the
/// stage however often the formula uses it (`A | A`, `(A - B) | (B - A)`).

#include <vector>

#include "passes/formula.hpp"

namespace subsetix::passes {

inline void add_distinct_taps(const Formula& f, std::vector<plan::Tap>& distinct) {
  if (f.kind != Formula::tap) {
    add_distinct_taps(*f.a, distinct);
    add_distinct_taps(*f.b, distinct);
    return;
  }
  for (const auto& d : distinct)
    if (d == f.leaf) return;
  distinct.push_back(f.leaf);
}

/// The distinct taps of `f`, in first-use order.
inline std::vector<plan::Tap> distinct_taps(const Formula& f) {
  std::vector<plan::Tap> distinct;
  distinct.reserve(8);  // one allocation for the stages of the sweep's unrolled sizes
  add_distinct_taps(f, distinct);
  return distinct;
}

inline int tap_index(const std::vector<plan::Tap>& taps, const plan::Tap& t) {
  for (std::size_t i = 0; i < taps.size(); ++i)
    if (taps[i] == t) return int(i);
  return -1;
}

}  // namespace subsetix::passes
