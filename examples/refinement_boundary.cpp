// Refinement boundary: a threshold set T (cells where a "field" exceeds a threshold, here a
// ring) is refined; the fine cells whose 1-cell neighbourhood crosses into coarser cells are the
// boundary, where interpolation from the coarse level is needed.
#include <cstdio>

#include "subsetix/core/scope_guard.hpp"
#include "subsetix/core/shapes.hpp"
#include "subsetix/eval/eval.hpp"

namespace sx = subsetix;

int main(int argc, char* argv[]) {
  sx::ScopeGuard kokkos(argc, argv);
  const auto outer = sx::shapes::disk(0, 0, 80).value();
  const auto inner = sx::shapes::disk(10, 5, 50).value();
  sx::Workspace ws;
  const auto T = sx::eval(outer - inner, ws);     // the threshold set (level 0)
  const auto fine = sx::eval(sx::refine(T), ws);  // refined: level 1
  const auto boundary =
      sx::eval(fine - sx::shrink(fine, 1), ws);  // neighbourhood leaves the fine region
  const auto same = sx::eval_unfused(fine - sx::shrink(fine, 1), ws);
  std::printf(
      "threshold set: %lld cells; refined: %lld cells; refinement boundary: %lld fine cells\n",
      (long long)T.num_cells, (long long)fine.num_cells, (long long)boundary.num_cells);
  std::printf("fused and unfused agree: %s\n", sx::equal(boundary, same) ? "yes" : "NO");
  return sx::equal(boundary, same) && boundary.num_cells > 0 ? 0 : 1;
}
