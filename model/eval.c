/*
** eval.c: one full evaluation (rl_eval, engine.h).
**
**  1. A chip given by design (chip.by_design = 1) is resolved into its spec
**     sheet (silicon.c); its violated constraints become result flags.
**  2. The serving model (rl_serve, engine.c) runs on the spec sheet, with
**     the batch size and token budget that the profile's batch_rule picks
**     for this model, chip and request (benchrule.h; fixed: its own).
**  3. Power (power.c) of each kind of iteration (one carrying a prefill
**     chunk, one of decode only), each at its own rates, and their average
**     over time.  When the chip has a TDP, it binds on each phase, not on
**     the average: a chip's power controller acts within milliseconds,
**     faster than an iteration lasts (tens of ms), so a prefill-carrying
**     iteration that would draw more than the TDP runs at a lowered clock
**     even if the average would fit (ASSUMPTION; the old model bound the
**     average only).  For each phase over the TDP the clock share s is
**     solved so that the phase draws exactly the TDP (bracketed secant,
**     Illinois variant: power rises with s): the matrix peaks of that
**     phase's iterations are s of nominal, so its compute-bound time
**     stretches by 1/s, while memory, links and host overheads keep their
**     speed; energy per operation falls as (s x nominal clock /
**     node.ref_clock_ghz)^dvfs_exponent below it (power.c).  The result is
**     that of the lowered clocks; a phase that exceeds the TDP even at the
**     lowest clock is flagged (RL_V_POWER) and left at full clock.
**  4. Cost (cost.c): the chip's manufacturing cost (the cost model) and
**     its price (cost.price_usd: what a buyer pays), and USD per million
**     output tokens with each.
** Power, cost and price are NAN where the chip lacks their inputs (no node,
** no price).
** No allocation, no I/O.
**
** The serving model (engine.c) is compiled within this file's translation
** unit, which includes it (the Makefile leaves engine.c out of the
** library's own objects): rl_eval_cached's serving call is then inline,
** with its clocks at 1 and no request to keep as constants there
** (serve_bare_req): 1,175.5 -> 1,107.6 instructions an evaluation on the
** real path (tests/BENCH.md).
**
** rl_eval_cached's body (eval_cached) is compiled twice: as it is, and for
** AVX (avxclone.h), which rl_eval_cached runs where the processor has it;
** the same results, bit for bit (test_avxclone).
*/
#include "engine.c"
#include "engine.h"
#include "avxclone.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "benchrule.h"
#include "cost.h"
#include "fminmax.h"
#include "mapping.h"
#include "numtext.h"
#include "power.h"
#include "silicon.h"

#define S_MIN RL_CLOCK_SCALE_MIN   /* lowest clock share tried */
#define S_TOL 1e-7

enum { PH_PREFILL = 0, PH_DECODE = 1 };

/* Power of a chip while it runs one iteration of kind `it`, at the clock
** share f was worked out for (rl_power_fixed_of with cfg and prec).
** Inline, as power_of_result is: every evaluation runs them. */
static inline RL_ALWAYS_INLINE double
phase_power_fixed(const rl_power_fixed *f, const rl_iter *it, int sram)
{
	rl_work w; /* the iteration's work, not yet per second */
	double t = it->time_s;
	if (!(t > 0))
		return f->active_w; /* rl_power_active */
	w.flops = it->flops;
	w.hbm_bytes = it->hbm_bytes;
	w.link_bytes = it->link_bytes;
	w.scores = it->attn_scores;
	w.elems = it->vector_elems;
	w.sram_bytes = it->sram_bytes;
	/* (its energy over its time: one division, not five) */
	return rl_power_of_work(f, &w, 1 / t, sram);
}

/* The same at clock s (from full, its terms at 1, where kept: NULL if
** not). */
static double phase_power(const rl_config *cfg, int prec, double s,
                          const rl_power_fixed *full, const rl_iter *it)
{
	rl_power_fixed f;
	if (full)
		rl_power_fixed_scaled(cfg, full, s, &f);
	else
		rl_power_fixed_of(cfg, prec, s, &f);
	return phase_power_fixed(&f, it, rl_sram_resident_on(&cfg->chip));
}

