#pragma once
// The `subsetix` command line: argument handling separated from main() so it reads top-down.
#include <iosfwd>
#include <string>
#include <vector>

namespace subsetix::cli {

/// Exit codes.
enum Exit : int { ok = 0, bad_input = 1, usage = 2 };

/// Runs the command line (without argv[0]); output to `out`, messages to `err`.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace subsetix::cli
