/*
** pointval.h: the value a sweep point has for an output, the one a
** [filter] reads and the database stores: its result's where it served,
** none (NaN, stored NULL) where it failed, but for the outputs a point
** over its TDP at every clock keeps (rl_output_over_tdp).
*/
#ifndef RL_SWEEP_POINTVAL_H
#define RL_SWEEP_POINTVAL_H

#include <math.h>

#include "../model/engine.h"
#include "../model/outputs.h"

/* o's value at a point of rl_eval status `status` with result r: o->get(r)
** at status 0 (RL_OK), and at 4 (RL_EPOWER) where rl_output_over_tdp(o);
** NaN otherwise, r not read (a failed point's result may be unset).  A
** value of a served point may be NaN too: an output that does not apply
** to it (power.lowest_clock_watts where the TDP is met, a chip's price
** where its preset gives none); inline: every output of every point of
** a sweep reads it. */
static inline double rl_sweep_point_output(const rl_output *o, int status,
                                           const rl_result *r)
{
	if (status == RL_OK ||
	    (status == RL_EPOWER && rl_output_over_tdp(o)))
		return o->get(r);
	return NAN;
}

#endif
