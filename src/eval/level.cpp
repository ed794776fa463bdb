// AMR level changes by a factor of 2.
// refine: a pure map (sizes known on the host); each input row has 2^(Dim-1) children whose
//   output positions are ranks computed from prefix sums and binary searches.
// coarsen: rows are split by the parity of their key into 2^(Dim-1) sorted lists; the stage
//   then unions the taps "source row 2K + parity", each interval mapped to [b>>1, (e+1)>>1).
#include "eval/kernels/limits.hpp"
#include "eval/kernels/parity_partition.hpp"
#include "eval/kernels/refine_rows.hpp"
#include "subsetix/eval/unfused.hpp"

namespace subsetix::unfused {

template <int Dim>
Result<IntervalSet<Dim>> refine(const IntervalSet<Dim>& a, Workspace& ws) {
  constexpr int children = 1 << (Dim - 1);
  if (a.empty()) return a;
  const std::int64_t out_intervals = std::int64_t(a.num_intervals) * children;
  const std::int64_t out_rows = std::int64_t(a.num_rows) * children;
  if (out_intervals >= INT32_MAX || a.num_cells > (INT64_MAX >> Dim))
    return make_error(ErrorCode::capacity_exceeded, "refine: ", out_intervals,
                      " result intervals exceed the int32 index range");
  const std::string label = "subsetix::refine";
  detail::ProfilingRegion region("refine");
  auto scope = ws.scope();
  auto allocated = IntervalSet<Dim>::allocate(index_t(out_rows), index_t(out_intervals), label);
  if (!allocated) return allocated.error();
  auto out = std::move(allocated).value();
  out.num_cells = a.num_cells << Dim;
  auto made = detail::make_status(ws, label);
  if (!made) return made.error();
  using detail::device_ptr;
  const detail::RefineRows<Dim> map{device_ptr(a.row_keys),
                                    device_ptr(a.row_ptr),
                                    device_ptr(a.intervals),
                                    device_ptr(a.cell_offsets),
                                    a.num_rows,
                                    nullptr,
                                    detail::OutputArrays<Dim>::of(out),
                                    made.value(),
                                    -1};
  Kokkos::parallel_for(label + "/map", Kokkos::RangePolicy<ExecSpace>(0, a.num_rows + 1), map);
  auto checked = detail::read_status(made.value(), ws, Dim, "refine");
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
  auto lists = ws.take<RowKey<Dim>>(std::size_t(n) * classes, {label, ".parity_lists"});
  auto sizes = ws.take<std::int64_t>(classes, {label, ".parity_sizes"});
  if (!lists) return lists.error();
  if (!sizes) return sizes.error();
  const auto list_keys = detail::device_ptr(lists.value());
  detail::parity_partition<Dim>(detail::device_ptr(a.row_keys), n, nullptr, list_keys,
                                sizes.value().data(), label);
  const auto stage = detail::coarsen_inputs<Dim, detail::few_taps>(detail::Tap<Dim>::of(a),
                                                                   list_keys, sizes.value().data());
  return detail::run_stage<detail::XKind::general, detail::CandidateKind::lists>(
      stage, detail::AnyOf{}, ws, "coarsen");
}

template Result<IntervalSet<2>> refine(const IntervalSet<2>&, Workspace&);
template Result<IntervalSet<3>> refine(const IntervalSet<3>&, Workspace&);
template Result<IntervalSet<2>> coarsen(const IntervalSet<2>&, Workspace&);
template Result<IntervalSet<3>> coarsen(const IntervalSet<3>&, Workspace&);

}  // namespace subsetix::unfused
