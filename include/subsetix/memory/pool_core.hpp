#pragma once
/// \file
/// The pool's allocator, independent of Kokkos memory spaces (they come in as a Backend).
///
/// Tiers:
/// - small blocks (<= 1 MiB): size classes 256 B, 512 B, ... 1 MiB with a free list each; a class
///   takes its blocks from the large tier and keeps them cached until `trim()`;
/// - large blocks: best fit over the free ranges of a few big arenas, with coalescing of
///   neighbours on free; arenas come from the backend, each new one 1.5x (configurable) the
///   last, up to a configurable maximum of backend bytes;
/// - huge requests (>= `huge_bytes`): straight from the backend.
/// Every block is 256-byte aligned. Thread-safe (one mutex).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "subsetix/core/error.hpp"

namespace subsetix::memory {

/// Alignment of every block.
inline constexpr std::size_t alignment = 256;
/// Smallest size class.
inline constexpr std::size_t smallest_class = 256;
/// Largest size class; larger requests go to the arena tier.
inline constexpr std::size_t largest_class = std::size_t(1) << 20;  // 1 MiB
/// Number of size classes, powers of two.
inline constexpr int num_classes = 13;  // 256 B .. 1 MiB

/// How a pool grows: initial arena, growth factor, budget.
struct PoolOptions {
  std::size_t initial_bytes = std::size_t(16) << 20;  ///< first arena
  std::size_t max_bytes = std::size_t(16) << 30;      ///< backend bytes held at most
  double growth = 1.5;                                ///< each new arena vs the previous one
  std::size_t huge_bytes = std::size_t(256) << 20;    ///< requests this large bypass arenas
};

/// `defaults` overridden by SUBSETIX_POOL_INITIAL, SUBSETIX_POOL_MAX (bytes, with an optional
/// K/M/G suffix) and SUBSETIX_POOL_GROWTH (a factor > 1). Malformed values are errors.
Result<PoolOptions> pool_options_from_environment(PoolOptions defaults = PoolOptions());

/// What a pool holds and has done.
struct PoolStats {
  std::size_t current_bytes = 0;          ///< handed out now (rounded sizes)
  std::size_t requested_bytes = 0;        ///< handed out now (as requested)
  std::size_t peak_bytes = 0;             ///< most ever handed out at once
  std::size_t total_bytes = 0;            ///< handed out over the pool's life
  std::size_t backend_bytes = 0;          ///< held from the backend now
  std::uint64_t allocations = 0;          ///< pool allocations served
  std::uint64_t backend_allocations = 0;  ///< of which needed a backend allocation
  std::uint64_t reused = 0;               ///< served from memory the pool already held
  std::size_t free_bytes = 0;             ///< free in arenas (large tier)
  /// Largest free range in one arena.
  std::size_t largest_free_block = 0;
  /// Blocks handed out and not yet returned.
  std::size_t live_blocks = 0;

  /// 1 - backend allocations / pool allocations.
  double reuse_rate() const {
    return allocations ? 1.0 - double(backend_allocations) / double(allocations) : 0.0;
  }
  /// 1 - largest free block / total free (0 when nothing is free).
  double external_fragmentation() const {
    return free_bytes ? 1.0 - double(largest_free_block) / double(free_bytes) : 0.0;
  }
  /// Bytes lost to rounding (size classes, alignment) among the live blocks.
  double internal_fragmentation() const {
    return current_bytes ? 1.0 - double(requested_bytes) / double(current_bytes) : 0.0;
  }
  /// A multi-line, readable summary.
  std::string report() const;
};

/// Where big blocks come from: a Kokkos memory space's allocate/deallocate.
struct Backend {
  /// For messages and allocation labels.
  std::string name;
  /// Allocates `bytes` labelled `label` (nullptr or throw on failure).
  std::function<void*(const std::string& label, std::size_t bytes)> allocate;
  /// Returns memory obtained from allocate.
  std::function<void(const std::string& label, void* ptr, std::size_t bytes)> deallocate;
};

/// The allocator behind Pool, independent of Kokkos memory spaces (thread-safe).
class PoolCore {
 public:
  /// A pool drawing from `backend` as `options` say.
  PoolCore(Backend backend, PoolOptions options);
  ~PoolCore();
  PoolCore(const PoolCore&) = delete;
  PoolCore& operator=(const PoolCore&) = delete;

  /// A block of at least `bytes` (0 is allowed), 256-byte aligned. Fails when the maximum would
  /// be exceeded even after trimming cached blocks; nothing is changed then.
  Result<void*> allocate(std::size_t bytes, const std::string& label);
  /// Returns a block. Double frees and pointers the pool did not hand out are errors, and
  /// change nothing.
  Result<void> deallocate(void* ptr);

  /// Returns cached small blocks to the arenas, and entirely free arenas to the backend.
  void trim();
  /// Returns everything to the backend; an error (and nothing done) while blocks are live.
  Result<void> reset();
  /// Releases all backend memory even with live blocks (at Kokkos finalize), reporting them.
  /// Later deallocations of those blocks are ignored.
  void shutdown(const char* why);

  /// Usage statistics.
  PoolStats stats() const;
  /// Live blocks, one line each: label and size (for leak reports).
  std::string live_report() const;
  /// The backend's name.
  const std::string& name() const { return backend_.name; }
  /// The options in force.
  const PoolOptions& options() const { return options_; }

 private:
  struct Live {
    std::size_t size;  // rounded
    std::size_t requested;
    int tier;  // 0 small, 1 large, 2 huge
    std::string label;
    void* raw = nullptr;  // huge: what the backend returned (before alignment)
  };
  struct Arena {
    char* base;        // aligned start
    std::size_t size;  // usable bytes from `base`
    void* raw;         // what the backend returned
    std::size_t raw_size;
  };
  /// Backend memory aligned to `alignment` (backends promise less): returns the aligned
  /// pointer and sets `raw`, `raw_size` to what must be given back.
  char* backend_aligned(const std::string& label, std::size_t bytes, void*& raw,
                        std::size_t& raw_size);

  Result<char*> take_large(std::size_t bytes, const std::string& label);
  void give_large(char* p, std::size_t bytes);
  bool grow(std::size_t at_least, const std::string& label);
  void trim_locked();
  const Arena* arena_of(const void* p) const;

  Backend backend_;
  PoolOptions options_;
  mutable std::mutex mutex_;
  std::vector<Arena> arenas_;
  std::size_t next_arena_ = 0;
  std::map<char*, std::size_t> free_by_address_;
  std::multimap<std::size_t, char*> free_by_size_;
  std::vector<char*> small_free_[num_classes];
  std::unordered_map<void*, Live> live_;
  PoolStats stats_;
  bool shut_down_ = false;
};

}  // namespace subsetix::memory
