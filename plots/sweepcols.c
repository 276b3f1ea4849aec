/*
** sweepcols.c: columns of a sweep's `results` view for the heatmap and
** pareto plots: resolving names, finding the swept parameters, labels,
** checking that the two axes differ.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../claim/words.h"
#include "../model/outputs.h"
#include "../model/params.h"
#include "../sweeps/coldoc.h"
#include "kinds.h"

/* The column names of `results`, comma separated, for messages, and the
** one nearest col by edit distance within rl_edit_allowed's edits (near,
** "" with none): RL_OK, or the failure to read them (with err). */
static int list_columns(sqlite3 *db, const char *path, const char *col,
                        char *buf, size_t len, char *near, size_t nearlen,
                        char *err, size_t errlen)
{
	sqlite3_stmt *st;
	size_t used = 0, best = rl_edit_allowed(strlen(col)) + 1, d;
	int rc;
	buf[0] = near[0] = 0;
	if ((rc = sqlite3_prepare_v2(db, "SELECT name FROM "
	                             "pragma_table_info('results')", -1, &st,
	                             NULL)))
		return pdb_unread(db, rc, path, err, errlen);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *n = (const char *)sqlite3_column_text(st, 0);
		if (!n)
			continue;
		if ((d = rl_edit_distance(col, n, 0)) < best) {
			best = d;
			snprintf(near, nearlen, "%s", n);
		}
		if (used + strlen(n) + 8 < len)
			used += (size_t)snprintf(buf + used, len - used, "%s%s",
			                         used ? ", " : "", n);
	}
	return pdb_finish(st, path, err, errlen);
}

/* RL_EINPUT naming a column declared TEXT (a choice: decode.bound,
** scenario.precision, the run's chip) with a few of its values, where it
** is one; RL_OK for a number's; or the failure to read them. */
static int numeric_column(sqlite3 *db, const char *path, const char *opt,
                          const char *name, const char *col, char *err,
                          size_t errlen)
{
	sqlite3_stmt *st;
	char sql[256], vals[200], v[64];
	size_t used = 0;
	int rc, text;
	if ((rc = pdb_prepare(db, path, "SELECT 1 FROM pragma_table_info("
	                      "'results') WHERE name = ?1 AND upper(type) = "
	                      "'TEXT'", &st, err, errlen)))
		return rc;
	sqlite3_bind_text(st, 1, col, -1, SQLITE_STATIC);
	text = sqlite3_step(st) == SQLITE_ROW;
	if ((rc = pdb_finish(st, path, err, errlen)) || !text)
		return rc;
	snprintf(sql, sizeof sql, "SELECT DISTINCT \"%s\" FROM results WHERE "
	         "\"%s\" IS NOT NULL LIMIT 5", col, col);
	if ((rc = pdb_prepare(db, path, sql, &st, err, errlen)))
		return rc;
	vals[0] = 0;
	while (sqlite3_step(st) == SQLITE_ROW && used + 80 < sizeof vals) {
		pdb_text(st, 0, v, sizeof v);
		used += (size_t)snprintf(vals + used, sizeof vals - used, "%s%s",
		                         used ? ", " : "", v);
	}
	if ((rc = pdb_finish(st, path, err, errlen)))
		return rc;
	snprintf(err, errlen, "%s: %s '%s' holds names, not numbers (%s%s); "
	         "a plot's axes and colour take a numeric column: choose rows "
	         "by it in SQL instead (SELECT ... FROM results WHERE %s = "
	         "'...')", path, opt, name,
	         vals[0] ? "values: " : "no values stored", vals, col);
	return RL_EINPUT;
}

int plot_sweep_column(sqlite3 *db, const char *path, const char *opt,
                      const char *name, char *col, size_t len, char *err,
                      size_t errlen)
{
	char cols[1500], near[128], why[200];
	int rc, has = 0;
	pdb_column_name(name, col, len);
	if (strchr(col, '"') == NULL &&
	    (rc = pdb_has_column(db, path, "results", col, &has, err, errlen)))
		return rc;
	if (has)
		return numeric_column(db, path, opt, name, col, err, errlen);
	if ((rc = list_columns(db, path, col, cols, sizeof cols, near,
	                       sizeof near, err, errlen)))
		return rc;
	/* a name the model knows that the sweep did not store says so and
	** how to store it; a typo is offered the nearest column (it read
	** "the sweep results have no column 'X'" and the whole list alone,
	** naming neither the file nor the option) */
	if (rl_output_find(name))
		snprintf(why, sizeof why, ": an output its spec did not keep "
		         "(add it to [outputs] keep, or keep = all, and sweep "
		         "again)");
	else if (rl_param_find_full(name))
		snprintf(why, sizeof why, ": a parameter its spec does not "
		         "sweep (an [axes] line sweeps it)");
	else if (near[0])
		snprintf(why, sizeof why, "; did you mean %s?", near);
	else
		why[0] = 0;
	snprintf(err, errlen, "%s: %s '%s': the sweep results have no column "
	         "%s%s (columns: %s)", path, opt, name, col, why, cols);
	return RL_EINPUT;
}

