/*
** curve.c: the interactivity chart (curve.h): the Pareto frontier a buyer
** compares, throughput per chip against tokens/s each user sees, as the
** concurrency goes from 1 to the maximum (labels at the ends).
*/
#include "curve.h"

#include <math.h>
#include <stdlib.h>

#include "kinds.h"
#include "../config/memout.h"

/* The gnuplot script (data inline, no terminal) into s. */
static void plot_curve_script(FILE *s, const plot_curve_series *ser, int n,
                              const char *title)
{
	plot_style(s);
	plot_curve_data(s, ser, n, title);
}

/* The points of a series drawn: those not over the TDP at every clock. */
static int drawn(const plot_curve_series *ser)
{
	int k, m = 0;
	for (k = 0; k < ser->n; k++)
		m += !ser->pts[k].over_tdp;
	return m;
}

void plot_curve_data(FILE *s, const plot_curve_series *ser, int n,
                     const char *title)
{
	int i, k;
	for (i = 0; i < n; i++) {
		/* a point over the TDP at every clock has no throughput the
		** chip can run at: not drawn (rl_curve_point's over_tdp) */
		fprintf(s, "$c%d << EOD\n", i);
		for (k = 0; k < ser[i].n; k++) {
			if (ser[i].pts[k].over_tdp)
				continue;
			fprintf(s, "%.9g %.9g %.9g\n", ser[i].pts[k].tps_per_user,
			        ser[i].pts[k].output_tps_per_chip,
			        ser[i].pts[k].concurrency);
		}
		fputs("EOD\n", s);
	}
	plot_labels(s, title, "output tokens/s per user (1 / TPOT)",
	            "output tokens/s per chip");
	fputs("set logscale xy\nset format x '%g'\nset format y '%g'\n"
	      "set key bottom left\n", s);
	fputs("plot ", s);
	for (i = 0; i < n; i++) {
		fprintf(s, "%s$c%d using 1:2 with linespoints pt 7 lw 2 lc rgb "
		        "'%s' title ", i ? ", \\\n  " : "", i, plot_color(i));
		gp_quote(s, ser[i].label);
		fprintf(s, ", \\\n  $c%d using 1:2:(sprintf('N=%%.0f', $3)) every "
		        "::0::0 with labels offset 0,1 notitle, \\\n  $c%d using "
		        "1:2:(sprintf('N=%%.0f', $3)) every ::%d::%d with labels offset "
		        "0,-1 notitle",
		        i, i, drawn(&ser[i]) - 1, drawn(&ser[i]) - 1);
	}
	fputc('\n', s);
}

int plot_curve_render(const plot_curve_series *ser, int n, const char *title,
                      gp_term term, const char *out, char *err,
                      size_t errlen)
{
	char *script = NULL;
	size_t len = 0;
	int rc;
	rl_memout mo;
	/* not open_memstream: it could drop bytes and say nothing
	** (memout.h, plot_script) */
	FILE *s = rl_memout_open(&mo);
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	plot_curve_script(s, ser, n, title);
	if (rl_memout_close(s, &mo, &script, &len) != 0) {
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	rc = gp_run(term, out, script, len, err, errlen);
	free(script);
	if (rc == GP_EMISSING)
		return PLOT_ENOGNUPLOT;
	if (rc == GP_EOUTPUT)
		return RL_EINPUT;
	return rc == GP_OK ? RL_OK : RL_EINTERNAL;
}
