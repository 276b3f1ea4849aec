/*
** engine.h: evaluate one configuration: throughput, latency, bounds, memory.
**
** rl_eval() is pure computation on an rl_config: no I/O, no allocation, no
** global state, closed-form (no loops over layers).  It fills an rl_result
** in SI units and returns RL_OK, or an error code with a message in
** result->error.
*/
#ifndef RL_ENGINE_H
#define RL_ENGINE_H

#include "cost.h"
#include "fminmax.h"
#include "power.h"
#include "precision.h"
#include "rl_config.h"
#include "silicon.h"
#include "status.h"

enum {
	RL_EINVAL = RL_EINPUT, /* the configuration is inconsistent (bad input) */
	RL_ENOFIT = 3,         /* the model does not fit in memory */
	RL_EPOWER = 4          /* over its TDP even at the lowest clock
	                        * (RL_V_POWER): rl_eval_runnable's, never
	                        * rl_eval's, which returns the full-clock
	                        * serving, flagged */
};

/* Per-token arithmetic of a transformer, whole model (not per chip). */
typedef struct {
	double params_total;        /* all parameters */
	double params_active;       /* parameters one token touches */
	double params_embedding;    /* input embedding table */
	double linear_flops_per_token; /* 2 x active linear params incl. LM head */
	double head_flops_per_token;   /* LM head part of the above */
	double attn_flops_per_ctx;  /* attention FLOPs per decode token per context
	                            ** token: 4 L h dh (MLA: 2 L h (2 c + r)) */
	double kv_elems_per_token;  /* 2 L kv_heads head_dim (MLA: L (c + r)) */
	double act_elems_per_token_layer; /* GEMM inputs+outputs per token per layer */
	double elem_elems_full;  /* elementwise traffic per token per layer, on every TP rank */
	double elem_elems_split; /* elementwise traffic per token per layer, split over TP */
	double params_expert;    /* one routed expert's MLP in one layer */
	double moe_layers;       /* layers with routed experts (0: dense model) */
	double attn_flops_per_ctx_prefill; /* the same for a prefill token (MLA: the
	                          ** plain form; else attn_flops_per_ctx) */
	double kv_per_head;      /* 1: KV cached per KV head (split over tp);
	                          ** 0: one latent per token (MLA: every tp rank
	                          ** holds and reads all of it) */
	double attn_scores_per_ctx; /* MLA: scores per token per context
	                          ** token, L h (else 0: FLOPs / (4 head_dim)) */
	double window;           /* sliding window, tokens; 0 = none */
	double window_share;     /* share of layers with the window */
} rl_model_shape;

/* One iteration's cost, per chip. */
typedef struct {
	double tokens;          /* tokens processed (prefill + decode) */
	double gemm_compute_s;  /* GEMM FLOPs / achieved rate */
	double gemm_memory_s;   /* weights + activations / achieved bandwidth */
	double gemm_fixed_s;    /* the kernels' fixed device time
	                        ** (profile.gemm_fixed_us x the GEMMs, and
	                        ** profile.moe_layer_fixed_us x the MoE
	                        ** layers) */
	double attn_compute_s;
	double attn_memory_s;
	double elementwise_s;   /* norms, residual adds, activation functions,
	                        ** and the sampler's passes over the logits */
	double comm_s;
	double comm_exposed_s;  /* the part of comm_s not hidden under the
	                        ** other kernels (profile.comm_overlap) */
	double overhead_s;
	double overhead_hidden_s; /* the share profile.host_overlap of
	                        ** overhead_s run under the GPU's work */
	double time_s;          /* total: gemm_fixed_s + max(gemm compute,
	                        ** memory) + max(attn compute, memory) -
	                        ** the attention hidden under the GEMMs
	                        ** (rl_iter_attn_hidden) + elementwise +
	                        ** comm_exposed_s + overhead_s -
	                        ** overhead_hidden_s */
	double flops;           /* FLOPs executed on one chip */
	double hbm_bytes;       /* bytes moved to/from HBM on one chip */
	double sram_bytes;      /* weights read from SRAM where they are
	                        ** resident (chip.sram_resident_share), not
	                        ** from HBM; 0 without */
	double link_bytes;      /* bytes sent over links by one chip */
	double attn_scores;     /* attention scores (softmax inputs), one chip */
	double vector_elems;    /* elements of elementwise work (norms,
	                        ** residual adds, activations), fused or not */
	int bound;              /* rl_bound */
} rl_iter;

