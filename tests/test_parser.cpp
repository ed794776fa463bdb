// The expression-string front end: C++ precedence, dimensions, and errors with positions.
#include <gtest/gtest.h>

#include "subsetix/expr/parse.hpp"

namespace {

namespace expr = subsetix::expr;

int dims(std::string_view name) {
  if (name == "A" || name == "B" || name == "C") return 2;
  if (name == "V" || name == "W") return 3;
  return 0;
}

std::string round_trip(const std::string& text) {
  auto e = expr::parse(text, dims);
  if (!e) return "error: " + e.error().message();
  return expr::to_string(e.value());
}

TEST(Parser, CppPrecedence) {
  // - binds tighter than &, & tighter than ^, ^ tighter than |.
  EXPECT_EQ(round_trip("A | B & C"), "(A | (B & C))");
  EXPECT_EQ(round_trip("A & B | C"), "((A & B) | C)");
  EXPECT_EQ(round_trip("A ^ B & C"), "(A ^ (B & C))");
  EXPECT_EQ(round_trip("A | B ^ C"), "(A | (B ^ C))");
  EXPECT_EQ(round_trip("A & B - C"), "(A & (B - C))");
  EXPECT_EQ(round_trip("A - B - C"), "((A - B) - C)");
  EXPECT_EQ(round_trip("(A | B) & C"), "((A | B) & C)");
  EXPECT_EQ(round_trip("expand(A, 2) - A"), "(expand(A,2,2) - A)");
  EXPECT_EQ(round_trip("expand(V,1,2,3)"), "expand(V,1,2,3)");
  EXPECT_EQ(round_trip("translate(A, 1, -2) ^ B"), "(translate(A,1,-2) ^ B)");
  EXPECT_EQ(round_trip("refine(coarsen(box(0,0,4,4)))"), "refine(coarsen(box(0,0,4,4)))");
  EXPECT_EQ(round_trip("ball(0,0,0,5) & V"), "(ball(0,0,0,5) & V)");
  EXPECT_EQ(round_trip("disk(+1, -2, 3)"), "disk(1,-2,3)");
}

TEST(Parser, DimensionsAreInferred) {
  EXPECT_EQ(expr::parse("A | box(0,0,1,1)", dims).value().dim(), 2);
  EXPECT_EQ(expr::parse("shrink(V, 1) | box(0,0,0,1,1,1)", dims).value().dim(), 3);
}

TEST(Parser, OneTreeOverNumberedLeaves) {
  // A name used twice is one input; every shape literal is an input of its own.
  const auto e = expr::parse("(A | box(0,0,2,2)) & A - box(0,0,2,2)", dims).value();
  ASSERT_EQ(e.leaves.size(), 3u);
  EXPECT_EQ(expr::to_string(e.leaves[0]), "A");
  EXPECT_EQ(expr::to_string(e.leaves[1]), "box(0,0,2,2)");
  EXPECT_EQ(expr::to_string(e.leaves[2]), "box(0,0,2,2)");
  int uses_of_a = 0;
  for (const auto& n : e.tree.nodes) uses_of_a += n.op == subsetix::ir::Op::input && n.input == 0;
  EXPECT_EQ(uses_of_a, 2);
  // The tree prints with the operator table's spellings, inputs by number without leaves.
  EXPECT_EQ(subsetix::ir::to_string(e.tree), "((in0 | in1) & (in0 - in2))");
}

TEST(Parser, ErrorsMarkThePosition) {
  struct Bad {
    std::string text;
    std::string fragment;
    std::size_t column;
  };
  const std::vector<Bad> cases = {
      {"(A | B", "expected `)` at the end", 7},
      {"A | ", "expected an operand at the end", 5},
      {"A || B", "expected a set name", 4},
      {"A | Z", "unknown set `Z`", 5},
      {"A | V", "different dimensions (2D and 3D)", 3},
      {"A & disk(0,0,1) | ball(0,0,0,1)", "different dimensions", 17},
      {"foo(A)", "unknown function `foo`", 1},
      {"box(0,0,1)", "box takes 4", 1},
      {"disk(0,0)", "disk takes 3", 1},
      {"expand(A,1,2,3)", "expand of a 2D set takes 1 or 2 radii, got 3", 1},
      {"expand(A,-1)", "radius -1 is negative", 1},
      {"translate(V,1,2)", "takes 3 offsets", 1},
      {"refine(A, 2)", "takes no integer arguments", 1},
      {"box(0,0,1,99999999999)", "outside the int32 range", 11},
      {"box(0,0,1,x)", "expected an integer", 11},
      {"A B", "unexpected `B`", 3},
      {"", "expected an operand", 1},
      {"A $ B", "unexpected `$`", 3},
  };
  for (const auto& c : cases) {
    auto r = expr::parse(c.text, dims);
    ASSERT_FALSE(r) << c.text;
    const std::string& m = r.error().message();
    EXPECT_NE(m.find(c.fragment), std::string::npos) << c.text << " -> " << m;
    EXPECT_NE(m.find("column " + std::to_string(c.column) + ":"), std::string::npos)
        << c.text << " -> " << m;
    // The marker line points at that column under the quoted text.
    const auto last = m.rfind('\n');
    ASSERT_NE(last, std::string::npos);
    EXPECT_EQ(m.substr(last + 1), std::string(2 + c.column - 1, ' ') + "^") << m;
  }
}

TEST(Parser, DeepNestingIsAnErrorNotACrash) {
  std::string deep(5000, '(');
  deep += "A";
  deep += std::string(5000, ')');
  auto r = expr::parse(deep, dims);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("nested too deeply"), std::string::npos);
}

}  // namespace
