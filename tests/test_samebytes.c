/*
** test_samebytes.c: rl_same_avx_body (model/samebytes.h), the AVX compare
** eval.c's rule_key_same makes of a configuration with the batch rule's
** key, says "equal" exactly where memcmp(a, b, n) == 0 does.  The sizes
** its code takes apart: one vector (32), a vector and a byte (33: the
** last 32 bytes overlap the first), a byte short of two (63), whole
** vectors (64, 128), odd ones (100, 161), and rl_config's span before the
** request (1,264 bytes, the one eval.c compares), each instantiated with
** its n a constant, as eval.c's is.  For each: equal spans; every byte
** changed in turn, in each of its eight bits and all of them, with the
** spans at each of 32 alignments (a moved, then b); a change just past
** the end or just before the start, which must not count.  Where the
** processor has no AVX (or the build is not x86-64 GCC or Clang), eval.c
** uses memcmp and nothing here runs but the skip.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../model/rl_config.h"
#include "../model/samebytes.h"

#if RL_SAME_AVX
#define SAME_N(n)                                                            \
	__attribute__((target("avx"), noinline)) static int same_##n(         \
	    const unsigned char *a, const unsigned char *b)                   \
	{                                                                     \
		return rl_same_avx_body(a, b, n);                             \
	}
SAME_N(32)
SAME_N(33)
SAME_N(63)
SAME_N(64)
SAME_N(100)
SAME_N(128)
SAME_N(161)

#define HEAD offsetof(rl_config, scen.isl)
__attribute__((target("avx"), noinline)) static int
same_head(const unsigned char *a, const unsigned char *b)
{
	return rl_same_avx_body(a, b, HEAD);
}

typedef int (*same_fn)(const unsigned char *, const unsigned char *);

/* room for a span of n at 32 alignments, with a guard byte each side */
#define ROOM (sizeof(rl_config) + 128)

/* every change of one byte of a span of n (in a at offset ao, b at bo):
** the compare against memcmp */
static void changes_at(same_fn same, size_t n, size_t ao, size_t bo,
                       int every_bit)
{
	static unsigned char abuf[ROOM], bbuf[ROOM];
	unsigned char *a = abuf + 1 + ao, *b = bbuf + 1 + bo;
	size_t i;
	int bit;
	for (i = 0; i < n; i++)
		a[i] = b[i] = (unsigned char)(i * 131 + 7);
	assert_true(same(a, b));
	assert_int_equal(memcmp(a, b, n), 0);
	/* past the end and before the start: not in the span */
	a[n] ^= 0x5a;
	a[-1] ^= 0xa5;
	assert_true(same(a, b));
	for (i = 0; i < n; i++) {
		for (bit = 0; bit < 9; bit++) {
			/* (bit 8: all eight at once; else one bit, or, where
			** every_bit is 0, the one i selects) */
			unsigned char flip =
			    bit == 8 ? 0xff : (unsigned char)(1u << bit);
			if (!every_bit && bit != 8 && bit != (int)(i % 8))
				continue;
			b[i] ^= flip;
			assert_true(memcmp(a, b, n) != 0);
			assert_false(same(a, b));
			b[i] ^= flip;
		}
	}
	assert_true(same(a, b));
}

static void sizes_and_alignments(same_fn same, size_t n)
{
	size_t off;
	changes_at(same, n, 0, 0, 1);
	for (off = 1; off < 32; off++) {
		changes_at(same, n, off, 0, 0);
		changes_at(same, n, 0, off, 0);
		changes_at(same, n, off, 31 - off, 0);
	}
}

static void test_same_as_memcmp(void **state)
{
	(void)state;
	if (!__builtin_cpu_supports("avx"))
		skip();
	sizes_and_alignments(same_32, 32);
	sizes_and_alignments(same_33, 33);
	sizes_and_alignments(same_63, 63);
	sizes_and_alignments(same_64, 64);
	sizes_and_alignments(same_100, 100);
	sizes_and_alignments(same_128, 128);
	sizes_and_alignments(same_161, 161);
	assert_int_equal(HEAD, 1264); /* the size eval.c compares today */
	sizes_and_alignments(same_head, HEAD);
}

/* Two configurations of doubles alike but a NaN's payload, a -0 for a +0
** or a denormal: memcmp tells them apart, and so must the compare (bits,
** not numbers: rl_eval_cached must serve them anew) */
static void test_bits_not_numbers(void **state)
{
	static rl_config a, b;
	double *v = (double *)&b;
	size_t i, n = HEAD / sizeof(double);
	(void)state;
	if (!__builtin_cpu_supports("avx"))
		skip();
	memset(&a, 0, sizeof a);
	for (i = 0; i < n; i++) {
		b = a;
		v[i] = -0.0;
		assert_false(same_head((const void *)&a, (const void *)&b));
		v[i] = 4.9e-324;
		assert_false(same_head((const void *)&a, (const void *)&b));
	}
	for (i = 0; i < sizeof a / sizeof(double); i++)
		((double *)&a)[i] = __builtin_nan("1");
	b = a;
	assert_true(same_head((const void *)&a, (const void *)&b));
	for (i = 0; i < n; i++) {
		b = a;
		v[i] = __builtin_nan("2");
		assert_false(same_head((const void *)&a, (const void *)&b));
	}
}
#else
static void test_same_as_memcmp(void **state)
{
	(void)state;
	skip();
}

static void test_bits_not_numbers(void **state)
{
	(void)state;
	skip();
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_same_as_memcmp),
	    cmocka_unit_test(test_bits_not_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