typedef struct {
	/* throughput: system and per chip, tokens/s */
	double output_tps;
	double total_tps;
	double output_tps_per_chip;
	double total_tps_per_chip;
	double requests_per_s;
	/* latency (service time, without queueing) */
	double ttft_s;
	double tpot_s;
	double e2e_s;
	/* batching, per replica */
	double concurrency;     /* sequences in flight */
	double decode_seqs;     /* sequences decoding in an iteration */
	double prefill_tokens;  /* prefill tokens per iteration, average */
	double prefill_chunk;   /* tokens of a prefill-carrying iteration */
	double prefill_share;   /* share of iterations that carry prefill */
	int concurrency_limit;  /* what caps concurrency: see rl_limit_name() */
	double replicas;
	/* utilization */
	double mfu;             /* model FLOPs / (chips x peak) */
	double mbu;             /* HBM bytes / (time x bandwidth), decode */
	double peak_flops;      /* per chip, at the compute precision */
	/* phases */
	rl_iter prefill;        /* an iteration carrying a prefill chunk */
	rl_iter decode;         /* an iteration of decode only */
	int prefill_bound;
	int decode_bound;       /* RL_BOUND_NONE when osl = 1 */
	/* memory, per chip */
	double weights_bytes;   /* whole model */
	double weights_bytes_per_chip;
	double kv_bytes_per_token;      /* whole model */
	double kv_bytes_per_token_per_chip;
	double kv_capacity_bytes;       /* per chip */
	double kv_used_bytes;           /* per chip, steady state */
	double runtime_bytes;           /* per chip */
	double free_bytes;              /* per chip */
	double sram_resident_bytes;     /* per chip: weights read from SRAM
	                                ** (chip.sram_resident_share), the
	                                ** fullest stage's; their copy in HBM
	                                ** stays counted in weights */
	double kv_capacity_tokens;      /* per replica */
	/* average achieved rates per chip (for power) */
	double avg_flops_per_s;
	double avg_hbm_Bps;
	double avg_sram_Bps;    /* resident weights read from SRAM */
	double avg_link_Bps;
	/* iterations per second of each kind on the busiest chip (its stage
	** runs mb of them per round); their times add up to at most 1 s, the
	** rest is the pipeline bubble */
	double prefill_iters_per_s;
	double decode_iters_per_s;
	/* power and cost (eval.c, silicon); NAN where the chip lacks inputs */
	double power_w;         /* per chip, drawn by this workload */
	double clock_scale;     /* 1, or < 1 when the TDP limits the clock:
	                        ** the lower of the two phases' */
	double clock_scale_prefill, clock_scale_decode;
	double power_prefill_w; /* per chip, while it runs a prefill-carrying
	                        ** iteration (NAN: no power model) */
	double power_decode_w;  /* while it runs a decode-only iteration */
	int power_limited;      /* 1 when the TDP limit lowered the clock */
	double power_lowest_w;  /* over the TDP at every clock (violations
	                        ** RL_V_POWER): the power of the phase over
	                        ** it at the lowest clock tried (the higher of
	                        ** the two where both are), W; NAN otherwise */
	double clock_scale_lowest; /* that clock's share of the nominal
	                        ** (RL_CLOCK_SCALE_MIN); NAN otherwise */
	double chip_cost_usd;   /* manufacturing cost of one chip (cost.c) */
	double chip_price_usd;  /* price a buyer pays (cost.price_usd) */
	double usd_per_mtok_cost;  /* USD per million output tokens, system,
	                            * chips at their manufacturing cost */
	double usd_per_mtok_price; /* the same with chips at their price */
	int violations;         /* RL_V_* flags of silicon.h (by-design chips, power) */
	/* model arithmetic */
	rl_model_shape shape;
	char error[256];        /* keep it last: rl_serve writes every field
	                        ** before it (tests: test_cache.c) */
} rl_result;

