#pragma once
/// \file
/// A 2D set from a PBM bitmap (P1 text or P4 binary): black pixels are cells; pixel (col, row)
/// is cell (x = col, y = height - 1 - row), so pictures keep their orientation (y up).

#include <string>
#include <string_view>

#include "subsetix/core/error.hpp"
#include "subsetix/core/interval_set.hpp"

namespace subsetix::io {

Result<IntervalSet<2>> parse_pbm(std::string_view content, const std::string& source);
Result<IntervalSet<2>> read_pbm(const std::string& path);

}  // namespace subsetix::io
