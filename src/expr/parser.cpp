// Recursive-descent parser for expression strings.
#include <cctype>
#include <charconv>

#include "subsetix/core/coord.hpp"
#include "subsetix/expr/parse.hpp"

namespace subsetix::expr {

const char* to_string(NodeKind kind) {
  switch (kind) {
    case NodeKind::set_name:
      return "name";
    case NodeKind::box:
      return "box";
    case NodeKind::disk:
      return "disk";
    case NodeKind::ball:
      return "ball";
    case NodeKind::union_op:
      return "|";
    case NodeKind::intersection:
      return "&";
    case NodeKind::difference:
      return "-";
    case NodeKind::symmetric_difference:
      return "^";
    case NodeKind::expand:
      return "expand";
    case NodeKind::shrink:
      return "shrink";
    case NodeKind::translate:
      return "translate";
    case NodeKind::refine:
      return "refine";
    case NodeKind::coarsen:
      return "coarsen";
  }
  return "?";
}

namespace {

constexpr int max_depth = 256;

class Parser {
 public:
  Parser(std::string_view text, const NameDims& dims) : text_(text), dims_(dims) {}

  Result<Expression> run() {
    skip_space();
    const int root = parse_or(0);
    if (!error_.empty()) return failure();
    skip_space();
    if (pos_ < text_.size()) {
      fail_at(pos_, "unexpected `", std::string(1, text_[pos_]), "`");
      return failure();
    }
    out_.root = root;
    out_.dim = out_.nodes[std::size_t(root)].dim;
    return std::move(out_);
  }

 private:
  std::string_view text_;
  const NameDims& dims_;
  std::size_t pos_ = 0;
  Expression out_;
  std::string error_;
  std::size_t error_pos_ = 0;

