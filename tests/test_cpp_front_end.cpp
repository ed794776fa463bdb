// The C++ front end: a fixed family of expressions, 2D and 3D, each over plain sets (planned
// at run time) and over numbered inputs with compile-time arguments (planned by the compiler):
// fused = unfused = oracle, the same plan; owned operands; eval_into; counters against the plan.
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
void check(const Expr& e, const oracle::Dense<Dim>& want, sx::Workspace& ws) {
  const auto plan = sx::plan_used(e).value();
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
  auto out = sx::IntervalSet<Dim>::allocate(fused.num_rows, fused.num_intervals, "out").value();
  ASSERT_TRUE(sx::eval_into(e, out, ws));
  EXPECT_TRUE(sx::equal(out, fused));
}

/// An expression over plain sets with int arguments (planned at run time) and its twin over
/// numbered inputs with compile-time arguments (planned by the compiler): both against the
/// oracle, and the two plans the same text when the inputs are numbered alike (run time
/// numbers them by first use, compile time by inputs()).
template <int Dim, class Plain, class Fixed>
void check(const Plain& plain, const Fixed& fixed, const oracle::Dense<Dim>& want,
           sx::Workspace& ws, const char* what, bool same_numbering = true) {
  SCOPED_TRACE(what);
  static_assert(!sx::detail::is_static_expr<sx::detail::owned_t<Plain>>());
  static_assert(sx::detail::is_static_expr<sx::detail::owned_t<Fixed>>());
  check<Dim>(plain, want, ws);
  check<Dim>(fixed, want, ws);
  if (!same_numbering) return;
  for (const bool final_sweep : {false, true}) {
    EXPECT_EQ(sx::plan_used(fixed, final_sweep).value().describe(),
              sx::plan_of(plain, final_sweep).value().describe());
  }
}

TYPED_TEST(CppFrontEnd, ExpressionFamilyMatchesTheOracle) {
  constexpr int Dim = TypeParam::value;
  using oracle::op_and, oracle::op_minus, oracle::op_or, oracle::op_xor;
  using sx::c;
  sx::Workspace ws;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    std::mt19937_64 rng(500 + seed);
    const auto cases = testing_support::three_cases<Dim>(rng, seed);
    const auto &A = cases[0].set, &B = cases[1].set, &C = cases[2].set;
    const auto &dA = cases[0].dense, &dB = cases[1].dense, &dC = cases[2].dense;
    const auto [a, b, cs] = sx::inputs(A, B, C);
    typename oracle::Dense<Dim>::Coords one, two, five, shift;
    one.fill(1), two.fill(2), five.fill(5), shift.fill(0);
    shift[0] = 3;
    shift[1] = -1;
    // translate by (3, -1[, 0]), as ints and as compile-time constants
    auto moved = [](const auto& s) {
      if constexpr (Dim == 2)
        return sx::translate(s, 3, -1);
      else
        return sx::translate(s, 3, -1, 0);
    };
    auto moved_c = [](const auto& s) {
      if constexpr (Dim == 2)
        return sx::translate(s, c<3>, c<-1>);
      else
        return sx::translate(s, c<3>, c<-1>, c<0>);
    };
    SCOPED_TRACE("seed " + std::to_string(seed));
    const auto d_union = oracle::combine(dA, dB, op_or);
    check<Dim>(A | B, a | b, d_union, ws, "A | B");
    check<Dim>((A | B) & C, (a | b) & cs, oracle::combine(d_union, dC, op_and), ws, "(A | B) & C");
    check<Dim>((A - B) | (B - A) | C, (a - b) | (b - a) | cs,
               oracle::combine(oracle::combine(oracle::combine(dA, dB, op_minus),
                                               oracle::combine(dB, dA, op_minus), op_or),
                               dC, op_or),
               ws, "(A - B) | (B - A) | C");
    check<Dim>(sx::expand(A, 1) - A, sx::expand(a, c<1>) - a,
               oracle::combine(oracle::morph(dA, one, true), dA, op_minus), ws, "expand(A, 1) - A");
    check<Dim>(((A | B) & C) - moved(A), ((a | b) & cs) - moved_c(a),
               oracle::combine(oracle::combine(d_union, dC, op_and), oracle::translate(dA, shift),
                               op_minus),
               ws, "E5");
    check<Dim>(moved(A) ^ B, moved_c(a) ^ b,
               oracle::combine(oracle::translate(dA, shift), dB, op_xor), ws, "translate ^");
    check<Dim>(A - sx::shrink(A, 1), a - sx::shrink(a, c<1>),
               oracle::combine(dA, oracle::morph(dA, one, false), op_minus), ws, "shell");
    check<Dim>(sx::expand(A | B, 2) & sx::shrink(C | A, 1),
               sx::expand(a | b, c<2>) & sx::shrink(cs | a, c<1>),
               oracle::combine(oracle::morph(d_union, two, true),
                               oracle::morph(oracle::combine(dC, dA, op_or), one, false), op_and),
               ws, "expand(A | B, 2) & shrink(C | A, 1)");
    if constexpr (Dim == 2)  // (3D: the dense oracle of a radius-5 box is slow under ASan)
      check<Dim>(sx::expand(A, 5) - A, sx::expand(a, c<5>) - a,
                 oracle::combine(oracle::morph(dA, five, true), dA, op_minus), ws,
                 "expand(A, 5) - A (separable passes)");
    check<Dim>(sx::coarsen(sx::refine(A) | B) ^ A, sx::coarsen(sx::refine(a) | b) ^ a,
               oracle::combine(oracle::coarsen(oracle::combine(oracle::refine(dA), dB, op_or)), dA,
                               op_xor),
               ws, "coarsen(refine(A) | B) ^ A");
    check<Dim>(A | A, a | a, dA, ws, "A | A");
    check<Dim>(C - A, cs - a, oracle::combine(dC, dA, op_minus), ws, "C - A (input 1 unused)",
               /*same_numbering=*/false);
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
