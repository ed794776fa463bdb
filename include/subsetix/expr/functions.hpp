#pragma once
/// \file
/// expand, shrink (box dilation/erosion: one radius for every axis, or one per axis),
/// translate (one offset per axis), refine and coarsen (AMR level change by 2).

#include <concepts>

#include "subsetix/expr/set_expr.hpp"

namespace subsetix {

namespace detail {
template <template <int> class Op, SetOperand E, class... R>
auto per_axis_call(E&& e, R... r) {
  constexpr int D = dim_v<E>;
  static_assert(sizeof...(R) == 1 || sizeof...(R) == std::size_t(D),
                "subsetix: give one value for every axis, or one per axis (x, y[, z])");
  Point<D> p{};
  if constexpr (sizeof...(R) == 1) {
    p.fill(coord_t(r...));
  } else {
    int a = 0;
    ((p[a++] = coord_t(r)), ...);
  }
  return yap::make_expression<SetExpr, yap::expr_kind::call>(yap::make_terminal<SetExpr>(Op<D>{p}),
                                                             owned(static_cast<E&&>(e)));
}
template <class Op, SetOperand E>
auto unary_call(E&& e) {
  return yap::make_expression<SetExpr, yap::expr_kind::call>(yap::make_terminal<SetExpr>(Op{}),
                                                             owned(static_cast<E&&>(e)));
}
}  // namespace detail

/// Every cell within the box of radii r (>= 0) around a cell of e.
template <SetOperand E, std::integral... R>
auto expand(E&& e, R... r) {
  return detail::per_axis_call<ExpandOp>(static_cast<E&&>(e), r...);
}
/// The cells of e whose whole box of radii r lies in e.
template <SetOperand E, std::integral... R>
auto shrink(E&& e, R... r) {
  return detail::per_axis_call<ShrinkOp>(static_cast<E&&>(e), r...);
}
/// e moved by (dx, dy[, dz]).
template <SetOperand E, std::integral... D>
auto translate(E&& e, D... d) {
  static_assert(sizeof...(D) == std::size_t(dim_v<E>),
                "subsetix: translate takes one offset per axis");
  return detail::per_axis_call<TranslateOp>(static_cast<E&&>(e), d...);
}
/// One level finer.
template <SetOperand E>
auto refine(E&& e) {
  return detail::unary_call<RefineOp>(static_cast<E&&>(e));
}
/// One level coarser.
template <SetOperand E>
auto coarsen(E&& e) {
  return detail::unary_call<CoarsenOp>(static_cast<E&&>(e));
}

}  // namespace subsetix
