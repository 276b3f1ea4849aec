/*
** parseopt.c: one parser for every command's option table (parseopt.h).
*/
#include "parseopt.h"
#include "options.h"

#include <stdint.h>
#include <string.h>

#include "../model/numtext.h"
#include "../model/params.h"
#include "../model/utf8.h"
#include "../model/status.h"

/* The entry of t (or of a table inside it) that word is, with the base
** its fields are at; NULL when none, or with *bad set on a bad prefix
** option (message in err). */
static const opt_def *find(const opt_def *t, char *base, const char *word,
                           size_t len, char **fbase, int *bad, char *err,
                           size_t errlen)
{
	for (; t->type != OPT_T_END; t++) {
		char name[128];
		const opt_def *d;
		int rc;
		if (t->type == OPT_T_TABLE) {
			d = find(t->sub, base + t->off, word, len, fbase, bad, err,
			         errlen);
			if (d || *bad)
				return d;
			continue;
		}
		if (t->flags & OPT_HELP_ONLY)
			continue;
		if (!(t->flags & OPT_PREFIX)) {
			if (strlen(t->name) == len && !strncmp(word, t->name, len)) {
				*fbase = base;
				return t;
			}
			continue;
		}
		if (strncmp(word, t->name, strlen(t->name)) || len >= sizeof name)
			continue;
		memcpy(name, word, len);
		name[len] = '\0';
		rc = t->cb(t, NULL, name, NULL, err, errlen);
		if (rc < 0) {
			*bad = 1;
			return NULL;
		}
		if (rc > 0) {
			*fbase = base;
			return t;
		}
	}
	return NULL;
}

/* find, an alias (OPT_ALIAS) resolved to the option it stands for, in
** the table it is in: the same field, the same checks, and one count of
** "given twice" for both spellings. */
static const opt_def *find_option(const opt_def *t, char *base,
                                  const char *word, size_t len, char **fbase,
                                  int *bad, char *err, size_t errlen)
{
	const opt_def *d = find(t, base, word, len, fbase, bad, err, errlen);
	if (d && d->alias)
		d = find(t, base, d->alias, strlen(d->alias), fbase, bad, err,
		         errlen);
	return d;
}

/* The option of t (and its tables) nearest word by edit distance into
** out (64 bytes) and its distance, at most *best, which it lowers: a
** prefix entry by the name its help shows ("--ttft-max" of "--ttft-max
** S"), an alias by its own spelling; a help-only entry ("--ttft-pNN-max")
** is no option to offer. */
static void nearest_option(const opt_def *t, const char *word, char *out,
                           size_t *best)
{
	for (; t->type != OPT_T_END; t++) {
		char name[64];
		size_t d;
		if (t->type == OPT_T_TABLE) {
			nearest_option(t->sub, word, out, best);
			continue;
		}
		if (t->flags & OPT_HELP_ONLY)
			continue;
		if (t->flags & OPT_PREFIX) {
			if (!t->arg)
				continue;
			snprintf(name, sizeof name, "%.*s", (int)strcspn(t->arg, " "),
			         t->arg);
		} else {
			snprintf(name, sizeof name, "%s", t->name);
		}
		d = rl_edit_distance(word, name, 0);
		if (d < *best) {
			*best = d;
			memcpy(out, name, sizeof name);
		}
	}
}

static int takes_value(const opt_def *d)
{
	return d->type != OPT_T_FLAG &&
	       !(d->type == OPT_T_CALL && (d->flags & OPT_NOVALUE));
}

static void store_whole(void *p, size_t size, double x)
{
	if (size == sizeof(int32_t)) {
		int32_t v = (int32_t)(int64_t)x;
		memcpy(p, &v, sizeof v);
	} else {
		int64_t v = (int64_t)x;
		memcpy(p, &v, sizeof v);
	}
}

