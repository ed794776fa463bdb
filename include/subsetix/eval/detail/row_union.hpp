#pragma once
/// \file
/// The union of k sorted row-key lists, on the device, with its size left on the device:
/// 1. flag each entry that is the first occurrence of its key (earlier lists, earlier entries);
/// 2. exclusive scan of the flags;
/// 3. place each first occurrence at its rank = number of first occurrences with smaller keys,
///    summed over the lists by binary search.
/// Every list may contain duplicates (adjacent, as a sorted list does).

#include <string>

#include "subsetix/eval/detail/status.hpp"
#include "subsetix/eval/detail/tap.hpp"

namespace subsetix::detail {

template <int Dim, int KMAX>
struct RowUnion {
  CandidateList<Dim> lists[KMAX];
  index_t base[KMAX + 1];  ///< position of each list in the flattened index space
  int num_lists;
  Kokkos::View<index_t*, DeviceMemory> first_prefix;  ///< [total + 1]
  Kokkos::View<RowKey<Dim>*, DeviceMemory> out;
  StatusView status;

  KOKKOS_INLINE_FUNCTION void locate(index_t g, int& t, index_t& i) const {
    t = 0;
    while (g >= base[t + 1]) ++t;
    i = g - base[t];
  }

  KOKKOS_INLINE_FUNCTION bool is_first(index_t g) const {
    int t;
    index_t i;
    locate(g, t, i);
    if (i >= lists[t].size()) return false;  // past a device-sized list's end
    const WideKey<Dim> k = lists[t].at(i);
    if (!k.fits()) {
      for (int a = 0; a < Dim - 1; ++a)
        if (!fits_coord(k.c[a])) raise_overflow(status, Dim - 1 - a, k.c[a]);
      return false;
    }
    if (i > 0 && lists[t].at(i - 1).compare(k.narrow()) == 0) return false;
    for (int u = 0; u < t; ++u)
      if (lists[u].contains(k)) return false;
    return true;
  }

  KOKKOS_INLINE_FUNCTION void place(index_t g) const {
    if (first_prefix(g + 1) == first_prefix(g)) return;  // not a first occurrence
    int t;
    index_t i;
    locate(g, t, i);
    const WideKey<Dim> k = lists[t].at(i);
    index_t rank = 0;
    for (int u = 0; u < num_lists; ++u)
      rank += first_prefix(base[u] + lists[u].lower_bound(k)) - first_prefix(base[u]);
    out(rank) = k.narrow();
  }
};

/// Writes the union of `inputs.candidates` into `out` (capacity: the sum of the list bounds) and
/// its size into `status(slot_candidates)`. Three kernels (flag, scan, place), no host
/// synchronisation.
template <int Dim, int KMAX>
void row_union(const StageInputs<Dim, KMAX>& inputs, Kokkos::View<RowKey<Dim>*, DeviceMemory> out,
               Kokkos::View<index_t*, DeviceMemory> scratch, const StatusView& status,
               const std::string& label) {
  RowUnion<Dim, KMAX> u;
  u.num_lists = inputs.num_candidate_lists;
  u.base[0] = 0;
  for (int t = 0; t < u.num_lists; ++t) {
    u.lists[t] = inputs.candidates[t];
    u.base[t + 1] = u.base[t] + inputs.candidates[t].size_host;
  }
  for (int t = u.num_lists; t < KMAX; ++t) u.base[t + 1] = u.base[t];
  const index_t total = u.base[u.num_lists];
  u.first_prefix = scratch;
  u.out = out;
  u.status = status;

  // Flags are materialised first: the scan may visit an index more than once.
  Kokkos::parallel_for(
      label + "/row_union_flag", Kokkos::RangePolicy<ExecSpace>(0, total),
      KOKKOS_LAMBDA(const index_t g) { u.first_prefix(g) = u.is_first(g) ? 1 : 0; });
  Kokkos::parallel_scan(
      label + "/row_union_scan", Kokkos::RangePolicy<ExecSpace>(0, total),
      KOKKOS_LAMBDA(const index_t g, index_t& update, const bool final) {
        const index_t f = u.first_prefix(g);
        if (final) {
          u.first_prefix(g) = update;
          if (g == total - 1) {
            u.first_prefix(total) = update + f;
            u.status(slot_candidates) = update + f;
          }
        }
        update += f;
      });
  Kokkos::parallel_for(label + "/row_union_place", Kokkos::RangePolicy<ExecSpace>(0, total),
                       KOKKOS_LAMBDA(const index_t g) { u.place(g); });
}

}  // namespace subsetix::detail
