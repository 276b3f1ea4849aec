/*
** cmd_validate.c: `rooflab validate`: model against measured for every row
** of the shipped measurements (data/measurements.csv and
** data/measurements/published-h100.csv) or of --measurements FILE, each
** row with the profile of its software version (claim/validation.c), with
** errors by row, by group and by cell (chip, version, model and precision
** together), split into the chip each profile was fitted on and the
** held-out chips, and each profile's leave-one-architecture-out error
** (model names whose presets are one network left out together), and
** how far the same cell moves between two versions' tables
** (claim/valrepeat.c: the repeatability of the measurements themselves).
** With --db the rows are stored (tables validation_runs and validation of
** claim/schema.h) for plots and the report.  A row naming a chip, model,
** software or version that nothing here has is listed not modelled, or
** with --strict refused (exit 2, each named by file, line and column).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../claim/validation.h"
#include "../claim/valrepeat.h"
#include "../claim/valstore.h"
#include "../claim/valtrust.h"
#include "../config/ini.h"
#include "../config/harness.h"
#include "../config/json.h"
#include "../config/presetcache.h"
#include "../config/presets.h"
#include "../config/profileloo.h"
#include "../config/setup.h"
#include "../model/utf8.h"
#include "../model/comm.h"
#include "../model/engine.h"
#include "../model/figtext.h"
#include "../model/numtext.h"
#include "commands.h"
#include "options.h"
#include "parseopt.h"

typedef struct {
	const char *mfile, *profile, *vfile, *dbpath;
	int json, strict;
} validate_args;

static const opt_def table[] = {
    OPT_STR("--measurements", validate_args, mfile, "FILE",
            "the rows to predict"),
    OPT_STR("--profile", validate_args, profile, "NAME",
            "this profile for every row"),
    OPT_STR("--versions", validate_args, vfile, "FILE",
            "software version to profile (default\n"
            "data/profiles/versions.csv)"),
    OPT_STR("--db", validate_args, dbpath, "FILE",
            "store the rows (stderr, after the report:\n"
            "\"stored in FILE as validation run N\")"),
    OPT_BOOL("--json", validate_args, json, "rows, groups and cells as JSON"),
    OPT_BOOL("--strict", validate_args, strict,
             "a chip, model, precision, software or version\n"
             "that nothing here names is bad input (exit 2),\n"
             "not a row not modelled"),
    OPT_LAST};

static void help(FILE *f)
{
	fputs("usage: rooflab validate [--measurements FILE] [--profile NAME]\n  "
	      "       [--versions FILE] [--db FILE] [--json] [--strict]\n\n"
	      "Predicts every "
	      "row of FILE (default: data/measurements.csv and\n"
	      "data/measurements/published-h100.csv; FILE: any CSV with the "
	      "columns\nof published-h100.csv, id, software, version, chip, "
	      "gpus, model,\nprecision, isl, osl, tp, pp, batch_or_concurrency, "
	      "request_rate,\nmetric, value (or those of data/measurements.csv), "
	      "found by name among\ncolumns of its own), each row's own metric, "
	      "with the profile its\nsoftware version names in "
	      "data/profiles/versions.csv (or --profile\nNAME for every row), "
	      "and prints model against measured, the rows not\nmodelled with "
	      "the reason, the median and 90th-percentile absolute\nerror by "
	      "chip, version, model and precision (the chip each profile was\n"
	      "fitted on apart from held-out chips, rows not modelled apart from"
	      "\nboth), and each profile's leave-one-architecture-out error as its\n"
	      "fit recorded it (model names whose presets are one network left "
	      "out\ntogether).  --json writes {\"rows\": [...], \"groups\": [...], "
	      "\"cells\":\n[...], \"repeatability\": [...]}: a row per row of the "
	      "file, in its\norder (id, chip, chip_given, "
	      "metric, measured, predicted, error =\n"
	      "predicted/measured - 1, profile, status \"ok\" or\n"
	      "\"not_modelled\", set, reason, reason_kind); groups by one\n"
	      "key (chip, version, model, precision or metric), cells by chip,\n"
	      "version, model and precision together, each within one \"set\":\n"
	      "in_sample (fitted_chip for a --measurements file's rows, which\n"
	      "no fit need have read), held_out, out_of_sample (the fitted\n"
	      "chip's rows of a version whose profile was fitted on another\n"
	      "version's rows: versions.csv's fitted_version) or not_modelled\n"
	      "(docs/validation.md gives every key), and \"repeatability\": the\n"
	      "pairs of versions whose\n"
	      "tables share cells (chip, gpus, model, precision, isl, osl, tp,\n"
	      "pp, ep, request rate, metric), each with the median and 90th\n"
	      "percentile of the cells' |change| = larger/smaller - 1 and the\n"
	      "harness data/measurements/harness.csv gives both (the text's\n"
	      "section of that name: an upper bound on the measurements' noise).\n"
	      "A row of the version table may serve some models\n"
	      "only (its models column).  A chip column may spell the GPU as\n"
	      "the tables do (\"H200 141GB HBM3e\", \"A100-PCIE-80GB\"); a row\n"
	      "of an unknown chip, model, precision or version is listed not\n"
	      "modelled with the reason (for a version, the versions the table\n"
	      "has), so that one misspelt row of a held-out table does not cost\n"
	      "the others their result.  --strict refuses such rows instead:\n"
	      "each is named,\n"
	      "\"FILE:LINE: column 'chip' (N): no preset 'x' (presets: ...)\"\n"
	      "and a line for each other unknown name it has (the first 20\n"
	      "rows, then a count), no report is printed and the exit\n"
	      "is 2; rows not modelled for another reason (the version table's\n"
	      "note, the row's metric or lengths, a shape, or a precision the\n"
	      "chip cannot run, as FP8 on an A100) fail it only for an unknown\n"
	      "chip, model or precision spelling they name too.\n\n"
	      "--db FILE stores the rows and the summary (tables "
	      "validation_runs and\nvalidation) and, after the report, says "
	      "on stderr where they went:\n\"rooflab validate: stored in FILE "
	      "as validation run N\", N the run's id in\nvalidation_runs.\n\n"
	      "Exit 0 when every row was read, "
	      "modelled or not; 2 for bad input: a\nfile that cannot be read or "
	      "is refused (a missing or doubled column, a\nvalue that is not a "
	      "positive number, every such row in one message,\na header and no "
	      "rows, two rows with one id: naming file, line and\ncolumn), an "
	      "unknown option or --profile, a bad version table, a\n--db that "
	      "is not rooflab's or cannot be written (read-only, locked),\n"
	      "with --strict a row of an unknown name; 1 for an internal "
	      "failure\n(out of memory, a full disk, an I/O error).\n", f);
	opt_help(f, table);
}

/* A name shown (rl_utf8_cell: each control character, an escape, a bell
** and the C1 controls U+0080..U+009F such as CSI, which a terminal may obey
** as ESC [, and each byte that is not well-formed UTF-8, a raw 0x9b being
** CSI to an 8-bit terminal, printed as '?': a measurement file is input,
** and its names reach the table), and the spaces that pad it to its
** column: the names are at most 2 x MEAS_FIELD + 2 bytes. */
#define SHOWN_MAX (2 * MEAS_FIELD + 2 + 64)

