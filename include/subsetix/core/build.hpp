#pragma once
/// \file
/// Building sets from user data: intervals or cells in any order (sorted and merged for you),
/// or CSR arrays (validated), and listing a set back.

#include <vector>

#include "subsetix/core/error.hpp"
#include "subsetix/core/interval_set.hpp"

namespace subsetix {

/// One interval of one row.
template <int Dim>
struct RowInterval {
  /// The row the interval lies in.
  RowKey<Dim> key;
  /// The interval along x.
  Interval interval;
  /// Equal when row and interval are.
  friend bool operator==(const RowInterval&, const RowInterval&) = default;
};

/// A canonical set from intervals in any order; overlapping and touching intervals merge.
/// Fails on an empty or inverted interval (`begin >= end`), naming its index.
template <int Dim>
Result<IntervalSet<Dim>> from_intervals(std::vector<RowInterval<Dim>> items);

/// A canonical set from cells (x, y[, z]) in any order; duplicates are fine.
template <int Dim>
Result<IntervalSet<Dim>> from_cells(const std::vector<Point<Dim>>& cells);

/// A set from CSR arrays the caller has built. They must already be canonical; anything else
/// (unsorted rows, empty/overlapping/touching intervals, inconsistent row_ptr) is an error
/// naming what and where. The cell offsets are computed.
template <int Dim>
Result<IntervalSet<Dim>> from_csr(const std::vector<RowKey<Dim>>& row_keys,
                                  const std::vector<index_t>& row_ptr,
                                  const std::vector<Interval>& intervals);

/// The intervals of a set, row by row, in canonical order.
template <int Dim, class Space>
std::vector<RowInterval<Dim>> list_intervals(const IntervalSet<Dim, Space>& s) {
  const auto h = to_host(s);
  std::vector<RowInterval<Dim>> out;
  out.reserve(std::size_t(h.num_intervals));
  for (index_t r = 0; r < h.num_rows; ++r)
    for (index_t j = h.row_ptr(r); j < h.row_ptr(r + 1); ++j)
      out.push_back({h.row_keys(r), h.intervals(j)});
  return out;
}

/// Checks that a set's arrays are canonical and consistent (including cell offsets, when
/// present). The error names the rule broken and the row and interval where.
template <int Dim>
Result<void> validate_host(const HostIntervalSet<Dim>& s);

/// Checks a set in any memory space (copied to the host first); see validate_host().
template <int Dim, class Space>
Result<void> validate(const IntervalSet<Dim, Space>& s) {
  return validate_host(to_host(s));
}

#define SUBSETIX_BUILD_EXTERN(D)                                                                 \
  extern template Result<IntervalSet<D>> from_intervals(std::vector<RowInterval<D>>);            \
  extern template Result<IntervalSet<D>> from_cells(const std::vector<Point<D>>&);               \
  extern template Result<IntervalSet<D>> from_csr(                                               \
      const std::vector<RowKey<D>>&, const std::vector<index_t>&, const std::vector<Interval>&); \
  extern template Result<void> validate_host(const HostIntervalSet<D>&);
SUBSETIX_BUILD_EXTERN(2)
SUBSETIX_BUILD_EXTERN(3)
#undef SUBSETIX_BUILD_EXTERN

}  // namespace subsetix
