#pragma once
/// \file
/// Pass 2: lower morphology to row taps. Along x a box is a per-interval widening (expand) or
/// narrowing (shrink); across rows it is a union (expand) or intersection (shrink) of
/// row-shifted copies. Expand distributes over union, shrink over intersection, so
/// expand(A | B, r) fans every tap of A | B out into its row-shifted, widened copies.

#include <cstdint>
#include <vector>

#include "passes/formula.hpp"

namespace subsetix::passes {

/// The row offsets of a box of radii {x, y, z} in key slots (2D: {y}; 3D: {z, y}).
inline std::vector<std::array<std::int64_t, 2>> box_row_offsets(
    int dim, const std::array<std::int64_t, 3>& r) {
  std::vector<std::array<std::int64_t, 2>> out;
  if (dim == 2) {
    for (std::int64_t y = -r[1]; y <= r[1]; ++y) out.push_back({y, 0});
  } else {
    for (std::int64_t z = -r[2]; z <= r[2]; ++z)
      for (std::int64_t y = -r[1]; y <= r[1]; ++y) out.push_back({z, y});
  }
  return out;
}

/// Taps a fan-out would produce, without building it.
inline std::int64_t fan_out_size(int dim, const std::array<std::int64_t, 3>& r, std::int64_t taps) {
  std::int64_t n = taps * (2 * r[1] + 1);
  if (dim == 3) n *= 2 * r[2] + 1;
  return n;
}

/// expand (dilate) or shrink (erode) of a union (resp. intersection) of taps: every tap
/// becomes the OR (resp. AND) of its copies over the box. Each tap's widening must already have
/// the same sign (a narrowed tap widened again is not the same set).
inline bool can_fan_out(const Formula& f, bool dilate) {
  if (dilate ? !is_union_of_taps(f) : !is_intersection_of_taps(f)) return false;
  std::vector<plan::Tap> taps;
  collect_taps(f, taps);
  for (const auto& t : taps)
    if (dilate ? t.x_widen < 0 : t.x_widen > 0) return false;
  return true;
}

inline FormulaPtr fan_out(const FormulaPtr& f, int dim, const std::array<std::int64_t, 3>& r,
                          bool dilate) {
  const auto offsets = box_row_offsets(dim, r);
  const auto kind = dilate ? Formula::op_or : Formula::op_and;
  return map_taps(f, [&](const plan::Tap& t) {
    FormulaPtr out;
    for (const auto& o : offsets) {
      plan::Tap copy = t;
      copy.key_offset[0] += o[0];
      copy.key_offset[1] += o[1];
      copy.x_widen += dilate ? r[0] : -r[0];
      auto leaf = Formula::of(copy);
      out = out ? Formula::combine(kind, out, leaf) : leaf;
    }
    return out;
  });
}

}  // namespace subsetix::passes
