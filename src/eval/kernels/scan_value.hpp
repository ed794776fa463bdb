#pragma once
/// \file
/// A small vector of counters for `Kokkos::parallel_scan` (several prefix sums in one scan).

#include <Kokkos_Macros.hpp>

namespace subsetix::detail {

template <class T, int N>
struct ScanVec {
  T v[N];
  KOKKOS_INLINE_FUNCTION ScanVec() {
    for (int i = 0; i < N; ++i) v[i] = T(0);
  }
  KOKKOS_INLINE_FUNCTION ScanVec& operator+=(const ScanVec& o) {
    for (int i = 0; i < N; ++i) v[i] += o.v[i];
    return *this;
  }
  // Kokkos 3.x joins scan values through volatile references.
  KOKKOS_INLINE_FUNCTION void operator+=(const volatile ScanVec& o) volatile {
    for (int i = 0; i < N; ++i) v[i] = v[i] + o.v[i];
  }
};

/// Per-candidate-row counts of a stage: [0] non-empty rows, [1] intervals, [2] cells.
using RowCounts = ScanVec<std::int64_t, 3>;

}  // namespace subsetix::detail
