#pragma once
// The brute-force oracle: a dense bitmap over a frame, with every operation written from its
// cell-by-cell definition. Independent of the library's algorithms (no sweeps, no CSR).
#include <array>
#include <cstdint>
#include <vector>

#include "subsetix/core/build.hpp"

namespace oracle {

using subsetix::RowInterval;

template <int Dim>
struct Dense {
  using Coords = std::array<std::int64_t, Dim>;
  std::array<std::int64_t, Dim> lo{};   // per axis: x, y, z
  std::array<std::int64_t, Dim> ext{};  // extent per axis (>= 0)
  std::vector<std::uint8_t> bits;

  static Dense frame(std::array<std::int64_t, Dim> lo, std::array<std::int64_t, Dim> hi) {
    Dense d;
    std::size_t n = 1;
    for (int a = 0; a < Dim; ++a) {
      d.lo[a] = lo[a];
      d.ext[a] = std::max<std::int64_t>(0, hi[a] - lo[a]);
      n *= std::size_t(d.ext[a]);
    }
    d.bits.assign(n, 0);
    return d;
  }
  std::array<std::int64_t, Dim> hi() const {
    std::array<std::int64_t, Dim> h;
    for (int a = 0; a < Dim; ++a) h[a] = lo[a] + ext[a];
    return h;
  }
  bool inside(const std::array<std::int64_t, Dim>& p) const {
    for (int a = 0; a < Dim; ++a)
      if (p[a] < lo[a] || p[a] >= lo[a] + ext[a]) return false;
    return true;
  }
  std::size_t index(const std::array<std::int64_t, Dim>& p) const {
    std::size_t i = 0;
    for (int a = Dim - 1; a >= 0; --a) i = i * std::size_t(ext[a]) + std::size_t(p[a] - lo[a]);
    return i;
  }
  bool get(const std::array<std::int64_t, Dim>& p) const { return inside(p) && bits[index(p)]; }
  void set(const std::array<std::int64_t, Dim>& p, bool v = true) { bits[index(p)] = v; }

  /// Calls f(p) for every point of the frame, x fastest.
  template <class F>
  void for_each_point(F&& f) const {
    std::array<std::int64_t, Dim> p = lo;
    if (bits.empty()) return;
    for (;;) {
      f(p);
      int a = 0;
      while (a < Dim && ++p[a] == lo[a] + ext[a]) p[a] = lo[a], ++a;
      if (a == Dim) return;
    }
  }
  std::int64_t count() const {
    std::int64_t n = 0;
    for (auto b : bits) n += b;
    return n;
  }

  /// Runs of set cells, rows in key order (z, y), as canonical intervals.
  std::vector<RowInterval<Dim>> intervals() const {
    std::vector<RowInterval<Dim>> out;
    if (bits.empty()) return out;
    // Iterate rows: all key coordinates in lexicographic order (outer first).
    std::vector<std::array<std::int64_t, Dim>> rows;
    for_each_point([&](const auto& q) {
      if (q[0] == lo[0]) rows.push_back(q);
    });
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      for (int ax = Dim - 1; ax >= 1; --ax)
        if (a[ax] != b[ax]) return a[ax] < b[ax];
      return false;
    });
    for (auto q : rows) {
      std::int64_t run_start = 0;
      bool in_run = false;
      for (std::int64_t x = lo[0]; x <= lo[0] + ext[0]; ++x) {
        q[0] = x;
        const bool on = x < lo[0] + ext[0] && get(q);
        if (on && !in_run) run_start = x, in_run = true;
        if (!on && in_run) {
          RowInterval<Dim> ri;
          for (int s = 0; s < Dim - 1; ++s) ri.key.c[s] = subsetix::coord_t(q[Dim - 1 - s]);
          ri.interval = {subsetix::coord_t(run_start), subsetix::coord_t(x)};
          out.push_back(ri);
          in_run = false;
        }
      }
    }
    return out;
  }
};

template <int Dim>
std::array<std::int64_t, Dim> point_of(const subsetix::RowKey<Dim>& k, std::int64_t x) {
  std::array<std::int64_t, Dim> p;
  p[0] = x;
  for (int s = 0; s < Dim - 1; ++s) p[Dim - 1 - s] = k.c[s];
  return p;
}

