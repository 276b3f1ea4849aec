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
** traffic), two all-reduces per layer when tp > 1 (one where attention
** and MLP run side by side), and fixed overheads;
** where the profile asks for them, the logits (tokens x vocab in fp32,
** on the stage with the LM head) are all-gathered from the tp chips'
** vocabulary slices onto every chip (logits_gather) and the sampler
** passes over them logits_passes times on every chip (not split over tp).
** Everything is closed form: no loop over layers or sequences.
**
** Weights that software keeps resident in on-chip SRAM (chip.
** sram_resident_share of chip.sram_bytes; 0 on every preset: a GPU's L2 is
** a cache that streamed weights evict) are read from it at chip.sram_Bps
** instead of from HBM, after the HBM-streamed ones (servesetup.c picks
** them per stage: the layers' and the head's first, then an even share of
** the chip's routed experts).
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
** the activation precision) and combine (at >= 16 bits) over ep chips
** (profile.moe_dispatch allgather: an all-gather of every rank's tokens,
** tokens x ep x d, and a reduce-scatter of the outputs back),
** and a chip reads only its experts / ep, touched by the tokens of the ep
** replicas together, whose routed rows its expert GEMMs get (routing
** assumed balanced; profile.moe_gemm_eff is the share of a dense GEMM's
** efficiency that grouped expert GEMMs reach; with profile.moe_permute,
** each MoE layer's token permute and finalize move (1 + k) d values at
** the activations' precision and as many at >= 16 bits per token on
** every tp rank, memory-bound).  A
** stage's share of MoE layers (and of dense ones, in a model that has
** both) is the model's.
**
** What the design alone gives (the checks, the model's shape, the
** collectives, rates, weights, each stage kind's constants, the runtime's
** memory and the KV capacity) is servesetup.c's, worked out once
** (rl_serve_setup_of) and read here in place; this file serves requests
** against it, and keeps every function the cache-hit path calls inline.
** It is compiled within eval.c's translation unit (eval.c includes it; the
** Makefile's UNITY_PARTS), so that serving is inline in rl_eval_cached.
*/
#include "engine.h"
#include "avxclone.h"
#include "exactdiv.h"
#include "fminmax.h"
#include "link.h"
#include "mapping.h"
#include "micro.h"
#include "samebytes.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const char *const limit_names[RL_LIMIT_COUNT] = {
	"max_num_tokens", "max_batch_size", "kv_cache", "batch"};

const char *rl_limit_name(int limit)
{
	return limit >= 0 && limit < RL_LIMIT_COUNT ? limit_names[limit] : "?";
}

/* One evaluation: the design's setup (read in place from a cache, or
** worked out) and what the request shape and the clock give. */
typedef struct {
	const rl_config *cfg;
	const rl_serve_setup *u;
	double isl;
	double ctx_decode;       /* average context seen by a decode token */
	double ctx_prefill;      /* average context seen by a prefill token */
	/* at this clock, 1 / (each peak x its large-GEMM efficiency) and
	** 1 / (the attention's peak x its efficiency) */
	double per_pe_gemm, per_pe_head, per_pe_expert, per_rate_attn;
	/* where weights are resident in SRAM (u->sram_on) alone: at this
	** clock, 1 / the SRAM's read bandwidth, and the memory reciprocals
	** the iteration reads (u->per_bw and u->per_kv_bw: HBM's, or, on a
	** chip without HBM, the SRAM's) */
	double per_sram_bw, per_bw, per_kv_bw;
	/* at this clock, the kernels' fixed times' factor: 1 / the clock
	** share, where the profile takes them as clock cycles
	** (kernel_fixed_clock_hz > 0, servesetup.c's kernel_clock_factor
	** across chips); 1 at full clock or where it does not */
	double per_clock_fixed;
} eval_ctx;

/* The compute rates of c at clock share s of the nominal ones (a TDP
** lowers the clock: rl_serve_clocked), as the reciprocals the iteration
** costs multiply by; every compute rate they use belongs here, and the
** on-chip SRAM's read bandwidth, bytes per cycle x the core clock
** (silicon.c derives it so for a chip by design; a spec sheet's
** chip.sram_tbps is taken at the nominal clock, ASSUMPTION: SRAM ports
** run at the core clock, as a GPU's shared memory and an ASIC's
** scratchpad do).  HBM and link rates do not follow the core clock (their
** own).  At full clock the setup's reciprocals, with no division.
** sram: u->sram_on, or 0 where the caller knows it clear (a constant:
** rl_serve_setup.usual). */
static inline void clock_peaks(eval_ctx *c, double s, int sram)
{
	const rl_serve_setup *u = c->u;
	c->per_clock_fixed =
	    s == 1.0 || !(c->cfg->prof.kernel_fixed_clock_hz > 0) ? 1.0 : 1 / s;
	if (RL_LIKELY(s == 1.0)) {
		c->per_pe_gemm = u->per_pe_gemm;
		c->per_pe_head = u->per_pe_head;
		c->per_pe_expert = u->per_pe_expert;
		c->per_rate_attn = u->per_rate_attn;
	} else {
		c->per_pe_gemm = 1 / (u->peak_flops * s * u->eff_gemm);
		c->per_pe_head = 1 / (u->peak_head_flops * s * u->eff_head);
		c->per_pe_expert = 1 / (u->peak_expert_flops * s * u->eff_expert);
		c->per_rate_attn =
		    1 / (u->peak_attn_flops * s * c->cfg->prof.eff_attention);
	}
	if (RL_UNLIKELY(sram)) {
		c->per_sram_bw = s == 1.0 ? u->per_sram_bw
		                          : 1 / (c->cfg->chip.sram_Bps * s);
		c->per_bw = u->no_hbm ? c->per_sram_bw : u->per_bw;
		c->per_kv_bw = u->no_hbm ? c->per_sram_bw : u->per_kv_bw;
	}
}

/* Time of a GEMM's `flops` on `tokens` rows at a peak and large-GEMM
** efficiency whose product's reciprocal is per_pe: flops / (peak x
** rl_gemm_eff_rows), i.e. flops x (tokens + gemm_m_half) / (peak x eff x
** tokens), with the rows' share multiplied out: one division, not two in a
** row (none where gemm_m_half <= 0). */
/* The larger of a kernel's compute and memory times (rl_fmax), and its
** part of the bound's compute and memory sums: compute where compute >=
** memory, memory where memory > compute, else (a NaN) neither; each pair
** compared once. */
static inline double split_max(double compute, double memory,
                               double *comp, double *mem)
{
	double hi;
	if (memory > compute) {
		hi = memory;
		*comp = 0;
		*mem = memory;
	} else if (compute >= memory) {
		hi = compute;
		*comp = compute;
		*mem = 0;
	} else { /* a NaN */
		hi = rl_fmax(compute, memory);
		*comp = *mem = 0;
	}
	return hi;
}

/* The attention hidden under the GEMMs at share x (profile.attn_overlap,
** iter_cost): one after the other the GEMMs and the attention last apart
** (the sum of their larger times), together, as one roofline, one = the
** larger of their compute sum and their memory sum; x of the difference is
** hidden.  The bound's parts (*g_comp, *g_mem, *a_comp, *a_mem, which add
** up to apart) become (1 - x) of themselves plus x of the roofline's
** time, all of it in the resource that binds it (memory where the memory
** sum is the larger, else compute): they add up to apart - x (apart -
** one), the time, and at 1 they name the resource that binds the layer as
** a whole, where taking the hidden part from attention's part alone named
** compute for a layer whose memory sum is the larger (GEMMs' compute 58.6
** ms beside attention's KV reads 80 ms; test_attn_overlap).  Out of line
** and cold: only an iteration with the overlap calls it, and inline (or
** the parts' subtraction inline) it cost the evaluations without it 1 to
** 2 instructions each (callgrind: their registers moved). */
#if defined(__GNUC__)
__attribute__((noinline, cold))
#endif
static double attn_hidden_of(double x, double gc, double gm, double ac,
                             double am, double apart, double *g_comp,
                             double *g_mem, double *a_comp, double *a_mem)
{
	double one = rl_fmax(gc + ac, gm + am);
	double h = x * (apart - one), k = 1 - x;
	*g_comp *= k;
	*g_mem *= k;
	*a_comp *= k;
	*a_mem *= k;
	if (gm + am > gc + ac)
		*a_mem += x * one;
	else
		*a_comp += x * one;
	return h;
}

