/*
** cmd_params.c: `rooflab params`: every parameter of the table, with its
** unit, range, default and doc (or as JSON).
*/
#include <stdio.h>
#include <string.h>

#include "../model/params.h"
#include "commands.h"
#include "../config/json.h"
#include "../model/utf8.h"
#include "options.h"
#include "parseopt.h"

static int imax(int a, int b) { return a > b ? a : b; }

/* A parameter's row: its full name, default and range, as every listing
** (table and JSON) shows them. */
static void row_text(const rl_param *p, char name[128], char def[64],
                     char range[256])
{
	snprintf(name, 128, "%s.%s", p->section, p->key);
	rl_param_format(p, p->def, def, 64);
	opt_param_range(p, range, 256);
}

typedef struct {
	const char *section;
	int json;
} params_args;

static const opt_def table[] = {
    OPT_STR("--section", params_args, section, "NAME",
            "only the parameters of one section"),
    OPT_BOOL("--json", params_args, json, "as {\"params\": [...]}"),
    OPT_LAST};

static void help(FILE *f)
{
	fputs("usage: rooflab params [--section NAME] [--json] [KEY]\n\n"
	      "Every parameter of the one table (model/params.c) that presets, "
	      "--set, sweep\naxes and database columns use: its dotted name "
	      "(section.key), unit, allowed\nrange (a..b, or the names an enum "
	      "takes), default and what it is.  --section\nlists one section "
	      "(chip, design, node, model, scenario, profile, ...); --json\nwrites "
	      "them as {\"params\": [...]}.  Set one with --set section.key=VALUE "
	      "(in the\nunit shown) or in a preset's [section].  Exit status: 0 ok, "
	      "2 bad input.\nKEY shows one parameter: SECTION.KEY, or its key alone "
	      "(hbm_tbps) where one\nsection has it (within --section's where "
	      "given); a key of several sections\n(kv_precision) is refused with "
	      "each one named.\n", f);
	opt_help(f, table);
}

/* --section NAME must name a section of the table; lists them if not */
static int check_section(const rl_param *t, size_t n, const char *section)
{
	char known[512] = "";
	size_t i, used = 0;
	for (i = 0; i < n; i++)
		if (!strcmp(t[i].section, section))
			return 0;
	for (i = 0; i < n; i++) {
		int w;
		if (i > 0 && !strcmp(t[i].section, t[i - 1].section))
			continue;
		if (strstr(known, t[i].section))
			continue;
		w = snprintf(known + used, sizeof known - used, "%s%s",
		             used ? ", " : "", t[i].section);
		if (w < 0 || (size_t)w >= sizeof known - used)
			break;
		used += (size_t)w;
	}
	fprintf(stderr, "rooflab params: unknown section '%.*s'; known: %s\n",
	        rl_utf8_cut(section, 200), section, known);
	return -1;
}

/* The parameters whose key is w in any section (or in section alone where
** one is given), up to max, into found: how many there are. */
static size_t by_key(const rl_param *t, size_t n, const char *section,
                     const char *w, const rl_param **found, size_t max)
{
	size_t i, k = 0;
	for (i = 0; i < n; i++) {
		if (strcmp(t[i].key, w) ||
		    (section && strcmp(t[i].section, section)))
			continue;
		if (k < max)
			found[k] = &t[i];
		k++;
	}
	return k;
}

