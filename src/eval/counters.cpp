#include "subsetix/eval/counters.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <Kokkos_Core.hpp>

namespace subsetix {
namespace {

std::atomic<std::uint64_t> kernels{0}, library_kernels{0}, fences{0}, deep_copies{0},
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

bool starts_with(const char* s, const char* prefix) {
  return std::strncmp(s, prefix, std::strlen(prefix)) == 0;
}

void on_fence(const char* name, const std::uint32_t, std::uint64_t* id) {
  *id = next_id.fetch_add(1, std::memory_order_relaxed);
  // Fences that exist only because a tool is loaded, or that deep_copy issues (counted with the
  // copy itself), are not the library's synchronisations.
  if (name && (starts_with(name, "Kokkos Profile Tool Fence") ||
               starts_with(name, "Kokkos::deep_copy") || starts_with(name, "Kokkos::Impl::")))
    return;
  fences.fetch_add(1, std::memory_order_relaxed);
}
void on_fence_end(std::uint64_t) {}

void on_deep_copy(Kokkos::Tools::SpaceHandle dst, const char*, const void*,
                  Kokkos::Tools::SpaceHandle, const char*, const void*, std::uint64_t) {
  deep_copies.fetch_add(1, std::memory_order_relaxed);
  if (std::strcmp(dst.name, Kokkos::HostSpace::name()) == 0)
    fences.fetch_add(1, std::memory_order_relaxed);
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
  return {kernels.load(),     library_kernels.load(), fences.load(),
          deep_copies.load(), allocations.load(),     bytes.load()};
}

}  // namespace subsetix
