/*
** servesetup.c: the serving model's setup (servesetup.h), what engine.c
** works out once per design, profile and model, before any request: the
** configuration's checks, the model's shape, the mapping's stages and
** collectives, bytes per value, the rates and their reciprocals, weights
** per chip, the constants of each pipeline stage kind (rl_stage_kind), and
** last the runtime's memory and the KV capacity it leaves
** (rl_serve_setup_memory, which engine.c runs again alone where only what
** it reads has changed: a batch rule's pick, or the lengths the profiling
** pass's logits rows follow).  Nothing here runs per request: the serving
** itself, and every function the cache-hit path calls (inline, in one
** translation unit), are engine.c's.
*/
#include "engine.h"
#include "comm.h"
#include "exactdiv.h"
#include "fminmax.h"
#include "link.h"
#include "mapping.h"
#include "micro.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

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
	if ((m->q_lora_rank > 0 || m->qk_rope_dim > 0) && !(m->kv_lora_rank > 0))
		return fail(r, RL_EINVAL,
		            "model: q_lora_rank and qk_rope_dim describe "
		            "multi-head latent attention, which needs "
		            "kv_lora_rank > 0");
	if (!divides(m->kv_heads, m->heads))
		return fail(r, RL_EINVAL,
		            "model: heads must be a multiple of kv_heads");
	/* a chip without HBM (Groq-style, everything in SRAM) is served only
	** where software keeps weights resident in SRAM without an HBM copy
	** (chip.sram_resident_share > 0, chip.sram_hbm_copy false): then its
	** weights, runtime and KV cache must fit in the resident share
	** (setup_memory_sram); a copy of the weights needs HBM (docs/engine.md,
	** MAC arrays or SRAM?) */
	if (cfg->chip.hbm_Bps <= 0 || cfg->chip.hbm_bytes <= 0) {
		if (!(cfg->chip.hbm_Bps == 0 && cfg->chip.hbm_bytes == 0) ||
		    !rl_sram_resident_on(&cfg->chip) ||
		    cfg->chip.sram_hbm_copy > 0.5)
			return fail(r, RL_EINVAL,
			            "chip: hbm_gb and hbm_tbps must be set (> 0): a "
			            "chip without HBM (both 0) needs every weight and "
			            "the KV cache in SRAM (chip.sram_resident_share > "
			            "0, chip.sram_hbm_copy = false); by design, "
			            "design.hbm_stacks >= 1");
	}
	return rl_mapping_check(cfg, r->error, sizeof r->error);
}

/* Rows of each logits buffer the runtime holds when the KV cache is sized
** (profile.logits_rows): max_batch_size sequences, or the last tokens of
** the PyTorch backend's memory-profiling pass, which fills max_num_tokens
** with dummy context requests of max_seq_len - 1 tokens each (fewer for
** the last), max_seq_len being isl + osl (ASSUMPTION: trtllm-bench's
** max_seq_len is the dataset's longest request; TensorRT-LLM's
** _create_dummy_context_requests as recalled, not in the repository). */
static double logits_rows(const rl_config *cfg)
{
	const rl_profile *pf = &cfg->prof;
	double seq;

	if ((int)pf->logits_rows != RL_LOGITS_PROFILING_PASS)
		return pf->max_batch_size;
	seq = rl_fmin(pf->max_num_tokens,
	              rl_fmax(1.0, cfg->scen.isl + cfg->scen.osl - 1.0));
	return ceil(pf->max_num_tokens / seq);
}

/* The factor a fixed kernel time fitted on the chip of the profile's
** kernel_fixed_clock_ghz takes on this chip: that clock over this chip's
** design.clock_ghz (a kernel's ramp, wave and tail are clock cycles), 1
** where either clock is not given (a chip with no [design] clock keeps
** the fitted microseconds) */
static double kernel_clock_factor(const rl_config *cfg)
{
	double ref = cfg->prof.kernel_fixed_clock_hz, clk = cfg->design.clock_hz;
	return ref > 0 && clk > 0 ? ref / clk : 1.0;
}

