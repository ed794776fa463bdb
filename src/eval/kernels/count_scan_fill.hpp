#pragma once
/// \file
/// The count -> scan -> fill pattern, generic over a *row program* that walks chunks of output
/// rows in key order:
///
///   struct Rows {
///     index_t chunks() const;                      // host-side bound on the number of chunks
///     template <class F> void visit_chunk(index_t c, F&& f) const;
///       // calls f(key, emit) for each candidate row of chunk c in key order, where
///       // emit(sink) sends that row's intervals to `sink` (CountSink or FillSink)
///   };
///
/// Count and fill run the same row program, so what is counted is what is written. Counts are
/// per chunk (rows, intervals, cells), so the scan is short; empty rows are never written.
/// `count_scan_fill` is the synchronous form: it reads the totals on the host once (one deep
/// copy, the fence) to allocate the output exactly.

#include <string>

#include "eval/kernels/profiling.hpp"
#include "eval/kernels/scan_value.hpp"
#include "eval/kernels/status.hpp"
#include "eval/kernels/sweep.hpp"
#include "subsetix/core/error.hpp"

namespace subsetix::detail {

/// The arrays of a set being filled (bounds-checked handles, device_ptr.hpp).
template <int Dim>
struct OutputArrays {
  DevicePtr<RowKey<Dim>> row_keys;
  DevicePtr<index_t> row_ptr;
  DevicePtr<Interval> intervals;
  DevicePtr<cell_count_t> cell_offsets;

  static OutputArrays of(const IntervalSet<Dim>& s) {
    return {device_ptr(s.row_keys), device_ptr(s.row_ptr), device_ptr(s.intervals),
            device_ptr(s.cell_offsets)};
  }
};

/// Per-chunk counts (rows, intervals, cells) and what the scan makes of them: the part that
/// count-scan-fill and sweep-scan-compact share.
struct ChunkCounts {
  Kokkos::View<RowCounts*, DeviceMemory> offsets;  ///< [chunks + 1] counts, then prefix sums
  StatusView status;
  index_t chunks;
  int totals = slot_rows;  ///< where the scan leaves rows, intervals, cells
  std::int64_t capacity_rows = INT64_MAX;
  std::int64_t capacity_intervals = INT64_MAX;

  /// Exclusive scan of the materialised counts, in place; totals go to `offsets(chunks)` and
  /// to the status block.
  KOKKOS_INLINE_FUNCTION void scan(index_t c, RowCounts& update, bool final) const {
    const RowCounts n = offsets(c);
    if (final) {
      offsets(c) = update;
      if (c == chunks - 1) {
        RowCounts total = update;
        total += n;
        offsets(chunks) = total;
        for (int s = 0; s < 3; ++s) status(totals + s) = total.v[s];
      }
    }
    update += n;
  }

  /// Whether chunk c writes its rows to `out`. Nothing is written when an earlier kernel raised
  /// an error, or when the result exceeds the output's capacity (chunk 0 raises that error);
  /// index `chunks` writes the two sentinels.
  template <int Dim>
  KOKKOS_INLINE_FUNCTION bool writes(index_t c, const OutputArrays<Dim>& out) const {
    if (status(slot_error) != 0) return false;
    const RowCounts total = offsets(chunks);
    if (total.v[0] > capacity_rows || total.v[1] > capacity_intervals) {
      if (c == 0)
        raise(status, device_capacity_exceeded, total.v[0] > capacity_rows ? 0 : 1,
              total.v[0] > capacity_rows ? total.v[0] : total.v[1]);
      return false;
    }
    if (c < chunks) return true;
    out.row_ptr[total.v[0]] = index_t(total.v[1]);
    out.cell_offsets[total.v[1]] = total.v[2];
    return false;
  }

