#include "subsetix/memory/pool_core.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace subsetix::memory {
namespace {

std::size_t round_up(std::size_t n, std::size_t to) {
  return (n + to - 1) / to * to;
}

int class_of(std::size_t rounded) {
  int c = 0;
  while ((smallest_class << c) < rounded) ++c;
  return c;
}

Result<std::size_t> parse_bytes(const char* name, const char* text) {
  char* end = nullptr;
  const double v = std::strtod(text, &end);
  double scale = 1;
  if (end && *end) {
    switch (*end) {
      case 'k':
      case 'K':
        scale = 1024.0;
        break;
      case 'm':
      case 'M':
        scale = 1024.0 * 1024;
        break;
      case 'g':
      case 'G':
        scale = 1024.0 * 1024 * 1024;
        break;
      default:
        end = nullptr;
    }
    if (end && end[1]) end = nullptr;
  }
  if (!end || end == text || !(v >= 0))
    return make_error(ErrorCode::invalid_argument, name, "=`", text,
                      "` is not a byte count (e.g. 64M, 2G, 1048576)");
  return std::size_t(v * scale);
}

}  // namespace

Result<PoolOptions> pool_options_from_environment(PoolOptions o) {
  if (const char* v = std::getenv("SUBSETIX_POOL_INITIAL")) {
    auto b = parse_bytes("SUBSETIX_POOL_INITIAL", v);
    if (!b) return b.error();
    o.initial_bytes = b.value();
  }
  if (const char* v = std::getenv("SUBSETIX_POOL_MAX")) {
    auto b = parse_bytes("SUBSETIX_POOL_MAX", v);
    if (!b) return b.error();
    o.max_bytes = b.value();
  }
  if (const char* v = std::getenv("SUBSETIX_POOL_GROWTH")) {
    char* end = nullptr;
    o.growth = std::strtod(v, &end);
    if (!end || *end || !(o.growth > 1.0) || o.growth > 16)
      return make_error(ErrorCode::invalid_argument, "SUBSETIX_POOL_GROWTH=`", v,
                        "` must be a factor in (1, 16]");
  }
  return o;
}

std::string PoolStats::report() const {
  std::ostringstream os;
  os << "pool: in use " << current_bytes << " B (" << live_blocks << " blocks), peak " << peak_bytes
     << " B, total " << total_bytes << " B, backend " << backend_bytes << " B\n"
     << "      allocations " << allocations << ", backend allocations " << backend_allocations
     << ", reused " << reused << ", reuse rate " << reuse_rate() << "\n"
     << "      fragmentation: internal " << internal_fragmentation() << ", external "
     << external_fragmentation() << " (free " << free_bytes << " B, largest free block "
     << largest_free_block << " B)\n";
  return os.str();
}

PoolCore::PoolCore(Backend backend, PoolOptions options)
    : backend_(std::move(backend)), options_(options) {
  options_.initial_bytes = std::max(round_up(options_.initial_bytes, alignment), largest_class);
  next_arena_ = options_.initial_bytes;
}

PoolCore::~PoolCore() {
  shutdown("pool destroyed");
}

const PoolCore::Arena* PoolCore::arena_of(const void* p) const {
  for (const auto& a : arenas_)
    if (p >= a.base && p < a.base + a.size) return &a;
  return nullptr;
}

char* PoolCore::backend_aligned(const std::string& label, std::size_t bytes, void*& raw,
                                std::size_t& raw_size) {
  raw_size = bytes + alignment;
  raw = backend_.allocate(label, raw_size);
  if (!raw) return nullptr;
  const auto address = reinterpret_cast<std::uintptr_t>(raw);
  return reinterpret_cast<char*>((address + alignment - 1) / alignment * alignment);
}

bool PoolCore::grow(std::size_t at_least, const std::string& label) {
  // The next arena is 1.5x the last, but never more than the budget left (if that still fits).
  const std::size_t held = stats_.backend_bytes + alignment;  // + the alignment slack
  const std::size_t budget = options_.max_bytes - std::min(options_.max_bytes, held);
  const std::size_t size = round_up(std::max(at_least, std::min(next_arena_, budget)), alignment);
  if (size > budget) return false;
  void* raw = nullptr;
  std::size_t raw_size = 0;
  char* p = backend_aligned("subsetix::pool arena (" + label + ")", size, raw, raw_size);
  if (!p) return false;
  arenas_.push_back({p, size, raw, raw_size});
  stats_.backend_bytes += raw_size;
  ++stats_.backend_allocations;
  next_arena_ = std::size_t(double(size) * options_.growth);
  give_large(p, size);
  return true;
}

