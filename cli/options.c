/*
** options.c: the shared evaluation options as a table (options.h).
*/
#include "options.h"

#include <stdio.h>

/* --set section.key=value, repeated: checked when applied (opts_apply) */
static int take_set(const opt_def *d, void *field, const char *name,
                    const char *v, char *err, size_t errlen)
{
	eval_opts *o = field;
	(void)d;
	if (o->nsets >= OPTS_MAX_SETS) {
		snprintf(err, errlen, "%s: more than %d of them", name,
		         OPTS_MAX_SETS);
		return -1;
	}
	o->sets[o->nsets++] = v;
	return 1;
}

const opt_def eval_opts_table[] = {
    OPT_STR("--chip", eval_opts, chip, "NAME", "a chip preset or INI file"),
    OPT_STR("--model", eval_opts, model, "NAME", "a model preset or INI file"),
    OPT_STR("--precision", eval_opts, precision, "P",
            "fp8, fp16, bf16 or fp4 (scenario.precision)"),
    OPT_STR("--isl", eval_opts, isl, "N", "input tokens (scenario.isl)"),
    OPT_STR("--osl", eval_opts, osl, "N", "output tokens (scenario.osl)"),
    OPT_STR("--tp", eval_opts, tp, "N", "tensor-parallel degree"),
    OPT_STR("--pp", eval_opts, pp, "N", "pipeline stages"),
    OPT_STR("--ep", eval_opts, ep, "N", "expert-parallel degree"),
    OPT_STR("--chips", eval_opts, chips, "N", "chips in the system"),
    OPT_STR("--batch", eval_opts, batch, "N", "concurrent sequences at most"),
    OPT_STR("--profile", eval_opts, profile, "NAME", "a serving profile"),
    OPT_STR("--scenario", eval_opts, scenario, "NAME", "a scenario preset"),
    OPT_CALL_ALL("--set", "SECTION.KEY=V", take_set, 0,
                 "any parameter (rooflab params), repeatable"),
    OPT_BOOL("--json", eval_opts, json, "JSON instead of a table"),
    OPT_LAST};

int bad_input(const char *cmd, const char *msg)
{
	fprintf(stderr, "rooflab %s: %s\n", cmd, msg);
	return RL_EINPUT;
}