/* A stage kind of `layers` layers, with or without the embedding and the
** LM head, sending its activations on or not; u's per-layer figures set.
** Written into *k, one of u's stage kinds, in place (returned by value,
** it was built in a temporary and copied: 208 bytes); *k is none of the
** figures of u it reads. */
static void stage_kind_of(const rl_config *cfg, const rl_serve_setup *u,
                          rl_stage_kind *restrict k, double layers,
                          double embed, double head, double send)
{
	k->layers = layers;
	k->embed = embed;
	k->head = head;
	k->send = send;
	k->lf = layers / u->L;
	k->attn_flops_lf = u->sh.attn_flops_per_ctx * k->lf;
	k->kv_bytes_lf = u->kv_bytes_tok_chip * k->lf;
	k->w_fixed_bytes = layers * u->layer_w_bytes + head * u->head_w_bytes;
	k->w_expert_bytes = layers * u->moe_share * u->expert_w_bytes;
	k->overhead_s = cfg->prof.iter_overhead_s +
	                layers * cfg->prof.layer_overhead_s;
	k->overhead_dec_s =
	    u->graphs_off ? k->overhead_s : cfg->prof.iter_overhead_s;
	/* device time of fixed length: each GEMM kernel's floor, and the
	** floors of the kernels an MoE layer runs beside its GEMMs (routing,
	** top-k, permute, finalize: profile.moe_layer_fixed_us), which a
	** CUDA graph's replay keeps (a dense model's moe_share is 0: +0);
	** kernel time, in clock cycles: on a chip of another clock than the
	** one they were fitted on, scaled by the two clocks (1 on that chip) */
	k->gemm_fixed_s = (cfg->prof.gemm_fixed_s *
	                      (layers * u->gemms_per_layer + head) +
	                  layers * u->moe_share * cfg->prof.moe_layer_fixed_s) *
	                 kernel_clock_factor(cfg);
	/* (read = 0: what engine.c's iter_cost works out without routed
	** experts) */
	k->w_dense_bytes =
	    rl_div(k->w_fixed_bytes + k->w_expert_bytes * 0.0, &u->tpd);
	/* weights kept resident in SRAM (chip.sram_resident_share): the
	** layers' and the LM head's, which every iteration reads, first, then
	** an even share of the chip's routed experts (which the tokens touch
	** at random); the embedding's rows stay in HBM (a lookup reads a few
	** rows) */
	k->w_res_bytes = 0;
	k->res_expert = 0;
	if (u->sram_on) {
		double cap = cfg->chip.sram_resident_share * cfg->chip.sram_bytes;
		double held =
		    rl_div(k->w_expert_bytes * (cfg->model.experts / u->ep),
		           &u->tpd);
		k->w_res_bytes = rl_fmin(cap, k->w_dense_bytes);
		k->res_expert =
		    held > 0 ? rl_fmin(1.0, (cap - k->w_res_bytes) / held) : 0.0;
	}
	k->body_flops_row = rl_div(u->lin_body * k->lf, &u->tpd);
	k->act_bytes_row =
	    rl_div(u->sh.act_elems_per_token_layer * layers * u->ab, &u->tpd);
	k->el_bytes_row = layers * u->cb * u->el_per_tok * u->el_unfused +
	                  layers * u->moe_share * u->moe_perm_bytes;
	k->vec_elems_row = layers * u->el_per_tok;
	k->attn_flops_row = rl_div(k->attn_flops_lf, &u->tpd);
	k->ar_layers = u->ar_per_layer * layers;
	k->logits_passes = head > 0 && u->logit_passes > 0;
	k->logits_gather = head > 0 && !u->lg.none;
	k->has_head = head > 0;
	k->has_embed = embed > 0;
	k->has_send = send > 0;
}

/* The weights a chip of stage kind k keeps resident in SRAM: w_res_bytes
** and its share of the chip's routed experts. */
static double resident_bytes(const rl_config *cfg, const rl_serve_setup *u,
                             const rl_stage_kind *k)
{
	return k->w_res_bytes +
	       k->res_expert * rl_div(k->w_expert_bytes *
	                                  (cfg->model.experts / u->ep),
	                              &u->tpd);
}

/* The weights a chip of stage kind k reads from SRAM: resident_bytes,
** and without HBM (u->no_hbm) the embedding's share too (`embed` bytes
** for the model, split over tp as stage_w_mem splits it), which has no
** other memory to be in. */
static double sram_bytes_of(const rl_config *cfg, const rl_serve_setup *u,
                            const rl_stage_kind *k, double embed)
{
	return resident_bytes(cfg, u, k) +
	       (u->no_hbm ? k->embed * embed / u->tp : 0.0);
}

/* Multi-head latent attention (transformer.c's mla_shape): tensor
** parallelism splits the heads, but every rank holds and reads the whole
** latent of each token (one per token for all heads: the bytes per token
** are not divided by tp; attention data parallelism, the DEP mapping with
** tp 1 and ep over the replicas, is how engines avoid the copies); the
** decode kernel reads it once for all of a rank's heads (no re-read per
** head); a prefill token costs its plain form's FLOPs per key; and a
** layer runs two GEMMs more than grouped-query attention's two: the
** query's down- and up-projection (fused with the KV down-projection)
** and the KV up-projection, one fewer without a query rank (ASSUMPTION:
** the down-projections fused into one GEMM, as the DeepSeek-V3
** checkpoints' engines are recalled to do, not in the repository). */
static void mla_setup(const rl_model *m, rl_serve_setup *u)
{
	u->kv_bytes_tok_chip = u->kv_bytes_per_token;
	u->reread = 1.0;
	u->attn_pre = u->sh.attn_flops_per_ctx_prefill / u->sh.attn_flops_per_ctx;
	u->gemms_per_layer += m->q_lora_rank > 0 ? 2.0 : 1.0;
}

