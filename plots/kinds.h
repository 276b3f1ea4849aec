/*
** kinds.h: the builders of the plot kinds (one file each in plots/) and
** the small helpers they share (plotkit.c, sweepcols.c), also used by the
** report (reports/).
*/
#ifndef RL_KINDS_H
#define RL_KINDS_H

#include "../model/outputs.h"
#include "../model/params.h"
#include "pdb.h"
#include "plot.h"
#include "rows.h"

int plot_build_roofline(sqlite3 *db, const plot_opts *o, FILE *s, char *err,
                        size_t errlen);
int plot_build_factors(sqlite3 *db, const plot_opts *o, FILE *s, char *err,
                       size_t errlen);
/* 1 when swept column col, whose distinct sorted values are u[0..n),
** is drawn on a log axis: the run's spec gave it as a log range, or (a
** list, a sampled or a hand-made sweep) its values are log-spaced;
** never for values <= 0 (axislog.c). */
int plot_axis_log(sqlite3 *db, const pdb_sweep *sw, const char *col,
                  const double *u, long n);
/* What plot_cell_best counts of every row it reads, where the query
** gives two flags after x, y and z: */
typedef struct {
	long long rows;   /* the rows */
	long long failed; /* column 3 not 0: a point that did not evaluate */
	long long bad;    /* column 4 not 0: a point whose z is no value (one
	                  ** breaking a physical constraint) */
} plot_cell_tally;
/* The cells of st's rows (x, y, z): each pair's least (least) or most z,
** NULL left out, as GROUP BY 1, 2 ORDER BY 1, 2 with min(z) or max(z)
** gives them, into cells (rows of width 3, x, y, z, sorted by x then y, z
** NAN where a pair has none; emptied first); RL_OK or RL_EINTERNAL.
** Without tally, x and y are finite numbers (PLOT_FINITE in the query);
** with it, every row of the run read once: x, y, z and the two flags
** counted into *tally, a row whose x or y is not a finite number no
** cell, and a bad row's z no value.  *ask_sql 1 (no cells, the tally
** part way) where a value is one SQLite compares otherwise than its
** double (cellbest.c): the caller finalizes st, groups them with SQLite
** and counts with SQLite. */
int plot_cell_best(sqlite3_stmt *st, int least, plot_rows *cells,
                   plot_cell_tally *tally, int *ask_sql);
int plot_build_heatmap(sqlite3 *db, const plot_opts *o, FILE *s, char *err,
                       size_t errlen);
int plot_build_tornado(sqlite3 *db, const plot_opts *o, FILE *s, char *err,
                       size_t errlen);
int plot_build_distribution(sqlite3 *db, const plot_opts *o, FILE *s,
                            char *err, size_t errlen);
int plot_build_batch(sqlite3 *db, const plot_opts *o, FILE *s, char *err,
                     size_t errlen);
int plot_build_pareto(sqlite3 *db, const plot_opts *o, FILE *s, char *err,
                      size_t errlen);
/* The Pareto plot's cost axis when none is named: the first column of
** the sweep with values among its power columns (power_watts, power_w,
** else one whose name holds "watts"), else among its cost columns (USD per
** million tokens at price, at cost, else one holding "usd"), into x (len
** bytes); *found 0 when it has none.  RL_OK, or the failure to read the
** sweep (with err).  The report asks it whether to draw the plot. */
int plot_pareto_cost(sqlite3 *db, const pdb_sweep *sw, char *x, size_t len,
                     int *found, char *err, size_t errlen);
int plot_build_interactivity(sqlite3 *db, const plot_opts *o, FILE *s,
                             char *err, size_t errlen);
int plot_build_breakdown(sqlite3 *db, const plot_opts *o, FILE *s,
                         char *err, size_t errlen);
int plot_build_validation(sqlite3 *db, const plot_opts *o, FILE *s,
                          char *err, size_t errlen);

/* Colors of the two sides of a comparison and of the rest. */
#define PLOT_COLOR_A "#1f77b4"
#define PLOT_COLOR_B "#d62728"
#define PLOT_COLOR_UP "#2ca02c"
#define PLOT_COLOR_DOWN "#d62728"
#define PLOT_COLOR_TOTAL "#1f77b4"

/* Shared look: grid, key, line widths. */
void plot_style(FILE *s);

/* A side's name into buf: the claim's label for "a"/"b", else its label
** in claim_roofline of the database at path (db may be NULL), else the
** side itself.  RL_OK, or the failure to read claim_roofline (with err;
** buf holds the side). */
int plot_side_label(sqlite3 *db, const char *path, const pdb_claim *c,
                    const char *side, char *buf, size_t len, char *err,
                    size_t errlen);

/* Title lines longer than this many characters break at their last blank
** before it: 1200 pixels of PNG or SVG at the title's font hold about 125,
** the dumb terminal 120, and a longer line was cut at both ends of the
** picture ("weep run 1: ... cloud thinned f"). */
#define PLOT_TITLE_COLS 110

/* "set title", "set xlabel" and "set ylabel" lines, each text quoted, the
** title's lines wrapped at PLOT_TITLE_COLS (a word longer than that is
** left whole).  The number of lines the title has then. */
int plot_labels(FILE *s, const char *title, const char *xl, const char *yl);

