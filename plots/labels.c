/*
** labels.c: placing text labels next to points so that they do not
** collide (labels.h): a greedy search over spots right and left of each
** point (or, too wide for either, moved sideways into the graph), a line
** up and down at a time.
*/
#include "labels.h"

#define GAP 0.012   /* between a point and its label */
#define PAD 0.003   /* around each box */
#define STEPS 16    /* lines up and down tried */
#define MARK 0.008  /* half the size of a point's marker */

static int boxes_meet(double ax0, double ay0, double ax1, double ay1,
                      double bx0, double by0, double bx1, double by1)
{
	return ax0 < bx1 + PAD && bx0 < ax1 + PAD && ay0 < by1 + PAD &&
	       by0 < ay1 + PAD;
}

int plot_labels_overlap(const plot_label *a, const plot_label *b)
{
	return boxes_meet(a->x, a->y - a->h / 2, a->x + a->w, a->y + a->h / 2,
	                  b->x, b->y - b->h / 2, b->x + b->w, b->y + b->h / 2);
}

static int free_spot(const plot_label *l, const plot_label *placed,
                     size_t nplaced, const double *pts, size_t npts,
                     const double (*obst)[4], size_t nobst)
{
	double x0 = l->x, y0 = l->y - l->h / 2, x1 = l->x + l->w,
	       y1 = l->y + l->h / 2;
	size_t i;
	if (x0 < 0 || x1 > 1 || y0 < 0 || y1 > 1)
		return 0;
	for (i = 0; i < nplaced; i++)
		if (plot_labels_overlap(l, &placed[i]))
			return 0;
	for (i = 0; i < nobst; i++)
		if (boxes_meet(x0, y0, x1, y1, obst[i][0], obst[i][1], obst[i][2],
		               obst[i][3]))
			return 0;
	for (i = 0; i < npts; i++)
		if (boxes_meet(x0, y0, x1, y1, pts[2 * i] - MARK,
		               pts[2 * i + 1] - MARK, pts[2 * i] + MARK,
		               pts[2 * i + 1] + MARK))
			return 0;
	return 1;
}

size_t plot_labels_place(plot_label *l, size_t n, const double *pts,
                         size_t npts, const double (*obst)[4],
                         size_t nobst)
{
	size_t i, good = 0;
	for (i = 0; i < n; i++) {
		plot_label *a = &l[i];
		int k, s, found = 0;
		double fx = 0, fy = 0;
		for (k = 0; k <= 2 * STEPS && !found; k++) {
			/* 0, +1, -1, +2, -2 ... lines */
			double dy = (k + 1) / 2 * (k % 2 ? 1.0 : -1.0) * a->h;
			/* right and left, then (a label too wide for either side)
			** the preferred spot moved sideways into the graph */
			for (s = 0; s < 3 && !found; s++) {
				int side = s == 1 ? -a->pref : a->pref;
				a->x = side > 0 ? a->px + GAP : a->px - GAP - a->w;
				if (s == 2)
					a->x = a->x + a->w > 1 ? 1 - a->w : a->x < 0 ? 0 : a->x;
				a->y = a->py + dy;
				if (k == 0 && s == 0) {
					fx = a->x;
					fy = a->y;
				}
				found = free_spot(a, l, i, pts, npts, obst, nobst);
			}
		}
		if (!found) {
			a->x = fx;
			a->y = fy;
		}
		a->ok = found;
		good += (size_t)found;
	}
	return good;
}
