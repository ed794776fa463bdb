// Kokkos Tools counters see what Kokkos really did.
#include <gtest/gtest.h>

#include "subsetix/core/shapes.hpp"
#include "subsetix/eval/counters.hpp"
#include "subsetix/eval/unfused.hpp"
#include "subsetix/memory/workspace.hpp"

namespace {

namespace sx = subsetix;

TEST(Counters, CountKernelsFencesAndAllocations) {
  const auto a = sx::shapes::disk(0, 0, 100).value();
  const auto b = sx::shapes::disk(50, 0, 100).value();
  sx::Workspace ws;
  (void)sx::unfused::set_union(a, b, ws).value();  // warms the workspace and the pool
  sx::CountScope scope;
  const auto u = sx::unfused::set_union(a, b, ws).value();
  const auto c = scope.counts();
  // Status zero-fill, then count + scan + fill over chunks of the merged row lists; one host
  // read of the sizes; temporaries and result from warm pooled memory.
  EXPECT_EQ(c.library_kernels, 4u);
  EXPECT_EQ(c.kernels, c.library_kernels);  // unmanaged Views: no View init/destroy kernels
  EXPECT_EQ(c.fences, 1u);
  EXPECT_EQ(c.deep_copies, 1u);
  EXPECT_EQ(c.allocations, 0u);
  EXPECT_GT(u.num_cells, a.num_cells);
}

TEST(Counters, IntersectionIsOneStageToo) {
  const auto a = sx::shapes::disk(0, 0, 100).value();
  const auto b = sx::shapes::disk(50, 0, 10).value();
  sx::CountScope scope;
  (void)sx::unfused::set_intersection(a, b).value();
  EXPECT_EQ(scope.counts().library_kernels, 4u);  // status zero-fill, count, scan, fill
  EXPECT_EQ(scope.counts().fences, 1u);
}

TEST(Counters, AUserFenceIsKokkosOnlyAndSeenWhereKokkosReportsFences) {
  sx::CountScope scope;
  Kokkos::fence();
  EXPECT_EQ(scope.counts().fences, 0u);  // not a synchronisation subsetix asked for
  EXPECT_EQ(scope.counts().kokkos_fences, sx::kokkos_reports_fences() ? 1u : 0u);
  EXPECT_EQ(sx::kokkos_reports_fences(), KOKKOS_VERSION >= 30500);
}

TEST(Counters, HostCopiesCountOnePerDeepCopyAndPlansWithoutStagesNone) {
  const auto a = sx::shapes::disk(0, 0, 10).value();
  sx::CountScope scope;
  (void)sx::to_host(a);
  // Four arrays copied when device and host memory differ; none on host backends.
  const bool copies = !std::is_same_v<sx::DeviceMemory, sx::HostMemory>;
  EXPECT_EQ(scope.counts().fences, copies ? 4u : 0u);
}

}  // namespace