void PoolCore::give_large(char* p, std::size_t bytes) {
  // Coalesce with the free neighbours in the same arena.
  const Arena* arena = arena_of(p);
  auto next = free_by_address_.lower_bound(p);
  if (next != free_by_address_.end() && next->first == p + bytes &&
      arena_of(next->first) == arena) {
    bytes += next->second;
    auto range = free_by_size_.equal_range(next->second);
    for (auto it = range.first; it != range.second; ++it)
      if (it->second == next->first) {
        free_by_size_.erase(it);
        break;
      }
    next = free_by_address_.erase(next);
  }
  if (next != free_by_address_.begin()) {
    auto prev = std::prev(next);
    if (prev->first + prev->second == p && arena_of(prev->first) == arena) {
      auto range = free_by_size_.equal_range(prev->second);
      for (auto it = range.first; it != range.second; ++it)
        if (it->second == prev->first) {
          free_by_size_.erase(it);
          break;
        }
      p = prev->first;
      bytes += prev->second;
      free_by_address_.erase(prev);
    }
  }
  free_by_address_[p] = bytes;
  free_by_size_.emplace(bytes, p);
}

Result<char*> PoolCore::take_large(std::size_t bytes, const std::string& label) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto it = free_by_size_.lower_bound(bytes);  // best fit: the smallest range that fits
    if (it != free_by_size_.end()) {
      char* p = it->second;
      const std::size_t have = it->first;
      free_by_size_.erase(it);
      free_by_address_.erase(p);
      if (have > bytes) {
        free_by_address_[p + bytes] = have - bytes;
        free_by_size_.emplace(have - bytes, p + bytes);
      }
      return p;
    }
    if (attempt == 0 && grow(bytes, label)) continue;
    if (attempt == 1) {  // over the maximum: give back what is cached, then try once more
      trim_locked();
      if (grow(bytes, label)) continue;
    }
  }
  return make_error(ErrorCode::capacity_exceeded, "pool (", backend_.name, ") exhausted: `", label,
                    "` needs ", bytes, " bytes; in use ", stats_.current_bytes, " bytes, held ",
                    stats_.backend_bytes, " of at most ", options_.max_bytes,
                    " bytes (raise SUBSETIX_POOL_MAX)");
}

Result<void*> PoolCore::allocate(std::size_t bytes, const std::string& label) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shut_down_)
    return make_error(ErrorCode::invalid_argument, "pool (", backend_.name,
                      ") used after Kokkos finalize: `", label, "`");
  const std::size_t rounded = round_up(std::max<std::size_t>(bytes, 1), alignment);
  const std::uint64_t backend_before = stats_.backend_allocations;
  char* p = nullptr;
  int tier;
  std::size_t size = rounded;
  if (rounded <= largest_class) {
    tier = 0;
    const int c = class_of(rounded);
    size = smallest_class << c;
    if (!small_free_[c].empty()) {
      p = small_free_[c].back();
      small_free_[c].pop_back();
    } else {
      auto r = take_large(size, label);
      if (!r) return r.error();
      p = r.value();
    }
  } else if (rounded >= options_.huge_bytes) {
    tier = 2;
    if (stats_.backend_bytes + rounded + alignment > options_.max_bytes) trim_locked();
    if (stats_.backend_bytes + rounded + alignment > options_.max_bytes)
      return make_error(ErrorCode::capacity_exceeded, "pool (", backend_.name, ") exhausted: `",
                        label, "` needs ", rounded, " bytes; held ", stats_.backend_bytes,
                        " of at most ", options_.max_bytes, " bytes (raise SUBSETIX_POOL_MAX)");
    void* raw = nullptr;
    std::size_t raw_size = 0;
    p = backend_aligned("subsetix::pool huge (" + label + ")", rounded, raw, raw_size);
    if (!p)
      return make_error(ErrorCode::capacity_exceeded, "pool (", backend_.name,
                        "): the backend could not provide ", rounded, " bytes for `", label, "`");
    stats_.backend_bytes += raw_size;
    ++stats_.backend_allocations;
    live_.emplace(p, Live{size, bytes, tier, label, raw});
    ++stats_.allocations;
    stats_.current_bytes += size;
    stats_.requested_bytes += bytes;
    stats_.total_bytes += size;
    stats_.peak_bytes = std::max(stats_.peak_bytes, stats_.current_bytes);
    return static_cast<void*>(p);
  } else {
    tier = 1;
    auto r = take_large(rounded, label);
    if (!r) return r.error();
    p = r.value();
  }
  live_.emplace(p, Live{size, bytes, tier, label});
  ++stats_.allocations;
  if (stats_.backend_allocations == backend_before) ++stats_.reused;
  stats_.current_bytes += size;
  stats_.requested_bytes += bytes;
  stats_.total_bytes += size;
  stats_.peak_bytes = std::max(stats_.peak_bytes, stats_.current_bytes);
  return static_cast<void*>(p);
}

