#include <benchmark/benchmark.h>

#include "subsetix/core/config.hpp"
#include "subsetix/core/scope_guard.hpp"

int main(int argc, char* argv[]) {
  subsetix::ScopeGuard kokkos(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::AddCustomContext("kokkos_version", std::to_string(KOKKOS_VERSION));
  benchmark::AddCustomContext("execution_space", subsetix::ExecSpace::name());
  benchmark::AddCustomContext("concurrency", std::to_string(subsetix::ExecSpace().concurrency()));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
