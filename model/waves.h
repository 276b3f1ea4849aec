/*
** waves.h: the throughput of a finite run of identical requests released
** all at once, as the published maximum-load tables run it
** (profile.burst_waves).
**
** With every request of the same isl and osl, all sent at t = 0, and a
** scheduler that admits a request only while it can hold all of it
** (TensorRT-LLM's guaranteed-no-evict: the KV blocks of isl + osl, or a
** batch slot), the engine admits n whole requests at once, where n is the
** concurrency the KV cache or max_batch_size allows, rounded down (a
** request is admitted whole or not at all).  They decode in step and end
** within the few iterations their prompts' chunks were spread over, free
** their blocks together, and the next n are admitted: the run is served in
** W = ceil(R / n) waves, the last of p = R - (W - 1) n requests.  Each full
** wave takes n / X(n) seconds and the last p / X(p), X(m) being the
** requests/s of the engine holding m sequences (rl_eval at batch m: the
** steady state of m in flight, which is what a wave's n requests cost on
** average: the same tokens, prompts and growing contexts); so the run
** completes R requests in (W - 1) n / X(n) + p / X(p) seconds, not in
** R / X(n_unrounded) as an endless stream would.  A wave's prompts,
** though, go through the token budget B (max_num_tokens) a chunk at a
** time, beside the decode tokens of those of its requests already
** generating (n / 2 on average while it is admitted): its n requests start
** over S = n isl / (B - n / 2) iterations and so end over S iterations,
** and the next wave starts as spread out.  Where S
** reaches the osl iterations a request decodes for, the waves overlap
** into a stream; in between, the run's time is taken as
** (1 - b) t_waves + b R / X(n_unrounded) with b = min(1, S / osl)
** (ASSUMPTION: a linear blend, the share of a wave's life its admission
** spread covers).  Where the token budget caps the steady state's
** concurrency the run is served in waves all the same: the budget
** limits how fast a wave's prompts go in (S above, and so b), not
** whether the requests released together end together; n is then the
** token-capped concurrency (ASSUMPTION: the KV cache may admit more at
** once, but the budget's decode tokens bound how many advance an
** iteration), not rounded down (the budget caps a rate of prompt
** tokens, and the concurrency it allows is an average, not a count of
** whole requests).  Costing that case as a stream (as this model once did)
** dropped the last wave's tail exactly where the budget binds, so a chip
** with more memory, memory-capped at a larger n, came out slower than a
** smaller one whose budget bound first (Mixtral-8x22B 16-bit tp 8
** 128/2048 on GB200 against B200, 8%).  Each replica serves R / replicas
** of the requests.  Latencies are not changed (the steady state's).
** Pure computation: no I/O, no allocation.
*/
#ifndef RL_WAVES_H
#define RL_WAVES_H

#include "engine.h"

/* rl_eval of cfg, then (where cfg's profile sets burst_waves, requests >=
** 1, osl > 1 and the KV cache, max_batch_size or the token budget caps
** the concurrency) the
** throughputs (requests_per_s, output_tps, total_tps and their per-chip
** figures) of a run of `requests` requests served in waves as above.
** requests < 1: rl_eval's result unchanged.  Returns rl_eval's status. */
int rl_eval_run(const rl_config *cfg, double requests, rl_result *r);

/* The blend b = min(1, n isl / budget / osl) of a wave of n requests
** towards the steady stream (0: sharp waves, 1: a stream), budget being
** the prompt tokens an iteration takes (rl_eval_run passes
** max(1, max_num_tokens - n / 2)). */
double rl_waves_blur(double n, double isl, double osl, double budget);

/* The waves of a run of `per` requests admitted n at a time (n >= 1 whole
** requests): returns W = ceil(per / n) and sets *last to the last wave's
** p = per - (W - 1) n, in (0, n]. */
double rl_waves_split(double per, double n, double *last);

#endif
