#pragma once
/// \file
/// The row sweep: for one output row, walk the taps' interval boundaries in x order keeping a
/// k-bit coverage mask, evaluate the stage predicate after all boundaries at the same x, and
/// emit a boundary where the predicate flips. Touching intervals therefore merge, and the output
/// is canonical by construction.

#include <cstdint>

#include "eval/kernels/codegen.hpp"
#include "eval/kernels/output_runs.hpp"
#include "eval/kernels/sweep_grouped.hpp"
#include "eval/kernels/sweep_network.hpp"
#include "eval/kernels/tap.hpp"

namespace subsetix::detail {

/// Counts intervals and cells of a row, and checks the result coordinates fit int32.
struct CountSink {
  std::int64_t intervals = 0;
  std::int64_t cells = 0;
  bool overflow = false;
  std::int64_t bad_value = 0;
  KOKKOS_INLINE_FUNCTION void emit(std::int64_t b, std::int64_t e) {
    ++intervals;
    cells += e - b;
    if (!fits_coord(b) || !fits_coord(e)) {
      overflow = true;
      bad_value = fits_coord(b) ? e : b;
    }
  }
};

/// Writes intervals and their cell offsets from given positions.
struct FillSink {
  DevicePtr<Interval> out;
  DevicePtr<cell_count_t> cell_offsets;
  std::int64_t cells;
  KOKKOS_INLINE_FUNCTION void emit(std::int64_t b, std::int64_t e) {
    *out++ = Interval{coord_t(b), coord_t(e)};
    *cell_offsets++ = cells;
    cells += e - b;
  }
};

/// Loop bound over taps: for small KMAX the compile-time bound, so loops unroll and per-tap
/// state stays in registers (unused slots are inert: no rows, no events, coverage 0, mask bit 0,
/// which no predicate can tell from an absent tap); otherwise the runtime count.
template <int KMAX>
KOKKOS_INLINE_FUNCTION int tap_bound(int num_taps) {
  if constexpr (KMAX <= 8)
    return KMAX;
  else
    return num_taps;
}
template <int Dim, int KMAX>
KOKKOS_INLINE_FUNCTION int tap_bound(const StageInputs<Dim, KMAX>& in) {
  return tap_bound<KMAX>(in.num_taps);
}

/// Reads a tap's next interval into [begin, end), merging the intervals that its x map made
/// overlap or touch (widening, coarsening) and skipping those it emptied (narrowing). Each tap
/// is thereby a sorted stream of disjoint intervals. `begin = no_event` when exhausted. The
/// XKind says which of those cases can occur (canonical intervals stay apart under a shift).
template <XKind X>
KOKKOS_FORCEINLINE_FUNCTION void next_interval(const XMap& x, index_t& i, index_t stop,
                                               std::int64_t& begin, std::int64_t& end) {
  while (i < stop && x.vanishes<X>(x.intervals[i])) ++i;
  if (i >= stop) {
    begin = end = no_event;
    return;
  }
  const Interval first = x.intervals[i++];
  begin = x.begin_of<X>(first);
  end = x.end_of<X>(first);
  if constexpr (X == XKind::shift) return;
  while (i < stop && x.begin_of<X>(x.intervals[i]) <= end) {
    const Interval v = x.intervals[i++];
    if constexpr (X == XKind::widen) {
      end = x.end_of<X>(v);  // apart before widening: each merged neighbour reaches further
    } else if (!x.vanishes<X>(v)) {
      const std::int64_t e = x.end_of<X>(v);
      end = e > end ? e : end;
    }
  }
}

/// Sweeps the k taps' intervals [lo[t], hi[t]) (already located for this row) through their x
/// maps: the boundaries of all taps in x order, the coverage mask updated per boundary, the
/// predicate evaluated after all boundaries at the same x.
///
/// Rows where every tap has at most one interval take the sorting network of sweep_network.hpp
/// when `network_ok` (the taps' offsets keep boundaries encodable) and the stage is small, or,
/// in a grouped stage, the collapsed group and a smaller network (sweep_grouped.hpp).
template <XKind X, int KMAX, class Predicate, class Sink>
KOKKOS_FORCEINLINE_FUNCTION void sweep_row(int k, const XMap* xmap, const index_t* lo,
                                           const index_t* hi, bool network_ok,
                                           const Predicate& predicate, Sink& sink) {
  k = tap_bound<KMAX>(k);  // the compile-time bound, visible here
  if constexpr (is_grouped<Predicate> && KMAX <= 8) {
    index_t most = 0;
    SUBSETIX_UNROLL_TAPS
    for (int t = 0; t < KMAX; ++t) most |= hi[t] - lo[t];
    if (network_ok && most <= 1 &&
        sweep_grouped_single_intervals<X, KMAX>(xmap, lo, hi, predicate, sink))
      return;
  } else if constexpr (KMAX <= network_max_taps) {
    index_t most = 0;  // at most one interval per tap iff the OR of the counts is <= 1
    SUBSETIX_UNROLL_TAPS
    for (int t = 0; t < KMAX; ++t) most |= hi[t] - lo[t];
    if (network_ok && most <= 1) {
      sweep_single_intervals<X, KMAX>(xmap, lo, hi, predicate, sink);
      return;
    }
  }
  index_t cursor[KMAX], stop[KMAX];
  std::int64_t begin[KMAX], end[KMAX];
  std::int64_t next[KMAX];  // tap t's next boundary: its interval's end while inside, else begin
  SUBSETIX_UNROLL_TAPS
  for (int t = 0; t < k; ++t) {
    cursor[t] = lo[t];
    stop[t] = hi[t];
    next_interval<X>(xmap[t], cursor[t], stop[t], begin[t], end[t]);
    next[t] = begin[t];
  }
  std::uint64_t mask = 0;  // bit t: x is inside tap t's current interval
  OutputRuns runs;
  for (;;) {
    std::int64_t x = next[0];
    SUBSETIX_UNROLL_TAPS
    for (int t = 1; t < k; ++t) x = next[t] < x ? next[t] : x;
    if (x == no_event) break;
    // Taps with a boundary at x, visited in a loop with a compile-time bound (small KMAX), so
    // per-tap state stays in registers.
    SUBSETIX_UNROLL_TAPS
    for (int t = 0; t < k; ++t) {
      if (next[t] != x) continue;
      const std::uint64_t bit = std::uint64_t(1) << t;
      if (mask & bit) {
        next_interval<X>(xmap[t], cursor[t], stop[t], begin[t], end[t]);
        next[t] = begin[t];
      } else {
        next[t] = end[t];
      }
      mask ^= bit;
    }
    runs.at(x, predicate(mask), sink);
  }
}

}  // namespace subsetix::detail
