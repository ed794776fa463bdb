// The kernels' data handle (src/eval/kernels/device_ptr.hpp): pointer semantics in every build,
// and in a bounds-checked build (-DSUBSETIX_BOUNDS_CHECK=ON, the asan preset) an access outside
// the array aborts with a message instead of reading or writing past it.
#include <gtest/gtest.h>

#include <array>

#include "eval/kernels/device_ptr.hpp"

namespace {

using subsetix::detail::DevicePtr;

TEST(DevicePtr, BehavesLikeAPointer) {
  std::array<int, 4> a{1, 2, 3, 4};
  DevicePtr<int> p(a.data(), 4);
  EXPECT_EQ(*p, 1);
  EXPECT_EQ(p[3], 4);
  DevicePtr<int> q = p + 2;
  EXPECT_EQ(q - p, 2);
  EXPECT_EQ(*q++, 3);
  EXPECT_EQ(*q, 4);
  *q = 7;
  EXPECT_EQ(a[3], 7);
  const DevicePtr<const int> c = p;
  EXPECT_EQ(c[3], 7);
  EXPECT_TRUE(p + 4 != p);  // one past the end may be formed, not read
}

TEST(DevicePtrDeathTest, AccessOutsideTheArrayAbortsWhenBoundsAreChecked) {
#ifdef SUBSETIX_BOUNDS_CHECK
  std::array<int, 4> a{};
  DevicePtr<int> p(a.data(), 3);  // the handle covers three elements
  EXPECT_DEATH((void)p[3], "out of bounds");
  EXPECT_DEATH((void)*(p + 5), "out of bounds");
  DevicePtr<int> q = p;
  EXPECT_DEATH((void)q[-1], "out of bounds");
#else
  GTEST_SKIP() << "built without SUBSETIX_BOUNDS_CHECK";
#endif
}

}  // namespace
