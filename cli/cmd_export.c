/*
** cmd_export.c: `rooflab export --db FILE [--run ID] --format
** csv|json|jsonl [--units]`: a sweep run as CSV, JSON or JSON Lines on
** stdout (sweeps/export.c does the work).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "../plots/pdb.h"
#include "../plots/runfit.h"
#include "../sweeps/export.h"
#include "../sweeps/store.h"
#include "commands.h"
#include "options.h"
#include "parseopt.h"

typedef struct {
	const char *db;
	long long run;
	int format;
	int units;
} export_args;

static const char *const formats[] = {"csv", "json", "jsonl", NULL};

static const opt_def table[] = {
    OPT_STR("--db", export_args, db, "FILE", "the sweep database"),
    OPT_INT("--run", export_args, run, "ID", 1, 9007199254740992.0,
            "a run id", "the run (default: the newest)"),
    OPT_ENUMS("--format", export_args, format, formats, "the output"),
    OPT_BOOL("--units", export_args, units,
             "CSV: each column's unit in the header, \"power_watts (W)\""),
    OPT_LAST};

static void help(FILE *f)
{
	fputs("usage: rooflab export --db FILE [--run ID] --format "
	      "csv|json|jsonl [--units]\n\n"
	      "Writes one sweep run of FILE (the newest unless --run ID) to "
	      "stdout, one record\nper stored design point in index order; "
	      "a run not finished, or marked complete\nbut lacking points, or "
	      "one shard of a sweep not merged (one in N of its\npoints), is "
	      "said on stderr.  CSV: a header line run_id,idx,status,\n"
	      "then the columns, NULL as an empty field, an infinite real as "
	      "inf or -inf (a\nstring in the JSON); status is 0 for a point "
	      "served, 1 the model's own failure\n(a bug), 2 not evaluable, 3 "
	      "not fitting in memory, 4 over its TDP at every\nclock (outputs "
	      "NULL but status 4's power figures; sweeps/README.md).  The\n"
	      "header is the column names alone, stable for scripts to key "
	      "on; --units\nwrites each column's unit after its name instead "
	      "(\"power_watts (W)\",\n\"latency_ttft_s (s)\"; none after "
	      "run_id, idx, status or a column without one).\nJSON: {\"run\": "
	      "{...}, \"columns\": [...],\n\"points\": [...]}, each column "
	      "with its unit (parameters in the unit their name\nshows, "
	      "outputs in SI) and what it is; the database's run_columns_doc "
	      "gives\nboth too.  JSONL (JSON Lines, for a reader that streams "
	      "the points): the\nJSON's {\"run\": {...}, \"columns\": [...]} "
	      "as its first line, then each point's\nobject on a line of its "
	      "own, with the JSON's values.  Rows chosen by value:\n"
	      "  sqlite3 -csv -header FILE \"SELECT * FROM results WHERE "
	      "run_id = 1 AND ...\"\nA profile the sweep served on a chip it "
	      "was not fitted on is said on stderr\n(runs.profile_fit, "
	      "baseline_profile_fit: sweep's note, also in the JSON's run),\n"
	      "and one of software its chip's preset does not name "
	      "(runs.software_note,\nbaseline_software_note); a run that "
	      "does not record either (an earlier\nrooflab's) is said "
	      "to, with today's look-up for its [base].\n"
	      "Exit status: 0 ok, 2 "
	      "bad input (no such database or run, or one altered by\nhand: a "
	      "number column holding text, or an idx or status that is no "
	      "whole\nnumber, a status none of those codes, an idx outside "
	      "the run's points or held\nby two, a point's text cell holding "
	      "a control character or a byte of no UTF-8,\nrefused before a "
	      "line is written, as merge refuses it; the run's own row's "
	      "text\ncells alike, but for its spec and spec_path, written "
	      "escaped), 1 internal or\noutput failure.\n", f);
	opt_help(f, table);
}

/* A run that is one shard of a sweep not merged (runs.shard_count over
** 1), said on stderr as plot's title says it: a CSV has no run row, and a
** script exporting part1.db took one in N of the sweep's points for all of
** them (ux34).  Said nothing where the file cannot be read again or the
** pair is not one rooflab writes (export has judged the rows already). */
static void shard_note(const char *dbpath, int64_t run)
{
	sqlite3 *db = NULL;
	long index, count;
	char err[1024], msg[4200];
	if (rl_store_open(dbpath, 1, RL_SWEEP_BUSY_MS, &db, err,
	                  sizeof err) == RL_OK &&
	    pdb_sweep_shard(db, dbpath, (long)run, &index, &count, err,
	                    sizeof err) == RL_OK && count > 1) {
		snprintf(msg, sizeof msg, "%s: run %lld is shard %ld/%ld of its "
		         "sweep alone: one in %ld of the design points (rooflab "
		         "merge OUT.db PART.db... joins the %ld shards)", dbpath,
		         (long long)run, index, count, count, count);
		cli_warn("export", msg);
	}
	if (db)
		sqlite3_close(db);
}

