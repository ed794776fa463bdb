#pragma once
/// \file
/// Coordinate and index types. Free of Kokkos, so host-only parsers can use them; the
/// constexpr functions here are callable in device code too (Kokkos builds CUDA with
/// relaxed constexpr).

#include <cstdint>
#include <limits>

namespace subsetix {

/// A cell coordinate. Results that would leave this range are errors, never wrap-arounds.
using coord_t = std::int32_t;
/// An index into the rows or the intervals of a set.
using index_t = std::int32_t;
/// A count of cells (may exceed the int32 range: a 2^16 x 2^16 box already does).
using cell_count_t = std::int64_t;

/// Smallest representable coordinate.
inline constexpr coord_t coord_min = std::numeric_limits<coord_t>::min();
/// Largest representable coordinate.
inline constexpr coord_t coord_max = std::numeric_limits<coord_t>::max();

/// True when a 64-bit intermediate coordinate fits the int32 coordinate range.
constexpr bool fits_coord(std::int64_t v) {
  return v >= std::int64_t(coord_min) && v <= std::int64_t(coord_max);
}

}  // namespace subsetix
