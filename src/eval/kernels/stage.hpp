#pragma once
/// \file
/// A stage: k taps combined by a predicate, over the union of its candidate rows, as a row
/// program for sweep-scan-compact. Work is split into chunks of key space at every
/// `rows_per_chunk`-th key of the largest candidate source; a chunk positions one cursor per tap
/// (and per candidate list, for CandidateKind::lists) with a binary search, then walks forward
/// (no search per row). When the candidate rows are taps' own rows (every stage but
/// coarsening), a candidate tap's cursor is also its candidate cursor.
///
/// Those cursors also bound the chunk's output before it is computed: its rows are among the
/// candidate entries from the cursors on, its intervals at most the taps' intervals from the
/// taps' cursors on (see bound_capacity.hpp). So the chunk's scratch origin is the sum of its
/// cursors, and chunks can write their results in one sweep, without a count pass.
///
/// XKind and CandidateKind are template parameters: the executor picks the cheapest variant a
/// stage allows, so the common cases carry no code for the rare ones.

#include <string>

#include "eval/kernels/lockstep_rows.hpp"
#include "eval/kernels/sweep_compact.hpp"

namespace subsetix::detail {

/// Candidate rows of the largest list per chunk: small enough to spread 2 threads' work over
/// a few thousand rows, large enough that the per-chunk set-up (a search per tap, ending
/// lockstep runs) is negligible: 32 cost 7–9% more instructions and twice the mispredicted
/// branches at R = 1000; 512 saved only 2% more.
inline constexpr index_t rows_per_chunk = 128;

template <int Dim, int KMAX, class Predicate, XKind X, CandidateKind C>
struct SweepRows {
  StageInputs<Dim, KMAX> in;
  Predicate predicate;
  StatusView status;

  /// Host-side bound: chunks of the largest candidate source.
  index_t chunks() const {
    index_t n = 0;
    for (int u = 0; u < candidate_sources(); ++u) n = candidate_rows(u) > n ? candidate_rows(u) : n;
    return n == 0 ? 0 : (n + rows_per_chunk - 1) / rows_per_chunk;
  }
  /// Host-side scratch sizes: every candidate entry, every tap interval.
  ChunkOrigin scratch_size() const {
    ChunkOrigin n{0, 0};
    for (int u = 0; u < candidate_sources(); ++u) n.row += candidate_rows(u);
    for (int t = 0; t < in.num_taps; ++t) n.interval += in.taps[t].interval_count;
    return n;
  }

  /// Calls `origin(o)` with the chunk's scratch origin, then `f(key, emit)` for each candidate
  /// row of chunk c in key order, where `emit(sink)` sends that row's intervals to `sink`.
  template <class Origin, class F>
  KOKKOS_FORCEINLINE_FUNCTION void visit_chunk(index_t c, Origin&& origin, F&& f) const {
    if constexpr (C == CandidateKind::taps)
      visit_chunk_over_taps(c, origin, f);
    else
      visit_chunk_over_lists(c, origin, f);
  }

 private:
  /// Candidate sources (host side): the candidate taps or the lists, and their row bounds.
  int candidate_sources() const {
    return C == CandidateKind::taps ? in.num_taps : in.num_candidate_lists;
  }
  index_t candidate_rows(int u) const {
    if constexpr (C == CandidateKind::taps)
      return in.is_candidate(u) ? in.taps[u].rows : 0;
    else
      return in.candidates[u].size_host;
  }

  /// The chunk's key range [start, limit) at every `rows_per_chunk`-th entry of the largest
  /// candidate source (by its device-side size); false when the chunk lies past its end.
  template <class KeyAt>
  KOKKOS_INLINE_FUNCTION static bool chunk_range(index_t c, index_t split_rows,
                                                 const KeyAt& split_key, bool& bounded_below,
                                                 WideKey<Dim>& start, WideKey<Dim>& limit) {
    if (c > 0 && c * rows_per_chunk >= split_rows) return false;  // past a device-sized end
    bounded_below = c > 0;
    start = bounded_below ? split_key(c * rows_per_chunk) : WideKey<Dim>{};
    limit = (c + 1) * rows_per_chunk < split_rows ? split_key((c + 1) * rows_per_chunk)
                                                  : WideKey<Dim>::exhausted();
    return true;
  }

  /// Positions tap cursors at the first source row at or after output key `start`.
  KOKKOS_INLINE_FUNCTION void seek_taps(int k, bool bounded_below, const WideKey<Dim>& start,
                                        index_t* source, index_t* source_rows) const {
    for (int t = 0; t < k; ++t) {
      const Tap<Dim>& tap = in.taps[t];
      source_rows[t] = tap.size();
      source[t] = bounded_below ? lower_bound<Dim>([&](index_t i) { return tap.key_at(i); }, 0,
                                                   source_rows[t], tap.source_key(start))
                                : 0;
    }
  }

