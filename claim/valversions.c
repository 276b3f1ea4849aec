/*
** valversions.c: the version table (valversions.h): reading it whole or
** refusing it, a software and version looked up exactly or loosely, the
** rows scoped to some models (column "models") and those whose profile was
** fitted on another version's rows (column "fitted_version"): which row
** serves a model of a version (val_version_for), and the checks of a
** table's rows (val_versions_check: those and a version given twice), each
** refusal naming file, line and column.
*/
#include "valversions.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/csvrows.h"
#include "../config/presets.h"
#include "../model/status.h"
#include "../model/utf8.h"

/* The checks of a table's scoped rows, fitted versions and versions
** given twice (two rows without models), after reading (below): 0, or -1
** with "path:line: column 'models': ..." (or 'fitted_version', 'version')
** in err. */
static int val_versions_check(const char *path, const val_versions *vt,
                              char *err, size_t errlen);

/* the columns every table has, then the optional ones (a table written
** before them reads as every row unscoped, fitted on its own rows) */
enum { V_SW, V_VERSION, V_PROFILE, V_TOKENS, V_CHIP, V_NOTE, V_COUNT,
       V_MODELS = V_COUNT, V_FITVER, V_ALL };
static const char *const vcols[V_ALL] = {
    "software", "version", "profile", "tokens_per_s", "fitted_chip",
    "note", "models", "fitted_version"};

/* The buffer of column i (V_*) in v and its size; NULL for tokens_per_s,
** read as a word. */
static char *text_of(val_version *v, int i, size_t *cap)
{
	switch (i) {
	case V_SW: *cap = sizeof v->software; return v->software;
	case V_VERSION: *cap = sizeof v->version; return v->version;
	case V_PROFILE: *cap = sizeof v->profile; return v->profile;
	case V_CHIP: *cap = sizeof v->fitted_chip; return v->fitted_chip;
	case V_NOTE: *cap = sizeof v->note; return v->note;
	case V_MODELS: *cap = sizeof v->models; return v->models;
	case V_FITVER: *cap = sizeof v->fitted_version; return v->fitted_version;
	default: *cap = 0; return NULL;
	}
}

int val_versions_read(const char *path, val_versions *vt, char *err,
                      size_t errlen)
{
	csv_rows cr;
	int col[V_ALL], lineno, have = 0, hdr = 0, i, rc, status = -1;
	size_t cap = 0;
	memset(vt, 0, sizeof *vt);
	/* no FILE to be had (fdopen's ENOMEM): no fault of the table */
	if (csv_open(&cr, path, 1, err, errlen))
		return errno == ENOMEM ? RL_EINTERNAL : -1;
	while ((rc = csv_next(&cr, err, errlen)) > 0) {
		char **fl = cr.fields;
		int nf = cr.nf;
		val_version *v;
		lineno = cr.line;
		if (!have) {
			for (i = 0; i < V_ALL; i++) {
				int k;
				col[i] = -1;
				for (k = 0; k < nf; k++) {
					if (strcmp(fl[k], vcols[i]))
						continue;
					if (col[i] >= 0) {
						/* which of the two holds the values: unclear */
						snprintf(err, errlen, "%s:%d: column '%s' (%d) "
						         "repeats column '%s' (%d)", path, lineno,
						         vcols[i], k + 1, vcols[i], col[i] + 1);
						goto fail;
					}
					col[i] = k;
				}
				if (col[i] < 0 && i < V_COUNT) {
					snprintf(err, errlen, "%s:%d: header lacks column "
					         "'%s'", path, lineno, vcols[i]);
					goto fail;
				}
			}
			have = 1;
			hdr = nf;
			continue;
		}
		/* our own table: a field past the header's (an unquoted comma
		** in the note) is refused, not dropped without a word */
		if (csv_row_width(&cr, hdr, err, errlen))
			goto fail;
		for (i = 0; i < V_ALL; i++)
			if (col[i] >= nf) {
				snprintf(err, errlen, "%s:%d: column '%s' missing", path,
				         lineno, vcols[i]);
				goto fail;
			}
		if (strcmp(fl[col[V_TOKENS]], "output") &&
		    strcmp(fl[col[V_TOKENS]], "total")) {
			snprintf(err, errlen, "%s:%d: column 'tokens_per_s': '%.*s', "
			         "expected output or total", path, lineno,
			         rl_utf8_cut(fl[col[V_TOKENS]], 40), fl[col[V_TOKENS]]);
			goto fail;
		}
		if (vt->n == cap) {
			size_t nc = cap ? 2 * cap : 16;
			val_version *nv = realloc(vt->v, nc * sizeof *nv);
			if (!nv) {
				snprintf(err, errlen, "%s: out of memory", path);
				status = RL_EINTERNAL;
				goto fail;
			}
			vt->v = nv;
			cap = nc;
		}
		v = &vt->v[vt->n++];
		memset(v, 0, sizeof *v);
		v->line = lineno;
		v->tokens_total = !strcmp(fl[col[V_TOKENS]], "total");
		/* each text whole: a version or profile cut to its buffer would
		** match another's, or none, without a word */
		for (i = 0; i < V_ALL; i++) {
			size_t cap;
			char *dst = text_of(v, i, &cap);
			if (!dst || col[i] < 0)
				continue;
			if (strlen(fl[col[i]]) >= cap) {
				snprintf(err, errlen, "%s:%d: column '%s': longer than "
				         "%zu bytes", path, lineno, vcols[i], cap - 1);
				goto fail;
			}
			snprintf(dst, cap, "%s", fl[col[i]]);
		}
		/* a note is a reason whole (VAL_REASON_MAX holds note[]) */
	}
	csv_close(&cr);
	if (rc < 0) {
		val_versions_free(vt);
		return -1;
	}
	if (!have) {
		snprintf(err, errlen, "%s: empty file (no header)", path);
		val_versions_free(vt);
		return -1;
	}
	if ((rc = val_versions_check(path, vt, err, errlen))) {
		val_versions_free(vt);
		return rc;
	}
	return 0;
fail:
	csv_close(&cr);
	val_versions_free(vt);
	return status;
}

