#include "subsetix/io/png.hpp"

#include <png.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace subsetix::io {
namespace {

/// Maps cell coordinates to pixels: pixel = floor((c - origin) * num / den).
struct Scale {
  std::int64_t origin, num, den;
  std::int64_t first(std::int64_t c) const { return (c - origin) * num / den; }
  /// One past the last pixel touched by cells [b, e): at least one pixel per interval.
  std::int64_t last(std::int64_t e) const { return ((e - origin) * num + den - 1) / den; }
};

}  // namespace

Result<void> write_png(const std::string& path, const std::vector<PngLayer>& layers,
                       const PngOptions& options) {
  std::vector<HostIntervalSet<2>> hosts;
  std::int64_t x0 = INT64_MAX, x1 = INT64_MIN, y0 = INT64_MAX, y1 = INT64_MIN;
  for (const auto& layer : layers) {
    hosts.push_back(to_host(layer.set));
    const auto& h = hosts.back();
    if (h.num_rows == 0) continue;
    y0 = std::min<std::int64_t>(y0, h.row_keys(0).c[0]);
    y1 = std::max<std::int64_t>(y1, std::int64_t(h.row_keys(h.num_rows - 1).c[0]) + 1);
    for (index_t r = 0; r < h.num_rows; ++r) {
      x0 = std::min<std::int64_t>(x0, h.intervals(h.row_ptr(r)).begin);
      x1 = std::max<std::int64_t>(x1, h.intervals(h.row_ptr(r + 1) - 1).end);
    }
  }
  if (x0 > x1) x0 = x1 = y0 = y1 = 0;
  // One pixel margin around the frame.
  x0 -= 1, y0 -= 1, x1 += 1, y1 += 1;
  const std::int64_t extent = std::max(x1 - x0, y1 - y0);
  const std::int64_t max_px = std::max(16, options.max_pixels);
  std::int64_t num = 1, den = 1;
  if (extent <= max_px)
    num = std::max<std::int64_t>(1, max_px / extent);
  else
    den = (extent + max_px - 1) / max_px;
  const Scale sx{x0, num, den}, sy{y0, num, den};
  const std::int64_t width = sx.last(x1), height = sy.last(y1);

  std::vector<std::uint8_t> image(std::size_t(width * height * 3), 255);
  for (std::size_t l = 0; l < hosts.size(); ++l) {
    const auto& h = hosts[l];
    const auto rgb = layers[l].rgb;
    for (index_t r = 0; r < h.num_rows; ++r) {
      const std::int64_t y = h.row_keys(r).c[0];
      for (std::int64_t py = sy.first(y); py < sy.last(y + 1); ++py) {
        std::uint8_t* row = image.data() + (height - 1 - py) * width * 3;  // y up
        for (index_t j = h.row_ptr(r); j < h.row_ptr(r + 1); ++j)
          for (std::int64_t px = sx.first(h.intervals(j).begin); px < sx.last(h.intervals(j).end);
               ++px)
            std::copy(rgb.begin(), rgb.end(), row + px * 3);
      }
    }
  }

  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!file) return make_error(ErrorCode::io_failure, "cannot open `", path, "` for writing");
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) {
    png_destroy_write_struct(&png, &info);
    return make_error(ErrorCode::io_failure, "libpng could not start writing `", path, "`");
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return make_error(ErrorCode::io_failure, "libpng failed writing `", path, "`");
  }
  png_init_io(png, file.get());
  png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_RGB,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  for (std::int64_t y = 0; y < height; ++y) png_write_row(png, image.data() + y * width * 3);
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return boost::outcome_v2::success();
}

}  // namespace subsetix::io
