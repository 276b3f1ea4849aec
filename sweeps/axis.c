/*
** axis.c: the values of a sweep axis: lists, linear and log ranges (axis.h).
*/
#include "axis.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/commalist.h"
#include "../config/ini.h"
#include "../model/numtext.h"
#include "../model/status.h"
#include "../model/utf8.h"
#include "text.h"

static int decimals(const char *text)
{
	const char *dot = strchr(text, '.'), *e = strpbrk(text, "eE");
	long n = 0, x;
	char *end;
	if (dot && (!e || dot < e))
		for (dot++; isdigit((unsigned char)*dot); dot++)
			n++;
	if (!e)
		return (int)n;
	/* 2.5e-3 has 1 + 3 decimals, 1e-1 one, 1.25e1 one, 1e3 none: an
	** exponent form is snapped as its decimal form is (1e-1 was not,
	** its range's last value 0.1 + 9999 x 0.1 past 1000 refused as
	** outside [0, 1000]) */
	x = strtol(e + 1, &end, 10);
	if (end == e + 1 || x < -30 || x > 30)
		return -1;
	n -= x;
	return n < 0 ? 0 : (int)n;
}

/* The range's value k (its first or its last) checked as check_value
** does; one outside the parameter's range said as the range's value, with
** the range as given: "design.frac_mac = 0.02:1.5:0.1 reaches 1.42 at its
** last value, outside the allowed 0 to 1; give a stop within it", where
** rl_param_set's words read as if 1.42 were written ("it is a share,
** not a percentage: 1.42% is 0.0142", before that reading was kept for
** 2 and up).  A value not whole keeps those words. */
static int range_end_check(const rl_axis *ax, char *const parts[3],
                           int islog, uint64_t k, char *err, size_t errlen)
{
	const rl_param *p = ax->param;
	double v = rl_sweep_axis_value(ax, k);
	char allowed[300], vt[32];
	rl_config cfg;
	rl_config_defaults(&cfg);
	if (rl_param_set(&cfg, p, v, err, errlen) == RL_P_OK)
		return 0;
	if (!(v < p->min || v > p->max))
		return -1;
	rl_param_allowed_text(p, allowed, sizeof allowed);
	/* the value in all its digits, as a sweep point's axes are written
	** (rl_number_write), where %.15g wrote 1e+15 */
	snprintf(err, errlen, "%s.%s = %s:%s:%s%s %s %s%s, outside the "
	         "allowed %s; give a %s within it", p->section, p->key, parts[0],
	         parts[1], parts[2], islog ? " log" : "",
	         k ? "reaches" : "starts at", rl_number_write(v, vt, sizeof vt),
	         k ? " at its last value" : "", allowed, k ? "stop" : "start");
	return -1;
}

