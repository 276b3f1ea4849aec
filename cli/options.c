/*
** options.c: reading the shared evaluation options from argv (options.h).
*/
#include "options.h"

#include <stdio.h>
#include <string.h>

const char *opt_value(const char *name, int argc, char **argv, int *i,
                      int *missing)
{
	size_t l = strlen(name);
	const char *a = argv[*i];
	*missing = 0;
	if (strncmp(a, name, l) != 0)
		return NULL;
	if (a[l] == '=')
		return a + l + 1;
	if (a[l] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = 1;
		return NULL;
	}
	return argv[++*i];
}

const char *opt_arg(const char *name, int argc, char **argv, int *i,
                    int *missing)
{
	int m = 0;
	const char *v = opt_value(name, argc, argv, i, &m);
	if (m)
		*missing = 1;
	return v;
}

int opt_pick(const char *const *names, size_t n, int argc, char **argv,
             int *i, const char **v, char *err, size_t errlen)
{
	size_t k;
	for (k = 0; k < n; k++) {
		int missing;
		*v = opt_value(names[k], argc, argv, i, &missing);
		if (missing) {
			snprintf(err, errlen, "%s needs a value", names[k]);
			return OPT_MISSING;
		}
		if (*v)
			return (int)k;
	}
	return -1;
}

int opts_take(eval_opts *o, int argc, char **argv, int *i, char *err,
              size_t errlen)
{
	static const char *const names[] = {
	    "--chip", "--model", "--profile", "--scenario", "--precision",
	    "--isl",  "--osl",   "--tp",      "--chips",    "--batch", "--pp",
	    "--ep",   "--set"};
	const char *v;
	int k;
	if (!strcmp(argv[*i], "--json")) {
		o->json = 1;
		return 1;
	}
	k = opt_pick(names, sizeof names / sizeof names[0], argc, argv, i, &v,
	             err, errlen);
	if (k == OPT_MISSING)
		return -1;
	if (k < 0)
		return 0;
	switch (k) {
	case 0: o->chip = v; break;
	case 1: o->model = v; break;
	case 2: o->profile = v; break;
	case 3: o->scenario = v; break;
	case 4: o->precision = v; break;
	case 5: o->isl = v; break;
	case 6: o->osl = v; break;
	case 7: o->tp = v; break;
	case 8: o->chips = v; break;
	case 9: o->batch = v; break;
	case 10: o->pp = v; break;
	case 11: o->ep = v; break;
	default:
		if (o->nsets >= OPTS_MAX_SETS) {
			snprintf(err, errlen, "more than %d --set options",
			         OPTS_MAX_SETS);
			return -1;
		}
		o->sets[o->nsets++] = v;
	}
	return 1;
}

int opts_read_all(eval_opts *o, const char *cmd, int argc, char **argv,
                  void (*help)(FILE *f))
{
	char err[1024];
	int i, rc;
	memset(o, 0, sizeof *o);
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			help(stdout);
			return RL_OK;
		}
		rc = opts_take(o, argc, argv, &i, err, sizeof err);
		if (rc < 0)
			return bad_input(cmd, err);
		if (rc == 0) {
			snprintf(err, sizeof err, "unknown option '%s' (see "
			         "rooflab %s --help)", argv[i], cmd);
			return bad_input(cmd, err);
		}
	}
	return OPTS_GO_ON;
}

int bad_input(const char *cmd, const char *msg)
{
	fprintf(stderr, "rooflab %s: %s\n", cmd, msg);
	return RL_EINPUT;
}
