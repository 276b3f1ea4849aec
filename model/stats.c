/*
** stats.c: quantiles of absolute errors (stats.h), with GSL's sorting and
** quantile routines.
*/
#include "stats.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>

double stats_abs_quantile(const double *x, size_t n, double q)
{
	double *a = malloc((n ? n : 1) * sizeof *a), v;
	size_t i, k = 0;
	if (!a)
		return NAN;
	for (i = 0; i < n; i++)
		if (isfinite(x[i]))
			a[k++] = fabs(x[i]);
	if (!k) {
		free(a);
		return NAN;
	}
	gsl_sort(a, 1, k);
	v = gsl_stats_quantile_from_sorted_data(a, 1, k, q);
	free(a);
	return v;
}
