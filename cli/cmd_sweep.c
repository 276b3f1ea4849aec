/*
** cmd_sweep.c: `rooflab sweep SPEC --db FILE`: evaluate every design point
** of a sweep spec into an SQLite database (sweeps/run.c does the work).
*/
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../claim/valtrust.h"
#include "../config/json.h"
#include "../config/presetnote.h"
#include "../config/presets.h"
#include "../config/profiles.h"
#include "../config/shword.h"
#include "../model/numtext.h"
#include "../model/utf8.h"
#include "../sweeps/points.h"
#include "../sweeps/run.h"
#include "../sweeps/spec.h"
#include "../sweeps/store.h"
#include "../sweeps/why.h"
#include "commands.h"
#include "cpus.h"
#include "options.h"
#include "parseopt.h"

/* A spec that is not there, named as one of the example specs is (its
** file name, with or without .ini): the example's path added to the
** message, where "isl-osl.ini: cannot open: No such file or directory"
** left a reader of the README outside the checkout with no path.  The
** examples lie beside the data directory, in the checkout (sweeps/) and
** installed (PREFIX/share/rooflab/sweeps); nothing added where none is
** there, or where the spec names that file itself. */
static void example_hint(const char *spec, char *err, size_t len)
{
	const char *dir = rl_data_dir(), *base = strrchr(spec, '/'), *cut;
	char path[4200], q[4300], hint[8700];
	size_t used = strlen(err);
	int k;
	if (!*spec || access(spec, F_OK) == 0 || errno != ENOENT)
		return;
	base = base ? base + 1 : spec;
	cut = strrchr(dir, '/');
	if (!*base || !cut || strlen(base) > 255)
		return;
	for (k = 0; k < 2; k++) {
		int n = snprintf(path, sizeof path, "%.*s/sweeps/%s%s",
		                 (int)(cut - dir), dir, base, k ? ".ini" : "");
		if (n > 0 && (size_t)n < sizeof path && strcmp(path, spec) &&
		    access(path, R_OK) == 0)
			break;
	}
	/* the whole hint or none: one cut short would name another path */
	if (k == 2 || snprintf(hint, sizeof hint, "; an example spec of that "
	                       "name: rooflab sweep %s --db FILE",
	                       rl_sh_word(path, "SPEC", q, sizeof q)) < 0)
		return;
	if (used + strlen(hint) < len)
		memcpy(err + used, hint, strlen(hint) + 1);
}

/* --shard I/N: whole numbers with 0 <= I < N <= 1e6 */
static int take_shard(const opt_def *d, void *field, const char *name,
                      const char *v, char *err, size_t errlen)
{
	rl_sweep_opts *o = field;
	char buf[64], *slash;
	double i, n;
	(void)d;
	snprintf(buf, sizeof buf, "%s", v);
	slash = strchr(buf, '/');
	if (slash)
		*slash = '\0';
	if (!slash || num_whole(name, buf, 0, 1000000, &i, err, errlen) ||
	    num_whole(name, slash + 1, 1, 1000000, &n, err, errlen)) {
		snprintf(err, errlen, "%s: '%s' is not I/N: whole numbers with "
		         "0 <= I < N <= 1e6, e.g. 0/4", name, v);
		return -1;
	}
	/* 2/2, the second of two counted from 1: the shards by name */
	if (i >= n) {
		char which[96];
		if (n == 1)
			snprintf(which, sizeof which, "the 1 shard is 0/1");
		else
			snprintf(which, sizeof which, "the %.0f shards are 0/%.0f %s "
			         "%.0f/%.0f", n, n, n == 2 ? "and" : "to", n - 1, n);
		snprintf(err, errlen, "%s: '%s' is not I/N: whole numbers with "
		         "0 <= I < N <= 1e6; shards count from 0, so %s", name, v,
		         which);
		return -1;
	}
	o->shard = (uint64_t)i;
	o->shards = (uint64_t)n;
	return 1;
}

/* --busy-timeout MS: 0 waits as little as SQLite can (1 ms) */
static int take_busy(const opt_def *d, void *field, const char *name,
                     const char *v, char *err, size_t errlen)
{
	double ms;
	(void)d;
	if (num_whole(name, v, 0, 86400000, &ms, err, errlen))
		return -1;
	*(int *)field = ms > 0 ? (int)ms : 1;
	return 1;
}

/* --count: the spec's design points on stdout, "12 design points (grid:
** 3 chip.hbm_tbps x 4 scenario.tp)", its shard's share under it ("shard
** 1/4: 3 of them (index % 4 == 1)"), a [filter]'s and the --force
** limit's notes; nothing evaluated, no database opened.  Sizing a Slurm
** array or a time limit needed a run, or the axes multiplied by hand. */
static int count_points(const rl_sweep_spec *s, const rl_sweep_opts *o,
                        const char *spec)
{
	/* (the path's controls and bytes of no UTF-8 character as '?', as
	** sweep's other lines write a name: rl_utf8_cell) */
	char name[sizeof s->path + 64];
	char n[64];
	size_t i;
	/* the count in all its digits, "about 1e+24" past 2^64 (it printed
	** the double's %.0f, 999999999999999983222784, until 2026-12-01) */
	printf("%s: %s design point%s (",
	       rl_utf8_cell(spec, 0, 0, name, sizeof name),
	       rl_sweep_count_text(s, n, sizeof n),
	       s->npoints_real == 1 ? "" : "s");
	if (s->sampling == RL_SAMPLE_GRID) {
		printf("grid: ");
		for (i = 0; i < s->naxes; i++)
			printf("%s%llu %s", i ? " x " : "",
			       (unsigned long long)s->axes[i].count, s->axes[i].name);
		if (!s->naxes)
			printf("no axis");
	} else {
		printf("%s, seed %llu, over %zu ax%s",
		       s->sampling == RL_SAMPLE_SOBOL ? "sobol" : "random",
		       (unsigned long long)s->seed, s->naxes,
		       s->naxes == 1 ? "is" : "es");
	}
	printf(")\n");
	if (o->shards > 1 && s->npoints != UINT64_MAX) {
		uint64_t mine = rl_sweep_shard_points(s->npoints, o->shard,
		                                      o->shards);
		printf("shard %llu/%llu: %llu of them (index %% %llu == %llu)\n",
		       (unsigned long long)o->shard, (unsigned long long)o->shards,
		       (unsigned long long)mine, (unsigned long long)o->shards,
		       (unsigned long long)o->shard);
	}
	if (s->nfilters)
		printf("its [filter] stores those it keeps, known only once "
		       "evaluated\n");
	if (!rl_sweep_numbered(s))
		printf("more than a sweep can number (%llu): rooflab sweep "
		       "refuses it, with --force too\n",
		       (unsigned long long)RL_SWEEP_MAX_POINTS);
	else if (s->npoints_real > (double)RL_SWEEP_DEFAULT_LIMIT && !o->force)
		printf("over %llu points: rooflab sweep refuses it without "
		       "--force\n", (unsigned long long)RL_SWEEP_DEFAULT_LIMIT);
	if (cli_out_check("sweep") != RL_OK)
		return RL_EINTERNAL;
	return RL_OK;
}

