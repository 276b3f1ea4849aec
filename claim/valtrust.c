/*
** valtrust.c: how far to trust the model on a chip it was not fitted on,
** in one sentence (valtrust.h).
*/
#include "valtrust.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/measure.h"
#include "../config/presetcache.h"
#include "../config/presets.h"
#include "../config/profiles.h"
#include "../config/profileloo.h"
#include "../config/setup.h"
#include "../model/status.h"
#include "valversions.h"

/* The leave-out errors of the profiles of rows v[n], as validate's listing
** reads them: over the leave-one-architecture-out ones, how many and the
** least and greatest median and 90th percentile; the profiles fitted
** with another leave-out, and base (where its rows are among v), named
** apart with their own figures (other[], at most TRUST_OTHERS; base's
** own among them whatever their number, the rest counted). */
#define TRUST_OTHERS 4
typedef struct {
	size_t n;
	double med_lo, med_hi, p90_lo, p90_hi;
	/* the profiles whose fit left a row or a model name out, not an
	** architecture (trtllm-0.10: too few architectures), and base where
	** it is an architecture one: each named with its own figures, the
	** first TRUST_OTHERS and base (one more place), the rest counted in
	** nmore and said to be there */
	size_t nother, nmore;
	char other[TRUST_OTHERS + 1][RL_NAME_MAX];
	double om[TRUST_OTHERS + 1], op[TRUST_OTHERS + 1];
	int okind[TRUST_OTHERS + 1];
} loo_span;

/* 1 when v[i]'s profile is the first row's of its name: each profile
** read once, however many (seen[*ns], grown as needed, holds the index of
** each name's first row); -1 when out of memory. */
static int first_of_name(const val_row *v, size_t i, size_t **seen,
                         size_t *ns, size_t *cap)
{
	size_t j;
	for (j = 0; j < *ns; j++)
		if (!strcmp(v[(*seen)[j]].profile, v[i].profile))
			return 0;
	if (*ns == *cap) {
		size_t c = *cap ? 2 * *cap : 16, *ns2 = realloc(*seen,
		                                                c * sizeof *ns2);
		if (!ns2)
			return -1;
		*seen = ns2;
		*cap = c;
	}
	(*seen)[(*ns)++] = i;
	return 1;
}

static int read_spans(const val_row *v, size_t n, const char *base,
                      loo_span *s, char *err, size_t errlen)
{
	char path[1024], e[1024];
	size_t *seen = NULL, ns = 0, cap = 0, i, j;
	/* the baseline's place, where it took one: not one of the
	** TRUST_OTHERS, whichever row it is read at */
	size_t base_named = 0;
	memset(s, 0, sizeof *s);
	for (i = 0; i < n; i++) {
		profile_loo m;
		double med, p90;
		int rc, isbase;
		if (!v[i].profile[0])
			continue;
		if ((rc = first_of_name(v, i, &seen, &ns, &cap)) <= 0) {
			if (!rc)
				continue;
			free(seen);
			snprintf(err, errlen, "out of memory");
			return RL_EINTERNAL;
		}
		if (preset_path("profile", v[i].profile, path, sizeof path, e,
		                sizeof e))
			continue;
		if ((rc = profile_loo_read(path, &m, e, sizeof e))) {
			if (rc == RL_EINTERNAL) {
				free(seen);
				snprintf(err, errlen, "%s", e);
				return RL_EINTERNAL;
			}
			continue; /* validate's listing says why */
		}
		if (!profile_loo_figures(&m, &med, &p90))
			continue;
		isbase = base && !strcmp(base, v[i].profile);
		if (m.kind != PROFILE_LOO_ARCH && !isbase &&
		    s->nother - base_named >= TRUST_OTHERS)
			s->nmore++;
		else if (m.kind != PROFILE_LOO_ARCH || isbase) {
			base_named += isbase;
			j = s->nother++;
			snprintf(s->other[j], RL_NAME_MAX, "%s", v[i].profile);
			s->om[j] = med;
			s->op[j] = p90;
			s->okind[j] = m.kind;
		}
		if (m.kind != PROFILE_LOO_ARCH)
			continue;
		if (!s->n++) {
			s->med_lo = s->med_hi = med;
			s->p90_lo = s->p90_hi = p90;
			continue;
		}
		s->med_lo = fmin(s->med_lo, med);
		s->med_hi = fmax(s->med_hi, med);
		s->p90_lo = fmin(s->p90_lo, p90);
		s->p90_hi = fmax(s->p90_hi, p90);
	}
	free(seen);
	return RL_OK;
}

