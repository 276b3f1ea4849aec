/*
** curve.h: the interactivity chart (`rooflab plot curve`, the claim
** report): output tokens/s per chip against output tokens/s per user, one
** line per chip or mapping, both axes logarithmic.  Unlike the other kinds
** it draws curves computed in memory (model/load.h), not database rows.
*/
#ifndef RL_PLOT_CURVE_H
#define RL_PLOT_CURVE_H

#include <stdio.h>

#include "../model/load.h"
#include "gp.h"

typedef struct {
	const char *label;          /* any text: written single-quoted */
	const rl_curve_point *pts;
	int n;
} plot_curve_series;

/* The same without the shared style lines (a plot kind's build, which
** plot_script() precedes with them). */
void plot_curve_data(FILE *s, const plot_curve_series *ser, int n,
                     const char *title);

/* Draw through gnuplot into out (NULL with GP_DUMB: stdout).  RL_OK,
** PLOT_ENOGNUPLOT, or RL_EINPUT (out cannot be written where it is named)
** or RL_EINTERNAL with err. */
int plot_curve_render(const plot_curve_series *ser, int n, const char *title,
                      gp_term term, const char *out, char *err,
                      size_t errlen);

#endif
