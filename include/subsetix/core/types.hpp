#pragma once
/// \file
/// Coordinates, intervals and row keys: the vocabulary every other header speaks.

#include <cstdint>

#include <Kokkos_Macros.hpp>

#include "subsetix/core/coord.hpp"

namespace subsetix {

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
  coord_t begin;
  coord_t end;
  KOKKOS_INLINE_FUNCTION constexpr cell_count_t size() const { return cell_count_t(end) - begin; }
  friend constexpr bool operator==(const Interval&, const Interval&) = default;
};

/// The `Dim - 1` outer coordinates of a row, outermost first: 2D `{y}`, 3D `{z, y}`.
/// Rows are ordered lexicographically on them.
template <int Dim>
struct RowKey {
  static_assert(Dim == 2 || Dim == 3, "subsetix supports 2D and 3D sets");
  static constexpr int size = Dim - 1;
  coord_t c[Dim - 1];

  KOKKOS_INLINE_FUNCTION constexpr coord_t operator[](int a) const { return c[a]; }
  KOKKOS_INLINE_FUNCTION constexpr coord_t& operator[](int a) { return c[a]; }

  friend KOKKOS_INLINE_FUNCTION constexpr bool operator==(const RowKey& a, const RowKey& b) {
    for (int i = 0; i < Dim - 1; ++i)
      if (a.c[i] != b.c[i]) return false;
    return true;
  }
  friend KOKKOS_INLINE_FUNCTION constexpr bool operator!=(const RowKey& a, const RowKey& b) {
    return !(a == b);
  }
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
  std::int64_t c[Dim - 1];

  KOKKOS_INLINE_FUNCTION static WideKey from(const RowKey<Dim>& k) {
    WideKey w;
    for (int i = 0; i < Dim - 1; ++i) w.c[i] = k.c[i];
    return w;
  }
  KOKKOS_INLINE_FUNCTION bool fits() const {
    for (int i = 0; i < Dim - 1; ++i)
      if (!fits_coord(c[i])) return false;
    return true;
  }
  KOKKOS_INLINE_FUNCTION RowKey<Dim> narrow() const {
    RowKey<Dim> k;
    for (int i = 0; i < Dim - 1; ++i) k.c[i] = coord_t(c[i]);
    return k;
  }
};

}  // namespace subsetix
