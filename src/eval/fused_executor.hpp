#pragma once
// The fused executor: stages chained on the device, one status block, one host read. Included by
// one source file per dimension (fused_2d.cpp, fused_3d.cpp), which compile in parallel.
#include "subsetix/eval/fused.hpp"

#include <algorithm>

#include "eval/kernels/limits.hpp"
#include "eval/kernels/parity_partition.hpp"
#include "eval/kernels/refine_rows.hpp"

namespace subsetix {
namespace fused_detail {

using namespace detail;

/// A postfix program over tap bits (stages with more than plan::max_table_taps taps).
struct ProgramPredicate {
  plan::ProgramStep steps[plan::max_program];
  int length = 0;

  /// The stage's program, or an error when it exceeds the fixed array (a plan not made by the
  /// passes, which split such stages).
  static Result<ProgramPredicate> of(const std::vector<plan::ProgramStep>& program) {
    if (program.size() > std::size_t(plan::max_program))
      return make_error(ErrorCode::invalid_argument, "fused: a stage program of ", program.size(),
                        " steps exceeds plan::max_program (", plan::max_program, ")");
    ProgramPredicate p;
    p.length = int(program.size());
    for (std::size_t i = 0; i < program.size(); ++i) p.steps[i] = program[i];
    return p;
  }
  KOKKOS_INLINE_FUNCTION bool operator()(std::uint64_t mask) const {
    std::uint64_t stack = 0;  // a stack of bits, top at bit 0
    for (int i = 0; i < length; ++i) {
      const plan::ProgramStep s = steps[i];
      if (s.instr == plan::Instr::push_tap) {
        stack = (stack << 1) | ((mask >> s.tap) & 1u);
        continue;
      }
      const std::uint64_t b = stack & 1u;
      stack >>= 1;
      const std::uint64_t a = stack & 1u;
      const std::uint64_t r = (s.truth >> (a | b << 1)) & 1u;
      stack = (stack & ~std::uint64_t(1)) | r;
    }
    return stack & 1u;
  }
};

/// A source's arrays as stages see them: exact sizes for inputs, device-side totals for
/// stage outputs (whose arrays have the plan's capacities).
template <int Dim>
struct SourceArrays {
  OutputArrays<Dim> arrays;
  index_t rows_bound = 0;
  index_t intervals_bound = 0;
  const std::int64_t* totals = nullptr;  ///< rows, intervals, cells on the device

  Tap<Dim> tap() const {
    Tap<Dim> t;
    t.keys = arrays.row_keys;
    t.row_ptr = arrays.row_ptr;
    t.intervals = arrays.intervals;
    t.rows = rows_bound;
    t.interval_count = intervals_bound;
    t.rows_device = totals;
    return t;
  }
};

/// Where a sweep stage writes: the evaluation's status block and workspace, the stage's totals
/// slot, its output arrays and their capacities.
template <int Dim>
struct SweepTarget {
  StatusView status;
  Workspace* ws = nullptr;
  int totals = 0;
  OutputArrays<Dim> out;
  std::int64_t capacity_rows = 0;
  std::int64_t capacity_intervals = 0;
  const KernelNames* names = nullptr;  ///< the stage's kernel labels
};

/// Launches one sweep stage: sweep, scan, compact (no host synchronisation).
template <XKind X, CandidateKind C, int Dim, int KMAX, class Predicate>
Result<void> launch_sweep(const StageInputs<Dim, KMAX>& in, const Predicate& predicate,
                          const SweepTarget<Dim>& target) {
  using Rows = SweepRows<Dim, KMAX, Predicate, X, C>;
  const Rows rows{in, predicate, target.status};
  const index_t chunks = rows.chunks() > 0 ? rows.chunks() : 1;  // chunk 0 writes the sentinels
  auto prepared =
      prepare_sweep_compact<Dim>(rows, target.status, *target.ws, target.names->base, chunks);
  if (!prepared) return prepared.error();
  SweepCompact<Dim, Rows>& sc = prepared.value();
  sc.counts.totals = target.totals;
  sc.counts.capacity_rows = target.capacity_rows;
  sc.counts.capacity_intervals = target.capacity_intervals;
  sc.launch_sweep_scan(*target.names);
  sc.launch_compact(*target.names, target.out);
  return boost::outcome_v2::success();
}

/// A sweep stage over the plan's taps (already bound to their sources), its x maps specialised at
/// compile time (see XKind).
template <int Dim, int KMAX, class Predicate>
Result<void> launch_tap_sweep(const plan::Stage& stage, const std::vector<Tap<Dim>>& taps,
                              const Predicate& predicate, const SweepTarget<Dim>& target) {
  StageInputs<Dim, KMAX> in;
  for (const auto& t : taps) in.add_tap(t);
  for (int c : stage.candidate_taps) in.mark_candidate(c);
  return with_x_kind(in.x_kind(), [&](auto X) {
    return launch_sweep<decltype(X)::value, CandidateKind::taps>(in, predicate, target);
  });
}

/// A sweep stage in its group form (plan::TapGroup): compiled in fused_grouped.cpp.
template <int Dim>
Result<void> launch_grouped_sweep(const plan::Stage& stage, const std::vector<Tap<Dim>>& taps,
                                  const SweepTarget<Dim>& target);
extern template Result<void> launch_grouped_sweep(const plan::Stage&, const std::vector<Tap<2>>&,
                                                  const SweepTarget<2>&);
extern template Result<void> launch_grouped_sweep(const plan::Stage&, const std::vector<Tap<3>>&,
                                                  const SweepTarget<3>&);

template <int Dim>
class Executor {
 public:
  Executor(const plan::Plan& p, Workspace& ws) : plan_(p), ws_(ws) {}

