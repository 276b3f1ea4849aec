/*
** measure.c: reading measurement CSVs (measure.h): the columns of either
** layout, each row's fields, and the settings its notes state.
*/
#include "measure.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>

#include "../model/status.h"
#include "chiplabel.h"
#include "modellabel.h"
#include "csvrows.h"
#include "datasets.h"
#include "num.h"
#include "presetcache.h"
#include "presets.h"
#include "rounding.h"
#include "strpool.h"
#include "../model/utf8.h"

/* rows after the first whose value is no positive number, named by line */
#define BAD_VALUES_SHOWN 8

enum { C_ID, C_CHIPS, C_CHIP, C_MODEL, C_PREC, C_ISL, C_OSL, C_TP, C_SW,
       C_METRIC, C_VALUE, C_SOURCE, C_VERSION, C_PP, C_BATCH, C_RATE,
       C_NOTES, C_COUNT };
static const char *const col_names[C_COUNT] = {
    "id", "chips", "chip", "model", "precision", "isl", "osl", "tp",
    "software", "metric", "value", "source", "version", "pp",
    "batch_or_concurrency", "request_rate", "notes"};
/* The name of column i as the header spells it (C_CHIPS may be "gpus"). */
static const char *col_name(const meas_set *set, int i)
{
	return i == C_CHIPS && set->chips_name ? set->chips_name : col_names[i];
}

/* columns each layout needs (C_CHIPS is "gpus" in the published one) */
static const int legacy_need[] = {C_ID, C_CHIPS, C_CHIP, C_MODEL, C_PREC,
                                  C_ISL, C_OSL, C_TP, C_SW, C_METRIC,
                                  C_VALUE, C_SOURCE, -1};
static const int published_need[] = {C_ID, C_SW, C_VERSION, C_CHIP,
                                     C_CHIPS, C_MODEL, C_PREC, C_ISL, C_OSL,
                                     C_TP, C_PP, C_BATCH, C_RATE, C_METRIC,
                                     C_VALUE, -1};

/* A whole number >= 1. */
static int whole(const char *s, double *v)
{
	return num_text(s, v) == 0 && *v == floor(*v) && *v >= 1;
}

/* A finite number. */
static int number(const char *s, double *v)
{
	return num_text(s, v) == 0;
}

/* A row's reason not modelled is written into a buffer of WHY_MAX bytes
** as the row is read, and held in the set's pool once it is read */
#define WHY_MAX 256

/* The value of a setting at s, up to a blank, ',', ';', a parenthesis or
** the end ("8192" of "max_num_tokens=8192, ..."), as a number >= 0 into
** *v: the characters it took, or 0 when it is empty or not such a number
** ("1e9x", "1..2", "-1"): a value read in part would be another value. */
static size_t setting_number(const char *s, double *v)
{
	size_t n = num_span(s, strcspn(s, " ,;()"), v);
	return n && *v >= 0 ? n : 0;
}

/* The setting "key=V" of a notes text for the row's chip into *v: V, or,
** when a parenthesis right after V gives other chips their own values
** ("key=0.99 (GH200 0.95)", the 0.11 table's KV fraction), the value given
** for the chip.  1 then; 0 when the key is absent; -1 when the value that
** applies is not a number >= 0 (setting_number). */
static int note_setting(const char *notes, const char *key, const char *chip,
                        double *v)
{
	size_t kl = strlen(key), n;
	const char *p = notes;
	double w;
	while ((p = strstr(p, key)) != NULL &&
	       ((p > notes && (isalnum((unsigned char)p[-1]) || p[-1] == '_')) ||
	        p[kl] != '='))
		p += kl;
	if (!p)
		return 0;
	if (!(n = setting_number(p + kl + 1, v)))
		return -1;
	p += kl + 1 + n;
	while (*p == ' ')
		p++;
	if (*p != '(')
		return 1;
	for (p++; *p && *p != ')';) {
		/* "LABEL V" entries separated by commas or semicolons: LABEL a
		** word naming the chip as chiplabel_is_chip does ("GH200") and V
		** the number after it; else V the entry's last word and LABEL the
		** words before it, naming the chip as the tables spell the part
		** ("GH200 96GB", "GH200:"; chiplabel_preset) */
		size_t len, ln;
		while (*p == ' ' || *p == ',' || *p == ';')
			p++;
		ln = strcspn(p, " ,;)");
		if (p[ln] == ' ' && chiplabel_is_chip(p, ln, chip) &&
		    setting_number(p + ln + 1, &w)) {
			*v = w;
			return 1;
		}
		len = strcspn(p, ",;)");
		while (len > 0 && p[len - 1] == ' ')
			len--;
		for (ln = len; ln > 0 && p[ln - 1] != ' '; ln--)
			;
		if (ln > 1 && chiplabel_entry_names(p, ln - 1, chip)) {
			if (!setting_number(p + ln, &w))
				return -1;
			*v = w;
			return 1;
		}
		p += strcspn(p, ",;)");
	}
	return 1;
}

