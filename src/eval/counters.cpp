#include "subsetix/eval/counters.hpp"

#include <string>

#include "subsetix/core/host_sync.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <Kokkos_Core.hpp>

namespace subsetix {
namespace {

std::atomic<std::uint64_t> kernels{0}, library_kernels{0}, kokkos_fences{0}, deep_copies{0},
    allocations{0}, bytes{0};
std::atomic<std::uint64_t> next_id{1};
std::atomic<bool> installed{false};

const bool trace_kernels = std::getenv("SUBSETIX_TRACE_KERNELS") != nullptr;

void on_kernel(const char* name, const std::uint32_t, std::uint64_t* id) {
  if (trace_kernels) std::fprintf(stderr, "kernel: %s\n", name);
  kernels.fetch_add(1, std::memory_order_relaxed);
  if (name && std::strncmp(name, "subsetix::", 10) == 0)
    library_kernels.fetch_add(1, std::memory_order_relaxed);
  *id = next_id.fetch_add(1, std::memory_order_relaxed);
}
void on_kernel_end(std::uint64_t) {}

void on_fence(const char*, const std::uint32_t, std::uint64_t* id) {
  *id = next_id.fetch_add(1, std::memory_order_relaxed);
  kokkos_fences.fetch_add(1, std::memory_order_relaxed);
}
void on_fence_end(std::uint64_t) {}

void on_deep_copy(Kokkos::Tools::SpaceHandle, const char*, const void*, Kokkos::Tools::SpaceHandle,
                  const char*, const void*, std::uint64_t) {
  deep_copies.fetch_add(1, std::memory_order_relaxed);
}

void on_allocate(Kokkos::Tools::SpaceHandle, const char*, const void*, std::uint64_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  bytes.fetch_add(size, std::memory_order_relaxed);
}

}  // namespace

void install_kokkos_counters() {
  if (installed.exchange(true)) return;
  namespace T = Kokkos::Tools::Experimental;
  T::set_begin_parallel_for_callback(on_kernel);
  T::set_end_parallel_for_callback(on_kernel_end);
  T::set_begin_parallel_reduce_callback(on_kernel);
  T::set_end_parallel_reduce_callback(on_kernel_end);
  T::set_begin_parallel_scan_callback(on_kernel);
  T::set_end_parallel_scan_callback(on_kernel_end);
  T::set_begin_fence_callback(on_fence);
  T::set_end_fence_callback(on_fence_end);
  T::set_begin_deep_copy_callback(on_deep_copy);
  T::set_allocate_data_callback(on_allocate);
}

KokkosCounts kokkos_counts() {
  return {kernels.load(),     library_kernels.load(), detail::host_syncs(), kokkos_fences.load(),
          deep_copies.load(), allocations.load(),     bytes.load()};
}

bool kokkos_reports_fences() {
  return KOKKOS_VERSION >= 30500;
}

std::string kokkos_version() {
  return std::to_string(KOKKOS_VERSION / 10000) + "." + std::to_string(KOKKOS_VERSION / 100 % 100) +
         "." + std::to_string(KOKKOS_VERSION % 100);
}

namespace detail {
namespace {
std::atomic<std::uint64_t> host_sync_count{0};
}
void count_host_sync(std::uint64_t n) {
  host_sync_count.fetch_add(n, std::memory_order_relaxed);
}
std::uint64_t host_syncs() {
  return host_sync_count.load(std::memory_order_relaxed);
}
}  // namespace detail

}  // namespace subsetix
