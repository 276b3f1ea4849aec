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
	int sums;        /* 1: compare sum[0] OP sum[1], not lhs OP rhs */
	rl_linsum sum[2];
} rl_filter;

/* Parse "LHS OP RHS".  A side that is no single number, parameter,
** output or choice name is read as a linear sum (then both are).  0, or -1
** with a message (with close names; the token refused in a sum). */
int rl_sweep_filter_parse(rl_filter *f, const char *expr, char *err,
                          size_t errlen);

/* What the comparison says of a point of rl_eval status `status`, its
** configuration cfg and result r: RL_FILTER_KEEP where it holds,
** RL_FILTER_DROP where not, RL_FILTER_NONE where an output it reads has
** no value at this point (NaN: rl_sweep_point_output, pointval.h; a
** failed point has none but for the figures a point over its TDP keeps,
** and a served one none for an output that does not apply to it, as
** power.lowest_clock_watts where the TDP is met), the filter then
** unanswered for it, whatever the comparison of a NaN would give. */
enum { RL_FILTER_DROP = 0, RL_FILTER_KEEP = 1, RL_FILTER_NONE = -1 };
int rl_sweep_filter_keep(const rl_filter *f, const rl_config *cfg,
                         int status, const rl_result *r);

#endif