static inline double gemm_time(const eval_ctx *c, double flops, double tokens,
                               double per_pe, int mh_on)
{
	if (RL_UNLIKELY(!mh_on))
		return flops * per_pe;
	return flops * (tokens + c->u->mh) * per_pe / tokens;
}

static double osl_in_flight(const rl_scenario *s);

/* a's share of a + b, or else where a + b is not > 0 (no work: the
** layers' share) */
static double share_of(double a, double b, double or_else)
{
	return a + b > 0 ? a / (a + b) : or_else;
}

/* attn_hidden_of per kind of layer (u->ov_kinds: a model whose layers
** differ), for the iteration of iter_cost's n_dec, p, p_isl and chunks on
** stage sg, whose GEMMs (gc, gm) and attention (ac, am) are split by kind:
** the GEMMs into the dense layers' and the MoE layers' (dense: u->ov's
** shares of the FLOPs besides routed experts, of the layers' weights
** besides experts and of the activations, and the layers' share of the LM
** head's and the embedding's; MoE: the rest, the routed experts with it;
** by their FLOPs' time and their bytes' share of the memory time, resident
** weights too), attention into the full layers' and the windowed ones'
** (by their FLOPs and KV bytes: a windowed layer's context at most the
** window; the chunks' re-reads and the KV writes alike).  A kind i x j has
** GEMM kind i's share of attention kind j's layers (ASSUMPTION: the
** window and the MoE are placed independently; no preset has both).  At
** share 1 each kind is one roofline, the iteration their sum S: x of
** apart - S is hidden, none where S >= apart (the stage's sums, which
** the kernels' times are charged at, already hide as much: the GEMMs'
** max(compute, memory) of the stage's sums), and of the parts, each
** kind's x of its roofline goes to the resource binding it.  S >= the
** stage's one roofline max(gc + ac, gm + am), so never more is hidden than
** attn_hidden_of hides.  Cold, out of line, as attn_hidden_of. */
#if defined(__GNUC__)
__attribute__((noinline, cold))
#endif
static double attn_hidden_kinds(const eval_ctx *c, const rl_stage_kind *sg,
                                double n_dec, double p, double p_isl,
                                double chunks, double x, double gc,
                                double gm, double ac, double am,
                                double apart, double *g_comp, double *g_mem,
                                double *a_comp, double *a_mem)
{
	const rl_serve_setup *u = c->u;
	const rl_model *m = &c->cfg->model;
	double M = n_dec + p;
	/* kinds: GEMMs [dense, MoE], attention [full, windowed]; their
	** layers' shares and their times */
	double gl[2] = {1, 0}, gcs[2] = {gc, 0}, gms[2] = {gm, 0};
	double al[2] = {1, 0}, acs[2] = {ac, 0}, ams[2] = {am, 0};
	double S = 0, to_comp = 0, to_mem = 0, h, k;
	int i, j;

	if (u->ov.layers > 0) {
		double Ls = sg->layers, sd = u->ov.layers;
		double head_tokens = n_dec + p_isl;
		double ex = rl_div(M * 2.0 * m->experts_per_token *
		                       u->sh.params_expert * Ls * u->moe_share,
		                   &u->tpd);
		double t_body = gemm_time(c, M * sg->body_flops_row - ex, M,
		                          c->per_pe_gemm, u->mh_on);
		double t_head =
		    sg->has_head && head_tokens > 0
		        ? gemm_time(c, head_tokens * u->head_flops_row,
		                    head_tokens, c->per_pe_head, u->mh_on)
		        : 0.0;
		double read = rl_experts_touched(m, u->ep * M) / u->ep;
		double b_lay = rl_div(Ls * u->layer_w_bytes, &u->tpd);
		double b_exp = rl_div(sg->w_expert_bytes * read, &u->tpd);
		double b_rest = rl_div(sg->head * u->head_w_bytes, &u->tpd) +
		                (sg->has_embed ? M * u->embed_bytes_row : 0.0);
		double b_act = M * sg->act_bytes_row;
		double b_d = u->ov.params * b_lay + sd * b_rest + u->ov.act * b_act;
		gl[0] = sd;
		gl[1] = 1 - sd;
		gcs[0] = u->ov.flops * t_body + sd * t_head;
		gcs[1] = gc - gcs[0];
		gms[0] = gm * share_of(b_d, b_lay + b_exp + b_rest + b_act - b_d,
		                       sd);
		gms[1] = gm - gms[0];
	}
	if (u->windowed && u->sh.window_share < 1) {
		const rl_scenario *s = &c->cfg->scen;
		double ws = u->sh.window_share, osl_if = osl_in_flight(s);
		double full_d = s->isl + osl_if / 2, full_p = (s->isl + 1) / 2;
		double win_d = rl_ctx_decode_in_window(&u->sh, s->isl, osl_if);
		double win_p = rl_ctx_prefill_in_window(&u->sh, s->isl);
		double re = p * (chunks - 1) / 2 + M;
		al[0] = 1 - ws;
		al[1] = ws;
		acs[0] = ac * share_of((1 - ws) * (n_dec * full_d +
		                                   p * full_p * u->attn_pre),
		                       ws * (n_dec * win_d +
		                             p * win_p * u->attn_pre),
		                       1 - ws);
		acs[1] = ac - acs[0];
		ams[0] = am * share_of((1 - ws) * (n_dec * full_d * u->reread + re),
		                       ws * (n_dec * win_d * u->reread + re),
		                       1 - ws);
		ams[1] = am - ams[0];
	}
	for (i = 0; i < 2; i++) {
		for (j = 0; j < 2; j++) {
			double comp, mem, one;
			if (!(gl[i] > 0 && al[j] > 0))
				continue;
			comp = gcs[i] * al[j] + acs[j] * gl[i];
			mem = gms[i] * al[j] + ams[j] * gl[i];
			one = rl_fmax(comp, mem);
			S += one;
			if (mem > comp)
				to_mem += one;
			else
				to_comp += one;
		}
	}
	h = apart - S;
	if (h <= 0)
		return 0.0;
	k = 1 - x;
	*g_comp *= k;
	*g_mem *= k;
	*a_comp *= k;
	*a_mem *= k;
	*a_mem += x * to_mem;
	*a_comp += x * to_comp;
	return x * h;
}

