// libFuzzer target over the whole pipeline: an expression string and small random input sets
// go through parse -> passes -> the fused engine and the unfused engine, and both results must
// equal a dense-bitmap oracle that shares no code with the library's operations. Built with
// ASan + UBSan (scripts/fuzz.sh), so an out-of-bounds write in a kernel is a crash here.
//
// Input: the expression text, a newline, then bytes that draw the input sets A, B, C (2D) and
// V, W (3D). Expressions whose oracle would be large (big radii, deep refinement) are skipped.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <Kokkos_Core.hpp>

#include "../oracle.hpp"
#include "subsetix/core/build.hpp"
#include "subsetix/eval/string_eval.hpp"

namespace {

namespace sx = subsetix;
using Box = std::array<std::array<std::int64_t, 3>, 2>;  // lo, hi per axis

constexpr std::int64_t max_cells = std::int64_t(1) << 18;  // per oracle bitmap

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz_pipeline: %s\n%s\n", what, detail.c_str());
  std::abort();
}

template <int Dim>
sx::IntervalSet<Dim> draw_set(FuzzedDataProvider& data) {
  std::vector<sx::RowInterval<Dim>> items(data.ConsumeIntegralInRange<std::size_t>(0, 24));
  for (auto& it : items) {
    for (int a = 0; a < Dim - 1; ++a) it.key.c[a] = data.ConsumeIntegralInRange<int>(-6, 6);
    const int begin = data.ConsumeIntegralInRange<int>(-16, 16);
    it.interval = {begin, begin + data.ConsumeIntegralInRange<int>(1, 8)};
  }
  return sx::from_intervals(items).value();
}

/// The input sets as the oracle's bitmaps, built once per fuzzer input.
template <int Dim>
std::vector<oracle::Dense<Dim>> input_bitmaps(const std::vector<sx::AnySet>& inputs) {
  std::vector<oracle::Dense<Dim>> out;
  for (const auto& s : inputs)
    out.push_back(oracle::from_intervals(sx::list_intervals(std::get<sx::IntervalSet<Dim>>(s))));
  return out;
}

/// The oracle's bounding box of every node (the same hull rule as oracle::combine), or false
/// when some node's bitmap would exceed max_cells.
template <int Dim>
bool small_enough(const sx::ir::Tree& t, const std::vector<oracle::Dense<Dim>>& inputs) {
  std::vector<Box> box(t.nodes.size());
  for (std::size_t i = 0; i < t.nodes.size(); ++i) {
    const sx::ir::Node& n = t.nodes[i];
    Box b{};
    if (n.op == sx::ir::Op::input) {
      const auto& leaf = inputs[std::size_t(n.input)];
      for (int a = 0; a < Dim; ++a) b[0][a] = leaf.lo[a], b[1][a] = leaf.hi()[a];
    } else {
      b = box[std::size_t(n.a)];
      if (n.b >= 0)
        for (int a = 0; a < Dim; ++a) {
          b[0][a] = std::min(b[0][a], box[std::size_t(n.b)][0][a]);
          b[1][a] = std::max(b[1][a], box[std::size_t(n.b)][1][a]);
        }
      for (int a = 0; a < Dim; ++a) {
        const std::int64_t v = n.args[std::size_t(a)];
        switch (n.op) {
          case sx::ir::Op::expand:
            b[0][a] -= v, b[1][a] += v;
            break;
          case sx::ir::Op::translate:
            b[0][a] += v, b[1][a] += v;
            break;
          case sx::ir::Op::refine:
            b[0][a] *= 2, b[1][a] *= 2;
            break;
          default:
            break;
        }
      }
    }
    std::int64_t cells = 1;
    for (int a = 0; a < Dim; ++a) {
      const std::int64_t ext = b[1][a] - b[0][a];
      if (ext > max_cells || (cells *= std::max<std::int64_t>(ext, 1)) > max_cells) return false;
    }
    box[i] = b;
  }
  return true;
}

