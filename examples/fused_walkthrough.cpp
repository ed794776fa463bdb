// Fused vs unfused, step by step: the plan of an expression (stages, taps, truth table,
// capacity bounds), then what Kokkos saw for each engine. The last expression is written over
// numbered inputs with compile-time arguments: its plan was made by the compiler.
#include <cstdio>

#include "subsetix/core/scope_guard.hpp"
#include "subsetix/core/shapes.hpp"
#include "subsetix/eval/counters.hpp"
#include "subsetix/eval/eval.hpp"

namespace sx = subsetix;

template <class Expr>
void walk(const char* text, const Expr& e, sx::Workspace& ws) {
  std::printf(
      "== %s%s\n%s", text,
      sx::detail::is_static_expr<sx::detail::owned_t<Expr>>() ? " (plan made at compile time)" : "",
      sx::plan_used(e).value().describe().c_str());
  (void)sx::eval(e, ws);  // warm the workspace and the pool
  (void)sx::eval_unfused(e, ws);
  sx::install_kokkos_counters();
  sx::CountScope fused_scope;
  const auto fused = sx::eval(e, ws);
  const auto f = fused_scope.counts();
  sx::CountScope unfused_scope;
  const auto unfused = sx::eval_unfused(e, ws);
  const auto u = unfused_scope.counts();
  std::printf("   fused:   %llu kernels, %llu fence(s), %llu allocation(s)\n",
              (unsigned long long)f.kernels, (unsigned long long)f.fences,
              (unsigned long long)f.allocations);
  std::printf("   unfused: %llu kernels, %llu fence(s), %llu allocation(s)\n",
              (unsigned long long)u.kernels, (unsigned long long)u.fences,
              (unsigned long long)u.allocations);
  std::printf("   same result: %s (%d rows, %d intervals)\n\n",
              sx::equal(fused, unfused) ? "yes" : "NO", fused.num_rows, fused.num_intervals);
}

int main(int argc, char* argv[]) {
  sx::ScopeGuard kokkos(argc, argv);
  const auto A = sx::shapes::disk(0, 0, 100).value();
  const auto B = sx::shapes::disk(50, 0, 100).value();
  const auto C = sx::shapes::box<2>({-50, -50}, {100, 50}).value();
  sx::Workspace ws;
  walk("(A | B) & C", (A | B) & C, ws);
  walk("expand(A, 1) - A", sx::expand(A, 1) - A, ws);
  walk("((A | B) & C) - translate(A, 3, 0)", ((A | B) & C) - sx::translate(A, 3, 0), ws);
  walk("expand(A & B, 2) (a split)", sx::expand(A & B, 2), ws);
  walk("coarsen(refine(A) | B)", sx::coarsen(sx::refine(A) | B), ws);
  const auto [a, b, c] = sx::inputs(A, B, C);
  walk("((a | b) & c) - translate(a, c<3>, c<0>)",
       ((a | b) & c) - sx::translate(a, sx::c<3>, sx::c<0>), ws);
  return 0;
}
