// The reference (unfused) operations on the standard shapes: disks R = 100, 1000, 4000; rings
// and a checkerboard with ~500K intervals; balls R = 100, 200.
#include "bench_common.hpp"
#include "subsetix/eval/unfused.hpp"

namespace {

namespace sx = subsetix;
namespace op = subsetix::unfused;
using bench::measure;

enum Op { Union, Intersection, Difference, Xor, Translate, Expand, Shrink, Refine, Coarsen };

template <int Dim>
std::int64_t apply(Op o, const sx::IntervalSet<Dim>& a, const sx::IntervalSet<Dim>& b) {
  sx::Point<Dim> one, shift;
  one.fill(1);
  shift.fill(0);
  shift[0] = 3;
  shift[1] = 2;
  switch (o) {
    case Union:
      return op::set_union(a, b).value().num_intervals;
    case Intersection:
      return op::set_intersection(a, b).value().num_intervals;
    case Difference:
      return op::set_difference(a, b).value().num_intervals;
    case Xor:
      return op::set_symmetric_difference(a, b).value().num_intervals;
    case Translate:
      return op::translate(a, shift).value().num_intervals;
    case Expand:
      return op::expand(a, one).value().num_intervals;
    case Shrink:
      return op::shrink(a, one).value().num_intervals;
    case Refine:
      return op::refine(a).value().num_intervals;
    case Coarsen:
      return op::coarsen(a).value().num_intervals;
  }
  return 0;
}
bool binary(Op o) {
  return o <= Xor;
}

void Disks(benchmark::State& state) {
  const auto o = Op(state.range(0));
  const auto& s = bench::disks(int(state.range(1)));
  measure(state, s.a.num_intervals + (binary(o) ? s.b.num_intervals : 0),
          [&] { return apply<2>(o, s.a, s.b); });
}
void ManyIntervals(benchmark::State& state) {
  const auto o = Op(state.range(0));
  const auto& s = bench::many_intervals();
  const auto& a = state.range(1) == 0 ? s.a : s.c;  // 0: rings, 1: checkerboard
  const auto& b = state.range(1) == 0 ? s.b : s.a;
  measure(state, a.num_intervals + (binary(o) ? b.num_intervals : 0),
          [&] { return apply<2>(o, a, b); });
}
void Balls(benchmark::State& state) {
  const auto o = Op(state.range(0));
  const auto& s = bench::balls(int(state.range(1)));
  measure(state, s.a.num_intervals + (binary(o) ? s.b.num_intervals : 0),
          [&] { return apply<3>(o, s.a, s.b); });
}

void all_ops(benchmark::internal::Benchmark* b, std::initializer_list<int> sizes) {
  b->ArgNames({"op", "size"});
  for (int o = Union; o <= Coarsen; ++o)
    for (int n : sizes) b->Args({o, n});
  b->Unit(benchmark::kMicrosecond);
}

BENCHMARK(Disks)->Apply([](auto* b) { all_ops(b, {100, 1000, 4000}); });
BENCHMARK(ManyIntervals)->Apply([](auto* b) { all_ops(b, {0, 1}); });
BENCHMARK(Balls)->Apply([](auto* b) { all_ops(b, {100, 200}); });

}  // namespace
