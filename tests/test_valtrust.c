/*
** test_valtrust.c: the trust line's leave-out figures (claim/valtrust.c)
** over more profiles than validate's listing holds (32): every profile of
** the rows is read, each once.  A temporary data directory holds 40
** profiles p00..p39, profile i's [meta] giving a leave-one-architecture-out
** median of (10 + i) / 10 % and a 90th percentile of (10 + i) %; by hand
** the span is 1.0-4.9% / 10.0-49.0% over 40 profiles (32 read would give
** 1.0-4.1% / 10.0-41.0% over 32).  Six more, q00..q05, whose fits left a
** row out (leave_one_out, as trtllm-0.10's), q0i at (1 + i) % / (10 + i) %:
** such profiles are named each with its figures, the first four and the
** baseline, the rest counted, not dropped unsaid.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../claim/valtrust.h"
#include "../model/status.h"

#define NPROF 40
#define NROW_PROF 6
#define NROWS (3 * NPROF)

static char dir[] = "/tmp/rl_test_valtrust_XXXXXX";

static int write_profiles(void **state)
{
	char path[256];
	int i;
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/profiles", dir);
	if (mkdir(path, 0700))
		return -1;
	for (i = 0; i < NPROF; i++) {
		FILE *f;
		snprintf(path, sizeof path, "%s/profiles/p%02d.ini", dir, i);
		if (!(f = fopen(path, "w")))
			return -1;
		fprintf(f, "[meta]\nleave_one_architecture_out = median |error| "
		        "%d.%d%%, 90th percentile %d.0%% over 5 rows\n",
		        (10 + i) / 10, (10 + i) % 10, 10 + i);
		if (fclose(f))
			return -1;
	}
	for (i = 0; i < NROW_PROF; i++) {
		FILE *f;
		snprintf(path, sizeof path, "%s/profiles/q%02d.ini", dir, i);
		if (!(f = fopen(path, "w")))
			return -1;
		fprintf(f, "[meta]\nleave_one_out = median |error| %d.0%%, 90th "
		        "percentile %d.0%% over 16 rows\n", 1 + i, 10 + i);
		if (fclose(f))
			return -1;
	}
	return setenv("ROOFLAB_DATA", dir, 1);
}

static int remove_profiles(void **state)
{
	char path[256];
	int i;
	(void)state;
	for (i = 0; i < NPROF; i++) {
		snprintf(path, sizeof path, "%s/profiles/p%02d.ini", dir, i);
		unlink(path);
	}
	for (i = 0; i < NROW_PROF; i++) {
		snprintf(path, sizeof path, "%s/profiles/q%02d.ini", dir, i);
		unlink(path);
	}
	snprintf(path, sizeof path, "%s/profiles", dir);
	rmdir(path);
	rmdir(dir);
	return 0;
}

/* 120 rows, none modelled (no held-out or out-of-sample figures), each
** profile named three times: rows 0-39 p00..p39, then the same backwards
** twice, so that a profile seen again is not counted again. */
static void rows(val_row *v)
{
	static char name[NROWS][8]; /* the rows' profile names */
	int i;
	memset(v, 0, NROWS * sizeof *v);
	for (i = 0; i < NROWS; i++) {
		int p = i < NPROF ? i : NPROF - 1 - i % NPROF;
		v[i].status = VAL_NOT_MODELLED;
		snprintf(name[i], sizeof name[i], "p%02d", p);
		v[i].profile = name[i];
	}
}

static void test_all_profiles(void **state)
{
	static val_row v[NROWS];
	char buf[2048], err[256];
	(void)state;
	rows(v);
	assert_int_equal(val_trust_words(v, NROWS, NULL, buf, sizeof buf, err,
	                                 sizeof err),
	                 RL_OK);
	assert_string_equal(buf, "how far off the model is (median error / 90% of "
	                    "rows within): 1.0-4.9% / 10.0-49.0% on model "
	                    "families each fit never saw, over 40 software "
	                    "versions; on chips no fit saw: no row");
	/* the baseline past the 32nd profile is named with its own figures:
	** p35's median 4.5%, 90th percentile 45.0% */
	assert_int_equal(val_trust_words(v, NROWS, "p35", buf, sizeof buf, err,
	                                 sizeof err),
	                 RL_OK);
	assert_string_equal(buf, "how far off the model is (median error / 90% of "
	                    "rows within): 1.0-4.9% / 10.0-49.0% on model "
	                    "families each fit never saw, over 40 software "
	                    "versions (p35, the baseline: 4.5% / 45.0%, leaving "
	                    "out one model family at a time); on chips no fit "
	                    "saw: no row");
}

/* profiles scored both ways: p00..p02 on model families (median 1.0%,
** 1.1%, 1.2%; 90th percentile 10%, 11%, 12%: the fixture's 10 + i) and
** q00 on rows (1.0% / 10.0%).  q00 the baseline is not one of the 3
** counted: "besides them"; p01 the baseline is one of them, named again
** for its own figures, and q00 after it takes "besides them" (ux32's
** wording said "besides them" of a baseline among them) */
static void test_besides_them(void **state)
{
	val_row v[4];
	static const char *const name[4] = {"p00", "p01", "p02", "q00"};
	char buf[2048], err[256];
	int i;
	(void)state;
	memset(v, 0, sizeof v);
	for (i = 0; i < 4; i++) {
		v[i].status = VAL_NOT_MODELLED;
		v[i].profile = name[i];
	}
	assert_int_equal(val_trust_words(v, 4, "q00", buf, sizeof buf, err,
	                                 sizeof err),
	                 RL_OK);
	assert_string_equal(buf, "how far off the model is (median error / 90% of "
	                    "rows within): 1.0-1.2% / 10.0-12.0% on model "
	                    "families each fit never saw, over 3 software "
	                    "versions (besides them, q00, the baseline: 1.0% / "
	                    "10.0%, leaving out one row at a time); on chips no "
	                    "fit saw: no row");
	assert_int_equal(val_trust_words(v, 4, "p01", buf, sizeof buf, err,
	                                 sizeof err),
	                 RL_OK);
	assert_string_equal(buf, "how far off the model is (median error / 90% of "
	                    "rows within): 1.0-1.2% / 10.0-12.0% on model "
	                    "families each fit never saw, over 3 software "
	                    "versions (p01, the baseline: 1.1% / 11.0%, leaving "
	                    "out one model family at a time; besides them, q00: "
	                    "1.0% / 10.0%, leaving out one row at a time); on "
	                    "chips no fit saw: no row");
}