/* Serve cfg with phase ph at clock s (the other at 1); that phase's power
** (pw's chip, design, node and power terms: the configuration as given,
** rl_eval_cached), or NAN when serving fails.  With a cache, which the
** evaluation has just served cfg through (fit_tdp's callers), only that
** phase's iteration is costed again, from the request solved, without
** rl_serve_phase's checks of that (rl_serve_phase_served). */
static double power_at(const rl_config *cfg, const rl_config *pw,
                       rl_eval_cache *cache, int ph, double s, int prec,
                       const rl_power_fixed *full)
{
	rl_result r;
	rl_iter it;
	if (cache && rl_serve_phase_served(cfg, cache, ph, s, &it) == RL_OK)
		return phase_power(pw, prec, s, full, &it);
	if (rl_serve_cached(cfg, cache, ph == PH_PREFILL ? s : 1.0,
	                     ph == PH_DECODE ? s : 1.0, &r) != RL_OK)
		return NAN;
	return phase_power(pw, prec, s, full,
	                   ph == PH_PREFILL ? &r.prefill : &r.decode);
}

/* Phase ph draws p1 > tdp at full clock: the clock share s at which it
** draws the TDP (bracketed secant, Illinois variant: power rises with s),
** or 0 when even the lowest clock draws more, *lowest_w then what it
** draws there.  cache has just served cfg, successfully (power_at leans on
** it); full: pw's power terms at clock 1 (rl_power_fixed_of), or NULL. */
static double fit_tdp(const rl_config *cfg, const rl_config *pw,
                      rl_eval_cache *cache, int ph, int prec, double tdp,
                      double p1, const rl_power_fixed *full,
                      double *lowest_w)
{
	double a = S_MIN, b = 1.0, fa, fb, fx, x;
	int side = 0, i;

	fa = power_at(cfg, pw, cache, ph, a, prec, full) - tdp;
	if (!(fa <= 0)) {
		*lowest_w = fa + tdp;
		return 0;
	}
	fb = p1 - tdp;
	for (i = 0; i < 100 && b - a > S_TOL; i++) {
		x = (a * fb - b * fa) / (fb - fa);
		if (!(x > a && x < b))
			x = 0.5 * (a + b);
		fx = power_at(cfg, pw, cache, ph, x, prec, full) - tdp;
		if (!isfinite(fx))
			return 0;
		if (fx <= 0 && fx > -1e-6 * tdp) { /* fits, within 1 ppm */
			a = x;
			break;
		}
		if (fx > 0) {
			b = x;
			fb = fx;
			if (side == 1)
				fa *= 0.5;
			side = 1;
		} else {
			a = x;
			fa = fx;
			if (side == -1)
				fb *= 0.5;
			side = -1;
		}
	}
	return a; /* on the side that fits */
}

/* Each phase's power in r, prefill's at fp, decode's at fd (NAN where it
** has no decode iteration); sram: rl_sram_resident_on of their chip. */
static inline RL_ALWAYS_INLINE void
phase_powers(const rl_power_fixed *fp, const rl_power_fixed *fd, int sram,
             rl_result *r)
{
	r->power_prefill_w = phase_power_fixed(fp, &r->prefill, sram);
	r->power_decode_w = r->decode.time_s > 0
	                        ? phase_power_fixed(fd, &r->decode, sram)
	                        : NAN;
}

