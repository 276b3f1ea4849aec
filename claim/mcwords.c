/*
** mcwords.c: a side's Monte Carlo and tornado in words (mcwords.h), for
** the claim's text and the report alike.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "../model/figtext.h"
#include "../model/numtext.h"
#include "../model/status.h"
#include "mcwords.h"
#include "numwords.h"

void claim_mc_summarize(const rl_mc_result *mc, unsigned long seed,
                        double nominal, claim_mc_summary *s)
{
	size_t i, below = 0, valid = 0;
	int k;
	memset(s, 0, sizeof *s);
	s->samples = (long long)mc->samples;
	s->seed = seed;
	s->p05 = mc->p05;
	s->p50 = mc->p50;
	s->p95 = mc->p95;
	s->prob_ge_target = mc->prob_ge_target;
	s->violation_rate = mc->violation_rate;
	for (k = 0; k < 4; k++)
		s->viol[k] = (long long)mc->viol_count[k];
	s->not_evaluable = (long long)mc->failed;
	s->nominal = nominal;
	for (i = 0; i < mc->samples; i++)
		if (isfinite(mc->speedup[i])) {
			valid++;
			below += mc->speedup[i] < nominal;
		} else if (mc->violates[i])
			s->not_evaluable_violating++;
	s->nominal_below = valid ? (double)below / (double)valid : NAN;
}

int claim_mc_given_of(const rl_mc_result *mc, double at_least, double target,
                      claim_mc_given *g)
{
	size_t i, n = 0, valid = 0, ge = 0;
	double *sorted;
	g->at_least = at_least;
	g->n = g->valid = 0;
	g->share = g->p05 = g->p50 = g->p95 = g->prob_ge_target = NAN;
	if (!mc || !mc->drawn)
		return -1;
	sorted = malloc((mc->samples ? mc->samples : 1) * sizeof *sorted);
	if (!sorted)
		return RL_EINTERNAL;
	for (i = 0; i < mc->samples; i++) {
		if (!isfinite(mc->speedup[i]))
			continue;
		valid++;
		if (!(mc->drawn[i] >= at_least))
			continue;
		sorted[n++] = mc->speedup[i];
		ge += mc->speedup[i] >= target;
	}
	g->n = (long long)n;
	g->valid = (long long)valid;
	if (valid)
		g->share = (double)n / (double)valid;
	/* below CLAIM_GIVEN_MIN the 5th and 95th percentiles are the
	** extremes' neighbours, not an interval: n and the share alone */
	if (n >= CLAIM_GIVEN_MIN) {
		/* the quantiles as rl_mc_run takes them over all the samples */
		gsl_sort(sorted, 1, n);
		g->p05 = gsl_stats_quantile_from_sorted_data(sorted, 1, n, 0.05);
		g->p50 = gsl_stats_quantile_from_sorted_data(sorted, 1, n, 0.50);
		g->p95 = gsl_stats_quantile_from_sorted_data(sorted, 1, n, 0.95);
		g->prob_ge_target = (double)ge / (double)n;
	}
	free(sorted);
	return 0;
}

/* A source in words with its brackets as commas ("Etched blog
** (claims.md)" "Etched blog, claims.md"), to follow "by" where it stood
** in brackets of its own and the samples' share in brackets after it:
** "(Etched blog (claims.md)) (7.6% of the samples ...)" nested one pair in
** another */
static void flat_source(const char *by, char *out, size_t len)
{
	size_t n = 0;
	if (!len)
		return;
	for (; *by && n + 3 < len; by++) {
		if (*by == ')')
			continue;
		if (*by == '(') {
			while (n > 0 && out[n - 1] == ' ')
				n--;
			if (n > 0 && out[n - 1] != ',')
				out[n++] = ',';
			if (n > 0)
				out[n++] = ' ';
			continue;
		}
		out[n++] = *by;
	}
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == ','))
		n--;
	out[n] = '\0';
}

