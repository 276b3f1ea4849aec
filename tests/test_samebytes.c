/*
** test_samebytes.c: rl_same_avx_body (model/samebytes.h), the AVX compare
** eval.c's rule_key_same makes of a configuration with the batch rule's
** key (and engine.c's of serving's span with the setup's, eval.c's of the
** design, node and cost with the power and cost memo's), says "equal"
** exactly where memcmp(a, b, n) == 0 does, as does the function that picks
** it (RL_SAME_BYTES_FN).  The sizes its code takes apart: one vector (32),
** a vector and a byte (33: the last 32 bytes overlap the first), a byte
** short of two (63), whole vectors (64, 128), odd ones (100, 161), and
** rl_config's three spans (512, 752 and 1,264 bytes), each defined with
** its n a constant, as eval.c's are.  For each: equal spans; every byte
** changed in turn, in each of its eight bits and all of them, with the
** spans at each of 32 alignments (a moved, then b); a change just past
** the end or just before the start, which must not count.  From 96 bytes
** on the compare loads a from its first 32-byte aligned byte (head, 0 to
** 31 bytes in) besides its first and last bytes: the 32 alignments of a
** give every head (each fails with one chunk fewer, the next-to-last 32
** bytes or the first 32 left out).  Where the
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
/* each size's compare as eval.c and engine.c define theirs: same_N_avx,
** the AVX one, and same_N, which picks it */
RL_SAME_BYTES_FN(same_32, 32)
RL_SAME_BYTES_FN(same_33, 33)
RL_SAME_BYTES_FN(same_63, 63)
RL_SAME_BYTES_FN(same_64, 64)
RL_SAME_BYTES_FN(same_100, 100)
RL_SAME_BYTES_FN(same_128, 128)
RL_SAME_BYTES_FN(same_161, 161)
/* the three spans of rl_config compared on every evaluation: the design,
** node and cost (the power and cost memo's), serving's (the setup's key),
** and everything before the request (the batch rule's key) */
#define PC_SPAN offsetof(rl_config, chip)
#define SERVE_SPAN (offsetof(rl_config, scen.isl) - offsetof(rl_config, chip))
#define HEAD offsetof(rl_config, scen.isl)
RL_SAME_BYTES_FN(same_pc, PC_SPAN)
RL_SAME_BYTES_FN(same_serve, SERVE_SPAN)
RL_SAME_BYTES_FN(same_head, HEAD)

typedef int (*same_fn)(const void *, const void *);

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

/* the AVX compare of size n, and the one that picks it */
static void both(same_fn avx, same_fn picked, size_t n)
{
	sizes_and_alignments(avx, n);
	sizes_and_alignments(picked, n);
}

static void test_same_as_memcmp(void **state)
{
	(void)state;
	if (!__builtin_cpu_supports("avx"))
		skip();
	both(same_32_avx, same_32, 32);
	both(same_33_avx, same_33, 33);
	both(same_63_avx, same_63, 63);
	both(same_64_avx, same_64, 64);
	both(same_100_avx, same_100, 100);
	both(same_128_avx, same_128, 128);
	both(same_161_avx, same_161, 161);
	/* the sizes eval.c and engine.c compare, whatever rl_config holds
	** today (exact byte counts here broke with each field added: 752
	** became 760 with profile.kernel_fixed_clock_ghz): the two spans tile
	** the head, and each is at least the compare's 32 bytes */
	assert_int_equal(HEAD, PC_SPAN + SERVE_SPAN);
	assert_true(PC_SPAN >= 32 && SERVE_SPAN >= 32);
	both(same_pc_avx, same_pc, PC_SPAN);
	both(same_serve_avx, same_serve, SERVE_SPAN);
	both(same_head_avx, same_head, HEAD);
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
		assert_false(same_head_avx(&a, &b));
		v[i] = 4.9e-324;
		assert_false(same_head_avx(&a, &b));
	}
	for (i = 0; i < sizeof a / sizeof(double); i++)
		((double *)&a)[i] = __builtin_nan("1");
	b = a;
	assert_true(same_head_avx(&a, &b));
	for (i = 0; i < n; i++) {
		b = a;
		v[i] = __builtin_nan("2");
		assert_false(same_head_avx(&a, &b));
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
