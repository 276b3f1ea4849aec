/*
** claimargs.c: the option tables of `rooflab claim` and `rooflab solve`
** (claimargs.h): --config first, then every option, the command line
** winning over the file.
*/
#include <stdlib.h>
#include <string.h>

#include "claimargs.h"
#include "cpus.h"
#include "options.h"
#include "../model/numtext.h"
#include "../model/utf8.h"

/* --a SPEC, --b SPEC: CHIP[,key=value...] */
static int take_spec(const opt_def *d, void *field, const char *name,
                     const char *v, char *err, size_t errlen)
{
	char msg[1024];
	(void)d;
	if (claim_spec_parse(v, field, msg, sizeof msg)) {
		snprintf(err, errlen, "%s: %s", name, msg);
		return -1;
	}
	return 1;
}

/* After a speedup refused as no number: where it is a number and an x
** ("20x", as the text writes a speedup) in [lo, hi], "; write the speedup
** without its x: 20" appended to err, the number as given (a number's
** characters alone); else err as it is. */
static void x_hint(const char *v, double lo, double hi, char *err,
                   size_t errlen)
{
	char num[64];
	double x;
	size_t n = strlen(v), used = strlen(err);
	if (n < 2 || n > sizeof num || (v[n - 1] != 'x' && v[n - 1] != 'X') ||
	    used >= errlen)
		return;
	memcpy(num, v, n - 1);
	num[n - 1] = '\0';
	if (!rl_number_text(num, &x) || !(x >= lo && x <= hi))
		return;
	snprintf(err + used, errlen - used, "; write the speedup without its "
	         "x: %s", num);
}

/* --target speedup=X or a bare X (plot's --target too) */
int claimargs_take_target(const opt_def *d, void *field, const char *name,
                          const char *v, char *err, size_t errlen)
{
	static const num_range r = {1e-6, 1e9, 0, NULL};
	(void)d;
	if (!strncmp(v, "speedup=", 8)) {
		v += 8;
	} else if (strchr(v, '=')) {
		snprintf(err, errlen, "%s '%.*s': the one target is speedup=X "
		         "(side b's total tokens/s over side a's, e.g. --target "
		         "speedup=20, or a bare 20); latency targets (TTFT, TPOT) "
		         "are eval's --ttft-max/--tpot-max", name, rl_utf8_cut(v, 100),
		         v);
		return -1;
	}
	if (num_read(name, v, &r, field, err, errlen)) {
		x_hint(v, r.lo, r.hi, err, errlen);
		return -1;
	}
	return 1;
}

/* solve's --target KEY=X: the speedup (speedup=X or a bare X) or a
** figure of the varied side (claim_target_kind), each in its unit and
** range; a key not one of them is refused with the list */
static int take_solve_target(const opt_def *d, void *field, const char *name,
                             const char *v, char *err, size_t errlen)
{
	claim_opts *o = field;
	const char *eq = strchr(v, '=');
	char what[96];
	num_range r = {0, 0, 0, NULL};
	int kind = CLAIM_T_SPEEDUP, k;
	(void)d;
	if (eq) {
		kind = claim_target_find(v, (size_t)(eq - v));
		if (kind < 0) {
			size_t used = (size_t)snprintf(err, errlen, "%s '%.*s': not a "
			                               "target; KEY=X, KEY one of",
			                               name, rl_utf8_cut(v, 100), v);
			for (k = 0; k < CLAIM_T_COUNT && used < errlen; k++) {
				double lo, hi;
				char lt[32], ht[32];
				claim_target_range(k, &lo, &hi);
				used += (size_t)snprintf(err + used, errlen - used,
				                         "%s %s (%s, in %s, %s to %s)",
				                         k ? "," : "", claim_target_key(k),
				                         claim_target_at_most(k)
				                             ? "at most" : "at least",
				                         claim_target_unit(k),
				                         rl_number_write(lo, lt, sizeof lt),
				                         rl_number_write(hi, ht, sizeof ht));
			}
			return -1;
		}
		v = eq + 1;
	}
	claim_target_range(kind, &r.lo, &r.hi);
	snprintf(what, sizeof what, "%s %s (%s)", name, claim_target_key(kind),
	         claim_target_unit(kind));
	if (num_read(what, v, &r, &o->target, err, errlen)) {
		if (kind == CLAIM_T_SPEEDUP)
			x_hint(v, r.lo, r.hi, err, errlen);
		return -1;
	}
	o->target_kind = kind;
	return 1;
}

/* --vary a|b.SECTION.KEY, repeated */
static int take_vary(const opt_def *d, void *field, const char *name,
                     const char *v, char *err, size_t errlen)
{
	claim_opts *o = field;
	int i;
	(void)d;
	/* solved twice and printed twice otherwise */
	for (i = 0; i < o->nvary; i++)
		if (!strcmp(o->vary[i], v)) {
			snprintf(err, errlen, "%s %s is given twice", name, v);
			return -1;
		}
	if (o->nvary >= (int)(sizeof o->vary / sizeof o->vary[0])) {
		snprintf(err, errlen, "%s: at most %d of them", name,
		         (int)(sizeof o->vary / sizeof o->vary[0]));
		return -1;
	}
	o->vary[o->nvary++] = v;
	return 1;
}

#define CLAIM_SIDES                                                         \
	OPT_CALL("--a", claim_opts, a, "SPEC", take_spec, 0,                     \
	         "side a: CHIP[,key=value...]"),                                 \
	    OPT_CALL("--b", claim_opts, b, "SPEC", take_spec, 0,                 \
	             "side b: CHIP[,key=value...]"),                             \
	    OPT_STR("--config", claim_opts, config, "FILE",                      \
	            "[claim], [a] and [b] (the command line wins)"),             \
	    OPT_STR("--scenario", claim_opts, scenario, "NAME",                  \
	            "the scenario of both sides")