/* The precisions as the tables and checkpoints spell them (any case), and
** what each sets up: the scenario's precision (weights and activations)
** and the KV cache's where the checkpoint fixes it. */
static const struct prec_spelling {
	const char *name, *precision, *kv;
	int experts_only; /* 1: only the routed experts are 4-bit (MXFP4) */
} prec_spellings[] = {
	{"fp8", "fp8", NULL, 0},
	{"fp16", "fp16", NULL, 0},
	{"bf16", "bf16", NULL, 0},
	{"fp32", "fp32", NULL, 0},
	/* published-methodology.md, 0.12: "Non-FP8 columns are labelled
	** 'Mixed' (16-bit)" */
	{"mixed", "fp16", NULL, 0},
	/* the Blackwell columns of the 0.17+ tables say FP4, meaning NVFP4
	** (4-bit values, an FP8 scale per 16): weights AND activations in FP4,
	** so the GEMMs run at the FP4 peak; the KV cache in FP8, as the
	** checkpoint's kv_cache_quant_algo says (published-methodology.md,
	** 0.17: pre-quantized weights set the KV dtype through --quantization;
	** ModelOpt's NVFP4 checkpoints quantize the KV cache to FP8 and keep
	** the LM head in 16 bits: ASSUMPTION, not copied into data/; range:
	** 16-bit KV, twice the bytes, if a row ran without it) */
	{"fp4", "fp4", "fp8", 0},
	{"nvfp4", "fp4", "fp8", 0},
	/* MXFP4 checkpoints (gpt-oss) hold only the routed experts in 4 bits,
	** at the width the model preset gives (model.expert_weight_bits,
	** 4.25), attention, router and embeddings unquantized (models-more.csv
	** notes): 16-bit otherwise, the KV cache too; a model without that
	** width has no MXFP4 checkpoint and is refused (meas_setup) */
	{"mxfp4", "bf16", NULL, 1},
};

/* The spelling entry of a precision as a row gives it; NULL if none. */
static const struct prec_spelling *prec_spelling_of(const char *p)
{
	size_t i;
	for (i = 0; i < sizeof prec_spellings / sizeof prec_spellings[0]; i++)
		if (!strcasecmp(p, prec_spellings[i].name))
			return &prec_spellings[i];
	return NULL;
}

static int metric_code(const char *metric)
{
	if (!strcmp(metric, "output_tokens_per_s"))
		return MEAS_OUTPUT_TPS;
	if (!strcmp(metric, "total_tokens_per_s"))
		return MEAS_TOTAL_TPS;
	if (!strcmp(metric, "output_tokens_per_s_per_gpu"))
		return MEAS_OUTPUT_TPS_PER_GPU;
	if (!strcmp(metric, "tokens_per_s"))
		return MEAS_TOKENS_TPS;
	if (!strcmp(metric, "requests_per_s"))
		return MEAS_REQUESTS_PS;
	if (!strcmp(metric, "ttft_mean_s"))
		return MEAS_TTFT_MEAN;
	if (!strcmp(metric, "itl_mean_s") || !strcmp(metric, "tpot_mean_s"))
		return MEAS_ITL_MEAN;
	if (!strcmp(metric, "tflops"))
		return MEAS_GEMM_TFLOPS;
	if (!strcmp(metric, "tb_per_s_read_plus_write"))
		return MEAS_COPY_TBPS;
	return MEAS_OTHER;
}

int meas_metric_micro(const char *metric)
{
	int c = metric_code(metric);
	return c == MEAS_GEMM_TFLOPS || c == MEAS_COPY_TBPS;
}

int meas_micro(const meas_row *row)
{
	return row->metric_code == MEAS_GEMM_TFLOPS ||
	       row->metric_code == MEAS_COPY_TBPS;
}

/* The model a row's model column names: the column itself where it is
** a model preset's name (a data directory's own preset first), else the
** preset a label of the tables or a checkpoint's repository names ("LLaMA
** v3 70B", "Llama-3.1-70B-Instruct": modellabel.h), else the column as
** given (an unknown model, or a microbenchmark's "gemm MxNxK"). */
static const char *model_preset(const char *given)
{
	char path[1024], err[64];
	const char *preset;
	if (!strchr(given, '/') &&
	    preset_path("model", given, path, sizeof path, err, sizeof err) == 0)
		return given;
	preset = modellabel_preset(given);
	return preset ? preset : given;
}

/* A label's preset (what "chip" or "model": chiplabel_preset, NULL for
** none, or model_preset), once per label of the run (cache); NULL with
** *oom set when it cannot be held. */
static const char *label_of(struct preset_cache *cache, const char *what,
                            const char *given, int *oom)
{
	const char *v;
	if (preset_cache_get(cache, what, given, &v))
		return v;
	v = !strcmp(what, "chip") ? chiplabel_preset(given)
	                          : model_preset(given);
	return preset_cache_put(cache, what, given, v, oom);
}

