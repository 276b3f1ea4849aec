/*
** cmd_plot.c: `rooflab plot KIND --db FILE [--run ID] --out FILE`: draw
** one plot of a claim, validation or sweep database with gnuplot.  On a
** terminal, a plot that takes more than half a second says on stderr what
** it is doing (reading the database, drawing) and for how long.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../config/num.h"
#include "../config/tmpfile.h"
#include "../model/params.h"
#include "../model/utf8.h"
#include "../plots/pdb.h"
#include "../plots/runfit.h"
#include "../sweeps/progress.h"
#include "../sweeps/store.h"
#include "../plots/plot.h"
#include "claimargs.h"
#include "commands.h"
#include "options.h"
#include "parseopt.h"

/* The command line: the plot's options and where it goes. */
typedef struct {
	plot_opts o;
	const char *db, *out, *term;
} plot_args;

/* --at PARAM=VALUE, repeatable: the slice heatmap and pareto draw */
static int take_at(const opt_def *d, void *field, const char *name,
                   const char *v, char *err, size_t errlen)
{
	plot_args *a = field;
	(void)d;
	if (a->o.nat >= PLOT_AT_MAX) {
		snprintf(err, errlen, "%s: more than %d of them", name,
		         PLOT_AT_MAX);
		return -1;
	}
	a->o.at[a->o.nat++] = v;
	return 1;
}

static const opt_def table[] = {
    OPT_STR("--db", plot_args, db, "FILE", "the claim, validation or sweep "
            "database"),
    OPT_STR("--out", plot_args, out, "FILE", "FILE.png|svg|pdf (or .txt "
            "with --term dumb)"),
    OPT_STR("--term", plot_args, term, "NAME", "png, svg, pdf or dumb"),
    OPT_INT("--run", plot_args, o.run, "ID", 1, 9007199254740992.0,
            "a run id", "the run (default: the newest)"),
    OPT_STR("--x", plot_args, o.x, "COLUMN", "heatmap, pareto: the x axis"),
    OPT_STR("--y", plot_args, o.y, "COLUMN", "heatmap, pareto: the y axis"),
    OPT_STR("--z", plot_args, o.z, "OUTPUT", "heatmap: the colour"),
    OPT_CALL_ALL("--at", "PARAM=VALUE", take_at, OPT_REPEAT | OPT_ASSIGN,
                 "heatmap, pareto: only the points where the swept\n"
                 "parameter PARAM is VALUE (one workload of a sweep over\n"
                 "scenario.isl and osl); repeatable"),
    OPT_STR("--z-best", plot_args, o.zbest, "least|most", "heatmap: a "
            "cell's z of those swept (default: by --z)"),
    /* as claim and solve take it: speedup=X or X (a bare N alone was
    ** taken, claim's --target speedup=20 refused) */
    OPT_CALL("--target", plot_args, o.target, "X", claimargs_take_target, 0,
             "speedup=X or X: the speedup target (1e-6 .. 1e9;\n"
             "default: the claim's, 20)"),
    OPT_LAST};

/* "  KIND          DOC [SOURCE]", its words wrapped at 80 columns under
** the description's column (16). */
static void kind_line(FILE *f, const char *name, const char *doc,
                      const char *source)
{
	char text[512], *w, *rest;
	int col = 15;
	snprintf(text, sizeof text, "%s [%s]", doc, source);
	fprintf(f, "  %-13s", name);
	for (rest = text; (w = strtok_r(rest, " ", &rest)) != NULL;) {
		int len = (int)strlen(w);
		if (col > 16 && col + 1 + len > 80) {
			fprintf(f, "\n%16s", "");
			col = 16;
		} else {
			fputc(' ', f);
			col++;
		}
		fputs(w, f);
		col += len;
	}
	fputc('\n', f);
}

