#pragma once
/// \file
/// A YAP transform from a set expression to the IR the pass pipeline takes: each node maps to
/// one IR node; terminals become numbered inputs (the same set used twice is one input, so the
/// passes can merge its taps).

#include <vector>

#include "subsetix/expr/functions.hpp"
#include "subsetix/expr/ir.hpp"
#include "subsetix/expr/operators.hpp"

namespace subsetix {
namespace detail {

/// The YAP transform: one IR node per expression node; returns the node's index.
template <int Dim>
struct ToIr {
  ir::Expr& out;
  std::vector<IntervalSet<Dim>>& inputs;

  template <class T>
  int child(T&& t) {
    return yap::transform(yap::as_expr<SetExpr>(static_cast<T&&>(t)), *this);
  }
  template <class L, class R>
  int binary(ir::Op op, L&& l, R&& r) {
    ir::Node n;
    n.op = op;
    n.a = child(static_cast<L&&>(l));
    n.b = child(static_cast<R&&>(r));
    return out.add(n);
  }
  template <class E>
  int unary(ir::Op op, const Point<Dim>& args, E&& e) {
    ir::Node n;
    n.op = op;
    n.a = child(static_cast<E&&>(e));
    for (int a = 0; a < Dim; ++a) n.args[std::size_t(a)] = args[a];
    return out.add(n);
  }

  int operator()(yap::expr_tag<yap::expr_kind::terminal>, const IntervalSet<Dim>& s) {
    for (std::size_t i = 0; i < inputs.size(); ++i)
      if (inputs[i].row_keys.data() == s.row_keys.data() &&
          inputs[i].intervals.data() == s.intervals.data() && inputs[i].num_rows == s.num_rows &&
          inputs[i].num_intervals == s.num_intervals)
        return out.add(ir::Node{ir::Op::input, -1, -1, {}, int(i)});
    inputs.push_back(s);
    return out.add(ir::Node{ir::Op::input, -1, -1, {}, int(inputs.size()) - 1});
  }
  template <class L, class R>
  int operator()(yap::expr_tag<yap::expr_kind::bitwise_or>, L&& l, R&& r) {
    return binary(ir::Op::union_op, static_cast<L&&>(l), static_cast<R&&>(r));
  }
  template <class L, class R>
  int operator()(yap::expr_tag<yap::expr_kind::bitwise_and>, L&& l, R&& r) {
    return binary(ir::Op::intersection, static_cast<L&&>(l), static_cast<R&&>(r));
  }
  template <class L, class R>
  int operator()(yap::expr_tag<yap::expr_kind::minus>, L&& l, R&& r) {
    return binary(ir::Op::difference, static_cast<L&&>(l), static_cast<R&&>(r));
  }
  template <class L, class R>
  int operator()(yap::expr_tag<yap::expr_kind::bitwise_xor>, L&& l, R&& r) {
    return binary(ir::Op::symmetric_difference, static_cast<L&&>(l), static_cast<R&&>(r));
  }
  template <class E>
  int operator()(yap::expr_tag<yap::expr_kind::call>, const ExpandOp<Dim>& op, E&& e) {
    return unary(ir::Op::expand, op.radii, static_cast<E&&>(e));
  }
  template <class E>
  int operator()(yap::expr_tag<yap::expr_kind::call>, const ShrinkOp<Dim>& op, E&& e) {
    return unary(ir::Op::shrink, op.radii, static_cast<E&&>(e));
  }
  template <class E>
  int operator()(yap::expr_tag<yap::expr_kind::call>, const TranslateOp<Dim>& op, E&& e) {
    return unary(ir::Op::translate, op.offset, static_cast<E&&>(e));
  }
  template <class E>
  int operator()(yap::expr_tag<yap::expr_kind::call>, RefineOp, E&& e) {
    return unary(ir::Op::refine, Point<Dim>{}, static_cast<E&&>(e));
  }
  template <class E>
  int operator()(yap::expr_tag<yap::expr_kind::call>, CoarsenOp, E&& e) {
    return unary(ir::Op::coarsen, Point<Dim>{}, static_cast<E&&>(e));
  }
};

}  // namespace detail

/// An expression as IR over its input sets.
template <int Dim>
struct Lowered {
  ir::Expr ir;                           ///< the expression over inputs 0 .. inputs.size() - 1
  std::vector<IntervalSet<Dim>> inputs;  ///< distinct terminals, numbered in first-use order
};

/// Lowers a C++ set expression to IR (the same set used twice becomes one input).
template <SetOperand E>
Lowered<dim_v<E>> to_ir(const E& e) {
  constexpr int D = dim_v<E>;
  using Shape = detail::expr_shape<std::decay_t<decltype(owned(e))>>;
  Lowered<D> out;
  out.ir.dim = D;
  out.ir.nodes.reserve(Shape::nodes);
  out.inputs.reserve(Shape::terminals);
  detail::ToIr<D> xform{out.ir, out.inputs};
  out.ir.root = yap::transform(owned(e), xform);
  return out;
}

}  // namespace subsetix
