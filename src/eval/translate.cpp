// Translation: a map over rows and intervals; the CSR offsets are shared with the input.
#include "eval/kernels/profiling.hpp"
#include "eval/kernels/status.hpp"
#include "subsetix/eval/unfused.hpp"

namespace subsetix::unfused {

template <int Dim>
Result<IntervalSet<Dim>> translate(const IntervalSet<Dim>& a, const Point<Dim>& offset,
                                   Workspace& ws) {
  bool moves_rows = false;
  for (int d = 1; d < Dim; ++d) moves_rows |= offset[d] != 0;
  const bool moves_x = offset[0] != 0;
  if ((!moves_rows && !moves_x) || a.empty()) return a;

  const std::string label = "subsetix::translate";
  detail::ProfilingRegion region("translate");
  auto scope = ws.scope();
  auto made = detail::make_status(ws, label);
  if (!made) return made.error();
  const detail::StatusView status = made.value();
  // One block for the moved arrays; row_ptr and cell_offsets stay shared with the input.
  auto moved =
      IntervalSet<Dim>::allocate(moves_rows ? a.num_rows : 0, moves_x ? a.num_intervals : 0, label);
  if (!moved) return moved.error();
  IntervalSet<Dim> out = a;
  const auto in_keys = a.row_keys;
  const auto in_intervals = a.intervals;
  const auto keys = moves_rows ? moved.value().row_keys : in_keys;
  const auto intervals = moves_x ? moved.value().intervals : in_intervals;
  const index_t n = std::max(moves_rows ? a.num_rows : 0, moves_x ? a.num_intervals : 0);
  const index_t rows = moves_rows ? a.num_rows : 0;
  const index_t count = moves_x ? a.num_intervals : 0;
  const std::int64_t dx = offset[0];
  std::int64_t dkey[Dim - 1];
  for (int s = 0; s < Dim - 1; ++s) dkey[s] = offset[Dim - 1 - s];
  Kokkos::parallel_for(
      label + "/map", Kokkos::RangePolicy<ExecSpace>(0, n), KOKKOS_LAMBDA(const index_t i) {
        if (i < rows) {
          RowKey<Dim> k;
          for (int s = 0; s < Dim - 1; ++s) {
            const std::int64_t c = in_keys(i).c[s] + dkey[s];
            if (!fits_coord(c)) detail::raise_overflow(status, Dim - 1 - s, c);
            k.c[s] = coord_t(c);
          }
          keys(i) = k;
        }
        if (i < count) {
          const std::int64_t b = in_intervals(i).begin + dx, e = in_intervals(i).end + dx;
          if (!fits_coord(b) || !fits_coord(e))
            detail::raise_overflow(status, 0, fits_coord(b) ? e : b);
          intervals(i) = Interval{coord_t(b), coord_t(e)};
        }
      });
  auto checked = detail::read_status(status, ws, Dim, "translate");
  if (!checked) return checked.error();
  out.row_keys = keys;
  out.intervals = intervals;
  // Keep both the input's arrays and the moved ones alive.
  out.storage =
      std::make_shared<std::pair<std::shared_ptr<const void>, std::shared_ptr<const void>>>(
          a.storage, moved.value().storage);
  return out;
}

template Result<IntervalSet<2>> translate(const IntervalSet<2>&, const Point<2>&, Workspace&);
template Result<IntervalSet<3>> translate(const IntervalSet<3>&, const Point<3>&, Workspace&);

}  // namespace subsetix::unfused
