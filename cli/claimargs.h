/*
** claimargs.h: the command line of `rooflab claim` and `rooflab solve`.
*/
#ifndef RL_CLAIMARGS_H
#define RL_CLAIMARGS_H

#include <stdio.h>

#include "../claim/claim.h"

/* Option value parsing shared by the commands: 0, or -1 with err. */
int claim_take_option(claim_opts *o, int argc, char **argv, int *i,
                      char *err, size_t errlen);
/* The command line of claim or solve (cmd): --config first and its file
** read, then every option through claim_take_option, the command line
** winning.  An option it does not take, or one after which refuse(o) is
** true, is "unknown option 'X' (see rooflab CMD --help)".  0 or -1 + err. */
int claim_read_args(claim_opts *o, const char *cmd, int argc, char **argv,
                    int (*refuse)(const claim_opts *o), char *err,
                    size_t errlen);

/* The start of claim and solve (cmd): --help or -h anywhere
** prints help(stdout); else a fresh report comes back, its options at claim_opts_init's defaults.  NULL with
** the exit status in *rc: RL_OK after help, RL_EINTERNAL after
** "rooflab CMD: out of memory". */
claim_report *claim_begin(const char *cmd, int argc, char **argv,
                          void (*help)(FILE *f), int *rc);
#endif
