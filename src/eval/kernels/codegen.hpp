#pragma once
/// \file
/// Code-generation hints for the hot row loops.
///
/// SUBSETIX_UNROLL_TAPS unrolls a loop with a compile-time bound (per-tap loops, sorting
/// networks), so per-tap state stays in registers rather than in stack arrays.
/// SUBSETIX_INLINE_LAMBDA (after a lambda's parameter list) inlines a lambda into its caller:
/// the row callbacks of the sweep are called once per row, and a call keeps the caller's
/// per-tap state from living in registers across it.

#if defined(__clang__) || defined(__CUDACC__)
#define SUBSETIX_UNROLL_TAPS _Pragma("unroll")
#elif defined(__GNUC__)
#define SUBSETIX_UNROLL_TAPS _Pragma("GCC unroll 8")
#else
#define SUBSETIX_UNROLL_TAPS
#endif

#if defined(__GNUC__) && !defined(__CUDACC__)
#define SUBSETIX_INLINE_LAMBDA __attribute__((always_inline))
#else
#define SUBSETIX_INLINE_LAMBDA
#endif
