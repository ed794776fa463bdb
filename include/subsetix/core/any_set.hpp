#pragma once
/// \file
/// A set whose dimension is known only at run time (files, the command line).

#include <variant>

#include "subsetix/core/interval_set.hpp"

namespace subsetix {

using AnySet = std::variant<IntervalSet<2>, IntervalSet<3>>;

inline int dim_of(const AnySet& s) {
  return s.index() == 0 ? 2 : 3;
}

}  // namespace subsetix
