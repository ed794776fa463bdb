// The C++ front end: a fixed family of expressions, 2D and 3D, fused = unfused = oracle; owned
// operands; eval_into; counters against the plan.
#include <gtest/gtest.h>

#include "dims.hpp"

#include "oracle.hpp"
#include "random_sets.hpp"
#include "subsetix/core/shapes.hpp"
#include "subsetix/eval/counters.hpp"
#include "subsetix/eval/eval.hpp"
#include "subsetix/eval/unfused.hpp"

namespace {

namespace sx = subsetix;

template <class T>
class CppFrontEnd : public ::testing::Test {};
using Dims = testing_support::Dims;
TYPED_TEST_SUITE(CppFrontEnd, Dims);

template <int Dim, class Expr>
void check(const Expr& e, const oracle::Dense<Dim>& want, sx::Workspace& ws, const char* what) {
  SCOPED_TRACE(what);
  const auto plan = sx::plan_of(e).value();
  (void)sx::eval(e, ws);  // warm
  sx::install_kokkos_counters();
  sx::CountScope scope;
  const auto fused = sx::eval(e, ws);
  const auto counts = scope.counts();
  EXPECT_EQ(sx::list_intervals(fused), want.intervals()) << plan.describe();
  EXPECT_TRUE(sx::equal(fused, sx::eval_unfused(e, ws)));
  EXPECT_EQ(counts.fences, 1u);
  EXPECT_EQ(counts.allocations, 0u);
  EXPECT_EQ(counts.kernels, std::uint64_t(plan.expected_kernels()));
}

TYPED_TEST(CppFrontEnd, ExpressionFamilyMatchesTheOracle) {
  constexpr int Dim = TypeParam::value;
  sx::Workspace ws;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    std::mt19937_64 rng(500 + seed);
    auto a = testing_support::random_case<Dim>(rng, testing_support::vary(seed + 1, Dim));
    auto b = testing_support::random_case<Dim>(rng, testing_support::vary(seed + 2, Dim));
    auto c = testing_support::random_case<Dim>(rng, testing_support::vary(seed + 4, Dim));
    const auto &A = a.set, &B = b.set, &C = c.set;
    const auto &dA = a.dense, &dB = b.dense, &dC = c.dense;
    auto OR = [](bool x, bool y) { return x || y; };
    auto AND = [](bool x, bool y) { return x && y; };
    auto MINUS = [](bool x, bool y) { return x && !y; };
    auto XOR = [](bool x, bool y) { return x != y; };
    typename oracle::Dense<Dim>::Coords one, two, shift;
    one.fill(1), two.fill(2), shift.fill(0);
    shift[0] = 3;
    shift[1] = -1;
    SCOPED_TRACE("seed " + std::to_string(seed));
    check<Dim>(A | B, oracle::combine(dA, dB, OR), ws, "A | B");
    check<Dim>((A | B) & C, oracle::combine(oracle::combine(dA, dB, OR), dC, AND), ws,
               "(A | B) & C");
    check<Dim>((A - B) | (B - A) | C,
               oracle::combine(oracle::combine(oracle::combine(dA, dB, MINUS),
                                               oracle::combine(dB, dA, MINUS), OR),
                               dC, OR),
               ws, "(A - B) | (B - A) | C");
    check<Dim>(sx::expand(A, 1) - A, oracle::combine(oracle::morph(dA, one, true), dA, MINUS), ws,
               "expand(A, 1) - A");
    if constexpr (Dim == 2) {
      check<Dim>(((A | B) & C) - sx::translate(A, 3, -1),
                 oracle::combine(oracle::combine(oracle::combine(dA, dB, OR), dC, AND),
                                 oracle::translate(dA, shift), MINUS),
                 ws, "E5");
      check<Dim>(sx::translate(A, 3, -1) ^ B,
                 oracle::combine(oracle::translate(dA, shift), dB, XOR), ws, "translate ^");
    } else {
      check<Dim>(((A | B) & C) - sx::translate(A, 3, -1, 0),
                 oracle::combine(oracle::combine(oracle::combine(dA, dB, OR), dC, AND),
                                 oracle::translate(dA, shift), MINUS),
                 ws, "E5");
    }
    check<Dim>(A - sx::shrink(A, 1), oracle::combine(dA, oracle::morph(dA, one, false), MINUS), ws,
               "shell");
    check<Dim>(sx::expand(A | B, 2) & sx::shrink(C | A, 1),
               oracle::combine(oracle::morph(oracle::combine(dA, dB, OR), two, true),
                               oracle::morph(oracle::combine(dC, dA, OR), one, false), AND),
               ws, "expand(A | B, 2) & shrink(C | A, 1)");
    check<Dim>(
        sx::coarsen(sx::refine(A) | B) ^ A,
        oracle::combine(oracle::coarsen(oracle::combine(oracle::refine(dA), dB, OR)), dA, XOR), ws,
        "coarsen(refine(A) | B) ^ A");
    check<Dim>(A | A, dA, ws, "A | A");
  }
}