void val_versions_free(val_versions *vt)
{
	free(vt->v);
	vt->v = NULL;
	vt->n = 0;
}

/* A name as loose_eq compares it: letters (lower case), digits and
** points, nothing else ("TensorRT-LLM" and "tensorrt_llm" alike); a
** version also without a leading "v" and with ".0" after a bare "X.Y"
** ("v0.13" as "0.13.0"). */
static void loose(const char *s, int version, char *out, size_t len)
{
	size_t k = 0, dots = 0, digits = 1;
	if (version && (*s == 'v' || *s == 'V') && isdigit((unsigned char)s[1]))
		s++;
	for (; *s && k + 3 < len; s++)
		if (isalnum((unsigned char)*s) || *s == '.') {
			dots += *s == '.';
			digits &= isdigit((unsigned char)*s) || *s == '.';
			out[k++] = (char)tolower((unsigned char)*s);
		}
	if (version && k && digits && dots == 1)
		out[k++] = '.', out[k++] = '0';
	out[k] = '\0';
}

static int loose_eq(const char *a, const char *b, int version)
{
	char x[160], y[160];
	loose(a, version, x, sizeof x);
	loose(b, version, y, sizeof y);
	return !strcmp(x, y);
}

/* A software and version as one name, for joined_eq: the software as
** loose reads a name, '|', then the version as loose reads a version.
** Where the version is empty, the software's last word, when it begins
** with a digit (or "v" and a digit), is the version: the layout of
** data/measurements.csv carries the version in its software column
** ("TensorRT-LLM 0.10.0"), published-h100.csv's in a column of its own
** ("TensorRT-LLM", "0.10.0"), and a file of either names the same
** table. */
static void joined(const char *software, const char *version, char *out,
                   size_t len)
{
	char sw[160];
	const char *v = version, *last = strrchr(software, ' ');
	size_t n = strlen(software), k;
	if (!version[0] && last &&
	    (isdigit((unsigned char)last[1]) ||
	     ((last[1] == 'v' || last[1] == 'V') &&
	      isdigit((unsigned char)last[2])))) {
		n = (size_t)(last - software);
		v = last + 1;
	}
	if (n >= sizeof sw)
		n = sizeof sw - 1;
	memcpy(sw, software, n);
	sw[n] = '\0';
	loose(sw, 0, out, len);
	k = strlen(out);
	if (k + 2 >= len)
		return;
	out[k++] = '|';
	loose(v, 1, out + k, len - k);
}

