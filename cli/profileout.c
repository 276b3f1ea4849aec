/*
** profileout.c: a fitted serving profile written as an INI file
** (profileout.h): the start file's comments carried over as each key's
** source, fitted keys marked with their bounds and prior.
*/
#include "profileout.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../config/tmpfile.h"

/* The comment after `key =` in the starting profile, to carry sources. */
static void key_comment(const char *path, const char *key, char *out,
                        size_t len)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	size_t kl = strlen(key);
	out[0] = '\0';
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		char *p = line, *c;
		while (isspace((unsigned char)*p))
			p++;
		if (strncmp(p, key, kl) || (p[kl] != ' ' && p[kl] != '='))
			continue;
		c = strchr(p, ';');
		if (c) {
			size_t l;
			c++;
			while (*c == ' ')
				c++;
			snprintf(out, len, "%s", c);
			l = strlen(out);
			while (l && (out[l - 1] == '\n' || out[l - 1] == '\r'))
				out[--l] = '\0';
		}
		break;
	}
	fclose(f);
}

/* software as one INI value: control characters and comment marks
** become spaces */
static void ini_value(char *dst, size_t len, const char *src)
{
	size_t i;
	snprintf(dst, len, "%s", src ? src : "");
	for (i = 0; dst[i]; i++)
		if ((unsigned char)dst[i] < 0x20 || dst[i] == ';' ||
		    dst[i] == '#' || dst[i] == 0x7f)
			dst[i] = ' ';
}

int profileout_write(const char *out, const char *start_path,
                     const char *software, const rl_setup *st,
                     const rl_param *const *fit, size_t nfit,
                     char (*fit_com)[256], const char *meta,
                     const char *summary, char *err, size_t errlen)
{
	char sw[256];
	char tmp[1100];
	FILE *f;
	int status;
	size_t n, i, k;
	const rl_param *t = rl_params(&n);
	time_t now = time(NULL);
	char date[32], name[256];
	strftime(date, sizeof date, "%Y-%m-%d", gmtime(&now));
	ini_value(sw, sizeof sw, software);
	if (!(f = rl_out_open(out, tmp, sizeof tmp, &status, err, errlen)))
		return status;
	{
		const char *b = strrchr(out, '/');
		size_t l;
		snprintf(name, sizeof name, "%.200s", b ? b + 1 : out);
		l = strlen(name);
		if (l > 4 && !strcmp(name + l - 4, ".ini"))
			name[l - 4] = '\0';
	}
	fprintf(f, "; %s: serving profile written by `rooflab calibrate` on %s.\n"
	           "; %s\n; Keys marked 'fitted' came out of the fit, inside the "
	           "range given; the others\n; were kept from %s with their "
	           "sources.\n[meta]\nname = %s\n"
	           "%s%s%s%scalibrated = %s\n\n[profile]\n",
	        name, date, summary, start_path, name,
	        software ? "software = " : "", sw, software ? "\n" : "",
	        meta ? meta : "", date);
	for (i = 0; i < n; i++) {
		char val[64], com[512];
		int fitted = 0;
		size_t which = 0;
		if (strcmp(t[i].section, "profile"))
			continue;
		for (k = 0; k < nfit; k++)
			if (fit[k] == &t[i]) {
				fitted = 1;
				which = k;
			}
		rl_param_format(&t[i], rl_param_get(&st->cfg, &t[i]), val,
		                sizeof val);
		if (fitted) {
			char src[300];
			key_comment(start_path, t[i].key, src, sizeof src);
			snprintf(com, sizeof com, "fitted%s%s%s%s",
			         fit_com && fit_com[which][0] ? " " : "",
			         fit_com ? fit_com[which] : "", src[0] ? "; " : "",
			         src);
		} else
			key_comment(start_path, t[i].key, com, sizeof com);
		fprintf(f, "%s = %s%s%s\n", t[i].key, val, com[0] ? "   ; " : "",
		        com);
	}
	return rl_out_commit(f, tmp, out, err, errlen);
}