/* --count --json: count_points' figures as one JSON object on stdout,
** for a script sizing an array (it parsed the text): spec, points (a
** whole number where a sweep numbers them, else the double: null past
** what a double holds), points_text (the text's count, "about 1e+24" past
** 2^64), points_log10 (finite whatever the count), sampling, seed (sobol and
** random), axes (name, count), shard (where --shard I/N, N > 1: index,
** of, points), filter, numbered, needs_force. */
static int count_json(const rl_sweep_spec *s, const rl_sweep_opts *o,
                      const char *spec)
{
	json_w w;
	char n[64];
	size_t i;
	int numbered = rl_sweep_numbered(s);
	json_begin(&w, stdout);
	json_str(&w, "spec", spec);
	if (numbered)
		json_int(&w, "points", (long long)s->npoints);
	else
		json_num(&w, "points", s->npoints_real);
	json_str(&w, "points_text", rl_sweep_count_text(s, n, sizeof n));
	json_num(&w, "points_log10", rl_sweep_count_log10(s));
	json_str(&w, "sampling", s->sampling == RL_SAMPLE_GRID ? "grid"
	                         : s->sampling == RL_SAMPLE_SOBOL ? "sobol"
	                                                          : "random");
	if (s->sampling != RL_SAMPLE_GRID)
		json_int(&w, "seed", (long long)s->seed);
	json_arr(&w, "axes");
	for (i = 0; i < s->naxes; i++) {
		json_obj(&w, NULL);
		json_str(&w, "name", s->axes[i].name);
		json_int(&w, "count", (long long)s->axes[i].count);
		json_end(&w);
	}
	json_end(&w);
	if (o->shards > 1 && s->npoints != UINT64_MAX) {
		json_obj(&w, "shard");
		json_int(&w, "index", (long long)o->shard);
		json_int(&w, "of", (long long)o->shards);
		json_int(&w, "points", (long long)rl_sweep_shard_points(
		                           s->npoints, o->shard, o->shards));
		json_end(&w);
	}
	json_bool(&w, "filter", s->nfilters > 0);
	json_bool(&w, "numbered", numbered);
	json_bool(&w, "needs_force", numbered && s->npoints_real >
	                             (double)RL_SWEEP_DEFAULT_LIMIT);
	json_finish(&w);
	if (cli_out_check("sweep") != RL_OK)
		return RL_EINTERNAL;
	return RL_OK;
}

static const opt_def table[] = {
    OPT_STR("--db", rl_sweep_opts, db_path, "FILE", "the database"),
    OPT_CALL_ALL("--shard", "I/N", take_shard, 0,
             "only the points with index % N == I (0 <= I < N); merge\n"
             "the parts with `rooflab merge`"),
    OPT_BOOL("--resume", rl_sweep_opts, resume,
             "continue the unfinished run of this spec and shard in\n"
             "FILE where it stopped (runs of other specs do not count;\n"
             "refused if two qualify, if the shard's only runs are of\n"
             "another spec, if another rooflab build started it, or if\n"
             "the file holds the spec at another shard count alone; a\n"
             "new run if there is none); points it lacks before that\n"
             "place are evaluated again first"),
    /* the range of export's, plot's and report's --run: the same IDs */
    OPT_INT("--run", rl_sweep_opts, run_id, "ID", 1, 9007199254740992.0,
            "a run id",
            "with --resume: continue run ID (of this spec and shard)"),
    /* --threads as claim spells its worker threads; --jobs kept */
    OPT_INT("--threads", rl_sweep_opts, jobs, "N", 0, 1024, NULL,
            "evaluation threads (0, the default: one per CPU it may\n"
            "run on, as nproc counts), one writer"),
    OPT_ALIAS("--jobs", "--threads", "N"),
    OPT_BOOL("--force", rl_sweep_opts, force,
             "allow sweeps over 100,000,000 points"),
    OPT_BOOL("--count", rl_sweep_opts, count_only,
             "print how many design points the spec has, how many\n"
             "values each axis takes and the shard's share, and stop:\n"
             "nothing is evaluated or written (--db not needed, and\n"
             "where given neither opened nor checked)"),
    OPT_BOOL("--json", rl_sweep_opts, json,
             "with --count: the same as one JSON object on stdout\n"
             "(spec, points, points_text, points_log10, sampling, seed,\n"
             "axes, shard, filter, numbered, needs_force)"),
    /* not --batch, which every evaluating command (and a spec's
    ** scenario.batch) takes as concurrent sequences; --batch kept */
    OPT_INT("--points-per-commit", rl_sweep_opts, batch, "N", 1, 1e8, NULL,
            "points per database transaction (default 10000); a\n"
            "crash loses at most one transaction"),
    OPT_ALIAS("--batch", "--points-per-commit", "N"),
    OPT_CALL("--busy-timeout", rl_sweep_opts, busy_ms, "MS", take_busy, 0,
             "wait for a locked database (default 10000; 0 to 86400000)"),
    OPT_LAST};

static void help(FILE *f)
{
	fputs("usage: rooflab sweep SPEC --db FILE [--shard I/N] [--resume] "
	      "[--threads N]\n"
	      "         [--run ID] [--force] [--points-per-commit N] "
	      "[--busy-timeout MS]\n"
	      "       rooflab sweep SPEC --count [--shard I/N] [--json]\n\n"
	      "Evaluates every design point of the sweep spec SPEC (an INI file; "
	      "the spec's and\nthe database's formats: sweeps/README.md, "
	      "installed as\nPREFIX/share/rooflab/sweeps/README.md beside the "
	      "example specs) and stores\nthem in the SQLite database FILE: "
	      "tables runs, run_columns, points, column_docs\n(and run_parts "
	      "in a merged file), views results (SELECT * FROM results:\none "
	      "row per design point) and run_columns_doc.  A [base] or\n"
	      "[baseline] naming no profile (nor a scenario naming one) serves "
	      "under the\nprofile eval takes for its chip, ideal for a chip "
	      "with none; stderr says which\nand why, runs.profile and "
	      "runs.profile_chosen record them (the [baseline]'s:\n"
	      "runs.baseline_profile, baseline_profile_chosen); a profile "
	      "fitted on another\nchip's rows says so, in eval's words, on "
	      "stderr and in runs.profile_fit\n(baseline_profile_fit); one of "
	      "software its chip's preset does not name,\non stderr and in "
	      "runs.software_note (baseline_software_note).\n", f);
	opt_help(f, table);
	fputs("\nThe result is one line on stdout, \"rooflab sweep: run N: P "
	      "points evaluated,\nS stored in FILE ...\" (as plot and report say "
	      "\"wrote FILE\"); notes, warnings\nand errors go to stderr.  "
	      "A progress bar is drawn on stderr when it is a\nterminal.  "
	      "Ctrl-C (SIGINT) or SIGTERM (Slurm's at a time limit) stops the "
	      "sweep\nat the next point boundary: the points taken up are "
	      "evaluated and committed,\nstderr says how many and how to "
	      "resume.\nExit status: 0 ok, 2 bad input "
	      "(spec, options, a database that is not a\nsweep database or is "
	      "locked), 1 internal or disk failure (rerun with\n--resume), "
	      "130 stopped by SIGINT, 143 by SIGTERM (rerun with --resume).\n",
	      f);
}

