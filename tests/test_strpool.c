/*
** test_strpool.c: config/strpool.c's blocks and slots at their edges
** (fuzz14's mutants of it): a tag told for a new string whatever *old
** held, strings of a block's size and past it (a block of their own, put
** behind the one being filled, so the short strings after them share
** it), many strings whose FNV-1a hashes agree in their low 20 bits (one
** slot to start from in the pool before 91ef2b37, which indexed by
** FNV-1a's low bits; mixed now, they spread, and each is still found
** through the table's growth), and a NULL pool counted as empty.  Each expected value
** is the string or tag the test put in itself.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/strpool.h"

#define BLOCK 65536 /* strpool.c's BLOCK_BYTES */

/* FNV-1a of s, as strpool.c hashes (the offset basis and prime of the
** 64-bit FNV-1a: Fowler, Noll and Vo's published constants) */
static uint64_t fnv1a(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

static void test_tags_and_count(void **state)
{
	strpool *p = strpool_new();
	int old = 42;
	(void)state;
	assert_non_null(p);
	assert_int_equal(strpool_count(NULL), 0);
	assert_int_equal(strpool_count(p), 0);
	assert_int_equal(strpool_tag(p, "a"), -1);
	/* *old set to -1 for a new string, whatever it held before */
	assert_string_equal(strpool_add(p, "a", 3, &old), "a");
	assert_int_equal(old, -1);
	old = 42;
	assert_string_equal(strpool_add(p, "", 4, &old), "");
	assert_int_equal(old, -1);
	assert_int_equal(strpool_tag(p, ""), 4);
	assert_int_equal(strpool_tag(p, "a"), 3);
	assert_int_equal(strpool_count(p), 2);
	strpool_free(p);
	strpool_free(NULL);
}

/* Strings of BLOCK - 1 bytes (a block whole, with their NUL), BLOCK and
** BLOCK + 1 (a block of their own), twice in a row and between short
** ones: each whole and found, the short ones before them untouched. */
static void test_block_edges(void **state)
{
	static const size_t lens[] = {BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK,
	                              5, 3 * BLOCK + 7, BLOCK / 2, BLOCK / 2};
	const size_t n = sizeof lens / sizeof lens[0];
	strpool *p = strpool_new();
	const char *got[8], *shorts[8];
	char name[32];
	size_t i;
	(void)state;
	assert_non_null(p);
	for (i = 0; i < n; i++) {
		char *s = malloc(lens[i] + 1);
		assert_non_null(s);
		memset(s, 'a' + (int)i, lens[i]);
		s[lens[i]] = '\0';
		got[i] = strpool_add(p, s, (int)i, NULL);
		assert_non_null(got[i]);
		free(s);
		snprintf(name, sizeof name, "short-%zu", i);
		shorts[i] = strpool_add(p, name, 100 + (int)i, NULL);
		assert_string_equal(shorts[i], name);
	}
	for (i = 0; i < n; i++) {
		size_t k;
		assert_int_equal(strlen(got[i]), lens[i]);
		for (k = 0; k < lens[i]; k++)
			if (got[i][k] != 'a' + (int)i)
				fail_msg("string %zu byte %zu overwritten", i, k);
		assert_int_equal(strpool_tag(p, got[i]), (int)i);
		snprintf(name, sizeof name, "short-%zu", i);
		assert_string_equal(shorts[i], name);
		assert_int_equal(strpool_tag(p, name), 100 + (int)i);
	}
	assert_int_equal(strpool_count(p), 2 * n);
	strpool_free(p);
}

/* 2^11 strings made of 11 blocks of 6 letters, each block one of a pair
** found (below) to leave FNV-1a's low 20 bits alike from the state the
** blocks before it leave: unmixed, every string started its probe at one
** slot, in every table up to 2^20 slots (strpool.c mixes the hash since
** 91ef2b37, so they no longer do: this case no longer walks one long
** cluster).  All found with their tags, none reported new twice. */
static void test_one_start_slot(void **state)
{
	enum { BLOCKS = 11, LEN = 6 };
	static char pair[BLOCKS][2][LEN + 1];
	char s[BLOCKS * LEN + 1], prefix[BLOCKS * LEN + 1] = "";
	const uint64_t mask = (1u << 20) - 1;
	strpool *p = strpool_new();
	unsigned x = 12345, i, b, k;
	int old;
	(void)state;
	assert_non_null(p);
	/* each pair by brute force: strings of 6 letters from a fixed
	** sequence (a linear congruential generator) until two agree */
	for (b = 0; b < BLOCKS; b++) {
		uint64_t *seen = calloc(mask + 1, sizeof *seen);
		char *first = calloc(mask + 1, LEN + 1);
		int found = 0;
		assert_non_null(seen);
		assert_non_null(first);
		while (!found) {
			char t[256];
			uint64_t h;
			for (k = 0; k < LEN; k++) {
				x = x * 1103515245u + 12345u;
				pair[b][0][k] = (char)('a' + (x >> 16) % 26);
			}
			pair[b][0][LEN] = '\0';
			snprintf(t, sizeof t, "%s%s", prefix, pair[b][0]);
			h = fnv1a(t) & mask;
			if (seen[h] && strcmp(first + h * (LEN + 1), pair[b][0])) {
				memcpy(pair[b][1], first + h * (LEN + 1), LEN + 1);
				found = 1;
			} else {
				seen[h] = 1;
				memcpy(first + h * (LEN + 1), pair[b][0], LEN + 1);
			}
		}
		free(seen);
		free(first);
		strcat(prefix, pair[b][0]);
	}
	for (i = 0; i < 1u << BLOCKS; i++) {
		s[0] = '\0';
		for (b = 0; b < BLOCKS; b++)
			strcat(s, pair[b][(i >> b) & 1]);
		if (i)
			assert_int_equal(fnv1a(s) & mask, fnv1a(prefix) & mask);
		assert_non_null(strpool_add(p, s, (int)i, &old));
		assert_int_equal(old, -1);
	}
	assert_int_equal(strpool_count(p), 1u << BLOCKS);
	for (i = 0; i < 1u << BLOCKS; i++) {
		s[0] = '\0';
		for (b = 0; b < BLOCKS; b++)
			strcat(s, pair[b][(i >> b) & 1]);
		assert_int_equal(strpool_tag(p, s), (int)i);
		strpool_add(p, s, -1, &old);
		assert_int_equal(old, (int)i);
	}
	assert_int_equal(strpool_count(p), 1u << BLOCKS);
	strpool_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_tags_and_count),
	    cmocka_unit_test(test_block_edges),
	    cmocka_unit_test(test_one_start_slot),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
