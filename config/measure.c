/*
** measure.c: reading data/measurements.csv (measure.h).
*/
#include "measure.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/calibrate.h"

enum { C_ID, C_CHIPS, C_CHIP, C_MODEL, C_PREC, C_ISL, C_OSL, C_TP, C_SW,
       C_METRIC, C_VALUE, C_SOURCE, C_COUNT };
static const char *const col_names[C_COUNT] = {
    "id", "chips", "chip", "model", "precision", "isl", "osl", "tp",
    "software", "metric", "value", "source"};

#define MAX_COLS 32

/* Split one CSV line (RFC 4180 quotes) in place; returns the field count
** or -1 for an unterminated quote. */
static int split(char *line, char **fields, int max)
{
	int n = 0;
	char *p = line, *out;
	while (n < max) {
		fields[n++] = out = p;
		if (*p == '"') {
			p++;
			for (;;) {
				if (!*p)
					return -1;
				if (*p == '"' && p[1] == '"') {
					*out++ = '"';
					p += 2;
				} else if (*p == '"') {
					p++;
					break;
				} else {
					*out++ = *p++;
				}
			}
			while (*p && *p != ',')
				p++;
		} else {
			while (*p && *p != ',')
				*out++ = *p++;
		}
		if (*p != ',') {
			*out = '\0';
			break;
		}
		p++;
		*out = '\0';
	}
	return n;
}

static int whole(const char *s, double *v)
{
	char *end;
	errno = 0;
	*v = strtod(s, &end);
	return end != s && *end == '\0' && errno == 0 && isfinite(*v) &&
	       *v == floor(*v) && *v >= 1;
}

static void copy(char *dst, const char *src)
{
	snprintf(dst, MEAS_FIELD, "%s", src);
}

int meas_read(const char *path, meas_set *set, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char line[8192];
	int col[C_COUNT], lineno = 0, i;
	size_t cap = 0;
	memset(set, 0, sizeof *set);
	if (!f) {
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	for (i = 0; i < C_COUNT; i++)
		col[i] = -1;
	while (fgets(line, sizeof line, f)) {
		char *fields[MAX_COLS];
		int nf, k;
		size_t len = strlen(line);
		meas_row *r;
		double v;
		char *end;
		lineno++;
		if (len && line[len - 1] != '\n' && !feof(f)) {
			snprintf(err, errlen, "%s:%d: line too long", path, lineno);
			goto fail;
		}
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (!len)
			continue;
		nf = split(line, fields, MAX_COLS);
		if (nf < 0) {
			snprintf(err, errlen, "%s:%d: unterminated quote", path,
			         lineno);
			goto fail;
		}
		if (col[C_ID] < 0) { /* the header */
			for (k = 0; k < nf; k++)
				for (i = 0; i < C_COUNT; i++)
					if (!strcmp(fields[k], col_names[i]))
						col[i] = k;
			for (i = 0; i < C_COUNT; i++)
				if (col[i] < 0) {
					snprintf(err, errlen,
					         "%s:%d: header lacks column '%s'", path,
					         lineno, col_names[i]);
					goto fail;
				}
			continue;
		}
		for (i = 0; i < C_COUNT; i++)
			if (col[i] >= nf) {
				snprintf(err, errlen, "%s:%d: %d fields, expected at "
				         "least %d", path, lineno, nf, col[i] + 1);
				goto fail;
			}
		if (set->n == cap) {
			size_t nc = cap ? 2 * cap : 32;
			meas_row *nr = realloc(set->rows, nc * sizeof *nr);
			if (!nr) {
				snprintf(err, errlen, "%s: out of memory", path);
				goto fail;
			}
			set->rows = nr;
			cap = nc;
		}
		r = &set->rows[set->n++];
		memset(r, 0, sizeof *r);
		r->line = lineno;
		copy(r->id, fields[col[C_ID]]);
		copy(r->chip, fields[col[C_CHIP]]);
		copy(r->model, fields[col[C_MODEL]]);
		copy(r->precision, fields[col[C_PREC]]);
		copy(r->software, fields[col[C_SW]]);
		copy(r->metric, fields[col[C_METRIC]]);
		copy(r->source, fields[col[C_SOURCE]]);
		errno = 0;
		v = strtod(fields[col[C_VALUE]], &end);
		if (end == fields[col[C_VALUE]] || *end || errno || !isfinite(v) ||
		    v <= 0) {
			snprintf(err, errlen, "%s:%d: value '%s' is not a positive "
			         "number", path, lineno, fields[col[C_VALUE]]);
			goto fail;
		}
		r->value = v;
		r->modelled = 1;
		if (strcmp(r->metric, "output_tokens_per_s") &&
		    strcmp(r->metric, "total_tokens_per_s")) {
			r->modelled = 0;
			snprintf(r->why_not, sizeof r->why_not,
			         "metric %.60s is a microbenchmark, not served tokens",
			         r->metric);
		} else if (!whole(fields[col[C_ISL]], &r->isl) ||
		           !whole(fields[col[C_OSL]], &r->osl)) {
			r->modelled = 0;
			snprintf(r->why_not, sizeof r->why_not,
			         "lengths are a distribution (isl '%.40s'), not "
			         "fixed", fields[col[C_ISL]]);
		} else if (!whole(fields[col[C_TP]], &r->tp) ||
		           !whole(fields[col[C_CHIPS]], &r->chips)) {
			r->modelled = 0;
			snprintf(r->why_not, sizeof r->why_not,
			         "tp '%.40s' is not a single whole number",
			         fields[col[C_TP]]);
		}
	}
	fclose(f);
	if (col[C_ID] < 0) {
		snprintf(err, errlen, "%s: empty file (no header)", path);
		meas_free(set);
		return -1;
	}
	return 0;
fail:
	fclose(f);
	meas_free(set);
	return -1;
}

void meas_free(meas_set *set)
{
	free(set->rows);
	set->rows = NULL;
	set->n = 0;
}

int meas_setup(const meas_row *row, const char *profile, rl_setup *st,
               char *err, size_t errlen)
{
	char num[32], msg[512];
	setup_init(st);
	if (setup_load(st, "profile", profile, err, errlen) ||
	    setup_load(st, "chip", row->chip, err, errlen) ||
	    setup_load(st, "model", row->model, err, errlen))
		return -1;
	if (setup_set_key(st, "scenario", "precision", row->precision, msg,
	                  sizeof msg)) {
		snprintf(err, errlen, "%s", msg);
		return -1;
	}
#define SETN(key, v)                                                      \
	do {                                                                  \
		snprintf(num, sizeof num, "%.0f", (v));                           \
		if (setup_set_key(st, "scenario", key, num, msg, sizeof msg)) {   \
			snprintf(err, errlen, "%s", msg);                             \
			return -1;                                                    \
		}                                                                 \
	} while (0)
	SETN("isl", row->isl);
	SETN("osl", row->osl);
	SETN("tp", row->tp);
	SETN("chips", row->chips);
#undef SETN
	return 0;
}

int meas_metric(const meas_row *row)
{
	return strcmp(row->metric, "total_tokens_per_s") ? RL_METRIC_OUTPUT_TPS
	                                                 : RL_METRIC_TOTAL_TPS;
}
