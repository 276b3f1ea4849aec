/*
** rows.c: the growable array of rows of doubles (rows.h): its room
** doubled from 1024 rows, so that n rows cost about log2(n / 1024)
** reallocations and at most twice their size.
*/
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>

#include "rows.h"

#define FIRST_ROWS 1024

plot_rows *plot_rows_alloc(size_t width)
{
	plot_rows *r = calloc(1, sizeof *r);
	if (r)
		r->width = width ? width : 1;
	return r;
}

void plot_rows_free(plot_rows *r)
{
	if (!r)
		return;
	free(r->v);
	free(r);
}

int plot_rows_grow(plot_rows *r)
{
	long cap;
	double *a;
	/* (the doubled count must fit a long and its bytes a size_t) */
	if (r->cap > LONG_MAX / 2)
		return -1;
	cap = r->cap ? 2 * r->cap : FIRST_ROWS;
	if ((size_t)cap > SIZE_MAX / sizeof *a / r->width)
		return -1;
	if (!(a = realloc(r->v, (size_t)cap * r->width * sizeof *a)))
		return -1;
	r->v = a;
	r->cap = cap;
	return 0;
}
