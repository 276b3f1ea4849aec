/*
** xorshift.h: what the C fuzz tests share (test_fuzz, test_fuzznum): the
** seeded generator, xorshift64*, so a failing input is reproduced from its
** seed on any machine with no library generator's state behind it, and
** env_long, a run's size or seed from the environment.
*/
#ifndef RL_TEST_XORSHIFT_H
#define RL_TEST_XORSHIFT_H

#include <stdint.h>
#include <stdlib.h>

typedef struct {
	uint64_t s;
} rng;

static inline uint64_t next(rng *r)
{
	/* xorshift64* */
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 0x2545f4914f6cdd1dULL;
}

/* The positive whole number in the environment's `name`, else def (unset,
** empty, not a whole number, or not positive). */
static inline long env_long(const char *name, long def)
{
	const char *v = getenv(name);
	char *end;
	long x;
	if (!v || !*v)
		return def;
	x = strtol(v, &end, 10);
	return *end || x <= 0 ? def : x;
}

#endif