/* What caps concurrency. */
enum {
	RL_LIMIT_TOKENS = 0, /* max_num_tokens budget */
	RL_LIMIT_BATCH,      /* max_batch_size */
	RL_LIMIT_MEMORY,     /* KV-cache capacity */
	RL_LIMIT_USER,       /* --batch */
	RL_LIMIT_COUNT
};
const char *rl_limit_name(int limit);

/* Transformer arithmetic (transformer.c). */
void rl_model_shape_of(const rl_model *m, rl_model_shape *s);

/* An MoE model's dense layers (model.dense_layers) beside its MoE ones:
** their shares of what the layers hold and do besides the routed experts
** (each layer's attention projections and norms, a dense layer's MLP of
** dense_ffn_hidden, an MoE layer's router and shared experts), for the
** attention the engine hides under each kind of layer's GEMMs
** (profile.attn_overlap, engine.c).  All 0 in a model of one kind of
** layer (dense, or MoE throughout). */
typedef struct {
	double layers;  /* dense layers / layers */
	double flops;   /* of the layers' linear FLOPs per token besides the
	                ** routed experts' */
	double params;  /* of the layers' parameters besides the routed
	                ** experts (the weights a token reads) */
	double act;     /* of the layers' GEMM inputs and outputs per token */
} rl_dense_shares;
void rl_dense_shares_of(const rl_model *m, const rl_model_shape *s,
                        rl_dense_shares *d);

/* Keys an attention token sees, averaged over the layers (a windowed layer
** sees at most the window): over the decode steps of a request with isl
** input and osl output tokens (isl + osl / 2 without a window), and over
** the causal prefill of isl tokens ((isl + 1) / 2 without one).
** Inline where the model has no window (the engine's hot path); the
** windowed averages are transformer.c's (rl_ctx_*_window, given the
** unwindowed one). */
double rl_ctx_decode_window(const rl_model_shape *s, double isl, double osl,
                            double full);
double rl_ctx_prefill_window(const rl_model_shape *s, double isl,
                             double full);
/* The same in a windowed layer alone (s->window > 0): what
** rl_ctx_decode_window and rl_ctx_prefill_window average with the full
** layers' (the engine's attention overlap per layer kind). */
double rl_ctx_decode_in_window(const rl_model_shape *s, double isl,
                               double osl);
double rl_ctx_prefill_in_window(const rl_model_shape *s, double isl);
static inline double rl_ctx_decode(const rl_model_shape *s, double isl,
                                   double osl)
{
	double full = isl + osl / 2;
	if (s->window <= 0 || s->window_share <= 0)
		return full;
	return rl_ctx_decode_window(s, isl, osl, full);
}
static inline double rl_ctx_prefill(const rl_model_shape *s, double isl)
{
	double full = (isl + 1) / 2;
	if (s->window <= 0 || s->window_share <= 0 || s->window >= isl)
		return full;
	return rl_ctx_prefill_window(s, isl, full);
}

/* The bound of terms charged as given: the largest of comp, mem, c and o,
** the earlier on a tie; a NaN fails every compare (rl_iter_bound's
** last step). */
static inline int rl_bound_of(double comp, double mem, double c, double o)
{
	double hi;
	int bound = RL_BOUND_COMPUTE;
	/* (each compare once: a > b, else rl_fmax(b, a) is b unless b is a
	** NaN) */
	if (mem > comp) {
		bound = RL_BOUND_MEMORY;
		hi = mem;
	} else {
		hi = rl_fmax(comp, mem);
	}
	if (c > hi) {
		bound = RL_BOUND_COMM;
		hi = c;
	} else {
		hi = rl_fmax(hi, c);
	}
	if (o > hi)
		bound = RL_BOUND_OVERHEAD;
	return bound;
}

