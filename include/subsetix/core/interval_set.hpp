#pragma once
/// \file
/// `IntervalSet<Dim, MemorySpace>`: a sparse set of cells stored as CSR rows of intervals.

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "subsetix/core/config.hpp"
#include "subsetix/core/error.hpp"
#include "subsetix/core/host_sync.hpp"
#include "subsetix/core/types.hpp"
#include "subsetix/memory/pool.hpp"

namespace subsetix {

/// A set of cells in canonical CSR form: rows strictly increasing by key, no empty rows,
/// intervals in a row sorted, non-empty and separated by at least one cell.
/// Equality of sets is therefore equality of arrays. Sets are values: operations never modify
/// their inputs, and results may share arrays with inputs (e.g. a translated set shares `row_ptr`).
///
/// Computed sets live in one pooled block (the arrays are unmanaged Views over it, `storage`
/// owns it): dropping a set returns its memory to the pool, not to the backend.
template <int Dim, class MemorySpace = DeviceMemory>
struct IntervalSet {
  static_assert(Dim == 2 || Dim == 3, "subsetix supports 2D and 3D sets");
  /// The dimension, 2 or 3.
  static constexpr int dim = Dim;
  /// The Kokkos memory space holding the arrays.
  using memory_space = MemorySpace;
  /// The row key type, `RowKey<Dim>`.
  using key_type = RowKey<Dim>;
  /// A one-dimensional array in the set's memory space.
  template <class T>
  using array = Kokkos::View<T*, MemorySpace>;

  array<RowKey<Dim>> row_keys;       ///< [num_rows]
  array<index_t> row_ptr;            ///< [num_rows + 1], offsets into `intervals`
  array<Interval> intervals;         ///< [num_intervals]
  array<cell_count_t> cell_offsets;  ///< [num_intervals + 1], cells before each interval
  /// Number of non-empty rows.
  index_t num_rows = 0;
  /// Number of intervals over all rows.
  index_t num_intervals = 0;
  /// Number of cells (sum of interval sizes).
  cell_count_t num_cells = 0;
  std::shared_ptr<const void> storage;  ///< owns the pooled block behind unmanaged arrays

  /// True for the empty set (no rows).
  bool empty() const { return num_rows == 0; }

  /// Arrays for a set of known size in one pooled block, uninitialised (a kernel fills them).
  static Result<IntervalSet> allocate(index_t rows, index_t intervals, const std::string& label) {
    const std::size_t sizes[4] = {std::size_t(rows) * sizeof(RowKey<Dim>),
                                  (std::size_t(rows) + 1) * sizeof(index_t),
                                  std::size_t(intervals) * sizeof(Interval),
                                  (std::size_t(intervals) + 1) * sizeof(cell_count_t)};
    std::size_t offsets[5] = {0};
    for (int i = 0; i < 4; ++i)
      offsets[i + 1] =
          offsets[i] + (sizes[i] + memory::alignment - 1) / memory::alignment * memory::alignment;
    auto block = memory::default_pool<MemorySpace>().allocate(offsets[4], label);
    if (!block) return block.error();
    auto owner = std::make_shared<memory::Block<MemorySpace>>(std::move(block).value());
    char* base = static_cast<char*>(owner->data());
    IntervalSet s;
    s.num_rows = rows;
    s.num_intervals = intervals;
    s.row_keys = array<RowKey<Dim>>(reinterpret_cast<RowKey<Dim>*>(base + offsets[0]), rows);
    s.row_ptr = array<index_t>(reinterpret_cast<index_t*>(base + offsets[1]), rows + 1);
    s.intervals = array<Interval>(reinterpret_cast<Interval*>(base + offsets[2]), intervals);
    s.cell_offsets =
        array<cell_count_t>(reinterpret_cast<cell_count_t*>(base + offsets[3]), intervals + 1);
    s.storage = std::move(owner);
    return s;
  }

