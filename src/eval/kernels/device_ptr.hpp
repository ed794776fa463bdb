#pragma once
/// \file
/// The device-side data handle of the kernel functors: a pointer that, in a bounds-checked
/// build (`-DSUBSETIX_BOUNDS_CHECK=ON`; the CI's `asan` preset), carries the extent of the
/// array it points into and checks every access against it (Kokkos::abort on a miss). Without
/// the check it is a bare pointer, so the release kernels compile to what raw pointers gave.
/// It behaves like a pointer (`*p`, `p[i]`, `++p`, `p + n`, `p - q`, comparisons), so a kernel
/// reads the same either way. Kokkos bounds-checks Views only when Kokkos itself was built for
/// it; this check works with any Kokkos build.

#include <cstdint>

#include <Kokkos_Core.hpp>

namespace subsetix::detail {

template <class T>
class DevicePtr {
 public:
  DevicePtr() = default;
  /// `p` pointing at the first of `n` elements.
  KOKKOS_INLINE_FUNCTION DevicePtr(T* p, std::int64_t n) : p_(p) {
#ifdef SUBSETIX_BOUNDS_CHECK
    begin_ = p;
    end_ = p + n;
#else
    (void)n;
#endif
  }
  /// A read-only handle to the same array.
  KOKKOS_INLINE_FUNCTION operator DevicePtr<const T>() const {
    DevicePtr<const T> q;
    q.p_ = p_;
#ifdef SUBSETIX_BOUNDS_CHECK
    q.begin_ = begin_;
    q.end_ = end_;
#endif
    return q;
  }

  KOKKOS_INLINE_FUNCTION T& operator*() const {
    return at(p_);
  }
  KOKKOS_INLINE_FUNCTION T& operator[](std::int64_t i) const {
    return at(p_ + i);
  }
  KOKKOS_INLINE_FUNCTION DevicePtr& operator++() {
    ++p_;
    return *this;
  }
  KOKKOS_INLINE_FUNCTION DevicePtr operator++(int) {
    DevicePtr old = *this;
    ++p_;
    return old;
  }
  KOKKOS_INLINE_FUNCTION DevicePtr& operator+=(std::int64_t n) {
    p_ += n;
    return *this;
  }
  KOKKOS_INLINE_FUNCTION friend DevicePtr operator+(DevicePtr a, std::int64_t n) {
    return a += n;
  }
  KOKKOS_INLINE_FUNCTION friend std::int64_t operator-(const DevicePtr& a, const DevicePtr& b) {
    return a.p_ - b.p_;
  }
  KOKKOS_INLINE_FUNCTION friend bool operator==(const DevicePtr& a, const DevicePtr& b) {
    return a.p_ == b.p_;
  }
  KOKKOS_INLINE_FUNCTION friend bool operator!=(const DevicePtr& a, const DevicePtr& b) {
    return a.p_ != b.p_;
  }
  KOKKOS_INLINE_FUNCTION T* get() const {
    return p_;
  }
  KOKKOS_INLINE_FUNCTION explicit operator bool() const {
    return p_ != nullptr;
  }

 private:
  template <class>
  friend class DevicePtr;

  KOKKOS_INLINE_FUNCTION T& at(T* q) const {
#ifdef SUBSETIX_BOUNDS_CHECK
    if (q < begin_ || q >= end_) Kokkos::abort("subsetix: device array access out of bounds");
#endif
    return *q;
  }

  T* p_ = nullptr;
#ifdef SUBSETIX_BOUNDS_CHECK
  T* begin_ = nullptr;
  T* end_ = nullptr;
#endif
};

/// The elements of a rank-1 View (read-only handles convert from it).
template <class View>
DevicePtr<typename View::value_type> device_ptr(const View& v) {
  return {v.data(), std::int64_t(v.extent(0))};
}

}  // namespace subsetix::detail
