// Translation: a map over rows and intervals; the CSR offsets are shared with the input.
#include "subsetix/eval/detail/profiling.hpp"
#include "subsetix/eval/detail/status.hpp"
#include "subsetix/eval/unfused.hpp"

namespace subsetix::unfused {

template <int Dim>
Result<IntervalSet<Dim>> translate(const IntervalSet<Dim>& a, const Point<Dim>& offset) {
  bool moves_rows = false;
  for (int d = 1; d < Dim; ++d) moves_rows |= offset[d] != 0;
  const bool moves_x = offset[0] != 0;
  if ((!moves_rows && !moves_x) || a.empty()) return a;

  const std::string label = "subsetix::translate";
  detail::ProfilingRegion region("translate");
  IntervalSet<Dim> out = a;  // shares row_ptr and cell_offsets
  auto status = detail::make_status(label);
  const auto in_keys = a.row_keys;
  const auto in_intervals = a.intervals;
  Kokkos::View<RowKey<Dim>*, DeviceMemory> keys = in_keys;
  Kokkos::View<Interval*, DeviceMemory> intervals = in_intervals;
  if (moves_rows)
    keys = decltype(keys)(Kokkos::view_alloc(Kokkos::WithoutInitializing, label + ".row_keys"),
                          a.num_rows);
  if (moves_x)
    intervals = decltype(intervals)(
        Kokkos::view_alloc(Kokkos::WithoutInitializing, label + ".intervals"), a.num_intervals);
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
          if (!fits_coord(b) || !fits_coord(e)) detail::raise_overflow(status, 0, fits_coord(b) ? e : b);
          intervals(i) = Interval{coord_t(b), coord_t(e)};
        }
      });
  auto checked = detail::read_status(status, Dim, "translate");
  if (!checked) return checked.error();
  out.row_keys = keys;
  out.intervals = intervals;
  return out;
}

template Result<IntervalSet<2>> translate(const IntervalSet<2>&, const Point<2>&);
template Result<IntervalSet<3>> translate(const IntervalSet<3>&, const Point<3>&);

}  // namespace subsetix::unfused
