/*
** opts.c: the option values that commands share, applied to a setup
** (opts.h).
*/
#include "opts.h"

#include <stdio.h>
#include <string.h>

static int flag(rl_setup *st, const char *flagname, const char *key,
                const char *v, char *err, size_t errlen)
{
	char msg[512];
	if (!v)
		return 0;
	if (setup_set_key(st, "scenario", key, v, msg, sizeof msg)) {
		snprintf(err, errlen, "%s: %s", flagname, msg);
		return -1;
	}
	return 0;
}

int opts_apply(const eval_opts *o, rl_setup *st, int need_model_chip,
               char *err, size_t errlen)
{
	int k;
	char known[1024];
	setup_init(st);
	if (o->scenario && setup_load(st, "scenario", o->scenario, err, errlen))
		return -1;
	if (!o->profile && !st->profile[0] &&
	    setup_load(st, "profile", "ideal", err, errlen))
		return -1;
	if (o->chip && setup_load(st, "chip", o->chip, err, errlen))
		return -1;
	if (o->model && setup_load(st, "model", o->model, err, errlen))
		return -1;
	if (o->profile && setup_load(st, "profile", o->profile, err, errlen))
		return -1;
	if (need_model_chip && !st->chip[0]) {
		preset_names("chip", known, sizeof known);
		snprintf(err, errlen, "missing --chip NAME (known: %s)", known);
		return -1;
	}
	if (need_model_chip && !st->model[0]) {
		preset_names("model", known, sizeof known);
		snprintf(err, errlen, "missing --model NAME (known: %s)", known);
		return -1;
	}
	if (flag(st, "--precision", "precision", o->precision, err, errlen) ||
	    flag(st, "--isl", "isl", o->isl, err, errlen) ||
	    flag(st, "--osl", "osl", o->osl, err, errlen) ||
	    flag(st, "--tp", "tp", o->tp, err, errlen) ||
	    flag(st, "--pp", "pp", o->pp, err, errlen) ||
	    flag(st, "--ep", "ep", o->ep, err, errlen) ||
	    flag(st, "--chips", "chips", o->chips, err, errlen) ||
	    flag(st, "--batch", "batch", o->batch, err, errlen))
		return -1;
	for (k = 0; k < o->nsets; k++)
		if (setup_assign(st, o->sets[k], err, errlen))
			return -1;
	return 0;
}
