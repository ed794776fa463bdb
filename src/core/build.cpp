// Host-side construction: sort, merge, lay out as CSR, copy to the device.
#include <algorithm>

#include "subsetix/core/build.hpp"

namespace subsetix {
namespace {

/// Lays out canonical (sorted, merged) intervals as a device set.
template <int Dim>
IntervalSet<Dim> layout(const std::vector<RowInterval<Dim>>& items) {
  std::vector<RowKey<Dim>> keys;
  std::vector<index_t> row_ptr{0};
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i == 0 || items[i].key != items[i - 1].key) {
      if (i > 0) row_ptr.push_back(index_t(i));
      keys.push_back(items[i].key);
    }
  }
  if (!items.empty()) row_ptr.push_back(index_t(items.size()));
  HostIntervalSet<Dim> h;
  h.num_rows = index_t(keys.size());
  h.num_intervals = index_t(items.size());
  h.row_keys = decltype(h.row_keys)("subsetix::build.row_keys", keys.size());
  h.row_ptr = decltype(h.row_ptr)("subsetix::build.row_ptr", row_ptr.size());
  h.intervals = decltype(h.intervals)("subsetix::build.intervals", items.size());
  h.cell_offsets = decltype(h.cell_offsets)("subsetix::build.cell_offsets", items.size() + 1);
  for (std::size_t r = 0; r < keys.size(); ++r) h.row_keys(r) = keys[r];
  for (std::size_t r = 0; r < row_ptr.size(); ++r) h.row_ptr(r) = row_ptr[r];
  cell_count_t cells = 0;
  for (std::size_t j = 0; j < items.size(); ++j) {
    h.intervals(j) = items[j].interval;
    h.cell_offsets(j) = cells;
    cells += items[j].interval.size();
  }
  h.cell_offsets(items.size()) = cells;
  h.num_cells = cells;
  return to_device(h);
}

}  // namespace

template <int Dim>
Result<IntervalSet<Dim>> from_intervals(std::vector<RowInterval<Dim>> items) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].interval.begin >= items[i].interval.end)
      return make_error(ErrorCode::invalid_argument, "from_intervals: interval ", i, " [",
                        items[i].interval.begin, ", ", items[i].interval.end,
                        ") is empty or inverted");
  if (items.size() >= std::size_t(INT32_MAX))
    return make_error(ErrorCode::capacity_exceeded, "from_intervals: too many intervals");
  std::sort(items.begin(), items.end(), [](const RowInterval<Dim>& a, const RowInterval<Dim>& b) {
    if (a.key != b.key) return a.key < b.key;
    return a.interval.begin < b.interval.begin;
  });
  std::vector<RowInterval<Dim>> merged;
  merged.reserve(items.size());
  for (const auto& it : items) {
    if (!merged.empty() && merged.back().key == it.key &&
        it.interval.begin <= merged.back().interval.end)
      merged.back().interval.end = std::max(merged.back().interval.end, it.interval.end);
    else
      merged.push_back(it);
  }
  return layout(merged);
}

template <int Dim>
Result<IntervalSet<Dim>> from_cells(const std::vector<Point<Dim>>& cells) {
  std::vector<RowInterval<Dim>> items;
  items.reserve(cells.size());
  for (const auto& p : cells) {
    if (p[0] == coord_max)
      return make_error(ErrorCode::coordinate_overflow, "from_cells: x = ", p[0],
                        " has no half-open interval in int32");
    items.push_back({row_key_of<Dim>(p), Interval{p[0], coord_t(p[0] + 1)}});
  }
  return from_intervals(std::move(items));
}

template <int Dim>
Result<IntervalSet<Dim>> from_csr(const std::vector<RowKey<Dim>>& row_keys,
                                  const std::vector<index_t>& row_ptr,
                                  const std::vector<Interval>& intervals) {
  if (row_ptr.size() != row_keys.size() + 1)
    return make_error(ErrorCode::invalid_csr, "invalid CSR: row_ptr has ", row_ptr.size(),
                      " entries, expected rows + 1 = ", row_keys.size() + 1);
  HostIntervalSet<Dim> h;
  h.num_rows = index_t(row_keys.size());
  h.num_intervals = index_t(intervals.size());
  h.row_keys = decltype(h.row_keys)("subsetix::csr.row_keys", row_keys.size());
  h.row_ptr = decltype(h.row_ptr)("subsetix::csr.row_ptr", row_ptr.size());
  h.intervals = decltype(h.intervals)("subsetix::csr.intervals", intervals.size());
  for (std::size_t i = 0; i < row_keys.size(); ++i) h.row_keys(i) = row_keys[i];
  for (std::size_t i = 0; i < row_ptr.size(); ++i) h.row_ptr(i) = row_ptr[i];
  for (std::size_t i = 0; i < intervals.size(); ++i) h.intervals(i) = intervals[i];
  if (auto ok = validate(h); !ok) return ok.error();
  std::vector<RowInterval<Dim>> items;
  for (index_t r = 0; r < h.num_rows; ++r)
    for (index_t j = row_ptr[r]; j < row_ptr[r + 1]; ++j)
      items.push_back({row_keys[r], intervals[j]});
  return layout(items);
}

#define SUBSETIX_INSTANTIATE(D)                                                \
  template Result<IntervalSet<D>> from_intervals(std::vector<RowInterval<D>>); \
  template Result<IntervalSet<D>> from_cells(const std::vector<Point<D>>&);    \
  template Result<IntervalSet<D>> from_csr(                                    \
      const std::vector<RowKey<D>>&, const std::vector<index_t>&, const std::vector<Interval>&);
SUBSETIX_INSTANTIATE(2)
SUBSETIX_INSTANTIATE(3)

}  // namespace subsetix
