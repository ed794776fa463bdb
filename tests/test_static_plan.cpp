// The compile-time lowering: plans of expressions over numbered inputs with compile-time
// arguments are constants, checked here by static_assert (the plans are also compared with the
// run-time lowering's and evaluated against the oracle in test_cpp_front_end.cpp).
#include <gtest/gtest.h>

#include "subsetix/core/shapes.hpp"
#include "subsetix/eval/eval.hpp"

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

// --- run time: the family test in test_cpp_front_end.cpp evaluates every expression both ways
// and compares the plans; here, what falls back to run-time planning.

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
