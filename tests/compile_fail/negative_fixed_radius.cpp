// Must not compile: a compile-time radius is checked at compile time.
#include "subsetix/eval/eval.hpp"
void f(const subsetix::IntervalSet<2>& s) {
  const auto [a] = subsetix::inputs(s);
  (void)subsetix::expand(a, subsetix::c<-1>);
}