static void help(FILE *f)
{
	size_t n, i;
	const plot_kind *k = plot_kinds(&n);
	fputs("usage: rooflab plot KIND --db FILE [--run ID] "
	      "--out FILE.png|svg|pdf\n"
	      "       rooflab plot KIND --db FILE [--run ID] --term dumb "
	      "[--out FILE.txt]\n"
	      "  heatmap: [--x PARAM] [--y PARAM] [--z OUTPUT] [--z-best least|most]\n"
	      "           [--target X]\n"
	      "  pareto:  [--x OUTPUT] [--y OUTPUT]\n"
	      "  heatmap, pareto: [--at PARAM=VALUE]... the points at those "
	      "values alone\n"
	      "  heatmap, factors, tornado, distribution: [--target X] "
	      "(speedup=X or X, as\n  claim takes it), the speedup target "
	      "(default: the claim's, 20); another kind\n  "
	      "refuses an option it does not use\n\n"
	      "kinds (and the table they read):\n", f);
	for (i = 0; i < n; i++)
		kind_line(f, k[i].name, k[i].doc, k[i].source);
	kind_line(f, "curve", "throughput per chip against tokens/s per user "
	          "(rooflab plot curve --help)", "computed");
	opt_help(f, table);
	fputs("\n--run picks a claim run (validation: a validation run; heatmap,"
	      " pareto: a sweep\nrun); the newest by default.  Columns may be "
	      "given dotted (chip.hbm_tbps).\nA heatmap cell over parameters "
	      "it does not draw shows their best z: the least\nof a time, "
	      "cost, power, violation or memory footprint, the most of the\n"
	      "rest (memory headroom: KV capacity, free bytes); of an output "
	      "better neither\nway (the batch, traffic per second) the most, "
	      "said to be no best (--z-best\nchooses); of the designs that "
	      "break no physical constraint (silicon.violations;\na cell with "
	      "none is blank).\nOn stderr, heatmap and pareto repeat export's "
	      "notes on the run's profile\n(fitted on another chip or of "
	      "software its preset does not name, or not\nrecorded whether "
	      "it was).\n"
	      "Needs gnuplot (Debian package "
	      GP_PACKAGE ").  Exit status: 0 ok, 2 bad input, 1\ninternal.\n", f);
}

/* What a plot is doing, shown on a terminal once it has taken after_s. */
typedef struct {
	int tty;
	const char *kind, *stage;
	double t0, last;
	int shown;
	double after_s;
} plot_progress;

/* The seconds a plot runs before its progress shows: half a second, or
** ROOFLAB_PLOT_PROGRESS_AFTER_S's 0 to 60 (tests only, as sweep's
** ROOFLAB_SWEEP_BATCH_SLEEP_MS: tests/cli_plot.sh shows it at once, where
** it needed a plot slow enough to pass half a second, a timed test that
** failed each time the heatmap got faster). */
static double progress_after_s(void)
{
	const char *env = getenv("ROOFLAB_PLOT_PROGRESS_AFTER_S");
	double s;
	if (env && num_text(env, &s) == 0 && s >= 0 && s <= 60)
		return s;
	return 0.5;
}