/* Stopped by SIGINT or SIGTERM (run.h: at a point boundary, every point
** written committed): what it stored and the command that goes on with it,
** which names the run (another unfinished run of the spec and shard would
** make --resume alone refuse to choose), its --shard and its --force (a
** sweep over the limit is refused without it), the paths quoted for sh. */
static void interrupted_note(const rl_sweep_stats *st, const rl_sweep_opts *o,
                             const char *spec)
{
	char shard[64] = "", qs[4200], qd[4200], msg[10240];
	if (o->shards > 1)
		snprintf(shard, sizeof shard, " --shard %llu/%llu",
		         (unsigned long long)o->shard,
		         (unsigned long long)o->shards);
	/* (through cli_say, as every message: a path's control characters
	** as '?', where an escape in a name reached the terminal; inside the
	** quotes rl_sh_word put round such a name '?' is itself) */
	snprintf(msg, sizeof msg, "interrupted%s: run %lld in %s stopped at "
	         "a point boundary, %llu point%s evaluated and %llu stored by "
	         "this run of the command, all committed; continue it with: "
	         "rooflab sweep %s --db %s%s --resume --run %lld%s",
	         st->interrupted == SIGTERM ? " by SIGTERM" : "",
	         (long long)st->run_id, o->db_path,
	         (unsigned long long)(st->processed + st->refilled),
	         st->processed + st->refilled == 1 ? "" : "s",
	         (unsigned long long)(st->stored + st->refill_stored),
	         rl_sh_word(spec, "SPEC", qs, sizeof qs),
	         rl_sh_word(o->db_path, "FILE", qd, sizeof qd),
	         shard, (long long)st->run_id, o->force ? " --force" : "");
	cli_say("sweep", msg);
}

/* A resume that found points missing below the run's next point says
** how many it evaluated again and stored; with a [filter], how many of
** them it dropped and how many were lost where the run's count of its
** drops was known (runs.dropped), "dropped by its filter, or lost" where
** it was not. */
static void refill_note(const rl_sweep_stats *st, const rl_sweep_spec *s,
                        const char *db)
{
	char why[128], msg[4608];
	if (!s->nfilters)
		snprintf(why, sizeof why, "lost");
	else if (st->dropped_known && st->dropped_before <= st->refilled)
		snprintf(why, sizeof why, "%llu dropped by its filter, as the run "
		         "counted them, %llu lost",
		         (unsigned long long)st->dropped_before,
		         (unsigned long long)(st->refilled - st->dropped_before));
	else
		snprintf(why, sizeof why, "dropped by its filter, or lost");
	/* (cli_say: the path's controls shown as '?') */
	snprintf(msg, sizeof msg, "run %lld in %s: %llu point%s it records as "
	         "done %s not stored (%s): evaluated again, %llu stored",
	         (long long)st->run_id, db, (unsigned long long)st->refilled,
	         st->refilled == 1 ? "" : "s",
	         st->refilled == 1 ? "was" : "were", why,
	         (unsigned long long)st->refill_stored);
	cli_say("sweep", msg);
}

/* Warn of each [axes] or [base] set of a design key that changes nothing
** the sweep computes, its chip given by its spec sheet (options.h
** opts_design_inert): every point would be the same, without a word. */
/* A [base] or [baseline] that names no profile serves under the one eval
** takes (the scenario's, else the chip's default, else ideal): said on
** stderr, as the run's profile column records it.  Why (the note) on
** shard 0 alone: the shards of one spec share it, and every shard's log
** repeated the whole line; the others name the profile only. */
/* "rooflab sweep: [base]: note: profile ... was fitted on h100-sxm rows
** only ..." where a section's profile was fitted on another chip's rows
** (val_trust_chip, the note eval prints), and the same words into stored
** (len bytes) for the run's database (runs.profile_fit,
** baseline_profile_fit: rl_sweep_spec), "" where not carried, *known 1
** where looked up (0 where the measurements could not be read: NULL),
** from sh (the shipped measurements read once for both sections: a
** spec whose [base] and [baseline] both name a fitted profile read
** both files twice, about 47M instructions each read).  RL_EINTERNAL (said on stderr) where they could not be
** held in memory, an internal failure the sweep exits 1 for; RL_OK
** otherwise. */
/* the note stored whole: the run's column (sweeps/, RL_SWEEP_FIT_NOTE_MAX)
** holds as many bytes as val_chip_fit's words (claim/), the two folders
** beside each other and met here alone (review42) */
_Static_assert(RL_SWEEP_FIT_NOTE_MAX == sizeof ((val_chip_fit *)0)->words,
               "RL_SWEEP_FIT_NOTE_MAX (sweeps/spec.h) is not the size of "
               "val_chip_fit.words (claim/valtrust.h)");
static int fit_note(val_shipped *sh, const char *section,
                    const char *profile, const char *profile_file,
                    const char *chip, char *stored, size_t len, int *known)
{
	val_chip_fit f;
	char err[1024], words[4 * sizeof f.words];
	int rc = val_trust_chip_of(sh, profile, profile_file, chip, &f, err,
	                           sizeof err);
	if (rc == RL_EINTERNAL)
		fprintf(stderr, "rooflab sweep: %s: %s\n", section, err);
	else if (rc == RL_OK && f.carried)
		fprintf(stderr, "rooflab sweep: %s: note: %s\n", section,
		        rl_utf8_cell(f.words, 0, 0, words, sizeof words));
	*known = rc == RL_OK;
	snprintf(stored, len, "%s", rc == RL_OK && f.carried ? f.words : "");
	return rc == RL_EINTERNAL ? RL_EINTERNAL : RL_OK;
}

/* "rooflab sweep: [base]: note: profile ... is of TensorRT-LLM 0.10.0,
** software the preset of chip mi300x does not name ..." where a section's
** profile (read from profile_file) is of software its chip's preset (read
** from chip_file) does not name (profile_software_note, eval's note), and
** the same words into stored (len bytes) for the run's database
** (runs.software_note, baseline_software_note), "" where not.
** RL_EINTERNAL (said on stderr) where a preset could not be held in
** memory; RL_OK otherwise. */
static int software_note(const char *section, const char *chip_file,
                         const char *chip, const char *profile_file,
                         const char *profile, char *stored, size_t len)
{
	char err[1024], words[4 * RL_SWEEP_SOFTWARE_NOTE_MAX];
	if (profile_software_note(chip_file, chip, profile_file, profile,
	                          stored, len, err, sizeof err) ==
	    PROFILE_ENOMEM) {
		fprintf(stderr, "rooflab sweep: %s: %s\n", section, err);
		return RL_EINTERNAL;
	}
	if (stored[0])
		fprintf(stderr, "rooflab sweep: %s: note: %s\n", section,
		        rl_utf8_cell(stored, 0, 0, words, sizeof words));
	return RL_OK;
}

