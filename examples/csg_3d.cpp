// 3D constructive solid geometry: a part made of balls and boxes with unions and differences,
// and its one-cell shell `P - shrink(P, 1)`, written to VTK for ParaView.
#include <cstdio>

#include "subsetix/core/scope_guard.hpp"
#include "subsetix/core/shapes.hpp"
#include "subsetix/eval/eval.hpp"
#include "subsetix/io/vtk.hpp"

namespace sx = subsetix;

int main(int argc, char* argv[]) {
  sx::ScopeGuard kokkos(argc, argv);
  const auto body = sx::shapes::box<3>({-30, -20, -10}, {30, 20, 10}).value();
  const auto dome = sx::shapes::ball(0, 0, 10, 18).value();
  const auto hole = sx::shapes::ball(-20, 0, 0, 8).value();
  const auto slot = sx::shapes::box<3>({10, -4, -12}, {24, 4, 12}).value();
  sx::Workspace ws;
  const auto part = sx::eval((body | dome) - hole - slot, ws);
  const auto shell = sx::eval(part - sx::shrink(part, 1), ws);
  std::printf("part: %lld cells in %d rows; shell: %lld cells\n", (long long)part.num_cells,
              part.num_rows, (long long)shell.num_cells);
  const char* out = argc > 1 ? argv[1] : "csg_shell.vtk";
  if (auto r = sx::io::write_vtk(out, shell); !r) {
    std::fprintf(stderr, "%s\n", r.error().message().c_str());
    return 1;
  }
  std::printf("wrote %s (open it in ParaView)\n", out);
  return shell.num_cells > 0 && shell.num_cells < part.num_cells ? 0 : 1;
}
