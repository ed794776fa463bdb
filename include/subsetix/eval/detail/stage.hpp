#pragma once
/// \file
/// A stage: k taps combined by a predicate, over the union of its candidate lists, as a row
/// program for sweep-scan-compact. Work is split into chunks of key space at every
/// `rows_per_chunk`-th key of the largest candidate list; a chunk positions one cursor per
/// list and per tap with a binary search, then walks forward (no search per row).
///
/// Those cursors also bound the chunk's output before it is computed: its rows are among the
/// candidate entries from the lists' cursors on, its intervals at most the taps' intervals from
/// the taps' cursors on (see bound_capacity.hpp). So the chunk's scratch origin is the sum of
/// its cursors, and chunks can write their results in one sweep, without a count pass.

#include <string>

#include "subsetix/eval/detail/sweep_compact.hpp"

namespace subsetix::detail {

/// Candidate rows of the largest list per chunk: small enough to spread 2 threads' work over
/// a few thousand rows, large enough that the per-chunk searches are negligible.
inline constexpr index_t rows_per_chunk = 32;

template <int Dim, int KMAX, class Predicate>
struct SweepRows {
  StageInputs<Dim, KMAX> in;
  Predicate predicate;
  StatusView status;

  /// Host-side bound: chunks of the largest list bound.
  index_t chunks() const {
    index_t n = 0;
    for (int u = 0; u < in.num_candidate_lists; ++u)
      n = in.candidates[u].size_host > n ? in.candidates[u].size_host : n;
    return n == 0 ? 0 : (n + rows_per_chunk - 1) / rows_per_chunk;
  }
  /// Host-side scratch sizes: every candidate entry, every tap interval.
  ChunkOrigin scratch_size() const {
    ChunkOrigin n{0, 0};
    for (int u = 0; u < in.num_candidate_lists; ++u) n.row += in.candidates[u].size_host;
    for (int t = 0; t < in.num_taps; ++t) n.interval += in.taps[t].interval_count;
    return n;
  }

  /// Calls `origin(o)` with the chunk's scratch origin, then `f(key, emit)` for each candidate
  /// row of chunk c in key order, where `emit(sink)` sends that row's intervals to `sink`.
  template <class Origin, class F>
  KOKKOS_INLINE_FUNCTION void visit_chunk(index_t c, Origin&& origin, F&& f) const {
    // The largest list (by its device-side size) splits the key space.
    int lead = 0;
    for (int u = 1; u < (KMAX <= 8 ? KMAX : in.num_candidate_lists); ++u)
      if (in.candidates[u].size() > in.candidates[lead].size()) lead = u;
    const CandidateList<Dim>& splitter = in.candidates[lead];
    const index_t split_rows = splitter.size();
    if (c > 0 && c * rows_per_chunk >= split_rows) {  // past a device-sized list's end
      origin(ChunkOrigin{0, 0});
      return;
    }
    const bool bounded_below = c > 0;
    const bool bounded_above = (c + 1) * rows_per_chunk < split_rows;
    const WideKey<Dim> start = bounded_below ? splitter.at(c * rows_per_chunk) : WideKey<Dim>{};
    const WideKey<Dim> stop =
        bounded_above ? splitter.at((c + 1) * rows_per_chunk) : WideKey<Dim>{};

    const int lists = KMAX <= 8 ? KMAX : in.num_candidate_lists;  // unused slots are empty
    const int k = tap_bound(in);
    index_t pos[KMAX], size[KMAX], source[KMAX], source_rows[KMAX];
    for (int u = 0; u < lists; ++u) {
      const CandidateList<Dim>& l = in.candidates[u];
      size[u] = l.size();
      pos[u] = bounded_below
                   ? lower_bound<Dim>([&](index_t i) { return l.at(i); }, 0, size[u], start)
                   : 0;
    }
    for (int t = 0; t < k; ++t) {
      const Tap<Dim>& tap = in.taps[t];
      source_rows[t] = tap.size();
      source[t] = bounded_below ? lower_bound<Dim>([&](index_t i) { return tap.key_at(i); }, 0,
                                                   source_rows[t], tap.source_key(start))
                                : 0;
    }
    ChunkOrigin o{0, 0};
    for (int u = 0; u < lists; ++u) o.row += pos[u];
    for (int t = 0; t < k; ++t)
      o.interval += source_rows[t] > 0 ? in.taps[t].row_ptr[source[t]] : 0;
    origin(o);

    // The key under each cursor, `exhausted` past the end: each is loaded once, when its
    // cursor moves, and compared many times.
    const WideKey<Dim> exhausted = WideKey<Dim>::exhausted();
    const WideKey<Dim> limit = bounded_above ? stop : exhausted;
    WideKey<Dim> head[KMAX], at_source[KMAX];
    for (int u = 0; u < lists; ++u)
      head[u] = pos[u] < size[u] ? in.candidates[u].at(pos[u]) : exhausted;
    for (int t = 0; t < k; ++t)
      at_source[t] = source[t] < source_rows[t] ? in.taps[t].key_at(source[t]) : exhausted;
    for (;;) {
      // Next candidate: the smallest head (lists are strictly increasing: each moves at most
      // one step).
      WideKey<Dim> key = head[0];
      for (int u = 1; u < lists; ++u)
        if (less<Dim>(head[u], key)) key = head[u];
      if (!less<Dim>(key, limit)) return;
      for (int u = 0; u < lists; ++u)
        if (!less<Dim>(key, head[u])) {
          ++pos[u];
          head[u] = pos[u] < size[u] ? in.candidates[u].at(pos[u]) : exhausted;
        }
      if (!key.fits()) {
        for (int a = 0; a < Dim - 1; ++a)
          if (!fits_coord(key.c[a])) raise_overflow(status, Dim - 1 - a, key.c[a]);
        continue;
      }
      index_t lo[KMAX], hi[KMAX];
      for (int t = 0; t < k; ++t) {
        const Tap<Dim>& tap = in.taps[t];
        const WideKey<Dim> wanted = tap.source_key(key);
        if (less<Dim>(at_source[t], wanted)) {
          gallop<Dim>([&](index_t i) { return tap.key_at(i); }, source[t], source_rows[t], wanted);
          at_source[t] = source[t] < source_rows[t] ? tap.key_at(source[t]) : exhausted;
        }
        const bool present = !less<Dim>(wanted, at_source[t]);
        lo[t] = present ? tap.row_ptr[source[t]] : 0;
        hi[t] = present ? tap.row_ptr[source[t] + 1] : 0;
      }
      f(key.narrow(), [&](auto& sink) { sweep_row(in, lo, hi, predicate, sink); });
    }
  }
};

/// Runs one stage synchronously and returns its canonical result. Kernels are labelled
/// `subsetix::<name>/sweep`, `.../scan`, `.../compact`.
template <int Dim, int KMAX, class Predicate>
Result<IntervalSet<Dim>> run_stage(const StageInputs<Dim, KMAX>& in, const Predicate& predicate,
                                   Workspace& ws, const std::string& name) {
  ProfilingRegion region(name);
  auto scope = ws.scope();
  auto status = make_status(ws, "subsetix::" + name);
  if (!status) return status.error();
  SweepRows<Dim, KMAX, Predicate> rows{in, predicate, status.value()};
  return sweep_compact<Dim>(rows, rows.status, ws, name);
}

}  // namespace subsetix::detail
