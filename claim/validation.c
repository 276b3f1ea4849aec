/*
** validation.c: model against measured, row by row (the checks of a
** measurements file, each row's prediction with the profile the version
** table gives it, the microbenchmarks set against a profile; validation.h).
** valversions.c reads the version table, valsummary.c sums the rows up by
** group, valstore.c stores them.
*/
#include "validation.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/meassetup.h"
#include "../model/utf8.h"
#include "../model/figtext.h"
#include "../model/numtext.h"
#include "../model/calibrate.h"
#include "../model/engine.h"
#include "../model/load.h"
#include "../model/waves.h"
#include "../model/micro.h"

/* a reason holds each message evaluate_one copies into it whole */
_Static_assert(VAL_REASON_MAX > sizeof ((val_version *)0)->note &&
                   VAL_REASON_MAX > 16 + 512 &&
                   VAL_REASON_MAX > 16 + sizeof ((rl_result *)0)->error,
               "val_row.reason holds a note, a setup's or the engine's "
               "message whole");

/* A preset of a kind exists (asked once a name of the run: pc);
** names with a path separator are refused. */
static int known(preset_cache *pc, const char *kind, const char *name)
{
	if (!*name || strchr(name, '/'))
		return 0;
	return preset_cache_exists(pc, kind, name);
}

/* A row's model is a preset, or it names none (a microbenchmark). */
static int model_known(preset_cache *pc, const meas_row *m)
{
	return meas_micro(m) || known(pc, "model", m->model);
}

/* The unknown names among a row's chip, model and precision, as
** val_row.also_unknown holds them. */
static int unknown_bits(preset_cache *pc, const meas_row *m)
{
	return (known(pc, "chip", m->chip) ? 0 : 1 << VAL_WHY_UNKNOWN_CHIP) |
	       (model_known(pc, m) ? 0 : 1 << VAL_WHY_UNKNOWN_MODEL) |
	       (m->precision_unknown ? 1 << VAL_WHY_UNKNOWN_PRECISION : 0);
}

/* preset_known's list of the chips, read once a run (pc) */
static void chips_known(preset_cache *pc, char *names, size_t len)
{
	const char *list;
	int oom = 0;
	if (preset_cache_get(pc, "known", "chip", &list) && list) {
		snprintf(names, len, "%s", list);
		return;
	}
	preset_known("chip", names, len);
	preset_cache_put(pc, "known", "chip", names, &oom);
}

/* A row's chip and model are presets (a microbenchmark names no model):
** VAL_WHY_NONE, or the unknown one's kind with the reason (the chip's
** when both are unknown). */
static int known_names(preset_cache *pc, const meas_row *m, char *reason,
                       size_t len)
{
	char names[640];
	if (!known(pc, "chip", m->chip)) {
		chips_known(pc, names, sizeof names);
		snprintf(reason, len, "unknown chip '%.*s' (no preset "
		         "data/chips/NAME.ini for it; known: %s)",
		         rl_utf8_cut(m->chip_given, 60), m->chip_given,
		         names);
		return VAL_WHY_UNKNOWN_CHIP;
	}
	if (!model_known(pc, m)) {
		snprintf(reason, len, "unknown model '%.*s' (no preset "
		         "data/models/%.*s.ini; rooflab presets model lists them)",
		         rl_utf8_cut(m->model, 60), m->model,
		         rl_utf8_cut(m->model, 60), m->model);
		return VAL_WHY_UNKNOWN_MODEL;
	}
	return VAL_WHY_NONE;
}

/* A row served at a request rate: the load model (model/load.h) at the
** row's rate and request count; NAN with the reason when it fails. */
static double at_rate(const meas_row *m, const rl_config *cfg,
                      int tokens_total, char *reason, size_t len)
{
	rl_load ld;
	rl_load_result lr;
	ld.rate_rps = m->request_rate_rps;
	ld.requests = m->requests;
	if (rl_load_eval(cfg, &ld, &lr) != RL_OK) {
		snprintf(reason, len, "load model: %s", lr.error);
		return NAN;
	}
	return rl_load_metric_of(meas_metric(m, tokens_total), &lr);
}

