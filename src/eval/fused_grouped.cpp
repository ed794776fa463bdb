// Sweep stages in their group form (plan::TapGroup, src/eval/kernels/sweep_grouped.hpp), in a
// translation unit of their own: 8 (singles, tap bound) pairs × 3 x-map kinds per dimension,
// compiled in parallel with the rest of the executor.
#include "fused_executor.hpp"
#include "subsetix/passes/group_taps.hpp"

namespace subsetix::fused_detail {

namespace {

template <int Dim, int S>
Result<void> launch_with_singles(const plan::Stage& stage, const std::vector<Tap<Dim>>& taps,
                                 const SweepTarget<Dim>& target) {
  const int k = int(taps.size());
  GroupedPredicate<S> predicate;
  predicate.group_mask = ((std::uint64_t(1) << k) - 1) & ~((std::uint64_t(1) << S) - 1);
  predicate.all = stage.group.all;
  predicate.table = stage.group.table;
  if constexpr (S == 2) {
    if (stage.group.pair_single >= 0) {  // pass 5b found a nested pair (E5)
      predicate.pair_single = stage.group.pair_single;
      predicate.pair_partner = 1 - stage.group.pair_single;
      predicate.pair_all = stage.group.pair_all;
      predicate.pair_table = stage.group.pair_table;
    }
  }
  // Exact tap bounds where stages are common (E1: 2 taps; E2: 3; expand(A, 1) - A: 4).
  if constexpr (S == 0)
    if (k <= 2) return launch_tap_sweep<Dim, 2>(stage, taps, predicate, target);
  if constexpr (S <= 1)
    if (k <= 3) return launch_tap_sweep<Dim, 3>(stage, taps, predicate, target);
  if (k <= 4) return launch_tap_sweep<Dim, 4>(stage, taps, predicate, target);
  return launch_tap_sweep<Dim, 8>(stage, taps, predicate, target);
}

}  // namespace

template <int Dim>
Result<void> launch_grouped_sweep(const plan::Stage& stage, const std::vector<Tap<Dim>>& taps,
                                  const SweepTarget<Dim>& target) {
  if (taps.size() > std::size_t(passes::max_grouped_taps) || stage.group.singles > 2)
    return make_error(ErrorCode::invalid_argument, "fused: a grouped stage of ", taps.size(),
                      " taps with ", stage.group.singles, " single taps");
  switch (stage.group.singles) {
    case 0:
      return launch_with_singles<Dim, 0>(stage, taps, target);
    case 1:
      return launch_with_singles<Dim, 1>(stage, taps, target);
    default:
      return launch_with_singles<Dim, 2>(stage, taps, target);
  }
}

template Result<void> launch_grouped_sweep(const plan::Stage&, const std::vector<Tap<2>>&,
                                           const SweepTarget<2>&);
template Result<void> launch_grouped_sweep(const plan::Stage&, const std::vector<Tap<3>>&,
                                           const SweepTarget<3>&);

}  // namespace subsetix::fused_detail