static int parse_list(rl_axis *ax, const rl_param *p, char *text, char *err,
                      size_t errlen)
{
	char *rest = text, *t;
	size_t n = 0;
	double *vals;
	if (!*ini_trim(text)) {
		snprintf(err, errlen, "%s.%s: empty list of values", p->section,
		         p->key);
		return -1;
	}
	vals = malloc(RL_SWEEP_MAX_LIST * sizeof *vals);
	if (!vals) {
		/* no fault of the spec's (exit 1, not 2) */
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	/* every item between commas is a value: "1,,2" or "1,2," is a typo,
	** refused rather than read as fewer points */
	while ((t = commalist_next(&rest, 1))) {
		if (!*t) { /* every item before it was a value */
			snprintf(err, errlen, "%s.%s: value %zu of the list is empty "
			         "(two commas, or one at an end)", p->section, p->key,
			         n + 1);
			free(vals);
			return -1;
		}
		if (n >= RL_SWEEP_MAX_LIST) {
			snprintf(err, errlen, "a list of more than %d values; use a "
			         "range", RL_SWEEP_MAX_LIST);
			free(vals);
			return -1;
		}
		/* the value as given (display units), which rl_param_set
		** sets as --set does: not the field's value over its scale */
		if (rl_param_value_text(p, t, &vals[n], err, errlen)) {
			free(vals);
			return -1;
		}
		{
			/* a value given twice made the same points twice (two
			** rows of the same design, counted twice by a report) */
			size_t k;
			for (k = 0; k < n; k++)
				if (vals[k] == vals[n]) {
					snprintf(err, errlen, "%s.%s: value %zu of the list "
					         "('%s') repeats value %zu", p->section, p->key,
					         n + 1, t, k + 1);
					free(vals);
					return -1;
				}
		}
		n++;
	}
	ax->kind = RL_AX_LIST;
	ax->list = vals;
	ax->count = n;
	return 0;
}

/* A log range of a whole-number parameter whose values round alike
** (scenario.batch = 1:64:1000 log holds 64 whole numbers; 1:4096:25 log
** gives 1 at its first two points).  A value given twice made the same
** points twice, as a list's repeated value did (parse_list): rows of one
** design stored twice and counted twice by a report, and random or Sobol
** draws weighted towards the repeated values.  -1 with a message naming
** the first repeat, else 0.  The unrounded values grow by a constant
** ratio, so do their gaps: once a gap is 1 or more no two later values
** round alike, and the search stops there (before it, gaps under 1 give
** a repeat within about 1 / (1 - gap) points).  A real parameter's values,
** kept to 12 significant digits (sig12), are not searched, a walk of up
** to 10^9 points (a sweep of 100:110:1e9 log sampled at random took a
** minute before its first point): their ratio is checked instead.  Kept
** to 12 digits, values 1 part in 10^11 apart (at a leading 1; 10^12 at a
** leading 9) are told apart, within a power of ten and across one; a
** ratio under 1 + 1e-11 may round two alike (1:1.000000000000001:50 log
** held 2 values in 50 points, each design stored many times) and is
** refused, with a margin for exp's and log's rounding. */
static int log_repeats(const rl_axis *ax, char *err, size_t errlen)
{
	double lr = log(ax->stop / ax->start), raw0 = ax->start, raw;
	double prev = rl_sweep_axis_value(ax, 0), v;
	uint64_t k;
	if (ax->param->type == RL_PT_REAL) {
		double gap = expm1(lr / (double)(ax->count - 1));
		char t[2][32];
		/* (2 points are the ends, kept as given, start < stop: none
		** between them is rounded, and none repeats; refused until
		** 2026-12-01, "its 2 points are too close", where a list of the
		** same two values was taken) */
		if (gap >= 1.001e-11 || ax->count == 2)
			return 0;
		snprintf(err, errlen, "%s = %s:%s:%llu log: its %llu points are too "
		         "close to tell apart: each is kept to 12 significant "
		         "digits, and a ratio of 1 + %.3g from one to the next "
		         "(under 1 + 1e-11) makes values repeat, the same design "
		         "stored twice; give fewer points or a wider range",
		         ax->name, rl_number_write(ax->start, t[0], sizeof t[0]),
		         rl_number_write(ax->stop, t[1], sizeof t[1]),
		         (unsigned long long)ax->count, (unsigned long long)ax->count,
		         gap);
		return -1;
	}
	for (k = 1; k < ax->count; k++) {
		v = rl_sweep_axis_value(ax, k);
		if (v == prev) {
			char t[3][32];
			snprintf(err, errlen, "%s: a log range of %llu points from "
			         "%s to %s gives %s at points %llu and %llu (a "
			         "whole-number parameter, its values rounded): a value "
			         "twice makes the same points twice; give fewer points "
			         "or a list", ax->name, (unsigned long long)ax->count,
			         rl_number_write(ax->start, t[0], sizeof t[0]),
			         rl_number_write(ax->stop, t[1], sizeof t[1]),
			         rl_number_write(v, t[2], sizeof t[2]),
			         (unsigned long long)k, (unsigned long long)k + 1);
			return -1;
		}
		raw = ax->start * exp((double)k * lr / (double)(ax->count - 1));
		if (raw - raw0 >= 1.0)
			break;
		prev = v;
		raw0 = raw;
	}
	return 0;
}

/* A part k (0 start, 1 stop, 2 step or count) of a range that
** rl_sw_number refused: a number past the largest double (1e400) is out
** of range, and one nearer 0 than the smallest normal double (1e-308,
** which reads as a subnormal, 1e-999 as 0) too small, not "a part that is
** not a number": an end as a value of the parameter says it
** (rl_param_value_text, as --set and a list's value: "outside the allowed
** [0, 1000] TB/s", "nearer 0 than the smallest normal double ...
** (allowed: [0, 1000] TB/s)"), a step or count as past a double's reach
** or under its normal range, with what it takes; any other part is not a
** number.  -1. */
static int part_error(const rl_param *p, char *const parts[3], int islog,
                      int k, char *err, size_t errlen)
{
	static const char *const what[] = {"start", "stop", "step"};
	char why[400], head[96], q[160];
	double v;
	size_t hl;
	int num = rl_number_text(parts[k], &v), rc;
	/* (read before rl_param_value_text, which sets errno again) */
	int under = num && isfinite(v) && errno == ERANGE;
	snprintf(head, sizeof head, "%s.%s: ", p->section, p->key);
	hl = strlen(head);
	if (k < 2 && num &&
	    ((rc = rl_param_value_text(p, parts[k], &v, why, sizeof why)) ==
	         RL_P_RANGE ||
	     (under && rc == RL_P_NOTNUM)) &&
	    !strncmp(why, head, hl))
		snprintf(err, errlen, "%s.%s: range '%s:%s:%s%s': its %s %s",
		         p->section, p->key, parts[0], parts[1], parts[2],
		         islog ? " log" : "", what[k], why + hl);
	else if (k == 2 && num && isinf(v))
		snprintf(err, errlen, "%s.%s: range '%s:%s:%s%s': its %s %s is "
		         "past the largest double (about 1.8e308)", p->section,
		         p->key, parts[0], parts[1], parts[2], islog ? " log" : "",
		         islog ? "count" : "step",
		         rl_utf8_quote(parts[2], RL_UTF8_QUOTE_MAX, q, sizeof q));
	else if (k == 2 && under)
		snprintf(err, errlen, "%s.%s: range '%s:%s:%s%s': its %s %s is "
		         "nearer 0 than the smallest normal double, "
		         "2.2250738585072014e-308 (%s)", p->section, p->key,
		         parts[0], parts[1], parts[2], islog ? " log" : "",
		         islog ? "count" : "step",
		         rl_utf8_quote(parts[2], RL_UTF8_QUOTE_MAX, q, sizeof q),
		         islog ? "a log range takes a whole count of 2 to "
		                 "1000000000 points"
		               : "a step is a positive number, at least that");
	else
		snprintf(err, errlen, "%s.%s: range '%s:%s:%s%s' has a part that "
		         "is not a number", p->section, p->key, parts[0], parts[1],
		         parts[2], islog ? " log" : "");
	return -1;
}

static int parse_range(rl_axis *ax, const rl_param *p, char *text, char *err,
                       size_t errlen)
{
	char *parts[3], *c1, *c2, *third;
	double a, b, c;
	char at[32], bt[32], ct[32];
	int islog = 0, d, dmax = 0;
	size_t l;
	c1 = strchr(text, ':');
	c2 = c1 ? strchr(c1 + 1, ':') : NULL;
	if (!c1 || !c2 || strchr(c2 + 1, ':')) {
		snprintf(err, errlen, "%s.%s: expected start:stop:step or "
		         "start:stop:count log, got '%s'", p->section, p->key, text);
		return -1;
	}
	*c1 = *c2 = '\0';
	parts[0] = ini_trim(text);
	parts[1] = ini_trim(c1 + 1);
	third = ini_trim(c2 + 1);
	l = strlen(third);
	if (l > 3 && !strcmp(third + l - 3, "log") &&
	    isspace((unsigned char)third[l - 4])) {
		islog = 1;
		third[l - 3] = '\0';
		third = ini_trim(third);
	}
	parts[2] = third;
	if (p->type == RL_PT_ENUM || p->type == RL_PT_BOOL) {
		snprintf(err, errlen, "%s.%s takes names; give a list "
		         "(a, b, c), not a range", p->section, p->key);
		return -1;
	}
	if (rl_sw_number(parts[0], &a))
		return part_error(p, parts, islog, 0, err, errlen);
	if (rl_sw_number(parts[1], &b))
		return part_error(p, parts, islog, 1, err, errlen);
	if (rl_sw_number(parts[2], &c))
		return part_error(p, parts, islog, 2, err, errlen);
	/* the parts as given, in all their digits (rl_number_write:
	** 2000000, where %g wrote 2e+06) */
	rl_number_write(a, at, sizeof at);
	rl_number_write(b, bt, sizeof bt);
	rl_number_write(c, ct, sizeof ct);
	if (a > b) {
		snprintf(err, errlen, "%s.%s: inverted range, start %s > stop %s "
		         "(write the smaller value first)", p->section, p->key, at,
		         bt);
		return -1;
	}
	ax->start = a;
	ax->stop = b;
	if (islog) {
		if (c != floor(c) || c < 2 || c > 1e9) {
			snprintf(err, errlen, "%s.%s: a log range takes a whole count "
			         "of 2 to 1000000000 points, got %s", p->section, p->key,
			         ct);
			return -1;
		}
		if (a <= 0 || a == b) {
			snprintf(err, errlen, "%s.%s: a log range needs 0 < start < "
			         "stop, got %s:%s", p->section, p->key, at, bt);
			return -1;
		}
		ax->kind = RL_AX_LOG;
		ax->count = (uint64_t)c;
	} else {
		double n;
		if (!(c > 0)) {
			snprintf(err, errlen, "%s.%s: empty range, the step must be "
			         "positive (got %s)", p->section, p->key, ct);
			return -1;
		}
		if (p->type == RL_PT_INT && c != floor(c)) {
			snprintf(err, errlen, "%s.%s is a whole number; step %s is "
			         "not", p->section, p->key, ct);
			return -1;
		}
		/* a start off the whole numbers made every value one rounded
		** (1.4:3.4:1 read as 1, 2, 3), where a list's 1.4 is refused */
		if (p->type == RL_PT_INT && a != floor(a)) {
			snprintf(err, errlen, "%s.%s is a whole number; start %s is "
			         "not", p->section, p->key, at);
			return -1;
		}
		/* a step doubles cannot tell apart at the range's values (1 +
		** 1e-16 is 1) made values twice, the same design stored twice,
		** as a list's repeated value: under 8 spacings of a double
		** (2^-49 of the larger end) it is refused */
		if (a != b && c < fmax(fabs(a), fabs(b)) * 0x1p-49) {
			snprintf(err, errlen, "%s.%s: step %s is too small for values "
			         "near %s: a double tells apart numbers about 1 part "
			         "in 10^15 apart there, and values would repeat; give "
			         "a larger step", p->section, p->key, ct,
			         fabs(a) > fabs(b) ? at : bt);
			return -1;
		}
		n = floor((b - a) / c * (1 + 1e-12) + 1e-9) + 1;
		if (n > 1e15) {
			snprintf(err, errlen, "%s.%s: range of %.3g values, more than "
			         "an axis takes (1e+15); give a larger step", p->section,
			         p->key, n);
			return -1;
		}
		ax->kind = RL_AX_LINEAR;
		ax->step = c;
		ax->count = (uint64_t)n;
		for (l = 0; l < 3; l++) {
			d = decimals(parts[l]);
			if (d < 0 || d > 15)
				dmax = -1;
			else if (dmax >= 0 && d > dmax)
				dmax = d;
		}
		ax->snap = dmax >= 0 ? pow(10, dmax) : 0;
	}
	if (range_end_check(ax, parts, islog, 0, err, errlen) ||
	    range_end_check(ax, parts, islog, ax->count - 1, err, errlen))
		return -1;
	if (ax->kind == RL_AX_LOG && log_repeats(ax, err, errlen))
		return -1;
	return 0;
}

/* An axis given no values ("scenario.batch =" in [axes]): what an axis
** takes, in the spec's words, and what this parameter allows.  -1. */
static int no_values(const rl_axis *ax, char *err, size_t errlen)
{
	const rl_param *p = ax->param;
	char allowed[300];
	rl_param_allowed_text(p, allowed, sizeof allowed);
	if (p->type == RL_PT_ENUM || p->type == RL_PT_BOOL)
		snprintf(err, errlen, "axis '%s' has no values: give a list of "
		         "names (a, b, c), each %s", ax->name, allowed);
	else
		snprintf(err, errlen, "axis '%s' has no values: give a list "
		         "(a, b, c), a range start:stop:step, or start:stop:count "
		         "log (%s takes %s)", ax->name, ax->name, allowed);
	return -1;
}

int rl_sweep_axis_parse(rl_axis *ax, const rl_param *p, const char *text,
                        char *err, size_t errlen)
{
	char buf[8192], *t;
	size_t l;
	memset(ax, 0, sizeof *ax);
	ax->param = p;
	snprintf(ax->name, sizeof ax->name, "%s.%s", p->section, p->key);
	if (strlen(text) >= sizeof buf) {
		snprintf(err, errlen, "%s: value too long", ax->name);
		return -1;
	}
	strcpy(buf, text);
	t = ini_trim(buf);
	l = strlen(t);
	if (!l)
		return no_values(ax, err, errlen);
	if (l >= 2 && t[0] == '(' && t[l - 1] == ')') {
		t[l - 1] = '\0';
		return parse_list(ax, p, t + 1, err, errlen);
	}
	if (strchr(t, ':'))
		return parse_range(ax, p, t, err, errlen);
	return parse_list(ax, p, t, err, errlen);
}

static double sig12(double v)
{
	double m;
	if (v == 0 || !isfinite(v))
		return v;
	m = pow(10, 11 - floor(log10(fabs(v))));
	return round(v * m) / m;
}

double rl_sweep_axis_value(const rl_axis *ax, uint64_t k)
{
	double v;
	int whole = ax->param->type != RL_PT_REAL;
	switch (ax->kind) {
	case RL_AX_LIST:
		return ax->list[k];
	case RL_AX_LINEAR:
		v = ax->start + (double)k * ax->step;
		if (ax->snap > 0)
			v = round(v * ax->snap) / ax->snap;
		return whole ? round(v) : v;
	default:
		if (k == 0)
			return ax->start;
		if (k + 1 == ax->count)
			return ax->stop;
		v = ax->start * exp((double)k * log(ax->stop / ax->start) /
		                    (double)(ax->count - 1));
		return whole ? round(v) : sig12(v);
	}
}

double rl_sweep_axis_sample(const rl_axis *ax, double u)
{
	uint64_t k;
	if (u < 0)
		u = 0;
	if (ax->kind == RL_AX_LIST || ax->param->type != RL_PT_REAL) {
		k = (uint64_t)(u * (double)ax->count);
		if (k >= ax->count)
			k = ax->count - 1;
		return rl_sweep_axis_value(ax, k);
	}
	if (ax->kind == RL_AX_LINEAR)
		return ax->start + u * (ax->stop - ax->start);
	return ax->start * exp(u * log(ax->stop / ax->start));
}

