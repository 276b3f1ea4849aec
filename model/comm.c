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
** The chip's link topology (mapping.h) sets the bandwidth: a mesh gives a
** group of n of its M chips (n-1)/(M-1) of link_Bps; a ring topology runs
** every all-reduce as a ring whatever the profile names.
*/
#include "engine.h"
#include "mapping.h"

double rl_allreduce_time(const rl_config *cfg, double bytes, double n,
                         double *link_bytes)
{
	double sent, steps, bw;
	if (n <= 1 || bytes <= 0) {
		if (link_bytes)
			*link_bytes = 0;
		return 0.0;
	}
	switch ((int)cfg->chip.topology == RL_TOPO_RING ? (int)RL_AR_RING
	                                                : (int)cfg->prof.allreduce) {
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
	bw = rl_group_Bps(cfg, n);
	return cfg->prof.allreduce_latency_s + steps * cfg->chip.link_latency_s +
	       (bw > 0 ? sent / bw : 0.0);
}