/* A microbenchmark row with a profile: its GEMM's TFLOPS or its copy's
** TB/s on the row's chip, as model/micro.c costs them; NAN with the
** reason when the profile or chip cannot be set up, and *oom set where a
** preset's text could not be held in memory (the reason its message). */
static double micro(preset_cache *pc, const meas_row *m, const char *profile,
                    char *reason, size_t len, int *oom)
{
	static const char *const kinds[2] = {"profile", "chip"};
	const char *names[2];
	rl_setup st;
	char err[512];
	double v;
	int rc;
	names[0] = profile;
	names[1] = m->chip;
	if ((rc = preset_cache_setup(pc, 2, kinds, names, &st, err,
	                             sizeof err)) ||
	    (m->scen_precision[0] &&
	     (rc = setup_set_key(&st, "scenario", "precision",
	                         m->scen_precision, err, sizeof err)))) {
		*oom = rc == RL_EINTERNAL;
		snprintf(reason, len, *oom ? "%s" : "cannot set up: %s", err);
		return NAN;
	}
	if (m->metric_code == MEAS_COPY_TBPS)
		return rl_micro_copy_Bps(&st.cfg) / 1e12;
	v = rl_micro_gemm_flops(&st.cfg, m->gemm_m, m->gemm_n, m->gemm_k);
	if (!(v > 0)) {
		snprintf(reason, len, "chip %.*s has no %.*s matrix peak",
		         rl_utf8_cut(m->chip, 60), m->chip,
		         rl_utf8_cut(m->precision, 20), m->precision);
		return NAN;
	}
	return v / 1e12;
}

/* The error of a prediction: its distance to the interval a value
** published rounded stands for (rounding.h, rl_calib_miss). */
static double miss(double predicted, const meas_row *m)
{
	return rl_calib_miss(predicted, m->value, meas_half_step(m));
}

/* Row o is modelled: its error against m, from its prediction (else its
** reason into rs, VAL_REASON_MAX bytes). */
static void modelled(val_row *o, char *rs, const meas_row *m)
{
	o->error = miss(o->predicted, m);
	if (!isfinite(o->error)) {
		/* a measured value so far below the prediction (2.2e-308
		** tokens/s against 2,409) that their error is no number: not
		** modelled, where it printed +inf% and was counted among the
		** modelled rows beside a JSON error of null */
		/* the measured value as given, in all its digits, the model's
		** figure by eval's rule, as calibrate's left-out line says
		** them (2.2250738585072014e-308, where %.6g wrote 2.22507e-308) */
		char mv[32], pv[32];
		rl_number_write(m->value, mv, sizeof mv);
		if (isfinite(o->predicted))
			snprintf(rs, VAL_REASON_MAX, "its error is no "
			         "finite percentage (measured %s, modelled %s)", mv,
			         rl_fig_text(pv, sizeof pv, o->predicted));
		else /* a TTFT at a rate past what the server serves */
			snprintf(rs, VAL_REASON_MAX, "the model gives no "
			         "finite figure for it (measured %s)", mv);
		o->error = NAN;
		return;
	}
	o->status = VAL_OK;
	o->why = VAL_WHY_NONE;
}

