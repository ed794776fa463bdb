#pragma once
/// \file
/// The library's own host synchronisations, counted where it asks for them: every deep copy of
/// device data into host memory and every fence subsetix issues calls count_host_sync(), so
/// the count (KokkosCounts::fences, eval/counters.hpp) is exact on every Kokkos version, whether
/// or not Kokkos reports fences to tools.

#include <cstdint>

namespace subsetix::detail {

/// Records `n` host synchronisations the library is about to perform.
void count_host_sync(std::uint64_t n = 1);
/// Host synchronisations recorded since the program started.
std::uint64_t host_syncs();

}  // namespace subsetix::detail
