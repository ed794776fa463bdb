#pragma once
/// \file
/// refine as a map over source rows: each row's 2^(Dim-1) children go to ranks computed from
/// prefix sums and binary searches, so no count pass is needed. The source's row count may be
/// known only on the device (`rows_device`); the kernel runs over a host bound + 1 and the
/// thread at the real count writes the sentinels and the totals.

#include <cstdint>

#include "eval/kernels/count_scan_fill.hpp"

namespace subsetix::detail {

/// Rows [lo, hi) of a sorted key array whose slot-`a` coordinate equals `v` (within a range
/// where all earlier slots are equal).
template <int Dim>
KOKKOS_INLINE_FUNCTION void equal_range(const DevicePtr<const RowKey<Dim>>& keys, int a, coord_t v,
                                        index_t& lo, index_t& hi) {
  index_t first = lo, count = hi - lo;
  while (count > 0) {
    const index_t step = count / 2;
    if (keys[first + step].c[a] < v) {
      first += step + 1;
      count -= step + 1;
    } else {
      count = step;
    }
  }
  index_t last = first;
  count = hi - first;
  while (count > 0) {
    const index_t step = count / 2;
    if (keys[last + step].c[a] <= v) {
      last += step + 1;
      count -= step + 1;
    } else {
      count = step;
    }
  }
  lo = first;
  hi = last;
}

template <int Dim>
struct RefineRows {
  static constexpr int children = 1 << (Dim - 1);
  DevicePtr<const RowKey<Dim>> keys;
  DevicePtr<const index_t> row_ptr;
  DevicePtr<const Interval> intervals;
  DevicePtr<const cell_count_t> cells;
  index_t rows_host;
  const std::int64_t* rows_device;  ///< null when rows_host is exact
  OutputArrays<Dim> out;
  StatusView status;
  int totals;  ///< status slot of rows, intervals, cells (or -1)

  KOKKOS_INLINE_FUNCTION void operator()(index_t i) const {
    const index_t n = rows_device ? index_t(*rows_device) : rows_host;
    if (i > n) return;
    if (i == n) {
      const std::int64_t out_intervals = std::int64_t(row_ptr[n]) * children;
      const std::int64_t out_cells = cells[row_ptr[n]] << Dim;
      out.row_ptr[std::int64_t(n) * children] = index_t(out_intervals);
      out.cell_offsets[out_intervals] = out_cells;
      if (totals >= 0) {
        status(totals) = std::int64_t(n) * children;
        status(totals + 1) = out_intervals;
        status(totals + 2) = out_cells;
      }
      return;
    }
    const RowKey<Dim> key = keys[i];
    // lo[s], hi[s]: rows sharing the first s key slots with this row.
    index_t lo[Dim], hi[Dim];
    lo[0] = 0;
    hi[0] = n;
    for (int s = 0; s < Dim - 1; ++s) {
      lo[s + 1] = lo[s];
      hi[s + 1] = hi[s];
      equal_range(keys, s, key.c[s], lo[s + 1], hi[s + 1]);
    }
    auto cells_before = [&](index_t r) { return cells[row_ptr[r]]; };
    for (int child = 0; child < children; ++child) {
      // Output keys before 2K + c: rows of B_s with a smaller slot s contribute all their
      // children that match c on earlier slots; rows equal on slot s contribute their c_s = 0
      // children when c_s = 1.
      std::int64_t rank_rows = 0, rank_intervals = 0, rank_cells = 0;
      RowKey<Dim> out_key;
      for (int s = 0; s < Dim - 1; ++s) {
        const int bit = (child >> (Dim - 2 - s)) & 1;
        const std::int64_t below = std::int64_t(1) << (Dim - 1 - s);
        const std::int64_t equal = bit ? std::int64_t(1) << (Dim - 2 - s) : 0;
        rank_rows += (lo[s + 1] - lo[s]) * below + (hi[s + 1] - lo[s + 1]) * equal;
        rank_intervals += (row_ptr[lo[s + 1]] - row_ptr[lo[s]]) * below +
                          (row_ptr[hi[s + 1]] - row_ptr[lo[s + 1]]) * equal;
        rank_cells += (cells_before(lo[s + 1]) - cells_before(lo[s])) * below +
                      (cells_before(hi[s + 1]) - cells_before(lo[s + 1])) * equal;
        const std::int64_t c = 2 * std::int64_t(key.c[s]) + bit;
        if (!fits_coord(c)) raise_overflow(status, Dim - 1 - s, c);
        out_key.c[s] = coord_t(c);
      }
      out.row_keys[rank_rows] = out_key;
      out.row_ptr[rank_rows] = index_t(rank_intervals);
      std::int64_t running = 2 * rank_cells;
      for (index_t j = row_ptr[i]; j < row_ptr[i + 1]; ++j) {
        const std::int64_t b = 2 * std::int64_t(intervals[j].begin);
        const std::int64_t e = 2 * std::int64_t(intervals[j].end);
        if (!fits_coord(b) || !fits_coord(e)) raise_overflow(status, 0, fits_coord(b) ? e : b);
        const std::int64_t at = rank_intervals + (j - row_ptr[i]);
        out.intervals[at] = Interval{coord_t(b), coord_t(e)};
        out.cell_offsets[at] = running;
        running += e - b;
      }
    }
  }
};

}  // namespace subsetix::detail
