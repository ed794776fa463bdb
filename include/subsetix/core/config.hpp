#pragma once
/// \file
/// Which Kokkos execution space subsetix runs on (chosen at configure time with
/// `-DSUBSETIX_EXECUTION_SPACE=Serial|OpenMP|Default`).

#include <Kokkos_Core.hpp>

namespace subsetix {

#if defined(SUBSETIX_EXECUTION_SPACE_Serial)
using ExecSpace = Kokkos::Serial;
#elif defined(SUBSETIX_EXECUTION_SPACE_OpenMP)
using ExecSpace = Kokkos::OpenMP;
#else
/// The Kokkos execution space every kernel runs on.
using ExecSpace = Kokkos::DefaultExecutionSpace;
#endif
/// Where sets live when they are computed on.
using DeviceMemory = ExecSpace::memory_space;
/// Host memory, for sets read back or built on the host.
using HostMemory = Kokkos::HostSpace;

}  // namespace subsetix
