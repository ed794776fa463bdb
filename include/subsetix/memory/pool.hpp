#pragma once
/// \file
/// Pooled memory in a Kokkos memory space, seen through unmanaged Views; ownership lives in
/// move-only RAII blocks.
///
///     auto& pool = subsetix::memory::default_pool<subsetix::DeviceMemory>();
///     auto block = pool.allocate(n * sizeof(int), "my ints").value();
///     Kokkos::View<int*, subsetix::DeviceMemory> v = block.view<int>(n);  // unmanaged
///     // block returns to the pool when it goes out of scope
///
/// Arenas are taken with `MemorySpace::allocate(label, bytes)`, so Kokkos Tools sees every
/// backend allocation. The default pools are released when Kokkos finalizes, and blocks still
/// checked out then are reported (with their labels) as leaks.

#include <memory>
#include <string>

#include <Kokkos_Core.hpp>

#include "subsetix/memory/pool_core.hpp"

namespace subsetix::memory {

template <class MemorySpace>
class Pool;

/// A block of pooled memory: move-only, returned to its pool on destruction.
template <class MemorySpace>
class Block {
 public:
  Block() = default;
  /// Takes over `o`'s memory; `o` becomes empty.
  Block(Block&& o) noexcept { *this = std::move(o); }
  /// Releases this block, then takes over `o`'s memory.
  Block& operator=(Block&& o) noexcept {
    if (this != &o) {
      release_or_warn();
      pool_ = std::move(o.pool_);
      ptr_ = o.ptr_;
      bytes_ = o.bytes_;
      o.ptr_ = nullptr;
      o.bytes_ = 0;
    }
    return *this;
  }
  Block(const Block&) = delete;
  Block& operator=(const Block&) = delete;
  ~Block() { release_or_warn(); }

  /// The block's memory (nullptr when empty).
  void* data() const { return ptr_; }
  /// Its size in bytes.
  std::size_t bytes() const { return bytes_; }
  /// True when the block holds memory.
  explicit operator bool() const { return ptr_ != nullptr; }

  /// An unmanaged View of `n` elements over the block (n * sizeof(T) <= bytes()).
  template <class T>
  Kokkos::View<T*, MemorySpace> view(std::size_t n) const {
    return Kokkos::View<T*, MemorySpace>(static_cast<T*>(ptr_), n);
  }

  /// Returns the block now. Errors: the pool is gone (the block outlived it), or the pool
  /// rejects the pointer. The handle is empty afterwards either way.
  Result<void> release() {
    if (!ptr_) return boost::outcome_v2::success();
    void* p = ptr_;
    ptr_ = nullptr;
    bytes_ = 0;
    auto pool = pool_.lock();
    pool_.reset();
    if (!pool)
      return make_error(ErrorCode::invalid_argument,
                        "a pool block outlived its pool; its memory was already released");
    return pool->deallocate(p);
  }

 private:
  friend class Pool<MemorySpace>;
  Block(std::weak_ptr<PoolCore> pool, void* ptr, std::size_t bytes)
      : pool_(std::move(pool)), ptr_(ptr), bytes_(bytes) {}
  void release_or_warn() {
    if (auto r = release(); !r) std::fprintf(stderr, "subsetix: %s\n", r.error().message().c_str());
  }

  std::weak_ptr<PoolCore> pool_;
  void* ptr_ = nullptr;
  std::size_t bytes_ = 0;
};

/// A memory pool over a Kokkos memory space: size classes for small blocks, best-fit arenas for
/// large ones, growth within a budget; blocks are move-only handles.
template <class MemorySpace>
class Pool {
 public:
  /// A pool with `options` (see PoolOptions); nothing is allocated until the first take.
  explicit Pool(PoolOptions options = PoolOptions())
      : core_(std::make_shared<PoolCore>(backend(), options)) {}

  /// A block of at least `bytes`, 256-byte aligned.
  Result<Block<MemorySpace>> allocate(std::size_t bytes, const std::string& label) {
    auto p = core_->allocate(bytes, label);
    if (!p) return p.error();
    return Block<MemorySpace>(core_, p.value(), bytes);
  }

  /// The space-independent allocator behind the pool.
  PoolCore& core() { return *core_; }
  /// The space-independent allocator behind the pool.
  const PoolCore& core() const { return *core_; }
  /// Usage statistics.
  PoolStats stats() const { return core_->stats(); }
  /// Returns every wholly free arena to the backend.
  void trim() { core_->trim(); }
  /// Returns all memory to the backend; an error when blocks are still live.
  Result<void> reset() { return core_->reset(); }

  /// The memory space's allocate/deallocate, labelled for Kokkos Tools.
  static Backend backend() {
    return Backend{MemorySpace::name(),
                   [](const std::string& label, std::size_t bytes) {
                     return MemorySpace().allocate(label.c_str(), bytes);
                   },
                   [](const std::string& label, void* p, std::size_t bytes) {
                     MemorySpace().deallocate(label.c_str(), p, bytes);
                   }};
  }

 private:
  std::shared_ptr<PoolCore> core_;
};

/// The process-wide pool of a memory space, created on first use (after Kokkos::initialize)
/// with options from the environment, and released when Kokkos finalizes.
template <class MemorySpace>
Pool<MemorySpace>& default_pool() {
  static Pool<MemorySpace>* pool = [] {
    auto options = pool_options_from_environment();
    if (!options) throw Exception(options.error());
    auto* p = new Pool<MemorySpace>(options.value());
    Kokkos::push_finalize_hook([p] { p->core().shutdown("Kokkos::finalize"); });
    return p;
  }();
  return *pool;
}

}  // namespace subsetix::memory
