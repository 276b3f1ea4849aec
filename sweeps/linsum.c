/*
** linsum.c: a [filter] side as a linear sum of parameters, outputs and
** numbers (linsum.h).  A tokenizer splits the text into words (names and
** numbers), + - * and anything else, which is refused by name.
*/
#include "linsum.h"

#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../config/setup.h"
#include "../model/utf8.h"
#include "pointval.h"
#include "text.h"

enum { TK_END, TK_PLUS, TK_MINUS, TK_STAR, TK_WORD, TK_OTHER };

typedef struct {
	int kind;
	char text[128]; /* the token, cut at 127 bytes (a word that long is
	                ** no name nor number: refused, quoted cut) */
	int cut;        /* 1 when text is cut */
} token;

/* a character of a name or a number: params and outputs are spelled with
** letters, digits, '_' and '.' alone */
static int word_char(int c)
{
	return isalnum(c) || c == '_' || c == '.';
}

/* 1 when the word so far is a number's mantissa and an exponent letter,
** so that a sign after it belongs to the number ("1e-3") */
static int exponent_sign(const char *start, const char *p)
{
	return p - start >= 2 && (isdigit((unsigned char)start[0]) ||
	                          start[0] == '.') &&
	       (p[-1] == 'e' || p[-1] == 'E') && (p[0] == '+' || p[0] == '-') &&
	       isdigit((unsigned char)p[1]);
}

/* The token at *pp into *t; *pp moves past it. */
static void next_token(const char **pp, token *t)
{
	const char *p = *pp, *start;
	size_t n;
	while (*p == ' ' || *p == '\t')
		p++;
	start = p;
	t->cut = 0;
	if (!*p) {
		t->kind = TK_END;
	} else if (*p == '+' || *p == '-' || *p == '*') {
		t->kind = *p == '+' ? TK_PLUS : *p == '-' ? TK_MINUS : TK_STAR;
		p++;
	} else if (word_char((unsigned char)*p)) {
		t->kind = TK_WORD;
		while (word_char((unsigned char)*p) || exponent_sign(start, p))
			p += exponent_sign(start, p) ? 2 : 1;
	} else {
		/* what no rule reads: up to the next blank, word or operator */
		t->kind = TK_OTHER;
		while (*p && *p != ' ' && *p != '\t' && *p != '+' && *p != '-' &&
		       *p != '*' && !word_char((unsigned char)*p))
			p++;
	}
	n = (size_t)(p - start);
	if (n >= sizeof t->text) {
		/* cut at a whole UTF-8 character: the token is quoted */
		n = (size_t)rl_utf8_cut(start, sizeof t->text - 1);
		t->cut = 1;
	}
	memcpy(t->text, start, n);
	t->text[n] = '\0';
	*pp = p;
}

/* a choice takes no arithmetic: its names have no order and its place in
** a table is no number (filter.c compares it with == and != alone) */
static int choice(const rl_param *p, const rl_output *o)
{
	return (p && p->choices) || (o && o->type != RL_OT_NUM);
}

/* The word w as a number (*num set), a parameter or an output. */
static int word(const token *w, double *num, int *is_num, const rl_param **p,
                const rl_output **o, char *err, size_t errlen)
{
	char hint[300];
	*p = NULL;
	*o = NULL;
	*is_num = 0;
	if (!w->cut && !rl_sw_number(w->text, num)) {
		*is_num = 1;
		return 0;
	}
	if (!w->cut && ((*p = rl_param_find_full(w->text)) ||
	                (*o = rl_output_find(w->text)))) {
		if (choice(*p, *o)) {
			snprintf(err, errlen, "'%s' is a choice: it takes no "
			         "arithmetic (compare it alone with == or != and one "
			         "of its names)", w->text);
			return -1;
		}
		return 0;
	}
	rl_sw_name_hint(w->text, hint, sizeof hint);
	snprintf(err, errlen, "'%s%s' is not a number, a parameter or an "
	         "output%s", w->text, w->cut ? "..." : "", hint);
	return -1;
}

static void expected_term(const token *t, const char *after, char *err,
                          size_t errlen)
{
	if (t->kind == TK_END)
		snprintf(err, errlen, "expected a term after '%s', found the end",
		         after);
	else
		snprintf(err, errlen, "'%s%s' where a term was expected (a "
		         "number, a parameter or an output)", t->text,
		         t->cut ? "..." : "");
}