/// The oracle: every operator defined on bitmaps, independently of the library.
template <int Dim>
oracle::Dense<Dim> evaluate(const sx::ir::Tree& t, const std::vector<oracle::Dense<Dim>>& inputs) {
  std::vector<oracle::Dense<Dim>> done;
  for (const auto& n : t.nodes) {
    const auto* a = n.a >= 0 ? &done[std::size_t(n.a)] : nullptr;
    const auto* b = n.b >= 0 ? &done[std::size_t(n.b)] : nullptr;
    typename oracle::Dense<Dim>::Coords v{};
    for (int ax = 0; ax < Dim; ++ax) v[std::size_t(ax)] = n.args[std::size_t(ax)];
    switch (n.op) {
      case sx::ir::Op::input:
        done.push_back(inputs[std::size_t(n.input)]);
        break;
      case sx::ir::Op::union_op:
        done.push_back(oracle::combine(*a, *b, oracle::op_or));
        break;
      case sx::ir::Op::intersection:
        done.push_back(oracle::combine(*a, *b, oracle::op_and));
        break;
      case sx::ir::Op::difference:
        done.push_back(oracle::combine(*a, *b, oracle::op_minus));
        break;
      case sx::ir::Op::symmetric_difference:
        done.push_back(oracle::combine(*a, *b, oracle::op_xor));
        break;
      case sx::ir::Op::expand:
        done.push_back(oracle::morph(*a, v, true));
        break;
      case sx::ir::Op::shrink:
        done.push_back(oracle::morph(*a, v, false));
        break;
      case sx::ir::Op::translate:
        done.push_back(oracle::translate(*a, v));
        break;
      case sx::ir::Op::refine:
        done.push_back(oracle::refine(*a));
        break;
      case sx::ir::Op::coarsen:
        done.push_back(oracle::coarsen(*a));
        break;
      default:
        fail("the oracle has no definition of operator", std::string(sx::ir::info(n.op).name));
    }
  }
  return done[std::size_t(t.root)];
}

template <int Dim>
void check(const sx::expr::Parsed& parsed, const sx::Prepared& prepared, sx::Workspace& ws) {
  const auto leaves = input_bitmaps<Dim>(prepared.inputs);
  if (!small_enough<Dim>(prepared.tree, leaves)) return;
  const std::string text = sx::expr::to_string(parsed);
  const auto plan = sx::plan_of(prepared);
  if (!plan) fail("no plan", text + "\n" + plan.error().message());
  for (const auto& s : plan.value().stages)
    if (s.taps.size() > std::size_t(sx::plan::max_stage_taps) ||
        s.program.size() > std::size_t(sx::plan::max_program))
      fail("a stage exceeds the plan's capacities", plan.value().describe());
  const auto fused = sx::eval_fused(prepared, plan.value(), ws);
  const auto unfused = sx::eval_unfused(prepared, ws);
  if (!fused || !unfused)
    fail("an engine failed", text + "\n" + (fused ? unfused.error() : fused.error()).message());
  const auto& f = std::get<sx::IntervalSet<Dim>>(fused.value());
  const auto& u = std::get<sx::IntervalSet<Dim>>(unfused.value());
  if (!sx::validate(f)) fail("the fused result is not canonical", text);
  if (!sx::validate(u)) fail("the unfused result is not canonical", text);
  const auto want = evaluate<Dim>(prepared.tree, leaves).intervals();
  if (sx::list_intervals(f) != want) fail("fused != oracle", text + "\n" + plan.value().describe());
  if (sx::list_intervals(u) != want) fail("unfused != oracle", text);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  Kokkos::initialize(*argc, *argv);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view all(reinterpret_cast<const char*>(bytes), size);
  const std::size_t newline = all.find('\n');
  const std::string_view text = all.substr(0, newline);
  if (text.size() > 400) return 0;
  FuzzedDataProvider data(bytes + std::min(size, text.size() + 1),
                          size - std::min(size, text.size() + 1));
  sx::NamedSets names;
  names.bind("A", draw_set<2>(data));
  names.bind("B", draw_set<2>(data));
  names.bind("C", draw_set<2>(data));
  names.bind("V", draw_set<3>(data));
  names.bind("W", draw_set<3>(data));
  const auto parsed = sx::expr::parse(text, names.dims());
  if (!parsed) return 0;  // the parser's own fuzzer checks its errors
  // Small shapes and arguments: the oracle is dense, and int32 overflow has its own tests.
  if (parsed.value().tree.nodes.size() > 96) return 0;
  for (const auto& leaf : parsed.value().leaves)
    for (const auto v : leaf.args)
      if (v < -64 || v > 64) return 0;
  for (const auto& n : parsed.value().tree.nodes)
    for (const auto v : n.args)
      if (v < -4096 || v > 4096) return 0;
  const auto prepared = sx::prepare(parsed.value(), names);
  if (!prepared) return 0;  // e.g. a shape too large to build
  static sx::Workspace ws;
  if (parsed.value().dim() == 2)
    check<2>(parsed.value(), prepared.value(), ws);
  else
    check<3>(parsed.value(), prepared.value(), ws);
  return 0;
}
