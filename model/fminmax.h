/*
** fminmax.h: fmax and fmin as inline functions, so that the engine's hot
** path does not call into libm for them (a call also makes the compiler
** spill every live floating-point register around it).
**
** The results are glibc's exactly: the larger (smaller) of a and b, a when
** they compare equal (so signed zeros come out as libm gives them), the
** number when one of them is a NaN, and b when both are.  rl_ceil is
** libm's ceil exactly, shorter on the path for the positive values the
** roundings of the batch rule and the paged KV blocks see.
*/
#ifndef RL_FMINMAX_H
#define RL_FMINMAX_H

#include <math.h>

/* The hot path's helpers are always inlined where the compiler knows the
** attribute (GCC, Clang); elsewhere they are plain static inline functions,
** the same results, only slower. */
#if defined(__GNUC__)
#define RL_ALWAYS_INLINE __attribute__((always_inline))
#else
#define RL_ALWAYS_INLINE
#endif

/* A test's usual outcome, for the compiler to lay the usual path out
** straight (its own guess puts some of them out of line, one taken jump
** or two each): the same test, nothing else changes.  What is rare is
** what the configurations served most have not: expert or pipeline
** parallelism, a sliding window, a user's batch cap, a chip given by
** design, a clock the TDP lowers, a group with no link. */
#if defined(__GNUC__)
#define RL_LIKELY(x) __builtin_expect(!!(x), 1)
#define RL_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define RL_LIKELY(x) (x)
#define RL_UNLIKELY(x) (x)
#endif

/* (b when a is a NaN, else b > a ? b : a: one maxsd, and only a test of a
** besides where a is a constant; the same results as a >= b || (b is a NaN
** and a is not) ? a : b, in every case of signed zeros and NaNs) */
static inline double rl_fmax(double a, double b)
{
	return RL_UNLIKELY(a != a) || b > a ? b : a;
}

static inline double rl_fmin(double a, double b)
{
	return RL_UNLIKELY(a != a) || b < a ? b : a;
}

/* ceil(v), the same double: for 0 < v < 2^52, v + 2^52 - 2^52 is the
** nearest whole number r (the sum's unit in the last place is 1), and the
** ceiling is r, or r + 1 where r < v (four additions and a compare on
** the path, where the conversion to an integer and back that the
** compiler writes for ceil without SSE4.1 takes longer); libm's ceil
** elsewhere (a zero, a negative, a NaN or a large v). */
static inline double rl_ceil(double v)
{
	if (RL_LIKELY(v > 0 && v < 0x1p52)) {
		double r = (v + 0x1p52) - 0x1p52;
		return r + (r < v ? 1.0 : 0.0); /* (r >= +0: r + 0 is r) */
	}
	return ceil(v);
}

#endif
