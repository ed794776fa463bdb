#pragma once
/// \file
/// The expression IR both front ends produce: a tree of set operations over numbered inputs.
/// Host-only, plain data.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace subsetix::ir {

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

struct Node {
  Op op = Op::input;
  int a = -1;  ///< first operand
  int b = -1;  ///< second operand (binary operations)
  std::array<std::int64_t, 3> args{};
  int input = -1;
};

struct Expr {
  int dim = 2;
  std::vector<Node> nodes;  ///< operands before the nodes using them
  int root = -1;

  int add(Node n) {
    nodes.push_back(n);
    return int(nodes.size()) - 1;
  }
};

std::string to_string(const Expr& e, int node = -1);

}  // namespace subsetix::ir