/* The product c of a term's numbers as its coefficient into *coef: 0, or
** -1 where a double cannot hold it (past DBL_MAX, or not zero and below
** DBL_MIN, where a number alone is refused too), quoting the term's text
** from start to end.  The product is taken in long double, so that
** "1e308 * 10 * 1e-10" is 1e299 and "1e308 * 1e308 * 0" is 0, where
** doubles made them inf and NaN. */
static int coefficient(long double c, const char *start, const char *end,
                       double *coef, char *err, size_t errlen)
{
	long double a = fabsl(c);
	/* compared before the cast: a long double past a double's range
	** converted is undefined in C11 (6.3.1.5) */
	if (a <= DBL_MAX && (c == 0 || a >= DBL_MIN)) {
		*coef = (double)c;
		return 0;
	}
	snprintf(err, errlen, "'%.*s%s': its numbers multiply to %Lg, which a "
	         "double does not hold (sizes %.2g to %.2g, as for a number alone)",
	         (int)(end - start > 120 ? 120 : end - start), start,
	         end - start > 120 ? "..." : "", c, DBL_MIN, DBL_MAX);
	return -1;
}

/* One term at *pp after sign: factors joined by '*', one of them at most
** a parameter or an output.  *t is the token after it. */
static int term(const char **pp, double sign, const char *after,
                rl_term *out, token *t, char *err, size_t errlen)
{
	const char *first_name = NULL, *start = *pp, *end;
	char name[128] = "";
	long double c = sign;
	out->coef = sign;
	out->param = NULL;
	out->output = NULL;
	while (*start == ' ' || *start == '\t')
		start++;
	next_token(pp, t);
	for (;;) {
		const rl_param *p;
		const rl_output *o;
		double v;
		int is_num;
		if (t->kind != TK_WORD) {
			expected_term(t, after, err, errlen);
			return -1;
		}
		if (word(t, &v, &is_num, &p, &o, err, errlen))
			return -1;
		if (is_num) {
			c *= v;
		} else if (first_name) {
			snprintf(err, errlen, "'%s * %s': a product of two "
			         "parameters or outputs is not linear (a factor must "
			         "be a number)", name, t->text);
			return -1;
		} else {
			snprintf(name, sizeof name, "%s", t->text);
			first_name = name;
			out->param = p;
			out->output = o;
		}
		end = *pp;
		next_token(pp, t);
		if (t->kind != TK_STAR)
			return coefficient(c, start, end, &out->coef, err, errlen);
		after = "*";
		next_token(pp, t);
	}
}

int rl_linsum_parse(rl_linsum *s, const char *text, char *err, size_t errlen)
{
	const char *p = text;
	const char *after = "the comparison";
	token t;
	double sign = 1;
	s->nterms = 0;
	/* a leading sign: "-a + b" */
	{
		const char *q = p;
		next_token(&q, &t);
		if (t.kind == TK_PLUS || t.kind == TK_MINUS) {
			sign = t.kind == TK_MINUS ? -1 : 1;
			after = t.kind == TK_MINUS ? "-" : "+";
			p = q;
		}
	}
	for (;;) {
		if (s->nterms >= RL_LINSUM_MAX_TERMS) {
			const char *q = p;
			next_token(&q, &t);
			snprintf(err, errlen, "more than %d terms on one side: the "
			         "%dth begins at '%s%s'", RL_LINSUM_MAX_TERMS,
			         RL_LINSUM_MAX_TERMS + 1, t.text, t.cut ? "..." : "");
			return -1;
		}
		if (term(&p, sign, after, &s->terms[s->nterms], &t, err, errlen))
			return -1;
		s->nterms++;
		if (t.kind == TK_END)
			return 0;
		if (t.kind != TK_PLUS && t.kind != TK_MINUS) {
			snprintf(err, errlen, "'%s%s' is not + - or * (a side is a "
			         "sum of numbers, parameters and outputs, each with "
			         "optional numeric factors: 2 * a - b)", t.text,
			         t.cut ? "..." : "");
			return -1;
		}
		sign = t.kind == TK_MINUS ? -1 : 1;
		after = t.kind == TK_MINUS ? "-" : "+";
	}
}

/* a term's value at this point; *none set where an output it reads has
** no value there (rl_sweep_point_output: NaN) */
static double term_output(const rl_term *t, int status, const rl_result *r,
                          int *none)
{
	double v = rl_sweep_point_output(t->output, status, r);
	if (isnan(v))
		*none = 1;
	return v;
}

double rl_linsum_value(const rl_linsum *s, const rl_config *cfg, int status,
                       const rl_result *r, int *none)
{
	double sum = 0;
	size_t i;
	for (i = 0; i < s->nterms; i++) {
		const rl_term *t = &s->terms[i];
		if (t->param)
			sum += t->coef * rl_param_get(cfg, t->param);
		else if (t->output)
			sum += t->coef * term_output(t, status, r, none);
		else
			sum += t->coef;
	}
	return sum;
}

long double rl_linsum_value_wide(const rl_linsum *s, const rl_config *cfg,
                                 int status, const rl_result *r, int *none)
{
	long double sum = 0;
	size_t i;
	for (i = 0; i < s->nterms; i++) {
		const rl_term *t = &s->terms[i];
		if (t->param)
			sum += (long double)t->coef * rl_param_get(cfg, t->param);
		else if (t->output)
			sum += (long double)t->coef *
			       term_output(t, status, r, none);
		else
			sum += t->coef;
	}
	return sum;
}
