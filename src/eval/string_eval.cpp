// The runtime front end: parsed strings to the IR, and both engines over it.
#include "subsetix/eval/string_eval.hpp"
#include "subsetix/core/shapes.hpp"
#include "subsetix/eval/fused.hpp"
#include "subsetix/eval/unfused.hpp"
#include "subsetix/passes/lower.hpp"

namespace subsetix {
namespace {

template <int Dim>
Point<Dim> point_of(const std::vector<std::int64_t>& v, std::size_t first = 0) {
  Point<Dim> p{};
  for (int a = 0; a < Dim; ++a) p[a] = coord_t(v[first + std::size_t(a)]);
  return p;
}

Result<AnySet> build_shape(const expr::Leaf& leaf) {
  auto wrap = [](auto r) -> Result<AnySet> {
    if (!r) return r.error();
    return AnySet(std::move(r).value());
  };
  switch (leaf.kind) {
    case expr::Leaf::box:
      if (leaf.dim == 2)
        return wrap(shapes::box<2>(point_of<2>(leaf.args), point_of<2>(leaf.args, 2)));
      return wrap(shapes::box<3>(point_of<3>(leaf.args), point_of<3>(leaf.args, 3)));
    case expr::Leaf::disk:
      return wrap(
          shapes::disk(coord_t(leaf.args[0]), coord_t(leaf.args[1]), coord_t(leaf.args[2])));
    default:
      return wrap(shapes::ball(coord_t(leaf.args[0]), coord_t(leaf.args[1]), coord_t(leaf.args[2]),
                               coord_t(leaf.args[3])));
  }
}

template <int Dim>
Result<IntervalSet<Dim>> eval_node(const ir::Node& n, const std::vector<IntervalSet<Dim>>& done,
                                   const std::vector<AnySet>& inputs, Workspace& ws) {
  const auto& a = n.a >= 0 ? done[std::size_t(n.a)] : IntervalSet<Dim>{};
  const auto& b = n.b >= 0 ? done[std::size_t(n.b)] : IntervalSet<Dim>{};
  Point<Dim> p{};
  for (int d = 0; d < Dim; ++d) p[d] = coord_t(n.args[std::size_t(d)]);
  // Every boolean operator is one reference stage over its truth table; the other operators
  // each have their reference operation.
  if (ir::info(n.op).lowering == ir::Lowering::boolean)
    return unfused::combine(a, b, ir::info(n.op).truth, ws);
  switch (n.op) {
    case ir::Op::input:
      return std::get<IntervalSet<Dim>>(inputs[std::size_t(n.input)]);
    case ir::Op::expand:
      return unfused::expand(a, p, ws);
    case ir::Op::shrink:
      return unfused::shrink(a, p, ws);
    case ir::Op::translate:
      return unfused::translate(a, p, ws);
    case ir::Op::refine:
      return unfused::refine(a, ws);
    case ir::Op::coarsen:
      return unfused::coarsen(a, ws);
    default:
      break;
  }
  return make_error(ErrorCode::bad_expression, "unknown operation");
}

template <int Dim>
Result<AnySet> unfused_dim(const Prepared& e, Workspace& ws) {
  std::vector<IntervalSet<Dim>> done;
  done.reserve(e.tree.nodes.size());
  for (const auto& n : e.tree.nodes) {
    auto r = eval_node<Dim>(n, done, e.inputs, ws);
    if (!r) return r.error();
    done.push_back(std::move(r).value());
  }
  return AnySet(done[std::size_t(e.tree.root)]);
}

template <int Dim>
Result<AnySet> fused_dim(const Prepared& e, const plan::Plan& p, Workspace& ws) {
  std::vector<IntervalSet<Dim>> inputs;
  for (const auto& s : e.inputs) inputs.push_back(std::get<IntervalSet<Dim>>(s));
  auto r = run_plan<Dim>(p, inputs, ws);
  if (!r) return r.error();
  return AnySet(std::move(r).value());
}

}  // namespace

Result<Prepared> prepare(const expr::Parsed& parsed, const NamedSets& names) {
  Prepared out;
  out.tree = parsed.tree;
  out.inputs.reserve(parsed.leaves.size());
  for (const expr::Leaf& leaf : parsed.leaves) {
    if (leaf.kind != expr::Leaf::name) {
      auto shape = build_shape(leaf);
      if (!shape) return shape.error();
      out.inputs.push_back(std::move(shape).value());
      continue;
    }
    const AnySet* s = names.find(leaf.text);
    if (!s || dim_of(*s) != leaf.dim)
      return make_error(ErrorCode::bad_expression, "set `", leaf.text, "` is not bound to a ",
                        leaf.dim, "D set");
    out.inputs.push_back(*s);
  }
  return out;
}

Result<AnySet> eval_unfused(const Prepared& e, Workspace& ws) {
  return e.dim() == 2 ? unfused_dim<2>(e, ws) : unfused_dim<3>(e, ws);
}

Result<plan::Plan> plan_of(const Prepared& e, bool final_sweep) {
  std::vector<plan::Source> sizes;
  for (const auto& s : e.inputs)
    std::visit([&](const auto& set) { sizes.push_back({set.num_rows, set.num_intervals}); }, s);
  return passes::lower(e.tree, sizes, passes::LowerOptions{final_sweep});
}

Result<AnySet> eval_fused(const Prepared& e, const plan::Plan& p, Workspace& ws) {
  return e.dim() == 2 ? fused_dim<2>(e, p, ws) : fused_dim<3>(e, p, ws);
}

Result<AnySet> eval_unfused(const expr::Parsed& parsed, const NamedSets& names, Workspace& ws) {
  auto e = prepare(parsed, names);
  if (!e) return e.error();
  return eval_unfused(e.value(), ws);
}
Result<AnySet> eval_unfused(const expr::Parsed& e, const NamedSets& names) {
  return with_default_workspace([&](Workspace& ws) { return eval_unfused(e, names, ws); });
}
Result<AnySet> eval_fused(const expr::Parsed& parsed, const NamedSets& names, Workspace& ws) {
  auto e = prepare(parsed, names);
  if (!e) return e.error();
  auto p = plan_of(e.value());
  if (!p) return p.error();
  return eval_fused(e.value(), p.value(), ws);
}
Result<AnySet> eval_fused(const expr::Parsed& e, const NamedSets& names) {
  return with_default_workspace([&](Workspace& ws) { return eval_fused(e, names, ws); });
}

}  // namespace subsetix
