/*
** plotkit.c: the helpers the plot kinds share (kinds.h): the shared look,
** titles and labelled tics, the palette, the target, a side's label and a
** claim table's rows.  They call only pdb.c and gp.c below; plot.c, whose
** table names every kind, is above them.
*/
#include "kinds.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/shword.h"

void plot_style(FILE *s)
{
	fputs("set encoding utf8\n"
	      "set grid xtics ytics mxtics mytics lc rgb '#dddddd' lw 1\n"
	      "set border lw 1.5\n"
	      "set key opaque box lc rgb '#bbbbbb'\n"
	      "set tics out nomirror\n"
	      "set style line 99 lc rgb 'black' dt 2 lw 2\n", s);
}

int plot_side_label(sqlite3 *db, const char *path, const pdb_claim *c,
                    const char *side, char *buf, size_t len, char *err,
                    size_t errlen)
{
	sqlite3_stmt *st;
	int rc, has;
	snprintf(buf, len, "%s", side);
	if (!strcmp(side, "a") && c->a_label[0]) {
		snprintf(buf, len, "%s", c->a_label);
		return RL_OK;
	}
	if (!strcmp(side, "b") && c->b_label[0]) {
		snprintf(buf, len, "%s", c->b_label);
		return RL_OK;
	}
	if (!db)
		return RL_OK;
	if ((rc = pdb_has(db, path, "claim_roofline", &has, err, errlen)) ||
	    !has)
		return rc;
	if (sqlite3_prepare_v2(db, "SELECT label FROM claim_roofline WHERE "
	                       "run_id = ?1 AND side = ?2 AND label <> ''", -1,
	                       &st, NULL) != SQLITE_OK)
		return pdb_unread(db, sqlite3_errcode(db), path, err, errlen);
	sqlite3_bind_int64(st, 1, c->id);
	sqlite3_bind_text(st, 2, side, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		pdb_text(st, 0, buf, len);
	return pdb_finish(st, path, err, errlen);
}

/* Break the lines of t (in place) longer than PLOT_TITLE_COLS characters
** (UTF-8 sequences counted as one) at their last blank before the limit;
** the number of lines. */
static int wrap_title(char *t)
{
	char *p, *blank = NULL, *q;
	size_t col = 0;
	int lines = 1;
	for (p = t; *p; p++) {
		if (*p == '\n') {
			col = 0;
			blank = NULL;
			lines++;
			continue;
		}
		if (((unsigned char)*p & 0xC0) != 0x80)
			col++;
		if (*p == ' ')
			blank = p;
		if (col > PLOT_TITLE_COLS && blank) {
			*blank = '\n';
			lines++;
			for (col = 0, q = blank + 1; q <= p; q++)
				col += ((unsigned char)*q & 0xC0) != 0x80;
			blank = NULL;
		}
	}
	return lines;
}

int plot_labels(FILE *s, const char *title, const char *xl, const char *yl)
{
	char *t = strdup(title);
	int lines = 1;
	fputs("set title ", s);
	if (t) {
		lines = wrap_title(t);
		gp_quote(s, t);
		free(t);
	} else {
		gp_quote(s, title); /* out of memory: unwrapped */
	}
	fputs("\nset xlabel ", s);
	gp_quote(s, xl);
	fputs("\nset ylabel ", s);
	gp_quote(s, yl);
	fputs("\n", s);
	return lines;
}

void plot_log_tics(FILE *s, char axis, double lo, double hi)
{
	static const double steps[] = {1, 2, 5};
	int first = 1;
	size_t i;
	double d;
	if (!(lo > 0) || !(hi >= lo))
		return;
	fprintf(s, "set %ctics (", axis);
	/* decade by decade within the doubles: an end past them (10^309,
	** inf, above a pareto axis reaching 1.7e308; 10^-324, 0, below one
	** at 1e-323) never ended the loop, which wrote "inf, inf, ..." into
	** memory without bound; from lo itself where its decade is 0 */
	d = pow(10, floor(log10(lo)));
	for (d = d > 0 ? d : lo; isfinite(d) && d <= hi * 1.0001; d *= 10)
		for (i = 0; i < 3; i++) {
			double t = d * steps[i];
			if (!isfinite(t) || t < lo * 0.9999 || t > hi * 1.0001)
				continue;
			fprintf(s, "%s%.9g", first ? "" : ", ", t);
			first = 0;
		}
	fputs(")\n", s);
}

void plot_axis_tics(FILE *s, char axis, const double *v, size_t n, int lg)
{
	size_t i;
	if (n == 0)
		return;
	if (n <= 12) {
		fprintf(s, "set %ctics (", axis);
		for (i = 0; i < n; i++)
			fprintf(s, "%s%.9g", i ? ", " : "", v[i]);
		fputs(")\n", s);
		return;
	}
	if (lg)
		plot_log_tics(s, axis, v[0], v[n - 1]);
}

const char *plot_color(int n)
{
	static const char *const pal[] = {"#1f77b4", "#d62728", "#2ca02c",
	                            "#9467bd", "#ff7f0e", "#8c564b",
	                            "#e377c2", "#17becf"};
	return pal[(n < 0 ? -n : n) % 8];
}

double plot_target(const plot_opts *o, const pdb_claim *c)
{
	if (o->target > 0)
		return o->target;
	if (c && c->target > 0)
		return c->target;
	return 20;
}

int plot_no_rows(const plot_opts *o, long run, const char *table,
                 const char *what, char *err, size_t errlen)
{
	char q[4200]; /* (the command's file as sh reads it: rl_sh_word) */
	snprintf(err, errlen, "%s: claim run %ld has no %s (table %s); "
	         "rooflab claim --db %s writes them", o->dbpath, run, what,
	         table, rl_sh_word(o->dbpath, "FILE", q, sizeof q));
	return RL_EINPUT;
}

int plot_claim_rows(sqlite3 *db, const plot_opts *o, const char *table,
                    const char *what, const char *sql, pdb_claim *c,
                    sqlite3_stmt **st, char *err, size_t errlen)
{
	long n;
	int rc = pdb_claim_run(db, o->dbpath, o->run, c, err, errlen);
	if (rc)
		return rc;
	if ((rc = pdb_rows(db, o->dbpath, table, c->id, &n, err, errlen)))
		return rc;
	if (n == 0)
		return plot_no_rows(o, c->id, table, what, err, errlen);
	if ((rc = pdb_prepare(db, o->dbpath, sql, st, err, errlen)))
		return rc;
	sqlite3_bind_int64(*st, 1, c->id);
	return RL_OK;
}
