// Union, intersection, difference and symmetric difference: one two-tap stage each.
#include "subsetix/eval/detail/stage.hpp"
#include "subsetix/eval/unfused.hpp"

namespace subsetix::unfused {
namespace {

// Truth tables over the mask (bit 0: A covers x, bit 1: B covers x).
enum class Binary : std::uint64_t {
  union_op = 0b1110,
  intersection = 0b1000,
  difference = 0b0010,
  symmetric_difference = 0b0110,
};

const char* name_of(Binary op) {
  switch (op) {
    case Binary::union_op:
      return "union";
    case Binary::intersection:
      return "intersection";
    case Binary::difference:
      return "difference";
    case Binary::symmetric_difference:
      return "symmetric_difference";
  }
  return "?";
}

template <int Dim>
Result<IntervalSet<Dim>> binary(const IntervalSet<Dim>& a, const IntervalSet<Dim>& b, Binary op,
                                Workspace& ws) {
  // Candidate rows: only rows where the result can be non-empty.
  const bool a_candidate = op != Binary::intersection || a.num_rows <= b.num_rows;
  const bool b_candidate = op == Binary::intersection ? !a_candidate : op != Binary::difference;
  detail::StageInputs<Dim, 2> in;
  in.add_tap(detail::Tap<Dim>::of(a), a_candidate);
  in.add_tap(detail::Tap<Dim>::of(b), b_candidate);
  constexpr auto X = detail::XKind::shift;
  constexpr auto C = detail::CandidateKind::taps;
  if (op == Binary::union_op || op == Binary::intersection) {
    // A group of two taps (sweep_grouped.hpp): its OR or its AND is the output.
    const detail::GroupedPredicate<0> group{0b11, op == Binary::intersection, 0b10};
    return detail::run_stage<X, C>(in, group, ws, name_of(op));
  }
  return detail::run_stage<X, C>(in, detail::TruthTable64{std::uint64_t(op)}, ws, name_of(op));
}

}  // namespace

template <int Dim>
Result<IntervalSet<Dim>> set_union(const IntervalSet<Dim>& a, const IntervalSet<Dim>& b,
                                   Workspace& ws) {
  return binary(a, b, Binary::union_op, ws);
}
template <int Dim>
Result<IntervalSet<Dim>> set_intersection(const IntervalSet<Dim>& a, const IntervalSet<Dim>& b,
                                          Workspace& ws) {
  return binary(a, b, Binary::intersection, ws);
}
template <int Dim>
Result<IntervalSet<Dim>> set_difference(const IntervalSet<Dim>& a, const IntervalSet<Dim>& b,
                                        Workspace& ws) {
  return binary(a, b, Binary::difference, ws);
}
template <int Dim>
Result<IntervalSet<Dim>> set_symmetric_difference(const IntervalSet<Dim>& a,
                                                  const IntervalSet<Dim>& b, Workspace& ws) {
  return binary(a, b, Binary::symmetric_difference, ws);
}

#define SUBSETIX_INSTANTIATE(D)                                                                  \
  template Result<IntervalSet<D>> set_union(const IntervalSet<D>&, const IntervalSet<D>&,        \
                                            Workspace&);                                         \
  template Result<IntervalSet<D>> set_intersection(const IntervalSet<D>&, const IntervalSet<D>&, \
                                                   Workspace&);                                  \
  template Result<IntervalSet<D>> set_difference(const IntervalSet<D>&, const IntervalSet<D>&,   \
                                                 Workspace&);                                    \
  template Result<IntervalSet<D>> set_symmetric_difference(const IntervalSet<D>&,                \
                                                           const IntervalSet<D>&, Workspace&);
SUBSETIX_INSTANTIATE(2)
SUBSETIX_INSTANTIATE(3)

}  // namespace subsetix::unfused