/* The word after the options ("rooflab params hbm_tbps", "rooflab params
** chip.hbm_tbps"): the one parameter it names into *one, its key looked up
** across the sections (within --section's where given) when it has no
** section; 0, or bad_input's status where it names a section (listed with
** --section), a key of several sections (each named), or none. */
static int the_key(const rl_param *t, size_t n, const char *section,
                   const char *w, const rl_param **one)
{
	char q[200], c[600], msg[1200], list[600] = "";
	const rl_param *found[8];
	size_t i, k, used = 0;
	rl_utf8_cell(rl_utf8_quote(w, 120, q, sizeof q), 0, 0, c, sizeof c);
	*one = rl_param_find_full(w);
	if (*one && (!section || !strcmp((*one)->section, section)))
		return 0;
	for (i = 0; i < n && strcmp(t[i].section, w); i++)
		;
	if (i < n && !*one) {
		snprintf(msg, sizeof msg, "unexpected argument %s: one section is "
		         "listed with --section (rooflab params --section %s)", c,
		         t[i].section);
		return bad_input("params", msg);
	}
	if (*one) {
		snprintf(msg, sizeof msg, "%s is a parameter of section %s, not "
		         "of --section %s", c, (*one)->section, section);
		return bad_input("params", msg);
	}
	k = by_key(t, n, section, w, found, sizeof found / sizeof found[0]);
	if (k == 1) {
		*one = found[0];
		return 0;
	}
	if (k == 0) {
		snprintf(msg, sizeof msg, "no parameter %s%s%s (rooflab params%s%s "
		         "lists them)", c, section ? " in section " : "",
		         section ? section : "", section ? " --section " : "",
		         section ? section : "");
		return bad_input("params", msg);
	}
	for (i = 0; i < k && i < sizeof found / sizeof found[0]; i++) {
		int m = snprintf(list + used, sizeof list - used, "%s%s.%s",
		                 i ? ", " : "", found[i]->section, found[i]->key);
		if (m < 0 || (size_t)m >= sizeof list - used)
			break;
		used += (size_t)m;
	}
	snprintf(msg, sizeof msg, "%s is a key of %zu sections: %s (name one "
	         "as SECTION.KEY)", c, k, list);
	return bad_input("params", msg);
}

/* Is t[i] listed: of --section's, or the one parameter named */
static int shown(const rl_param *p, const char *section, const rl_param *one)
{
	if (one)
		return p == one;
	return !section || !strcmp(section, p->section);
}

/* "params --help KEY" (opt_parse_words' check): a word params refuses
** (no such parameter, a key of several sections, --section's of another
** section) is refused as without --help, no help printed; a KEY params
** shows gets the help. */
static int help_words(const void *base, const char **pos, int npos)
{
	const params_args *a = base;
	const rl_param *one;
	size_t n;
	const rl_param *t = rl_params(&n);
	if (npos && ((a->section && check_section(t, n, a->section)) ||
	             the_key(t, n, a->section, pos[0], &one)))
		return RL_EINPUT;
	return RL_OK;
}

int cmd_params(int argc, char **argv)
{
	size_t n, i;
	const rl_param *t = rl_params(&n);
	params_args a = {NULL, 0};
	const char *pos[1];
	int npos = 0;
	const rl_param *one = NULL;
	const char *section;
	int rc = opt_parse_words("params", table, &a, argc, argv, pos, 1, &npos,
	                         help, help_words);
	if (rc != OPT_GO_ON)
		return rc;
	section = a.section;
	if (section && check_section(t, n, section))
		return RL_EINPUT;
	if (npos && (rc = the_key(t, n, section, pos[0], &one)) != RL_OK)
		return rc;
	if (a.json) {
		json_w w;
		json_begin(&w, stdout);
		json_arr(&w, "params");
		for (i = 0; i < n; i++) {
			char name[128], def[64], range[256];
			if (!shown(&t[i], section, one))
				continue;
			row_text(&t[i], name, def, range);
			json_obj(&w, NULL);
			json_str(&w, "name", name);
			json_str(&w, "unit", t[i].unit);
			json_str(&w, "range", range);
			json_num(&w, "min", t[i].min);
			json_num(&w, "max", t[i].max);
			json_str(&w, "default", def);
			json_str(&w, "doc", t[i].doc);
			json_end(&w);
		}
		json_finish(&w);
		return RL_OK;
	}
	{
		/* column widths from the rows shown */
		int wn = 9, wu = 4, wr = 5, wd = 7;
		for (i = 0; i < n; i++) {
			char name[128], def[64], range[256];
			if (!shown(&t[i], section, one))
				continue;
			row_text(&t[i], name, def, range);
			wn = imax(wn, (int)strlen(name));
			wu = imax(wu, (int)strlen(t[i].unit));
			wr = imax(wr, (int)strlen(range));
			wd = imax(wd, (int)strlen(def));
		}
		printf("%-*s  %-*s  %-*s  %-*s  %s\n", wn, "parameter", wu,
		       "unit", wr, "range", wd, "default", "doc");
		for (i = 0; i < n; i++) {
			char name[128], def[64], range[256];
			if (!shown(&t[i], section, one))
				continue;
			row_text(&t[i], name, def, range);
			printf("%-*s  %-*s  %-*s  %-*s  %s\n", wn, name, wu,
			       t[i].unit[0] ? t[i].unit : "-", wr, range, wd,
			       def, t[i].doc);
		}
	}
	return RL_OK;
}