/* 1 when two software and version pairs name one table as joined reads
** them: ("TensorRT-LLM", "0.10.0") and ("TensorRT-LLM 0.10.0", ""). */
static int joined_eq(const char *sa, const char *va, const char *sb,
                     const char *vb)
{
	char x[330], y[330];
	joined(sa, va, x, sizeof x);
	joined(sb, vb, y, sizeof y);
	return !strcmp(x, y);
}

/* The unscoped entry of exactly this software and version, or NULL. */
static const val_version *val_version_exact(const val_versions *vt,
                                            const char *software,
                                            const char *version)
{
	size_t i;
	for (i = 0; i < vt->n; i++)
		if (!vt->v[i].models[0] && !strcmp(vt->v[i].software, software) &&
		    !strcmp(vt->v[i].version, version))
			return &vt->v[i];
	return NULL;
}

/* The unscoped entry of a software and version (version "" for the
** legacy layout, whose software column carries the version), exactly,
** loosely, or with the version in the software column on one side
** (joined_eq); NULL when absent. */
static const val_version *val_version_of(const val_versions *vt,
                                         const char *software,
                                         const char *version)
{
	const val_version *v = val_version_exact(vt, software, version);
	size_t i;
	if (v)
		return v;
	for (i = 0; i < vt->n; i++)
		if (!vt->v[i].models[0] &&
		    loose_eq(vt->v[i].software, software, 0) &&
		    loose_eq(vt->v[i].version, version, 1))
			return &vt->v[i];
	/* the version in the software column on one side only (joined) */
	for (i = 0; i < vt->n; i++)
		if (!vt->v[i].models[0] &&
		    joined_eq(vt->v[i].software, vt->v[i].version, software,
		              version))
			return &vt->v[i];
	return NULL;
}

/* The name entry i of the version table offers for a row's software
** (offered below), or NULL where it offers none. */
static const char *offer(const val_versions *vt, size_t i,
                         const char *software, int of_software)
{
	const val_version *v = &vt->v[i];
	size_t j;
	if (!v->profile[0] || v->models[0] || (of_software &&
	                       !loose_eq(v->software, software, 0)))
		return NULL;
	for (j = 0; !of_software && j < i; j++)
		if (vt->v[j].profile[0] && !strcmp(vt->v[j].software, v->software))
			return NULL;
	return !of_software ? v->software : v->version[0] ? v->version
	                                                  : "(empty)";
}

/* The names a version table offers for a row's software and version:
** the versions of that software (loosely matched, as val_version_of does)
** that have a profile, or, when the table has none of it
** (of_software 0), the software with a profile, each once; joined by
** ", " into out (len bytes), whole names only, the list ending in ", ..."
** (or "..." alone) where the rest would not fit: room for it is kept
** after every name but the last, so a name is never cut, not even one
** spelled with a comma. */
static void offered(const val_versions *vt, const char *software,
                    int of_software, char *out, size_t len)
{
	static const char more[] = ", ...";
	const char *name = NULL, *next;
	size_t i = 0, k = 0;
	if (!len)
		return;
	out[0] = '\0';
	while (i < vt->n && !(name = offer(vt, i++, software, of_software)))
		;
	for (; name; name = next) {
		char shown[sizeof vt->v[0].software + 32];
		size_t need, j, nv = 0;
		/* software offered with its count of versions that have a
		** profile, where it has any: "TensorRT-LLM 0.10.0, ...,
		** TensorRT-LLM" read as one name twice, where the second is
		** the software of the version column's 0.11.0 on */
		for (j = 0; !of_software && j < vt->n; j++)
			nv += vt->v[j].profile[0] && !vt->v[j].models[0] &&
			      vt->v[j].version[0] && !strcmp(vt->v[j].software, name);
		if (nv)
			snprintf(shown, sizeof shown, "%s (%zu version%s)", name, nv,
			         nv == 1 ? "" : "s");
		else
			snprintf(shown, sizeof shown, "%s", name);
		need = (k ? 2 : 0) + strlen(shown);
		next = NULL;
		while (i < vt->n && !(next = offer(vt, i++, software, of_software)))
			;
		if (k + need + (next ? strlen(more) : 0) >= len) {
			/* fits: the room was kept after the names before */
			if (k + strlen(more + (k ? 0 : 2)) < len)
				snprintf(out + k, len - k, "%s", more + (k ? 0 : 2));
			return;
		}
		k += (size_t)snprintf(out + k, len - k, "%s%s", k ? ", " : "", shown);
	}
}

