// AMR ghost layers on a two-level geometry: level 0 covers a disk, level 1 (twice finer) covers
// a smaller disk inside it. For each level, the ghost layer `expand(L, g) - L`; and the cells of
// level 1 that need values from level 0 (fine ghost cells not covered by level 1, seen on level 0).
#include <cstdio>

#include "subsetix/core/scope_guard.hpp"
#include "subsetix/core/shapes.hpp"
#include "subsetix/eval/eval.hpp"
#include "subsetix/io/png.hpp"

namespace sx = subsetix;

int main(int argc, char* argv[]) {
  sx::ScopeGuard kokkos(argc, argv);
  const int g = 2;  // ghost width in cells of each level
  const auto L0 = sx::shapes::disk(0, 0, 120).value();
  const auto L1 = sx::shapes::disk(60, 20, 110).value();  // level 1 coordinates (2x finer)
  sx::Workspace ws;

  const auto ghost0 = sx::eval(sx::expand(L0, g) - L0, ws);
  const auto ghost1 = sx::eval(sx::expand(L1, g) - L1, ws);
  // Fine ghosts lying where level 1 does not exist take their values from level 0: coarsen them
  // onto level 0 and keep what level 0 covers.
  const auto from_coarse = sx::eval(sx::coarsen(sx::expand(L1, g) - L1) & L0, ws);
  std::printf("level 0: %lld cells, ghost layer %lld cells\n", (long long)L0.num_cells,
              (long long)ghost0.num_cells);
  std::printf("level 1: %lld cells, ghost layer %lld cells\n", (long long)L1.num_cells,
              (long long)ghost1.num_cells);
  std::printf("level-0 cells feeding level-1 ghosts: %lld\n", (long long)from_coarse.num_cells);
  std::printf("%s",
              sx::plan_of(sx::coarsen(sx::expand(L1, g) - L1) & L0).value().describe().c_str());

  const char* out = argc > 1 ? argv[1] : "amr_ghost_layer.png";
  auto png = sx::io::write_png(out, {{L0, {220, 220, 230}},
                                     {sx::eval(sx::coarsen(L1), ws), {180, 195, 215}},
                                     {ghost0, {200, 60, 60}},
                                     {from_coarse, {30, 60, 160}}});
  if (!png) {
    std::fprintf(stderr, "%s\n", png.error().message().c_str());
    return 1;
  }
  std::printf("wrote %s\n", out);
  return ghost0.num_cells > 0 && from_coarse.num_cells > 0 ? 0 : 1;
}