/* s as a cell of width w (rl_utf8_cell: its controls as '?'): padded to
** w characters, or where longer its first w - 3 and "...", so that no
** column spills into the next and a cut name says it is cut (ux30:
** "gemm 8192x8192x8192" read "gemm 8192x8192", a GEMM of another shape,
** and a user's long label pushed the row's other columns right) */
static const char *cell(const char *s, int w, char *buf, size_t len)
{
	size_t u;
	if (w < 4 || (int)rl_utf8_chars(s) <= w)
		return rl_utf8_cell(s, w, w >= 4, buf, len);
	rl_utf8_cell(s, w - 3, 1, buf, len - 3);
	u = strlen(buf);
	memcpy(buf + u, "...", 4);
	return buf;
}

/* A row's id as the tables name it: "(no id)" for an empty one (a file
** may hold one row of no id: ids are checked for repeats alone), where
** the not-modelled listing read ", x: ..." and the rows table a blank */
static const char *id_text(const char *id)
{
	return id[0] ? id : "(no id)";
}

/* A column's width w widened to s's characters, up to hi (past it the
** cell is cut with "...") */
static int widen(int w, const char *s, int hi)
{
	int c = (int)rl_utf8_chars(s);
	if (c > w)
		w = c < hi ? c : hi;
	return w;
}

/* A figure column's width w widened to 100 x f written by fmt ("%.1f%%",
** "%+.1f%%"): an error of +5300900.1% is 11 characters */
static int widen_pct(int w, double f, const char *fmt)
{
	char b[64];
	snprintf(b, sizeof b, fmt, 100 * f);
	return widen(w, b, 63);
}

/* " and fixed ...": the fixed time of one all-reduce (no bytes) at tp 2,
** 4 and 8 with the profile on the chip it was fitted on (model/comm.c:
** the profile's software latency, the algorithm's steps of the chip's link
** latency, and the half-bandwidth size's S_half / B, a fixed time too), and
** that S_half / B alone, so that what a fit put into a fixed time per
** all-reduce is in the open (docs/validation.md, Calibration and
** validation); "" where either preset does not load.  RL_EINTERNAL with
** err where a preset's text could not be held in memory (out "" then),
** else RL_OK. */
static int allreduce_fixed(const char *profile, const char *chip, char *out,
                           size_t len, char *err, size_t errlen)
{
	rl_setup st;
	rl_link_cost lc;
	double total[3], half[3], n;
	int k, rc;
	out[0] = '\0';
	setup_init(&st);
	if ((rc = setup_load(&st, "chip", chip, err, errlen)) ||
	    (rc = setup_load(&st, "profile", profile, err, errlen)))
		return rc == RL_EINTERNAL ? RL_EINTERNAL : RL_OK;
	for (k = 0, n = 2; k < 3; k++, n *= 2) {
		rl_allreduce_cost(&st.cfg, n, &lc);
		total[k] = lc.fixed_s;
	}
	st.cfg.prof.allreduce_half_bytes = 0;
	for (k = 0, n = 2; k < 3; k++, n *= 2) {
		rl_allreduce_cost(&st.cfg, n, &lc);
		half[k] = total[k] - lc.fixed_s;
	}
	/* in words, each figure with its unit: "S_half/B, the half-bandwidth
	** size's time" was read by no one who had not read model/comm.c; the
	** header above the lines says what the ramp-up is */
	snprintf(out, len, "; fixed %.0f/%.0f/%.0f us an all-reduce (of it "
	         "%.0f/%.0f/%.0f us the bandwidth's ramp-up, "
	         "profile.allreduce_half_mb)",
	         1e6 * total[0], 1e6 * total[1], 1e6 * total[2], 1e6 * half[0],
	         1e6 * half[1], 1e6 * half[2]);
	return RL_OK;
}

/* What the held-out summary line is over, from its rows' metrics: serving
** rows and microbenchmarks (a GEMM's TFLOPS, a copy's TB/s: meas_micro)
** counted apart, lest a median over an H200 GEMM and copy be read as the
** serving model's accuracy on chips it never saw.  Empty for no rows. */
static void held_out_kinds(const val_row *v, size_t n, char *buf, size_t len)
{
	size_t i, serving = 0, micro = 0;
	for (i = 0; i < n; i++) {
		if (v[i].status != VAL_OK || val_set_of(&v[i]) != VAL_SET_HELD_OUT)
			continue;
		if (meas_micro(v[i].row))
			micro++;
		else
			serving++;
	}
	if (micro && !serving)
		snprintf(buf, len, " (microbenchmarks only, no serving row)");
	else if (micro)
		snprintf(buf, len, " (%zu serving, %zu microbenchmark)", serving,
		         micro);
	else
		snprintf(buf, len, "%s", serving ? " (serving rows only)" : "");
}

/* Each profile's line once: its recorded error, or why it cannot be
** read (a profile that is not there, or does not parse), never left out;
** past the 32 the listing holds, one line says that more are not listed.
** A profile or chip whose text could not be held in memory is said so on
** its line, the rest listed, and RL_EINTERNAL returned with the first
** such message in oom (an internal failure: exit 1), else RL_OK. */
static int print_loo(const val_row *v, size_t n, int file, char *oom,
                     size_t olen)
{
	char seen[32][RL_NAME_MAX], b0[SHOWN_MAX], b1[4 * 1600 + 1],
	    b2[4 * 600 + 1];
	size_t ns = 0, i, j;
	int full = 0, rc = RL_OK, r, pw = 16;
	/* the profile column as wide as its longest name, to 40 (a --profile
	** given as a path is long: it pushed the figures right) */
	for (i = 0; i < n; i++)
		pw = widen(pw, v[i].profile, 40);
	printf("\nleave-one-architecture-out error of each profile's fit (its fit "
	       "script's; names of one\nnetwork left out together) and the time "
	       "one all-reduce at tp 2/4/8 costs whatever its\nsize, on the chip "
	       "the profile was fitted on: the software's latency, the link's "
	       "per step,\nand the ramp-up (a message of profile.allreduce_half_mb "
	       "reaches half the bandwidth:\neach costs as if that many more "
	       "bytes moved at full bandwidth; model/comm.c,\n"
	       "docs/validation.md \"Open problems\")%s:\n",
	       file ? ",\nover the rows each fit was fitted on, not this file's "
	              "rows" : "");
	for (i = 0; i < n; i++) {
		char path[1024], err[1024], fixed[192];
		profile_loo m;
		if (!v[i].profile[0])
			continue;
		for (j = 0; j < ns; j++)
			if (!strcmp(seen[j], v[i].profile))
				break;
		if (j < ns)
			continue;
		if (ns == 32) {
			if (!full)
				printf("  (more than 32 profiles: the rest not listed)\n");
			full = 1;
			continue;
		}
		snprintf(seen[ns++], RL_NAME_MAX, "%s", v[i].profile);
		m.loo[0] = m.taken[0] = '\0';
		r = RL_OK;
		if (preset_path("profile", v[i].profile, path, sizeof path, err,
		                sizeof err) ||
		    (r = profile_loo_read(path, &m, err, sizeof err))) {
			printf("  %s not read: %s\n",
			       cell(v[i].profile, pw, b0, sizeof b0),
			       rl_utf8_cell(err, 0, 0, b1, sizeof b1));
			if (r == RL_EINTERNAL && rc == RL_OK) {
				snprintf(oom, olen, "%s", err);
				rc = RL_EINTERNAL;
			}
			continue;
		}
		for (j = i; j < n; j++)
			if (v[j].in_fit && !strcmp(v[j].profile, v[i].profile))
				break;
		fixed[0] = '\0';
		if (j < n && allreduce_fixed(v[i].profile, v[j].row->chip, fixed,
		                             sizeof fixed, err, sizeof err) !=
		                 RL_OK) {
			snprintf(fixed, sizeof fixed, "; all-reduce not read: out of "
			         "memory");
			if (rc == RL_OK) {
				snprintf(oom, olen, "%s", err);
				rc = RL_EINTERNAL;
			}
		}
		printf("  %s %s%s\n", cell(v[i].profile, pw, b0, sizeof b0),
		       m.loo[0] ? rl_utf8_cell(m.loo, 0, 0, b1, sizeof b1)
		                : "not recorded by its fit", fixed);
		if (m.taken[0])
			printf("%*s(not fitted, so not tested by that error: %s)\n",
			       pw + 2, "", rl_utf8_cell(m.taken, 0, 0, b2, sizeof b2));
	}
	return rc;
}

