/*
** profileloo.c: a profile's leave-out error from its [meta]
** (profileloo.h).
*/
#include "profileloo.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ini.h"

static int loo_cb(void *ud, const char *section, const char *key,
                  const char *value, char *err, size_t errlen)
{
	profile_loo *m = ud;
	(void)err;
	(void)errlen;
	if (strcmp(section, "meta"))
		return 0;
	if (!strcmp(key, "leave_one_architecture_out")) {
		snprintf(m->loo, sizeof m->loo, "%s", value);
		m->kind = PROFILE_LOO_ARCH;
	} else if (!strcmp(key, "not_fitted_here"))
		snprintf(m->taken, sizeof m->taken, "%s", value);
	else if (!strcmp(key, "leave_one_model_out") && !m->loo[0]) {
		snprintf(m->loo, sizeof m->loo, "leave-one-model-out (a twin "
		         "preset of a model stays in its fit): %s", value);
		m->kind = PROFILE_LOO_MODEL;
	} else if (!strcmp(key, "leave_one_out") && !m->loo[0]) {
		snprintf(m->loo, sizeof m->loo, "leave-one-row-out (its rows are "
		         "too few architectures to leave one out): %s", value);
		m->kind = PROFILE_LOO_ROW;
	}
	return 0;
}

int profile_loo_read(const char *path, profile_loo *m, char *err,
                     size_t errlen)
{
	m->loo[0] = m->taken[0] = '\0';
	m->kind = PROFILE_LOO_NONE;
	return ini_parse_file(path, loo_cb, m, err, errlen);
}

int profile_loo_figures(const profile_loo *m, double *med, double *p90)
{
	const char *s = strstr(m->loo, "median |error| ");
	double a, b;
	/* words that are no |error| pair (NaN, infinite, negative, a median
	** above its 90th percentile): none, not a "nan%" in the trust line */
	if (!s || sscanf(s, "median |error| %lf%%, 90th percentile %lf%%", &a,
	                 &b) != 2 ||
	    !isfinite(a) || !isfinite(b) || !(a >= 0) || !(a <= b))
		return 0;
	*med = a / 100;
	*p90 = b / 100;
	return 1;
}
