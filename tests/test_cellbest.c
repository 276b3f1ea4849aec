/*
** test_cellbest.c: plots/cellbest.c, the heatmap's cells computed in C
** (plot_cell_best): hand-worked cells (integers and reals of one value in
** one cell, NULL z left out, the least and the most), the values it
** leaves to SQLite (an integer axis past 2^53, -0, a z of text or a blob),
** and random rows against SQLite's own GROUP BY 1, 2 ORDER BY 1, 2 with
** min(z) and max(z) on the same table, the source the C must match; with
** a tally (the heatmap's one pass), hand-worked counts and cells and
** random rows against SQLite's count(*), PLOT_FINITE and GROUP BY; the
** rows' array (plots/rows.h) across its growth; rows past the buffer's
** merge point under a realloc that fails past 16 MB.
*/
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "../plots/kinds.h"

/* realloc wrapped (the Makefile's -Wl,--wrap=realloc for this test):
** over realloc_max bytes (0: any) it fails, as a machine short of memory
** would.  A test's only state. */
void *__real_realloc(void *p, size_t n);
void *__wrap_realloc(void *p, size_t n);
static size_t realloc_max;

void *__wrap_realloc(void *p, size_t n)
{
	return realloc_max && n > realloc_max ? NULL : __real_realloc(p, n);
}

static sqlite3 *open_rows(const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	/* no declared type: each value keeps the type it is written with */
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE r(x, y, z);", NULL,
	                              NULL, NULL), SQLITE_OK);
	if (sql)
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL),
		                 SQLITE_OK);
	return db;
}

/* plot_cell_best over the rows of sql, with tally t (may be NULL);
** *ask_sql as it says.  The cells are the rows' own array, freed by
** free() (the helper's v). */
static double *cells_sql(sqlite3 *db, const char *sql, int least, long *n,
                         int *ask_sql, plot_cell_tally *t)
{
	sqlite3_stmt *st;
	plot_rows *r = plot_rows_alloc(3);
	double *c;
	assert_non_null(r);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(plot_cell_best(st, least, r, t, ask_sql), RL_OK);
	sqlite3_finalize(st);
	c = r->v;
	*n = r->n;
	free(r);
	return c;
}

/* plot_cell_best over every row of r(x, y, z) */
static double *cells_of(sqlite3 *db, int least, long *n, int *ask_sql)
{
	return cells_sql(db, "SELECT x, y, z FROM r", least, n, ask_sql, NULL);
}

/* with a tally, over every row of r(x, y, z, f, b) */
static double *tally_of(sqlite3 *db, int least, long *n, int *ask_sql,
                        plot_cell_tally *t)
{
	return cells_sql(db, "SELECT x, y, z, f, b FROM r", least, n, ask_sql,
	                 t);
}

static void same(double a, double b)
{
	if (isnan(a) || isnan(b)) {
		assert_true(isnan(a) && isnan(b));
		return;
	}
	assert_true(a == b);
	assert_int_equal(signbit(a) != 0, signbit(b) != 0);
}

/* x 1 written as the integer 1 and as the real 1.0 is one cell (SQLite
** holds them equal); z NULL is no value, a cell of NULLs alone has none
** (NAN); cells sorted by x then y.  Rows: (1, 2, 5), (1.0, 2, 7),
** (1, 2, NULL), (0.5, 2, 3), (1, 1, NULL), (1.0, 1, NULL), (0.5, -3, -inf
** as -1e999), (0.5, -3, 4).  Cells: (0.5, -3), (0.5, 2), (1, 1), (1, 2);
** the most: 4, 3, none, 7; the least: -inf, 3, none, 5. */
static void test_hand(void **state)
{
	static const double most[4][3] = {
	    {0.5, -3, 4}, {0.5, 2, 3}, {1, 1, NAN}, {1, 2, 7}};
	static const double least[4][3] = {
	    {0.5, -3, -INFINITY}, {0.5, 2, 3}, {1, 1, NAN}, {1, 2, 5}};
	sqlite3 *db = open_rows(
	    "INSERT INTO r VALUES(1, 2, 5), (1.0, 2, 7), (1, 2, NULL),"
	    " (0.5, 2, 3), (1, 1, NULL), (1.0, 1, NULL), (0.5, -3, -1e999),"
	    " (0.5, -3, 4);");
	long n, i, k;
	int ask, l;
	(void)state;
	for (l = 0; l < 2; l++) {
		double *c = cells_of(db, l, &n, &ask);
		const double(*want)[3] = l ? least : most;
		assert_int_equal(ask, 0);
		assert_int_equal(n, 4);
		for (i = 0; i < n; i++)
			for (k = 0; k < 3; k++)
				same(c[3 * i + k], want[i][k]);
		free(c);
	}
	sqlite3_close(db);
}