static void print_groups(const val_group *g, size_t ng, int file)
{
	static const int order[VAL_SET_COUNT] = {
	    VAL_SET_FITTED, VAL_SET_OUT_OF_SAMPLE, VAL_SET_HELD_OUT,
	    VAL_SET_NOT_MODELLED};
	static const char *const title[VAL_SET_COUNT] = {
	    ("modelled rows of chips other than the one each profile was "
	     "fitted on (held out):"),
	    "modelled rows of the chip each profile was fitted on (in sample):",
	    "rows not modelled (no error: see the reasons above):",
	    ("modelled rows of the fitted chip of versions whose profile was "
	     "fitted on another\nversion's rows (out of sample: a borrowed "
	     "profile; versions.csv, fitted_version):")};
	int by, k, wk = 24, wr = 5, wm = 9, w9 = 8, wb = 8;
	size_t i;
	char b0[SHOWN_MAX];
	/* the group and rows columns as wide as their longest text in every
	** section (the sections line up), a group to 64 characters (cell) */
	for (i = 0; i < ng; i++) {
		char num[32];
		snprintf(num, sizeof num, "%zu", g[i].rows);
		wk = widen(wk, g[i].key[0] ? g[i].key : "-", 64);
		wr = widen(wr, num, 99);
		if (g[i].set == VAL_SET_NOT_MODELLED)
			continue;
		wm = widen_pct(wm, g[i].median_abs, "%.1f%%");
		w9 = widen_pct(w9, g[i].p90_abs, "%.1f%%");
		wb = widen_pct(wb, g[i].median, "%+.1f%%");
	}
	for (k = 0; k < VAL_SET_COUNT; k++) {
		int set = order[k], any = 0;
		for (i = 0; i < ng; i++)
			any |= g[i].set == set;
		if (!any && set == VAL_SET_OUT_OF_SAMPLE)
			continue; /* a table without borrowed profiles: as before */
		/* a user's file: its rows of the fitted chip need not be rows
		** the fit read, whatever "in sample" says (ux30) */
		printf("\n%s\n", file && set == VAL_SET_FITTED
		                      ? "modelled rows of the chip each profile was "
		                        "fitted on (in sample: that chip's\nrows of "
		                        "this file, not necessarily rows the fit read):"
		                      : title[set]);
		if (!any) {
			printf("  none\n");
			continue;
		}
		if (set == VAL_SET_NOT_MODELLED)
			printf("  %-9s %-*s %*s\n", "by", wk, "group", wr, "rows");
		else
			printf("  %-9s %-*s %*s %*s %*s %*s\n", "by", wk, "group", wr,
			       "rows", wm, "median|e|", w9, "p90|e|", wb, "bias");
		for (by = 0; by < VAL_BY_COUNT; by++)
			for (i = 0; i < ng; i++) {
				if (g[i].by != by || g[i].set != set)
					continue;
				/* a row of no precision (a copy's) in the group "-",
				** as the tables write it, where it read blank */
				printf("  %-9s %s %*zu", val_by_name(by),
				       cell(g[i].key[0] ? g[i].key : "-", wk, b0, sizeof b0),
				       wr, g[i].rows);
				if (set == VAL_SET_NOT_MODELLED)
					printf("\n");
				else
					printf(" %*.1f%% %*.1f%% %+*.1f%%\n", wm - 1,
					       100 * g[i].median_abs, w9 - 1, 100 * g[i].p90_abs,
					       wb - 1, 100 * g[i].median);
			}
	}
}

/* The trust line --db stores with the run (validation_runs.trust), of
** rows v[n], named by the rows it is about: "over this file's rows
** (FILE): " for a --measurements file (its controls as '?', cut at a
** whole character past 1,023 bytes), else "over the shipped rows: ".
** The line alone said nothing of them, and report printed a file's as
** if it were the shipped rows' trust (val31 named validate's text so).
** RL_OK, or val_trust_words' RL_EINTERNAL with err. */
static int stored_trust(const val_row *v, size_t n, const char *mfile,
                        char *buf, size_t len, char *err, size_t errlen)
{
	char f[1024], words[2048];
	int rc = val_trust_words(v, n, NULL, words, sizeof words, err, errlen);
	if (rc != RL_OK)
		return rc;
	if (mfile)
		snprintf(buf, len, "over this file's rows (%s): %s",
		         rl_utf8_cell(mfile, 0, 0, f, sizeof f), words);
	else
		snprintf(buf, len, "over the shipped rows: %s", words);
	return RL_OK;
}

/* The JSON name of set `set` over rows_of's rows: "fitted_chip" for a
** --measurements file's rows of the chip their profile was fitted on,
** where "in_sample" said they were rows the fit read (none of a user's
** file need be; the groups' fitted_chip is true for them either way);
** the shipped rows' names as before (val_set_name). */
static const char *json_set(int set, const char *rows_of)
{
	if (set == VAL_SET_FITTED && !strcmp(rows_of, "file"))
		return "fitted_chip";
	return val_set_name(set);
}

