/*
** spec.c: reading and checking a sweep specification (spec.h), and
** evaluating one design point of it.
*/
#include "spec.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/commalist.h"
#include "coldoc.h"
#include "../config/ini.h"
#include "../config/opts.h"
#include "../config/profiles.h"
#include "../config/regfile.h"
#include "../config/setup.h"
#include "pointval.h"
#include "text.h"
#include "../model/numtext.h"
#include "../model/utf8.h"

/* Outputs kept when a spec has no [outputs]; those the table lacks are
** skipped (power and cost arrive with the silicon model). */
static const char *const default_outputs[] = {
    "throughput.output_tokens_per_s", "throughput.total_tokens_per_s",
    "throughput.output_tokens_per_s_per_chip",
    "throughput.total_tokens_per_s_per_chip", "throughput.requests_per_s",
    "latency.ttft_s", "latency.tpot_s", "latency.e2e_s",
    "batch.concurrency", "batch.limit", "utilization.mfu",
    "utilization.mbu", "prefill.bound", "decode.bound",
    "memory.kv_capacity_bytes", "power.watts",
    "power.output_tokens_per_joule", "power.clock_scale",
    "cost.chip_cost_usd", "cost.chip_price_usd",
    "cost.usd_per_million_tokens_at_cost",
    "cost.usd_per_million_tokens_at_price", "silicon.violations", NULL};

/* The sections a spec holds, each at most once (spec_sections' order). */
enum { SEC_BASE, SEC_AXES, SEC_SAMPLING, SEC_FILTER, SEC_OUTPUTS,
       SEC_BASELINE, SEC_META, SEC_COUNT };

static const char *const spec_sections[SEC_COUNT] = {
    "base", "axes", "sampling", "filter", "outputs", "baseline", "meta"};

typedef struct {
	rl_sweep_spec *s;
	uint64_t hash;
	int have_method;
	int have_count;
	int have_seed;
	int sect_line[SEC_COUNT]; /* each section's header line; 0: none */
	int count_line;           /* [sampling] count's line */
	int base_set_line[RL_SWEEP_MAX_SETS]; /* each [base] set line's */
	int seed_line;            /* [sampling] seed's line */
} parse_ctx;

static void hash_feed(uint64_t *h, const char *s, char sep)
{
	for (; *s; s++) {
		*h ^= (unsigned char)*s;
		*h *= 1099511628211ULL;
	}
	*h ^= (unsigned char)sep;
	*h *= 1099511628211ULL;
}

static int keep_output(rl_sweep_spec *s, const rl_output *o, char *err,
                       size_t errlen)
{
	size_t i;
	for (i = 0; i < s->noutputs; i++)
		if (s->outputs[i] == o)
			return 0;
	if (s->noutputs >= RL_SWEEP_MAX_OUTPUTS) {
		snprintf(err, errlen, "more than %d outputs", RL_SWEEP_MAX_OUTPUTS);
		return -1;
	}
	s->outputs[s->noutputs++] = o;
	return 0;
}

static int parse_outputs(rl_sweep_spec *s, char *list, char *err,
                         size_t errlen)
{
	char *rest = list, *t;
	int item = 0;
	/* an empty item before the last is refused, as an axis list's is:
	** strtok skipped it, so that an output deleted by mistake left no
	** column; a comma at the end goes on with the next keep line, as
	** the specs in sweeps/ write a long list */
	while ((t = commalist_next(&rest, 1))) {
		const rl_output *o;
		item++;
		if (!*t && !rest && item > 1)
			break;
		if (!*t) {
			snprintf(err, errlen, "[outputs] keep: item %d of the list is "
			         "empty (two commas, or one at the start)", item);
			return -1;
		}
		if (!strcmp(t, "all")) {
			size_t n, i;
			const rl_output *all = rl_outputs(&n);
			for (i = 0; i < n; i++)
				if (keep_output(s, &all[i], err, errlen))
					return -1;
			continue;
		}
		o = rl_output_find(t);
		if (!o && rl_param_find_full(t)) {
			/* a parameter is no output: it was "unknown output
			** 'scenario.tp' (`rooflab eval --json` shows them all)" */
			snprintf(err, errlen, "[outputs] keep: '%s' is a parameter, "
			         "not an output: a swept one is stored in its own "
			         "column (its [axes] line), a fixed one is the "
			         "run's (runs.spec)", t);
			return -1;
		}
		if (!o) {
			char hint[512];
			rl_sw_output_hint(t, hint, sizeof hint);
			snprintf(err, errlen, "unknown output '%s'%s", t, hint);
			return -1;
		}
		if (keep_output(s, o, err, errlen))
			return -1;
	}
	return 0;
}

/* ---- the INI callback ---- */

/* A set line's name and value checked where it stands, on a scratch
** setup, so that the message names the spec's line (the INI reader puts
** it before err); the line is applied again, in order, when the setup is
** resolved.  0 or -1 + err. */
static int check_set(const char *assignment, char *err, size_t errlen)
{
	rl_setup scratch;
	setup_init(&scratch);
	return setup_assign_as(&scratch, "set =", assignment, err, errlen);
}

