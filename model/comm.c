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
** every all-reduce as a ring whatever the profile names.  rl_allreduce_cost
** works out the cost of one group's all-reduces once; rl_link_time (inline
** in link.h) costs one of them (and the other collectives of mapping.c).
**
** An all-gather of S bytes (each chip holds S/n and all must end with the
** whole S) sends (n-1)/n S bytes per chip whatever the algorithm: in n-1
** steps as a ring, in one where the profile's all-reduce goes direct
** (two_shot, one_shot, switch); the same software latency per collective.
*/
#include "comm.h"
#include "link.h"
#include "mapping.h"

void rl_allreduce_cost(const rl_config *cfg, double n, rl_link_cost *lc)
{
	double steps;
	if (rl_link_cost_start(lc, n))
		return;
	switch ((int)cfg->chip.topology == RL_TOPO_RING ? (int)RL_AR_RING
	                                                : (int)cfg->prof.allreduce) {
	case RL_AR_TWO_SHOT:
		lc->mul = 2.0 * (n - 1) / n;
		steps = 2;
		break;
	case RL_AR_ONE_SHOT:
		lc->mul = n - 1;
		steps = 1;
		break;
	case RL_AR_SWITCH:
		lc->mul = 1;
		steps = 2;
		break;
	case RL_AR_RING:
	default:
		lc->mul = 2.0 * (n - 1) / n;
		steps = 2.0 * (n - 1);
		break;
	}
	lc->fixed_s = cfg->prof.allreduce_latency_s +
	              steps * cfg->chip.link_latency_s;
	rl_link_set_Bps(lc, rl_group_Bps(cfg, n));
	/* bandwidth ramping up with the message, B S / (S + S_half): the
	** same as moving S_half more bytes at the peak, i.e. a fixed time
	** S_half / B.  S_half was fitted on one chip's link (the profile's
	** allreduce_half_link_Bps): on another it scales with the link the
	** group runs on (a mesh's group of n of M chips: (n-1)/(M-1) of the
	** chip's links, as its bandwidth B), so that time stays the
	** library's, not the H100's NVLink bytes moved over a slower or
	** faster wire */
	if (lc->Bps > 0) {
		double s_half = cfg->prof.allreduce_half_bytes;
		if (cfg->prof.allreduce_half_link_Bps > 0)
			s_half *= rl_group_link_Bps(cfg, n) /
			          cfg->prof.allreduce_half_link_Bps;
		lc->fixed_s += lc->mul * s_half / lc->Bps;
	}
}

void rl_allgather_cost(const rl_config *cfg, double n, rl_link_cost *lc)
{
	int ring = (int)cfg->chip.topology == RL_TOPO_RING ||
	           (int)cfg->prof.allreduce == RL_AR_RING;
	if (rl_link_cost_start(lc, n))
		return;
	lc->mul = n - 1;
	rl_link_set_div(lc, n);
	lc->fixed_s = cfg->prof.allreduce_latency_s +
	              (ring ? n - 1 : 1) * cfg->chip.link_latency_s;
	rl_link_set_Bps(lc, rl_group_Bps(cfg, n));
}

double rl_allreduce_time(const rl_config *cfg, double bytes, double n,
                         double *link_bytes)
{
	rl_link_cost lc;
	rl_allreduce_cost(cfg, n, &lc);
	return rl_link_time(&lc, bytes, link_bytes);
}
