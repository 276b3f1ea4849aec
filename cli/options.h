/*
** options.h: the options every evaluating command shares (--chip --model
** --precision --isl --osl --tp --pp --ep --chips --batch --profile
** --scenario --set --json, into config/opts.h's eval_opts) as one option
** table (parseopt.h), and the message every command gives on bad input.
** The values that set model parameters stay text here: opts_apply() puts
** them through the parameter table (model/params.c) as --set does.
*/
#ifndef RL_OPTIONS_H
#define RL_OPTIONS_H

#include "../config/opts.h"
#include "parseopt.h"

/* The shared options, fields of an eval_opts. */
extern const opt_def eval_opts_table[];

/* Print an error as "rooflab CMD: message" and return RL_EINPUT. */
int bad_input(const char *cmd, const char *msg);

/* The --db FILE a command writes, checked before any work with
** rl_db_target_check (config/dbfile.h): RL_OK, or RL_EINPUT said as
** "rooflab CMD: --db PATH: ..." ("--db: a database needs a file name ..."
** for ""). */
int db_target(const char *cmd, const char *path);

#endif