/* Power of the serving result r at clock shares s_pre and s_dec: each
** phase's, and the average over time, the bubble at static + clocked.
** What does not depend on the work is worked out once per clock share. */
static inline RL_ALWAYS_INLINE void
power_of_result(const rl_config *cfg, int prec, double s_pre, double s_dec,
                const rl_power_fixed *full, int sram, rl_result *r)
{
	double n_pre = r->prefill_iters_per_s, n_dec = r->decode_iters_per_s;
	double t_pre = n_pre * r->prefill.time_s, t_dec = n_dec * r->decode.time_s;
	double idle = 1.0 - t_pre - t_dec;
	rl_power_fixed f_pre, f_dec;
	const rl_power_fixed *fp = &f_pre, *fd = &f_pre;
	/* (full: rl_power_fixed_of at 1 kept by the caller, or NULL) */
	if (RL_LIKELY(full && s_pre == 1.0))
		fp = fd = full;
	else if (full)
		rl_power_fixed_scaled(cfg, full, s_pre, &f_pre);
	else
		rl_power_fixed_of(cfg, prec, s_pre, &f_pre);
	if (s_dec != s_pre) {
		if (full)
			rl_power_fixed_scaled(cfg, full, s_dec, &f_dec);
		else
			rl_power_fixed_of(cfg, prec, s_dec, &f_dec);
		fd = &f_dec;
	}
	/* (resident weights tested once, a constant in each branch) */
	if (RL_UNLIKELY(sram))
		phase_powers(fp, fd, 1, r);
	else
		phase_powers(fp, fd, 0, r);
	r->power_w = t_pre * r->power_prefill_w +
	             (RL_LIKELY(t_dec > 0) ? t_dec * r->power_decode_w : 0.0) +
	             (idle > 0 ? idle * (s_pre == 1.0 ? fp->active_w
	                                              : rl_power_active(cfg, 1.0))
	                       : 0.0);
	r->clock_scale_prefill = s_pre;
	r->clock_scale_decode = s_dec;
	r->clock_scale = rl_fmin(s_pre, s_dec);
}

static int fail_internal(rl_result *r)
{
	snprintf(r->error, sizeof r->error,
	         "internal: serving failed again on the same configuration");
	return RL_EINTERNAL;
}

int rl_design_to_spec(const rl_config *in, rl_config *out, int *violations,
                      char *err, size_t errlen)
{
	rl_silicon si;
	int rc;
	rc = rl_silicon_derive(in, &si, err, errlen);
	if (rc != RL_OK)
		return rc;
	if (!(in->design.clock_hz > 0) || !(si.fma_units > 0)) {
		snprintf(err, errlen,
		         "design: a chip given by design needs design.clock_ghz > 0 "
		         "and MAC arrays (design.frac_mac > 0 or design.mac_mm2 "
		         "> 0)");
		return RL_EINVAL;
	}
	*out = *in;
	rl_silicon_apply(&si, &out->chip);
	out->chip.by_design = 0;
	*violations = (int)si.violations;
	return RL_OK;
}

int rl_eval(const rl_config *cfg, rl_result *r)
{
	return rl_eval_cached(cfg, NULL, r);
}

void rl_over_tdp_words(const rl_config *cfg, const rl_result *r, char *buf,
                       size_t len)
{
	char at[64], tw[32];
	if (!len)
		return;
	buf[0] = 0;
	if (rl_eval_runnable(RL_OK, r) != RL_EPOWER)
		return;
	/* the TDP as given, in all its digits (numtext.h), where %g wrote
	** 700.123 for 700.1234 */
	rl_number_write(cfg->chip.tdp_w, tw, sizeof tw);
	if (!isfinite(r->power_lowest_w)) {
		snprintf(buf, len,
		         "over its %s W TDP at every clock (its power at a "
		         "lower clock could not be worked out); its throughput "
		         "is at full clock, one it cannot run at",
		         tw);
		return;
	}
	if (cfg->design.clock_hz > 0)
		snprintf(at, sizeof at, "%.3g GHz (%.3g of its %.3g GHz)",
		         r->clock_scale_lowest * cfg->design.clock_hz / 1e9,
		         r->clock_scale_lowest, cfg->design.clock_hz / 1e9);
	else
		snprintf(at, sizeof at, "%.3g of its nominal clock",
		         r->clock_scale_lowest);
	snprintf(buf, len,
	         "over its %s W TDP at every clock: power %.0f W at the "
	         "lowest clock %s; its throughput is at full clock, one it "
	         "cannot run at",
	         tw, r->power_lowest_w, at);
}

