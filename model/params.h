/*
** params.h: the one table of named parameters.
**
** Each row names a field of rl_config ("section.key"), its display unit and
** the factor that turns a display value into SI, its allowed range and
** default (both in display units), and a one-line doc.  INI parsing,
** `--set`, `rooflab params`, range checks, sweep axes and database columns
** are all driven by this table: adding a parameter means adding one row.
*/
#ifndef RL_PARAMS_H
#define RL_PARAMS_H

#include <stdint.h>

#include "rl_config.h"

typedef enum {
	RL_PT_REAL = 0,  /* any finite value in [min, max] */
	RL_PT_INT,       /* a whole number in [min, max] */
	RL_PT_BOOL,      /* 0 or 1 (also true/false, yes/no) */
	RL_PT_ENUM       /* one of choices; stored as its index */
} rl_ptype;

typedef struct {
	const char *section;   /* "chip", "model", "scenario", "profile", ... */
	const char *key;       /* name with its unit: "hbm_tbps" */
	const char *unit;      /* display unit: "TB/s" ("" when none) */
	double scale;          /* SI value = display value * scale */
	double min, max;       /* allowed range, display units */
	double def;            /* default, display units */
	rl_ptype type;
	const char *const *choices; /* RL_PT_ENUM: NULL-terminated names */
	size_t offset;         /* byte offset of the double in rl_config */
	const char *doc;       /* one line */
	int zero_other;        /* 1: a value of 0 stands for another value
	                       ** (the doc's "(0: ...)": no limit, a fallback
	                       ** to another key or a table), not the least
	                       ** of the range: solve's scan starts above it */
} rl_param;

/* Result codes of the setters. */
enum { RL_P_OK = 0, RL_P_UNKNOWN, RL_P_RANGE, RL_P_NOTNUM, RL_P_CHOICE };

/* The table and its length. */
const rl_param *rl_params(size_t *count);

/* Find by "section.key"; NULL if none. */
const rl_param *rl_param_find(const char *section, const char *key);
const rl_param *rl_param_find_full(const char *dotted);

/* Levenshtein distance between a and b (letters compared without case when
** fold_case is non-zero); 1000 when either is longer than 127 characters. */
size_t rl_edit_distance(const char *a, const char *b, int fold_case);
/* Edits a name typed with len letters may be from a name offered for it
** ("did you mean"): a third of them, at least one. */
size_t rl_edit_allowed(size_t len);

/* Up to `max` names ("section.key") closest to `dotted`, by edit distance;
** returns how many were written. */
size_t rl_param_suggest(const char *dotted, const char **out, size_t max,
                        char buf[][64]);

/* A die block's two forms, design.frac_X (its share of the die) and
** design.X_mm2 (its area per die, rl_design_resolved in silicon.h turning
** it into the share): the other form of p, NULL where p is neither.  One
** source (a file, the --set options) gives one of them; setting frac_X
** (rl_param_set, rl_param_set_text) clears X_mm2, so that a share given
** after an area (--set over a chip file) wins as any later value does. */
const rl_param *rl_param_other_form(const rl_param *p);

/* Every parameter at its default. */
void rl_config_defaults(rl_config *cfg);

/* Set from text (a number, or an enum/bool name).  Checks type and range;
** on failure leaves cfg unchanged and writes a message into err. */
int rl_param_set_text(rl_config *cfg, const rl_param *p, const char *text,
                      char *err, size_t errlen);

/* The display-unit value text gives (a choice's index for an enum/bool
** name), with rl_param_set_text's checks: RL_P_OK, or a code and a
** message in err.  The value itself, not the field's value / scale (that
** can move the last bit: 1000 pJ x 1e-12 / 1e-12 = 1000.0000000000001,
** past a range of 0..1000); rl_param_set of it sets the field exactly as
** rl_param_set_text of the text does. */
int rl_param_value_text(const rl_param *p, const char *text, double *out,
                        char *err, size_t errlen);

/* What a parameter takes, in words: "whole numbers 0 to 64 stacks",
** "0 to 1000 TB/s", "one of fp16|bf16|fp8|fp4" (display units). */
void rl_param_allowed_text(const rl_param *p, char *buf, size_t len);

/* Set from a display-unit number, with the same checks. */
int rl_param_set(rl_config *cfg, const rl_param *p, double display,
                 char *err, size_t errlen);

/* Display-unit value of a parameter. */
double rl_param_get(const rl_config *cfg, const rl_param *p);

/* SI field pointer. */
double *rl_param_ptr(rl_config *cfg, const rl_param *p);

/* Text of a value for display: enum name, or the number in all its digits
** (numtext.h rl_number_write: 20000000, where %.10g wrote 2e+07). */
void rl_param_format(const rl_param *p, double display, char *buf, size_t len);

/* The configuration hashed through this table, not its bytes: FNV-1a 64
** (from h) over each row's "section.key=VALUE" and a 0x1e, in the table's
** order, VALUE the choice's name for an enum or bool that names one, else
** the SI value as "%.17g" (-0 as 0).  Two configurations equal field by
** field hash equal, whatever their bytes (-0 against 0, or what a struct
** copy leaves between fields); a parameter added changes every hash. */
uint64_t rl_config_hash(uint64_t h, const rl_config *cfg);
/* rl_config_hash over the rows of one section alone ("profile": the
** serving profile's numbers, which a refit changes under the same name);
** NULL: every row, as rl_config_hash. */
uint64_t rl_config_hash_section(uint64_t h, const rl_config *cfg,
                                const char *section);

/* Index of an enum choice by name, -1 if none. */
int rl_param_choice(const rl_param *p, const char *name);

#endif
