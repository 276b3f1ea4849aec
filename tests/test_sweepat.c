/*
** test_sweepat.c: plots/sweepat.c's stored value nearest an --at value
** (nearest_c, read in C in one pass, and SQLite's GROUP BY ... ORDER BY
** abs(col - v) where two values are as near, a value is not finite or is
** -0), through plot_sweep_at on a results table without a run column:
** hand-worked slices, and random tables against the query the C replaced
** (the source it must match): the value SQLite's GROUP BY 1 ORDER BY
** abs(col - v) LIMIT 1 gives, taken where it lies within a relative 1e-9
** of v, else the refusal.  Written by fuzz12's mutation campaign
** (scripts/mutants.py): no unit test read nearest_c, only cli_plot's and
** cli_sweepwalk's --at cases through the whole program.
*/
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "../plots/kinds.h"

/* a table of one column chip_hbm_tbps (chip.hbm_tbps, a real parameter),
** no declared type: each value keeps the type it is written with */
static sqlite3 *open_values(const char *values)
{
	sqlite3 *db;
	char sql[2048];
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE results(chip_hbm_tbps);",
	                              NULL, NULL, NULL), SQLITE_OK);
	if (values) {
		snprintf(sql, sizeof sql, "INSERT INTO results VALUES %s;", values);
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL),
		                 SQLITE_OK);
	}
	return db;
}

/* plot_sweep_at with --at chip.hbm_tbps=V; the slice into sw */
static int at(sqlite3 *db, const char *v, pdb_sweep *sw, char *err,
              size_t errlen)
{
	plot_opts o;
	char a[128];
	memset(&o, 0, sizeof o);
	memset(sw, 0, sizeof *sw);
	o.dbpath = "t.db";
	snprintf(a, sizeof a, "chip.hbm_tbps=%s", v);
	o.at[0] = a;
	o.nat = 1;
	err[0] = 0;
	return plot_sweep_at(db, &o, sw, err, errlen);
}

/* Hand-worked: the value itself; 0.1 + 0.2 (0.30000000000000004, its
** %.17g) for --at 0.3, 4.4e-17 off, within 1e-9; 2 written as the integer
** and the real, one value; text, a blob and NULL never a value; an inf
** beside 5 (SQLite's ORDER BY asked) still 5; a value 1e-6 off and none
** at all refused naming the file and the values there. */
static void test_hand(void **state)
{
	static const struct {
		const char *rows, *v, *slice, *words;
	} c[] = {
	    {"(1), (2), (3.5)", "2", " AND \"chip_hbm_tbps\" = 2",
	     "chip.hbm_tbps=2"},
	    {"(1), (0.1 + 0.2)", "0.3",
	     " AND \"chip_hbm_tbps\" = 0.30000000000000004",
	     "chip.hbm_tbps=0.30000000000000004"},
	    {"(2), (2.0), (3)", "2.0", " AND \"chip_hbm_tbps\" = 2",
	     "chip.hbm_tbps=2"},
	    {"('2'), (x'02'), (NULL), (4)", "4", " AND \"chip_hbm_tbps\" = 4",
	     "chip.hbm_tbps=4"},
	    {"(9e999), (5), (-9e999)", "5", " AND \"chip_hbm_tbps\" = 5",
	     "chip.hbm_tbps=5"},
	    {"(1), (3)", "1.000001", NULL, NULL},
	    {"('text'), (NULL)", "1", NULL, NULL},
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		sqlite3 *db = open_values(c[i].rows);
		pdb_sweep sw;
		char err[1024];
		int rc = at(db, c[i].v, &sw, err, sizeof err);
		if (c[i].slice) {
			assert_int_equal(rc, RL_OK);
			assert_string_equal(sw.slice, c[i].slice);
			assert_string_equal(sw.at_words, c[i].words);
		} else {
			assert_int_equal(rc, RL_EINPUT);
			assert_non_null(strstr(err, "t.db: --at 'chip.hbm_tbps="));
			assert_non_null(strstr(err, "has no point"));
		}
		sqlite3_close(db);
	}
}

