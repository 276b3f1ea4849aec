/*
** sweepat.c: the slice of a sweep that `plot heatmap` and `pareto` draw
** with --at PARAM=VALUE: only the points where each named parameter has
** that value (one workload of a sweep over isl and osl, one precision).
** The user's text never reaches SQL: the parameter is one of the
** parameter table's, its column named from the table, and the value is
** either a choice's name from the table or the number the run stores
** (%.17g of a double read from the database; a boolean's names, false|true
** and the other words its reader takes, as the 0 or 1 stored).  Also
** the run and its slice opened in one call (plot_sweep_open).
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../config/num.h"
#include "../model/numtext.h"
#include "../model/params.h"
#include "kinds.h"

/* The run's values of column col within the slice so far (where), at
** most 12, "128, 1024, ..." into buf; "" where none or unread. */
static void values_of(sqlite3 *db, const char *col, const char *where,
                      char *buf, size_t len)
{
	char sql[PDB_WHERE_LEN + 200];
	sqlite3_stmt *st;
	size_t used = 0;
	int n = 0;
	buf[0] = 0;
	snprintf(sql, sizeof sql, "SELECT DISTINCT \"%s\" FROM results%s%s "
	         "\"%s\" IS NOT NULL ORDER BY 1 LIMIT 13", col, where,
	         where[0] ? " AND" : " WHERE", col);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW && used + 40 < len) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		if (++n > 12) {
			snprintf(buf + used, len - used, ", ...");
			break;
		}
		if (sqlite3_column_type(st, 0) == SQLITE_TEXT)
			used += (size_t)snprintf(buf + used, len - used, "%s%.24s",
			                         used ? ", " : "", t ? t : "");
		else {
			/* a swept value in all its digits, as a sweep point's
			** axes are written (rl_number_write), where %.12g wrote
			** 100000000000000 as 1e+14 */
			char nv[32];
			used += (size_t)snprintf(buf + used, len - used, "%s%s",
			                         used ? ", " : "",
			                         rl_number_write(sqlite3_column_double(st,
			                                                               0),
			                                         nv, sizeof nv));
		}
	}
	sqlite3_finalize(st);
}

/* The run's value of numeric column col nearest v within the slice so far
** (where), found in C while reading the values once: *s that value and
** *ask_sql 0; *ask_sql 1 where SQLite's own ORDER BY must choose (two
** values as near, a value or v not finite, or -0: where its sort's order
** of equals or NULL for inf - inf could decide).  *any 0 where the run
** has no value.  RL_OK or pdb_unread's status and message. */
static int nearest_c(sqlite3 *db, const char *path, const char *col,
                     const char *where, double v, double *s, int *any,
                     int *ask_sql, char *err, size_t errlen)
{
	char sql[PDB_WHERE_LEN + 300];
	sqlite3_stmt *st;
	double best = 0, bestd = 0;
	int rc, tie = 0;
	*any = *ask_sql = 0;
	snprintf(sql, sizeof sql, "SELECT \"%s\" FROM results%s%s \"%s\" IS "
	         "NOT NULL AND typeof(\"%s\") IN ('integer', 'real')", col,
	         where, where[0] ? " AND" : " WHERE", col, col);
	if ((rc = pdb_prepare(db, path, sql, &st, err, errlen)))
		return rc;
	while (sqlite3_step(st) == SQLITE_ROW) {
		/* abs(col - ?1) as SQLite works it: the value as a double less
		** the double v, one rounding */
		double u = sqlite3_column_double(st, 0), d = fabs(u - v);
		if (!isfinite(u) || !isfinite(v) || (u == 0 && signbit(u))) {
			*ask_sql = 1;
			break;
		}
		if (!*any || d < bestd) {
			best = u;
			bestd = d;
			tie = 0;
			*any = 1;
		} else if (d == bestd && u != best) {
			tie = 1;
		}
	}
	*ask_sql = *ask_sql || tie;
	*s = best;
	rc = pdb_finish(st, path, err, errlen);
	return rc;
}

