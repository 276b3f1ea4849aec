/*
** validation.h: model against measured, row by row and by group.
**
** A measurement row names its software and version; the version table
** (data/profiles/versions.csv) says which profile models that version, how
** its "tokens_per_s" counts (output or total tokens) and on which chip the
** profile was fitted (software and version matched exactly, else
** loosely: any case, punctuation ignored, "v0.13" as "0.13.0").
** A row of the table may be scoped to some models (column "models",
** optional: model preset names, or prefixes ending in '*', separated by
** spaces): it serves those models of its version in place of the
** version's unscoped row (an exact name before a prefix, a longer prefix
** before a shorter), so that a version can be modelled for some models and
** listed not modelled, with a reason, for others.  A row whose profile
** was fitted on another version's rows names that version (column
** "fitted_version", optional): none of its rows is in sample, and those of
** the fitted chip form a set of their own (out of sample).
** val_evaluate() predicts every row's own metric with its profile and
** keeps every row, modelled or with the reason it is not (among them a
** version missing from the table, whose reason offers the versions of
** that software with a profile, and a chip or model without a preset)
** and the kind of that reason (VAL_WHY_*: a name the presets or the
** version table lack, which `rooflab validate --strict` refuses, apart
** from what the table, the row or the engine says);
** val_groups() summarises the errors by chip,
** version, model, precision and metric one at a time, val_cells() by
** chip, version, model and precision together.
*/
#ifndef RL_VALIDATION_H
#define RL_VALIDATION_H

#include <stddef.h>

#include "../config/measure.h"
#include "../config/presetcache.h"
#include "../config/setup.h"
#include "valversions.h"

/* VAL_NOT_EVALUATED: a row in the fit val_evaluate_off_fit left alone */
enum { VAL_OK = 0, VAL_NOT_MODELLED = 1, VAL_NOT_EVALUATED = 2 };

/* Why a row is not modelled: the kind of its reason (the reason's text
** says the rest).  A row gets the first that holds, in this order: its
** software and version not in the version table (unless --profile serves
** every row), the table's row for it without a profile, the row itself
** (measure.h: its metric, lengths, tp or fields), its chip, then its
** model, without a preset, a setup, load model or engine that refuses it.
** The four unknown names are the file's spellings that nothing here has
** (val_why_unknown); the others are what the table or the row says, or
** what the engine cannot represent. */
enum {
	VAL_WHY_NONE = 0,         /* modelled */
	VAL_WHY_UNKNOWN_SOFTWARE, /* no row of the version table has its
	                          ** software (column software) */
	VAL_WHY_UNKNOWN_VERSION,  /* the table has the software, not this
	                          ** version (column version) */
	VAL_WHY_UNKNOWN_CHIP,     /* no chip preset (column chip) */
	VAL_WHY_UNKNOWN_MODEL,    /* no model preset (column model) */
	VAL_WHY_VERSION_NOT_MODELLED, /* the table lists the version, or the
	                          ** model for it, without a profile: its note */
	VAL_WHY_ROW,              /* the row itself (meas_row.why_not) */
	VAL_WHY_NOT_REPRESENTABLE, /* the setup, the load model or the engine
	                          ** refuse it (a shape, a precision, a chip
	                          ** without the units, a model that does not
	                          ** fit) */
	VAL_WHY_UNKNOWN_PRECISION, /* no precision the engine has (column
	                          ** precision): never a row's why (its reason
	                          ** is the row's own, row_not_modelled), an
	                          ** unknown name in also_unknown for --strict */
	VAL_WHY_COUNT
};
/* Its name in JSON (reason_kind): "unknown_software", "unknown_version",
** "unknown_chip", "unknown_model", "version_not_modelled",
** "row_not_modelled", "not_representable"; NULL for VAL_WHY_NONE. */
const char *val_why_name(int why);
/* 1 for the kinds of an unknown name (software, version, chip, model). */
int val_why_unknown(int why);

typedef struct {
	const meas_row *row;
	const char *profile;        /* empty when none (under RL_NAME_MAX
	                            ** bytes, in the set's pool, as reason) */
	int status;                 /* VAL_OK or VAL_NOT_MODELLED (or
	                            ** VAL_NOT_EVALUATED: val_evaluate_off_fit) */
	int in_fit;                 /* the row's chip is its version's fitted
	                            ** chip and the version's rows were in the
	                            ** fit (set for rows not modelled too) */
	int out_of_sample;          /* the fitted chip, but a version whose
	                            ** profile was fitted on another's rows */
	const char *reason;         /* why not modelled (under VAL_REASON_MAX
	                            ** bytes; "" when modelled), held in the
	                            ** pool of the row's set (meas_keep) */
	int why;                    /* its kind, VAL_WHY_* (NONE when ok) */
	int also_unknown;           /* the unknown names the row has beside
	                            ** its why, (1 << VAL_WHY_UNKNOWN_CHIP) |
	                            ** (1 << VAL_WHY_UNKNOWN_MODEL) | (1 <<
	                            ** VAL_WHY_UNKNOWN_PRECISION), which --strict
	                            ** names with it, whatever its why; else 0 */
	double measured, predicted, error; /* error = predicted/measured - 1 */
} val_row;

