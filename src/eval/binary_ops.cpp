// The boolean operators (union, intersection, difference, symmetric difference, and any other
// of the operator table): one two-tap stage over the operator's truth table.
#include "eval/kernels/stage.hpp"
#include "subsetix/eval/unfused.hpp"
#include "subsetix/expr/ops.hpp"

namespace subsetix::unfused {
namespace {

/// The stage's label: the operator's name from the table, when it is one of the table's.
const char* label_of(std::uint8_t truth) {
  for (const auto& o : ir::ops)
    if (o.lowering == ir::Lowering::boolean && o.truth == truth) return o.name.data();
  return "combine";
}

}  // namespace

template <int Dim>
Result<IntervalSet<Dim>> combine(const IntervalSet<Dim>& a, const IntervalSet<Dim>& b,
                                 std::uint8_t truth, Workspace& ws) {
  if (truth & 1u)
    return make_error(ErrorCode::invalid_argument,
                      "combine: the truth table maps two empty operands to a cell (a complement)");
  // Candidate rows: only rows where the result can be non-empty. A tap whose rows alone can
  // produce output (a only, or b only) must be a candidate; when only both together can, the
  // one with fewer rows suffices.
  const bool a_alone = ir::apply(truth, true, false), b_alone = ir::apply(truth, false, true);
  const bool a_candidate = a_alone || (!b_alone && a.num_rows <= b.num_rows);
  const bool b_candidate = b_alone || !a_candidate;
  detail::StageInputs<Dim, 2> in;
  in.add_tap(detail::Tap<Dim>::of(a), a_candidate);
  in.add_tap(detail::Tap<Dim>::of(b), b_candidate);
  constexpr auto X = detail::XKind::shift;
  constexpr auto C = detail::CandidateKind::taps;
  const char* label = label_of(truth);
  const std::uint8_t union_table = ir::info(ir::Op::union_op).truth;
  const std::uint8_t intersection_table = ir::info(ir::Op::intersection).truth;
  if (truth == union_table || truth == intersection_table) {
    // A group of two taps (sweep_grouped.hpp): its OR or its AND is the output.
    const detail::GroupedPredicate<0> group{0b11, truth == intersection_table, 0b10};
    return detail::run_stage<X, C>(in, group, ws, label);
  }
  return detail::run_stage<X, C>(in, detail::TruthTable64{truth}, ws, label);
}

template <int Dim>
Result<IntervalSet<Dim>> set_union(const IntervalSet<Dim>& a, const IntervalSet<Dim>& b,
                                   Workspace& ws) {
  return combine(a, b, ir::info(ir::Op::union_op).truth, ws);
}
template <int Dim>
Result<IntervalSet<Dim>> set_intersection(const IntervalSet<Dim>& a, const IntervalSet<Dim>& b,
                                          Workspace& ws) {
  return combine(a, b, ir::info(ir::Op::intersection).truth, ws);
}
template <int Dim>
Result<IntervalSet<Dim>> set_difference(const IntervalSet<Dim>& a, const IntervalSet<Dim>& b,
                                        Workspace& ws) {
  return combine(a, b, ir::info(ir::Op::difference).truth, ws);
}
template <int Dim>
Result<IntervalSet<Dim>> set_symmetric_difference(const IntervalSet<Dim>& a,
                                                  const IntervalSet<Dim>& b, Workspace& ws) {
  return combine(a, b, ir::info(ir::Op::symmetric_difference).truth, ws);
}

#define SUBSETIX_INSTANTIATE(D)                                                                  \
  template Result<IntervalSet<D>> combine(const IntervalSet<D>&, const IntervalSet<D>&,          \
                                          std::uint8_t, Workspace&);                             \
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
