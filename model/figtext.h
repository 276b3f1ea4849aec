/*
** figtext.h: a figure as eval's table writes it, one rule for every place
** that writes the same figure (eval's rows, claim's and the report's USD
** per million tokens): in exponent form from 1e15 (1.24e+62), whole from
** 1e5, one decimal from 100, else three significant digits with their
** trailing zeros (42.0, 1.70, 0.460), a whole number whole (1, 0).
*/
#ifndef RL_FIGTEXT_H
#define RL_FIGTEXT_H

#include <stddef.h>

/* v by the rule above into buf (len bytes); returns buf. */
const char *rl_fig_text(char *buf, size_t len, double v);

#endif