/* The stage kinds a mapping has into ks (room for 4), their count
** returned: the one stage at pp 1, else the first, the last and the two
** middle kinds (hi, lo). */
static int stage_kinds(rl_serve_setup *u, rl_stage_kind *ks[4])
{
	if (u->pp <= 1) {
		ks[0] = &u->one;
		return 1;
	}
	ks[0] = &u->first;
	ks[1] = &u->last;
	ks[2] = &u->hi;
	ks[3] = &u->lo;
	return 4;
}

/* The weights a chip of stage kind k holds in memory: its layers (with
** its routed experts), the embedding and the head as rl_serve_setup_of
** counts them (layer, embed, head), split over tp. */
static double stage_w_mem(const rl_serve_setup *u, const rl_stage_kind *k,
                          double layer, double embed, double head)
{
	return (k->layers * layer + k->embed * embed + k->head * head) / u->tp;
}

/* Where weights are resident in SRAM: each stage kind's weights in
** memory, the memory weights, runtime and KV share (HBM and the resident
** share of SRAM) and the weights held in it, the fullest of the first and
** the last stage's (the HBM copy of resident weights counted where
** chip.sram_hbm_copy keeps it). */
/* " and R GB of runtime" into out (len bytes) where the runtime
** reservation is not 0, else "": the words a "does not fit" message puts
** after its weights, so the figure it gives is theirs alone. */
static void runtime_words(double runtime, char *out, size_t len)
{
	if (runtime > 0)
		snprintf(out, len, " and %.1f GB of runtime", runtime / 1e9);
	else if (len)
		out[0] = '\0';
}

static void sram_memory_of(const rl_config *cfg, rl_serve_setup *u,
                           double layer, double embed, double head)
{
	double cap = cfg->chip.sram_resident_share * cfg->chip.sram_bytes;
	int copy = cfg->chip.sram_hbm_copy > 0.5;
	rl_stage_kind *ks[4];
	int i, n;
	n = stage_kinds(u, ks);
	u->held_bytes = 0;
	for (i = 0; i < n; i++) {
		double held;
		ks[i]->w_mem_bytes = stage_w_mem(u, ks[i], layer, embed, head);
		held = u->no_hbm ? ks[i]->w_mem_bytes
		       : ks[i]->w_mem_bytes +
		             (copy ? resident_bytes(cfg, u, ks[i]) : 0);
		if (i < 2)
			u->held_bytes = rl_fmax(u->held_bytes, held);
	}
	u->mem_bytes = cfg->chip.hbm_bytes + cap;
}

/* What the result's memory figures read of the setup alone, kept with
** it (engine.c): the KV capacity in bytes (kv_bytes, as the result has
** it) and what the memory holds besides the KV cache, its three terms
** subtracted in the order engine.c's free bytes subtract them (the same
** bits) */
static void memory_kept(rl_serve_setup *u, double kv_bytes)
{
	u->kv_cap_bytes = kv_bytes;
	u->free_less_kv = u->mem_bytes - u->held_bytes - u->runtime_bytes;
}

