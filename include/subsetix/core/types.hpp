#pragma once
/// \file
/// Coordinates, intervals and row keys: the vocabulary every other header speaks.

#include <cstdint>

#include <Kokkos_Macros.hpp>

#include "subsetix/core/coord.hpp"

namespace subsetix {

/// The smaller of `a` and `b` (std::min is not callable in device code).
template <class T>
KOKKOS_INLINE_FUNCTION constexpr T min_of(T a, T b) {
  return b < a ? b : a;
}

/// floor(sqrt(v)) for v >= 0, exact, in integer arithmetic (bit by bit).
KOKKOS_INLINE_FUNCTION constexpr std::int64_t isqrt(std::int64_t v) {
  if (v <= 0) return 0;
  std::uint64_t x = std::uint64_t(v), result = 0, bit = std::uint64_t(1) << 62;
  while (bit > x) bit >>= 2;
  while (bit != 0) {
    if (x >= result + bit) {
      x -= result + bit;
      result = (result >> 1) + bit;
    } else {
      result >>= 1;
    }
    bit >>= 2;
  }
  return std::int64_t(result);
}

/// Half-open interval `[begin, end)` of cells along the innermost (x) axis.
struct Interval {
  /// First cell of the interval.
  coord_t begin;
  /// One past the last cell of the interval.
  coord_t end;
  /// Number of cells, `end - begin`.
  KOKKOS_INLINE_FUNCTION constexpr cell_count_t size() const { return cell_count_t(end) - begin; }
  /// Intervals are equal when both ends are.
  friend constexpr bool operator==(const Interval&, const Interval&) = default;
};

/// The `Dim - 1` outer coordinates of a row, outermost first: 2D `{y}`, 3D `{z, y}`.
/// Rows are ordered lexicographically on them.
template <int Dim>
struct RowKey {
  static_assert(Dim == 2 || Dim == 3, "subsetix supports 2D and 3D sets");
  /// Number of outer coordinates, `Dim - 1`.
  static constexpr int size = Dim - 1;
  /// The outer coordinates, outermost first.
  coord_t c[Dim - 1];

  /// Outer coordinate `a` (0 = outermost).
  KOKKOS_INLINE_FUNCTION constexpr coord_t operator[](int a) const { return c[a]; }
  /// Outer coordinate `a` (0 = outermost), writable.
  KOKKOS_INLINE_FUNCTION constexpr coord_t& operator[](int a) { return c[a]; }

  /// Keys are equal when all outer coordinates are.
  friend KOKKOS_INLINE_FUNCTION constexpr bool operator==(const RowKey& a, const RowKey& b) {
    for (int i = 0; i < Dim - 1; ++i)
      if (a.c[i] != b.c[i]) return false;
    return true;
  }
  /// Keys differ in some outer coordinate.
  friend KOKKOS_INLINE_FUNCTION constexpr bool operator!=(const RowKey& a, const RowKey& b) {
    return !(a == b);
  }
  /// Lexicographic order, outermost coordinate first: the order of rows in a set.
  friend KOKKOS_INLINE_FUNCTION constexpr bool operator<(const RowKey& a, const RowKey& b) {
    for (int i = 0; i < Dim - 1; ++i)
      if (a.c[i] != b.c[i]) return a.c[i] < b.c[i];
    return false;
  }
};

/// A row key in 64-bit arithmetic: shifted and scaled keys are compared here before they are
/// checked against the int32 range.
template <int Dim>
struct WideKey {
  /// The outer coordinates in 64-bit arithmetic, outermost first.
  std::int64_t c[Dim - 1];

  /// A key above every real key (an exhausted cursor).
  KOKKOS_INLINE_FUNCTION static WideKey exhausted() {
    WideKey w;
    for (int i = 0; i < Dim - 1; ++i) w.c[i] = INT64_MAX;
    return w;
  }
  /// Widens a row key.
  KOKKOS_INLINE_FUNCTION static WideKey from(const RowKey<Dim>& k) {
    WideKey w;
    for (int i = 0; i < Dim - 1; ++i) w.c[i] = k.c[i];
    return w;
  }
  /// True when every coordinate fits the int32 coordinate range.
  KOKKOS_INLINE_FUNCTION bool fits() const {
    for (int i = 0; i < Dim - 1; ++i)
      if (!fits_coord(c[i])) return false;
    return true;
  }
  /// Narrows to a row key; call only when fits() holds.
  KOKKOS_INLINE_FUNCTION RowKey<Dim> narrow() const {
    RowKey<Dim> k;
    for (int i = 0; i < Dim - 1; ++i) k.c[i] = coord_t(c[i]);
    return k;
  }
};

}  // namespace subsetix
