/*
** comm.c: the time of one all-reduce across the chips of a tensor-parallel
** group, for the algorithm the profile names.
**
** Each chip holds S bytes and all must end with their sum.  With n chips,
** link bandwidth B per direction per chip (times the profile's link
** efficiency) and a per-step latency a (chip) plus a fixed software
** latency per all-reduce:
**   ring      2(n-1)/n S bytes sent per chip, 2(n-1) steps
**   two_shot  2(n-1)/n S bytes, 2 steps (reduce-scatter, all-gather direct)
**   one_shot  (n-1) S bytes (each chip pushes its whole buffer to all), 1 step
**   switch    S bytes (the switch reduces), 2 steps
*/
#include "engine.h"

double rl_allreduce_time(const rl_config *cfg, double bytes, double n,
                         double *link_bytes)
{
	double sent, steps, bw;
	if (n <= 1 || bytes <= 0) {
		if (link_bytes)
			*link_bytes = 0;
		return 0.0;
	}
	switch ((int)cfg->prof.allreduce) {
	case RL_AR_TWO_SHOT:
		sent = 2.0 * (n - 1) / n * bytes;
		steps = 2;
		break;
	case RL_AR_ONE_SHOT:
		sent = (n - 1) * bytes;
		steps = 1;
		break;
	case RL_AR_SWITCH:
		sent = bytes;
		steps = 2;
		break;
	case RL_AR_RING:
	default:
		sent = 2.0 * (n - 1) / n * bytes;
		steps = 2.0 * (n - 1);
		break;
	}
	if (link_bytes)
		*link_bytes = sent;
	bw = cfg->chip.link_Bps * cfg->prof.eff_link;
	return cfg->prof.allreduce_latency_s + steps * cfg->chip.link_latency_s +
	       (bw > 0 ? sent / bw : 0.0);
}