/* No rows: no cells, no SQLite asked. */
static void test_empty(void **state)
{
	sqlite3 *db = open_rows(NULL);
	long n;
	int ask;
	double *c;
	(void)state;
	c = cells_of(db, 0, &n, &ask);
	assert_int_equal(n, 0);
	assert_int_equal(ask, 0);
	free(c);
	sqlite3_close(db);
}

/* The values a double does not compare as SQLite does, each asking for
** SQLite's GROUP BY (2^53 + 1 = 9007199254740993 has no double: it reads
** as 2^53, which SQLite holds less than it), and their neighbours that do
** not: 2^53 itself, 0, a z of 2^63 - 1 (z only keeps its order). */
static void test_ask_sql(void **state)
{
	static const struct {
		const char *row;
		int ask;
	} c[] = {
	    {"(9007199254740993, 1, 1)", 1},
	    {"(1, -9007199254740993, 1)", 1},
	    {"(9007199254740992, -9007199254740992, 1)", 0},
	    {"(-0.0, 1, 1)", 1},
	    {"(1, -0.0, 1)", 1},
	    {"(1, 1, -0.0)", 1},
	    {"(0.0, 0, 0.0)", 0},
	    {"(1, 1, 'text')", 1},
	    {"(1, 1, x'00')", 1},
	    {"(1, 1, 9223372036854775807)", 0},
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		char sql[160];
		sqlite3 *db;
		long n;
		int ask;
		double *cells;
		/* the odd row after an ordinary one: asked mid-way too */
		snprintf(sql, sizeof sql, "INSERT INTO r VALUES(2, 2, 2), %s;",
		         c[i].row);
		db = open_rows(sql);
		cells = cells_of(db, 0, &n, &ask);
		if (ask != c[i].ask)
			fail_msg("row %s: ask_sql %d, want %d", c[i].row, ask,
			         c[i].ask);
		if (ask) {
			assert_int_equal(n, 0);
		} else {
			assert_int_equal(n, 2);
		}
		free(cells);
		sqlite3_close(db);
	}
}

/* More rows than the first block of 1024 holds (the growth; fuzz12: a
** mutant that never grew it survived every test, the rows here all under
** 400): 5000 rows (i % 50, (i / 50) % 2, i), i = 0..4999.  Cell (x, y)
** holds i = x + 50 j for j = y, y + 2, ..., 98 + y (j < 100, of y's
** parity): its least x + 50 y, its most x + 50 (98 + y); 100 cells,
** cell x * 2 + y in order. */
static void test_many(void **state)
{
	sqlite3 *db = open_rows(NULL);
	sqlite3_stmt *ins;
	long i, n;
	int l, ask;
	(void)state;
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO r VALUES(?1, ?2, "
	                                    "?3)", -1, &ins, NULL), SQLITE_OK);
	for (i = 0; i < 5000; i++) {
		sqlite3_bind_int64(ins, 1, i % 50);
		sqlite3_bind_int64(ins, 2, (i / 50) % 2);
		sqlite3_bind_int64(ins, 3, i);
		assert_int_equal(sqlite3_step(ins), SQLITE_DONE);
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	for (l = 0; l < 2; l++) {
		double *c = cells_of(db, l, &n, &ask);
		assert_int_equal(ask, 0);
		assert_int_equal(n, 100);
		for (i = 0; i < n; i++) {
			long x = i / 2, y = i % 2;
			same(c[3 * i], (double)x);
			same(c[3 * i + 1], (double)y);
			same(c[3 * i + 2], (double)(l ? x + 50 * y
			                              : x + 50 * (98 + y)));
		}
		free(c);
	}
	sqlite3_close(db);
}

/* The cells c[0..n) are the rows of q, SQLite's GROUP BY; q finalized. */
static void same_cells(sqlite3_stmt *q, const double *c, long n)
{
	long k = 0;
	while (sqlite3_step(q) == SQLITE_ROW) {
		assert_true(k < n);
		same(c[3 * k], sqlite3_column_double(q, 0));
		same(c[3 * k + 1], sqlite3_column_double(q, 1));
		same(c[3 * k + 2], sqlite3_column_type(q, 2) == SQLITE_NULL
		                       ? NAN : sqlite3_column_double(q, 2));
		k++;
	}
	sqlite3_finalize(q);
	assert_int_equal(k, n);
}

