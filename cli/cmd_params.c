/*
** cmd_params.c: `rooflab params`: every parameter of the table, with its
** unit, range, default and doc (or as JSON).
*/
#include <stdio.h>
#include <string.h>

#include "../model/params.h"
#include "commands.h"
#include "../config/json.h"
#include "options.h"

static void range_of(const rl_param *p, char *buf, size_t len)
{
	if (p->choices) {
		size_t used = 0;
		int k;
		buf[0] = '\0';
		for (k = (int)p->min; k <= (int)p->max && p->choices[k]; k++)
			used += (size_t)snprintf(buf + used, len - used, "%s%s",
			                         k > (int)p->min ? "|" : "",
			                         p->choices[k]);
	} else {
		snprintf(buf, len, "%g..%g", p->min, p->max);
	}
}

int cmd_params(int argc, char **argv)
{
	size_t n, i;
	const rl_param *t = rl_params(&n);
	int json = 0, a;
	const char *section = NULL;
	for (a = 1; a < argc; a++) {
		if (!strcmp(argv[a], "--json"))
			json = 1;
		else if (!strcmp(argv[a], "--section") && a + 1 < argc)
			section = argv[++a];
		else if (!strcmp(argv[a], "--help")) {
			puts("usage: rooflab params [--section NAME] [--json]");
			return RL_OK;
		} else {
			char err[256];
			snprintf(err, sizeof err, "unknown option '%s'", argv[a]);
			return bad_input("params", err);
		}
	}
	if (json) {
		json_w w;
		json_begin(&w, stdout);
		json_arr(&w, "params");
		for (i = 0; i < n; i++) {
			char name[128], def[64], range[256];
			if (section && strcmp(section, t[i].section))
				continue;
			snprintf(name, sizeof name, "%s.%s", t[i].section, t[i].key);
			rl_param_format(&t[i], t[i].def, def, sizeof def);
			range_of(&t[i], range, sizeof range);
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
	printf("%-34s %-10s %-22s %-10s %s\n", "parameter", "unit", "range",
	       "default", "doc");
	for (i = 0; i < n; i++) {
		char name[128], def[64], range[256];
		if (section && strcmp(section, t[i].section))
			continue;
		snprintf(name, sizeof name, "%s.%s", t[i].section, t[i].key);
		rl_param_format(&t[i], t[i].def, def, sizeof def);
		range_of(&t[i], range, sizeof range);
		printf("%-34s %-10s %-22s %-10s %s\n", name,
		       t[i].unit[0] ? t[i].unit : "-", range, def, t[i].doc);
	}
	return RL_OK;
}