/* rl_serve_setup_memory's KV capacity where weights are resident in SRAM
** (u->sram_on), for the runtime's memory `runtime`.  Per stage kind: the
** weights it keeps in HBM (all of them where chip.sram_hbm_copy keeps the
** copy, else those not resident) and the runtime leave HBM free; the
** resident share of SRAM (chip.sram_resident_share x sram_bytes) less the
** resident weights is SRAM free.  Without HBM (u->no_hbm) every weight of
** the stage (embedding too) and the runtime are in the share, which must
** hold them.  The KV cache takes kv_fraction of the two together, SRAM
** first (ASSUMPTION: the runtime's fraction of free memory, whichever
** memory; software places KV in the faster memory first, as a scratchpad's
** allocator can): kv_sram_tok tokens of it in SRAM.  The stage holding the
** fewest tokens of the first and the last sets the capacity, as with HBM
** alone (a middle stage holds the first's layers or fewer, without its
** embedding). */
static int setup_memory_sram(const rl_config *cfg, rl_result *r,
                             rl_serve_setup *u, double runtime)
{
	const rl_profile *pf = &cfg->prof;
	double cap = cfg->chip.sram_resident_share * cfg->chip.sram_bytes;
	int copy = cfg->chip.sram_hbm_copy > 0.5;
	double tok[4];
	rl_stage_kind *ks[4];
	int i, n;
	char msg[256];
	n = stage_kinds(u, ks);
	for (i = 0; i < n; i++) {
		rl_stage_kind *k = ks[i];
		double res = resident_bytes(cfg, u, k);
		/* (the first's and the last's KV per token as the capacity
		** without SRAM divides by them) */
		double kv_k = i == 0   ? u->kv_first_bytes
		              : i == 1 ? u->kv_last_bytes
		                       : k->kv_bytes_lf;
		double hbm_free, sram_free, pool;
		if (u->no_hbm) {
			hbm_free = 0;
			sram_free = cap - k->w_mem_bytes - runtime;
			if (k->w_mem_bytes > cap) {
				snprintf(msg, sizeof msg,
				         "model does not fit: %.1f MB of weights per "
				         "chip exceed the %.1f MB of SRAM kept for "
				         "them (chip.sram_resident_share x sram_mb) on "
				         "a chip without HBM; more pipeline stages "
				         "(pp) or tp split them over more chips",
				         k->w_mem_bytes / 1e6, cap / 1e6);
				return fail(r, RL_ENOFIT, msg);
			}
			if (sram_free <= 0) {
				snprintf(msg, sizeof msg,
				         "model does not fit: %.1f MB of weights and "
				         "%.1f MB of runtime per chip leave none of "
				         "the %.1f MB of SRAM kept for them for the KV "
				         "cache on a chip without HBM",
				         k->w_mem_bytes / 1e6, runtime / 1e6, cap / 1e6);
				return fail(r, RL_ENOFIT, msg);
			}
		} else {
			double w_hbm = copy ? k->w_mem_bytes : k->w_mem_bytes - res;
			hbm_free = cfg->chip.hbm_bytes - w_hbm - runtime;
			/* (>= 0: the resident experts' share rounds) */
			sram_free = rl_fmax(0.0, cap - res);
			if (hbm_free <= 0) {
				/* (the hints: the copy's, and the plain
				** path's where chips are left to split over) */
				int split = u->tp * u->pp * u->ep < u->chips;
				char rt[48];
				runtime_words(runtime, rt, sizeof rt);
				snprintf(msg, sizeof msg,
				         "model does not fit: %.1f GB of weights%s "
				         "per chip in HBM exceed the chip's %.1f GB "
				         "by %.1f GB%s%s%s%s",
				         w_hbm / 1e9, rt,
				         cfg->chip.hbm_bytes / 1e9, -hbm_free / 1e9,
				         copy || split ? " (" : "",
				         copy ? "chip.sram_hbm_copy = false would "
				                "free the resident weights' copy"
				              : "",
				         copy && split ? "; " : "",
				         split ? "more tp, pp or ep would split them "
				                 "further)"
				               : copy ? ")" : "");
				return fail(r, RL_ENOFIT, msg);
			}
		}
		pool = (hbm_free + sram_free) * pf->kv_fraction;
		tok[i] = pool / kv_k;
		k->kv_sram_tok = rl_fmin(sram_free, pool) / kv_k;
	}
	u->kv_cap_tokens = n > 1 ? rl_fmin(tok[0], tok[1]) : tok[0];
	r->kv_capacity_bytes = u->kv_cap_tokens * u->kv_first_bytes;
	r->kv_capacity_tokens = u->kv_cap_tokens;
	u->runtime_bytes = runtime;
	memory_kept(u, r->kv_capacity_bytes);
	return RL_OK;
}

