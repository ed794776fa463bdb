#pragma once
/// \file
/// The expression IR both front ends produce: a tree of set operations over numbered inputs.
/// Host-only, plain data.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace subsetix::ir {

/// The operations of the IR.
enum class Op {
  input,  ///< input set `input`
  union_op,
  intersection,
  difference,
  symmetric_difference,
  expand,     ///< args: radii {x, y, z}
  shrink,     ///< args: radii {x, y, z}
  translate,  ///< args: offsets {x, y, z}
  refine,
  coarsen,
};

/// One IR node: an input or an operation over earlier nodes.
struct Node {
  /// The operation.
  Op op = Op::input;
  int a = -1;  ///< first operand
  int b = -1;  ///< second operand (binary operations)
  /// Per-axis arguments, x first: radii (expand, shrink) or offsets (translate).
  std::array<std::int64_t, 3> args{};
  /// The input set number (Op::input).
  int input = -1;
};

/// An expression as a DAG of nodes over numbered inputs.
struct Expr {
  /// The dimension of every node.
  int dim = 2;
  std::vector<Node> nodes;  ///< operands before the nodes using them
  /// The node holding the result.
  int root = -1;

  /// Appends `n` and returns its index.
  constexpr int add(Node n) {
    nodes.push_back(n);
    return int(nodes.size()) - 1;
  }
};

/// The sub-expression at `node` (default: the root) in the string syntax.
std::string to_string(const Expr& e, int node = -1);

}  // namespace subsetix::ir
