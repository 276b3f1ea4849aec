/*
** cellbest.c: the heatmap's cells computed in C while reading: the best z
** of each pair (x, y) of a query's rows, as SQLite's GROUP BY 1, 2 ORDER
** BY 1, 2 with min(z) or max(z) gives them, where that GROUP BY sorted
** every row through SQLite's sorter (its records, a temporary file past
** the cache): the rows read once, sorted as doubles and merged here.
**
** The same cells, bit for bit, wherever a double compares as SQLite
** compares the stored value: an integer of at most 2^53 (exact as a
** double; SQLite compares an integer with a real exactly) or a real other
** than -0 (SQLite holds -0 equal to 0 and keeps whichever it met first).
** A converted z keeps its order (rounding to the nearest double never
** reverses two values), so the least or most of the converted values is
** the converted least or most.  Any other value (an integer x or y past
** 2^53, a -0, a z of text or a blob, which min and max order after every
** number) is left to SQLite: *ask_sql is set and the caller runs the
** GROUP BY itself.
**
** Given a tally, the query is the run's every row with two flags (did
** not evaluate, breaks a constraint), counted here as they are read, so
** that the heatmap reads the run once where a count(*) pass came first;
** the finite test of x and y (PLOT_FINITE) is then made here.
**
** The rows are merged as they are read, not only at the end: once the
** buffer holds COMPACT_AT rows it is sorted and merged into its cells, and
** grown only where they still fill more than half of it, so that memory
** follows the cells, not the rows (SQLite's sorter spilled to a file; a
** grid of 100 M points over 100 cells held 2.4 GB here until 2026-12-01).
** min and max merge in any order, so the cells are the same.
*/
#include <math.h>
#include <stdlib.h>

#include "kinds.h"

#define EXACT_INT (1LL << 53) /* every integer to here is a double */
#define COMPACT_AT (1L << 18)  /* rows (6 MB) before the buffer is merged */

/* 1 where the value of column col is one a double does not compare as
** SQLite does (an axis: anything but a number held exactly, or -0; z: a
** text, a blob or -0); 0 where it is, and for a NULL z (no value). */
static int odd_value(sqlite3_stmt *st, int col, int is_z)
{
	int t = sqlite3_column_type(st, col);
	if (t == SQLITE_INTEGER) {
		sqlite3_int64 i = sqlite3_column_int64(st, col);
		return !is_z && (i > EXACT_INT || i < -EXACT_INT);
	}
	if (t == SQLITE_FLOAT) {
		double v = sqlite3_column_double(st, col);
		return v == 0 && signbit(v);
	}
	return t != SQLITE_NULL || !is_z;
}

/* 1 where column col holds a finite number, as PLOT_FINITE's BETWEEN
** holds: an integer (every one lies within the doubles' range) or a
** finite real (SQLite stores no NaN); a NULL, a text or a blob, which
** compare after every number, and an infinity do not. */
static int finite_number(sqlite3_stmt *st, int col)
{
	int t = sqlite3_column_type(st, col);
	return t == SQLITE_INTEGER ||
	       (t == SQLITE_FLOAT && isfinite(sqlite3_column_double(st, col)));
}

static int cmp_xy(const void *a, const void *b)
{
	const double *u = a, *v = b;
	return u[0] != v[0] ? (u[0] > v[0]) - (u[0] < v[0])
	                    : (u[1] > v[1]) - (u[1] < v[1]);
}

/* c[0..k) (x, y, z each) sorted by x then y and each run of one (x, y)
** merged into its first: the least or most of its z, NULL (NAN) left out,
** NAN where it has none; the cells' count. */
static long merge_cells(double *c, long k, int least)
{
	long i, m = 0;
	if (k > 0)
		qsort(c, (size_t)k, 3 * sizeof *c, cmp_xy);
	for (i = 0; i < k; i++) {
		double z = c[3 * i + 2];
		if (m > 0 && c[3 * (m - 1)] == c[3 * i] &&
		    c[3 * (m - 1) + 1] == c[3 * i + 1]) {
			double *best = &c[3 * (m - 1) + 2];
			if (!isnan(z) && (isnan(*best) || (least ? z < *best
			                                         : z > *best)))
				*best = z;
			continue;
		}
		c[3 * m] = c[3 * i];
		c[3 * m + 1] = c[3 * i + 1];
		c[3 * m++ + 2] = z;
	}
	return m;
}

int plot_cell_best(sqlite3_stmt *st, int least, plot_rows *cells,
                   plot_cell_tally *tally, int *ask_sql)
{
	*ask_sql = 0;
	cells->n = 0;
	if (tally)
		tally->rows = tally->failed = tally->bad = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		double *c;
		int bad = 0;
		if (tally) {
			/* every row counted; a cell of finite x and y alone */
			tally->rows++;
			tally->failed += sqlite3_column_int64(st, 3) != 0;
			tally->bad += bad = sqlite3_column_int64(st, 4) != 0;
			if (!finite_number(st, 0) || !finite_number(st, 1))
				continue;
		}
		if (odd_value(st, 0, 0) || odd_value(st, 1, 0) ||
		    (!bad && odd_value(st, 2, 1))) {
			cells->n = 0;
			*ask_sql = 1;
			return RL_OK;
		}
		/* full: from COMPACT_AT rows on merged into its cells first,
		** and grown only where they fill more than half of it */
		if (cells->n == cells->cap && cells->cap >= COMPACT_AT) {
			cells->n = merge_cells(cells->v, cells->n, least);
			if (cells->n > cells->cap / 2 && plot_rows_grow(cells))
				return RL_EINTERNAL;
		}
		if (!(c = plot_rows_add(cells)))
			return RL_EINTERNAL;
		c[0] = sqlite3_column_double(st, 0);
		c[1] = sqlite3_column_double(st, 1);
		c[2] = bad || sqlite3_column_type(st, 2) == SQLITE_NULL
		           ? NAN : sqlite3_column_double(st, 2);
	}
	cells->n = merge_cells(cells->v, cells->n, least);
	return RL_OK;
}
