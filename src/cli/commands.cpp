#include "commands.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ostream>

#include "subsetix/eval/counters.hpp"
#include "subsetix/eval/string_eval.hpp"
#include "subsetix/io/pbm.hpp"
#include "subsetix/io/png.hpp"
#include "subsetix/io/text_io.hpp"
#include "subsetix/io/vtk.hpp"

namespace subsetix::cli {
namespace {

constexpr const char* usage_text =
    R"(usage: subsetix eval EXPR [-s NAME=FILE]... [-o FILE] [--engine fused|unfused] [--stats] [--repeat N] [--plan]

Evaluates a set expression and writes the result.

  EXPR            names bound with -s, box(x0,y0,x1,y1) / box(x0,y0,z0,x1,y1,z1), disk(cx,cy,r),
                  ball(cx,cy,cz,r), | & - ^ (C++ precedence), parentheses, expand(e,r) /
                  expand(e,rx,ry[,rz]), shrink(...), translate(e,dx,dy[,dz]), refine(e), coarsen(e)
  -s NAME=FILE    bind NAME to a set read from FILE (.txt text format, or .pbm bitmap for 2D)
  -o FILE         write the result: .txt (text format), .vtk (ParaView), .png (2D picture)
                  without -o the text format goes to stdout, unless --stats is given
  --engine NAME   fused (default: the expression as one fused kernel sequence, one fence) or
                  unfused (the reference: op by op, one host read per operation)
  --stats         print one JSON object with sizes, times and Kokkos counters
  --repeat N      evaluate N times, reusing the plan and the workspace (counters: the last)
  --plan          print the fused plan (stages, taps, truth tables, capacities) to stderr

Exit codes: 0 ok, 1 bad input, 2 usage. Kokkos options (--kokkos-num-threads=N, ...) apply.
)";

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct Options {
  std::string expression;
  std::vector<std::pair<std::string, std::string>> bindings;
  std::string output;
  std::string engine = "fused";
  bool stats = false;
  bool plan = false;
  long repeat = 1;
};

/// Parses arguments; returns an error message for a usage error.
std::string parse_options(const std::vector<std::string>& args, Options& o) {
  if (args.empty() || args[0] != "eval") return "expected a command: eval";
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    std::string v;
    if (a == "-s") {
      if (!value(v)) return "-s needs NAME=FILE";
      const auto eq = v.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == v.size())
        return "-s needs NAME=FILE, got `" + v + "`";
      o.bindings.emplace_back(v.substr(0, eq), v.substr(eq + 1));
    } else if (a == "-o") {
      if (!value(o.output)) return "-o needs a file name";
      if (!ends_with(o.output, ".txt") && !ends_with(o.output, ".vtk") &&
          !ends_with(o.output, ".png"))
        return "-o: unknown output type `" + o.output + "` (use .txt, .vtk or .png)";
    } else if (a == "--engine") {
      if (!value(o.engine)) return "--engine needs a name";
      if (o.engine != "unfused" && o.engine != "fused")
        return "--engine: unknown engine `" + o.engine + "` (available: fused, unfused)";
    } else if (a == "--plan") {
      o.plan = true;
    } else if (a == "--stats") {
      o.stats = true;
    } else if (a == "--repeat") {
      if (!value(v)) return "--repeat needs a count";
      char* end = nullptr;
      o.repeat = std::strtol(v.c_str(), &end, 10);
      if (!end || *end || o.repeat < 1 || o.repeat > 1000000)
        return "--repeat needs a count >= 1, got `" + v + "`";
    } else if (a == "-h" || a == "--help") {
      return "help";
    } else if (a.size() > 1 && a[0] == '-') {
      return "unknown option `" + a + "`";
    } else if (o.expression.empty()) {
      o.expression = a;
    } else {
      return "unexpected argument `" + a + "`";
    }
  }
  if (o.expression.empty()) return "missing EXPR";
  return {};
}

Result<AnySet> load(const std::string& path) {
  if (ends_with(path, ".pbm")) {
    auto s = io::read_pbm(path);
    if (!s) return s.error();
    return AnySet(std::move(s).value());
  }
  return io::read_text(path);
}

