/*
** valrepeat.h: the repeatability of the measurements themselves: how far
** the same cell moves between two versions' tables, beside how far the
** model misses it (validation.h).  A cell is a row's chip, GPUs, model,
** precision, input and output lengths, tp, pp, expert parallelism, request
** rate and metric (its quantity: a "tokens_per_s" read as output or total
** tokens as the version table says); a version is a row's software and
** version (val_key_of, VAL_BY_VERSION).  Rows of lengths that are not
** numbers (a dataset's) are no cell, nor a cell a version measured twice.
** A cell's |change| between versions a and b is |log(b/a)| as a ratio:
** exp(|log(b/a)|) - 1 = larger / smaller - 1, on the scale of validate's
** |error| (predicted / measured - 1) and the same whichever version is a;
** the values as published (no rounding interval); a cell whose two values'
** ratio no double holds (1e300 against 1e-300), nor 100 times it (a
** percentage), is left out.
*/
#ifndef RL_VALREPEAT_H
#define RL_VALREPEAT_H

#include <stddef.h>

#include "../config/harness.h"
#include "validation.h"
#include "valversions.h"

/* What the harness table says of a pair's harness. */
enum { VAL_HARNESS_UNKNOWN = 0, /* a version it lacks */
       VAL_HARNESS_SAME,        /* equal harness texts */
       VAL_HARNESS_CHANGED };   /* different texts (or series) */
/* "unknown", "same", "changed". */
const char *val_harness_name(int harness);

typedef struct {
	const val_row *a, *b;  /* a row of each version, which names it; a the
	                       ** earlier (harness table order, else the
	                       ** rows' order) */
	size_t cells;          /* cells both measured */
	double median_abs, p90_abs; /* of |change| (larger/smaller - 1) */
	double median;         /* signed median of b / a - 1 */
	int harness;           /* VAL_HARNESS_* */
	int adjacent;          /* one series of the harness table, no version
	                       ** of it with cells here between them */
} val_repeat;

/* The pairs of versions of rows[0 .. n-1] that share cells, a's order
** then b's; vt says how a version's "tokens_per_s" counts, h the
** versions' harnesses and order.  *out is allocated (free it; NULL for no
** pair).  0 with the count in *np, or -1 when out of memory. */
int val_repeat_pairs(const val_row *rows, size_t n, const val_versions *vt,
                     const meas_harnesses *h, val_repeat **out, size_t *np);

#endif
