// The runtime front end: parsed strings to the IR, and both engines over it.
#include "passes/lower.hpp"
#include "subsetix/core/shapes.hpp"
#include "subsetix/eval/fused.hpp"
#include "subsetix/eval/runtime.hpp"
#include "subsetix/eval/unfused.hpp"

namespace subsetix {
namespace {

template <int Dim>
Point<Dim> point_of(const std::vector<std::int64_t>& v, std::size_t first = 0) {
  Point<Dim> p{};
  for (int a = 0; a < Dim; ++a) p[a] = coord_t(v[first + std::size_t(a)]);
  return p;
}

Result<AnySet> build_shape(const expr::Node& n) {
  using expr::NodeKind;
  auto wrap = [](auto r) -> Result<AnySet> {
    if (!r) return r.error();
    return AnySet(std::move(r).value());
  };
  switch (n.kind) {
    case NodeKind::box:
      if (n.dim == 2) return wrap(shapes::box<2>(point_of<2>(n.args), point_of<2>(n.args, 2)));
      return wrap(shapes::box<3>(point_of<3>(n.args), point_of<3>(n.args, 3)));
    case NodeKind::disk:
      return wrap(shapes::disk(coord_t(n.args[0]), coord_t(n.args[1]), coord_t(n.args[2])));
    default:
      return wrap(shapes::ball(coord_t(n.args[0]), coord_t(n.args[1]), coord_t(n.args[2]),
                               coord_t(n.args[3])));
  }
}

template <int Dim>
Result<IntervalSet<Dim>> eval_node(const ir::Node& n, const std::vector<IntervalSet<Dim>>& done,
                                   const std::vector<AnySet>& inputs, Workspace& ws) {
  const auto& a = n.a >= 0 ? done[std::size_t(n.a)] : IntervalSet<Dim>{};
  const auto& b = n.b >= 0 ? done[std::size_t(n.b)] : IntervalSet<Dim>{};
  Point<Dim> p{};
  for (int d = 0; d < Dim; ++d) p[d] = coord_t(n.args[std::size_t(d)]);
  switch (n.op) {
    case ir::Op::input:
      return std::get<IntervalSet<Dim>>(inputs[std::size_t(n.input)]);
    case ir::Op::union_op:
      return unfused::set_union(a, b, ws);
    case ir::Op::intersection:
      return unfused::set_intersection(a, b, ws);
    case ir::Op::difference:
      return unfused::set_difference(a, b, ws);
    case ir::Op::symmetric_difference:
      return unfused::set_symmetric_difference(a, b, ws);
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
  }
  return make_error(ErrorCode::bad_expression, "unknown operation");
}

template <int Dim>
Result<AnySet> unfused_dim(const Prepared& e, Workspace& ws) {
  std::vector<IntervalSet<Dim>> done;
  done.reserve(e.expr.nodes.size());
  for (const auto& n : e.expr.nodes) {
    auto r = eval_node<Dim>(n, done, e.inputs, ws);
    if (!r) return r.error();
    done.push_back(std::move(r).value());
  }
  return AnySet(done[std::size_t(e.expr.root)]);
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

Result<Prepared> prepare(const expr::Expression& parsed, const NamedSets& names) {
  using expr::NodeKind;
  Prepared out;
  out.expr.dim = parsed.dim;
  std::map<std::string, int> input_of_name;
  std::vector<int> node_of(parsed.nodes.size(), -1);
  for (std::size_t i = 0; i < parsed.nodes.size(); ++i) {
    const expr::Node& n = parsed.nodes[i];
    ir::Node node;
    switch (n.kind) {
      case NodeKind::set_name: {
        auto it = input_of_name.find(n.name);
        if (it == input_of_name.end()) {
          const AnySet* s = names.find(n.name);
          if (!s || dim_of(*s) != n.dim)
            return make_error(ErrorCode::bad_expression, "set `", n.name, "` is not bound to a ",
                              n.dim, "D set");
          it = input_of_name.emplace(n.name, int(out.inputs.size())).first;
          out.inputs.push_back(*s);
        }
        node.input = it->second;
        break;
      }
      case NodeKind::box:
      case NodeKind::disk:
      case NodeKind::ball: {
        auto shape = build_shape(n);
        if (!shape) return shape.error();
        node.input = int(out.inputs.size());
        out.inputs.push_back(std::move(shape).value());
        break;
      }
      default: {
        static const std::map<NodeKind, ir::Op> ops = {
            {NodeKind::union_op, ir::Op::union_op},
            {NodeKind::intersection, ir::Op::intersection},
            {NodeKind::difference, ir::Op::difference},
            {NodeKind::symmetric_difference, ir::Op::symmetric_difference},
            {NodeKind::expand, ir::Op::expand},
            {NodeKind::shrink, ir::Op::shrink},
            {NodeKind::translate, ir::Op::translate},
            {NodeKind::refine, ir::Op::refine},
            {NodeKind::coarsen, ir::Op::coarsen}};
        node.op = ops.at(n.kind);
        node.a = node_of[std::size_t(n.lhs)];
        if (n.rhs >= 0) node.b = node_of[std::size_t(n.rhs)];
        for (std::size_t a = 0; a < n.args.size() && a < 3; ++a) node.args[a] = n.args[a];
      }
    }
    node_of[i] = out.expr.add(node);
  }
  out.expr.root = node_of[std::size_t(parsed.root)];
  return out;
}

Result<AnySet> eval_unfused(const Prepared& e, Workspace& ws) {
  return e.dim() == 2 ? unfused_dim<2>(e, ws) : unfused_dim<3>(e, ws);
}

Result<plan::Plan> plan_of(const Prepared& e, bool final_sweep) {
  std::vector<plan::Source> sizes;
  for (const auto& s : e.inputs)
    std::visit([&](const auto& set) { sizes.push_back({set.num_rows, set.num_intervals}); }, s);
  return passes::lower(e.expr, sizes, passes::LowerOptions{final_sweep});
}

Result<AnySet> eval_fused(const Prepared& e, const plan::Plan& p, Workspace& ws) {
  return e.dim() == 2 ? fused_dim<2>(e, p, ws) : fused_dim<3>(e, p, ws);
}

Result<AnySet> eval_unfused(const expr::Expression& parsed, const NamedSets& names, Workspace& ws) {
  auto e = prepare(parsed, names);
  if (!e) return e.error();
  return eval_unfused(e.value(), ws);
}
Result<AnySet> eval_unfused(const expr::Expression& e, const NamedSets& names) {
  return with_default_workspace([&](Workspace& ws) { return eval_unfused(e, names, ws); });
}
Result<AnySet> eval_fused(const expr::Expression& parsed, const NamedSets& names, Workspace& ws) {
  auto e = prepare(parsed, names);
  if (!e) return e.error();
  auto p = plan_of(e.value());
  if (!p) return p.error();
  return eval_fused(e.value(), p.value(), ws);
}
Result<AnySet> eval_fused(const expr::Expression& e, const NamedSets& names) {
  return with_default_workspace([&](Workspace& ws) { return eval_fused(e, names, ws); });
}

}  // namespace subsetix
