// The command-line tool, run in process through its entry point: outputs, stats and exit codes.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "../src/cli/commands.hpp"
#include "subsetix/io/text_io.hpp"

namespace {

namespace cli = subsetix::cli;

struct CliRun {
  int code;
  std::string out, err;
};

CliRun run(std::vector<std::string> args) {
  std::ostringstream out, err;
  const int code = cli::run(args, out, err);
  return {code, out.str(), err.str()};
}

std::string temp_path(const std::string& name) {
  return ::testing::TempDir() + "subsetix_cli_" + name;
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream(path) << content;
}

TEST(Cli, EvaluatesToTextOnStdout) {
  const CliRun r = run({"eval", "box(0,0,4,2) - box(1,0,2,1)"});
  ASSERT_EQ(r.code, cli::ok) << r.err;
  EXPECT_EQ(r.out, "# subsetix intervals v1\ndim 2\n0 0 1\n0 2 4\n1 0 4\n");
}

TEST(Cli, BindsFilesAndWritesEveryOutputType) {
  const std::string a = temp_path("a.txt"), b = temp_path("b.txt");
  write_file(a, "dim 2\n0 0 10\n1 0 10\n");
  write_file(b, "dim 2\n1 5 20\n");
  const std::string txt = temp_path("out.txt");
  CliRun r = run({"eval", "A ^ B", "-s", "A=" + a, "-s", "B=" + b, "-o", txt});
  ASSERT_EQ(r.code, cli::ok) << r.err;
  auto back = subsetix::io::read_text(txt).value();
  EXPECT_EQ(std::get<subsetix::IntervalSet<2>>(back).num_cells, 10 + 5 + 10);
  EXPECT_EQ(run({"eval", "A", "-s", "A=" + a, "-o", temp_path("out.png")}).code, cli::ok);
  EXPECT_EQ(run({"eval", "ball(0,0,0,3)", "-o", temp_path("out.vtk")}).code, cli::ok);
  // A PNG of a 3D set is bad input, not a crash.
  EXPECT_EQ(run({"eval", "ball(0,0,0,3)", "-o", temp_path("out3.png")}).code, cli::bad_input);
}

TEST(Cli, StatsIsOneJsonObjectWithCounters) {
  const CliRun r =
      run({"eval", "disk(0,0,50) & translate(disk(0,0,50), 20, 0)", "--stats", "--repeat", "3"});
  ASSERT_EQ(r.code, cli::ok) << r.err;
  for (const char* key :
       {"\"dim\": 2", "\"rows\": ", "\"intervals\": ", "\"cells\": ", "\"engine\": \"fused\"",
        "\"repeat\": 3", "\"ms_median\": ", "\"ms_min\": ", "\"kernels\": ", "\"fences\": ",
        "\"deep_copies\": ", "\"allocations\": ", "\"kokkos_version\": "})
    EXPECT_NE(r.out.find(key), std::string::npos) << key << " in " << r.out;
  EXPECT_EQ(r.out.front(), '{');
  EXPECT_EQ(r.out.substr(r.out.size() - 2), "}\n");
  EXPECT_EQ(r.out.find("\"kernels\": 0,"), std::string::npos) << "kernels were counted";
}

TEST(Cli, BadInputIsExitOneWithAMessage) {
  CliRun r = run({"eval", "(A | B"});
  EXPECT_EQ(r.code, cli::bad_input);
  EXPECT_NE(r.err.find("column"), std::string::npos);
  EXPECT_NE(r.err.find('^'), std::string::npos);
  r = run({"eval", "disk(0,0,3) | ball(0,0,0,3)"});
  EXPECT_EQ(r.code, cli::bad_input);
  EXPECT_NE(r.err.find("different dimensions"), std::string::npos);
  const std::string bad = temp_path("bad.txt");
  write_file(bad, "dim 2\n0 4 1\n");
  r = run({"eval", "A", "-s", "A=" + bad});
  EXPECT_EQ(r.code, cli::bad_input);
  EXPECT_NE(r.err.find("bad.txt:2:"), std::string::npos) << r.err;
  r = run({"eval", "A", "-s", "A=/nonexistent/file.txt"});
  EXPECT_EQ(r.code, cli::bad_input);
  r = run({"eval", "translate(box(2147483640,0,2147483647,1), 100, 0)"});
  EXPECT_EQ(r.code, cli::bad_input);
  EXPECT_NE(r.err.find("int32"), std::string::npos);
}

TEST(Cli, UsageErrorsAreExitTwo) {
  EXPECT_EQ(run({}).code, cli::usage);
  EXPECT_EQ(run({"frobnicate"}).code, cli::usage);
  EXPECT_EQ(run({"eval"}).code, cli::usage);
  EXPECT_EQ(run({"eval", "A", "-s"}).code, cli::usage);
  EXPECT_EQ(run({"eval", "A", "-s", "noequals"}).code, cli::usage);
  EXPECT_EQ(run({"eval", "A", "-o", "x.bmp"}).code, cli::usage);
  EXPECT_EQ(run({"eval", "A", "--engine", "warp"}).code, cli::usage);
  EXPECT_EQ(run({"eval", "box(0,0,1,1)", "--engine", "unfused"}).code, cli::ok);
  EXPECT_EQ(run({"eval", "A", "--repeat", "0"}).code, cli::usage);
  EXPECT_EQ(run({"eval", "A", "--bogus"}).code, cli::usage);
  EXPECT_EQ(run({"eval", "--help"}).code, cli::ok);
}

}  // namespace
