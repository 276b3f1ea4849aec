/*
** progress.c: the progress bar of sweeps (progress.h).
*/
#include "progress.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

double rl_progress_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void rl_progress_begin(rl_progress *p, int enabled, uint64_t total,
                       uint64_t start)
{
	p->enabled = enabled;
	p->total = total;
	p->start = start;
	p->t0 = rl_progress_clock();
	p->last = 0;
}

static void duration(char *buf, size_t len, double s)
{
	if (s < 60)
		snprintf(buf, len, "%.0fs", s);
	else if (s < 3600)
		snprintf(buf, len, "%dm%02ds", (int)(s / 60), (int)s % 60);
	else /* the hours as a double: a grid of 2^63 points at 1 point/s
	     ** is 2.6e15 hours, past an int (a cast undefined in C) */
		snprintf(buf, len, "%.0fh%02dm", floor(s / 3600),
		         (int)fmod(floor(s / 60), 60));
}

static void draw(rl_progress *p, uint64_t done, double now)
{
	char bar[31], eta[32];
	double frac = p->total ? (double)done / (double)p->total : 1;
	double rate = now > p->t0 ? (double)(done - p->start) / (now - p->t0) : 0;
	int i, fill = (int)(frac * 30);
	for (i = 0; i < 30; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[30] = '\0';
	if (rate > 0)
		duration(eta, sizeof eta, (double)(p->total - done) / rate);
	else
		snprintf(eta, sizeof eta, "?");
	fprintf(stderr, "\r%5.1f%% [%s] %llu/%llu point%s  %.0f points/s  "
	        "ETA %s   ", 100 * frac, bar, (unsigned long long)done,
	        (unsigned long long)p->total, p->total == 1 ? "" : "s", rate,
	        eta);
	fflush(stderr);
}

void rl_progress_update(rl_progress *p, uint64_t done)
{
	double now;
	if (!p->enabled)
		return;
	now = rl_progress_clock();
	if (now - p->last < 0.1)
		return;
	p->last = now;
	draw(p, done, now);
}

void rl_progress_end(rl_progress *p, uint64_t done)
{
	if (!p->enabled)
		return;
	draw(p, done, rl_progress_clock());
	fputc('\n', stderr);
}