/* What bounds an iteration (rl_bound): the term that sets its time, of
** its compute-bound kernels (comp), its memory-bound ones (mem, with the
** elementwise kernels), its all-reduces (comm) and its host time (over),
** the largest once each is charged its share of the time.  A term run in
** parallel with another (profile.comm_overlap, profile.host_overlap) is
** charged the window the two overlap where it lasts longer, the other is
** not: the other waits on it.  comm runs under the kernels (rest: their
** whole time, the fixed kernel time with them) as far as they last, the
** window comm - comm_exposed; comm longer than rest keeps all of it and
** the kernels' terms lose the window in proportion; else comm is charged
** its exposed part alone.  The host time runs under the GPU's (rest +
** comm_exposed) likewise, the window over_hidden.  The charged terms add up
** to the time (but for the fixed kernel time, in no term); without overlap
** each term is charged in full and the largest names the bound.  A NaN
** fails every compare: the order of the terms names it, as before. */
static inline int rl_iter_bound(double comp, double mem, double rest,
                                double comm, double comm_exposed,
                                double over, double over_hidden)
{
	double k = 1.0, c = comm, o = over;
	double w = comm - comm_exposed;
	if (w > 0) {
		if (comm > rest)
			k = 1 - w / rest;
		else
			c = comm_exposed;
	}
	if (over_hidden > 0) {
		double gpu = rest + comm_exposed;
		if (over > gpu) {
			double g = 1 - over_hidden / gpu;
			k *= g;
			c *= g;
		} else {
			o = over - over_hidden;
		}
	}
	return rl_bound_of(comp * k, mem * k, c, o);
}

/* The share profile.attn_overlap of an iteration's attention run under its
** GEMMs (engine.c), worked out from its fields where it is shown, not kept
** in them (the iteration's hot path writes nothing more): the time its
** parts add up to, in the order iter_cost adds them, less its time_s.
** Without the overlap the two sums are the same operations on the same
** numbers, so exactly +0 (and anything not > 0, a NaN too, is +0). */
static inline double rl_iter_attn_hidden(const rl_iter *it)
{
	double sum = it->gemm_fixed_s +
	             (it->gemm_memory_s > it->gemm_compute_s
	                  ? it->gemm_memory_s
	                  : it->gemm_compute_s) +
	             (it->attn_memory_s > it->attn_compute_s
	                  ? it->attn_memory_s
	                  : it->attn_compute_s) +
	             it->elementwise_s;
	double d = sum + it->comm_exposed_s + it->overhead_s -
	           it->overhead_hidden_s - it->time_s;
	return d > 0 ? d : 0.0;
}

/* Expected distinct experts touched per layer by `tokens` tokens. */
double rl_experts_touched(const rl_model *m, double tokens);

#include "servesetup.h"

/* The setup of cfg (servesetup.c), for engine.c alone: cfg's checks, then
** every field of u, r's fields that the setup gives written as reached
** (a failure leaves the rest as they were); RL_OK, or an error code with
** r->error.  rl_serve_setup_memory is its last step alone (the runtime's
** memory and the KV capacity, u->runtime and u->kv_cap_tokens), on u's
** other fields as rl_serve_setup_of left them. */
int rl_serve_setup_of(const rl_config *cfg, rl_result *r, rl_serve_setup *u);
int rl_serve_setup_memory(const rl_config *cfg, rl_result *r,
                          rl_serve_setup *u);

