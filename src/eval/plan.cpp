#include "subsetix/eval/plan.hpp"

#include <sstream>

namespace subsetix {

namespace plan {

int Plan::expected_kernels() const {
  if (stages.empty()) return 0;
  int n = 1;  // status reset
  for (const auto& s : stages) n += s.kind == Stage::sweep ? 3 : s.kind == Stage::refine ? 1 : 4;
  return n;
}

int Plan::expected_fences() const {
  return stages.empty() ? 0 : 1;
}

std::string Plan::describe() const {
  std::ostringstream os;
  auto name = [&](int source) {  // appended: GCC 12 warns falsely on "literal" + std::string
    std::string n = source < inputs ? "in" : "s";
    n += std::to_string(source < inputs ? source : source - inputs);
    return n;
  };
  os << dim << "D plan: " << inputs << " input(s), " << stages.size() << " stage(s), result "
     << name(result) << ", " << expected_kernels() << " kernels, " << expected_fences()
     << (expected_fences() == 1 ? " fence\n" : " fences\n");
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const Stage& s = stages[i];
    os << "  s" << i << " = ";
    if (s.kind == Stage::refine) {
      os << "refine(" << name(s.source) << ")";
    } else if (s.kind == Stage::coarsen) {
      os << "coarsen(" << name(s.source) << ")";
    } else {
      os << "sweep over " << s.taps.size() << " tap(s):";
      for (std::size_t t = 0; t < s.taps.size(); ++t) {
        const Tap& tap = s.taps[t];
        os << " t" << t << "=" << name(tap.source);
        if (tap.key_offset != std::array<std::int64_t, 2>{} || tap.x_shift || tap.x_widen) {
          os << "[row+";
          for (int a = 0; a + 1 < dim; ++a) os << (a ? "," : "") << tap.key_offset[std::size_t(a)];
          if (tap.x_shift) os << " x+" << tap.x_shift;
          if (tap.x_widen) os << " widen " << tap.x_widen;
          os << "]";
        }
      }
      os << "; candidates";
      for (int c : s.candidate_taps) os << " t" << c;
      if (s.taps.size() <= std::size_t(plan::max_table_taps)) {
        os << "; truth table ";
        for (int m = (1 << s.taps.size()) - 1; m >= 0; --m) os << ((s.table >> m) & 1u);
      } else {
        os << "; program of " << s.program.size() << " steps";
      }
      if (s.group.grouped()) {
        os << "; group t" << s.group.singles << "..t" << s.taps.size() - 1
           << (s.group.all ? " (AND)" : " (OR)");
        if (s.group.pair_single >= 0)
          os << ", paired with t" << 1 - s.group.pair_single
             << (s.group.pair_all ? " (AND)" : " (OR)");
      }
    }
    os << "; capacity " << s.rows_bound << " rows, " << s.intervals_bound << " intervals\n";
  }
  return os.str();
}

}  // namespace plan

}  // namespace subsetix