/* Evaluate every row (out[set->n]; their reasons and profile names held
** in set's pool: the rows live as long as the set); profile, when not NULL, serves every
** row in place of the table's; cache (NULL: none) the run's presets,
** each file read once (presetcache.h).  RL_OK, or RL_EINTERNAL with err where a
** preset's text could not be held in memory (an internal failure, not a
** row "cannot set up"): the rows after it are not evaluated. */
int val_evaluate(meas_set *set, const val_versions *vt,
                 const char *profile, preset_cache *cache, val_row *out,
                 char *err, size_t errlen);

/* The same, the rows in the fit (in_fit: their version's rows on the
** chip its profile was fitted on) that have a profile not evaluated:
** each of them with its row, profile, in_fit and out_of_sample as
** val_evaluate gives them, status VAL_NOT_EVALUATED (set
** VAL_SET_NOT_MODELLED), why VAL_WHY_NONE, reason "" and no prediction;
** every other row as val_evaluate gives it.  For what needs the rows off
** the fit alone (valtrust.h's sentence: the profiles' names, the held-out
** rows' statuses and the out-of-sample rows' errors): 1,495 of the 1,536
** shipped rows are modelled in sample, each an engine run spared. */
int val_evaluate_off_fit(meas_set *set, const val_versions *vt,
                         const char *profile, preset_cache *cache,
                         val_row *out, char *err, size_t errlen);

/* What a group gathers rows by. */
enum { VAL_BY_CHIP = 0, VAL_BY_VERSION, VAL_BY_MODEL, VAL_BY_PRECISION,
       VAL_BY_METRIC, VAL_BY_COUNT };
const char *val_by_name(int by);

/* Which rows a group gathers: modelled rows of the chip their profile was
** fitted on (in sample), modelled rows of other chips (held out), rows
** not modelled, and modelled rows of the fitted chip of a version whose
** profile was fitted on another version's rows (out of sample: a
** borrowed profile); the four never share a group. */
enum { VAL_SET_HELD_OUT = 0, VAL_SET_FITTED = 1, VAL_SET_NOT_MODELLED = 2,
       VAL_SET_OUT_OF_SAMPLE = 3, VAL_SET_COUNT };
#define VAL_SET_BIT(set) (1u << (set))
/* The modelled sets: held out, in sample, out of sample. */
#define VAL_SETS_MODELLED                                                    \
	(VAL_SET_BIT(VAL_SET_HELD_OUT) | VAL_SET_BIT(VAL_SET_FITTED) |          \
	 VAL_SET_BIT(VAL_SET_OUT_OF_SAMPLE))
const char *val_set_name(int set);
/* The set of one evaluated row. */
int val_set_of(const val_row *v);

typedef struct {
	int by;                  /* VAL_BY_* */
	char key[2 * MEAS_FIELD + 2];
	int set;                 /* VAL_SET_* */
	size_t rows, modelled;   /* modelled: rows (sets 0, 1) or 0 (set 2) */
	double median_abs, p90_abs, median; /* errors of the modelled rows */
} val_group;

/* Groups of rows by chip, version, model, precision and metric, each
** within one set (VAL_SET_*).  *out is allocated (free it); returns the
** count, or 0 with *out NULL when out of memory. */
size_t val_groups(const val_row *rows, size_t n, val_group **out);

/* The rows of one chip, version, model and precision (the keys of
** val_key_of) within one set: a cell of the four-way table. */
typedef struct {
	const val_row *first;    /* its first row, which names its keys */
	int set;                 /* VAL_SET_* */
	size_t rows, modelled;   /* as in val_group */
	double median_abs, p90_abs, median; /* errors of the modelled rows */
} val_cell;

/* The cells of the rows, in the order of their first rows.  *out is
** allocated (free it); returns the count, or 0 with *out NULL when out of
** memory or n is 0. */
size_t val_cells(const val_row *rows, size_t n, val_cell **out);

/* The key of a row in a grouping (by = VAL_BY_*). */
void val_key_of(const val_row *v, int by, char *key, size_t len);

/* Errors of the modelled rows of the sets in the mask sets (VAL_SET_BIT
** of each): count, median and 90th percentile of |error|. */
size_t val_summary(const val_row *rows, size_t n, unsigned sets, double *med,
                   double *p90);

#endif
