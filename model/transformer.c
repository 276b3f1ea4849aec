/*
** transformer.c: parameter counts, FLOPs and bytes of a decoder-only
** transformer, per token, in closed form, and the context its attention
** sees.
**
** Per layer: QKV projection d x (h + 2 kv_heads) dh (grouped-query
** attention), output projection h dh x d, two norms (their scale vectors,
** d each), and an MLP: gated (gate and up d x f, down f x d: 3 d f) or
** plain (up and down: 2 d f).  In a mixture of experts, an MoE layer has E
** routed experts of width f (k used per token), `shared_experts` more that
** every token uses, and a router d x E; `dense_layers` of its layers have
** one dense MLP of width dense_ffn_hidden instead (Llama-4 Maverick).  Plus
** the input embedding V x d, the LM head V x d (shared when tied) and a
** final norm d.  Biases (GPT-J's MLP and LM head, gpt-oss's attention and
** experts, LayerNorm offsets) and Qwen3's QK-norms are left out: below
** 0.05% of any model of data/models (tests/test_shape.c counts them).
**
** Multi-head latent attention (DeepSeek-R1: model.kv_lora_rank > 0)
** replaces the grouped-query projections, cache and attention FLOPs:
** mla_shape below.
**
** Causal attention costs 4 h dh FLOPs per layer per (query, key) pair: 2
** for QK^T and 2 for AV.  A layer with a sliding window of W tokens sees
** min(context, W) keys; rl_ctx_decode and rl_ctx_prefill average that over
** the layers and over a request's tokens.
**
** Between the GEMMs, memory-bound elementwise kernels move, per token and
** layer: two RMSNorms (read d, write d), two residual adds (read 2d, write
** d) = 10 d values; with attention and MLP in parallel on one normed input
** (GPT-J), one norm and one three-way residual add (read 3d, write d) = 6 d.
** Norms and residuals are replicated on every tensor-parallel rank.  The
** activation reads 2 f and writes f per gated MLP used (read f, write f for
** a plain one), split over the ranks.
*/
#include "engine.h"
#include "fminmax.h"

#include <math.h>
#include <string.h>

/* Multi-head latent attention (DeepSeek-V2/V3/R1), replacing the
** grouped-query attention of s: per layer, with c = kv_lora_rank, r =
** qk_rope_dim, q = q_lora_rank and head_dim dh (the no-position query/key
** part and the value head):
**   query    d x q, its norm q, q x h (dh + r)   (q = 0: d x h (dh + r))
**   KV down  d x (c + r): the latent and the shared rotary key, its norm c
**   KV up    c x h 2 dh: per head a no-position key and a value
**   output   h dh x d
** The cache holds the latent and the rotary key, c + r values per token
** and layer, one copy for all heads (kv_per_head 0: a tensor-parallel rank
** holds all of it).  Decode runs the absorbed form: the KV up-projection
** folded into the query (dh -> c per head) and the output (c -> dh), the
** same FLOPs per token as the KV up GEMM, so the linear FLOPs stay 2 x
** params; per (query, key) pair and head it scores over c + r values and
** sums c of them: 2 (2c + r) FLOPs.  Prefill runs the plain form, per
** head and pair 2 (dh + r) for QK^T and 2 dh for AV (ASSUMPTION on the
** kernels: the absorbed form costs (2c + r) / (2 dh + r), 3.4x for
** DeepSeek-R1, more per pair and saves only cache reads, which a prefill's
** many queries per key amortize; that prefill keeps the plain form and
** decode the absorbed is the DeepSeek-V2 paper's account, not in the
** repository, as the engines' MLA kernels are recalled).  GEMM tensors per
** token are those of the plain form (the absorbed decode's per-head
** latent queries, h c wide, are left out).  The two extra norms (q and c
** wide) are elementwise work on every rank. */
static void mla_shape(const rl_model *m, rl_model_shape *s)
{
	double L = m->layers, d = m->hidden, h = m->heads, dh = m->head_dim;
	double c = m->kv_lora_rank, r = m->qk_rope_dim, q = m->q_lora_rank;
	double old_attn = d * (h * dh) + 2.0 * d * (m->kv_heads * dh) +
	                  (h * dh) * d;
	double qproj = q > 0 ? d * q + q * h * (dh + r) : d * h * (dh + r);
	double attn = qproj + d * (c + r) + c * h * 2.0 * dh + h * dh * d;
	double norms = q + c; /* the latent norms' scales */
	double q_io = q > 0 ? 2.0 * q + h * (dh + r) : h * (dh + r);
	double old_io = (m->heads + 2.0 * m->kv_heads) * dh;

	s->params_total += L * (attn - old_attn + norms);
	s->params_active += L * (attn - old_attn + norms);
	s->linear_flops_per_token += 2.0 * L * (attn - old_attn);
	s->attn_flops_per_ctx = 2.0 * L * h * (2.0 * c + r);
	s->attn_flops_per_ctx_prefill = 2.0 * L * h * (2.0 * dh + r);
	s->kv_elems_per_token = L * (c + r);
	s->kv_per_head = 0;
	/* GEMM inputs and outputs: the query's (q out and in, h (dh + r)
	** out), the KV down-projection's c + r out, the KV up's c in and
	** h 2 dh out, where grouped-query attention has (h + 2 kv) dh */
	s->act_elems_per_token_layer += q_io + (c + r) + c + 2.0 * h * dh -
	                                old_io;
	s->elem_elems_full += 2.0 * (q + c);
	s->attn_scores_per_ctx = L * h;
}