/* Labelled tics on axis 'x' or 'y' for the sorted values v[0..n) an axis
** shows: each value when there are at most 12, else 1-2-5 steps of each
** decade on a log axis (lg), else gnuplot's own linear tics. */
void plot_axis_tics(FILE *s, char axis, const double *v, size_t n, int lg);
/* Labelled 1-2-5 tics of each decade between lo and hi on a log axis. */
void plot_log_tics(FILE *s, char axis, double lo, double hi);
/* The swept parameters of the sweep that describe the workload, not the
** design (model.*, scenario.isl, scenario.osl), as dotted names joined by
** ", " into buf, how many in *n: RL_OK, or the failure to read the sweep
** (with err). */
int plot_swept_workload(sqlite3 *db, const pdb_sweep *sw, char *buf,
                        size_t len, size_t *n, char *err, size_t errlen);

/* The nth color of a small palette. */
const char *plot_color(int n);

/* The target speedup: the option, else the claim's. */
double plot_target(const plot_opts *o, const pdb_claim *c);

/* "No rows" message for a claim table: RL_EINPUT. */
int plot_no_rows(const plot_opts *o, long run, const char *table,
                 const char *what, char *err, size_t errlen);

/* The claim run o->run into c and st prepared on sql, its ?1 bound to the
** run's id; plot_no_rows() when the run has no rows in table.  RL_OK, or
** the error (with err). */
int plot_claim_rows(sqlite3 *db, const plot_opts *o, const char *table,
                    const char *what, const char *sql, pdb_claim *c,
                    sqlite3_stmt **st, char *err, size_t errlen);

/* RL_OK when the x and y columns differ, else RL_EINPUT with "--x and
** --y name the same column". */
int plot_distinct_axes(const char *x, const char *y, char *err,
                       size_t errlen);

/* `results` columns of a sweep (sweepcols.c).  Each lookup that fails to
** read the database at path returns pdb_unread's status and message
** ("PATH: cannot read: REASON"), never taken for a column that is not
** there.  Resolve a dotted or column name, given by option opt ("--z"),
** to a column of the view; RL_EINPUT listing the columns if none, or
** naming a column of names (declared TEXT: a choice, as decode.bound),
** which no axis or colour can draw (its max() read as 0). */
int plot_sweep_column(sqlite3 *db, const char *path, const char *opt,
                      const char *name, char *col, size_t len, char *err,
                      size_t errlen);
/* Swept parameters of the sweep (columns from the parameter table with
** more than one value); how many were written (at most max) in *found. */
int plot_swept_params(sqlite3 *db, const pdb_sweep *sw, char out[][64],
                      size_t max, size_t *found, char *err, size_t errlen);
/* The first column of `results` with values in the sweep, among the
** candidates `exact` (NULL-terminated, may be NULL), else the first whose
** name contains `contains` (may be NULL); *found 1 found, 0 not. */
int plot_sweep_guess(sqlite3 *db, const pdb_sweep *sw,
                     const char *const *exact, const char *contains,
                     char *col, size_t len, int *found, char *err,
                     size_t errlen);
/* RL_EINPUT where no --run was given and the file's newest run stored no
** point (pdb_sweep.newer_empty: a filter dropped all), naming it and the
** run with points to give with --run, where the plot drew that one
** without a word; RL_OK otherwise. */
int plot_sweep_newer_empty(const pdb_sweep *sw, char *err, size_t errlen);
/* " WHERE run = N" (or "") for a sweep, with its slice (plot --at:
** pdb_sweep.slice) after it; len at least PDB_WHERE_LEN. */
void plot_sweep_where(const pdb_sweep *sw, char *buf, size_t len);
/* The slice of o->at (--at PARAM=VALUE) into sw->slice and sw->at_words
** (sweepat.c): each a parameter of the table that the results hold, its
** value a choice's name or the number the run stores (within a relative
** 1e-9), at least one point of the run there.  RL_OK, or RL_EINPUT naming
** the option and, for a value the run lacks, the values it has. */
int plot_sweep_at(sqlite3 *db, const plot_opts *o, pdb_sweep *sw,
                  char *err, size_t errlen);
/* The sweep run a heatmap or Pareto plot draws into sw: o->run (the
** newest with points where none is given: pdb_sweep_run), refused where
** a newer run stored none (plot_sweep_newer_empty), and its --at slice
** (plot_sweep_at).  RL_OK, or the error (with err). */
int plot_sweep_open(sqlite3 *db, const plot_opts *o, pdb_sweep *sw,
                    char *err, size_t errlen);
/* The parameter whose `results` column is col ("section_key"), or NULL
** (an output's column, or none). */
const rl_param *plot_column_param(const char *col);
/* The output whose `results` column is col ("latency_tpot_s"), or NULL
** (a parameter's column, a speedup, or none). */
const rl_output *plot_column_output(const char *col);
/* Axis label of a column: its dotted name and unit. */
void plot_column_label(const char *col, char *buf, size_t len);
/* The longest axis title plot_column_title writes in words: the
** picture's 800-pixel side holds about 90 characters */
#define PLOT_AXIS_TITLE_MAX 90
/* Axis title of a column in words, its unit after a comma and its name in
** parentheses: "share of the die in MAC arrays (design.frac_mac)", "HBM
** bandwidth per chip, TB/s (chip.hbm_tbps)": a parameter's noun as the
** claim's words say it (claim_lever_noun), an output's or a speedup's
** description (rl_sweep_column_doc) up to its parenthesis; a column
** neither names, or a title over PLOT_AXIS_TITLE_MAX, plot_column_label's. */
void plot_column_title(const char *col, char *buf, size_t len);

#endif