/* The text columns of a row into the set's pool (its chip and model as
** their labels name them: label_of); -1 when out of memory. */
static int row_text(meas_set *set, meas_row *r, char **fields, int nf,
                    const int *col, struct preset_cache *cache)
{
	const char *chip, *model;
	int oom = 0;
	chip = label_of(cache, "chip", fields[col[C_CHIP]], &oom);
	model = oom ? NULL : label_of(cache, "model", fields[col[C_MODEL]], &oom);
	if (oom)
		return -1;
	return !(r->id = strpool_add(set->pool, fields[col[C_ID]], 0, NULL)) ||
	       !(r->chip_given = strpool_add(set->pool, fields[col[C_CHIP]], 0,
	                                     NULL)) ||
	       !(r->chip = strpool_add(set->pool, chip ? chip : r->chip_given, 0,
	                               NULL)) ||
	       !(r->model = strpool_add(set->pool, model, 0, NULL)) ||
	       !(r->precision = strpool_add(set->pool, fields[col[C_PREC]], 0,
	                                    NULL)) ||
	       !(r->software = strpool_add(set->pool, fields[col[C_SW]], 0,
	                                   NULL)) ||
	       !(r->metric = strpool_add(set->pool, fields[col[C_METRIC]], 0,
	                                 NULL)) ||
	       !(r->source = strpool_add(set->pool, col[C_SOURCE] >= 0 &&
	                                 col[C_SOURCE] < nf
	                                     ? fields[col[C_SOURCE]] : "",
	                                 0, NULL)) ||
	       !(r->version = strpool_add(set->pool, col[C_VERSION] >= 0
	                                  ? fields[col[C_VERSION]] : "", 0,
	                                  NULL))
	           ? -1 : 0;
}

static void not_modelled(meas_row *r, char *wb, const char *why)
{
	if (!r->modelled)
		return; /* the first reason stands */
	r->modelled = 0;
	snprintf(wb, WHY_MAX, "%s", why);
}

/* A whole number >= 1 stated as "KEY=V" (note_setting's status st, its
** value v) into *out, 0 when absent; a value stated but not such a number
** makes the row not modelled: "its WHERE a KEY that is not ..." (WHERE:
** "notes give"). */
static void stated_count(meas_row *r, char *wb, int st, double v,
                         const char *where, const char *key, double *out)
{
	char why[160];
	*out = 0;
	if (st > 0 && v >= 1 && v == floor(v) && v < 1e15) {
		*out = v;
		return;
	}
	if (st == 0)
		return;
	snprintf(why, sizeof why, "its %s a %s that is not a whole number "
	         ">= 1", where, key);
	not_modelled(r, wb, why);
}

/* A microbenchmark row: modelled whatever its lengths and tp say (it has
** none); a GEMM needs its shape in the model column, "gemm MxNxK". */
static void micro_fields(meas_row *r, char *wb)
{
	char m[32], n[32], k[32], rest[2];
	r->modelled = 1;
	wb[0] = '\0';
	if (r->metric_code != MEAS_GEMM_TFLOPS)
		return;
	if (sscanf(r->model, "gemm %31[0-9]x%31[0-9]x%31[0-9]%1s", m, n, k,
	           rest) != 3 ||
	    !whole(m, &r->gemm_m) || !whole(n, &r->gemm_n) ||
	    !whole(k, &r->gemm_k))
		not_modelled(r, wb, "a GEMM's shape is not given as 'gemm MxNxK' in "
		                "the model column");
}

const char *meas_precisions(void)
{
	return "fp4 (nvfp4), fp8, fp16 (mixed), bf16, fp32";
}

/* The scenario's precisions of a row from its spelling (prec_spellings);
** a spelling the engine does not represent: not modelled, why. */
static void precision_fields(meas_row *r, char *wb)
{
	const struct prec_spelling *ps = prec_spelling_of(r->precision);
	char why[256];
	r->scen_precision[0] = r->scen_kv[0] = '\0';
	if (!r->precision[0])
		return; /* none given (a copy): the profile's and chip's */
	if (!ps) {
		snprintf(why, sizeof why, "precision '%.*s' is none of %s",
		         rl_utf8_cut(r->precision, 60), r->precision,
		         meas_precisions());
		not_modelled(r, wb, why);
		r->precision_unknown = 1;
		return;
	}
	r->experts_only = ps->experts_only;
	snprintf(r->scen_precision, sizeof r->scen_precision, "%s",
	         ps->precision);
	if (ps->kv)
		snprintf(r->scen_kv, sizeof r->scen_kv, "%s", ps->kv);
}