/* "[SECTION] KEY is given twice ...": a chip, model, scenario or profile
** of [base] or [baseline], or [sampling]'s method, seed or count, written
** again would replace the first without a word. */
static int twice(const char *section, const char *key, char *err,
                 size_t errlen)
{
	snprintf(err, errlen, "[%s] %s is given twice (the second would "
	         "replace the first without a word)", section, key);
	return -1;
}

static int setup_key(rl_sweep_setup *su, const char *section,
                     const char *key, const char *value, char *err,
                     size_t errlen)
{
	char path[RL_SWEEP_PRESET_MAX];
	char *dst = NULL;
	su->present = 1;
	if (!strcmp(key, "set")) {
		if (su->nsets >= RL_SWEEP_MAX_SETS) {
			snprintf(err, errlen, "more than %d set lines",
			         RL_SWEEP_MAX_SETS);
			return -1;
		}
		if (!strchr(value, '=')) {
			snprintf(err, errlen, "set = '%s': expected "
			         "set = section.key=value", value);
			return -1;
		}
		if (strlen(value) >= sizeof su->sets[0]) {
			/* cut, a bad value could read as a good one */
			char size[64];
			snprintf(err, errlen, "set = '%.*s...': %s; at most %zu "
			         "bytes", rl_utf8_cut(value, 40), value,
			         rl_utf8_bytes(value, strlen(value), size, sizeof size),
			         sizeof su->sets[0] - 1);
			return -1;
		}
		if (check_set(value, err, errlen))
			return -1;
		{
			/* two set lines of one parameter: the second replaced the
			** first without a word (eval refuses --set given so) */
			char mine[sizeof su->sets[0]], other[sizeof su->sets[0]];
			char form[160] = "";
			int i;
			int has = setup_assign_param(value, mine, sizeof mine);
			/* (and a die block's other form, design.sram_mm2 beside
			** design.frac_sram, which one source gives once, as
			** eval's --set and a chip file: rl_param_other_form) */
			const rl_param *p = has ? rl_param_find_full(mine) : NULL;
			const rl_param *q = p ? rl_param_other_form(p) : NULL;
			if (q)
				snprintf(form, sizeof form, "%s.%s", q->section, q->key);
			for (i = 0; has && i < su->nsets; i++) {
				if (!setup_assign_param(su->sets[i], other, sizeof other))
					continue;
				if (!strcmp(mine, other)) {
					snprintf(err, errlen, "[%s] set = %.*s: %s is set "
					         "again (first by set = %.*s; the second "
					         "would replace the first without a word)",
					         section, rl_utf8_cut(value, 200), value,
					         mine, rl_utf8_cut(su->sets[i], 200),
					         su->sets[i]);
					return -1;
				}
				if (form[0] && !strcmp(form, other)) {
					snprintf(err, errlen, "[%s] set = %.*s: %s and %s "
					         "both set one block of the die (first by set "
					         "= %.*s; a share of it, or its area in mm2, "
					         "converted to that share): give one", section,
					         rl_utf8_cut(value, 200), value, form, mine,
					         rl_utf8_cut(su->sets[i], 200), su->sets[i]);
					return -1;
				}
			}
		}
		snprintf(su->sets[su->nsets++], sizeof su->sets[0], "%s", value);
		return 0;
	}
	if (!strcmp(key, "chip"))
		dst = su->chip;
	else if (!strcmp(key, "model"))
		dst = su->model;
	else if (!strcmp(key, "scenario"))
		dst = su->scenario;
	else if (!strcmp(key, "profile"))
		dst = su->profile;
	if (!dst) {
		snprintf(err, errlen, "unknown key '%s' (expected chip, model, "
		         "scenario, profile or set)", key);
		return -1;
	}
	if (dst[0])
		return twice(section, key, err, errlen);
	if (preset_path(key, value, path, sizeof path, err, errlen))
		return -1;
	snprintf(dst, RL_SWEEP_PRESET_MAX, "%s", value);
	return 0;
}

static int unknown_section(const char *section, char *err, size_t errlen)
{
	snprintf(err, errlen, "unknown section [%s] (expected base, axes, "
	         "sampling, filter, outputs, baseline or meta)", section);
	return -1;
}

/* At a section header: its line is kept, where a message about the
** section as a whole points (it is empty, it does not evaluate); a
** section given a second time is refused, whose keys would join the
** first's without a word (two [axes] made one grid of both), and so is
** a section of an unknown name, which with no key under it was passed
** over without a word. */
static int section_cb(void *ud, const char *section, int line, char *err,
                      size_t errlen)
{
	parse_ctx *pc = ud;
	int i;
	for (i = 0; i < SEC_COUNT; i++)
		if (!strcmp(section, spec_sections[i]))
			break;
	if (i == SEC_COUNT)
		return unknown_section(section, err, errlen);
	if (pc->sect_line[i])
		return ini_section_twice(section, pc->sect_line[i], err, errlen);
	pc->sect_line[i] = line;
	return 0;
}

