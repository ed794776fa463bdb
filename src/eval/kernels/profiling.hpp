#pragma once
/// \file
/// Named `Kokkos::Profiling` regions, so Kokkos Tools users see `subsetix::union`.

#include <string>

#include <Kokkos_Core.hpp>

namespace subsetix::detail {

/// RAII profiling region `subsetix::<name>` around an operation.
class ProfilingRegion {
 public:
  explicit ProfilingRegion(const std::string& name) {
    Kokkos::Profiling::pushRegion("subsetix::" + name);
  }
  ~ProfilingRegion() { Kokkos::Profiling::popRegion(); }
  ProfilingRegion(const ProfilingRegion&) = delete;
  ProfilingRegion& operator=(const ProfilingRegion&) = delete;
};

}  // namespace subsetix::detail
