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
using ExecSpace = Kokkos::DefaultExecutionSpace;
#endif
/// Where sets live when they are computed on.
using DeviceMemory = ExecSpace::memory_space;
using HostMemory = Kokkos::HostSpace;

}  // namespace subsetix
