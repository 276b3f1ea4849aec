/*
** filter.c: the [filter] comparisons of a sweep spec (filter.h).
*/
#include "filter.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../config/ini.h"
#include "../config/setup.h"
#include "pointval.h"
#include "text.h"
#include "../model/utf8.h"

static int enum_choice(const rl_operand *o, const char *name, double *v)
{
	int k, n;
	if (o->kind == 1 && o->param->choices) {
		k = rl_param_choice(o->param, name);
		if (k >= 0) {
			*v = k;
			return 0;
		}
	}
	if (o->kind == 2 && o->output->type != RL_OT_NUM) {
		n = o->output->type == RL_OT_BOUND ? RL_BOUND_COUNT : RL_LIMIT_COUNT;
		for (k = 0; k < n; k++)
			if (!strcmp(rl_output_text(o->output, k), name)) {
				*v = k;
				return 0;
			}
	}
	return -1;
}

/* A choice: an enum or bool parameter, or an output given by name. */
static int is_choice(const rl_operand *o)
{
	return (o->kind == 1 && o->param->choices) ||
	       (o->kind == 2 && o->output->type != RL_OT_NUM);
}

/* The names of choice o, "compute, memory, ...", into buf. */
static void choice_names(const rl_operand *o, char *buf, size_t len)
{
	size_t used = 0;
	int k, n;
	buf[0] = '\0';
	if (o->kind == 1) {
		for (k = 0; o->param->choices[k] && used < len; k++)
			used += (size_t)snprintf(buf + used, len - used, "%s%s",
			                         k ? ", " : "", o->param->choices[k]);
		return;
	}
	n = o->output->type == RL_OT_BOUND ? RL_BOUND_COUNT : RL_LIMIT_COUNT;
	for (k = 0; k < n && used < len; k++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
		                         k ? ", " : "", rl_output_text(o->output, k));
}

static int operand(rl_operand *o, const char *t)
{
	memset(o, 0, sizeof *o);
	if (!rl_sw_number(t, &o->value))
		return 0;
	if ((o->param = rl_param_find_full(t))) {
		o->kind = 1;
		return 0;
	}
	if ((o->output = rl_output_find(t))) {
		o->kind = 2;
		return 0;
	}
	return -1;
}

/* 1 when side t holds more than one word (a blank, an operator, any
** character of no name or number): read as a sum, whose message names the
** token it refuses; one word is refused as before, with close names */
static int is_sum(const char *t)
{
	for (; *t; t++)
		if (!isalnum((unsigned char)*t) && *t != '_' && *t != '.')
			return 1;
	return 0;
}

/* "filter 'EXPR': REASON" into err, -1: the reason whole, the filter
** quoted whole where both fit, else cut at a whole UTF-8 character and
** ended in "..." (a filter of up to 511 bytes and the reason filled the
** 512 bytes of a message, which lost the reason and the token it names) */
static int refuse(char *err, size_t errlen, const char *expr,
                  const char *fmt, ...)
{
	char why[512];
	size_t n = strlen(expr), room;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	room = errlen > strlen(why) + 16 ? errlen - strlen(why) - 16 : 0;
	if (n <= room) {
		snprintf(err, errlen, "filter '%s': %s", expr, why);
		return -1;
	}
	snprintf(err, errlen, "filter '%.*s...': %s", rl_utf8_cut(expr, room),
	         expr, why);
	return -1;
}

/* both sides as linear sums (linsum.h) */
static int parse_sums(rl_filter *f, const char *expr, const char *lhs,
                      const char *rhs, char *err, size_t errlen)
{
	char why[400];
	if (rl_linsum_parse(&f->sum[0], lhs, why, sizeof why) ||
	    rl_linsum_parse(&f->sum[1], rhs, why, sizeof why)) {
		return refuse(err, errlen, expr, "%s", why);
	}
	f->sums = 1;
	return 0;
}