/* xorshift64: the rows' draws */
static uint64_t next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* One value into parameter k: integers and reals of the same few values
** (1 and 1.0 one cell), exact integers near 2^53, fractions, and for z
** NULL and the infinities. */
static void bind_value(sqlite3_stmt *st, int k, uint64_t r, int is_z)
{
	static const double reals[] = {0.5, 1.0, 2.0, 3.25, -7.0, 1e300,
	                               9007199254740992.0, 0.1};
	static const sqlite3_int64 ints[] = {1, 2, -7, 0, 9007199254740991LL,
	                                     9007199254740992LL};
	unsigned w = (unsigned)(r % 8), v = (unsigned)((r >> 8) % 8);
	if (is_z && w == 0)
		sqlite3_bind_null(st, k);
	else if (is_z && w == 1)
		sqlite3_bind_double(st, k, (r >> 16) & 1 ? INFINITY : -INFINITY);
	else if (w < 5)
		sqlite3_bind_int64(st, k, ints[v % 6]);
	else
		sqlite3_bind_double(st, k, reals[v]);
}

/* Random rows, the cells against SQLite's: every cell and its z the
** same, for the least and the most. */
static void test_against_sqlite(void **state)
{
	uint64_t s = 0x9e3779b97f4a7c15ULL;
	int round;
	(void)state;
	for (round = 0; round < 40; round++) {
		sqlite3 *db = open_rows(NULL);
		sqlite3_stmt *ins, *q;
		long rows = 1 + (long)(next(&s) % 400), i, n;
		int l, ask;
		assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO r VALUES(?1, "
		                                    "?2, ?3)", -1, &ins, NULL),
		                 SQLITE_OK);
		for (i = 0; i < rows; i++) {
			bind_value(ins, 1, next(&s), 0);
			bind_value(ins, 2, next(&s), 0);
			bind_value(ins, 3, next(&s), 1);
			assert_int_equal(sqlite3_step(ins), SQLITE_DONE);
			sqlite3_reset(ins);
		}
		sqlite3_finalize(ins);
		for (l = 0; l < 2; l++) {
			double *c = cells_of(db, l, &n, &ask);
			assert_int_equal(ask, 0);
			assert_int_equal(sqlite3_prepare_v2(db, l
			    ? "SELECT x, y, min(z) FROM r GROUP BY 1, 2 ORDER BY 1, 2"
			    : "SELECT x, y, max(z) FROM r GROUP BY 1, 2 ORDER BY 1, 2",
			    -1, &q, NULL), SQLITE_OK);
			same_cells(q, c, n);
			free(c);
		}
		sqlite3_close(db);
	}
}


static sqlite3 *open_flagged(const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE r(x, y, z, f, b);",
	                              NULL, NULL, NULL), SQLITE_OK);
	if (sql)
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL),
		                 SQLITE_OK);
	return db;
}

/* With a tally, every row is counted and only finite x and y make cells;
** a bad row's z is no value, and its text z asks nothing of SQLite.
** Rows (x, y, z, f, b): (1, 1, 5, 0, 0), (1, 1, 9, 0, 1), (1, 2, 'txt',
** 1, 1), ('abc', 1, 3, 1, 0), (inf, 1, 3, 0, 0), (1, NULL, 3, NULL,
** NULL), (blob, 1, 1, 0, 1), (2, -inf, 4, 0, 0).  Counted: 8 rows, f
** true in rows 3 and 4 (2), b true in rows 2, 3 and 7 (3).  Cells: rows
** 1-3 alone have finite x and y: (1, 1) with z 5 (9 is bad) least and
** most, (1, 2) with none (its one z bad). */
static void test_tally_hand(void **state)
{
	sqlite3 *db = open_flagged(
	    "INSERT INTO r VALUES(1, 1, 5, 0, 0), (1, 1, 9, 0, 1),"
	    " (1, 2, 'txt', 1, 1), ('abc', 1, 3, 1, 0), (1e999, 1, 3, 0, 0),"
	    " (1, NULL, 3, NULL, NULL), (x'00', 1, 1, 0, 1),"
	    " (2, -1e999, 4, 0, 0);");
	int l;
	(void)state;
	for (l = 0; l < 2; l++) {
		plot_cell_tally t;
		long n;
		int ask;
		double *c = tally_of(db, l, &n, &ask, &t);
		assert_int_equal(ask, 0);
		assert_int_equal(t.rows, 8);
		assert_int_equal(t.failed, 2);
		assert_int_equal(t.bad, 3);
		assert_int_equal(n, 2);
		same(c[0], 1);
		same(c[1], 1);
		same(c[2], 5);
		same(c[3], 1);
		same(c[4], 2);
		same(c[5], NAN);
		free(c);
	}
	sqlite3_close(db);
}

