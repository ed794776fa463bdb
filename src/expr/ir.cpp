// The IR printed in the string syntax (plans and messages show sub-expressions this way).
#include "subsetix/expr/ir.hpp"

namespace subsetix {

namespace ir {

std::string to_string(const Expr& e, int node) {
  if (node < 0) node = e.root;
  const Node& n = e.nodes[std::size_t(node)];
  std::string s;
  auto args = [&](int count) {
    for (int a = 0; a < count; ++a) {
      s += ',';
      s += std::to_string(n.args[std::size_t(a)]);
    }
  };
  auto binary = [&](const char* op) {
    s += '(';
    s += to_string(e, n.a);
    s += op;
    s += to_string(e, n.b);
    s += ')';
  };
  switch (n.op) {
    case Op::input:
      s = "in";
      s += std::to_string(n.input);
      break;
    case Op::union_op:
      binary(" | ");
      break;
    case Op::intersection:
      binary(" & ");
      break;
    case Op::difference:
      binary(" - ");
      break;
    case Op::symmetric_difference:
      binary(" ^ ");
      break;
    default: {
      s += n.op == Op::expand      ? "expand("
           : n.op == Op::shrink    ? "shrink("
           : n.op == Op::translate ? "translate("
           : n.op == Op::refine    ? "refine("
                                   : "coarsen(";
      s += to_string(e, n.a);
      if (n.op == Op::expand || n.op == Op::shrink || n.op == Op::translate) args(e.dim);
      s += ')';
    }
  }
  return s;
}

}  // namespace ir

}  // namespace subsetix
