#pragma once
/// \file
/// The labels of one stage's kernels and buffers. Kokkos and the workspace take labels as
/// strings; building them on every evaluation (`name + "/sweep"`, …) was a malloc and a free
/// each, ~1 K host instructions per stage. The fused engine's stages keep theirs for the
/// process (fused_stage_names); the reference operations build theirs per call.

#include <string>

namespace subsetix::detail {

/// The kernel labels of a stage called `base` ("subsetix::<name>", also its buffers' prefix).
struct KernelNames {
  std::string base;     ///< the stage; its buffers are `base.<buffer>`
  std::string init;     ///< its status reset
  std::string sweep;    ///< sweep (or count)
  std::string scan;     ///< scan of the chunk counts
  std::string compact;  ///< compaction (or fill)
  std::string map;      ///< a map stage (refine)

  explicit KernelNames(std::string b)
      : base(std::move(b)),
        init(base + "/init"),
        sweep(base + "/sweep"),
        scan(base + "/scan"),
        compact(base + "/compact"),
        map(base + "/refine") {}
};

/// The names of the fused engine itself (`subsetix::fused`) and of its stage s
/// (`subsetix::fused/stage<s>`): built on first use, then shared (thread-safe; the references
/// stay valid for the process).
const KernelNames& fused_names();
/// See fused_names().
const KernelNames& fused_stage_names(int s);

}  // namespace subsetix::detail