  /// `kernel`: the scan's label.
  void launch_scan(const std::string& kernel) const {
    const auto self = *this;
    Kokkos::parallel_scan(
        kernel, Kokkos::RangePolicy<ExecSpace>(0, chunks),
        KOKKOS_LAMBDA(const index_t c, RowCounts& update, const bool final) {
          self.scan(c, update, final);
        });
  }
};

/// Reads the totals a scan left in `status` (the host synchronisation) and allocates a result
/// of exactly that size.
template <int Dim>
Result<IntervalSet<Dim>> allocate_exact(const StatusView& status, Workspace& ws,
                                        const std::string& name) {
  auto totals = read_status(status, ws, Dim, name);
  if (!totals) return totals.error();
  const std::int64_t intervals = totals.value()(slot_intervals);
  if (intervals >= std::int64_t(INT32_MAX))
    return make_error(ErrorCode::capacity_exceeded, name, ": ", intervals,
                      " result intervals exceed the int32 index range");
  auto result = IntervalSet<Dim>::allocate(index_t(totals.value()(slot_rows)), index_t(intervals),
                                           "subsetix::" + name);
  if (!result) return result.error();
  result.value().num_cells = totals.value()(slot_cells);
  return result;
}

template <int Dim, class Rows>
struct CountScanFill {
  Rows rows;
  ChunkCounts counts;

  KOKKOS_INLINE_FUNCTION void count(index_t c) const {
    RowCounts total;
    rows.visit_chunk(c, [&](const RowKey<Dim>&, const auto& emit) {
      CountSink sink;
      emit(sink);
      if (sink.overflow) raise_overflow(counts.status, 0, sink.bad_value);
      if (sink.intervals > 0) {
        total.v[0] += 1;
        total.v[1] += sink.intervals;
        total.v[2] += sink.cells;
      }
    });
    counts.offsets(c) = total;
  }

  /// Writes chunk c's rows at its offsets (see ChunkCounts::writes).
  KOKKOS_INLINE_FUNCTION void fill(index_t c, const OutputArrays<Dim>& out) const {
    if (!counts.writes(c, out)) return;
    const RowCounts at = counts.offsets(c);
    std::int64_t row = at.v[0];
    FillSink sink{out.intervals + at.v[1], out.cell_offsets + at.v[1], at.v[2]};
    rows.visit_chunk(c, [&](const RowKey<Dim>& key, const auto& emit) {
      const DevicePtr<Interval> first = sink.out;
      emit(sink);
      if (sink.out != first) {
        out.row_keys[row] = key;
        out.row_ptr[row] = index_t(first - out.intervals);
        ++row;
      }
    });
  }

  void launch_count_scan(const std::string& label) const {
    const auto self = *this;
    Kokkos::parallel_for(
        label + "/count", Kokkos::RangePolicy<ExecSpace>(0, counts.chunks),
        KOKKOS_LAMBDA(const index_t c) { self.count(c); });
    counts.launch_scan(label + "/scan");
  }
  void launch_fill(const std::string& label, const OutputArrays<Dim>& out) const {
    const auto self = *this;
    Kokkos::parallel_for(
        label + "/fill", Kokkos::RangePolicy<ExecSpace>(0, counts.chunks + 1),
        KOKKOS_LAMBDA(const index_t c) { self.fill(c, out); });
  }
};

/// Synchronous count-scan-fill: the result, exactly sized. Temporaries come from `ws` (the
/// caller holds a scope); `status` may already hold an error raised by earlier kernels.
template <int Dim, class Rows>
Result<IntervalSet<Dim>> count_scan_fill(const Rows& rows, const StatusView& status, Workspace& ws,
                                         const std::string& name) {
  const std::string label = "subsetix::" + name;
  const index_t chunks = rows.chunks();
  if (chunks == 0) return IntervalSet<Dim>::empty_set();
  auto offsets = ws.take<RowCounts>(std::size_t(chunks) + 1, {label, ".offsets"});
  if (!offsets) return offsets.error();
  const CountScanFill<Dim, Rows> csf{rows, {offsets.value(), status, chunks}};
  csf.launch_count_scan(label);
  auto result = allocate_exact<Dim>(status, ws, name);
  if (result) csf.launch_fill(label, OutputArrays<Dim>::of(result.value()));
  return result;
}

}  // namespace subsetix::detail
