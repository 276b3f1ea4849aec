/*
** engine.c: steady-state serving of a transformer on a group of chips.
**
** The serving model is that of an in-flight (continuous) batching server
** with chunked prefill, driven at maximum load with requests of fixed
** input (isl) and output (osl) lengths:
**
**  - Every iteration processes the decode tokens of the n_dec sequences
**    that are generating, plus prefill tokens of new requests, in all at
**    most max_num_tokens tokens, and weights are read once per iteration.
**  - Each request needs isl prefill tokens (k iterations, k >= 1) and
**    osl - 1 decode iterations (its first output token comes from its
**    prefill).  In steady state a share (osl-1)/(k+osl-1) of the N
**    sequences in flight is decoding, and prefill tokens per iteration are
**    p = n_dec * isl / (osl - 1).
**  - N is capped by the token budget (n_dec + p <= max_num_tokens), by
**    max_batch_size, by the user's batch cap and by the KV cache: free
**    memory after weights and runtime, times kv_fraction, in paged blocks,
**    over the average context a sequence holds.
**  - When p is smaller than a prefill chunk, prefills come in bursts: a
**    share f = p / chunk of iterations carries a chunk, the rest decode
**    only.  Each kind of iteration is costed on its own roofline.
**
** One iteration costs, per chip, the sum of its GEMMs (max of compute and
** weight/activation traffic), its attention (max of compute and KV
** traffic), two all-reduces per layer when tp > 1, and fixed overheads;
** where the profile asks for them, the logits (tokens x vocab in fp32,
** on the stage with the LM head) are all-gathered from the tp chips'
** vocabulary slices onto every chip (logits_gather) and the sampler
** passes over them logits_passes times on every chip (not split over tp).
** Everything is closed form: no loop over layers or sequences.
**
** Mappings (mapping.h): with pp > 1 pipeline stages each iteration is one
** micro-batch, costed on the first stage (ceil(L/pp) layers, embedding)
** and the last (its layers, LM head); every stage but the last sends the
** micro-batch's activations (tokens x d at >= 16 bits, split over tp) to
** the next.  m = pp micro-batches are in flight (fewer when --batch or the
** KV cache holds fewer than pp sequences: the bubble of
** rl_pipeline_round), each with its own share of the token budget, batch
** and KV cache; a micro-batch advances one iteration per round.  With
** ep > 1, each MoE layer adds an all-to-all dispatch (tokens x k x d at
** the activation precision) and combine (at >= 16 bits) over ep chips,
** and a chip reads only its experts / ep, touched by the tokens of the ep
** replicas together (routing assumed balanced).  A stage's share of MoE
** layers (and of dense ones, in a model that has both) is the model's.
*/
#include "engine.h"
#include "exactdiv.h"
#include "fminmax.h"
#include "mapping.h"
#include "micro.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* What one evaluation precomputes. */
typedef struct {
	const rl_config *cfg;
	rl_model_shape sh;
	double tp, L, isl, osl;
	rl_divisor tpd;          /* x / tp, multiplied where that is exact */
	double pp, ep;
	double wb, ab, cb;       /* bytes per weight, activation, reduced value */
	double hb;               /* bytes per embedding and LM-head weight */
	double peak, peak_attn;  /* FLOP/s per chip */
	double peak_head;        /* FLOP/s per chip at the LM head's precision */
	double peak_expert;      /* the same at the routed experts' */
	double bw;               /* achieved bytes/s per chip, weights */
	double kv_bw;            /* achieved bytes/s per chip, KV cache */
	double expert_w_bytes;   /* one expert's MLP, one layer, whole model */
	double layer_w_bytes;    /* one layer's weights besides experts */
	double head_w_bytes;     /* LM head and final norm, as read */
	double moe_share;        /* share of the layers with routed experts */
	double kv_tok_chip;      /* KV bytes per token per chip */
	double ctx_decode;       /* average context seen by a decode token */
	double ctx_prefill;      /* average context seen by a prefill token */
	double eff_gemm;         /* large-GEMM efficiency at the matrix precision */
	double eff_head;         /* the same at the LM head's precision */
	double eff_expert;       /* the same at the routed experts' */
	double reread;           /* decode KV read per unique KV byte: 1 +
	                         ** kv_group_reread x (query heads per KV head
	                         ** on a chip - 1) */
	rl_link_cost ar;         /* an all-reduce over the tp chips */
	rl_link_cost a2a;        /* an all-to-all over the ep chips */
	rl_link_cost p2p;        /* a send to the next stage */
	rl_link_cost lg;         /* the logits' all-gather over the tp chips
	                         ** (none unless profile.logits_gather) */
	double logit_passes;     /* sampling passes over the logits */
} eval_ctx;

/* The compute peaks of c at clock share s of those of nominal (a TDP
** lowers the clock: rl_serve_clocked); every peak the iteration costs use
** belongs here, memory and link rates do not follow the core clock. */
typedef struct {
	double peak, peak_attn, peak_head, peak_expert;
} peak_set;