/* The setup's last step, the only one that reads the profile's
** max_batch_size and max_num_tokens (and, for the profiling pass's
** logits rows, the request's lengths): the runtime's memory and the KV
** capacity it leaves, from u's figures before it; u->runtime_bytes and
** u->kv_cap_tokens are written where it succeeds.  Where a cache's setup
** differs from cfg in what this step alone reads (a batch rule's new pick,
** or new lengths for the profiling pass's logits rows: engine.c's
** setup_state), rl_serve_bare does this step again instead of the whole
** setup: the same expressions on the same figures, the same results bit
** for bit. */
int rl_serve_setup_memory(const rl_config *cfg, rl_result *r,
                          rl_serve_setup *u)
{
	const rl_profile *pf = &cfg->prof;
	const rl_model *m = &cfg->model;
	double runtime, ws_b, free_b, kv_cap_tokens, cap_first, cap_last;
	char msg[256];

	/* the runtime's memory: a fixed reservation, the logits buffers (fp32,
	** gathered on every rank) of logits_rows(), the captured CUDA graphs'
	** output logits (graph_logits_rows, at the GEMM output width, on every
	** rank), and the engine's
	** activation workspace for max_num_tokens tokens, at the activations'
	** precision or the profile's own */
	ws_b = (int)pf->act_buffers_precision == RL_PREC_AUTO
	           ? u->ab
	           : rl_precision_bytes((int)pf->act_buffers_precision);
	runtime = pf->runtime_reserved_bytes +
	          pf->logits_buffers * logits_rows(cfg) * m->vocab * 4.0 +
	          pf->graph_logits_rows * m->vocab * u->cb +
	          pf->act_buffers * pf->max_num_tokens *
	              u->sh.act_elems_per_token_layer * ws_b / u->tp;
	/* an MoE that all-gathers (moe_dispatch) holds, beside its own
	** tokens', the inputs of the other ep - 1 ranks' max_num_tokens
	** tokens (at the activations' precision) and their outputs before
	** the reduce-scatter (at the GEMM output width), hidden wide: as many
	** copies as of the rest of the workspace */
	if (u->ep > 1 && u->moe &&
	    (int)pf->moe_dispatch == RL_MOE_ALLGATHER)
		runtime += pf->act_buffers * pf->max_num_tokens * (u->ep - 1) *
		           m->hidden * (u->ab + u->cb);
	r->runtime_bytes = runtime;
	if (u->sram_on)
		return setup_memory_sram(cfg, r, u, runtime);
	free_b = cfg->chip.hbm_bytes - u->weights_bytes_per_chip - runtime;
	if (free_b <= 0) {
		char rt[48];
		runtime_words(runtime, rt, sizeof rt);
		snprintf(msg, sizeof msg,
		         "model does not fit: %.1f GB of weights%s per chip "
		         "exceed the chip's %.1f GB by %.1f GB%s",
		         u->weights_bytes_per_chip / 1e9, rt,
		         cfg->chip.hbm_bytes / 1e9, -free_b / 1e9,
		         u->tp * u->pp * u->ep < u->chips
		             ? " (more tp, pp or ep would split them further)"
		             : "");
		return fail(r, RL_ENOFIT, msg);
	}
	/* the stage that holds the fewest tokens of KV sets the capacity */
	cap_first = (cfg->chip.hbm_bytes - u->w_first_bytes - runtime) *
	            pf->kv_fraction / u->kv_first_bytes;
	cap_last = (cfg->chip.hbm_bytes - u->w_last_bytes - runtime) *
	           pf->kv_fraction / u->kv_last_bytes;
	kv_cap_tokens = rl_fmin(cap_first, cap_last);
	r->kv_capacity_bytes = kv_cap_tokens * u->kv_first_bytes;
	r->kv_capacity_tokens = kv_cap_tokens;
	u->runtime_bytes = runtime;
	u->kv_cap_tokens = kv_cap_tokens;
	memory_kept(u, r->kv_capacity_bytes);
	return RL_OK;
}

