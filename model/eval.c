/*
** eval.c: one full evaluation.  Today: the serving model for a chip given
** by its spec sheet; power and cost are not known (NAN) until the silicon
** model fills them.
*/
#include "engine.h"

#include <math.h>

int rl_eval(const rl_config *cfg, rl_result *r)
{
	int rc = rl_serve(cfg, r);
	if (rc != RL_OK)
		return rc;
	r->power_w = NAN;
	r->clock_scale = 1.0;
	r->power_limited = 0;
	r->chip_usd = NAN;
	r->usd_per_mtok = NAN;
	return RL_OK;
}
