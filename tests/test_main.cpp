#include <gtest/gtest.h>

#include "subsetix/core/scope_guard.hpp"

int main(int argc, char* argv[]) {
  subsetix::ScopeGuard kokkos(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