/* Cost on one stage of one iteration with n_dec decode tokens and p
** prefill tokens, p_isl = p / isl of them requests (0 when p is); the
** decode tokens and the requests whose prefill ends produce logits
** (head_tokens); chunks = prefill chunks per request.  Every field of *it
** is written.  Inline at each call (an evaluation costs two iterations:
** the call, its saved registers and the spills around it go).  rare is 1,
** or 0 where the caller has found u->rare clear (stage_round), a constant
** either way: with 0, none of the features it stands for is there
** (resident weights, experts, ep, a logits gather, a send, a request
** term, the MLA scores, an overlap of the all-reduces or of attention
** under the GEMMs (profile.attn_overlap), a stage but the one
** of pp = 1, which has the head and the embedding, an all-reduce at tp > 1
** without a collective or a bandwidth or with a divisor), and the iteration
** carries no test of them nor any of their terms (their tests and zeros
** cost 16 instructions an evaluation for the resident weights alone).
** dec, a constant too: 1 for a decode-only iteration, p and p_isl +0 and
** n_dec > 0 (the callers test it), whose tokens n_dec + 0 are n_dec, bit
** for bit, and > 0: neither the sum nor the tests of it are worked out.
** tpf, a constant too: 1 where the caller has found u->tp_form set (tp >
** 1, gemm_m_half on, no host overlap), whose three flags the iteration
** then takes as constants; 0: it tests each. */
static inline RL_ALWAYS_INLINE void
iter_cost(const eval_ctx *c, const rl_stage_kind *sg, double n_dec, double p,
          double p_isl, double chunks, int rare, int dec, int tpf,
          double kv_used, rl_iter *restrict it)
{
	const rl_config *cfg = c->cfg;
	const rl_serve_setup *u = c->u;
	const rl_model *m = &cfg->model;
	const rl_profile *pf = &cfg->prof;
	const int sram = rare && u->sram_on, moe = rare && u->moe;
	const int mh_on = tpf || u->mh_on, multi_tp = tpf || u->multi_tp;
	const int host_overlap_on = !tpf && u->host_overlap_on;
	/* (at this clock where weights are resident: clock_peaks) */
	const double per_bw = sram ? c->per_bw : u->per_bw;
	const double per_kv_bw = sram ? c->per_kv_bw : u->per_kv_bw;
	double M = dec ? n_dec : n_dec + p, Ls = sg->layers;
	double head_tokens = dec ? n_dec : n_dec + p_isl;
	double gemm_flops, w_bytes, act_bytes, attn_flops, attn_bytes, el_bytes;
	double comm_bytes = 0, link = 0, t_comp_part, t_mem_part, head_flops;
	double expert_flops = 0, expert_rows = 1, read = 0, t_comm = 0;
	double sram_b = 0, t_sram = 0, kv_s = 0, hbm_b;
	/* (each field of *it is written once, where it is final: it is
	** restrict, no store through it obliges the compiler to load again a
	** figure of c, u or sg read after it, and a figure stored need not be
	** held, or spilled, to the end) */
	double t_gemm_compute, t_gemm_memory, t_gemm_fixed, t_elementwise;
	double t_attn_compute, t_attn_memory, t_overhead, t_comm_exposed;
	double t_overhead_hidden, time_s, rest, attn_hidden = 0;
	double g_comp, g_mem, a_comp, a_mem;
	int bound, plain;

	if (!dec && M <= 0) {
		memset(it, 0, sizeof *it);
		it->tokens = M;
		return;
	}
	it->tokens = M;
	it->vector_elems = M * sg->vec_elems_row;
	/* the layers' GEMMs have M rows, the LM head's head_tokens, at the
	** head's own precision */
	gemm_flops = M * sg->body_flops_row;
	/* (without rare, sg is the one stage: it has the head and the
	** embedding) */
	head_flops =
	    !rare || sg->has_head ? head_tokens * u->head_flops_row : 0.0;
	/* a routed expert's GEMMs get only the tokens routed to it: a chip's
	** experts serve the M tokens of each of the ep replicas that pool
	** them, ep M k rows over the experts those tokens touch, and the chip
	** reads its 1/ep of those experts */
	if (moe) {
		double routed = u->ep * M;
		double touched = rl_experts_touched(m, routed);
		expert_flops = rl_div(M * 2.0 * m->experts_per_token *
		                          u->sh.params_expert * Ls * u->moe_share,
		                      &u->tpd);
		gemm_flops -= expert_flops;
		expert_rows = touched > 0 ? routed * m->experts_per_token / touched
		                          : routed;
		read = touched / u->ep;
	}
	w_bytes = moe ? rl_div(sg->w_fixed_bytes + sg->w_expert_bytes * read,
	                       &u->tpd)
	              : sg->w_dense_bytes;
	/* weights resident in SRAM are read from it, not from HBM: the
	** stage's resident dense bytes, and the resident share of the experts
	** the tokens touch */
	/* (layer after layer: a resident layer's read from SRAM, at its own
	** bandwidth, adds to the streamed ones' from HBM; ASSUMPTION: the
	** two are not overlapped) */
	if (RL_UNLIKELY(sram)) {
		sram_b = sg->w_res_bytes +
		         (moe ? rl_div(sg->w_expert_bytes * read, &u->tpd) *
		                       sg->res_expert
		                 : 0.0);
		w_bytes -= sram_b;
		t_sram = sram_b * c->per_sram_bw;
	}
	if (!rare || sg->has_embed) /* embedding rows looked up */
		w_bytes += M * u->embed_bytes_row;
	act_bytes = M * sg->act_bytes_row;
	/* (a term that would be +0 is not added: the layers' time is a
	** number >= +0 (M > 0 rows of FLOPs >= 0), so x + 0 is x, bit for bit;
	** a ternary's +0 would be added all the same) */
	t_gemm_compute = gemm_time(c, gemm_flops, M, c->per_pe_gemm, mh_on);
	if (moe)
		t_gemm_compute +=
		    gemm_time(c, expert_flops, expert_rows, c->per_pe_expert,
		              mh_on);
	if (RL_LIKELY(head_flops > 0))
		t_gemm_compute +=
		    gemm_time(c, head_flops, head_tokens, c->per_pe_head, mh_on);
	/* (without experts, expert_flops is +0 and head_flops a number >=
	** +0: head_flops + 0 is head_flops, not added) */
	it->gemm_compute_s = t_gemm_compute;
	gemm_flops += moe ? head_flops + expert_flops : head_flops;
	/* (the resident weights' SRAM time added where there are any: bytes
	** >= 0 at a bandwidth > 0 are >= +0, and x + 0 is x) */
	t_gemm_memory = (w_bytes + act_bytes) * per_bw;
	if (RL_UNLIKELY(sram))
		t_gemm_memory += t_sram;
	it->gemm_memory_s = t_gemm_memory;
	/* each GEMM kernel's fixed time, t0 of t0 + bytes / B: device time
	** that a CUDA graph's replay keeps */
	t_gemm_fixed = sg->gemm_fixed_s * c->per_clock_fixed;
	it->gemm_fixed_s = t_gemm_fixed;
	/* elementwise kernels run on their own, at 16-bit, memory-bound */
	/* (and the MoE layers' permute and finalize, whole width on every
	** rank: sg->el_bytes_row) */
	el_bytes = M * sg->el_bytes_row;
	/* the logits, tokens x vocab in fp32, exist on the head's stage: the
	** sampling passes over them logits_passes times on every rank alike
	** (each rank holds them whole after the gather: not split over tp),
	** memory-bound like the elementwise kernels */
	if (sg->logits_passes && (dec || head_tokens > 0))
		el_bytes += head_tokens * u->logit_bytes_row;
	t_elementwise = el_bytes * per_bw;
	it->elementwise_s = t_elementwise;

	/* attention: decode tokens over their context; prefill tokens over
	** the causal prefix (on average (isl+1)/2 keys without a sliding
	** window), re-reading earlier chunks' KV once per later chunk; every
	** token writes its KV.  A decode kernel that does not share a KV head
	** across its group of query heads reads it again per head (u->reread);
	** a prefill token's FLOPs per key are attn_pre of a decode token's
	** (1 but with latent attention: its plain form against the absorbed) */
	attn_flops = sg->attn_flops_row * (n_dec * c->ctx_decode +
	                             p * c->ctx_prefill * u->attn_pre);
	attn_bytes = sg->kv_bytes_lf *
	             (n_dec * c->ctx_decode * u->reread + p * (chunks - 1) / 2 +
	              M);
	t_attn_compute = attn_flops * c->per_rate_attn;
	t_attn_memory = attn_bytes * per_kv_bw;
	it->flops = gemm_flops + attn_flops;
	it->attn_compute_s = t_attn_compute;
	/* one score per head per key: 4 x head_dim FLOPs of attention each */
	it->attn_scores =
	    RL_UNLIKELY(rare && u->scores_mla)
	        ? rl_div(sg->lf * u->sh.attn_scores_per_ctx *
	                     (n_dec * c->ctx_decode + p * c->ctx_prefill),
	                 &u->tpd)
	        : attn_flops * u->per_scored;
	/* the KV cache's tokens in SRAM (what the resident weights leave of
	** the share; servesetup.c) serve their share of the KV traffic at the
	** SRAM's bandwidth, the rest HBM's, one after the other (ASSUMPTION:
	** reads spread over the tokens held, not overlapped; none in SRAM: the
	** HBM time + 0, the same) */
	if (RL_UNLIKELY(sram)) {
		kv_s = sg->kv_sram_tok >= kv_used
		           ? attn_bytes
		           : attn_bytes * (sg->kv_sram_tok / kv_used);
		attn_bytes -= kv_s;
		t_attn_memory = attn_bytes * per_kv_bw + kv_s * c->per_sram_bw;
	}
	it->attn_memory_s = t_attn_memory;
	hbm_b = w_bytes + act_bytes + attn_bytes + el_bytes;
	if (RL_UNLIKELY(sram)) {
		sram_b += kv_s;
		/* without HBM, every byte is SRAM's */
		if (u->no_hbm) {
			sram_b += hbm_b;
			hbm_b = 0;
		}
	}
	it->hbm_bytes = hbm_b;
	it->sram_bytes = sram_b;

	if (RL_LIKELY(multi_tp)) {
		/* (without rare, the all-reduce has a collective, no divisor
		** and a bandwidth) */
		double ar_bytes = M * u->ar_bytes_row;
		double one =
		    rare ? rl_link_time(&u->ar, ar_bytes, &comm_bytes)
		         : rl_link_time_plain(&u->ar, ar_bytes, &comm_bytes);
		t_comm = sg->ar_layers * one;
		link = sg->ar_layers * comm_bytes;
	}
	if (RL_UNLIKELY(rare && u->multi_ep)) {
		double kd = rl_div(M * u->a2a_copies * m->hidden, &u->tpd);
		double b1, b2;
		double Lm = Ls * u->moe_share; /* the stage's MoE layers */
		t_comm += Lm * (rl_link_time(&u->a2a, kd * u->ab, &b1) +
		                rl_link_time(&u->a2a, kd * u->cb, &b2));
		link += Lm * (b1 + b2);
	}
	if (RL_UNLIKELY(rare && sg->logits_gather) && head_tokens > 0) {
		/* each rank's slice of the vocabulary gathered onto all */
		double b;
		t_comm += rl_link_time(&u->lg, head_tokens * m->vocab * 4.0, &b);
		link += b;
	}
	if (RL_UNLIKELY(rare && sg->has_send)) {
		double b;
		t_comm += rl_link_time(&u->p2p,
		                       rl_div(M * m->hidden * u->cb, &u->tpd), &b);
		link += b;
	}
	it->comm_s = t_comm;
	it->link_bytes = link;
	/* sequences in the iteration: the decoding ones and those whose
	** prefill chunks it carries (at least one when it carries any) */
	/* launches: none per layer in a decode-only iteration replayed as a
	** CUDA graph, the iteration's own overhead only */
	/* (the request term, + 0 without one, only where it can change the
	** sum: u->request_add) */
	/* (without prefill, the setup's choice: sg->overhead_dec_s) */
	t_overhead = (p > 0 ? sg->overhead_s : sg->overhead_dec_s) +
	             pf->seq_overhead_s *
	                 (dec ? n_dec
	                      : n_dec + (RL_LIKELY(p > 0) ? rl_fmax(1.0, p_isl)
	                                                  : 0.0));
	if (RL_UNLIKELY(rare && u->request_add))
		t_overhead += RL_UNLIKELY(u->request_on)
		                  ? pf->request_overhead_s * p / c->isl
		                  : 0.0;
	it->overhead_s = t_overhead;
	/* the share comm_overlap of the all-reduces runs under the rest of
	** the iteration's kernels, as far as they last */
	/* (each pair compared once for its larger and for the bound's
	** compute and memory parts below: rl_fmax(compute, memory), and
	** compute where compute >= memory, memory where compute < memory,
	** else 0, the same in every case, NaNs too) */
	{
		double g_max = split_max(t_gemm_compute, t_gemm_memory, &g_comp,
		                         &g_mem);
		double a_max = split_max(t_attn_compute, t_attn_memory, &a_comp,
		                         &a_mem);
		rest = t_gemm_fixed + g_max + a_max + t_elementwise;
		/* the share attn_overlap of the attention runs under the GEMMs
		** where they leave a resource idle: one after the other they
		** last g_max + a_max, together, as one roofline, max(GEMM +
		** attention compute, GEMM + attention memory); the difference,
		** 0 <= it <= min(g_max, a_max), is what the overlap hides
		** (with GEMMs compute-bound and attention memory-bound,
		** min(GEMM compute - memory, attention memory - compute)), and
		** the bound's parts share the time as attn_hidden_of says.
		** The LM head's GEMM is in the sums with the layers'
		** (ASSUMPTION: its slack is small beside L layers').  On the
		** stage's sums where its layers are all of one kind; where
		** they differ (u->ov_kinds: windowed beside full attention,
		** dense beside MoE), the stage's sums would hide one kind's
		** attention under another kind's GEMMs: each kind of layer is
		** its own roofline (attn_hidden_kinds).  Rare (u->rare):
		** without it none of this */
		if (RL_UNLIKELY(rare && pf->attn_overlap > 0)) {
			attn_hidden =
			    RL_LIKELY(!u->ov_kinds)
			        ? attn_hidden_of(pf->attn_overlap, t_gemm_compute,
			                         t_gemm_memory, t_attn_compute,
			                         t_attn_memory, g_max + a_max,
			                         &g_comp, &g_mem, &a_comp, &a_mem)
			        : attn_hidden_kinds(c, sg, n_dec, p, p_isl, chunks,
			                            pf->attn_overlap, t_gemm_compute,
			                            t_gemm_memory, t_attn_compute,
			                            t_attn_memory, g_max + a_max,
			                            &g_comp, &g_mem, &a_comp,
			                            &a_mem);
			rest -= attn_hidden;
		}
	}
	/* (with no overlap, +0, 0 <= t_comm < inf and rest >= 0: the share
	** under, rl_fmin(t_comm, rest), is rest (finite: < t_comm) or t_comm
	** (rest >= t_comm), a number >= 0 and finite, so t_comm - 0 x under
	** is t_comm exactly: the iteration's time need not wait for the
	** share, nor for the product) */
	plain = RL_LIKELY((!rare || u->overlap_none) && t_comm >= 0 &&
	                  t_comm < HUGE_VAL && rest >= 0);
	if (plain) {
		t_comm_exposed = t_comm;
	} else {
		double under = rl_fmin(t_comm, rest);
		t_comm_exposed = (!rare || u->overlap_none) && under >= 0 &&
		                         under < HUGE_VAL
		                     ? t_comm
		                     : t_comm - pf->comm_overlap * under;
	}
	it->comm_exposed_s = t_comm_exposed;
	time_s = rest + t_comm_exposed + t_overhead;
	/* an overlap scheduler runs the share host_overlap of the host's
	** time under the GPU's work of the iteration before, as far as that
	** lasts (in a steady stream of like iterations, this one's; without
	** one nothing is hidden, and time_s - 0 is time_s) */
	t_overhead_hidden = 0.0;
	if (host_overlap_on) {
		t_overhead_hidden = pf->host_overlap *
		                    rl_fmin(t_overhead, rest + t_comm_exposed);
		time_s -= t_overhead_hidden;
		plain = 0;
	}
	it->overhead_hidden_s = t_overhead_hidden;
	it->time_s = time_s;

	t_comp_part = g_comp + a_comp;
	t_mem_part = g_mem + a_mem + t_elementwise;
	/* (with the attention hidden under the GEMMs, the parts are
	** attn_hidden_of's: x of the time in the resource that binds the
	** layer as one roofline) */
	/* (plain: all of t_comm exposed, t_comm finite, and nothing of the
	** host's time hidden: rl_iter_bound's window t_comm - t_comm is +0 and
	** its over_hidden +0, so it charges each term in full, its k 1, and
	** x * 1 compares as x: the compares alone) */
	bound = RL_LIKELY(plain)
	            ? rl_bound_of(t_comp_part, t_mem_part, t_comm, t_overhead)
	            : rl_iter_bound(t_comp_part, t_mem_part, rest, t_comm,
	                            t_comm_exposed, t_overhead,
	                            t_overhead_hidden);

	it->bound = bound;
}

