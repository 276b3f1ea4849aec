/*
** profileout.c: a fitted serving profile written as an INI file
** (profileout.h): the start file's comments carried over as each key's
** source, fitted keys marked with their bounds and prior.
*/
#include "profileout.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../config/ini.h"
#include "../config/memout.h"
#include "../config/meta.h"
#include "../config/presets.h"
#include "../config/setup.h"
#include "../config/tmpfile.h"
#include "../model/utf8.h"

/* The comment after `key =` in the starting profile, to carry sources:
** the text after the line's first ';' (spaces after it and the line end
** cut), "" when the key has no comment or is not there, all of it
** however long (whole lines, so that the rest of a long line is never
** read as a line of its own).  Allocated (the caller frees); NULL when
** out of memory. */
static char *key_comment(const char *path, const char *key)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *out = NULL;
	size_t cap = 0, kl = strlen(key);
	if (!f)
		return calloc(1, 1);
	while (getline(&line, &cap, f) != -1) {
		char *p = line, *c;
		size_t l;
		while (isspace((unsigned char)*p))
			p++;
		if (strncmp(p, key, kl) || (p[kl] != ' ' && p[kl] != '='))
			continue;
		c = strchr(p, ';');
		if (!c)
			break;
		c++;
		while (*c == ' ')
			c++;
		l = strlen(c);
		while (l && (c[l - 1] == '\n' || c[l - 1] == '\r'))
			l--;
		if ((out = malloc(l + 1))) {
			memcpy(out, c, l);
			out[l] = '\0';
		}
		free(line);
		fclose(f);
		return out;
	}
	free(line);
	fclose(f);
	return calloc(1, 1);
}

/* The carried comment of a key fitted again, less the clause an earlier
** calibrate wrote at its head ("fitted", "fitted in [5, 20], ON ITS lower
** BOUND", "fitted ON ITS upper BOUND of the parameter's range [0.001, 1]",
** "fitted prior 1 +- 0.1": put_profile's and fit_comment's forms, which
** hold no ';'), up to its "; ": it described that fit's value, not this
** one's (a refit to 1e-59 read "fitted; fitted in [5, 20], ON ITS lower
** BOUND; range 5-20 us", a refit of trtllm-0.10 "fitted; fitted; start
** value").  Other text that begins with the word ("fitted to the H100's
** serving GEMM shapes ...") is a source, and kept. */
static const char *past_fit_clause(const char *src)
{
	static const char *const after[] = {"in [", "ON ITS ", "prior "};
	const char *p;
	size_t i;
	if (strncmp(src, "fitted", 6))
		return src;
	p = src + 6;
	if (*p == ' ') {
		for (i = 0; i < sizeof after / sizeof after[0]; i++)
			if (!strncmp(p + 1, after[i], strlen(after[i])))
				break;
		if (i == sizeof after / sizeof after[0])
			return src;
	} else if (*p != ';' && *p != '\0') {
		return src;
	}
	p = strchr(p, ';');
	if (!p)
		return src + strlen(src);
	for (p++; *p == ' '; p++)
		;
	return p;
}

/* len bytes of src written to f, control characters (a line end would
** end the comment or the value early) and, in a value (value != 0), the
** comment marks ';' and '#' as spaces */
static void put_text(FILE *f, const char *src, size_t len, int value)
{
	for (; len--; src++) {
		unsigned char ch = (unsigned char)*src;
		int bad = ch < 0x20 || ch == 0x7f ||
		          (value && (ch == ';' || ch == '#'));
		fputc(bad ? ' ' : ch, f);
	}
}

/* Is every line of text (len bytes) one the INI reader takes back
** (INI_LINE_MAX characters at most)?  1, or 0 with the first longer line
** named in err: the key it sets, or the header. */
static int lines_fit(const char *text, size_t len, const char *out,
                     const char *start_path, char *err, size_t errlen)
{
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (l > INI_LINE_MAX) {
			size_t kl = strcspn(p, " =;\n");
			char size[64];
			rl_utf8_bytes(p, l, size, sizeof size);
			if (*p == ';')
				snprintf(err, errlen, "cannot write %s: a header line "
				         "of %s (the fit's summary with "
				         "--measurements, --software and --version, or "
				         "the start file's path %s), longer than the %d "
				         "bytes a profile line may have", out, size,
				         start_path, INI_LINE_MAX);
			else
				snprintf(err, errlen, "cannot write %s: the line of "
				         "'%.*s' would be %s (with its comment "
				         "from %s), longer than the %d bytes a "
				         "profile line may have: shorten that comment or "
				         "--software", out, (int)kl, p, size, start_path,
				         INI_LINE_MAX);
			return 0;
		}
		p += l + 1;
	}
	return 1;
}

const char *profileout_value(double v, char *buf, size_t len)
{
	snprintf(buf, len, "%.10g", v);
	return buf;
}

