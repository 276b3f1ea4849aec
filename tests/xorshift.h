/*
** xorshift.h: the seeded generator the C fuzz tests share (test_fuzz,
** test_fuzznum): xorshift64*, so a failing input is reproduced from its
** seed on any machine, with no library generator's state behind it.
*/
#ifndef RL_TEST_XORSHIFT_H
#define RL_TEST_XORSHIFT_H

#include <stdint.h>

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

#endif
