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

/* 300 keys alike but in one word (0 to 3 in turn), that word i and the
** value i: each found with its own value.  They share their other words,
** so their probe chains cross in 1024 slots (grown at half full); a
** comparison that left a word out found another key's slot first (fuzz15:
** the mutant dropping a[3] == b[3] passed test_put_get, whose keys one
** word apart sat in empty slots of their own) */
static void test_one_word_apart(void **state)
{
	int w, i, v;
	(void)state;
	for (w = 0; w < KEYMEMO_WORDS; w++) {
		keymemo *m = keymemo_new();
		uint64_t k[KEYMEMO_WORDS] = {11, 22, 33, 44};
		assert_non_null(m);
		for (i = 0; i < 300; i++) {
			k[w] = (uint64_t)i;
			assert_int_equal(keymemo_put(m, k, i), 0);
		}
		for (i = 0; i < 300; i++) {
			k[w] = (uint64_t)i;
			v = -1;
			assert_int_equal(keymemo_get(m, k, &v), 1);
			assert_int_equal(v, i);
		}
		keymemo_free(m);
	}
}

/* work2's answer: the sum of its key's words */
static int work2(const void *ctx)
{
	work_ctx *w = (work_ctx *)(uintptr_t)ctx;
	w->calls++;
	return (int)(w->key[0] + w->key[1] + w->key[2] + w->key[3]);
}

/* keymemo_answer's shortcut (the last key) for a key one word off the
** last, in each word: its own answer, not the last one's.  a = {1, 2, 3,
** 4} answers 10; a with word w + 10 answers 20 (by hand), each worked
** out (2 calls per word).  test_answer's keys differ in word 0 alone,
** which a shortcut comparing that word alone passed (fuzz15's mutant) */
static void test_answer_each_word(void **state)
{
	int w;
	(void)state;
	for (w = 0; w < KEYMEMO_WORDS; w++) {
		uint64_t a[KEYMEMO_WORDS] = {1, 2, 3, 4}, b[KEYMEMO_WORDS] = {1, 2,
		                                                            3, 4};
		keymemo *m = keymemo_new();
		work_ctx c = {NULL, 0};
		assert_non_null(m);
		b[w] += 10;
		c.key = a;
		assert_int_equal(keymemo_answer(m, a, work2, &c), 10);
		c.key = b;
		assert_int_equal(keymemo_answer(m, b, work2, &c), 20);
		assert_int_equal(c.calls, 2);
		keymemo_free(m);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_put_get),
	    cmocka_unit_test(test_grow),
	    cmocka_unit_test(test_null),
	    cmocka_unit_test(test_answer),
	    cmocka_unit_test(test_one_word_apart),
	    cmocka_unit_test(test_answer_each_word),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
