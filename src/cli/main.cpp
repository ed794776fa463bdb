#include <iostream>

#include "subsetix/core/scope_guard.hpp"

#include "commands.hpp"

int main(int argc, char* argv[]) {
  subsetix::ScopeGuard kokkos(argc, argv);  // consumes --kokkos-* options
  std::vector<std::string> args(argv + 1, argv + argc);
  return subsetix::cli::run(args, std::cout, std::cerr);
}