/* whether a configuration holds a key's bytes before the request
** (samebytes.h: memcmp's answer, by AVX where the processor has it: about
** 125 instructions against memcmp's 190 on make bench's real path) */
RL_SAME_BYTES_FN(head_same, offsetof(rl_config, scen.isl))

#if RL_AVX_CLONE
/* head_same_avx's compare, for the AVX clone to inline */
static inline __attribute__((target("avx"))) int
head_same_in(const void *a, const void *b)
{
	return rl_same_avx_body(a, b, offsetof(rl_config, scen.isl));
}
#else
#define head_same_in head_same
#endif

/* whether two configurations hold the same design, node and cost
** sections: rl_config's first span, before the chip (rl_config.h) */
RL_SAME_BYTES_FN(pc_span_same, offsetof(rl_config, chip))

/* Whether cfg is, in every byte before its request, the batch rule's key
** (rule_applied's whole): everything before the request, read as it is,
** no store into the key just before the loads.  Compared first on every
** evaluation with a cache (rl_eval_cached): a key is taken only from a
** configuration not given by design and under one of trtllm-bench's rules
** (rule_applied's callers), so one found equal is too, and goes to
** rule_applied with whole set without those tests.  avx: 1 in the AVX
** clone (avxclone.h), a constant: the compare without its test of the
** processor. */
static inline RL_ALWAYS_INLINE int
rule_key_same(const rl_config *cfg, rl_eval_cache *cache, int avx)
{
	rl_batch_rule_memo *m = &cache->rule;
	if (!cache->valid)
		m->valid = 0; /* a cache started afresh: nothing kept */
	return m->valid && (avx ? head_same_in(cfg, m->key + m->key_at)
	                        : head_same(cfg, m->key + m->key_at));
}

/* cfg with the numbers its batch rule picks for its request, through the
** cache's memo (engine.h): the key is what serving reads of cfg, its span
** from the chip to the request (isl, osl and batch, last; engine.c asserts
** the layout), which holds all the rule reads too; the rule's
** request-independent share is worked out once per key, the rest
** (rl_trtllm_bench_setting's steps, in its order) per request.  The same
** numbers as rl_batch_rule_apply's, bit for bit.  The design, node and
** cost sections before that span do not key the rule: the copy returned
** may hold stale ones, which nothing reads (serving reads the span alone;
** power and cost read the caller's configuration, rl_eval_cached).  But
** the key follows them, so that one compare of everything before the
** request tells whole (rule_key_same, above): cfg is, in every byte but
** its request, the key of the evaluation before (which power_cost_kept
** then needs not compare again: pc_key_is_rule).  avx: rule_key_same's. */
static inline RL_ALWAYS_INLINE const rl_config *
rule_applied(const rl_config *cfg, rl_eval_cache *cache, int whole, int avx)
{
	rl_batch_rule_memo *m = &cache->rule;
	/* serving's span, [serve, the request): serve_span_same's */
	const size_t serve = SERVE_AT;
	unsigned char *key;
	double isl, osl;
	/* (whole: rule_key_same's, which cleared m->valid where the cache
	** started afresh) */
	if (!whole) {
		/* (key_at is set with the first key) */
		key = m->valid ? m->key + m->key_at : m->key;
		cache->pc_key_is_rule = 0; /* the key changes below */
		if (!m->valid ||
		    !(avx ? serve_span_same_avx((const char *)cfg + serve,
		                                key + serve)
		          : serve_span_same((const char *)cfg + serve,
		                            key + serve))) {
			rl_bench_inputs in;
			rl_bench_inputs_of(cfg, (int)cfg->prof.batch_rule, &in);
			/* (at cfg's address mod 32: engine.h) */
			m->key_at = (size_t)(((uintptr_t)cfg - (uintptr_t)m->key) & 31);
			memcpy(m->key + m->key_at, cfg, sizeof *cfg);
			m->cfg = *cfg;
			m->kv_tokens = rl_trtllm_bench_kv_tokens(&in);
			m->pp = in.pp;
			m->valid = 1;
			/* the setup's key may not be m->cfg's */
			cache->key_is_rule = 0;
		} else {
			/* what serving reads unchanged: the rule kept */
			memcpy(key, cfg, serve);
		}
	}
	/* (the request read after the compare: held across its call, it
	** took six spills and reloads) */
	isl = cfg->scen.isl;
	osl = cfg->scen.osl;
	m->cfg.scen.isl = isl;
	m->cfg.scen.osl = osl;
	m->cfg.scen.batch = cfg->scen.batch;
	rl_trtllm_bench_finetune(rl_trtllm_bench_requests(m->kv_tokens, isl, osl),
	                         isl, osl, m->pp, &m->cfg.prof.max_batch_size,
	                         &m->cfg.prof.max_num_tokens);
	return &m->cfg;
}

