#pragma once
/// \file
/// `|` union, `&` intersection, `-` difference, `^` symmetric difference on sets and set
/// expressions: each builds a call node of its operator (expr/ops.hpp describes them). Mixing
/// 2D and 3D, and a bare complement (`~A`, `-A`), do not compile.

#include "subsetix/expr/set_expr.hpp"

namespace subsetix {

#define SUBSETIX_SET_OPERATOR(symbol, op, name)                                                 \
  template <SetOperand L, SetOperand R>                                                         \
  auto operator symbol(L&& l, R&& r) {                                                          \
    static_assert(dim_v<L> == dim_v<R>, "subsetix: the operands of " name                       \
                                        " have different dimensions (a 2D and a 3D set)");      \
    return make_call(OpCall<ir::Op::op, dim_v<L>>{}, static_cast<L&&>(l), static_cast<R&&>(r)); \
  }
/// Union of two set operands: an expression node, evaluated by eval().
SUBSETIX_SET_OPERATOR(|, union_op, "| (union)")
/// Intersection of two set operands: an expression node, evaluated by eval().
SUBSETIX_SET_OPERATOR(&, intersection, "& (intersection)")
/// Difference of two set operands: an expression node, evaluated by eval().
SUBSETIX_SET_OPERATOR(-, difference, "- (difference)")
/// Symmetric difference of two set operands: an expression node, evaluated by eval().
SUBSETIX_SET_OPERATOR(^, symmetric_difference, "^ (symmetric difference)")
#undef SUBSETIX_SET_OPERATOR

/// Deleted in effect: a bare complement is infinite, so it is a compile error (write `A - B`).
template <SetOperand T>
void operator~(T&&) {
  static_assert(
      detail::dependent_false<T>,
      "subsetix: a bare complement ~A is an infinite set; write U - A with a bounding set U");
}
/// Deleted in effect: a bare negation is a complement, so it is a compile error (write `A - B`).
template <SetOperand T>
void operator-(T&&) {
  static_assert(
      detail::dependent_false<T>,
      "subsetix: a bare complement -A is an infinite set; write U - A with a bounding set U");
}

}  // namespace subsetix
