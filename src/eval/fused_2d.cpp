// The fused executor for 2D sets.
#include "fused_executor.hpp"

namespace subsetix {

template Result<IntervalSet<2>> run_plan(const plan::Plan&, const std::vector<IntervalSet<2>>&,
                                         Workspace&);
template Result<void> run_plan_into(const plan::Plan&, const std::vector<IntervalSet<2>>&,
                                    IntervalSet<2>&, Workspace&);

}  // namespace subsetix