/* rl_usd_per_mtok_pair_hw (cost.h) with the memo's figures, its tests of
** the years and of the chip's cost and price kept there: the same
** expressions, the same results. */
static inline RL_ALWAYS_INLINE void
usd_pair_kept(const rl_cost *c, const rl_power_cost_memo *pc, rl_result *r)
{
	double e, spm, power_w = r->power_w, output_tps = r->output_tps;
	if (RL_LIKELY(pc->usd_ok)) {
		/* (the memo's three tests at once: the same expressions) */
		if (!(isfinite(power_w) && output_tps > 0)) {
			r->usd_per_mtok_cost = r->usd_per_mtok_price = NAN;
			return;
		}
		e = rl_usd_energy_per_s(c, pc->chips, power_w);
		spm = rl_s_per_mtok(output_tps);
		r->usd_per_mtok_cost =
		    rl_usd_with_hw(pc->hw_cost_usd_per_s, e, spm);
		r->usd_per_mtok_price =
		    rl_usd_with_hw(pc->hw_price_usd_per_s, e, spm);
		return;
	}
	if (!(isfinite(power_w) && output_tps > 0 && pc->years_ok)) {
		r->usd_per_mtok_cost = r->usd_per_mtok_price = NAN;
		return;
	}
	e = rl_usd_energy_per_s(c, pc->chips, power_w);
	spm = rl_s_per_mtok(output_tps);
	/* (each written once) */
	r->usd_per_mtok_cost = RL_LIKELY(pc->cost_ok)
	                           ? rl_usd_with_hw(pc->hw_cost_usd_per_s, e, spm)
	                           : NAN;
	r->usd_per_mtok_price = RL_LIKELY(pc->price_ok)
	                            ? rl_usd_with_hw(pc->hw_price_usd_per_s, e, spm)
	                            : NAN;
}

/* A chip's price as the results give it: NAN where the preset has none. */
static double chip_price(const rl_config *c)
{
	return c->cost.price_usd > 0 ? c->cost.price_usd : NAN;
}

