#pragma once
/// \file
/// What happened during a piece of work: host synchronisations counted by the library itself,
/// and kernels, fences, deep copies and backend allocations as Kokkos Tools report them.
///
/// - `fences` counts the host synchronisations subsetix asks for — every deep copy of device
///   data into host memory (an evaluation's status read, `to_host`) and every fence it issues —
///   at the call (core/host_sync.hpp), so it is exact on every Kokkos version. A fused
///   evaluation is 1, a plan without stages 0, the unfused engine one per operation.
/// - `kokkos_fences` counts every fence event Kokkos Tools reported, none filtered out (fences
///   inside a deep_copy, `Kokkos::Impl::...` fences and a tool's own fences included). Kokkos
///   3.4 reports no fences to tools: see kokkos_reports_fences().
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
  std::uint64_t fences = 0;           ///< host synchronisations subsetix asked for (see above)
  std::uint64_t kokkos_fences = 0;    ///< fence events Kokkos Tools reported, all of them
  std::uint64_t deep_copies = 0;      ///< all deep copies
  std::uint64_t allocations = 0;      ///< backend allocations (Kokkos allocate_data events)
  /// Bytes of those backend allocations.
  std::uint64_t allocated_bytes = 0;

  /// Events between two snapshots.
  KokkosCounts operator-(const KokkosCounts& o) const {
    return {kernels - o.kernels,
            library_kernels - o.library_kernels,
            fences - o.fences,
            kokkos_fences - o.kokkos_fences,
            deep_copies - o.deep_copies,
            allocations - o.allocations,
            allocated_bytes - o.allocated_bytes};
  }
};

/// True when the Kokkos in use reports fences to tools (Kokkos >= 3.5), so that
/// `kokkos_fences` sees every fence; false on Kokkos 3.4, where it stays 0.
bool kokkos_reports_fences();

/// The Kokkos version in use, e.g. "3.4.1".
std::string kokkos_version();

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
