#pragma once
/// \file
/// Compile-time limits of the sweep.

namespace subsetix::detail {

/// Taps one sweep can combine. Morphology with a larger radius is split into several passes.
inline constexpr int max_taps = 16;

}  // namespace subsetix::detail