void rl_model_shape_of(const rl_model *m, rl_model_shape *s)
{
	double L = m->layers, d = m->hidden, h = m->heads, kv = m->kv_heads;
	double dh = m->head_dim, f = m->ffn_hidden, V = m->vocab;
	double E = m->experts, k = m->experts_per_token;
	double moe = E > 1;
	double Lm = moe ? L - m->dense_layers : 0.0;  /* MoE layers */
	double Ld = L - Lm;                          /* dense layers */
	double fd = moe && m->dense_ffn_hidden > 0 ? m->dense_ffn_hidden : f;
	double mats = m->mlp == RL_MLP_PLAIN ? 2.0 : 3.0;
	double sh = moe ? m->shared_experts : 0.0;
	double attn = d * (h * dh) + 2.0 * d * (kv * dh) + (h * dh) * d;
	double mlp = mats * d * f;                   /* one expert */
	double mlp_dense = mats * d * fd;
	double router = moe ? d * E : 0.0;
	double norms = 2.0 * d;
	double embed = V * d;
	double head = m->tied_embeddings > 0.5 ? 0.0 : V * d;
	/* MLPs a token goes through, and their summed width, per layer */
	double n_mlp = (Lm * (k + sh) + Ld) / L;
	double width = (Lm * (k + sh) * f + Ld * fd) / L;

	s->params_embedding = embed;
	s->params_expert = mlp;
	s->moe_layers = Lm;
	s->params_total = L * (attn + norms) + Lm * ((E + sh) * mlp + router) +
	                  Ld * mlp_dense + embed + head + d;
	s->params_active = L * (attn + norms) + Lm * ((k + sh) * mlp + router) +
	                   Ld * mlp_dense + embed + head + d;
	s->head_flops_per_token = 2.0 * V * d;
	s->linear_flops_per_token =
	    2.0 * (s->params_active - embed - head - L * norms - d) +
	    s->head_flops_per_token;
	s->attn_flops_per_ctx = 4.0 * L * h * dh;
	s->kv_elems_per_token = 2.0 * L * kv * dh;
	/* inputs and outputs of the GEMMs of one layer, per token:
	** QKV d -> (h+2kv)dh, O h dh -> d; per MLP used d in and d out, and
	** its f-wide tensors: up (and gate) out, down in */
	s->act_elems_per_token_layer = d + (h + 2.0 * kv) * dh + h * dh + d +
	                               n_mlp * 2.0 * d + mats * width;
	s->elem_elems_full = m->parallel_attn_mlp > 0.5 ? 6.0 * d : 10.0 * d;
	s->elem_elems_split = mats * width;
	s->attn_flops_per_ctx_prefill = s->attn_flops_per_ctx;
	s->kv_per_head = 1;
	s->attn_scores_per_ctx = 0;
	if (m->kv_lora_rank > 0)
		mla_shape(m, s);
	s->window = m->sliding_window;
	s->window_share = m->sliding_window > 0 && L > 0
	                      ? rl_fmax(0.0, L - m->full_attn_layers) / L : 0.0;
}

