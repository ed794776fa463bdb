#pragma once
// Template definitions for text_io.hpp.
#include <fstream>
#include <ostream>

#include "subsetix/core/build.hpp"

namespace subsetix::io {

template <int Dim, class Space>
void write_text(std::ostream& out, const IntervalSet<Dim, Space>& set) {
  out << "# subsetix intervals v1\n";
  out << "dim " << Dim << "\n";
  const auto h = to_host(set);
  for (index_t r = 0; r < h.num_rows; ++r)
    for (index_t j = h.row_ptr(r); j < h.row_ptr(r + 1); ++j) {
      for (int s = 0; s < Dim - 1; ++s) out << h.row_keys(r).c[s] << ' ';
      out << h.intervals(j).begin << ' ' << h.intervals(j).end << '\n';
    }
}

template <int Dim, class Space>
Result<void> write_text_file(const std::string& path, const IntervalSet<Dim, Space>& set) {
  std::ofstream out(path);
  if (!out) return make_error(ErrorCode::io_failure, "cannot open `", path, "` for writing");
  write_text(out, set);
  out.flush();
  if (!out) return make_error(ErrorCode::io_failure, "failed writing `", path, "`");
  return boost::outcome_v2::success();
}

}  // namespace subsetix::io
