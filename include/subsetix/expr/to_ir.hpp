#pragma once
/// \file
/// A YAP transform from a set expression to the IR the pass pipeline takes: each node maps to
/// one IR node (every operator is a call node, expr/set_expr.hpp, handled in one place); terminals
/// become numbered inputs (the same set used twice is one input, so the passes can merge its taps).

#include <vector>

#include "subsetix/expr/functions.hpp"
#include "subsetix/expr/ir.hpp"
#include "subsetix/expr/operators.hpp"

namespace subsetix {
namespace detail {

/// The YAP transform: one IR node per expression node; returns the node's index.
template <int Dim>
struct ToIr {
  ir::Tree& out;
  std::vector<IntervalSet<Dim>>& inputs;

  template <class T>
  int child(T&& t) {
    return yap::transform(yap::as_expr<SetExpr>(static_cast<T&&>(t)), *this);
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
  /// Every operator: its node over its operands, lowered in order (a then b).
  template <ir::Op O, class... Operands>
  int operator()(yap::expr_tag<yap::expr_kind::call>, const OpCall<O, Dim>& call,
                 Operands&&... operands) {
    ir::Node n;
    n.op = O;
    const int index[] = {child(static_cast<Operands&&>(operands))...};  // left to right
    n.a = index[0];
    if constexpr (sizeof...(Operands) > 1) n.b = index[1];
    for (int a = 0; a < Dim; ++a) n.args[std::size_t(a)] = call.args[a];
    return out.add(n);
  }
};

}  // namespace detail

/// An expression as IR over its input sets.
template <int Dim>
struct Lowered {
  ir::Tree ir;                           ///< the expression over inputs 0 .. inputs.size() - 1
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
