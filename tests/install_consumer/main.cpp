#include <iostream>

#include <subsetix/core/runtime.hpp>
#include <subsetix/core/shapes.hpp>
#include <subsetix/eval/unfused.hpp>

int main(int argc, char* argv[]) {
  subsetix::ScopeGuard kokkos(argc, argv);
  namespace sx = subsetix;
  const auto a = sx::shapes::disk(0, 0, 10).value();
  const auto ring = sx::unfused::set_difference(sx::unfused::expand(a, {1, 1}).value(), a).value();
  std::cout << "ring cells: " << ring.num_cells << "\n";
  return ring.num_cells > 0 ? 0 : 1;
}
