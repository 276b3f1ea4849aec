/*
** loadout.h: showing serving under load (model/load.h) as a table or as
** JSON: the figures at a rate, and latency targets with whether they are
** met.  Shared by eval, curve and map.
*/
#ifndef RL_LOADOUT_H
#define RL_LOADOUT_H

#include <stdio.h>

#include "../config/json.h"
#include "../model/load.h"

/* The "load" object: regime, rates, concurrency, latencies, throughput. */
void loadout_json(json_w *w, const char *key, const rl_load_result *lr);
void loadout_table(FILE *f, const rl_load_result *lr);

/* A target's name as the tables write it: "ttft p99", "tpot mean". */
void loadout_target_name(const rl_slo *t, char *buf, size_t len);

/* The "targets" array: each target, its value in lr and whether it is met
** (lr may be NULL: values left out). */
void loadout_targets_json(json_w *w, const rl_slo *t, int n,
                          const rl_load_result *lr);
void loadout_targets_table(FILE *f, const rl_slo *t, int n,
                           const rl_load_result *lr);

/* The answer of a target search: "met" and, when met, the best load;
** otherwise which target no load meets and its unloaded value. */
void loadout_search_json(json_w *w, const rl_slo *t, int n,
                         const rl_slo_result *sr);
void loadout_search_table(FILE *f, const rl_slo *t, int n,
                          const rl_slo_result *sr);

#endif