static int spec_cb(void *ud, const char *section, const char *key,
                   const char *value, int line, char *err, size_t errlen)
{
	parse_ctx *pc = ud;
	rl_sweep_spec *s = pc->s;
	char buf[8192];
	int rc;
	/* the reader passes a key with no value (ini.h): an axis says what
	** it takes (rl_sweep_axis_parse), every other key the reader's own
	** message */
	if (!*value && strcmp(section, "axes"))
		return ini_no_value(key, err, errlen);
	hash_feed(&pc->hash, section, '\x1f');
	hash_feed(&pc->hash, key, '\x1f');
	hash_feed(&pc->hash, value, '\x1e');
	if (!strcmp(section, "meta"))
		return 0;
	if (!strcmp(section, "base")) {
		if (setup_key(&s->base, section, key, value, err, errlen))
			return -1;
		if (!strcmp(key, "set"))
			pc->base_set_line[s->base.nsets - 1] = line;
		return 0;
	}
	if (!strcmp(section, "baseline"))
		return setup_key(&s->baseline, section, key, value, err,
		                 errlen);
	if (!strcmp(section, "axes")) {
		const rl_param *p = rl_param_find_full(key);
		size_t i;
		if (!p) {
			char hint[512];
			setup_param_hint(key, hint, sizeof hint);
			snprintf(err, errlen, "unknown axis '%s'%s", key, hint);
			return -1;
		}
		for (i = 0; i < s->naxes; i++) {
			if (s->axes[i].param == p) {
				snprintf(err, errlen, "axis '%s' given twice", key);
				return -1;
			}
			/* a die block's share and its area (design.frac_sram,
			** design.sram_mm2): at every point one replaces the
			** other, an axis changing nothing while its column
			** held values the die did not have */
			if (s->axes[i].param == rl_param_other_form(p)) {
				snprintf(err, errlen, "axis '%s' and the axis %s.%s "
				         "(line %d) set one block of the die (a share of "
				         "it, or its area in mm2, converted to that "
				         "share): at every point one replaces the other; "
				         "sweep one", key, s->axes[i].param->section,
				         s->axes[i].param->key, s->axes[i].line);
				return -1;
			}
		}
		if (s->naxes >= RL_SWEEP_MAX_AXES) {
			snprintf(err, errlen, "more than %d axes", RL_SWEEP_MAX_AXES);
			return -1;
		}
		if ((rc = rl_sweep_axis_parse(&s->axes[s->naxes], p, value, err,
		                              errlen)))
			return rc == RL_EINTERNAL ? RL_EINTERNAL : -1;
		s->axes[s->naxes++].line = line;
		return 0;
	}
	if (!strcmp(section, "sampling")) {
		double v;
		if ((!strcmp(key, "method") && pc->have_method) ||
		    (!strcmp(key, "seed") && pc->have_seed) ||
		    (!strcmp(key, "count") && pc->have_count))
			return twice(section, key, err, errlen);
		if (!strcmp(key, "method")) {
			if (!strcmp(value, "grid"))
				s->sampling = RL_SAMPLE_GRID;
			else if (!strcmp(value, "random"))
				s->sampling = RL_SAMPLE_RANDOM;
			else if (!strcmp(value, "sobol"))
				s->sampling = RL_SAMPLE_SOBOL;
			else {
				snprintf(err, errlen, "method = '%s': expected grid, "
				         "random or sobol", value);
				return -1;
			}
			pc->have_method = 1;
			return 0;
		}
		if (!strcmp(key, "seed") || !strcmp(key, "count")) {
			if (rl_sw_number(value, &v) || v != floor(v) || v < 0 ||
			    v > 9.007199254740992e15 ||
			    (!strcmp(key, "count") && v < 1)) {
				snprintf(err, errlen, "%s = '%s': expected a whole number "
				         "in [%d, 2^53]", key, value,
				         !strcmp(key, "count"));
				return -1;
			}
			if (!strcmp(key, "seed")) {
				s->seed = (uint64_t)v;
				pc->have_seed = 1;
				pc->seed_line = line;
			} else {
				s->count = (uint64_t)v;
				pc->have_count = 1;
				pc->count_line = line;
			}
			return 0;
		}
		snprintf(err, errlen, "unknown key '%s' in [sampling] (expected "
		         "method, seed or count)", key);
		return -1;
	}
	if (!strcmp(section, "filter")) {
		if (s->nfilters >= RL_SWEEP_MAX_FILTERS) {
			snprintf(err, errlen, "more than %d filters",
			         RL_SWEEP_MAX_FILTERS);
			return -1;
		}
		/* "a <= b" reads as key "a <", value "b": put the '=' back */
		if (strcmp(key, "keep"))
			snprintf(buf, sizeof buf, "%s=%s", key, value);
		else
			snprintf(buf, sizeof buf, "%s", value);
		if (rl_sweep_filter_parse(&s->filters[s->nfilters], buf, err,
		                          errlen))
			return -1;
		s->nfilters++;
		return 0;
	}
	if (!strcmp(section, "outputs")) {
		if (strcmp(key, "keep")) {
			snprintf(err, errlen, "unknown key '%s' in [outputs] (expected "
			         "keep = name, name, ...)", key);
			return -1;
		}
		snprintf(buf, sizeof buf, "%s", value);
		return parse_outputs(s, buf, err, errlen);
	}
	/* section_cb refused it at its header already */
	return unknown_section(section, err, errlen);
}

