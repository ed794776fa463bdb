#pragma once
/// \file
/// A stage: k taps combined by a predicate over candidate rows, as a row program for
/// count-scan-fill. `run_stage` is the synchronous form used by the reference operations.

#include <string>

#include "subsetix/eval/detail/count_scan_fill.hpp"
#include "subsetix/eval/detail/row_union.hpp"

namespace subsetix::detail {

/// The row program of a stage: sweep the taps on each candidate row.
template <int Dim, int KMAX, class Predicate>
struct SweepRows {
  StageInputs<Dim, KMAX> in;
  Predicate predicate;
  CandidateList<Dim> candidates;

  KOKKOS_INLINE_FUNCTION index_t size() const { return candidates.size(); }
  KOKKOS_INLINE_FUNCTION WideKey<Dim> key(index_t i) const { return candidates.at(i); }
  template <class Sink>
  KOKKOS_INLINE_FUNCTION void row(const RowKey<Dim>& k, Sink& sink) const {
    sweep_row(in, k, predicate, sink);
  }
};

/// Runs one stage synchronously and returns its canonical result. Kernels are labelled
/// `subsetix::<name>/row_union_flag`, `.../count`, `.../scan`, `.../fill`.
template <int Dim, int KMAX, class Predicate>
Result<IntervalSet<Dim>> run_stage(const StageInputs<Dim, KMAX>& in, const Predicate& predicate,
                                   const std::string& name) {
  ProfilingRegion region(name);
  const std::string label = "subsetix::" + name;
  std::int64_t bound = 0;
  for (int i = 0; i < in.num_candidate_lists; ++i) bound += in.candidates[i].size_host;
  if (bound >= std::int64_t(INT32_MAX))
    return make_error(ErrorCode::capacity_exceeded, name, ": ", bound,
                      " candidate rows exceed the int32 index range");
  if (bound == 0) return IntervalSet<Dim>::empty_set(label);

  const StatusView status = make_status(label);
  SweepRows<Dim, KMAX, Predicate> rows{in, predicate, in.candidates[0]};
  Kokkos::View<RowKey<Dim>*, DeviceMemory> union_keys;
  if (in.num_candidate_lists > 1) {
    union_keys = Kokkos::View<RowKey<Dim>*, DeviceMemory>(
        Kokkos::view_alloc(Kokkos::WithoutInitializing, label + ".candidates"), bound);
    Kokkos::View<index_t*, DeviceMemory> scratch(
        Kokkos::view_alloc(Kokkos::WithoutInitializing, label + ".row_union"), bound + 1);
    row_union(in, union_keys, scratch, status, label);
    rows.candidates = CandidateList<Dim>{};
    rows.candidates.keys = union_keys.data();
    rows.candidates.size_host = index_t(bound);
    rows.candidates.size_device = status.data() + slot_candidates;
  }
  return count_scan_fill<Dim>(rows, index_t(bound), status, name);
}

}  // namespace subsetix::detail
