/*
** test_valshipped.c: the shipped measurements read once for a command
** (claim/valshipped.h) and shared by val_trust_chip_of and
** val_trust_shipped_of (claim/valtrust.h).  A copy of the data directory
** under $ROOFLAB_DATA: what the shared reads give equals what the one-off
** functions give on the same files, and once the rows are held, removing
** both measurement files changes nothing for that holder (the one-off
** functions, reading them again, now fail: the files were read once, not
** again).  A read that failed stays failed for the holder, with its
** message, where the files come back.  The holder evaluates only the
** rows off the fit (validation.h val_evaluate_off_fit): its sentence is
** the one every row evaluated gives, and each row off the fit is the row
** val_evaluate gives.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../claim/valtrust.h"
#include "../model/status.h"

static char dir[128];

static int copy_data(void **state)
{
	char cmd[512];
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/rooflab-test-valshipped-%ld",
	         (long)getpid());
	snprintf(cmd, sizeof cmd, "rm -rf %s && cp -r %s %s", dir, RL_DATA_DIR,
	         dir);
	if (system(cmd))
		return -1;
	return setenv("ROOFLAB_DATA", dir, 1);
}

static int remove_data(void **state)
{
	char cmd[256];
	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) ? -1 : 0;
}

/* both measurement files of the copy moved aside (away 1) or back (0) */
static void move_files(int away)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd,
	         away ? "mv %s/measurements.csv %s/m0.keep && mv "
	                "%s/measurements/published-h100.csv %s/m1.keep"
	              : "mv %s/m0.keep %s/measurements.csv && mv %s/m1.keep "
	                "%s/measurements/published-h100.csv",
	         dir, dir, dir, dir);
	assert_int_equal(system(cmd), 0);
}

static void test_read_once(void **state)
{
	char buf0[2048], buf1[2048], err[1024];
	val_chip_fit f0, f1;
	val_shipped sh;
	(void)state;
	memset(&sh, 0, sizeof sh);
	/* trtllm-0.10 was fitted on h100-sxm rows (data/profiles/versions.csv,
	** its fitted_chip): on h200-sxm its figures are carried */
	assert_int_equal(val_trust_chip("trtllm-0.10", NULL, "h200-sxm", &f0,
	                                err, sizeof err), RL_OK);
	assert_int_equal(f0.carried, 1);
	assert_true(f0.fit_rows > 0);
	assert_int_equal(val_trust_shipped("trtllm-0.10", buf0, sizeof buf0,
	                                   err, sizeof err), RL_OK);
	assert_true(buf0[0] != '\0');

	assert_int_equal(val_trust_chip_of(&sh, "trtllm-0.10", NULL,
	                                   "h200-sxm", &f1, err, sizeof err),
	                 RL_OK);
	assert_int_equal(f1.carried, f0.carried);
	assert_int_equal(f1.fit_rows, f0.fit_rows);
	assert_int_equal(f1.fit_rows_here, f0.fit_rows_here);
	assert_string_equal(f1.words, f0.words);
	assert_int_equal(sh.rows_state, 1); /* the rows held */
	assert_int_equal(sh.eval_state, 0); /* not evaluated: not needed */

	move_files(1);
	/* the holder has its rows: the same sentence without the files */
	assert_int_equal(val_trust_shipped_of(&sh, "trtllm-0.10", buf1,
	                                      sizeof buf1, err, sizeof err),
	                 RL_OK);
	assert_string_equal(buf1, buf0);
	assert_int_equal(val_trust_chip_of(&sh, "trtllm-0.10", NULL,
	                                   "h200-sxm", &f1, err, sizeof err),
	                 RL_OK);
	assert_int_equal(f1.fit_rows, f0.fit_rows);
	/* the one-off functions read the files again: gone, refused */
	assert_int_equal(val_trust_shipped("trtllm-0.10", buf1, sizeof buf1,
	                                   err, sizeof err), -1);
	assert_string_equal(buf1, "");
	assert_int_equal(val_trust_chip("trtllm-0.10", NULL, "h200-sxm", &f1,
	                                err, sizeof err), -1);
	assert_int_equal(f1.carried, 0);
	move_files(0);

	val_shipped_free(&sh);
	assert_int_equal(sh.rows_state, 0);
	assert_int_equal(sh.n, 0);
	assert_null(sh.v);
}