template <int Dim>
Result<void> write_output(const std::string& path, const IntervalSet<Dim>& set) {
  if (ends_with(path, ".vtk")) return io::write_vtk(path, set);
  if (ends_with(path, ".png")) {
    if constexpr (Dim == 2)
      return io::write_png(path, {io::PngLayer{set, {30, 60, 160}}});
    else
      return make_error(ErrorCode::invalid_argument,
                        "a PNG picture needs a 2D set; use .vtk for 3D");
  }
  return io::write_text_file(path, set);
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Options o;
  if (const std::string problem = parse_options(args, o); !problem.empty()) {
    if (problem == "help") {
      out << usage_text;
      return ok;
    }
    err << "subsetix: " << problem << "\n" << usage_text;
    return usage;
  }
  auto fail = [&](const Error& e) {
    err << "subsetix: error: " << e.message() << "\n";
    return bad_input;
  };

  NamedSets names;
  for (const auto& [name, file] : o.bindings) {
    auto s = load(file);
    if (!s) return fail(s.error());
    names.bind(name, std::move(s).value());
  }
  auto parsed = expr::parse(o.expression, names.dims());
  if (!parsed) return fail(parsed.error());

  // Inputs (bound sets, shape literals) are prepared once, outside the timed evaluations.
  auto prepared = prepare(parsed.value(), names);
  if (!prepared) return fail(prepared.error());
  // The plan is lowered once, and only when something uses it.
  const bool fused = o.engine == "fused";
  Result<plan::Plan> plan = plan::Plan{};
  if (fused || o.plan) {
    plan = plan_of(prepared.value());
    if (!plan) return fail(plan.error());
    if (o.plan) err << plan.value().describe();
  }

  install_kokkos_counters();
  Workspace ws;
  std::vector<double> ms;
  KokkosCounts counts;
  Result<AnySet> result = make_error(ErrorCode::invalid_argument, "not evaluated");
  for (long rep = 0; rep < o.repeat; ++rep) {
    const auto t0 = std::chrono::steady_clock::now();
    CountScope scope;
    result =
        fused ? eval_fused(prepared.value(), plan.value(), ws) : eval_unfused(prepared.value(), ws);
    counts = scope.counts();
    Kokkos::fence();  // outside the counted window: only for the wall-clock time
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    if (!result) return fail(result.error());
  }
  const AnySet& set = result.value();

  if (!o.output.empty()) {
    auto written = std::visit([&](const auto& s) { return write_output(o.output, s); }, set);
    if (!written) return fail(written.error());
  } else if (!o.stats) {
    std::visit([&](const auto& s) { io::write_text(out, s); }, set);
  }
  if (o.stats) {
    std::sort(ms.begin(), ms.end());
    const double median =
        ms.size() % 2 ? ms[ms.size() / 2] : 0.5 * (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]);
    std::visit(
        [&](const auto& s) {
          out << "{\"dim\": " << dim_of(set) << ", \"rows\": " << s.num_rows
              << ", \"intervals\": " << s.num_intervals << ", \"cells\": " << s.num_cells
              << ", \"engine\": \"" << o.engine << "\", \"repeat\": " << o.repeat
              << ", \"ms_median\": " << median << ", \"ms_min\": " << ms.front()
              << ", \"kernels\": " << counts.kernels << ", \"fences\": " << counts.fences
              << ", \"fences_are\": \"host synchronisations subsetix asked for, counted at "
                 "its calls\", \"kokkos_fences\": "
              << counts.kokkos_fences << ", \"kokkos_fences_are\": \""
              << (kokkos_reports_fences() ? "every fence event Kokkos Tools reported, unfiltered"
                                          : "none: this Kokkos reports no fences to tools")
              << "\", \"deep_copies\": " << counts.deep_copies
              << ", \"allocations\": " << counts.allocations << ", \"kokkos_version\": \""
              << kokkos_version() << "\"}\n";
        },
        set);
  }
  return ok;
}

}  // namespace subsetix::cli