static void clock_peaks(eval_ctx *c, const peak_set *nominal, double s)
{
	c->peak = nominal->peak * s;
	c->peak_attn = nominal->peak_attn * s;
	c->peak_head = nominal->peak_head * s;
	c->peak_expert = nominal->peak_expert * s;
}

/* Efficiency of a GEMM of `tokens` rows whose large-GEMM efficiency is
** eff. */
static double gemm_eff(const eval_ctx *c, double eff, double tokens)
{
	return rl_gemm_eff_rows(&c->cfg->prof, eff, tokens);
}

/* What one pipeline stage holds: its layers, the embedding, the LM head,
** and whether it sends its activations on to a next stage. */
typedef struct {
	double layers, embed, head, send;
} stage_kind;

/* The kinds of stage a mapping has: the only one (pp = 1), or the first,
** the last and the middle ones with hi and lo layers. */
typedef struct {
	stage_kind one, first, last, hi, lo;
} stage_set;

/* Cost on one stage of one iteration with n_dec decode tokens and p
** prefill tokens, of which head_tokens produce logits; chunks = prefill
** chunks per request. */
static void iter_cost(const eval_ctx *c, const stage_kind *sg, double n_dec,
                      double p, double head_tokens, double chunks,
                      rl_iter *it)
{
	const rl_config *cfg = c->cfg;
	const rl_model *m = &cfg->model;
	double M = n_dec + p, Ls = sg->layers, lf = sg->layers / c->L;
	double gemm_flops, w_bytes, act_bytes, attn_flops, attn_bytes, el_bytes;
	double comm_bytes = 0, link = 0, t_comp_part, t_mem_part, head_flops;
	double expert_flops = 0, expert_rows = 1, read = 0;

	memset(it, 0, sizeof *it);
	it->tokens = M;
	if (M <= 0)
		return;
	/* the layers' GEMMs have M rows, the LM head's head_tokens, at the
	** head's own precision */
	gemm_flops = M * (c->sh.linear_flops_per_token -
	                  c->sh.head_flops_per_token) * lf / c->tp;
	head_flops = sg->head * head_tokens * c->sh.head_flops_per_token / c->tp;
	/* a routed expert's GEMMs get only the tokens routed to it: M k rows
	** over the experts touched; a chip reads its 1/ep of the experts that
	** the tokens of the ep replicas pooling them touch */
	if (c->moe_share > 0) {
		double touched = rl_experts_touched(m, M);
		expert_flops = M * 2.0 * m->experts_per_token * c->sh.params_expert *
		               Ls * c->moe_share / c->tp;
		gemm_flops -= expert_flops;
		expert_rows = touched > 0 ? M * m->experts_per_token / touched : M;
		read = c->ep > 1 ? rl_experts_touched(m, c->ep * M) / c->ep
		                 : touched;
	}
	w_bytes = (Ls * c->layer_w_bytes + sg->head * c->head_w_bytes +
	           Ls * c->moe_share * c->expert_w_bytes * read) /
	              c->tp +
	          sg->embed * M * m->hidden * c->hb; /* embedding rows looked up */
	act_bytes = M * c->sh.act_elems_per_token_layer * Ls * c->ab / c->tp;
	it->t_gemm_compute =
	    gemm_flops / (c->peak * gemm_eff(c, c->eff_gemm, M)) +
	    expert_flops / (c->peak_expert *
	                    gemm_eff(c, c->eff_expert, expert_rows)) +
	    (head_flops > 0 ? head_flops / (c->peak_head *
	                                    gemm_eff(c, c->eff_head, head_tokens))
	                    : 0.0);
	gemm_flops += head_flops + expert_flops;
	it->t_gemm_memory = (w_bytes + act_bytes) / c->bw;
	/* elementwise kernels run on their own, at 16-bit, memory-bound */
	el_bytes = M * Ls * c->cb *
	           (c->sh.elem_elems_full +
	            rl_div(c->sh.elem_elems_split, &c->tpd)) *
	           (1.0 - cfg->prof.elementwise_fused);
	/* the logits, tokens x vocab in fp32, exist on the head's stage: the
	** sampling passes over them logits_passes times on every rank alike
	** (each rank holds them whole after the gather: not split over tp),
	** memory-bound like the elementwise kernels */
	if (sg->head > 0 && head_tokens > 0 && c->logit_passes > 0)
		el_bytes += c->logit_passes * head_tokens * m->vocab * 4.0;
	it->t_elementwise = el_bytes / c->bw;

	/* attention: decode tokens over their context; prefill tokens over
	** the causal prefix (on average (isl+1)/2 keys without a sliding
	** window), re-reading earlier chunks' KV once per later chunk; every
	** token writes its KV.  A decode kernel that does not share a KV head
	** across its group of query heads reads it again per head (c->reread) */
	attn_flops = c->sh.attn_flops_per_ctx * lf *
	             (n_dec * c->ctx_decode + p * c->ctx_prefill) / c->tp;
	attn_bytes = c->kv_tok_chip * lf *
	             (n_dec * c->ctx_decode * c->reread + p * (chunks - 1) / 2 +
	              M);
	it->t_attn_compute =
	    attn_flops / (c->peak_attn * cfg->prof.eff_attention);
	it->t_attn_memory = attn_bytes / c->kv_bw;

	if (c->tp > 1) {
		double one = rl_link_time(&c->ar, M * m->hidden * c->cb,
		                          &comm_bytes);
		it->t_comm = 2.0 * Ls * one;
		link = 2.0 * Ls * comm_bytes;
	}
	if (c->ep > 1) {
		double kd = rl_div(M * m->experts_per_token * m->hidden, &c->tpd);
		double b1, b2;
		double Lm = Ls * c->moe_share; /* the stage's MoE layers */
		it->t_comm += Lm * (rl_link_time(&c->a2a, kd * c->ab, &b1) +
		                    rl_link_time(&c->a2a, kd * c->cb, &b2));
		link += Lm * (b1 + b2);
	}
	if (sg->head > 0 && head_tokens > 0 && !c->lg.none) {
		/* each rank's slice of the vocabulary gathered onto all */
		double b;
		it->t_comm += rl_link_time(&c->lg, head_tokens * m->vocab * 4.0,
		                           &b);
		link += b;
	}
	if (sg->send > 0) {
		double b;
		it->t_comm += rl_link_time(&c->p2p,
		                           rl_div(M * m->hidden * c->cb, &c->tpd),
		                           &b);
		link += b;
	}
	/* sequences in the iteration: the decoding ones and those whose
	** prefill chunks it carries (at least one when it carries any) */
	/* launches: none in a decode-only iteration replayed as a CUDA graph */
	it->t_overhead = cfg->prof.iter_overhead_s +
	                 (p > 0 || cfg->prof.cuda_graphs < 0.5
	                      ? Ls * cfg->prof.layer_overhead_s : 0.0) +
	                 cfg->prof.seq_overhead_s *
	                     (n_dec + (p > 0 ? rl_fmax(1.0, p / c->isl) : 0.0)) +
	                 cfg->prof.request_overhead_s * p / c->isl;
	{
		/* the share comm_overlap of the all-reduces runs under the rest
		** of the iteration's kernels, as far as they last */
		double rest = rl_fmax(it->t_gemm_compute, it->t_gemm_memory) +
		              rl_fmax(it->t_attn_compute, it->t_attn_memory) +
		              it->t_elementwise;
		it->t_comm_exposed =
		    it->t_comm - cfg->prof.comm_overlap * rl_fmin(it->t_comm, rest);
		it->time_s = rest + it->t_comm_exposed + it->t_overhead;
	}
	it->flops = gemm_flops + attn_flops;
	/* one score per head per key: 4 x head_dim FLOPs of attention each */
	it->attn_scores = attn_flops / (4.0 * m->head_dim);
	it->vector_elems = M * Ls * (c->sh.elem_elems_full +
	                             c->sh.elem_elems_split / c->tp);
	it->hbm_bytes = w_bytes + act_bytes + attn_bytes + el_bytes;
	it->link_bytes = link;

	t_comp_part = (it->t_gemm_compute >= it->t_gemm_memory
	                   ? it->t_gemm_compute : 0) +
	              (it->t_attn_compute >= it->t_attn_memory
	                   ? it->t_attn_compute : 0);
	t_mem_part = (it->t_gemm_compute < it->t_gemm_memory
	                  ? it->t_gemm_memory : 0) +
	             (it->t_attn_compute < it->t_attn_memory
	                  ? it->t_attn_memory : 0) +
	             it->t_elementwise;
	it->bound = RL_BOUND_COMPUTE;
	if (t_mem_part > t_comp_part)
		it->bound = RL_BOUND_MEMORY;
	if (it->t_comm > rl_fmax(t_comp_part, t_mem_part))
		it->bound = RL_BOUND_COMM;
	if (it->t_overhead >
	    rl_fmax(rl_fmax(t_comp_part, t_mem_part), it->t_comm))
		it->bound = RL_BOUND_OVERHEAD;
}