/* Fill the numbers of a row of the published layout, the settings its
** notes state (NULL: a row without a notes field); -1 + err when a field
** is neither empty nor a number where a number is due. */
static int published_fields(meas_row *r, char *wb, char **fields,
                            const int *col, const meas_set *set, const char *notes,
                            const char *path, char *err, size_t errlen)
{
	static const int numeric[] = {C_ISL, C_OSL, C_CHIPS, C_PP, C_RATE};
	double *dst[] = {&r->isl, &r->osl, &r->chips, &r->pp, &r->request_rate_rps};
	const char *tp = fields[col[C_TP]];
	size_t i;
	for (i = 0; i < sizeof numeric / sizeof numeric[0]; i++) {
		const char *f = fields[col[numeric[i]]];
		*dst[i] = NAN;
		if (!*f)
			continue;
		if (numeric[i] == C_RATE && !strcmp(f, "inf")) {
			*dst[i] = INFINITY;
			continue;
		}
		if (!number(f, dst[i]) || *dst[i] < 0) {
			snprintf(err, errlen, "%s:%d: column '%s' (%d): '%.*s' is not "
			         "a number >= 0%s", path, r->line, col_name(set, numeric[i]),
			         col[numeric[i]] + 1, rl_utf8_cut(f, 60), f,
			         numeric[i] == C_RATE ? " (or inf), or empty" : ", or empty");
			return -1;
		}
	}
	r->tp = NAN;
	r->ep = 1;
	if (!strncmp(tp, "DEP", 3) && whole(tp + 3, &r->ep) && r->ep >= 1) {
		/* attention data parallel over n GPUs, the experts split over
		** the same n: n replicas of tp 1 pooling their experts (ep n) */
		r->tp = 1;
	} else if (!strncmp(tp, "TP", 2) && whole(tp + 2, &r->tp)) {
		/* "TP4": tensor parallel over 4 GPUs, as the tables beside DEPn
		** may write it */
	} else if (!strncmp(tp, "TEP", 3) && whole(tp + 3, &r->tp)) {
		/* attention tensor parallel over n GPUs with the experts split
		** over the same n: no mapping of the engine's (its ep pools the
		** experts of data-parallel replicas, as DEPn), so the row is
		** listed with the reason, where the file was refused */
		char why[224];
		snprintf(why, sizeof why, "tp %.20s: attention tensor parallel "
		         "with the experts split over the same GPUs, which the "
		         "engine does not represent (its ep pools the experts of "
		         "data-parallel replicas, as DEPn does)", tp);
		not_modelled(r, wb, why);
	} else if (*tp && !whole(tp, &r->tp)) {
		snprintf(err, errlen, "%s:%d: column 'tp' (%d): '%.*s' is not a "
		         "whole number, TPn, DEPn or TEPn", path, r->line,
		         col[C_TP] + 1, rl_utf8_cut(tp, 60), tp);
		return -1;
	}
	if (isnan(r->isl) || isnan(r->osl))
		not_modelled(r, wb, "lengths not given as fixed whole numbers (a "
		                "dataset with a length distribution)");
	else if (!(r->isl >= 1 && r->osl >= 1 && r->isl == floor(r->isl) &&
	           r->osl == floor(r->osl)))
		/* there but 0 or 2.5: no distribution, a value out of range */
		not_modelled(r, wb, "isl or osl not a whole number >= 1");
	if (!(r->chips >= 1 && r->chips == floor(r->chips)) ||
	    !(r->tp >= 1))
		not_modelled(r, wb, "gpus or tp not given as whole numbers");
	if (isfinite(r->pp) && !(r->pp >= 1 && r->pp == floor(r->pp)))
		not_modelled(r, wb, "pp not given as a whole number >= 1");
	if (!isnan(r->request_rate_rps)) {
		/* "QPS=2; 500 requests": the run's request count */
		const char *b = fields[col[C_BATCH]], *q = strstr(b, " requests");
		double n = 0;
		if (q) {
			while (q > b && (q[-1] >= '0' && q[-1] <= '9'))
				q--;
			num_lead(q, &n);
		}
		r->requests = n >= 1 ? floor(n) : 0;
		if (isinf(r->request_rate_rps) && r->requests < 1)
			not_modelled(r, wb, "all requests at once (rate inf) without a "
			                "request count");
	} else if (r->metric_code == MEAS_REQUESTS_PS ||
	           r->metric_code == MEAS_TTFT_MEAN ||
	           r->metric_code == MEAS_ITL_MEAN) {
		not_modelled(r, wb, "a latency or request rate at maximum load without "
		                "a request count is not modelled");
	}
	if (isnan(r->request_rate_rps)) {
		/* "max-load offline; num_requests=3000": the run's request
		** count, all sent at once (profile.burst_waves) */
		const char *q = strstr(fields[col[C_BATCH]], "num_requests=");
		double n = 0;
		int st = 0;
		if (q)
			st = setting_number(q + strlen("num_requests="), &n) ? 1 : -1;
		stated_count(r, wb, st, n, "batch column gives", "num_requests",
		             &r->requests);
	}
	if (notes) {
		double t, b, f;
		int st_t = note_setting(notes, "max_num_tokens", r->chip, &t),
		    st_b = note_setting(notes, "max_batch_size", r->chip, &b),
		    st_f = note_setting(notes, "kv_cache_free_gpu_mem_fraction",
		                        r->chip, &f);
		stated_count(r, wb, st_t, t, "notes give", "max_num_tokens",
		             &r->max_num_tokens);
		stated_count(r, wb, st_b, b, "notes give", "max_batch_size",
		             &r->max_batch_size);
		/* the share of free memory the KV cache gets on this row's chip
		** (0.11: "0.99 (GH200 0.95)") */
		r->kv_fraction = 0;
		if (st_f > 0 && f > 0 && f <= 1)
			r->kv_fraction = f;
		else if (st_f)
			not_modelled(r, wb, "its notes give a kv_cache_free_gpu_mem_fraction "
			                "that is not a number in (0, 1]");
		r->moe_attention_dp = strstr(notes, "MoE: enable_attention_dp") != NULL;
	}
	return 0;
}

