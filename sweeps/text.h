/*
** text.h: small text helpers of the sweep spec reader: whole numbers and
** "did you mean" hints for parameter and output names.
*/
#ifndef RL_SWEEP_TEXT_H
#define RL_SWEEP_TEXT_H

#include <stddef.h>

/* A whole-string finite number; 0 on success, -1 otherwise. */
int rl_sw_number(const char *text, double *v);

/* "; did you mean a, b or c?" (or a pointer to the list) for a parameter
** or an output name. */
void rl_sw_param_hint(const char *dotted, char *out, size_t len);
void rl_sw_output_hint(const char *name, char *out, size_t len);

#endif
