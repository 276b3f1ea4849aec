/*
** fitlist.c: the --fit list of `rooflab calibrate` read into the
** parameters a fit takes, their bounds and priors (fitlist.h).
*/
#include "fitlist.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../config/commalist.h"
#include "../config/num.h"
#include "../model/calibrate.h"
#include "../model/numtext.h"
#include "../model/utf8.h"

/* what separates two names inside one item (ini_trim's isspace) */
#define BLANKS " \t\n\v\f\r"

#define FIT_FORM "NAME[=LOW:HIGH][~CENTRE/SIGMA] with LOW < HIGH, " \
                 "SIGMA > 0 and CENTRE inside the bounds"

/* "~centre/sigma" of --fit's item tok (cut off there) into c and s; 0 or
** -1 with the message. */
static int parse_prior(char *tok, double *c, double *s, char *err,
                       size_t errlen)
{
	char *tilde = strchr(tok, '~'), *slash;
	*c = *s = NAN;
	if (!tilde)
		return 0;
	*tilde = '\0';
	slash = strchr(tilde + 1, '/');
	if (slash)
		*slash = '\0';
	if (!slash || num_text(tilde + 1, c) || num_text(slash + 1, s) ||
	    !(*s > 0)) {
		if (slash)
			*slash = '/';
		snprintf(err, errlen, "--fit: '%s~%s': expected " FIT_FORM, tok,
		         tilde + 1);
		return -1;
	}
	return 0;
}

/* The names of the list in buf (list: its text, for the message) into
** name[] (*n of them, at most max): its items split at each comma by
** commalist_next (the rule of a sweep list and a claim side spec) and
** stripped of blanks, each item split again at blanks ("a b,c" is a, b
** and c), as --fit has always read it.  An empty item (only blanks before
** the first comma, between two or after the last) is refused: strtok
** skipped it, so that a parameter deleted by mistake left a shorter fit.
** A list of blanks alone is the empty list (*n 0).  0, or -1 with the
** message. */
static int split_names(char *buf, const char *list, char **name, size_t *n,
                       size_t max, char *err, size_t errlen)
{
	char *rest = buf, *item, *tok, *save = NULL;
	int nitem = 0;
	*n = 0;
	while ((item = commalist_next(&rest, 1))) {
		nitem++;
		if (!*item && !rest && nitem == 1)
			return 0; /* blanks alone, no comma */
		if (!*item) {
			snprintf(err, errlen, "--fit: '%s': an empty item (two commas, "
			         "or one at an end)", list);
			return -1;
		}
		for (tok = strtok_r(item, BLANKS, &save); tok;
		     tok = strtok_r(NULL, BLANKS, &save)) {
			if (*n == max) { /* not reached: 1023 characters at most */
				snprintf(err, errlen, "--fit: more than %zu names", max);
				return -1;
			}
			name[(*n)++] = tok;
		}
	}
	return 0;
}

int fitlist_parse(const char *list, const rl_param **fit, size_t *nfit,
                  double *lo, double *hi, double *centre, double *sigma,
                  char *err, size_t errlen)
{
	/* a list under 1024 characters has at most 512 names */
	char buf[1024], *name[512];
	size_t k, nname, i;
	*nfit = 0;
	if (strlen(list) >= sizeof buf) {
		char size[64];
		snprintf(err, errlen, "--fit: the list is %s; at most %zu bytes",
		         rl_utf8_bytes(list, strlen(list), size, sizeof size),
		         sizeof buf - 1);
		return -1;
	}
	snprintf(buf, sizeof buf, "%s", list);
	if (split_names(buf, list, name, &nname, sizeof name / sizeof *name,
	                err, errlen))
		return -1;
	for (i = 0; i < nname; i++) {
		char *tok = name[i];
		const char *key = strncmp(tok, "profile.", 8) ? tok : tok + 8;
		char *eq;
		const rl_param *p;
		double l = NAN, h = NAN, c, s;
		if (parse_prior(tok, &c, &s, err, errlen))
			return -1;
		eq = strchr(tok, '=');
		if (eq) {
			char bounds[256], *colon;
			*eq = '\0';
			snprintf(bounds, sizeof bounds, "%s", eq + 1);
			colon = strchr(bounds, ':');
			if (colon)
				*colon = '\0';
			if (!colon || num_text(bounds, &l) || num_text(colon + 1, &h) ||
			    !(l < h)) {
				snprintf(err, errlen, "--fit: '%s=%s': expected "
				         FIT_FORM, tok, eq + 1);
				return -1;
			}
		}
		p = rl_param_find("profile", key);
		if (!p || p->type != RL_PT_REAL) {
			snprintf(err, errlen, "--fit: '%s' is not a real-valued "
			         "profile parameter (rooflab params --section "
			         "profile)", tok);
			return -1;
		}
		for (k = 0; k < *nfit; k++)
			if (fit[k] == p) {
				snprintf(err, errlen, "--fit: %s is listed twice", key);
				return -1;
			}
		if (*nfit == RL_CALIB_MAX_PARAMS) {
			snprintf(err, errlen, "--fit: at most %d parameters",
			         RL_CALIB_MAX_PARAMS);
			return -1;
		}
		if (isfinite(l) && (l < p->min || h > p->max)) {
			char lt[32], ht[32], pmin[32], pmax[32];
			snprintf(err, errlen, "--fit: %s bounds %s:%s outside the "
			         "parameter's range %s:%s", key,
			         rl_number_write(l, lt, sizeof lt),
			         rl_number_write(h, ht, sizeof ht),
			         rl_number_write(p->min, pmin, sizeof pmin),
			         rl_number_write(p->max, pmax, sizeof pmax));
			return -1;
		}
		if (isfinite(c) &&
		    (isfinite(l) ? c < l || c > h : c < p->min || c > p->max)) {
			char ct[32], lt[32], ht[32];
			snprintf(err, errlen, "--fit: %s prior centre %s outside %s "
			         "%s:%s (expected " FIT_FORM ")", key,
			         rl_number_write(c, ct, sizeof ct),
			         isfinite(l) ? "its bounds" : "the parameter's range",
			         rl_number_write(isfinite(l) ? l : p->min, lt, sizeof lt),
			         rl_number_write(isfinite(l) ? h : p->max, ht,
			                         sizeof ht));
			return -1;
		}
		lo[*nfit] = l;
		hi[*nfit] = h;
		centre[*nfit] = c;
		sigma[*nfit] = s;
		fit[(*nfit)++] = p;
	}
	if (!*nfit) {
		snprintf(err, errlen, "--fit: empty list");
		return -1;
	}
	return 0;
}