/* the first 33 rows only: profile 32 (median 4.2%, 90th percentile
** 42.0%) is the 33rd, the one a cap of 32 left out */
static void test_33_profiles(void **state)
{
	static val_row v[NROWS];
	char buf[2048], err[256];
	(void)state;
	rows(v);
	assert_int_equal(val_trust_words(v, 33, NULL, buf, sizeof buf, err,
	                                 sizeof err),
	                 RL_OK);
	assert_string_equal(buf, "how far off the model is (median error / 90% of "
	                    "rows within): 1.0-4.2% / 10.0-42.0% on model "
	                    "families each fit never saw, over 33 software "
	                    "versions; on chips no fit saw: no row");
}

/* six leave-one-row-out profiles: four named, two counted; with q05 the
** baseline, q05 named too (after the four) and one counted */
static void test_other_leave_outs(void **state)
{
	val_row v[NROW_PROF];
	static char name[NROW_PROF][8]; /* the rows' profile names */
	char buf[2048], err[256];
	int i;
	(void)state;
	memset(v, 0, sizeof v);
	for (i = 0; i < NROW_PROF; i++) {
		v[i].status = VAL_NOT_MODELLED;
		snprintf(name[i], sizeof name[i], "q%02d", i);
		v[i].profile = name[i];
	}
	assert_int_equal(val_trust_words(v, NROW_PROF, NULL, buf, sizeof buf,
	                                 err, sizeof err),
	                 RL_OK);
	assert_string_equal(buf, "how far off the model is (median error / 90% of "
	                    "rows within): no profile records its error on model "
	                    "families its fit never saw (q00: "
	                    "1.0% / 10.0%, leaving out one row at a time; q01: "
	                    "2.0% / 11.0%, leaving out one row at a time; q02: "
	                    "3.0% / 12.0%, leaving out one row at a time; q03: "
	                    "4.0% / 13.0%, leaving out one row at a time; 2 "
	                    "more profiles "
	                    "scored another way, not named); on chips no fit saw: "
	                    "no row");
	assert_int_equal(val_trust_words(v, NROW_PROF, "q05", buf, sizeof buf,
	                                 err, sizeof err),
	                 RL_OK);
	assert_string_equal(buf, "how far off the model is (median error / 90% of "
	                    "rows within): no profile records its error on model "
	                    "families its fit never saw (q00: "
	                    "1.0% / 10.0%, leaving out one row at a time; q01: "
	                    "2.0% / 11.0%, leaving out one row at a time; q02: "
	                    "3.0% / 12.0%, leaving out one row at a time; q03: "
	                    "4.0% / 13.0%, leaving out one row at a time; q05, "
	                    "the baseline: 6.0% / 15.0%, leaving out one row at "
	                    "a time; 1 more profile "
	                    "scored another way, not named); on chips no fit saw: "
	                    "no row");
}

/* the baseline among the first rows (q05 first, then q00..q04): still the
** first four others named beside it and one counted, as read_spans'
** comment says ("the first TRUST_OTHERS and base (one more place)");
** until review38 a baseline read first took one of the four places
** (q05, q00, q01, q02 named, "2 more") */
static void test_baseline_first(void **state)
{
	val_row v[NROW_PROF];
	static char name[NROW_PROF][8]; /* the rows' profile names */
	char buf[2048], err[256];
	int i;
	(void)state;
	memset(v, 0, sizeof v);
	for (i = 0; i < NROW_PROF; i++) {
		v[i].status = VAL_NOT_MODELLED;
		snprintf(name[i], sizeof name[i], "q%02d",
		         i ? i - 1 : NROW_PROF - 1);
		v[i].profile = name[i];
	}
	assert_int_equal(val_trust_words(v, NROW_PROF, "q05", buf, sizeof buf,
	                                 err, sizeof err),
	                 RL_OK);
	assert_string_equal(buf, "how far off the model is (median error / 90% of "
	                    "rows within): no profile records its error on model "
	                    "families its fit never saw (q05, "
	                    "the baseline: 6.0% / 15.0%, leaving out one row at "
	                    "a time; q00: "
	                    "1.0% / 10.0%, leaving out one row at a time; q01: "
	                    "2.0% / 11.0%, leaving out one row at a time; q02: "
	                    "3.0% / 12.0%, leaving out one row at a time; q03: "
	                    "4.0% / 13.0%, leaving out one row at a time; 1 "
	                    "more profile scored another way, not named); on "
	                    "chips no fit saw: no row");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_all_profiles),
	    cmocka_unit_test(test_33_profiles),
	    cmocka_unit_test(test_besides_them),
	    cmocka_unit_test(test_other_leave_outs),
	    cmocka_unit_test(test_baseline_first),
	};
	return cmocka_run_group_tests(tests, write_profiles, remove_profiles);
}
