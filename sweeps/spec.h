/*
** spec.h: a sweep specification, read from an INI file (the sweeps directory).
**
**   [base]      chip, model, scenario, profile (preset names or paths) and
**               any number of `set = section.key=value` lines
**   [axes]      section.key = a, b, c            a list (also "(a, b, c)")
**               section.key = start:stop:step    a linear range
**               section.key = start:stop:N log   N points, log spaced
**   [sampling]  method = grid | random | sobol; seed = N; count = N
**   [filter]    keep = LHS OP RHS   (OP: < <= > >= == !=; each side a
**               parameter, an output or a number, or a linear sum of
**               them with numeric factors: linsum.h)
**   [outputs]   keep = name, name, ... (output names; "all" for every one)
**   [baseline]  chip, model, scenario, profile, set: evaluated once; adds
**               the columns speedup_total_tokens and speedup_output_tokens
**   ([base] and [baseline] naming no profile, and whose scenario names
**   none, take eval's: the chip's default, else ideal; profile_settle)
**   [meta]      free text (name, notes)
**
** Each section at most once (a second header is refused naming the
** first's line), no section of another name; chip, model, scenario,
** profile, method, seed and count at most once in their section, and
** each parameter in at most one set line of [base] or [baseline], and
** none that an axis sweeps in a set line of [base].
**
** Axis values are in the parameter's display unit (as `rooflab params`
** shows); enum and bool parameters take their names in lists.  In random
** and Sobol sampling a list axis picks one of its values, an integer axis
** one of its grid values, and a real range axis any value in [start, stop]
** (log-uniform for a log range).
*/
#ifndef RL_SWEEP_SPEC_H
#define RL_SWEEP_SPEC_H

#include <stddef.h>
#include <stdint.h>

#include "../config/setup.h"
#include "../model/engine.h"
#include "../model/outputs.h"
#include "../model/params.h"
#include "axis.h"
#include "filter.h"

#define RL_SWEEP_MAX_AXES 40     /* GSL's Sobol generator goes to 40 */
#define RL_SWEEP_MAX_OUTPUTS 128
#define RL_SWEEP_MAX_FILTERS 32
#define RL_SWEEP_MAX_SETS 64
#define RL_SWEEP_DEFAULT_LIMIT 100000000ULL
/* the most points sobol sampling draws: GSL's generator (30 bits) fails
** at its draw 2^30 - 1 */
#define RL_SWEEP_MAX_SOBOL 1073741823ULL
/* the most points a sweep numbers: SQLite's largest integer, 2^63 - 1,
** which runs.points and points.idx are stored as (a grid past it was
** swept with --force until 2026-12-01, runs.points stored negative) */
#define RL_SWEEP_MAX_POINTS 9223372036854775807ULL
/* a note that a profile is carried to another chip, its bytes with the
** NUL: claim/valtrust.h's val_chip_fit.words, held whole (a
** _Static_assert in cli/cmd_sweep.c, where the two meet, holds them
** equal: claim/ and sweeps/ do not include each other) */
#define RL_SWEEP_FIT_NOTE_MAX 768
/* a note that a profile is of software the chip's preset does not name
** (config/profiles.h profile_software_note), its bytes with the NUL: its
** four names (the profile's and the chip's, RL_NAME_MAX each; the two
** softwares, 128 each) and some 160 bytes of words, held whole */
#define RL_SWEEP_SOFTWARE_NOTE_MAX 768

typedef enum {
	RL_SAMPLE_GRID = 0,
	RL_SAMPLE_RANDOM,
	RL_SAMPLE_SOBOL
} rl_sampling;

/* the bytes of a [base] or [baseline] preset as given, with the NUL: a
** name, or a file's path, which preset_path takes to 1023 bytes (as
** eval's --chip does); RL_NAME_MAX cut a longer path to 127 bytes */
#define RL_SWEEP_PRESET_MAX 1024

/* A base or baseline setup: preset names and assignments. */
typedef struct {
	char chip[RL_SWEEP_PRESET_MAX], model[RL_SWEEP_PRESET_MAX];
	char scenario[RL_SWEEP_PRESET_MAX], profile[RL_SWEEP_PRESET_MAX];
	char sets[RL_SWEEP_MAX_SETS][256];
	int nsets;
	int present;
} rl_sweep_setup;

