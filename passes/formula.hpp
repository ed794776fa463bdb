#pragma once
/// \file
/// A stage's boolean formula over taps, as the passes build it: a postfix sequence of terms
/// (operands before their operation), a plain value. An operation is a boolean operator of the
/// operator table (expr/ops.hpp), evaluated through its truth table. Every pass is
/// `constexpr`, so the C++ front end runs them at compile time and the runtime front end at
/// run time: one set of rules.

#include <cstdint>
#include <vector>

#include "subsetix/eval/plan.hpp"
#include "subsetix/expr/ops.hpp"

namespace subsetix::passes {

/// A boolean formula whose leaves are taps.
struct Formula {
  /// One term of the postfix sequence: a tap (pushes its bit) or a boolean operator applied to
  /// the two values before it.
  struct Term {
    /// ir::Op::input for a tap, else a boolean operator.
    ir::Op op = ir::Op::input;
    /// The tap read (op == input).
    plan::Tap leaf{};
    /// True for a tap.
    constexpr bool is_tap() const { return op == ir::Op::input; }
  };
  /// The postfix sequence; the last term is the root.
  std::vector<Term> terms;

  /// A formula that is one tap.
  static constexpr Formula of(const plan::Tap& t) {
    Formula f;
    f.terms.push_back({ir::Op::input, t});
    return f;
  }
  /// `x op y`, for a boolean operator `op`.
  static constexpr Formula combine(ir::Op op, Formula x, const Formula& y) {
    x.terms.insert(x.terms.end(), y.terms.begin(), y.terms.end());
    x.terms.push_back({op, {}});
    return x;
  }
};

/// True when every operation of the formula is `op` (a lone tap qualifies).
constexpr bool only_operation(const Formula& f, ir::Op op) {
  for (const auto& t : f.terms)
    if (!t.is_tap() && t.op != op) return false;
  return true;
}

/// Rebuilds the formula with every tap replaced by the formula `fan(tap)` (postfix stays
/// postfix: a leaf is replaced by a whole operand).
template <class Fan>
constexpr Formula map_taps(const Formula& f, const Fan& fan) {
  Formula out;
  out.terms.reserve(f.terms.size());
  for (const auto& t : f.terms) {
    if (!t.is_tap()) {
      out.terms.push_back(t);
      continue;
    }
    const Formula leaf = fan(t.leaf);
    out.terms.insert(out.terms.end(), leaf.terms.begin(), leaf.terms.end());
  }
  return out;
}

}  // namespace subsetix::passes
