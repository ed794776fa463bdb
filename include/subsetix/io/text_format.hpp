#pragma once
/// \file
/// The subsetix text format, one interval per line, readable from any language:
///
///     # subsetix intervals v1
///     dim 2
///     <y> <x0> <x1>          (3D: <z> <y> <x0> <x1>; half-open [x0, x1))
///
/// `#` starts a comment; blank lines are allowed; lines may come in any order; overlapping
/// intervals merge when the set is built. This header is host-only (no Kokkos), so that the
/// parser can be fuzzed on its own.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "subsetix/core/coord.hpp"
#include "subsetix/core/error.hpp"

namespace subsetix::io {

/// A parsed file: its dimension and its records `{outer..., x0, x1}` (3 values in 2D, 4 in 3D;
/// the unused last slot is 0 in 2D).
struct TextRecords {
  /// 2 or 3.
  int dim = 0;
  /// One record per interval: outer coordinates, then begin and end.
  std::vector<std::array<coord_t, 4>> records;
};

/// Parses text-format content. Errors name `source` and the line:
/// `shape.txt:7: expected 3 integers for a 2D interval, found 2`.
Result<TextRecords> parse_text(std::string_view content, std::string_view source);

/// Reads and parses a file.
Result<TextRecords> read_text_records(const std::string& path);

}  // namespace subsetix::io