  /// Scratch intervals before the chunk: the taps' intervals before their cursors.
  KOKKOS_INLINE_FUNCTION std::int64_t intervals_before(int k, const index_t* source,
                                                       const index_t* source_rows) const {
    std::int64_t n = 0;
    for (int t = 0; t < k; ++t) n += source_rows[t] > 0 ? in.taps[t].row_ptr[source[t]] : 0;
    return n;
  }

  /// Candidate rows are the candidate taps' rows: each tap keeps the output key of the row under
  /// its cursor, the next key is the smallest over candidate taps, and from there the rows go by
  /// lockstep runs (lockstep_rows.hpp; a run of one row where keys are scattered): the present
  /// taps step over the run together.
  template <class Origin, class F>
  KOKKOS_FORCEINLINE_FUNCTION void visit_chunk_over_taps(index_t c, Origin& origin, F& f) const {
    const int k = tap_bound(in);
    int lead = 0;
    index_t split_rows = -1;  // no candidate tap: no chunk has rows
    for (int t = 0; t < k; ++t)
      if (in.is_candidate(t) && in.taps[t].size() > split_rows) {
        lead = t;
        split_rows = in.taps[t].size();
      }
    const Tap<Dim>& splitter = in.taps[lead];
    bool bounded_below = false;
    WideKey<Dim> start, limit;
    if (!chunk_range(
            c, split_rows, [&](index_t i) { return splitter.output_key(i); }, bounded_below, start,
            limit)) {
      origin(ChunkOrigin{0, 0});
      return;
    }
    index_t source[KMAX], source_rows[KMAX];
    seek_taps(k, bounded_below, start, source, source_rows);
    ChunkOrigin o{0, intervals_before(k, source, source_rows)};
    for (int t = 0; t < k; ++t) o.row += in.is_candidate(t) ? source[t] : 0;
    origin(o);

    XMap xmap[KMAX];
    const bool network_ok = x_maps(k, xmap);
    // The output key under each cursor, `exhausted` past the end: loaded once per step.
    const WideKey<Dim> exhausted = WideKey<Dim>::exhausted();
    WideKey<Dim> head[KMAX];
    for (int t = 0; t < k; ++t)
      head[t] = source[t] < source_rows[t] ? in.taps[t].output_key(source[t]) : exhausted;
    for (;;) {
      WideKey<Dim> key = exhausted;
      SUBSETIX_UNROLL_TAPS
      for (int t = 0; t < k; ++t)
        if (in.is_candidate(t) && less<Dim>(head[t], key)) key = head[t];
      if (!less<Dim>(key, limit)) return;
      SUBSETIX_UNROLL_TAPS
      for (int t = 0; t < k; ++t) {
        const Tap<Dim>& tap = in.taps[t];
        if (less<Dim>(head[t], key)) {  // only a tap that is not a candidate falls behind
          gallop<Dim>([&](index_t i) { return tap.key_at(i); }, source[t], source_rows[t],
                      tap.source_key(key));
          head[t] = source[t] < source_rows[t] ? tap.output_key(source[t]) : exhausted;
        }
      }
      bool present[KMAX];
      const index_t n = lockstep_run(in, k, key, limit, head, source, source_rows, present);
      const WideKey<Dim> last = key_plus(key, n - 1);
      if (!key.fits() || !last.fits())
        raise_key_overflow(key.fits() ? last : key);
      else
        visit_run(k, key.narrow(), n, present, source, xmap, network_ok, f);
      SUBSETIX_UNROLL_TAPS
      for (int t = 0; t < k; ++t)
        if (present[t]) {
          source[t] += n;
          head[t] = source[t] < source_rows[t] ? in.taps[t].output_key(source[t]) : exhausted;
        }
    }
  }