#define CLAIM_COMMON                                                        \
	CLAIM_SIDES,                                                             \
	    OPT_CALL("--target", claim_opts, target, "X", claimargs_take_target, 0,        \
	             "speedup=X or X: b's total tokens/s over a's (1e-6 .. "     \
	             "1e9)"),                                                    \
	    OPT_BOOL("--json", claim_opts, json, "JSON instead of text")

/* solve --threads: solve runs no Monte Carlo (its root finding is one
** evaluation after another), so the option, claim's, would do nothing */
static int no_threads(const opt_def *d, void *field, const char *name,
                      const char *v, char *err, size_t errlen)
{
	(void)d;
	(void)field;
	(void)v;
	snprintf(err, errlen, "%s: solve runs no Monte Carlo, which is what "
	         "claim's --threads spreads over threads; its root finding runs "
	         "on one (drop --threads)", name);
	return -1;
}

const opt_def claim_table[] = {
    CLAIM_COMMON,
    OPT_INT("--threads", claim_opts, threads, "N", 0, 64, NULL,
            "threads of the Monte Carlo and the searches (0, the\n"
            "default: one per CPU it may run on)"),
    OPT_BOOL("--no-design", claim_opts, no_design,
             "skip Sohu \"by design\" (derived from its silicon:\n"
             "data/chips/sohu-design.ini)"),
    OPT_STR("--uncertainty", claim_opts, uncertainty, "NAME",
            "the uncertainty file (default sohu)"),
    OPT_INT("--samples", claim_opts, samples, "N", 0, 1e8, NULL,
            "Monte Carlo samples (default 100000; 0: none)"),
    OPT_INT("--seed", claim_opts, seed, "S", 0, 4294967295.0, NULL,
            "the Monte Carlo seed (default 1: the same samples\n"
            "every run)"),
    OPT_STR("--db", claim_opts, db, "FILE", "store the run in SQLite (stderr: \"stored in\n"
            "FILE as claim run N\")"),
    OPT_LAST};

const opt_def solve_table[] = {
    CLAIM_SIDES,
    OPT_CALL_ALL("--target", "KEY=X", take_solve_target, 0,
                 "speedup=X (or X: b's total tokens/s over a's, 1e-6 ..\n"
                 "1e9), or the varied side's own figure:\n"
                 "output_tokens_per_s or output_tokens_per_s_per_chip\n"
                 "(at least, 1e-6 .. 1e12),\n"
                 "tpot_s or ttft_s (at most, s, 1e-9 .. 1e6),\n"
                 "output_tokens_per_joule (at least, 1e-6 .. 1e9),\n"
                 "usd_per_million_tokens_at_cost or _at_price (at most,\n"
                 "USD, 1e-6 .. 1e9)"),
    OPT_BOOL("--json", claim_opts, json, "JSON instead of text"),
    OPT_BOOL("--no-design", claim_opts, no_design,
             "skip Sohu \"by design\" (data/chips/sohu-design.ini):\n"
             "b.design.* and b.node.*, which act on it, are then\n"
             "refused"),
    OPT_CALL("--threads", claim_opts, threads, "N", no_threads, 0, NULL),
    OPT_CALL_ALL("--vary", "a|b.SECTION.KEY", take_vary, OPT_REPEAT,
                 "the parameter to solve for, repeatable (each once)"),
    OPT_LAST};

claim_report *claim_begin(const char *cmd, const opt_def *t, int argc,
                          char **argv, void (*help)(FILE *f), int *rc)
{
	claim_report *rep;
	claim_opts *first = malloc(sizeof *first);
	char err[2048];
	int read;
	if (!first || !(rep = claim_report_alloc())) {
		free(first);
		fprintf(stderr, "rooflab %s: out of memory\n", cmd);
		*rc = RL_EINTERNAL;
		return NULL;
	}
	claim_opts_init(first);
	*rc = opt_parse(cmd, t, first, argc, argv, NULL, 0, NULL, help);
	claim_opts_init(&rep->opts);
	/* solve's config: its Monte Carlo keys noted (claim_config_read) */
	rep->opts.no_uncertainty = t == solve_table;
	if (*rc == OPT_GO_ON && first->config &&
	    (read = claim_config_read(first->config, &rep->opts, err,
	                              sizeof err)))
		*rc = input_fail(cmd, read, err);
	if (*rc == OPT_GO_ON && rep->opts.mc_key_line) {
		/* a file claim and solve share: not refused, not passed over */
		snprintf(err, sizeof err, "%s:%d: [claim] %s: a key of claim's "
		         "Monte Carlo, which solve does not run (solve reads "
		         "[claim]'s scenario and target; the Monte Carlo's "
		         "samples, seed and uncertainty are ignored)",
		         first->config, rep->opts.mc_key_line, rep->opts.mc_key);
		cli_warn(cmd, err);
	}
	free(first);
	if (*rc == OPT_GO_ON &&
	    opt_parse_quiet(cmd, t, &rep->opts, argc, argv, NULL, 0, NULL, err,
	                    sizeof err))
		*rc = bad_input(cmd, err); /* not reached: the first pass took it */
	if (*rc != OPT_GO_ON) {
		claim_report_free(rep);
		return NULL;
	}
	/* 0: one thread per CPU it may run on (cli_usable_cpus), not every
	** CPU online, which the Monte Carlo took; the samples do not depend
	** on it (model/montecarlo.h) */
	if (rep->opts.threads == 0) {
		long n = cli_usable_cpus();
		rep->opts.threads = n > 64 ? 64 : (int)n;
	}
	return rep;
}
