/*
** cmd_plot.c: `rooflab plot KIND --db FILE [--run ID] --out FILE`: draw
** one plot of a claim, validation or sweep database with gnuplot.  On a
** terminal, a plot that takes more than half a second says on stderr what
** it is doing (reading the database, drawing) and for how long.
*/
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../plots/pdb.h"
#include "../sweeps/progress.h"
#include "../plots/plot.h"
#include "commands.h"
#include "options.h"

static void help(FILE *f)
{
	size_t n, i;
	const plot_kind *k = plot_kinds(&n);
	fputs("usage: rooflab plot KIND --db FILE [--run ID] "
	      "--out FILE.png|svg|pdf\n"
	      "       rooflab plot KIND --db FILE [--run ID] --term dumb "
	      "[--out FILE.txt]\n"
	      "  heatmap: [--x PARAM] [--y PARAM] [--z OUTPUT] [--target N]\n"
	      "  pareto:  [--x OUTPUT] [--y OUTPUT]\n"
	      "  --target N  the speedup target (default: the claim's, 20)\n\n"
	      "kinds (and the table they read):\n", f);
	for (i = 0; i < n; i++)
		fprintf(f, "  %-13s %s [%s]\n", k[i].name, k[i].doc, k[i].source);
	fprintf(f, "  %-13s %s [%s]\n", "curve", "throughput per chip against "
	        "tokens/s per user (rooflab plot curve --help)", "computed");
	fputs("\n--run picks a claim run (validation: a validation run; heatmap,"
	      " pareto: a sweep run);\nthe newest by default.  Columns may be "
	      "given dotted (chip.hbm_tbps).  Needs gnuplot\n(Debian package "
	      GP_PACKAGE ").  Exit status: 0 ok, 2 bad input, 1 internal.\n", f);
}

/* What a plot is doing, shown on a terminal. */
typedef struct {
	int tty;
	const char *kind, *stage;
	double t0, last;
	int shown;
} plot_progress;

static void progress_show(plot_progress *p, int force)
{
	double now = rl_progress_clock();
	if (!p->tty || now - p->t0 < 0.5 || (!force && now - p->last < 0.2))
		return;
	p->last = now;
	p->shown = 1;
	fprintf(stderr, "\rrooflab plot %s: %s (%.0f s)\033[K", p->kind,
	        p->stage, now - p->t0);
	fflush(stderr);
}

/* SQLite calls this every few thousand steps of a query. */
static int progress_sql(void *ctx)
{
	progress_show(ctx, 0);
	return 0;
}

static void progress_done(plot_progress *p)
{
	if (p->shown)
		fprintf(stderr, "\rrooflab plot %s: done in %.1f s\033[K\n",
		        p->kind, rl_progress_clock() - p->t0);
}

static int parse_long(const char *s, long *v)
{
	char *end;
	errno = 0;
	*v = strtol(s, &end, 10);
	return errno || end == s || *end || *v <= 0 ? -1 : 0;
}

static int parse_pos(const char *s, double *v)
{
	char *end;
	errno = 0;
	*v = strtod(s, &end);
	return errno || end == s || *end || !isfinite(*v) || *v <= 0 ? -1 : 0;
}

