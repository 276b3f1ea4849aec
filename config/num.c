/*
** num.c: reading a number from text (num.h).
*/
#include "num.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/numtext.h"
#include "../model/utf8.h"

/* x as a parameter's range gives its ends (model/numtext.h): a whole
** number in all its digits (100000000, where %g wrote 1e+08), any other
** in the fewest digits that read back as x */
static void fmt(char *buf, size_t len, double x)
{
	rl_number_write(x, buf, len);
}

void num_range_text(const num_range *r, char *buf, size_t len)
{
	const char *kind = r->flags & NUM_WHOLE ? "a whole number" : "a number";
	char lo[40], hi[40];
	int open = (r->flags & NUM_LO_OPEN) != 0;
	fmt(lo, sizeof lo, r->lo);
	fmt(hi, sizeof hi, r->hi);
	if (isinf(r->lo) && isinf(r->hi))
		snprintf(buf, len, "%s", kind);
	else if (isinf(r->hi) && r->lo == 0 && open && !(r->flags & NUM_INF))
		snprintf(buf, len, "a positive %s", kind + 2);
	else if (isinf(r->hi))
		snprintf(buf, len, "%s %s %s%s", kind, open ? ">" : ">=", lo,
		         r->flags & NUM_INF ? ", or inf" : "");
	else
		snprintf(buf, len, "%s in %s%s, %s]", kind, open ? "(" : "[", lo,
		         hi);
}

int num_text(const char *v, double *out)
{
	double x;
	if (!rl_number_text(v, &x) || errno || !isfinite(x))
		return -1;
	*out = x;
	return 0;
}

size_t num_span(const char *s, size_t n, double *out)
{
	char buf[32];
	if (n == 0 || n >= sizeof buf)
		return 0;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return num_text(buf, out) == 0 ? n : 0;
}

size_t num_lead(const char *s, double *out)
{
	return num_span(s, strspn(s, "0123456789."), out);
}

int num_read(const char *what, const char *v, const num_range *r,
             double *out, char *err, size_t errlen)
{
	double x;
	int text = rl_number_text(v, &x), under = text && isfinite(x) &&
	                                             errno == ERANGE;
	int inside = text &&
	             ((r->flags & NUM_LO_OPEN) ? x > r->lo : x >= r->lo) &&
	             x <= r->hi;
	int ok = text && !isnan(x) &&
	         (isfinite(x) ? errno == 0 : (r->flags & NUM_INF) && x > 0) &&
	         inside &&
	         (!(r->flags & NUM_WHOLE) || !isfinite(x) || x == floor(x));
	/* a finite number held as written (no underflow) beyond an end */
	int outside = text && isfinite(x) && errno == 0 && !inside;
	if (!ok) {
		char range[160], text[200];
		num_range_text(r, range, sizeof range);
		/* a text of more than RL_UTF8_QUOTE_MAX bytes is quoted cut at
		** a whole character, with its size: quoted whole, a value of
		** thousands of bytes filled the message and lost the range */
		rl_utf8_quote(v, RL_UTF8_QUOTE_MAX, text, sizeof text);
		/* a number in the range's figures but too small for a normal
		** double (4.9e-324 in (0, 100]): say why it is refused */
		if (under) {
			size_t used = strlen(range);
			snprintf(range + used, sizeof range - used, "; a number "
			         "nearer 0 than 2.2250738585072014e-308 (the "
			         "smallest normal double) is refused");
		}
		/* a number the range leaves out ('0' in [1, 64]) is said to be
		** outside it, where "'0' is not a number in [1, 64]" read as if
		** 0 were no number; "is not" stays for a text that is no
		** number (or not a whole one inside the range, or one a double
		** cannot hold) */
		if (outside && r->noun)
			snprintf(err, errlen, "%s: %s is outside the allowed range "
			         "of %s (%s)", what, text, r->noun, range);
		else if (outside)
			snprintf(err, errlen, "%s: %s is outside the allowed range "
			         "(%s)", what, text, range);
		else if (r->noun)
			snprintf(err, errlen, "%s: %s is not %s (%s)", what, text,
			         r->noun, range);
		else
			snprintf(err, errlen, "%s: %s is not %s", what, text, range);
		return -1;
	}
	*out = x;
	return 0;
}

int num_parse(const char *what, const char *v, double lo, double hi,
              double *out, char *err, size_t errlen)
{
	num_range r = {lo, hi, 0, NULL};
	return num_read(what, v, &r, out, err, errlen);
}

int num_whole(const char *what, const char *v, double lo, double hi,
              double *out, char *err, size_t errlen)
{
	num_range r = {lo, hi, NUM_WHOLE, NULL};
	return num_read(what, v, &r, out, err, errlen);
}