/* rows_of: which rows the groups', cells' and pairs' figures are over,
** "shipped" (the shipped measurements, which the profiles were fitted and
** checked on) or "file" (a --measurements file's own): added beside
** "set", whose in_sample reads as the fit's rows where a user's file's
** rows of the fitted chip are not (ux30) */
static void write_json(const val_row *v, size_t n, const val_group *g,
                       size_t ng, const val_cell *c, size_t nc,
                       const val_repeat *rp, size_t nr, const char *rows_of)
{
	json_w w;
	size_t i;
	json_begin(&w, stdout);
	json_arr(&w, "rows");
	for (i = 0; i < n; i++) {
		json_obj(&w, NULL);
		json_str(&w, "id", v[i].row->id);
		json_str(&w, "chip", v[i].row->chip);
		json_str(&w, "chip_given", v[i].row->chip_given);
		json_str(&w, "metric", v[i].row->metric);
		json_num(&w, "measured", v[i].measured);
		json_num(&w, "predicted", v[i].predicted);
		json_num(&w, "error", v[i].error);
		if (v[i].profile[0])
			json_str(&w, "profile", v[i].profile);
		else
			json_null(&w, "profile");
		json_str(&w, "status",
		         v[i].status == VAL_OK ? "ok" : "not_modelled");
		json_str(&w, "set", json_set(val_set_of(&v[i]), rows_of));
		if (v[i].status == VAL_OK) {
			json_null(&w, "reason");
			json_null(&w, "reason_kind");
		} else {
			json_str(&w, "reason", v[i].reason);
			json_str(&w, "reason_kind", val_why_name(v[i].why));
		}
		json_end(&w);
	}
	json_end(&w);
	json_arr(&w, "groups");
	for (i = 0; i < ng; i++) {
		json_obj(&w, NULL);
		json_str(&w, "by", val_by_name(g[i].by));
		json_str(&w, "key", g[i].key);
		json_str(&w, "set", json_set(g[i].set, rows_of));
		json_str(&w, "rows_of", rows_of);
		json_bool(&w, "fitted_chip", g[i].set == VAL_SET_FITTED);
		json_num(&w, "rows", (double)g[i].rows);
		json_num(&w, "modelled", (double)g[i].modelled);
		json_num(&w, "median_abs_error", g[i].median_abs);
		json_num(&w, "p90_abs_error", g[i].p90_abs);
		json_num(&w, "median_error", g[i].median);
		json_end(&w);
	}
	json_end(&w);
	json_arr(&w, "cells");
	for (i = 0; i < nc; i++) {
		char ver[2 * MEAS_FIELD + 2];
		const meas_row *m = c[i].first->row;
		val_key_of(c[i].first, VAL_BY_VERSION, ver, sizeof ver);
		json_obj(&w, NULL);
		json_str(&w, "chip", m->chip);
		json_str(&w, "version", ver);
		json_str(&w, "model", m->model);
		json_str(&w, "precision", m->precision);
		json_str(&w, "set", json_set(c[i].set, rows_of));
		json_str(&w, "rows_of", rows_of);
		json_num(&w, "rows", (double)c[i].rows);
		json_num(&w, "modelled", (double)c[i].modelled);
		json_num(&w, "median_abs_error", c[i].median_abs);
		json_num(&w, "p90_abs_error", c[i].p90_abs);
		json_num(&w, "median_error", c[i].median);
		json_end(&w);
	}
	json_end(&w);
	json_arr(&w, "repeatability");
	for (i = 0; i < nr; i++) {
		char va[2 * MEAS_FIELD + 2], vb[2 * MEAS_FIELD + 2];
		val_key_of(rp[i].a, VAL_BY_VERSION, va, sizeof va);
		val_key_of(rp[i].b, VAL_BY_VERSION, vb, sizeof vb);
		json_obj(&w, NULL);
		json_str(&w, "version_a", va);
		json_str(&w, "version_b", vb);
		json_num(&w, "cells", (double)rp[i].cells);
		json_num(&w, "median_abs_change", rp[i].median_abs);
		json_num(&w, "p90_abs_change", rp[i].p90_abs);
		json_num(&w, "median_change", rp[i].median);
		json_str(&w, "harness", val_harness_name(rp[i].harness));
		json_bool(&w, "adjacent", rp[i].adjacent);
		json_str(&w, "rows_of", rows_of);
		json_end(&w);
	}
	json_end(&w);
	json_finish(&w);
}

/* A pair's two versions as one cell's text: "a -> b", b without its
** software when a's is the same. */
static void pair_label(const val_repeat *r, char *buf, size_t len)
{
	char va[2 * MEAS_FIELD + 2], vb[2 * MEAS_FIELD + 2];
	const meas_row *a = r->a->row, *b = r->b->row;
	val_key_of(r->a, VAL_BY_VERSION, va, sizeof va);
	if (!strcmp(a->software, b->software) && b->version[0])
		snprintf(vb, sizeof vb, "%s", b->version);
	else
		val_key_of(r->b, VAL_BY_VERSION, vb, sizeof vb);
	snprintf(buf, len, "%s -> %s", va, vb);
}

/* The repeatability of the measurements (claim/valrepeat.h): each pair
** of versions whose tables share cells, the cells' |change| beside the
** model's |error|; the pair's column as wide as its longest text, 24 to
** 96 characters (a longer one cut with "...": one shown whole past its
** column at 44 pushed its figures out of theirs), and the count's and
** figures' as wide as theirs (a change of 99999900.0% spilled past the
** 9 of median|c|, as the groups' figures did before they were widened).
** file: the pairs are a --measurements file's rows, whose values are the
** file's ("as in the file"), not the published ones. */
static void print_repeat(const val_repeat *r, size_t nr, int file)
{
	char label[4 * MEAS_FIELD + 16], b0[4 * (4 * MEAS_FIELD + 16) + 1];
	size_t i;
	int w = 24, wn = 5, wm = 9, w9 = 8, wb = 8;
	printf("\nrepeatability of the measurements: the same cell (chip, gpus, "
	       "model, precision, isl,\nosl, tp, pp, ep, request rate, metric) in "
	       "two versions' tables, |change| =\nlarger/smaller - 1 (|log(b/a)| "
	       "on the scale of |error| above), values as %s;\na software "
	       "change between the versions moves a cell too: an upper bound on "
	       "the\nmeasurements' noise, not noise alone (harness: "
	       "data/measurements/harness.csv;\nadjacent: no version of the "
	       "series between them; median: of b/a - 1):\n",
	       file ? "in the file" : "published");
	if (!nr) {
		printf("  none (no two versions share a cell)\n");
		return;
	}
	for (i = 0; i < nr; i++) {
		char num[32];
		pair_label(&r[i], label, sizeof label);
		w = widen(w, label, 96);
		snprintf(num, sizeof num, "%zu", r[i].cells);
		wn = widen(wn, num, 99);
		wm = widen_pct(wm, r[i].median_abs, "%.1f%%");
		w9 = widen_pct(w9, r[i].p90_abs, "%.1f%%");
		wb = widen_pct(wb, r[i].median, "%+.1f%%");
	}
	printf("  %-*s %*s %*s %*s %*s  %s\n", w, "versions a -> b", wn,
	       "cells", wm, "median|c|", w9, "p90|c|", wb, "median", "harness");
	for (i = 0; i < nr; i++) {
		pair_label(&r[i], label, sizeof label);
		printf("  %s %*zu %*.1f%% %*.1f%% %+*.1f%%  %s%s\n",
		       cell(label, w, b0, sizeof b0), wn, r[i].cells, wm - 1,
		       100 * r[i].median_abs, w9 - 1, 100 * r[i].p90_abs, wb - 1,
		       100 * r[i].median,
		       val_harness_name(r[i].harness),
		       r[i].adjacent ? ", adjacent" : "");
	}
}

