#pragma once
/// \file
/// The device-side status block of an evaluation: result totals written by the scan, and the
/// first error any kernel raised. The host reads it once, with one deep copy: the fence.

#include <cstdint>
#include <string>

#include "subsetix/core/config.hpp"
#include "subsetix/core/error.hpp"
#include "subsetix/memory/workspace.hpp"

namespace subsetix::detail {

enum StatusSlot : int {
  slot_rows = 0,
  slot_intervals,
  slot_cells,
  slot_error,       ///< DeviceError code, 0 when all is well
  slot_error_axis,
  slot_error_value,
  slot_count
};

enum DeviceError : std::int64_t { device_ok = 0, device_coordinate_overflow = 1 };

using StatusView = Kokkos::View<std::int64_t*, DeviceMemory>;
using HostStatus = Kokkos::View<std::int64_t*, HostMemory>;

/// Records the first error; later ones are dropped (the first is the one reported).
KOKKOS_INLINE_FUNCTION void raise_overflow(const StatusView& s, int axis, std::int64_t value) {
  if (Kokkos::atomic_compare_exchange(&s(slot_error), std::int64_t(0),
                                      std::int64_t(device_coordinate_overflow)) == 0) {
    s(slot_error_axis) = axis;
    s(slot_error_value) = value;
  }
}

/// A zeroed status block from the workspace (one small kernel).
Result<StatusView> make_status(Workspace& ws, const std::string& label);

/// Copies the status to the workspace's host buffer (the one host synchronisation) and turns a
/// device error into a Result error naming the operation.
Result<HostStatus> read_status(const StatusView& status, Workspace& ws, int dim,
                               const std::string& operation);

}  // namespace subsetix::detail
