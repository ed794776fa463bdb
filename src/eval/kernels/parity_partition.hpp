#pragma once
/// \file
/// coarsen's first step: split a set's rows by the parity of their key into 2^(Dim-1) sorted
/// lists of coarse keys (one scan), and the stage that unions the taps "source row 2K + parity"
/// with intervals mapped to [b >> 1, (e + 1) >> 1).

#include <string>

#include "eval/kernels/scan_value.hpp"
#include "eval/kernels/stage.hpp"

namespace subsetix::detail {

/// Partitions rows [0, n) (n from `rows_device` when set) into `lists` (classes x bound) and
/// writes each list's size to `sizes[p]`.
template <int Dim>
void parity_partition(DevicePtr<const RowKey<Dim>> keys, index_t rows_bound,
                      const std::int64_t* rows_device, DevicePtr<RowKey<Dim>> lists,
                      std::int64_t* sizes, const std::string& label) {
  constexpr int classes = 1 << (Dim - 1);
  using Counts = ScanVec<index_t, classes>;
  Kokkos::parallel_scan(
      label + "/partition", Kokkos::RangePolicy<ExecSpace>(0, rows_bound),
      KOKKOS_LAMBDA(const index_t i, Counts& update, const bool final) {
        const index_t n = rows_device ? index_t(*rows_device) : rows_bound;
        if (i >= n) return;
        const RowKey<Dim> k = keys[i];
        int parity = 0;
        RowKey<Dim> coarse;
        for (int s = 0; s < Dim - 1; ++s) {
          parity |= (k.c[s] & 1) << s;
          coarse.c[s] = k.c[s] >> 1;  // arithmetic shift: floor division
        }
        if (final) {
          lists[std::size_t(parity) * std::size_t(rows_bound) + std::size_t(update.v[parity])] =
              coarse;
          if (i == n - 1)
            for (int p = 0; p < classes; ++p) sizes[p] = update.v[p] + (p == parity ? 1 : 0);
        }
        update.v[parity] += 1;
      });
}

/// The coarsening stage's inputs over a partitioned source.
template <int Dim, int KMAX>
StageInputs<Dim, KMAX> coarsen_inputs(const Tap<Dim>& source, DevicePtr<const RowKey<Dim>> lists,
                                      const std::int64_t* sizes) {
  constexpr int classes = 1 << (Dim - 1);
  static_assert(classes <= KMAX);
  StageInputs<Dim, KMAX> stage;
  for (int p = 0; p < classes; ++p) {
    Tap<Dim> tap = source;
    tap.key_scale = 2;
    for (int s = 0; s < Dim - 1; ++s) tap.key_offset[s] = (p >> s) & 1;
    tap.x_coarsen = true;
    stage.add_tap(tap);
    CandidateList<Dim> list;
    list.keys = lists + std::size_t(p) * std::size_t(source.rows);
    list.size_host = source.rows;
    list.size_device = sizes + p;
    stage.add_candidates(list);
  }
  return stage;
}

}  // namespace subsetix::detail
