#include "subsetix/io/vtk.hpp"

#include <fstream>

namespace subsetix::io {

template <int Dim>
Result<void> write_vtk(const std::string& path, const IntervalSet<Dim>& set) {
  std::ofstream out(path);
  if (!out) return make_error(ErrorCode::io_failure, "cannot open `", path, "` for writing");
  const auto h = to_host(set);
  constexpr int corners = Dim == 2 ? 4 : 8;
  const std::int64_t n = h.num_intervals;
  out << "# vtk DataFile Version 3.0\nsubsetix " << Dim << "D interval set\nASCII\n"
      << "DATASET UNSTRUCTURED_GRID\nPOINTS " << n * corners << " int\n";
  for (index_t r = 0; r < h.num_rows; ++r) {
    const std::int64_t y = h.row_keys(r).c[Dim - 2];
    const std::int64_t z = Dim == 3 ? h.row_keys(r).c[0] : 0;
    for (index_t j = h.row_ptr(r); j < h.row_ptr(r + 1); ++j) {
      const std::int64_t b = h.intervals(j).begin, e = h.intervals(j).end;
      for (int dz = 0; dz < (Dim == 3 ? 2 : 1); ++dz)  // VTK_PIXEL/VOXEL order: x, then y, then z
        for (int dy = 0; dy < 2; ++dy)
          out << b << ' ' << y + dy << ' ' << z + dz << '\n'
              << e << ' ' << y + dy << ' ' << z + dz << '\n';
    }
  }
  out << "CELLS " << n << ' ' << n * (corners + 1) << '\n';
  for (std::int64_t i = 0; i < n; ++i) {
    out << corners;
    for (int c = 0; c < corners; ++c) out << ' ' << i * corners + c;
    out << '\n';
  }
  out << "CELL_TYPES " << n << '\n';
  for (std::int64_t i = 0; i < n; ++i) out << (Dim == 2 ? 8 : 11) << '\n';
  out << "CELL_DATA " << n << "\nSCALARS cells int 1\nLOOKUP_TABLE default\n";
  for (std::int64_t i = 0; i < n; ++i) out << h.intervals(i).size() << '\n';
  out.flush();
  if (!out) return make_error(ErrorCode::io_failure, "failed writing `", path, "`");
  return boost::outcome_v2::success();
}

template Result<void> write_vtk(const std::string&, const IntervalSet<2>&);
template Result<void> write_vtk(const std::string&, const IntervalSet<3>&);

}  // namespace subsetix::io
