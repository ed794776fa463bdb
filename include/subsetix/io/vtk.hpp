#pragma once
/// \file
/// VTK legacy output (ParaView opens it): one VTK_PIXEL (2D) or VTK_VOXEL (3D) per interval,
/// with the interval length as cell data.

#include <string>

#include "subsetix/core/any_set.hpp"
#include "subsetix/core/error.hpp"

namespace subsetix::io {

/// Writes `set` as a legacy-VTK unstructured grid for ParaView: one VTK_PIXEL (2D) or VTK_VOXEL
/// (3D) cell per interval, with the interval's cell count as cell data.
template <int Dim>
Result<void> write_vtk(const std::string& path, const IntervalSet<Dim>& set);

/// \cond EXPLICIT_INSTANTIATIONS
extern template Result<void> write_vtk(const std::string&, const IntervalSet<2>&);
extern template Result<void> write_vtk(const std::string&, const IntervalSet<3>&);
/// \endcond

}  // namespace subsetix::io
