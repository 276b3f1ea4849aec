/*
** linsum.h: one side of a sweep [filter] line written as a linear sum:
** terms joined by + and -, each a number, a parameter (display units) or
** a numeric output (SI units), with optional numeric factors ("2 * a",
** "a * 0.5"), a leading sign allowed ("-a + b").  The text is read by a
** tokenizer of its own, token by token: nothing is evaluated as code.  A
** choice (an enum or bool parameter, an output given by name) takes no
** arithmetic, nor does a product of two parameters or outputs (not linear).
*/
#ifndef RL_SWEEP_LINSUM_H
#define RL_SWEEP_LINSUM_H

#include <stddef.h>

#include "../model/engine.h"
#include "../model/outputs.h"
#include "../model/params.h"

#define RL_LINSUM_MAX_TERMS 16

/* One term: coef times a parameter or an output, or the number coef. */
typedef struct {
	double coef;             /* its numeric factors and sign, multiplied */
	const rl_param *param;   /* NULL unless a parameter */
	const rl_output *output; /* NULL unless an output */
} rl_term;

typedef struct {
	rl_term terms[RL_LINSUM_MAX_TERMS];
	size_t nterms;
} rl_linsum;

/* Parse text as a sum into *s.  0, or -1 with a message in err that quotes
** the token refused and says why ("'/' is not + - or *: ..."); a term
** whose numbers multiply past what a double holds (or to below DBL_MIN,
** not zero) is refused quoting the term. */
int rl_linsum_parse(rl_linsum *s, const char *text, char *err, size_t errlen);

/* The sum at this point, its terms added in the order written: a
** parameter's value in cfg, an output's at a point of rl_eval status
** `status` with result r (rl_sweep_point_output, pointval.h).  *none is
** set to 1 where an output it reads has no value there (NaN), the sum
** then no answer (left as it was otherwise). */
double rl_linsum_value(const rl_linsum *s, const rl_config *cfg, int status,
                       const rl_result *r, int *none);

/* The same sum in long double, for a double sum that is not finite: a
** term or a partial sum past DBL_MAX ("1e308 * a + 1e308 * b - 1e308 *
** b" with a = b = 1 is 1e308, where doubles made it inf) is held in the
** wider type (on x86 and most 64-bit targets; where long double is a
** double, the same inf). */
long double rl_linsum_value_wide(const rl_linsum *s, const rl_config *cfg,
                                 int status, const rl_result *r, int *none);

#endif
