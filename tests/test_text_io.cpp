// The text format: round trips, any order, merging, and every malformed input named by line.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "subsetix/core/shapes.hpp"
#include "subsetix/io/png.hpp"
#include "subsetix/io/text_io.hpp"
#include "subsetix/io/vtk.hpp"

namespace {

namespace sx = subsetix;
namespace io = subsetix::io;

std::string temp_path(const std::string& name) {
  return ::testing::TempDir() + "subsetix_" + name;
}

TEST(TextFormat, AnyOrderCommentsAndOverlapsMerge) {
  const std::string text =
      "# subsetix intervals v1\n"
      "dim 2\n"
      "\n"
      "3 10 12   # trailing comment\n"
      "-1 0 4\n"
      "3 0 5\n"
      "3 5 7\n"  // touches the previous one
      "  3  11 15\n";
  auto records = io::parse_text(text, "t.txt").value();
  const auto s = io::to_set<2>(records, "t.txt").value();
  using K = sx::RowKey<2>;
  const std::vector<sx::RowInterval<2>> want = {
      {K{{-1}}, {0, 4}}, {K{{3}}, {0, 7}}, {K{{3}}, {10, 15}}};
  EXPECT_EQ(sx::list_intervals(s), want);
}

TEST(TextFormat, WriteThenReadRoundTrips2DAnd3D) {
  const auto disk = sx::shapes::disk(5, -3, 17).value();
  std::ostringstream out;
  io::write_text(out, disk);
  EXPECT_TRUE(sx::equal(io::to_set<2>(io::parse_text(out.str(), "d").value(), "d").value(), disk));

  const auto ball = sx::shapes::ball(0, 1, 2, 6).value();
  const std::string path = temp_path("ball.txt");
  ASSERT_TRUE(io::write_text_file(path, ball));
  auto back = io::read_text(path).value();
  ASSERT_EQ(sx::dim_of(back), 3);
  EXPECT_TRUE(sx::equal(std::get<sx::IntervalSet<3>>(back), ball));
}

TEST(TextFormat, MalformedInputNamesFileAndLine) {
  struct Bad {
    std::string text;
    std::string fragment;
  };
  const std::vector<Bad> cases = {
      {"0 1 2\n", "f.txt:1: data before the `dim` line"},
      {"# only a comment\n", "f.txt: missing `dim` line"},
      {"dim 4\n", "f.txt:1: unknown dimension `4`"},
      {"dim two\n", "unknown dimension `two`"},
      {"dim 2\n0 1\n", "f.txt:2: expected 3 integers for a 2D interval, found 2"},
      {"dim 3\n0 1 2\n", "f.txt:2: expected 4 integers for a 3D interval, found 3"},
      {"dim 2\n\n0 1 x\n", "f.txt:3: `x` is not an integer"},
      {"dim 2\n0 1.5 2\n", "`1.5` is not an integer"},
      {"dim 2\n0 5 5\n", "f.txt:2: empty or inverted interval [5, 5)"},
      {"dim 2\n0 9 3\n", "empty or inverted interval [9, 3)"},
      {"dim 2\n0 0 2147483648\n", "`2147483648` is outside the int32 range"},
      {"dim 2\n-2147483649 0 1\n", "outside the int32 range"},
      {"dim 2\n0 0 1\ndim 3\n", "f.txt:3: dimension redeclared"},
  };
  for (const auto& c : cases) {
    auto r = io::parse_text(c.text, "f.txt");
    ASSERT_FALSE(r) << c.text;
    EXPECT_EQ(r.error().code(), sx::ErrorCode::malformed_input);
    EXPECT_NE(r.error().message().find(c.fragment), std::string::npos)
        << "message: " << r.error().message() << "\nexpected: " << c.fragment;
  }
  EXPECT_FALSE(io::read_text("/nonexistent/dir/x.txt"));
  EXPECT_EQ(io::to_set<3>(io::parse_text("dim 2\n0 0 1\n", "f").value(), "f").error().code(),
            sx::ErrorCode::dimension_mismatch);
}

TEST(TextFormat, Int32LimitsAreAccepted) {
  auto r = io::parse_text("dim 2\n-2147483648 -2147483648 2147483647\n", "f").value();
  const auto s = io::to_set<2>(r, "f").value();
  EXPECT_EQ(s.num_cells, 4294967295LL);
}

TEST(Pictures, VtkAndPngFilesAreWritten) {
  const auto disk = sx::shapes::disk(0, 0, 30).value();
  const std::string vtk = temp_path("disk.vtk"), vtk3 = temp_path("ball.vtk"),
                    png = temp_path("disk.png");
  ASSERT_TRUE(io::write_vtk(vtk, disk));
  ASSERT_TRUE(io::write_vtk(vtk3, sx::shapes::ball(0, 0, 0, 5).value()));
  std::ifstream in(vtk);
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header, "# vtk DataFile Version 3.0");
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(content.find("CELLS " + std::to_string(disk.num_intervals)), std::string::npos);
  EXPECT_NE(content.find("CELL_TYPES"), std::string::npos);

  ASSERT_TRUE(
      io::write_png(png, {{disk, {0, 0, 0}}, {sx::shapes::disk(10, 0, 5).value(), {200, 0, 0}}}));
  std::ifstream pic(png, std::ios::binary);
  char magic[8] = {};
  pic.read(magic, 8);
  EXPECT_EQ(std::string(magic + 1, 3), "PNG");
  EXPECT_FALSE(io::write_png("/nonexistent/dir/x.png", {{disk, {0, 0, 0}}}));
  EXPECT_FALSE(io::write_vtk("/nonexistent/dir/x.vtk", disk));
}

}  // namespace
