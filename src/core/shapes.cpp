// Shapes as row programs over the rows of a bounding box: count-scan-fill drops empty rows.
#include <cmath>

#include "eval/kernels/count_scan_fill.hpp"
#include "subsetix/core/shapes.hpp"
#include "subsetix/memory/workspace.hpp"

namespace subsetix::shapes {
namespace {

/// Candidate rows: every row of the box [lo, hi) on the key axes, row-major, in chunks.
template <int Dim, class Generator>
struct BoxRows {
  static constexpr index_t rows_per_chunk = 64;
  Generator generator;
  std::int64_t lo[Dim - 1];
  std::int64_t extent[Dim - 1];
  index_t count;

  index_t chunks() const { return (count + rows_per_chunk - 1) / rows_per_chunk; }

  template <class F>
  KOKKOS_INLINE_FUNCTION void visit_chunk(index_t c, F&& f) const {
    const index_t end = min_of(count, (c + 1) * rows_per_chunk);
    for (index_t i = c * rows_per_chunk; i < end; ++i) {
      RowKey<Dim> k;
      std::int64_t rest = i;
      for (int s = Dim - 2; s >= 0; --s) {
        k.c[s] = coord_t(lo[s] + rest % extent[s]);
        rest /= extent[s];
      }
      f(k, [&](auto& sink) { generator(k, sink); });
    }
  }
};

template <int Dim, class Generator>
Result<IntervalSet<Dim>> generate(const Generator& generator, const Point<Dim>& lo,
                                  const Point<Dim>& hi, const std::string& name) {
  detail::ProfilingRegion region(name);
  BoxRows<Dim, Generator> rows{generator, {}, {}, 0};
  std::int64_t count = 1;
  for (int s = 0; s < Dim - 1; ++s) {
    const int axis = Dim - 1 - s;
    rows.lo[s] = lo[axis];
    rows.extent[s] = std::max<std::int64_t>(0, std::int64_t(hi[axis]) - lo[axis]);
    count *= rows.extent[s];
    if (count >= INT32_MAX)
      return make_error(ErrorCode::capacity_exceeded, name, ": ", count,
                        " rows exceed the int32 index range");
  }
  if (hi[0] <= lo[0]) count = 0;
  rows.count = index_t(count);
  return with_default_workspace([&](Workspace& ws) -> Result<IntervalSet<Dim>> {
    auto scope = ws.scope();
    auto status = detail::make_status(ws, "subsetix::" + name);
    if (!status) return status.error();
    return detail::count_scan_fill<Dim>(rows, status.value(), ws, name);
  });
}

template <int Dim>
struct BoxRow {
  std::int64_t x0, x1;
  template <class Sink>
  KOKKOS_INLINE_FUNCTION void operator()(const RowKey<Dim>&, Sink& sink) const {
    sink.emit(x0, x1);
  }
};

/// A disk or ball: centre (x, then key slots), radius.
template <int Dim>
struct RoundRow {
  std::int64_t cx, centre[Dim - 1], r;
  template <class Sink>
  KOKKOS_INLINE_FUNCTION void operator()(const RowKey<Dim>& k, Sink& sink) const {
    std::int64_t left = r * r;
    for (int s = 0; s < Dim - 1; ++s) left -= (k.c[s] - centre[s]) * (k.c[s] - centre[s]);
    if (left < 0) return;
    const std::int64_t w = isqrt(left);
    sink.emit(cx - w, cx + w + 1);
  }
};

/// Merges touching intervals before they reach the sink (a band can vanish on a row and let
/// its two neighbours touch).
template <class Sink>
struct MergingSink {
  Sink& sink;
  std::int64_t b = 0, e = 0;
  bool pending = false;
  KOKKOS_INLINE_FUNCTION void emit(std::int64_t nb, std::int64_t ne) {
    if (pending && nb <= e) {
      e = ne > e ? ne : e;
      return;
    }
    flush();
    b = nb;
    e = ne;
    pending = true;
  }
  KOKKOS_INLINE_FUNCTION void flush() {
    if (pending) sink.emit(b, e);
    pending = false;
  }
};

struct RingsRow {
  std::int64_t cx, cy, r, width;
  template <class Sink>
  KOKKOS_INLINE_FUNCTION void operator()(const RowKey<2>& k, Sink& out) const {
    MergingSink<Sink> sink{out};
    bands(k, sink);
    sink.flush();
  }
  template <class Sink>
  KOKKOS_INLINE_FUNCTION void bands(const RowKey<2>& k, Sink& sink) const {
    const std::int64_t dy = k.c[0] - cy;
    if (dy * dy > r * r) return;
    // Band b holds cells with b*width <= d < (b+1)*width, i.e. d^2 in [(b w)^2, ((b+1) w)^2).
    // |dx| ranges: x-extent of the band on this row, mirrored on both sides of cx.
    const std::int64_t outer = isqrt(r * r - dy * dy);  // |dx| <= outer inside the disk
    const std::int64_t first_band = isqrt(dy * dy) / width;
    const std::int64_t last_band = isqrt(r * r) / width;
    // |dx| range of band b on this row: [lo_b, hi_b] with lo_b = smallest |dx| with d >= b w.
    auto min_dx = [&](std::int64_t b) {
      const std::int64_t d2 = b * width * b * width - dy * dy;
      if (d2 <= 0) return std::int64_t(0);
      const std::int64_t s = isqrt(d2);
      return s * s == d2 ? s : s + 1;
    };
    // Left side (descending |dx|), then right side (ascending |dx|).
    for (std::int64_t b = last_band; b >= first_band; --b) {
      if (b % 2) continue;
      const std::int64_t lo = min_dx(b);
      const std::int64_t hi =
          b + 1 > last_band ? outer : min_of<std::int64_t>(outer, min_dx(b + 1) - 1);
      if (lo <= hi) {
        if (lo == 0)
          sink.emit(cx - hi, cx + hi + 1);  // the band crosses the centre column
        else
          sink.emit(cx - hi, cx - lo + 1);
      }
    }
    for (std::int64_t b = first_band; b <= last_band; ++b) {
      if (b % 2) continue;
      const std::int64_t lo = min_dx(b);
      const std::int64_t hi =
          b + 1 > last_band ? outer : min_of<std::int64_t>(outer, min_dx(b + 1) - 1);
      if (lo <= hi && lo > 0) sink.emit(cx + lo, cx + hi + 1);
    }
  }
};

template <int Dim>
struct CheckerRow {
  std::int64_t lo[Dim], hi_x, tile;
  template <class Sink>
  KOKKOS_INLINE_FUNCTION void operator()(const RowKey<Dim>& k, Sink& sink) const {
    std::int64_t parity = 0;
    for (int s = 0; s < Dim - 1; ++s) parity += (k.c[s] - lo[Dim - 1 - s]) / tile;
    for (std::int64_t x = lo[0] + (parity % 2) * tile; x < hi_x; x += 2 * tile)
      sink.emit(x, min_of<std::int64_t>(x + tile, hi_x));
  }
};

/// SplitMix64: a counter-based hash, so every row draws the same numbers in count and fill.
KOKKOS_INLINE_FUNCTION std::uint64_t mix(std::uint64_t z) {
  z += 0x9e3779b97f4a7c15ull;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

template <int Dim>
struct RandomRow {
  std::int64_t x0, x1;
  std::uint64_t seed;
  std::uint64_t row_threshold;      // row present when hash < threshold
  std::int64_t run_span, gap_span;  // lengths uniform in [1, span]
  template <class Sink>
  KOKKOS_INLINE_FUNCTION void operator()(const RowKey<Dim>& k, Sink& sink) const {
    std::uint64_t h = seed;
    for (int s = 0; s < Dim - 1; ++s) h = mix(h ^ std::uint64_t(std::uint32_t(k.c[s])));
    if (mix(h) >= row_threshold && row_threshold != ~0ull) return;
    std::int64_t x = x0 + std::int64_t(mix(h + 1) % std::uint64_t(gap_span));
    for (std::uint64_t j = 2; x < x1; j += 2) {
      const std::int64_t run = 1 + std::int64_t(mix(h + j) % std::uint64_t(run_span));
      const std::int64_t end = min_of<std::int64_t>(x + run, x1);
      sink.emit(x, end);
      x = end + 1 + std::int64_t(mix(h + j + 1) % std::uint64_t(gap_span));
    }
  }
};

}  // namespace

template <int Dim>
Result<IntervalSet<Dim>> box(const Point<Dim>& lo, const Point<Dim>& hi) {
  return generate<Dim>(BoxRow<Dim>{lo[0], hi[0]}, lo, hi, "box");
}

Result<IntervalSet<2>> disk(coord_t cx, coord_t cy, coord_t r) {
  if (r < 0) return make_error(ErrorCode::invalid_argument, "disk: radius ", r, " is negative");
  const std::int64_t ext[] = {std::int64_t(cx) - r, std::int64_t(cx) + r + 1, std::int64_t(cy) - r,
                              std::int64_t(cy) + r + 1};
  for (auto v : ext)
    if (!fits_coord(v))
      return make_error(ErrorCode::coordinate_overflow, "disk: extent ", v, " leaves int32");
  return generate<2>(RoundRow<2>{cx, {cy}, r}, {coord_t(ext[0]), coord_t(ext[2])},
                     {coord_t(ext[1]), coord_t(ext[3])}, "disk");
}

Result<IntervalSet<3>> ball(coord_t cx, coord_t cy, coord_t cz, coord_t r) {
  if (r < 0) return make_error(ErrorCode::invalid_argument, "ball: radius ", r, " is negative");
  Point<3> lo, hi;
  const coord_t c[3] = {cx, cy, cz};
  for (int a = 0; a < 3; ++a) {
    const std::int64_t l = std::int64_t(c[a]) - r, h = std::int64_t(c[a]) + r + 1;
    if (!fits_coord(l) || !fits_coord(h))
      return make_error(ErrorCode::coordinate_overflow, "ball: extent on axis ", "xyz"[a],
                        " leaves int32");
    lo[a] = coord_t(l);
    hi[a] = coord_t(h);
  }
  return generate<3>(RoundRow<3>{cx, {cz, cy}, r}, lo, hi, "ball");
}

Result<IntervalSet<2>> rings(coord_t cx, coord_t cy, coord_t r, coord_t width) {
  if (r < 0 || width <= 0)
    return make_error(ErrorCode::invalid_argument, "rings: radius ", r, " and width ", width,
                      " must be >= 0 and > 0");
  const std::int64_t ext[] = {std::int64_t(cx) - r, std::int64_t(cx) + r + 1, std::int64_t(cy) - r,
                              std::int64_t(cy) + r + 1};
  for (auto v : ext)
    if (!fits_coord(v))
      return make_error(ErrorCode::coordinate_overflow, "rings: extent ", v, " leaves int32");
  return generate<2>(RingsRow{cx, cy, r, width}, {coord_t(ext[0]), coord_t(ext[2])},
                     {coord_t(ext[1]), coord_t(ext[3])}, "rings");
}

template <int Dim>
Result<IntervalSet<Dim>> checkerboard(const Point<Dim>& lo, const Point<Dim>& hi, coord_t tile) {
  if (tile <= 0)
    return make_error(ErrorCode::invalid_argument, "checkerboard: tile ", tile, " must be > 0");
  CheckerRow<Dim> row{};
  for (int a = 0; a < Dim; ++a) row.lo[a] = lo[a];
  row.hi_x = hi[0];
  row.tile = tile;
  return generate<Dim>(row, lo, hi, "checkerboard");
}

template <int Dim>
Result<IntervalSet<Dim>> random(const Point<Dim>& lo, const Point<Dim>& hi,
                                const RandomOptions& o) {
  if (!(o.fill > 0 && o.fill < 1) || !(o.mean_run >= 1) ||
      !(o.row_probability >= 0 && o.row_probability <= 1))
    return make_error(ErrorCode::invalid_argument,
                      "random: need 0 < fill < 1, mean_run >= 1, 0 <= row_probability <= 1");
  RandomRow<Dim> row{};
  row.x0 = lo[0];
  row.x1 = hi[0];
  row.seed = mix(o.seed);
  row.row_threshold =
      o.row_probability >= 1 ? ~0ull : std::uint64_t(o.row_probability * 18446744073709551615.0);
  // Uniform lengths in [1, span] have mean (span + 1) / 2.
  const double mean_gap = std::max(1.0, o.mean_run * (1 - o.fill) / o.fill);
  row.run_span = std::max<std::int64_t>(1, std::llround(2 * o.mean_run - 1));
  row.gap_span = std::max<std::int64_t>(1, std::llround(2 * mean_gap - 1));
  return generate<Dim>(row, lo, hi, "random");
}

#define SUBSETIX_INSTANTIATE(D)                                                            \
  template Result<IntervalSet<D>> box(const Point<D>&, const Point<D>&);                   \
  template Result<IntervalSet<D>> checkerboard(const Point<D>&, const Point<D>&, coord_t); \
  template Result<IntervalSet<D>> random(const Point<D>&, const Point<D>&, const RandomOptions&);
SUBSETIX_INSTANTIATE(2)
SUBSETIX_INSTANTIATE(3)

}  // namespace subsetix::shapes