/* Fill the numbers of a row of the data/measurements.csv layout. */
static void legacy_fields(meas_row *r, char *wb, char **fields,
                          const int *col, const meas_set *set)
{
	char why[256];
	r->pp = 1;
	r->ep = 1;
	r->request_rate_rps = NAN;
	if (!whole(fields[col[C_ISL]], &r->isl) ||
	    !whole(fields[col[C_OSL]], &r->osl)) {
		snprintf(why, sizeof why, "lengths are a distribution (isl "
		         "'%.*s'), not fixed", rl_utf8_cut(fields[col[C_ISL]], 40),
		         fields[col[C_ISL]]);
		not_modelled(r, wb, why);
	} else if (!whole(fields[col[C_TP]], &r->tp)) {
		snprintf(why, sizeof why, "tp '%.*s' is not a single whole "
		         "number", rl_utf8_cut(fields[col[C_TP]], 40),
		         fields[col[C_TP]]);
		not_modelled(r, wb, why);
	} else if (!whole(fields[col[C_CHIPS]], &r->chips)) {
		snprintf(why, sizeof why, "%s '%.*s' is not a single whole "
		         "number", col_name(set, C_CHIPS),
		         rl_utf8_cut(fields[col[C_CHIPS]], 40), fields[col[C_CHIPS]]);
		not_modelled(r, wb, why);
	}
}

/* A row with more fields than its header whose last column is the notes
** (as in published-h100.csv) and whose columns up to the notes still line
** up (the value a positive number, the metric one the engine knows): the
** comma was unquoted in the notes, so the notes are the fields from the
** last column on, joined again with commas.  1 with *out malloc'd; 0 when
** the row is not of that kind (which value is whose column cannot be
** told); -1 when the notes cannot be allocated (not a judgement on the
** row: meas_read fails, RL_EINTERNAL). */
static int notes_tail(char **fields, int nf, const int *col, int header_nf,
                      char **out)
{
	size_t len = 0, at = 0;
	double v;
	int i;
	*out = NULL;
	if (col[C_NOTES] != header_nf - 1 ||
	    num_text(fields[col[C_VALUE]], &v) || !(v > 0) ||
	    metric_code(fields[col[C_METRIC]]) == MEAS_OTHER)
		return 0;
	for (i = header_nf - 1; i < nf; i++)
		len += strlen(fields[i]) + 1;
	if (!(*out = malloc(len)))
		return -1;
	for (i = header_nf - 1; i < nf; i++) {
		size_t n = strlen(fields[i]);
		memcpy(*out + at, fields[i], n);
		at += n;
		(*out)[at++] = i + 1 < nf ? ',' : '\0';
	}
	return 1;
}

/* A row with more fields than its header whose notes cannot take the
** rest (notes_tail; an unquoted comma before them, or no notes last):
** which value is whose column cannot be told, so the row is listed, not
** modelled, with the reason, and read no further (its value where it is
** a positive number, else 0); the rows after it are read as ever. */
static void overfull(meas_row *r, char *wb, const char *value, int nf,
                     int header_nf)
{
	double v;
	r->value = !num_text(value, &v) && v > 0 ? v : 0;
	r->metric_code = metric_code(r->metric);
	r->request_rate_rps = NAN; /* not read */
	r->modelled = 0;
	snprintf(wb, WHY_MAX, "its line has %d fields where "
	         "the header has %d (an unquoted comma in a field?): which "
	         "value is whose column cannot be told", nf, header_nf);
}

