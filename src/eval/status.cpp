#include "subsetix/eval/detail/status.hpp"

#include "subsetix/core/interval_set.hpp"

namespace subsetix::detail {

Result<StatusView> make_status(Workspace& ws, const std::string& label) {
  auto status = ws.take<std::int64_t>(slot_count, label + ".status");
  if (!status) return status.error();
  const StatusView s = status.value();
  Kokkos::parallel_for(label + "/init", Kokkos::RangePolicy<ExecSpace>(0, slot_count),
                       KOKKOS_LAMBDA(const int i) { s(i) = 0; });
  return s;
}

Result<HostStatus> read_status(const StatusView& status, Workspace& ws, int dim,
                               const std::string& operation) {
  const HostStatus host = Kokkos::subview(ws.host_buffer(slot_count), std::make_pair(0, int(slot_count)));
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
