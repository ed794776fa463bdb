// The IR printed in the CLI's string syntax (diagnostics: what a C++ expression lowered to).
#include "subsetix/expr/ir.hpp"

namespace subsetix {

namespace ir {
namespace {

/// How an operation is written: an infix symbol or a function name.
const char* spelling(Op op) {
  switch (op) {
    case Op::input:
      return "in";
    case Op::union_op:
      return " | ";
    case Op::intersection:
      return " & ";
    case Op::difference:
      return " - ";
    case Op::symmetric_difference:
      return " ^ ";
    case Op::expand:
      return "expand";
    case Op::shrink:
      return "shrink";
    case Op::translate:
      return "translate";
    case Op::refine:
      return "refine";
    case Op::coarsen:
      return "coarsen";
  }
  return "?";
}

bool is_binary(Op op) {
  return op == Op::union_op || op == Op::intersection || op == Op::difference ||
         op == Op::symmetric_difference;
}

bool has_args(Op op) {
  return op == Op::expand || op == Op::shrink || op == Op::translate;
}

}  // namespace

std::string to_string(const Expr& e, int node) {
  if (node < 0) node = e.root;
  const Node& n = e.nodes[std::size_t(node)];
  if (n.op == Op::input) return spelling(n.op) + std::to_string(n.input);
  // (a op b) or f(a[,args])
  std::string s = is_binary(n.op) ? "(" : std::string(spelling(n.op)) + "(";
  s += to_string(e, n.a);
  if (is_binary(n.op)) {
    s += spelling(n.op);
    s += to_string(e, n.b);
  }
  if (has_args(n.op))
    for (int a = 0; a < e.dim; ++a) {
      s += ',';
      s += std::to_string(n.args[std::size_t(a)]);
    }
  s += ')';
  return s;
}

}  // namespace ir

}  // namespace subsetix