int val_version_missing(const val_versions *vt, const char *software,
                        const char *version, char *reason, size_t len)
{
	char list[256];
	const char *label;
	size_t i, k, room;
	int of_software = 0;
	/* an offer of names, not a name: it keeps to 255 bytes as before
	** VAL_REASON_MAX grew, cut at a whole name with ', ...' (offered) */
	if (len > 256)
		len = 256;
	k = (size_t)snprintf(reason, len, "software '%.*s'%s%.*s has no "
	                     "profile in the version table (data/profiles/"
	                     "versions.csv)", rl_utf8_cut(software, 60),
	                     software, version[0] ? " version " : "",
	                     rl_utf8_cut(version, 60), version);
	for (i = 0; i < vt->n; i++)
		of_software |= loose_eq(vt->v[i].software, software, 0);
	label = of_software ? "; versions with one: " : "; software with one: ";
	if (k + strlen(label) >= len)
		return of_software;
	room = len - k - strlen(label);
	offered(vt, software, of_software, list,
	        room < sizeof list ? room : sizeof list);
	if (list[0] && strcmp(list, "..."))
		snprintf(reason + k, len - k, "%s%s", label, list);
	return of_software;
}

/* How closely one entry of a models column ("name" or "prefix*") scopes
** model: 0 not at all, the prefix's length + 1 for a prefix, more than
** any prefix for the exact name. */
static size_t entry_score(const char *e, size_t len, const char *model)
{
	if (len && e[len - 1] == '*')
		return strncmp(model, e, len - 1) ? 0 : len;
	return strlen(model) == len && !strncmp(model, e, len) ? (size_t)1 << 20
	                                                      : 0;
}

/* The next entry of a models column from *p: its start and length (0 at
** the end), *p past it.  Entries are separated by spaces. */
static size_t next_entry(const char **p, const char **start)
{
	size_t len = 0;
	while (**p == ' ')
		(*p)++;
	*start = *p;
	while ((*p)[len] && (*p)[len] != ' ')
		len++;
	*p += len;
	return len;
}

/* How closely a models column scopes model: its best entry's score. */
static size_t scope_score(const char *models, const char *model)
{
	const char *p = models, *e;
	size_t len, best = 0, s;
	while ((len = next_entry(&p, &e)) > 0)
		if ((s = entry_score(e, len, model)) > best)
			best = s;
	return best;
}

const val_version *val_version_for(const val_versions *vt,
                                   const char *software, const char *version,
                                   const char *model)
{
	const val_version *d = val_version_of(vt, software, version), *best;
	size_t i, score = 0, s;
	if (!d)
		return NULL;
	best = d;
	for (i = 0; i < vt->n; i++) {
		const val_version *e = &vt->v[i];
		if (!e->models[0] || strcmp(e->software, d->software) ||
		    strcmp(e->version, d->version))
			continue;
		if ((s = scope_score(e->models, model)) > score) {
			score = s;
			best = e;
		}
	}
	return best;
}

/* The "software version" words of a row for messages. */
static void named(const val_version *v, char *out, size_t len)
{
	snprintf(out, len, "software '%.*s'%s%.*s%s",
	         rl_utf8_cut(v->software, 60), v->software,
	         v->version[0] ? " version '" : "",
	         rl_utf8_cut(v->version, 60), v->version,
	         v->version[0] ? "'" : "");
}

