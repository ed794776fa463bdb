#include <charconv>
#include <fstream>
#include <sstream>

#include "subsetix/io/text_format.hpp"

namespace subsetix::io {
namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\f\v");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\f\v");
  return s.substr(first, last - first + 1);
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

}  // namespace

Result<TextRecords> parse_text(std::string_view content, std::string_view source) {
  TextRecords out;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  const std::string where(source);
  auto fail = [&](const auto&... parts) {
    return make_error(ErrorCode::malformed_input, where, ":", line_no, ": ", parts...);
  };
  while (pos <= content.size()) {
    const std::size_t eol = std::min(content.find('\n', pos), content.size());
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (const auto hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) {
      if (eol == content.size()) break;
      continue;
    }
    const auto words = split_words(line);
    if (words[0] == "dim") {
      if (words.size() != 2) return fail("expected `dim 2` or `dim 3`");
      int d = 0;
      const auto [p, ec] = std::from_chars(words[1].data(), words[1].data() + words[1].size(), d);
      if (ec != std::errc() || p != words[1].data() + words[1].size() || (d != 2 && d != 3))
        return fail("unknown dimension `", std::string(words[1]), "` (expected 2 or 3)");
      if (out.dim != 0 && out.dim != d)
        return fail("dimension redeclared as ", d, " after ", out.dim);
      if (out.dim == 0 && !out.records.empty()) return fail("`dim` must come before the data");
      out.dim = d;
    } else {
      if (out.dim == 0) return fail("data before the `dim` line (missing `dim 2` or `dim 3`)");
      const std::size_t expected = std::size_t(out.dim) + 1;
      if (words.size() != expected)
        return fail("expected ", expected, " integers for a ", out.dim, "D interval, found ",
                    words.size());
      std::array<coord_t, 4> rec{};
      for (std::size_t i = 0; i < expected; ++i) {
        long long v = 0;
        const auto w = words[i];
        const char* b = w.data();
        if (!w.empty() && w[0] == '+') ++b;
        const auto [p, ec] = std::from_chars(b, w.data() + w.size(), v);
        if (ec == std::errc::result_out_of_range ||
            (ec == std::errc() && !fits_coord(v) && p == w.data() + w.size()))
          return fail("value `", std::string(w), "` is outside the int32 range");
        if (ec != std::errc() || p != w.data() + w.size())
          return fail("`", std::string(w), "` is not an integer");
        rec[i] = coord_t(v);
      }
      const coord_t x0 = rec[expected - 2], x1 = rec[expected - 1];
      if (x0 >= x1) return fail("empty or inverted interval [", x0, ", ", x1, ") (need x0 < x1)");
      if (out.dim == 2) {  // normalise to {y, x0, x1, 0}
        rec[3] = 0;
      }
      out.records.push_back(rec);
    }
    if (eol == content.size()) break;
  }
  if (out.dim == 0)
    return make_error(ErrorCode::malformed_input, where,
                      ": missing `dim` line (expected `dim 2` or `dim 3`)");
  return out;
}

Result<TextRecords> read_text_records(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::io_failure, "cannot open `", path, "` for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_text(buffer.str(), path);
}

}  // namespace subsetix::io
