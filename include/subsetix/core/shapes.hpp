#pragma once
/// \file
/// Built-in shapes, generated on the device by count-scan-fill kernels.
/// Boxes are half-open: `box(lo, hi)` holds the cells `lo <= c < hi` on every axis.

#include <cstdint>
#include <string>

#include "subsetix/core/error.hpp"
#include "subsetix/core/interval_set.hpp"

namespace subsetix::shapes {

/// Cells `lo <= c < hi` (empty when any extent is <= 0).
template <int Dim>
Result<IntervalSet<Dim>> box(const Point<Dim>& lo, const Point<Dim>& hi);

/// Cells with (x-cx)^2 + (y-cy)^2 <= r^2.
Result<IntervalSet<2>> disk(coord_t cx, coord_t cy, coord_t r);

/// Cells with (x-cx)^2 + (y-cy)^2 + (z-cz)^2 <= r^2.
Result<IntervalSet<3>> ball(coord_t cx, coord_t cy, coord_t cz, coord_t r);

/// Concentric rings of a disk of radius `r`: cells whose distance d to the centre has
/// floor(d / width) even. Many intervals per row.
Result<IntervalSet<2>> rings(coord_t cx, coord_t cy, coord_t r, coord_t width);

/// A checkerboard of `tile`-sized cubes inside the box [lo, hi), the tile at `lo` included.
template <int Dim>
Result<IntervalSet<Dim>> checkerboard(const Point<Dim>& lo, const Point<Dim>& hi, coord_t tile);

/// Random intervals inside the box [lo, hi): each row is present with `row_probability`;
/// along a row, runs of mean length `mean_run` cover about `fill` of the cells.
/// Deterministic for a given seed, whatever the backend or thread count.
struct RandomOptions {
  /// Fraction of cells inside the set, in [0, 1].
  double fill = 0.5;
  /// Mean length of a run of inside (or outside) cells along x.
  double mean_run = 4.0;
  /// Probability that a row holds any cells at all.
  double row_probability = 1.0;
  /// Seed of the counter-based generator.
  std::uint64_t seed = 1;
};
/// A random set in the box `[lo, hi)`: alternating runs of inside and outside cells along x with
/// uniformly drawn lengths (means `mean_run` and the gap giving `fill`), drawn per row from a
/// counter-based generator; invalid options are an error.
template <int Dim>
Result<IntervalSet<Dim>> random(const Point<Dim>& lo, const Point<Dim>& hi,
                                const RandomOptions& options);

#define SUBSETIX_SHAPES_EXTERN(D)                                                                 \
  extern template Result<IntervalSet<D>> box(const Point<D>&, const Point<D>&);                   \
  extern template Result<IntervalSet<D>> checkerboard(const Point<D>&, const Point<D>&, coord_t); \
  extern template Result<IntervalSet<D>> random(const Point<D>&, const Point<D>&,                 \
                                                const RandomOptions&);
SUBSETIX_SHAPES_EXTERN(2)
SUBSETIX_SHAPES_EXTERN(3)
#undef SUBSETIX_SHAPES_EXTERN

}  // namespace subsetix::shapes
