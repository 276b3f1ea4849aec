/*
** sweepcols.c: columns of a sweep's `results` view for the heatmap and
** pareto plots: resolving names, finding the swept parameters, labels,
** checking that the two axes differ.
*/
#include <stdio.h>
#include <string.h>

#include "../model/outputs.h"
#include "../model/params.h"
#include "kinds.h"

/* The column names of `results`, comma separated, for messages. */
static void list_columns(sqlite3 *db, char *buf, size_t len)
{
	sqlite3_stmt *st;
	size_t used = 0;
	buf[0] = 0;
	if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info('results')",
	                       -1, &st, NULL))
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *n = (const char *)sqlite3_column_text(st, 0);
		if (!n || used + strlen(n) + 8 >= len)
			break;
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
		                         used ? ", " : "", n);
	}
	sqlite3_finalize(st);
}

int plot_sweep_column(sqlite3 *db, const char *name, char *col, size_t len,
                      char *err, size_t errlen)
{
	char cols[1500];
	pdb_column_name(name, col, len);
	if (strchr(col, '"') == NULL && pdb_has_column(db, "results", col))
		return RL_OK;
	list_columns(db, cols, sizeof cols);
	snprintf(err, errlen, "the sweep results have no column '%s' "
	         "(columns: %s)", name, cols);
	return RL_EINPUT;
}

void plot_sweep_where(const pdb_sweep *sw, char *buf, size_t len)
{
	if (sw->run_col[0])
		snprintf(buf, len, " WHERE \"%s\" = %ld", sw->run_col, sw->run);
	else
		buf[0] = 0;
}

size_t plot_swept_params(sqlite3 *db, const pdb_sweep *sw, char out[][64],
                         size_t max)
{
	size_t n, i, found = 0;
	const rl_param *p = rl_params(&n);
	char col[64], where[96], sql[256];
	plot_sweep_where(sw, where, sizeof where);
	for (i = 0; i < n && found < max; i++) {
		sqlite3_stmt *st;
		snprintf(col, sizeof col, "%s_%s", p[i].section, p[i].key);
		if (!pdb_has_column(db, "results", col))
			continue;
		snprintf(sql, sizeof sql, "SELECT count(DISTINCT \"%s\") FROM "
		         "results%s", col, where);
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL))
			continue;
		if (sqlite3_step(st) == SQLITE_ROW &&
		    sqlite3_column_int64(st, 0) > 1)
			snprintf(out[found++], 64, "%s", col);
		sqlite3_finalize(st);
	}
	return found;
}

size_t plot_swept_workload(sqlite3 *db, const pdb_sweep *sw, char *buf,
                           size_t len)
{
	char swept[32][64];
	size_t ns = plot_swept_params(db, sw, swept, 32), i, n = 0;
	buf[0] = 0;
	for (i = 0; i < ns; i++) {
		char dotted[64];
		if (strncmp(swept[i], "model_", 6) && strcmp(swept[i],
		    "scenario_isl") && strcmp(swept[i], "scenario_osl"))
			continue;
		memcpy(dotted, swept[i], sizeof dotted);
		dotted[sizeof dotted - 1] = 0;
		*strchr(dotted, '_') = '.';
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s",
		         n ? ", " : "", dotted);
		n++;
	}
	return n;
}

/* 1 when column `col` of the sweep's rows has any value. */
static int plot_sweep_has_data(sqlite3 *db, const pdb_sweep *sw,
                               const char *col)
{
	char where[96], sql[300];
	sqlite3_stmt *st;
	int ok = 0;
	if (strchr(col, '"') || !pdb_has_column(db, "results", col))
		return 0;
	plot_sweep_where(sw, where, sizeof where);
	snprintf(sql, sizeof sql, "SELECT count(\"%s\") FROM results%s", col,
	         where);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL))
		return 0;
	ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) > 0;
	sqlite3_finalize(st);
	return ok;
}

int plot_sweep_guess(sqlite3 *db, const pdb_sweep *sw,
                     const char *const *exact, const char *contains,
                     char *col, size_t len)
{
	sqlite3_stmt *st;
	size_t i;
	int ok = 0;
	for (i = 0; exact && exact[i]; i++)
		if (plot_sweep_has_data(db, sw, exact[i])) {
			snprintf(col, len, "%s", exact[i]);
			return 1;
		}
	if (!contains ||
	    sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info('results')",
	                       -1, &st, NULL))
		return 0;
	while (!ok && sqlite3_step(st) == SQLITE_ROW) {
		const char *n = (const char *)sqlite3_column_text(st, 0);
		if (n && strstr(n, contains) && plot_sweep_has_data(db, sw, n)) {
			snprintf(col, len, "%s", n);
			ok = 1;
		}
	}
	sqlite3_finalize(st);
	return ok;
}

void plot_column_label(const char *col, char *buf, size_t len)
{
	size_t n, i;
	const rl_output *o = rl_outputs(&n);
	const rl_param *p;
	char name[128];
	for (i = 0; i < n; i++) {
		pdb_column_name(o[i].name, name, sizeof name);
		if (!strcmp(name, col)) {
			snprintf(buf, len, "%s (%s)", o[i].name, o[i].si_unit);
			return;
		}
	}
	p = rl_params(&n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof name, "%s_%s", p[i].section, p[i].key);
		if (!strcmp(name, col)) {
			if (p[i].unit[0])
				snprintf(buf, len, "%s.%s (%s)", p[i].section, p[i].key,
				         p[i].unit);
			else
				snprintf(buf, len, "%s.%s", p[i].section, p[i].key);
			return;
		}
	}
	if (!strncmp(col, "speedup", 7))
		snprintf(buf, len, "%s (x)", col);
	else
		snprintf(buf, len, "%s", col);
}

int plot_distinct_axes(const char *x, const char *y, char *err,
                       size_t errlen)
{
	if (!strcmp(x, y)) {
		snprintf(err, errlen, "--x and --y name the same column '%s'", x);
		return RL_EINPUT;
	}
	return RL_OK;
}