static int fail(rl_result *r, int code, const char *msg)
{
	snprintf(r->error, sizeof r->error, "%s", msg);
	return code;
}

/* KV held for t tokens of a sequence, in tokens of every layer: a layer
** with a sliding window of W keeps at most W of them (a cyclic cache);
** for an average t this is an upper bound of the average. */
static inline double kv_windowed(const rl_model_shape *sh, double t)
{
	if (sh->window <= 0 || sh->window_share <= 0)
		return t;
	return (1 - sh->window_share) * t +
	       sh->window_share * rl_fmin(t, sh->window);
}

/* The output length of a request in flight, for what its sequence holds
** and reads (its context, its KV blocks): osl where every request has
** osl.  Where the lengths vary (scenario.osl_max > osl: a dataset's means,
** taken as exponential, load.c 3a) the requests in flight are the long
** ones more often, in proportion to their length (a request stays as long
** as it decodes): E[L^2] / E[L] = 2 osl for an exponential L, whose age
** is exponential too, osl on average (where fixed lengths' is osl / 2).
** Passing 2 osl for osl gives both: a context of isl + osl read by a
** decode token (rl_ctx_decode) and the blocks of isl + 2 osl reserved
** (kv_held_of).  ASSUMPTION as in load.c 3a; the lengths of a request's
** prompt and output are taken as independent. */
static double osl_in_flight(const rl_scenario *s)
{
	return RL_UNLIKELY(s->osl_max > s->osl) ? 2 * s->osl : s->osl;
}

