#include "subsetix/eval/detail/status.hpp"

#include "subsetix/core/interval_set.hpp"

namespace subsetix::detail {

Result<HostStatus> read_status(const StatusView& status, int dim, const std::string& operation) {
  HostStatus host(Kokkos::view_alloc(Kokkos::WithoutInitializing, "subsetix::status.host"));
  Kokkos::deep_copy(host, status);
  if (host(slot_error) == device_coordinate_overflow) {
    // axis 0 = x, 1 = y, 2 = z
    const char* axis = host(slot_error_axis) == 0 ? "x" : host(slot_error_axis) == 1 ? "y" : "z";
    return make_error(ErrorCode::coordinate_overflow, operation, ": a result coordinate on axis ",
                      axis, " (", host(slot_error_value), ") leaves the int32 range of a ",
                      dim, "D set");
  }
  return host;
}

}  // namespace subsetix::detail
