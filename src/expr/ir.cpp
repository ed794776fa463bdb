// The IR printed in the string syntax, from the operator table (diagnostics: what a C++
// expression lowered to; the parser's round trip).
#include "subsetix/expr/ir.hpp"

namespace subsetix::ir {

std::string to_string(const Tree& e, int node, const InputNames& input_name) {
  if (node < 0) node = e.root;
  const Node& n = e.nodes[std::size_t(node)];
  const OpInfo& op = info(n.op);
  // Built by appending (GCC 12 warns falsely on chains of `"literal" + std::string`).
  std::string s;
  switch (op.syntax) {
    case Syntax::leaf:
      if (input_name) return input_name(n.input);
      s = op.spelling;
      s += std::to_string(n.input);
      return s;
    case Syntax::infix:
      s = '(';
      s += to_string(e, n.a, input_name);
      s += ' ';
      s += op.spelling;
      s += ' ';
      s += to_string(e, n.b, input_name);
      s += ')';
      return s;
    case Syntax::function:
      s = op.spelling;
      s += '(';
      s += to_string(e, n.a, input_name);
      if (op.args != Args::none)
        for (int a = 0; a < e.dim; ++a) {
          s += ',';
          s += std::to_string(n.args[std::size_t(a)]);
        }
      s += ')';
      return s;
  }
  return s;
}

}  // namespace subsetix::ir
