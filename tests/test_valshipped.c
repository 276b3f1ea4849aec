/*
** test_valshipped.c: the shipped measurements read once for a command
** (claim/valshipped.h) and shared by val_trust_chip_of and
** val_trust_shipped_of (claim/valtrust.h).  A copy of the data directory
** under $ROOFLAB_DATA: what the shared reads give equals what the one-off
** functions give on the same files, and once the rows are held, removing
** both measurement files changes nothing for that holder (the one-off
** functions, reading them again, now fail: the files were read once, not
** again).  A read that failed stays failed for the holder, with its
** message, where the files come back.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_read_once),
	    cmocka_unit_test(test_failure_kept),
	};
	return cmocka_run_group_tests(tests, copy_data, remove_data);
}