/* ---- after parsing ---- */

/* A setup section's presets and set lines applied, and its profile as
** eval takes it: the section's, the scenario's, else the chip's default
** (a chip with none on ideal, its note saying so: profile_settle); an
** error names the section's header line: -1, or RL_EINTERNAL where a
** preset could not be held in memory (opts_apply). */
static int resolve(const char *name, int line, const rl_sweep_setup *su,
                   rl_setup *st, const char *what, char *err, size_t errlen)
{
	eval_opts o;
	char msg[1024], prof[RL_NAME_MAX];
	const char *at;
	int i, rc;
	memset(&o, 0, sizeof o);
	o.chip = su->chip[0] ? su->chip : NULL;
	o.model = su->model[0] ? su->model : NULL;
	o.scenario = su->scenario[0] ? su->scenario : NULL;
	o.profile = su->profile[0] ? su->profile : NULL;
	for (i = 0; i < su->nsets; i++)
		o.sets[o.nsets++] = su->sets[i];
	if ((rc = opts_apply(&o, st, 0, msg, sizeof msg))) {
		snprintf(err, errlen, "%s:%d: [%s]: %s", name, line, what, msg);
		return rc == RL_EINTERNAL ? RL_EINTERNAL : -1;
	}
	/* in a spec's words (opts_apply's own name --chip and --model) */
	if (!st->chip[0] || !st->model[0]) {
		const char *kind = !st->chip[0] ? "chip" : "model";
		preset_known(kind, msg, sizeof msg);
		snprintf(err, errlen, "%s:%d: [%s] has no %s (%s = NAME, or a "
		         "scenario that names one; known: %s)", name, line, what,
		         kind, kind, msg);
		return -1;
	}
	if ((rc = profile_settle(&o, st, "profile=", prof, sizeof prof, &at,
	                         msg, sizeof msg)) < 0) {
		snprintf(err, errlen, "%s:%d: [%s]: %s", name, line, what, msg);
		return rc == PROFILE_ENOMEM ? RL_EINTERNAL : -1;
	}
	return 0;
}

static void column_name(char *dst, const char *dotted)
{
	size_t i;
	for (i = 0; dotted[i] && i + 1 < RL_SWEEP_COL_MAX; i++)
		dst[i] = dotted[i] == '.' ? '_' : dotted[i];
	dst[i] = '\0';
}

static const char *const speedup_cols[] = {"speedup_total_tokens",
                                           "speedup_output_tokens"};

static const char *param_decl(const rl_param *p)
{
	return p->type == RL_PT_ENUM ? "TEXT"
	       : p->type == RL_PT_REAL ? "REAL" : "INTEGER";
}

static const char *output_decl(const rl_output *o)
{
	return o->type == RL_OT_NUM ? "REAL" : "TEXT";
}

const char *rl_sweep_column_decl(const char *name)
{
	char dotted[RL_SWEEP_COL_MAX], col[RL_SWEEP_COL_MAX];
	size_t n, i;
	const rl_param *p = rl_params(&n);
	const rl_output *o;
	if (!name)
		return NULL;
	for (i = 0; i < n; i++) {
		snprintf(dotted, sizeof dotted, "%s.%s", p[i].section, p[i].key);
		column_name(col, dotted);
		if (!strcmp(col, name))
			return param_decl(&p[i]);
	}
	o = rl_outputs(&n);
	for (i = 0; i < n; i++) {
		column_name(col, o[i].name);
		if (!strcmp(col, name))
			return output_decl(&o[i]);
	}
	for (i = 0; i < 2; i++)
		if (!strcmp(name, speedup_cols[i]))
			return "REAL";
	return NULL;
}

