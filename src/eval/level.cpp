// AMR level changes by a factor of 2.
// refine: a pure map (sizes known on the host); each input row has 2^(Dim-1) children whose
//   output positions are ranks computed from prefix sums and binary searches.
// coarsen: rows are split by the parity of their key into 2^(Dim-1) sorted lists; the stage
//   then unions the taps "source row 2K + parity", each interval mapped to [b>>1, (e+1)>>1).
#include "subsetix/eval/detail/limits.hpp"
#include "subsetix/eval/detail/stage.hpp"
#include "subsetix/eval/unfused.hpp"

namespace subsetix::unfused {
namespace {

/// Rows [lo, hi) of a sorted key array whose slot-`a` coordinate equals `v` (within a range
/// where all earlier slots are equal).
template <int Dim>
KOKKOS_INLINE_FUNCTION void equal_range(const RowKey<Dim>* keys, int a, coord_t v, index_t& lo,
                                        index_t& hi) {
  index_t first = lo, count = hi - lo;
  while (count > 0) {
    const index_t step = count / 2;
    if (keys[first + step].c[a] < v) {
      first += step + 1;
      count -= step + 1;
    } else {
      count = step;
    }
  }
  index_t last = first;
  count = hi - first;
  while (count > 0) {
    const index_t step = count / 2;
    if (keys[last + step].c[a] <= v) {
      last += step + 1;
      count -= step + 1;
    } else {
      count = step;
    }
  }
  lo = first;
  hi = last;
}

}  // namespace

template <int Dim>
Result<IntervalSet<Dim>> refine(const IntervalSet<Dim>& a, Workspace& ws) {
  constexpr int children = 1 << (Dim - 1);
  if (a.empty()) return a;
  const std::int64_t out_intervals = std::int64_t(a.num_intervals) * children;
  const std::int64_t out_rows = std::int64_t(a.num_rows) * children;
  if (out_intervals >= INT32_MAX || a.num_cells > (INT64_MAX >> Dim))
    return make_error(ErrorCode::capacity_exceeded, "refine: ", out_intervals,
                      " result intervals exceed the int32 index range");
  const std::int64_t out_cells = a.num_cells << Dim;

  const std::string label = "subsetix::refine";
  detail::ProfilingRegion region("refine");
  auto scope = ws.scope();
  auto allocated = IntervalSet<Dim>::allocate(index_t(out_rows), index_t(out_intervals), label);
  if (!allocated) return allocated.error();
  auto out = std::move(allocated).value();
  out.num_cells = out_cells;
  auto made = detail::make_status(ws, label);
  if (!made) return made.error();
  const detail::StatusView status = made.value();
  const index_t n = a.num_rows;
  const auto keys = a.row_keys;
  const auto row_ptr = a.row_ptr;
  const auto intervals = a.intervals;
  const auto cells = a.cell_offsets;
  const auto o = out;
  Kokkos::parallel_for(
      label + "/map", Kokkos::RangePolicy<ExecSpace>(0, n + 1), KOKKOS_LAMBDA(const index_t i) {
        if (i == n) {
          o.row_ptr(out_rows) = index_t(out_intervals);
          o.cell_offsets(out_intervals) = out_cells;
          return;
        }
        const RowKey<Dim> key = keys(i);
        // lo[a], hi[a]: rows sharing the first `a` key slots with this row.
        index_t lo[Dim], hi[Dim];
        lo[0] = 0;
        hi[0] = n;
        for (int s = 0; s < Dim - 1; ++s) {
          lo[s + 1] = lo[s];
          hi[s + 1] = hi[s];
          equal_range(keys.data(), s, key.c[s], lo[s + 1], hi[s + 1]);
        }
        const auto cells_before = [&](index_t r) { return cells(row_ptr(r)); };
        for (int child = 0; child < children; ++child) {
          // Output keys before 2K + c: rows of B_s with a smaller slot s contribute all their
          // children that match c on earlier slots; rows equal on slot s contribute their
          // c_s = 0 children when c_s = 1.
          std::int64_t rank_rows = 0, rank_intervals = 0, rank_cells = 0;
          RowKey<Dim> out_key;
          for (int s = 0; s < Dim - 1; ++s) {
            const int bit = (child >> (Dim - 2 - s)) & 1;
            const std::int64_t below = std::int64_t(1) << (Dim - 1 - s);
            const std::int64_t equal = bit ? std::int64_t(1) << (Dim - 2 - s) : 0;
            rank_rows += (lo[s + 1] - lo[s]) * below + (hi[s + 1] - lo[s + 1]) * equal;
            rank_intervals += (row_ptr(lo[s + 1]) - row_ptr(lo[s])) * below +
                              (row_ptr(hi[s + 1]) - row_ptr(lo[s + 1])) * equal;
            rank_cells += (cells_before(lo[s + 1]) - cells_before(lo[s])) * below +
                          (cells_before(hi[s + 1]) - cells_before(lo[s + 1])) * equal;
            const std::int64_t c = 2 * std::int64_t(key.c[s]) + bit;
            if (!fits_coord(c)) detail::raise_overflow(status, Dim - 1 - s, c);
            out_key.c[s] = coord_t(c);
          }
          o.row_keys(rank_rows) = out_key;
          o.row_ptr(rank_rows) = index_t(rank_intervals);
          std::int64_t running = 2 * rank_cells;
          for (index_t j = row_ptr(i); j < row_ptr(i + 1); ++j) {
            const std::int64_t b = 2 * std::int64_t(intervals(j).begin);
            const std::int64_t e = 2 * std::int64_t(intervals(j).end);
            if (!fits_coord(b) || !fits_coord(e)) detail::raise_overflow(status, 0, fits_coord(b) ? e : b);
            const index_t at = index_t(rank_intervals) + (j - row_ptr(i));
            o.intervals(at) = Interval{coord_t(b), coord_t(e)};
            o.cell_offsets(at) = running;
            running += e - b;
          }
        }
      });
  auto checked = detail::read_status(status, ws, Dim, "refine");
  if (!checked) return checked.error();
  return out;
}

template <int Dim>
Result<IntervalSet<Dim>> coarsen(const IntervalSet<Dim>& a, Workspace& ws) {
  constexpr int classes = 1 << (Dim - 1);
  if (a.empty()) return a;
  const std::string label = "subsetix::coarsen";
  detail::ProfilingRegion region("coarsen");
  const index_t n = a.num_rows;
  auto scope = ws.scope();
  auto taken_lists = ws.take<RowKey<Dim>>(std::size_t(n) * classes, label + ".parity_lists");
  auto taken_sizes = ws.take<std::int64_t>(classes, label + ".parity_sizes");
  if (!taken_lists) return taken_lists.error();
  if (!taken_sizes) return taken_sizes.error();
  const auto lists = taken_lists.value();
  const auto sizes = taken_sizes.value();
  const auto keys = a.row_keys;
  using Counts = detail::ScanVec<index_t, classes>;
  Kokkos::parallel_scan(
      label + "/partition", Kokkos::RangePolicy<ExecSpace>(0, n),
      KOKKOS_LAMBDA(const index_t i, Counts& update, const bool final) {
        const RowKey<Dim> k = keys(i);
        int parity = 0;
        RowKey<Dim> coarse;
        for (int s = 0; s < Dim - 1; ++s) {
          parity |= (k.c[s] & 1) << s;
          coarse.c[s] = k.c[s] >> 1;  // arithmetic shift: floor division
        }
        if (final) {
          lists(std::size_t(parity) * n + update.v[parity]) = coarse;
          if (i == n - 1)
            for (int p = 0; p < classes; ++p) sizes(p) = update.v[p] + (p == parity ? 1 : 0);
        }
        update.v[parity] += 1;
      });
  detail::StageInputs<Dim, detail::few_taps> stage;  // 2 or 4 parity taps
  for (int p = 0; p < classes; ++p) {
    auto tap = detail::Tap<Dim>::of(a);
    tap.key_scale = 2;
    for (int s = 0; s < Dim - 1; ++s) tap.key_offset[s] = (p >> s) & 1;
    tap.x_coarsen = true;
    stage.add_tap(tap);
    detail::CandidateList<Dim> list;
    list.keys = lists.data() + std::size_t(p) * n;
    list.size_host = n;
    list.size_device = sizes.data() + p;
    stage.add_candidates(list);
  }
  return detail::run_stage(stage, detail::AnyOf{}, ws, "coarsen");
}

template Result<IntervalSet<2>> refine(const IntervalSet<2>&, Workspace&);
template Result<IntervalSet<3>> refine(const IntervalSet<3>&, Workspace&);
template Result<IntervalSet<2>> coarsen(const IntervalSet<2>&, Workspace&);
template Result<IntervalSet<3>> coarsen(const IntervalSet<3>&, Workspace&);

}  // namespace subsetix::unfused
