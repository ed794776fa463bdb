// libFuzzer target: the expression parser must return an AST or a positioned error, never
// crash; an accepted expression prints back to text that parses to the same expression.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "subsetix/expr/parse.hpp"

namespace {
int dims(std::string_view name) {
  if (name == "A" || name == "B") return 2;
  if (name == "V") return 3;
  return 0;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = subsetix::expr::parse(text, dims);
  if (!parsed) {
    if (parsed.error().message().find("column") == std::string::npos) std::abort();
    return 0;
  }
  const std::string printed = subsetix::expr::to_string(parsed.value());
  auto again = subsetix::expr::parse(printed, dims);
  if (!again || subsetix::expr::to_string(again.value()) != printed) std::abort();
  if (again.value().dim() != parsed.value().dim()) std::abort();
  return 0;
}
