#pragma once
/// \file
/// The runtime front end: an expression string parsed into the IR tree both front ends share
/// (expr/ir.hpp), with the operators, their spelling and their precedence read from the
/// operator table (expr/ops.hpp). Infix operators follow C++'s precedence, so a string means
/// what the same C++ expression means; all are left-associative.
///
///   leaves: names (bound by the caller), box(x0,y0,x1,y1) / box(x0,y0,z0,x1,y1,z1),
///           disk(cx,cy,r), ball(cx,cy,cz,r), (e)
///   operators: e | e, e & e, e - e, e ^ e, expand(e,r) / expand(e,rx,ry[,rz]), shrink(...)
///           likewise, translate(e,dx,dy[,dz]), refine(e), coarsen(e)
///
/// Host-only (no Kokkos): the parser is fuzzed on its own.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "subsetix/core/error.hpp"
#include "subsetix/expr/ir.hpp"

namespace subsetix::expr {

/// A leaf as written: a bound name or a shape literal. Each is one input of the tree.
struct Leaf {
  /// What the leaf is.
  enum Kind { name, box, disk, ball };
  Kind kind = name;                ///< what the leaf is
  std::string text;                ///< the name (Kind::name)
  std::vector<std::int64_t> args;  ///< the shape's integers (box corners, centre and radius)
  std::size_t column = 0;          ///< 1-based position in the text, for messages
  int dim = 0;                     ///< 2 or 3
};

/// A parsed expression string: the IR tree over inputs 0 .. leaves.size() - 1, and what each
/// input is. A name used twice is one input; every shape literal is an input of its own.
struct Parsed {
  /// The expression (tree.dim is its dimension).
  ir::Tree tree;
  /// Input i of the tree.
  std::vector<Leaf> leaves;
  /// The dimension (2 or 3).
  int dim() const { return tree.dim; }
};

/// Returns the dimension of a bound name, or 0 when the name is unknown.
using NameDims = std::function<int(std::string_view)>;

/// Parses `text`. Morphology radii are expanded to one per axis (`expand(e, r)` in 3D becomes
/// {r, r, r}). Errors quote the text and mark the position:
///
///     bad expression at column 7: expected `)`
///       (A | B & C
///             ^
Result<Parsed> parse(std::string_view text, const NameDims& dim_of_name);

/// The leaf as written (`A`, `box(0,0,4,4)`).
std::string to_string(const Leaf& leaf);
/// The expression written back with full parentheses (for messages and tests); parses back to
/// the same tree.
std::string to_string(const Parsed& e);

}  // namespace subsetix::expr
