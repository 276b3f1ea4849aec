/*
** loadopts.h: the options of serving under load, shared by eval and map
** (and refused by map where they make no sense): --rate R (requests/s, or
** inf) and --requests N, and latency targets --ttft-max S, --tpot-max S,
** --e2e-max S with percentile forms --ttft-pNN-max S (NN in (0, 100),
** e.g. --ttft-p99-max 2), as an option table (parseopt.h).
*/
#ifndef RL_LOADOPTS_H
#define RL_LOADOPTS_H

#include <stddef.h>

#include "../model/load.h"
#include "options.h"

typedef struct {
	int have_rate;     /* --rate given */
	rl_load load;
	rl_slo t[RL_SLO_MAX];
	int nt;
} load_opts;

/* The shared evaluation options and these, as eval and map take them. */
typedef struct {
	eval_opts o;
	load_opts lo;
} eval_load_args;

extern const opt_def eval_load_table[];

/* The callback of a target option (--ttft-max S, --ttft-p99-max S ...):
** field is a load_opts, the target added to its t[]; a prefix entry
** (OPT_PREFIX), the metric its ival. */
int loadopts_take_target(const opt_def *d, void *field, const char *name,
                         const char *v, char *err, size_t errlen);

/* A target option whose load_opts is at offset OFF of the command's
** option struct: PREFIX "--ttft-", METRIC RL_SLO_TTFT, SHOWN its name in
** --help ("--ttft-max S"). */
#define LOADOPTS_TARGET(OFF, PREFIX, METRIC, SHOWN, HELP)                  \
	{.type = OPT_T_CALL, .name = PREFIX, .off = OFF, .arg = SHOWN,         \
	 .cb = loadopts_take_target, .flags = OPT_PREFIX, .ival = METRIC,      \
	 .help = HELP}

/* A target's percentile as text, its shortest decimal that reads back as
** pct ("99", "99.9999999"), where "%g" rounded to 6 digits: a
** --ttft-p99.9999999-max target was shown as "ttft p100", a percentile
** the options refuse. */
void loadopts_pct_text(double pct, char *buf, size_t len);

/* A note on stderr ("rooflab CMD: note: ...") for each target that reads
** as given in milliseconds: a TPOT of 10 s or more, a TTFT of 100 s or
** more ("--tpot-max 50 is 50 s per output token; the targets are in
** seconds: 50 ms is --tpot-max 0.05"), where such a target passed every
** mapping without a word.  Nothing for the others. */
void loadopts_unit_notes(const char *cmd, const load_opts *lo);

/* Check the combination (--requests needs --rate): 0, or -1 with err. */
int loadopts_check(const load_opts *lo, char *err, size_t errlen);

#endif