/* The notes above; RL_EINTERNAL where fit_note's or software_note's data
** could not be held in memory (the sweep not run: exit 1), RL_OK
** otherwise. */
static int profile_notes(rl_sweep_spec *s, const rl_sweep_opts *o)
{
	char prof[RL_NAME_MAX], note[sizeof s->setup.profile_note];
	int why = o->shard == 0, rc;
	val_shipped sh;
	if (!s->base.profile[0])
		fprintf(stderr, "rooflab sweep: [base] serves under profile %s "
		        "(%s)\n",
		        rl_utf8_cell(s->setup.profile, 0, 0, prof, sizeof prof),
		        why ? rl_utf8_cell(s->setup.profile_note, 0, 0, note,
		                           sizeof note)
		            : "why: in shard 0's output, and in this database's "
		              "runs.profile_chosen");
	if (s->has_baseline && !s->baseline.profile[0])
		fprintf(stderr, "rooflab sweep: [baseline] serves under profile %s "
		        "(%s)\n",
		        rl_utf8_cell(s->baseline_profile, 0, 0, prof, sizeof prof),
		        why ? rl_utf8_cell(s->baseline_profile_note, 0, 0, note,
		                           sizeof note)
		            : "why: in shard 0's output, and in this database's "
		              "runs.baseline_profile_chosen");
	/* a profile fitted on another chip's rows, in eval's note, and in
	** the run's database (runs.profile_fit, baseline_profile_fit); the
	** shipped measurements read once for both sections (sh) */
	memset(&sh, 0, sizeof sh);
	rc = fit_note(&sh, "[base]", s->setup.profile, s->setup.profile_file,
	              s->setup.chip, s->profile_fit, sizeof s->profile_fit,
	              &s->profile_fit_known);
	/* a profile of software its chip's preset does not name, as eval
	** says it, and in the run's database (runs.software_note,
	** baseline_software_note): the figures are carried over by
	** assumption (review42) */
	if (rc == RL_OK)
		rc = software_note("[base]", s->setup.chip_file, s->setup.chip,
		                   s->setup.profile_file, s->setup.profile,
		                   s->software_note, sizeof s->software_note);
	/* the baseline's chip as resolved: a section naming none serves its
	** scenario's (fuzz6: the note read the chip key alone) */
	if (rc == RL_OK && s->has_baseline && s->baseline_chip[0])
		rc = fit_note(&sh, "[baseline]", s->baseline_profile,
		              s->baseline_profile_file, s->baseline_chip,
		              s->baseline_profile_fit,
		              sizeof s->baseline_profile_fit,
		              &s->baseline_profile_fit_known);
	val_shipped_free(&sh);
	if (rc == RL_OK && s->has_baseline && s->baseline_chip[0])
		rc = software_note("[baseline]", s->baseline_chip_file,
		                   s->baseline_chip, s->baseline_profile_file,
		                   s->baseline_profile, s->baseline_software_note,
		                   sizeof s->baseline_software_note);
	return rc == RL_OK ? RL_OK : RL_EINTERNAL;
}

/* The swept chip.* and, where with_design, design.* axes, ", "-joined,
** on the heap, sized from their names (every one named, where a fixed
** buffer of 512 bytes left out those past it without a word: sweeps77);
** NULL where none is swept, and where the heap fails (*oom set) */
static char *join_axes(const rl_sweep_spec *s, int with_design, int *oom)
{
	size_t k, len = 1, used = 0;
	char *axes;
	int n = 0;
	*oom = 0;
	for (k = 0; k < s->naxes; k++)
		if ((with_design && !strncmp(s->axes[k].name, "design.", 7)) ||
		    !strncmp(s->axes[k].name, "chip.", 5)) {
			len += strlen(s->axes[k].name) + 2;
			n++;
		}
	if (!n)
		return NULL;
	if (!(axes = malloc(len))) {
		*oom = 1;
		return NULL;
	}
	axes[0] = '\0';
	for (k = 0; k < s->naxes; k++)
		if ((with_design && !strncmp(s->axes[k].name, "design.", 7)) ||
		    !strncmp(s->axes[k].name, "chip.", 5))
			used += (size_t)snprintf(axes + used, len - used, "%s%s",
			                         used ? ", " : "", s->axes[k].name);
	return axes;
}

/* "note: " + the parts, joined, on stderr (cli_say: a chip path's
** controls shown as '?'): on the heap, sized from the parts, nothing cut;
** where the heap fails, that a note was lost, said */
static void say_note(const char *const *part, size_t n)
{
	size_t k, len = sizeof "note: ", used;
	char *msg;
	for (k = 0; k < n; k++)
		len += strlen(part[k]);
	if (!(msg = malloc(len))) {
		cli_say("sweep", "note: (a note on the chip's price, lost: out "
		        "of memory)");
		return;
	}
	used = (size_t)snprintf(msg, len, "note: ");
	for (k = 0; k < n; k++)
		used += (size_t)snprintf(msg + used, len - used, "%s", part[k]);
	cli_say("sweep", msg);
	free(msg);
}

/* 1 where the spec keeps an output that the chip's price moves
** (cost.chip_price_usd, or USD per token at the price) */
static int keeps_price(const rl_sweep_spec *s)
{
	size_t k;
	for (k = 0; k < s->noutputs; k++)
		if (!strcmp(s->outputs[k]->name, "cost.chip_price_usd") ||
		    !strcmp(s->outputs[k]->name,
		            "cost.usd_per_million_tokens_at_price"))
			return 1;
	return 0;
}

/* A chip by its design (chip.by_design true throughout) with design.* or
** chip.* axes and a price output kept (cost.chip_price_usd, or USD per
** token at the price) of a preset that gives a price, not swept itself:
** its price is its preset's at every point, whatever the axes.  Not
** scaled with the design's HBM: the price is what a buyer pays for the
** product the preset describes (data/chips/README.md, Price), and a
** design point is not that product; its manufacturing cost
** (cost.chip_cost_usd) follows the design, the HBM at cost.hbm_usd_per_gb
** included. */
static void note_design_price(const rl_sweep_spec *s)
{
	char *axes;
	int oom;
	/* (a price swept or set in [base]: note_fixed_price, its one caller,
	** returned already) */
	if (!(s->setup.cfg.cost.price_usd > 0)) /* (n/a throughout) */
		return;
	if (!keeps_price(s))
		return;
	axes = join_axes(s, 1, &oom);
	if (!axes && !oom)
		return;
	{
		const char *part[] = {
		    s->setup.chip, " is given by its design (chip.by_design = "
		    "true): its price (cost.price_usd) is its preset's at every "
		    "point, whatever ", axes ? axes : "its chip.* and design.* "
		    "axes (out of memory naming them)", " (a changed chip is not "
		    "the product priced): cost.chip_price_usd is one number, and "
		    "cost.usd_per_million_tokens_at_price moves with throughput "
		    "and power only; its manufacturing cost (cost.chip_cost_usd) "
		    "follows the design, its HBM at cost.hbm_usd_per_gb included"};
		say_note(part, sizeof part / sizeof part[0]);
	}
	free(axes);
}