/* One entry of a models column: a model preset's name, or a prefix
** ending in '*' of at least one (names: the presets, nn of them).
** 0, or -1 with why. */
static int entry_ok(const char *e, size_t len,
                    char (*names)[PRESET_NAME_MAX], size_t nn, char *why,
                    size_t wlen)
{
	size_t k, plen = len && e[len - 1] == '*' ? len - 1 : len;
	for (k = 0; k < plen; k++) {
		char c = e[k];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
			snprintf(why, wlen, "'%.*s': %s (a model's name, or a prefix "
			         "of names ending in '*', entries separated by spaces)",
			         (int)(len > 60 ? 60 : len), e,
			         c == '*' ? "'*' only at the end"
			                  : "a character no model name has");
			return -1;
		}
	}
	if (!plen) {
		snprintf(why, wlen, "'*' alone: leave the column empty for every "
		         "model");
		return -1;
	}
	for (k = 0; k < nn; k++)
		if (plen == len ? strlen(names[k]) == len && !strncmp(names[k], e,
		                                                       len)
		                : !strncmp(names[k], e, plen))
			return 0;
	snprintf(why, wlen, "'%.*s': %s (data/models/; rooflab presets model "
	         "lists them)", (int)(len > 60 ? 60 : len), e,
	         plen == len ? "no model preset of that name"
	                     : "no model preset's name starts so");
	return -1;
}

/* The entry e (len bytes) of row i also in a models column of row j <= i
** of the same version (before e in row i itself): that row, else NULL. */
static const val_version *doubled(const val_versions *vt, size_t i,
                                  const char *e, size_t len)
{
	const val_version *v = &vt->v[i];
	size_t j;
	for (j = 0; j <= i; j++) {
		const val_version *o = &vt->v[j];
		const char *p = o->models, *f;
		size_t fl;
		if (!o->models[0] || strcmp(o->software, v->software) ||
		    strcmp(o->version, v->version))
			continue;
		while ((fl = next_entry(&p, &f)) > 0) {
			if (j == i && f >= e)
				break;
			if (fl == len && !strncmp(f, e, len))
				return o;
		}
	}
	return NULL;
}

/* The checks of one scoped row (models): 0, or -1 with the message. */
static int check_models(const char *path, const val_versions *vt, size_t i,
                        char (*names)[PRESET_NAME_MAX], size_t nn, char *err,
                        size_t errlen)
{
	const val_version *v = &vt->v[i], *d, *o;
	const char *p = v->models, *e;
	char why[256], who[160];
	size_t len, entries = 0;
	while ((len = next_entry(&p, &e)) > 0) {
		entries++;
		if (entry_ok(e, len, names, nn, why, sizeof why)) {
			snprintf(err, errlen, "%s:%d: column 'models': %s", path,
			         v->line, why);
			return -1;
		}
		if ((o = doubled(vt, i, e, len))) {
			snprintf(err, errlen, "%s:%d: column 'models': '%.*s' also "
			         "scopes line %d of this version: which row serves it "
			         "would be unclear", path, v->line,
			         (int)(len > 60 ? 60 : len), e, o->line);
			return -1;
		}
	}
	if (!entries) {
		snprintf(err, errlen, "%s:%d: column 'models': only spaces (leave "
		         "it empty for every model)", path, v->line);
		return -1;
	}
	named(v, who, sizeof who);
	if (!(d = val_version_exact(vt, v->software, v->version))) {
		snprintf(err, errlen, "%s:%d: column 'models': no row of %s without "
		         "models in this table (the unscoped row serves, or says "
		         "why not, the models no scoped row names)", path, v->line,
		         who);
		return -1;
	}
	if (d->tokens_total != v->tokens_total) {
		snprintf(err, errlen, "%s:%d: column 'tokens_per_s': '%s' where "
		         "line %d, the unscoped row of this version, says '%s' "
		         "(one table counts one way)", path, v->line,
		         v->tokens_total ? "total" : "output", d->line,
		         d->tokens_total ? "total" : "output");
		return -1;
	}
	/* the same profile fitted on this version's rows and on another's:
	** one of the two rows would count a borrowed profile's rows in
	** sample */
	if (v->profile[0] && !strcmp(v->profile, d->profile) &&
	    strcmp(v->fitted_version, d->fitted_version)) {
		snprintf(err, errlen, "%s:%d: column 'fitted_version': '%.*s' "
		         "where line %d, the unscoped row of this version, says "
		         "'%.*s' of the same profile '%.*s' (a profile was fitted "
		         "on one version's rows)", path, v->line,
		         rl_utf8_cut(v->fitted_version, 60), v->fitted_version,
		         d->line, rl_utf8_cut(d->fitted_version, 60),
		         d->fitted_version, rl_utf8_cut(v->profile, 60), v->profile);
		return -1;
	}
	return 0;
}

