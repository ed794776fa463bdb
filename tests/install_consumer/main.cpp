// The README's example, built against the installed package.
#include <cstdio>

#include <subsetix/core/scope_guard.hpp>
#include <subsetix/core/shapes.hpp>
#include <subsetix/eval/eval.hpp>
#include <subsetix/eval/unfused.hpp>

namespace sx = subsetix;

int main(int argc, char* argv[]) {
  sx::ScopeGuard kokkos(argc, argv);
  auto A = sx::shapes::disk(0, 0, 100).value();
  auto B = sx::shapes::disk(50, 0, 100).value();
  auto C = sx::shapes::box<2>({-50, -50}, {100, 50}).value();

  sx::Workspace ws;
  auto ghosts = sx::eval(sx::expand(A, 2) - A, ws);
  auto clip = sx::eval((A | B) & C, ws);
  auto same = sx::eval_unfused((A | B) & C, ws);
  std::puts(sx::plan_of((A | B) & C).value().describe().c_str());
  auto reference = sx::unfused::set_difference(sx::unfused::expand(A, {2, 2}).value(), A).value();
  std::printf("ghost cells: %lld\n", static_cast<long long>(ghosts.num_cells));
  return sx::equal(clip, same) && sx::equal(ghosts, reference) && ghosts.num_cells > 0 ? 0 : 1;
}
