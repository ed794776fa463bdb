#pragma once
/// \file
/// The operators of the expression language, each described once: spelling, syntax, arity,
/// integer arguments, precedence, and how the passes lower it. The string parser, both C++
/// front ends, the IR printer, the unfused engine and the passes read this table; nothing else
/// lists the operators. Host-only, `constexpr`.
///
/// A boolean operator is its 2x2 truth table: the passes, the sweep's postfix programs and the
/// reference engine all combine coverage bits through `apply`, so a new one is a table entry
/// (and, to spell it in C++, one line in expr/operators.hpp).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace subsetix::ir {

/// The operations of the IR, in the order of `ops`.
enum class Op : std::uint8_t {
  input,  ///< an input set (a leaf)
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

/// How an operator is written.
enum class Syntax : std::uint8_t {
  leaf,      ///< an input: a bound name or a shape literal
  infix,     ///< `a op b`, left-associative
  function,  ///< `name(e[, integers])`
};

/// The integer arguments a function takes after its operand.
enum class Args : std::uint8_t {
  none,
  radii,    ///< one for every axis, or one per axis (x, y[, z]); each in [0, 2^31)
  offsets,  ///< exactly one per axis
};

/// How the passes lower an operator (passes/lower.hpp dispatches on this, not on the Op).
enum class Lowering : std::uint8_t {
  input,      ///< a tap of an input
  boolean,    ///< its operands' coverage bits combined by `truth`, in one stage when it fits
  translate,  ///< pushed to the leaves as a tap's shift (passes/push_transforms.hpp)
  refine,     ///< pushed to the leaves: one memoised refine stage per leaf
  dilate,     ///< box dilation: fanned out into taps, or separable passes
  erode,      ///< box erosion: likewise
  coarsen,    ///< a stage boundary: its own stage over a materialised operand
};

/// One operator's description.
struct OpInfo {
  Op op;                      ///< the operation (its index in `ops`)
  std::string_view spelling;  ///< infix symbol or function name, as parsed and printed
  std::string_view name;      ///< for messages
  Syntax syntax;              ///< how it is written
  int precedence;             ///< infix: higher binds tighter (C++'s order); 0 otherwise
  Args args;                  ///< integer arguments after the operand
  Lowering lowering;          ///< how the passes lower it
  std::uint8_t truth;         ///< boolean: bit (a | b << 1) is `a op b`
};

/// Every operator. Infix precedence follows C++ so that a string means what the same C++
/// expression means: `-` binds tighter than `&`, `&` than `^`, `^` than `|`.
inline constexpr std::array<OpInfo, 10> ops{{
    {Op::input, "in", "input", Syntax::leaf, 0, Args::none, Lowering::input, 0},
    {Op::union_op, "|", "union", Syntax::infix, 1, Args::none, Lowering::boolean, 0b1110},
    {Op::intersection, "&", "intersection", Syntax::infix, 3, Args::none, Lowering::boolean,
     0b1000},
    {Op::difference, "-", "difference", Syntax::infix, 4, Args::none, Lowering::boolean, 0b0010},
    {Op::symmetric_difference, "^", "symmetric difference", Syntax::infix, 2, Args::none,
     Lowering::boolean, 0b0110},
    {Op::expand, "expand", "expand", Syntax::function, 0, Args::radii, Lowering::dilate, 0},
    {Op::shrink, "shrink", "shrink", Syntax::function, 0, Args::radii, Lowering::erode, 0},
    {Op::translate, "translate", "translate", Syntax::function, 0, Args::offsets,
     Lowering::translate, 0},
    {Op::refine, "refine", "refine", Syntax::function, 0, Args::none, Lowering::refine, 0},
    {Op::coarsen, "coarsen", "coarsen", Syntax::function, 0, Args::none, Lowering::coarsen, 0},
}};

/// The description of `op`.
constexpr const OpInfo& info(Op op) {
  return ops[std::size_t(op)];
}

/// Operands an operator takes.
constexpr int arity(Op op) {
  switch (info(op).syntax) {
    case Syntax::leaf:
      return 0;
    case Syntax::infix:
      return 2;
    default:
      return 1;
  }
}

/// `a op b` on one pair of bits, for the boolean operator of truth table `truth`.
constexpr bool apply(std::uint8_t truth, bool a, bool b) {
  return (truth >> (unsigned(a) | unsigned(b) << 1)) & 1u;
}
/// `a op b` on 64 pairs of bits at once.
constexpr std::uint64_t apply(std::uint8_t truth, std::uint64_t a, std::uint64_t b) {
  auto lane = [truth](unsigned m) { return ((truth >> m) & 1u) ? ~std::uint64_t(0) : 0; };
  return (lane(0) & ~a & ~b) | (lane(1) & a & ~b) | (lane(2) & ~a & b) | (lane(3) & a & b);
}

namespace detail {
constexpr bool table_is_consistent() {
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const OpInfo& o = ops[i];
    if (std::size_t(o.op) != i) return false;  // info() indexes by Op
    if ((o.syntax == Syntax::infix) != (o.lowering == Lowering::boolean)) return false;
    if (o.syntax == Syntax::infix && (o.precedence <= 0 || o.spelling.size() != 1)) return false;
    // No boolean operator maps "no operand covers x" to "x is in": every result stays within
    // its operands' union, which the capacity pass (passes/bound_capacity.hpp) relies on.
    if (o.lowering == Lowering::boolean && (o.truth & 1u)) return false;
  }
  return true;
}
}  // namespace detail
static_assert(detail::table_is_consistent(), "subsetix: the operator table is inconsistent");

}  // namespace subsetix::ir
