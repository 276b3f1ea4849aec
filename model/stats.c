/*
** stats.c: quantiles of errors (stats.h), with GSL's sorting and quantile
** routines, and the growing array the readers of errors collect them in.
*/
#include "stats.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>

/* The k-th smallest (from 0) of the finite values of x (of their
** magnitudes when magnitude is set), found without memory: a value with
** fewer than k + 1 below it and more than k at or below it.  O(n^2): for
** finite_quantile where its copy could not be allocated. */
static double kth_finite(const double *x, size_t n, size_t k, int magnitude)
{
	size_t i, j;
	for (i = 0; i < n; i++) {
		size_t less = 0, same = 0;
		double v;
		if (!isfinite(x[i]))
			continue;
		v = magnitude ? fabs(x[i]) : x[i];
		for (j = 0; j < n; j++) {
			double w;
			if (!isfinite(x[j]))
				continue;
			w = magnitude ? fabs(x[j]) : x[j];
			less += w < v;
			same += w == v;
		}
		if (less <= k && k < less + same)
			return v;
	}
	return NAN;
}

/* gsl_stats_quantile_from_sorted_data's interpolation over the order
** statistics kth_finite finds, of k finite values: the same number. */
static double quantile_in_place(const double *x, size_t n, size_t k,
                                double q, int magnitude)
{
	double index = q * (double)(k - 1), delta;
	size_t lhs = (size_t)(int)index;
	delta = index - (double)lhs;
	if (lhs == k - 1)
		return kth_finite(x, n, lhs, magnitude);
	return (1 - delta) * kth_finite(x, n, lhs, magnitude) +
	       delta * kth_finite(x, n, lhs + 1, magnitude);
}

/* The q-quantile of the finite values of x, of their magnitudes when
** magnitude is set; NAN when there are none.  Where the sorted copy could
** not be allocated the same number is found in place (slowly), where it
** was NAN: a figure out of memory read as one with no values (validate
** --json exited 0 with a p90 |error| or a repeatability median null). */
static double finite_quantile(const double *x, size_t n, double q,
                              int magnitude)
{
	double *a = malloc((n ? n : 1) * sizeof *a), v;
	size_t i, k = 0;
	if (!a) {
		for (i = 0; i < n; i++)
			k += isfinite(x[i]) != 0;
		return k ? quantile_in_place(x, n, k, q, magnitude) : NAN;
	}
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
