// Box dilation (expand) and erosion (shrink), separable by axis. Along x it is a per-interval
// widening/narrowing inside the sweep; across rows it is a union (expand) or an intersection
// (shrink) of row-shifted copies, up to `max_taps` shifts per pass, so any radius takes
// O(log radius) passes.
#include <algorithm>

#include "subsetix/eval/detail/limits.hpp"
#include "subsetix/eval/detail/stage.hpp"
#include "subsetix/eval/unfused.hpp"

namespace subsetix::unfused {
namespace {

using detail::max_taps;

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
    stage.add_tap(tap);
    // Dilation: a row is a candidate wherever any shifted copy has a row. Erosion: only where
    // the first copy has one.
    if (dilate || stage.num_candidate_lists == 0) {
      auto list = detail::CandidateList<Dim>::of(in);
      list.shift[slot] = -o;
      stage.add_candidates(list);
    }
  }
  if (dilate) return detail::run_stage(stage, detail::AnyOf{}, ws, "expand");
  const std::uint64_t full = (std::uint64_t(1) << stage.num_taps) - 1;
  return detail::run_stage(stage, detail::AllOf{full}, ws, "shrink");
}

template <int Dim>
Result<IntervalSet<Dim>> morph_pass(const IntervalSet<Dim>& in, int slot,
                                    const std::vector<std::int64_t>& offsets, std::int64_t widen,
                                    bool dilate, Workspace& ws) {
  if (offsets.size() <= std::size_t(detail::few_taps))
    return morph_pass_with<Dim, detail::few_taps>(in, slot, offsets, widen, dilate, ws);
  return morph_pass_with<Dim, max_taps>(in, slot, offsets, widen, dilate, ws);
}

template <int Dim>
Result<IntervalSet<Dim>> morphology(const IntervalSet<Dim>& a, const Point<Dim>& radii, bool dilate,
                                    Workspace& ws) {
  for (int d = 0; d < Dim; ++d)
    if (radii[d] < 0)
      return make_error(ErrorCode::invalid_argument, dilate ? "expand" : "shrink", ": radius ",
                        radii[d], " on axis ", "xyz"[d], " is negative");
  const std::int64_t sign = dilate ? 1 : -1;
  std::int64_t widen = sign * radii[0];  // applied by the first pass only
  IntervalSet<Dim> current = a;
  bool any_pass = false;
  for (int axis = 1; axis < Dim; ++axis) {
    const std::int64_t r = radii[axis];
    if (r == 0) continue;
    const int slot = Dim - 1 - axis;  // row-key slot of this axis
    const std::int64_t length = 2 * r + 1;
    // First pass: shifts -r .. -r + c - 1.
    std::int64_t covered = std::min<std::int64_t>(length, max_taps);
    std::vector<std::int64_t> offsets;
    for (std::int64_t j = 0; j < covered; ++j) offsets.push_back(-r + j);
    auto next = morph_pass(current, slot, offsets, widen, dilate, ws);
    if (!next) return next.error();
    current = std::move(next).value();
    widen = 0;
    any_pass = true;
    // Later passes multiply the covered length by up to max_taps.
    while (covered < length) {
      const std::int64_t target = std::min<std::int64_t>(length, covered * max_taps);
      offsets.clear();
      for (std::int64_t s = 0; s + covered < target; s += covered) offsets.push_back(s);
      offsets.push_back(target - covered);
      next = morph_pass(current, slot, offsets, 0, dilate, ws);
      if (!next) return next.error();
      current = std::move(next).value();
      covered = target;
    }
  }
  if (!any_pass && widen != 0) return morph_pass(current, 0, {0}, widen, dilate, ws);
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