/* KV tokens held on average by a sequence of a request (isl, osl), given
** the decoding share: worked out once per request shape (kv_held_of),
** then per share (kv_held).  With reserve (TensorRT-LLM's
** guaranteed-no-evict scheduler) a request holds the blocks of isl + osl
** tokens from its admission to its end, whatever it has written so far. */
typedef struct {
	double dec, pre;  /* held while decoding, while in prefill */
	int reserve;      /* held from admission: the blocks of isl + osl */
	double reserved;
} kv_held_t;

static inline kv_held_t kv_held_of(double isl, double osl, const rl_divisor *blkd,
                            int blk_exact, int reserve)
{
	kv_held_t h;
	double blk = blkd->d;
	h.reserve = reserve;
	/* (with reserve, kv_held reads only the reserved blocks: the
	** averages while decoding and in prefill are left unset) */
	if (RL_LIKELY(reserve)) {
		h.dec = h.pre = 0;
		h.reserved =
		    rl_ceil((RL_LIKELY(blk_exact) ? (isl + osl) * blkd->inv
		                                  : (isl + osl) / blk) -
		            1e-9) *
		    blk;
	} else {
		h.dec = isl + (osl - 1) / 2 + blk / 2;
		h.pre = isl / 2 + blk / 2;
		h.reserved = 0;
	}
	return h;
}

static inline double kv_held(const rl_serve_setup *u, const kv_held_t *h,
                      double share_dec, int windowed)
{
	double t = RL_LIKELY(h->reserve)
	               ? h->reserved
	               : share_dec * h->dec + (1 - share_dec) * h->pre;
	return RL_UNLIKELY(windowed) ? kv_windowed(&u->sh, t) : t;
}

/* True where x / d, rounded, is surely not below n (x / d < n is false)
** without dividing: x >= n d with a margin of 2^-48 of it, which covers
** the rounding of n d and of the margin (2^-53 of themselves each), n d
** a normal number; then x / d >= n exactly, and rounded too.  False
** where unsure (and for NaNs): the caller divides. */
static inline int surely_not_below(double x, double d, double n)
{
	double nd = n * d;
	return d > 0 && n >= 0 && nd >= 0x1p-1000 && x >= nd * (1 + 0x1p-48);
}

/* stage_round (below) with pp > 1 stages: pipeline_round's body, inline
** in its two copies after it. */
static inline RL_ALWAYS_INLINE double
pipeline_round_in(const eval_ctx *c, double m, double n_dec, double p,
                  double p_isl, double chunks, double kv_used, rl_iter *it)
{
	const rl_serve_setup *u = c->u;
	rl_iter b, mid;
	double trav, a_time;
	/* the first stage's costed in *it itself (iter_cost writes every
	** field), the last's beside it and copied over it where slower: where
	** both were costed aside and one copied, each zeroed first, that was
	** a tenth of the round's instructions (tests/BENCH.md).  b may be
	** copied to *it: no stray bytes in its padding */
	memset(&b, 0, sizeof b);
	iter_cost(c, &u->first, n_dec, p, p_isl, chunks, 1, 0, 0, kv_used, it);
	iter_cost(c, &u->last, n_dec, p, p_isl, chunks, 1, 0, 0, kv_used, &b);
	a_time = it->time_s;
	if (!(a_time >= b.time_s))
		*it = b;
	if (m >= u->pp)
		return m * it->time_s; /* full: no stage waits */
	/* the bubble: one micro-batch passes every stage in turn */
	trav = a_time + b.time_s;
	if (u->n_mid_hi > 0) {
		iter_cost(c, &u->hi, n_dec, p, p_isl, chunks, 1, 0, 0, kv_used,
		          &mid);
		trav += u->n_mid_hi * mid.time_s;
	}
	if (u->n_mid_lo > 0) {
		iter_cost(c, &u->lo, n_dec, p, p_isl, chunks, 1, 0, 0, kv_used,
		          &mid);
		trav += u->n_mid_lo * mid.time_s;
	}
	return rl_pipeline_round(m, it->time_s, trav);
}

static double pipeline_round(const eval_ctx *c, double m, double n_dec,
                             double p, double p_isl, double chunks,
                             double kv_used, rl_iter *it)
{
	return pipeline_round_in(c, m, n_dec, p, p_isl, chunks, kv_used, it);
}

/* the same compiled for AVX, for the general form's AVX copies
** (avxclone.h) */
#if RL_AVX_CLONE
RL_AVX_FN static double pipeline_round_avx(const eval_ctx *c, double m,
                                           double n_dec, double p,
                                           double p_isl, double chunks,
                                           double kv_used, rl_iter *it)
{
	return pipeline_round_in(c, m, n_dec, p, p_isl, chunks, kv_used, it);
}
#else
#define pipeline_round_avx pipeline_round
#endif

/* One kind of iteration (prefill-carrying or decode-only) on the pipeline:
** the slowest stage's cost in *it, and the round a micro-batch takes with m
** in flight (rl_pipeline_round).  Inline (with iter_cost in it, the
** compiler would otherwise call it).  dec: iter_cost's, a constant (1: p
** and p_isl +0, n_dec > 0); usual: 1 where the caller knows
** rl_serve_setup.usual set (one stage, rare clear: no test of either),
** else 0, a constant too; avx: 1 in an AVX copy (avxclone.h), a
** constant, its pipeline's round AVX's. */
static inline RL_ALWAYS_INLINE double
stage_round(const eval_ctx *c, double m, double n_dec, double p, double p_isl,
            double chunks, int dec, int usual, double kv_used, rl_iter *it,
            int avx)
{
	if (usual) {
		/* (tp_form tested once: each branch with its constant) */
		if (RL_LIKELY(c->u->tp_form))
			iter_cost(c, &c->u->one, n_dec, p, p_isl, chunks, 0, dec, 1,
			          kv_used, it);
		else
			iter_cost(c, &c->u->one, n_dec, p, p_isl, chunks, 0, dec, 0,
			          kv_used, it);
		return it->time_s;
	}
	if (RL_UNLIKELY(c->u->multi_pp))
		return avx ? pipeline_round_avx(c, m, n_dec, p, p_isl, chunks,
		                                kv_used, it)
		           : pipeline_round(c, m, n_dec, p, p_isl, chunks, kv_used,
		                            it);
	/* (one test of the flag, each branch with its own constant) */
	if (RL_UNLIKELY(c->u->rare))
		iter_cost(c, &c->u->one, n_dec, p, p_isl, chunks, 1, dec, 0,
		          kv_used, it);
	else
		iter_cost(c, &c->u->one, n_dec, p, p_isl, chunks, 0, dec, 0,
		          kv_used, it);
	return it->time_s;
}

#define END_OF(f) (offsetof(rl_config, f) + sizeof(((rl_config *)0)->f))

/* What serving reads is one span of rl_config (rl_config.h): from the
** chip to the request (isl, osl, batch, last in the scenario, which is
** last); the design, the node and the cost come before it, and power and
** cost (eval.c) keep their own memo of those (rl_power_cost_memo, cleared
** with this key), and test_cache checks that rl_serve's results do not
** depend on them.  A field added after the request would be left out of
** every key. */
_Static_assert(offsetof(rl_config, design) == 0 &&
                   offsetof(rl_config, node) == END_OF(design) &&
                   offsetof(rl_config, cost) == END_OF(node) &&
                   offsetof(rl_config, chip) == END_OF(cost) &&
                   offsetof(rl_config, scen.osl) == END_OF(scen.isl) &&
                   offsetof(rl_config, scen.batch) == END_OF(scen.osl) &&
                   sizeof(rl_config) == END_OF(scen.batch),
               "rl_config: design, node and cost first, the request last");