/* A cache the caller owns, carried from one evaluation to the next: what
** the serving model works out from everything but the scenario's isl, osl
** and batch (the model's shape, the mapping's checks and collectives,
** weights, runtime memory and KV capacity).  No allocation: keep one on
** the stack, set .valid = 0 before its first use, and pass it to
** rl_eval_cached for a run of evaluations (one cache per thread).  Each
** evaluation compares what serving reads of its configuration (all but
** the design, node and cost sections, which serving never reads) with the
** key, byte by byte, so any change there but isl, osl or batch
** recomputes; results are identical to rl_eval's.  A configuration that
** fails its checks is never kept.
** The setup is read in place (servesetup.h: the serving model's business); the
** chip's cost, and what power and cost work out from the configuration
** alone (pc, rl_power_cost_memo above: its own compare of the design,
** node and cost sections), are kept beside it (eval.c; a new setup clears
** them too, so that valid = 0 alone starts a cache).  Where the profile's batch rule
** picks max_batch_size and max_num_tokens per request (benchrule.h), the
** configuration given (key, compared in what serving reads alone: power
** and cost read the caller's configuration, not cfg below) and the rule's
** request-independent share (kv_tokens, pp) are kept too, with the
** configuration served (cfg: the key with the request and the rule's two
** numbers, eval.c; its design, node and cost may be stale); a setup of
** another configuration clears them.  key_is_rule says that the setup's
** key was taken from (or found equal to) the rule's cfg since the rule's
** key last changed: the two then differ in what serving reads at most in
** the rule's two numbers, which engine.c compares alone (eval.c clears it
** whenever the rule's key changes).  The rule's key holds the whole
** configuration given last (its request and its design, node and cost
** too), so that eval.c compares it, all but the request; pc_key_is_rule says that
** pc's design, node and cost are the rule's key's (eval.c sets it where
** power and cost read the rule's key, clears it whenever that changes):
** a configuration found equal to the key then needs no compare of pc's. */
typedef struct {
	int valid;
	/* the configuration as given last, whole (eval.c): its bytes at
	** key + key_at, an offset eval.c picks when it takes a new key so that
	** the key lies at the given configuration's address mod 32: memcmp's
	** 32-byte loads of the two then split cache lines alike (a key 8 bytes
	** off: 15-19 ns for a 1224-byte memcmp here, 14.4 ns alike aligned) */
	unsigned char key[sizeof(rl_config) + 32];
	size_t key_at;
	rl_config cfg;   /* served: the key, the request, the rule's numbers */
	double kv_tokens; /* rl_trtllm_bench_kv_tokens of the key */
	double pp;
} rl_batch_rule_memo;

/* What power and cost (eval.c) work out from a configuration alone, for
** a chip with a power model (without one, the chip's cost alone is kept:
** rl_chip_cost_memo), kept beside the setup: the matrix precision, the
** power terms at the full clock (rl_power_fixed_of at 1),
** the chip's cost and price, the chips, and the hardware's share of USD
** per second at each (rl_usd_hw_per_s).  Besides what the setup reads
** (its key, which a new setup follows: it clears this memo), they read
** the design, node and cost sections alone: those are compared with the
** key's, byte by byte, at each use (key holds them; the rest of it is
** not read). */
typedef struct {
	int valid;
	int prec;
	rl_power_fixed full;     /* at clock share 1 */
	double chip_usd, price_usd, chips;
	double hw_cost_usd_per_s, hw_price_usd_per_s; /* rl_usd_hw_per_s of each */
	/* what an evaluation tests of them and of the configuration, as
	** integers: chip.tdp_w > 0, cost.years > 0, chip_usd and price_usd
	** finite (rl_usd_per_mtok_pair_hw's tests) */
	int tdp_on, years_ok, cost_ok, price_ok;
	int usd_ok;              /* years_ok, cost_ok and price_ok all set */
	int sram_on;             /* rl_sram_resident_on(&chip) (power.h) */
	rl_config key;
} rl_power_cost_memo;

typedef struct {
	int valid;
	rl_config key;
	rl_serve_setup setup;
	rl_serve_request req;
	rl_chip_cost_memo cost;
	rl_batch_rule_memo rule;
	rl_power_cost_memo pc;
	int key_is_rule;
	int pc_key_is_rule;
} rl_eval_cache;

/* The serving model alone, for a chip given by its spec sheet (engine.c). */
int rl_serve(const rl_config *cfg, rl_result *res);
/* The same with the matrix peaks lowered to s_prefill of themselves in
** prefill-carrying iterations and to s_decode in decode-only ones (a clock
** the TDP lowers, phase by phase: eval.c), and the on-chip SRAM's read
** bandwidth with them (bytes per cycle x the core clock: engine.c's
** clock_peaks); HBM, links and overheads do not follow the core clock.
** rl_serve is s_prefill = s_decode = 1. */
int rl_serve_clocked(const rl_config *cfg, double s_prefill, double s_decode,
                     rl_result *res);
/* The same with a cache (NULL: none), rl_eval_cache above. */
int rl_serve_cached(const rl_config *cfg, rl_eval_cache *cache,
                    double s_prefill, double s_decode, rl_result *res);