static int build_columns(rl_sweep_spec *s, char *err, size_t errlen)
{
	size_t i, j;
	for (i = 0; i < s->naxes; i++) {
		rl_col *c = &s->cols[s->ncols++];
		const rl_param *p = s->axes[i].param;
		snprintf(c->dotted, sizeof c->dotted, "%s", s->axes[i].name);
		column_name(c->name, c->dotted);
		c->unit = p->unit;
		c->decl = param_decl(p);
		c->source = RL_COL_AXIS;
		c->param = p;
	}
	for (i = 0; i < s->noutputs; i++) {
		rl_col *c = &s->cols[s->ncols++];
		const rl_output *o = s->outputs[i];
		snprintf(c->dotted, sizeof c->dotted, "%s", o->name);
		column_name(c->name, c->dotted);
		c->unit = o->si_unit;
		c->decl = output_decl(o);
		c->source = RL_COL_OUTPUT;
		c->output = o;
	}
	if (s->has_baseline) {
		for (i = 0; i < 2; i++) {
			rl_col *c = &s->cols[s->ncols++];
			snprintf(c->name, sizeof c->name, "%s", speedup_cols[i]);
			snprintf(c->dotted, sizeof c->dotted, "%s", speedup_cols[i]);
			c->unit = rl_sweep_column_unit(speedup_cols[i]);
			c->decl = "REAL";
			c->source = RL_COL_SPEEDUP;
		}
	}
	for (i = 0; i < s->ncols; i++)
		for (j = 0; j < i; j++)
			if (!strcmp(s->cols[i].name, s->cols[j].name)) {
				snprintf(err, errlen, "columns '%s' and '%s' would both be "
				         "named %s", s->cols[j].dotted, s->cols[i].dotted,
				         s->cols[i].name);
				return -1;
			}
	return 0;
}

