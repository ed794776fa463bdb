#pragma once
/// \file
/// A stage's boolean formula over taps, as the passes build it: a postfix sequence of terms
/// (operands before their operation), a plain value. Every pass is `constexpr`, so the C++
/// front end runs them at compile time and the runtime front end at run time: one set of rules.

#include <cstdint>
#include <vector>

#include "subsetix/eval/plan.hpp"

namespace subsetix::passes {

/// A boolean formula whose leaves are taps.
struct Formula {
  /// A term: a tap (pushes its bit) or an operation on the two values before it.
  enum Kind { tap, op_or, op_and, op_xor, op_and_not };
  /// One term of the postfix sequence.
  struct Term {
    /// What the term does.
    Kind kind = tap;
    /// The tap read (kind == tap).
    plan::Tap leaf{};
  };
  /// The postfix sequence; the last term is the root.
  std::vector<Term> terms;

  /// The root's kind.
  constexpr Kind kind() const { return terms.back().kind; }
  /// A formula that is one tap.
  static constexpr Formula of(const plan::Tap& t) {
    Formula f;
    f.terms.push_back({tap, t});
    return f;
  }
  /// `x k y`.
  static constexpr Formula combine(Kind k, Formula x, const Formula& y) {
    x.terms.insert(x.terms.end(), y.terms.begin(), y.terms.end());
    x.terms.push_back({k, {}});
    return x;
  }
};

/// True when every operation of the formula is `op` (a lone tap qualifies).
constexpr bool only_operation(const Formula& f, Formula::Kind op) {
  for (const auto& t : f.terms)
    if (t.kind != Formula::tap && t.kind != op) return false;
  return true;
}
/// True when the formula is a union of taps only (expand distributes over it).
constexpr bool is_union_of_taps(const Formula& f) {
  return only_operation(f, Formula::op_or);
}
/// True when the formula is an intersection of taps only (shrink distributes over it).
constexpr bool is_intersection_of_taps(const Formula& f) {
  return only_operation(f, Formula::op_and);
}

/// Rebuilds the formula with every tap replaced by the formula `fan(tap)` (postfix stays
/// postfix: a leaf is replaced by a whole operand).
template <class Fan>
constexpr Formula map_taps(const Formula& f, const Fan& fan) {
  Formula out;
  out.terms.reserve(f.terms.size());
  for (const auto& t : f.terms) {
    if (t.kind != Formula::tap) {
      out.terms.push_back(t);
      continue;
    }
    const Formula leaf = fan(t.leaf);
    out.terms.insert(out.terms.end(), leaf.terms.begin(), leaf.terms.end());
  }
  return out;
}

}  // namespace subsetix::passes
