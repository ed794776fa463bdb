#pragma once
// Shared shapes and the measurement helper of the benchmarks.
#include <benchmark/benchmark.h>

#include <functional>
#include <map>
#include <string>

#include "subsetix/core/shapes.hpp"
#include "subsetix/eval/counters.hpp"
#include "subsetix/memory/pool.hpp"

namespace bench {

namespace sx = subsetix;

/// A per-process cache of shapes, emptied when Kokkos finalizes (Views must not outlive it).
template <class Key, class Value>
std::map<Key, Value>& cache() {
  static std::map<Key, Value>* c = [] {
    subsetix::memory::default_pool<subsetix::DeviceMemory>();  // its finalize hook runs last
    auto* m = new std::map<Key, Value>();
    Kokkos::push_finalize_hook([m] { m->clear(); });
    return m;
  }();
  return *c;
}

/// The standard shapes, built once per process.
struct Shapes2D {
  sx::IntervalSet<2> a, b, c;
};
inline const Shapes2D& disks(int R) {
  auto& shapes = cache<int, Shapes2D>();
  auto it = shapes.find(R);
  if (it == shapes.end()) {
    const int h = R / 2;
    it = shapes
             .emplace(R,
                      Shapes2D{sx::shapes::disk(0, 0, R).value(), sx::shapes::disk(h, 0, R).value(),
                               sx::shapes::box<2>({-h, -h}, {R, h}).value()})
             .first;
  }
  return it->second;
}
/// Many intervals per row (~500K in all): concentric rings, and a checkerboard.
inline const Shapes2D& many_intervals() {
  auto& shapes = cache<int, Shapes2D>();
  auto it = shapes.find(-1);  // key -1: not a disk radius
  if (it == shapes.end())
    it = shapes
             .emplace(
                 -1, Shapes2D{sx::shapes::rings(0, 0, 1000, 4).value(),
                              sx::shapes::rings(2, 1, 1000, 4).value(),
                              sx::shapes::checkerboard<2>({-1000, -1000}, {1000, 1000}, 4).value()})
             .first;
  return it->second;
}
struct Shapes3D {
  sx::IntervalSet<3> a, b;
};
inline const Shapes3D& balls(int R) {
  auto& shapes = cache<int, Shapes3D>();
  auto it = shapes.find(R);
  if (it == shapes.end())
    it = shapes
             .emplace(R, Shapes3D{sx::shapes::ball(0, 0, 0, R).value(),
                                  sx::shapes::ball(R / 2, 0, 0, R).value()})
             .first;
  return it->second;
}

/// Times `evaluate` (which returns the result's interval count) and reports intervals per
/// second (inputs + output) and the Kokkos counters of one evaluation beside the time.
inline void measure(benchmark::State& state, std::int64_t input_intervals,
                    const std::function<std::int64_t()>& evaluate) {
  sx::install_kokkos_counters();
  std::int64_t output = 0;
  sx::KokkosCounts counts;
  for (auto _ : state) {
    sx::CountScope scope;
    output = evaluate();
    counts = scope.counts();
    Kokkos::fence();
  }
  state.SetItemsProcessed(state.iterations() * (input_intervals + output));
  state.counters["out_intervals"] = double(output);
  state.counters["kernels"] = double(counts.kernels);
  state.counters["library_kernels"] = double(counts.library_kernels);
  state.counters["fences"] = double(counts.fences);
  state.counters["allocations"] = double(counts.allocations);
}

}  // namespace bench