/* The rows not modelled, one line per chip, version, model, precision
** and reason, with the count of rows. */
static void print_not_modelled(const val_row *v, size_t n)
{
	size_t i, j, total = 0;
	char *done = calloc(n ? n : 1, 1);
	/* each column as wide as its longest name, to a most (cell) */
	int wc = 9, wv = 24, wm = 24, wp = 5;
	const char *prev = NULL; /* the reason of the group printed last */
	printf("\nrows not modelled, by chip, version, model and precision (below "
	       "each: its rows'\nids, the first 3, and the reason; --json lists "
	       "every row):\n");
	for (i = 0; i < n; i++) {
		char ver[2 * MEAS_FIELD + 2];
		const meas_row *m = v[i].row;
		if (v[i].status == VAL_OK)
			continue;
		total++;
		val_key_of(&v[i], VAL_BY_VERSION, ver, sizeof ver);
		wc = widen(wc, m->chip, 24);
		wv = widen(wv, ver, 54);
		wm = widen(wm, m->model, 32);
		wp = widen(wp, m->precision[0] ? m->precision : "-", 8);
	}
	if (!total) {
		printf("  none\n");
		free(done);
		return;
	}
	for (i = 0; i < n; i++) {
		char ver[2 * MEAS_FIELD + 2], ver2[2 * MEAS_FIELD + 2];
		char b0[SHOWN_MAX], b1[SHOWN_MAX], b2[SHOWN_MAX], b3[SHOWN_MAX];
		char b4[SHOWN_MAX];
		const meas_row *m = v[i].row;
		size_t count = 0, used = 0;
		/* the first ids of the group's rows ("a, b, c and 2 more"):
		** two groups of one chip, version, model and precision (gpus 1
		** at tp 3, gpus 3 at tp 3) read alike but for their reason, and
		** a user looks for their rows by id */
		char ids[3 * (4 * 40 + 8) + 40]; /* 3 ids of 40 characters */
		ids[0] = '\0';
		if (v[i].status == VAL_OK || (done && done[i]))
			continue;
		val_key_of(&v[i], VAL_BY_VERSION, ver, sizeof ver);
		for (j = i; j < n; j++) {
			const meas_row *o = v[j].row;
			if (v[j].status == VAL_OK || (done && done[j]))
				continue;
			val_key_of(&v[j], VAL_BY_VERSION, ver2, sizeof ver2);
			if (strcmp(o->chip, m->chip) || strcmp(ver2, ver) ||
			    strcmp(o->model, m->model) ||
			    strcmp(o->precision, m->precision) ||
			    strcmp(v[j].reason, v[i].reason))
				continue;
			if (++count <= 3) {
				char b[4 * 40 + 8];
				const char *id = id_text(o->id);
				int c = (int)rl_utf8_chars(id);
				used += (size_t)snprintf(ids + used, sizeof ids - used,
				                         "%s%s", count > 1 ? ", " : "",
				                         cell(id, c < 40 ? c : 40, b,
				                              sizeof b));
			}
			if (done)
				done[j] = 1;
		}
		if (count > 3)
			snprintf(ids + used, sizeof ids - used, " and %zu more",
			         count - 3);
		/* a reason the group above gave too, said once (the shipped
		** rows' gpt-oss note read four times over) */
		printf("  %s %s %s %s %4zu row%s\n      %s: %s\n",
		       cell(m->chip, wc, b0, sizeof b0),
		       cell(ver, wv, b1, sizeof b1),
		       cell(m->model, wm, b2, sizeof b2),
		       cell(m->precision[0] ? m->precision : "-", wp, b3,
		            sizeof b3),
		       count, count == 1 ? "" : "s", ids,
		       prev && !strcmp(prev, v[i].reason)
		           ? "the same reason as the group above"
		           : rl_utf8_cell(v[i].reason, 0, 0, b4, sizeof b4));
		prev = v[i].reason;
		if (!done)
			break; /* out of memory: the first group only */
	}
	free(done);
}

/* The cells of one modelled set (held out, or out of sample: modelled
** rows per chip, version, model and precision together): rows, median and
** 90th percentile of |error|, and the signed median (bias); title heads
** them, and "none" stands for none unless quiet (then nothing is
** printed). */
static void print_cells(const val_cell *c, size_t nc, int set,
                        const char *title, int quiet)
{
	size_t i, any = 0;
	/* each column as wide as its longest text: the version 24 to 54
	** characters, chip 9 to 24, model 22 to 32, precision 5 to 8, rows
	** from 5; a name past its most cut with "..." (cell) */
	int vw = 24, cw = 9, mw = 22, pw = 5, rw = 5, em = 9, e9 = 8, eb = 8;
	for (i = 0; i < nc; i++) {
		char ver[2 * MEAS_FIELD + 2], num[32];
		const meas_row *m = c[i].first->row;
		if (c[i].set != set)
			continue;
		val_key_of(c[i].first, VAL_BY_VERSION, ver, sizeof ver);
		snprintf(num, sizeof num, "%zu", c[i].rows);
		vw = widen(vw, ver, 54);
		cw = widen(cw, m->chip, 24);
		mw = widen(mw, m->model, 32);
		pw = widen(pw, m->precision[0] ? m->precision : "-", 8);
		rw = widen(rw, num, 99);
		em = widen_pct(em, c[i].median_abs, "%.1f%%");
		e9 = widen_pct(e9, c[i].p90_abs, "%.1f%%");
		eb = widen_pct(eb, c[i].median, "%+.1f%%");
	}
	for (i = 0; i < nc; i++) {
		const val_row *v = c[i].first;
		char ver[2 * MEAS_FIELD + 2];
		char b0[SHOWN_MAX], b1[SHOWN_MAX], b2[SHOWN_MAX], b3[SHOWN_MAX];
		if (c[i].set != set)
			continue;
		if (!any++)
			printf("\n%s\n  %-*s %-*s %-*s %-*s %*s %*s %*s %*s\n", title,
			       cw, "chip", vw, "version", mw, "model", pw, "prec", rw,
			       "rows", em, "median|e|", e9, "p90|e|", eb, "bias");
		val_key_of(v, VAL_BY_VERSION, ver, sizeof ver);
		printf("  %s %s %s %s %*zu %*.1f%% %*.1f%%",
		       cell(v->row->chip, cw, b0, sizeof b0),
		       cell(ver, vw, b1, sizeof b1),
		       cell(v->row->model, mw, b2, sizeof b2),
		       cell(v->row->precision[0] ? v->row->precision : "-", pw, b3,
		            sizeof b3),
		       rw, c[i].rows, em - 1, 100 * c[i].median_abs, e9 - 1,
		       100 * c[i].p90_abs);
		printf(" %+*.1f%%\n", eb - 1, 100 * c[i].median);
	}
	if (!any && !quiet)
		printf("\n%s\n  none\n", title);
}

/* A row's mapping as the tables write it: "8" (tp), "4/2" (tp / pp) or
** "DEP4" (attention data parallel with the experts over 4 GPUs), its
** stages after a '/' too ("DEP4/2": pp 2, modelled since c152d0f). */
static void mapping_of(const meas_row *m, char *buf, size_t len)
{
	const char *dep = m->ep > 1 && m->tp == 1 ? "DEP" : "";
	double n = *dep ? m->ep : m->tp;
	if (m->pp > 1)
		snprintf(buf, len, "%s%.0f/%.0f", dep, n, m->pp);
	else
		snprintf(buf, len, "%s%.0f", dep, n);
}

/* The cells of a modelled row of the table, as print_rows writes them
** (the text ones as given: cell() cleans and fits them) */
typedef struct {
	char isl[32], osl[32], map[32], mv[32], pv[32], err[32];
} row_text;

