/*
** rctx.h: what the report's sections share while one report is written.
** Internal to reports/.  report.c calls the sections; they call figure.c
** and rctx.c's helpers (report_bad, report_finish, report_has,
** report_has_column, report_side_label, report_prepare, report_val_run),
** never report.c.
*/
#ifndef RL_RCTX_H
#define RL_RCTX_H

#include <sqlite3.h>

#include "../plots/pdb.h"
#include "../plots/plot.h"
#include "doc.h"
#include "ropts.h"

/* The size of a message about one of the report's files (r->bad_msg and
** the buffers its parts are written into): the file's path, up to the
** 4,096 bytes of Linux's PATH_MAX (a path that opened: "././" spells one
** far longer than the directories it names, SQLite's 512-byte limit
** applying to what it resolves to), and the words about it, at most
** 1,024 bytes (the table, column, run and value, or SQLite's reason).  A
** 600-byte buffer cut "PATH: cannot read: ..." of a path of 600 bytes
** before the reason, and 1,100 bytes one of 900. */
#define REPORT_MSG_LEN (4096 + 1024)

typedef struct {
	doc d;
	sqlite3 *db;         /* the claim database */
	sqlite3 *sdb;        /* the sweep database (db unless --sweeps) */
	const char *sdbpath;
	const report_opts *o;
	pdb_claim c;
	/* 1: the database holds no claim run but sweeps or a validation run
	** (report.c): the claim's sections are absent, each said why; c then
	** holds claim's default target alone.  db_sweep: --db is a sweep
	** database, in which claim and validate write nothing */
	int no_claim, db_sweep;
	int plots;           /* 1 while plots can be drawn */
	char plot_note[1400]; /* why plots are missing, once gnuplot failed */
	char md_dir[1024];   /* Markdown: the directory of the report */
	char md_stem[256];   /* Markdown: file name without extension */
	report_msgs *msgs;   /* the warnings and notes (report.h) */
	char **fig_paths;    /* Markdown: figures drawn under PATH.tmp-PID
	                     ** (rl_tmp_path), to be renamed onto PATH */
	size_t nfigs, figcap;
	int bad;             /* a table's rows failed to read: the exit status */
	char bad_msg[REPORT_MSG_LEN]; /* and its message (report_finish) */
	/* the newest validation run, looked up once (report_val_run): 0 not
	** yet, 1 found (val), 2 none in the database, 3 unreadable */
	int val_state;
	pdb_validation val;
	/* the trust sentence, worked out once (report_trust_words) */
	int trust_done;
	char trust[4096];
	/* and its shorter form for the verdict (report_trust_short), the
	** length of its part before the stored trust line */
	char trust_short[4096];
	size_t trust_short_head;
	/* where trust's clauses end: the pooled rows', the out-of-sample
	** rows', the published tables' (report_trust_clauses) */
	size_t trust_ends[3];
	/* whose rows the validation run is over (report_val_rows): 0 not
	** looked up yet, a report_rows, or -1 unreadable; the file's name */
	int val_rows;
	char val_file[1024];
} rctx;

/* Draw one plot kind into the document (figure.c) from the claim database,
** or the sweep database for sweep kinds; when it cannot be drawn, a note
** says why instead, unless its database failed to read (a status with
** PDB_UNREAD, pdb.h; "DB: cannot read: REASON"): kept in r->bad, the
** report fails. */
void report_figure(rctx *r, const char *kind, const plot_opts *po,
                   const char *caption);

/* The options of a plot of this claim run (figure.c): its database and
** run, the rest zero. */
plot_opts report_claim_plot(rctx *r);

/* Markdown's figures, drawn under temporary names while the report is
** written: renamed onto their own names when keep (RL_OK, or the first
** rename's failure with "cannot write PATH: REASON" in err and the rest
** removed), removed when not (RL_OK); the list freed either way. */
int report_figures_end(rctx *r, int keep, char *err, size_t errlen);

/* Finalize st after a loop over its rows in the database at path: the
** first statement whose last step failed (a damaged page, a crafted view)
** is kept in r->bad and fails the whole report, so that no table stands
** truncated as if it were whole. */
void report_finish(rctx *r, sqlite3_stmt *st, const char *path);

/* Keep the first failure of the report (rc with its message msg) in
** r->bad: the report fails with it. */
void report_bad(rctx *r, int rc, const char *msg);

/* 1 when the database at path has the table or view `name`; 0 when not,
** and 0 when that cannot be told (the schema cannot be read: kept in
** r->bad like report_prepare's failures). */
int report_has(rctx *r, sqlite3 *db, const char *path, const char *name);
/* The same for a column `col` of table (or view) `table`. */
int report_has_column(rctx *r, sqlite3 *db, const char *path,
                      const char *table, const char *col);

