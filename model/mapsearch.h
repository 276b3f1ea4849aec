/*
** mapsearch.h: the search over every legal mapping of a system's chips
** (mapping.h), each evaluated with rl_eval and ranked (mapsearch.c).
** Apart from mapping.h because it calls the engine, which uses
** mapping.c.
*/
#ifndef RL_MAPSEARCH_H
#define RL_MAPSEARCH_H

#include <stddef.h>

#include "engine.h"

/* One mapping of a search. */
typedef struct {
	double tp, pp, dp, ep;
	int rc;              /* RL_OK, RL_ENOFIT, or RL_EPOWER (over its TDP
	                     ** at every clock, rl_eval_runnable: ranked with
	                     ** those that do not fit, never best) */
	double output_tps, total_tps;
	double ttft_s, tpot_s;
	int bound;           /* decode phase bound (prefill when osl = 1) */
	int meets;           /* 1: fits and within the latency limits */
	double watts;        /* per chip (rl_result power_w) */
	double clock_scale;  /* rl_result clock_scale: < 1 where the TDP
	                     ** lowered the clock (NAN: no power model) */
	double usd_cost, usd_price; /* per million output tokens, system */
	double lowest_w;     /* RL_EPOWER: per chip at the lowest clock
	                     ** (rl_result power_lowest_w); else NAN */
	double tokens_per_j; /* output tokens per joule of its chips: output
	                     ** tokens/s per chip over watts per chip (eval's
	                     ** power.output_tokens_per_joule); NAN where the
	                     ** power is unknown or not above 0 */
} rl_map_entry;

/* What a search ranks by (map --rank-by): the higher first for
** throughput and tokens per joule, the lower first for cost and latency. */
typedef enum {
	RL_RANK_OUTPUT_TPS = 0, /* system output tokens/s (the default) */
	RL_RANK_TOKENS_PER_J,   /* output tokens per joule (tokens_per_j) */
	RL_RANK_USD_COST,       /* USD per million output tokens, chips at
	                        ** their manufacturing cost (usd_cost) */
	RL_RANK_USD_PRICE,      /* the same at their price (usd_price) */
	RL_RANK_TTFT,           /* time to first token, s (ttft_s) */
	RL_RANK_TPOT,           /* time per output token, s (tpot_s) */
	RL_RANK_N
} rl_map_rank;

/* Latency limits of a search (0 = none) and its ranking key. */
typedef struct {
	double ttft_max_s, tpot_max_s;
	int rank_by;         /* rl_map_rank; 0 (zeroed): output tokens/s */
} rl_map_limits;

/* A mapping's figure under a ranking key (its field named above); NAN
** where unknown. */
double rl_map_rank_value(const rl_map_entry *e, int rank_by);

/* 1 where a ranks before b under key (rl_map_rank; rl_map_search's
** order): those that meet the limits first, then the runnable (rc RL_OK),
** then a known figure under key before an unknown one (NAN), then the
** higher (output tokens/s, tokens per joule) or the lower (cost,
** latency); ties by output tokens/s, a known one before NAN, then fewer
** pp, tp, ep.  So a mapping whose figure is NAN never ranks before one
** whose figure is known, in either order of the two. */
int rl_map_before(const rl_map_entry *a, const rl_map_entry *b, int key);

/* 1 where a runnable mapping's TTFT and TPOT meet lim's limits (0: none):
** each at most its limit; a latency unknown (NAN) meets no limit set on
** it. */
int rl_map_meets(const rl_map_limits *lim, double ttft_s, double tpot_s);

/* Every legal mapping of scenario.chips chips (tp dividing the heads, pp up
** to the layers, ep dividing dp and the experts for a mixture of experts),
** evaluated with rl_eval and sorted: those that meet the limits first, by
** lim->rank_by (output tokens/s where lim is NULL; a figure unknown, NAN,
** after every known one; ties: more output tokens/s, then fewer pp, then
** fewer tp, then fewer ep), then the rest, those
** that do not fit in memory or are over their TDP at every clock last
** (no throughput: rl_eval_runnable).  Writes
** at most max entries; returns how many legal mappings there are (more
** than max: the list was cut).  No allocation. */
size_t rl_map_search(const rl_config *cfg, const rl_map_limits *lim,
                     rl_map_entry *out, size_t max);
