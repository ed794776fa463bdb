// Algebraic identities on random sets (2D and 3D): they hold whatever the oracle says.
#include <gtest/gtest.h>

#include "dims.hpp"

#include "random_sets.hpp"
#include "subsetix/core/shapes.hpp"
#include "subsetix/eval/unfused.hpp"

namespace {

namespace sx = subsetix;
namespace op = subsetix::unfused;

template <class T>
class Identities : public ::testing::Test {};
using Dims = testing_support::Dims;
TYPED_TEST_SUITE(Identities, Dims);

template <int Dim>
bool same(const sx::Result<sx::IntervalSet<Dim>>& a, const sx::Result<sx::IntervalSet<Dim>>& b) {
  return a && b && sx::equal(a.value(), b.value());
}

TYPED_TEST(Identities, HoldOnRandomSets) {
  constexpr int Dim = TypeParam::value;
  for (std::uint64_t seed = 0; seed < 40; ++seed) {
    std::mt19937_64 rng(1000 + seed);
    const auto A = testing_support::random_case<Dim>(rng, testing_support::vary(seed, Dim)).set;
    const auto B = testing_support::random_case<Dim>(rng, testing_support::vary(seed + 3, Dim)).set;
    const auto C = testing_support::random_case<Dim>(rng, testing_support::vary(seed + 4, Dim)).set;
    SCOPED_TRACE("seed " + std::to_string(seed));
    // A = (A ∩ B) ∪ (A ∖ B)
    EXPECT_TRUE(same<Dim>(
        A, op::set_union(op::set_intersection(A, B).value(), op::set_difference(A, B).value())));
    // A △ B = (A ∪ B) ∖ (A ∩ B)
    EXPECT_TRUE(same<Dim>(
        op::set_symmetric_difference(A, B),
        op::set_difference(op::set_union(A, B).value(), op::set_intersection(A, B).value())));
    // Commutativity and idempotence.
    EXPECT_TRUE(same<Dim>(op::set_union(A, B), op::set_union(B, A)));
    EXPECT_TRUE(same<Dim>(op::set_intersection(A, B), op::set_intersection(B, A)));
    EXPECT_TRUE(same<Dim>(op::set_union(A, A), A));
    EXPECT_TRUE(same<Dim>(op::set_intersection(A, A), A));
    EXPECT_TRUE(op::set_difference(A, A).value().empty());
    // Distributivity: A ∩ (B ∪ C) = (A ∩ B) ∪ (A ∩ C)
    EXPECT_TRUE(same<Dim>(
        op::set_intersection(A, op::set_union(B, C).value()),
        op::set_union(op::set_intersection(A, B).value(), op::set_intersection(A, C).value())));
    // De Morgan within a box U: U ∖ (A ∪ B) = (U ∖ A) ∩ (U ∖ B)
    sx::Point<Dim> lo, hi;
    lo.fill(-40), hi.fill(40);
    const auto U = sx::shapes::box<Dim>(lo, hi).value();
    EXPECT_TRUE(same<Dim>(
        op::set_difference(U, op::set_union(A, B).value()),
        op::set_intersection(op::set_difference(U, A).value(), op::set_difference(U, B).value())));
    // Level changes: coarsen(refine(A)) = A; refine(coarsen(A)) ⊇ A.
    EXPECT_TRUE(same<Dim>(op::coarsen(op::refine(A).value()), A));
    EXPECT_TRUE(op::set_difference(A, op::refine(op::coarsen(A).value()).value()).value().empty());
    // Morphology: shrink(expand(A, r), r) ⊇ A and expand is monotone; expand by r then by s
    // is expand by r + s (boxes are Minkowski-additive).
    sx::Point<Dim> one, two;
    one.fill(1), two.fill(2);
    EXPECT_TRUE(
        op::set_difference(A, op::shrink(op::expand(A, one).value(), one).value()).value().empty());
    EXPECT_TRUE(same<Dim>(op::expand(op::expand(A, one).value(), one), op::expand(A, two)));
    EXPECT_TRUE(same<Dim>(op::shrink(op::shrink(A, one).value(), one), op::shrink(A, two)));
    // Translation commutes with union and round-trips.
    sx::Point<Dim> d, back;
    for (int ax = 0; ax < Dim; ++ax) d[ax] = 3 - 2 * ax, back[ax] = -d[ax];
    EXPECT_TRUE(same<Dim>(op::translate(op::set_union(A, B).value(), d),
                          op::set_union(op::translate(A, d).value(), op::translate(B, d).value())));
    EXPECT_TRUE(same<Dim>(op::translate(op::translate(A, d).value(), back), A));
  }
}

}  // namespace
