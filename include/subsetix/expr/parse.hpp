#pragma once
/// \file
/// The runtime front end: an expression string parsed into a small AST with the C++ operator
/// precedence, so that a string means what the same C++ expression means:
/// `-` binds tighter than `&`, which binds tighter than `^`, which binds tighter than `|`;
/// all are left-associative.
///
///   names (bound by the caller), box(x0,y0,x1,y1) / box(x0,y0,z0,x1,y1,z1), disk(cx,cy,r),
///   ball(cx,cy,cz,r), e | e, e & e, e - e, e ^ e, (e), expand(e,r) / expand(e,rx,ry[,rz]),
///   shrink(...) likewise, translate(e,dx,dy[,dz]), refine(e), coarsen(e)
///
/// Host-only (no Kokkos): the parser is fuzzed on its own.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "subsetix/core/error.hpp"

namespace subsetix::expr {

/// The kinds of parse-tree nodes.
enum class NodeKind {
  set_name,
  box,
  disk,
  ball,
  union_op,
  intersection,
  difference,
  symmetric_difference,
  expand,
  shrink,
  translate,
  refine,
  coarsen,
};

/// The name of a node kind, for messages.
const char* to_string(NodeKind kind);

/// One parse-tree node.
struct Node {
  /// What the node is.
  NodeKind kind;
  std::string name;                ///< set_name only
  std::vector<std::int64_t> args;  ///< integer arguments (box corners, radii per axis, offsets)
  int lhs = -1;                    ///< operand (unary and binary nodes)
  int rhs = -1;                    ///< second operand (binary nodes)
  std::size_t column = 0;          ///< 1-based position in the text, for messages
  int dim = 0;                     ///< 2 or 3
};

/// A parsed expression: nodes in post-order (operands before the node using them).
struct Expression {
  /// The nodes, operands first.
  std::vector<Node> nodes;
  /// Index of the root node.
  int root = -1;
  /// Dimension given by the expression's arguments (0 when nothing fixes it).
  int dim = 0;
  /// The root node.
  const Node& root_node() const { return nodes[std::size_t(root)]; }
};

/// Returns the dimension of a bound name, or 0 when the name is unknown.
using NameDims = std::function<int(std::string_view)>;

/// Parses `text`. Morphology radii are expanded to one per axis (`expand(e, r)` in 3D becomes
/// {r, r, r}). Errors quote the text and mark the position:
///
///     bad expression at column 7: expected `)`
///       (A | B & C
///             ^
Result<Expression> parse(std::string_view text, const NameDims& dim_of_name);

/// The expression written back with full parentheses (for messages and tests).
std::string to_string(const Expression& e, int node = -1);

}  // namespace subsetix::expr
