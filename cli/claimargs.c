/*
** claimargs.c: the command line that `rooflab claim` and `rooflab solve`
** share (claimargs.h): --config first, then every option, the command
** line winning over the file.
*/
#include <math.h>
#include <string.h>

#include "../config/num.h"
#include "claimargs.h"
#include "options.h"

int claim_take_option(claim_opts *o, int argc, char **argv, int *i,
                      char *err, size_t errlen)
{
	static const char *const names[] = {
	    "--a", "--b", "--config", "--target", "--samples", "--seed",
	    "--db", "--scenario", "--uncertainty", "--vary", "--threads"};
	const char *v;
	int k;
	double x;
	if (!strcmp(argv[*i], "--json")) {
		o->json = 1;
		return 1;
	}
	if (!strcmp(argv[*i], "--no-design")) {
		o->no_design = 1;
		return 1;
	}
	k = opt_pick(names, sizeof names / sizeof names[0], argc, argv, i, &v,
	             err, errlen);
	if (k == OPT_MISSING)
		return -1;
	if (k < 0)
		return 0;
	switch (k) {
	case 0:
	case 1:
		if (claim_spec_parse(v, k ? &o->b : &o->a, err, errlen))
			return -1;
		break;
	case 2: o->config = v; break;
	case 3:
		if (!strncmp(v, "speedup=", 8)) {
			v += 8;
		} else if (strchr(v, '=')) {
			snprintf(err, errlen, "--target '%.100s': the one target "
			         "is speedup=X (side b's total tokens/s over side "
			         "a's, e.g. --target speedup=20, or a bare 20); "
			         "latency targets (TTFT, TPOT) are eval's "
			         "--ttft-max/--tpot-max", v);
			return -1;
		}
		if (num_parse("--target", v, 1e-6, 1e9, &o->target, err,
		              errlen))
			return -1;
		o->target_set = 1;
		break;
	case 4:
		if (num_parse("--samples", v, 0, 1e8, &x, err, errlen) ||
		    x != floor(x)) {
			snprintf(err, errlen, "--samples: '%s' is not a whole "
			         "number in [0, 1e8]", v);
			return -1;
		}
		o->samples = (long long)x;
		o->samples_set = 1;
		break;
	case 5:
		if (num_parse("--seed", v, 0, 4294967295.0, &x, err,
		              errlen) || x != floor(x)) {
			snprintf(err, errlen, "--seed: '%s' is not a whole "
			         "number in [0, 4294967295]", v);
			return -1;
		}
		o->seed = (unsigned long)x;
		o->seed_set = 1;
		break;
	case 6: o->db = v; break;
	case 7: o->scenario = v; break;
	case 8: o->uncertainty = v; break;
	case 9:
		if (o->nvary >= 16) {
			snprintf(err, errlen, "at most 16 --vary options");
			return -1;
		}
		o->vary[o->nvary++] = v;
		break;
	default:
		if (num_parse("--threads", v, 0, 64, &x, err, errlen))
			return -1;
		o->threads = (int)x;
	}
	return 1;
}

int claim_read_args(claim_opts *o, const char *cmd, int argc, char **argv,
                    int (*refuse)(const claim_opts *o), char *err,
                    size_t errlen)
{
	int pass, i, rc;
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1 && o->config &&
		    claim_config_read(o->config, o, err, errlen))
			return -1;
		for (i = 1; i < argc; i++) {
			if (pass == 0) {
				int missing;
				const char *v = opt_value("--config", argc, argv, &i,
				                          &missing);
				if (v)
					o->config = v;
				continue;
			}
			rc = claim_take_option(o, argc, argv, &i, err, errlen);
			if (rc < 0)
				return -1;
			if (rc == 0 || refuse(o)) {
				snprintf(err, errlen, "unknown option '%s' (see "
				         "rooflab %s --help)", argv[i], cmd);
				return -1;
			}
		}
	}
	return 0;
}

claim_report *claim_begin(const char *cmd, int argc, char **argv,
                          void (*help)(FILE *f), int *rc)
{
	claim_report *rep;
	int i;
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			help(stdout);
			*rc = RL_OK;
			return NULL;
		}
	rep = claim_report_alloc();
	if (!rep) {
		fprintf(stderr, "rooflab %s: out of memory\n", cmd);
		*rc = RL_EINTERNAL;
		return NULL;
	}
	claim_opts_init(&rep->opts);
	return rep;
}
