#pragma once
/// \file
/// Compile-time limits of the sweep.

namespace subsetix::detail {

/// Stages with at most this many taps use a sweep unrolled over a compile-time tap count.
inline constexpr int few_taps = 4;

}  // namespace subsetix::detail