/* One axis value for a tally's row: now and then one that PLOT_FINITE
** leaves out (NULL, a text, a blob, an infinity), else bind_value's. */
static void bind_axis(sqlite3_stmt *st, int k, uint64_t r)
{
	switch (r % 16) {
	case 0:
		sqlite3_bind_null(st, k);
		break;
	case 1:
		sqlite3_bind_text(st, k, "12", -1, SQLITE_STATIC);
		break;
	case 2:
		sqlite3_bind_blob(st, k, "\1", 1, SQLITE_STATIC);
		break;
	case 3:
		sqlite3_bind_double(st, k, (r >> 8) & 1 ? INFINITY : -INFINITY);
		break;
	default:
		bind_value(st, k, r >> 4, 0);
	}
}

/* A flag: 0, 1 or NULL. */
static void bind_flag(sqlite3_stmt *st, int k, uint64_t r)
{
	if (r % 3 == 2)
		sqlite3_bind_null(st, k);
	else
		sqlite3_bind_int(st, k, (int)(r % 3));
}

/* Random rows with a tally against SQLite: the counts as count(*) and
** count(CASE WHEN flag THEN 1 END) give them, the cells as GROUP BY with
** min or max of the z of rows not bad, over the rows PLOT_FINITE keeps
** (the heatmap's own queries before the tally). */
static void test_tally_against_sqlite(void **state)
{
	uint64_t s = 0x2545f4914f6cdd1dULL;
	int round;
	(void)state;
	for (round = 0; round < 40; round++) {
		sqlite3 *db = open_flagged(NULL);
		sqlite3_stmt *ins, *q;
		long rows = 1 + (long)(next(&s) % 400), i, n;
		int l, ask;
		assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO r VALUES(?1, "
		                                    "?2, ?3, ?4, ?5)", -1, &ins,
		                                    NULL), SQLITE_OK);
		for (i = 0; i < rows; i++) {
			bind_axis(ins, 1, next(&s));
			bind_axis(ins, 2, next(&s));
			bind_value(ins, 3, next(&s), 1);
			bind_flag(ins, 4, next(&s));
			bind_flag(ins, 5, next(&s));
			assert_int_equal(sqlite3_step(ins), SQLITE_DONE);
			sqlite3_reset(ins);
		}
		sqlite3_finalize(ins);
		for (l = 0; l < 2; l++) {
			plot_cell_tally t;
			double *c = tally_of(db, l, &n, &ask, &t);
			assert_int_equal(ask, 0);
			assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*), "
			    "count(CASE WHEN f THEN 1 END), count(CASE WHEN b THEN 1 "
			    "END) FROM r", -1, &q, NULL), SQLITE_OK);
			assert_int_equal(sqlite3_step(q), SQLITE_ROW);
			assert_int_equal(t.rows, sqlite3_column_int64(q, 0));
			assert_int_equal(t.failed, sqlite3_column_int64(q, 1));
			assert_int_equal(t.bad, sqlite3_column_int64(q, 2));
			sqlite3_finalize(q);
			assert_int_equal(sqlite3_prepare_v2(db, l
			    ? "SELECT x, y, min(CASE WHEN b THEN NULL ELSE z END) FROM "
			      "r WHERE x " PLOT_FINITE " AND y " PLOT_FINITE " GROUP "
			      "BY 1, 2 ORDER BY 1, 2"
			    : "SELECT x, y, max(CASE WHEN b THEN NULL ELSE z END) FROM "
			      "r WHERE x " PLOT_FINITE " AND y " PLOT_FINITE " GROUP "
			      "BY 1, 2 ORDER BY 1, 2", -1, &q, NULL), SQLITE_OK);
			same_cells(q, c, n);
			free(c);
		}
		sqlite3_close(db);
	}
}

/* The rows' array: rows of their width kept in order across its growth
** (1024 rows first, then doubled: 5000 rows pass it three times), and a
** width of 0 taken as 1. */
static void test_rows(void **state)
{
	plot_rows *r = plot_rows_alloc(3), *one = plot_rows_alloc(0);
	long i;
	(void)state;
	assert_non_null(r);
	assert_non_null(one);
	assert_int_equal(one->width, 1);
	for (i = 0; i < 5000; i++) {
		double *v = plot_rows_add(r);
		assert_non_null(v);
		v[0] = (double)i;
		v[1] = -(double)i;
		v[2] = 0.5 * (double)i;
	}
	assert_int_equal(r->n, 5000);
	assert_true(r->cap >= 5000);
	for (i = 0; i < 5000; i++) {
		same(r->v[3 * i], (double)i);
		same(r->v[3 * i + 1], -(double)i);
		same(r->v[3 * i + 2], 0.5 * (double)i);
	}
	plot_rows_free(r);
	plot_rows_free(one);
	plot_rows_free(NULL);
}

