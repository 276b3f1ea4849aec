/*
** axislog.c: whether a swept axis of a plot is drawn on a log scale: when
** the sweep's spec (runs.spec, stored with the run) gave it as a log range
** (start:stop:N log), else when its values are log-spaced, never because
** they merely span a wide range (a linear 0.02:0.58:0.04 on log axes
** crowded its right-hand cells).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../config/ini.h"
#include "../model/params.h"
#include "../sweeps/axis.h"
#include "kinds.h"

typedef struct {
	const char *dotted;
	int kind;  /* rl_axis_kind of the [axes] line, -1 until found */
} axis_find;

static int axes_cb(void *ud, const char *section, const char *key,
                   const char *value, char *err, size_t errlen)
{
	axis_find *f = ud;
	const rl_param *p;
	rl_axis ax;
	(void)err;
	(void)errlen;
	if (strcmp(section, "axes") || strcmp(key, f->dotted) ||
	    !(p = rl_param_find_full(key)))
		return 0;
	memset(&ax, 0, sizeof ax);
	{
		char e[256];
		if (rl_sweep_axis_parse(&ax, p, value, e, sizeof e) == 0)
			f->kind = (int)ax.kind;
	}
	free(ax.list);
	return 0;
}

/* The kind of axis the run's spec gave column col: RL_AX_LOG,
** RL_AX_LINEAR or RL_AX_LIST, or -1 where it is not known (a database
** without runs or run_columns, made by hand; a column no axis of it). */
static int spec_kind(sqlite3 *db, const pdb_sweep *sw, const char *col)
{
	sqlite3_stmt *st;
	axis_find f;
	char err[256];
	if (!sw->run_col[0] ||
	    sqlite3_prepare_v2(db, "SELECT r.spec, c.dotted FROM runs r JOIN "
	                       "run_columns c ON c.run_id = r.id WHERE r.id = "
	                       "?1 AND c.name = ?2 AND c.source = 'axis'", -1,
	                       &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, sw->run);
	sqlite3_bind_text(st, 2, col, -1, SQLITE_TRANSIENT);
	f.kind = -1;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) &&
	    sqlite3_column_text(st, 1)) {
		f.dotted = (const char *)sqlite3_column_text(st, 1);
		if (ini_parse_text("spec", (const char *)sqlite3_column_text(st, 0),
		                   axes_cb, &f, err, sizeof err))
			f.kind = -1;
	}
	sqlite3_finalize(st);
	return f.kind;
}

/* The coefficient of variation of the steps between sorted values (of
** their logarithms when lg): 0 for evenly spaced ones. */
static double step_cv(const double *u, long n, int lg)
{
	double sum = 0, sq = 0, mean;
	long i;
	for (i = 1; i < n; i++) {
		double d = lg ? log(u[i]) - log(u[i - 1]) : u[i] - u[i - 1];
		sum += d;
		sq += d * d;
	}
	mean = sum / (double)(n - 1);
	return mean > 0 ? sqrt(fmax(0, sq / (double)(n - 1) - mean * mean)) / mean
	                : INFINITY;
}

int plot_axis_log(sqlite3 *db, const pdb_sweep *sw, const char *col,
                  const double *u, long n)
{
	int kind = spec_kind(db, sw, col);
	if (n < 2 || !(u[0] > 0))
		return 0;
	if (kind == RL_AX_LOG || kind == RL_AX_LINEAR)
		return kind == RL_AX_LOG;
	/* a list, random or Sobol values, or no spec: log-spaced values,
	** steps more even in their logarithms than in themselves (1, 2, 4, 8;
	** 1, 2, 5, 10, 20), at least three of them (two are both) */
	return n >= 3 && step_cv(u, n, 1) < step_cv(u, n, 0);
}
