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

/* A preset of a kind exists; names with a path separator are refused. */
static int known(const char *kind, const char *name)
{
	char path[1024], err[1024];
	if (!*name || strchr(name, '/'))
		return 0;
	return preset_path(kind, name, path, sizeof path, err, sizeof err) == 0;
}

/* A row's model is a preset, or it names none (a microbenchmark). */
static int model_known(const meas_row *m)
{
	return meas_micro(m) || known("model", m->model);
}

/* The unknown names among a row's chip and model, as val_row.also_unknown
** holds them. */
static int unknown_bits(const meas_row *m)
{
	return (known("chip", m->chip) ? 0 : 1 << VAL_WHY_UNKNOWN_CHIP) |
	       (model_known(m) ? 0 : 1 << VAL_WHY_UNKNOWN_MODEL);
}

/* A row's chip and model are presets (a microbenchmark names no model):
** VAL_WHY_NONE, or the unknown one's kind with the reason (the chip's
** when both are unknown). */
static int known_names(const meas_row *m, char *reason, size_t len)
{
	char names[640];
	if (!known("chip", m->chip)) {
		preset_known("chip", names, sizeof names);
		snprintf(reason, len, "unknown chip '%.*s' (no preset "
		         "data/chips/NAME.ini for it; known: %s)",
		         rl_utf8_cut(m->chip_given, 60), m->chip_given,
		         names);
		return VAL_WHY_UNKNOWN_CHIP;
	}
	if (!model_known(m)) {
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
static double micro(const meas_row *m, const char *profile, char *reason,
                    size_t len, int *oom)
{
	rl_setup st;
	char err[512];
	double v;
	int rc;
	setup_init(&st);
	if ((rc = setup_load(&st, "profile", profile, err, sizeof err)) ||
	    (rc = setup_load(&st, "chip", m->chip, err, sizeof err)) ||
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

/* Row o is modelled: its error against m, from its prediction. */
static void modelled(val_row *o, const meas_row *m)
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
			snprintf(o->reason, sizeof o->reason, "its error is no "
			         "finite percentage (measured %s, modelled %s)", mv,
			         rl_fig_text(pv, sizeof pv, o->predicted));
		else /* a TTFT at a rate past what the server serves */
			snprintf(o->reason, sizeof o->reason, "the model gives no "
			         "finite figure for it (measured %s)", mv);
		o->error = NAN;
		return;
	}
	o->status = VAL_OK;
	o->why = VAL_WHY_NONE;
}

/* One row into o; RL_EINTERNAL where a preset's text could not be held in
** memory (o->reason its message), else RL_OK, modelled or not. */
static int evaluate_one(const meas_row *m, const val_versions *vt,
                        const val_version *v, const char *profile,
                        val_row *o)
{
	rl_setup st;
	rl_result r;
	char err[512];
	int oom = 0, rc;
	memset(o, 0, sizeof *o);
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
		o->why = val_version_missing(vt, m->software, m->version, o->reason,
		                             sizeof o->reason)
		             ? VAL_WHY_UNKNOWN_VERSION
		             : VAL_WHY_UNKNOWN_SOFTWARE;
		o->also_unknown = unknown_bits(m);
		return RL_OK;
	}
	if (!profile && !v->profile[0]) {
		snprintf(o->reason, sizeof o->reason, "%s", v->note);
		o->why = VAL_WHY_VERSION_NOT_MODELLED;
		return RL_OK;
	}
	snprintf(o->profile, sizeof o->profile, "%s", profile ? profile
	                                                      : v->profile);
	if (!m->modelled) {
		snprintf(o->reason, sizeof o->reason, "%s", m->why_not);
		o->why = VAL_WHY_ROW;
		return RL_OK;
	}
	if ((o->why = known_names(m, o->reason, sizeof o->reason))) {
		if (o->why == VAL_WHY_UNKNOWN_CHIP && !model_known(m))
			o->also_unknown = 1 << VAL_WHY_UNKNOWN_MODEL;
		return RL_OK;
	}
	/* what fails from here on, the setup, the load model or the engine
	** cannot represent */
	o->why = VAL_WHY_NOT_REPRESENTABLE;
	if (meas_micro(m)) {
		o->predicted = micro(m, o->profile, o->reason, sizeof o->reason,
		                     &oom);
		if (!isnan(o->predicted))
			modelled(o, m);
		return oom ? RL_EINTERNAL : RL_OK;
	}
	/* a preset's text not held in memory is no fault of the row: the
	** run fails (exit 1), where the row read "cannot set up" */
	if ((rc = meas_setup(m, o->profile, &st, err, sizeof err)) != RL_OK) {
		snprintf(o->reason, sizeof o->reason, rc == RL_EINTERNAL
		         ? "%s" : "cannot set up: %s", err);
		return rc == RL_EINTERNAL ? RL_EINTERNAL : RL_OK;
	}
	if (meas_at_rate(m)) {
		o->predicted = at_rate(m, &st.cfg, v && v->tokens_total, o->reason,
		                       sizeof o->reason);
		if (!isnan(o->predicted))
			modelled(o, m);
		return RL_OK;
	}
	if (rl_eval_run(&st.cfg, m->requests, &r) != RL_OK) {
		snprintf(o->reason, sizeof o->reason, "engine: %s", r.error);
		return RL_OK;
	}
	o->predicted = rl_metric_of(meas_metric(m, v && v->tokens_total), &r);
	modelled(o, m);
	return RL_OK;
}

const char *val_why_name(int why)
{
	static const char *const name[VAL_WHY_COUNT] = {
	    NULL, "unknown_software", "unknown_version", "unknown_chip",
	    "unknown_model", "version_not_modelled", "row_not_modelled",
	    "not_representable"};
	return why > VAL_WHY_NONE && why < VAL_WHY_COUNT ? name[why] : NULL;
}

int val_why_unknown(int why)
{
	return why == VAL_WHY_UNKNOWN_SOFTWARE || why == VAL_WHY_UNKNOWN_VERSION ||
	       why == VAL_WHY_UNKNOWN_CHIP || why == VAL_WHY_UNKNOWN_MODEL;
}

int val_evaluate(const meas_set *set, const val_versions *vt,
                 const char *profile, val_row *out, char *err,
                 size_t errlen)
{
	size_t i;
	for (i = 0; i < set->n; i++)
		if (evaluate_one(&set->rows[i], vt,
		                 val_version_for(vt, set->rows[i].software,
		                                 set->rows[i].version,
		                                 set->rows[i].model),
		                 profile, &out[i]) == RL_EINTERNAL) {
			snprintf(err, errlen, "%s", out[i].reason);
			return RL_EINTERNAL;
		}
	return RL_OK;
}
