/*
** exactdiv.h: division by a value that is often a power of two (the
** tensor-parallel degree, the chips, the micro-batches), as a
** multiplication where that gives the same bits.
**
** When d is a power of two, 1/d is exact and x * (1/d) is the correctly
** rounded x/d, so the result is bit for bit that of the division, at a
** fraction of its cost; for any other d, rl_div divides.
*/
#ifndef RL_EXACTDIV_H
#define RL_EXACTDIV_H

#include <stdint.h>
#include <string.h>

typedef struct {
	double d;   /* the divisor */
	double inv; /* 1/d when that is exact (d a power of two), else 0 */
} rl_divisor;

static inline rl_divisor rl_divisor_of(double d)
{
	rl_divisor v = {d, 0.0};
	uint64_t bits;
	unsigned ex;
	memcpy(&bits, &d, sizeof bits);
	ex = (unsigned)(bits >> 52) & 0x7ff;
	/* a mantissa of zeros, an exponent well inside the normal range (so
	** that 1/d is normal too) */
	if ((bits & 0xfffffffffffffULL) == 0 && ex > 100 && ex < 1900)
		v.inv = 1.0 / d;
	return v;
}

static inline double rl_div(double x, const rl_divisor *v)
{
	return v->inv != 0.0 ? x * v->inv : x / v->d;
}

#endif