/* plot_side_label of the claim database into buf, returned; its failure
** kept in r->bad (buf then holds the side). */
const char *report_side_label(rctx *r, const char *side, char *buf,
                              size_t len);

/* sql prepared over the database at path (pdb_prepare), or NULL where it
** fails (a table that is there with a column missing, altered by hand):
** kept in r->bad like report_finish's failures, so the report fails
** rather than stand without the table. */
sqlite3_stmt *report_prepare(rctx *r, sqlite3 *db, const char *path,
                             const char *sql);

/* The newest validation run of the claim database, looked up once for
** the sections that speak of it (the verdict's trust and unknowns
** sentences, the validation section): 1 with *v, 0 where the database
** holds none, -1 where it cannot be read (kept in r->bad). */
int report_val_run(rctx *r, const pdb_validation **v);

/* Whose rows the report's validation run is over (validation_runs.rows_of
** and measurements_file, valrows.c): REPORT_ROWS_SHIPPED (the shipped
** measurements), REPORT_ROWS_FILE (validate --measurements FILE: *file its
** name as given, its controls and bytes of no UTF-8 character as '?', cut
** with "..." past 1,023 bytes), REPORT_ROWS_UNRECORDED (a run written
** before the columns, or with them NULL: not recorded, never guessed); 0
** where the database holds no validation run, -1 where the columns hold
** what validate never writes (kept in r->bad, exit 2).  Read once. */
enum { REPORT_ROWS_SHIPPED = 1, REPORT_ROWS_FILE, REPORT_ROWS_UNRECORDED };
int report_val_rows(rctx *r, const char **file);
/* Those rows as the object of a sentence, into buf (returned): "the
** published measurements", "the rows of the file validate was given
** (FILE), not the published measurements rooflab ships", or "this
** validation run's measurements (rows not recorded: ...)" (valrows.c). */
const char *report_rows_words(rctx *r, char *buf, size_t len);

/* Cell col of a row of claim run r->c.id's `table` for side `side`,
** checked as claim writes it: a number (NULL too, unless whole), a whole
** one (SQLite's INTEGER) when whole, within [lo, hi].  0 when it is; 1
** when not, with "DB: cannot read: TABLE.NAME of claim run N, side S,
** holds WHAT" kept in r->bad (exit 2), so the report fails rather than
** print a number claim never writes (sensitivity.c, verdict.c). */
int report_bad_cell(rctx *r, sqlite3_stmt *st, int col, const char *name,
                    const char *table, const char *side, int whole,
                    double lo, double hi);
/* report_bad_cell of a cell claim never leaves NULL (a NaN): a number,
** not NULL, within [lo, hi] ("holds NULL, where rooflab claim writes a
** number"), and finite ("holds inf, where rooflab claim writes a finite
** number"): the ends of a tornado row's range (sensitivity.c). */
int report_bad_needed(rctx *r, sqlite3_stmt *st, int col, const char *name,
                      const char *table, const char *side, double lo,
                      double hi);
/* "DB: cannot read: TABLE.NAME of claim run N, side S, holds WHY, where
** rooflab claim writes WRITES (a database changed by hand?)" kept in
** r->bad (exit 2): the message of report_bad_cell and of a check it does
** not make (a whole number stored as a REAL: sensitivity.c). */
void report_cell_refused(rctx *r, const char *table, const char *name,
                         const char *side, const char *why,
                         const char *writes);
/* Add msg to the warnings (report_note: to the notes), whole: a copy on
** the heap; where memory runs out, kept in r->bad (the report fails
** rather than stand with a message dropped). */
void report_warn(rctx *r, const char *msg);
void report_note(rctx *r, const char *msg);
/* A figure to the unit ("%.0f": 494587, 33625 USD), 1e15 and past as
** rl_fig_text writes it (1e+300), so that it fits a 32-byte buffer, where
** "%.0f" of a value changed by hand to 1e300 was cut at the cell's end
** into another number (verdict.c's lengths and throughputs, sections.c's
** prices); a value that rounds to zero is "0", never "-0". */
const char *report_whole_text(char *buf, size_t len, double v);

/* A side's ("a", "b", "b_by_design") value of an output from claim_sides;
** NAN if absent (verdict.c). */
double report_side_value(rctx *r, const char *side, const char *name);

/* A side's text of name `name` from claim_sides (setup.chip ...) into
** buf; "" if absent. */
void report_side_text(rctx *r, const char *side, const char *name,
                      char *buf, size_t len);

/* Why the claim run's side ("b", "b_by_design") has no Monte Carlo (its
** setup.mc_skipped in claim_sides, as claim's text says it), into buf; ""
** where the run stored none (a run from before the row, or one with a
** Monte Carlo) (verdict.c). */
void report_mc_skipped(rctx *r, const char *side, char *buf, size_t len);
/* 1 when the claim run drew no Monte Carlo at all: it stored why
** (setup.mc_skipped: "no Monte Carlo: --samples 0") for side b and for
** side b by design where it has one; the assumptions and sensitivity
** sections then speak of no sample (sensitivity.c). */
int report_mc_none(rctx *r);