  /// The empty set: its two sentinel offsets point at a shared zeroed block.
  static IntervalSet empty_set() {
    // One zeroed block per space, dropped at Kokkos finalize (before the pool shuts down:
    // finalize hooks run in reverse order and the pool's was pushed first).
    static std::shared_ptr<const void> zeros = [] {
      auto block = memory::default_pool<MemorySpace>()
                       .allocate(2 * memory::alignment, "subsetix::empty")
                       .value();
      Kokkos::View<char*, MemorySpace> bytes(static_cast<char*>(block.data()), block.bytes());
      detail::count_host_sync();
      Kokkos::deep_copy(bytes, char(0));
      Kokkos::push_finalize_hook([] { zeros.reset(); });
      return std::shared_ptr<const void>(
          std::make_shared<memory::Block<MemorySpace>>(std::move(block)));
    }();
    const auto* block = static_cast<const memory::Block<MemorySpace>*>(zeros.get());
    char* base = static_cast<char*>(block->data());
    IntervalSet s;
    s.row_keys = array<RowKey<Dim>>(reinterpret_cast<RowKey<Dim>*>(base), 0);
    s.row_ptr = array<index_t>(reinterpret_cast<index_t*>(base), 1);
    s.intervals = array<Interval>(reinterpret_cast<Interval*>(base), 0);
    s.cell_offsets =
        array<cell_count_t>(reinterpret_cast<cell_count_t*>(base + memory::alignment), 1);
    s.storage = zeros;
    return s;
  }
};

/// A set whose arrays live in host memory.
template <int Dim>
using HostIntervalSet = IntervalSet<Dim, HostMemory>;

/// The set in another memory space. Shares the arrays when the space is the same (no copy).
template <class DstSpace, int Dim, class SrcSpace>
IntervalSet<Dim, DstSpace> copy_to(const IntervalSet<Dim, SrcSpace>& src) {
  IntervalSet<Dim, DstSpace> dst;
  if constexpr (!std::is_same_v<DstSpace, SrcSpace>) detail::count_host_sync(4);  // 4 deep copies
  dst.row_keys = Kokkos::create_mirror_view_and_copy(DstSpace{}, src.row_keys);
  dst.row_ptr = Kokkos::create_mirror_view_and_copy(DstSpace{}, src.row_ptr);
  dst.intervals = Kokkos::create_mirror_view_and_copy(DstSpace{}, src.intervals);
  dst.cell_offsets = Kokkos::create_mirror_view_and_copy(DstSpace{}, src.cell_offsets);
  dst.num_rows = src.num_rows;
  dst.num_intervals = src.num_intervals;
  dst.num_cells = src.num_cells;
  if constexpr (std::is_same_v<DstSpace, SrcSpace>) dst.storage = src.storage;  // same arrays
  return dst;
}

/// A host copy of `s` (a shallow copy when `s` is already in host memory).
template <int Dim, class Space>
HostIntervalSet<Dim> to_host(const IntervalSet<Dim, Space>& s) {
  return copy_to<HostMemory>(s);
}
/// A copy of `s` in device memory (a shallow copy when it is already there).
template <int Dim, class Space>
IntervalSet<Dim> to_device(const IntervalSet<Dim, Space>& s) {
  return copy_to<DeviceMemory>(s);
}

/// Cell-for-cell equality (canonical form makes it array equality). Copies to the host.
template <int Dim, class SA, class SB>
bool equal(const IntervalSet<Dim, SA>& a, const IntervalSet<Dim, SB>& b) {
  if (a.num_rows != b.num_rows || a.num_intervals != b.num_intervals || a.num_cells != b.num_cells)
    return false;
  const auto ha = to_host(a);
  const auto hb = to_host(b);
  for (index_t r = 0; r < a.num_rows; ++r)
    if (ha.row_keys(r) != hb.row_keys(r) || ha.row_ptr(r + 1) != hb.row_ptr(r + 1)) return false;
  for (index_t i = 0; i < a.num_intervals; ++i)
    if (!(ha.intervals(i) == hb.intervals(i))) return false;
  return true;
}

/// A point (or a per-axis offset or radius): `p[0] = x`, `p[1] = y`, `p[2] = z`.
/// A struct rather than an alias so that `Dim` deduces from it.
template <int Dim>
struct Point : std::array<coord_t, Dim> {};

/// The row key of a point (outermost axis first).
template <int Dim>
constexpr RowKey<Dim> row_key_of(const Point<Dim>& p) {
  RowKey<Dim> k{};
  for (int i = 0; i < Dim - 1; ++i) k.c[i] = p[Dim - 1 - i];
  return k;
}

/// Axis name of row-key slot `i` (2D: y; 3D: z, y), for messages.
template <int Dim>
constexpr const char* key_axis_name(int i) {
  return Dim == 2 ? "y" : (i == 0 ? "z" : "y");
}

}  // namespace subsetix