/* The column of fields (nf) that is name but for blanks or a no-break
** space around it (U+00A0, C2 A0) or its letters' case (" chip", "Chip",
** "chip" + NBSP), or -1: a header lacking 'chip' said only that, where a
** spreadsheet had kept a blank after the name (fuzz79's note). */
static int near_column(char **fields, int nf, const char *name)
{
	int k;
	for (k = 0; k < nf; k++) {
		const char *a = fields[k], *e = a + strlen(a);
		size_t n = strlen(name);
		for (;;) {
			if (*a == ' ' || *a == '\t')
				a++;
			else if ((unsigned char)a[0] == 0xc2 &&
			         (unsigned char)a[1] == 0xa0)
				a += 2;
			else
				break;
		}
		for (;;) {
			if (e > a && (e[-1] == ' ' || e[-1] == '\t'))
				e--;
			else if (e - a >= 2 && (unsigned char)e[-2] == 0xc2 &&
			         (unsigned char)e[-1] == 0xa0)
				e -= 2;
			else
				break;
		}
		if ((size_t)(e - a) == n && !strncasecmp(a, name, n))
			return k;
	}
	return -1;
}

/* Read the header line: find the columns, pick the layout. */
static int header(char **fields, int nf, int *col, meas_set *set,
                  const char *path, int lineno, char *err, size_t errlen)
{
	const int *need;
	int k, i;
	for (i = 0; i < C_COUNT; i++)
		col[i] = -1;
	for (k = 0; k < nf; k++) {
		for (i = 0; i < C_COUNT; i++)
			if (!strcmp(fields[k], col_names[i]) ||
			    (i == C_CHIPS && !strcmp(fields[k], "gpus")))
				break;
		if (i == C_COUNT)
			continue; /* a column of its own (system, source_repo) */
		if (col[i] >= 0) {
			snprintf(err, errlen, "%s:%d: column '%.*s' (%d) repeats "
			         "column '%s' (%d)", path, lineno,
			         rl_utf8_cut(fields[k], 60), fields[k], k + 1,
			         fields[col[i]], col[i] + 1);
			return -1;
		}
		col[i] = k;
		if (i == C_CHIPS)
			set->chips_name = !strcmp(fields[k], "gpus") ? "gpus"
			                                             : "chips";
	}
	set->published = col[C_VERSION] >= 0;
	need = set->published ? published_need : legacy_need;
	for (i = 0; need[i] >= 0; i++)
		if (col[need[i]] < 0) {
			/* which layout was taken, and all it needs: a file of the
			** published columns short of 'version' was read as the
			** repository's, and asked for 'chips' without a word */
			char list[300];
			size_t used = 0;
			int j;
			for (j = 0; need[j] >= 0 && used < sizeof list; j++)
				used += (size_t)snprintf(list + used, sizeof list - used,
				                         "%s%s", j ? ", " : "",
				                         need[j] == C_CHIPS && set->published
				                             ? "gpus" : col_names[need[j]]);
			const char *name = need[i] == C_CHIPS && set->published
			                       ? "gpus" : col_names[need[i]];
			int near = near_column(fields, nf, name);
			char q[RL_UTF8_QUOTE_MAX + 64], hint[RL_UTF8_QUOTE_MAX + 160];
			hint[0] = '\0';
			if (near >= 0)
				snprintf(hint, sizeof hint, "; column %d is %s, the name "
				         "with blanks or a no-break space (U+00A0) around it "
				         "or in other case, where a header spells it exactly", near + 1,
				         rl_utf8_quote(fields[near], RL_UTF8_QUOTE_MAX, q,
				                       sizeof q));
			snprintf(err, errlen, "%s:%d: header lacks column '%s' (a "
			         "header %s has the columns of %s: %s)%s", path, lineno,
			         name,
			         set->published ? "with 'version'" : "without 'version'",
			         set->published ? "data/measurements/published-h100.csv"
			                        : "data/measurements.csv", list, hint);
			return -1;
		}
	set->col_chip = col[C_CHIP] + 1;
	set->col_precision = col[C_PREC] + 1;
	set->col_model = col[C_MODEL] + 1;
	set->col_version = col[C_VERSION] + 1;
	set->col_software = col[C_SW] + 1;
	return 0;
}

/* The rows whose value is no positive number, in one message: the first
** whole, "FILE:3: column 'value' (15): 'abc' is not a positive number",
** then "; nor are lines 5 ('-5'), 9 ('x')" (at most BAD_VALUES_SHOWN
** lines, each value cut to 20 bytes) and ", and N more lines". */
static void bad_values(const char *first, const char *more, int nbad,
                       char *err, size_t errlen)
{
	int shown = nbad - 1 < BAD_VALUES_SHOWN ? nbad - 1 : BAD_VALUES_SHOWN;
	int left = nbad - 1 - shown;
	size_t u;
	snprintf(err, errlen, "%s", first);
	u = strlen(err);
	if (shown && u < errlen)
		snprintf(err + u, errlen - u, "; nor %s line%s %s",
		         shown == 1 ? "is" : "are", shown == 1 ? "" : "s", more);
	u = strlen(err);
	if (left && u < errlen)
		snprintf(err + u, errlen - u, ", and %d more line%s", left,
		         left == 1 ? "" : "s");
}

int meas_read(const char *path, meas_set *set, char *err, size_t errlen)
{
	return meas_read_cached(path, set, NULL, err, errlen);
}