int cmd_plot(int argc, char **argv)
{
	plot_opts o;
	const plot_kind *kind = NULL;
	const char *db_path = NULL, *out = NULL, *term_name = NULL, *v;
	char err[2048];
	gp_term term;
	sqlite3 *db;
	int i, missing, rc;

	memset(&o, 0, sizeof o);
	if (argc > 1 && !strcmp(argv[1], "curve")) /* computed, no database */
		return cmd_plot_curve(argc - 1, argv + 1);
	for (i = 1; i < argc; i++) {
		missing = 0;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			help(stdout);
			return RL_OK;
		} else if ((v = opt_arg("--db", argc, argv, &i, &missing))) {
			db_path = v;
		} else if ((v = opt_arg("--out", argc, argv, &i, &missing))) {
			out = v;
		} else if ((v = opt_arg("--term", argc, argv, &i, &missing))) {
			term_name = v;
		} else if ((v = opt_arg("--x", argc, argv, &i, &missing))) {
			o.x = v;
		} else if ((v = opt_arg("--y", argc, argv, &i, &missing))) {
			o.y = v;
		} else if ((v = opt_arg("--z", argc, argv, &i, &missing))) {
			o.z = v;
		} else if ((v = opt_arg("--run", argc, argv, &i, &missing))) {
			if (parse_long(v, &o.run)) {
				snprintf(err, sizeof err, "--run: '%s' is not a run id "
				         "(a whole number > 0)", v);
				return bad_input("plot", err);
			}
		} else if ((v = opt_arg("--target", argc, argv, &i, &missing))) {
			if (parse_pos(v, &o.target)) {
				snprintf(err, sizeof err, "--target: '%s' is not a "
				         "positive number", v);
				return bad_input("plot", err);
			}
		} else if (missing) {
			snprintf(err, sizeof err, "%s needs a value", argv[i]);
			return bad_input("plot", err);
		} else if (argv[i][0] == '-' || kind) {
			snprintf(err, sizeof err, "unexpected argument '%s' (see "
			         "rooflab plot --help)", argv[i]);
			return bad_input("plot", err);
		} else if (!(kind = plot_kind_find(argv[i]))) {
			snprintf(err, sizeof err, "unknown plot kind '%s' (kinds: "
			         "roofline, factors, heatmap, tornado, distribution, "
			         "batch, pareto, validation)", argv[i]);
			return bad_input("plot", err);
		}
		if (missing) {
			snprintf(err, sizeof err, "%s needs a value", argv[i]);
			return bad_input("plot", err);
		}
	}
	if (!kind)
		return bad_input("plot", "which plot? give a KIND (see rooflab "
		                 "plot --help)");
	if (!db_path)
		return bad_input("plot", "--db FILE is required");
	if (term_name && gp_term_of_name(term_name, &term)) {
		snprintf(err, sizeof err, "--term: unknown terminal '%s' (png, svg, "
		         "pdf, dumb)", term_name);
		return bad_input("plot", err);
	}
	if (out) {
		gp_term by_ext;
		if (gp_term_of_path(out, &by_ext)) {
			snprintf(err, sizeof err, "--out %s: the name must end in .png, "
			         ".svg, .pdf (or .txt with --term dumb)", out);
			return bad_input("plot", err);
		}
		if (term_name && term != by_ext) {
			snprintf(err, sizeof err, "--term %s does not match --out %s",
			         term_name, out);
			return bad_input("plot", err);
		}
		term = by_ext;
	} else if (!term_name || term != GP_DUMB) {
		return bad_input("plot", "--out FILE.png|svg|pdf is required (or "
		                 "--term dumb for a text plot)");
	}
	o.dbpath = db_path;
	rc = pdb_open(db_path, &db, err, sizeof err);
	if (rc)
		return bad_input("plot", err);
	{
		plot_progress pg = {isatty(2), kind->name, "reading the database",
		                    rl_progress_clock(), 0, 0};
		char *script;
		size_t len;
		sqlite3_progress_handler(db, 20000, progress_sql, &pg);
		rc = plot_script(db, kind, &o, &script, &len, err, sizeof err);
		sqlite3_progress_handler(db, 0, NULL, NULL);
		if (rc == RL_OK) {
			pg.stage = "drawing with gnuplot";
			progress_show(&pg, 1);
			rc = plot_draw(term, out, kind->doc, script, len, err,
			               sizeof err);
			free(script);
		}
		progress_done(&pg);
	}
	sqlite3_close(db);
	if (rc == RL_EINPUT)
		return bad_input("plot", err);
	if (rc != RL_OK) {
		fprintf(stderr, "rooflab plot: %s\n", err);
		return RL_EINTERNAL;
	}
	if (out)
		printf("rooflab plot: wrote %s\n", out);
	return RL_OK;
}
