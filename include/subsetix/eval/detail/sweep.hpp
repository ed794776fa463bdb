#pragma once
/// \file
/// The row sweep: for one output row, walk the taps' interval endpoints in x order keeping a
/// coverage count per tap, evaluate the stage predicate on the k-bit coverage mask after all
/// events at the same x, and emit a boundary where the predicate flips. Touching intervals
/// therefore merge, and the output is canonical by construction.

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

/// Sweeps tap t's intervals [lo[t], hi[t]) (already located for this row).
template <int Dim, int KMAX, class Predicate, class Sink>
KOKKOS_INLINE_FUNCTION void sweep_row(const StageInputs<Dim, KMAX>& in, const index_t* lo,
                                      const index_t* hi, const Predicate& predicate, Sink& sink) {
  const int k = in.num_taps;
  index_t next_begin[KMAX], next_end[KMAX];
  std::int64_t begin_x[KMAX], end_x[KMAX];  // x of the next begin / end event, or no_event
  int cover[KMAX];
  auto load = [&](int t) {
    const Tap<Dim>& tap = in.taps[t];
    while (next_begin[t] < hi[t] && tap.vanishes(next_begin[t])) ++next_begin[t];
    while (next_end[t] < hi[t] && tap.vanishes(next_end[t])) ++next_end[t];
    begin_x[t] = next_begin[t] < hi[t] ? tap.begin_of(next_begin[t]) : no_event;
    end_x[t] = next_end[t] < hi[t] ? tap.end_of(next_end[t]) : no_event;
  };
  for (int t = 0; t < k; ++t) {
    next_begin[t] = next_end[t] = lo[t];
    cover[t] = 0;
    load(t);
  }
  bool inside = false;
  std::int64_t opened_at = 0;
  for (;;) {
    std::int64_t x = no_event;
    for (int t = 0; t < k; ++t) {
      x = begin_x[t] < x ? begin_x[t] : x;
      x = end_x[t] < x ? end_x[t] : x;
    }
    if (x == no_event) break;
    std::uint64_t mask = 0;
    for (int t = 0; t < k; ++t) {
      const Tap<Dim>& tap = in.taps[t];
      while (begin_x[t] == x) {
        ++cover[t];
        ++next_begin[t];
        while (next_begin[t] < hi[t] && tap.vanishes(next_begin[t])) ++next_begin[t];
        begin_x[t] = next_begin[t] < hi[t] ? tap.begin_of(next_begin[t]) : no_event;
      }
      while (end_x[t] == x) {
        --cover[t];
        ++next_end[t];
        while (next_end[t] < hi[t] && tap.vanishes(next_end[t])) ++next_end[t];
        end_x[t] = next_end[t] < hi[t] ? tap.end_of(next_end[t]) : no_event;
      }
      if (cover[t] > 0) mask |= std::uint64_t(1) << t;
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
