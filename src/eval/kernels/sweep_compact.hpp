#pragma once
/// \file
/// The sweep -> scan -> compact pattern: count-scan-fill for row programs that can bound each
/// chunk's output before computing it (stages, see stage.hpp), so every row is swept once:
///
///   struct Rows {
///     index_t chunks() const;            // host-side bound on the number of chunks
///     ChunkOrigin scratch_size() const;  // host-side scratch rows and intervals
///     template <class O, class F> void visit_chunk(index_t c, O&& origin, F&& f) const;
///       // calls origin(o) with chunk c's scratch origin (its rows and intervals fit from there
///       // up to the next chunk's origin), then f(key, emit) per row as count-scan-fill does
///   };
///
/// 1. sweep: each chunk writes its rows and intervals into scratch at its origin and records
///    its counts (rows, intervals, cells);
/// 2. scan: exclusive prefix sums of the counts, totals to the status block;
/// 3. compact: each chunk copies its part of the scratch to its final offsets and writes the
///    cell offsets.
/// The compaction moves bytes at memory speed; the sweep (the expensive part) runs once, where
/// count-scan-fill runs it twice.

#include <string>

#include "eval/kernels/codegen.hpp"
#include "eval/kernels/count_scan_fill.hpp"
#include "eval/kernels/kernel_names.hpp"

namespace subsetix::detail {

/// Where a chunk's rows and intervals start in the scratch arrays.
struct ChunkOrigin {
  std::int64_t row;
  std::int64_t interval;
};

/// Scratch arrays: rows and intervals at their chunk's origin; `row_start` is the scratch
/// index of each row's first interval.
template <int Dim>
struct ScratchArrays {
  DevicePtr<RowKey<Dim>> row_keys;
  DevicePtr<std::int64_t> row_start;
  DevicePtr<Interval> intervals;
};

/// Writes a chunk's intervals to scratch, counting cells. It tracks the smallest begin and the
/// largest end written, so the int32 range is checked once per chunk, not per interval.
struct ScratchSink {
  DevicePtr<Interval> out;
  std::int64_t cells = 0;
  std::int64_t lowest = INT64_MAX;
  std::int64_t highest = INT64_MIN;
  KOKKOS_INLINE_FUNCTION void emit(std::int64_t b, std::int64_t e) {
    lowest = b < lowest ? b : lowest;
    highest = e > highest ? e : highest;
    *out++ = Interval{coord_t(b), coord_t(e)};
    cells += e - b;
  }
  /// True, with the offending value, when a coordinate written does not fit int32.
  KOKKOS_INLINE_FUNCTION bool overflow(std::int64_t& bad_value) const {
    if (lowest > highest) return false;  // nothing written
    bad_value = fits_coord(lowest) ? highest : lowest;
    return !fits_coord(bad_value);
  }
};

template <int Dim, class Rows>
struct SweepCompact {
  Rows rows;
  ChunkCounts counts;
  Kokkos::View<ChunkOrigin*, DeviceMemory> origins;  ///< [chunks]
  ScratchArrays<Dim> scratch;

  KOKKOS_INLINE_FUNCTION void sweep(index_t c) const {
    ChunkOrigin origin{0, 0};
    ScratchSink sink{};
    std::int64_t rows_written = 0;
    rows.visit_chunk(
        c,
        [&](const ChunkOrigin& o) SUBSETIX_INLINE_LAMBDA {
          origin = o;
          sink.out = scratch.intervals + o.interval;
        },
        [&](const RowKey<Dim>& key, const auto& emit) SUBSETIX_INLINE_LAMBDA {
          const DevicePtr<Interval> row_begin = sink.out;
          emit(sink);
          if (sink.out != row_begin) {
            const std::int64_t r = origin.row + rows_written++;
            scratch.row_keys[r] = key;
            scratch.row_start[r] = row_begin - scratch.intervals;
          }
        });
    std::int64_t bad_value = 0;
    if (sink.overflow(bad_value)) raise_overflow(counts.status, 0, bad_value);
    origins(c) = origin;
    RowCounts total;
    total.v[0] = rows_written;
    total.v[1] = sink.out - (scratch.intervals + origin.interval);
    total.v[2] = sink.cells;
    counts.offsets(c) = total;
  }