/* The cache's power and cost memo for pw, a chip with a power model
** (engine.h), worked out again
** where the memo was cleared (by a new setup: pw's other sections are
** the setup's key's) or pw's design, node or cost sections differ from
** those it was worked out from; the same numbers as rl_eval_cached works
** out without it.  is_key: pw is, in every byte, the batch rule's key
** (rule_applied has just made it so); whole: and that key is the one of
** the evaluation before, unchanged.  The memo's sections are then known
** to be pw's where they were the key's then (pc_key_is_rule, which
** rule_applied clears whenever the key changes): no compare. */
static const rl_power_cost_memo *power_cost_kept(const rl_config *pw,
                                                 rl_eval_cache *cache,
                                                 int is_key, int whole)
{
	rl_power_cost_memo *m = &cache->pc;
	/* design, node and cost: rl_config's first span (rl_config.h) */
	const size_t n = offsetof(rl_config, chip);
	if (m->valid && (RL_LIKELY(whole && cache->pc_key_is_rule) ||
	                 pc_span_same(pw, &m->key))) {
		cache->pc_key_is_rule = is_key;
		return m;
	}
	memcpy(&m->key, pw, n);
	m->prec = rl_matrix_prec(&pw->scen);
	rl_power_fixed_of(pw, m->prec, 1.0, &m->full);
	m->chip_usd =
	    rl_chip_cost_kept(pw, pw->chip.hbm_bytes, &cache->cost)->chip_usd;
	m->price_usd = chip_price(pw);
	m->chips = rl_scen_chips(&pw->scen);
	m->hw_cost_usd_per_s = rl_usd_hw_per_s(&pw->cost, m->chip_usd, m->chips);
	m->hw_price_usd_per_s = rl_usd_hw_per_s(&pw->cost, m->price_usd, m->chips);
	m->tdp_on = pw->chip.tdp_w > 0;
	m->sram_on = rl_sram_resident_on(&pw->chip);
	m->years_ok = pw->cost.years > 0;
	m->cost_ok = isfinite(m->chip_usd);
	m->price_ok = isfinite(m->price_usd);
	m->usd_ok = m->years_ok && m->cost_ok && m->price_ok;
	m->valid = 1;
	cache->pc_key_is_rule = is_key;
	return m;
}

