#include "subsetix/io/pbm.hpp"

#include <fstream>
#include <sstream>

#include "subsetix/core/build.hpp"

namespace subsetix::io {
namespace {

/// Reads the next header integer, skipping white space and `#` comments.
bool next_int(std::string_view s, std::size_t& pos, std::int64_t& value) {
  for (;;) {
    while (pos < s.size() && std::isspace(static_cast<unsigned char>(s[pos]))) ++pos;
    if (pos < s.size() && s[pos] == '#') {
      while (pos < s.size() && s[pos] != '\n') ++pos;
      continue;
    }
    break;
  }
  if (pos >= s.size() || !std::isdigit(static_cast<unsigned char>(s[pos]))) return false;
  value = 0;
  while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
    value = value * 10 + (s[pos++] - '0');
    if (value > (1 << 24)) return false;
  }
  return true;
}

}  // namespace

Result<IntervalSet<2>> parse_pbm(std::string_view s, const std::string& source) {
  if (s.size() < 2 || s[0] != 'P' || (s[1] != '1' && s[1] != '4'))
    return make_error(ErrorCode::malformed_input, source, ": not a PBM file (expected P1 or P4)");
  const bool binary = s[1] == '4';
  std::size_t pos = 2;
  std::int64_t width = 0, height = 0;
  if (!next_int(s, pos, width) || !next_int(s, pos, height) || width <= 0 || height <= 0)
    return make_error(ErrorCode::malformed_input, source, ": bad PBM width/height");
  std::vector<RowInterval<2>> items;
  auto add_run = [&](std::int64_t row, std::int64_t b, std::int64_t e) {
    items.push_back({RowKey<2>{{coord_t(height - 1 - row)}}, Interval{coord_t(b), coord_t(e)}});
  };
  if (binary) {
    ++pos;  // the single white-space byte after the header
    const std::size_t stride = std::size_t((width + 7) / 8);
    if (s.size() < pos + stride * std::size_t(height))
      return make_error(ErrorCode::malformed_input, source, ": PBM pixel data is truncated");
    for (std::int64_t row = 0; row < height; ++row) {
      std::int64_t run = -1;
      for (std::int64_t col = 0; col <= width; ++col) {
        const bool black =
            col < width &&
            (static_cast<unsigned char>(s[pos + row * stride + col / 8]) >> (7 - col % 8)) & 1;
        if (black && run < 0) run = col;
        if (!black && run >= 0) add_run(row, run, col), run = -1;
      }
    }
  } else {
    for (std::int64_t row = 0; row < height; ++row) {
      std::int64_t run = -1;
      for (std::int64_t col = 0; col <= width; ++col) {
        bool black = false;
        if (col < width) {
          while (pos < s.size() &&
                 (std::isspace(static_cast<unsigned char>(s[pos])) || s[pos] == '#')) {
            if (s[pos] == '#')
              while (pos < s.size() && s[pos] != '\n') ++pos;
            else
              ++pos;
          }
          if (pos >= s.size() || (s[pos] != '0' && s[pos] != '1'))
            return make_error(ErrorCode::malformed_input, source, ": PBM pixel (", col, ", ", row,
                              ") is missing or not 0/1");
          black = s[pos++] == '1';
        }
        if (black && run < 0) run = col;
        if (!black && run >= 0) add_run(row, run, col), run = -1;
      }
    }
  }
  return from_intervals(std::move(items));
}

Result<IntervalSet<2>> read_pbm(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::io_failure, "cannot open `", path, "` for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_pbm(buffer.str(), path);
}

}  // namespace subsetix::io
