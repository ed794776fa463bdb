#pragma once
/// \file
/// A stage's boolean formula over taps, as the passes build it.

#include <cstdint>
#include <memory>
#include <vector>

#include "subsetix/eval/plan.hpp"

namespace subsetix::passes {

/// A boolean formula whose leaves are taps. Immutable, shared subtrees.
struct Formula {
  enum Kind { tap, op_or, op_and, op_xor, op_and_not } kind = tap;
  plan::Tap leaf;  ///< kind == tap
  std::shared_ptr<const Formula> a, b;

  static std::shared_ptr<const Formula> of(const plan::Tap& t) {
    auto f = std::make_shared<Formula>();
    f->leaf = t;
    return f;
  }
  static std::shared_ptr<const Formula> combine(Kind k, std::shared_ptr<const Formula> x,
                                                std::shared_ptr<const Formula> y) {
    auto f = std::make_shared<Formula>();
    f->kind = k;
    f->a = std::move(x);
    f->b = std::move(y);
    return f;
  }
};
using FormulaPtr = std::shared_ptr<const Formula>;

/// True when the formula is a union of taps only (expand distributes over it).
inline bool is_union_of_taps(const Formula& f) {
  return f.kind == Formula::tap ||
         (f.kind == Formula::op_or && is_union_of_taps(*f.a) && is_union_of_taps(*f.b));
}
/// True when the formula is an intersection of taps only (shrink distributes over it).
inline bool is_intersection_of_taps(const Formula& f) {
  return f.kind == Formula::tap || (f.kind == Formula::op_and && is_intersection_of_taps(*f.a) &&
                                    is_intersection_of_taps(*f.b));
}

/// The taps of a formula, in first-use order (with repeats).
inline void collect_taps(const Formula& f, std::vector<plan::Tap>& out) {
  if (f.kind == Formula::tap) {
    out.push_back(f.leaf);
    return;
  }
  collect_taps(*f.a, out);
  collect_taps(*f.b, out);
}

/// Rebuilds a union/intersection of taps with every tap replaced by `fan(tap)`.
template <class Fan>
FormulaPtr map_taps(const FormulaPtr& f, const Fan& fan) {
  if (f->kind == Formula::tap) return fan(f->leaf);
  return Formula::combine(f->kind, map_taps(f->a, fan), map_taps(f->b, fan));
}

}  // namespace subsetix::passes
