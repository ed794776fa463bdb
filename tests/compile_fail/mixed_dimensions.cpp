// Must not compile: a 2D set combined with a 3D set.
#include "subsetix/eval/eval.hpp"
void f(const subsetix::IntervalSet<2>& a, const subsetix::IntervalSet<3>& b) {
  (void)(a | b);
}
