#pragma once
/// \file
/// A tap: one input row stream of a stage. For an output row key K a tap reads the source row
/// `key_scale * K + key_offset` and maps its intervals along x (shift and widen/narrow, or
/// coarsen by 2). Translation, box morphology and coarsening are all taps; the stage combines
/// its taps with a boolean predicate in one sweep.

#include <cstdint>

#include "subsetix/core/interval_set.hpp"

namespace subsetix::detail {

inline constexpr std::int64_t no_event = INT64_MAX;

template <int Dim>
struct Tap {
  const RowKey<Dim>* keys = nullptr;
  const index_t* row_ptr = nullptr;
  const Interval* intervals = nullptr;
  index_t rows = 0;
  std::int64_t key_offset[Dim - 1] = {};
  int key_scale = 1;
  std::int64_t x_shift = 0;
  std::int64_t x_widen = 0;  ///< > 0 dilates each interval, < 0 erodes it
  bool x_coarsen = false;

  static Tap of(const IntervalSet<Dim>& s) {
    Tap t;
    t.keys = s.row_keys.data();
    t.row_ptr = s.row_ptr.data();
    t.intervals = s.intervals.data();
    t.rows = s.num_rows;
    return t;
  }

  KOKKOS_INLINE_FUNCTION std::int64_t begin_of(index_t i) const {
    const Interval v = intervals[i];
    return x_coarsen ? (std::int64_t(v.begin) >> 1) : v.begin + x_shift - x_widen;
  }
  KOKKOS_INLINE_FUNCTION std::int64_t end_of(index_t i) const {
    const Interval v = intervals[i];
    return x_coarsen ? ((std::int64_t(v.end) + 1) >> 1) : v.end + x_shift + x_widen;
  }
  /// Only erosion can empty an interval.
  KOKKOS_INLINE_FUNCTION bool vanishes(index_t i) const {
    return x_widen < 0 && end_of(i) <= begin_of(i);
  }

  /// The intervals `[lo, hi)` of the source row feeding output row `k` (empty when absent).
  KOKKOS_INLINE_FUNCTION void find_row(const RowKey<Dim>& k, index_t& lo, index_t& hi) const {
    WideKey<Dim> src;
    for (int a = 0; a < Dim - 1; ++a) src.c[a] = key_scale * std::int64_t(k.c[a]) + key_offset[a];
    index_t first = 0, count = rows;
    while (count > 0) {  // lower bound
      const index_t step = count / 2;
      if (src.compare(keys[first + step]) > 0) {
        first += step + 1;
        count -= step + 1;
      } else {
        count = step;
      }
    }
    if (first < rows && src.compare(keys[first]) == 0) {
      lo = row_ptr[first];
      hi = row_ptr[first + 1];
    } else {
      lo = hi = 0;
    }
  }
};

/// A sorted list of candidate row keys, each shifted by `shift`; its length is either known on
/// the host (`size_host`) or only on the device (`*size_device`, an upper bound on the host).
template <int Dim>
struct CandidateList {
  const RowKey<Dim>* keys = nullptr;
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
  /// Number of entries `< k`.
  KOKKOS_INLINE_FUNCTION index_t lower_bound(const WideKey<Dim>& k) const {
    index_t first = 0, count = size();
    while (count > 0) {
      const index_t step = count / 2;
      const WideKey<Dim> w = at(first + step);
      bool less = false;
      for (int a = 0; a < Dim - 1; ++a)
        if (w.c[a] != k.c[a]) {
          less = w.c[a] < k.c[a];
          break;
        }
      if (less) {
        first += step + 1;
        count -= step + 1;
      } else {
        count = step;
      }
    }
    return first;
  }
  KOKKOS_INLINE_FUNCTION bool contains(const WideKey<Dim>& k) const {
    const index_t i = lower_bound(k);
    if (i >= size()) return false;
    const WideKey<Dim> w = at(i);
    for (int a = 0; a < Dim - 1; ++a)
      if (w.c[a] != k.c[a]) return false;
    return true;
  }

  /// The rows of `s` seen through a translation of the row keys by `shift`.
  static CandidateList of(const IntervalSet<Dim>& s) {
    CandidateList l;
    l.keys = s.row_keys.data();
    l.size_host = s.num_rows;
    return l;
  }
};

/// Up to `KMAX` taps and candidate lists: the whole input description of a stage. Plain data,
/// copied into kernels.
template <int Dim, int KMAX>
struct StageInputs {
  Tap<Dim> taps[KMAX];
  int num_taps = 0;
  /// Output rows are drawn from the union of these lists (a subset that the predicate needs:
  /// rows where none of them is present produce nothing).
  CandidateList<Dim> candidates[KMAX];
  int num_candidate_lists = 0;

  void add_tap(const Tap<Dim>& t) { taps[num_taps++] = t; }
  void add_candidates(const CandidateList<Dim>& c) { candidates[num_candidate_lists++] = c; }
  index_t candidate_bound() const {
    std::int64_t n = 0;
    for (int i = 0; i < num_candidate_lists; ++i) n += candidates[i].size_host;
    return index_t(n);
  }
};

}  // namespace subsetix::detail
