#include "subsetix/io/text_io.hpp"

namespace subsetix::io {

template <int Dim>
Result<IntervalSet<Dim>> to_set(const TextRecords& records, const std::string& source) {
  if (records.dim != Dim)
    return make_error(ErrorCode::dimension_mismatch, source, ": a ", records.dim, "D set where a ",
                      Dim, "D set is expected");
  std::vector<RowInterval<Dim>> items;
  items.reserve(records.records.size());
  for (const auto& r : records.records) {
    RowInterval<Dim> it;
    for (int s = 0; s < Dim - 1; ++s) it.key.c[s] = r[s];
    it.interval = Interval{r[Dim - 1], r[Dim]};
    items.push_back(it);
  }
  return from_intervals(std::move(items));
}

Result<AnySet> read_text(const std::string& path) {
  auto records = read_text_records(path);
  if (!records) return records.error();
  if (records.value().dim == 2) {
    auto s = to_set<2>(records.value(), path);
    if (!s) return s.error();
    return AnySet(std::move(s).value());
  }
  auto s = to_set<3>(records.value(), path);
  if (!s) return s.error();
  return AnySet(std::move(s).value());
}

template Result<IntervalSet<2>> to_set(const TextRecords&, const std::string&);
template Result<IntervalSet<3>> to_set(const TextRecords&, const std::string&);

}  // namespace subsetix::io