/* A column of the points table beyond run_id, idx, status. */
typedef enum {
	RL_COL_AXIS = 0, RL_COL_OUTPUT, RL_COL_SPEEDUP
} rl_col_source;

typedef struct {
	char name[RL_SWEEP_COL_MAX];    /* "chip_hbm_tbps" */
	char dotted[RL_SWEEP_COL_MAX];  /* "chip.hbm_tbps" */
	const char *unit;
	const char *decl;               /* "REAL", "INTEGER" or "TEXT" */
	rl_col_source source;
	const rl_param *param;          /* axis */
	const rl_output *output;        /* output */
} rl_col;

typedef struct {
	char path[1024];
	char hash[17];               /* of the parsed content, hex */
	/* the serving profiles by their numbers: rl_config_hash_section
	** over the resolved [base]'s profile.* rows, then, with a
	** [baseline], "[baseline]" and its rows, hex (runs.profile_hash: a
	** refit under the same name hashes apart, the [baseline]'s too) */
	char profile_hash[17];
	char *text;                  /* the file as read */
	rl_sweep_setup base, baseline;
	rl_axis axes[RL_SWEEP_MAX_AXES];
	size_t naxes;
	rl_sampling sampling;
	uint64_t seed;
	uint64_t count;              /* random / sobol: points asked for */
	rl_filter filters[RL_SWEEP_MAX_FILTERS];
	size_t nfilters;
	const rl_output *outputs[RL_SWEEP_MAX_OUTPUTS];
	size_t noutputs;
	uint64_t npoints;            /* design points; UINT64_MAX past 2^64 */
	double npoints_real;         /* the same, as a double (no overflow) */
	rl_setup setup;              /* the base, resolved */
	int has_baseline;
	double baseline_total_tps, baseline_output_tps;
	/* the baseline's profile and why (config/profiles.h, as the base's
	** in setup.profile_note): a section naming none takes eval's */
	char baseline_profile[RL_NAME_MAX];
	char baseline_profile_note[sizeof ((rl_setup *)0)->profile_note];
	/* the [base]'s and the [baseline]'s profile fitted on another chip's
	** rows, said in eval's words ("profile trtllm-0.10 was fitted on
	** h100-sxm rows only ..."), set by the caller before the run, which
	** looks it up in the shipped measurements (claim/valtrust.h
	** val_trust_chip: claim/ lies beside sweeps/, not below): "" where
	** the profile was fitted on that chip or is no fitted profile;
	** runs.profile_fit and baseline_profile_fit, NULL where *_known is 0
	** (not looked up, or the data unreadable; no [baseline]) */
	char profile_fit[RL_SWEEP_FIT_NOTE_MAX];
	char baseline_profile_fit[RL_SWEEP_FIT_NOTE_MAX];
	int profile_fit_known, baseline_profile_fit_known;
	/* the [base]'s and the [baseline]'s profile of software its chip's
	** preset does not name, in eval's words ("profile trtllm-0.10 is of
	** TensorRT-LLM 0.10.0, software the preset of chip mi300x does not
	** name ..."), set by the caller before the run
	** (profile_software_note): "" where the preset names it or the
	** profile names none; runs.software_note and baseline_software_note,
	** NULL without a [baseline] */
	char software_note[RL_SWEEP_SOFTWARE_NOTE_MAX];
	char baseline_software_note[RL_SWEEP_SOFTWARE_NOTE_MAX];
	/* the baseline's chip as resolved (its name, a file's less .ini):
	** the section's chip key, or its scenario's */
	char baseline_chip[RL_NAME_MAX];
	/* the files the baseline's chip and profile were read from (as the
	** base's setup.chip_file and profile_file; "" none): the notes read
	** their [meta] */
	char baseline_chip_file[sizeof ((rl_setup *)0)->chip_file];
	char baseline_profile_file[sizeof ((rl_setup *)0)->profile_file];
	rl_col cols[RL_SWEEP_MAX_AXES + RL_SWEEP_MAX_OUTPUTS + 2];
	size_t ncols;                /* axes, then outputs, then speedups */
} rl_sweep_spec;