/* The same, with best (where not NULL) the evaluation of out[0] as the
** search made it (rl_eval of cfg at out[0]'s mapping: scenario.chips,
** tp, pp and ep set as rl_map_search sets them), where max > 0 and a
** mapping was legal; else untouched.  Monte Carlo reads it rather than
** evaluate its winner again. */
size_t rl_map_search_best(const rl_config *cfg, const rl_map_limits *lim,
                          rl_map_entry *out, size_t max, rl_result *best);

/* The one wording of a mapping of a search that does not run (rc not
** RL_OK), map's table and JSON and claim's list alike: "does not fit in
** memory", or "over its 80 W TDP at every clock (88 W at the lowest
** clock)" (cfg: what was searched).  Returns buf. */
const char *rl_map_not_run_words(const rl_config *cfg, const rl_map_entry *e,
                                 char *buf, size_t len);

/* "TP2 x PP1 x DP4, TP1 x PP2 x DP4, ...": the mappings of
** scenario.chips chips that fit in memory (over their TDP or not), best
** first (cut with ", ..."
** where buf is full; rl_mapping_words, mapping.h).  Returns how many were
** written, 0 when none fits. */
size_t rl_map_fitting(const rl_config *cfg, char *buf, size_t len);

/* The most chips rl_map_fewest_chips tries: the model's heads x layers (x
** experts for a mixture of experts), tp and pp at their most and an
** expert per replica, beyond which more chips split nothing further,
** cut at RL_MAP_FEWEST_MAX (a search per number of chips). */
#define RL_MAP_FEWEST_MAX 4096.0
double rl_map_most_chips(const rl_config *cfg);

/* 1 where rl_map_most_chips is cut at RL_MAP_FEWEST_MAX (heads x layers,
** x experts, above it), 0 where it is the model's own product (4,096
** itself included). */
int rl_map_most_cut(const rl_config *cfg);

/* Where no mapping of scenario.chips chips fits: the fewest chips above
** them, up to rl_map_most_chips, of which a mapping fits, and in buf those
** mappings (rl_map_fitting's list); 0, buf empty, where none up to it
** does. */
double rl_map_fewest_chips(const rl_config *cfg, char *buf, size_t len);

/* The one wording of "no mapping of these chips fits", where fewest and
** list are rl_map_fewest_chips's (0: none up to rl_map_most_chips fits):
**   "no mapping of 4 chips fits; the fewest chips that fit: 8 (TP8 x PP1,
**   ...)", "no mapping of 8 chips fits, nor of any number up to 1024 (the
**   model's 32 heads x its 32 layers: tp and pp at their most)", or, where
**   the chips are that many already and the search tried none, "no mapping
**   of 2000 chips fits, and more are not tried: the search for the fewest
**   chips stops at 1024 (...)"; "the search's end, under" before "the
**   model's" where rl_map_most_cut, " x its 8 experts" after the layers
**   for a mixture.  eval's, curve's and claim's refusals
**   (rl_map_fit_hint) and map's note under its table.  Returns out. */
const char *rl_map_none_fits_words(const rl_config *cfg, double fewest,
                                   const char *list, char *out, size_t len);

/* A mapping that does not fit (RL_ENOFIT, its message in err): appends to
** err the mappings of the same chips that fit, or, where none does, the
** fewest chips of which one does (rl_map_fewest_chips) or that none up to
** rl_map_most_chips does; of the mappings it lists, those over the TDP at
** every clock (status 4: they fit in memory but do not run) are said so
** ("..., each over the chip's 80 W TDP at every clock, so none runs"), where
** the hint offered them as a way out.  eval's, curve's and claim's
** refusals. */
void rl_map_fit_hint(const rl_config *cfg, char *err, size_t len);

#endif