int cmd_export(int argc, char **argv)
{
	export_args a = {NULL, 0, -1, 0};
	char err[4096];
	int64_t run = 0;
	rl_export_state state;
	int rc;
	rc = opt_parse("export", table, &a, argc, argv, NULL, 0, NULL, help);
	if (rc != OPT_GO_ON)
		return rc;
	if (!a.db)
		return bad_input("export", "missing --db FILE: the sweep "
		                 "database to export (rooflab sweep SPEC --db "
		                 "FILE writes one; rooflab merge OUT.db PART.db... "
		                 "joins a sweep's shards into one)");
	if (a.format < 0)
		return bad_input("export", "missing --format csv|json|jsonl "
		                 "(csv: a header line and a row per point; json: "
		                 "the run, its columns and its points; jsonl: the "
		                 "same, the run and columns on a first line, then "
		                 "a line per point)");
	if (a.units && a.format)
		return bad_input("export", "--units is for --format csv (the "
		                 "JSON's columns carry each unit)");
	rc = rl_sweep_export(a.db, (int64_t)a.run,
	                     a.format == 2 ? RL_EXPORT_JSONL
	                     : a.format ? RL_EXPORT_JSON
	                     : a.units ? RL_EXPORT_CSV_UNITS : RL_EXPORT_CSV,
	                     stdout,
	                     &run, &state, err, sizeof err);
	if (rc) {
		cli_say("export", err);
		return rc;
	}
	if (state.missing) {
		snprintf(err, sizeof err, "%s: run %lld is marked complete "
		         "but lacks %llu of its points (the file was cut short or "
		         "altered); `%s` evaluates them again", a.db,
		         (long long)run, (unsigned long long)state.missing,
		         state.resume);
		cli_warn("export", err);
	}
	if (state.unfinished) {
		/* a CSV has no run row: without this a script takes the rows of
		** a stopped shard for the whole of it */
		snprintf(err, sizeof err, "%s: run %lld is not finished (%llu of "
		         "its %llu point%s done: a sweep still writing it, or one "
		         "stopped, which `%s` completes); these are the rows "
		         "stored so far", a.db, (long long)run,
		         (unsigned long long)state.done,
		         (unsigned long long)state.of, state.of == 1 ? "" : "s",
		         state.resume);
		cli_warn("export", err);
	}
	shard_note(a.db, run);
	/* the run's profile fitted on another chip's rows, as sweep said it
	** (runs.profile_fit), where the rows read as validated on the chip
	** they name; then one of software its chip's preset does not name
	** (runs.software_note), an assumption under every row: the [base]'s
	** and the [baseline]'s of each (the JSON's run gives them; a CSV has
	** no run row) */
	{
		const char *const note[4] = {state.fit[0], state.fit[1],
		                             state.software[0], state.software[1]};
		plot_run_notes_of(run, note, state.fit_unrec, state.chip,
		                  state.profile, cli_note, (void *)"export");
	}
	if (a.run == 0 && state.others) {
		/* a file holds many runs: the rows of the newest alone, said,
		** where a script took them for the file's */
		snprintf(err, sizeof err, "%s holds %llu other run%s, not "
		         "written: %s; this is run %lld, the newest (give --run ID "
		         "for another)", a.db, (unsigned long long)state.others,
		         state.others == 1 ? "" : "s", state.other_runs,
		         (long long)run);
		cli_say("export", err);
	}
	if (cli_out_check("export") != RL_OK)
		return RL_EINTERNAL;
	return RL_OK;
}
