#pragma once
/// \file
/// Evaluation of parsed expression strings over named sets.

#include <map>
#include <string>
#include <string_view>

#include "subsetix/core/any_set.hpp"
#include "subsetix/core/error.hpp"
#include "subsetix/expr/parse.hpp"
#include "subsetix/memory/workspace.hpp"

namespace subsetix {

/// Sets bound to names for expression strings.
class NamedSets {
 public:
  void bind(const std::string& name, AnySet set) { sets_[name] = std::move(set); }
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

/// Evaluates an expression op by op with the reference operations.
Result<AnySet> eval_unfused(const expr::Expression& e, const NamedSets& names, Workspace& ws);
Result<AnySet> eval_unfused(const expr::Expression& e, const NamedSets& names);

}  // namespace subsetix