/* rl_eval_cached's body, inline in its two copies (below): avx 1 in the
** one compiled for AVX (avxclone.h), a constant there, whose compares and
** serving's general form are AVX's too. */
static inline RL_ALWAYS_INLINE int
eval_cached(const rl_config *cfg_in, rl_eval_cache *cache, rl_result *r,
            int avx)
{
	const rl_power_cost_memo *pc;
	const rl_config *cfg = cfg_in;
	const rl_config *pw; /* what power and cost read: cfg but the rule */
	rl_config spec;
	rl_eval_cache local; /* the TDP fit's, where the caller keeps none */
	rl_chip_cost cc;
	double chips;
	int rc, prec, violations = 0;
	int is_key = 0, whole = 0; /* power_cost_kept's, from rule_applied */
	int kept; /* pw's design, node and cost are the power and cost memo's */

	if (RL_LIKELY(cache != NULL) && rule_key_same(cfg_in, cache, avx)) {
		/* the evaluation before's configuration in every byte but its
		** request, the batch rule's key: not by design, under one of
		** trtllm-bench's rules (rule_key_same), as the key is */
		whole = is_key = 1;
		pw = cfg_in;
		cfg = rule_applied(cfg_in, cache, 1, avx);
		goto given;
	}
	if (RL_UNLIKELY(cfg_in->chip.by_design > 0.5)) {
		/* (the design's count through a variable of its own: one whose
		** address is taken lives on the stack, stored and loaded again
		** around the serving call on every evaluation) */
		int v = 0;
		memset(r, 0, sizeof *r);
		rc = rl_design_to_spec(cfg_in, &spec, &v, r->error,
		                       sizeof r->error);
		if (rc != RL_OK)
			return rc;
		violations = v;
		cfg = &spec;
	}
	/* power and cost read no number the batch rule picks: they read the
	** configuration as given (or resolved from the design), whose design,
	** node and cost sections the rule's memo does not compare */
	pw = cfg;
	if (RL_LIKELY((int)cfg->prof.batch_rule != RL_BATCH_FIXED)) {
		/* the harness's own batch size and token budget for this
		** chip, model and request (benchrule.h) */
		int rule = (int)cfg->prof.batch_rule;
		if (cache && cfg == cfg_in && (rule == RL_BATCH_TRTLLM_BUILD ||
		                               rule == RL_BATCH_TRTLLM_PYTORCH)) {
			cfg = rule_applied(cfg_in, cache, 0, avx);
			is_key = 1;
		} else {
			if (cfg != &spec)
				spec = *cfg;
			rl_batch_rule_apply(&spec);
			cfg = &spec;
		}
	}
given:
	/* static power's inputs that contradict (power.c): refused before
	** serving, which reads none of them; not tested again where pw's
	** design, node and cost are, byte for byte, those the power and cost
	** memo was worked out from (whole and pc_key_is_rule, as
	** power_cost_kept reads them), which passed this test: the memo is
	** reached only below it (for speed: tests/BENCH.md) */
	kept = whole && cache->pc_key_is_rule;
	if (RL_UNLIKELY(!kept && !rl_power_inputs_ok(pw)) &&
	    rl_power_check(pw, r->error, sizeof r->error) != RL_OK)
		return RL_EINVAL;
	/* (what serving leaves of power and cost is written below) */
	if (RL_LIKELY(cache != NULL)) {
		rc = serve_bare_req(cfg, cache, 1.0, 1.0, 0, r, avx);
	} else {
		/* without the caller's cache, through the local one, its
		** request kept: a TDP's clock fit below reads both, where it
		** served again from a new setup to keep them (the same
		** results; a claim's Monte Carlo, whose mapping searches
		** evaluate without a cache, fits the clock of most of Sohu by
		** design's: tests/BENCH.md) */
		local.valid = 0;
		rc = avx ? serve_bare_req_avx(cfg, &local, 1.0, 1.0, 1, r)
		         : rl_serve_bare_req(cfg, &local, 1.0, 1.0, 1, r);
	}
	if (rc != RL_OK)
		return rc;
	r->violations = violations;
	r->power_limited = 0;
	r->power_lowest_w = r->clock_scale_lowest = NAN;
	/* (the caller's cache alone: a local one below is the TDP fit's) */
	/* (where the chip has no power model the memo's compare would cost
	** more than the chip's cost alone: rl_chip_cost_kept below) */
	/* (kept, with the memo valid still after serving, which clears it
	** with a new setup: the memo is pw's, which has a power model, as
	** power_cost_kept would find it; pc set: pw has one) */
	pc = RL_LIKELY(kept && cache->pc.valid) ? &cache->pc
	     : RL_LIKELY(cache && rl_power_known(pw))
	         ? power_cost_kept(pw, cache, is_key, whole)
	         : NULL;

	if (!pc && !rl_power_known(pw)) {
		r->clock_scale = r->clock_scale_prefill =
		    r->clock_scale_decode = 1.0;
		r->power_w = r->power_prefill_w = r->power_decode_w = NAN;
	} else {
		/* (power_of_result writes the power and clock fields) */
		double tdp = pw->chip.tdp_w, s_pre = 1, s_dec = 1;
		int over_pre, over_dec; /* a phase over the TDP at full clock */
		int tdp_on = RL_LIKELY(pc != NULL) ? pc->tdp_on : tdp > 0;
		int sram = RL_LIKELY(pc != NULL) ? pc->sram_on
		                                 : rl_sram_resident_on(&pw->chip);
		/* pw's power terms at the full clock: the memo's, else worked
		** out here, once, as power_of_result worked them out at full
		** clock (rl_power_fixed_of at 1), and a TDP's clock fit scales
		** them (rl_power_fixed_scaled, as with a memo: the same
		** products), where each of its steps worked them all out
		** again */
		const rl_power_fixed *full;
		rl_power_fixed full_here;
		prec = pc ? pc->prec : rl_matrix_prec(&pw->scen);
		if (RL_LIKELY(pc != NULL)) {
			full = &pc->full;
		} else {
			rl_power_fixed_of(pw, prec, 1.0, &full_here);
			full = &full_here;
		}
		power_of_result(pw, prec, 1, 1, full, sram, r);
		over_pre = tdp_on && r->power_prefill_w > tdp;
		over_dec = tdp_on && r->decode_iters_per_s > 0 &&
		           r->power_decode_w > tdp;
		/* (without a phase over the TDP, both clocks stay 1: nothing
		** below changes r) */
		if (RL_UNLIKELY(over_pre || over_dec)) {
			/* the clock fit costs one phase many times: a cache of
			** this design and request for it (the same results),
			** the caller's served again to keep the request it
			** solved (serve_bare_req above kept none), or the local
			** one, which holds both already */
			rl_result once;
			/* fit_tdp's, where none fits (here, not stored on every
			** evaluation: for speed, tests/BENCH.md) */
			double low_pre = NAN, low_dec = NAN;
			if (!cache)
				cache = &local;
			else if (rl_serve_bare_req(cfg, cache, 1.0, 1.0, 1,
			                           &once) != RL_OK)
				return fail_internal(r); /* it served just now */
			if (over_pre)
				s_pre = fit_tdp(cfg, pw, cache, PH_PREFILL, prec,
				                tdp, r->power_prefill_w, full,
				                &low_pre);
			if (over_dec)
				s_dec = fit_tdp(cfg, pw, cache, PH_DECODE, prec,
				                tdp, r->power_decode_w, full,
				                &low_dec);
			if (s_pre <= 0 || s_dec <= 0) {
				/* no clock fits the TDP: full clock, flagged,
				** with what it draws at the lowest clock (the
				** higher phase where both are over; a NAN
				** power, which no clock fits either, as it is) */
				r->violations |= RL_V_POWER;
				r->power_lowest_w =
				    s_pre <= 0 && s_dec <= 0
				        ? (low_dec > low_pre ? low_dec : low_pre)
				        : s_pre <= 0 ? low_pre : low_dec;
				r->clock_scale_lowest = S_MIN;
			} else if (s_pre < 1 || s_dec < 1) {
				rc = rl_serve_cached(cfg, cache, s_pre, s_dec, r);
				if (rc != RL_OK)
					return rc;
				r->violations = violations;
				power_of_result(pw, prec, s_pre, s_dec, full, sram,
				                r);
				r->power_limited = 1;
			}
		}
	}

	if (pc) {
		r->chip_cost_usd = pc->chip_usd;
		r->chip_price_usd = pc->price_usd;
		usd_pair_kept(&pw->cost, pc, r);
		return RL_OK;
	}
	if (cache) {
		r->chip_cost_usd =
		    rl_chip_cost_kept(pw, pw->chip.hbm_bytes, &cache->cost)
		        ->chip_usd;
	} else {
		rl_chip_cost_of(pw, pw->chip.hbm_bytes, &cc);
		r->chip_cost_usd = cc.chip_usd;
	}
	r->chip_price_usd = chip_price(pw);
	chips = rl_scen_chips(&pw->scen);
	rl_usd_per_mtok_pair(&pw->cost, r->chip_cost_usd, r->chip_price_usd,
	                     chips, r->power_w, r->output_tps,
	                     &r->usd_per_mtok_cost, &r->usd_per_mtok_price);
	return RL_OK;
}