static int fail(rl_result *r, int code, const char *msg)
{
	snprintf(r->error, sizeof r->error, "%s", msg);
	return code;
}

/* a is a whole multiple of b (both whole numbers >= 1) */
static int divides(double b, double a)
{
	long long ia = (long long)a, ib = (long long)b;
	return ib > 0 && ia % ib == 0;
}

static int check(const rl_config *cfg, rl_result *r)
{
	const rl_model *m = &cfg->model;

	if (m->layers < 1 || m->hidden < 1 || m->heads < 1 || m->kv_heads < 1 ||
	    m->head_dim < 1 || m->ffn_hidden < 1 || m->vocab < 1)
		return fail(r, RL_EINVAL, "model: every dimension must be >= 1");
	if (m->experts_per_token > m->experts)
		return fail(r, RL_EINVAL,
		            "model: experts_per_token exceeds experts");
	if (m->dense_layers > m->layers || m->full_attn_layers > m->layers)
		return fail(r, RL_EINVAL,
		            "model: dense_layers and full_attn_layers cannot "
		            "exceed layers");
	if (!divides(m->kv_heads, m->heads))
		return fail(r, RL_EINVAL,
		            "model: heads must be a multiple of kv_heads");
	if (cfg->chip.hbm_Bps <= 0 || cfg->chip.hbm_bytes <= 0)
		return fail(r, RL_EINVAL,
		            "chip: hbm_gb and hbm_tbps must be set (> 0)");
	return rl_mapping_check(cfg, r->error, sizeof r->error);
}