static void row_text_of(const val_row *v, row_text *t)
{
	const meas_row *m = v->row;
	if (meas_micro(m)) { /* no lengths, no mapping */
		snprintf(t->isl, sizeof t->isl, "-");
		snprintf(t->osl, sizeof t->osl, "-");
		snprintf(t->map, sizeof t->map, "-");
	} else {
		snprintf(t->isl, sizeof t->isl, "%.0f", m->isl);
		snprintf(t->osl, sizeof t->osl, "%.0f", m->osl);
		mapping_of(m, t->map, sizeof t->map);
	}
	rl_number_write(m->value, t->mv, sizeof t->mv);
	rl_fig_text(t->pv, sizeof t->pv, v->predicted);
	snprintf(t->err, sizeof t->err, "%+.1f%%", 100 * v->error);
}

/* The widths of the rows table's columns: each its header's or the
** table's former width at least, widened to the longest cell of the
** modelled rows (the id to 48 characters, as before, a chip to 24, a
** model to 32, a precision to 8, past which a cell is cut with "...";
** the figures whole) */
enum { RC_ID, RC_CHIP, RC_MODEL, RC_PREC, RC_ISL, RC_OSL, RC_MAP, RC_MV,
       RC_PV, RC_ERR, RC_N };

static void row_widths(const val_row *v, size_t n, int *w)
{
	static const int lo[RC_N] = {36, 9, 14, 5, 5, 5, 6, 11, 11, 8};
	static const int hi[RC_N] = {48, 24, 32, 8, 99, 99, 99, 99, 99, 99};
	size_t i;
	int k;
	for (k = 0; k < RC_N; k++)
		w[k] = lo[k];
	for (i = 0; i < n; i++) {
		const meas_row *m = v[i].row;
		const char *c[RC_N];
		row_text t;
		if (v[i].status != VAL_OK)
			continue;
		row_text_of(&v[i], &t);
		c[RC_ID] = id_text(m->id);
		c[RC_CHIP] = m->chip;
		c[RC_MODEL] = m->model;
		c[RC_PREC] = m->precision[0] ? m->precision : "-";
		c[RC_ISL] = t.isl;
		c[RC_OSL] = t.osl;
		c[RC_MAP] = t.map;
		c[RC_MV] = t.mv;
		c[RC_PV] = t.pv;
		c[RC_ERR] = t.err;
		for (k = 0; k < RC_N; k++)
			w[k] = widen(w[k], c[k], hi[k]);
	}
}

static void print_rows(const val_row *v, size_t n)
{
	size_t i;
	int w[RC_N];
	/* tp/pp at least 6 wide: "DEP4/2" (DEPn over pp stages) is 6
	** characters.  measured and model in the row's own metric, named
	** last (its unit: tokens/s, seconds, TFLOPS): the measured value as
	** given, in all its digits (rl_number_write), the model's figure by
	** eval's rule (rl_fig_text: 0.0210 s, 5648.5 tokens/s), where %.6g
	** wrote both to six digits, 1e+06 in exponent form, and the same
	** figure read 5648.54 here and 5648.5 in eval.  Each column as wide
	** as its cells (row_widths): a name past its column's most is cut
	** with "...", never spilled into the next */
	row_widths(v, n, w);
	printf("%-*s %-*s %-*s %-*s %*s %*s %*s %*s %*s %*s  %-13s  %s\n",
	       w[RC_ID], "row", w[RC_CHIP], "chip", w[RC_MODEL], "model",
	       w[RC_PREC], "prec", w[RC_ISL], "isl", w[RC_OSL], "osl", w[RC_MAP],
	       "tp/pp", w[RC_MV], "measured", w[RC_PV], "modelled", w[RC_ERR],
	       "error", "", "metric");
	for (i = 0; i < n; i++) {
		const meas_row *m = v[i].row;
		char id[SHOWN_MAX], chip[SHOWN_MAX], model[SHOWN_MAX];
		char prec[SHOWN_MAX], metric[SHOWN_MAX];
		row_text t;
		if (v[i].status != VAL_OK)
			continue;
		row_text_of(&v[i], &t);
		rl_utf8_cell(m->metric, 0, 0, metric, sizeof metric);
		printf("%s %s %s %s %*s %*s %*s %*s %*s %*s  %-13s  %s\n",
		       cell(id_text(m->id), w[RC_ID], id, sizeof id),
		       cell(m->chip, w[RC_CHIP], chip, sizeof chip),
		       cell(m->model, w[RC_MODEL], model, sizeof model),
		       cell(m->precision[0] ? m->precision : "-", w[RC_PREC], prec,
		            sizeof prec),
		       w[RC_ISL], t.isl, w[RC_OSL], t.osl, w[RC_MAP], t.map,
		       w[RC_MV], t.mv, w[RC_PV], t.pv, w[RC_ERR], t.err,
		       v[i].in_fit ? "(fitted chip)"
		       : v[i].out_of_sample ? "(borrowed)" : "(held out)", metric);
	}
	print_not_modelled(v, n);
}

/* The column a row's unknown name is in (val_why_unknown): its header
** name into *name and its 1-based number.  The older layout has no
** version column: its software column carries the version. */
static int unknown_column(const meas_set *set, int why, const char **name)
{
	switch (why) {
	case VAL_WHY_UNKNOWN_CHIP:
		*name = "chip";
		return set->col_chip;
	case VAL_WHY_UNKNOWN_MODEL:
		*name = "model";
		return set->col_model;
	case VAL_WHY_UNKNOWN_PRECISION:
		*name = "precision";
		return set->col_precision;
	case VAL_WHY_UNKNOWN_VERSION:
		if (set->published) {
			*name = "version";
			return set->col_version;
		}
		break;
	}
	*name = "software";
	return set->col_software;
}

/* One unknown name of a row (why, val_why_unknown) on stderr: "FILE:LINE:
** column 'chip' (N): no preset 'x' (presets: ...)" (a software or version:
** the row's reason, which offers the table's spellings); chips and models
** hold the lists of presets, read once. */
static void strict_name(const char *file, const meas_set *set,
                        const val_row *r, int why, char *chips,
                        char *models, size_t listlen)
{
	const meas_row *m = r->row;
	const char *col, *given;
	char msg[4096], *list;
	int n = unknown_column(set, why, &col);
	if (why == VAL_WHY_UNKNOWN_PRECISION) {
		snprintf(msg, sizeof msg, "%s:%d: column '%s' (%d): precision "
		         "'%.*s' is none of %s", file, m->line, col, n,
		         rl_utf8_cut(m->precision, 60), m->precision,
		         meas_precisions());
		cli_say("validate", msg);
		return;
	}
	if (why != VAL_WHY_UNKNOWN_CHIP && why != VAL_WHY_UNKNOWN_MODEL) {
		snprintf(msg, sizeof msg, "%s:%d: column '%s' (%d): %s", file,
		         m->line, col, n, r->reason);
		cli_say("validate", msg);
		return;
	}
	list = why == VAL_WHY_UNKNOWN_CHIP ? chips : models;
	given = why == VAL_WHY_UNKNOWN_CHIP ? m->chip_given : m->model;
	if (!list[0])
		preset_names(col, list, listlen);
	snprintf(msg, sizeof msg, "%s:%d: column '%s' (%d): no preset "
	         "'%.*s' (presets: %s)", file, m->line, col, n,
	         rl_utf8_cut(given, 60), given, list[0] ? list : "none");
	cli_say("validate", msg);
}