/* The cells of sql's rows (x, y, z), by plot_cell_best, each against
** SQLite's GROUP BY 1, 2 ORDER BY 1, 2 with min(z) or max(z) of the same
** rows. */
static void same_as_sqlite(sqlite3 *db, const char *rows)
{
	char sql[1024];
	int l;
	for (l = 0; l < 2; l++) {
		sqlite3_stmt *q;
		double *c;
		long n;
		int ask;
		snprintf(sql, sizeof sql, "%s SELECT x, y, z FROM r", rows);
		c = cells_sql(db, sql, l, &n, &ask, NULL);
		assert_int_equal(ask, 0);
		snprintf(sql, sizeof sql, "%s SELECT x, y, %s(z) FROM r GROUP BY 1, "
		         "2 ORDER BY 1, 2", rows, l ? "min" : "max");
		assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &q, NULL),
		                 SQLITE_OK);
		same_cells(q, c, n);
		free(c);
	}
}

/* Rows past the buffer's merge point (2^18 rows): merged into their cells
** as they are read, and grown where the cells fill it.  600,000 rows
** over 4 cells (x = i mod 2, y = floor(i / 2) mod 2, z = i) with realloc
** failing past 16 MB: held whole they took a buffer of 2^20 rows, 24 MB
** (3 doubles a row; 2^19 rows hold 524,288), which failed ("out of
** memory"); merged, 4 cells.  By hand, i mod 4 picks the cell: (0, 0)
** holds i = 0, 4, ..., 599996, (0, 1) i = 2 mod 4 up to 599998, (1, 0) 1
** mod 4 up to 599997, (1, 1) 3 mod 4 up to 599999: the least 0, 2, 1, 3,
** the most 599996, 599998, 599997, 599999.  Then 700,000 rows over
** 300,007 x values (i x 7919 mod 300007, a prime, so every residue;
** 300007 odd, so i and i + 300007 differ in y = i mod 2, i and i + 600014
** share a cell), z NULL at every 11th: some 600,000 cells, more than half
** the buffer after a merge, so it grows; the cells as SQLite's. */
static void test_many_rows(void **state)
{
	static const char *const rows4 =
	    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n "
	    "WHERE i < 599999), r(x, y, z) AS (SELECT i % 2, i / 2 % 2, i "
	    "FROM n)";
	static const char *const rows_many =
	    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n "
	    "WHERE i < 699999), r(x, y, z) AS (SELECT i * 7919 % 300007, i % 2, "
	    "CASE WHEN i % 11 = 0 THEN NULL ELSE i * 2654435761 % 1000003 END "
	    "FROM n)";
	static const double most[4][3] = {
	    {0, 0, 599996}, {0, 1, 599998}, {1, 0, 599997}, {1, 1, 599999}};
	static const double least[4][3] = {
	    {0, 0, 0}, {0, 1, 2}, {1, 0, 1}, {1, 1, 3}};
	sqlite3 *db;
	char sql[512];
	long n, i, k;
	int l, ask;
	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	for (l = 0; l < 2; l++) {
		double *c;
		const double(*want)[3] = l ? least : most;
		snprintf(sql, sizeof sql, "%s SELECT x, y, z FROM r", rows4);
		realloc_max = 16u << 20;
		c = cells_sql(db, sql, l, &n, &ask, NULL);
		realloc_max = 0;
		assert_int_equal(ask, 0);
		assert_int_equal(n, 4);
		for (i = 0; i < n; i++)
			for (k = 0; k < 3; k++)
				same(c[3 * i + k], want[i][k]);
		free(c);
	}
	same_as_sqlite(db, rows_many);
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_hand),
	    cmocka_unit_test(test_empty),
	    cmocka_unit_test(test_ask_sql),
	    cmocka_unit_test(test_many),
	    cmocka_unit_test(test_against_sqlite),
	    cmocka_unit_test(test_many_rows),
	    cmocka_unit_test(test_tally_hand),
	    cmocka_unit_test(test_tally_against_sqlite),
	    cmocka_unit_test(test_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
