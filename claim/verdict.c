/*
** verdict.c: the verdict word of a claim (verdict.h).
*/
#include "verdict.h"
#include "numwords.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

const char *claim_verdict_word(int have_prob, double prob, double speedup,
                               double target)
{
	if (have_prob && isfinite(prob)) {
		if (prob >= 0.9)
			return "Supported";
		if (prob >= 0.5)
			return "Plausible";
		if (prob >= 0.1)
			return "Possible but unlikely";
		return "Not supported";
	}
	if (!isfinite(speedup))
		return "Undetermined";
	return speedup >= target ? "Reproduced under the stated assumptions"
	                         : "Not reproduced under the stated assumptions";
}

const char *claim_verdict_sentence(char *buf, size_t len, int have_prob,
                                   double prob, double x, double target,
                                   const char *b, const char *a)
{
	const char *w = claim_verdict_word(have_prob, prob, x, target);
	char x2[40], pr[32];
	/* on the target's side it is on (claim_speedup_side): 19.996 "is
	** 19.99x ..., not 20x", where it read "is 20.00x ..., not 20x" */
	if (isfinite(x))
		claim_speedup_side(x2, sizeof x2, x, target);
	else /* as it read ("nanx"): the word, Undetermined, says why */
		snprintf(x2, sizeof x2, "%sx", claim_speedup2(pr, sizeof pr, x));
	if (have_prob && isfinite(prob) && (x >= target) != (prob >= 0.5)) {
		claim_prob_text(prob, pr, sizeof pr);
		snprintf(buf, len, "%s: %s is %s as fast as %s at the stated "
		         "values, %s %sx, but %s%s of the samples over the "
		         "assumption ranges %s.", w, b, x2, a,
		         x >= target ? "reaching" : "not",
		         claim_target_text(target).s,
		         x >= target ? "only " : "", pr,
		         x >= target ? "do" : "reach it");
	} else
		snprintf(buf, len, "%s: %s is %s as fast as %s, %s %sx.", w, b,
		         x2, a, x >= target ? "reaching" : "not",
		         claim_target_text(target).s);
	return buf;
}

const char *claim_verdict_rule(int have_prob)
{
	/* the bands of claim_verdict_word, above */
	return have_prob ? "Supported at 90% or more, Plausible at 50-90%, "
	                   "Possible but unlikely at 10-50%, Not supported "
	                   "under 10%"
	                 : "Reproduced or Not reproduced under the stated "
	                   "assumptions: the speedup at the stated values "
	                   "against the target (no Monte Carlo)";
}

int claim_vs_interval(double x, double p05, double p95)
{
	return x > p95 ? 1 : x < p05 ? -1 : 0;
}


void claim_prob_interval(double p, double n, double *lo, double *hi)
{
	const double z2 = CLAIM_PROB_Z * CLAIM_PROB_Z;
	double d, c, h;
	if (!(n > 0) || !isfinite(p)) {
		*lo = *hi = NAN;
		return;
	}
	d = 1 + z2 / n;
	c = (p + z2 / (2 * n)) / d;
	h = sqrt(p * (1 - p) / n + z2 / (4 * n * n)) * CLAIM_PROB_Z / d;
	*lo = c - h < 0 ? 0 : c - h;
	*hi = c + h > 1 ? 1 : c + h;
}

const char *claim_unsettled_words(char *buf, size_t len, double p,
                                  double n, double target)
{
	double lo, hi;
	char a[32], b[32];
	buf[0] = '\0';
	claim_prob_interval(p, n, &lo, &hi);
	if (!isfinite(lo) || !isfinite(hi) ||
	    claim_verdict_word(1, lo, NAN, target) ==
	        claim_verdict_word(1, hi, NAN, target))
		return buf;
	claim_prob_text(lo, a, sizeof a);
	claim_prob_text(hi, b, sizeof b);
	snprintf(buf, len, "only %.0f sample%s: P(>= %sx) lies between %s and "
	         "%s (95%% confidence), across the bands the verdict's word is "
	         "drawn from; more samples (--samples) settle it", n,
	         claim_plural_s(n), claim_target_text(target).s, a, b);
	return buf;
}
