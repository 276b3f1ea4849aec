/*
** opts.c: the option values that commands share, applied to a setup
** (opts.h).
*/
#include "opts.h"

#include <stdio.h>
#include <string.h>

static int flag(rl_setup *st, const char *flagname, const char *key,
                const char *v, const char **at, char *err, size_t errlen)
{
	char msg[512];
	if (!v)
		return 0;
	if (setup_set_key(st, "scenario", key, v, msg, sizeof msg)) {
		snprintf(err, errlen, "%s: %s", flagname, msg);
		*at = v;
		return -1;
	}
	return 0;
}

/* A preset of kind named v loaded into st; on failure *at = v and
** setup_load's status (-1, or RL_EINTERNAL: out of memory). */
static int load(rl_setup *st, const char *kind, const char *v,
                const char **at, char *err, size_t errlen)
{
	int rc;
	if (!v || !(rc = setup_load(st, kind, v, err, errlen)))
		return 0;
	*at = v;
	return rc;
}

int opts_apply(const eval_opts *o, rl_setup *st, int need_model_chip,
               char *err, size_t errlen)
{
	const char *at;
	return opts_apply_at(o, st, need_model_chip, &at, err, errlen);
}

int opts_apply_at(const eval_opts *o, rl_setup *st, int need_model_chip,
                  const char **at, char *err, size_t errlen)
{
	int k, rc;
	char known[1024];
	*at = NULL;
	setup_init(st);
	if ((rc = load(st, "scenario", o->scenario, at, err, errlen)))
		return rc;
	if (!o->profile && !st->profile[0] &&
	    (rc = setup_load(st, "profile", "ideal", err, errlen)))
		return rc;
	if ((rc = load(st, "chip", o->chip, at, err, errlen)) ||
	    (rc = load(st, "model", o->model, at, err, errlen)) ||
	    (rc = load(st, "profile", o->profile, at, err, errlen)))
		return rc;
	if (need_model_chip && !st->chip[0]) {
		preset_known("chip", known, sizeof known);
		snprintf(err, errlen, "missing --chip NAME (known: %s)", known);
		return -1;
	}
	if (need_model_chip && !st->model[0]) {
		preset_known("model", known, sizeof known);
		snprintf(err, errlen, "missing --model NAME (known: %s)", known);
		return -1;
	}
	if (flag(st, "--precision", "precision", o->precision, at, err,
	         errlen) ||
	    flag(st, "--isl", "isl", o->isl, at, err, errlen) ||
	    flag(st, "--osl", "osl", o->osl, at, err, errlen) ||
	    flag(st, "--tp", "tp", o->tp, at, err, errlen) ||
	    flag(st, "--pp", "pp", o->pp, at, err, errlen) ||
	    flag(st, "--ep", "ep", o->ep, at, err, errlen) ||
	    flag(st, "--chips", "chips", o->chips, at, err, errlen) ||
	    flag(st, "--batch", "batch", o->batch, at, err, errlen))
		return -1;
	for (k = 0; k < o->nsets; k++)
		if (setup_assign(st, o->sets[k], err, errlen)) {
			*at = o->sets[k];
			return -1;
		}
	return 0;
}