/* A spec-sheet chip (chip.by_design false throughout) with chip.* axes
** and a cost.* output: its price (cost.price_usd) is its preset's at
** every point, and its manufacturing cost (model/cost.c) takes of chip.*
** only the HBM capacity (at cost.hbm_usd_per_gb) and kind, so USD per
** token moves with throughput and power alone as the others vary; said on
** stderr, where a cost-based Pareto front read as priced. */
static void note_fixed_price(const rl_sweep_spec *s)
{
	const char *cost = NULL;
	char *axes;
	size_t k;
	int oom;
	/* (a price swept or set in [base] is no preset's, either chip) */
	if (rl_sweep_spec_gives_price(s))
		return;
	for (k = 0; k < s->naxes; k++)
		if (!strcmp(s->axes[k].name, "chip.by_design"))
			return;
	if (s->setup.cfg.chip.by_design > 0.5) {
		note_design_price(s);
		return;
	}
	for (k = 0; k < s->noutputs && !cost; k++)
		if (!strncmp(s->outputs[k]->name, "cost.", 5))
			cost = s->outputs[k]->name;
	if (!cost)
		return;
	axes = join_axes(s, 0, &oom);
	if (!axes && !oom)
		return;
	{
		const char *part[] = {
		    s->setup.chip, " is given by its spec sheet: its price "
		    "(cost.price_usd) is its preset's at every point, whatever ",
		    axes ? axes : "its chip.* axes (out of memory naming them)",
		    ", and its manufacturing cost follows two chip.* figures "
		    "alone, chip.hbm_gb (at cost.hbm_usd_per_gb) and chip.memory; ",
		    cost, " and the like move with throughput and power only as "
		    "these vary"};
		say_note(part, sizeof part / sizeof part[0]);
	}
	free(axes);
}

/* A price that is a stand-in, its preset's words marking it an
** ASSUMPTION (Sohu's: the H100's 33,625 USD, Etched having published
** none), where the spec keeps an output it moves and sets no price of its
** own: said once with those words, as eval's and claim's texts say it
** (config/presetnote.h, preset_price_note), where the sweep's rows read as
** priced (sweeps77: the sweep said the price was its preset's, and not
** that the preset's was no price) */
static void note_stand_in_price(const rl_sweep_spec *s)
{
	char words[2048], price[64];
	if (rl_sweep_spec_gives_price(s) || !keeps_price(s) ||
	    !preset_price_stand_in(s->setup.chip_file,
	                           s->setup.cfg.cost.price_usd, words,
	                           sizeof words))
		return;
	snprintf(price, sizeof price, "%.0f", s->setup.cfg.cost.price_usd);
	{
		const char *part[] = {"cost.price_usd, ", price, " USD at every "
		                      "point, is ", rl_data_rel(s->setup.chip_file),
		                      "'s (price_usd) ", words};
		say_note(part, sizeof part / sizeof part[0]);
	}
}

static void sweep_warn(const char *msg)
{
	cli_warn("sweep", msg);
}

/* The outputs a point over its TDP at every clock (status 4) stores that
** the spec keeps (rl_output_over_tdp: sweeps/README.md's status), for the
** summary's "but ...", named: " (but status 4's power.over_tdp and
** silicon.violations)" into buf, "" where none */
static const char *keeps_over_tdp(const rl_sweep_spec *s, char *buf,
                                  size_t len)
{
	size_t i, n = 0, k = 0, used;
	for (i = 0; i < s->noutputs; i++)
		n += (size_t)rl_output_over_tdp(s->outputs[i]);
	buf[0] = '\0';
	if (!n)
		return buf;
	used = (size_t)snprintf(buf, len, " (but status 4's");
	for (i = 0; i < s->noutputs && used < len; i++) {
		if (!rl_output_over_tdp(s->outputs[i]))
			continue;
		k++;
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
		                         k == 1 ? " " : k == n ? " and " : ", ",
		                         s->outputs[i]->name);
	}
	if (used < len)
		snprintf(buf + used, len - used, ")");
	return buf;
}

/* The first stored point of a kind that served nothing (idx1: its index
** + 1, 0 none), its axis values and why, as eval says it: the database
** keeps only the status, and "96 were not evaluable" named no cause. */
static void first_why(const rl_sweep_spec *s, const char *what,
                      uint64_t idx1, const double *vals)
{
	char at[RL_SWEEP_MAX_AXES * (RL_SWEEP_COL_MAX + 40)], why[512],
	     msg[sizeof at + sizeof why + 128];
	int rc;
	if (!idx1)
		return;
	rc = rl_sweep_point_why(s, vals, at, sizeof at, why, sizeof why);
	snprintf(msg, sizeof msg, "the first that %s, point %llu (%s), status "
	         "%d: %s", what, (unsigned long long)(idx1 - 1), at, rc,
	         rc ? why : "evaluates when evaluated alone");
	cli_say("sweep", msg);
}

/* A linear range whose step is more than its whole width (start < stop)
** holds its start alone: "2:4:20" written for 20 values from 2 to 4, a log
** range's count, read as a step (ux27's walk: "ends at 2, short of its
** stop 4" named no mix-up).  Where the step is a whole number of 2 or
** more, how to write that many values; n: start, stop, step as written. */
static void step_past_range(char *msg, size_t len, const char *path,
                            const rl_axis *a, char n[][32])
{
	char logf[160] = "";
	int w = snprintf(msg, len, "%s:%d: %s = %s:%s:%s holds its start, %s, "
	                 "alone: its step %s is more than the whole range (%s - "
	                 "%s)", path, a->line, a->name, n[0], n[1], n[2], n[0],
	                 n[2], n[1], n[0]);
	if (w < 0 || (size_t)w >= len || a->step != floor(a->step) ||
	    a->step < 2 || a->step > 1e9)
		return;
	/* a log range needs 0 < start (sweeps/axis.c) */
	if (a->start > 0)
		snprintf(logf, sizeof logf, ", or %s:%s:%s log, log-spaced", n[0],
		         n[1], n[2]);
	snprintf(msg + w, len - (size_t)w, "; the third part of a linear range "
	         "is its step (for %s values: a step of (%s - %s) / %.0f%s)",
	         n[2], n[1], n[0], a->step - 1, logf);
}

