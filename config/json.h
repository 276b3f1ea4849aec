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
} json_w;

void json_begin(json_w *w, FILE *f);          /* the top-level object */
void json_finish(json_w *w);                  /* closes all, newline */
void json_obj(json_w *w, const char *key);    /* key NULL inside arrays */
void json_arr(json_w *w, const char *key);
void json_end(json_w *w);
void json_num(json_w *w, const char *key, double v);
void json_str(json_w *w, const char *key, const char *s);
void json_bool(json_w *w, const char *key, int v);
void json_null(json_w *w, const char *key);

#endif
