#include "eval/kernels/kernel_names.hpp"

#include <deque>
#include <mutex>

namespace subsetix::detail {

const KernelNames& fused_names() {
  static const KernelNames names("subsetix::fused");
  return names;
}

const KernelNames& fused_stage_names(int s) {
  static std::mutex mutex;
  static std::deque<KernelNames> stages;  // a deque: references survive growth
  const std::lock_guard<std::mutex> lock(mutex);
  while (int(stages.size()) <= s)
    stages.emplace_back("subsetix::fused/stage" + std::to_string(stages.size()));
  return stages[std::size_t(s)];
}

}  // namespace subsetix::detail
