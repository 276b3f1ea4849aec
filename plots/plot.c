/*
** plot.c: the table of plot kinds and rendering a kind through gnuplot
** (see plot.h); the helpers the kinds share are plotkit.c's (kinds.h).
*/
#include "plot.h"

#include <stdlib.h>
#include <string.h>

#include "kinds.h"
#include "../config/memout.h"

static const plot_kind kinds[] = {
{"roofline", plot_build_roofline, "claim_roofline",
 "attainable FLOP/s against arithmetic intensity per chip, with prefill "
 "and decode placed on it"},
{"factors", plot_build_factors, "claim_factors",
 "the Shapley factors as a waterfall from 1x to the total speedup"},
{"heatmap", plot_build_heatmap, "results (sweep)",
 "an output (--z; default the speedup, else output tokens/s) "
 "over two swept parameters (--x, --y; default the first two swept) with "
 "the target contour where --z is a speedup, of the designs that break no "
 "physical constraint (silicon.violations)"},
{"tornado", plot_build_tornado, "claim_tornado",
 "the speedup at each parameter's low and high value, sorted by swing"},
{"distribution", plot_build_distribution, "claim_mc_samples",
 "Monte Carlo histogram and CDF with the target and the quantiles"},
{"batch", plot_build_batch, "claim_batch",
 "throughput and time per output token against concurrency per chip"},
{"interactivity", plot_build_interactivity, "claim_batch",
 "output tokens/s per chip against tokens/s per user, each side"},
{"pareto", plot_build_pareto, "results (sweep)",
 "the frontier of a sweep on two columns, each output taken the way it is "
 "better (less time, cost or power, more throughput); a parameter, a "
 "speedup or an output better neither way --x least, --y most; of the "
 "designs that break no physical constraint (silicon.violations; the "
 "others drawn apart)"},
{"breakdown", plot_build_breakdown, "claim_sides",
 "the share of each phase's iteration time in GEMMs, attention, "
 "elementwise, exposed communication and overheads, per side"},
{"validation", plot_build_validation, "validation",
 "model against measured on log axes with +-10% and +-25% bands"},
};

const plot_kind *plot_kinds(size_t *count)
{
	*count = sizeof kinds / sizeof kinds[0];
	return kinds;
}

const plot_kind *plot_kind_find(const char *name)
{
	size_t i;
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(kinds[i].name, name))
			return &kinds[i];
	return NULL;
}

int plot_script(sqlite3 *db, const plot_kind *k, const plot_opts *o,
                char **script, size_t *len, char *err, size_t errlen)
{
	FILE *s;
	rl_memout mo;
	int rc;
	*script = NULL;
	*len = 0;
	/* not open_memstream, which could drop bytes it had no room for
	** and say nothing: a script missing a quote runs what follows it
	** (memout.h) */
	s = rl_memout_open(&mo);
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	plot_style(s);
	rc = k->build(db, o, s, err, errlen);
	if (rl_memout_close(s, &mo, script, len) != 0 && rc == RL_OK) {
		snprintf(err, errlen, "out of memory");
		rc = RL_EINTERNAL;
	}
	if (rc != RL_OK) {
		free(*script);
		*script = NULL;
		*len = 0;
	}
	return rc;
}

int plot_draw(gp_term term, const char *out, const char *title,
              const char *script, size_t len, char *err, size_t errlen)
{
	/* an SVG's title written before it is put in place: written after,
	** a write that failed left gnuplot's untitled plot there, in place
	** of the file it replaced */
	int rc = gp_run_titled(term, out, term == GP_SVG && out ? title : NULL,
	                       script, len, err, errlen);
	if (rc == GP_EMISSING)
		return PLOT_ENOGNUPLOT;
	if (rc == GP_EOUTPUT)
		return RL_EINPUT;
	if (rc != GP_OK)
		return RL_EINTERNAL;
	return RL_OK;
}

int plot_render(sqlite3 *db, const plot_kind *k, const plot_opts *o,
                gp_term term, const char *out, const char *title, char *err,
                size_t errlen)
{
	char *script;
	size_t len;
	int rc = plot_script(db, k, o, &script, &len, err, errlen);
	if (rc != RL_OK)
		return rc;
	rc = plot_draw(term, out, title ? title : k->doc, script, len, err,
	               errlen);
	free(script);
	return rc;
}