static int apply(const opt_def *d, char *fbase, const char *name,
                 const char *v, char *err, size_t errlen)
{
	void *p = fbase + d->off;
	double x;
	size_t k;
	switch (d->type) {
	case OPT_T_FLAG:
		*(int *)p = d->ival;
		return 0;
	case OPT_T_STRING:
		*(const char **)p = v;
		return 0;
	case OPT_T_NUMBER:
		return num_read(name, v, &d->range, (double *)p, err, errlen);
	case OPT_T_WHOLE:
		if (num_read(name, v, &d->range, &x, err, errlen))
			return -1;
		store_whole(p, d->size, x);
		return 0;
	case OPT_T_ENUM:
		for (k = 0; d->choices[k]; k++)
			if (!strcmp(v, d->choices[k])) {
				*(int *)p = (int)k;
				return 0;
			}
		{
			size_t used = (size_t)snprintf(err, errlen, "%s: '%s' is not "
			                               "one of ", name, v);
			for (k = 0; d->choices[k] && used < errlen; k++)
				used += (size_t)snprintf(err + used, errlen - used,
				                         "%s%s", k ? ", " : "",
				                         d->choices[k]);
		}
		return -1;
	case OPT_T_CALL:
		return d->cb(d, p, name, v, err, errlen) < 0 ? -1 : 0;
	default:
		snprintf(err, errlen, "%s: no such option type", name);
		return -1;
	}
}

/* argv[i] as an option name: its length up to '=' */
static size_t name_len(const char *a)
{
	const char *eq = strchr(a, '=');
	return eq ? (size_t)(eq - a) : strlen(a);
}

static int is_help(const char *a)
{
	return !strcmp(a, "--help") || !strcmp(a, "-h");
}

/* --help anywhere but as the value of an option; *stray is the first
** word past the maxpos the command takes (NULL: none), which the
** command would refuse without --help */
static int wants_help(const opt_def *t, void *base, int argc, char **argv,
                      int maxpos, const char **stray)
{
	char err[256], *fb;
	int i, help = 0, n = 0;
	*stray = NULL;
	for (i = 1; i < argc; i++) {
		const opt_def *d;
		int bad = 0;
		if (is_help(argv[i])) {
			help = 1;
			continue;
		}
		if (argv[i][0] != '-' || argv[i][1] == '\0') {
			if (n++ >= maxpos && !*stray)
				*stray = argv[i];
			continue;
		}
		d = find_option(t, base, argv[i], name_len(argv[i]), &fb, &bad,
		                err, sizeof err);
		if (d && takes_value(d) && !strchr(argv[i], '='))
			i++;
	}
	return help;
}

/* "eval --help x": a word the command does not take, beside --help, was
** dropped without a word (the help printed, exit 0), where the same word
** alone, "--help x" after rooflab and "--version x" are refused; refused
** alike, naming the help that was asked for.  -1 with the message. */
static int help_stray(const char *cmd, int maxpos, const char *word,
                      char *err, size_t errlen)
{
	char q[200], c[600];
	rl_utf8_cell(rl_utf8_quote(word, 120, q, sizeof q), 0, 0, c, sizeof c);
	if (maxpos == 0)
		snprintf(err, errlen, "unexpected argument %s: %s takes no word "
		         "(rooflab %s --help: its options)", c, cmd, cmd);
	else
		snprintf(err, errlen, "unexpected argument %s (rooflab %s --help: "
		         "its options)", c, cmd);
	return -1;
}

/* An option of one value (not OPT_REPEAT's, as --set and --vary, which
** add) given a second time: its second value replaced the first
** without a word.  seen holds the options given so far and their values;
** 0, or -1 with the message. */
#define OPT_SEEN_MAX 128
typedef struct {
	const opt_def *d;
	const char *v;
	const char *word; /* the spelling given (an alias's), len bytes */
	size_t len;
} opt_seen;

