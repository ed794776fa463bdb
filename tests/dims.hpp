#pragma once
// The dimensions every Dim-generic typed test runs in.
#include <gtest/gtest.h>

#include <type_traits>

namespace testing_support {

using Dims = ::testing::Types<std::integral_constant<int, 2>, std::integral_constant<int, 3>>;

}  // namespace testing_support
