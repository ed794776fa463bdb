// The demonstration: set expressions on built-in 2D and 3D shapes, with sizes, times and the
// Kokkos counters of each evaluation, and a picture of a 2D result.
//
//   demo [--radius R] [--output demo.png]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "subsetix/core/scope_guard.hpp"
#include "subsetix/core/shapes.hpp"
#include "subsetix/eval/counters.hpp"
#include "subsetix/eval/string_eval.hpp"
#include "subsetix/io/png.hpp"
#include "subsetix/memory/workspace.hpp"

namespace sx = subsetix;

struct Row {
  std::string name, text;
};

int main(int argc, char* argv[]) {
  sx::ScopeGuard kokkos(argc, argv);
  int radius = 1000;
  std::string output = "demo.png";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--radius")
      radius = std::atoi(argv[i + 1]);
    else if (flag == "--output")
      output = argv[i + 1];
  }
  const int R = radius, h = R / 2;

  // The shapes of the benchmarks: A, B two overlapping disks, C a box; P, Q two balls.
  sx::NamedSets names;
  names.bind("A", sx::shapes::disk(0, 0, R).value());
  names.bind("B", sx::shapes::disk(h, 0, R).value());
  names.bind("C", sx::shapes::box<2>({-h, -h}, {R, h}).value());
  names.bind("P", sx::shapes::ball(0, 0, 0, R / 10).value());
  names.bind("Q", sx::shapes::ball(R / 20, 0, 0, R / 10).value());

  const std::vector<Row> rows = {
      {"E1 union", "A | B"},
      {"E2 clip", "(A | B) & C"},
      {"E3 xor-ish", "(A - B) | (B - A) | C"},
      {"E4 ghost layer", "expand(A, 1) - A"},
      {"E5 mixed", "((A | B) & C) - translate(A, 3, 0)"},
      {"AMR round trip", "coarsen(refine(A)) ^ A"},
      {"3D shell", "P - shrink(P, 1)"},
      {"3D lens", "(P & Q) | translate(P, 0, 0, 5)"},
  };

  std::printf("subsetix demo — Kokkos %s, execution space %s, %d thread(s); R = %d\n",
              sx::kokkos_version().c_str(), sx::ExecSpace::name(), sx::ExecSpace().concurrency(),
              R);
  std::printf("times: best of 7 warm evaluations; counters: Kokkos Tools, one evaluation\n\n");
  std::printf("%-15s %-35s %3s %7s %9s %12s | %9s %4s %3s %3s | %9s %4s %3s %3s | %6s\n", "case",
              "expression", "dim", "rows", "intervals", "cells", "fused ms", "krnl", "fnc", "alc",
              "unfused", "krnl", "fnc", "alc", "speed");
  sx::install_kokkos_counters();
  sx::Workspace ws;
  sx::AnySet picture;
  struct Measured {
    double ms = 1e30;
    sx::KokkosCounts counts;
  };
  for (const auto& row : rows) {
    const auto parsed = sx::expr::parse(row.text, names.dims());
    if (!parsed) {
      std::fprintf(stderr, "%s\n", parsed.error().message().c_str());
      return 1;
    }
    const auto prepared = sx::prepare(parsed.value(), names).value();
    const auto plan = sx::plan_of(prepared).value();
    sx::Result<sx::AnySet> result = sx::make_error(sx::ErrorCode::invalid_argument, "");
    Measured engines[2];  // 0 fused, 1 unfused
    for (int engine = 0; engine < 2; ++engine)
      for (int rep = 0; rep < 8; ++rep) {
        const auto t0 = std::chrono::steady_clock::now();
        sx::CountScope scope;
        result = engine == 0 ? sx::eval_fused(prepared, plan, ws) : sx::eval_unfused(prepared, ws);
        const auto counts = scope.counts();
        Kokkos::fence();
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count();
        if (!result) {
          std::fprintf(stderr, "%s: %s\n", row.name.c_str(), result.error().message().c_str());
          return 1;
        }
        if (rep > 0) engines[engine].ms = std::min(engines[engine].ms, ms);  // rep 0 warms up
        engines[engine].counts = counts;
      }
    std::visit(
        [&](const auto& s) {
          auto u = [](std::uint64_t v) { return (unsigned long long)v; };
          std::printf(
              "%-15s %-35s %3d %7d %9d %12lld | %9.3f %4llu %3llu %3llu | %9.3f %4llu %3llu %3llu "
              "| %5.1fx\n",
              row.name.c_str(), row.text.c_str(), s.dim, s.num_rows, s.num_intervals,
              (long long)s.num_cells, engines[0].ms, u(engines[0].counts.kernels),
              u(engines[0].counts.fences), u(engines[0].counts.allocations), engines[1].ms,
              u(engines[1].counts.kernels), u(engines[1].counts.fences),
              u(engines[1].counts.allocations), engines[1].ms / engines[0].ms);
        },
        result.value());
    if (row.name == "E5 mixed") {
      picture = result.value();
      std::printf("%s", plan.describe().c_str());
    }
  }
  const auto& A = std::get<sx::IntervalSet<2>>(*names.find("A"));
  const auto& B = std::get<sx::IntervalSet<2>>(*names.find("B"));
  auto written =
      sx::io::write_png(output, {{A, {215, 215, 225}},
                                 {B, {190, 200, 215}},
                                 {std::get<sx::IntervalSet<2>>(picture), {30, 60, 160}}});
  if (!written) {
    std::fprintf(stderr, "%s\n", written.error().message().c_str());
    return 1;
  }
  std::printf("\nwrote %s: E5 = ((A | B) & C) - translate(A, 3, 0) in blue over A and B in grey\n",
              output.c_str());
  std::printf(
      "fused: the whole expression as sweep-scan-compact stages chained on the device, one host "
      "read;\n"
      "unfused: the reference, one stage and one host read per operation.\n");
  return 0;
}
