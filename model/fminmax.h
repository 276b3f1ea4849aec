/*
** fminmax.h: fmax and fmin as inline functions, so that the engine's hot
** path does not call into libm for them (a call also makes the compiler
** spill every live floating-point register around it).
**
** The results are glibc's exactly: the larger (smaller) of a and b, a when
** they compare equal (so signed zeros come out as libm gives them), the
** number when one of them is a NaN, and b when both are.
*/
#ifndef RL_FMINMAX_H
#define RL_FMINMAX_H

/* (b when a is a NaN, else b > a ? b : a: one maxsd, and only a test of a
** besides where a is a constant; the same results as a >= b || (b is a NaN
** and a is not) ? a : b, in every case of signed zeros and NaNs) */
static inline double rl_fmax(double a, double b)
{
	return a != a || b > a ? b : a;
}

static inline double rl_fmin(double a, double b)
{
	return a != a || b < a ? b : a;
}

#endif
