// Must not compile: translate of a 3D set needs three offsets.
#include "subsetix/eval/eval.hpp"
void f(const subsetix::IntervalSet<3>& a) {
  (void)subsetix::translate(a, 1, 2);
}
