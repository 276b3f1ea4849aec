/*
** labels.h: placing text labels next to points so that they do not
** collide (labels.c), used by the roofline plot.  Coordinates are
** fractions of the graph (0..1 on each axis, as gnuplot's "graph").
*/
#ifndef RL_LABELS_H
#define RL_LABELS_H

#include <stddef.h>

/* Size of one character of the default label font as a fraction of the
** graph (SVG and PNG 1200x800 at 12-14 pt, the dumb terminal 120x40), on
** the generous side; a label at font size f scales by f / 14. */
#define PLOT_LABEL_CHAR_W 0.0085
#define PLOT_LABEL_LINE_H 0.032

typedef struct {
	double px, py;  /* the point labelled */
	double w, h;    /* the label's box */
	int pref;       /* 1: right of the point first, -1: left first */
	double x, y;    /* placed: left end and vertical centre */
	int ok;         /* 1 when placed without a collision */
} plot_label;

/* Place l[0..n) in order: each label goes to the first spot, right or
** left of its point (pref first) and then stepping up and down a line at
** a time, whose box lies inside the graph and overlaps no label placed
** before it, none of the obstacles (boxes x0, y0, x1, y1: the key) and
** none of the points pts[2 * i], pts[2 * i + 1] (their markers); where none is free, the
** first spot (ok 0).  Returns how many were placed without collision. */
size_t plot_labels_place(plot_label *l, size_t n, const double *pts,
                         size_t npts, const double (*obst)[4],
                         size_t nobst);

/* 1 when the boxes of two placed labels overlap. */
int plot_labels_overlap(const plot_label *a, const plot_label *b);

#endif