void claim_mc_given_words(const claim_mc_given *g, const char *who,
                          const char *stated, const char *by, double target,
                          char *buf, size_t len)
{
	char pr[32], sh[32], q[3][32];
	/* the share is the claim's, not side b's: said so whichever chip
	** side b is (an H200 drawn from Sohu's ranges too) */
	int has_s = stated && stated[0], has_b = by && by[0];
	/* the claim's share as given, in all its digits, as a percentage
	** (rl_number_shift: 12.3456789%, where %g wrote 12.3457; the
	** double 100 x 0.905, 90.50000000000001, is not what was given) */
	char pc[32], src[512] = "";
	int u;
	if (has_b)
		flat_source(by, src, sizeof src);
	u = snprintf(buf, len, "if %s reaches >= %s%% utilization, %s%s%s%s"
	             "%s ", who, rl_number_shift(g->at_least, 2, pc, sizeof pc),
	             has_s ? "the share stated in \"" : "the share the claim "
	             "states", has_s ? stated : "", has_s ? "\"" : "",
	             src[0] ? " by " : "", src);
	size_t room = u >= 0 && (size_t)u < len ? len - (size_t)u : 0;
	if (g->n == 0) {
		if (g->valid == 0)
			snprintf(buf + (len - room), room, "(no sample evaluated): "
			         "not evaluated");
		else if (g->valid == 1)
			snprintf(buf + (len - room), room, "(the 1 evaluated sample "
			         "does not): not evaluated");
		else
			snprintf(buf + (len - room), room, "(none of the %lld "
			         "evaluated samples): not evaluated", g->valid);
		return;
	}
	claim_prob_text(g->share, sh, sizeof sh);
	if (g->n < CLAIM_GIVEN_MIN) {
		snprintf(buf + (len - room), room, "(%s of the samples, %lld of "
		         "%lld): too few samples to give an interval (fewer than "
		         "%d; more samples, --samples, give one)", sh, g->n,
		         g->valid, CLAIM_GIVEN_MIN);
		return;
	}
	claim_prob_text(g->prob_ge_target, pr, sizeof pr);
	snprintf(buf + (len - room), room, "(%s of the samples, %lld of %lld):"
	         " 90%% interval %s .. %s, median %s, P(>= %sx) = %s", sh, g->n,
	         g->valid, claim_speedup_side(q[0], sizeof q[0],
	                                      g->p05, target),
	         claim_speedup_side(q[1], sizeof q[1], g->p95, target),
	         claim_speedup_side(q[2], sizeof q[2], g->p50, target),
	         claim_target_text(target).s, pr);
}

const char *claim_mc_quantile_name(int k)
{
	static const char *const name[] = {"5th percentile", "median",
	                                   "95th percentile"};
	return k >= 0 && k < 3 ? name[k] : NULL;
}

void claim_mc_quantile_words(const claim_mc_summary *s, double target,
                             char *buf, size_t len)
{
	char pr[32], q[3][32], why[64] = "";
	claim_prob_text(s->prob_ge_target, pr, sizeof pr);
	if (isfinite(s->p05) || isfinite(s->p50) || isfinite(s->p95)) {
		snprintf(buf, len, "speedup %s %s, %s %s, %s %s; P(>= %sx) = %s",
		         claim_mc_quantile_name(0),
		         claim_speedup_side(q[0], sizeof q[0], s->p05, target),
		         claim_mc_quantile_name(1),
		         claim_speedup_side(q[1], sizeof q[1], s->p50, target),
		         claim_mc_quantile_name(2),
		         claim_speedup_side(q[2], sizeof q[2], s->p95, target),
		         claim_target_text(target).s, pr);
		return;
	}
	/* the reason where the summary shows it: no sample evaluable */
	if (s->samples == 1 && s->not_evaluable >= 1)
		snprintf(why, sizeof why, " (the 1 sample could not be "
		         "evaluated)");
	else if (s->samples > 0 && s->not_evaluable >= s->samples)
		snprintf(why, sizeof why, " (none of the %lld samples could be "
		         "evaluated)", s->samples);
	snprintf(buf, len, "speedup quantiles %s%s; P(>= %sx) = %s",
	         CLAIM_NOT_EVALUATED, why, claim_target_text(target).s, pr);
}

void claim_mc_violation_share(double rate, char *buf, size_t len)
{
	if (isfinite(rate))
		snprintf(buf, len, "%.1f%%", 100 * rate);
	else
		snprintf(buf, len, "share %s", CLAIM_NOT_EVALUATED);
}

void claim_mc_violation_words(const claim_mc_summary *s, char *buf,
                              size_t len)
{
	char share[32], both[96] = "";
	long long n = s->not_evaluable, k = s->not_evaluable_violating;
	claim_mc_violation_share(s->violation_rate, share, sizeof share);
	/* the two counts overlap: a sample over its area shares is counted
	** under them and is not evaluable too ("area shares 422; not
	** evaluable: 422" read as 844 samples of 100,000); said how much,
	** where it is known */
	if (n > 0 && k >= 0 && k >= n)
		snprintf(both, sizeof both, " (all %s among the violating "
		         "samples above)", n == 1 ? "of it" : "of them");
	else if (n > 0 && k > 0)
		snprintf(both, sizeof both, " (%lld of them among the violating "
		         "samples above)", k);
	else if (n > 0 && k == 0)
		snprintf(both, sizeof both, " (none among the violating samples "
		         "above)");
	else if (n > 0)
		snprintf(both, sizeof both, " (a sample may be counted above "
		         "too)");
	snprintf(buf, len, "violating physics: %s (power %lld, reticle "
	         "%lld, HBM stacks %lld, area shares %lld); not evaluable: "
	         "%lld%s", share, s->viol[0], s->viol[1], s->viol[2],
	         s->viol[3], n, both);
}

