/*
** json.h: a streaming JSON writer (objects, arrays, numbers, strings).
** Non-finite numbers are written as null.
*/
#ifndef RL_JSON_H
#define RL_JSON_H

#include <stdio.h>

#define JSON_MAX_DEPTH 32

typedef struct {
	FILE *f;
	int depth;
	int count[JSON_MAX_DEPTH]; /* items written at each level */
	char close[JSON_MAX_DEPTH];
	int line; /* json_begin_line: the whole document on one line */
} json_w;

void json_begin(json_w *w, FILE *f);          /* the top-level object */
/* json_begin's object written on one line, items parted by ", " with no
** line break or indent (a string's line break is escaped as ever), so
** that json_finish's newline ends it: one line of JSON Lines */
void json_begin_line(json_w *w, FILE *f);
void json_finish(json_w *w);                  /* closes all, newline */
void json_obj(json_w *w, const char *key);    /* key NULL inside arrays */
void json_arr(json_w *w, const char *key);
void json_end(json_w *w);
void json_num(json_w *w, const char *key, double v);
void json_str(json_w *w, const char *key, const char *s);
void json_bool(json_w *w, const char *key, int v);
void json_null(json_w *w, const char *key);
/* v in the fewest significant digits, 15 to 17, that read back as v
** ("0.05", where %.17g gives "0.050000000000000003"; "0.30000000000000004"
** for 0.1 + 0.2), "inf", "-inf" or "nan" where not finite: a stored value
** written whole (json_num keeps 10 digits, for figures a reader reads). */
void json_exact_text(double v, char buf[32]);
/* json_exact_text's number (null where not finite), and a whole number as
** its digits: a database's values, which json_num would cut (a seed of
** 12345678901 came out 1.23456789e+10). */
void json_num_exact(json_w *w, const char *key, double v);
void json_int(json_w *w, const char *key, long long v);

#endif
