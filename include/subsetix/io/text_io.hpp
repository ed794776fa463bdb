#pragma once
/// \file
/// Reading and writing sets in the text format (see text_format.hpp).

#include <iosfwd>
#include <string>

#include "subsetix/core/any_set.hpp"
#include "subsetix/core/error.hpp"
#include "subsetix/io/text_format.hpp"

namespace subsetix::io {

/// Builds a set from parsed records (sorted and merged). Fails when the dimension differs.
template <int Dim>
Result<IntervalSet<Dim>> to_set(const TextRecords& records, const std::string& source);

/// Reads a file of either dimension.
Result<AnySet> read_text(const std::string& path);

/// Writes canonical, sorted text.
template <int Dim, class Space>
void write_text(std::ostream& out, const IntervalSet<Dim, Space>& set);
/// Writes `set` to a file in the text format.
template <int Dim, class Space>
Result<void> write_text_file(const std::string& path, const IntervalSet<Dim, Space>& set);

}  // namespace subsetix::io

#include "subsetix/io/text_io_impl.hpp"