static int given_twice(opt_seen *seen, int *nseen, const opt_def *d,
                       const char *name, const char *word, const char *v,
                       char *err, size_t errlen)
{
	int k;
	size_t len = strlen(name);
	/* a prefix entry stands for several names (--ttft-max, --ttft-p99-max) */
	if (d->type == OPT_T_TABLE || (d->flags & (OPT_REPEAT | OPT_PREFIX)))
		return 0;
	for (k = 0; k < *nseen; k++)
		if (seen[k].d == d) {
			/* two spellings of one option (--points-per-commit 5
			** --batch 7): each named as given, the alias said, where
			** "--batch is given twice" named an option given once */
			int now = strcmp(name, d->name) != 0;
			if (len != seen[k].len ||
			    strncmp(name, seen[k].word, len))
				snprintf(err, errlen, "%s is given twice (as %.*s '%.*s', "
				         "then as %s '%.*s'; %.*s is an alias of %s): give "
				         "it once", d->name, (int)seen[k].len,
				         seen[k].word, rl_utf8_cut(seen[k].v ?
				         seen[k].v : "", 200), seen[k].v ? seen[k].v : "",
				         name, rl_utf8_cut(v ? v : "", 200), v ? v : "",
				         now ? (int)len : (int)seen[k].len,
				         now ? name : seen[k].word, d->name);
			else if (v)
				snprintf(err, errlen, "%s is given twice ('%.*s', then "
				         "'%.*s')", name, rl_utf8_cut(seen[k].v ?
				         seen[k].v : "", 200), seen[k].v ? seen[k].v : "",
				         rl_utf8_cut(v, 200), v);
			else
				snprintf(err, errlen, "%s is given twice", name);
			return -1;
		}
	if (*nseen < OPT_SEEN_MAX) {
		seen[*nseen].d = d;
		seen[*nseen].word = word; /* argv's, name its first len bytes */
		seen[*nseen].len = len;
		seen[(*nseen)++].v = v;
	}
	return 0;
}

/* The parameter an option sets: an OPT_PARAM's own ("scenario.tp"), or
** the SECTION.KEY before the '=' of an OPT_ASSIGN value, written as the
** table of model/params.c spells it when it is one of its parameters
** (the text as given otherwise).  0 when the option sets none. */
static int param_set(const opt_def *d, const char *v, char *key,
                     size_t len)
{
	if (d->param) {
		snprintf(key, len, "%s", d->param);
		return 1;
	}
	return (d->flags & OPT_ASSIGN) && v &&
	       setup_assign_param(v, key, len);
}

/* Two options that set one parameter (--set scenario.tp=2 --tp 1, or
** --set chip.tdp_w=500 --set chip.tdp_w=700): the one applied last won
** without a word, whatever the order they were given in.  keys holds
** the parameters set so far; 0, or -1 with the message. */
#define OPT_KEYS_MAX 160
typedef struct {
	char key[96];
	const opt_def *d;
	const char *v;
} opt_key;

static int sets_twice(opt_key *keys, int *nkeys, const opt_def *d,
                      const char *name, const char *v, char *err,
                      size_t errlen)
{
	char key[96];
	int k;
	if (!param_set(d, v, key, sizeof key))
		return 0;
	for (k = 0; k < *nkeys; k++) {
		const rl_param *p = rl_param_find_full(key);
		const rl_param *q = p ? rl_param_other_form(p) : NULL;
		char other[96];
		if (q) {
			snprintf(other, sizeof other, "%s.%s", q->section, q->key);
			if (!strcmp(keys[k].key, other)) {
				/* a die block as a share and as an area in mm2 */
				snprintf(err, errlen, "%s and %s both set one block of "
				         "the die ('%s %.*s', then '%s %.*s': a share of "
				         "it, or its area in mm2, converted to that "
				         "share): give one", other, key, keys[k].d->name,
				         rl_utf8_cut(keys[k].v ? keys[k].v : "", 200),
				         keys[k].v ? keys[k].v : "", name,
				         rl_utf8_cut(v ? v : "", 200), v ? v : "");
				return -1;
			}
		}
		if (!strcmp(keys[k].key, key)) {
			snprintf(err, errlen, "%s is set twice ('%s %.*s', then "
			         "'%s %.*s'; the one applied last would win without "
			         "a word): give it once", key, keys[k].d->name,
			         rl_utf8_cut(keys[k].v ? keys[k].v : "", 200),
			         keys[k].v ? keys[k].v : "", name,
			         rl_utf8_cut(v ? v : "", 200), v ? v : "");
			return -1;
		}
	}
	if (*nkeys < OPT_KEYS_MAX) {
		snprintf(keys[*nkeys].key, sizeof keys[*nkeys].key, "%s", key);
		keys[*nkeys].d = d;
		keys[(*nkeys)++].v = v;
	}
	return 0;
}

