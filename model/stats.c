/*
** stats.c: quantiles of errors (stats.h), with GSL's sorting and quantile
** routines, and the growing array the readers of errors collect them in.
*/
#include "stats.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>

/* The q-quantile of the finite values of x, of their magnitudes when
** magnitude is set; NAN when there are none. */
static double finite_quantile(const double *x, size_t n, double q,
                              int magnitude)
{
	double *a = malloc((n ? n : 1) * sizeof *a), v;
	size_t i, k = 0;
	if (!a)
		return NAN;
	for (i = 0; i < n; i++)
		if (isfinite(x[i]))
			a[k++] = magnitude ? fabs(x[i]) : x[i];
	if (!k) {
		free(a);
		return NAN;
	}
	gsl_sort(a, 1, k);
	v = gsl_stats_quantile_from_sorted_data(a, 1, k, q);
	free(a);
	return v;
}

double stats_abs_quantile(const double *x, size_t n, double q)
{
	return finite_quantile(x, n, q, 1);
}

double stats_median(const double *x, size_t n)
{
	return finite_quantile(x, n, 0.5, 0);
}

int stats_push(double **x, size_t *n, size_t *cap, double v)
{
	if (*n == *cap) {
		size_t nc = *cap ? 2 * *cap : 64;
		double *p = realloc(*x, nc * sizeof *p);
		if (!p)
			return -1;
		*x = p;
		*cap = nc;
	}
	(*x)[(*n)++] = v;
	return 0;
}
