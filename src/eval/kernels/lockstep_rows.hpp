#pragma once
/// \file
/// Runs of consecutive row keys, over which a stage's tap cursors move in lockstep.
///
/// In compact shapes (disks, boxes, balls) the rows of a chunk are consecutive keys, and every
/// tap is either on all of them or on none. There the per-row cursor work — the smallest key
/// among the candidate taps, per tap a comparison, a step and a key load — buys nothing: the key
/// goes up by one and each present tap's row index with it. The sweep finds such a run once
/// (`lockstep_run`) and then reads, per row and tap, one `row_ptr` entry.
///
/// Consecutive means: the same outer coordinates and the innermost one up by one. A run never
/// crosses into another plane of a 3D key space.

#include "eval/kernels/codegen.hpp"
#include "eval/kernels/tap.hpp"

namespace subsetix::detail {

/// Run lengths are capped here: any cap works (a run ends, the next begins); this one keeps the
/// distance arithmetic far from overflow.
inline constexpr index_t max_lockstep_run = index_t(1) << 30;

/// `k` with its innermost coordinate moved by d.
template <int Dim>
KOKKOS_INLINE_FUNCTION WideKey<Dim> key_plus(WideKey<Dim> k, std::int64_t d) {
  k.c[Dim - 2] += d;
  return k;
}

template <int Dim>
KOKKOS_INLINE_FUNCTION bool same_key(const WideKey<Dim>& a, const WideKey<Dim>& b) {
  for (int s = 0; s < Dim - 1; ++s)
    if (a.c[s] != b.c[s]) return false;
  return true;
}

/// How many consecutive keys from `a` lie below `b` (a < b), capped at max_lockstep_run; the cap
/// when `b` is in a later plane.
template <int Dim>
KOKKOS_INLINE_FUNCTION index_t keys_below(const WideKey<Dim>& a, const WideKey<Dim>& b) {
  for (int s = 0; s < Dim - 2; ++s)
    if (a.c[s] != b.c[s]) return max_lockstep_run;
  // a < b: the difference is exact in unsigned arithmetic even when b is `exhausted`.
  const std::uint64_t d = std::uint64_t(b.c[Dim - 2]) - std::uint64_t(a.c[Dim - 2]);
  return d < std::uint64_t(max_lockstep_run) ? index_t(d) : max_lockstep_run;
}

/// The largest m ≤ n such that the tap's rows s, s + 1, …, s + m − 1 have the output keys key,
/// key + 1, …, key + m − 1 (row s has `key`; rows s … s + n − 1 exist). Keys strictly increase,
/// so if row s + m − 1 has key + m − 1, so do all rows between: one probe decides a length,
/// and a binary search finds the longest.
template <int Dim>
KOKKOS_INLINE_FUNCTION index_t consecutive_rows(const Tap<Dim>& tap, index_t s,
                                                const WideKey<Dim>& key, index_t n) {
  const auto holds = [&](index_t m) {
    return same_key<Dim>(tap.output_key(s + m - 1), key_plus(key, m - 1));
  };
  if (n <= 1 || !holds(2)) return 1;  // scattered rows: decided by one probe
  if (holds(n)) return n;             // the common case: the whole run
  index_t good = 2, bad = n;
  while (bad - good > 1) {
    const index_t mid = good + (bad - good) / 2;
    (holds(mid) ? good : bad) = mid;
  }
  return good;
}

/// Rows key, key + 1, … below `limit` over which every tap is either present on each row (its
/// cursor's rows consecutive) or absent from all: the length of that run (≥ 1) and which taps are
/// present. `head[t]` is the output key under tap t's cursor, none of them below `key`.
template <int Dim, int KMAX>
KOKKOS_FORCEINLINE_FUNCTION index_t lockstep_run(const StageInputs<Dim, KMAX>& in, int k,
                                                 const WideKey<Dim>& key, const WideKey<Dim>& limit,
                                                 const WideKey<Dim>* head, const index_t* source,
                                                 const index_t* source_rows, bool* present) {
  index_t n = keys_below<Dim>(key, limit);
  SUBSETIX_UNROLL_TAPS
  for (int t = 0; t < k; ++t) {
    present[t] = same_key<Dim>(head[t], key);
    const index_t bound = present[t] ? source_rows[t] - source[t] : keys_below<Dim>(key, head[t]);
    n = bound < n ? bound : n;
  }
  SUBSETIX_UNROLL_TAPS
  for (int t = 0; t < k; ++t)
    if (present[t] && n > 1) n = consecutive_rows<Dim>(in.taps[t], source[t], key, n);
  return n;
}

}  // namespace subsetix::detail
