#pragma once
/// \file
/// The reference operations, one stage (sweep, scan, compact) per operation with a host read of
/// the result sizes in between: the way CSR interval libraries evaluate today, and the baseline
/// the fused engine is compared against. Every result is canonical.
///
/// Each operation draws its temporaries from a workspace (released when it returns) and its
/// result from the pool; the overloads without a workspace use `default_workspace()`.

#include "subsetix/core/error.hpp"
#include "subsetix/core/interval_set.hpp"
#include "subsetix/memory/workspace.hpp"

namespace subsetix::unfused {

/// `a op b` for the boolean operator whose truth table is `truth` (bit `a | b << 1`, see
/// expr/ops.hpp; bit 0 must be clear: no complement): one two-tap stage. The four operations
/// below are this with their operator's table.
template <int Dim>
Result<IntervalSet<Dim>> combine(const IntervalSet<Dim>& a, const IntervalSet<Dim>& b,
                                 std::uint8_t truth, Workspace& ws);

/// A ∪ B
template <int Dim>
Result<IntervalSet<Dim>> set_union(const IntervalSet<Dim>& a, const IntervalSet<Dim>& b,
                                   Workspace& ws);
/// `A | B`, temporaries from the default workspace.
template <int Dim>
Result<IntervalSet<Dim>> set_union(const IntervalSet<Dim>& a, const IntervalSet<Dim>& b) {
  return with_default_workspace([&](Workspace& ws) { return set_union(a, b, ws); });
}
/// A ∩ B
template <int Dim>
Result<IntervalSet<Dim>> set_intersection(const IntervalSet<Dim>& a, const IntervalSet<Dim>& b,
                                          Workspace& ws);
/// `A & B`, temporaries from the default workspace.
template <int Dim>
Result<IntervalSet<Dim>> set_intersection(const IntervalSet<Dim>& a, const IntervalSet<Dim>& b) {
  return with_default_workspace([&](Workspace& ws) { return set_intersection(a, b, ws); });
}
/// A ∖ B
template <int Dim>
Result<IntervalSet<Dim>> set_difference(const IntervalSet<Dim>& a, const IntervalSet<Dim>& b,
                                        Workspace& ws);
/// `A - B`, temporaries from the default workspace.
template <int Dim>
Result<IntervalSet<Dim>> set_difference(const IntervalSet<Dim>& a, const IntervalSet<Dim>& b) {
  return with_default_workspace([&](Workspace& ws) { return set_difference(a, b, ws); });
}
/// A △ B
template <int Dim>
Result<IntervalSet<Dim>> set_symmetric_difference(const IntervalSet<Dim>& a,
                                                  const IntervalSet<Dim>& b, Workspace& ws);
/// `A ^ B`, temporaries from the default workspace.
template <int Dim>
Result<IntervalSet<Dim>> set_symmetric_difference(const IntervalSet<Dim>& a,
                                                  const IntervalSet<Dim>& b) {
  return with_default_workspace([&](Workspace& ws) { return set_symmetric_difference(a, b, ws); });
}

/// Every cell moved by `offset` = {dx, dy[, dz]}.
template <int Dim>
Result<IntervalSet<Dim>> translate(const IntervalSet<Dim>& a, const Point<Dim>& offset,
                                   Workspace& ws);
/// The set moved by `offset`.
template <int Dim>
Result<IntervalSet<Dim>> translate(const IntervalSet<Dim>& a, const Point<Dim>& offset) {
  return with_default_workspace([&](Workspace& ws) { return translate(a, offset, ws); });
}

/// Box dilation: every cell within `radii` = {rx, ry[, rz]} (each >= 0) of a cell of A.
template <int Dim>
Result<IntervalSet<Dim>> expand(const IntervalSet<Dim>& a, const Point<Dim>& radii, Workspace& ws);
/// Box dilation by `radii` per axis, temporaries from the default workspace.
template <int Dim>
Result<IntervalSet<Dim>> expand(const IntervalSet<Dim>& a, const Point<Dim>& radii) {
  return with_default_workspace([&](Workspace& ws) { return expand(a, radii, ws); });
}
/// Box erosion: the cells of A whose whole box of `radii` lies in A.
template <int Dim>
Result<IntervalSet<Dim>> shrink(const IntervalSet<Dim>& a, const Point<Dim>& radii, Workspace& ws);
/// Box erosion by `radii` per axis, temporaries from the default workspace.
template <int Dim>
Result<IntervalSet<Dim>> shrink(const IntervalSet<Dim>& a, const Point<Dim>& radii) {
  return with_default_workspace([&](Workspace& ws) { return shrink(a, radii, ws); });
}

/// One level finer: cell c becomes the 2^Dim cells 2c + {0,1}^Dim.
template <int Dim>
Result<IntervalSet<Dim>> refine(const IntervalSet<Dim>& a, Workspace& ws);
/// Every cell split into 2^Dim cells of the next finer level, temporaries from the default
/// workspace.
template <int Dim>
Result<IntervalSet<Dim>> refine(const IntervalSet<Dim>& a) {
  return with_default_workspace([&](Workspace& ws) { return refine(a, ws); });
}
/// One level coarser: cell c maps to floor(c / 2); a coarse cell is in when any child is.
template <int Dim>
Result<IntervalSet<Dim>> coarsen(const IntervalSet<Dim>& a, Workspace& ws);
/// The coarse cells (next coarser level) covering any cell, temporaries from the default workspace.
template <int Dim>
Result<IntervalSet<Dim>> coarsen(const IntervalSet<Dim>& a) {
  return with_default_workspace([&](Workspace& ws) { return coarsen(a, ws); });
}

#define SUBSETIX_UNFUSED_EXTERN(D)                                                               \
  extern template Result<IntervalSet<D>> set_union(const IntervalSet<D>&, const IntervalSet<D>&, \
                                                   Workspace&);                                  \
  extern template Result<IntervalSet<D>> set_intersection(const IntervalSet<D>&,                 \
                                                          const IntervalSet<D>&, Workspace&);    \
  extern template Result<IntervalSet<D>> set_difference(const IntervalSet<D>&,                   \
                                                        const IntervalSet<D>&, Workspace&);      \
  extern template Result<IntervalSet<D>> set_symmetric_difference(                               \
      const IntervalSet<D>&, const IntervalSet<D>&, Workspace&);                                 \
  extern template Result<IntervalSet<D>> translate(const IntervalSet<D>&, const Point<D>&,       \
                                                   Workspace&);                                  \
  extern template Result<IntervalSet<D>> expand(const IntervalSet<D>&, const Point<D>&,          \
                                                Workspace&);                                     \
  extern template Result<IntervalSet<D>> shrink(const IntervalSet<D>&, const Point<D>&,          \
                                                Workspace&);                                     \
  extern template Result<IntervalSet<D>> refine(const IntervalSet<D>&, Workspace&);              \
  extern template Result<IntervalSet<D>> coarsen(const IntervalSet<D>&, Workspace&);
SUBSETIX_UNFUSED_EXTERN(2)
SUBSETIX_UNFUSED_EXTERN(3)
#undef SUBSETIX_UNFUSED_EXTERN

}  // namespace subsetix::unfused