/* The spec as a whole once read: sections, presets resolved, baseline
** evaluated, columns.  0, -1 with err, or RL_EINTERNAL (resolve's: out of
** memory). */
static int finish(rl_sweep_spec *s, parse_ctx *pc, const char *name,
                  char *err, size_t errlen)
{
	size_t i;
	char buf[96];
	const int *at = pc->sect_line;
	int rc;
	uint64_t ph; /* runs.profile_hash */
	if (!s->naxes && at[SEC_AXES]) {
		snprintf(err, errlen, "%s:%d: [axes] has no axis; a sweep needs at "
		         "least one (section.key = values)", name, at[SEC_AXES]);
		return -1;
	}
	if (!s->naxes) {
		snprintf(err, errlen, "%s: no [axes]; a sweep needs at least one "
		         "axis (section.key = values)", name);
		return -1;
	}
	/* a method other than grid was given in [sampling]: its header */
	if (s->sampling != RL_SAMPLE_GRID && !pc->have_count) {
		snprintf(err, errlen, "%s:%d: [sampling] method = %s needs count = "
		         "N", name, at[SEC_SAMPLING],
		         s->sampling == RL_SAMPLE_SOBOL ? "sobol" : "random");
		return -1;
	}
	if (s->sampling == RL_SAMPLE_GRID && pc->have_count) {
		snprintf(err, errlen, "%s:%d: [sampling] count applies to random "
		         "and sobol sampling; a grid has every combination", name,
		         pc->count_line);
		return -1;
	}
	if (s->sampling == RL_SAMPLE_GRID && pc->have_seed) {
		snprintf(err, errlen, "%s:%d: [sampling] seed applies to random "
		         "and sobol sampling; a grid has every combination in one "
		         "order", name, pc->seed_line);
		return -1;
	}
	/* GSL's Sobol generator has 30 bits: its draw 2^30 - 1 fails and
	** leaves the point unwritten, so that a larger count's later points
	** held whatever the stack held */
	if (s->sampling == RL_SAMPLE_SOBOL && s->count > RL_SWEEP_MAX_SOBOL) {
		snprintf(err, errlen, "%s:%d: [sampling] count = %llu: sobol "
		         "sampling draws at most %llu points (2^30 - 1, GSL's "
		         "Sobol generator); give a smaller count, or method = "
		         "random", name, pc->count_line,
		         (unsigned long long)s->count,
		         (unsigned long long)RL_SWEEP_MAX_SOBOL);
		return -1;
	}
	/* random and Sobol draw a real linear axis anywhere in [start,
	** stop] (rl_sweep_axis_sample): a stop past the parameter's range,
	** which a grid's last value may stop short of, made draws past it,
	** stored with status -1 */
	for (i = 0; s->sampling != RL_SAMPLE_GRID && i < s->naxes; i++) {
		const rl_axis *ax = &s->axes[i];
		rl_config cfg;
		char allowed[300], t[3][32], why[256];
		if (ax->kind != RL_AX_LINEAR || ax->param->type != RL_PT_REAL)
			continue;
		rl_config_defaults(&cfg);
		if (rl_param_set(&cfg, ax->param, ax->stop, why, sizeof why) ==
		    RL_P_OK)
			continue;
		rl_param_allowed_text(ax->param, allowed, sizeof allowed);
		snprintf(err, errlen, "%s:%d: %s = %s:%s:%s stops at %s, outside "
		         "the allowed %s: %s sampling draws any value up to its "
		         "stop; give a stop within it", name, ax->line, ax->name,
		         rl_number_write(ax->start, t[0], sizeof t[0]),
		         rl_number_write(ax->stop, t[1], sizeof t[1]),
		         rl_number_write(ax->step, t[2], sizeof t[2]), t[1],
		         allowed, s->sampling == RL_SAMPLE_SOBOL ? "sobol" : "random");
		return -1;
	}
	if (s->sampling == RL_SAMPLE_GRID) {
		double n = 1;
		s->npoints = 1;
		for (i = 0; i < s->naxes; i++) {
			n *= (double)s->axes[i].count;
			if (s->npoints != UINT64_MAX &&
			    s->npoints > UINT64_MAX / s->axes[i].count)
				s->npoints = UINT64_MAX;
			else if (s->npoints != UINT64_MAX)
				s->npoints *= s->axes[i].count;
		}
		s->npoints_real = n;
	} else {
		s->npoints = s->count;
		s->npoints_real = (double)s->count;
	}
	if (!s->noutputs) {
		const char *const *d;
		for (d = default_outputs; *d; d++)
			if (rl_output_find(*d))
				s->outputs[s->noutputs++] = rl_output_find(*d);
	}
	/* a [base] set line of a swept parameter, or of a swept die block's
	** other form (design.sram_mm2 beside the axis design.frac_sram): the
	** axis replaces it at every point, so that it changed nothing
	** without a word */
	for (i = 0; i < s->naxes; i++) {
		const rl_param *q = rl_param_other_form(s->axes[i].param);
		char ax[160], other[160], set[sizeof s->base.sets[0]];
		int j;
		snprintf(ax, sizeof ax, "%s.%s", s->axes[i].param->section,
		         s->axes[i].param->key);
		snprintf(other, sizeof other, "%s.%s", q ? q->section : "",
		         q ? q->key : "");
		for (j = 0; j < s->base.nsets; j++) {
			if (!setup_assign_param(s->base.sets[j], set, sizeof set) ||
			    (strcmp(ax, set) && (!q || strcmp(other, set))))
				continue;
			snprintf(err, errlen, "%s:%d: [base] set = %.*s: the axis "
			         "%s (line %d) replaces it at every point, so that it "
			         "changes nothing; give one of them", name,
			         pc->base_set_line[j], rl_utf8_cut(s->base.sets[j], 200),
			         s->base.sets[j], ax, s->axes[i].line);
			return -1;
		}
	}
	/* an empty [base] was "no [base] section"; an empty [baseline]
	** was passed over without a word (no speedup columns) */
	if (!s->base.present && at[SEC_BASE]) {
		snprintf(err, errlen, "%s:%d: [base] has no key (chip, model, "
		         "scenario, profile or set)", name, at[SEC_BASE]);
		return -1;
	}
	if (!s->base.present) {
		snprintf(err, errlen, "%s: no [base] section (chip, model, "
		         "scenario, profile)", name);
		return -1;
	}
	if (!s->baseline.present && at[SEC_BASELINE]) {
		snprintf(err, errlen, "%s:%d: [baseline] has no key (chip, model, "
		         "scenario, profile or set)", name, at[SEC_BASELINE]);
		return -1;
	}
	if ((rc = resolve(name, at[SEC_BASE], &s->base, &s->setup, "base", err,
	                  errlen)))
		return rc;
	/* FNV-1a 64's offset basis, as the spec's hash starts from: the
	** [base]'s profile.* rows, then the [baseline]'s (a spec without one
	** hashes as before 2026-11-30, when the [base]'s alone were) */
	ph = rl_config_hash_section(14695981039346656037ULL, &s->setup.cfg,
	                            "profile");
	if (s->baseline.present) {
		rl_setup bst;
		rl_result r;
		if ((rc = resolve(name, at[SEC_BASELINE], &s->baseline, &bst,
		                  "baseline", err, errlen)))
			return rc;
		hash_feed(&ph, "[baseline]", '\x1d');
		ph = rl_config_hash_section(ph, &bst.cfg, "profile");
		if (rl_eval(&bst.cfg, &r) != RL_OK) {
			char msg[512];
			setup_where(&bst, r.error, msg, sizeof msg);
			snprintf(err, errlen, "%s:%d: [baseline] does not evaluate: "
			         "%s", name, at[SEC_BASELINE], msg);
			return -1;
		}
		if (!(r.total_tps > 0) || !(r.output_tps > 0)) {
			snprintf(err, errlen, "%s:%d: [baseline] has no throughput",
			         name, at[SEC_BASELINE]);
			return -1;
		}
		s->has_baseline = 1;
		snprintf(s->baseline_profile, sizeof s->baseline_profile, "%s",
		         bst.profile);
		snprintf(s->baseline_profile_note, sizeof s->baseline_profile_note,
		         "%s", bst.profile_note);
		snprintf(s->baseline_chip, sizeof s->baseline_chip, "%s",
		         bst.chip);
		snprintf(s->baseline_chip_file, sizeof s->baseline_chip_file, "%s",
		         bst.chip_file);
		snprintf(s->baseline_profile_file, sizeof s->baseline_profile_file,
		         "%s", bst.profile_file);
		s->baseline_total_tps = r.total_tps;
		s->baseline_output_tps = r.output_tps;
	}
	if (build_columns(s, err, errlen))
		return -1;
	/* the resolved configuration is part of the spec: a preset edited
	** between a run and its resume changes the hash.  Through the
	** parameter table, by name and value (rl_config_hash), not the
	** struct's bytes: configurations equal field by field hash equal
	** whatever lies between their fields; with the names a run records
	** that its text may not give (a profile a section naming none took,
	** the chip's node) and the baseline's throughputs as text */
	pc->hash = rl_config_hash(pc->hash, &s->setup.cfg);
	hash_feed(&pc->hash, s->setup.profile, '\x1f');
	hash_feed(&pc->hash, s->setup.node, '\x1f');
	hash_feed(&pc->hash, s->has_baseline ? s->baseline_profile : "",
	          '\x1f');
	snprintf(buf, sizeof buf, "%.17g %.17g", s->baseline_total_tps,
	         s->baseline_output_tps);
	hash_feed(&pc->hash, buf, '\x1e');
	snprintf(s->hash, sizeof s->hash, "%016llx",
	         (unsigned long long)pc->hash);
	snprintf(s->profile_hash, sizeof s->profile_hash, "%016llx",
	         (unsigned long long)ph);
	return 0;
}