TEST(CppFrontEndOwnership, ExpressionsOwnTheirOperands) {
  // Built from temporaries and kept: the terminals hold the sets' handles, not references.
  auto expr =
      sx::expand(sx::shapes::disk(0, 0, 20).value(), 2) - sx::shapes::disk(0, 0, 20).value();
  sx::Workspace ws;
  const auto r = sx::eval(expr, ws);
  const auto disk = sx::shapes::disk(0, 0, 20).value();
  EXPECT_TRUE(sx::equal(
      r, sx::unfused::set_difference(sx::unfused::expand(disk, {2, 2}).value(), disk).value()));
}

TEST(CppFrontEndShape, NodesAndTerminalsAreCountedFromTheType) {
  const auto A = sx::shapes::disk(0, 0, 20).value();
  const auto B = sx::shapes::disk(5, 0, 20).value();
  // ((A | B) & A) - expand(translate(B, 1, 0), 1): 9 IR nodes over 4 terminals (before the
  // same set used twice becomes one input), and to_ir makes exactly those nodes.
  const auto e = ((A | B) & A) - sx::expand(sx::translate(B, 1, 0), 1);
  using Shape = sx::detail::expr_shape<std::decay_t<decltype(e)>>;
  static_assert(Shape::nodes == 9 && Shape::terminals == 4);
  const auto lowered = sx::to_ir(e);
  EXPECT_EQ(lowered.ir.nodes.size(), Shape::nodes);
  EXPECT_EQ(lowered.inputs.size(), 2u);
  static_assert(sx::detail::expr_shape<std::decay_t<decltype(sx::owned(A))>>::nodes == 1);
}

TEST(CppFrontEndOwnership, DuplicateLeavesBecomeOneTap) {
  const auto A = sx::shapes::disk(0, 0, 20).value();
  const auto plan = sx::plan_of(A | A).value();
  ASSERT_EQ(plan.stages.size(), 1u);
  EXPECT_EQ(plan.stages[0].taps.size(), 1u);
}

TEST(CppFrontEndErrors, OverflowAndNegativeRadius) {
  const auto edge = sx::shapes::box<2>({sx::coord_max - 4, 0}, {sx::coord_max, 1}).value();
  sx::Workspace ws;
  auto r = sx::try_eval(sx::translate(edge, 10, 0) | edge, ws);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), sx::ErrorCode::coordinate_overflow);
  EXPECT_THROW(sx::eval(sx::expand(edge, -1), ws), sx::Exception);
}

TEST(CppFrontEndInto, EvalIntoChecksCapacity) {
  const auto A = sx::shapes::disk(0, 0, 30).value();
  sx::Workspace ws;
  auto small = sx::IntervalSet<2>::allocate(4, 4, "small").value();
  auto r = sx::eval_into(sx::expand(A, 1) - A, small, ws);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), sx::ErrorCode::capacity_exceeded);
  auto roomy = sx::IntervalSet<2>::allocate(1000, 1000, "roomy").value();
  ASSERT_TRUE(sx::eval_into(sx::expand(A, 1) - A, roomy, ws));
  EXPECT_TRUE(sx::equal(roomy, sx::eval(sx::expand(A, 1) - A, ws)));
  auto bare = sx::IntervalSet<2>::allocate(1000, 1000, "bare").value();
  ASSERT_TRUE(sx::eval_into(A, bare, ws));  // a bare input is copied by a final sweep
  EXPECT_TRUE(sx::equal(bare, A));
}

}  // namespace