void plot_sweep_where(const pdb_sweep *sw, char *buf, size_t len)
{
	if (sw->run_col[0])
		snprintf(buf, len, " WHERE \"%s\" = %ld%s", sw->run_col, sw->run,
		         sw->slice);
	else if (sw->slice[0])
		snprintf(buf, len, " WHERE 1%s", sw->slice);
	else
		buf[0] = 0;
}

int plot_swept_params(sqlite3 *db, const pdb_sweep *sw, char out[][64],
                      size_t max, size_t *found, char *err, size_t errlen)
{
	size_t n, i, ncols = 0, used, cap;
	const rl_param *p = rl_params(&n);
	char col[64], where[PDB_WHERE_LEN], *sql;
	sqlite3_stmt *st;
	size_t *which;
	int rc, has;
	*found = 0;
	if (max == 0)
		return RL_OK;
	plot_sweep_where(sw, where, sizeof where);
	which = malloc((n ? n : 1) * sizeof *which);
	cap = PDB_WHERE_LEN + 64 + n * 150;
	sql = malloc(cap);
	if (!which || !sql) {
		free(which);
		free(sql);
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	/* more than one distinct value, which is min < max: SQLite orders
	** values by the comparison DISTINCT tells them apart by (NULL left
	** out of both); every column in one pass, where count(DISTINCT) a
	** column built a temporary b-tree of every value, spilled to a file:
	** 13-17 s of CPU a column of a 1.7 M point Sobol sample, whose every
	** value differs, and a pass over the run each (speed10) */
	used = (size_t)snprintf(sql, cap, "SELECT 0");
	for (i = 0; i < n; i++) {
		snprintf(col, sizeof col, "%s_%s", p[i].section, p[i].key);
		if ((rc = pdb_has_column(db, sw->path, "results", col, &has, err,
		                         errlen))) {
			free(which);
			free(sql);
			return rc;
		}
		if (!has)
			continue;
		which[ncols++] = i;
		used += (size_t)snprintf(sql + used, cap - used, ", min(\"%s\") < "
		                         "max(\"%s\")", col, col);
	}
	snprintf(sql + used, cap - used, " FROM results%s", where);
	rc = ncols ? pdb_prepare(db, sw->path, sql, &st, err, errlen) : RL_OK;
	free(sql);
	if (!ncols || rc) {
		free(which);
		return rc;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		for (i = 0; i < ncols && *found < max; i++)
			if (sqlite3_column_int64(st, (int)i + 1) > 0)
				snprintf(out[(*found)++], 64, "%s_%s", p[which[i]].section,
				         p[which[i]].key);
	free(which);
	return pdb_finish(st, sw->path, err, errlen);
}

int plot_swept_workload(sqlite3 *db, const pdb_sweep *sw, char *buf,
                        size_t len, size_t *n, char *err, size_t errlen)
{
	char swept[32][64];
	size_t ns, i;
	int rc;
	buf[0] = 0;
	*n = 0;
	if ((rc = plot_swept_params(db, sw, swept, 32, &ns, err, errlen)))
		return rc;
	for (i = 0; i < ns; i++) {
		char dotted[64];
		if (strncmp(swept[i], "model_", 6) && strcmp(swept[i],
		    "scenario_isl") && strcmp(swept[i], "scenario_osl"))
			continue;
		memcpy(dotted, swept[i], sizeof dotted);
		dotted[sizeof dotted - 1] = 0;
		*strchr(dotted, '_') = '.';
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s",
		         *n ? ", " : "", dotted);
		(*n)++;
	}
	return RL_OK;
}

/* Whether column `col` of the sweep's rows has any value: RL_OK with *ok
** 1 or 0, or the failure to read it (with err). */
static int plot_sweep_has_data(sqlite3 *db, const pdb_sweep *sw,
                               const char *col, int *ok, char *err,
                               size_t errlen)
{
	char where[PDB_WHERE_LEN], sql[PDB_WHERE_LEN + 200];
	long long values;
	int rc, has;
	*ok = 0;
	if (strchr(col, '"'))
		return RL_OK;
	if ((rc = pdb_has_column(db, sw->path, "results", col, &has, err,
	                         errlen)) || !has)
		return rc;
	plot_sweep_where(sw, where, sizeof where);
	/* (SQLite stops at the first value, where count() read every point
	** of the run) */
	snprintf(sql, sizeof sql, "SELECT EXISTS (SELECT 1 FROM results%s%s "
	         "\"%s\" IS NOT NULL)", where, where[0] ? " AND" : " WHERE", col);
	if ((rc = pdb_count(db, sw->path, sql, &values, err, errlen)))
		return rc;
	*ok = values > 0;
	return RL_OK;
}

int plot_sweep_guess(sqlite3 *db, const pdb_sweep *sw,
                     const char *const *exact, const char *contains,
                     char *col, size_t len, int *found, char *err,
                     size_t errlen)
{
	sqlite3_stmt *st;
	size_t i;
	int rc;
	*found = 0;
	for (i = 0; exact && exact[i]; i++) {
		if ((rc = plot_sweep_has_data(db, sw, exact[i], found, err,
		                              errlen)))
			return rc;
		if (*found) {
			snprintf(col, len, "%s", exact[i]);
			return RL_OK;
		}
	}
	if (!contains)
		return RL_OK;
	if ((rc = sqlite3_prepare_v2(db, "SELECT name FROM "
	                             "pragma_table_info('results')", -1, &st,
	                             NULL)))
		return pdb_unread(db, rc, sw->path, err, errlen);
	while (!*found && sqlite3_step(st) == SQLITE_ROW) {
		const char *n = (const char *)sqlite3_column_text(st, 0);
		if (!n || !strstr(n, contains))
			continue;
		if ((rc = plot_sweep_has_data(db, sw, n, found, err, errlen))) {
			sqlite3_finalize(st);
			return rc;
		}
		if (*found)
			snprintf(col, len, "%s", n);
	}
	return pdb_finish(st, sw->path, err, errlen);
}

const rl_param *plot_column_param(const char *col)
{
	size_t n, i;
	const rl_param *p = rl_params(&n);
	char name[128];
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof name, "%s_%s", p[i].section, p[i].key);
		if (!strcmp(name, col))
			return &p[i];
	}
	return NULL;
}

