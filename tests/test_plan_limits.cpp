// The plan's fixed capacities (plan::max_stage_taps, max_table_taps, max_program) on
// expressions built to reach them: wide stages of 6-8 taps, long postfix programs, many stages.
// Every plan must stay within the limits, and fused = unfused = the dense-bitmap oracle.
#include <gtest/gtest.h>

#include "dims.hpp"

#include <random>

#include "oracle.hpp"
#include "random_sets.hpp"
#include "subsetix/eval/string_eval.hpp"

namespace {

namespace sx = subsetix;

template <int Dim>
struct Leaves {
  sx::NamedSets names;
  std::vector<oracle::Dense<Dim>> dense;
};

template <int Dim>
Leaves<Dim> random_leaves(std::mt19937_64& rng, int count, std::uint64_t seed) {
  Leaves<Dim> out;
  for (int i = 0; i < count; ++i) {
    auto spec = testing_support::vary(seed + std::uint64_t(i), Dim);
    if (Dim == 3) spec.x_span = 16, spec.x_lo = -8, spec.key_span = 6, spec.key_lo = -3;
    auto c = testing_support::random_case<Dim>(rng, spec);
    out.names.bind(std::string(1, char('A' + i)), c.set);
    out.dense.push_back(c.dense);
  }
  return out;
}

/// Every stage of `p` within the plan's fixed capacities.
void expect_within_limits(const sx::plan::Plan& p) {
  for (const auto& s : p.stages) {
    EXPECT_LE(s.taps.size(), std::size_t(sx::plan::max_stage_taps)) << p.describe();
    EXPECT_LE(s.program.size(), std::size_t(sx::plan::max_program)) << p.describe();
    if (s.kind == sx::plan::Stage::sweep) {
      EXPECT_EQ(s.program.empty(), s.taps.size() <= std::size_t(sx::plan::max_table_taps));
    }
  }
}

/// Evaluates `text` with both engines and checks them against `want`; returns the plan.
template <int Dim>
sx::plan::Plan check(const std::string& text, const Leaves<Dim>& leaves,
                     const oracle::Dense<Dim>& want, sx::Workspace& ws) {
  SCOPED_TRACE(text.size() > 300 ? text.substr(0, 300) + "…" : text);
  const auto parsed = sx::expr::parse(text, leaves.names.dims());
  EXPECT_TRUE(parsed) << parsed.error().message();
  if (!parsed) return {};
  const auto prepared = sx::prepare(parsed.value(), leaves.names).value();
  const auto plan = sx::plan_of(prepared);
  EXPECT_TRUE(plan) << plan.error().message();
  if (!plan) return {};
  expect_within_limits(plan.value());
  const auto fused = sx::eval_fused(prepared, plan.value(), ws);
  const auto unfused = sx::eval_unfused(prepared, ws);
  EXPECT_TRUE(fused && unfused);
  if (!fused || !unfused) return plan.value();
  const auto& f = std::get<sx::IntervalSet<Dim>>(fused.value());
  EXPECT_TRUE(sx::validate(f));
  EXPECT_EQ(sx::list_intervals(f), want.intervals()) << plan.value().describe();
  EXPECT_TRUE(sx::equal(f, std::get<sx::IntervalSet<Dim>>(unfused.value())));
  return plan.value();
}

template <class T>
class PlanLimits : public ::testing::Test {};
TYPED_TEST_SUITE(PlanLimits, testing_support::Dims);

// The case that overran the executor's program array: 7 inputs, their 7-way OR combined by `^`
// alternately with the 7-way OR and the 7-way AND, seven times: a 111-step program in one stage.
TYPED_TEST(PlanLimits, LongProgramIsSplitNotOverrun) {
  constexpr int Dim = TypeParam::value;
  std::mt19937_64 rng(7);
  const auto leaves = random_leaves<Dim>(rng, 7, 3);
  std::string any = "(A", all = "(A";
  oracle::Dense<Dim> d_any = leaves.dense[0], d_all = leaves.dense[0];
  for (int i = 1; i < 7; ++i) {
    any += std::string(" | ") + char('A' + i);
    all += std::string(" & ") + char('A' + i);
    d_any = oracle::combine(d_any, leaves.dense[std::size_t(i)], oracle::op_or);
    d_all = oracle::combine(d_all, leaves.dense[std::size_t(i)], oracle::op_and);
  }
  any += ")", all += ")";
  std::string text = any;
  oracle::Dense<Dim> want = d_any;
  for (int i = 0; i < 7; ++i) {
    text = "(" + text + " ^ " + (i % 2 ? all : any) + ")";
    want = oracle::combine(want, i % 2 ? d_all : d_any, oracle::op_xor);
  }
  sx::Workspace ws;
  const auto p = check<Dim>(text, leaves, want, ws);
  EXPECT_GE(p.stages.size(), 2u) << "111 steps do not fit one stage";
}

/// Random trees over 8 inputs (and translated copies, distinct taps): n-ary chains of 2-8
/// operands, nested, so stages reach 6-8 taps, programs grow long and plans split often.
template <int Dim>
struct WideTree {
  std::mt19937_64& rng;
  const Leaves<Dim>& leaves;

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

