/*
** outputs.h: the table of named results of an evaluation.
**
** The twin of the parameter table for what comes out: each row is a dotted
** name ("throughput.output_tokens_per_s"), the SI unit its value is in, the
** display unit and divisor for tables, and a getter.  `rooflab eval` (its
** table and its JSON), sweeps (kept outputs, database columns) and reports
** all walk this one table.
*/
#ifndef RL_OUTPUTS_H
#define RL_OUTPUTS_H

#include "engine.h"

typedef enum {
	RL_OT_NUM = 0,  /* a number */
	RL_OT_BOUND,    /* an rl_bound, shown by name */
	RL_OT_LIMIT     /* a concurrency limit, shown by name */
} rl_otype;

/* Which way an output is better, for a reader that picks the best of
** several points (plot heatmap's cell over the parameters it does not
** draw, pareto's frontier): more (a throughput, a utilization, memory
** headroom: KV capacity, free bytes), less (a time, a cost, power drawn,
** a violation, a footprint: weights, KV per token, the runtime), or
** neither (the batch, the traffic per second, the model's sizes, a bound's
** name: a reading makes each way better, so no reader may call one best;
** model/outputs.c says why of each). */
typedef enum {
	RL_BETTER_NONE = 0,
	RL_BETTER_MORE,
	RL_BETTER_LESS
} rl_better;

typedef struct {
	const char *name;      /* dotted: "latency.ttft_s" */
	const char *si_unit;   /* unit of the value (JSON, database) */
	const char *unit;      /* display unit */
	double div;            /* display value = value / div */
	rl_otype type;
	rl_better better;      /* which way is better */
	double (*get)(const rl_result *r);
	const char *doc;
} rl_output;

const rl_output *rl_outputs(size_t *count);
const rl_output *rl_output_find(const char *name);
/* 1 where eval's table shows o only when its value is not 0 (nor NaN): a
** figure of a mechanism that is off unless a parameter turns it on
** (weights resident in SRAM), or of a state that is rare (over the TDP at
** every clock); JSON and databases carry it always. */
int rl_output_text_if_nonzero(const rl_output *o);
/* 1 for the outputs that say how a result is over its TDP at every clock
** (power.over_tdp, power.lowest_clock_watts) and the silicon checks made
** before power (silicon.violations, its flag 16 this state): a sweep
** stores them for a point of status 4 (RL_EPOWER, rl_eval_runnable),
** every other output of it NULL, so its database says by how much the TDP
** is missed and what else the design breaks. */
int rl_output_over_tdp(const rl_output *o);
/* Name of an enum-typed output value. */
const char *rl_output_text(const rl_output *o, double v);

#endif
