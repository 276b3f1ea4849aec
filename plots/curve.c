/*
** curve.c: the interactivity chart (curve.h): the Pareto frontier a buyer
** compares, throughput per chip against tokens/s each user sees, as the
** concurrency goes from 1 to the maximum (labels at the ends).
*/
#include "curve.h"

#include <math.h>
#include <stdlib.h>

#include "kinds.h"

/* The gnuplot script (data inline, no terminal) into s. */
static void plot_curve_script(FILE *s, const plot_curve_series *ser, int n,
                              const char *title)
{
	plot_style(s);
	plot_curve_data(s, ser, n, title);
}

void plot_curve_data(FILE *s, const plot_curve_series *ser, int n,
                     const char *title)
{
	int i, k;
	for (i = 0; i < n; i++) {
		fprintf(s, "$c%d << EOD\n", i);
		for (k = 0; k < ser[i].n; k++)
			fprintf(s, "%.9g %.9g %.9g\n", ser[i].pts[k].tps_per_user,
			        ser[i].pts[k].output_tps_per_chip,
			        ser[i].pts[k].concurrency);
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
		        i, i, ser[i].n - 1, ser[i].n - 1);
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
	FILE *s = open_memstream(&script, &len);
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	plot_curve_script(s, ser, n, title);
	if (fclose(s) != 0) {
		free(script);
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
