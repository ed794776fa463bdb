#include "eval/kernels/status.hpp"

#include "subsetix/core/host_sync.hpp"
#include "subsetix/core/interval_set.hpp"

namespace subsetix::detail {

Result<StatusView> make_status(Workspace& ws, const KernelNames& names, int slots) {
  auto status = ws.take<std::int64_t>(std::size_t(slots), {names.base, ".status"});
  if (!status) return status.error();
  const StatusView s = status.value();
  Kokkos::parallel_for(
      names.init, Kokkos::RangePolicy<ExecSpace>(0, slots),
      KOKKOS_LAMBDA(const int i) { s(i) = 0; });
  return s;
}

Result<StatusView> make_status(Workspace& ws, const std::string& label, int slots) {
  return make_status(ws, KernelNames(label), slots);
}

Result<HostStatus> read_status(const StatusView& status, Workspace& ws, int dim,
                               std::string_view operation) {
  const int slots = int(status.extent(0));
  const HostStatus host =
      Kokkos::subview(ws.host_buffer(std::size_t(slots)), std::make_pair(0, slots));
  count_host_sync();
  Kokkos::deep_copy(host, status);
  if (host(slot_error) == device_capacity_exceeded)
    return make_error(ErrorCode::capacity_exceeded, operation, ": the output holds too few ",
                      host(slot_error_axis) == 0 ? "rows" : "intervals", " (the result needs ",
                      host(slot_error_value), ")");
  if (host(slot_error) == device_coordinate_overflow) {
    // axis 0 = x, 1 = y, 2 = z
    const char* axis = host(slot_error_axis) == 0 ? "x" : host(slot_error_axis) == 1 ? "y" : "z";
    return make_error(ErrorCode::coordinate_overflow, operation, ": a result coordinate on axis ",
                      axis, " (", host(slot_error_value), ") leaves the int32 range of a ", dim,
                      "D set");
  }
  return host;
}

}  // namespace subsetix::detail