static void progress_show(plot_progress *p, int force)
{
	double now = rl_progress_clock();
	if (!p->tty || now - p->t0 < p->after_s ||
	    (!force && now - p->last < 0.2))
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

/* "unknown plot kind 'NAME'; did you mean heatmap? (kinds: ...)", every
** kind of plot_kinds() and curve, the nearest by edit distance within a
** third of the name's letters (rl_edit_allowed, as the commands' "did you
** mean"), the name quoted as messages quote what they were given (cut
** with its size, a control character as '?'), where it went to the
** terminal raw; NULL for no kind given: "which plot? give a KIND: ...". */
static void kinds_list(const char *name, char *err, size_t len)
{
	size_t n, i, used, best = (size_t)-1, d, near = 0;
	const plot_kind *k = plot_kinds(&n);
	char q[200], c[600], mean[48] = "";
	if (name) {
		rl_utf8_cell(rl_utf8_quote(name, 120, q, sizeof q), 0, 0, c,
		             sizeof c);
		for (i = 0; i <= n; i++) {
			d = rl_edit_distance(name, i < n ? k[i].name : "curve", 1);
			if (d < best) {
				best = d;
				near = i;
			}
		}
		if (best < 1000 && best <= rl_edit_allowed(strlen(name)))
			snprintf(mean, sizeof mean, "; did you mean %s?",
			         near < n ? k[near].name : "curve");
		used = (size_t)snprintf(err, len, "unknown plot kind %s%s (kinds: ",
		                        c, mean);
	} else {
		used = (size_t)snprintf(err, len, "which plot? give a KIND (rooflab "
		                        "plot KIND --db FILE --out FILE.png; kinds: ");
	}
	for (i = 0; i < n && used < len; i++)
		used += (size_t)snprintf(err + used, len - used, "%s, ", k[i].name);
	if (used < len)
		snprintf(err + used, len - used, "curve)");
}

/* 1 in name is one of the blank-separated words of list */
static int one_of(const char *name, const char *list)
{
	size_t l = strlen(name);
	const char *p = list;
	while ((p = strstr(p, name))) {
		if ((p == list || p[-1] == ' ') && (p[l] == ' ' || !p[l]))
			return 1;
		p += l;
	}
	return 0;
}

/* An option the kind does not read is refused, not ignored: --x and --y
** are axes of heatmap and pareto, --z heatmap's colour, --target the line
** or contour of heatmap, factors, tornado and distribution.  0, or -1 with
** err. */
static int unused_option(const char *kind, const plot_opts *o, char *err,
                         size_t len)
{
	const char *opt = NULL, *who = NULL;
	if ((o->x || o->y || o->nat) && !one_of(kind, "heatmap pareto")) {
		opt = o->x ? "--x" : o->y ? "--y" : "--at";
		who = "heatmap and pareto";
	} else if ((o->z || o->zbest) && !one_of(kind, "heatmap")) {
		opt = o->z ? "--z" : "--z-best";
		who = "heatmap";
	} else if (o->target > 0 &&
	           !one_of(kind, "heatmap factors tornado distribution")) {
		opt = "--target";
		who = "heatmap, factors, tornado and distribution";
	}
	if (!opt)
		return 0;
	snprintf(err, len, "%s: plot %s does not use it (%s only)", opt, kind,
	         who);
	return -1;
}

/* No --db: the message says which database the kind reads (its table,
** kind->source) and which command writes one, as report's does. */
static void missing_db(const plot_kind *k, char *err, size_t len)
{
	const char *what, *how;
	if (!strncmp(k->source, "results", 7)) {
		what = "a sweep database";
		how = "rooflab sweep SPEC --db FILE writes one";
	} else if (!strcmp(k->source, "validation")) {
		what = "a claim database holding a validation run";
		how = "rooflab validate --db FILE writes one; make demo "
		      "writes out/claim.db";
	} else {
		what = "a claim database";
		how = "rooflab claim --db FILE writes one; make demo writes "
		      "out/claim.db";
	}
	snprintf(err, len, "--db FILE is required: plot %s reads %s (%s)",
	         k->name, what, how);
}

/* "plot --help KIND" (opt_parse_words' check): a word that is no plot
** kind is refused as without --help, no help printed; a kind, or curve
** (its own help: rooflab plot curve --help), gets plot's help. */
static int help_words(const void *base, const char **pos, int npos)
{
	char err[2048];
	(void)base;
	if (npos == 0 || plot_kind_find(pos[0]) || !strcmp(pos[0], "curve"))
		return RL_OK;
	kinds_list(pos[0], err, sizeof err);
	return bad_input("plot", err);
}

/* A sweep plot's notes on stderr, as export says them (rooflab export:
** note: ...): the run's profile fitted on another chip's rows or of
** software its chip's preset does not name (runs.profile_fit,
** software_note), or that the run does not record the former
** (plots/runfit.h), where the plot read as validated on its chip. */
static void sweep_notes(sqlite3 *db, const char *dbpath, long want)
{
	pdb_sweep sw;
	char err[1024];
	if (pdb_sweep_run(db, dbpath, want, &sw, err, sizeof err) ||
	    strcmp(sw.run_col, "run_id"))
		return;
	plot_run_notes(db, sw.run, cli_note, (void *)"plot");
}

/* 1 if arg is --db, as its own word or --db=FILE */
static int is_db_option(const char *arg)
{
	return !strcmp(arg, "--db") || !strncmp(arg, "--db=", 5);
}

/* "plot --db x curve", "plot --out x.png curve", "plot curve --db x": the
** word curve where plot's kinds go, but curve is computed from a chip and
** a model, reads no database, and takes its own options after the word
** (cmd_plot_curve); without this the kind was refused as "unknown plot
** kind 'curve'; did you mean curve?", or its --db as an unknown option.
** The message says which of the two is wrong: --db given, or the order.
** A curve after one of plot's options is that option's value, not the
** kind (every option of plot's table takes one); "plot --help curve" gets
** plot's help as before.  0, or -1 with err. */
static int curve_words(int argc, char **argv, char *err, size_t len)
{
	static const char *const valued =
	    " --db --out --term --run --x --y --z --at --z-best --target ";
	char opt[32];
	int i, db = 0, at = 0;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return 0;
		db |= is_db_option(argv[i]);
		snprintf(opt, sizeof opt, " %s ", i > 1 ? argv[i - 1] : "");
		if (!at && !strcmp(argv[i], "curve") &&
		    (i == 1 || !strstr(valued, opt)))
			at = i;
	}
	/* (after another kind, "plot heatmap --db x curve", it is a second
	** word, refused as any) */
	if (!at || (at == 1 && !db) || (at > 1 && argv[1][0] != '-'))
		return 0;
	if (db)
		snprintf(err, len, "--db: plot curve reads no database (it computes "
		         "its curve from a chip and a model): rooflab plot curve "
		         "--chip NAME --model NAME --out FILE.png (rooflab plot "
		         "curve --help)");
	else
		snprintf(err, len, "curve comes first, right after plot, and its "
		         "options after it: rooflab plot curve --chip NAME --model "
		         "NAME --out FILE.png (rooflab plot curve --help)");
	return -1;
}