Result<void> PoolCore::deallocate(void* ptr) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shut_down_) return boost::outcome_v2::success();  // memory already released at shutdown
  const auto it = live_.find(ptr);
  if (it == live_.end()) {
    if (arena_of(ptr))
      return make_error(ErrorCode::invalid_argument, "pool (", backend_.name, "): pointer ", ptr,
                        " is not a live block (double free, or a pointer into a block)");
    return make_error(ErrorCode::invalid_argument, "pool (", backend_.name, "): pointer ", ptr,
                      " was not allocated by this pool");
  }
  const Live block = it->second;
  live_.erase(it);
  stats_.current_bytes -= block.size;
  stats_.requested_bytes -= block.requested;
  char* p = static_cast<char*>(ptr);
  if (block.tier == 0) {
    small_free_[class_of(block.size)].push_back(p);
  } else if (block.tier == 1) {
    give_large(p, block.size);
  } else {
    backend_.deallocate("subsetix::pool huge (" + block.label + ")", block.raw,
                        block.size + alignment);
    stats_.backend_bytes -= block.size + alignment;
  }
  return boost::outcome_v2::success();
}

void PoolCore::trim_locked() {
  for (auto& cls : small_free_) {
    for (char* p : cls) {
      const std::size_t size = smallest_class << (&cls - small_free_);
      give_large(p, size);
    }
    cls.clear();
  }
  // Arenas that are one free range are returned.
  for (auto a = arenas_.begin(); a != arenas_.end();) {
    const auto f = free_by_address_.find(a->base);
    if (f != free_by_address_.end() && f->second == a->size) {
      auto range = free_by_size_.equal_range(a->size);
      for (auto it = range.first; it != range.second; ++it)
        if (it->second == a->base) {
          free_by_size_.erase(it);
          break;
        }
      free_by_address_.erase(f);
      backend_.deallocate("subsetix::pool arena", a->raw, a->raw_size);
      stats_.backend_bytes -= a->raw_size;
      a = arenas_.erase(a);
    } else {
      ++a;
    }
  }
  if (arenas_.empty()) next_arena_ = options_.initial_bytes;
}

void PoolCore::trim() {
  std::lock_guard<std::mutex> lock(mutex_);
  trim_locked();
}

Result<void> PoolCore::reset() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!live_.empty())
    return make_error(ErrorCode::invalid_argument, "pool (", backend_.name, ") reset with ",
                      live_.size(), " live blocks");
  trim_locked();
  return boost::outcome_v2::success();
}

void PoolCore::shutdown(const char* why) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shut_down_) return;
  if (!live_.empty()) {
    std::string lines;
    std::size_t shown = 0;
    for (const auto& [p, b] : live_)
      if (++shown <= 20) lines += "  " + std::to_string(b.requested) + " bytes `" + b.label + "`\n";
    if (live_.size() > 20) lines += "  ... and " + std::to_string(live_.size() - 20) + " more\n";
    std::fprintf(stderr, "subsetix: %s with %zu pool block(s) still checked out (leaks):\n%s", why,
                 live_.size(), lines.c_str());
  }
  for (const auto& [p, b] : live_)
    if (b.tier == 2) backend_.deallocate("subsetix::pool huge", b.raw, b.size + alignment);
  for (const auto& a : arenas_) backend_.deallocate("subsetix::pool arena", a.raw, a.raw_size);
  arenas_.clear();
  free_by_address_.clear();
  free_by_size_.clear();
  for (auto& cls : small_free_) cls.clear();
  live_.clear();
  stats_.backend_bytes = 0;
  shut_down_ = true;
}

PoolStats PoolCore::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  PoolStats s = stats_;
  s.live_blocks = live_.size();
  s.free_bytes = 0;
  s.largest_free_block = 0;
  for (const auto& [p, n] : free_by_address_) {
    s.free_bytes += n;
    s.largest_free_block = std::max(s.largest_free_block, n);
  }
  return s;
}

std::string PoolCore::live_report() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out;
  for (const auto& [p, b] : live_)
    out += std::to_string(b.requested) + " bytes `" + b.label + "`\n";
  return out;
}

}  // namespace subsetix::memory