  /// Copies chunk c's rows from scratch to their final offsets (see ChunkCounts::writes).
  KOKKOS_INLINE_FUNCTION void compact(index_t c, const OutputArrays<Dim>& out) const {
    if (!counts.writes(c, out)) return;
    const RowCounts at = counts.offsets(c);
    const RowCounts n = counts.offsets(c + 1);
    const ChunkOrigin o = origins(c);
    const std::int64_t shift = at.v[1] - o.interval;  // scratch index -> final index
    for (std::int64_t r = 0; r < n.v[0] - at.v[0]; ++r) {
      out.row_keys[at.v[0] + r] = scratch.row_keys[o.row + r];
      out.row_ptr[at.v[0] + r] = index_t(scratch.row_start[o.row + r] + shift);
    }
    cell_count_t cells = at.v[2];
    for (std::int64_t i = 0; i < n.v[1] - at.v[1]; ++i) {
      const Interval v = scratch.intervals[o.interval + i];
      out.intervals[at.v[1] + i] = v;
      out.cell_offsets[at.v[1] + i] = cells;
      cells += v.size();
    }
  }

  void launch_sweep_scan(const KernelNames& names) const {
    const auto self = *this;
    Kokkos::parallel_for(
        names.sweep, Kokkos::RangePolicy<ExecSpace>(0, counts.chunks),
        KOKKOS_LAMBDA(const index_t c) { self.sweep(c); });
    counts.launch_scan(names.scan);
  }
  void launch_compact(const KernelNames& names, const OutputArrays<Dim>& out) const {
    const auto self = *this;
    Kokkos::parallel_for(
        names.compact, Kokkos::RangePolicy<ExecSpace>(0, counts.chunks + 1),
        KOKKOS_LAMBDA(const index_t c) { self.compact(c, out); });
  }
};

/// Takes the chunk counts, origins and scratch arrays of a sweep-compact from `ws` (the caller
/// holds a scope).
template <int Dim, class Rows>
Result<SweepCompact<Dim, Rows>> prepare_sweep_compact(const Rows& rows, const StatusView& status,
                                                      Workspace& ws, const std::string& label,
                                                      index_t chunks) {
  const ChunkOrigin size = rows.scratch_size();
  auto offsets = ws.take<RowCounts>(std::size_t(chunks) + 1, {label, ".offsets"});
  auto origins = ws.take<ChunkOrigin>(std::size_t(chunks), {label, ".origins"});
  auto keys = ws.take<RowKey<Dim>>(std::size_t(size.row), {label, ".scratch_keys"});
  auto starts = ws.take<std::int64_t>(std::size_t(size.row), {label, ".scratch_row_starts"});
  auto intervals = ws.take<Interval>(std::size_t(size.interval), {label, ".scratch_intervals"});
  if (!offsets) return offsets.error();
  if (!origins) return origins.error();
  if (!keys) return keys.error();
  if (!starts) return starts.error();
  if (!intervals) return intervals.error();
  return SweepCompact<Dim, Rows>{
      rows,
      {offsets.value(), status, chunks},
      origins.value(),
      {device_ptr(keys.value()), device_ptr(starts.value()), device_ptr(intervals.value())}};
}

/// Synchronous sweep-compact: the result, exactly sized. Temporaries come from `ws` (the caller
/// holds a scope); `status` may already hold an error raised by earlier kernels.
template <int Dim, class Rows>
Result<IntervalSet<Dim>> sweep_compact(const Rows& rows, const StatusView& status, Workspace& ws,
                                       const std::string& name) {
  const KernelNames names("subsetix::" + name);
  const index_t chunks = rows.chunks();
  if (chunks == 0) return IntervalSet<Dim>::empty_set();
  auto prepared = prepare_sweep_compact<Dim>(rows, status, ws, names.base, chunks);
  if (!prepared) return prepared.error();
  const SweepCompact<Dim, Rows>& sc = prepared.value();
  sc.launch_sweep_scan(names);
  auto result = allocate_exact<Dim>(status, ws, name);
  if (result) sc.launch_compact(names, OutputArrays<Dim>::of(result.value()));
  return result;
}

}  // namespace subsetix::detail
