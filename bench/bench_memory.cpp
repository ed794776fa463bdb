// The pool against direct Kokkos allocation on RMM's random_allocations pattern (seeded;
// allocate with probability 0.7, free a random live block otherwise; sizes uniform up to a
// maximum), and unfused expressions with a cold vs a warm workspace.
#include <random>

#include "bench_common.hpp"
#include "subsetix/eval/string_eval.hpp"
#include "subsetix/memory/workspace.hpp"

namespace {

namespace sx = subsetix;
namespace mem = subsetix::memory;
using Space = sx::DeviceMemory;

struct Op {
  bool allocate;
  std::size_t size_or_index;
};

/// The operation sequence, fixed by the seed (generated outside the timed loop).
std::vector<Op> random_sequence(std::size_t count, std::size_t max_size, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Op> ops;
  std::size_t live = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (live == 0 || std::bernoulli_distribution(0.7)(rng)) {
      ops.push_back({true, std::uniform_int_distribution<std::size_t>(1, max_size)(rng)});
      ++live;
    } else {
      ops.push_back({false, std::uniform_int_distribution<std::size_t>(0, live - 1)(rng)});
      --live;
    }
  }
  return ops;
}

constexpr std::size_t max_size = std::size_t(1) << 20;  // 1 MiB

void RandomAllocationsPool(benchmark::State& state) {
  const auto ops = random_sequence(std::size_t(state.range(0)), max_size, 42);
  mem::PoolOptions options;
  options.max_bytes = std::size_t(64) << 30;
  mem::Pool<Space> pool(options);
  std::vector<mem::Block<Space>> live;
  live.reserve(ops.size());
  for (auto _ : state) {
    for (const auto& op : ops) {
      if (op.allocate) {
        live.push_back(pool.allocate(op.size_or_index, "bench").value());
      } else {
        std::swap(live[op.size_or_index], live.back());
        live.pop_back();
      }
    }
    state.PauseTiming();
    const auto s = pool.stats();
    state.counters["reuse_rate"] = s.reuse_rate();
    state.counters["external_fragmentation"] = s.external_fragmentation();
    state.counters["backend_allocations"] = double(s.backend_allocations);
    live.clear();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * std::int64_t(ops.size()));
}

void RandomAllocationsKokkos(benchmark::State& state) {
  const auto ops = random_sequence(std::size_t(state.range(0)), max_size, 42);
  std::vector<std::pair<void*, std::size_t>> live;
  live.reserve(ops.size());
  const Space space;
  for (auto _ : state) {
    for (const auto& op : ops) {
      if (op.allocate) {
        live.emplace_back(space.allocate("bench", op.size_or_index), op.size_or_index);
      } else {
        std::swap(live[op.size_or_index], live.back());
        space.deallocate("bench", live.back().first, live.back().second);
        live.pop_back();
      }
    }
    state.PauseTiming();
    for (auto& [p, n] : live) space.deallocate("bench", p, n);
    live.clear();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * std::int64_t(ops.size()));
}

BENCHMARK(RandomAllocationsPool)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);
BENCHMARK(RandomAllocationsKokkos)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMicrosecond);

const char* const expressions[] = {"(A | B) & C", "expand(A, 1) - A",
                                   "((A | B) & C) - translate(A, 3, 0)"};

/// An unfused expression at R = 1000. Warm: one workspace across iterations (its slots and the
/// pool's arenas are reused). Cold: a new pool and workspace per evaluation, as if nothing were
/// kept.
void Expression(benchmark::State& state, bool warm) {
  const auto& s = bench::disks(1000);
  sx::NamedSets names;
  names.bind("A", s.a);
  names.bind("B", s.b);
  names.bind("C", s.c);
  const auto e = sx::expr::parse(expressions[state.range(0)], names.dims()).value();
  sx::Workspace warm_ws;
  sx::install_kokkos_counters();
  sx::KokkosCounts counts;
  for (auto _ : state) {
    sx::CountScope scope;
    if (warm) {
      benchmark::DoNotOptimize(sx::eval_unfused(e, names, warm_ws).value());
    } else {
      mem::Pool<Space> pool;
      sx::Workspace ws(pool);
      benchmark::DoNotOptimize(sx::eval_unfused(e, names, ws).value());
      mem::default_pool<Space>().trim();  // results return their memory to the backend too
    }
    counts = scope.counts();
  }
  state.SetLabel(expressions[state.range(0)]);
  state.counters["allocations"] = double(counts.allocations);
  state.counters["kernels"] = double(counts.kernels);
  state.counters["fences"] = double(counts.fences);
}
void ExpressionWarm(benchmark::State& state) {
  Expression(state, true);
}
void ExpressionCold(benchmark::State& state) {
  Expression(state, false);
}
BENCHMARK(ExpressionWarm)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);
BENCHMARK(ExpressionCold)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);

}  // namespace
