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

#include "eval/kernels/predicates.hpp"
#include "eval/kernels/sweep_network.hpp"

namespace subsetix::detail {

/// Emits a \ c for intervals a = [ab, ae), c = [cb, ce) (empty when begin >= end): at most two
/// pieces, apart (c lies between them).
template <class Sink>
KOKKOS_FORCEINLINE_FUNCTION void emit_difference(std::int64_t ab, std::int64_t ae, std::int64_t cb,
                                                 std::int64_t ce, Sink& sink) {
  if (ab >= ae) return;
  if (cb >= ce || ce <= ab || cb >= ae) {
    sink.emit(ab, ae);
    return;
  }
  if (ab < cb) sink.emit(ab, cb);
  if (ce < ae) sink.emit(ce, ae);
}

/// Emits the combination of the single tap's interval a and the group's interval c (each empty
/// when begin >= end) under a 2-tap table (bit 1: a only, bit 2: c only, bit 3: both) in closed
/// form: the intersection, the union and the two differences — `(A | B) & C`, `expand(A, r) − A`,
/// `C − (A | B)` — need neither sort nor decode. False, having emitted nothing, for the other
/// tables (the symmetric difference), which take the network.
template <class Sink>
KOKKOS_FORCEINLINE_FUNCTION bool emit_pair(std::uint32_t table, std::int64_t ab, std::int64_t ae,
                                           std::int64_t cb, std::int64_t ce, Sink& sink) {
  switch (table & 0b1110u) {
    case 0b1000u: {  // a & c
      const std::int64_t b = ab > cb ? ab : cb, e = ae < ce ? ae : ce;
      if (b < e) sink.emit(b, e);
      return true;
    }
    case 0b0010u:  // a - c
      emit_difference(ab, ae, cb, ce, sink);
      return true;
    case 0b0100u:  // c - a
      emit_difference(cb, ce, ab, ae, sink);
      return true;
    case 0b1110u: {  // a | c
      const bool a_in = ab < ae, c_in = cb < ce;
      if (a_in && c_in && (ab > cb ? ab : cb) <= (ae < ce ? ae : ce)) {  // overlapping or touching
        sink.emit(ab < cb ? ab : cb, ae > ce ? ae : ce);
      } else if (a_in && (!c_in || ab < cb)) {
        sink.emit(ab, ae);
        if (c_in) sink.emit(cb, ce);
      } else if (c_in) {
        sink.emit(cb, ce);
        if (a_in) sink.emit(ab, ae);
      }
      return true;
    }
    default:
      return false;
  }
}

/// Tap t's one interval in this row through its x map, as [b, e); empty (b > e) when the tap is
/// absent or its map emptied the interval.
template <XKind X>
KOKKOS_FORCEINLINE_FUNCTION void single_interval(const XMap& x, index_t lo, index_t hi,
                                                 std::int64_t& b, std::int64_t& e) {
  b = network_absent_x;
  e = -network_absent_x;
  if (hi == lo) return;
  const Interval iv = x.intervals[lo];
  if (x.vanishes<X>(iv)) return;
  b = x.begin_of<X>(iv);
  e = x.end_of<X>(iv);
}

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
      std::int64_t tb, te;                        // an absent tap: empty, and so is the group
      single_interval<X>(xmap[t], lo[t], hi[t], tb, te);
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
  if constexpr (S == 1) {  // one single tap: closed forms for the common tables
    std::int64_t sb, se;
    single_interval<X>(xmap[0], lo[0], hi[0], sb, se);
    if (emit_pair(p.table, sb, se, b, e, sink)) return true;
  }
  if constexpr (S == 2) {
    if (p.pair_partner >= 0) {  // combine the partner with the group, then as one single
      std::int64_t sb[2], se[2];
      single_interval<X>(xmap[0], lo[0], hi[0], sb[0], se[0]);
      single_interval<X>(xmap[1], lo[1], hi[1], sb[1], se[1]);
      const std::int64_t pb = sb[p.pair_partner], pe = se[p.pair_partner];
      std::int64_t cb, ce;
      bool exact = true;
      if (p.pair_all) {
        cb = pb > b ? pb : b;
        ce = pe < e ? pe : e;
      } else {
        const bool p_in = pb < pe, g_in = b < e;
        exact = !p_in || !g_in || (pb <= e && b <= pe);  // one of them empty, or touching
        cb = !p_in ? b : !g_in ? pb : (pb < b ? pb : b);
        ce = !p_in ? e : !g_in ? pe : (pe > e ? pe : e);
      }
      if (exact && emit_pair(p.pair_table, sb[p.pair_single], se[p.pair_single], cb, ce, sink))
        return true;
    }
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