/* Whether the claim run's side b is claim's default, Sohu as claimed (the
** Etched claim): 1, 0 (two sides of the user's), or -1 where the run does
** not record it (claim_runs.b_default NULL, or a database from before the
** column) (verdict.c).  Anything but 0, 1 or NULL there (text, which
** SQLite's conversion read as 0: a database changed by hand) fails the
** report (r->bad, exit 2, naming the database, table and column) and
** reads as -1. */
int report_b_default(rctx *r);

/* The claim run's workload in words, "llama3-70b in fp8, 2048 tokens in
** and 128 out per request", from its JSON (side a's setup); "" where the
** run holds none (verdict.c). */
void report_workload(rctx *r, char *buf, size_t len);

/* A value as given (a measured value, an assumption's range) in all its
** digits (model/numtext.h rl_number_write: 12000, 0.1234567, where
** "%.4g" wrote 1.2e+04 and 0.1235), "-" for NAN. */
const char *report_value(char *buf, size_t len, double v);
/* A figure the model works out by eval's rule (model/figtext.h
** rl_fig_text: 5648.5, 0.0210, where "%.5g" wrote 5648.5 and 0.021),
** "-" for NAN. */
const char *report_fig(char *buf, size_t len, double v);

/* A fraction x as a percentage, "12.3%" (sign: "+12.3%"), or past a
** million percent whole, as eval's rule writes a figure from 1e5
** ("123456789%", where "%.3g" wrote 1.23e+08%), from 1e15 to three digits
** ("1e+32%"): any finite x fits a cell of 32 bytes, where its "%.1f"
** digits, cut to the cell, read another number without its '%'
** (figure.c; repeat.c, valgroups.c). */
const char *report_pct(char *buf, size_t len, double x, int sign);

/* The sections (verdict.c, sections.c, sensitivity.c, more.c). */
void report_verdict(rctx *r);
void report_factors(rctx *r);
void report_assumptions(rctx *r);
void report_claims(rctx *r);
void report_sensitivity(rctx *r);
void report_serving(rctx *r);
void report_design_space(rctx *r);
void report_validation(rctx *r);
void report_provenance(rctx *r);
/* How far to trust the model, as one clause (no capital, no full stop;
** "" where it cannot be read, kept in r->bad): its error against the
** published measurements (the newest validation run's summary) beside
** how far those measurements move between adjacent versions' tables
** (validation_repeat), or why either is not known, then the trust line
** the claim run stored (claim_runs.trust), else the validation run's
** (validation_runs.trust), or that neither is recorded (repeat.c).  Worked out
** on the first call, which reads the run's rows, and kept in r->trust
** for the validation section. */
const char *report_trust_words(rctx *r);
/* The same clause, shorter, for the verdict's first screen: the model's
** error against the published measurements and the stored trust line (or
** that none is recorded), without how far the published tables move
** between versions, and without the out-of-sample rows' figures where
** the stored line gives them; "" as report_trust_words. */
const char *report_trust_short(rctx *r);
/* The length of report_trust_short's part before the stored trust line
** (or before why none is recorded), "; " where that follows: the verdict
** says the two apart, one bullet each (a 669-character bullet as one);
** its whole length where nothing follows. */
size_t report_trust_short_head(rctx *r);
/* report_trust_words's clause split where its "; " joins them, for the
** validation section's "In short" and the list under it: the pooled rows'
** error (always), the out-of-sample rows', how far the published tables
** move (or why that is not known), the stored trust line; each as start
** and length into the sentence, empty ones skipped; how many (0 where the
** sentence is ""). */
int report_trust_clauses(rctx *r, const char *cl[4], int len[4]);
/* How far the verdict moves with the width of the assumption ranges
** (the claim run's JSON verdict.range_robustness): the investor's
** sentence into inv and the runs in full (each width's P and median, the
** range that moves P most) into full, no capital, no full stop; 1, or 0
** with both "" where the run has none or its figures are no
** probabilities (verdict.c). */
int report_robust_words(rctx *r, char *inv, size_t invlen, char *full,
                        size_t fulllen);
/* What the model does not know, as one clause into buf ("" where
** nothing is said): side b's chip without a measurement in the newest
** validation run, and no held-out serving row (repeat.c). */
void report_unknowns_words(rctx *r, char *buf, size_t len);
/* The adjacent pairs of versions of validation run `run` as a table under
** a paragraph; nothing for a run written before validation_repeat
** (repeat.c). */
void report_validation_repeat(rctx *r, long run);
/* The validation's error per group, in-sample, held out and out of
** sample (a borrowed profile) apart (valgroups.c). */
void report_validation_groups(rctx *r, long run);

#endif