/* A linear range whose stop is not start + a whole number of steps ends
** before it (600:850:70 at 810): said, since a grid (or an integer axis
** sampled) never reaches the stop it names, where it passed without a
** word.  A real axis sampled at random or by Sobol takes any value up to
** its stop. */
static void warn_short_ranges(const rl_sweep_spec *s)
{
	char msg[sizeof s->path + 512], n[4][32];
	size_t k;
	for (k = 0; k < s->naxes; k++) {
		const rl_axis *a = &s->axes[k];
		double last;
		if (a->kind != RL_AX_LINEAR || a->count < 1 ||
		    (s->sampling != RL_SAMPLE_GRID && a->param->type == RL_PT_REAL))
			continue;
		last = rl_sweep_axis_value(a, a->count - 1);
		if (fabs(last - a->stop) <= 1e-9 * fmax(1, fabs(a->stop)))
			continue;
		/* the axis as given, in all its digits (rl_number_write:
		** 1000000:2500000:1000000, where %g wrote 1e+06:2.5e+06:1e+06) */
		rl_number_write(a->start, n[0], sizeof n[0]);
		rl_number_write(a->stop, n[1], sizeof n[1]);
		rl_number_write(a->step, n[2], sizeof n[2]);
		rl_number_write(last, n[3], sizeof n[3]);
		if (a->count == 1)
			step_past_range(msg, sizeof msg, s->path, a, n);
		else
			snprintf(msg, sizeof msg, "%s:%d: %s = %s:%s:%s ends at %s, "
			         "short of its stop %s (%s - %s is not a whole number "
			         "of steps of %s); give a stop on the grid to reach it",
			         s->path, a->line, a->name, n[0], n[1], n[2], n[3], n[1],
			         n[1], n[0], n[2]);
		cli_warn("sweep", msg);
	}
}

/* Does a sampled axis draw one value alone: a real range from start to
** start (rl_sweep_axis_sample draws any value up to its stop), else a
** list or grid of one value. */
static int one_value_drawn(const rl_axis *a)
{
	if (a->kind != RL_AX_LIST && a->param->type == RL_PT_REAL)
		return a->start == a->stop;
	return a->count == 1;
}

/* Random and Sobol sampling over axes that each hold one value (a linear
** range whose stop is its start, 3:3:1) draw the same design point count
** times: said with the count and the values, where the sweep evaluated and
** stored them all without a word.  (A grid holds each value once: its
** lists refuse a value given twice, its ranges a step too small to tell
** apart, sweeps/axis.c; one value on every axis is one point.) */
static void warn_same_points(const rl_sweep_spec *s)
{
	char msg[sizeof s->path + 1024], vals[640] = "", n[64], v[32];
	char name[sizeof s->path + 64];
	size_t k, used = 0;
	if (s->sampling == RL_SAMPLE_GRID || s->npoints < 2)
		return;
	for (k = 0; k < s->naxes; k++)
		if (!one_value_drawn(&s->axes[k]))
			return;
	for (k = 0; k < s->naxes; k++) {
		const rl_axis *a = &s->axes[k];
		int w;
		rl_param_format(a->param, rl_sweep_axis_sample(a, 0), v,
		                sizeof v);
		w = snprintf(vals + used, sizeof vals - used, "%s%s = %s",
		             k ? ", " : "", a->name, v);
		if (w < 0 || (size_t)w >= sizeof vals - used)
			break;
		used += (size_t)w;
	}
	snprintf(msg, sizeof msg, "%s: its %s points (%s) are all one design "
	         "point: each axis holds one value (%s); give an axis a range "
	         "to sample, or method = grid to evaluate the point once",
	         rl_utf8_cell(s->path, 0, 0, name, sizeof name),
	         rl_sweep_count_text(s, n, sizeof n),
	         s->sampling == RL_SAMPLE_SOBOL ? "sobol" : "random", vals);
	cli_warn("sweep", msg);
}

static void warn_inert_design(const rl_sweep_spec *s)
{
	char msg[2048];
	size_t k;
	int j;
	if (s->setup.cfg.chip.by_design > 0.5)
		return;
	for (k = 0; k < s->naxes; k++)
		if (!strcmp(s->axes[k].name, "chip.by_design"))
			return; /* the design acts at some points */
	for (k = 0; k < s->naxes; k++) {
		if (!opts_design_inert(s->axes[k].name))
			continue;
		snprintf(msg, sizeof msg, "%s: axis %s changes nothing sweep "
		         "computes: %s is given by its spec sheet "
		         "(chip.by_design = false), whose peaks and HBM are "
		         "chip.*; add set = chip.by_design=true to [base] to "
		         "derive them from its [design]",
		         s->path, s->axes[k].name, s->setup.chip);
		cli_warn("sweep", msg);
	}
	for (j = 0; j < s->base.nsets; j++) {
		if (!opts_design_inert(s->base.sets[j]))
			continue;
		snprintf(msg, sizeof msg, "%s: [base] set = %s changes nothing "
		         "sweep computes: %s is given by its spec sheet "
		         "(chip.by_design = false); add set = chip.by_design=true "
		         "to [base] to derive its spec from its [design]",
		         s->path, s->base.sets[j], s->setup.chip);
		cli_warn("sweep", msg);
	}
}

/* Warn of each [axes] or [base] set of an SRAM key where the sweep keeps
** no weights resident in SRAM (options.h opts_sram_inert): every point of
** such an axis would be the same, without a word; a design.* one on a chip
** given by its spec sheet is warn_inert_design's. */
static void warn_inert_sram(const rl_sweep_spec *s)
{
	char msg[2048];
	const char *fix = "; add set = chip.sram_resident_share=1 to [base] to "
	                  "weigh it (docs/engine.md, MAC arrays or SRAM?)";
	size_t k;
	int j, by_design = s->setup.cfg.chip.by_design > 0.5;
	if (s->setup.cfg.chip.sram_resident_share > 0)
		return;
	for (k = 0; k < s->naxes; k++)
		if (!strcmp(s->axes[k].name, "chip.sram_resident_share") ||
		    !strcmp(s->axes[k].name, "chip.by_design"))
			return; /* the SRAM may act at some points */
	for (k = 0; k < s->naxes; k++) {
		const char *a = s->axes[k].name;
		if (!opts_sram_inert(a) || (!by_design && !strncmp(a, "design.", 7)))
			continue;
		snprintf(msg, sizeof msg, "%s: axis %s moves no throughput, "
		         "latency, power or cost: %s keeps no weights in its SRAM "
		         "(chip.sram_resident_share = 0: a cache, as a GPU's L2), "
		         "so serving reads neither its capacity nor its bandwidth "
		         "(the die's shares alone count it)%s", s->path, a,
		         s->setup.chip, fix);
		cli_warn("sweep", msg);
	}
	for (j = 0; j < s->base.nsets; j++) {
		const char *a = s->base.sets[j];
		if (!opts_sram_inert(a) || (!by_design && !strncmp(a, "design.", 7)))
			continue;
		snprintf(msg, sizeof msg, "%s: [base] set = %s moves no "
		         "throughput, latency, power or cost: %s keeps no weights "
		         "in its SRAM (chip.sram_resident_share = 0)%s", s->path,
		         a, s->setup.chip, fix);
		cli_warn("sweep", msg);
	}
}

