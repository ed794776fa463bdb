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

struct PngLayer {
  IntervalSet<2> set;
  std::array<std::uint8_t, 3> rgb{30, 60, 160};
};

struct PngOptions {
  int max_pixels = 800;  ///< longest side of the picture, at most
};

Result<void> write_png(const std::string& path, const std::vector<PngLayer>& layers,
                       const PngOptions& options = {});

}  // namespace subsetix::io