/* Read and check a spec file: presets resolved, axes checked against the
** parameter ranges, the baseline evaluated.  NULL with "file:line: ..."
** in err and *status RL_EINPUT on bad input, RL_EINTERNAL where memory
** ran out (the spec's or a preset's text: no fault of the spec) or the
** file's read failed ("PATH: cannot read the sweep spec: REASON"). */
rl_sweep_spec *rl_sweep_spec_load(const char *path, int *status, char *err,
                                  size_t errlen);

/* The same from text in memory; name is used in messages. */
rl_sweep_spec *rl_sweep_spec_parse(const char *name, const char *text,
                                   char *err, size_t errlen);

void rl_sweep_spec_free(rl_sweep_spec *s);

/* Whether the spec gives the chip's price itself: cost.price_usd a [base]
** set line or an axis.  The price at its points is then that one, no
** preset's (the price notes of sweep and plot pareto say nothing). */
int rl_sweep_spec_gives_price(const rl_sweep_spec *s);

/* The declared type ("REAL", "INTEGER" or "TEXT") of a points column this
** rooflab can write (a parameter, an output or a speedup, by its column
** name "chip_hbm_tbps"); NULL for any other name.  Column names read back
** from a database are checked with it before they reach SQL. */
const char *rl_sweep_column_decl(const char *name);

/* The configuration of one design point: the base with the axis values
** (display units, one per axis) applied, in the axes' order, into *cfg.
** 0, or -1 at the first value refused (its message in err; NULL: none),
** *cfg then holding the values before it.  rl_sweep_eval_point and
** rl_sweep_point_why (why.h) both build their point with it. */
int rl_sweep_point_config(const rl_sweep_spec *s, const double *axis_values,
                          rl_config *cfg, char *err, size_t errlen);

/* Evaluate one design point: axis values (display units) applied to the
** base, rl_eval(), filters.  Writes the output and speedup columns into
** row (cols after the axes: each output's value at this point,
** rl_sweep_point_output, NaN for none) and the rl_eval status (RL_OK or
** an error code, or -1 when an axis value is refused) into *status.
** Returns RL_FILTER_KEEP (1) to keep the point, RL_FILTER_DROP (0) when
** a filter's comparison drops it, RL_FILTER_NONE (-1) when a filter reads
** an output with no value at this point (filter.h), which drops it
** whatever the comparisons: a point over its TDP at every clock (status
** 4) has no throughput, a served one no power.lowest_clock_watts.
** cache: the caller's rl_eval_cache (model/engine.h; NULL: none), for a
** run of points evaluated in order by one thread; the results are the
** same either way. */
int rl_sweep_eval_point(const rl_sweep_spec *s, const double *axis_values,
                        double *row, int *status, rl_eval_cache *cache);

/* 1 when consecutive points of s mostly share their design (every axis is
** scenario.isl, osl or batch, or the fastest axis of a grid is), so that
** an rl_eval_cache pays for its comparisons; 0 otherwise. */
int rl_sweep_cache_pays(const rl_sweep_spec *s);

/* 1 when the spec's points can be numbered and stored (at most
** RL_SWEEP_MAX_POINTS), 0 otherwise: sweep refuses it, --force or not. */
int rl_sweep_numbered(const rl_sweep_spec *s);

/* The base-10 logarithm of the spec's point count (the sum of its axes'
** for a grid), finite where the count passes what a double holds (40 axes
** of 10^9 points: 360). */
double rl_sweep_count_log10(const rl_sweep_spec *s);

/* The spec's point count as text into buf: in all its digits where it is
** held exactly ("10000000000000000000"), "about 1e+24" past 2^64, where
** only the double product is known (its %.0f digits were no count), and
** "about 1e+360" from rl_sweep_count_log10 past what a double holds (the
** product read "about inf"). */
const char *rl_sweep_count_text(const rl_sweep_spec *s, char *buf,
                                size_t len);

#endif