/* KV tokens held on average by a sequence, given the decoding share.
** With reserve (TensorRT-LLM's guaranteed-no-evict scheduler) a request
** holds the blocks of isl + osl tokens from its admission to its end,
** whatever it has written so far. */
static double kv_tokens_held(double isl, double osl, double blk,
                             double share_dec, double reserve)
{
	double dec = isl + (osl - 1) / 2 + blk / 2;
	double pre = isl / 2 + blk / 2;
	if (reserve > 0.5)
		return ceil((isl + osl) / blk - 1e-9) * blk;
	return share_dec * dec + (1 - share_dec) * pre;
}

/* KV held for t tokens of a sequence, in tokens of every layer: a layer
** with a sliding window of W keeps at most W of them (a cyclic cache);
** for an average t this is an upper bound of the average. */
static double kv_windowed(const rl_model_shape *sh, double t)
{
	if (sh->window <= 0 || sh->window_share <= 0)
		return t;
	return (1 - sh->window_share) * t +
	       sh->window_share * rl_fmin(t, sh->window);
}

static double kv_tokens_per_seq(const rl_model_shape *sh, double isl,
                                double osl, double blk, double share_dec,
                                double reserve)
{
	return kv_windowed(sh, kv_tokens_held(isl, osl, blk, share_dec, reserve));
}

/* One kind of iteration (prefill-carrying or decode-only) on the pipeline:
** the slowest stage's cost in *it, and the round a micro-batch takes with m
** in flight (rl_pipeline_round). */
static double stage_round(const eval_ctx *c, const rl_stages *st,
                          const stage_set *ks, double m, double n_dec,
                          double p, double head_tokens, double chunks,
                          rl_iter *it)
{
	rl_iter a, b, mid;
	double trav, n_mid_hi, n_mid_lo;
	if (c->pp <= 1) {
		iter_cost(c, &ks->one, n_dec, p, head_tokens, chunks, it);
		return it->time_s;
	}
	iter_cost(c, &ks->first, n_dec, p, head_tokens, chunks, &a);
	iter_cost(c, &ks->last, n_dec, p, head_tokens, chunks, &b);
	*it = a.time_s >= b.time_s ? a : b;
	if (m >= c->pp)
		return m * it->time_s; /* full: no stage waits */
	/* the bubble: one micro-batch passes every stage in turn */
	n_mid_hi = st->n_hi - 1 - (st->last == st->hi ? 1 : 0);
	n_mid_lo = c->pp - 2 - n_mid_hi;
	trav = a.time_s + b.time_s;
	if (n_mid_hi > 0) {
		iter_cost(c, &ks->hi, n_dec, p, head_tokens, chunks, &mid);
		trav += n_mid_hi * mid.time_s;
	}
	if (n_mid_lo > 0) {
		iter_cost(c, &ks->lo, n_dec, p, head_tokens, chunks, &mid);
		trav += n_mid_lo * mid.time_s;
	}
	return rl_pipeline_round(m, it->time_s, trav);
}

/* What rl_serve works out from everything but the scenario's isl, osl and
** batch: kept in an rl_eval_cache between evaluations of one design. */
typedef struct {
	eval_ctx c;              /* all but cfg, isl, osl, ctx_* */
	rl_stages st;
	stage_set ks;
	double chips, w_first, w_last, runtime, kv_first, kv_cap_tokens;
	double weights_bytes, weights_bytes_per_chip, kv_bytes_per_token;
} serve_setup;

_Static_assert(sizeof(serve_setup) <= sizeof(((rl_eval_cache *)0)->setup),
               "rl_eval_cache.setup is too small for serve_setup");

/* cfg equals the cache's key in every byte but scen.isl, osl and batch
** (rl_config holds only doubles: no padding) */
static int cache_hit(const rl_eval_cache *k, const rl_config *cfg)
{
	const char *a = (const char *)cfg, *b = (const char *)&k->key;
	size_t i0 = offsetof(rl_config, scen.isl);
	size_t i1 = offsetof(rl_config, scen.tp);
	size_t i2 = offsetof(rl_config, scen.batch);
	size_t i3 = i2 + sizeof cfg->scen.batch;
	return k->valid && memcmp(a, b, i0) == 0 &&
	       memcmp(a + i1, b + i1, i2 - i1) == 0 &&
	       memcmp(a + i3, b + i3, sizeof *cfg - i3) == 0;
}

