#pragma once
/// \file
/// Errors and result types. Every fallible operation returns `Result<T>` (Boost.Outcome):
/// check it with `if (!r)`, read `r.error().message()`, or call `r.value()`, which throws
/// `subsetix::Exception` on error.

#include <cstdio>
#include <stdexcept>
#include <string>

#include <boost/outcome/result.hpp>

namespace subsetix {

/// What went wrong, in categories a caller may want to branch on.
enum class ErrorCode {
  invalid_csr = 1,      ///< user-provided CSR arrays break the canonical form
  malformed_input,      ///< a file or stream could not be parsed
  bad_expression,       ///< an expression string is not valid
  dimension_mismatch,   ///< operands of different dimensions
  coordinate_overflow,  ///< a result coordinate leaves the int32 range
  capacity_exceeded,    ///< a preallocated output or a pool is too small
  io_failure,           ///< a file could not be opened, read or written
  invalid_argument,     ///< a parameter out of its domain (negative radius, ...)
};

/// The name of an error code, e.g. `"invalid_input"`.
const char* to_string(ErrorCode code);

/// An error: a category and a message that says what went wrong and where.
class Error {
 public:
  Error() = default;
  /// An error of kind `code`; `message` says what and where.
  Error(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}
  /// The kind of error.
  ErrorCode code() const { return code_; }
  /// What went wrong and where (file:line, row, interval, expression column).
  const std::string& message() const { return message_; }

 private:
  ErrorCode code_ = ErrorCode::invalid_argument;
  std::string message_;
};

/// Thrown by `Result::value()` on an error, and by the few APIs that cannot return a Result.
class Exception : public std::runtime_error {
 public:
  /// Wraps `e` (its message becomes what()).
  explicit Exception(Error e) : std::runtime_error(e.message()), error_(std::move(e)) {}
  /// The error that was thrown.
  const Error& error() const { return error_; }

 private:
  Error error_;
};

namespace detail {
/// Outcome policy: `.value()` on an error throws `subsetix::Exception`.
struct throw_exception_policy : boost::outcome_v2::policy::base {
  template <class Impl>
  static constexpr void wide_value_check(Impl&& self) {
    if (!base::_has_value(self)) throw Exception(base::_error(std::forward<Impl>(self)));
  }
  template <class Impl>
  static constexpr void wide_error_check(Impl&& self) {
    if (!base::_has_error(self)) throw std::logic_error("subsetix: Result holds no error");
  }
};
}  // namespace detail

/// A value of type `T` or an Error (Boost.Outcome). `.value()` on an error throws Exception.
template <class T>
using Result = boost::outcome_v2::basic_result<T, Error, detail::throw_exception_policy>;

/// Builds a failed result: `return fail(ErrorCode::io_failure, "cannot open ", path);`
template <class... Parts>
Error make_error(ErrorCode code, const Parts&... parts) {
  std::string msg;
  ((msg +=
    [](const auto& p) {
      using T = std::decay_t<decltype(p)>;
      if constexpr (std::is_arithmetic_v<T>) {
        return std::to_string(p);
      } else if constexpr (std::is_pointer_v<T> && !std::is_convertible_v<T, const char*>) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%p", static_cast<const void*>(p));
        return std::string(buffer);
      } else {
        return std::string(p);
      }
    }(parts)),
   ...);
  return Error(code, std::move(msg));
}

}  // namespace subsetix