/* "2.2-5.6%", or one figure where both ends print alike (one profile's
** span: "4.9%", where it read "4.9-4.9%") */
static const char *span_text(char *buf, size_t len, double lo, double hi)
{
	char a[24], b[24];
	snprintf(a, sizeof a, "%.1f", 100 * lo);
	snprintf(b, sizeof b, "%.1f", 100 * hi);
	if (!strcmp(a, b))
		snprintf(buf, len, "%s%%", a);
	else
		snprintf(buf, len, "%s-%s%%", a, b);
	return buf;
}

/* how a named profile's figures were taken, in plain words: the rows
** left out of its fit, one at a time, to be predicted (its [meta] kind:
** leave-one-row-out, -model-out or -architecture-out) */
static const char *kind_words(int kind)
{
	return kind == PROFILE_LOO_ROW     ? "leaving out one row at a time"
	       : kind == PROFILE_LOO_MODEL ? "leaving out one model at a time"
	                                   : "leaving out one model family at "
	                                     "a time";
}

int val_trust_words(const val_row *v, size_t n, const char *base,
                    char *buf, size_t len, char *err, size_t errlen)
{
	loo_span s;
	size_t k = 0, i, oos, micro = 0, serving = 0;
	double med, p90;
	int rc, besides = 0;
	if (len)
		buf[0] = '\0';
	if ((rc = read_spans(v, n, base && base[0] ? base : NULL, &s, err,
	                     errlen)))
		return rc;
#define PUT(...)                                                            \
	do {                                                                    \
		if (k < len)                                                        \
			k += (size_t)snprintf(buf + k, len - k, __VA_ARGS__);           \
	} while (0)
	/* plain words for an investor (ux28): the median error and the
	** error 90% of rows stay within, first on model families each fit
	** never saw (leave-one-architecture-out), then the profiles fitted
	** another way, the rows of a version borrowing another's profile,
	** and the chips no fit saw; the earlier "the model off its fit
	** (median / 90th percentile |error|): leave-one-architecture-out"
	** read as jargon */
	PUT("how far off the model is (median error / 90%% of rows within): ");
	if (s.n) {
		char m[64], p[64];
		PUT("%s / %s on model families each fit never saw, over %zu "
		    "software version%s",
		    span_text(m, sizeof m, s.med_lo, s.med_hi),
		    span_text(p, sizeof p, s.p90_lo, s.p90_hi), s.n,
		    s.n == 1 ? "" : "s");
	} else
		PUT("no profile records its error on model families its fit never "
		    "saw");
	/* "besides them" before the first named profile not among the s.n
	** counted: "over 12 software versions (trtllm-0.10, ...)" read as
	** 0.10 one of the 12, the README's table 13 profiles (ux32); a
	** baseline scored on model families is one of them, named again for
	** its own figures, and takes none */
	for (i = 0; i < s.nother; i++)
		PUT("%s%s%s%s: %.1f%% / %.1f%%, %s", i ? "; " : " (",
		    s.n && s.okind[i] != PROFILE_LOO_ARCH && !besides++
		        ? "besides them, " : "", s.other[i],
		    base && !strcmp(base, s.other[i]) ? ", the baseline" : "",
		    100 * s.om[i], 100 * s.op[i], kind_words(s.okind[i]));
	if (s.nmore)
		PUT("; %zu more profile%s scored another way, not named", s.nmore,
		    s.nmore == 1 ? "" : "s");
	if (s.nother)
		PUT(")");
	oos = val_summary(v, n, VAL_SET_BIT(VAL_SET_OUT_OF_SAMPLE), &med, &p90);
	if (oos)
		PUT("; %.1f%% / %.1f%% on %zu row%s whose software version borrows "
		    "another's profile", 100 * med, 100 * p90, oos,
		    oos == 1 ? "" : "s");
	for (i = 0; i < n; i++) {
		if (v[i].status != VAL_OK ||
		    val_set_of(&v[i]) != VAL_SET_HELD_OUT)
			continue;
		if (meas_micro(v[i].row))
			micro++;
		else
			serving++;
	}
	if (!micro && !serving)
		PUT("; on chips no fit saw: no row");
	else if (!serving)
		PUT("; on chips no fit saw: %zu microbenchmark row%s, no serving "
		    "row", micro, micro == 1 ? "" : "s");
	else
		PUT("; on chips no fit saw: %zu serving row%s, %zu "
		    "microbenchmark%s", serving, serving == 1 ? "" : "s", micro,
		    micro == 1 ? "" : "s");
#undef PUT
	return RL_OK;
}