double rl_experts_touched(const rl_model *m, double tokens)
{
	double E = m->experts, k = m->experts_per_token;
	if (E <= 1)
		return 1.0;
	if (tokens <= 0)
		return 0.0;
	/* each token picks k of E; a given expert is missed by one token with
	** probability 1 - k/E, by all of them with that to the power tokens */
	return E * (1.0 - pow(1.0 - k / E, tokens));
}

/* Mean of min(t, W) for t spread evenly over [a, b] (a <= b). */
static double mean_capped(double a, double b, double W)
{
	if (b <= W)
		return (a + b) / 2;
	if (a >= W)
		return W;
	if (b <= a)
		return fmin(a, W);
	/* (W^2 - a^2)/2 below the cap, W (b - W) above it */
	return ((W * W - a * a) / 2 + W * (b - W)) / (b - a);
}

double rl_ctx_decode_window(const rl_model_shape *s, double isl, double osl,
                            double full)
{
	return (1 - s->window_share) * full +
	       s->window_share * mean_capped(isl, isl + osl, s->window);
}

double rl_ctx_prefill_window(const rl_model_shape *s, double isl,
                             double full)
{
	double W = s->window, win;
	/* positions 1..isl see min(pos, W) keys: W (W + 1) / 2 for the first
	** W, then W each */
	win = (W * (W + 1) / 2 + (isl - W) * W) / isl;
	return (1 - s->window_share) * full + s->window_share * win;
}

double rl_ctx_decode_in_window(const rl_model_shape *s, double isl,
                               double osl)
{
	return mean_capped(isl, isl + osl, s->window);
}

double rl_ctx_prefill_in_window(const rl_model_shape *s, double isl)
{
	double W = s->window;
	if (W >= isl)
		return (isl + 1) / 2;
	return (W * (W + 1) / 2 + (isl - W) * W) / isl;
}

/* The dense layers' shares (engine.h): what a dense and an MoE layer have
** of their own, each layer's MLPs (rl_model_shape_of's terms), and the
** rest of a layer, the same in both, from the shape's totals. */
void rl_dense_shares_of(const rl_model *m, const rl_model_shape *s,
                        rl_dense_shares *d)
{
	double L = m->layers, d_ = m->hidden, f = m->ffn_hidden;
	double E = m->experts, k = m->experts_per_token;
	double Lm = s->moe_layers, Ld = L - Lm;
	double fd = m->dense_ffn_hidden > 0 ? m->dense_ffn_hidden : f;
	double mats = m->mlp == RL_MLP_PLAIN ? 2.0 : 3.0;
	double sh = m->shared_experts;
	/* a dense layer's MLP; an MoE layer's router and shared experts; the
	** GEMM inputs and outputs per token of each kind's MLPs */
	double mlp_d = mats * d_ * fd, mlp_m = d_ * E + sh * mats * d_ * f;
	double io_d = 2.0 * d_ + mats * fd;
	double io_m = (k + sh) * (2.0 * d_ + mats * f);
	/* the layers' linear parameters a token uses besides routed experts,
	** and every parameter of theirs besides routed experts */
	double lin = (s->linear_flops_per_token - s->head_flops_per_token) /
	                 2 -
	             Lm * k * s->params_expert;
	double par = s->params_total - s->params_embedding -
	             (m->tied_embeddings > 0.5 ? 0.0 : m->vocab * d_) - d_ -
	             Lm * E * s->params_expert;
	double io = L * s->act_elems_per_token_layer;

	memset(d, 0, sizeof *d);
	if (!(Lm > 0 && Ld > 0 && L > 0))
		return;
	d->layers = Ld / L;
	/* (rest of a layer: (total - Lm x MoE's own - Ld x dense's own) / L) */
	d->flops = Ld * ((lin - Lm * mlp_m - Ld * mlp_d) / L + mlp_d) / lin;
	d->params = Ld * ((par - Lm * mlp_m - Ld * mlp_d) / L + mlp_d) / par;
	d->act = Ld * ((io - Lm * io_m - Ld * io_d) / L + io_d) / io;
}
