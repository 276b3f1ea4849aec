/*
** text.h: small text helpers of the sweep spec reader: whole numbers and
** "did you mean" hints for output names.
*/
#ifndef RL_SWEEP_TEXT_H
#define RL_SWEEP_TEXT_H

#include <stddef.h>

/* A whole-string finite number; 0 on success, -1 otherwise. */
int rl_sw_number(const char *text, double *v);

/* "; did you mean x?" (or a pointer to the list) for an output name;
** setup_param_hint (config/setup.h) does it for parameter names. */
void rl_sw_output_hint(const char *name, char *out, size_t len);

#endif
