/*
** claimargs.h: the command lines of `rooflab claim` and `rooflab solve`
** as option tables (parseopt.h): the options both take, claim's (the
** Monte Carlo and the database) and solve's (--vary).
*/
#ifndef RL_CLAIMARGS_H
#define RL_CLAIMARGS_H

#include <stdio.h>

#include "../claim/claim.h"
#include "parseopt.h"

extern const opt_def claim_table[];

/* --target's callback, speedup=X or a bare X in [1e-6, 1e9] into a
** double: claim's and solve's, and plot's, the same spelling for the same
** figure. */
int claimargs_take_target(const opt_def *d, void *field, const char *name,
                          const char *v, char *err, size_t errlen);
extern const opt_def solve_table[];

/* The start of claim and solve (cmd, its table t): the command line read
** once to find --config, the config file read, then the command line again
** over it, so that the command line wins.  A fresh report with those
** options comes back; NULL with the exit status in *rc: RL_OK after
** help(stdout), RL_EINPUT after a message on bad input, RL_EINTERNAL after
** "rooflab CMD: out of memory". */
claim_report *claim_begin(const char *cmd, const opt_def *t, int argc,
                          char **argv, void (*help)(FILE *f), int *rc);
#endif