/* rl_sweep_spec_parse, with *status RL_EINPUT or RL_EINTERNAL (out of
** memory) where it returns NULL */
static rl_sweep_spec *parse_status(const char *name, const char *text,
                                   int *status, char *err, size_t errlen)
{
	rl_sweep_spec *s = calloc(1, sizeof *s);
	parse_ctx pc;
	int rc;
	*status = RL_EINTERNAL;
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	*status = RL_EINPUT;
	/* the spec's path goes into the database's run: refused, not cut */
	if (strlen(name) >= sizeof s->path) {
		char size[64];
		snprintf(err, errlen, "sweep spec '%.*s...': a path of %s; at "
		         "most %zu bytes", rl_utf8_cut(name, 40), name,
		         rl_utf8_bytes(name, strlen(name), size, sizeof size),
		         sizeof s->path - 1);
		free(s);
		return NULL;
	}
	snprintf(s->path, sizeof s->path, "%s", name);
	s->text = strdup(text);
	memset(&pc, 0, sizeof pc);
	pc.s = s;
	pc.hash = 14695981039346656037ULL;
	if (!s->text) {
		snprintf(err, errlen, "out of memory");
		*status = RL_EINTERNAL;
		rl_sweep_spec_free(s);
		return NULL;
	}
	if ((rc = ini_parse_text_sections(name, text, section_cb, spec_cb, &pc,
	                                  err, errlen)) ||
	    (rc = finish(s, &pc, name, err, errlen))) {
		*status = rc == RL_EINTERNAL ? RL_EINTERNAL : RL_EINPUT;
		rl_sweep_spec_free(s);
		return NULL;
	}
	*status = RL_OK;
	return s;
}

rl_sweep_spec *rl_sweep_spec_parse(const char *name, const char *text,
                                   char *err, size_t errlen)
{
	int status;
	return parse_status(name, text, &status, err, errlen);
}

rl_sweep_spec *rl_sweep_spec_load(const char *path, int *status, char *err,
                                  size_t errlen)
{
	FILE *f = rl_open_regular(path, err, errlen);
	char *buf;
	size_t got, cap = 1 << 16;
	rl_sweep_spec *s;
	*status = RL_EINPUT;
	if (!f) {
		/* no FILE to be had (fdopen's ENOMEM): no fault of the spec */
		if (errno == ENOMEM)
			*status = RL_EINTERNAL;
		return NULL;
	}
	buf = malloc(cap + 1);
	if (!buf) {
		fclose(f);
		snprintf(err, errlen, "%s: out of memory", path);
		*status = RL_EINTERNAL;
		return NULL;
	}
	errno = 0;
	got = fread(buf, 1, cap + 1, f);
	if (ferror(f)) {
		/* an I/O failure (EIO), no fault of the spec's text: exit 1
		** and the reason, where it said 2 and none */
		int e = errno ? errno : EIO;
		fclose(f);
		free(buf);
		snprintf(err, errlen, "%s: cannot read the sweep spec: %s", path,
		         strerror(e));
		*status = RL_EINTERNAL;
		return NULL;
	}
	fclose(f);
	/* the two refusals apart, the NUL by line and byte (ini.h), where
	** one message gave both reasons and no line (fuzz11) */
	if (got > cap || memchr(buf, '\0', got)) {
		if (got > cap)
			snprintf(err, errlen, "%s: larger than 64 KiB; not a sweep "
			         "spec", path);
		else
			ini_nul_byte(path, buf, got, err, errlen);
		free(buf);
		return NULL;
	}
	buf[got] = '\0';
	s = parse_status(path, buf, status, err, errlen);
	free(buf);
	return s;
}

