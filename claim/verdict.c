/*
** verdict.c: the verdict word of a claim (verdict.h).
*/
#include "verdict.h"

#include <math.h>
#include <stdio.h>

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

int claim_vs_interval(double x, double p05, double p95)
{
	return x > p95 ? 1 : x < p05 ? -1 : 0;
}

void claim_prob_text(double p, char *buf, size_t len)
{
	if (!isfinite(p))
		snprintf(buf, len, "n/a");
	else if (p > 0 && p < 0.01)
		snprintf(buf, len, "%.2g%%", 100 * p);
	else if (p < 1 && p > 0.999)
		snprintf(buf, len, "%.4g%%", 100 * p);
	else
		snprintf(buf, len, "%.1f%%", 100 * p);
}
