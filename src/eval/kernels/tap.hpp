#pragma once
/// \file
/// Taps and candidate lists: the inputs of a stage.
///
/// A tap is one input row stream. For an output row key K it reads the source row
/// `key_scale * K + key_offset` and maps that row's intervals along x (shift and widen/narrow,
/// or coarsen by 2). Translation, box morphology and coarsening are all taps; a stage combines
/// its taps with a boolean predicate in one sweep. The key map is strictly increasing, so a
/// cursor over the source rows only ever moves forward while the output keys increase.
///
/// Candidate lists are the sorted key lists whose union holds every row where the stage's
/// result can be non-empty.

#include <cstdint>
#include <type_traits>

#include "eval/kernels/device_ptr.hpp"
#include "subsetix/core/interval_set.hpp"

namespace subsetix::detail {

inline constexpr std::int64_t no_event = INT64_MAX;

/// Lexicographic `a < b` on 64-bit keys.
template <int Dim>
KOKKOS_INLINE_FUNCTION bool less(const WideKey<Dim>& a, const WideKey<Dim>& b) {
  for (int s = 0; s < Dim - 1; ++s)
    if (a.c[s] != b.c[s]) return a.c[s] < b.c[s];
  return false;
}

/// First index in [first, first + count) of a sorted key array whose key is not `< k`
/// (first + count if none). Branch-free: each step halves the range with a conditional move,
/// since the comparisons of a search over rows are unpredictable (measured: a branching search
/// at every chunk start was a third of a stage's mispredicted branches).
template <int Dim, class KeyAt>
KOKKOS_INLINE_FUNCTION index_t lower_bound(const KeyAt& key_at, index_t first, index_t count,
                                           const WideKey<Dim>& k) {
  if (count <= 0) return first;
  // The answer stays in [first, first + count].
  while (count > 1) {
    const index_t half = count / 2;
    first = less<Dim>(key_at(first + half), k) ? first + half : first;
    count -= half;
  }
  return first + (less<Dim>(key_at(first), k) ? 1 : 0);
}

/// Moves `pos` forward to the first index in [pos, size) whose key is not `< k`: a galloping
/// search, O(log distance), so a cursor skipping far ahead stays cheap.
template <int Dim, class KeyAt>
KOKKOS_INLINE_FUNCTION void gallop(const KeyAt& key_at, index_t& pos, index_t size,
                                   const WideKey<Dim>& k) {
  if (pos >= size || !less<Dim>(key_at(pos), k)) return;
  index_t step = 1, lo = pos + 1;  // key_at(pos) < k
  while (lo + step - 1 < size && less<Dim>(key_at(lo + step - 1), k)) {
    lo += step;
    step *= 2;
  }
  const index_t hi = lo + step - 1 < size ? lo + step - 1 : size;
  pos = lower_bound<Dim>(key_at, lo, hi - lo, k);
}

/// How a stage's taps map x, fixed at compile time so that the common cases read intervals
/// without the checks they cannot need: `shift` when every tap only shifts (intervals stay
/// disjoint and apart: nothing to merge, nothing vanishes), `widen` when taps shift or widen
/// (neighbours may merge, nothing vanishes), `general` when some tap narrows or coarsens.
enum class XKind { shift, widen, general };

/// Where a stage's candidate rows come from, fixed at compile time: `taps` when they are the rows
/// of some of its taps (all taps then read key_scale 1, and a candidate tap's cursor is the
/// candidate cursor: no separate list to walk), `lists` for explicit key lists (coarsening's
/// parity classes).
enum class CandidateKind { taps, lists };

/// A tap's x map over its interval array: shift and widen/narrow, or coarsen. The sweep copies
/// it into locals, so that stores to the output cannot force reloads through aliasing. The
/// XKind drops, at compile time, the parts of the map a stage's taps cannot use.
struct XMap {
  DevicePtr<const Interval> intervals;
  std::int64_t shift, widen;
  bool coarsen;

  template <XKind X>
  KOKKOS_INLINE_FUNCTION std::int64_t begin_of(const Interval& v) const {
    if constexpr (X == XKind::shift) return v.begin + shift;
    if (X == XKind::general && coarsen) return std::int64_t(v.begin) >> 1;
    return v.begin + shift - widen;
  }
  template <XKind X>
  KOKKOS_INLINE_FUNCTION std::int64_t end_of(const Interval& v) const {
    if constexpr (X == XKind::shift) return v.end + shift;
    if (X == XKind::general && coarsen) return (std::int64_t(v.end) + 1) >> 1;
    return v.end + shift + widen;
  }
  /// Narrowing emptied v (only XKind::general narrows).
  template <XKind X>
  KOKKOS_INLINE_FUNCTION bool vanishes(const Interval& v) const {
    return X == XKind::general && widen < 0 && end_of<X>(v) <= begin_of<X>(v);
  }
};

template <int Dim>
struct Tap {
  DevicePtr<const RowKey<Dim>> keys;
  DevicePtr<const index_t> row_ptr;
  DevicePtr<const Interval> intervals;
  index_t rows = 0;                           ///< source rows (an upper bound if `rows_device`)
  index_t interval_count = 0;                 ///< source intervals, or an upper bound (host)
  const std::int64_t* rows_device = nullptr;  ///< device-side row count, when only it is exact
  std::int64_t key_offset[Dim - 1] = {};
  std::int64_t key_scale = 1;
  std::int64_t x_shift = 0;
  std::int64_t x_widen = 0;  ///< > 0 dilates each interval, < 0 erodes it
  bool x_coarsen = false;

