#include "subsetix/memory/workspace.hpp"

namespace subsetix {

Result<void*> Workspace::take_bytes(std::size_t bytes, const BufferLabel& label) {
  if (top_ == slots_.size()) slots_.emplace_back();
  Slot& slot = slots_[top_];
  if (slot.capacity < bytes || !slot.block) {
    // Grow by 1.5x so that a slot whose need creeps up settles after a few evaluations.
    const std::size_t capacity = std::max(bytes, slot.capacity + slot.capacity / 2);
    slot.block = memory::Block<DeviceMemory>();  // return the old block first
    auto block = pool_->allocate(capacity, "subsetix::workspace (" + label.str() + ")");
    if (!block) {
      slot.capacity = 0;
      return block.error();
    }
    slot.block = std::move(block).value();
    slot.capacity = capacity;
    ++growths_;
  }
  ++top_;
  return slot.block.data();
}

Kokkos::View<std::int64_t*, HostMemory> Workspace::host_buffer(std::size_t n) {
  if (host_.extent(0) < n)
    host_ = Kokkos::View<std::int64_t*, HostMemory>(
        Kokkos::view_alloc(Kokkos::WithoutInitializing, "subsetix::workspace.host"),
        std::max<std::size_t>(n, 16));
  return host_;
}

std::size_t Workspace::capacity_bytes() const {
  std::size_t n = 0;
  for (const auto& s : slots_) n += s.capacity;
  return n;
}

void Workspace::release() {
  slots_.clear();
  top_ = 0;
  host_ = {};
}

namespace {
std::recursive_mutex default_mutex;
}

Workspace& default_workspace() {
  static Workspace* ws = [] {
    auto* w = new Workspace();
    Kokkos::push_finalize_hook([w] { w->release(); });
    return w;
  }();
  return *ws;
}

std::unique_lock<std::recursive_mutex> lock_default_workspace() {
  return std::unique_lock<std::recursive_mutex>(default_mutex);
}

}  // namespace subsetix
