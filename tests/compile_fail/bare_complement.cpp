// Must not compile: a bare complement has no finite result.
#include "subsetix/eval/eval.hpp"
void f(const subsetix::IntervalSet<2>& a) {
  (void)(~a);
}