/* One row into o, its reason not modelled into rs (VAL_REASON_MAX bytes;
** "" when modelled) and its profile's name into prof (RL_NAME_MAX bytes;
** "" none); RL_EINTERNAL where a preset's text could not be held in
** memory (rs its message), else RL_OK, modelled or not.  off_fit: a row
** in the fit is left VAL_NOT_EVALUATED once its profile is named
** (val_evaluate_off_fit). */
static int evaluate_one(preset_cache *pc, const meas_row *m,
                        const val_versions *vt, const val_version *v,
                        const char *profile, int off_fit, val_row *o,
                        char *rs, char *prof)
{
	rl_setup st;
	rl_result r;
	char err[512];
	int oom = 0, rc;
	memset(o, 0, sizeof *o);
	rs[0] = prof[0] = '\0';
	o->row = m;
	o->measured = m->value;
	o->predicted = o->error = NAN;
	o->status = VAL_NOT_MODELLED;
	/* a version whose profile was fitted on another version's rows has
	** none in sample: its rows of the fitted chip are out of sample */
	o->in_fit = v && !strcmp(m->chip, v->fitted_chip) &&
	            !v->fitted_version[0];
	o->out_of_sample = v && !strcmp(m->chip, v->fitted_chip) &&
	                   v->fitted_version[0];
	if (!profile && !v) {
		o->why = val_version_missing(vt, m->software, m->version, rs,
		                             VAL_REASON_MAX)
		             ? VAL_WHY_UNKNOWN_VERSION
		             : VAL_WHY_UNKNOWN_SOFTWARE;
		o->also_unknown = unknown_bits(pc, m);
		return RL_OK;
	}
	/* a row not modelled for the table's note or its own reason may
	** name a chip, model or precision nothing here has all the same:
	** --strict names them (a row of chip 'nochip' and precision 'fp9'
	** passed it, its reason the precision's) */
	if (!profile && !v->profile[0]) {
		snprintf(rs, VAL_REASON_MAX, "%s", v->note);
		o->why = VAL_WHY_VERSION_NOT_MODELLED;
		o->also_unknown = unknown_bits(pc, m);
		return RL_OK;
	}
	snprintf(prof, RL_NAME_MAX, "%s", profile ? profile : v->profile);
	if (off_fit && o->in_fit) {
		o->status = VAL_NOT_EVALUATED;
		return RL_OK;
	}
	if (!m->modelled) {
		snprintf(rs, VAL_REASON_MAX, "%s", m->why_not);
		o->why = VAL_WHY_ROW;
		o->also_unknown = unknown_bits(pc, m);
		return RL_OK;
	}
	if ((o->why = known_names(pc, m, rs, VAL_REASON_MAX))) {
		if (o->why == VAL_WHY_UNKNOWN_CHIP && !model_known(pc, m))
			o->also_unknown = 1 << VAL_WHY_UNKNOWN_MODEL;
		return RL_OK;
	}
	/* what fails from here on, the setup, the load model or the engine
	** cannot represent */
	o->why = VAL_WHY_NOT_REPRESENTABLE;
	if (meas_micro(m)) {
		o->predicted = micro(pc, m, prof, rs,
		                     VAL_REASON_MAX, &oom);
		if (!isnan(o->predicted))
			modelled(o, rs, m);
		return oom ? RL_EINTERNAL : RL_OK;
	}
	/* a preset's text not held in memory is no fault of the row: the
	** run fails (exit 1), where the row read "cannot set up" */
	if ((rc = meas_setup_cached(m, prof, pc, &st, err, sizeof err)) !=
	    RL_OK) {
		snprintf(rs, VAL_REASON_MAX, rc == RL_EINTERNAL
		         ? "%s" : "cannot set up: %s", err);
		return rc == RL_EINTERNAL ? RL_EINTERNAL : RL_OK;
	}
	if (meas_at_rate(m)) {
		o->predicted = at_rate(m, &st.cfg, v && v->tokens_total, rs,
		                       VAL_REASON_MAX);
		if (!isnan(o->predicted))
			modelled(o, rs, m);
		return RL_OK;
	}
	if (rl_eval_run(&st.cfg, m->requests, &r) != RL_OK) {
		snprintf(rs, VAL_REASON_MAX, "engine: %s", r.error);
		return RL_OK;
	}
	o->predicted = rl_metric_of(meas_metric(m, v && v->tokens_total), &r);
	modelled(o, rs, m);
	return RL_OK;
}

const char *val_why_name(int why)
{
	static const char *const name[VAL_WHY_COUNT] = {
	    NULL, "unknown_software", "unknown_version", "unknown_chip",
	    "unknown_model", "version_not_modelled", "row_not_modelled",
	    "not_representable", "unknown_precision"};
	return why > VAL_WHY_NONE && why < VAL_WHY_COUNT ? name[why] : NULL;
}

int val_why_unknown(int why)
{
	return why == VAL_WHY_UNKNOWN_SOFTWARE || why == VAL_WHY_UNKNOWN_VERSION ||
	       why == VAL_WHY_UNKNOWN_CHIP || why == VAL_WHY_UNKNOWN_MODEL ||
	       why == VAL_WHY_UNKNOWN_PRECISION;
}

/* val_evaluate, and val_evaluate_off_fit where off_fit is 1 */
static int evaluate_rows(meas_set *set, const val_versions *vt,
                         const char *profile, int off_fit,
                         preset_cache *cache, val_row *out, char *err,
                         size_t errlen)
{
	char rs[VAL_REASON_MAX], prof[RL_NAME_MAX];
	size_t i;
	for (i = 0; i < set->n; i++) {
		const meas_row *m = &set->rows[i];
		int rc = evaluate_one(cache, m, vt,
		                      val_version_for(vt, m->software, m->version,
		                                      m->model),
		                      profile, off_fit, &out[i], rs, prof);
		if (rc == RL_EINTERNAL) {
			snprintf(err, errlen, "%s", rs);
			return RL_EINTERNAL;
		}
		/* held once in the set's pool: a reason a million rows share is
		** one string */
		if (!(out[i].reason = meas_keep(set, rs)) ||
		    !(out[i].profile = meas_keep(set, prof))) {
			snprintf(err, errlen, "out of memory");
			return RL_EINTERNAL;
		}
	}
	return RL_OK;
}

int val_evaluate(meas_set *set, const val_versions *vt,
                 const char *profile, preset_cache *cache, val_row *out,
                 char *err, size_t errlen)
{
	return evaluate_rows(set, vt, profile, 0, cache, out, err, errlen);
}

int val_evaluate_off_fit(meas_set *set, const val_versions *vt,
                         const char *profile, preset_cache *cache,
                         val_row *out, char *err, size_t errlen)
{
	return evaluate_rows(set, vt, profile, 1, cache, out, err, errlen);
}
