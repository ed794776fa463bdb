// Shapes built by device kernels against their cell-by-cell definitions.
#include <gtest/gtest.h>

#include "oracle.hpp"
#include "subsetix/core/shapes.hpp"
#include "subsetix/io/pbm.hpp"

namespace {

namespace sx = subsetix;
namespace shapes = subsetix::shapes;

template <int Dim, class Pred>
oracle::Dense<Dim> dense_of(std::array<std::int64_t, Dim> lo, std::array<std::int64_t, Dim> hi,
                            Pred in) {
  auto d = oracle::Dense<Dim>::frame(lo, hi);
  d.for_each_point([&](const auto& p) { d.set(p, in(p)); });
  return d;
}

template <int Dim>
void expect_matches(const sx::Result<sx::IntervalSet<Dim>>& got, const oracle::Dense<Dim>& want) {
  ASSERT_TRUE(got) << got.error().message();
  EXPECT_TRUE(sx::validate(got.value()));
  EXPECT_EQ(sx::list_intervals(got.value()), want.intervals());
}

TEST(Shapes, Box2DAnd3D) {
  expect_matches<2>(shapes::box<2>({-3, 2}, {5, 6}), dense_of<2>({-4, 0}, {7, 8}, [](auto p) {
                      return p[0] >= -3 && p[0] < 5 && p[1] >= 2 && p[1] < 6;
                    }));
  expect_matches<3>(
      shapes::box<3>({0, -1, 2}, {2, 1, 5}), dense_of<3>({-1, -2, 0}, {3, 2, 6}, [](auto p) {
        return p[0] >= 0 && p[0] < 2 && p[1] >= -1 && p[1] < 1 && p[2] >= 2 && p[2] < 5;
      }));
  EXPECT_TRUE(shapes::box<2>({0, 0}, {0, 5}).value().empty());
}

TEST(Shapes, DiskBallAndRings) {
  for (int r : {0, 1, 2, 7, 20}) {
    const std::int64_t R = r;
    expect_matches<2>(shapes::disk(3, -2, r),
                      dense_of<2>({3 - R - 1, -2 - R - 1}, {3 + R + 2, -2 + R + 2}, [&](auto p) {
                        return (p[0] - 3) * (p[0] - 3) + (p[1] + 2) * (p[1] + 2) <= R * R;
                      }));
    expect_matches<3>(
        shapes::ball(-1, 0, 4, r), dense_of<3>({-1 - R, -R, 4 - R}, {R, R + 1, 5 + R}, [&](auto p) {
          return (p[0] + 1) * (p[0] + 1) + p[1] * p[1] + (p[2] - 4) * (p[2] - 4) <= R * R;
        }));
  }
  for (int width : {1, 2, 3, 5}) {
    const std::int64_t R = 23;
    expect_matches<2>(shapes::rings(1, 1, sx::coord_t(R), width),
                      dense_of<2>({1 - R, 1 - R}, {2 + R, 2 + R}, [&](auto p) {
                        const std::int64_t d2 = (p[0] - 1) * (p[0] - 1) + (p[1] - 1) * (p[1] - 1);
                        if (d2 > R * R) return false;
                        const std::int64_t d = sx::isqrt(d2);  // floor(d / w) = floor(floor(d) / w)
                        return (d / width) % 2 == 0;
                      }));
  }
  EXPECT_FALSE(shapes::disk(0, 0, -1));
  EXPECT_FALSE(shapes::disk(sx::coord_max, 0, 1));
}

TEST(Shapes, Checkerboard) {
  expect_matches<2>(shapes::checkerboard<2>({-4, 1}, {9, 8}, 3),
                    dense_of<2>({-4, 1}, {9, 8},
                                [](auto p) { return ((p[0] + 4) / 3 + (p[1] - 1) / 3) % 2 == 0; }));
  expect_matches<3>(shapes::checkerboard<3>({0, 0, 0}, {5, 4, 3}, 2),
                    dense_of<3>({0, 0, 0}, {5, 4, 3},
                                [](auto p) { return (p[0] / 2 + p[1] / 2 + p[2] / 2) % 2 == 0; }));
}

TEST(Shapes, RandomIsDeterministicCanonicalAndNearItsFill) {
  shapes::RandomOptions o;
  o.fill = 0.3, o.mean_run = 5, o.row_probability = 0.8, o.seed = 42;
  const auto a = shapes::random<2>({-100, -100}, {400, 100}, o).value();
  const auto b = shapes::random<2>({-100, -100}, {400, 100}, o).value();
  EXPECT_TRUE(sx::equal(a, b));
  EXPECT_TRUE(sx::validate(a));
  const double fill = double(a.num_cells) / (500.0 * 200.0 * o.row_probability);
  EXPECT_NEAR(fill, 0.3, 0.05);
  EXPECT_NEAR(double(a.num_rows) / 200.0, 0.8, 0.1);
  o.seed = 43;
  EXPECT_FALSE(sx::equal(a, shapes::random<2>({-100, -100}, {400, 100}, o).value()));
  const auto c = shapes::random<3>({0, 0, 0}, {64, 16, 16}, o).value();
  EXPECT_TRUE(sx::validate(c));
  for (const auto& it : sx::list_intervals(c)) {
    EXPECT_GE(it.interval.begin, 0);
    EXPECT_LE(it.interval.end, 64);
  }
}

TEST(Shapes, PbmBitmapAsciiAndBinary) {
  // 5 x 3 picture; row 0 is the top, so it becomes y = 2.
  const std::string ascii = "P1\n# a comment\n5 3\n1 1 0 0 1\n0 0 0 0 0\n0 1 1 1 0\n";
  const auto s = sx::io::parse_pbm(ascii, "t.pbm").value();
  using K = sx::RowKey<2>;
  const std::vector<sx::RowInterval<2>> want = {
      {K{{0}}, {1, 4}}, {K{{2}}, {0, 2}}, {K{{2}}, {4, 5}}};
  EXPECT_EQ(sx::list_intervals(s), want);
  std::string binary = "P4\n5 3\n";
  binary += char(0b11001000);
  binary += char(0);
  binary += char(0b01110000);
  EXPECT_TRUE(sx::equal(sx::io::parse_pbm(binary, "t.pbm").value(), s));
  EXPECT_FALSE(sx::io::parse_pbm("P1\n5 3\n1 1", "bad.pbm"));
  EXPECT_FALSE(sx::io::parse_pbm("P4\n5 3\n", "bad.pbm"));
  EXPECT_FALSE(sx::io::parse_pbm("P7\n", "bad.pbm"));
}

}  // namespace
