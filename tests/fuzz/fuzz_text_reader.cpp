// libFuzzer target: the text-format parser must return a result or an error, never crash,
// and what it accepts must satisfy the format's rules.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "subsetix/io/text_format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = subsetix::io::parse_text(text, "fuzz.txt");
  if (parsed) {
    const auto& r = parsed.value();
    if (r.dim != 2 && r.dim != 3) std::abort();
    for (const auto& rec : r.records)
      if (rec[std::size_t(r.dim) - 1] >= rec[std::size_t(r.dim)]) std::abort();  // x0 < x1
  } else if (parsed.error().message().find("fuzz.txt") == std::string::npos) {
    std::abort();  // every error names the file
  }
  return 0;
}