  /// Calls `f` for the n consecutive rows from `row`, in which tap t is on every row (from its
  /// cursor on) when `present[t]`, else on none: per row and tap, one row_ptr load.
  template <class F>
  KOKKOS_FORCEINLINE_FUNCTION void visit_run(int k, RowKey<Dim> row, index_t n, const bool* present,
                                             const index_t* source, const XMap* xmap,
                                             bool network_ok, F& f) const {
    const index_t no_rows = 0;  // an absent tap reads [0, 0) on every row
    DevicePtr<const index_t> bounds[KMAX];
    index_t lo[KMAX], hi[KMAX];
    SUBSETIX_UNROLL_TAPS
    for (int t = 0; t < k; ++t) {
      bounds[t] =
          present[t] ? in.taps[t].row_ptr + source[t] : DevicePtr<const index_t>(&no_rows, 1);
      lo[t] = *bounds[t];
    }
    const std::int64_t first = row.c[Dim - 2];  // the run's keys all fit (checked by the caller)
    for (index_t r = 0; r < n; ++r) {
      row.c[Dim - 2] = coord_t(first + r);  // never past the last key: it may be coord_max
      SUBSETIX_UNROLL_TAPS
      for (int t = 0; t < k; ++t) {
        bounds[t] += present[t];
        hi[t] = *bounds[t];
      }
      f(row, [&](auto& sink) SUBSETIX_INLINE_LAMBDA {
        sweep_row<X, KMAX>(k, xmap, lo, hi, network_ok, predicate, sink);
      });
      SUBSETIX_UNROLL_TAPS
      for (int t = 0; t < k; ++t) lo[t] = hi[t];
    }
  }

  /// Candidate rows from explicit lists: one cursor per list, merged; tap cursors gallop.
  template <class Origin, class F>
  KOKKOS_FORCEINLINE_FUNCTION void visit_chunk_over_lists(index_t c, Origin& origin, F& f) const {
    const int lists = KMAX <= 8 ? KMAX : in.num_candidate_lists;  // unused slots are empty
    int lead = 0;
    for (int u = 1; u < lists; ++u)
      if (in.candidates[u].size() > in.candidates[lead].size()) lead = u;
    const CandidateList<Dim>& splitter = in.candidates[lead];
    bool bounded_below = false;
    WideKey<Dim> start, limit;
    if (!chunk_range(
            c, splitter.size(), [&](index_t i) { return splitter.at(i); }, bounded_below, start,
            limit)) {
      origin(ChunkOrigin{0, 0});
      return;
    }
    const int k = tap_bound(in);
    index_t pos[KMAX], size[KMAX], source[KMAX], source_rows[KMAX];
    for (int u = 0; u < lists; ++u) {
      const CandidateList<Dim>& l = in.candidates[u];
      size[u] = l.size();
      pos[u] = bounded_below
                   ? lower_bound<Dim>([&](index_t i) { return l.at(i); }, 0, size[u], start)
                   : 0;
    }
    seek_taps(k, bounded_below, start, source, source_rows);
    ChunkOrigin o{0, intervals_before(k, source, source_rows)};
    for (int u = 0; u < lists; ++u) o.row += pos[u];
    origin(o);

    XMap xmap[KMAX];
    const bool network_ok = x_maps(k, xmap);
    // The key under each cursor, `exhausted` past the end: each is loaded once, when its
    // cursor moves, and compared many times.
    const WideKey<Dim> exhausted = WideKey<Dim>::exhausted();
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
        raise_key_overflow(key);
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
      f(key.narrow(), [&](auto& sink) SUBSETIX_INLINE_LAMBDA {
        sweep_row<X, KMAX>(k, xmap, lo, hi, network_ok, predicate, sink);
      });
    }
  }

  /// Copies the taps' x maps into `xmap` (locals, once per chunk); returns whether rows of single
  /// intervals may take the sorting network (sweep_network.hpp).
  KOKKOS_INLINE_FUNCTION bool x_maps(int k, XMap* xmap) const {
    bool network_ok = true;
    for (int t = 0; t < k; ++t) {
      xmap[t] = in.taps[t].x_map();
      network_ok = network_ok && network_encodable(xmap[t]);
    }
    return network_ok;
  }

  KOKKOS_INLINE_FUNCTION void raise_key_overflow(const WideKey<Dim>& key) const {
    for (int a = 0; a < Dim - 1; ++a)
      if (!fits_coord(key.c[a])) raise_overflow(status, Dim - 1 - a, key.c[a]);
  }
};

/// Runs one stage synchronously and returns its canonical result. Kernels are labelled
/// `subsetix::<name>/sweep`, `.../scan`, `.../compact`.
template <XKind X, CandidateKind C, int Dim, int KMAX, class Predicate>
Result<IntervalSet<Dim>> run_stage(const StageInputs<Dim, KMAX>& in, const Predicate& predicate,
                                   Workspace& ws, const std::string& name) {
  ProfilingRegion region(name);
  auto scope = ws.scope();
  auto status = make_status(ws, "subsetix::" + name);
  if (!status) return status.error();
  SweepRows<Dim, KMAX, Predicate, X, C> rows{in, predicate, status.value()};
  return sweep_compact<Dim>(rows, rows.status, ws, name);
}

}  // namespace subsetix::detail