int cmd_plot(int argc, char **argv)
{
	plot_args a;
	plot_opts *o = &a.o;
	const plot_kind *kind = NULL;
	const char *kname = NULL;
	char err[2048];
	gp_term term;
	sqlite3 *db;
	int npos, rc;

	memset(&a, 0, sizeof a);
	if (curve_words(argc, argv, err, sizeof err))
		return bad_input("plot", err);
	if (argc > 1 && !strcmp(argv[1], "curve")) /* computed, no database */
		return cmd_plot_curve(argc - 1, argv + 1);
	rc = opt_parse_words("plot", table, &a, argc, argv, &kname, 1, &npos,
	                     help, help_words);
	if (rc != OPT_GO_ON)
		return rc;
	if (kname && !(kind = plot_kind_find(kname))) {
		kinds_list(kname, err, sizeof err);
		return bad_input("plot", err);
	}
	if (!kind) {
		kinds_list(NULL, err, sizeof err);
		return bad_input("plot", err);
	}
	if (unused_option(kind->name, o, err, sizeof err))
		return bad_input("plot", err);
	if (o->zbest && strcmp(o->zbest, "least") && strcmp(o->zbest, "most")) {
		snprintf(err, sizeof err, "--z-best: '%s' is not one of least, "
		         "most", o->zbest);
		return bad_input("plot", err);
	}
	if (!a.db) {
		missing_db(kind, err, sizeof err);
		return bad_input("plot", err);
	}
	if (gp_out_term(a.out, a.term, &term, err, sizeof err))
		return bad_input("plot", err);
	if (a.out && rl_out_is_file(a.out, a.db)) {
		snprintf(err, sizeof err, "--out %s is also --db %s: the plot "
		         "would replace a database it reads (name another --out)",
		         a.out, a.db);
		return bad_input("plot", err);
	}
	o->dbpath = a.db;
	o->mono = term == GP_DUMB;
	rc = pdb_open(a.db, &db, err, sizeof err);
	if (rc == RL_EINTERNAL) {
		/* out of memory: no fault of the file's (exit 1) */
		cli_say("plot", err);
		return rc;
	}
	if (rc)
		return bad_input("plot", err);
	{
		plot_progress pg = {isatty(2), kind->name, "reading the database",
		                    rl_progress_clock(), 0, 0, progress_after_s()};
		char *script;
		size_t len;
		sqlite3_progress_handler(db, 20000, progress_sql, &pg);
		rc = plot_script(db, kind, o, &script, &len, err, sizeof err);
		sqlite3_progress_handler(db, 0, NULL, NULL);
		if (rc == RL_OK) {
			pg.stage = "drawing with gnuplot";
			progress_show(&pg, 1);
			rc = plot_draw(term, a.out, kind->doc, script, len, err,
			               sizeof err);
			free(script);
		}
		progress_done(&pg);
	}
	if (rc == RL_OK && one_of(kind->name, "heatmap pareto"))
		sweep_notes(db, a.db, o->run);
	sqlite3_close(db);
	rc = pdb_exit(rc); /* a failed read is input's, or internal: its code */
	if (rc != RL_OK) {
		cli_say("plot", err);
		return rc == RL_EINPUT ? RL_EINPUT : RL_EINTERNAL;
	}
	if (a.out)
		cli_wrote("plot", a.out);
	return RL_OK;
}