/* Checks and the work that does not depend on isl, osl or batch. */
int rl_serve_setup_of(const rl_config *cfg, rl_result *r,
                      rl_serve_setup *u)
{
	const rl_scenario *s = &cfg->scen;
	const rl_profile *pf = &cfg->prof;
	const rl_model *m = &cfg->model;
	rl_stages st;
	double chips;
	double w_first, w_last, kv_first, kv_last, group;
	double mem_layer, mem_embed, mem_head;
	int rc, wp, ap, kp, mp, hp;
	char msg[256];

	if ((rc = check(cfg, r)) != RL_OK)
		return rc;

	memset(u, 0, sizeof *u);
	rl_model_shape_of(m, &u->sh);
	if (pf->sliding_window < 0.5) {
		/* the runtime ignores the model's window: full attention */
		u->sh.window = 0;
		u->sh.window_share = 0;
	}
	r->shape = u->sh;
	u->tp = s->tp;
	u->tpd = rl_divisor_of(u->tp);
	u->blkd = rl_divisor_of(pf->tokens_per_block);
	u->per_scored = 1 / (4.0 * m->head_dim);
	u->pp = s->pp >= 1 ? s->pp : 1;
	u->ep = s->ep >= 1 ? s->ep : 1;
	u->L = m->layers;
	rl_stages_of(u->L, u->pp, &st);
	/* the collectives this mapping runs (engine.c's iter_cost asks for
	** no other) */
	if (u->tp > 1)
		rl_allreduce_cost(cfg, u->tp, &u->ar);
	/* the MoE's dispatch: a token to its k experts' ranks (all-to-all),
	** or every token to all ep ranks (an all-gather, whose (ep-1)/ep of
	** ep tokens' bytes are those of a reduce-scatter back) */
	u->a2a_copies = m->experts_per_token;
	if (u->ep > 1) {
		if ((int)pf->moe_dispatch == RL_MOE_ALLGATHER) {
			rl_allgather_cost(cfg, u->ep, &u->a2a);
			u->a2a_copies = u->ep;
		} else {
			rl_alltoall_cost(cfg, u->ep, &u->a2a);
		}
	}
	if (u->pp > 1)
		rl_p2p_cost(cfg, &u->p2p);
	if (pf->logits_gather > 0.5)
		rl_allgather_cost(cfg, u->tp, &u->lg);
	else
		rl_link_cost_start(&u->lg, 1); /* none */
	u->logit_passes = pf->logits_passes;
	chips = rl_scen_chips(s);
	wp = rl_weight_prec(s);
	ap = rl_act_prec(s);
	kp = rl_kv_prec(cfg);
	u->wb = rl_precision_bytes(wp);
	u->ab = rl_precision_bytes(ap);
	hp = rl_head_prec(cfg);
	u->hb = rl_precision_bytes(hp);
	/* GEMM outputs accumulate at >= 16 bits and are reduced at that width */
	u->cb = u->ab > 2 ? u->ab : 2;
	mp = rl_matrix_prec(s);
	u->peak_flops = rl_chip_peak(&cfg->chip, mp);
	/* FP8 GEMMs reach their own share of the FP8 peak */
	u->eff_gemm = rl_gemm_eff_large(pf, mp);
	if (u->peak_flops <= 0) {
		snprintf(msg, sizeof msg,
		         "chip: no %s matrix peak (set chip.peak_tflops_%s "
		         "or use another precision)",
		         rl_precision_name(mp), rl_precision_name(mp));
		return fail(r, RL_EINVAL, msg);
	}
	u->peak_attn_flops = cfg->chip.peak_flops_bf16 > 0 ? cfg->chip.peak_flops_bf16
	                                            : u->peak_flops;
	/* the LM head multiplies at the wider of its weights and the
	** activations */
	{
		int hm = rl_precision_bytes(hp) >= u->ab ? hp : ap;
		u->peak_head_flops = rl_chip_peak(&cfg->chip, hm);
		u->eff_head = rl_gemm_eff_large(pf, hm);
		if (u->peak_head_flops <= 0) {
			u->peak_head_flops = u->peak_flops;
			u->eff_head = u->eff_gemm;
		}
	}
	/* routed experts stored narrower than the other weights (MXFP4:
	** 4-bit values and a shared 8-bit scale per 32, 4.25 bits) multiply
	** at the wider of their class (FP4 up to 5 bits a weight with its
	** scales, FP8 up to 9, else 16-bit) and the activations: a chip
	** without FP4 units dequantizes them to the activations' precision */
	u->peak_expert_flops = u->peak_flops;
	u->eff_expert = u->eff_gemm;
	u->expert_w_bytes = u->sh.params_expert * u->wb;
	if (m->expert_weight_bits > 0) {
		double bits = m->expert_weight_bits;
		int xc = bits <= 5 ? RL_PREC_FP4
		         : bits <= 9 ? RL_PREC_FP8 : RL_PREC_BF16;
		int xp = rl_precision_bytes(xc) >= u->ab ? xc : ap;
		double pk = rl_chip_peak(&cfg->chip, xp);
		u->expert_w_bytes = u->sh.params_expert * bits / 8;
		if (pk > 0) {
			u->peak_expert_flops = pk;
			u->eff_expert = rl_gemm_eff_large(pf, xp);
		}
	}
	/* grouped expert GEMMs (with their token permute and finalize
	** kernels) reach their own share of a dense GEMM's efficiency */
	u->eff_expert *= pf->moe_gemm_eff;
	u->bw_Bps = cfg->chip.hbm_Bps * pf->eff_memory;
	u->kv_Bps = cfg->chip.hbm_Bps * pf->eff_kv_memory;
	u->per_bw = 1 / u->bw_Bps;
	u->per_kv_bw = 1 / u->kv_Bps;
	u->per_hbm = 1 / cfg->chip.hbm_Bps;
	u->per_peak = 1 / u->peak_flops;
	u->per_pe_gemm = 1 / (u->peak_flops * u->eff_gemm);
	u->per_pe_head = 1 / (u->peak_head_flops * u->eff_head);
	u->per_pe_expert = 1 / (u->peak_expert_flops * u->eff_expert);
	u->per_rate_attn = 1 / (u->peak_attn_flops * pf->eff_attention);
	/* the layers' weights besides routed experts: everything but the
	** embedding, the LM head (V x d, or the tied embedding) and the final
	** norm (d) */
	u->head_w_bytes = (m->vocab * u->hb + u->wb) * m->hidden;
	u->layer_w_bytes =
	    ((u->sh.params_total - u->sh.params_embedding -
	      (m->tied_embeddings > 0.5 ? 0.0 : m->vocab * m->hidden) -
	      m->hidden -
	      u->sh.moe_layers * m->experts * u->sh.params_expert) * u->wb) /
	    u->L;
	u->moe_share = u->sh.moe_layers / u->L;
	u->moe = u->moe_share > 0;
	/* GEMM kernels a layer runs (profile.gemm_fixed_us each): attention's
	** fused QKV and its output projection, then a dense MLP's up (gate and
	** up fused where gated) and down, or an MoE layer's router, its
	** grouped experts' gate-up and down and, with shared experts, their
	** fused gate-up and down (ASSUMPTION: TensorRT-LLM fuses QKV and
	** gate-up and runs all routed experts of a layer in one grouped GEMM
	** per matrix, as its PyTorch backend's Llama and MoE modules do) */
	u->gemms_per_layer =
	    4.0 + u->moe_share * (1.0 + (m->shared_experts > 0 ? 2.0 : 0.0));
	u->lin_body = u->sh.linear_flops_per_token - u->sh.head_flops_per_token;
	u->el_per_tok = u->sh.elem_elems_full +
	                rl_div(u->sh.elem_elems_split, &u->tpd);
	u->el_unfused = 1.0 - pf->elementwise_fused;
	/* an MoE layer's permute copies a token (d values at the
	** activations' precision) into its k experts' order, k copies; its
	** finalize reads the k expert outputs at the GEMM output width and
	** writes their weighted sum: (1 + k) d values each, on every tp rank
	** (each holds the whole hidden width of every token), for every
	** rank's tokens where the MoE all-gathers them (ASSUMPTION:
	** TensorRT-LLM's MoE plugin's expand-rows and finalize-routing
	** kernels as recalled, not in the repository) */
	if (pf->moe_permute > 0.5 && u->moe_share > 0)
		u->moe_perm_bytes =
		    (1.0 + m->experts_per_token) * m->hidden * (u->ab + u->cb) *
		    (u->ep > 1 && (int)pf->moe_dispatch == RL_MOE_ALLGATHER
		         ? u->ep : 1.0);
	/* attention and MLP that read the same input add their partial
	** sums before one all-reduce (TensorRT-LLM's Falcon: "allreduce
	** applies after those layer"; vLLM's Falcon and GPT-J likewise) */
	u->ar_per_layer = m->parallel_attn_mlp > 0.5 ? 1.0 : 2.0;

	/* memory per chip, on the first stage (most layers, embedding) and
	** the last (LM head and final norm; a copy of a tied embedding) */
	{
		double layer = u->layer_w_bytes + u->moe_share * m->experts /
		                                     u->ep * u->expert_w_bytes;
		double embed = u->sh.params_embedding * u->hb;
		double head = m->tied_embeddings > 0.5 && u->pp <= 1
		                  ? m->hidden * u->wb : u->head_w_bytes;
		mem_layer = layer;
		mem_embed = embed;
		mem_head = head;
		r->weights_bytes =
		    u->L * u->layer_w_bytes +
		    u->sh.moe_layers * m->experts * u->expert_w_bytes + embed +
		    (m->tied_embeddings > 0.5 ? m->hidden * u->wb : u->head_w_bytes);
		if (u->pp <= 1) {
			w_first = w_last = (u->L * layer + embed + head) / u->tp;
		} else {
			w_first = (st.first * layer + embed) / u->tp;
			w_last = (st.last * layer + head) / u->tp;
		}
	}
	r->weights_bytes_per_chip = rl_fmax(w_first, w_last);
	r->kv_bytes_per_token = u->sh.kv_elems_per_token * rl_precision_bytes(kp);
	u->kv_bytes_per_token = r->kv_bytes_per_token;
	u->kv_bytes_tok_chip = r->kv_bytes_per_token / rl_fmin(u->tp, m->kv_heads);
	/* query heads per KV head on a chip: heads / kv_heads, or heads / tp
	** once tp exceeds kv_heads (each chip holds a copy of one KV head);
	** of its group - 1 other query heads, kv_group_reread's share and
	** kv_reread_heads more read the KV head again (at most all of them:
	** a kernel that reads it once per head, some re-reads caught on chip,
	** a fixed number missing whatever the group) */
	group = m->heads / rl_fmax(u->tp, m->kv_heads) - 1.0;
	u->reread = 1.0 + rl_fmin(group, pf->kv_group_reread * group +
	                                     pf->kv_reread_heads);
	u->attn_pre = 1.0;
	if (u->sh.kv_per_head <= 0)
		mla_setup(m, u);
	kv_first = u->kv_bytes_tok_chip * st.first / u->L;
	kv_last = u->kv_bytes_tok_chip * st.last / u->L;
	r->kv_bytes_per_token_per_chip = kv_first;
	u->head_flops_row = rl_div(u->sh.head_flops_per_token, &u->tpd);
	u->embed_bytes_row = m->hidden * u->hb;
	u->ar_bytes_row = m->hidden * u->cb;
	u->logit_bytes_row = u->logit_passes * m->vocab * 4.0;
	u->multi_tp = u->tp > 1;
	u->multi_ep = u->ep > 1;
	u->multi_pp = u->pp > 1;
	u->mh = pf->gemm_m_half;
	u->mh_on = !(u->mh <= 0);
	u->graphs_off = pf->cuda_graphs < 0.5;
	u->request_on = pf->request_overhead_s != 0;
	/* (an iteration's overhead, iter_overhead_s or a stage's sum of it
	** and its layers', is -0 only where iter_overhead_s is) */
	u->request_add = u->request_on || (pf->iter_overhead_s == 0 &&
	                                   signbit(pf->iter_overhead_s));
	u->overlap_none = pf->comm_overlap == 0 && !signbit(pf->comm_overlap);
	u->host_overlap_on = pf->host_overlap > 0;
	u->scores_mla = u->sh.attn_scores_per_ctx > 0;
	u->windowed = !(u->sh.window <= 0 || u->sh.window_share <= 0);
	/* (u->ov stays 0, memset above, where the MLPs are of one kind:
	** no call) */
	if (pf->attn_overlap > 0) {
		if (u->sh.moe_layers > 0 && u->sh.moe_layers < u->L)
			rl_dense_shares_of(m, &u->sh, &u->ov);
		u->ov_kinds = u->ov.layers > 0 ||
		              (u->windowed && u->sh.window_share < 1);
	}
	u->kv_reserve_on = pf->kv_reserve > 0.5;
	u->blk_exact = u->blkd.inv != 0.0;
	/* weights resident in SRAM, read at its bandwidth (engine.c) */
	u->sram_on = rl_sram_resident_on(&cfg->chip);
	if (u->sram_on) {
		if (!(cfg->chip.sram_Bps > 0))
			return fail(r, RL_EINVAL,
			            "chip: sram_resident_share > 0 needs the SRAM's "
			            "read bandwidth (chip.sram_tbps; a chip by design "
			            "derives it from the SRAM block its design gives, "
			            "design.frac_sram or design.sram_mm2 > 0)");
		u->per_sram_bw = 1 / cfg->chip.sram_Bps;
		/* without HBM (check() let it through: both 0, no copy), the
		** traffic a GPU sends to HBM (activations, elementwise passes,
		** logits, embedding rows, KV) is SRAM's, at its bandwidth
		** (ASSUMPTION: as the resident weights', no efficiency below 1);
		** no HBM bandwidth to use: MBU 0 */
		u->no_hbm = cfg->chip.hbm_bytes == 0;
		if (u->no_hbm) {
			u->bw_Bps = u->kv_Bps = cfg->chip.sram_Bps;
			u->per_bw = u->per_kv_bw = u->per_sram_bw;
			u->per_hbm = 0;
		}
	}
	/* the stage kinds (stage_kind_of reads the figures above) */
	if (u->pp <= 1) {
		stage_kind_of(cfg, u, &u->one, u->L, 1, 1, 0);
		u->sram_resident_bytes =
		    sram_bytes_of(cfg, u, &u->one, mem_embed);
	} else {
		stage_kind_of(cfg, u, &u->first, st.first, 1, 0, 1);
		stage_kind_of(cfg, u, &u->last, st.last, 0, 1, 0);
		stage_kind_of(cfg, u, &u->hi, st.hi, 0, 0, 1);
		stage_kind_of(cfg, u, &u->lo, st.lo, 0, 0, 1);
		/* the middle stages a micro-batch passes */
		u->n_mid_hi = st.n_hi - 1 - (st.last == st.hi ? 1 : 0);
		u->n_mid_lo = u->pp - 2 - u->n_mid_hi;
		u->sram_resident_bytes =
		    rl_fmax(rl_fmax(sram_bytes_of(cfg, u, &u->first, mem_embed),
		                    sram_bytes_of(cfg, u, &u->last, mem_embed)),
		            rl_fmax(resident_bytes(cfg, u, &u->hi),
		                    resident_bytes(cfg, u, &u->lo)));
	}
	u->mem_bytes = cfg->chip.hbm_bytes;
	u->held_bytes = r->weights_bytes_per_chip;
	if (u->sram_on)
		sram_memory_of(cfg, u, mem_layer, mem_embed, mem_head);
	u->rare = u->multi_pp || u->sram_on || u->moe || u->multi_ep ||
	          u->request_add || u->scores_mla || !u->overlap_none ||
	          cfg->prof.attn_overlap > 0 ||
	          u->one.logits_gather || u->one.has_send ||
	          (u->multi_tp &&
	           (u->ar.none || u->ar.div_on || !u->ar.bw_on));
	u->usual = !u->rare && u->pp == 1 && !u->windowed &&
	           u->kv_reserve_on && u->blk_exact;
	u->tp_form = u->multi_tp && u->mh_on && !u->host_overlap_on;
	u->chips = chips;
	u->per_chips = 1 / chips;
	u->replicas = rl_scen_dp(s);
	u->w_first_bytes = w_first;
	u->w_last_bytes = w_last;
	u->kv_first_bytes = kv_first;
	u->kv_last_bytes = kv_last;
	u->weights_bytes = r->weights_bytes;
	u->weights_bytes_per_chip = r->weights_bytes_per_chip;
	return rl_serve_setup_memory(cfg, r, u);
}