/* serving's span of rl_config: [SERVE_AT, SERVE_END) */
#define SERVE_AT offsetof(rl_config, chip)
#define SERVE_END offsetof(rl_config, scen.isl)

/* whether two spans of serving's bytes, each from its configuration's
** SERVE_AT, are the same (samebytes.h: memcmp's answer, by AVX where the
** processor has it) */
RL_SAME_BYTES_FN(serve_span_same, SERVE_END - SERVE_AT)

/* How cfg stands to the cache's key in what serving reads: the same
** (SETUP_SAME), the same but in what the setup's last step alone reads
** (SETUP_MEMORY: rl_serve_setup_memory, the profile's max_batch_size and
** max_num_tokens and, for the profiling pass's logits rows, the request's
** lengths), or another setup (SETUP_NEW). */
enum { SETUP_NEW, SETUP_MEMORY, SETUP_SAME };

/* cfg's lengths are the key's where the profiling pass's logits rows
** follow them (else they are read by no setup) */
static inline int lengths_kept(const rl_eval_cache *k, const rl_config *cfg)
{
	return (int)cfg->prof.logits_rows != RL_LOGITS_PROFILING_PASS ||
	       (cfg->scen.isl == k->key.scen.isl &&
	        cfg->scen.osl == k->key.scen.osl);
}

/* One compare of serving's span (rl_config holds only doubles: no
** padding); where cfg is the batch rule's served configuration
** and the setup's key was taken from it (or found equal) since the rule's
** key last changed (key_is_rule, engine.h), the two can differ in what
** serving reads only in the two numbers the rule picks per request, so
** those alone are compared, bit for bit (as memcmp does).  avx: 1 in an
** AVX clone (avxclone.h), a constant: the compare without its test of the
** processor. */
static inline RL_ALWAYS_INLINE int
setup_state(const rl_eval_cache *k, const rl_config *cfg, int avx)
{
	uint64_t a[2], b[2];
	if (!k->valid)
		return SETUP_NEW;
	if (RL_UNLIKELY(cfg != &k->rule.cfg || !k->key_is_rule)) {
		const char *x = (const char *)cfg + SERVE_AT;
		const char *y = (const char *)&k->key + SERVE_AT;
		if (!(avx ? serve_span_same_avx(x, y) : serve_span_same(x, y)))
			return SETUP_NEW;
		return lengths_kept(k, cfg) ? SETUP_SAME : SETUP_MEMORY;
	}
	memcpy(&a[0], &cfg->prof.max_batch_size, sizeof a[0]);
	memcpy(&a[1], &cfg->prof.max_num_tokens, sizeof a[1]);
	memcpy(&b[0], &k->key.prof.max_batch_size, sizeof b[0]);
	memcpy(&b[1], &k->key.prof.max_num_tokens, sizeof b[1]);
	return ((a[0] ^ b[0]) | (a[1] ^ b[1])) == 0 && lengths_kept(k, cfg)
	           ? SETUP_SAME
	           : SETUP_MEMORY;
}