/* ", 6 dropped by its [filter]", and of them those it could not answer,
** by status (" (of them 4 had no value for an output it names: 4 over
** their TDP at every clock (status 4: ...))"): such a point is dropped for
** want of a value, where the count alone read as the comparison's
** (runs.dropped_nofit, dropped_over_tdp, dropped_inval: store.h). */
static void drop_words(char *buf, size_t len, const rl_sweep_stats *st)
{
	/* the store's third kind, status 0 or another but 3 and 4, said as
	** two: a served point and one not evaluable (tp x pp not dividing
	** the chips ...) have nothing in common to say, where both read
	** "served (status 0: power.lowest_clock_watts NULL ...) or not
	** evaluable otherwise" of a filter naming latency.ttft_s alone */
	static const char *const why[] = {
	    "did not fit in memory (status 3)",
	    "over their TDP at every clock (status 4: no throughput, latency "
	    "or cost)",
	    "served (status 0: an output NULL where it does not apply, as "
	    "power.lowest_clock_watts, a value only over the TDP)",
	    "not evaluable (status 2 or another: no outputs)"};
	uint64_t n = 0, count[4];
	size_t used;
	int k, first = 1;
	count[0] = st->unanswered[0];
	count[1] = st->unanswered[1];
	count[2] = st->unanswered_served;
	count[3] = st->unanswered[2] - st->unanswered_served;
	for (k = 0; k < 3; k++)
		n += st->unanswered[k];
	used = (size_t)snprintf(buf, len, ", %llu dropped by its [filter]",
	                        (unsigned long long)(st->processed - st->stored));
	if (!n || used >= len)
		return;
	used += (size_t)snprintf(buf + used, len - used, " (of them %llu had no "
	                         "value for an output it names:",
	                         (unsigned long long)n);
	for (k = 0; k < 4 && used < len; k++) {
		if (!count[k])
			continue;
		used += (size_t)snprintf(buf + used, len - used, "%s %llu %s",
		                         first ? "" : ";",
		                         (unsigned long long)count[k], why[k]);
		first = 0;
	}
	if (used < len)
		snprintf(buf + used, len - used, ")");
}

/* " (resumed at point 7000 of 20000, the 7000 before it done)": where
** the run was taken up, which "(resumed)" alone left unsaid; a shard
** counts its own points before it ("3500 of the shard's 10000"). */
static void resumed_words(char *buf, size_t len, const rl_sweep_stats *st,
                          const rl_sweep_spec *s, const rl_sweep_opts *o)
{
	uint64_t before = rl_sweep_shard_points(st->resumed_at, o->shard,
	                                        o->shards);
	if (o->shards > 1)
		snprintf(buf, len, " (resumed at point %llu of %llu, %llu of the "
		         "shard's %llu done before it)",
		         (unsigned long long)st->resumed_at,
		         (unsigned long long)s->npoints,
		         (unsigned long long)before,
		         (unsigned long long)st->shard_points);
	else
		snprintf(buf, len, " (resumed at point %llu of %llu, the %llu "
		         "before it done)", (unsigned long long)st->resumed_at,
		         (unsigned long long)s->npoints, (unsigned long long)before);
}

/* --batch, kept as --points-per-commit's old spelling, is what every
** evaluating command (eval, curve, map, claim) and a spec's scenario.batch
** take as concurrent sequences: a sweep given it says which it is, where
** it set the transaction size alone and the points ran at the spec's
** batch.  An argument after "--" is no option. */
static void batch_note(int argc, char **argv)
{
	int i;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return;
		if (!strcmp(argv[i], "--batch") || !strncmp(argv[i], "--batch=", 8)) {
			cli_say("sweep", "note: --batch is --points-per-commit (its old "
			        "spelling): points per database transaction, not the "
			        "concurrent sequences of eval's --batch; those are the "
			        "spec's scenario.batch ([base] set = scenario.batch=N, "
			        "or an [axes] line)");
			return;
		}
	}
}

/* A --db that exists and that the sweep would refuse (a later or older
** schema, another kind of rooflab file, another program's, not SQLite):
** refused here, with rl_db_identify's writer's words, before the spec's
** notes and warnings (the price note, short ranges, profiles), where they
** were printed first and the file refused after them.  RL_OK where the
** file is not there yet, or is one the sweep writes into (the run's own
** open checks again, under its lock); else the status, said. */
static int db_refused_first(const char *path)
{
	char err[2200];
	sqlite3 *db = NULL;
	int unmarked = 0, rc;
	if (access(path, F_OK) != 0)
		return RL_OK;
	if (rl_db_open_read(path, &db) != SQLITE_OK) {
		/* (the run's open says why, as before) */
		sqlite3_close(db);
		return RL_OK;
	}
	rc = rl_db_identify(db, path, &rl_sweep_db_kind, &unmarked, err,
	                    sizeof err);
	sqlite3_close(db);
	if (rc == RL_EINPUT) {
		cli_say("sweep", err);
		return RL_EINPUT;
	}
	return RL_OK;
}

