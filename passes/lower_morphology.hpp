#pragma once
/// \file
/// Pass 2: lower morphology to row taps. Along x a box is a per-interval widening (expand) or
/// narrowing (shrink); across rows it is a union (expand) or intersection (shrink) of
/// row-shifted copies. Expand distributes over union, shrink over intersection, so
/// expand(A | B, r) fans every tap of A | B out into its row-shifted, widened copies.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "subsetix/passes/formula.hpp"

namespace subsetix::passes {

/// The row offsets of a box of radii {x, y, z} in key slots (2D: {y}; 3D: {z, y}).
constexpr std::vector<std::array<std::int64_t, 2>> box_row_offsets(
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
constexpr std::int64_t fan_out_size(int dim, const std::array<std::int64_t, 3>& r,
                                    std::int64_t taps) {
  std::int64_t n = taps * (2 * r[1] + 1);
  if (dim == 3) n *= 2 * r[2] + 1;
  return n;
}

/// The boolean operator box dilation (erosion) distributes over: the union (the intersection),
/// by which it also combines the shifted copies of a tap.
constexpr ir::Op distributes_over(bool dilate) {
  return dilate ? ir::Op::union_op : ir::Op::intersection;
}

/// expand (dilate) or shrink (erode) of a union (resp. intersection) of taps: every tap
/// becomes the OR (resp. AND) of its copies over the box. Each tap's widening must already have
/// the same sign (a narrowed tap widened again is not the same set).
constexpr bool can_fan_out(const Formula& f, bool dilate) {
  if (!only_operation(f, distributes_over(dilate))) return false;
  for (const auto& t : f.terms)
    if (t.is_tap() && (dilate ? t.leaf.x_widen < 0 : t.leaf.x_widen > 0)) return false;
  return true;
}

constexpr Formula fan_out(const Formula& f, int dim, const std::array<std::int64_t, 3>& r,
                          bool dilate) {
  const auto offsets = box_row_offsets(dim, r);
  const ir::Op kind = distributes_over(dilate);
  return map_taps(f, [&](const plan::Tap& t) {
    Formula out;
    for (const auto& o : offsets) {
      plan::Tap copy = t;
      copy.key_offset[0] += o[0];
      copy.key_offset[1] += o[1];
      copy.x_widen += dilate ? r[0] : -r[0];
      if (out.terms.empty())
        out = Formula::of(copy);
      else
        out = Formula::combine(kind, out, Formula::of(copy));
    }
    return out;
  });
}

/// One pass of separable box morphology: the source rows shifted by `offsets` along key slot
/// `slot`, combined by OR (dilate) or AND (erode), each interval widened by `widen`.
struct MorphPass {
  int slot;
  std::vector<std::int64_t> offsets;
  std::int64_t widen;
};

/// Box morphology of radii r = {x, y, z} as passes of at most `max_shifts` row shifts: the x
/// radius rides on the first pass; each row axis with radius r takes one pass of shifts
/// -r .. -r + c - 1 (c <= max_shifts), then passes that multiply the covered length by up to
/// max_shifts (shifts 0, c, 2c, ..., target - c cover [0, target) exactly), so a radius r takes
/// ceil(log_max_shifts(2r + 1)) passes. Used by the reference operations and by the fused
/// lowering alike.
constexpr std::vector<MorphPass> separable_passes(int dim, const std::array<std::int64_t, 3>& r,
                                                  bool dilate, std::int64_t max_shifts) {
  std::vector<MorphPass> passes;
  std::int64_t widen = dilate ? r[0] : -r[0];
  for (int axis = 1; axis < dim; ++axis) {
    const std::int64_t radius = r[std::size_t(axis)];
    if (radius == 0) continue;
    const int slot = dim - 1 - axis;  // row-key slot of this axis
    const std::int64_t length = 2 * radius + 1;
    std::int64_t covered = std::min<std::int64_t>(length, max_shifts);
    MorphPass first{slot, {}, widen};
    for (std::int64_t j = 0; j < covered; ++j) first.offsets.push_back(-radius + j);
    passes.push_back(std::move(first));
    widen = 0;
    while (covered < length) {
      const std::int64_t target = std::min<std::int64_t>(length, covered * max_shifts);
      MorphPass next{slot, {}, 0};
      for (std::int64_t s = 0; s + covered < target; s += covered) next.offsets.push_back(s);
      next.offsets.push_back(target - covered);
      passes.push_back(std::move(next));
      covered = target;
    }
  }
  if (passes.empty() && widen != 0) passes.push_back({0, {0}, widen});
  return passes;
}

}  // namespace subsetix::passes
