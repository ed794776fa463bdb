// Recursive-descent parser for expression strings: leaves and parentheses by hand, operators
// by precedence climbing over the operator table (expr/ops.hpp).
#include <cctype>
#include <charconv>
#include <map>

#include "subsetix/core/coord.hpp"
#include "subsetix/expr/parse.hpp"

namespace subsetix::expr {

namespace {

constexpr int max_depth = 256;

/// The operator table's entry written `word` with syntax `syntax`, or nullptr.
const ir::OpInfo* find_op(std::string_view word, ir::Syntax syntax) {
  for (const auto& o : ir::ops)
    if (o.syntax == syntax && o.spelling == word) return &o;
  return nullptr;
}

class Parser {
 public:
  Parser(std::string_view text, const NameDims& dims) : text_(text), dims_(dims) {}

  Result<Parsed> run() {
    skip_space();
    const int root = parse_infix(1, 0);
    if (!error_.empty()) return failure();
    skip_space();
    if (pos_ < text_.size()) {
      fail_at(pos_, "unexpected `", std::string(1, text_[pos_]), "`");
      return failure();
    }
    out_.tree.root = root;
    out_.tree.dim = dim_[std::size_t(root)];
    return std::move(out_);
  }

 private:
  std::string_view text_;
  const NameDims& dims_;
  std::size_t pos_ = 0;
  Parsed out_;
  std::vector<int> dim_;  // per node
  std::map<std::string, int, std::less<>> input_of_name_;
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

  int add(const ir::Node& n, int dim) {
    dim_.push_back(dim);
    return out_.tree.add(n);
  }
  int add_input(Leaf leaf) {
    ir::Node n;
    n.input = int(out_.leaves.size());
    const int dim = leaf.dim;
    out_.leaves.push_back(std::move(leaf));
    return add(n, dim);
  }

  /// Infix operators binding at least as tightly as `min_precedence`, left-associative.
  int parse_infix(int min_precedence, int depth) {
    int lhs = parse_primary(depth);
    for (;;) {
      skip_space();
      const std::size_t at = pos_;
      if (lhs < 0 || pos_ >= text_.size()) return lhs;
      const ir::OpInfo* op = find_op(text_.substr(pos_, 1), ir::Syntax::infix);
      if (!op || op->precedence < min_precedence) return lhs;
      ++pos_;
      const int rhs = parse_infix(op->precedence + 1, depth);
      if (rhs < 0) return -1;
      const int dl = dim_[std::size_t(lhs)], dr = dim_[std::size_t(rhs)];
      if (dl != dr)
        return fail_at(at, "operands of `", op->spelling, "` have different dimensions (", dl,
                       "D and ", dr, "D)");
      ir::Node n;
      n.op = op->op;
      n.a = lhs;
      n.b = rhs;
      lhs = add(n, dl);
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

  /// `, int, ...)` after an operand, or `(int, ...)` after a shape name.
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
      const int inner = parse_infix(1, depth + 1);
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
    if (!call) return parse_name(word, at);
    if (word == "box" || word == "disk" || word == "ball") return parse_shape(word, at);
    if (const ir::OpInfo* op = find_op(word, ir::Syntax::function))
      return parse_function(*op, at, depth);
    return fail_at(at, "unknown function `", word, "`");
  }

  int parse_name(const std::string& word, std::size_t at) {
    const int d = dims_ ? dims_(word) : 0;
    if (d == 0) return fail_at(at, "unknown set `", word, "` (bind it with -s ", word, "=FILE)");
    if (const auto it = input_of_name_.find(word); it != input_of_name_.end()) {
      ir::Node n;
      n.input = it->second;
      return add(n, d);
    }
    input_of_name_.emplace(word, int(out_.leaves.size()));
    return add_input(Leaf{Leaf::name, word, {}, at + 1, d});
  }

  int parse_shape(const std::string& word, std::size_t at) {
    Leaf leaf{Leaf::box, {}, {}, at + 1, 0};
    if (!parse_ints(leaf.args, false)) return -1;
    const std::size_t k = leaf.args.size();
    if (word == "box") {
      if (k != 4 && k != 6)
        return fail_at(at, "box takes 4 (x0,y0,x1,y1) or 6 (x0,y0,z0,x1,y1,z1) integers, got ", k);
      leaf.dim = int(k / 2);
    } else if (word == "disk") {
      if (k != 3) return fail_at(at, "disk takes 3 integers (cx,cy,r), got ", k);
      leaf.kind = Leaf::disk;
      leaf.dim = 2;
    } else {
      if (k != 4) return fail_at(at, "ball takes 4 integers (cx,cy,cz,r), got ", k);
      leaf.kind = Leaf::ball;
      leaf.dim = 3;
    }
    if (leaf.kind != Leaf::box && leaf.args.back() < 0)
      return fail_at(at, word, " radius ", leaf.args.back(), " is negative");
    return add_input(std::move(leaf));
  }

  /// `name(operand[, integers])`, the integers checked against the table's Args.
  int parse_function(const ir::OpInfo& op, std::size_t at, int depth) {
    accept('(');  // present: the caller saw it
    const int operand = parse_infix(1, depth + 1);
    if (operand < 0) return -1;
    const int d = dim_[std::size_t(operand)];
    std::vector<std::int64_t> args;
    if (!parse_ints(args, true)) return -1;
    const std::size_t k = args.size();
    switch (op.args) {
      case ir::Args::none:
        if (k != 0) return fail_at(at, op.spelling, " takes no integer arguments");
        break;
      case ir::Args::offsets:
        if (k != std::size_t(d))
          return fail_at(at, op.spelling, " of a ", d, "D set takes ", d, " offsets, got ", k);
        break;
      case ir::Args::radii:
        if (k == 1) args.assign(std::size_t(d), args[0]);
        if (args.size() != std::size_t(d))
          return fail_at(at, op.spelling, " of a ", d, "D set takes 1 or ", d, " radii, got ", k);
        for (auto r : args)
          if (r < 0) return fail_at(at, op.spelling, " radius ", r, " is negative");
        break;
    }
    ir::Node n;
    n.op = op.op;
    n.a = operand;
    for (std::size_t a = 0; a < args.size(); ++a) n.args[a] = args[a];
    return add(n, d);
  }
};

}  // namespace

Result<Parsed> parse(std::string_view text, const NameDims& dim_of_name) {
  return Parser(text, dim_of_name).run();
}

std::string to_string(const Leaf& leaf) {
  if (leaf.kind == Leaf::name) return leaf.text;
  std::string s = leaf.kind == Leaf::box ? "box(" : leaf.kind == Leaf::disk ? "disk(" : "ball(";
  for (std::size_t i = 0; i < leaf.args.size(); ++i) {
    if (i) s += ',';
    s += std::to_string(leaf.args[i]);
  }
  s += ')';
  return s;
}

std::string to_string(const Parsed& e) {
  return ir::to_string(e.tree, -1, [&](int i) { return to_string(e.leaves[std::size_t(i)]); });
}

}  // namespace subsetix::expr
