#pragma once
/// \file
/// The count -> scan -> fill pattern over candidate rows, generic over a *row program*:
///
///   struct Rows {
///     index_t size() const;                        // candidate rows (may be device-only)
///     WideKey<Dim> key(index_t i) const;           // key of candidate i (64-bit, unchecked)
///     template <class Sink> void row(const RowKey<Dim>&, Sink&) const;  // emit its intervals
///   };
///
/// Count and fill run the same row program, so what is counted is what is written. Empty rows
/// are dropped by the scan. `count_scan_fill` is the synchronous form: it reads the totals on
/// the host once (one deep copy, the fence) to allocate the output exactly.

#include <string>

#include "subsetix/core/error.hpp"
#include "subsetix/eval/detail/profiling.hpp"
#include "subsetix/eval/detail/scan_value.hpp"
#include "subsetix/eval/detail/status.hpp"
#include "subsetix/eval/detail/sweep.hpp"

namespace subsetix::detail {

/// Raw output pointers of a set being filled.
template <int Dim>
struct OutputArrays {
  RowKey<Dim>* row_keys;
  index_t* row_ptr;
  Interval* intervals;
  cell_count_t* cell_offsets;

  static OutputArrays of(const IntervalSet<Dim>& s) {
    return {s.row_keys.data(), s.row_ptr.data(), s.intervals.data(), s.cell_offsets.data()};
  }
};

template <int Dim, class Rows>
struct CountScanFill {
  Rows rows;
  Kokkos::View<RowCounts*, DeviceMemory> offsets;  ///< [bound + 1] counts, then prefix sums
  StatusView status;
  index_t bound;

  KOKKOS_INLINE_FUNCTION void count(index_t i) const {
    RowCounts c;
    if (i < rows.size()) {
      const WideKey<Dim> wide = rows.key(i);
      bool fits = true;
      for (int a = 0; a < Dim - 1; ++a)
        if (!fits_coord(wide.c[a])) {
          raise_overflow(status, Dim - 1 - a, wide.c[a]);  // axis: 1 = y, 2 = z
          fits = false;
        }
      if (fits) {
        CountSink sink;
        rows.row(wide.narrow(), sink);
        if (sink.overflow) raise_overflow(status, 0, sink.bad_value);
        c.v[0] = sink.intervals > 0 ? 1 : 0;
        c.v[1] = sink.intervals;
        c.v[2] = sink.cells;
      }
    }
    offsets(i) = c;
  }

  /// Exclusive scan of the materialised counts, in place; totals go to `offsets(bound)` and
  /// to the status block.
  KOKKOS_INLINE_FUNCTION void scan(index_t i, RowCounts& update, bool final) const {
    const RowCounts c = offsets(i);
    if (final) {
      offsets(i) = update;
      if (i == bound - 1) {
        RowCounts total = update;
        total += c;
        offsets(bound) = total;
        for (int s = 0; s < 3; ++s) status(slot_rows + s) = total.v[s];
      }
    }
    update += c;
  }

  /// Writes candidate i's row at its offsets; index `bound` writes the two sentinels.
  KOKKOS_INLINE_FUNCTION void fill(index_t i, const OutputArrays<Dim>& out) const {
    const RowCounts at = offsets(i);
    if (i == bound) {
      out.row_ptr[at.v[0]] = index_t(at.v[1]);
      out.cell_offsets[at.v[1]] = at.v[2];
      return;
    }
    if (offsets(i + 1).v[0] == at.v[0]) return;  // empty row: dropped
    const RowKey<Dim> key = rows.key(i).narrow();
    const index_t row = index_t(at.v[0]);
    out.row_keys[row] = key;
    out.row_ptr[row] = index_t(at.v[1]);
    FillSink sink{out.intervals + at.v[1], out.cell_offsets + at.v[1], at.v[2]};
    rows.row(key, sink);
  }

  void launch_count_scan(const std::string& label) const {
    const auto self = *this;
    Kokkos::parallel_for(label + "/count", Kokkos::RangePolicy<ExecSpace>(0, bound),
                         KOKKOS_LAMBDA(const index_t i) { self.count(i); });
    Kokkos::parallel_scan(label + "/scan", Kokkos::RangePolicy<ExecSpace>(0, bound),
                          KOKKOS_LAMBDA(const index_t i, RowCounts& update, const bool final) {
                            self.scan(i, update, final);
                          });
  }
  void launch_fill(const std::string& label, const OutputArrays<Dim>& out) const {
    const auto self = *this;
    Kokkos::parallel_for(label + "/fill", Kokkos::RangePolicy<ExecSpace>(0, bound + 1),
                         KOKKOS_LAMBDA(const index_t i) { self.fill(i, out); });
  }
};

/// Synchronous count-scan-fill: the result, exactly sized. `status` may already hold an error
/// raised by earlier kernels of the same operation (e.g. a row union).
template <int Dim, class Rows>
Result<IntervalSet<Dim>> count_scan_fill(const Rows& rows, index_t bound, const StatusView& status,
                                         const std::string& name) {
  const std::string label = "subsetix::" + name;
  if (bound == 0) return IntervalSet<Dim>::empty_set(label);
  CountScanFill<Dim, Rows> csf{rows, {}, status, bound};
  csf.offsets = Kokkos::View<RowCounts*, DeviceMemory>(
      Kokkos::view_alloc(Kokkos::WithoutInitializing, label + ".offsets"), bound + 1);
  csf.launch_count_scan(label);

  auto totals = read_status(status, Dim, name);
  if (!totals) return totals.error();
  const std::int64_t intervals = totals.value()(slot_intervals);
  if (intervals >= std::int64_t(INT32_MAX))
    return make_error(ErrorCode::capacity_exceeded, name, ": ", intervals,
                      " result intervals exceed the int32 index range");
  auto result =
      IntervalSet<Dim>::allocate(index_t(totals.value()(slot_rows)), index_t(intervals), label);
  result.num_cells = totals.value()(slot_cells);
  csf.launch_fill(label, OutputArrays<Dim>::of(result));
  return result;
}

}  // namespace subsetix::detail
