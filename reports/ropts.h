/*
** ropts.h: what a report is asked for (report_opts): report.h's argument,
** and what the sections read of it through rctx.h, apart from report.h so
** that the sections need nothing of report.c.
*/
#ifndef RL_ROPTS_H
#define RL_ROPTS_H

typedef struct {
	const char *dbpath;
	const char *sweeps;  /* the sweep database; NULL: dbpath */
	const char *out;     /* report.html or report.md (by extension) */
	long run;            /* claim run; 0: the newest */
	int no_plots;        /* 1: tables only */
} report_opts;

#endif