/* Two values as near to v: 1 - 2^-52 and 1 + 2^-52 are each 2^-52 from
** 1 (both doubles, the differences exact), both within 1e-9 of it:
** whichever of the two SQLite's ORDER BY gives, in either order of the
** rows; 1 itself beside them, where given, wins. */
static void test_tie(void **state)
{
	static const char *const rows[] = {
	    "(1.0000000000000002), (0.99999999999999978)",
	    "(0.99999999999999978), (1.0000000000000002)",
	    "(0.99999999999999978), (1.0000000000000002), (1)",
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		sqlite3 *db = open_values(rows[i]);
		sqlite3_stmt *st;
		pdb_sweep sw;
		char err[1024], want[128];
		assert_int_equal(at(db, "1", &sw, err, sizeof err), RL_OK);
		assert_int_equal(sqlite3_prepare_v2(
		    db, "SELECT chip_hbm_tbps FROM results GROUP BY 1 ORDER BY "
		    "abs(chip_hbm_tbps - 1.0) LIMIT 1", -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		snprintf(want, sizeof want, " AND \"chip_hbm_tbps\" = %.17g",
		         sqlite3_column_double(st, 0));
		sqlite3_finalize(st);
		assert_string_equal(sw.slice, want);
		if (i == 2)
			assert_string_equal(sw.slice, " AND \"chip_hbm_tbps\" = 1");
		sqlite3_close(db);
	}
}

static uint64_t next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Random tables of 1-7 values drawn from ties, -0 and 0, integers and
** reals of one value, infinities, text and NULL, against the query the C
** replaced: its value (taken within a relative 1e-9 of v) or refusal. */
static void test_against_sqlite(void **state)
{
	static const char *const pool[] = {
	    "1", "1.0", "2", "3", "0.5", "0.0", "-0.0", "0", "1.0000000000000002",
	    "0.99999999999999978", "9e999", "-9e999", "NULL", "'t'", "4.5",
	    "-1", "-1.0", "1e-300", "-1e-300", "2.5"};
	static const char *const vs[] = {"0", "-0", "1", "2", "1.5", "-1", "0.5",
	                                  "4.5", "2.5", "3", "1e-300"};
	uint64_t seed = 0x9e3779b97f4a7c15ULL;
	int it;
	(void)state;
	for (it = 0; it < 3000; it++) {
		char rows[512], want[128], err[1024], sql[256];
		size_t used = 0;
		int n = 1 + (int)(next(&seed) % 7), k, rc, found = 0;
		const char *v = vs[next(&seed) % (sizeof vs / sizeof vs[0])];
		double dv = strtod(v, NULL);
		sqlite3 *db;
		sqlite3_stmt *st;
		pdb_sweep sw;
		for (k = 0; k < n; k++)
			used += (size_t)snprintf(rows + used, sizeof rows - used,
			                         "%s(%s)", k ? ", " : "",
			                         pool[next(&seed) % (sizeof pool /
			                                             sizeof pool[0])]);
		db = open_values(rows);
		snprintf(sql, sizeof sql, "SELECT chip_hbm_tbps FROM results WHERE "
		         "chip_hbm_tbps IS NOT NULL AND typeof(chip_hbm_tbps) IN "
		         "('integer', 'real') GROUP BY 1 ORDER BY abs(chip_hbm_tbps "
		         "- ?1) LIMIT 1");
		assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL),
		                 SQLITE_OK);
		sqlite3_bind_double(st, 1, dv);
		if (sqlite3_step(st) == SQLITE_ROW) {
			double s = sqlite3_column_double(st, 0);
			found = s == dv || (isfinite(s) &&
			                    fabs(s - dv) <= 1e-9 * fmax(fabs(dv),
			                                                fabs(s)));
			snprintf(want, sizeof want, " AND \"chip_hbm_tbps\" = %.17g",
			         s);
		}
		sqlite3_finalize(st);
		rc = at(db, v, &sw, err, sizeof err);
		if (found) {
			if (rc != RL_OK || strcmp(sw.slice, want))
				fail_msg("rows %s, --at %s: rc %d, slice '%s' (%s), want "
				         "'%s'", rows, v, rc, sw.slice, err, want);
		} else if (rc != RL_EINPUT) {
			fail_msg("rows %s, --at %s: rc %d, slice '%s', want a refusal",
			         rows, v, rc, sw.slice);
		}
		sqlite3_close(db);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_hand),
	    cmocka_unit_test(test_tie),
	    cmocka_unit_test(test_against_sqlite),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
