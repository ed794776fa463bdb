// Fused vs unfused, side by side, on the issue's expressions:
//   E1 = A | B; E2 = (A | B) & C; E3 = (A - B) | (B - A) | C; E4 = expand(A, 1) - A;
//   E5 = ((A | B) & C) - translate(A, 3, 0)
// over disks (A = disk((0,0), R), B = disk((R/2,0), R), C = box [-R/2, R) x [-R/2, R/2)) for
// R = 100, 1000, 4000; rings with ~250 intervals per row (~500K intervals); and 3D balls.
// Three engines: unfused (fused:0), fused with the plan lowered at run time (fused:1), fused
// with the plan lowered at compile time (fused:2, numbered inputs and sx::c<> arguments).
// Reported beside the time: kernels, fences, backend allocations, and the effective bandwidth
// (input + output bytes / time), with a device copy of the same bytes for reference.
#include "bench_common.hpp"
#include "subsetix/eval/eval.hpp"

namespace {

namespace sx = subsetix;

template <int Dim>
std::int64_t bytes_of(const sx::IntervalSet<Dim>& s) {
  return std::int64_t(s.num_rows) * std::int64_t(sizeof(sx::RowKey<Dim>) + sizeof(sx::index_t)) +
         std::int64_t(s.num_intervals) *
             std::int64_t(sizeof(sx::Interval) + sizeof(sx::cell_count_t));
}

template <int Dim>
struct Inputs {
  sx::IntervalSet<Dim> a, b, c;
};

/// Which engine evaluates: the unfused reference operations, the fused engine with the plan
/// lowered at run time (expressions over plain sets), or with the plan lowered at compile time
/// (numbered inputs, compile-time arguments: only the capacity pass runs per evaluation).
enum Engine { unfused = 0, fused_runtime_plan = 1, fused_compile_time_plan = 2 };

/// The issue's five expressions over (a, b, c), with the radius and the shift as `one` and
/// `three` (ints, or compile-time constants sx::c<1>, sx::c<3>).
template <int Dim, class SA, class SB, class SC, class One, class Three, class Zero, class Go>
void expression(long which, const SA& a, const SB& b, const SC& c, One one, Three three, Zero zero,
                Go&& go) {
  auto shifted = [&](const auto& s) {
    if constexpr (Dim == 2)
      return sx::translate(s, three, zero);
    else
      return sx::translate(s, three, zero, zero);
  };
  switch (which) {
    case 1:
      return go(a | b);
    case 2:
      return go((a | b) & c);
    case 3:
      return go((a - b) | (b - a) | c);
    case 4:
      return go(sx::expand(a, one) - a);
    default:
      return go(((a | b) & c) - shifted(a));
  }
}

template <int Dim>
void run(benchmark::State& state, const Inputs<Dim>& in, Engine engine) {
  const auto &A = in.a, &B = in.b, &C = in.c;
  sx::Workspace ws;
  sx::install_kokkos_counters();
  auto go = [&](const auto& e) {
    std::int64_t out_bytes = 0;
    sx::KokkosCounts counts;
    for (auto _ : state) {
      sx::CountScope scope;
      const auto r = engine == unfused ? sx::eval_unfused(e, ws) : sx::eval(e, ws);
      counts = scope.counts();
      Kokkos::fence();
      out_bytes = bytes_of(r);
      benchmark::DoNotOptimize(r.num_cells);
    }
    const std::int64_t in_bytes = bytes_of(A) + bytes_of(B) + bytes_of(C);
    state.SetBytesProcessed(state.iterations() * (in_bytes + out_bytes));
    state.counters["kernels"] = double(counts.kernels);
    state.counters["fences"] = double(counts.fences);
    state.counters["allocations"] = double(counts.allocations);
  };
  if (engine == fused_compile_time_plan) {
    const auto [a, b, c] = sx::inputs(A, B, C);
    expression<Dim>(state.range(0), a, b, c, sx::c<1>, sx::c<3>, sx::c<0>, go);
  } else {
    expression<Dim>(state.range(0), A, B, C, 1, 3, 0, go);
  }
  static const char* const names[] = {"unfused", "fused", "fused, compile-time plan"};
  state.SetLabel(std::string(names[engine]) + " E" + std::to_string(state.range(0)));
}

const Inputs<2>& disks(int R) {
  auto& cache = bench::cache<int, Inputs<2>>();
  auto it = cache.find(R);
  if (it == cache.end()) {
    const auto& s = bench::disks(R);
    it = cache.emplace(R, Inputs<2>{s.a, s.b, s.c}).first;
  }
  return it->second;
}
const Inputs<2>& rings() {
  auto& cache = bench::cache<int, Inputs<2>>();
  auto it = cache.find(-1);
  if (it == cache.end()) {
    const auto& s = bench::many_intervals();
    it =
        cache
            .emplace(-1, Inputs<2>{s.a, s.b, sx::shapes::box<2>({-500, -500}, {1000, 500}).value()})
            .first;
  }
  return it->second;
}
const Inputs<3>& balls(int R) {
  auto& cache = bench::cache<int, Inputs<3>>();
  auto it = cache.find(R);
  if (it == cache.end()) {
    const auto& s = bench::balls(R);
    it = cache
             .emplace(
                 R,
                 Inputs<3>{s.a, s.b,
                           sx::shapes::box<3>({-R / 2, -R / 2, -R / 2}, {R, R / 2, R / 2}).value()})
             .first;
  }
  return it->second;
}

void Disks(benchmark::State& s) {
  run<2>(s, disks(int(s.range(1))), Engine(s.range(2)));
}
void Rings(benchmark::State& s) {
  run<2>(s, rings(), Engine(s.range(2)));
}
void Balls(benchmark::State& s) {
  run<3>(s, balls(int(s.range(1))), Engine(s.range(2)));
}

/// The engines per expression; the compile-time plan only where host time is a visible part
/// of an evaluation (on large inputs it differs from the run-time plan by microseconds).
void expressions(benchmark::internal::Benchmark* b, std::initializer_list<int> sizes,
                 bool compile_time_plan) {
  b->ArgNames({"E", "R", "fused"});
  for (int n : sizes)
    for (int e = 1; e <= 5; ++e)
      for (int engine : {unfused, fused_runtime_plan, fused_compile_time_plan})
        if (engine != fused_compile_time_plan || compile_time_plan) b->Args({e, n, engine});
  b->Unit(benchmark::kMicrosecond);
}
BENCHMARK(Disks)->Apply([](auto* b) { expressions(b, {100, 1000, 4000}, true); });
BENCHMARK(Rings)->Apply([](auto* b) { expressions(b, {1000}, false); });
BENCHMARK(Balls)->Apply([](auto* b) { expressions(b, {100}, false); });

/// The reference for bandwidth: copying bytes on the device (one kernel).
void DeviceCopy(benchmark::State& state) {
  const std::size_t n = std::size_t(state.range(0)) / sizeof(std::int64_t);
  Kokkos::View<std::int64_t*, sx::DeviceMemory> src("src", n), dst("dst", n);
  for (auto _ : state) {
    Kokkos::parallel_for(
        "copy", Kokkos::RangePolicy<sx::ExecSpace>(0, n),
        KOKKOS_LAMBDA(const std::size_t i) { dst(i) = src(i); });
    Kokkos::fence();
  }
  state.SetBytesProcessed(state.iterations() * std::int64_t(2 * n * sizeof(std::int64_t)));
}
BENCHMARK(DeviceCopy)->Arg(1 << 16)->Arg(1 << 20)->Arg(16 << 20)->Unit(benchmark::kMicrosecond);

}  // namespace