int claim_mc_nominal_words(const claim_mc_summary *s, double target,
                           char *buf, size_t len)
{
	char nom[32], med[32], num[32], at[40];
	double b = s->nominal_below;
	int pct;
	buf[0] = '\0';
	if (!(s->nominal > 0) || !isfinite(s->nominal) || !isfinite(b) ||
	    !isfinite(s->p50))
		return -1;
	pct = (int)lround(100 * b);
	/* a share rounding to the 100th (0th) while samples lie above
	** (below) the nominal is given to a tenth, floored (ceiled) off the
	** end: 0.99711 the 99.7th, where "the 100th" read as above every
	** sample (289 of 100,000 were not), 0.003 the 0.3th; a tenth an
	** ordinal as a whole number is (claim_ordinal_suffix: "the 99.7th
	** percentile", "the 0.3th percentile", "the 21st percentile"),
	** where "the 99.7 percentile" stood beside "the 74th" */
	if (pct == 100 && b < 1)
		snprintf(num, sizeof num, "%.1f", floor(1000 * b) / 10);
	else if (pct == 0 && b > 0)
		snprintf(num, sizeof num, "%.1f", ceil(1000 * b) / 10);
	else
		snprintf(num, sizeof num, "%d", pct);
	snprintf(at, sizeof at, "%s%s", num, claim_ordinal_suffix(num));
	/* the tornado plot's words (plots/tornado.c, "at the stated values
	** 17.50x"), where the text read "the nominal 11.93x (every
	** assumption at its stated value)" */
	snprintf(buf, len, "the speedup at the stated values, %sx, sits at "
	         "the %s percentile of the samples, so the median (%sx) is %s "
	         "it",
	         claim_speedup2_side(nom, sizeof nom, s->nominal, target), at,
	         claim_speedup2_side(med, sizeof med, s->p50, target),
	         s->p50 < s->nominal ? "below" : s->p50 > s->nominal ? "above"
	                                                           : "at");
	return 0;
}

/* The significant digits of a number's text (its digits but the zeros
** that lead it): 1507.5 5, 0.0000001 1, 12000 5 */
static int sig_digits(const char *t)
{
	int n = 0, lead = 1;
	for (; *t && *t != 'e' && *t != 'E'; t++) {
		if (*t < '0' || *t > '9')
			continue;
		if (lead && *t == '0')
			continue;
		lead = 0;
		n++;
	}
	return n;
}

const char *claim_plain_num(char *buf, size_t len, double v)
{
	char t[64];
	/* as written: the fewest digits that read back as v (rl_number_write,
	** the rule of a target and of a value refused), where they are as
	** few as a user types; a value nobody typed (a normal's percentile,
	** a product of doubles) to 4 significant digits, in plain decimals
	** as that figure reads back (12350, where %.4g wrote 1.235e+04) */
	rl_number_write(v, t, sizeof t);
	if (isfinite(v) && sig_digits(t) > CLAIM_PLAIN_DIGITS &&
	    !(v == floor(v) && fabs(v) < 1e15)) {
		char r[40];
		snprintf(r, sizeof r, "%.4g", v);
		if (!isfinite(strtod(r, NULL))) {
			/* rounded past the largest double (DBL_MAX's 1.798e+308
			** reads back as infinity): its 4 digits cut toward 0,
			** 1.797e+308 */
			char m[40];
			const char *e;
			snprintf(m, sizeof m, "%.16e", v);
			e = strchr(m, 'e');
			snprintf(r, sizeof r, "%.*s%s",
			         (int)(strchr(m, '.') - m) + 4, m, e);
		}
		rl_number_write(strtod(r, NULL), t, sizeof t);
	}
	snprintf(buf, len, "%s", t);
	return buf;
}

int claim_swing_flat(double nominal, double speedup_low,
                     double speedup_high, double target)
{
	char lo[32], hi[32], nom[32];
	/* an end that is not a number (NULL in the database, a sample the
	** model could not evaluate) moved nothing it can be said of */
	if (!isfinite(speedup_low) || !isfinite(speedup_high) ||
	    strcmp(claim_speedup2_side(lo, sizeof lo, speedup_low, target),
	           claim_speedup2_side(hi, sizeof hi, speedup_high,
	                               target)))
		return 0;
	/* and both ends where the stated values put it: a range that leaves
	** its stated value out (low = high = 12740 against a stated 9800)
	** moves the speedup to the same figure at both ends */
	return !isfinite(nominal) ||
	       !strcmp(lo, claim_speedup2_side(nom, sizeof nom, nominal,
	                                       target));
}

