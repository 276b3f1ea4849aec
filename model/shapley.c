/*
** shapley.c: exact Shapley attribution of a metric ratio to named groups of
** parameters (shapley.h), and the claim check's factor groups.
*/
#include "shapley.h"
#include "status.h"

#include <fnmatch.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int matches(const char *const *patterns, const char *name)
{
	size_t i;
	for (i = 0; patterns[i]; i++)
		if (fnmatch(patterns[i], name, 0) == 0)
			return 1;
	return 0;
}

size_t rl_factors_build(const rl_factor_def *defs, size_t ndefs,
                        const size_t *precedence, rl_factor *out)
{
	size_t n, i, j;
	const rl_param *t = rl_params(&n);
	if (ndefs > RL_FACTOR_MAX)
		ndefs = RL_FACTOR_MAX;
	for (j = 0; j < ndefs; j++) {
		snprintf(out[j].name, sizeof out[j].name, "%s", defs[j].name);
		out[j].n = 0;
	}
	for (i = 0; i < n; i++) {
		char full[160];
		snprintf(full, sizeof full, "%s.%s", t[i].section, t[i].key);
		for (j = 0; j < ndefs; j++) {
			size_t d = precedence ? precedence[j] : j;
			if (d >= ndefs || !matches(defs[d].patterns, full))
				continue;
			if (out[d].n < RL_FACTOR_PARAMS)
				out[d].p[out[d].n++] = &t[i];
			break;
		}
	}
	return ndefs;
}

/* The groups.  A parameter belongs to the first group, in precedence
** order, whose pattern matches; the design and node sections of the
** silicon model are matched by wildcards. */
static const char *const pat_compute[] = {
    "chip.peak_tflops_*", "chip.sram_mb", "chip.by_design", "design.*",
    "node.*", NULL};
/* (the kernels' shares of peak, FP8 GEMMs' too, and the decode kernel's
** re-reads of a KV head, which the 0.10 profile fits since 2026-11-30) */
static const char *const pat_util[] = {
    "profile.eff_compute", "profile.eff_compute_fp8", "profile.eff_attention",
    "profile.eff_memory", "profile.eff_kv_memory", "profile.gemm_m_half",
    "profile.kv_group_reread", "profile.kv_reread_heads", NULL};
/* what the serving software is assumed to do: its overheads, fusion,
** collective algorithm and latency, overlap and link efficiency (zero
** overhead, full overlap and 100% link efficiency are software
** assumptions, not properties of the links) */
static const char *const pat_soft[] = {
    "profile.*overhead*", "profile.elementwise_fused", "profile.allreduce*",
    "profile.eff_link", "profile.comm_overlap", NULL};
/* how the model is laid out over the chips */
static const char *const pat_map[] = {"scenario.tp", "scenario.pp",
                                      "scenario.ep", "scenario.chips", NULL};
/* (weights resident in SRAM, read at its bandwidth, stand in for HBM
** traffic: their share and bandwidth belong here) */
static const char *const pat_bw[] = {"chip.hbm_tbps", "design.hbm_gen",
                                     "design.hbm_stacks",
                                     "design.hbm_stack_gbps",
                                     "chip.sram_resident_share",
                                     "chip.sram_tbps",
                                     "design.sram_b_per_clk_per_kb", NULL};
static const char *const pat_cap[] = {
    "chip.hbm_gb", "chip.sram_hbm_copy", "design.hbm_stack_gb",
    "profile.max_num_tokens",
    "profile.max_batch_size", "profile.kv_fraction",
    "profile.tokens_per_block", "profile.runtime_reserved_gb",
    "profile.kv_precision", "scenario.batch", NULL};
/* the links themselves */
static const char *const pat_link[] = {"chip.link_*", "chip.topology",
                                       "chip.in_network_reduction", NULL};
static const char *const pat_power[] = {
    "chip.tdp_w", "power.*", "node.fma_pj_*", "node.sram_pj_*",
    "design.energy_overhead", NULL};

