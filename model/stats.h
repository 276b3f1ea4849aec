/*
** stats.h: small statistics over arrays of errors.
*/
#ifndef RL_STATS_H
#define RL_STATS_H

#include <stddef.h>

/* q-quantile (0..1, linear interpolation) of |x| over the finite values;
** NAN when there are none. */
double stats_abs_quantile(const double *x, size_t n, double q);

/* median of the finite values (signed: a bias; the mean of the middle two
** when their count is even); NAN when there are none. */
double stats_median(const double *x, size_t n);

/* Appends v to the growing array *x of *n values, *cap of them allocated
** (all three 0/NULL to start; free(*x) at the end): 0, or -1 out of memory,
** the array as it was. */
int stats_push(double **x, size_t *n, size_t *cap, double v);

#endif
