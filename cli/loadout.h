/*
** loadout.h: showing serving under load (model/load.h) as a table or as
** JSON: the figures at a rate, and latency targets with whether they are
** met.  Shared by eval, curve and map.
*/
#ifndef RL_LOADOUT_H
#define RL_LOADOUT_H

#include <stdio.h>

#include "../config/json.h"
#include "../model/engine.h"
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

/* USD per million output tokens at a load: at_cost with the chips at
** their manufacturing cost, at_price at their price (NAN where unknown). */
typedef struct {
	double at_cost, at_price;
} loadout_usd;

/* The cost per token of the best load under the targets, from the one
** cost function every command's USD/Mtoken comes from
** (rl_usd_per_mtok_pair, model/cost.c): the system's chips amortized over
** cost.years plus their energy (chips x watts x server_overhead x PUE x
** USD/kWh), over lr's output tokens/s.  The watts per chip are full's,
** the same mapping at full load (the load model gives no power at a
** lower rate), so the energy term is counted at that power. */
void loadout_usd_at(const rl_config *cfg, const rl_result *full,
                    const rl_load_result *lr, loadout_usd *u);

/* The answer of a target search: "met" and, when met, the best load and,
** u not NULL, its cost per token (object "cost", as eval's keys);
** otherwise which target no load meets and its unloaded value. */
void loadout_search_json(json_w *w, const rl_slo *t, int n,
                         const rl_slo_result *sr, const loadout_usd *u);
void loadout_search_table(FILE *f, const rl_slo *t, int n,
                          const rl_slo_result *sr, const loadout_usd *u);

#endif
