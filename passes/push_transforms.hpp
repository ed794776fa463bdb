#pragma once
/// \file
/// Pass 1: push `translate` and `refine` down to the leaves. Both commute with every boolean
/// operation, and with morphology (refining doubles the radii); so the lowering carries one
/// transform, x -> 2^levels x + shift, down the tree and applies it at the leaves.

#include <array>
#include <cstdint>

namespace subsetix::passes {

struct Transform {
  int levels = 0;                       ///< refinements applied to the leaf first
  std::array<std::int64_t, 3> shift{};  ///< then this translation (cells, axes x, y, z)

  /// This transform applied after translate(d): T(x + d) = 2^levels x + (2^levels d + shift).
  constexpr Transform after_translate(const std::array<std::int64_t, 3>& d) const {
    Transform t = *this;
    for (int a = 0; a < 3; ++a) t.shift[a] += (std::int64_t(1) << levels) * d[a];
    return t;
  }
  /// This transform applied after refine: refine^(levels+1), same shift.
  constexpr Transform after_refine() const {
    Transform t = *this;
    ++t.levels;
    return t;
  }
  /// A radius seen through the transform (refinement doubles it).
  constexpr std::int64_t scale(std::int64_t r) const { return r << levels; }
  constexpr bool identity() const { return levels == 0 && shift == std::array<std::int64_t, 3>{}; }
};

}  // namespace subsetix::passes
