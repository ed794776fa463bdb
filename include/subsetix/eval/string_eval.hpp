#pragma once
/// \file
/// Evaluation of expression strings: a parsed expression is *prepared* (names resolved to the
/// bound sets, shape literals built once) into the IR both engines take.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "subsetix/core/any_set.hpp"
#include "subsetix/core/error.hpp"
#include "subsetix/eval/plan.hpp"
#include "subsetix/expr/ir.hpp"
#include "subsetix/expr/parse.hpp"
#include "subsetix/memory/workspace.hpp"

namespace subsetix {

/// Sets bound to names for expression strings.
class NamedSets {
 public:
  /// Binds `name` to `set` (replacing an earlier binding).
  void bind(const std::string& name, AnySet set) { sets_[name] = std::move(set); }
  /// The set bound to `name`, or nullptr.
  const AnySet* find(std::string_view name) const {
    const auto it = sets_.find(name);
    return it == sets_.end() ? nullptr : &it->second;
  }
  /// For the parser: the dimension of a name, 0 when unbound.
  expr::NameDims dims() const {
    return [this](std::string_view name) {
      const AnySet* s = find(name);
      return s ? dim_of(*s) : 0;
    };
  }

 private:
  std::map<std::string, AnySet, std::less<>> sets_;
};

/// An expression over numbered input sets.
struct Prepared {
  /// The expression, over inputs 0 .. inputs.size() - 1.
  ir::Tree tree;
  /// The input sets, numbered as the expression uses them.
  std::vector<AnySet> inputs;
  /// The dimension of the expression.
  int dim() const { return tree.dim; }
};

/// Resolves the leaves: names to the bound sets, shape literals built.
Result<Prepared> prepare(const expr::Parsed& parsed, const NamedSets& names);

/// Op by op, with the reference operations (one host read per operation).
Result<AnySet> eval_unfused(const Prepared& e, Workspace& ws);

/// The fused plan of a prepared expression (the pass pipeline).
Result<plan::Plan> plan_of(const Prepared& e, bool final_sweep = false);
/// Runs a plan of `e` (one fence).
Result<AnySet> eval_fused(const Prepared& e, const plan::Plan& p, Workspace& ws);

/// Evaluates `e` op by op (the reference engine); temporaries come from `ws`.
Result<AnySet> eval_unfused(const expr::Parsed& e, const NamedSets& names, Workspace& ws);
/// Evaluates `e` op by op, using the default workspace.
Result<AnySet> eval_unfused(const expr::Parsed& e, const NamedSets& names);
/// Evaluates `e` with the fused engine (one fence); temporaries come from `ws`.
Result<AnySet> eval_fused(const expr::Parsed& e, const NamedSets& names, Workspace& ws);
/// Evaluates `e` with the fused engine, using the default workspace.
Result<AnySet> eval_fused(const expr::Parsed& e, const NamedSets& names);

}  // namespace subsetix
