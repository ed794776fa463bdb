// Construction (any order, merged) and validation of user CSR arrays: each broken rule gives an
// error naming what and where.
#include <gtest/gtest.h>

#include "subsetix/core/build.hpp"

namespace {

namespace sx = subsetix;
using K2 = sx::RowKey<2>;

TEST(Build, IntervalsInAnyOrderAreSortedAndMerged) {
  std::vector<sx::RowInterval<2>> items = {
      {K2{{5}}, {10, 12}}, {K2{{-3}}, {0, 4}}, {K2{{5}}, {0, 3}}, {K2{{5}}, {3, 6}},  // touching
      {K2{{5}}, {11, 20}},                                                            // overlapping
      {K2{{-3}}, {1, 2}},                                                             // nested
  };
  const auto s = sx::from_intervals(items).value();
  EXPECT_EQ(s.num_rows, 2);
  EXPECT_EQ(s.num_cells, 4 + 6 + 10);
  const std::vector<sx::RowInterval<2>> want = {
      {K2{{-3}}, {0, 4}}, {K2{{5}}, {0, 6}}, {K2{{5}}, {10, 20}}};
  EXPECT_EQ(sx::list_intervals(s), want);
  EXPECT_TRUE(sx::validate(s));
}

TEST(Build, CellsInAnyOrderWithDuplicates) {
  const auto s =
      sx::from_cells<3>({{1, 0, 0}, {0, 0, 0}, {2, 0, 0}, {0, 0, 0}, {5, 1, -1}}).value();
  EXPECT_EQ(s.num_rows, 2);
  EXPECT_EQ(s.num_intervals, 2);
  EXPECT_EQ(s.num_cells, 4);
}

TEST(Build, EmptyAndInvertedIntervalsAreErrors) {
  auto r = sx::from_intervals<2>({{K2{{0}}, {0, 1}}, {K2{{0}}, {4, 4}}});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("interval 1"), std::string::npos) << r.error().message();
}

TEST(Build, EmptySetHasSentinels) {
  const auto s = sx::from_intervals<3>({}).value();
  EXPECT_TRUE(s.empty());
  EXPECT_TRUE(sx::validate(s));
}

struct CsrCase {
  std::vector<K2> keys;
  std::vector<sx::index_t> row_ptr;
  std::vector<sx::Interval> intervals;
  const char* expected;  // a fragment of the message
};

TEST(Validate, EachBrokenRuleIsNamedWithItsLocation) {
  const std::vector<CsrCase> cases = {
      {{{{0}}, {{0}}}, {0, 1, 2}, {{0, 1}, {3, 4}}, "does not follow row (y=0)"},
      {{{{2}}, {{1}}}, {0, 1, 2}, {{0, 1}, {3, 4}}, "row index 1"},
      {{{{0}}}, {0, 0}, {}, "empty row (y=0)"},
      {{{{0}}}, {0, 1}, {{5, 5}}, "empty or inverted interval [5, 5)"},
      {{{{0}}}, {0, 2}, {{0, 4}, {2, 6}}, "overlap or are unsorted"},
      {{{{0}}}, {0, 2}, {{0, 4}, {4, 6}}, "touch at index 1"},
      {{{{0}}}, {0, 2}, {{5, 6}, {0, 2}}, "overlap or are unsorted"},
      {{{{0}}, {{1}}}, {0, 2, 1}, {{0, 1}, {3, 4}}, "row_ptr"},
      {{{{0}}}, {1, 1}, {{0, 1}}, "row_ptr[0] is 1"},
      {{{{0}}}, {0, 1, 1}, {{0, 1}}, "row_ptr has 3 entries"},
      {{{{0}}}, {0, 3}, {{0, 1}}, "expected the interval count"},
  };
  for (const auto& c : cases) {
    auto r = sx::from_csr<2>(c.keys, c.row_ptr, c.intervals);
    ASSERT_FALSE(r) << c.expected;
    EXPECT_EQ(r.error().code(), sx::ErrorCode::invalid_csr);
    EXPECT_NE(r.error().message().find(c.expected), std::string::npos)
        << "message: " << r.error().message() << "\nexpected to contain: " << c.expected;
  }
}

TEST(Validate, CoordinatesAtTheInt32LimitsAreValid) {
  auto r =
      sx::from_csr<3>({sx::RowKey<3>{{sx::coord_min, sx::coord_max}}}, {0, 2},
                      {{sx::coord_min, sx::coord_min + 1}, {sx::coord_max - 1, sx::coord_max}});
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(r.value().num_cells, 2);
}

TEST(Validate, ValueThrowsWithTheMessage) {
  auto r = sx::from_csr<2>({{{0}}}, {0, 0}, {});
  EXPECT_THROW(r.value(), sx::Exception);
  try {
    r.value();
  } catch (const sx::Exception& e) {
    EXPECT_NE(std::string(e.what()).find("empty row"), std::string::npos);
  }
}

}  // namespace
