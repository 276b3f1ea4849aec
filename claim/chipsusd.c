/*
** chipsusd.c: USD per million output tokens of a side's chips alone, for
** a side whose full figure is unknown for want of a power model (Sohu as
** claimed: no process node, no TDP): the hardware term of model/cost.h,
** the energy term left out, as the text and the report say beside it.
*/
#include <math.h>

#include "../model/cost.h"
#include "../model/precision.h"
#include "claim.h"

double claim_usd_chips_only(const claim_side *s, double chip_usd)
{
	const rl_result *r = &s->r;
	if (isfinite(r->usd_per_mtok_price) || isfinite(r->power_w) ||
	    !isfinite(chip_usd) || !(chip_usd > 0) || !(r->output_tps > 0))
		return NAN;
	return rl_usd_hw_per_s(&s->cfg.cost, chip_usd,
	                       rl_scen_chips(&s->cfg.scen)) /
	       r->output_tps * 1e6;
}