int rl_sweep_filter_parse(rl_filter *f, const char *expr, char *err,
                          size_t errlen)
{
	static const char *const ops[] = {"<=", ">=", "==", "!=", "<", ">"};
	static const int codes[] = {RL_OP_LE, RL_OP_GE, RL_OP_EQ, RL_OP_NE,
	                            RL_OP_LT, RL_OP_GT};
	char buf[512], *lhs, *rhs, *at = NULL;
	size_t k, oplen = 0;
	int op = -1, bad_l, bad_r, named_l = 0, named_r = 0;
	if (strlen(expr) >= sizeof buf) {
		/* cut, "x <= 1000...0" would keep another range */
		char size[64];
		snprintf(err, errlen, "filter '%.*s...': %s; at most %zu bytes",
		         rl_utf8_cut(expr, 40), expr,
		         rl_utf8_bytes(expr, strlen(expr), size, sizeof size),
		         sizeof buf - 1);
		return -1;
	}
	snprintf(buf, sizeof buf, "%s", expr);
	for (lhs = buf; *lhs && !at; lhs++)
		for (k = 0; k < sizeof ops / sizeof ops[0]; k++)
			if (!strncmp(lhs, ops[k], strlen(ops[k]))) {
				at = lhs;
				op = codes[k];
				oplen = strlen(ops[k]);
				break;
			}
	if (!at) {
		return refuse(err, errlen, expr, "expected LHS OP RHS with OP one "
		              "of < <= > >= == !=");
	}
	*at = '\0';
	lhs = ini_trim(buf);
	rhs = ini_trim(at + oplen);
	f->op = op;
	bad_l = operand(&f->lhs, lhs);
	bad_r = operand(&f->rhs, rhs);
	if (bad_r && !bad_l && !enum_choice(&f->lhs, rhs, &f->rhs.value))
		bad_r = 0, named_r = 1;
	if (bad_l && !bad_r && !enum_choice(&f->rhs, lhs, &f->lhs.value))
		bad_l = 0, named_l = 1;
	f->sums = 0;
	if ((bad_l || bad_r) && (is_sum(lhs) || is_sum(rhs)))
		return parse_sums(f, expr, lhs, rhs, err, errlen);
	if (bad_l != bad_r && is_choice(bad_l ? &f->rhs : &f->lhs) &&
	    !strchr(bad_l ? lhs : rhs, '.')) {
		/* an undotted name beside a choice is one of its names
		** mistyped ("decode.bound == memroy"), which read as "not a
		** number, a parameter or an output; did you mean chip.memory?" */
		const rl_operand *c = bad_l ? &f->rhs : &f->lhs;
		const char *name = bad_l ? lhs : rhs;
		char names[200];
		choice_names(c, names, sizeof names);
		return refuse(err, errlen, expr, "'%.*s%s' is not one of %s's "
		              "names (%s)", rl_utf8_cut(name, 127), name,
		              strlen(name) > 127 ? "..." : "", bad_l ? rhs : lhs,
		              names);
	}
	if (bad_l || bad_r) {
		const char *name = bad_l ? lhs : rhs;
		char hint[300];
		rl_sw_name_hint(name, hint, sizeof hint);
		/* a word of 127 bytes and more is no name nor number: cut */
		return refuse(err, errlen, expr, "'%.*s%s' is not a number, a "
		              "parameter or an output%s", rl_utf8_cut(name, 127),
		              name, strlen(name) > 127 ? "..." : "", hint);
	}
	/* a choice's names have no order, and its place in a table is no
	** number: "decode.bound < memory", "decode.bound == 1" and
	** "decode.bound != latency.tpot_s" compared places */
	if (is_choice(&f->lhs) || is_choice(&f->rhs)) {
		const rl_operand *c = is_choice(&f->lhs) ? &f->lhs : &f->rhs;
		int other = is_choice(&f->lhs) && is_choice(&f->rhs)
		                ? 1
		                : (c == &f->lhs ? named_r : named_l);
		if ((op != RL_OP_EQ && op != RL_OP_NE) || !other) {
			char names[200];
			choice_names(c, names, sizeof names);
			return refuse(err, errlen, expr, "%s is a choice (%s): "
			              "compare it with == or != and one of its names",
			              c == &f->lhs ? lhs : rhs, names);
		}
	}
	return 0;
}

/* an operand's value at this point; *none set where it is an output
** with no value there (NaN) */
static double operand_value(const rl_operand *o, const rl_config *cfg,
                            int status, const rl_result *r, int *none)
{
	double v;
	if (o->kind == 1)
		return rl_param_get(cfg, o->param);
	if (o->kind != 2)
		return o->value;
	v = rl_sweep_point_output(o->output, status, r);
	if (isnan(v))
		*none = 1;
	return v;
}

/* One comparison for both widths: a double converts to long double
** exactly, so a filter of doubles compares as it did in double */
static int compare(long double a, int op, long double b)
{
	switch (op) {
	case RL_OP_LT: return a < b;
	case RL_OP_LE: return a <= b;
	case RL_OP_GT: return a > b;
	case RL_OP_GE: return a >= b;
	case RL_OP_EQ: return a == b;
	default: return a != b;
	}
}

int rl_sweep_filter_keep(const rl_filter *f, const rl_config *cfg,
                         int status, const rl_result *r)
{
	int none = 0, keep;
	if (f->sums) {
		double a = rl_linsum_value(&f->sum[0], cfg, status, r, &none);
		double b = rl_linsum_value(&f->sum[1], cfg, status, r, &none);
		if (none)
			return RL_FILTER_NONE;
		/* a side past DBL_MAX part way (inf, or inf - inf): both again
		** in long double (linsum.h), where a sum of doubles fits */
		if (isfinite(a) && isfinite(b))
			keep = compare(a, f->op, b);
		else
			keep = compare(rl_linsum_value_wide(&f->sum[0], cfg, status,
			                                    r, &none),
			               f->op,
			               rl_linsum_value_wide(&f->sum[1], cfg, status,
			                                    r, &none));
	} else {
		double a = operand_value(&f->lhs, cfg, status, r, &none);
		double b = operand_value(&f->rhs, cfg, status, r, &none);
		if (none)
			return RL_FILTER_NONE;
		keep = compare(a, f->op, b);
	}
	return keep ? RL_FILTER_KEEP : RL_FILTER_DROP;
}
