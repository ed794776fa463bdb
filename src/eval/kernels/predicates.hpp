#pragma once
/// \file
/// Stage predicates: functors from a coverage mask (bit t: tap t covers x) to "x is in the
/// output". Plain data, copied into kernels.

#include <cstdint>

#include <Kokkos_Macros.hpp>

namespace subsetix::detail {

/// Any tap covers x (coarsening's union of parity classes).
struct AnyOf {
  KOKKOS_INLINE_FUNCTION bool operator()(std::uint64_t mask) const { return mask != 0; }
};
/// A truth table over up to 6 taps: bit `mask` of `table` is the output for that mask.
struct TruthTable64 {
  std::uint64_t table;
  KOKKOS_INLINE_FUNCTION bool operator()(std::uint64_t mask) const { return (table >> mask) & 1u; }
};

/// The predicate of a grouped stage: taps 0 .. S−1 read singly, the taps of `group_mask` as one.
template <int S>
struct GroupedPredicate {
  static_assert(S >= 0 && S <= 2, "up to two single taps");
  /// Taps read singly, before the group.
  static constexpr int singles = S;
  std::uint64_t group_mask = 0;  ///< the group's taps: bits S .. k − 1
  bool all = false;              ///< the group reads as the AND of its taps, else as the OR
  /// Bit `(singles' bits) | (group bit << S)`: the output.
  std::uint32_t table = 0;
  /// Two singles only: when the table itself reads one single and the group through their AND
  /// (or OR, `pair_all` false) — `C & G & !D` — that single (0 or 1) is `pair_partner`, the
  /// other is `pair_single`, and `pair_table` is the 2-tap table over (pair_single, the pair).
  /// -1: no such form.
  int pair_partner = -1;
  int pair_single = -1;          ///< see pair_partner
  bool pair_all = false;         ///< see pair_partner
  std::uint32_t pair_table = 0;  ///< see pair_partner

  KOKKOS_INLINE_FUNCTION bool operator()(std::uint64_t mask) const {
    const std::uint64_t g = mask & group_mask;
    const std::uint64_t group_bit = all ? g == group_mask : g != 0;
    return (table >> ((mask & ((std::uint64_t(1) << S) - 1)) | (group_bit << S))) & 1u;
  }
};

template <class Predicate>
inline constexpr bool is_grouped = requires {
  Predicate::singles;
};

}  // namespace subsetix::detail