/* The rows of set read from path as meas_read_cached says, with cache
** (not NULL) and ids, the set of the rows' ids (tag: the line), so that a
** repeated id is found as its row arrives. */
static int read_rows(const char *path, meas_set *set,
                     struct preset_cache *cache, strpool *ids, char *err,
                     size_t errlen)
{
	csv_rows cr;
	int col[C_COUNT], lineno, have_header = 0, header_nf = 0, i, rc;
	int header_line = 0, tail, status = RL_EINPUT, nbad = 0;
	size_t cap = 0;
	/* the first row whose id another row had: said after the rest of the
	** file is read, where the file's other faults are said first */
	char dup[1024] = "", wb[WHY_MAX];
	/* the first row whose value is no positive number, said whole, and
	** the next few said after it by line: a hand-made file's bad rows in
	** one run, not one a run */
	char first_bad[1024] = "", more_bad[400] = "";
	char *joined = NULL; /* an overfull row's notes put back together */
	/* no FILE to be had (fdopen's ENOMEM): no fault of the file */
	if (csv_open(&cr, path, 0, err, errlen))
		return errno == ENOMEM ? RL_EINTERNAL : RL_EINPUT;
	while ((rc = csv_next(&cr, err, errlen)) > 0) {
		char **fields = cr.fields;
		int nf = cr.nf;
		meas_row *r;
		double v;
		int first;
		free(joined);
		joined = NULL;
		lineno = cr.line;
		if (!have_header) {
			if (header(fields, nf, col, set, path, lineno, err, errlen))
				goto fail;
			have_header = 1;
			header_nf = nf;
			header_line = lineno;
			continue;
		}
		for (i = 0; i < C_COUNT; i++)
			if (col[i] >= nf && (i != C_NOTES && i != C_SOURCE)) {
				snprintf(err, errlen, "%s:%d: %d fields, column '%s' is "
				         "number %d", path, lineno, nf, col_name(set, i),
				         col[i] + 1);
				goto fail;
			}
		if (set->n == cap) {
			size_t nc = cap ? 2 * cap : 32;
			meas_row *nr = realloc(set->rows, nc * sizeof *nr);
			if (!nr) {
				snprintf(err, errlen, "%s: out of memory", path);
				status = RL_EINTERNAL;
				goto fail;
			}
			set->rows = nr;
			cap = nc;
		}
		/* the text columns a row keeps go whole into validate's rows
		** (JSON, the database) and pick its profile: refused, not cut */
		{
			static const int kept[] = {C_ID, C_CHIP, C_MODEL, C_PREC,
			                           C_SW, C_METRIC, C_SOURCE, C_VERSION};
			size_t k;
			for (k = 0; k < sizeof kept / sizeof kept[0]; k++) {
				int c = col[kept[k]];
				if (c >= 0 && c < nf && strlen(fields[c]) >= MEAS_FIELD) {
					char size[64];
					snprintf(err, errlen, "%s:%d: column '%s' (%d): %s; "
					         "at most %d bytes", path, lineno,
					         col_name(set, kept[k]), c + 1,
					         rl_utf8_bytes(fields[c], strlen(fields[c]),
					                       size, sizeof size),
					         MEAS_FIELD - 1);
					goto fail;
				}
			}
		}
		r = &set->rows[set->n++];
		memset(r, 0, sizeof *r);
		r->line = lineno;
		wb[0] = '\0';
		if (row_text(set, r, fields, nf, col, cache) ||
		    !strpool_add(ids, r->id, lineno, &first)) {
			snprintf(err, errlen, "%s:%d: out of memory", path, lineno);
			status = RL_EINTERNAL;
			goto fail;
		}
		/* a row stored twice would count twice in every error and clash
		** in a --db table keyed by id */
		if (first >= 0 && !dup[0])
			snprintf(dup, sizeof dup, "%s:%d: id '%.*s' is also the id of "
			         "line %d (each row needs an id of its own)", path,
			         lineno, rl_utf8_cut(r->id, 60), r->id, first);
		tail = nf > header_nf
		           ? notes_tail(fields, nf, col, header_nf, &joined) : 1;
		if (tail < 0) {
			snprintf(err, errlen, "%s:%d: out of memory", path, lineno);
			status = RL_EINTERNAL;
			goto fail;
		}
		if (!tail) {
			overfull(r, wb, fields[col[C_VALUE]], nf, header_nf);
			/* its precision an unknown name all the same, as its chip
			** and model are to validate --strict (precision_fields,
			** which a row read whole goes through) */
			r->precision_unknown = r->precision[0] &&
			                       !prec_spelling_of(r->precision);
			if (!(r->why_not = strpool_add(set->pool, wb, 0, NULL))) {
				snprintf(err, errlen, "%s:%d: out of memory", path, lineno);
				status = RL_EINTERNAL;
				goto fail;
			}
			continue;
		}
		if (num_text(fields[col[C_VALUE]], &v) || v <= 0) {
			const char *f = fields[col[C_VALUE]];
			if (nbad == 0)
				snprintf(first_bad, sizeof first_bad, "%s:%d: column "
				         "'value' (%d): '%.*s' is not a positive number",
				         path, lineno, col[C_VALUE] + 1,
				         rl_utf8_cut(f, 60), f);
			else if (nbad <= BAD_VALUES_SHOWN) {
				size_t u = strlen(more_bad);
				snprintf(more_bad + u, sizeof more_bad - u, "%s%d ('%.*s')",
				         u ? ", " : "", lineno, rl_utf8_cut(f, 20), f);
			}
			nbad++;
			set->n--; /* the row is refused: read on for the others */
			continue;
		}
		r->value = v;
		r->modelled = 1;
		r->metric_code = metric_code(r->metric);
		if (r->metric_code == MEAS_OTHER) {
			char why[256];
			snprintf(why, sizeof why, "metric %.*s is not a served-token "
			         "throughput the engine predicts",
			         rl_utf8_cut(r->metric, 60), r->metric);
			not_modelled(r, wb, why);
		}
		if (set->published) {
			/* a short row has no notes; the rows after it may */
			const char *notes = joined ? joined
			                    : col[C_NOTES] >= 0 && col[C_NOTES] < nf
			                        ? fields[col[C_NOTES]]
			                        : NULL;
			if (published_fields(r, wb, fields, col, set, notes, path, err,
			                     errlen))
				goto fail;
		} else {
			legacy_fields(r, wb, fields, col, set);
		}
		if (meas_micro(r))
			micro_fields(r, wb);
		precision_fields(r, wb);
		if (!(r->why_not = strpool_add(set->pool, wb, 0, NULL))) {
			snprintf(err, errlen, "%s:%d: out of memory", path, lineno);
			status = RL_EINTERNAL;
			goto fail;
		}
		free(joined);
		joined = NULL;
	}
	csv_close(&cr);
	if (nbad) {
		bad_values(first_bad, more_bad, nbad, err, errlen);
		meas_free(set);
		return RL_EINPUT;
	}
	if (rc < 0) {
		meas_free(set);
		return RL_EINPUT;
	}
	if (!have_header) {
		snprintf(err, errlen, "%s: empty file (no header)", path);
		meas_free(set);
		return RL_EINPUT;
	}
	if (set->n == 0) {
		/* nothing to validate or fit: a truncated or filtered file is
		** the user's mistake, not "0 of 0 rows modelled" */
		snprintf(err, errlen, "%s:%d: a header and no rows", path,
		         header_line);
		meas_free(set);
		return RL_EINPUT;
	}
	if (dup[0]) {
		snprintf(err, errlen, "%s", dup);
		meas_free(set);
		return RL_EINPUT;
	}
	if (set->published) {
		char dpath[4096];
		snprintf(dpath, sizeof dpath, "%s/measurements/datasets.csv",
		         rl_data_dir());
		if ((status = meas_datasets_apply(set, dpath, err, errlen))) {
			meas_free(set);
			return status == RL_EINTERNAL ? RL_EINTERNAL : RL_EINPUT;
		}
		snprintf(dpath, sizeof dpath, "%s/measurements/rounding.csv",
		         rl_data_dir());
		if ((status = meas_rounding_apply(set, dpath, err, errlen))) {
			meas_free(set);
			return status == RL_EINTERNAL ? RL_EINTERNAL : RL_EINPUT;
		}
	}
	return RL_OK;
fail:
	/* a bad value before a row refused for another reason is said
	** first, as the file is read */
	if (nbad && status == RL_EINPUT)
		bad_values(first_bad, more_bad, nbad, err, errlen);
	free(joined);
	csv_close(&cr);
	meas_free(set);
	return status;
}

int meas_read_cached(const char *path, meas_set *set,
                     struct preset_cache *cache, char *err, size_t errlen)
{
	preset_cache *own = NULL;
	strpool *ids;
	int rc;
	memset(set, 0, sizeof *set);
	if ((!cache && !(cache = own = preset_cache_new())) ||
	    !(set->pool = strpool_new()) || !(ids = strpool_new())) {
		preset_cache_free(own);
		meas_free(set);
		snprintf(err, errlen, "%s: out of memory", path);
		return RL_EINTERNAL;
	}
	rc = read_rows(path, set, cache, ids, err, errlen);
	strpool_free(ids);
	preset_cache_free(own);
	/* a file that could not be read holds nothing: its pool too (a
	** file that does not open left the pool made above, lost under
	** LeakSanitizer where a sweep's fit note found no measurements.csv) */
	if (rc != RL_OK)
		meas_free(set);
	return rc;
}

const char *meas_keep(meas_set *set, const char *s)
{
	return strpool_add(set->pool, s, 0, NULL);
}

void meas_free(meas_set *set)
{
	free(set->rows);
	strpool_free(set->pool);
	set->rows = NULL;
	set->pool = NULL;
	set->n = 0;
}