  Result<IntervalSet<Dim>> run(const std::vector<IntervalSet<Dim>>& inputs,
                               IntervalSet<Dim>* into) {
    if (int(inputs.size()) != plan_.inputs)
      return make_error(ErrorCode::invalid_argument, "fused: the plan takes ", plan_.inputs,
                        " inputs, got ", inputs.size());
    if (plan_.result < plan_.inputs) {
      if (into)
        return make_error(ErrorCode::invalid_argument,
                          "fused: eval_into needs a plan ending in a stage");
      return inputs[std::size_t(plan_.result)];
    }
    ProfilingRegion region("fused");
    auto scope = ws_.scope();
    auto made = make_status(ws_, fused_names(), totals_slot(int(plan_.stages.size())));
    if (!made) return made.error();
    status_ = made.value();
    sources_.reserve(plan_.sources.size());
    for (const auto& in : inputs)
      sources_.push_back({OutputArrays<Dim>::of(in), in.num_rows, in.num_intervals, nullptr});

    IntervalSet<Dim> result;
    for (std::size_t s = 0; s < plan_.stages.size(); ++s) {
      const plan::Stage& stage = plan_.stages[s];
      const bool last = int(plan_.inputs + s) == plan_.result;
      const KernelNames& names = fused_stage_names(int(s));
      OutputArrays<Dim> out;
      std::int64_t capacity_rows = stage.rows_bound, capacity_intervals = stage.intervals_bound;
      if (last && into) {
        if (stage.kind != plan::Stage::sweep && stage.kind != plan::Stage::coarsen)
          return make_error(ErrorCode::invalid_argument,
                            "fused: eval_into needs a plan ending in a sweep");
        out = OutputArrays<Dim>::of(*into);
        capacity_rows =
            std::int64_t(std::min(into->row_keys.extent(0), into->row_ptr.extent(0) - 1));
        capacity_intervals =
            std::int64_t(std::min(into->intervals.extent(0), into->cell_offsets.extent(0) - 1));
      } else if (last) {
        auto allocated = IntervalSet<Dim>::allocate(index_t(stage.rows_bound),
                                                    index_t(stage.intervals_bound), names.base);
        if (!allocated) return allocated.error();
        result = std::move(allocated).value();
        out = OutputArrays<Dim>::of(result);
      } else {
        auto taken = take_outputs(stage, names.base);
        if (!taken) return taken.error();
        out = taken.value();
      }
      auto launched = launch(stage, int(s), out, capacity_rows, capacity_intervals, names);
      if (!launched) return launched.error();
      sources_.push_back({out, index_t(stage.rows_bound), index_t(stage.intervals_bound),
                          status_.data() + totals_slot(int(s))});
    }
    // The one host synchronisation.
    auto host = read_status(status_, ws_, Dim, "fused evaluation");
    if (!host) return host.error();
    const int totals = totals_slot(plan_.result - plan_.inputs);
    IntervalSet<Dim>& target = into ? *into : result;
    target.num_rows = index_t(host.value()(totals));
    target.num_intervals = index_t(host.value()(totals + 1));
    target.num_cells = host.value()(totals + 2);
    if (!into) {
      // Views of the exact sizes over the capacity-sized arrays.
      result.row_keys = Kokkos::subview(result.row_keys, std::make_pair(0, result.num_rows));
      result.row_ptr = Kokkos::subview(result.row_ptr, std::make_pair(0, result.num_rows + 1));
      result.intervals = Kokkos::subview(result.intervals, std::make_pair(0, result.num_intervals));
      result.cell_offsets =
          Kokkos::subview(result.cell_offsets, std::make_pair(0, result.num_intervals + 1));
    }
    return result;
  }

 private:
  const plan::Plan& plan_;
  Workspace& ws_;
  StatusView status_;
  std::vector<SourceArrays<Dim>> sources_;

  Result<OutputArrays<Dim>> take_outputs(const plan::Stage& stage, const std::string& label) {
    auto keys = ws_.take<RowKey<Dim>>(std::size_t(stage.rows_bound), {label, ".row_keys"});
    auto row_ptr = ws_.take<index_t>(std::size_t(stage.rows_bound) + 1, {label, ".row_ptr"});
    auto intervals = ws_.take<Interval>(std::size_t(stage.intervals_bound), {label, ".intervals"});
    auto cells =
        ws_.take<cell_count_t>(std::size_t(stage.intervals_bound) + 1, {label, ".cell_offsets"});
    if (!keys) return keys.error();
    if (!row_ptr) return row_ptr.error();
    if (!intervals) return intervals.error();
    if (!cells) return cells.error();
    return OutputArrays<Dim>{device_ptr(keys.value()), device_ptr(row_ptr.value()),
                             device_ptr(intervals.value()), device_ptr(cells.value())};
  }

