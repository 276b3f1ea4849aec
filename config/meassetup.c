/*
** meassetup.c: a measurement row set up for the engine and the metric
** predicted for it (meassetup.h).
*/
#include "meassetup.h"

#include <math.h>
#include <stdio.h>

#include "../model/utf8.h"
#include "../model/calibrate.h"
#include "../model/status.h"

/* setup_set_key with its message in err on failure; -1 then, else 0. */
static int set_key(rl_setup *st, const char *section, const char *key,
                   const char *value, char *err, size_t errlen)
{
	char msg[512];
	if (setup_set_key(st, section, key, value, msg, sizeof msg)) {
		snprintf(err, errlen, "%s", msg);
		return -1;
	}
	return 0;
}

/* set_key of a number with every digit (a whole one below 1e17 without
** an exponent; a larger one, 1e300 from a file, as 1e+300, not cut). */
static int set_num(rl_setup *st, const char *section, const char *key,
                   double v, char *err, size_t errlen)
{
	char num[32];
	snprintf(num, sizeof num, "%.17g", v);
	return set_key(st, section, key, num, err, errlen);
}

int meas_setup(const meas_row *row, const char *profile, rl_setup *st,
               char *err, size_t errlen)
{
	return meas_setup_cached(row, profile, NULL, st, err, errlen);
}

int meas_setup_cached(const meas_row *row, const char *profile,
                      struct preset_cache *cache, rl_setup *st, char *err,
                      size_t errlen)
{
	static const char *const kinds[3] = {"profile", "chip", "model"};
	const char *names[3];
	int dep, rc;
	names[0] = profile;
	names[1] = row->chip;
	names[2] = row->model;
	if ((rc = preset_cache_setup(cache, 3, kinds, names, st, err, errlen)))
		return rc == RL_EINTERNAL ? RL_EINTERNAL : RL_EINPUT;
	if (set_key(st, "scenario", "precision",
	            row->scen_precision[0] ? row->scen_precision : row->precision,
	            err, errlen) ||
	    (row->scen_kv[0] && set_key(st, "scenario", "kv_precision",
	                                row->scen_kv, err, errlen)))
		return RL_EINPUT;
	if (row->experts_only && !(st->cfg.model.expert_weight_bits > 0)) {
		snprintf(err, errlen, "precision %.*s quantizes only routed "
		         "experts, and model %.*s gives them no width of their own "
		         "(model.expert_weight_bits)", rl_utf8_cut(row->precision, 20),
		         row->precision, rl_utf8_cut(row->model, 60), row->model);
		return RL_EINPUT;
	}
	/* attention data parallel over the tp GPUs, the experts split over
	** the same GPUs: as DEPn (published-methodology.md, 1.0) */
	dep = row->moe_attention_dp && st->cfg.model.experts > 1 &&
	      row->tp > 1 && !(row->ep > 1);
	if (set_num(st, "scenario", "isl", row->isl, err, errlen) ||
	    set_num(st, "scenario", "osl", row->osl, err, errlen) ||
	    set_num(st, "scenario", "tp", dep ? 1.0 : row->tp, err, errlen) ||
	    set_num(st, "scenario", "ep",
	            dep ? row->tp : row->ep >= 1 ? row->ep : 1, err, errlen) ||
	    /* pipeline stages as eval's --pp runs them (model/engine.c: one
	    ** micro-batch per stage in flight); no published H100 row with
	    ** pp > 1 is modelled, so no fit has seen them */
	    set_num(st, "scenario", "pp", row->pp >= 1 ? row->pp : 1, err,
	            errlen) ||
	    set_num(st, "scenario", "chips", row->chips, err, errlen))
		return RL_EINPUT;
	/* the build settings the row states override the profile's */
	/* the lengths of a dataset (datasets.h): the load model's run end */
	if (row->osl_max > row->osl &&
	    set_num(st, "scenario", "osl_max", row->osl_max, err, errlen))
		return RL_EINPUT;
	if ((row->max_num_tokens >= 1 &&
	     set_num(st, "profile", "max_num_tokens", row->max_num_tokens, err,
	             errlen)) ||
	    (row->kv_fraction > 0 &&
	     set_num(st, "profile", "kv_fraction", row->kv_fraction, err,
	             errlen)) ||
	    (row->max_batch_size >= 1 &&
	     set_num(st, "profile", "max_batch_size", row->max_batch_size, err,
	             errlen)))
		return RL_EINPUT;
	/* and the harness's own choice of them gives way (0.11's notes) */
	if ((row->max_num_tokens >= 1 || row->max_batch_size >= 1) &&
	    set_key(st, "profile", "batch_rule", "fixed", err, errlen))
		return RL_EINPUT;
	return RL_OK;
}

double meas_half_step(const meas_row *row)
{
	return row->round_step / 2;
}

int meas_at_rate(const meas_row *row)
{
	return !isnan(row->request_rate_rps);
}

int meas_metric(const meas_row *row, int tokens_total)
{
	switch (row->metric_code) {
	case MEAS_TOTAL_TPS:
		return RL_METRIC_TOTAL_TPS;
	case MEAS_OUTPUT_TPS_PER_GPU:
		return RL_METRIC_OUTPUT_TPS_PER_CHIP;
	case MEAS_TOKENS_TPS:
		return tokens_total ? RL_METRIC_TOTAL_TPS : RL_METRIC_OUTPUT_TPS;
	case MEAS_REQUESTS_PS:
		return RL_METRIC_REQUESTS_PS;
	case MEAS_TTFT_MEAN:
		return RL_METRIC_TTFT_MEAN;
	case MEAS_ITL_MEAN:
		return RL_METRIC_ITL_MEAN;
	default:
		return RL_METRIC_OUTPUT_TPS;
	}
}