/* eval_cached compiled without AVX, and for it where the processor has it
** (avxclone.h): the same results, bit for bit */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int eval_cached_plain(const rl_config *cfg, rl_eval_cache *cache,
                             rl_result *r)
{
	return eval_cached(cfg, cache, r, 0);
}

#if RL_AVX_CLONE
RL_AVX_FN static int eval_cached_avx(const rl_config *cfg,
                                     rl_eval_cache *cache, rl_result *r)
{
	return eval_cached(cfg, cache, r, 1);
}
#endif

int rl_eval_cached_copy(const rl_config *cfg, rl_eval_cache *cache,
                        rl_result *r, int avx)
{
	if (!avx)
		return eval_cached_plain(cfg, cache, r);
#if RL_AVX_CLONE
	if (rl_avx_here())
		return eval_cached_avx(cfg, cache, r);
#endif
	snprintf(r->error, sizeof r->error,
	         "internal: no copy compiled for AVX here (not built, or the "
	         "processor has no AVX)");
	return RL_EINVAL;
}

int rl_eval_cached(const rl_config *cfg, rl_eval_cache *cache, rl_result *r)
{
#if RL_AVX_CLONE
	if (rl_avx_here())
		return eval_cached_avx(cfg, cache, r);
#endif
	return eval_cached_plain(cfg, cache, r);
}