/* --strict: each row whose first reason is a name that no preset or
** version-table row has (val_why_unknown), each of its unknown names on a
** line of stderr (strict_name), the one its reason is about first, then a
** chip and a model it lacks too (val_row.also_unknown: a row of an unknown
** chip and an unknown model is named for both, so that one run lists
** every name to fix), the first STRICT_SHOWN rows, then how many more;
** the count of such rows (0: none, the report goes on). */
#define STRICT_SHOWN 20
static size_t strict_refusals(char (*files)[1024], const meas_set *sets,
                              size_t nfiles, const val_row *v)
{
	static const int later[] = {VAL_WHY_UNKNOWN_CHIP, VAL_WHY_UNKNOWN_MODEL,
	                            VAL_WHY_UNKNOWN_PRECISION};
	char chips[1024], models[1024], msg[512];
	size_t f, i, j, k = 0, bad = 0;
	chips[0] = models[0] = '\0';
	for (f = 0; f < nfiles; f++)
		for (i = 0; i < sets[f].n; i++, k++) {
			const val_row *r = &v[k];
			if (!(val_why_unknown(r->why) || r->also_unknown) ||
			    ++bad > STRICT_SHOWN)
				continue;
			if (val_why_unknown(r->why))
				strict_name(files[f], &sets[f], r, r->why, chips, models,
				            sizeof chips);
			for (j = 0; j < sizeof later / sizeof later[0]; j++)
				if (later[j] != r->why &&
				    (r->also_unknown & (1 << later[j])))
					strict_name(files[f], &sets[f], r, later[j], chips,
					            models, sizeof chips);
		}
	if (bad > STRICT_SHOWN) {
		snprintf(msg, sizeof msg, "and %zu more row%s naming a chip, model, "
		         "precision, software or version that has no preset or "
		         "profile (without "
		         "--strict, --json lists every row with its reason_kind)",
		         bad - STRICT_SHOWN, bad - STRICT_SHOWN == 1 ? "" : "s");
		cli_say("validate", msg);
	}
	return bad;
}

