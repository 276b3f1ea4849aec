/*
** maproof.c: where each mapping of the claim's sides sits on the roofline
** (claim.h): every mapping that fits is evaluated again for its prefill
** and decode iterations, as the side itself is (claimdb.c put_roofline).
*/
#include <math.h>

#include "claim.h"

static double ratio(double a, double b)
{
	return b > 0 && a > 0 ? a / b : NAN;
}

static size_t points(const claim_side *s, const rl_map_entry *e, size_t n,
                     claim_map_point *out)
{
	size_t i, k = 0;
	for (i = 0; i < n; i++) {
		rl_config c = s->cfg;
		rl_result r;
		claim_map_point *p = &out[k];
		if (e[i].rc != RL_OK)
			continue;
		c.scen.tp = e[i].tp;
		c.scen.pp = e[i].pp;
		c.scen.ep = e[i].ep;
		c.scen.chips = rl_scen_chips(&s->cfg.scen);
		if (rl_eval(&c, &r) != RL_OK)
			continue;
		p->tp = e[i].tp;
		p->pp = e[i].pp;
		p->dp = e[i].dp;
		p->ep = e[i].ep;
		p->pi = ratio(r.prefill.flops, r.prefill.hbm_bytes);
		p->pf = ratio(r.prefill.flops, r.prefill.time_s);
		p->di = ratio(r.decode.flops, r.decode.hbm_bytes);
		p->df = ratio(r.decode.flops, r.decode.time_s);
		k++;
	}
	return k;
}

void claim_map_points(claim_report *rep)
{
	rep->nmpt_a = points(&rep->a, rep->map_a, rep->nmap_a, rep->mpt_a);
	rep->nmpt_b = points(&rep->b, rep->map_b, rep->nmap_b, rep->mpt_b);
}
