#pragma once
/// \file
/// A set whose dimension is known only at run time (files, the command line).

#include <variant>

#include "subsetix/core/interval_set.hpp"

namespace subsetix {

/// A 2D or a 3D set, chosen at run time.
using AnySet = std::variant<IntervalSet<2>, IntervalSet<3>>;

/// The dimension (2 or 3) of the set held.
inline int dim_of(const AnySet& s) {
  return s.index() == 0 ? 2 : 3;
}

}  // namespace subsetix
