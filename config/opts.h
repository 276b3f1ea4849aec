/*
** opts.h: the option values every evaluating command shares (--chip
** --model --precision --isl --osl --tp --pp --ep --chips --batch --profile
** --scenario --set --json), applied in a fixed order: defaults, scenario,
** chip, model, profile, flags, then --set.  cli/options.h reads them from
** argv; sweeps and the claim engine fill them from their own files.
*/
#ifndef RL_OPTS_H
#define RL_OPTS_H

#include <stddef.h>

#include "setup.h"

#define OPTS_MAX_SETS 128

typedef struct {
	const char *chip, *model, *profile, *scenario;
	const char *precision, *isl, *osl, *tp, *pp, *ep, *chips, *batch;
	const char *sets[OPTS_MAX_SETS];
	int nsets;
	int json;
} eval_opts;

/* Apply to a fresh setup.  need_model_chip: insist on --chip and --model
** (or a scenario that names them).  0, or -1 with err, or RL_EINTERNAL
** (1) with err where a preset's text could not be held in memory
** (setup_load: no fault of the options; exit 1, not 2). */
int opts_apply(const eval_opts *o, rl_setup *st, int need_model_chip,
               char *err, size_t errlen);
/* opts_apply that also says which value failed: *at is the pointer of o
** (o->chip, o->tp, o->sets[k], ...) whose preset, flag or assignment was
** refused, or NULL when the failure is not one value's (a missing chip
** or model, the default profile). */
int opts_apply_at(const eval_opts *o, rl_setup *st, int need_model_chip,
                  const char **at, char *err, size_t errlen);

#endif
