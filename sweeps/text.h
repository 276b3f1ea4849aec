/*
** text.h: small text helpers of the sweep spec reader: whole numbers and
** "did you mean" hints for output names, and for names that may be
** either.
*/
#ifndef RL_SWEEP_TEXT_H
#define RL_SWEEP_TEXT_H

#include <stddef.h>

/* A whole-string finite number; 0 on success, -1 otherwise. */
int rl_sw_number(const char *text, double *v);

/* "; did you mean x?" (or a pointer to the list) for an output name;
** setup_param_hint (config/setup.h) does it for parameter names. */
void rl_sw_output_hint(const char *name, char *out, size_t len);

/* The hint for a name that is neither a parameter nor an output where
** either may stand (a filter's operand or a sum's term): the nearest
** output's where it is nearer, by edit distance over the whole dotted
** name, than every parameter rl_param_suggest offers ("latency.ttft":
** latency.ttft_s, 2 edits, where "ttft" is 3 from the key "tp" and the
** parameters alone were offered), else those parameters (a tie too),
** else the outputs' hint. */
void rl_sw_name_hint(const char *name, char *out, size_t len);

#endif
