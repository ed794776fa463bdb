#pragma once
/// \file
/// Turns the predicate's values along a row into output intervals: both row sweeps evaluate the
/// predicate after all boundaries at one x, and an interval opens where it turns true and is
/// emitted where it turns false. Touching intervals therefore merge: the output is canonical.

#include <cstdint>

#include <Kokkos_Macros.hpp>

namespace subsetix::detail {

/// The open interval, if any, of the row being swept.
struct OutputRuns {
  bool inside = false;
  std::int64_t opened_at = 0;

  /// The predicate is `now` from x on.
  template <class Sink>
  KOKKOS_FORCEINLINE_FUNCTION void at(std::int64_t x, bool now, Sink& sink) {
    if (now != inside) {
      if (now)
        opened_at = x;
      else
        sink.emit(opened_at, x);
      inside = now;
    }
  }
};

}  // namespace subsetix::detail
