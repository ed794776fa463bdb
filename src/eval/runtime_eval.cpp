// Op-by-op evaluation of a parsed expression (nodes are in post-order).
#include "subsetix/core/shapes.hpp"
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

template <int Dim>
Result<IntervalSet<Dim>> eval_node(const expr::Node& n, const std::vector<IntervalSet<Dim>>& done,
                                   const NamedSets& names, Workspace& ws) {
  using expr::NodeKind;
  const auto& a = n.lhs >= 0 ? done[std::size_t(n.lhs)] : IntervalSet<Dim>{};
  const auto& b = n.rhs >= 0 ? done[std::size_t(n.rhs)] : IntervalSet<Dim>{};
  switch (n.kind) {
    case NodeKind::set_name: {
      const AnySet* s = names.find(n.name);
      if (!s || dim_of(*s) != Dim)
        return make_error(ErrorCode::bad_expression, "set `", n.name, "` is not a ", Dim, "D set");
      return std::get<IntervalSet<Dim>>(*s);
    }
    case NodeKind::box: return shapes::box<Dim>(point_of<Dim>(n.args), point_of<Dim>(n.args, Dim));
    case NodeKind::disk:
      if constexpr (Dim == 2)
        return shapes::disk(coord_t(n.args[0]), coord_t(n.args[1]), coord_t(n.args[2]));
      break;
    case NodeKind::ball:
      if constexpr (Dim == 3)
        return shapes::ball(coord_t(n.args[0]), coord_t(n.args[1]), coord_t(n.args[2]),
                            coord_t(n.args[3]));
      break;
    case NodeKind::union_op: return unfused::set_union(a, b, ws);
    case NodeKind::intersection: return unfused::set_intersection(a, b, ws);
    case NodeKind::difference: return unfused::set_difference(a, b, ws);
    case NodeKind::symmetric_difference: return unfused::set_symmetric_difference(a, b, ws);
    case NodeKind::expand: return unfused::expand(a, point_of<Dim>(n.args), ws);
    case NodeKind::shrink: return unfused::shrink(a, point_of<Dim>(n.args), ws);
    case NodeKind::translate: return unfused::translate(a, point_of<Dim>(n.args), ws);
    case NodeKind::refine: return unfused::refine(a, ws);
    case NodeKind::coarsen: return unfused::coarsen(a, ws);
  }
  return make_error(ErrorCode::dimension_mismatch, expr::to_string(n.kind), " is not a ", Dim,
                    "D shape");
}

template <int Dim>
Result<AnySet> eval_dim(const expr::Expression& e, const NamedSets& names, Workspace& ws) {
  std::vector<IntervalSet<Dim>> done;
  done.reserve(e.nodes.size());
  for (const auto& n : e.nodes) {
    auto r = eval_node<Dim>(n, done, names, ws);
    if (!r) return r.error();
    done.push_back(std::move(r).value());
  }
  return AnySet(done[std::size_t(e.root)]);
}

}  // namespace

Result<AnySet> eval_unfused(const expr::Expression& e, const NamedSets& names, Workspace& ws) {
  if (e.root < 0) return make_error(ErrorCode::bad_expression, "empty expression");
  return e.dim == 2 ? eval_dim<2>(e, names, ws) : eval_dim<3>(e, names, ws);
}

Result<AnySet> eval_unfused(const expr::Expression& e, const NamedSets& names) {
  return with_default_workspace([&](Workspace& ws) { return eval_unfused(e, names, ws); });
}

}  // namespace subsetix