/* One measurements file: read, check, evaluate into *v (grown), each
** preset and label resolved once a run (pc). */
static int one_file(const char *path, const val_versions *vt,
                    const char *profile, preset_cache *pc, meas_set *set,
                    val_row **v, size_t *n, char *err, size_t errlen)
{
	val_row *nv;
	int rc = meas_read_cached(path, set, pc, err, errlen);
	if (rc != RL_OK)
		return rc; /* the file's fault, or out of memory */
	nv = realloc(*v, (*n + set->n + 1) * sizeof *nv);
	if (!nv) {
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	*v = nv;
	rc = val_evaluate(set, vt, profile, pc, *v + *n, err, errlen);
	if (rc != RL_OK)
		return rc; /* out of memory */
	*n += set->n;
	return RL_OK;
}

int cmd_validate(int argc, char **argv)
{
	validate_args o = {NULL, NULL, NULL, NULL, 0, 0};
	const char *mfile, *profile, *dbpath, *vfile;
	char files[2][1024], vbuf[1024], err[1024];
	meas_set sets[2];
	val_versions vt;
	val_row *v = NULL;
	val_group *g = NULL;
	val_cell *c = NULL;
	val_repeat *rp = NULL;
	meas_harnesses hs = {NULL, 0};
	preset_cache *pc = NULL;
	size_t n = 0, ng, nc, nr = 0, nfiles, i;
	int rc;
	long long run_id = 0;
	double med, p90;

	rc = opt_parse("validate", table, &o, argc, argv, NULL, 0, NULL, help);
	if (rc != OPT_GO_ON)
		return rc;
	rc = RL_OK;
	mfile = o.mfile;
	profile = o.profile;
	dbpath = o.dbpath;
	vfile = o.vfile;
	if (dbpath && (rc = db_target("validate", dbpath)) != RL_OK)
		return rc;
	if (profile) {
		char path[1024];
		/* a row holds its profile's name in RL_NAME_MAX bytes
		** (claim/validation.h): a longer path was cut for every row,
		** each row then "not modelled" for a file that does not exist,
		** exit 0 */
		if (strlen(profile) >= RL_NAME_MAX) {
			/* (quoted cut at 60 bytes, its size after it) */
			char q[RL_UTF8_QUOTE_MAX + 64];
			snprintf(err, sizeof err, "--profile %s: at most %d bytes (a "
			         "shorter path, or the file copied into data/profiles/ "
			         "and given by its name)",
			         rl_utf8_quote(profile, 60, q, sizeof q),
			         RL_NAME_MAX - 1);
			return bad_input("validate", err);
		}
		if (preset_path("profile", profile, path, sizeof path, err,
		                sizeof err))
			return bad_input("validate", err);
	}
	/* the file's name is held in files[0] (1,024 bytes) and stored as
	** the run's measurements_file: a longer path was cut, and the cut
	** one opened ("PATH..." alone, exit 2, for a file that is there) */
	if (mfile && strlen(mfile) >= sizeof files[0]) {
		char q[RL_UTF8_QUOTE_MAX + 64];
		snprintf(err, sizeof err, "--measurements %s: at most %zu bytes "
		         "(a shorter path: the file copied or linked nearer)",
		         rl_utf8_quote(mfile, 60, q, sizeof q),
		         sizeof files[0] - 1);
		return bad_input("validate", err);
	}
	if (!vfile) {
		snprintf(vbuf, sizeof vbuf, "%s/profiles/versions.csv",
		         rl_data_dir());
		vfile = vbuf;
	}
	if ((rc = val_versions_read(vfile, &vt, err, sizeof err))) {
		if (rc != RL_EINTERNAL)
			return bad_input("validate", err);
		cli_say("validate", err);
		return rc;
	}
	{
		char hpath[1024];
		snprintf(hpath, sizeof hpath, "%s/measurements/harness.csv",
		         rl_data_dir());
		if ((rc = meas_harness_read(hpath, &hs, err, sizeof err))) {
			val_versions_free(&vt);
			if (rc == RL_EINPUT)
				return bad_input("validate", err);
			cli_say("validate", err);
			return rc;
		}
	}
	if (mfile) {
		snprintf(files[0], sizeof files[0], "%s", mfile);
		nfiles = 1;
	} else {
		snprintf(files[0], sizeof files[0], "%s/measurements.csv",
		         rl_data_dir());
		snprintf(files[1], sizeof files[1],
		         "%s/measurements/published-h100.csv", rl_data_dir());
		nfiles = 2;
	}
	memset(sets, 0, sizeof sets);
	if (!(pc = preset_cache_new())) {
		snprintf(err, sizeof err, "out of memory");
		rc = RL_EINTERNAL;
	}
	for (i = 0; i < nfiles && rc == RL_OK; i++)
		rc = one_file(files[i], &vt, profile, pc, &sets[i], &v, &n, err,
		              sizeof err);
	if (rc != RL_OK) {
		cli_say("validate", err); /* rc: input's, or internal */
		goto done;
	}
	/* refused before anything is stored or printed */
	if (o.strict && strict_refusals(files, sets, nfiles, v)) {
		rc = RL_EINPUT;
		goto done;
	}
	ng = val_groups(v, n, &g);
	nc = val_cells(v, n, &c);
	/* each row is in a group of each key and in a cell: no group or no
	** cell for n > 0 rows is val_groups' or val_cells' out of memory */
	if ((n && (!ng || !nc)) ||
	    val_repeat_pairs(v, n, &vt, &hs, &rp, &nr)) {
		fprintf(stderr, "rooflab validate: out of memory\n");
		rc = RL_EINTERNAL;
		goto done;
	}
	/* stored first: a database refused or failing prints no report; with
	** the run's trust line, the leave-out errors of its profiles as their
	** [meta] hold them now (the report describes the run, not the files
	** of the day it is written) */
	if (dbpath) {
		char trust[3200];
		if (stored_trust(v, n, mfile ? files[0] : NULL, trust,
		                 sizeof trust, err, sizeof err) != RL_OK) {
			cli_say("validate", err);
			rc = RL_EINTERNAL;
			goto done;
		}
		if ((rc = val_store(dbpath, profile ? profile : "versions.csv", v,
		                    n, rp, nr, trust, mfile ? files[0] : NULL,
		                    &run_id, err, sizeof err))) {
			cli_say("validate", err);
			goto done;
		}
	}
	if (o.json) {
		write_json(v, n, g, ng, c, nc, rp, nr, mfile ? "file" : "shipped");
	} else {
		/* (paths as given, their controls as '?': rl_utf8_cell) */
		char f0[4200], f1[4200];
		/* the error's sign said once, in words: "-50.7%" alone did not
		** say which of the two was the lower */
		printf("model against measured: %s%s%s\n(error = modelled / "
		       "measured - 1: below 0 the model is under the measurement; "
		       "measured\nand modelled in each row's metric, named last)"
		       "\n\n",
		       rl_utf8_cell(files[0], 0, 0, f0, sizeof f0),
		       nfiles > 1 ? ", " : "",
		       nfiles > 1 ? rl_utf8_cell(files[1], 0, 0, f1, sizeof f1)
		                  : "");
		print_rows(v, n);
		print_groups(g, ng, mfile != NULL);
		print_cells(c, nc, VAL_SET_HELD_OUT, "held-out rows by chip, "
		            "version, model and precision:", 0);
		print_cells(c, nc, VAL_SET_OUT_OF_SAMPLE, "out-of-sample rows (a "
		            "borrowed profile) by chip, version, model and precision:",
		            1);
		print_repeat(rp, nr, mfile != NULL);
		if (print_loo(v, n, mfile != NULL, err, sizeof err) != RL_OK)
			rc = RL_EINTERNAL; /* said after the summary */
		printf("\n");
		/* a user's file: its figures named as its own, lest they and
		** the shipped rows' sentence below read as one (ux30) */
		if (mfile) {
			char f0[4200];
			printf("this file's rows (%s):\n",
			       rl_utf8_cell(files[0], 0, 0, f0, sizeof f0));
		}
		{
			/* the rows in sample and held out, pooled; the rows of a
			** borrowed profile's fitted chip apart, never mixed in.
			** The first line said "all modelled rows" over 1497 rows
			** above "1507 of 1536 rows modelled": all the modelled
			** rows are the 1507, the out-of-sample rows with them */
			static const char *const label[4] = {
			    "in sample and held out", "held-out chips",
			    "rows of the fitted chips", "out of sample (borrowed)"};
			static const unsigned sets[4] = {
			    VAL_SET_BIT(VAL_SET_HELD_OUT) | VAL_SET_BIT(VAL_SET_FITTED),
			    VAL_SET_BIT(VAL_SET_HELD_OUT), VAL_SET_BIT(VAL_SET_FITTED),
			    VAL_SET_BIT(VAL_SET_OUT_OF_SAMPLE)};
			char kinds[80];
			int k;
			held_out_kinds(v, n, kinds, sizeof kinds);
			for (k = 0; k < 4; k++) {
				size_t got = val_summary(v, n, sets[k], &med, &p90);
				if (k == 3 && !got)
					break; /* no borrowed profile: as before */
				if (got)
					printf("%-26s %4zu %s: median |error| %5.1f%%, "
					       "90th percentile %5.1f%%%s\n", label[k], got,
					       got == 1 ? "row " : "rows",
					       100 * med, 100 * p90,
					       k == 3 ? " (apart from those in sample "
					                "and held out)"
					       : k == 1 ? kinds : "");
				else
					printf("%-26s    0 rows\n", label[k]);
			}
		}
		{
			/* the out-of-sample rows are modelled too, but not in
			** the rows in sample and held out: where there are some,
			** the line says how the two counts above make up all the
			** modelled rows, this one */
			size_t nm = 0, nall, nout;
			for (i = 0; i < n; i++)
				nm += v[i].status == VAL_OK;
			nall = val_summary(v, n, VAL_SET_BIT(VAL_SET_HELD_OUT) |
			                   VAL_SET_BIT(VAL_SET_FITTED), &med, &p90);
			nout = val_summary(v, n, VAL_SET_BIT(VAL_SET_OUT_OF_SAMPLE),
			                   &med, &p90);
			if (nout && nall + nout == nm)
				printf("%zu of %zu rows modelled (all modelled rows: "
				       "the %zu in sample and held out and the %zu out "
				       "of sample)\n", nm, n, nall, nout);
			else
				printf("%zu of %zu rows modelled\n", nm, n);
		}
		{
			/* what matters for carrying software fitted on one chip
			** to another, in one sentence (claim says it beside its
			** verdict): not the held-out median alone, which is over
			** whatever rows other chips have */
			/* a user's file: the sentence of the shipped rows, named
			** so (ux30: its fit errors of 2-5% beside a file's rows
			** 52% off read as that file's), as claim prints it; none
			** where the shipped rows cannot be read */
			char trust[2048], e2[1024];
			int tr = mfile ? val_trust_shipped(NULL, trust, sizeof trust,
			                                   e2, sizeof e2)
			               : val_trust_words(v, n, NULL, trust,
			                                 sizeof trust, e2, sizeof e2);
			if (tr == RL_OK && mfile)
				printf("\nthe shipped rows (data/measurements.csv and "
				       "data/measurements/published-h100.csv,\nwhich the "
				       "profiles were fitted and checked on), not this "
				       "file's rows:\n%s\n", trust);
			else if (tr == RL_OK)
				printf("\n%s\n", trust);
			else if (tr == RL_EINTERNAL && rc == RL_OK) {
				snprintf(err, sizeof err, "%s", e2);
				rc = RL_EINTERNAL; /* said below */
			}
		}
		/* a profile's or chip's text not held in memory: exit 1 */
		if (rc == RL_EINTERNAL) {
			fflush(stdout);
			cli_say("validate", err);
		}
	}
	/* where the rows went, after the report (make demo writes both
	** streams into one file and reads the report's lines): the database
	** and the run's id in validation_runs, which the output said nowhere
	** (sweep says its run's) */
	if (run_id > 0) {
		char at[4200];
		fflush(stdout);
		fprintf(stderr, "rooflab validate: stored in %s as validation run "
		        "%lld\n", rl_utf8_cell(dbpath, 0, 0, at, sizeof at), run_id);
	}
done:
	preset_cache_free(pc);
	free(c);
	free(g);
	free(v);
	for (i = 0; i < 2; i++)
		meas_free(&sets[i]);
	val_versions_free(&vt);
	meas_harness_free(&hs);
	free(rp);
	return rc;
}
