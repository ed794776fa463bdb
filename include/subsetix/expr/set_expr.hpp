#pragma once
/// \file
/// The C++ front end's expression type: Boost.YAP expression templates over IntervalSet
/// terminals. Expression types hold no evaluation logic (evaluators do, as in Eigen), and
/// every node owns its operands: terminals hold set handles by value (cheap: the arrays are
/// shared), sub-expressions are moved in. An expression can be kept and evaluated later.

#include <type_traits>

#include <utility>

#include <boost/hana/at.hpp>
#include <boost/hana/size.hpp>
#include <boost/yap/algorithm.hpp>

#include "subsetix/core/interval_set.hpp"
#include "subsetix/expr/inputs.hpp"
#include "subsetix/expr/ops.hpp"

namespace subsetix {

namespace yap = boost::yap;

/// The YAP expression template of set expressions: a node of kind `Kind` over `Tuple`
/// operands (terminals hold IntervalSet handles, which share ownership of the arrays).
template <yap::expr_kind Kind, class Tuple>
struct SetExpr {
  /// The YAP node kind.
  static const yap::expr_kind kind = Kind;
  /// The operands.
  Tuple elements;
};

/// The callable terminal of every operation node (YAP `call` nodes): operator `O` of the
/// operator table (expr/ops.hpp) with its integer arguments. Every operator, infix or function,
/// is a call node over its operands, so each C++ lowering handles all of them in one place.
template <ir::Op O, int Dim>
struct OpCall {
  /// The operator.
  static constexpr ir::Op op = O;
  /// Radii or offsets per axis, x first (operators whose table entry takes Args::none: zero).
  Point<Dim> args{};
};

/// An operation whose arguments are compile-time values (`expand(a, c<2>)`): the arguments are
/// in the type, so a compile-time plan can read them; at run time it is an OpCall.
template <ir::Op O, int Dim, coord_t... Args>
struct FixedCall : OpCall<O, Dim> {
  static_assert(sizeof...(Args) == std::size_t(Dim));
  /// The arguments, x first.
  static constexpr std::array<coord_t, Dim> fixed{Args...};
  constexpr FixedCall() : OpCall<O, Dim>{Point<Dim>{{Args...}}} {}
};

namespace detail {

template <class T>
struct is_set_expr : std::false_type {};
template <yap::expr_kind K, class T>
struct is_set_expr<SetExpr<K, T>> : std::true_type {};

template <class T>
struct is_device_set : std::false_type {};
template <int D>
struct is_device_set<IntervalSet<D, DeviceMemory>> : std::true_type {};
template <int I, int D>
struct is_device_set<Input<I, D>> : std::true_type {};

template <class T>
inline constexpr bool dependent_false = false;

/// The dimension of an operand, computed from its type (Hana reads the element types).
template <class T>
struct dim_of;
template <int D>
struct dim_of<IntervalSet<D, DeviceMemory>> : std::integral_constant<int, D> {};
template <int I, int D>
struct dim_of<Input<I, D>> : std::integral_constant<int, D> {};
/// The element of a node that carries the dimension: the operand of a call (element 0 is the
/// operation), element 0 otherwise.
template <yap::expr_kind K, class Tuple>
struct operand_of {
  using type = std::decay_t<decltype(boost::hana::at_c<0>(std::declval<Tuple>()))>;
};
template <class Tuple>
struct operand_of<yap::expr_kind::call, Tuple> {
  using type = std::decay_t<decltype(boost::hana::at_c<1>(std::declval<Tuple>()))>;
};
template <yap::expr_kind K, class Tuple>
struct dim_of<SetExpr<K, Tuple>> : dim_of<typename operand_of<K, Tuple>::type> {};

/// The IR nodes and terminals of an expression, counted from its type at compile time (Hana
/// reads the element types): the IR's arrays are reserved once, exactly. Elements that are not
/// expressions (a set inside a terminal, an operation's arguments) count nothing.
template <class T>
struct expr_shape {
  static constexpr std::size_t nodes = 0, terminals = 0;
};
template <yap::expr_kind K, class Tuple>
struct expr_shape<SetExpr<K, Tuple>> {
  template <std::size_t I>
  using element = expr_shape<std::decay_t<decltype(boost::hana::at_c<I>(std::declval<Tuple>()))>>;
  template <std::size_t... I>
  static constexpr std::size_t child_nodes(std::index_sequence<I...>) {
    return (std::size_t(0) + ... + element<I>::nodes);
  }
  template <std::size_t... I>
  static constexpr std::size_t child_terminals(std::index_sequence<I...>) {
    return (std::size_t(0) + ... + element<I>::terminals);
  }
  static constexpr auto elements =
      std::make_index_sequence<decltype(boost::hana::size(std::declval<Tuple>()))::value>{};
  // A terminal is an IR input when it holds a set; the operation of a call (an OpCall) is
  // part of its call node.
  static constexpr bool input =
      K == yap::expr_kind::terminal &&
      is_device_set<std::decay_t<decltype(boost::hana::at_c<0>(std::declval<Tuple>()))>>::value;
  static constexpr std::size_t nodes =
      K == yap::expr_kind::terminal ? std::size_t(input) : 1 + child_nodes(elements);
  static constexpr std::size_t terminals =
      K == yap::expr_kind::terminal ? std::size_t(input) : child_terminals(elements);
};

}  // namespace detail

/// A set or a set expression: what the operators and functions accept.
template <class T>
concept SetOperand =
    detail::is_set_expr<std::decay_t<T>>::value || detail::is_device_set<std::decay_t<T>>::value;

/// The dimension of a set operand (2 or 3).
template <SetOperand T>
inline constexpr int dim_v = detail::dim_of<std::decay_t<T>>::value;

/// The operand as an owning expression: a set becomes a terminal holding its handle by value;
/// an expression is copied (or moved) in, never referenced.
template <SetOperand T>
auto owned(T&& t) {
  if constexpr (detail::is_set_expr<std::decay_t<T>>::value)
    return std::decay_t<T>(static_cast<T&&>(t));
  else
    return yap::make_terminal<SetExpr>(std::decay_t<T>(static_cast<T&&>(t)));
}

/// An expression node applying operator O (with its arguments) to `operands`, each a set or an
/// expression: the one way every operator builds its node.
template <class Call, class... Operands>
auto make_call(Call call, Operands&&... operands) {
  static_assert(sizeof...(Operands) == std::size_t(ir::arity(Call::op)));
  // The callable is held by value (an OpCall, or a FixedCall whose type carries its arguments).
  return yap::make_expression<SetExpr, yap::expr_kind::call>(
      yap::make_terminal<SetExpr>(std::move(call)), owned(static_cast<Operands&&>(operands))...);
}

}  // namespace subsetix