/* The profile's text into f (see profileout_write): 0, or -1 when out of
** memory. */
static int put_profile(FILE *f, const char *out, const char *start_path,
                       const char *software, const rl_setup *st,
                       const rl_param *const *fit, size_t nfit,
                       char (*fit_com)[256], const char *meta,
                       const char *summary)
{
	size_t n, i, k, nl;
	const rl_param *t = rl_params(&n);
	time_t now = time(NULL);
	char date[32];
	const char *name;
	/* the profile's name: the output's file name less its .ini, whole
	** (preset_stem, the name it loads by) */
	nl = preset_stem(out, &name);
	strftime(date, sizeof date, "%Y-%m-%d", gmtime(&now));
	fputs("; ", f);
	put_text(f, name, nl, 0);
	fprintf(f, ": serving profile written by `rooflab calibrate` on %s.\n; ",
	        date);
	put_text(f, summary, strlen(summary), 0);
	fputs("\n; Keys marked 'fitted' came out of the fit, inside the range "
	      "given; the others\n; were kept from ", f);
	put_text(f, start_path, strlen(start_path), 0);
	fputs(" with their sources.\n[meta]\nname = ", f);
	put_text(f, name, nl, 1);
	fputc('\n', f);
	if (software) {
		fputs("software = ", f);
		put_text(f, software, strlen(software), 1);
		fputc('\n', f);
	}
	fprintf(f, "%scalibrated = %s\n\n[profile]\n", meta ? meta : "", date);
	for (i = 0; i < n; i++) {
		char val[64], *src;
		int fitted = 0;
		size_t which = 0;
		if (strcmp(t[i].section, "profile"))
			continue;
		for (k = 0; k < nfit; k++)
			if (fit[k] == &t[i]) {
				fitted = 1;
				which = k;
			}
		/* the file's numbers to 10 digits, as profiles have been
		** written and fitted (the scripts regenerate them; not
		** rl_param_format's display digits) */
		if (t[i].choices)
			rl_param_format(&t[i], rl_param_get(&st->cfg, &t[i]), val,
			                sizeof val);
		else
			profileout_value(rl_param_get(&st->cfg, &t[i]), val,
			                 sizeof val);
		if (!(src = key_comment(start_path, t[i].key)))
			return -1;
		fprintf(f, "%s = %s", t[i].key, val);
		if (fitted) {
			const char *s = past_fit_clause(src);
			fprintf(f, "   ; fitted%s%s%s%s",
			        fit_com && fit_com[which][0] ? " " : "",
			        fit_com ? fit_com[which] : "", s[0] ? "; " : "", s);
		} else if (src[0]) {
			fprintf(f, "   ; %s", src);
		}
		fputc('\n', f);
		free(src);
	}
	return 0;
}

int profileout_write(const char *out, const char *start_path,
                     const char *software, const rl_setup *st,
                     const rl_param *const *fit, size_t nfit,
                     char (*fit_com)[256], const char *meta,
                     const char *summary, char *err, size_t errlen)
{
	char tmp[1100], *text = NULL;
	size_t len = 0;
	rl_memout mo;
	/* not open_memstream: it could drop bytes and say nothing, a
	** profile written with a key cut (memout.h) */
	FILE *f, *m = rl_memout_open(&mo);
	int status, bad;
	/* composed in memory first: a line the reader would refuse is
	** refused here, before anything is written */
	if (!m) {
		snprintf(err, errlen, "cannot write %s: out of memory", out);
		return RL_EINTERNAL;
	}
	/* the [meta] software the loader takes back (config/meta.h), where a
	** longer one was written and the profile then refused everywhere */
	if (software && strlen(software) >= rl_meta_cap("profile", "software")) {
		rl_memout_close(m, &mo, &text, &len);
		free(text);
		snprintf(err, errlen, "cannot write %s: --software is %zu bytes; "
		         "a profile's [meta] software takes at most %zu bytes", out,
		         strlen(software), rl_meta_cap("profile", "software") - 1);
		return RL_EINPUT;
	}
	bad = put_profile(m, out, start_path, software, st, fit, nfit, fit_com,
	                  meta, summary) != 0;
	if (rl_memout_close(m, &mo, &text, &len) != 0 || bad) {
		free(text);
		snprintf(err, errlen, "cannot write %s: out of memory", out);
		return RL_EINTERNAL;
	}
	if (!lines_fit(text, len, out, start_path, err, errlen)) {
		free(text);
		return RL_EINPUT;
	}
	if (!(f = rl_out_open(out, tmp, sizeof tmp, &status, err, errlen))) {
		free(text);
		return status;
	}
	fwrite(text, 1, len, f);
	free(text);
	return rl_out_commit(f, tmp, out, err, errlen);
}