/* argv[1..] against t into base and pos: 0, or -1 with err.  A --help
** or -h word (not an option's value) is passed over: opt_parse_words
** parses a command line with --help for its words check. */
static int parse(const char *cmd, const opt_def *t, void *base, int argc,
                 char **argv, const char **pos, int maxpos, int *npos,
                 char *err, size_t errlen)
{
	opt_seen seen[OPT_SEEN_MAX];
	opt_key keys[OPT_KEYS_MAX];
	int i, n = 0, nseen = 0, nkeys = 0;
	if (npos)
		*npos = 0;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = NULL;
		char name[128], *fb;
		size_t len = name_len(a);
		const opt_def *d;
		int bad = 0;
		if (is_help(a))
			continue;
		if (a[0] != '-' || a[1] == '\0') {
			if (n >= maxpos) {
				/* quoted as an unknown option is: a control as '?' */
				char q[200], c[600];
				rl_utf8_cell(rl_utf8_quote(a, 120, q, sizeof q), 0, 0, c,
				             sizeof c);
				snprintf(err, errlen, "unexpected argument %s (see rooflab "
				         "%s --help)", c, cmd);
				return -1;
			}
			pos[n++] = a;
			if (npos)
				*npos = n;
			continue;
		}
		d = find_option(t, base, a, len, &fb, &bad, err, errlen);
		if (bad)
			return -1;
		if (!d || len >= sizeof name) {
			/* "did you mean --precision?" within a third of its
			** letters, as the commands' and parameters' "did you
			** mean" (rl_edit_allowed); the word quoted as given, its
			** controls shown as '?' */
			char near[64] = "", q[200], c[600];
			size_t best = (size_t)-1;
			if (len < sizeof name) {
				memcpy(name, a, len);
				name[len] = '\0';
				nearest_option(t, name, near, &best);
			}
			rl_utf8_cell(rl_utf8_quote(a, 120, q, sizeof q), 0, 0, c,
			             sizeof c);
			if (near[0] && best < 1000 && best <= rl_edit_allowed(len))
				snprintf(err, errlen, "unknown option %s; did you mean %s? "
				         "(see rooflab %s --help)", c, near, cmd);
			else
				snprintf(err, errlen, "unknown option %s (see rooflab %s "
				         "--help)", c, cmd);
			return -1;
		}
		memcpy(name, a, len);
		name[len] = '\0';
		if (!takes_value(d)) {
			if (a[len] == '=') {
				snprintf(err, errlen, "%s takes no value", name);
				return -1;
			}
		} else if (a[len] == '=') {
			v = a + len + 1;
		} else if (i + 1 < argc) {
			v = argv[++i];
		} else {
			snprintf(err, errlen, "%s needs a value%s%s%s", name,
			         d->arg ? " (" : "", d->arg ? d->arg : "",
			         d->arg ? ")" : "");
			return -1;
		}
		if (given_twice(seen, &nseen, d, name, a, v, err, errlen) ||
		    sets_twice(keys, &nkeys, d, name, v, err, errlen) ||
		    apply(d, fb, name, v, err, errlen))
			return -1;
	}
	return 0;
}

int opt_parse_quiet(const char *cmd, const opt_def *t, void *base,
                    int argc, char **argv, const char **pos, int maxpos,
                    int *npos, char *err, size_t errlen)
{
	const char *stray;
	if (npos)
		*npos = 0;
	if (wants_help(t, base, argc, argv, maxpos, &stray))
		return stray ? help_stray(cmd, maxpos, stray, err, errlen) : 1;
	return parse(cmd, t, base, argc, argv, pos, maxpos, npos, err, errlen);
}

int opt_parse(const char *cmd, const opt_def *t, void *base, int argc,
              char **argv, const char **pos, int maxpos, int *npos,
              void (*help)(FILE *f))
{
	return opt_parse_words(cmd, t, base, argc, argv, pos, maxpos, npos,
	                       help, NULL);
}

int opt_parse_words(const char *cmd, const opt_def *t, void *base,
                    int argc, char **argv, const char **pos, int maxpos,
                    int *npos, void (*help)(FILE *f), opt_words_fn words)
{
	char err[2048];
	int n = 0, rc;
	rc = opt_parse_quiet(cmd, t, base, argc, argv, pos, maxpos, npos, err,
	                     sizeof err);
	if (rc > 0) {
		/* the words beside --help checked as without it ("plot --help
		** w": no such kind), where a command line that does not parse
		** gets the help it asked for, as before */
		if (words && parse(cmd, t, base, argc, argv, pos, maxpos, &n,
		                   err, sizeof err) == 0 &&
		    (rc = words(base, pos, n)) != RL_OK)
			return rc;
		help(stdout);
		return RL_OK;
	}
	if (rc < 0) {
		cli_say(cmd, err);
		return RL_EINPUT;
	}
	return OPT_GO_ON;
}

