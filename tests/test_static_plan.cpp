// The compile-time lowering: plans of expressions over numbered inputs with compile-time
// arguments are constants (checked by static_assert), equal to the run-time lowering's plans,
// and evaluate to the oracle's sets with the same counters.
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
using sx::c;

// --- compile time: the plans below are computed by the compiler ------------------------------

using A2 = sx::Input<0, 2>;
using B2 = sx::Input<1, 2>;
using C2 = sx::Input<2, 2>;
template <class E, bool FinalSweep = false>
constexpr const auto& frozen = sx::detail::StaticPlan<sx::detail::owned_t<E>, FinalSweep>::frozen;

// E2 = (A | B) & C: one stage, C single, {A, B} an OR group.
using E2 = decltype((std::declval<A2>() | std::declval<B2>()) & std::declval<C2>());
static_assert(sx::detail::is_static_expr<sx::detail::owned_t<E2>>());
static_assert(frozen<E2>.stages.size() == 1 && frozen<E2>.stages[0].num_taps == 3);
static_assert(frozen<E2>.stages[0].group == sx::plan::TapGroup{1, false, 0b1000});
static_assert(frozen<E2>.stages[0].taps[0].source == 2);  // the single tap goes first
static_assert(frozen<E2>.result == 3);

// E5 = ((A | B) & C) - translate(A, 3, 0): four taps, two singles (C, A shifted), one stage.
using E5 = decltype(((std::declval<A2>() | std::declval<B2>()) & std::declval<C2>()) -
                    sx::translate(std::declval<A2>(), c<3>, c<0>));
static_assert(frozen<E5>.stages.size() == 1 && frozen<E5>.stages[0].num_taps == 4);
static_assert(frozen<E5>.stages[0].group.singles == 2);
// ... and its table groups the shifted A's complement with (C & G): the nested pair, found by
// pass 5b at compile time, lets the sweep combine without a sort.
static_assert(frozen<E5>.stages[0].group.pair_single >= 0 && frozen<E5>.stages[0].group.pair_all);

// expand(A, 2) - A: the expand fans out into 5 row shifts, A is the single tap.
using Ghosts = decltype(sx::expand(std::declval<A2>(), c<2>) - std::declval<A2>());
static_assert(frozen<Ghosts>.stages.size() == 1 && frozen<Ghosts>.stages[0].num_taps == 6);
static_assert(frozen<Ghosts>.stages[0].group.singles == 1);
static_assert(frozen<Ghosts>.stages[0].taps[1].x_widen == 2);

// (A - B) | (B - A): the same inputs twice are two taps (their numbers are in the type).
using Xor =
    decltype((std::declval<A2>() - std::declval<B2>()) | (std::declval<B2>() - std::declval<A2>()));
static_assert(frozen<Xor>.stages[0].num_taps == 2 && frozen<Xor>.stages[0].table == 0b0110);

// Fusion stops where the rules say: expand of an intersection is materialised first; a bare
// input needs no stage unless the result must be written by a sweep.
using Split = decltype(sx::expand(std::declval<A2>() & std::declval<B2>(), c<1>));
static_assert(frozen<Split>.stages.size() == 2);  // A & B, then one 3-shift pass
static_assert(frozen<A2>.stages.size() == 0 && frozen<A2, true>.stages.size() == 1);

// Runtime arguments or plain sets keep the expression out of the compile-time path.
static_assert(!sx::detail::is_static_expr<
              sx::detail::owned_t<decltype(sx::expand(std::declval<A2>(), 1))>>());
static_assert(
    !sx::detail::is_static_expr<
        sx::detail::owned_t<decltype(std::declval<A2>() | std::declval<sx::IntervalSet<2>>())>>());

// --- run time: the same plans, the same sets --------------------------------------------------

template <class T>
class StaticPlan : public ::testing::Test {};
using Dims = testing_support::Dims;
TYPED_TEST_SUITE(StaticPlan, Dims);

/// `e` (static) against the oracle, and its compile-time plan against the run-time lowering
/// of the same expression over plain sets (`same`), which must be the same text when the
/// inputs are numbered alike.
template <int Dim, class Expr, class Same>
void check(const Expr& e, const Same& same, const oracle::Dense<Dim>& want, sx::Workspace& ws,
           const char* what, bool same_numbering = true) {
  SCOPED_TRACE(what);
  static_assert(sx::detail::is_static_expr<sx::detail::owned_t<Expr>>());
  const auto compiled = sx::plan_used(e).value();
  const auto runtime = sx::plan_of(same).value();
  if (same_numbering) {  // run time numbers inputs by first use, compile time by inputs()
    EXPECT_EQ(compiled.describe(), runtime.describe());
    EXPECT_EQ(sx::plan_used(e, true).value().describe(),
              sx::plan_of(same, true).value().describe());
  }
  (void)sx::eval(e, ws);  // warm
  sx::install_kokkos_counters();
  sx::CountScope scope;
  const auto fused = sx::eval(e, ws);
  const auto counts = scope.counts();
  EXPECT_EQ(sx::list_intervals(fused), want.intervals()) << compiled.describe();
  EXPECT_EQ(counts.fences, 1u);
  EXPECT_EQ(counts.allocations, 0u);
  EXPECT_EQ(counts.kernels, std::uint64_t(compiled.expected_kernels()));
  auto out = sx::IntervalSet<Dim>::allocate(fused.num_rows, fused.num_intervals, "out").value();
  ASSERT_TRUE(sx::eval_into(e, out, ws));
  EXPECT_TRUE(sx::equal(out, fused));
}