/* The result's fields that the setup alone gives (also set before its
** errors, as callers may read them then). */
static void setup_fields(const serve_setup *u, rl_result *r)
{
	r->shape = u->c.sh;
	r->weights_bytes = u->weights_bytes;
	r->weights_bytes_per_chip = u->weights_bytes_per_chip;
	r->kv_bytes_per_token = u->kv_bytes_per_token;
	r->kv_bytes_per_token_per_chip = u->kv_first;
	r->runtime_bytes = u->runtime;
	r->kv_capacity_bytes = u->kv_cap_tokens * u->kv_first;
	r->kv_capacity_tokens = u->kv_cap_tokens;
}

/* Checks and the work that does not depend on isl, osl or batch. */
static int serve_setup_of(const rl_config *cfg, rl_result *r,
                          serve_setup *u)
{
	const rl_scenario *s = &cfg->scen;
	const rl_profile *pf = &cfg->prof;
	const rl_model *m = &cfg->model;
	eval_ctx *c = &u->c;
	rl_stages *st = &u->st;
	stage_set *ks = &u->ks;
	double chips, runtime, free_b, kv_cap_tokens;
	double w_first, w_last, kv_first, kv_last, cap_first, cap_last;
	int rc, wp, ap, kp, mp, hp;
	char msg[256];

	if ((rc = check(cfg, r)) != RL_OK)
		return rc;

	memset(c, 0, sizeof *c);
	c->cfg = cfg;
	rl_model_shape_of(m, &c->sh);
	if (pf->sliding_window < 0.5) {
		/* the runtime ignores the model's window: full attention */
		c->sh.window = 0;
		c->sh.window_share = 0;
	}
	r->shape = c->sh;
	c->tp = s->tp;
	c->tpd = rl_divisor_of(c->tp);
	c->pp = s->pp >= 1 ? s->pp : 1;
	c->ep = s->ep >= 1 ? s->ep : 1;
	c->L = m->layers;
	rl_stages_of(c->L, c->pp, st);
	if (c->pp <= 1) {
		ks->one = (stage_kind){c->L, 1, 1, 0};
	} else {
		ks->first = (stage_kind){st->first, 1, 0, 1};
		ks->last = (stage_kind){st->last, 0, 1, 0};
		ks->hi = (stage_kind){st->hi, 0, 0, 1};
		ks->lo = (stage_kind){st->lo, 0, 0, 1};
	}
	/* the collectives this mapping runs (iter_cost asks for no other) */
	if (c->tp > 1)
		rl_allreduce_cost(cfg, c->tp, &c->ar);
	if (c->ep > 1)
		rl_alltoall_cost(cfg, c->ep, &c->a2a);
	if (c->pp > 1)
		rl_p2p_cost(cfg, &c->p2p);
	if (pf->logits_gather > 0.5)
		rl_allgather_cost(cfg, c->tp, &c->lg);
	else
		rl_link_cost_start(&c->lg, 1); /* none */
	c->logit_passes = pf->logits_passes;
	chips = rl_scen_chips(s);
	wp = rl_weight_prec(s);
	ap = rl_act_prec(s);
	kp = rl_kv_prec(cfg);
	c->wb = rl_precision_bytes(wp);
	c->ab = rl_precision_bytes(ap);
	hp = rl_head_prec(cfg);
	c->hb = rl_precision_bytes(hp);
	/* GEMM outputs accumulate at >= 16 bits and are reduced at that width */
	c->cb = c->ab > 2 ? c->ab : 2;
	mp = rl_matrix_prec(s);
	c->peak = rl_chip_peak(&cfg->chip, mp);
	/* FP8 GEMMs reach their own share of the FP8 peak */
	c->eff_gemm = rl_gemm_eff_large(pf, mp);
	if (c->peak <= 0) {
		snprintf(msg, sizeof msg,
		         "chip has no %s matrix peak (set chip.peak_tflops_%s "
		         "or use another precision)",
		         rl_precision_name(mp), rl_precision_name(mp));
		return fail(r, RL_EINVAL, msg);
	}
	c->peak_attn = cfg->chip.peak_flops_bf16 > 0 ? cfg->chip.peak_flops_bf16
	                                            : c->peak;
	/* the LM head multiplies at the wider of its weights and the
	** activations */
	{
		int hm = rl_precision_bytes(hp) >= c->ab ? hp : ap;
		c->peak_head = rl_chip_peak(&cfg->chip, hm);
		c->eff_head = rl_gemm_eff_large(pf, hm);
		if (c->peak_head <= 0) {
			c->peak_head = c->peak;
			c->eff_head = c->eff_gemm;
		}
	}
	/* routed experts stored narrower than the other weights (MXFP4:
	** 4-bit values and a shared 8-bit scale per 32, 4.25 bits) multiply
	** at the wider of their class (FP4 up to 5 bits a weight with its
	** scales, FP8 up to 9, else 16-bit) and the activations: a chip
	** without FP4 units dequantizes them to the activations' precision */
	c->peak_expert = c->peak;
	c->eff_expert = c->eff_gemm;
	c->expert_w_bytes = c->sh.params_expert * c->wb;
	if (m->expert_weight_bits > 0) {
		double bits = m->expert_weight_bits;
		int xc = bits <= 5 ? RL_PREC_FP4
		         : bits <= 9 ? RL_PREC_FP8 : RL_PREC_BF16;
		int xp = rl_precision_bytes(xc) >= c->ab ? xc : ap;
		double pk = rl_chip_peak(&cfg->chip, xp);
		c->expert_w_bytes = c->sh.params_expert * bits / 8;
		if (pk > 0) {
			c->peak_expert = pk;
			c->eff_expert = rl_gemm_eff_large(pf, xp);
		}
	}
	c->bw = cfg->chip.hbm_Bps * pf->eff_memory;
	c->kv_bw = cfg->chip.hbm_Bps * pf->eff_kv_memory;
	/* the layers' weights besides routed experts: everything but the
	** embedding, the LM head (V x d, or the tied embedding) and the final
	** norm (d) */
	c->head_w_bytes = (m->vocab * c->hb + c->wb) * m->hidden;
	c->layer_w_bytes =
	    ((c->sh.params_total - c->sh.params_embedding -
	      (m->tied_embeddings > 0.5 ? 0.0 : m->vocab * m->hidden) -
	      m->hidden -
	      c->sh.moe_layers * m->experts * c->sh.params_expert) * c->wb) /
	    c->L;
	c->moe_share = c->sh.moe_layers / c->L;

	/* memory per chip, on the first stage (most layers, embedding) and
	** the last (LM head and final norm; a copy of a tied embedding) */
	{
		double layer = c->layer_w_bytes + c->moe_share * m->experts /
		                                     c->ep * c->expert_w_bytes;
		double embed = c->sh.params_embedding * c->hb;
		double head = m->tied_embeddings > 0.5 && c->pp <= 1
		                  ? m->hidden * c->wb : c->head_w_bytes;
		r->weights_bytes =
		    c->L * c->layer_w_bytes +
		    c->sh.moe_layers * m->experts * c->expert_w_bytes + embed +
		    (m->tied_embeddings > 0.5 ? m->hidden * c->wb : c->head_w_bytes);
		if (c->pp <= 1) {
			w_first = w_last = (c->L * layer + embed + head) / c->tp;
		} else {
			w_first = (st->first * layer + embed) / c->tp;
			w_last = (st->last * layer + head) / c->tp;
		}
	}
	r->weights_bytes_per_chip = rl_fmax(w_first, w_last);
	r->kv_bytes_per_token = c->sh.kv_elems_per_token * rl_precision_bytes(kp);
	c->kv_tok_chip = r->kv_bytes_per_token / rl_fmin(c->tp, m->kv_heads);
	/* query heads per KV head on a chip: heads / kv_heads, or heads / tp
	** once tp exceeds kv_heads (each chip holds a copy of one KV head) */
	c->reread = 1.0 + pf->kv_group_reread *
	                     (m->heads / rl_fmax(c->tp, m->kv_heads) - 1.0);
	kv_first = c->kv_tok_chip * st->first / c->L;
	kv_last = c->kv_tok_chip * st->last / c->L;
	r->kv_bytes_per_token_per_chip = kv_first;
	/* the runtime's memory: a fixed reservation, the logits buffers of
	** max_batch_size sequences (fp32, gathered on every rank) and the
	** engine's activation workspace for max_num_tokens tokens */
	runtime = pf->runtime_reserved_bytes +
	          pf->logits_buffers * pf->max_batch_size * m->vocab * 4.0 +
	          pf->act_buffers * pf->max_num_tokens *
	              c->sh.act_elems_per_token_layer * c->ab / c->tp;
	r->runtime_bytes = runtime;
	free_b = cfg->chip.hbm_bytes - r->weights_bytes_per_chip - runtime;
	if (free_b <= 0) {
		snprintf(msg, sizeof msg,
		         "model does not fit: %.1f GB of weights%s per chip "
		         "exceed the chip's %.1f GB by %.1f GB%s",
		         r->weights_bytes_per_chip / 1e9,
		         runtime > 0 ? " and runtime" : "",
		         cfg->chip.hbm_bytes / 1e9, -free_b / 1e9,
		         c->tp * c->pp * c->ep < chips
		             ? " (more tp, pp or ep would split them further)"
		             : "");
		return fail(r, RL_ENOFIT, msg);
	}
	/* the stage that holds the fewest tokens of KV sets the capacity */
	cap_first = (cfg->chip.hbm_bytes - w_first - runtime) *
	            pf->kv_fraction / kv_first;
	cap_last = (cfg->chip.hbm_bytes - w_last - runtime) *
	           pf->kv_fraction / kv_last;
	kv_cap_tokens = rl_fmin(cap_first, cap_last);
	r->kv_capacity_bytes = kv_cap_tokens * kv_first;
	r->kv_capacity_tokens = kv_cap_tokens;

	u->chips = chips;
	u->w_first = w_first;
	u->w_last = w_last;
	u->runtime = runtime;
	u->kv_first = kv_first;
	u->kv_cap_tokens = kv_cap_tokens;
	u->weights_bytes = r->weights_bytes;
	u->weights_bytes_per_chip = r->weights_bytes_per_chip;
	u->kv_bytes_per_token = r->kv_bytes_per_token;
	return RL_OK;
}

