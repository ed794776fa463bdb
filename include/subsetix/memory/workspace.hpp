#pragma once
/// \file
/// The stack-scoped workspace every evaluation draws its temporaries from.
///
///     subsetix::Workspace ws;
///     {
///       auto scope = ws.scope();
///       auto counts = ws.take<int>(n, "counts").value();  // valid until `scope` ends
///     }
///
/// Buffers are slots on a stack: the i-th buffer taken inside a scope reuses slot i, growing it
/// by 1.5x when it is too small, and every slot is kept when its scope ends. Evaluating the same
/// expression again therefore takes no new memory at all. Slots come from a pool, so Kokkos sees
/// only the pool's arenas.

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include <string_view>

#include "subsetix/core/config.hpp"
#include "subsetix/memory/pool.hpp"

namespace subsetix {

/// A buffer's name in two parts, joined only when the pool really allocates: on a warm
/// workspace no string is built (measured: the labels of one stage's buffers were ~2.5 K host
/// instructions per evaluation, most of them malloc and free).
struct BufferLabel {
  std::string_view prefix;  ///< e.g. the stage's name
  std::string_view suffix;  ///< e.g. ".row_keys"
  /// A one-part label.
  BufferLabel(const std::string& name) : prefix(name) {}  // NOLINT: implicit by design
  /// A one-part label.
  BufferLabel(const char* name) : prefix(name) {}  // NOLINT: implicit by design
  /// A two-part label.
  BufferLabel(std::string_view p, std::string_view s) : prefix(p), suffix(s) {}
  /// The joined name.
  std::string str() const {
    std::string name(prefix);
    name += suffix;
    return name;
  }
};

/// Stack-scoped temporaries from a pool: take arrays inside a scope; leaving the scope makes
/// its slots reusable; slots keep their memory, so a warm workspace allocates nothing.
class Workspace {
 public:
  /// A workspace drawing from `pool` (default: the process-wide device pool).
  explicit Workspace(memory::Pool<DeviceMemory>& pool = memory::default_pool<DeviceMemory>())
      : pool_(&pool) {}
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  /// Buffers taken while the scope lives return to the workspace when it ends. Scopes nest.
  class Scope {
   public:
    ~Scope() {
      if (ws_) ws_->pop_to(mark_);
    }
    /// Takes over `o`'s scope.
    Scope(Scope&& o) noexcept : ws_(o.ws_), mark_(o.mark_) { o.ws_ = nullptr; }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
    Scope& operator=(Scope&&) = delete;

   private:
    friend class Workspace;
    Scope(Workspace* ws, std::size_t mark) : ws_(ws), mark_(mark) {}
    Workspace* ws_;
    std::size_t mark_;
  };
  /// Opens a scope: slots taken from now on are released when it is destroyed.
  [[nodiscard]] Scope scope() { return Scope(this, top_); }

  /// An unmanaged View of `n` elements, valid until the innermost open scope ends.
  template <class T>
  Result<Kokkos::View<T*, DeviceMemory>> take(std::size_t n, const BufferLabel& label) {
    auto slot = take_bytes(n * sizeof(T), label);
    if (!slot) return slot.error();
    return Kokkos::View<T*, DeviceMemory>(static_cast<T*>(slot.value()), n);
  }

  /// A small host buffer for the one read of an evaluation's status (kept for the workspace's
  /// life: reading results needs no allocation either).
  Kokkos::View<std::int64_t*, HostMemory> host_buffer(std::size_t n);

  /// Slots in use.
  std::size_t depth() const { return top_; }
  /// Slots created so far.
  std::size_t slots() const { return slots_.size(); }
  /// Bytes held in slots.
  std::size_t capacity_bytes() const;
  /// Slots that had to grow (or be created) so far.
  std::uint64_t growths() const { return growths_; }
  /// The pool slots come from.
  memory::Pool<DeviceMemory>& pool() { return *pool_; }
  /// Returns every slot to the pool (no scope may be open).
  void release();

 private:
  struct Slot {
    memory::Block<DeviceMemory> block;
    std::size_t capacity = 0;
  };
  Result<void*> take_bytes(std::size_t bytes, const BufferLabel& label);
  void pop_to(std::size_t mark) { top_ = mark < top_ ? mark : top_; }

  memory::Pool<DeviceMemory>* pool_;
  std::vector<Slot> slots_;
  std::size_t top_ = 0;
  std::uint64_t growths_ = 0;
  Kokkos::View<std::int64_t*, HostMemory> host_;
};

/// The workspace of calls that do not pass one; `lock_default_workspace()` serialises its users
/// across threads (recursively: a call may nest others on the same thread).
Workspace& default_workspace();
/// Locks the default workspace for the calling thread (see default_workspace()).
std::unique_lock<std::recursive_mutex> lock_default_workspace();

/// Runs `f(default_workspace())` under the default workspace's lock.
template <class F>
auto with_default_workspace(F&& f) {
  auto lock = lock_default_workspace();
  return f(default_workspace());
}

}  // namespace subsetix
