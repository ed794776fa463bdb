#pragma once
/// \file
/// The row sweep: for one output row, walk the taps' interval boundaries in x order keeping a
/// k-bit coverage mask, evaluate the stage predicate after all boundaries at the same x, and
/// emit a boundary where the predicate flips. Touching intervals therefore merge, and the output
/// is canonical by construction.

#include <cstdint>

#include "subsetix/eval/detail/tap.hpp"

namespace subsetix::detail {

/// Any tap covers x (union; box dilation across rows).
struct AnyOf {
  KOKKOS_INLINE_FUNCTION bool operator()(std::uint64_t mask) const { return mask != 0; }
};
/// All taps cover x (intersection; box erosion across rows).
struct AllOf {
  std::uint64_t full;
  KOKKOS_INLINE_FUNCTION bool operator()(std::uint64_t mask) const { return mask == full; }
};
/// A truth table over up to 6 taps: bit `mask` of `table` is the output for that mask.
struct TruthTable64 {
  std::uint64_t table;
  KOKKOS_INLINE_FUNCTION bool operator()(std::uint64_t mask) const { return (table >> mask) & 1u; }
};

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
  Interval* out;
  cell_count_t* cell_offsets;
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
template <int Dim, int KMAX>
KOKKOS_INLINE_FUNCTION int tap_bound(const StageInputs<Dim, KMAX>& in) {
  if constexpr (KMAX <= 8)
    return KMAX;
  else
    return in.num_taps;
}

/// Reads tap t's next interval into [begin, end), merging the intervals that the tap's x map
/// made overlap or touch (widening, coarsening) and skipping those it emptied (narrowing). Each
/// tap is thereby a sorted stream of disjoint intervals. `begin = no_event` when exhausted.
template <int Dim>
KOKKOS_INLINE_FUNCTION void next_interval(const Tap<Dim>& tap, index_t& i, index_t stop,
                                          std::int64_t& begin, std::int64_t& end) {
  while (i < stop && tap.vanishes(i)) ++i;
  if (i >= stop) {
    begin = end = no_event;
    return;
  }
  begin = tap.begin_of(i);
  end = tap.end_of(i);
  ++i;
  while (i < stop && tap.begin_of(i) <= end) {
    if (!tap.vanishes(i)) end = tap.end_of(i) > end ? tap.end_of(i) : end;
    ++i;
  }
}

/// Sweeps tap t's intervals [lo[t], hi[t]) (already located for this row): the boundaries of
/// all taps in x order, the coverage mask updated per boundary, the predicate evaluated after
/// all boundaries at the same x.
template <int Dim, int KMAX, class Predicate, class Sink>
KOKKOS_INLINE_FUNCTION void sweep_row(const StageInputs<Dim, KMAX>& in, const index_t* lo,
                                      const index_t* hi, const Predicate& predicate, Sink& sink) {
  const int k = tap_bound(in);
  index_t cursor[KMAX];
  std::int64_t begin[KMAX], end[KMAX];
  std::uint64_t mask = 0;  // bit t: x is inside tap t's current interval
  for (int t = 0; t < k; ++t) {
    cursor[t] = lo[t];
    next_interval(in.taps[t], cursor[t], hi[t], begin[t], end[t]);
  }
  bool inside = false;
  std::int64_t opened_at = 0;
  for (;;) {
    // The next boundary of tap t is its interval's end while inside it, else its begin.
    std::int64_t x = no_event;
    for (int t = 0; t < k; ++t) {
      const std::int64_t b = (mask >> t) & 1u ? end[t] : begin[t];
      x = b < x ? b : x;
    }
    if (x == no_event) break;
    for (int t = 0; t < k; ++t) {
      if ((mask >> t) & 1u) {
        if (end[t] == x) {
          mask ^= std::uint64_t(1) << t;
          next_interval(in.taps[t], cursor[t], hi[t], begin[t], end[t]);
        }
      } else if (begin[t] == x) {
        mask ^= std::uint64_t(1) << t;
      }
    }
    const bool now = predicate(mask);
    if (now != inside) {
      if (now)
        opened_at = x;
      else
        sink.emit(opened_at, x);
      inside = now;
    }
  }
}

}  // namespace subsetix::detail