  static Tap of(const IntervalSet<Dim>& s) {
    Tap t;
    t.keys = device_ptr(s.row_keys);
    t.row_ptr = device_ptr(s.row_ptr);
    t.intervals = device_ptr(s.intervals);
    t.rows = s.num_rows;
    t.interval_count = s.num_intervals;
    return t;
  }

  KOKKOS_INLINE_FUNCTION index_t size() const { return rows_device ? index_t(*rows_device) : rows; }

  /// The source key read for output key k.
  KOKKOS_INLINE_FUNCTION WideKey<Dim> source_key(const WideKey<Dim>& k) const {
    WideKey<Dim> s;
    for (int a = 0; a < Dim - 1; ++a) s.c[a] = key_scale * k.c[a] + key_offset[a];
    return s;
  }
  KOKKOS_INLINE_FUNCTION WideKey<Dim> key_at(index_t i) const {
    return WideKey<Dim>::from(keys[i]);
  }
  /// The output key that reads source row i (taps with key_scale 1 only).
  KOKKOS_INLINE_FUNCTION WideKey<Dim> output_key(index_t i) const {
    WideKey<Dim> w;
    for (int a = 0; a < Dim - 1; ++a) w.c[a] = std::int64_t(keys[i].c[a]) - key_offset[a];
    return w;
  }

  /// The tap's x map with its interval array, for the sweep to keep in locals.
  KOKKOS_INLINE_FUNCTION XMap x_map() const { return XMap{intervals, x_shift, x_widen, x_coarsen}; }
};

/// A sorted list of candidate row keys, each shifted by `shift`; its length is either known on
/// the host (`size_host`) or only on the device (`*size_device`, `size_host` a bound).
template <int Dim>
struct CandidateList {
  DevicePtr<const RowKey<Dim>> keys;
  index_t size_host = 0;
  const std::int64_t* size_device = nullptr;
  std::int64_t shift[Dim - 1] = {};

  KOKKOS_INLINE_FUNCTION index_t size() const {
    return size_device ? index_t(*size_device) : size_host;
  }
  KOKKOS_INLINE_FUNCTION WideKey<Dim> at(index_t i) const {
    WideKey<Dim> w;
    for (int a = 0; a < Dim - 1; ++a) w.c[a] = keys[i].c[a] + shift[a];
    return w;
  }

  /// The rows of `s` (shift them by setting `shift`).
  static CandidateList of(const IntervalSet<Dim>& s) {
    CandidateList l;
    l.keys = device_ptr(s.row_keys);
    l.size_host = s.num_rows;
    return l;
  }
};

/// Up to `KMAX` taps and their candidate rows: the whole input description of a stage. Plain
/// data, copied into kernels.
///
/// Output rows are drawn from the union of the candidate rows: the rows of the taps in
/// `candidate_taps` (CandidateKind::taps) or the explicit `candidates` lists
/// (CandidateKind::lists). Either way a subset of what the predicate needs: rows where none of
/// them is present produce nothing.
template <int Dim, int KMAX>
struct StageInputs {
  Tap<Dim> taps[KMAX];
  int num_taps = 0;
  std::uint32_t candidate_taps = 0;  ///< bit t: tap t's rows are candidate rows
  CandidateList<Dim> candidates[KMAX];
  int num_candidate_lists = 0;

  /// Adds a tap; `candidate` makes its rows candidate rows. Callers pick KMAX from their tap
  /// count (user input never reaches here unchecked), so a full array is a library bug.
  void add_tap(const Tap<Dim>& t, bool candidate = false) {
    if (num_taps >= KMAX) Kokkos::abort("subsetix: StageInputs::add_tap beyond KMAX taps");
    taps[num_taps++] = t;
    if (candidate) mark_candidate(num_taps - 1);
  }
  void mark_candidate(int t) {
    if (t < 0 || t >= num_taps) Kokkos::abort("subsetix: candidate tap out of range");
    candidate_taps |= std::uint32_t(1) << t;
  }
  void add_candidates(const CandidateList<Dim>& c) {
    if (num_candidate_lists >= KMAX) Kokkos::abort("subsetix: more candidate lists than KMAX");
    candidates[num_candidate_lists++] = c;
  }
  KOKKOS_INLINE_FUNCTION bool is_candidate(int t) const { return (candidate_taps >> t) & 1u; }

  /// The cheapest XKind that reads these taps correctly.
  XKind x_kind() const {
    bool shifts_only = true, narrows_or_coarsens = false;
    for (int t = 0; t < num_taps; ++t) {
      shifts_only = shifts_only && taps[t].x_widen == 0 && !taps[t].x_coarsen;
      narrows_or_coarsens = narrows_or_coarsens || taps[t].x_widen < 0 || taps[t].x_coarsen;
    }
    return shifts_only ? XKind::shift : narrows_or_coarsens ? XKind::general : XKind::widen;
  }
};

/// Calls `f(X)` with `x` as a compile-time constant X (a std::integral_constant): one
/// instantiation per kind, the one that runs chosen at run time.
template <class F>
decltype(auto) with_x_kind(XKind x, F&& f) {
  switch (x) {
    case XKind::shift:
      return f(std::integral_constant<XKind, XKind::shift>{});
    case XKind::widen:
      return f(std::integral_constant<XKind, XKind::widen>{});
    default:
      return f(std::integral_constant<XKind, XKind::general>{});
  }
}

}  // namespace subsetix::detail