/* The stored value of numeric column col nearest v within the slice so
** far, into *w; *found 0 where the run has none within a relative 1e-9
** of v (a linear range's 0.06 is stored as 0.02 + 2 x 0.02, which
** prints as 0.06 and differs in its last bit).  Found in C in one pass
** over the values (nearest_c), where GROUP BY sorted the run's every
** value first; SQLite's GROUP BY and ORDER BY where they could differ. */
static int nearest(sqlite3 *db, const char *path, const char *col,
                   const char *where, double v, double *w, int *found,
                   char *err, size_t errlen)
{
	char sql[PDB_WHERE_LEN + 300];
	sqlite3_stmt *st;
	double s = 0;
	int rc, any, ask_sql, row;
	*found = 0;
	if ((rc = nearest_c(db, path, col, where, v, &s, &any, &ask_sql, err,
	                    errlen)))
		return rc;
	if (ask_sql) {
		snprintf(sql, sizeof sql, "SELECT \"%s\" FROM results%s%s \"%s\" "
		         "IS NOT NULL AND typeof(\"%s\") IN ('integer', 'real') "
		         "GROUP BY 1 ORDER BY abs(\"%s\" - ?1) LIMIT 1", col, where,
		         where[0] ? " AND" : " WHERE", col, col, col);
		if ((rc = pdb_prepare(db, path, sql, &st, err, errlen)))
			return rc;
		sqlite3_bind_double(st, 1, v);
		if ((row = sqlite3_step(st) == SQLITE_ROW))
			s = sqlite3_column_double(st, 0);
		if ((rc = pdb_finish(st, path, err, errlen)))
			return rc;
		any = row;
	}
	if (any) {
		double scale = fmax(fabs(v), fabs(s));
		if (s == v || (isfinite(s) && fabs(s - v) <= 1e-9 * scale)) {
			*w = s;
			*found = 1;
		}
	}
	return RL_OK;
}