/* How much further a tornado row reaches below the nominal than above it,
** in log terms (0 where an end is not positive): the rows the text lists
** under the nominal sentence are those with claim_lean_shown. */
static double claim_lean(double nominal, double speedup_low,
                         double speedup_high)
{
	/* fmin and fmax pass over a NaN: an end not evaluated would read as
	** a swing from the other end to itself */
	if (!isfinite(speedup_low) || !isfinite(speedup_high))
		return 0;
	double lo = fmin(speedup_low, speedup_high);
	double hi = fmax(speedup_low, speedup_high);
	return lo > 0 && hi > 0 ? log(nominal / lo) - log(hi / nominal) : 0;
}

int claim_lean_shown(double nominal, double p50, double speedup_low,
                     double speedup_high)
{
	double gap = claim_lean(nominal, speedup_low, speedup_high);
	return (p50 < nominal ? gap : -gap) > 0.01;
}

const char *claim_lean_intro(double nominal, double p50)
{
	return p50 < nominal ? "Assumptions whose range reaches further down "
	                       "than up:"
	                     : "Assumptions whose range reaches further up "
	                       "than down:";
}

void claim_lean_words(const char *param, const char *unit, double low,
                      double high, double speedup_low, double speedup_high,
                      double nominal, double target, char *buf, size_t len)
{
	/* an end not evaluated: how far either way is unknown (fmin and fmax
	** would take the other end for both) */
	int both = isfinite(speedup_low) && isfinite(speedup_high);
	double lo = both ? fmin(speedup_low, speedup_high) : NAN;
	double hi = both ? fmax(speedup_low, speedup_high) : NAN;
	char vl[32], vh[32], x[4][32];
	snprintf(buf, len, "%s: %s at %s, %s at %s%s%s (%s down, %s up)",
	         param, claim_speedup_side(x[0], sizeof x[0],
	                                   speedup_low, target),
	         claim_plain_num(vl, sizeof vl, low),
	         claim_speedup_side(x[1], sizeof x[1], speedup_high, target),
	         claim_plain_num(vh, sizeof vh, high), unit && unit[0] ? " " : "",
	         unit ? unit : "", claim_speedup_x(x[2], sizeof x[2], nominal / lo),
	         claim_speedup_x(x[3], sizeof x[3], hi / nominal));
}

int claim_mc_tail_words(const claim_mc_summary *b,
                        const claim_mc_summary *bd, double ceiling_tflops,
                        double target, char *buf, size_t len)
{
	char pb[32], pd[32], mb[32], md[32], ceil[32];
	if (len)
		buf[0] = '\0';
	/* the paradox the sentence explains, and the numbers it names */
	if (!(bd->prob_ge_target > b->prob_ge_target) || !(bd->p50 < b->p50) ||
	    !(ceiling_tflops > 0) || !isfinite(ceiling_tflops) || !len)
		return -1;
	claim_prob_text(b->prob_ge_target, pb, sizeof pb);
	claim_prob_text(bd->prob_ge_target, pd, sizeof pd);
	claim_speedup_side(mb, sizeof mb, b->p50, target);
	claim_speedup_side(md, sizeof md, bd->p50, target);
	/* by eval's rule (rl_fig_text: 2.50 PFLOPS; 1000 PFLOPS, whole from
	** 100, where %.3g wrote 1e+03) */
	{
		char f[32];
		if (ceiling_tflops >= 1000)
			snprintf(ceil, sizeof ceil, "%s PFLOPS",
			         rl_fig_text(f, sizeof f, ceiling_tflops / 1000));
		else
			snprintf(ceil, sizeof ceil, "%s TFLOPS",
			         rl_fig_text(f, sizeof f, ceiling_tflops));
	}
	snprintf(buf, len, "Sohu by design reaches %sx in more samples than "
	         "Sohu as claimed (%s against %s) though its median is lower "
	         "(%s against %s): as claimed's peak FP8 stops at %s, the top "
	         "of its range, while by design's follows from its die, "
	         "density, MAC-share and clock ranges, held by its TDP and "
	         "energy ranges, and has no such ceiling: where several of them "
	         "sit at their favourable ends together it reaches what %sx "
	         "needs", claim_target_text(target).s, pd, pb, md, mb, ceil,
	         claim_target_text(target).s);
	return 0;
}