void opt_param_range(const rl_param *p, char *buf, size_t len)
{
	if (p->choices) {
		size_t used = 0;
		int k;
		buf[0] = '\0';
		for (k = (int)p->min; k <= (int)p->max && p->choices[k] &&
		                      used < len;
		     k++)
			used += (size_t)snprintf(buf + used, len - used, "%s%s",
			                         k > (int)p->min ? "|" : "",
			                         p->choices[k]);
	} else {
		char lo[32], hi[32];
		snprintf(buf, len, "%s..%s", rl_number_write(p->min, lo, sizeof lo),
		         rl_number_write(p->max, hi, sizeof hi));
	}
}

/* 1 when name is one of the NULL-terminated list (NULL: none) */
static int listed(const char *name, const char *const *list)
{
	for (; list && *list; list++)
		if (!strcmp(name, *list))
			return 1;
	return 0;
}

static void help_lines(FILE *f, const opt_def *t, const char *const *skip)
{
	for (; t->type != OPT_T_END; t++) {
		char left[160], range[160];
		const char *h, *nl;
		size_t k, used;
		if (t->type == OPT_T_TABLE) {
			help_lines(f, t->sub, skip);
			continue;
		}
		if (!t->help || listed(t->name, skip))
			continue;
		used = (size_t)snprintf(left, sizeof left, "%s",
		                        t->flags & OPT_PREFIX ? "" : t->name);
		if (t->flags & OPT_PREFIX) {
			snprintf(left, sizeof left, "%s", t->arg);
		} else if (t->type == OPT_T_ENUM) {
			for (k = 0; t->choices[k] && used < sizeof left; k++)
				used += (size_t)snprintf(left + used, sizeof left - used,
				                         "%s%s", k ? "|" : " ",
				                         t->choices[k]);
		} else if (t->arg && used < sizeof left) {
			snprintf(left + used, sizeof left - used, " %s", t->arg);
		}
		fprintf(f, "  %-20s", left);
		if (strlen(left) > 20)
			fprintf(f, "\n  %-20s", "");
		for (h = t->help; (nl = strchr(h, '\n')); h = nl + 1)
			fprintf(f, " %.*s\n  %-20s", (int)(nl - h), h, "");
		fprintf(f, " %s", h);
		range[0] = '\0';
		if (t->param && rl_param_find_full(t->param)) {
			char r[120];
			opt_param_range(rl_param_find_full(t->param), r, sizeof r);
			snprintf(range, sizeof range, "%s: %s", t->param, r);
		} else if (t->type == OPT_T_NUMBER || t->type == OPT_T_WHOLE) {
			num_range_text(&t->range, range, sizeof range);
		}
		if (range[0]) {
			if (23 + strlen(h) + strlen(range) + 3 > 79)
				fprintf(f, "\n  %-20s", "");
			fprintf(f, " (%s)", range);
		}
		fputc('\n', f);
	}
}

void opt_help(FILE *f, const opt_def *t)
{
	opt_help_except(f, t, NULL);
}

void opt_help_except(FILE *f, const opt_def *t, const char *const *skip)
{
	fputs("\noptions:\n", f);
	help_lines(f, t, skip);
}

int opt_refuse_given(const char *cmd, const opt_def *t, const void *base,
                     const char *const *names, const char *why)
{
	for (; t->type != OPT_T_END; t++) {
		char msg[512];
		if (t->type == OPT_T_TABLE) {
			if (opt_refuse_given(cmd, t->sub, (const char *)base + t->off,
			                     names, why))
				return RL_EINPUT;
			continue;
		}
		if (t->type != OPT_T_STRING || !listed(t->name, names) ||
		    !*(const char *const *)((const char *)base + t->off))
			continue;
		snprintf(msg, sizeof msg, "%s: %s", t->name, why);
		return bad_input(cmd, msg);
	}
	return 0;
}
