#include "subsetix/core/error.hpp"

namespace subsetix {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_csr:
      return "invalid CSR";
    case ErrorCode::malformed_input:
      return "malformed input";
    case ErrorCode::bad_expression:
      return "bad expression";
    case ErrorCode::dimension_mismatch:
      return "dimension mismatch";
    case ErrorCode::coordinate_overflow:
      return "coordinate overflow";
    case ErrorCode::capacity_exceeded:
      return "capacity exceeded";
    case ErrorCode::io_failure:
      return "I/O failure";
    case ErrorCode::invalid_argument:
      return "invalid argument";
  }
  return "unknown error";
}

}  // namespace subsetix
