#pragma once
// Seeded random inputs: raw interval lists (overlapping, touching, nested, negative), built into
// sets by the library and into bitmaps by the oracle independently.
#include <array>
#include <random>

#include "oracle.hpp"
#include "subsetix/core/build.hpp"

namespace testing_support {

struct RandomSpec {
  int count = 20;     // raw intervals
  int key_span = 12;  // row coordinates drawn from [key_lo, key_lo + key_span)
  int key_lo = -6;
  int x_span = 40;  // begins drawn from [x_lo, x_lo + x_span)
  int x_lo = -20;
  int max_length = 8;
};

template <int Dim>
std::vector<subsetix::RowInterval<Dim>> random_intervals(std::mt19937_64& rng,
                                                         const RandomSpec& s) {
  std::uniform_int_distribution<int> key(s.key_lo, s.key_lo + s.key_span - 1);
  std::uniform_int_distribution<int> x(s.x_lo, s.x_lo + s.x_span - 1);
  std::uniform_int_distribution<int> len(1, s.max_length);
  std::vector<subsetix::RowInterval<Dim>> items;
  for (int i = 0; i < s.count; ++i) {
    subsetix::RowInterval<Dim> it;
    for (int a = 0; a < Dim - 1; ++a) it.key.c[a] = key(rng);
    const int b = x(rng);
    it.interval = {b, b + len(rng)};
    items.push_back(it);
  }
  return items;
}

/// A random case: the set and its oracle bitmap, from one raw list.
template <int Dim>
struct Case {
  subsetix::IntervalSet<Dim> set;
  oracle::Dense<Dim> dense;
};

template <int Dim>
Case<Dim> random_case(std::mt19937_64& rng, const RandomSpec& s) {
  auto items = random_intervals<Dim>(rng, s);
  return {subsetix::from_intervals(items).value(), oracle::from_intervals(items)};
}

/// A random set of one interval per row over consecutive rows (the rows of compact shapes),
/// drifting along x so that neighbouring rows overlap, touch or stand apart: the single-interval
/// paths of the sweep, and the grouped union's "touches the hull" check.
template <int Dim>
Case<Dim> random_staircase(std::mt19937_64& rng, int rows_per_axis = 10) {
  std::uniform_int_distribution<int> drift(-6, 6), len(1, 7), skip(0, 9);
  std::vector<subsetix::RowInterval<Dim>> items;
  const int planes = Dim == 3 ? rows_per_axis / 2 : 1;
  for (int p = 0; p < planes; ++p) {
    int x = drift(rng);
    for (int r = 0; r < rows_per_axis; ++r) {
      x += drift(rng);
      if (skip(rng) == 0) continue;  // now and then a missing row
      subsetix::RowInterval<Dim> it;
      it.key.c[Dim - 2] = r - rows_per_axis / 2;
      if constexpr (Dim == 3) it.key.c[0] = p - planes / 2;
      it.interval = {x, x + len(rng)};
      items.push_back(it);
    }
  }
  return {subsetix::from_intervals(items).value(), oracle::from_intervals(items)};
}

/// A spec varied by seed: sparse to dense, sometimes empty, sometimes single cells.
inline RandomSpec vary(std::uint64_t seed, int dim) {
  RandomSpec s;
  switch (seed % 6) {
    case 0:
      s.count = 0;
      break;  // empty
    case 1:
      s.count = 1, s.max_length = 1;
      break;  // single cell
    case 2:
      s.count = 40, s.max_length = 3;
      break;  // many short, touching
    case 3:
      s.count = 12, s.x_span = 200, s.x_lo = -100;
      break;  // sparse, wide gaps
    case 4:
      s.count = 60, s.max_length = 12;
      break;  // dense, nested, overlapping
    default:
      s.count = 25;
      break;
  }
  if (dim == 3) s.key_span = 8, s.key_lo = -4, s.count = s.count * 3 / 2;
  return s;
}

/// The operands A, B, C of the expression-family tests for `seed`, each varied differently.
template <int Dim>
std::array<Case<Dim>, 3> three_cases(std::mt19937_64& rng, std::uint64_t seed) {
  return {random_case<Dim>(rng, vary(seed + 1, Dim)), random_case<Dim>(rng, vary(seed + 2, Dim)),
          random_case<Dim>(rng, vary(seed + 4, Dim))};
}

}  // namespace testing_support
