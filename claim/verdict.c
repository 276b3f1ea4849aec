/*
** verdict.c: the verdict word of a claim (verdict.h).
*/
#include "verdict.h"

#include <math.h>

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