  template <class... P>
  int fail_at(std::size_t at, const P&... parts) {
    if (error_.empty()) {
      error_ = make_error(ErrorCode::bad_expression, parts...).message();
      error_pos_ = at;
    }
    return -1;
  }
  Error failure() const {
    std::string marker(error_pos_, ' ');
    return make_error(ErrorCode::bad_expression, "bad expression at column ", error_pos_ + 1, ": ",
                      error_, "\n  ", std::string(text_), "\n  ", marker, "^");
  }

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool accept(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool expect(char c) {
    if (accept(c)) return true;
    skip_space();
    fail_at(pos_, "expected `", std::string(1, c), "`",
            pos_ < text_.size() ? std::string(" before `") + text_[pos_] + "`"
                                : std::string(" at the end"));
    return false;
  }

  int add(Node n) {
    out_.nodes.push_back(std::move(n));
    return int(out_.nodes.size()) - 1;
  }

  int binary(NodeKind kind, int lhs, int rhs, std::size_t at) {
    if (lhs < 0 || rhs < 0) return -1;
    const int dl = out_.nodes[std::size_t(lhs)].dim, dr = out_.nodes[std::size_t(rhs)].dim;
    if (dl != dr)
      return fail_at(at, "operands of `", to_string(kind), "` have different dimensions (", dl,
                     "D and ", dr, "D)");
    Node n{kind, {}, {}, lhs, rhs, at + 1, dl};
    return add(std::move(n));
  }

  // Precedence levels, loosest first: | then ^ then & then -.
  int parse_or(int depth) {
    int lhs = parse_xor(depth);
    for (;;) {
      skip_space();
      const std::size_t at = pos_;
      if (lhs < 0 || !accept('|')) return lhs;
      lhs = binary(NodeKind::union_op, lhs, parse_xor(depth), at);
    }
  }
  int parse_xor(int depth) {
    int lhs = parse_and(depth);
    for (;;) {
      skip_space();
      const std::size_t at = pos_;
      if (lhs < 0 || !accept('^')) return lhs;
      lhs = binary(NodeKind::symmetric_difference, lhs, parse_and(depth), at);
    }
  }
  int parse_and(int depth) {
    int lhs = parse_sub(depth);
    for (;;) {
      skip_space();
      const std::size_t at = pos_;
      if (lhs < 0 || !accept('&')) return lhs;
      lhs = binary(NodeKind::intersection, lhs, parse_sub(depth), at);
    }
  }
  int parse_sub(int depth) {
    int lhs = parse_primary(depth);
    for (;;) {
      skip_space();
      const std::size_t at = pos_;
      if (lhs < 0 || !accept('-')) return lhs;
      lhs = binary(NodeKind::difference, lhs, parse_primary(depth), at);
    }
  }

  bool parse_int(std::int64_t& v) {
    skip_space();
    const std::size_t start = pos_;
    std::size_t end = pos_;
    if (end < text_.size() && (text_[end] == '-' || text_[end] == '+')) ++end;
    while (end < text_.size() && std::isdigit(static_cast<unsigned char>(text_[end]))) ++end;
    const char* b = text_.data() + start + (start < text_.size() && text_[start] == '+' ? 1 : 0);
    const auto [p, ec] = std::from_chars(b, text_.data() + end, v);
    if (ec == std::errc::result_out_of_range || (ec == std::errc() && !fits_coord(v))) {
      fail_at(start, "integer `", std::string(text_.substr(start, end - start)),
              "` is outside the int32 range");
      return false;
    }
    if (ec != std::errc() || p != text_.data() + end || end == start) {
      fail_at(start, "expected an integer");
      return false;
    }
    pos_ = end;
    return true;
  }

  /// `(int, int, ...)` after a shape name; the count must be one of `counts`.
  bool parse_ints(std::vector<std::int64_t>& args, bool after_operand) {
    if (!after_operand && !expect('(')) return false;
    bool first = !after_operand;
    for (;;) {
      if (!first || after_operand) {
        if (accept(')')) return true;
        if (!expect(',')) return false;
      }
      first = false;
      std::int64_t v;
      if (!parse_int(v)) return false;
      args.push_back(v);
      if (args.size() > 8) {
        fail_at(pos_, "too many arguments");
        return false;
      }
    }
  }

  int parse_primary(int depth) {
    if (depth > max_depth) return fail_at(pos_, "expression nested too deeply");
    skip_space();
    const std::size_t at = pos_;
    if (pos_ >= text_.size()) return fail_at(pos_, "expected an operand at the end");
    if (accept('(')) {
      const int inner = parse_or(depth + 1);
      if (inner < 0 || !expect(')')) return -1;
      return inner;
    }
    const char c = text_[pos_];
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '_')
      return fail_at(pos_, "expected a set name, a shape or `(`, found `", std::string(1, c), "`");
    std::size_t end = pos_;
    while (end < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[end])) || text_[end] == '_'))
      ++end;
    const std::string word(text_.substr(pos_, end - pos_));
    pos_ = end;
    skip_space();
    const bool call = pos_ < text_.size() && text_[pos_] == '(';
    if (!call) {
      const int d = dims_ ? dims_(word) : 0;
      if (d == 0) return fail_at(at, "unknown set `", word, "` (bind it with -s ", word, "=FILE)");
      return add(Node{NodeKind::set_name, word, {}, -1, -1, at + 1, d});
    }
    if (word == "box" || word == "disk" || word == "ball") return parse_shape(word, at);
    if (word == "expand" || word == "shrink" || word == "translate" || word == "refine" ||
        word == "coarsen")
      return parse_unary(word, at, depth);
    return fail_at(at, "unknown function `", word, "`");
  }

  int parse_shape(const std::string& word, std::size_t at) {
    Node n{NodeKind::box, {}, {}, -1, -1, at + 1, 0};
    if (!parse_ints(n.args, false)) return -1;
    const std::size_t k = n.args.size();
    if (word == "box") {
      if (k != 4 && k != 6)
        return fail_at(at, "box takes 4 (x0,y0,x1,y1) or 6 (x0,y0,z0,x1,y1,z1) integers, got ", k);
      n.dim = int(k / 2);
    } else if (word == "disk") {
      if (k != 3) return fail_at(at, "disk takes 3 integers (cx,cy,r), got ", k);
      n.kind = NodeKind::disk;
      n.dim = 2;
    } else {
      if (k != 4) return fail_at(at, "ball takes 4 integers (cx,cy,cz,r), got ", k);
      n.kind = NodeKind::ball;
      n.dim = 3;
    }
    if ((n.kind == NodeKind::disk || n.kind == NodeKind::ball) && n.args.back() < 0)
      return fail_at(at, word, " radius ", n.args.back(), " is negative");
    return add(std::move(n));
  }

  int parse_unary(const std::string& word, std::size_t at, int depth) {
    accept('(');  // present: the caller saw it
    const int operand = parse_or(depth + 1);
    if (operand < 0) return -1;
    const int d = out_.nodes[std::size_t(operand)].dim;
    Node n{NodeKind::refine, {}, {}, operand, -1, at + 1, d};
    if (!parse_ints(n.args, true)) return -1;
    const std::size_t k = n.args.size();
    if (word == "refine" || word == "coarsen") {
      if (k != 0) return fail_at(at, word, " takes no integer arguments");
      n.kind = word == "refine" ? NodeKind::refine : NodeKind::coarsen;
    } else if (word == "translate") {
      if (k != std::size_t(d))
        return fail_at(at, "translate of a ", d, "D set takes ", d, " offsets, got ", k);
      n.kind = NodeKind::translate;
    } else {
      n.kind = word == "expand" ? NodeKind::expand : NodeKind::shrink;
      if (k == 1) n.args.assign(std::size_t(d), n.args[0]);
      if (n.args.size() != std::size_t(d))
        return fail_at(at, word, " of a ", d, "D set takes 1 or ", d, " radii, got ", k);
      for (auto r : n.args)
        if (r < 0) return fail_at(at, word, " radius ", r, " is negative");
    }
    return add(std::move(n));
  }
};

}  // namespace

Result<Expression> parse(std::string_view text, const NameDims& dim_of_name) {
  return Parser(text, dim_of_name).run();
}

std::string to_string(const Expression& e, int node) {
  if (node < 0) node = e.root;
  const Node& n = e.nodes[std::size_t(node)];
  // Built by appending (GCC 12 warns falsely on chains of `"literal" + std::string`).
  std::string s;
  auto append_ints = [&](bool leading_comma) {
    for (std::size_t i = 0; i < n.args.size(); ++i) {
      if (i || leading_comma) s += ',';
      s += std::to_string(n.args[i]);
    }
  };
  switch (n.kind) {
    case NodeKind::set_name:
      s = n.name;
      break;
    case NodeKind::box:
    case NodeKind::disk:
    case NodeKind::ball:
      s += to_string(n.kind);
      s += '(';
      append_ints(false);
      s += ')';
      break;
    case NodeKind::union_op:
    case NodeKind::intersection:
    case NodeKind::difference:
    case NodeKind::symmetric_difference:
      s += '(';
      s += to_string(e, n.lhs);
      s += ' ';
      s += to_string(n.kind);
      s += ' ';
      s += to_string(e, n.rhs);
      s += ')';
      break;
    default:
      s += to_string(n.kind);
      s += '(';
      s += to_string(e, n.lhs);
      append_ints(true);
      s += ')';
  }
  return s;
}

}  // namespace subsetix::expr
