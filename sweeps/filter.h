/*
** filter.h: a [filter] line of a sweep spec: LHS OP RHS, each side a
** number, a parameter (display units) or an output (SI units); enum
** parameters and outputs compare with their names.  A side may also be a
** linear sum of numbers, parameters and numeric outputs with numeric
** factors ("design.frac_mac + design.frac_sram <= 0.8", linsum.h).
*/
#ifndef RL_SWEEP_FILTER_H
#define RL_SWEEP_FILTER_H

#include <stddef.h>

#include "../model/engine.h"
#include "../model/outputs.h"
#include "../model/params.h"
#include "linsum.h"

/* One side of a filter comparison. */
typedef struct {
	int kind;                 /* 0 a number, 1 a parameter, 2 an output */
	double value;
	const rl_param *param;
	const rl_output *output;
} rl_operand;

enum { RL_OP_LT = 0, RL_OP_LE, RL_OP_GT, RL_OP_GE, RL_OP_EQ, RL_OP_NE };

typedef struct {
	rl_operand lhs, rhs;
	int op;
	int uses_output; /* a side names an output (a failed point has none) */
	int tdp_only;    /* every output it names is one a point over its TDP
	                 ** at every clock stores (rl_output_over_tdp), so it
	                 ** is answered at status 4 too */
	int tdp_needed;  /* it names power.lowest_clock_watts, which has a
	                 ** value only over the TDP at every clock (NULL at a
	                 ** served point), so it is unanswered at status 0 */
	int sums;        /* 1: compare sum[0] OP sum[1], not lhs OP rhs */
	rl_linsum sum[2];
} rl_filter;

/* Parse "LHS OP RHS".  A side that is no single number, parameter,
** output or choice name is read as a linear sum (then both are).  0, or -1
** with a message (with close names; the token refused in a sum). */
int rl_sweep_filter_parse(rl_filter *f, const char *expr, char *err,
                          size_t errlen);

/* 1 when a point of this rl_eval status has a value for every output
** the filter names (none named: any status); 0 when it has none for one
** (sweeps/README.md's status: a failed point has no outputs, but one of
** status 4 keeps power.over_tdp and power.lowest_clock_watts, and one
** of status 0 has no power.lowest_clock_watts: n/a where the TDP is
** met), the filter then unanswered for it. */
int rl_sweep_filter_answers(const rl_filter *f, int status);

/* 1 when the comparison holds for this configuration and result. */
int rl_sweep_filter_keep(const rl_filter *f, const rl_config *cfg,
                         const rl_result *r);

#endif
