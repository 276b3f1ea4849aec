/*
** plot.h: the plot kinds `rooflab plot` and the report draw, and the one
** call that renders a kind from a database into an image.
**
** Each kind reads its rows (pdb.h) and writes a gnuplot script with the data
** inline into a memory stream; plot_render() hands that script to gnuplot
** (gp.h).  A kind whose data are missing fails before gnuplot starts.
*/
#ifndef RL_PLOT_H
#define RL_PLOT_H

#include <stddef.h>
#include <stdio.h>
#include <sqlite3.h>

#include "../model/status.h"
#include "gp.h"

/* Result codes: an rl_status (model/status.h: the exit codes of `rooflab
** plot`) with PDB_UNREAD set when the database failed to read (pdb.h:
** pdb_exit gives the exit code), or PLOT_ENOGNUPLOT when gnuplot is not
** installed. */
enum { PLOT_ENOGNUPLOT = 3 };

/* At most this many --at PARAM=VALUE of one plot */
#define PLOT_AT_MAX 8

typedef struct {
	const char *dbpath;  /* for messages */
	long run;            /* claim, validation or sweep run; 0: newest */
	const char *x, *y;   /* heatmap/pareto: columns (dotted names too) */
	const char *z;       /* heatmap: the colored output */
	const char *zbest;   /* heatmap: "least" or "most" of z over the other
	                     ** swept parameters in a cell; NULL: by the
	                     ** output (least of latency, cost and power,
	                     ** most of the rest) */
	double target;       /* speedup target; 0: the claim's (20) */
	/* heatmap, pareto: the slice drawn, "PARAM=VALUE" each (--at): only
	** the points where each swept parameter has that value */
	const char *at[PLOT_AT_MAX];
	size_t nat;
	int mono;            /* the terminal draws no colour (--term dumb):
	                     ** a title names none, and keeps its lines
	                     ** within the text's 120 columns */
} plot_opts;

typedef int (*plot_build_fn)(sqlite3 *db, const plot_opts *o, FILE *s,
                             char *err, size_t errlen);

typedef struct {
	const char *name;
	plot_build_fn build;
	const char *source;  /* what it reads, for help and messages */
	const char *doc;
} plot_kind;

const plot_kind *plot_kinds(size_t *count);
const plot_kind *plot_kind_find(const char *name);

/* Build the script of a kind (without terminal settings) into a malloc'd
** buffer; RL_OK with *script and *len set, or an error code. */
int plot_script(sqlite3 *db, const plot_kind *k, const plot_opts *o,
                char **script, size_t *len, char *err, size_t errlen);

/* Hand a script of plot_script() to gnuplot, writing `out` (NULL with
** GP_DUMB: stdout); an SVG is titled `title` in words (NULL: the kind's
** own).  RL_OK, PLOT_ENOGNUPLOT, or RL_EINPUT (out cannot be written
** where it is named: rl_out_exit) or RL_EINTERNAL with err. */
int plot_draw(gp_term term, const char *out, const char *title,
              const char *script, size_t len, char *err, size_t errlen);

/* Render a kind to `out` (NULL with GP_DUMB: stdout): plot_script() then
** plot_draw(). */
int plot_render(sqlite3 *db, const plot_kind *k, const plot_opts *o,
                gp_term term, const char *out, const char *title, char *err,
                size_t errlen);

#endif
