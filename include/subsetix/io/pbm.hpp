#pragma once
/// \file
/// A 2D set from a PBM bitmap (P1 text or P4 binary): black pixels are cells; pixel (col, row)
/// is cell (x = col, y = height - 1 - row), so pictures keep their orientation (y up).

#include <string>
#include <string_view>

#include "subsetix/core/error.hpp"
#include "subsetix/core/interval_set.hpp"

namespace subsetix::io {

/// Parses a plain or raw PBM image (`P1`/`P4`): black pixels become cells, row 0 at the top
/// becomes the largest y. `source` names the input in errors.
Result<IntervalSet<2>> parse_pbm(std::string_view content, const std::string& source);
/// Reads a PBM file (see parse_pbm()).
Result<IntervalSet<2>> read_pbm(const std::string& path);

}  // namespace subsetix::io