int rl_serve(const rl_config *cfg, rl_result *r)
{
	return rl_serve_clocked(cfg, 1.0, 1.0, r);
}

int rl_serve_clocked(const rl_config *cfg, double s_pre, double s_dec,
                     rl_result *r)
{
	return rl_serve_cached(cfg, NULL, s_pre, s_dec, r);
}

int rl_serve_cached(const rl_config *cfg, rl_eval_cache *cache,
                    double s_pre, double s_dec, rl_result *r)
{
	const rl_scenario *s = &cfg->scen;
	const rl_profile *pf = &cfg->prof;
	serve_setup u;
	eval_ctx *c = &u.c;
	const rl_stages *st = &u.st;
	const stage_set *ks = &u.ks;
	double chips, runtime, kv_cap_tokens, mnt, cap;
	double N = 0, n_dec = 0, p = 0, q = 0, f = 1, k = 1, share_dec = 1;
	double T_avg, req_per_iter, chunk1, mb, kv_mb, R_pre, R_dec = 0;
	double kv_first, user;
	double one_req;
	int rc, i, limit = RL_LIMIT_TOKENS;
	char msg[256];

	/* zero every field but the message (a 256-byte array kept last) */
	memset(r, 0, offsetof(rl_result, error));
	r->error[0] = '\0';
	if (cache && cache_hit(cache, cfg)) {
		memcpy(&u, cache->setup, sizeof u);
		setup_fields(&u, r);
	} else {
		if ((rc = serve_setup_of(cfg, r, &u)) != RL_OK)
			return rc;
		if (cache) {
			cache->key = *cfg;
			memcpy(cache->setup, &u, sizeof u);
			cache->valid = 1;
		}
	}
	c->cfg = cfg;
	chips = u.chips;
	runtime = u.runtime;
	kv_first = u.kv_first;
	kv_cap_tokens = u.kv_cap_tokens;
	c->isl = s->isl;
	c->osl = s->osl;
	c->ctx_decode = rl_ctx_decode(&c->sh, s->isl, s->osl);
	c->ctx_prefill = rl_ctx_prefill(&c->sh, s->isl);

	one_req = kv_windowed(&c->sh, s->isl + s->osl);
	if (kv_cap_tokens < one_req) {
		snprintf(msg, sizeof msg,
		         "model does not fit: the KV cache holds %.0f tokens per "
		         "replica, one request needs %.0f (%.2f GB more per chip)",
		         kv_cap_tokens, one_req,
		         (one_req - kv_cap_tokens) * kv_first /
		             pf->kv_fraction / 1e9);
		return fail(r, RL_ENOFIT, msg);
	}

	/* micro-batches in flight: pp, unless --batch or the KV cache holds
	** fewer whole requests; each gets 1/mb of the cache and of --batch */
	mb = c->pp;
	if (s->batch > 0 && s->batch < mb)
		mb = s->batch;
	if (floor(kv_cap_tokens / one_req) < mb)
		mb = floor(kv_cap_tokens / one_req);
	kv_mb = kv_cap_tokens / mb;
	user = s->batch > 0 ? s->batch / mb : 0;

	/* concurrency */
	mnt = pf->max_num_tokens;
	cap = pf->max_batch_size;
	if (user > 0 && user < cap)
		cap = user;
	if (s->osl <= 1) {
		/* prefill only: each iteration fills its budget with prompts */
		p = rl_fmin(mnt, rl_fmin(cap * s->isl, kv_mb));
		limit = p == mnt ? RL_LIMIT_TOKENS
		        : p == kv_mb ? RL_LIMIT_MEMORY
		        : (user > 0 && user <= pf->max_batch_size)
		            ? RL_LIMIT_USER : RL_LIMIT_BATCH;
		N = rl_fmax(1.0, p / s->isl);
		k = rl_fmax(1.0, s->isl / p);
		q = p;
		f = 1;
		share_dec = 0;
	} else {
		for (i = 0; i < 4; i++) {
			double n_budget, n_mem, avail;
			share_dec = (s->osl - 1) / (k + s->osl - 1);
			n_budget = mnt * (k + s->osl - 1) / (s->isl + s->osl - 1);
			n_mem = kv_mb /
			        kv_tokens_per_seq(&c->sh, s->isl, s->osl,
			                          pf->tokens_per_block, share_dec,
			                          pf->kv_reserve);
			N = n_budget;
			limit = RL_LIMIT_TOKENS;
			if (n_mem < N) {
				N = n_mem;
				limit = RL_LIMIT_MEMORY;
			}
			if (cap < N) {
				N = cap;
				limit = (user > 0 && user <= pf->max_batch_size)
				            ? RL_LIMIT_USER : RL_LIMIT_BATCH;
			}
			n_dec = N * share_dec;
			avail = rl_fmax(1.0, mnt - n_dec);
			avail = rl_fmax(1.0, s->isl / avail);
			if (avail == k)
				break; /* converged */
			k = avail;
		}
		p = n_dec * s->isl / (s->osl - 1);
		if (n_dec + p > mnt) /* rounding of the fixed point */
			p = mnt - n_dec;
	}
	/* the prefill tokens one request gets in an iteration */
	chunk1 = rl_fmax(1.0, rl_fmin(s->isl, mnt - n_dec));
	if (s->osl > 1) {
		q = rl_fmin(rl_fmax(p, chunk1), rl_fmax(1.0, mnt - n_dec));
		f = rl_fmin(1.0, p / q);
	}

	r->concurrency = N * mb;
	r->decode_seqs = n_dec;
	r->prefill_tokens = p;
	r->prefill_chunk = q;
	r->prefill_share = f;
	r->concurrency_limit = limit;
	r->replicas = rl_scen_dp(s);

	/* the two kinds of iteration: the slowest stage, and the round in
	** which each of the mb micro-batches advances one iteration */
	{
		const peak_set nominal = {c->peak, c->peak_attn, c->peak_head,
		                          c->peak_expert};
		clock_peaks(c, &nominal, s_pre);
		R_pre = stage_round(c, st, ks, mb, n_dec, q,
		                    n_dec + q / s->isl, k, &r->prefill);
		clock_peaks(c, &nominal, s_dec);
		if (n_dec > 0)
			R_dec = stage_round(c, st, ks, mb, n_dec, 0, n_dec, k,
			                    &r->decode);
		clock_peaks(c, &nominal, 1.0);
	}
	T_avg = f * R_pre + (1 - f) * R_dec;
	req_per_iter = mb * p / s->isl;

	r->requests_per_s = r->replicas * req_per_iter / T_avg;
	r->output_tps = r->requests_per_s * s->osl;
	r->total_tps = r->requests_per_s * (s->isl + s->osl);
	r->output_tps_per_chip = r->output_tps / chips;
	r->total_tps_per_chip = r->total_tps / chips;

	/* the prompt's iterations, and the way through the server's front
	** end, which holds no place in any iteration */
	r->ttft_s = ceil(s->isl / chunk1 - 1e-9) * R_pre + pf->frontend_s;
	r->tpot_s = s->osl > 1 ? T_avg : 0.0;
	r->e2e_s = r->ttft_s + (s->osl - 1) * r->tpot_s;

	/* rates of the busiest chip (the slowest stage's): mb iterations of
	** its stage per round */
	r->peak_flops = c->peak;
	r->avg_flops_per_s =
	    mb * (f * r->prefill.flops + (1 - f) * r->decode.flops) / T_avg;
	r->avg_hbm_Bps =
	    mb * (f * r->prefill.hbm_bytes + (1 - f) * r->decode.hbm_bytes) /
	    T_avg;
	r->avg_link_Bps =
	    mb * (f * r->prefill.link_bytes + (1 - f) * r->decode.link_bytes) /
	    T_avg;
	r->prefill_iters_per_s = mb * f / T_avg;
	r->decode_iters_per_s = mb * (1 - f) / T_avg;
	r->mfu = r->avg_flops_per_s / c->peak;
	if (n_dec > 0 && r->decode.time_s > 0)
		r->mbu = r->decode.hbm_bytes / r->decode.time_s / cfg->chip.hbm_Bps;

	r->prefill_bound = r->prefill.bound;
	r->decode_bound = s->osl <= 1 ? RL_BOUND_NONE
	                  : f >= 1     ? r->prefill.bound
	                               : r->decode.bound;

	r->kv_used_bytes =
	    N * mb * kv_tokens_per_seq(&c->sh, s->isl, s->osl, pf->tokens_per_block,
	                               share_dec, pf->kv_reserve) * kv_first;
	if (r->kv_used_bytes > r->kv_capacity_bytes)
		r->kv_used_bytes = r->kv_capacity_bytes;
	r->free_bytes = cfg->chip.hbm_bytes - r->weights_bytes_per_chip -
	                runtime - r->kv_used_bytes;
	return RL_OK;
}