int cmd_sweep(int argc, char **argv)
{
	rl_sweep_opts o;
	rl_sweep_stats st;
	rl_sweep_spec *s;
	const char *spec = NULL, *env;
	double sleep_ms;
	char err[2048];
	int rc;
	memset(&o, 0, sizeof o);
	o.jobs = 0;
	o.shards = 1;
	rc = opt_parse("sweep", table, &o, argc, argv, &spec, 1, NULL, help);
	if (rc != OPT_GO_ON)
		return rc;
	batch_note(argc, argv);
	/* 0: one thread per CPU it may run on; the rows
	** do not depend on it (the writer commits them in point order, each
	** point evaluated alone: sweeps/run.c), which 1, 2 and 4 threads of
	** grid, random and sobol sweeps export byte for byte (2026-11-30) */
	if (o.jobs == 0) {
		long ncpu = cli_usable_cpus();
		o.jobs = ncpu < 1 ? 1 : ncpu > 1024 ? 1024 : (int)ncpu;
	}
	if (!spec)
		return bad_input("sweep", "missing the sweep spec (rooflab sweep "
		                 "SPEC --db FILE)");
	if (o.json && !o.count_only)
		return bad_input("sweep", "--json applies to --count (the count as "
		                 "JSON); a sweep's rows are exported with rooflab "
		                 "export --db FILE --format json");
	if (!o.db_path && !o.count_only)
		return bad_input("sweep", "missing --db FILE: the SQLite database "
		                 "the points go into, made where it is not there "
		                 "(rooflab sweep SPEC --db FILE; --count says how "
		                 "many points SPEC has, writing nothing)");
	if (o.count_only && (o.resume || o.run_id))
		return bad_input("sweep", "--count evaluates and writes nothing; "
		                 "--resume and --run have no run to continue");
	if (o.run_id && !o.resume)
		return bad_input("sweep", "--run names the run --resume continues; "
		                 "give --resume too");
	/* --count needs no database, as its help says: one given is not
	** looked at (a --db in a missing folder was refused) */
	if (o.count_only && o.db_path) {
		/* (cli_say: the path's controls shown as '?') */
		char msg[4200];
		snprintf(msg, sizeof msg, "note: --count writes nothing: --db %s "
		         "is not opened", o.db_path);
		cli_say("sweep", msg);
	} else if (o.db_path && ((rc = db_target("sweep", o.db_path)) != RL_OK ||
	                         (rc = db_refused_first(o.db_path)) != RL_OK))
		return rc;
	s = rl_sweep_spec_load(spec, &rc, err, sizeof err);
	if (!s) {
		example_hint(spec, err, sizeof err);
		return input_fail("sweep", rc, err);
	}
	/* --count checks a spec before a job array is sized for it: a range
	** that ends short (or holds its start alone) is said there too */
	warn_short_ranges(s);
	warn_same_points(s);
	if (o.count_only) {
		rc = o.json ? count_json(s, &o, spec) : count_points(s, &o, spec);
		rl_sweep_spec_free(s);
		return rc;
	}
	warn_inert_design(s);
	warn_inert_sram(s);
	if (profile_notes(s, &o) != RL_OK) {
		rl_sweep_spec_free(s);
		return RL_EINTERNAL;
	}
	/* one spec's note, the same on every shard: on shard 0 alone, as
	** the profile's why (profile_notes), where each of a 4-way sweep's
	** logs repeated its 500 bytes (ux31) */
	if (o.shard == 0) {
		note_fixed_price(s);
		note_stand_in_price(s);
	}
	o.progress = isatty(STDERR_FILENO);
	o.warn = sweep_warn;
	env = getenv("ROOFLAB_SWEEP_BATCH_SLEEP_MS"); /* tests only */
	if (env && num_text(env, &sleep_ms) == 0 && sleep_ms >= 0 &&
	    sleep_ms <= 60000)
		o.batch_sleep_ms = (unsigned)sleep_ms;
	rc = rl_sweep_run(s, &o, &st, err, sizeof err);
	/* a resume refused part way (two resumes of one shard racing: "another
	** process is writing the same points") says the refusal alone, where
	** the note first told of points "evaluated again ... stored" by a run
	** the other process owns (ux34's walk) */
	if (st.refilled && rc != RL_EINPUT)
		refill_note(&st, s, o.db_path);
	if (!rc && st.interrupted) {
		interrupted_note(&st, &o, spec);
		/* 128 + the signal, as a shell reports a process it ended:
		** 130 for SIGINT, 143 for SIGTERM */
		rc = 128 + st.interrupted;
	} else if (rc) {
		cli_say("sweep", err);
		if (st.removed) {
			/* (cli_say: the path's controls shown as '?') */
			char msg[4200];
			snprintf(msg, sizeof msg, "removed %s, which this sweep "
			         "created and which held no point: rerun it once "
			         "the cause is fixed", o.db_path);
			cli_say("sweep", msg);
		} else if (rc == 1 && st.run_id)
			fprintf(stderr, "rooflab sweep: run %lld keeps every "
			        "committed point; rerun with --resume to continue\n",
			        (long long)st.run_id);
	} else if (st.complete_before) {
		/* (cli_say: the path's controls shown as '?'; fuzz14) */
		char msg[4200];
		snprintf(msg, sizeof msg, "run %lld in %s is already complete",
		         (long long)st.run_id, o.db_path);
		cli_result("sweep", msg); /* its result: stdout */
	} else {
		/* the points its [filter] dropped, where "6 points evaluated,
		** 0 stored" gave no reason */
		char drop[512] = "", keeps[160], from[160] = "", msg[5120];
		if (st.processed > st.stored)
			drop_words(drop, sizeof drop, &st);
		if (st.resumed)
			resumed_words(from, sizeof from, &st, s, &o);
		/* (cli_say: the path's controls shown as '?', where its bytes
		** reached the terminal as they were; fuzz14) */
		snprintf(msg, sizeof msg, "run %lld%s: %llu point%s evaluated, "
		         "%llu stored in %s%s (%.1f s, %.0f points/s)",
		         (long long)st.run_id, from,
		         (unsigned long long)st.processed,
		         st.processed == 1 ? "" : "s",
		         (unsigned long long)st.stored, o.db_path, drop, st.seconds,
		         st.seconds > 0 ? (double)st.processed / st.seconds : 0);
		/* the run and its file, the result: stdout (cli_result), as
		** plot's and report's "wrote FILE"; the notes below stderr */
		cli_result("sweep", msg);
		/* a sampled run's count is the points drawn, before the
		** [filter]: where it dropped some, how many to draw for the count
		** stored (count x count / stored, rounded up), where an architect
		** asking for 10,000 designs got 7,536 without a word of how to
		** get the rest (a whole run of one shard: a resumed or sharded
		** one counts a part) */
		if (s->sampling != RL_SAMPLE_GRID && o.shards == 1 &&
		    !st.resumed && st.stored > 0 && st.stored < st.processed &&
		    st.processed == s->count)
			fprintf(stderr, "rooflab sweep: its [filter] kept %llu of the "
			        "%llu points drawn (%.1f%%); to store about %llu, draw "
			        "count = %.0f\n", (unsigned long long)st.stored,
			        (unsigned long long)st.processed,
			        100.0 * (double)st.stored / (double)st.processed,
			        (unsigned long long)s->count,
			        ceil((double)s->count * (double)s->count /
			             (double)st.stored));
		/* stored points that served nothing: said, where the count of
		** rows alone read as that many results */
		if (st.stored_nofit || st.stored_inval)
			fprintf(stderr, "rooflab sweep: of the %llu stored, %llu "
			        "did not fit in memory (status 3) and %llu %s not "
			        "evaluable (another status), their outputs NULL%s; "
			        "%llu served (status 0)\n",
			        (unsigned long long)st.stored,
			        (unsigned long long)st.stored_nofit,
			        (unsigned long long)st.stored_inval,
			        st.stored_inval == 1 ? "was" : "were",
			        st.stored_inval ? keeps_over_tdp(s, keeps,
			                                         sizeof keeps)
			                        : "",
			        (unsigned long long)(st.stored - st.stored_nofit -
			                             st.stored_inval));
		first_why(s, "did not fit in memory", st.first_nofit,
		          st.first_nofit_vals);
		first_why(s, "was not evaluable", st.first_inval,
		          st.first_inval_vals);
	}
	rl_sweep_spec_free(s);
	return rc;
}
