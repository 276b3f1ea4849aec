/*
** transformer.c: parameter counts, FLOPs and bytes of a decoder-only
** transformer, per token, in closed form.
**
** Per layer: QKV projection d x (h + 2 kv_heads) dh (grouped-query
** attention), output projection h dh x d, a gated MLP of three d x f
** matrices per expert, a router d x E for mixtures of experts, two norms.
** Plus the input embedding V x d and the LM head V x d (shared when tied).
** Causal attention costs 4 h dh FLOPs per layer per (query, key) pair:
** 2 for QK^T and 2 for AV.
** Between the GEMMs, memory-bound elementwise kernels move, per token and
** layer: two RMSNorms (read d, write d), two residual adds (read 2d, write
** d) and the gated activation (read 2f, write f per expert used): 10 d
** values on every tensor-parallel rank (norms and residuals are
** replicated) and 3 k f values split over the ranks.
*/
#include "engine.h"

#include <math.h>

void rl_model_shape_of(const rl_model *m, rl_model_shape *s)
{
	double L = m->layers, d = m->hidden, h = m->heads, kv = m->kv_heads;
	double dh = m->head_dim, f = m->ffn_hidden, V = m->vocab;
	double E = m->experts, k = m->experts_per_token;
	double attn = d * (h * dh) + 2.0 * d * (kv * dh) + (h * dh) * d;
	double mlp = 3.0 * d * f;
	double router = E > 1 ? d * E : 0.0;
	double norms = 2.0 * d;
	double embed = V * d;
	double head = m->tied_embeddings > 0.5 ? 0.0 : V * d;

	s->params_embedding = embed;
	s->params_total = L * (attn + E * mlp + router + norms) + embed + head + d;
	s->params_active = L * (attn + k * mlp + router + norms) + embed + head + d;
	s->head_flops_per_token = 2.0 * V * d;
	s->linear_flops_per_token =
	    2.0 * L * (attn + k * mlp + router) + s->head_flops_per_token;
	s->attn_flops_per_ctx = 4.0 * L * h * dh;
	s->kv_elems_per_token = 2.0 * L * kv * dh;
	/* inputs and outputs of the GEMMs of one layer, per token:
	** QKV d -> (h+2kv)dh, O h dh -> d, MLP d -> 2f (k experts), f -> d */
	s->act_elems_per_token_layer = d + (h + 2.0 * kv) * dh + h * dh + d +
	                               k * (d + 2.0 * f + f + d);
	s->elem_elems_full = 10.0 * d;
	s->elem_elems_split = 3.0 * k * f;
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