/* An unscoped row whose software and version an earlier unscoped row
** has (val_version_of would take the first without a word): -1 with the
** message, else 0. */
static int check_once(const char *path, const val_versions *vt,
                      const val_version *v, char *err, size_t errlen)
{
	const val_version *f = val_version_exact(vt, v->software, v->version);
	char who[160];
	if (f == v)
		return 0;
	named(v, who, sizeof who);
	snprintf(err, errlen, "%s:%d: column 'version': %s has a row without "
	         "models at line %d already: which serves its rows would be "
	         "unclear", path, v->line, who, f->line);
	return -1;
}

/* The checks of a row naming the version its profile was fitted on: 0, or
** -1 with the message. */
static int check_fitted(const char *path, const val_versions *vt,
                        const val_version *v, char *err, size_t errlen)
{
	const val_version *f;
	const char *why = NULL;
	char who[160];
	if (!v->profile[0])
		why = "a row without a profile (the column names the version "
		      "whose rows fitted the row's profile)";
	else if (!strcmp(v->fitted_version, v->version))
		why = "this row's own version (leave it empty for a profile "
		      "fitted on its own rows)";
	if (why) {
		snprintf(err, errlen, "%s:%d: column 'fitted_version': '%.*s' on "
		         "%s", path, v->line, rl_utf8_cut(v->fitted_version, 60),
		         v->fitted_version, why);
		return -1;
	}
	if (!(f = val_version_exact(vt, v->software, v->fitted_version))) {
		snprintf(err, errlen, "%s:%d: column 'fitted_version': no row of "
		         "software '%.*s' version '%.*s' without models in this "
		         "table", path, v->line, rl_utf8_cut(v->software, 60),
		         v->software, rl_utf8_cut(v->fitted_version, 60),
		         v->fitted_version);
		return -1;
	}
	named(f, who, sizeof who);
	if (strcmp(f->profile, v->profile)) {
		snprintf(err, errlen, "%s:%d: column 'fitted_version': line %d "
		         "(%s) has profile '%.*s', not this row's '%.*s'", path,
		         v->line, f->line, who, rl_utf8_cut(f->profile, 60),
		         f->profile, rl_utf8_cut(v->profile, 60), v->profile);
		return -1;
	}
	if (f->fitted_version[0]) {
		snprintf(err, errlen, "%s:%d: column 'fitted_version': line %d "
		         "(%s) borrows its profile too (fitted_version '%.*s'): "
		         "name the version whose rows fitted it", path, v->line,
		         f->line, who, rl_utf8_cut(f->fitted_version, 60),
		         f->fitted_version);
		return -1;
	}
	return 0;
}

static int val_versions_check(const char *path, const val_versions *vt,
                              char *err, size_t errlen)
{
	char(*names)[PRESET_NAME_MAX] = NULL;
	size_t i, nn = 0;
	int rc = 0;
	for (i = 0; i < vt->n && !rc; i++) {
		const val_version *v = &vt->v[i];
		if (v->models[0] && !names) {
			names = malloc(PRESET_LIST_MAX * sizeof *names);
			if (!names) {
				snprintf(err, errlen, "%s: out of memory", path);
				return RL_EINTERNAL;
			}
			/* a folder not read for want of memory lists no model, and
			** a row's models matched none */
			if (preset_list_all("model", names, PRESET_LIST_MAX, &nn)) {
				snprintf(err, errlen, "%s: out of memory", path);
				free(names);
				return RL_EINTERNAL;
			}
		}
		if (v->models[0])
			rc = check_models(path, vt, i, names, nn, err, errlen);
		else
			rc = check_once(path, vt, v, err, errlen);
		if (!rc && v->fitted_version[0])
			rc = check_fitted(path, vt, v, err, errlen);
	}
	free(names);
	return rc;
}