static void test_failure_kept(void **state)
{
	char buf[2048], err[1024], err2[1024];
	val_chip_fit f;
	val_shipped sh;
	(void)state;
	memset(&sh, 0, sizeof sh);
	move_files(1);
	assert_int_equal(val_trust_chip_of(&sh, "trtllm-0.10", NULL,
	                                   "h200-sxm", &f, err, sizeof err),
	                 -1);
	assert_int_equal(f.carried, 0);
	/* the first file read is measurements.csv (valshipped.c) */
	assert_non_null(strstr(err, "measurements.csv"));
	move_files(0);
	/* the files back: the holder says the same failure, once read */
	assert_int_equal(val_trust_shipped_of(&sh, "trtllm-0.10", buf,
	                                      sizeof buf, err2, sizeof err2),
	                 -1);
	assert_string_equal(err2, err);
	assert_string_equal(buf, "");
	val_shipped_free(&sh);
}

/* two val_rows alike, their reason and profile by text (each set's own
** pool), a NAN prediction or error equal to another NAN */
static void same_row(const val_row *a, const val_row *b)
{
	assert_ptr_equal(a->row, b->row);
	assert_string_equal(a->profile, b->profile);
	assert_int_equal(a->status, b->status);
	assert_int_equal(a->in_fit, b->in_fit);
	assert_int_equal(a->out_of_sample, b->out_of_sample);
	assert_string_equal(a->reason, b->reason);
	assert_int_equal(a->why, b->why);
	assert_int_equal(a->also_unknown, b->also_unknown);
	assert_true(a->predicted == b->predicted ||
	            (isnan(a->predicted) && isnan(b->predicted)));
	assert_true(a->error == b->error ||
	            (isnan(a->error) && isnan(b->error)));
}

/* every shipped row evaluated (val_evaluate, as validate does) against
** the holder's rows off the fit: the same rows but those in the fit,
** with a profile, which are VAL_NOT_EVALUATED with it named; and the same
** sentence, with and without a baseline */
static void test_off_fit(void **state)
{
	static const char *const bases[3] = {NULL, "trtllm-0.10", "triton-0.14"};
	char err[1024], all[2048], held[2048];
	val_shipped sh;
	val_row *v;
	size_t i, k, n = 0, in_fit = 0, off = 0;
	(void)state;
	memset(&sh, 0, sizeof sh);
	assert_int_equal(val_shipped_evaluated(&sh, err, sizeof err), RL_OK);
	v = calloc(sh.n + 1, sizeof *v);
	assert_non_null(v);
	for (k = 0; k < 2; k++) {
		assert_int_equal(val_evaluate(&sh.sets[k], &sh.vt, NULL, sh.pc,
		                              v + n, err, sizeof err), RL_OK);
		n += sh.sets[k].n;
	}
	assert_int_equal(n, sh.n);
	for (i = 0; i < n; i++) {
		/* a version the table lists without a profile is said so on
		** any chip, its reason read from the table, not the engine */
		if (!v[i].in_fit || !v[i].profile[0]) {
			same_row(&sh.v[i], &v[i]);
			off++;
			continue;
		}
		in_fit++;
		assert_ptr_equal(sh.v[i].row, v[i].row);
		assert_int_equal(sh.v[i].status, VAL_NOT_EVALUATED);
		assert_int_equal(val_set_of(&sh.v[i]), VAL_SET_NOT_MODELLED);
		assert_string_equal(sh.v[i].profile, v[i].profile);
		assert_string_equal(sh.v[i].reason, "");
		assert_true(isnan(sh.v[i].predicted));
	}
	/* the shipped files have rows of both kinds, and rows off the fit of
	** the sets the sentence counts */
	assert_true(in_fit > 0 && off > 0);
	for (k = 0; k < 3; k++) {
		assert_int_equal(val_trust_words(v, n, bases[k], all, sizeof all,
		                                 err, sizeof err), RL_OK);
		assert_int_equal(val_trust_shipped_of(&sh, bases[k], held,
		                                      sizeof held, err, sizeof err),
		                 RL_OK);
		assert_string_equal(held, all);
	}
	assert_non_null(strstr(all, "borrows another's profile"));
	assert_non_null(strstr(all, "on chips no fit saw: "));
	assert_null(strstr(all, "no row"));
	free(v);
	val_shipped_free(&sh);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_read_once),
	    cmocka_unit_test(test_failure_kept),
	    cmocka_unit_test(test_off_fit),
	};
	return cmocka_run_group_tests(tests, copy_data, remove_data);
}