/// A dense bitmap from raw (unmerged, any-order) intervals.
template <int Dim>
Dense<Dim> from_intervals(const std::vector<RowInterval<Dim>>& items) {
  std::array<std::int64_t, Dim> lo, hi;
  lo.fill(0), hi.fill(0);
  bool first = true;
  for (const auto& it : items) {
    auto a = point_of<Dim>(it.key, it.interval.begin);
    auto b = point_of<Dim>(it.key, it.interval.end - 1);
    for (int ax = 0; ax < Dim; ++ax) {
      lo[ax] = first ? a[ax] : std::min(lo[ax], a[ax]);
      hi[ax] = first ? b[ax] + 1 : std::max(hi[ax], b[ax] + 1);
    }
    first = false;
  }
  auto d = Dense<Dim>::frame(lo, hi);
  for (const auto& it : items)
    for (std::int64_t x = it.interval.begin; x < it.interval.end; ++x)
      d.set(point_of<Dim>(it.key, x));
  return d;
}

/// The boolean operations, cell by cell, for combine().
inline constexpr auto op_or = [](bool x, bool y) { return x || y; };
inline constexpr auto op_and = [](bool x, bool y) { return x && y; };
inline constexpr auto op_minus = [](bool x, bool y) { return x && !y; };
inline constexpr auto op_xor = [](bool x, bool y) { return x != y; };

template <int Dim, class F>
Dense<Dim> combine(const Dense<Dim>& a, const Dense<Dim>& b, F f) {
  std::array<std::int64_t, Dim> lo, hi;
  const auto ha = a.hi(), hb = b.hi();
  for (int ax = 0; ax < Dim; ++ax) {
    lo[ax] = std::min(a.lo[ax], b.lo[ax]);
    hi[ax] = std::max(ha[ax], hb[ax]);
  }
  auto d = Dense<Dim>::frame(lo, hi);
  d.for_each_point([&](const auto& p) { d.set(p, f(a.get(p), b.get(p))); });
  return d;
}

template <int Dim>
Dense<Dim> translate(Dense<Dim> a, const typename Dense<Dim>::Coords& off) {
  for (int ax = 0; ax < Dim; ++ax) a.lo[ax] += off[ax];
  return a;
}

/// Box morphology straight from the definition: out(p) = any/all of A over the box of radii.
template <int Dim>
Dense<Dim> morph(const Dense<Dim>& a, const typename Dense<Dim>::Coords& r, bool dilate) {
  std::array<std::int64_t, Dim> lo = a.lo, hi = a.hi();
  if (dilate)
    for (int ax = 0; ax < Dim; ++ax) lo[ax] -= r[ax], hi[ax] += r[ax];
  auto d = Dense<Dim>::frame(lo, hi);
  d.for_each_point([&](const auto& p) {
    bool any = false, all = true;
    std::array<std::int64_t, Dim> q;
    std::array<std::int64_t, Dim> o;
    for (int ax = 0; ax < Dim; ++ax) o[ax] = -r[ax];
    for (;;) {
      for (int ax = 0; ax < Dim; ++ax) q[ax] = p[ax] + o[ax];
      const bool v = a.get(q);
      any |= v;
      all &= v;
      if ((dilate && any) || (!dilate && !all)) break;
      int ax = 0;
      while (ax < Dim && ++o[ax] > r[ax]) o[ax] = -r[ax], ++ax;
      if (ax == Dim) break;
    }
    d.set(p, dilate ? any : all);
  });
  return d;
}

template <int Dim>
Dense<Dim> refine(const Dense<Dim>& a) {
  std::array<std::int64_t, Dim> lo, hi;
  const auto h = a.hi();
  for (int ax = 0; ax < Dim; ++ax) lo[ax] = 2 * a.lo[ax], hi[ax] = 2 * h[ax];
  auto d = Dense<Dim>::frame(lo, hi);
  d.for_each_point([&](const auto& p) {
    std::array<std::int64_t, Dim> c;
    for (int ax = 0; ax < Dim; ++ax) c[ax] = p[ax] >= 0 ? p[ax] / 2 : -((-p[ax] + 1) / 2);
    d.set(p, a.get(c));
  });
  return d;
}

template <int Dim>
Dense<Dim> coarsen(const Dense<Dim>& a) {
  auto floor2 = [](std::int64_t v) { return v >= 0 ? v / 2 : -((-v + 1) / 2); };
  std::array<std::int64_t, Dim> lo, hi;
  const auto h = a.hi();
  for (int ax = 0; ax < Dim; ++ax) lo[ax] = floor2(a.lo[ax]), hi[ax] = floor2(h[ax] - 1) + 1;
  auto d = Dense<Dim>::frame(lo, hi);
  a.for_each_point([&](const auto& p) {
    if (!a.get(p)) return;
    std::array<std::int64_t, Dim> c;
    for (int ax = 0; ax < Dim; ++ax) c[ax] = floor2(p[ax]);
    d.set(c);
  });
  return d;
}

}  // namespace oracle
