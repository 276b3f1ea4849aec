/*
** num.h: a number read from text, whole or not, within a range: the one
** number parser of the program and its one message, "WHAT: 'TEXT' is not
** a number in [LO, HI]" (a whole number, a positive number, NOUN (...)),
** or for a number beyond an end "WHAT: 'TEXT' is outside the allowed range
** (a number in [LO, HI])".
** A number is the whole of its text: decimal, no blank before or after it
** (" 80" and "80 " are refused alike; INI values and sweep list items are
** trimmed by their own syntax before they get here).  num_span and
** num_lead read by the same rule a number that is part of a text (the "80"
** of a label's "80GB", the "8192" of a setting's "8192,").
*/
#ifndef RL_NUM_H
#define RL_NUM_H

#include <stddef.h>

enum {
	NUM_WHOLE = 1,   /* an integer value */
	NUM_LO_OPEN = 2, /* lo itself is not allowed */
	NUM_INF = 4      /* "inf" is allowed (hi must then be INFINITY) */
};

/* The numbers a value may take.  noun, when set, says what the number is
** ("a run id"): the message becomes "is not NOUN (a whole number ...)". */
typedef struct {
	double lo, hi;
	unsigned flags;
	const char *noun;
} num_range;

/* The whole of v as a number allowed by r into *out: 0, or -1 with
** "WHAT: 'V' is not ..." in err; V cut past RL_UTF8_QUOTE_MAX bytes
** (model/utf8.h: "'999...' (5000 bytes) is not ..."), so that the range
** is always said. */
int num_read(const char *what, const char *v, const num_range *r,
             double *out, char *err, size_t errlen);

/* The allowed values in words: "a number in [1, 64]", "a whole number
** >= 1", "a number > 0, or inf", "a positive number", "a number". */
void num_range_text(const num_range *r, char *buf, size_t len);

/* num_read with a closed range [lo, hi]. */
int num_parse(const char *what, const char *v, double lo, double hi,
              double *out, char *err, size_t errlen);
/* num_read of a whole number in [lo, hi]. */
int num_whole(const char *what, const char *v, double lo, double hi,
              double *out, char *err, size_t errlen);
/* The whole of v as a finite number, nothing else checked: 0 or -1. */
int num_text(const char *v, double *out);
/* The first n characters of s as a number (num_text) into *out: n, or 0
** when n is 0, too long or they are not a number. */
size_t num_span(const char *s, size_t n, double *out);
/* The number at the start of s (digits and points, nothing else) into
** *out: the characters it took, 0 when none or not a number ("80" of
** "80GB"). */
size_t num_lead(const char *s, double *out);

#endif
