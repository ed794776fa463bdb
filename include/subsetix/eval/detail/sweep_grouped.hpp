#pragma once
/// \file
/// Stages whose predicate reads all taps but at most two only through their union or their
/// intersection: `Q(t0, …, t(S−1), G)` with `G` the OR (or the AND) of the group `tS … t(k−1)`.
/// Every box dilation (a union of row-shifted taps) and erosion (an intersection), a plain union
/// or intersection, and those combined with one or two other taps — `expand(A, r) − A`,
/// `(A | B) & C` — have this form. The pass that finds it (passes/group_taps.hpp) reads it off
/// the truth table and puts the single taps first.
///
/// In a row where every tap has at most one interval the group collapses to one interval before
/// the sorting network: an intersection of intervals is an interval, and so is a union of
/// intervals each touching the hull of those before it (checked as they come; a row where that
/// fails takes the event loop). The network then sorts 2·(S + 1) boundaries instead of 2·k.

#include <cstdint>

#include "subsetix/eval/detail/predicates.hpp"
#include "subsetix/eval/detail/sweep_network.hpp"

namespace subsetix::detail {

/// Sweeps one row of a grouped stage in which tap t has at most the interval [lo[t], hi[t]).
/// False, having emitted nothing, when the group's union is not one interval.
template <XKind X, int KMAX, int S, class Sink>
KOKKOS_FORCEINLINE_FUNCTION bool sweep_grouped_single_intervals(const XMap* xmap, const index_t* lo,
                                                                const index_t* hi,
                                                                const GroupedPredicate<S>& p,
                                                                Sink& sink) {
  constexpr int V = S + 1;  // taps the network sees: the singles, then the group
  constexpr std::int64_t scale = std::int64_t(1) << V;
  constexpr std::int64_t far = network_absent_x;
  // The group's interval [b, e): the hull so far (union) or the intersection so far. Two loops,
  // so that each reads only what its case needs; `p.all` is the same on every row.
  std::int64_t b = far, e = -far;
  bool connected = true;
  if (p.all) {
    b = -far, e = far;
    SUBSETIX_UNROLL_TAPS
    for (int t = S; t < KMAX; ++t) {
      if (!((p.group_mask >> t) & 1u)) continue;  // a slot past the stage's taps
      std::int64_t tb = far, te = -far;           // an absent tap: the group is empty
      if (hi[t] != lo[t]) {
        const Interval iv = xmap[t].intervals[lo[t]];
        if (!xmap[t].vanishes<X>(iv)) tb = xmap[t].begin_of<X>(iv), te = xmap[t].end_of<X>(iv);
      }
      b = tb > b ? tb : b;
      e = te < e ? te : e;
    }
  } else {
    SUBSETIX_UNROLL_TAPS
    for (int t = S; t < KMAX; ++t) {
      if (hi[t] == lo[t]) continue;  // absent (or a slot past the stage's taps): no part
      const Interval iv = xmap[t].intervals[lo[t]];
      if (xmap[t].vanishes<X>(iv)) continue;
      const std::int64_t tb = xmap[t].begin_of<X>(iv), te = xmap[t].end_of<X>(iv);
      connected &= (b > e) | ((tb <= e) & (b <= te));  // empty so far, or touching the hull
      b = tb < b ? tb : b;
      e = te > e ? te : e;
    }
  }
  if (!connected) return false;
  if constexpr (S == 0) {  // the group alone: nothing to sort
    if (b < e && ((p.table >> 1) & 1u)) sink.emit(b, e);
    return true;
  }

  std::int64_t v[2 * V];
  encode_single_intervals<X, V, S>(xmap, lo, hi, v);  // the singles
  constexpr std::int64_t group_bit = std::int64_t(1) << S;
  const bool group_present = b < e;
  v[2 * S] = (group_present ? b : far) * scale + group_bit;
  v[2 * S + 1] = (group_present ? e : far) * scale + group_bit;
  sort_boundaries<2 * V>(v);
  emit_sorted_boundaries<V>(v, TruthTable64{p.table}, sink);
  return true;
}

}  // namespace subsetix::detail