int val_trust_shipped_of(val_shipped *sh, const char *base, char *buf,
                         size_t len, char *err, size_t errlen)
{
	int rc;
	if (len)
		buf[0] = '\0';
	/* the presets, labels and setups of both files' rows, each resolved
	** once (presetcache.h), as validate resolves them: the same rows,
	** read per row before (about 6,000 preset files opened a claim) */
	if ((rc = val_shipped_evaluated(sh, err, errlen)) == RL_OK)
		rc = val_trust_words(sh->v, sh->n, base, buf, len, err, errlen);
	if (rc != RL_OK && len)
		buf[0] = '\0';
	return rc;
}

int val_trust_shipped(const char *base, char *buf, size_t len, char *err,
                      size_t errlen)
{
	val_shipped sh;
	int rc;
	memset(&sh, 0, sizeof sh);
	rc = val_trust_shipped_of(&sh, base, buf, len, err, errlen);
	val_shipped_free(&sh);
	return rc;
}

int val_trust_chip_of(val_shipped *sh, const char *profile,
                      const char *profile_file, const char *chip,
                      val_chip_fit *f, char *err, size_t errlen)
{
	char here[RL_NAME_MAX], fitted[RL_NAME_MAX];
	const val_versions *vt;
	size_t i, k;
	int rc = RL_OK;
	memset(f, 0, sizeof *f);
	snprintf(f->profile, sizeof f->profile, "%s", profile);
	snprintf(f->chip, sizeof f->chip, "%s", chip);
	if ((rc = profile_fit_of(profile, profile_file, fitted, err, errlen)))
		return rc;
	if (!fitted[0])
		return RL_OK; /* not a shipped profile's figures */
	/* the name as the setup records it (a file's already less .ini):
	** taking .ini off again read a file h100-sxm.ini.ini, the chip
	** h100-sxm.ini, as the H100 (fuzz6) */
	snprintf(here, sizeof here, "%s", chip);
	if ((rc = val_shipped_versions(sh, &vt, err, errlen)))
		return rc;
	/* the chip whose rows fitted it: a row of the table naming the
	** profile, fitted on its own version's rows */
	for (i = 0; i < vt->n; i++)
		if (!strcmp(vt->v[i].profile, fitted) &&
		    !vt->v[i].fitted_version[0] && vt->v[i].fitted_chip[0]) {
			snprintf(f->fitted_chip, sizeof f->fitted_chip, "%s",
			         vt->v[i].fitted_chip);
			break;
		}
	if (!f->fitted_chip[0])
		return RL_OK; /* no fitted profile: nothing carried */
	/* its fit rows: serving rows whose version the table serves with it
	** (not borrowed from another version), on the chip it was fitted on,
	** as validate's in-sample rows (claim/validation.c); both files'
	** rows read once a command (valshipped.h) */
	if ((rc = val_shipped_rows(sh, err, errlen)) != RL_OK) {
		f->fitted_chip[0] = '\0';
		return rc;
	}
	for (k = 0; k < 2; k++)
		for (i = 0; i < sh->sets[k].n; i++) {
			const meas_row *m = &sh->sets[k].rows[i];
			const val_version *v = val_version_for(vt, m->software,
			                                       m->version, m->model);
			if (!v || strcmp(v->profile, fitted) || v->fitted_version[0] ||
			    strcmp(m->chip, v->fitted_chip) || meas_micro(m))
				continue;
			f->fit_rows++;
			f->fit_rows_here += !strcmp(m->chip, here);
		}
	if (!strcmp(f->fitted_chip, here))
		return RL_OK;
	f->carried = 1;
	{
		/* a copy under another name: whose figures they are */
		char copy[RL_NAME_MAX + 32] = "";
		if (strcmp(fitted, profile))
			snprintf(copy, sizeof copy, " (the figures of %s)", fitted);
		snprintf(f->words, sizeof f->words,
		         "profile %s%s was fitted on %s rows only (%zu serving row%s "
		         "of its version there, %zu on %s): its figures here are "
		         "carried from another chip, not validated on this one",
		         profile, copy, f->fitted_chip, f->fit_rows,
		         f->fit_rows == 1 ? "" : "s", f->fit_rows_here, here);
	}
	return RL_OK;
}

int val_trust_chip(const char *profile, const char *profile_file,
                   const char *chip, val_chip_fit *f, char *err,
                   size_t errlen)
{
	val_shipped sh;
	int rc;
	memset(&sh, 0, sizeof sh);
	rc = val_trust_chip_of(&sh, profile, profile_file, chip, f, err,
	                       errlen);
	val_shipped_free(&sh);
	return rc;
}