  std::pair<std::string, oracle::Dense<Dim>> leaf() {
    const int i = pick(0, int(leaves.dense.size()) - 1);
    const std::string name(1, char('A' + i));
    if (pick(0, 3) > 0) return {name, leaves.dense[std::size_t(i)]};
    typename oracle::Dense<Dim>::Coords d{};
    std::string s = "translate(" + name;
    for (int a = 0; a < Dim; ++a) {
      d[std::size_t(a)] = pick(-2, 2);
      s += ", " + std::to_string(d[std::size_t(a)]);
    }
    return {s + ")", oracle::translate(leaves.dense[std::size_t(i)], d)};
  }

  std::pair<std::string, oracle::Dense<Dim>> make(int depth) {
    if (depth <= 0) return leaf();
    const int n = pick(2, 8);
    auto [text, dense] = make(depth - 1 - (pick(0, 2) == 0));
    for (int i = 1; i < n; ++i) {
      auto [t, d] = pick(0, 2) == 0 ? make(depth - 1) : leaf();
      switch (pick(0, 3)) {
        case 0:
          text = "(" + text + " | " + t + ")";
          dense = oracle::combine(dense, d, oracle::op_or);
          break;
        case 1:
          text = "(" + text + " & " + t + ")";
          dense = oracle::combine(dense, d, oracle::op_and);
          break;
        case 2:
          text = "(" + text + " - " + t + ")";
          dense = oracle::combine(dense, d, oracle::op_minus);
          break;
        default:
          text = "(" + text + " ^ " + t + ")";
          dense = oracle::combine(dense, d, oracle::op_xor);
      }
    }
    return {text, dense};
  }
};

TYPED_TEST(PlanLimits, WideAndLongRandomTreesStayWithinLimits) {
  constexpr int Dim = TypeParam::value;
  const int cases = Dim == 2 ? 150 : 60;
  sx::Workspace ws;
  std::size_t most_taps = 0, longest_program = 0, most_stages = 0;
  for (int seed = 0; seed < cases; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937_64 rng(std::uint64_t(seed) * 104729 + 5);
    const auto leaves = random_leaves<Dim>(rng, 8, std::uint64_t(seed));
    WideTree<Dim> gen{rng, leaves};
    const auto [text, want] = gen.make(gen.pick(2, 4));
    const auto p = check<Dim>(text, leaves, want, ws);
    for (const auto& s : p.stages) {
      most_taps = std::max(most_taps, s.taps.size());
      longest_program = std::max(longest_program, s.program.size());
    }
    most_stages = std::max(most_stages, p.stages.size());
  }
  // The generator must reach the limits it is here to test.
  EXPECT_GE(most_taps, 8u);
  EXPECT_GE(longest_program, std::size_t(sx::plan::max_program) / 2);
  EXPECT_GE(most_stages, 4u);
}

}  // namespace
