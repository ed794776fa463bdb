#pragma once
/// \file
/// A PNG picture of 2D sets (libpng), y pointing up. Layers are drawn in order over a white
/// background; the frame is the bounding box of all layers, scaled to about `max_pixels`.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "subsetix/core/error.hpp"
#include "subsetix/core/interval_set.hpp"

namespace subsetix::io {

/// One set drawn in one colour.
struct PngLayer {
  /// The set drawn.
  IntervalSet<2> set;
  /// Its colour.
  std::array<std::uint8_t, 3> rgb{30, 60, 160};
};

/// How sets are drawn.
struct PngOptions {
  int max_pixels = 800;  ///< longest side of the picture, at most
};

/// Draws 2D sets over the bounding box of all layers (later layers on top) into a PNG file.
Result<void> write_png(const std::string& path, const std::vector<PngLayer>& layers,
                       const PngOptions& options = {});

}  // namespace subsetix::io
