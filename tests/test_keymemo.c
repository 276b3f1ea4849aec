/*
** test_keymemo.c: config/keymemo.c.  A value put for a key is found for
** that key alone (keys that differ in any one word are apart), a second
** put replaces it, every key stays found as the table grows past its
** first 64 slots, and a NULL memo holds nothing.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../config/keymemo.h"

static void test_put_get(void **state)
{
	keymemo *m = keymemo_new();
	uint64_t a[KEYMEMO_WORDS] = {1, 2, 3, 4}, b[KEYMEMO_WORDS];
	int v = -7, w;
	(void)state;
	assert_non_null(m);
	assert_int_equal(keymemo_get(m, a, &v), 0);
	assert_int_equal(v, -7); /* untouched where none was put */
	assert_int_equal(keymemo_put(m, a, 5), 0);
	assert_int_equal(keymemo_get(m, a, &v), 1);
	assert_int_equal(v, 5);
	/* each word on its own makes another key */
	for (w = 0; w < KEYMEMO_WORDS; w++) {
		int i;
		for (i = 0; i < KEYMEMO_WORDS; i++)
			b[i] = a[i];
		b[w] ^= 1u << 3;
		assert_int_equal(keymemo_get(m, b, &v), 0);
	}
	/* a second put replaces the first; -1 is a value like any other */
	assert_int_equal(keymemo_put(m, a, -1), 0);
	assert_int_equal(keymemo_get(m, a, &v), 1);
	assert_int_equal(v, -1);
	keymemo_free(m);
}

/* 10,000 keys, pointers 8 bytes apart as a string pool's would be, each
** found with its own value after the table has grown many times (64
** slots at first, doubled at half full) */
static void test_grow(void **state)
{
	keymemo *m = keymemo_new();
	uint64_t k[KEYMEMO_WORDS];
	int i, v;
	(void)state;
	assert_non_null(m);
	for (i = 0; i < 10000; i++) {
		k[0] = 0x55550000u + 8u * (uint64_t)i;
		k[1] = 0x66660000u;
		k[2] = (uint64_t)(i % 7);
		k[3] = 0;
		assert_int_equal(keymemo_put(m, k, i), 0);
	}
	for (i = 0; i < 10000; i++) {
		k[0] = 0x55550000u + 8u * (uint64_t)i;
		k[1] = 0x66660000u;
		k[2] = (uint64_t)(i % 7);
		k[3] = 0;
		assert_int_equal(keymemo_get(m, k, &v), 1);
		assert_int_equal(v, i);
		k[2] = (uint64_t)(i % 7) + 7; /* never put */
		assert_int_equal(keymemo_get(m, k, &v), 0);
	}
	keymemo_free(m);
}

static void test_null(void **state)
{
	uint64_t k[KEYMEMO_WORDS] = {0, 0, 0, 0};
	int v = 3;
	(void)state;
	assert_int_equal(keymemo_put(NULL, k, 1), -1);
	assert_int_equal(keymemo_get(NULL, k, &v), 0);
	assert_int_equal(v, 3);
	keymemo_free(NULL);
}

/* keymemo_answer's work: counts its calls, answers the key's first word
** plus 100 */
typedef struct {
	const uint64_t *key;
	int calls;
} work_ctx;

static int work(const void *ctx)
{
	work_ctx *w = (work_ctx *)(uintptr_t)ctx;
	w->calls++;
	return (int)w->key[0] + 100;
}

/* Keys a, a, b, a, b by hand: a is worked out once (the second a is the
** last key's answer, the fourth one put before), b once: 2 calls, each
** answer its key's first word plus 100.  With no memo, work each time: 5 */
static void test_answer(void **state)
{
	uint64_t a[KEYMEMO_WORDS] = {1, 2, 3, 4}, b[KEYMEMO_WORDS] = {7, 2, 3, 4};
	const uint64_t *seq[5] = {a, a, b, a, b};
	keymemo *m = keymemo_new();
	work_ctx w = {NULL, 0};
	int i;
	(void)state;
	assert_non_null(m);
	for (i = 0; i < 5; i++) {
		w.key = seq[i];
		assert_int_equal(keymemo_answer(m, seq[i], work, &w),
		                 seq[i] == a ? 101 : 107);
	}
	assert_int_equal(w.calls, 2);
	keymemo_free(m);
	w.calls = 0;
	for (i = 0; i < 5; i++) {
		w.key = seq[i];
		assert_int_equal(keymemo_answer(NULL, seq[i], work, &w),
		                 seq[i] == a ? 101 : 107);
	}
	assert_int_equal(w.calls, 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_put_get),
	    cmocka_unit_test(test_grow),
	    cmocka_unit_test(test_null),
	    cmocka_unit_test(test_answer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
