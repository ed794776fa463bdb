#pragma once
/// \file
/// A fused evaluation plan: stages over sources, with every capacity bounded on the host.
///
/// Sources 0..inputs-1 are the expression's input sets; every stage adds one source, its
/// output. A stage is one of
/// - `sweep`: k taps (each a source with a row offset, an x shift and a widening) combined by
///   a boolean predicate (a truth table for up to max_table_taps taps, a postfix program beyond),
///   over the union of the rows of its candidate taps;
/// - `refine`: every cell of a source to its 2^Dim children (a map);
/// - `coarsen`: a source one level coarser (parity partition, then a 2^(Dim-1)-tap union).
/// `result` names the source that holds the result.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace subsetix::plan {

// The fixed capacities of a plan. Every one is enforced where the plan is built
// (passes/split_stages.hpp splits a stage that would exceed them) and checked again where the
// executor fills its fixed arrays.

/// Most taps one stage may read (the widest tap arrays the sweep is compiled for).
inline constexpr int max_stage_taps = 16;
/// Most taps a truth-table predicate holds: 2^6 outputs in one 64-bit word. Stages with more
/// taps carry a postfix program.
inline constexpr int max_table_taps = 6;
/// Longest postfix program a stage may carry (the executor's fixed program array).
inline constexpr int max_program = 96;

/// One input row stream of a stage: a source read with a row-key offset and an x map.
struct Tap {
  /// The source (input or earlier stage output) read.
  int source = -1;
  std::array<std::int64_t, 2> key_offset{};  ///< row-key slots: reads source row K + offset
  /// Added to every interval bound along x.
  std::int64_t x_shift = 0;
  /// Added to every interval end and subtracted from every begin (negative: erosion).
  std::int64_t x_widen = 0;

  /// Equal taps read the same rows the same way (the dedupe pass merges them).
  friend bool operator==(const Tap&, const Tap&) = default;
};

/// Postfix program over tap bits, for stages with more than max_table_taps taps.
enum class Instr : std::uint8_t {
  push_tap,  ///< push tap `tap`'s bit
  combine,   ///< pop b, pop a, push bit (a | b << 1) of `truth` (a boolean operator)
};
/// One instruction of a stage's postfix program.
struct ProgramStep {
  /// What the step does.
  Instr instr;
  /// The tap pushed (push_tap only).
  std::uint8_t tap;
  /// The operator's truth table (combine only; see expr/ops.hpp).
  std::uint8_t truth;
};

/// A sweep's predicate seen as `table(t0, …, t(singles−1), G)`, where G is the OR (or the AND,
/// `all`) of every later tap: the group's intervals then collapse to one before the sort
/// (see src/eval/kernels/sweep_grouped.hpp). `singles < 0`: the predicate has no such form.
struct TapGroup {
  /// Taps read singly (0 .. 2), before the group; -1 when the stage is not grouped.
  int singles = -1;
  bool all = false;         ///< the group reads as the AND of its taps, else as the OR
  std::uint32_t table = 0;  ///< bit (singles' bits | G << singles): the output
  /// Two singles whose table itself groups one of them with G (E5: `C & !D & G` reads
  /// `!D & (C & G)`): the single outside that pair (0 or 1), else -1. The sweep then combines
  /// the pair first and the result in closed form.
  int pair_single = -1;
  bool pair_all = false;         ///< the pair is (partner AND G), else (partner OR G)
  std::uint32_t pair_table = 0;  ///< bit (pair_single | pair << 1): the output

  /// True when the stage has a group.
  bool grouped() const { return singles >= 0; }
  /// Equal forms read the same taps the same way.
  friend bool operator==(const TapGroup&, const TapGroup&) = default;
};

/// One unit of a plan: a sweep over taps (sweep, scan, compact), or a refine or coarsen map.
struct Stage {
  /// Sweep: taps combined by a predicate; refine, coarsen: a level change of one source.
  enum Kind { sweep, refine, coarsen };
  Kind kind = sweep;                 ///< what the stage does
  std::vector<Tap> taps;             ///< sweep
  std::vector<int> candidate_taps;   ///< sweep: taps whose rows hold every output row
  std::uint64_t table = 0;           ///< sweep, <= max_table_taps taps: bit m = output of mask m
  std::vector<ProgramStep> program;  ///< sweep, > max_table_taps taps (<= max_program steps)
  /// Sweep: all 2^k outputs, bit m of word m / 64 (the capacity pass chooses the candidate
  /// taps from it once the inputs' sizes are known).
  std::vector<std::uint64_t> truth;
  TapGroup group;               ///< sweep: the predicate's group form, if it has one
  int source = -1;              ///< refine, coarsen
  std::int64_t rows_bound = 0;  ///< output capacity, known before any kernel runs
  /// Output interval capacity, known before any kernel runs.
  std::int64_t intervals_bound = 0;
};

/// Capacity bounds of a source (an input's exact sizes, a stage's bounds).
struct Source {
  /// Rows, at most.
  std::int64_t rows_bound = 0;
  /// Intervals, at most.
  std::int64_t intervals_bound = 0;
};

/// A lowered expression: its stages in execution order, with capacities for every output.
struct Plan {
  /// The dimension of every source.
  int dim = 2;
  /// Number of input sets (sources 0 .. inputs - 1).
  int inputs = 0;
  /// Inputs, then one per stage (filled by the capacity pass, passes/bound_capacity.hpp).
  std::vector<Source> sources;
  /// Stages in execution order; stage s writes source `inputs + s`.
  std::vector<Stage> stages;
  int result = -1;  ///< the source holding the result (an input when nothing is computed)

  /// The source stage `s` writes.
  constexpr int source_of_stage(std::size_t s) const { return inputs + int(s); }
  /// Kernels the fused engine launches: one status reset, then per sweep stage count + scan +
  /// fill, per refine stage one map, per coarsen stage a partition scan + count + scan + fill.
  int expected_kernels() const;
  /// Host synchronisations the fused engine performs: one status read, none when the plan has
  /// no stage (the result is an input, returned as it is).
  int expected_fences() const;
  /// A readable listing: stages, taps, truth tables or programs, capacity bounds.
  std::string describe() const;
};

}  // namespace subsetix::plan
