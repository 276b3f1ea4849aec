/*
** stated.c: an assumption's stated value as claim reports it (claim.h's
** claim_stated_value), for the database (claimdb.c) and the range
** robustness (claimrun.c) alike: the configuration's value, or where it
** is 0 for an HBM stack's size or speed, the HBM generation's own, as the
** silicon model takes it.
*/
#include <string.h>

#include "../model/params.h"
#include "../model/silicon.h"
#include "claim.h"

double claim_stated_value(const rl_config *c, const rl_param *p)
{
	double v = rl_param_get(c, p);
	int gen = (int)c->design.hbm_gen;
	if (v != 0 || strcmp(p->section, "design"))
		return v;
	if (!strcmp(p->key, "hbm_stack_gbps"))
		return rl_hbm_stack_Bps(gen) / p->scale;
	if (!strcmp(p->key, "hbm_stack_gb"))
		return rl_hbm_stack_bytes(gen) / p->scale;
	return v;
}
