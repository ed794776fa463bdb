// Validation of CSR arrays: every rule of the canonical form, reported with its location.
#include <sstream>

#include "subsetix/core/build.hpp"

namespace subsetix {
namespace {

template <int Dim>
std::string key_text(const RowKey<Dim>& k) {
  std::ostringstream os;
  os << "row (";
  for (int a = 0; a < Dim - 1; ++a) os << (a ? ", " : "") << key_axis_name<Dim>(a) << "=" << k.c[a];
  os << ")";
  return os.str();
}

template <class... P>
Error csr_error(const P&... parts) {
  return make_error(ErrorCode::invalid_csr, "invalid CSR: ", parts...);
}

}  // namespace

template <int Dim>
Result<void> validate_host(const HostIntervalSet<Dim>& h) {
  const index_t rows = h.num_rows, count = h.num_intervals;
  if (rows < 0 || count < 0) return csr_error("negative sizes");
  if (h.row_keys.extent(0) < std::size_t(rows) || h.row_ptr.extent(0) < std::size_t(rows) + 1 ||
      h.intervals.extent(0) < std::size_t(count))
    return csr_error("arrays shorter than the declared ", rows, " rows and ", count, " intervals");
  if (h.row_ptr(0) != 0) return csr_error("row_ptr[0] is ", h.row_ptr(0), ", expected 0");
  if (h.row_ptr(rows) != count)
    return csr_error("row_ptr[", rows, "] is ", h.row_ptr(rows), ", expected the interval count ",
                     count);
  for (index_t r = 0; r < rows; ++r) {
    const index_t lo = h.row_ptr(r), hi = h.row_ptr(r + 1);
    if (hi < lo) return csr_error("row_ptr decreases at row index ", r, " (", lo, " -> ", hi, ")");
    if (hi > count)
      return csr_error("row_ptr[", r + 1, "] = ", hi, " exceeds the interval count ", count);
    if (hi == lo) return csr_error("empty ", key_text(h.row_keys(r)), " at row index ", r);
    if (r > 0 && !(h.row_keys(r - 1) < h.row_keys(r)))
      return csr_error(key_text(h.row_keys(r)), " at row index ", r, " does not follow ",
                       key_text(h.row_keys(r - 1)), " (rows must be strictly increasing)");
    for (index_t j = lo; j < hi; ++j) {
      const Interval v = h.intervals(j);
      if (v.begin >= v.end)
        return csr_error("empty or inverted interval [", v.begin, ", ", v.end, ") at index ", j,
                         " in ", key_text(h.row_keys(r)));
      if (j > lo) {
        const Interval p = h.intervals(j - 1);
        if (v.begin < p.end)
          return csr_error("intervals [", p.begin, ", ", p.end, ") and [", v.begin, ", ", v.end,
                           ") overlap or are unsorted at index ", j, " in ",
                           key_text(h.row_keys(r)));
        if (v.begin == p.end)
          return csr_error("intervals [", p.begin, ", ", p.end, ") and [", v.begin, ", ", v.end,
                           ") touch at index ", j, " in ", key_text(h.row_keys(r)),
                           " (touching intervals must be merged)");
      }
    }
  }
  if (h.cell_offsets.extent(0) >= std::size_t(count) + 1) {
    cell_count_t cells = 0;
    for (index_t j = 0; j < count; ++j) {
      if (h.cell_offsets(j) != cells)
        return csr_error("cell_offsets[", j, "] is ", h.cell_offsets(j), ", expected ", cells);
      cells += h.intervals(j).size();
    }
    if (h.cell_offsets(count) != cells || h.num_cells != cells)
      return csr_error("cell count ", h.num_cells, " disagrees with the intervals (", cells, ")");
  }
  return boost::outcome_v2::success();
}

template Result<void> validate_host(const HostIntervalSet<2>&);
template Result<void> validate_host(const HostIntervalSet<3>&);

}  // namespace subsetix
