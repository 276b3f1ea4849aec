/*
** rows.h: a growable array of rows of doubles, each row of one fixed
** width, for the plot readers that read a query's rows without counting
** them first (the heatmap's cells, pareto's points and a swept axis's
** values): allocated and freed in GSL's way (plot_rows_alloc and
** plot_rows_free), a row added at the end (plot_rows_add), the room
** doubled as it fills (rows.c).
*/
#ifndef RL_PLOT_ROWS_H
#define RL_PLOT_ROWS_H

#include <stddef.h>

typedef struct {
	double *v;    /* n rows of width doubles: row i at v + i * width */
	long n;       /* rows held */
	long cap;     /* rows there is room for */
	size_t width; /* doubles a row, at least 1 */
} plot_rows;

/* An empty array of rows of width doubles (0 taken as 1); NULL out of
** memory. */
plot_rows *plot_rows_alloc(size_t width);
/* Free r and its rows; NULL is nothing. */
void plot_rows_free(plot_rows *r);
/* Room for at least one more row: 0, or -1 out of memory (r unchanged). */
int plot_rows_grow(plot_rows *r);

/* The row added at the end, its doubles for the caller to set; NULL out
** of memory (r unchanged). */
static inline double *plot_rows_add(plot_rows *r)
{
	if (r->n == r->cap && plot_rows_grow(r))
		return NULL;
	return r->v + (size_t)r->n++ * r->width;
}

#endif