/* The result's fields that the setup alone gives (also set before its
** errors, as callers may read them then). */
static void setup_fields(const rl_serve_setup *u, rl_result *r)
{
	r->shape = u->sh;
	r->weights_bytes = u->weights_bytes;
	r->weights_bytes_per_chip = u->weights_bytes_per_chip;
	r->kv_bytes_per_token = u->kv_bytes_per_token;
	r->kv_bytes_per_token_per_chip = u->kv_first_bytes;
	r->runtime_bytes = u->runtime_bytes;
	r->kv_capacity_bytes = u->kv_cap_bytes;
	r->kv_capacity_tokens = u->kv_cap_tokens;
	r->sram_resident_bytes = u->sram_resident_bytes;
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

/* Every field of r is written (none is cleared first) but power and
** cost's (rl_serve_cached writes those): a new field of rl_result needs
** its value here, or in setup_fields. */
int rl_serve_bare(const rl_config *cfg, rl_eval_cache *cache, double s_pre,
                  double s_dec, rl_result *r)
{
	return rl_serve_bare_req(cfg, cache, s_pre, s_dec, 1, r);
}

/* serve_request's return where its usual form leaves the request to the
** general form (one micro-batch not in flight) */
enum { SERVE_GENERAL = -1 };

/* The request's solve and its two iterations on the setup u (the rest of
** rl_serve_bare_req, below), inline at its two calls: usual is 1 where u->usual
** is set (a constant: one stage, rare clear, no window, the KV reserved in
** blocks of an exact reciprocal), and its copy carries no test of those
** flags nor any of their terms, and serves one micro-batch in flight (mb
** 1, a constant: else SERVE_GENERAL, having written nothing but
** cache->req.valid); 0, the general form, tests each.  avx: 1 in an AVX
** copy (avxclone.h), a constant (stage_round's). */
static inline RL_ALWAYS_INLINE int
serve_request(const rl_config *cfg, rl_eval_cache *cache,
              const rl_serve_setup *u, double s_pre, double s_dec,
              int keep_req, rl_result *r, int usual, int avx)
{
	const rl_scenario *s = &cfg->scen;
	const rl_profile *pf = &cfg->prof;
	/* (each flag that usual fixes: a constant in its copy) */
	const int windowed = !usual && u->windowed;
	const int reserve = usual || u->kv_reserve_on;
	const int blk_exact = usual || u->blk_exact;
	const int sram_on = !usual && u->sram_on;
	eval_ctx ctx, *c = &ctx;
	kv_held_t held;
	double kv_cap_tokens, mnt, cap;
	double N = 0, n_dec = 0, p = 0, q = 0, f = 1, k = 1, share_dec = 1;
	double T_avg, req_per_iter, chunk1, mb, kv_mb, R_pre, R_dec = 0, q_isl;
	double user, one_req, per_T, osl_if, kv_used;
	/* 1 / isl, off the path the evaluation waits on: the shares of
	** requests below multiply by it */
	double per_isl = 1 / s->isl;
	int i, limit = RL_LIMIT_TOKENS, batched;
	char msg[256];

	if (RL_LIKELY(cache != NULL))
		cache->req.valid = 0; /* kept again below, once solved */
	c->cfg = cfg;
	c->u = u;
	kv_cap_tokens = u->kv_cap_tokens;
	c->isl = s->isl;
	/* (without a window, rl_ctx_decode's and rl_ctx_prefill's full
	** averages and kv_windowed's t, tested once per setup: u->windowed) */
	osl_if = osl_in_flight(s);
	if (RL_UNLIKELY(windowed)) {
		c->ctx_decode = rl_ctx_decode(&u->sh, s->isl, osl_if);
		c->ctx_prefill = rl_ctx_prefill(&u->sh, s->isl);
		one_req = kv_windowed(&u->sh, s->isl + s->osl);
	} else {
		c->ctx_decode = s->isl + osl_if / 2;
		c->ctx_prefill = (s->isl + 1) / 2;
		one_req = s->isl + s->osl;
	}
	if (kv_cap_tokens < one_req) {
		memset(r, 0, offsetof(rl_result, error));
		setup_fields(u, r);
		snprintf(msg, sizeof msg,
		         "model does not fit: the KV cache holds %.0f tokens per "
		         "replica, one request needs %.0f (%.2f GB more per chip)",
		         kv_cap_tokens, one_req,
		         (one_req - kv_cap_tokens) * u->kv_first_bytes /
		             pf->kv_fraction / 1e9);
		return fail(r, RL_ENOFIT, msg);
	}

	/* micro-batches in flight: pp, unless --batch or the KV cache holds
	** fewer whole requests; each gets 1/mb of the cache and of --batch */
	batched = s->batch > 0;
	if (usual) {
		/* (one stage, pp 1: one micro-batch, mb 1, a constant, but
		** where --batch is below 1 or a request's KV tokens are not >
		** 0, which the general form serves from the start: nothing
		** written yet but what it writes again) */
		if (RL_UNLIKELY((batched && s->batch < 1) || !(one_req > 0)))
			return SERVE_GENERAL;
		mb = 1.0;
	} else {
		mb = u->pp;
		if (RL_UNLIKELY(batched) && s->batch < mb)
			mb = s->batch;
		/* (floor(x) < 1 is x < 1; and with mb = 1, kv_cap_tokens >=
		** one_req > 0 here, so x >= 1: no division) */
		if (mb == 1 ? !(one_req > 0) && kv_cap_tokens / one_req < 1
		            : floor(kv_cap_tokens / one_req) < mb)
			mb = floor(kv_cap_tokens / one_req);
	}
	kv_mb = mb == 1 ? kv_cap_tokens : kv_cap_tokens / mb;
	user = RL_UNLIKELY(batched) ? s->batch / mb : 0;

	/* concurrency */
	mnt = pf->max_num_tokens;
	cap = pf->max_batch_size;
	if (user > 0 && user < cap)
		cap = user;
	held = kv_held_of(s->isl, osl_if, &u->blkd, blk_exact, reserve);
	if (RL_UNLIKELY(s->osl <= 1)) {
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
			double n_budget, n_mem, avail, held_t;
			share_dec = (s->osl - 1) / (k + s->osl - 1);
			n_budget = mnt * (k + s->osl - 1) / (s->isl + s->osl - 1);
			held_t = kv_held(u, &held, share_dec, windowed);
			N = n_budget;
			limit = RL_LIMIT_TOKENS;
			/* (the division sits on the fixed point's path of
			** dependent operations: not worked out where the
			** memory surely does not bind) */
			if (!surely_not_below(kv_mb, held_t, N)) {
				n_mem = kv_mb / held_t;
				if (n_mem < N) {
					N = n_mem;
					limit = RL_LIMIT_MEMORY;
				}
			}
			if (cap < N) {
				N = cap;
				limit = (user > 0 && user <= pf->max_batch_size)
				            ? RL_LIMIT_USER : RL_LIMIT_BATCH;
			}
			n_dec = N * share_dec;
			avail = rl_fmax(1.0, mnt - n_dec);
			/* (isl <= avail, avail >= 1: isl / avail <= 1, and 1
			** without the division) */
			avail = RL_LIKELY(s->isl <= avail) ? 1.0
			                        : rl_fmax(1.0, s->isl / avail);
			if (RL_LIKELY(avail == k))
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
		/* (q == p only where p >= 1: p / p is 1, and an infinite p
		** gives min(1, NaN), 1 too) */
		f = q == p ? 1.0 : rl_fmin(1.0, p / q);
	}

	r->concurrency = N * mb;
	/* the KV tokens the chip holds (memory.kv_used_bytes below; where
	** weights are resident in SRAM, what its KV tokens there are a share
	** of: passed to the iterations, which read it in that branch alone) */
	kv_used = N * mb * kv_held(u, &held, share_dec, windowed);
	r->decode_seqs = n_dec;
	r->prefill_tokens = p;
	r->prefill_chunk = q;
	r->prefill_share = f;
	r->concurrency_limit = limit;
	r->replicas = u->replicas;

	/* the two kinds of iteration: the slowest stage, and the round in
	** which each of the mb micro-batches advances one iteration.  The
	** prefill chunk's share of requests first (q_isl: its division heads
	** the prefill-carrying iteration's chain, and the divider takes the
	** oldest first), then the decode-only iteration: it needs n_dec and k
	** alone, so that its work runs while that chain's divisions wait on
	** each other (in the other order, the prefill-carrying iteration
	** first, an evaluation takes 7.5 ns more) */
	q_isl = q * per_isl;
	clock_peaks(c, s_dec, sram_on);
	if (n_dec > 0)
		R_dec = stage_round(c, mb, n_dec, 0, 0, k, 1, usual, kv_used,
		                    &r->decode, avx);
	else
		memset(&r->decode, 0, sizeof r->decode);

	/* the prefill-carrying iteration */
	if (s_dec != s_pre) /* (the same clock: the same peaks) */
		clock_peaks(c, s_pre, sram_on);
	R_pre = stage_round(c, mb, n_dec, q, q_isl, k, 0, usual, kv_used,
	                    &r->prefill, avx);
	T_avg = f * R_pre + (1 - f) * R_dec;
	/* (the iterations per second first: power's chain to USD per token,
	** which the evaluation waits on, goes on from them, and of the
	** divisions by T_avg ready at once the oldest goes first) */
	/* (the rates per T_avg are products with its reciprocal: one
	** division, not six) */
	per_T = 1 / T_avg;
	r->prefill_iters_per_s = mb * f * per_T;
	r->decode_iters_per_s = mb * (1 - f) * per_T;
	req_per_iter = mb * p * per_isl;

	r->requests_per_s = r->replicas * req_per_iter * per_T;
	r->output_tps = r->requests_per_s * s->osl;
	r->total_tps = r->requests_per_s * (s->isl + s->osl);
	r->output_tps_per_chip = r->output_tps * u->per_chips;
	r->total_tps_per_chip = r->total_tps * u->per_chips;

	/* the prompt's iterations, and the way through the server's front
	** end, which holds no place in any iteration */
	{
		/* (one chunk: ceil(1 - 1e-9) is 1, and 1 x R_pre is R_pre;
		** x / x is 1 for chunk1 >= 1 finite) */
		double chunks = RL_LIKELY(chunk1 == s->isl && chunk1 < HUGE_VAL)
		                    ? 1.0
		                    : s->isl / chunk1;
		double ttft = R_pre;
		if (chunks != 1) {
			/* the chunks before the last take a whole prefill-carrying
			** iteration each; the last, a share `last` of a chunk,
			** shares its iteration with other prompts' chunks where
			** they wait (a share f of iterations carries prefill: the
			** rest of its budget taken with that probability), and
			** an iteration's time is taken as linear in its prefill
			** tokens between the decode-only one (0) and R_pre (a
			** whole chunk).  A prompt a token past one chunk so costs
			** one iteration of about the decode-only one's time more,
			** not a second prefill-carrying iteration (the leftover
			** of an expected-value n_dec); with no decode (osl 1)
			** R_dec is 0 and f 1: whole iterations */
			double whole = ceil(chunks - 1e-9) - 1;
			double last = rl_fmin(1.0, chunks - whole);
			double fill = last + f * (1 - last);
			ttft = whole * R_pre + R_dec + (R_pre - R_dec) * fill;
		}
		r->ttft_s = ttft + pf->frontend_s;
	}
	r->tpot_s = s->osl > 1 ? T_avg : 0.0;
	r->e2e_s = r->ttft_s + (s->osl - 1) * r->tpot_s;

	/* rates of the busiest chip (the slowest stage's): mb iterations of
	** its stage per round */
	r->peak_flops = u->peak_flops;
	r->avg_flops_per_s =
	    mb * (f * r->prefill.flops + (1 - f) * r->decode.flops) * per_T;
	r->avg_hbm_Bps =
	    mb * (f * r->prefill.hbm_bytes + (1 - f) * r->decode.hbm_bytes) *
	    per_T;
	r->avg_link_Bps =
	    mb * (f * r->prefill.link_bytes + (1 - f) * r->decode.link_bytes) *
	    per_T;
	r->avg_sram_Bps =
	    RL_UNLIKELY(sram_on)
	        ? mb *
	              (f * r->prefill.sram_bytes +
	               (1 - f) * r->decode.sram_bytes) *
	              per_T
	        : 0.0;
	r->mfu = r->avg_flops_per_s * u->per_peak;
	r->mbu = n_dec > 0 && r->decode.time_s > 0
	             ? r->decode.hbm_bytes * u->per_hbm / r->decode.time_s
	             : 0.0;

	r->prefill_bound = r->prefill.bound;
	r->decode_bound = RL_UNLIKELY(s->osl <= 1) ? RL_BOUND_NONE
	                  : f >= 1     ? r->prefill.bound
	                               : r->decode.bound;

	setup_fields(u, r);
	r->kv_used_bytes = kv_used * u->kv_first_bytes;
	if (r->kv_used_bytes > r->kv_capacity_bytes)
		r->kv_used_bytes = r->kv_capacity_bytes;
	r->free_bytes = u->free_less_kv - r->kv_used_bytes;

	r->error[0] = '\0';
	if (cache && RL_UNLIKELY(keep_req)) {
		rl_serve_request *rq = &cache->req;
		rq->isl = s->isl;
		rq->osl = s->osl;
		rq->batch = s->batch;
		rq->mb = mb;
		rq->n_dec = n_dec;
		rq->q = q;
		rq->k = k;
		rq->q_isl = q_isl;
		rq->ctx_decode = c->ctx_decode;
		rq->ctx_prefill = c->ctx_prefill;
		rq->kv_used = kv_used;
		rq->valid = 1;
	}
	return RL_OK;
}


/* serve_request's general form, out of line: rl_serve_bare_req and
** rl_eval_cached (eval.c) call it rarely, from their own inline copies of
** the usual forms (one copy of this one, not one in each) */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int serve_general(const rl_config *cfg, rl_eval_cache *cache,
                         const rl_serve_setup *u, double s_pre, double s_dec,
                         int keep_req, rl_result *r)
{
	return serve_request(cfg, cache, u, s_pre, s_dec, keep_req, r, 0, 0);
}

/* the same compiled for AVX, for the AVX clones (avxclone.h); and its
** copy for eval.c's evaluation with the caller's cache, at full clock
** without a request to keep, constants there (the compiler's own copy
** for those constants took 8 instructions more an evaluation once the
** AVX evaluation without a cache called the general form too) */
#if RL_AVX_CLONE
RL_AVX_FN static int serve_general_avx(const rl_config *cfg,
                                       rl_eval_cache *cache,
                                       const rl_serve_setup *u, double s_pre,
                                       double s_dec, int keep_req,
                                       rl_result *r)
{
	return serve_request(cfg, cache, u, s_pre, s_dec, keep_req, r, 0, 1);
}

RL_AVX_FN static int serve_general_avx_full(const rl_config *cfg,
                                            rl_eval_cache *cache,
                                            const rl_serve_setup *u,
                                            rl_result *r)
{
	return serve_request(cfg, cache, u, 1.0, 1.0, 0, r, 0, 1);
}
#else
#define serve_general_avx serve_general
#define serve_general_avx_full(cfg, cache, u, r)                              \
	serve_general(cfg, cache, u, 1.0, 1.0, 0, r)
#endif

/* rl_serve_bare_req (engine.h), inline: eval.c, whose translation unit
** holds this file (it includes it), calls it for every evaluation, with its
** clocks at 1 and no request to keep, constants there.  avx: 1 in an AVX
** clone (avxclone.h), a constant: its compare and general form AVX's. */
static inline RL_ALWAYS_INLINE int
serve_bare_req(const rl_config *cfg, rl_eval_cache *cache, double s_pre,
               double s_dec, int keep_req, rl_result *r, int avx)
{
	rl_serve_setup local;
	const rl_serve_setup *u;
	int rc, st;

	st = cache ? setup_state(cache, cfg, avx) : SETUP_NEW;
	if (st == SETUP_SAME) {
		/* (a hit of the whole span on the rule's cfg: the key is the
		** rule's) */
		if (cfg == &cache->rule.cfg)
			cache->key_is_rule = 1;
		u = &cache->setup;
	} else if (st == SETUP_MEMORY &&
	           rl_serve_setup_memory(cfg, r, &cache->setup) == RL_OK) {
		/* the batch rule's two numbers or, for the profiling pass's
		** logits rows, the lengths alone differ from the setup's key:
		** its last step again (rl_serve_setup_memory), the key
		** brought along; what power and cost keep (read from serving's span,
		** which is the key's) stays */
		cache->key.prof.max_batch_size = cfg->prof.max_batch_size;
		cache->key.prof.max_num_tokens = cfg->prof.max_num_tokens;
		cache->key.scen.isl = cfg->scen.isl;
		cache->key.scen.osl = cfg->scen.osl;
		cache->key.scen.batch = cfg->scen.batch;
		if (cfg == &cache->rule.cfg)
			cache->key_is_rule = 1;
		u = &cache->setup;
	} else {
		rl_serve_setup *w = cache ? &cache->setup : &local;
		if (cache) {
			cache->valid = 0;
			cache->cost.valid = 0;
			cache->pc.valid = 0;
			if (cfg != &cache->rule.cfg)
				cache->rule.valid = 0;
		}
		if ((rc = rl_serve_setup_of(cfg, r, w)) != RL_OK) {
			/* a failed setup leaves what it reached, the rest zero:
			** worked out again on a cleared result (a success writes
			** every field: nothing to clear first) */
			memset(r, 0, offsetof(rl_result, error));
			r->error[0] = '\0';
			return rl_serve_setup_of(cfg, r, w);
		}
		if (cache) {
			cache->key = *cfg;
			cache->key_is_rule = cfg == &cache->rule.cfg;
			cache->valid = 1;
		}
		u = w;
	}
	/* (the usual setup served by a copy of the request's solve with its
	** flags as constants: rl_serve_setup.usual) */
	if (RL_LIKELY(u->usual)) {
		rc = serve_request(cfg, cache, u, s_pre, s_dec, keep_req, r, 1,
		                   avx);
		if (RL_LIKELY(rc != SERVE_GENERAL))
			return rc;
	}
	if (!avx)
		return serve_general(cfg, cache, u, s_pre, s_dec, keep_req, r);
	/* (constants at eval.c's call with the caller's cache) */
	if (s_pre == 1.0 && s_dec == 1.0 && !keep_req)
		return serve_general_avx_full(cfg, cache, u, r);
	return serve_general_avx(cfg, cache, u, s_pre, s_dec, keep_req, r);
}

int rl_serve_bare_req(const rl_config *cfg, rl_eval_cache *cache,
                      double s_pre, double s_dec, int keep_req, rl_result *r)
{
	return serve_bare_req(cfg, cache, s_pre, s_dec, keep_req, r, 0);
}

/* rl_serve_bare_req compiled for AVX (avxclone.h), for eval.c's AVX clone
** where it serves through its local cache (an evaluation without the
** caller's) */
#if RL_AVX_CLONE
RL_AVX_FN static int serve_bare_req_avx(const rl_config *cfg,
                                        rl_eval_cache *cache, double s_pre,
                                        double s_dec, int keep_req,
                                        rl_result *r)
{
	return serve_bare_req(cfg, cache, s_pre, s_dec, keep_req, r, 1);
}
#else
#define serve_bare_req_avx rl_serve_bare_req
#endif

int rl_serve_cached(const rl_config *cfg, rl_eval_cache *cache,
                    double s_pre, double s_dec, rl_result *r)
{
	int rc = rl_serve_bare(cfg, cache, s_pre, s_dec, r);
	if (rc == RL_OK) {
		/* power and cost are eval.c's: none here */
		r->power_w = r->power_prefill_w = r->power_decode_w = 0;
		r->clock_scale = r->clock_scale_prefill =
		    r->clock_scale_decode = 0;
		r->power_limited = 0;
		r->chip_cost_usd = r->chip_price_usd = 0;
		r->usd_per_mtok_cost = r->usd_per_mtok_price = 0;
		r->violations = 0;
	}
	return rc;
}

/* the same double, bit for bit */
static int same(double a, double b)
{
	return memcmp(&a, &b, sizeof a) == 0;
}

int rl_serve_phase_served(const rl_config *cfg, const rl_eval_cache *cache,
                          int phase, double s, rl_iter *it)
{
	const rl_serve_request *rq = &cache->req;
	eval_ctx ctx;
	ctx.cfg = cfg;
	ctx.u = &cache->setup;
	ctx.isl = cfg->scen.isl;
	ctx.ctx_decode = rq->ctx_decode;
	ctx.ctx_prefill = rq->ctx_prefill;
	clock_peaks(&ctx, s, ctx.u->sram_on);
	if (phase == 0)
		stage_round(&ctx, rq->mb, rq->n_dec, rq->q, rq->q_isl, rq->k, 0, 0,
		            rq->kv_used, it, 0);
	else if (rq->n_dec > 0)
		stage_round(&ctx, rq->mb, rq->n_dec, 0, 0, rq->k, 1, 0,
		            rq->kv_used, it, 0);
	else
		memset(it, 0, sizeof *it);
	return RL_OK;
}

int rl_serve_phase(const rl_config *cfg, const rl_eval_cache *cache,
                   int phase, double s, rl_iter *it)
{
	const rl_serve_request *rq = &cache->req;
	if (!rq->valid || !same(rq->isl, cfg->scen.isl) ||
	    !same(rq->osl, cfg->scen.osl) || !same(rq->batch, cfg->scen.batch) ||
	    setup_state(cache, cfg, 0) != SETUP_SAME)
		return RL_EINVAL;
	return rl_serve_phase_served(cfg, cache, phase, s, it);
}
