/*
** ropts.h: what a report is asked for (report_opts): report.h's argument,
** and what the sections read of it through rctx.h; and the messages it
** gives back (report_msgs), apart from report.h so
** that the sections need nothing of report.c.
*/
#ifndef RL_ROPTS_H
#define RL_ROPTS_H

#include <stddef.h>

typedef struct {
	const char *dbpath;
	const char *sweeps;  /* the sweep database; NULL: dbpath */
	const char *out;     /* report.html or report.md (by extension) */
	long run;            /* claim run; 0: the newest */
	int no_plots;        /* 1: tables only */
} report_opts;

/* One message of the report for its user (cli/cmd_report.c says them on
** stderr): a warning (something left the report poorer: gnuplot missing,
** a plot without data), or a note (note 1: a claim section absent from a
** database without a claim run, with why and the command that fills it).
** Each is whole, held on the heap at its own size: a long database path
** cuts none, and none is dropped for want of room. */
typedef struct {
	int note;
	char *text;
} report_msg;

typedef struct {
	report_msg *v;
	size_t n, cap;
} report_msgs;

#endif