const rl_output *plot_column_output(const char *col)
{
	size_t n, i;
	const rl_output *o = rl_outputs(&n);
	char name[128];
	for (i = 0; i < n; i++) {
		pdb_column_name(o[i].name, name, sizeof name);
		if (!strcmp(name, col))
			return &o[i];
	}
	return NULL;
}

void plot_column_label(const char *col, char *buf, size_t len)
{
	const rl_output *o = plot_column_output(col);
	const rl_param *p;
	if (o) {
		/* a ratio or a count has no unit: no "()" */
		if (o->si_unit[0])
			snprintf(buf, len, "%s (%s)", o->name, o->si_unit);
		else
			snprintf(buf, len, "%s", o->name);
		return;
	}
	if ((p = plot_column_param(col))) {
		if (p->unit[0])
			snprintf(buf, len, "%s.%s (%s)", p->section, p->key, p->unit);
		else
			snprintf(buf, len, "%s.%s", p->section, p->key);
		return;
	}
	if (!strncmp(col, "speedup_", 8) && rl_sweep_column_unit(col))
		snprintf(buf, len, "%s (%s)", col, rl_sweep_column_unit(col));
	else
		snprintf(buf, len, "%s", col);
}

void plot_column_title(const char *col, char *buf, size_t len)
{
	const rl_output *o = plot_column_output(col);
	const rl_param *p = o ? NULL : plot_column_param(col);
	char name[128], words[200];
	const char *unit, *doc;
	int n;
	if (o) {
		snprintf(name, sizeof name, "%s", o->name);
		unit = o->si_unit;
		doc = o->doc;
	} else if (p) {
		snprintf(name, sizeof name, "%s.%s", p->section, p->key);
		unit = p->unit;
		doc = NULL;
		claim_lever_noun(name, words, sizeof words);
	} else if (!strncmp(col, "speedup_", 8) && rl_sweep_column_doc(col)) {
		snprintf(name, sizeof name, "%s", col);
		unit = rl_sweep_column_unit(col);
		doc = rl_sweep_column_doc(col);
	} else {
		plot_column_label(col, buf, len);
		return;
	}
	if (doc) {
		/* up to its parenthesis: "(0: unknown)" and sources stay in the
		** table */
		n = (int)claim_doc_phrase_len(doc);
		snprintf(words, sizeof words, "%s%.*s",
		         p || o ? "" : "speedup: ", n, doc);
	}
	/* a description of a paragraph (profile.allreduce_half_link_gbps:
	** 240 characters, cut mid-sentence by words[]) ran past the picture:
	** over PLOT_AXIS_TITLE_MAX the column's label, its name and unit */
	if (strlen(words) + (unit[0] ? 2 + strlen(unit) : 0) + strlen(name) +
	        3 > PLOT_AXIS_TITLE_MAX) {
		plot_column_label(col, buf, len);
		return;
	}
	snprintf(buf, len, "%s%s%s (%s)", words, unit[0] ? ", " : "", unit,
	         name);
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

int plot_sweep_newer_empty(const pdb_sweep *sw, char *err, size_t errlen)
{
	if (!sw->newer_empty)
		return RL_OK;
	snprintf(err, errlen, "%s; the newest run with points is run %ld (plot "
	         "it with --run %ld)", sw->newer_empty_why, sw->run, sw->run);
	return RL_EINPUT;
}
