#pragma once
/// \file
/// The device-side status block of an evaluation: result totals written by the scan, and the
/// first error any kernel raised. The host reads it once, with one deep copy: the fence.

#include <cstdint>
#include <string>

#include "eval/kernels/kernel_names.hpp"
#include "subsetix/core/config.hpp"
#include "subsetix/core/error.hpp"
#include "subsetix/memory/workspace.hpp"

namespace subsetix::detail {

/// Layout: the first error, then per stage a group of totals (rows, intervals, cells, and four
/// spare slots, e.g. a coarsening's parity list sizes). A single operation is stage 0.
enum StatusSlot : int {
  slot_error = 0,
  slot_error_axis,   ///< overflow: 0 = x, 1 = y, 2 = z; capacity: 0 = rows, 1 = intervals
  slot_error_value,  ///< the offending coordinate, or the size needed
  slot_first_totals
};
inline constexpr int slots_per_stage = 8;
/// A stage's spare slots follow its three totals.
inline constexpr int stage_spare_slots = slots_per_stage - 3;
KOKKOS_INLINE_FUNCTION constexpr int totals_slot(int stage) {
  return slot_first_totals + slots_per_stage * stage;
}
inline constexpr int slot_rows = totals_slot(0);
inline constexpr int slot_intervals = slot_rows + 1;
inline constexpr int slot_cells = slot_rows + 2;
inline constexpr int slot_count = totals_slot(1);

enum DeviceError : std::int64_t {
  device_ok = 0,
  device_coordinate_overflow = 1,
  device_capacity_exceeded = 2
};

using StatusView = Kokkos::View<std::int64_t*, DeviceMemory>;
using HostStatus = Kokkos::View<std::int64_t*, HostMemory>;

/// Records the first error; later ones are dropped (the first is the one reported).
KOKKOS_INLINE_FUNCTION void raise(const StatusView& s, DeviceError code, int detail,
                                  std::int64_t value) {
  if (Kokkos::atomic_compare_exchange(&s(slot_error), std::int64_t(0), std::int64_t(code)) == 0) {
    s(slot_error_axis) = detail;
    s(slot_error_value) = value;
  }
}
KOKKOS_INLINE_FUNCTION void raise_overflow(const StatusView& s, int axis, std::int64_t value) {
  raise(s, device_coordinate_overflow, axis, value);
}

/// A zeroed status block of `slots` slots from the workspace (one small kernel, `<label>/init`).
Result<StatusView> make_status(Workspace& ws, const std::string& label, int slots = slot_count);
/// The same, with the labels built once (kernel_names.hpp).
Result<StatusView> make_status(Workspace& ws, const KernelNames& names, int slots = slot_count);

/// Copies the status to the workspace's host buffer (the one host synchronisation) and turns a
/// device error into a Result error naming the operation.
Result<HostStatus> read_status(const StatusView& status, Workspace& ws, int dim,
                               std::string_view operation);

}  // namespace subsetix::detail
