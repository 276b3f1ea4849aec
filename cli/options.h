/*
** options.h: reading options from argv: the ones every evaluating command
** shares (--chip --model --precision --isl --osl --tp --pp --ep --chips
** --batch --profile --scenario --set --json, into config/opts.h's eval_opts) and
** the "--name value" forms every command uses.
*/
#ifndef RL_OPTIONS_H
#define RL_OPTIONS_H

#include <stddef.h>
#include <stdio.h>

#include "../config/opts.h"

/* If argv[*i] is a shared option, consume it (and its value) and return 1;
** return 0 if it is not one; -1 with err on a missing value. */
int opts_take(eval_opts *o, int argc, char **argv, int *i, char *err,
              size_t errlen);

/* Value of "--name value" or "--name=value" at argv[*i]; NULL if argv[*i]
** is not --name.  Sets *missing when the value is absent. */
const char *opt_value(const char *name, int argc, char **argv, int *i,
                      int *missing);

/* opt_value() that only ever sets *missing (to 1), so that one flag
** remembers a missing value across the calls of one loop. */
const char *opt_arg(const char *name, int argc, char **argv, int *i,
                    int *missing);

/* Which of names[0..n-1] argv[*i] is ("--name value" or "--name=value"):
** its index, with the value in *v (and *i past it); -1 when none;
** OPT_MISSING with "--name needs a value" in err when the value is absent. */
#define OPT_MISSING (-2)
int opt_pick(const char *const *names, size_t n, int argc, char **argv,
             int *i, const char **v, char *err, size_t errlen);

/* Read argv[1..] as shared options only, into a cleared o: --help or -h
** prints help(stdout); anything else is "unknown option 'X' (see rooflab
** CMD --help)".  OPTS_GO_ON when all were taken, else the exit status the
** command returns (RL_OK after help, RL_EINPUT after a
** message on stderr). */
#define OPTS_GO_ON (-1)
int opts_read_all(eval_opts *o, const char *cmd, int argc, char **argv,
                  void (*help)(FILE *f));

/* Print an error as "rooflab CMD: message" and return RL_EINPUT. */
int bad_input(const char *cmd, const char *msg);

#endif