/* rl_serve_cached less the fields of power and cost (power_w and its two
** phases', the three clock_scale, power_limited, chip_cost_usd,
** chip_price_usd, both usd_per_mtok and violations), left as they were
** where it succeeds: rl_eval_cached writes each of them afterwards. */
int rl_serve_bare(const rl_config *cfg, rl_eval_cache *cache,
                  double s_prefill, double s_decode, rl_result *res);
/* rl_serve_bare, keeping the request it solved in the cache for
** rl_serve_phase only where keep_req is not 0 (rl_serve_bare keeps it;
** without it the cache's request is marked not kept: rl_eval_cached serves
** again, keeping it, before a TDP's clock fit needs it). */
int rl_serve_bare_req(const rl_config *cfg, rl_eval_cache *cache,
                      double s_prefill, double s_decode, int keep_req,
                      rl_result *res);

/* One phase's iteration (phase 0: prefill-carrying, 1: decode-only) with
** its matrix peaks at clock share s, for cfg's request: exactly what
** rl_serve_cached with that phase at s would put in res->prefill or
** res->decode, without solving the request again, when cache holds cfg's
** setup and its last evaluation was of cfg's request (isl, osl, batch)
** and kept it (rl_serve_cached and rl_serve_bare do; rl_eval_cached only
** where a TDP's clock fit needed it); else RL_EINVAL and nothing done (the
** TDP clock fit, eval.c).  it lies outside cfg and cache (engine.c
** writes it through a restrict pointer). */
int rl_serve_phase(const rl_config *cfg, const rl_eval_cache *cache,
                   int phase, double s, rl_iter *it);
/* rl_serve_phase without its checks, for a caller that knows them true:
** cache's last call of rl_serve_bare, rl_serve_cached or rl_serve_bare_req
** with keep_req was of cfg, as it is now, and succeeded (eval.c's clock
** fit, within the evaluation that served cfg; each such success keeps its
** request: engine.c).  Always RL_OK. */
int rl_serve_phase_served(const rl_config *cfg, const rl_eval_cache *cache,
                          int phase, double s, rl_iter *it);

/* A chip given by design (chip.by_design) turned into its spec sheet
** (eval.c): out is in with the derived chip, by_design cleared, and the
** silicon's violations counted.  RL_OK, or an error code with err. */
int rl_design_to_spec(const rl_config *in, rl_config *out, int *violations,
                      char *err, size_t errlen);

/* A full evaluation (eval.c): resolve a chip given by design into its spec,
** serve, then power (with the TDP limit) and cost.  Every command calls
** this one. */
int rl_eval(const rl_config *cfg, rl_result *res);

/* The one reading of a chip over its TDP even at the lowest clock
** (violations & RL_V_POWER, silicon.h): rl_eval leaves it at full
** clock, flagged, a throughput it cannot run at.  Every user of a
** throughput under a TDP (claim's metric and solve, its TDP speedups,
** sweeps' points and their why) reads rl_eval's return through this:
** RL_EPOWER for such a result, else rc as it was. */
static inline int rl_eval_runnable(int rc, const rl_result *r)
{
	return rc == RL_OK && (r->violations & RL_V_POWER) ? RL_EPOWER : rc;
}

/* The words for such a result (RL_EPOWER), into buf: "over its TDP at
** every clock: power X W at the lowest clock Y GHz" (cfg: what was
** evaluated; its design clock gives the GHz, else the share of nominal);
** "" for any other. */
void rl_over_tdp_words(const rl_config *cfg, const rl_result *r, char *buf,
                       size_t len);
/* rl_eval with a caller-owned cache (rl_eval_cache above; NULL: none):
** the same results, faster over a run of points of one design. */
int rl_eval_cached(const rl_config *cfg, rl_eval_cache *cache,
                   rl_result *res);
/* rl_eval_cached through one of its two copies (avxclone.h), for tests
** and the bench: avx 0, the one compiled without AVX; 1, the one compiled
** for AVX, which rl_eval_cached runs where the processor has AVX (where
** the build has none, or the processor lacks AVX: RL_EINVAL, res->error
** saying so).  The same results, bit for bit (test_avxclone). */
int rl_eval_cached_copy(const rl_config *cfg, rl_eval_cache *cache,
                        rl_result *res, int avx);

#endif
