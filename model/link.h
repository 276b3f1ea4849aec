/*
** link.h: the cost of one kind of collective over a fixed group of chips,
** worked out once (comm.c, mapping.c) and used many times (engine.c).
**
** `bytes` held by each chip put bytes x mul / div on the wire and take
** fixed_s + wire / Bps (no time for the wire where Bps is 0); nothing at
** all when none is set or bytes <= 0.  rl_allreduce_cost and
** rl_allgather_cost (comm.h), rl_alltoall_cost and rl_p2p_cost
** (mapping.h) fill it; rl_link_time gives exactly what the matching
** rl_*_time gives.  Header only: no .c of its own.
*/
#ifndef RL_LINK_H
#define RL_LINK_H

#include "fminmax.h" /* RL_LIKELY */

typedef struct {
	int none;       /* a group of one chip: no collective */
	double mul, div;
	double fixed_s; /* latencies */
	double Bps;
	double per_Bps; /* 1 / Bps (0 where Bps is not > 0): rl_link_set_Bps */
	/* div != 1 and Bps > 0, tested as integers (rl_link_set_div and
	** rl_link_set_Bps set them with their numbers) */
	int div_on, bw_on;
} rl_link_cost;

/* Sets lc's bytes/s and its reciprocal, which rl_link_time multiplies by
** (one division per design, not one per collective). */
static inline void rl_link_set_Bps(rl_link_cost *lc, double Bps)
{
	lc->Bps = Bps;
	lc->per_Bps = Bps > 0 ? 1 / Bps : 0.0;
	lc->bw_on = Bps > 0;
}

/* Sets lc's divisor of the bytes on the wire. */
static inline void rl_link_set_div(rl_link_cost *lc, double div)
{
	lc->div = div;
	lc->div_on = div != 1;
}

/* Starts the cost of a collective over a group of n chips: nothing moved
** yet (factors 1, no latency or bandwidth); true where n <= 1 (no
** collective), leaving lc that way. */
static inline int rl_link_cost_start(rl_link_cost *lc, double n)
{
	lc->none = n <= 1;
	lc->mul = 1;
	rl_link_set_div(lc, 1);
	lc->fixed_s = 0;
	rl_link_set_Bps(lc, 0);
	return lc->none;
}

/* The time of one collective moving `bytes` per chip; *link_bytes (when
** not NULL) = what one chip puts on the wire. */
static inline double rl_link_time(const rl_link_cost *lc, double bytes,
                                   double *link_bytes)
{
	double wire;
	if (RL_UNLIKELY(lc->none || bytes <= 0)) {
		if (link_bytes)
			*link_bytes = 0;
		return 0.0;
	}
	wire = bytes * lc->mul;
	if (RL_UNLIKELY(lc->div_on))
		wire /= lc->div;
	if (link_bytes)
		*link_bytes = wire;
	return lc->fixed_s + (RL_LIKELY(lc->bw_on) ? wire * lc->per_Bps : 0.0);
}

/* rl_link_time of a cost the caller knows to have a collective (not
** none), no divisor (div_on clear) and a bandwidth (bw_on set): the same
** result without those three tests. */
static inline double rl_link_time_plain(const rl_link_cost *lc, double bytes,
                                        double *link_bytes)
{
	double wire;
	if (RL_UNLIKELY(bytes <= 0)) {
		*link_bytes = 0;
		return 0.0;
	}
	wire = bytes * lc->mul;
	*link_bytes = wire;
	return lc->fixed_s + wire * lc->per_Bps;
}

#endif