TYPED_TEST(StaticPlan, CompileTimePlansMatchTheRunTimeLoweringAndTheOracle) {
  constexpr int Dim = TypeParam::value;
  sx::Workspace ws;
  for (std::uint64_t seed = 0; seed < 12; ++seed) {
    std::mt19937_64 rng(900 + seed);
    auto ca = testing_support::random_case<Dim>(rng, testing_support::vary(seed + 1, Dim));
    auto cb = testing_support::random_case<Dim>(rng, testing_support::vary(seed + 2, Dim));
    auto cc = testing_support::random_case<Dim>(rng, testing_support::vary(seed + 4, Dim));
    const auto &A = ca.set, &B = cb.set, &C = cc.set;
    const auto &dA = ca.dense, &dB = cb.dense, &dC = cc.dense;
    const auto [a, b, cs] = sx::inputs(A, B, C);
    auto OR = [](bool x, bool y) { return x || y; };
    auto AND = [](bool x, bool y) { return x && y; };
    auto MINUS = [](bool x, bool y) { return x && !y; };
    auto XOR = [](bool x, bool y) { return x != y; };
    typename oracle::Dense<Dim>::Coords one, five, shift, radii;
    one.fill(1), five.fill(5), shift.fill(0), radii.fill(1);
    shift[0] = 3;
    shift[1] = -1;
    radii[0] = 2;
    SCOPED_TRACE("seed " + std::to_string(seed));
    check<Dim>(a | b, A | B, oracle::combine(dA, dB, OR), ws, "a | b");
    check<Dim>((a | b) & cs, (A | B) & C, oracle::combine(oracle::combine(dA, dB, OR), dC, AND), ws,
               "(a | b) & c");
    check<Dim>((a - b) | (b - a) | cs, (A - B) | (B - A) | C,
               oracle::combine(oracle::combine(oracle::combine(dA, dB, MINUS),
                                               oracle::combine(dB, dA, MINUS), OR),
                               dC, OR),
               ws, "(a - b) | (b - a) | c");
    check<Dim>(sx::expand(a, c<1>) - a, sx::expand(A, 1) - A,
               oracle::combine(oracle::morph(dA, one, true), dA, MINUS), ws, "expand(a, 1) - a");
    if constexpr (Dim == 2) {
      check<Dim>(((a | b) & cs) - sx::translate(a, c<3>, c<-1>),
                 ((A | B) & C) - sx::translate(A, 3, -1),
                 oracle::combine(oracle::combine(oracle::combine(dA, dB, OR), dC, AND),
                                 oracle::translate(dA, shift), MINUS),
                 ws, "E5");
      check<Dim>(sx::expand(a | b, c<2>, c<1>) & sx::shrink(cs | a, c<1>),
                 sx::expand(A | B, 2, 1) & sx::shrink(C | A, 1),
                 oracle::combine(oracle::morph(oracle::combine(dA, dB, OR), radii, true),
                                 oracle::morph(oracle::combine(dC, dA, OR), one, false), AND),
                 ws, "expand(a | b, 2, 1) & shrink(c | a, 1)");
    } else {
      check<Dim>(((a | b) & cs) - sx::translate(a, c<3>, c<-1>, c<0>),
                 ((A | B) & C) - sx::translate(A, 3, -1, 0),
                 oracle::combine(oracle::combine(oracle::combine(dA, dB, OR), dC, AND),
                                 oracle::translate(dA, shift), MINUS),
                 ws, "E5");
      check<Dim>(sx::expand(a | b, c<2>, c<1>, c<1>) & sx::shrink(cs | a, c<1>),
                 sx::expand(A | B, 2, 1, 1) & sx::shrink(C | A, 1),
                 oracle::combine(oracle::morph(oracle::combine(dA, dB, OR), radii, true),
                                 oracle::morph(oracle::combine(dC, dA, OR), one, false), AND),
                 ws, "expand(a | b, 2, 1, 1) & shrink(c | a, 1)");
    }
    check<Dim>(sx::expand(a, c<5>) - a, sx::expand(A, 5) - A,
               oracle::combine(oracle::morph(dA, five, true), dA, MINUS), ws,
               "expand(a, 5) - a (separable passes)");
    check<Dim>(
        sx::coarsen(sx::refine(a) | b) ^ a, sx::coarsen(sx::refine(A) | B) ^ A,
        oracle::combine(oracle::coarsen(oracle::combine(oracle::refine(dA), dB, OR)), dA, XOR), ws,
        "coarsen(refine(a) | b) ^ a");
    check<Dim>(cs - a, C - A, oracle::combine(dC, dA, MINUS), ws, "c - a (input 1 unused)",
               /*same_numbering=*/false);
  }
}

TEST(StaticPlanInputs, InputsOfDifferentCallsArePlannedAtRunTime) {
  const auto A = sx::shapes::disk(0, 0, 20).value();
  const auto B = sx::shapes::disk(8, 0, 20).value();
  const auto [a] = sx::inputs(A);
  const auto [b] = sx::inputs(B);  // also number 0: the compile-time plan cannot tell them apart
  sx::Workspace ws;
  EXPECT_TRUE(sx::equal(sx::eval(a - b, ws), sx::eval(A - B, ws)));
  EXPECT_EQ(sx::plan_used(a - b).value().stages[0].taps.size(), 2u);
}

TEST(StaticPlanInputs, CapacityOverflowIsReportedByThePassThatRunsAtEvaluation) {
  const auto edge = sx::shapes::box<2>({sx::coord_max - 4, 0}, {sx::coord_max, 1}).value();
  const auto [e] = sx::inputs(edge);
  sx::Workspace ws;
  auto r = sx::try_eval(sx::translate(e, c<10>, c<0>) | e, ws);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), sx::ErrorCode::coordinate_overflow);
}

}  // namespace
