/*
** evalout.h: showing one evaluation, as a readable table or as JSON, from
** the output table (model/outputs.c).  Shared by eval, claim and others.
*/
#ifndef RL_EVALOUT_H
#define RL_EVALOUT_H

#include <stdio.h>

#include "../model/engine.h"
#include "../config/json.h"
#include "../config/setup.h"

/* Results as nested JSON members ("throughput": {...}, ...) of the object
** being written; also "setup" with the preset names and the scenario. */
void evalout_json(json_w *w, const rl_setup *st, const rl_result *r);

/* "setup": the preset names, the profile and how it was chosen (chosen:
** NULL or "" for none), the precisions and the scenario; with_mapping 0
** leaves out tp, pp and ep (map searches them) and gives chips as the
** scenario names them. */
void evalout_setup_json(json_w *w, const rl_setup *st, const char *chosen,
                        int with_mapping);

/* Readable table. */
void evalout_table(FILE *f, const rl_setup *st, const rl_result *r);

/* Format a number with a display unit: "1,337.4 tokens/s". */
void evalout_value(char *buf, size_t len, double v, const char *unit);

#endif