  /// The stage's taps bound to their sources.
  std::vector<Tap<Dim>> stage_taps(const plan::Stage& stage) const {
    std::vector<Tap<Dim>> taps;
    taps.reserve(stage.taps.size());
    for (const auto& t : stage.taps) {
      Tap<Dim> tap = sources_[std::size_t(t.source)].tap();
      for (int a = 0; a < Dim - 1; ++a) tap.key_offset[a] = t.key_offset[std::size_t(a)];
      tap.x_shift = t.x_shift;
      tap.x_widen = t.x_widen;
      taps.push_back(tap);
    }
    return taps;
  }

  Result<void> launch(const plan::Stage& stage, int s, const OutputArrays<Dim>& out,
                      std::int64_t cap_rows, std::int64_t cap_intervals, const KernelNames& names) {
    const SweepTarget<Dim> target{status_,  &ws_,          totals_slot(s), out,
                                  cap_rows, cap_intervals, &names};
    switch (stage.kind) {
      case plan::Stage::sweep: {
        const std::vector<Tap<Dim>> taps = stage_taps(stage);
        if (stage.group.grouped()) return launch_grouped_sweep<Dim>(stage, taps, target);
        const std::size_t k = taps.size();
        if (k > std::size_t(plan::max_stage_taps))
          return make_error(ErrorCode::invalid_argument, "fused: a stage of ", k,
                            " taps exceeds plan::max_stage_taps (", plan::max_stage_taps, ")");
        if (k <= std::size_t(plan::max_table_taps)) {
          const TruthTable64 table{stage.table};
          if (k <= 2) return launch_tap_sweep<Dim, 2>(stage, taps, table, target);
          if (k == 3) return launch_tap_sweep<Dim, 3>(stage, taps, table, target);
          if (k <= std::size_t(few_taps))
            return launch_tap_sweep<Dim, few_taps>(stage, taps, table, target);
          return launch_tap_sweep<Dim, 8>(stage, taps, table, target);
        }
        const auto program = ProgramPredicate::of(stage.program);
        if (!program) return program.error();
        if (k <= 8) return launch_tap_sweep<Dim, 8>(stage, taps, program.value(), target);
        return launch_tap_sweep<Dim, plan::max_stage_taps>(stage, taps, program.value(), target);
      }
      case plan::Stage::refine: {
        const SourceArrays<Dim>& src = sources_[std::size_t(stage.source)];
        const RefineRows<Dim> map{src.arrays.row_keys,
                                  src.arrays.row_ptr,
                                  src.arrays.intervals,
                                  src.arrays.cell_offsets,
                                  src.rows_bound,
                                  src.totals,
                                  out,
                                  status_,
                                  totals_slot(s)};
        Kokkos::parallel_for(names.map, Kokkos::RangePolicy<ExecSpace>(0, src.rows_bound + 1), map);
        return boost::outcome_v2::success();
      }
      case plan::Stage::coarsen: {
        constexpr int classes = 1 << (Dim - 1);
        static_assert(classes <= stage_spare_slots, "a parity list size per spare slot");
        const SourceArrays<Dim>& src = sources_[std::size_t(stage.source)];
        auto lists = ws_.take<RowKey<Dim>>(std::size_t(src.rows_bound) * classes + 1,
                                           {names.base, ".parity_lists"});
        if (!lists) return lists.error();
        std::int64_t* sizes = status_.data() + totals_slot(s) + 3;  // the stage's spare slots
        const auto list_keys = device_ptr(lists.value());
        parity_partition<Dim>(src.arrays.row_keys, src.rows_bound, src.totals, list_keys, sizes,
                              names.base);
        return launch_sweep<XKind::general, CandidateKind::lists>(
            coarsen_inputs<Dim, few_taps>(src.tap(), list_keys, sizes), AnyOf{}, target);
      }
    }
    return boost::outcome_v2::success();
  }
};

}  // namespace fused_detail

template <int Dim>
Result<IntervalSet<Dim>> run_plan(const plan::Plan& plan,
                                  const std::vector<IntervalSet<Dim>>& inputs, Workspace& ws) {
  return fused_detail::Executor<Dim>(plan, ws).run(inputs, nullptr);
}

template <int Dim>
Result<void> run_plan_into(const plan::Plan& plan, const std::vector<IntervalSet<Dim>>& inputs,
                           IntervalSet<Dim>& out, Workspace& ws) {
  IntervalSet<Dim> staged = out;  // `out` changes only on success
  auto r = fused_detail::Executor<Dim>(plan, ws).run(inputs, &staged);
  if (!r) return r.error();
  out = staged;
  return boost::outcome_v2::success();
}

}  // namespace subsetix
