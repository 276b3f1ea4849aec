/*
** why.c: why a design point does not evaluate (why.h).
*/
#include <stdio.h>
#include <string.h>

#include "../model/engine.h"
#include "../model/params.h"
#include "why.h"

int rl_sweep_point_why(const rl_sweep_spec *s, const double *vals, char *at,
                       size_t atlen, char *why, size_t whylen)
{
	rl_config cfg;
	rl_result r;
	size_t i, used = 0;
	char v[64];
	int rc;
	if (atlen)
		at[0] = 0;
	if (whylen)
		why[0] = 0;
	for (i = 0; i < s->naxes && used < atlen; i++) {
		rl_param_format(s->axes[i].param, vals[i], v, sizeof v);
		used += (size_t)snprintf(at + used, atlen - used, "%s%s=%s",
		                         i ? ", " : "", s->axes[i].name, v);
	}
	if (rl_sweep_point_config(s, vals, &cfg, why, whylen))
		return -1;
	rc = rl_eval_runnable(rl_eval(&cfg, &r), &r);
	if (rc == RL_EPOWER)
		rl_over_tdp_words(&cfg, &r, why, whylen);
	else if (rc != RL_OK)
		snprintf(why, whylen, "%s", r.error);
	return rc;
}
