#pragma once
/// \file
/// Starting Kokkos for subsetix programs.

#include <cstdlib>

#include <Kokkos_Core.hpp>

namespace subsetix {

/// Kokkos::ScopeGuard that first sets OMP_PROC_BIND=false when the user left it unset: that is
/// the OpenMP runtime's default anyway, and it keeps Kokkos from printing a warning per run.
class ScopeGuard {
 public:
  /// Initialises Kokkos from the command line (`--kokkos-...` options); finalises it on
  /// destruction.
  ScopeGuard(int& argc, char* argv[]) : guard_((quiet_openmp(), argc), argv) {}

 private:
  static void quiet_openmp() { setenv("OMP_PROC_BIND", "false", 0); }
  Kokkos::ScopeGuard guard_;
};

}  // namespace subsetix