size_t rl_claim_factors(rl_factor *out)
{
	static const rl_factor_def defs[] = {
	    {"peak compute", pat_compute},
	    {"utilization", pat_util},
	    {"memory bandwidth", pat_bw},
	    {"memory capacity and batching", pat_cap},
	    {"interconnect", pat_link},
	    {"power limit", pat_power},
	    {"serving software", pat_soft},
	    {"mapping", pat_map},
	};
	/* specific groups first: power and memory claim their design and
	** node parameters before compute takes the rest of those sections */
	static const size_t prec[] = {5, 2, 3, 4, 6, 7, 1, 0};
	return rl_factors_build(defs, sizeof defs / sizeof defs[0], prec, out);
}

static int held(const rl_factor *f, size_t k, const rl_param *p)
{
	size_t i, j;
	for (i = 0; i < k; i++)
		for (j = 0; j < f[i].n; j++)
			if (f[i].p[j] == p)
				return 1;
	return 0;
}

size_t rl_factors_add_other(const rl_config *a, const rl_config *b,
                            rl_factor *f, size_t k)
{
	size_t n, i;
	const rl_param *t = rl_params(&n);
	rl_factor *o;
	if (k >= RL_FACTOR_MAX)
		return k;
	o = &f[k];
	snprintf(o->name, sizeof o->name, "other");
	o->n = 0;
	for (i = 0; i < n; i++) {
		double va = *rl_param_ptr((rl_config *)a, &t[i]);
		double vb = *rl_param_ptr((rl_config *)b, &t[i]);
		if (va == vb || held(f, k, &t[i]))
			continue;
		if (o->n < RL_FACTOR_PARAMS)
			o->p[o->n++] = &t[i];
	}
	return o->n ? k + 1 : k;
}

/* cfg := a, with the parameters of the factors in `mask` (bit i = factor
** i) taken from b. */
static void rl_factors_apply(const rl_config *a, const rl_config *b,
                             const rl_factor *f, size_t k, unsigned mask,
                             rl_config *cfg)
{
	size_t i, j;
	*cfg = *a;
	for (i = 0; i < k; i++) {
		if (!(mask & (1u << i)))
			continue;
		for (j = 0; j < f[i].n; j++)
			*rl_param_ptr(cfg, f[i].p[j]) =
			    *rl_param_ptr((rl_config *)b, f[i].p[j]);
	}
}

static int popcount(unsigned x)
{
	int c = 0;
	for (; x; x &= x - 1)
		c++;
	return c;
}

int rl_shapley(const rl_config *a, const rl_config *b, const rl_factor *f,
               size_t k, rl_metric_fn m, void *ud, double *phi,
               double *ratio, char *err, size_t errlen)
{
	unsigned nsets, s;
	double *lv, w[RL_FACTOR_MAX + 1], fact[RL_FACTOR_MAX + 1];
	size_t i;
	rl_config cfg;

	if (k > RL_FACTOR_MAX) {
		snprintf(err, errlen, "at most %d factors", RL_FACTOR_MAX);
		return -1;
	}
	nsets = 1u << k;
	lv = malloc(nsets * sizeof *lv);
	if (!lv) {
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	for (s = 0; s < nsets; s++) {
		double v;
		rl_factors_apply(a, b, f, k, s, &cfg);
		if (m(&cfg, ud, &v) != 0 || !(v > 0) || !isfinite(v)) {
			size_t used = 0;
			used += (size_t)snprintf(err, errlen,
			                         "cannot evaluate side a with "
			                         "these factors of side b: ");
			for (i = 0; i < k && used < errlen; i++)
				if (s & (1u << i))
					used += (size_t)snprintf(err + used,
					                         errlen - used, "%s%s",
					                         f[i].name, "; ");
			free(lv);
			return -1;
		}
		lv[s] = log(v);
	}
	/* weight of a coalition of size c: c! (k-c-1)! / k! */
	fact[0] = 1;
	for (i = 1; i <= k; i++)
		fact[i] = fact[i - 1] * (double)i;
	for (i = 0; i < k; i++)
		w[i] = fact[i] * fact[k - i - 1] / fact[k];
	for (i = 0; i < k; i++)
		phi[i] = 0;
	for (s = 0; s < nsets; s++) {
		int c = popcount(s);
		for (i = 0; i < k; i++)
			if (!(s & (1u << i)))
				phi[i] += w[c] * (lv[s | (1u << i)] - lv[s]);
	}
	*ratio = exp(lv[nsets - 1] - lv[0]);
	free(lv);
	return 0;
}
