#pragma once
/// \file
/// What Kokkos really did, counted through Kokkos Tools callbacks: kernels launched, fences,
/// deep copies and backend allocations.
///
/// `fences` counts host synchronisations: Tools fence events (Kokkos >= 3.5 reports them; tool
/// fences and the fences inside deep_copy are left out) plus deep copies into host memory
/// (Kokkos 3.4 reports no fences, and subsetix reads device values on the host only through
/// deep_copy, so every synchronisation is counted under any Kokkos version).
///
/// Kokkos 3.x also launches `Kokkos::View::initialization/destruction` kernels for managed
/// Views; they count in `kernels` but not in `library_kernels`. Set SUBSETIX_TRACE_KERNELS=1
/// to print every kernel label to stderr.

#include <cstdint>
#include <string>

namespace subsetix {

/// Kokkos events counted through Kokkos Tools callbacks since counting was installed.
struct KokkosCounts {
  std::uint64_t kernels = 0;          ///< parallel_for / reduce / scan launches, all of them
  std::uint64_t library_kernels = 0;  ///< those labelled `subsetix::...` (the plan's own)
  std::uint64_t fences = 0;           ///< host synchronisations (see above)
  std::uint64_t deep_copies = 0;      ///< all deep copies
  std::uint64_t allocations = 0;      ///< backend allocations (Kokkos allocate_data events)
  /// Bytes of those backend allocations.
  std::uint64_t allocated_bytes = 0;

  /// Events between two snapshots.
  KokkosCounts operator-(const KokkosCounts& o) const {
    return {kernels - o.kernels,         library_kernels - o.library_kernels,
            fences - o.fences,           deep_copies - o.deep_copies,
            allocations - o.allocations, allocated_bytes - o.allocated_bytes};
  }
};

/// Installs the callbacks (once; call after Kokkos::initialize). Safe to call repeatedly.
void install_kokkos_counters();

/// Totals since installation. Differences of two snapshots count one piece of work.
KokkosCounts kokkos_counts();

/// Counts the work done between construction and `counts()`.
class CountScope {
 public:
  CountScope() : start_((install_kokkos_counters(), kokkos_counts())) {}
  /// Events since this scope was created.
  KokkosCounts counts() const { return kokkos_counts() - start_; }

 private:
  KokkosCounts start_;
};

}  // namespace subsetix
