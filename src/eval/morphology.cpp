// Box dilation (expand) and erosion (shrink), separable by axis: the passes of
// passes::separable_passes (the same rule the fused lowering uses), each one stage.
#include <algorithm>

#include "eval/kernels/limits.hpp"
#include "eval/kernels/stage.hpp"
#include "subsetix/eval/unfused.hpp"
#include "subsetix/passes/lower_morphology.hpp"

namespace subsetix::unfused {
namespace {

/// One pass: `out(K) = OP_{o in offsets} in(K + o e_slot)`, intervals widened by `widen`.
template <int Dim, int KMAX>
Result<IntervalSet<Dim>> morph_pass_with(const IntervalSet<Dim>& in, int slot,
                                         const std::vector<std::int64_t>& offsets,
                                         std::int64_t widen, bool dilate, Workspace& ws) {
  detail::StageInputs<Dim, KMAX> stage;
  for (const std::int64_t o : offsets) {
    auto tap = detail::Tap<Dim>::of(in);
    tap.key_offset[slot] = o;
    tap.x_widen = widen;
    // Dilation: a row is a candidate wherever any shifted copy has a row. Erosion: only where
    // the first copy has one.
    stage.add_tap(tap, dilate || stage.num_taps == 0);
  }
  constexpr auto C = detail::CandidateKind::taps;
  // One group of every tap (sweep_grouped.hpp): the output is its OR (dilation) or AND.
  const std::uint64_t all_taps = (std::uint64_t(1) << stage.num_taps) - 1;
  const detail::GroupedPredicate<0> group{all_taps, !dilate, 0b10};
  return detail::with_x_kind(stage.x_kind(), [&](auto X) {
    return detail::run_stage<decltype(X)::value, C>(stage, group, ws, dilate ? "expand" : "shrink");
  });
}

template <int Dim>
Result<IntervalSet<Dim>> morph_pass(const IntervalSet<Dim>& in, int slot,
                                    const std::vector<std::int64_t>& offsets, std::int64_t widen,
                                    bool dilate, Workspace& ws) {
  if (offsets.size() <= std::size_t(detail::few_taps))
    return morph_pass_with<Dim, detail::few_taps>(in, slot, offsets, widen, dilate, ws);
  if (offsets.size() <= 8) return morph_pass_with<Dim, 8>(in, slot, offsets, widen, dilate, ws);
  return morph_pass_with<Dim, plan::max_stage_taps>(in, slot, offsets, widen, dilate, ws);
}

template <int Dim>
Result<IntervalSet<Dim>> morphology(const IntervalSet<Dim>& a, const Point<Dim>& radii, bool dilate,
                                    Workspace& ws) {
  for (int d = 0; d < Dim; ++d)
    if (radii[d] < 0)
      return make_error(ErrorCode::invalid_argument, dilate ? "expand" : "shrink", ": radius ",
                        radii[d], " on axis ", "xyz"[d], " is negative");
  std::array<std::int64_t, 3> r{};
  for (int d = 0; d < Dim; ++d) r[std::size_t(d)] = radii[d];
  IntervalSet<Dim> current = a;
  for (const auto& pass : passes::separable_passes(Dim, r, dilate, plan::max_stage_taps)) {
    auto next = morph_pass(current, pass.slot, pass.offsets, pass.widen, dilate, ws);
    if (!next) return next.error();
    current = std::move(next).value();
  }
  return current;
}

}  // namespace

template <int Dim>
Result<IntervalSet<Dim>> expand(const IntervalSet<Dim>& a, const Point<Dim>& radii, Workspace& ws) {
  return morphology(a, radii, true, ws);
}
template <int Dim>
Result<IntervalSet<Dim>> shrink(const IntervalSet<Dim>& a, const Point<Dim>& radii, Workspace& ws) {
  return morphology(a, radii, false, ws);
}

template Result<IntervalSet<2>> expand(const IntervalSet<2>&, const Point<2>&, Workspace&);
template Result<IntervalSet<3>> expand(const IntervalSet<3>&, const Point<3>&, Workspace&);
template Result<IntervalSet<2>> shrink(const IntervalSet<2>&, const Point<2>&, Workspace&);
template Result<IntervalSet<3>> shrink(const IntervalSet<3>&, const Point<3>&, Workspace&);

}  // namespace subsetix::unfused
