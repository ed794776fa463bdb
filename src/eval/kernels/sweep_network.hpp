#pragma once
/// \file
/// The row sweep for rows where every tap has at most one interval — most rows of compact
/// shapes (disks, boxes, balls and their morphology). The event loop of the general sweep pays
/// per boundary for finding the next one among k taps (≈ k² work per row); here the 2k boundaries
/// go through a fixed sorting network instead (no data-dependent branches), then one pass over
/// the sorted boundaries applies the predicate.
///
/// A boundary is encoded as one integer (see sweep_single_intervals), so the network sorts plain
/// int64 values. The caller guarantees |x| < 2^42 (see `network_encodable`).

#include <cstdint>
#include <utility>

#include "eval/kernels/codegen.hpp"
#include "eval/kernels/tap.hpp"

namespace subsetix::detail {

/// Taps up to which rows of single intervals go through the network (2 · 4 boundaries).
inline constexpr int network_max_taps = 4;

/// Where an absent tap's boundaries go: past every encodable x (|x| < 2^42).
inline constexpr std::int64_t network_absent_x = std::int64_t(1) << 56;

/// Bound on a tap's |shift| and on its |widen| under which every boundary of int32 intervals
/// encodes (|x| < 2^31 + 2^41 < 2^42).
inline constexpr std::int64_t network_max_offset = std::int64_t(1) << 40;

/// True when every tap's x map keeps boundaries of int32 intervals encodable.
KOKKOS_INLINE_FUNCTION bool network_encodable(const XMap& x) {
  const std::int64_t s = x.shift < 0 ? -x.shift : x.shift;
  const std::int64_t w = x.widen < 0 ? -x.widen : x.widen;
  return s < network_max_offset && w < network_max_offset;
}

/// The compare-exchange pairs of Batcher's odd-even merge sort on N values (any N: those of the
/// next power of two within the first N slots, as if the rest held +infinity), without its first
/// layer: the pairs (2t, 2t + 1) hold a tap's begin and end, already in order.
template <int N>
struct MergeNetwork {
  int first[N * N] = {};
  int second[N * N] = {};
  int size = 0;
  constexpr MergeNetwork() {
    for (int p = 2; p < N; p += p)
      for (int k = p; k > 0; k /= 2)
        for (int j = k % p; j + k < N; j += k + k)
          for (int i = 0; i < k && i + j + k < N; ++i)
            if ((i + j) / (p + p) == (i + j + k) / (p + p)) {
              first[size] = i + j;
              second[size] = i + j + k;
              ++size;
            }
  }
};
template <int N>
inline constexpr MergeNetwork<N> merge_network{};

template <int A, int B>
KOKKOS_FORCEINLINE_FUNCTION void compare_exchange(std::int64_t* v) {
  const std::int64_t a = v[A], b = v[B];
  v[A] = a < b ? a : b;
  v[B] = a < b ? b : a;
}

template <int N, std::size_t... I>
KOKKOS_FORCEINLINE_FUNCTION void apply_network([[maybe_unused]] std::int64_t* v,
                                               std::index_sequence<I...>) {
  (compare_exchange<merge_network<N>.first[I], merge_network<N>.second[I]>(v), ...);
}

/// Sorts N values made of ordered pairs (v[2t] <= v[2t + 1]).
template <int N>
KOKKOS_FORCEINLINE_FUNCTION void sort_boundaries(std::int64_t* v) {
  apply_network<N>(v, std::make_index_sequence<std::size_t(merge_network<N>.size)>{});
}

/// Emits the output of N = 2 · V sorted boundary codes (`x · 2^V + 2^t`, see
/// sweep_single_intervals) over V taps combined by `predicate`.
template <int V, class Predicate, class Sink>
KOKKOS_FORCEINLINE_FUNCTION void emit_sorted_boundaries(const std::int64_t* v,
                                                        const Predicate& predicate, Sink& sink) {
  constexpr int N = 2 * V;
  constexpr std::int64_t scale = std::int64_t(1) << V;
  // One pass over the sorted codes, without branches (whether the next code has the same x is
  // data, not control flow: as a branch it was mispredicted on a third of the rows): after the
  // last code at each x, a change of the predicate records x as an output boundary.
  std::uint64_t mask = 0;  // bit t: x is inside tap t's interval
  bool inside = false;
  std::int64_t boundary[N];  // output boundaries: begin, end, begin, ...
  int boundaries = 0;
  SUBSETIX_UNROLL_TAPS
  for (int j = 0; j < N; ++j) {
    mask ^= std::uint64_t(v[j] & (scale - 1));
    const std::int64_t x = v[j] >> V;
    const bool last_at_x = j + 1 == N || (v[j + 1] >> V) != x;
    const bool flips = last_at_x & (predicate(mask) != inside);
    boundary[boundaries] = x;
    boundaries += flips;
    inside ^= flips;
  }
  for (int i = 0; i < boundaries; i += 2) sink.emit(boundary[i], boundary[i + 1]);
}

/// Encodes the intervals of taps 0 .. N − 1 (at most one each: [lo[t], hi[t])) as the codes
/// `x · 2^V + 2^t` of a network over V taps, begin and end at v[2t], v[2t + 1]. An absent tap
/// puts both its boundaries at `network_absent_x`, past every real one: they fall into one group
/// and cancel, so the sweep needs no test for them.
template <XKind X, int V, int N>
KOKKOS_FORCEINLINE_FUNCTION void encode_single_intervals(const XMap* xmap, const index_t* lo,
                                                         const index_t* hi, std::int64_t* v) {
  constexpr std::int64_t scale = std::int64_t(1) << V;
  SUBSETIX_UNROLL_TAPS
  for (int t = 0; t < N; ++t) {
    const std::int64_t bit = std::int64_t(1) << t;
    v[2 * t] = v[2 * t + 1] = network_absent_x * scale + bit;
    if (hi[t] == lo[t]) continue;
    const Interval iv = xmap[t].intervals[lo[t]];
    if constexpr (X == XKind::general) {
      if (xmap[t].vanishes<X>(iv)) continue;
      v[2 * t] = xmap[t].begin_of<X>(iv) * scale + bit;
      v[2 * t + 1] = xmap[t].end_of<X>(iv) * scale + bit;
    } else {
      // Shift, widening and tap bit form one addend per tap (loop-invariant: hoisted).
      v[2 * t] = std::int64_t(iv.begin) * scale + ((xmap[t].shift - xmap[t].widen) * scale + bit);
      v[2 * t + 1] = std::int64_t(iv.end) * scale + ((xmap[t].shift + xmap[t].widen) * scale + bit);
    }
  }
}

/// Sweeps one row in which tap t has at most the interval [lo[t], hi[t]) (hi[t] - lo[t] <= 1).
///
/// A boundary at x of tap t is encoded as `x · 2^KMAX + 2^t` (encode_single_intervals): sorting
/// the codes sorts the boundaries, and the low bits are the tap's bit of the coverage mask,
/// XORed in as they come.
template <XKind X, int KMAX, class Predicate, class Sink>
KOKKOS_FORCEINLINE_FUNCTION void sweep_single_intervals(const XMap* xmap, const index_t* lo,
                                                        const index_t* hi,
                                                        const Predicate& predicate, Sink& sink) {
  static_assert(KMAX <= network_max_taps);
  constexpr int N = 2 * KMAX;
  std::int64_t v[N];
  encode_single_intervals<X, KMAX, KMAX>(xmap, lo, hi, v);
  sort_boundaries<N>(v);
  emit_sorted_boundaries<KMAX>(v, predicate, sink);
}

}  // namespace subsetix::detail