int plot_sweep_at(sqlite3 *db, const plot_opts *o, pdb_sweep *sw,
                  char *err, size_t errlen)
{
	char cols[PLOT_AT_MAX][64];
	size_t i, j, used = 0, wused = 0;
	int rc;
	sw->slice[0] = sw->at_words[0] = 0;
	for (i = 0; i < o->nat && i < PLOT_AT_MAX; i++) {
		const char *a = o->at[i], *eq = strchr(a, '='), *val;
		char name[128], cond[200], words[160], where[PDB_WHERE_LEN],
		     vals[400];
		const rl_param *p;
		double v = 0;
		int has, found = 1;
		if (!eq || eq == a || !eq[1]) {
			snprintf(err, errlen, "--at '%.80s': give PARAM=VALUE, a swept "
			         "parameter and one of its values (--at "
			         "scenario.isl=1024)", a);
			return RL_EINPUT;
		}
		snprintf(name, sizeof name, "%.*s",
		         (int)((size_t)(eq - a) < sizeof name - 1
		                   ? (size_t)(eq - a) : sizeof name - 1), a);
		val = eq + 1;
		p = rl_param_find_full(name);
		if (!p)
			p = plot_column_param(name);
		if (!p) {
			snprintf(err, errlen, "--at '%.80s': %.80s is not a parameter "
			         "(rooflab params lists them): --at fixes a swept "
			         "parameter; rows by an output's value are sqlite3's "
			         "(WHERE)", a, name);
			return RL_EINPUT;
		}
		snprintf(cols[i], sizeof cols[i], "%s_%s", p->section, p->key);
		for (j = 0; j < i; j++)
			if (!strcmp(cols[j], cols[i])) {
				snprintf(err, errlen, "--at: %s.%s is given twice ('%.80s', "
				         "then '%.80s')", p->section, p->key, o->at[j], a);
				return RL_EINPUT;
			}
		if ((rc = pdb_has_column(db, o->dbpath, "results", cols[i], &has,
		                         err, errlen)))
			return rc;
		if (!has) {
			snprintf(err, errlen, "%s: --at '%.80s': the sweep results have "
			         "no column %s: a parameter its spec does not sweep",
			         o->dbpath, a, cols[i]);
			return RL_EINPUT;
		}
		plot_sweep_where(sw, where, sizeof where);
		if (p->type == RL_PT_ENUM) {
			size_t k;
			for (k = 0; p->choices[k] && strcmp(p->choices[k], val); k++)
				;
			if (!p->choices[k]) {
				values_of(db, cols[i], where, vals, sizeof vals);
				snprintf(err, errlen, "--at '%.80s': '%.40s' is not one of "
				         "%s.%s's names in run %ld (%s)", a, val, p->section,
				         p->key, sw->run, vals[0] ? vals : "none");
				return RL_EINPUT;
			}
			/* the table's name, not the user's bytes */
			snprintf(cond, sizeof cond, " AND \"%s\" = '%s'", cols[i],
			         p->choices[k]);
			snprintf(words, sizeof words, "%s.%s=%s", p->section, p->key,
			         p->choices[k]);
		} else if (p->type == RL_PT_BOOL) {
			/* a boolean by its names, as a spec and --set give it
			** (false|true, yes|no, on|off, 0|1: the table's reader),
			** stored as 0 and 1: the number's slice below */
			char e[300];
			if (rl_param_value_text(p, val, &v, e, sizeof e) != RL_P_OK) {
				snprintf(err, errlen, "--at '%.80s': %s", a, e);
				return RL_EINPUT;
			}
		} else if (num_text(val, &v)) {
			snprintf(err, errlen, "--at '%.80s': '%.40s' is not a number "
			         "(%s.%s's values in run %ld are numbers)", a, val,
			         p->section, p->key, sw->run);
			return RL_EINPUT;
		}
		if (p->type != RL_PT_ENUM) {
			double w = 0;
			if ((rc = nearest(db, o->dbpath, cols[i], where, v, &w, &found,
			                  err, errlen)))
				return rc;
			snprintf(cond, sizeof cond, " AND \"%s\" = %.17g", cols[i], w);
			char nv[32];
			snprintf(words, sizeof words, "%s.%s=%s", p->section, p->key,
			         rl_number_write(w, nv, sizeof nv));
		}
		if (found) {
			/* whether a point is there: SQLite stops at the first,
			** where count(*) read every point of the slice (a pass over
			** the run an --at) */
			long long n = 0;
			char sql[PDB_WHERE_LEN + 300];
			snprintf(sql, sizeof sql, "SELECT EXISTS (SELECT 1 FROM "
			         "results%s%s)", where, cond);
			if (!where[0]) /* no run column and no slice yet */
				snprintf(sql, sizeof sql, "SELECT EXISTS (SELECT 1 FROM "
				         "results WHERE 1%s)", cond);
			if ((rc = pdb_count(db, o->dbpath, sql, &n, err, errlen)))
				return rc;
			found = n > 0;
		}
		if (!found) {
			values_of(db, cols[i], where, vals, sizeof vals);
			snprintf(err, errlen, "%s: --at '%.80s': run %ld has no point "
			         "where %s.%s is %.40s%s%s; its values there: %s",
			         o->dbpath, a, sw->run, p->section, p->key, val,
			         sw->at_words[0] ? " with " : "", sw->at_words,
			         vals[0] ? vals : "none");
			return RL_EINPUT;
		}
		if (used + strlen(cond) + 1 > sizeof sw->slice ||
		    wused + strlen(words) + 3 > sizeof sw->at_words) {
			snprintf(err, errlen, "--at: too many to fit (%zu given)",
			         o->nat);
			return RL_EINPUT;
		}
		used += (size_t)snprintf(sw->slice + used, sizeof sw->slice - used,
		                         "%s", cond);
		wused += (size_t)snprintf(sw->at_words + wused,
		                          sizeof sw->at_words - wused, "%s%s",
		                          wused ? ", " : "", words);
	}
	return RL_OK;
}

int plot_sweep_open(sqlite3 *db, const plot_opts *o, pdb_sweep *sw,
                    char *err, size_t errlen)
{
	int rc = pdb_sweep_run(db, o->dbpath, o->run, sw, err, errlen);
	if (rc || (rc = plot_sweep_newer_empty(sw, err, errlen)))
		return rc;
	return plot_sweep_at(db, o, sw, err, errlen);
}