void rl_sweep_spec_free(rl_sweep_spec *s)
{
	size_t i;
	if (!s)
		return;
	for (i = 0; i < RL_SWEEP_MAX_AXES; i++)
		free(s->axes[i].list);
	free(s->text);
	free(s);
}

int rl_sweep_spec_gives_price(const rl_sweep_spec *s)
{
	char key[sizeof s->base.sets[0]];
	size_t k;
	int j;
	for (k = 0; k < s->naxes; k++)
		if (!strcmp(s->axes[k].name, "cost.price_usd"))
			return 1;
	for (j = 0; j < s->base.nsets; j++)
		if (setup_assign_param(s->base.sets[j], key, sizeof key) &&
		    !strcmp(key, "cost.price_usd"))
			return 1;
	return 0;
}

/* ---- one design point ---- */

/* the axis sets scenario.isl, osl or batch: no part of the design */
static int request_axis(const rl_axis *a)
{
	size_t o = a->param->offset;
	return o == offsetof(rl_config, scen.isl) ||
	       o == offsetof(rl_config, scen.osl) ||
	       o == offsetof(rl_config, scen.batch);
}

int rl_sweep_cache_pays(const rl_sweep_spec *s)
{
	size_t i;
	if (s->naxes == 0)
		return 1;
	if (s->sampling == RL_SAMPLE_GRID && request_axis(&s->axes[s->naxes - 1]))
		return 1; /* the last axis varies fastest */
	for (i = 0; i < s->naxes; i++)
		if (!request_axis(&s->axes[i]))
			return 0;
	return 1;
}

int rl_sweep_point_config(const rl_sweep_spec *s, const double *axis_values,
                          rl_config *cfg, char *err, size_t errlen)
{
	size_t i;
	*cfg = s->setup.cfg;
	for (i = 0; i < s->naxes; i++)
		if (rl_param_set(cfg, s->axes[i].param, axis_values[i], err,
		                 errlen))
			return -1;
	return 0;
}

int rl_sweep_eval_point(const rl_sweep_spec *s, const double *axis_values,
                        double *row, int *status, rl_eval_cache *cache)
{
	rl_config cfg;
	rl_result r;
	size_t i, k = s->naxes;
	int keep = RL_FILTER_KEEP;
	int rc = rl_sweep_point_config(s, axis_values, &cfg, NULL, 0);
	/* (over the TDP at every clock: not evaluable, status RL_EPOWER,
	** as claim and solve read it: rl_eval_runnable) */
	if (rc == RL_OK)
		rc = rl_eval_runnable(rl_eval_cached(&cfg, cache, &r), &r);
	*status = rc;
	/* each output's value at this point (rl_sweep_point_output): a
	** failed point has none (NULL), but one over its TDP at every clock
	** keeps the figures that say by how much (rl_output_over_tdp), its
	** throughput at a clock it cannot run at above all NULL */
	for (i = 0; i < s->noutputs; i++)
		row[k + i] = rl_sweep_point_output(s->outputs[i], rc, &r);
	for (i = k + s->noutputs; i < s->ncols; i++)
		row[i] = NAN;
	if (rc == RL_OK && s->has_baseline) {
		row[k + s->noutputs] = r.total_tps / s->baseline_total_tps;
		row[k + s->noutputs + 1] = r.output_tps / s->baseline_output_tps;
	}
	/* a filter reading an output with no value here is unanswered, the
	** point dropped whatever the other filters say and counted apart
	** (the run's dropped_nofit, dropped_over_tdp, dropped_inval) */
	for (i = 0; i < s->nfilters; i++) {
		int v = rl_sweep_filter_keep(&s->filters[i], &cfg, rc, &r);
		if (v == RL_FILTER_NONE)
			return RL_FILTER_NONE;
		if (v == RL_FILTER_DROP)
			keep = RL_FILTER_DROP;
	}
	return keep;
}

int rl_sweep_numbered(const rl_sweep_spec *s)
{
	return s->npoints != UINT64_MAX && s->npoints <= RL_SWEEP_MAX_POINTS;
}

double rl_sweep_count_log10(const rl_sweep_spec *s)
{
	double l = 0;
	size_t i;
	if (s->sampling != RL_SAMPLE_GRID)
		return log10((double)s->count);
	for (i = 0; i < s->naxes; i++)
		l += log10((double)s->axes[i].count);
	return l;
}

const char *rl_sweep_count_text(const rl_sweep_spec *s, char *buf,
                                size_t len)
{
	if (s->npoints == UINT64_MAX && !isfinite(s->npoints_real)) {
		double l = rl_sweep_count_log10(s), e = floor(l);
		double m = pow(10, l - e);
		if (m >= 9.995) { /* %.3g would round it to 10 */
			m = 1;
			e += 1;
		}
		snprintf(buf, len, "about %.3ge+%.0f", m, e);
	} else if (s->npoints == UINT64_MAX)
		snprintf(buf, len, "about %.3g", s->npoints_real);
	else
		snprintf(buf, len, "%llu", (unsigned long long)s->npoints);
	return buf;
}
