// The fused executor for 3D sets.
#include "fused_executor.hpp"

namespace subsetix {

template Result<IntervalSet<3>> run_plan(const plan::Plan&, const std::vector<IntervalSet<3>>&,
                                         Workspace&);
template Result<void> run_plan_into(const plan::Plan&, const std::vector<IntervalSet<3>>&,
                                    IntervalSet<3>&, Workspace&);

}  // namespace subsetix
