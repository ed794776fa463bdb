#pragma once
/// \file
/// The expression IR: one tree of set operations over numbered inputs, produced by both front
/// ends (the string parser and the C++ expression templates) and lowered by the passes. What
/// each operation is and how it is written lives in the operator table (expr/ops.hpp).
/// Host-only, plain data, `constexpr`.

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "subsetix/expr/ops.hpp"

namespace subsetix::ir {

/// One IR node: an input or an operation over earlier nodes.
struct Node {
  /// The operation.
  Op op = Op::input;
  int a = -1;  ///< first operand
  int b = -1;  ///< second operand (binary operations)
  /// Per-axis integer arguments, x first (see Args): radii or offsets.
  std::array<std::int64_t, 3> args{};
  /// The input set number (Op::input).
  int input = -1;
};

/// An expression as a DAG of nodes over numbered inputs.
struct Tree {
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

/// How the printer writes input i.
using InputNames = std::function<std::string(int)>;

/// The sub-expression at `node` (default: the root) in the string syntax, inputs written by
/// `input_name` (default: `in<i>`).
std::string to_string(const Tree& e, int node = -1, const InputNames& input_name = {});

}  // namespace subsetix::ir
