/*
** chipsusd.c: USD per million output tokens of a side's chips alone, for
** a side whose full figure is unknown for want of a power model (Sohu as
** claimed: no process node, no TDP): the hardware term of model/cost.h,
** the energy term left out, as the text and the report say beside it;
** and where the chip's price comes from, in its preset's words.
*/
#include <math.h>
#include <stdlib.h>

#include "../config/presetnote.h"
#include "../model/cost.h"
#include "../model/precision.h"
#include "claim.h"

double claim_usd_chips_only(const claim_side *s, double chip_usd)
{
	const rl_result *r = &s->r;
	/* one rule with eval's (model/cost.h) */
	return rl_usd_chips_only(&s->cfg.cost, chip_usd,
	                         rl_scen_chips(&s->cfg.scen), r->output_tps,
	                         r->power_w, r->usd_per_mtok_price);
}

int claim_price_note(const claim_side *s, char *buf, size_t len)
{
	return preset_price_note(s->st.chip_file, s->r.chip_price_usd, buf, len);
}
