/*
** claimjson.c: the claim check as JSON (`rooflab claim --json`; the
** summary on the terminal is claimout.c's): the verdict, the speedups, both
** sides' evaluations, every mapping, the Shapley factors, the levers
** solved one at a time (also the solve command's rows), the Monte Carlo
** summary, the tornado, the assumptions and the other claims.
*/
#include <math.h>

#include "../claim/mcwords.h"
#include "../claim/verdict.h"
#include "../claim/words.h"
#include "../model/params.h"
#include "claimout.h"
#include "evalout.h"
#include "../config/json.h"
#include "../config/version.h"

void claimout_solve_row_json(json_w *w, const claim_solve_row *r,
                             int speedup_metric)
{
	json_obj(w, NULL);
	json_str(w, "param", r->param);
	json_str(w, "form", r->form);
	json_num(w, "target", r->target);
	json_num(w, "value", r->s.value);
	json_str(w, "unit", r->unit);
	json_bool(w, "feasible", r->s.feasible);
	/* the target is a floor (a ceiling of a latency or a cost: at most):
	** met at the side's value now, and met at every value of the range
	** (no value needed, value null) */
	json_bool(w, "met_now", isfinite(r->nominal) &&
	                            (claim_target_at_most(r->target_kind)
	                                 ? r->nominal <= r->target
	                                 : r->nominal >= r->target));
	json_bool(w, "met_everywhere", r->s.met_all);
	if (speedup_metric && r->target_kind != CLAIM_T_SPEEDUP) {
		/* the side's own figure, in the target's unit */
		json_str(w, "target_metric", claim_target_key(r->target_kind));
		json_num(w, "metric_now", r->nominal);
		json_num(w, "metric_at_value",
		         claim_target_shown(r->target_kind, r->s.metric));
	} else if (speedup_metric) {
		/* the speedup now of the side the row varies (Sohu by design
		** for a b.design or b.node row), beside the top's speedup,
		** which is side b's */
		json_num(w, "speedup_now", r->nominal);
		json_num(w, "speedup_at_value", r->s.metric);
	} else
		json_str(w, "direction", r->s.met_all ? "any"
		                         : r->s.feasible
		                             ? (r->s.direction > 0 ? "at least"
		                                                   : "at most")
		                             : "");
	json_str(w, "reason", r->s.reason);
	json_str(w, "words", r->words);
	json_end(w);
}

static void mappings_json(json_w *w, const claim_report *rep)
{
	size_t i, k;
	double a = rep->a.r.total_tps;
	json_arr(w, "mappings");
	for (k = 0; k < 2; k++) {
		const rl_map_entry *e = k ? rep->map_b : rep->map_a;
		size_t n = k ? rep->nmap_b : rep->nmap_a;
		for (i = 0; i < n; i++) {
			json_obj(w, NULL);
			json_str(w, "side", k ? "b" : "a");
			json_num(w, "tp", e[i].tp);
			json_num(w, "pp", e[i].pp);
			json_num(w, "dp", e[i].dp);
			json_num(w, "ep", e[i].ep);
			json_bool(w, "fits", e[i].rc != RL_ENOFIT);
			json_bool(w, "over_tdp", e[i].rc == RL_EPOWER);
			if (e[i].rc == RL_OK) {
				json_num(w, "total_tokens_per_s", e[i].total_tps);
				json_num(w, "output_tokens_per_s", e[i].output_tps);
				json_num(w, "speedup", e[i].total_tps / a);
			} else {
				json_null(w, "total_tokens_per_s");
				json_null(w, "output_tokens_per_s");
				json_null(w, "speedup");
			}
			json_end(w);
		}
	}
	json_end(w);
}

static void side_json(json_w *w, const char *key, const claim_side *s)
{
	json_obj(w, key);
	json_str(w, "label", s->label);
	json_str(w, "form", s->form);
	/* where the chip's price comes from, in its preset's words (Sohu's:
	** an ASSUMPTION, the H100's price taken for it); null where the
	** price is unknown, set for the run, or its preset says nothing */
	{
		char note[2048];
		if (claim_price_note(s, note, sizeof note))
			json_str(w, "chip_price_note", note);
		else
			json_null(w, "chip_price_note");
	}
	evalout_json(w, &s->st, &s->r, &s->fit);
	/* eval's software_note: null where the chip's preset names the
	** profile's software, or the profile names none */
	evalout_software_json(w, s->software_note);
	json_end(w);
}

static void factors_json(json_w *w, const char *key, const rl_factor *fs,
                         const double *phi, size_t n, int ok)
{
	size_t i, j;
	json_arr(w, key);
	for (i = 0; ok && i < n; i++) {
		json_obj(w, NULL);
		json_str(w, "name", fs[i].name);
		json_num(w, "factor", exp(phi[i]));
		json_arr(w, "params");
		for (j = 0; j < fs[i].n; j++) {
			char full[160];
			snprintf(full, sizeof full, "%s.%s", fs[i].p[j]->section,
			         fs[i].p[j]->key);
			json_str(w, NULL, full);
		}
		json_end(w);
		json_end(w);
	}
	json_end(w);
}

static void mc_json(json_w *w, const char *key, const claim_report *rep,
                    const claim_uncertainty *u, const rl_mc_result *mc,
                    double nominal)
{
	size_t i;
	claim_mc_summary sm;
	json_obj(w, key);
	json_num(w, "samples", mc ? (double)mc->samples : 0);
	json_num(w, "seed", (double)rep->opts.seed);
	json_str(w, "uncertainty", u ? u->path : "");
	json_num(w, "p05", mc ? mc->p05 : NAN);
	json_num(w, "p50", mc ? mc->p50 : NAN);
	json_num(w, "p95", mc ? mc->p95 : NAN);
	json_num(w, "mean", mc ? mc->mean : NAN);
	json_num(w, "prob_ge_target", mc ? mc->prob_ge_target : NAN);
	/* the speedup at the stated values and the share of the evaluated
	** samples below it, the text's "sits at the 99.7th percentile of
	** the samples" (claim_mc_nominal_words), which the JSON lacked */
	if (mc)
		claim_mc_summarize(mc, rep->opts.seed, nominal, &sm);
	json_num(w, "nominal", nominal);
	json_num(w, "nominal_below", mc ? sm.nominal_below : NAN);
	json_num(w, "violation_rate", mc ? mc->violation_rate : NAN);
	json_obj(w, "violations");
	json_num(w, "power", mc ? (double)mc->viol_count[0] : 0);
	json_num(w, "reticle", mc ? (double)mc->viol_count[1] : 0);
	json_num(w, "hbm_stacks", mc ? (double)mc->viol_count[2] : 0);
	json_num(w, "area_shares", mc ? (double)mc->viol_count[3] : 0);
	json_end(w);
	json_num(w, "failed", mc ? (double)mc->failed : 0);
	/* of them, those counted under violations too (an area share over
	** 1 is both), as the text says it */
	json_num(w, "failed_violating",
	         mc ? (double)sm.not_evaluable_violating : 0);
	json_num(w, "power_cap_w", u ? u->power_cap_w : 0);
	/* where the cap comes from, as the text's assumptions say it */
	json_str(w, "power_cap_source", u ? u->power_cap_source : "");
	/* side b's mapping, chosen per sample: how often each won */
	json_arr(w, "mapping_wins");
	for (i = 0; mc && i < mc->nmaps; i++) {
		json_obj(w, NULL);
		json_num(w, "tp", mc->maps[i].tp);
		json_num(w, "pp", mc->maps[i].pp);
		json_num(w, "dp", mc->maps[i].dp);
		json_num(w, "ep", mc->maps[i].ep);
		json_num(w, "samples", (double)mc->maps[i].wins);
		json_end(w);
	}
	json_end(w);
	json_num(w, "mapping_wins_other", mc ? (double)mc->maps_other : 0);
	json_end(w);
}

static void uname(const rl_uparam *u, char *buf, size_t len)
{
	snprintf(buf, len, "%c.%s.%s", u->side ? 'b' : 'a', u->p->section,
	         u->p->key);
}

static void tornado_json(json_w *w, const char *key,
                         const claim_uncertainty *u,
                         const rl_tornado_row *torn)
{
	size_t i;
	json_arr(w, key);
	for (i = 0; u && i < u->n; i++) {
		const rl_tornado_row *t = &torn[i];
		char name[160], noun[256];
		uname(&u->u[t->index], name, sizeof name);
		/* the range's unit and what the parameter is, as the text and
		** the report give them beside the row */
		claim_lever_noun(name, noun, sizeof noun);
		json_obj(w, NULL);
		json_str(w, "param", name);
		json_str(w, "what", noun);
		json_num(w, "low", t->low);
		json_num(w, "high", t->high);
		json_str(w, "unit", u->u[t->index].p->unit);
		json_num(w, "speedup_low", t->speedup_low);
		json_num(w, "speedup_high", t->speedup_high);
		json_end(w);
	}
	json_end(w);
}

/* What USD per million tokens is worked out with, per side (model/cost.h):
** the years the chips are amortized over and the energy term's inputs. */
static void cost_basis_json(json_w *w, const claim_report *rep)
{
	const claim_side *s[3] = {&rep->a, &rep->b, &rep->bd};
	static const char *const key[3] = {"a", "b", "b_by_design"};
	int i;
	json_obj(w, "cost_basis");
	for (i = 0; i < (rep->have_bd ? 3 : 2); i++) {
		const rl_cost *c = &s[i]->cfg.cost;
		json_obj(w, key[i]);
		json_num(w, "years", c->years);
		json_num(w, "usd_per_kwh", c->usd_per_kwh);
		json_num(w, "pue", c->pue);
		json_num(w, "server_overhead", c->server_overhead);
		json_end(w);
	}
	json_end(w);
}

/* Each assumption with its stated value (the side's own, as the database's
** claim_assumptions and the report's table give it), its range and
** source: a the baseline's configuration, b the side the file varies. */
/* The preset files that hold the rest of side b fixed, as the text says
** them under its assumptions: {"chip", "node" (null where it names none),
** "profile"}, each a path ("profile NAME" where it does not resolve). */
static void fixed_json(json_w *w, const char *key, const claim_side *b)
{
	char node[1024], prof[1024];
	claimout_fixed_files(b, node, sizeof node, prof, sizeof prof);
	json_obj(w, key);
	json_str(w, "chip", b->st.chip_file);
	if (node[0])
		json_str(w, "node", node);
	else
		json_null(w, "node");
	json_str(w, "profile", prof);
	json_end(w);
}

static void assumptions_json(json_w *w, const char *key,
                             const claim_uncertainty *u,
                             const rl_config *a, const rl_config *b)
{
	size_t i;
	json_arr(w, key);
	for (i = 0; u && i < u->n; i++) {
		const rl_uparam *p = &u->u[i];
		char name[160];
		double lo, hi;
		rl_uparam_range(p, &lo, &hi);
		uname(p, name, sizeof name);
		json_obj(w, NULL);
		json_str(w, "param", name);
		json_num(w, "value", claim_stated_value(p->side ? b : a, p->p));
		json_str(w, "dist", rl_dist_name(p->dist));
		json_num(w, "low", lo);
		json_num(w, "high", hi);
		json_str(w, "unit", p->p->unit);
		json_str(w, "source", u->source[i]);
		json_end(w);
	}
	json_end(w);
}

static void robust_row_json(json_w *w, const rl_robust_row *r)
{
	json_num(w, "fraction", r->fraction);
	json_num(w, "samples", (double)r->samples);
	json_num(w, "evaluated", (double)r->valid);
	json_num(w, "p05", r->p05);
	json_num(w, "p50", r->p50);
	json_num(w, "p95", r->p95);
	json_num(w, "prob_ge_target", r->prob_ge_target);
}

/* verdict.range_robustness: side b's Monte Carlo with every range
** narrowed toward its stated value, the range that moves P most alone,
** and the investor's line (claim_robust_words), as the text says them */
static void robust_json(json_w *w, const claim_report *rep)
{
	const rl_robust *r = &rep->robust;
	const claim_robust_summary *s = &rep->robust_sum;
	char line[1024];
	size_t i;
	json_obj(w, "range_robustness");
	json_arr(w, "narrowed");
	for (i = 0; i < RL_ROBUST_FRACTIONS; i++) {
		json_obj(w, NULL);
		robust_row_json(w, &r->all[i]);
		json_end(w);
	}
	json_end(w);
	json_arr(w, "alone_estimated");
	for (i = 0; i < r->nu; i++) {
		char name[160];
		uname(&rep->unc.u[i], name, sizeof name);
		json_obj(w, NULL);
		json_str(w, "param", name);
		json_num(w, "fraction",
		         rl_robust_fraction[RL_ROBUST_FRACTIONS - 1]);
		json_num(w, "prob_ge_target", r->alone[i]);
		json_end(w);
	}
	json_end(w);
	if (s->top[0]) {
		json_obj(w, "most_moving");
		json_str(w, "param", s->top);
		json_str(w, "unit", s->top_unit);
		json_num(w, "low", s->top_low);
		json_num(w, "high", s->top_high);
		robust_row_json(w, &r->top_row);
		/* the runner-up, its P estimated by reweighting */
		json_str(w, "next_param", s->next);
		json_num(w, "next_prob_estimated", s->next_prob);
		json_end(w);
	} else
		json_null(w, "most_moving");
	/* only where a triangle's mode was held to an end of its narrowed
	** range (not the same shape), which the words name */
	if (s->modes_held > 0) {
		json_num(w, "modes_held", (double)s->modes_held);
		json_str(w, "mode_held_first", s->mode_held);
	}
	claim_robust_words(s, rep->opts.target, line, sizeof line);
	json_str(w, "words", line);
	claim_robust_investor_words(s, rep->opts.target, line, sizeof line);
	json_str(w, "investor", line);
	json_end(w);
}

void claimout_json(FILE *f, const claim_report *rep)
{
	json_w w;
	size_t i;
	int mp;
	claimout_binds gb;
	json_begin(&w, f);
	json_str(&w, "scenario", rep->scenario);
	json_num(&w, "target", rep->opts.target);
	{ /* the text's first word ("Not supported") and whether the speedup
	  ** under the stated assumptions lies outside its 90% interval */
		const rl_mc_result *mc = rep->have_unc ? rep->mc : NULL;
		double x = rep->speedup_total;
		/* the labels raw: the JSON escapes what a terminal would not
		** show (the text writes them as cells) */
		char line[2 * CLAIM_LABEL_MAX + 256];
		json_obj(&w, "verdict");
		json_str(&w, "word", claim_verdict_word(mc != NULL,
		         mc ? mc->prob_ge_target : NAN, x, rep->opts.target));
		json_str(&w, "text", claim_verdict_sentence(line, sizeof line,
		         mc != NULL, mc ? mc->prob_ge_target : NAN, x,
		         rep->opts.target, rep->b.label, rep->a.label));
		int side = mc ? claim_vs_interval(x, mc->p05, mc->p95) : 0;
		if (mc)
			json_str(&w, "stated_vs_interval", side > 0 ? "above"
			         : side < 0 ? "below" : "inside");
		else
			json_null(&w, "stated_vs_interval");
		json_str(&w, "rule", claim_verdict_rule(mc != NULL &&
		         isfinite(mc->prob_ge_target)));
		/* too few samples to draw the word, as the text says it */
		if (mc) {
			char few[256];
			claim_unsettled_words(few, sizeof few, mc->prob_ge_target,
			                      (double)mc->valid, rep->opts.target);
			if (few[0]) {
				/* the interval in figures beside the words: its
				** ends, the samples it is from and its confidence
				** (claim_prob_interval, Wilson's score) */
				double lo, hi;
				json_str(&w, "unsettled", few);
				claim_prob_interval(mc->prob_ge_target,
				                    (double)mc->valid, &lo, &hi);
				json_obj(&w, "unsettled_interval");
				json_num(&w, "lo", lo);
				json_num(&w, "hi", hi);
				json_num(&w, "samples", (double)mc->valid);
				json_num(&w, "confidence", CLAIM_PROB_CONFIDENCE);
				json_end(&w);
			}
		}
		/* the same samples where side b's utilization is at least
		** the share the claim states, as the text's line under the
		** ranges */
		if (rep->have_given) {
			const claim_mc_given *g = &rep->given;
			json_obj(&w, "at_claimed_utilization");
			json_num(&w, "at_least", g->at_least);
			/* whose share it is: the claims file's words and
			** source, which the report's line says as the text's */
			json_str(&w, "claim", rep->util_claim);
			json_str(&w, "source", rep->util_source);
			json_num(&w, "samples", (double)g->n);
			json_num(&w, "evaluated", (double)g->valid);
			json_num(&w, "share", g->share);
			json_num(&w, "p05", g->p05);
			json_num(&w, "p50", g->p50);
			json_num(&w, "p95", g->p95);
			json_num(&w, "prob_ge_target", g->prob_ge_target);
			json_end(&w);
		}
		if (rep->have_robust)
			robust_json(&w, rep);
		else if (rep->robust_skipped[0])
			json_str(&w, "range_robustness_skipped", rep->robust_skipped);
		json_end(&w);
	}
	json_obj(&w, "speedup");
	json_num(&w, "total_tokens", rep->speedup_total);
	json_num(&w, "output_tokens", rep->speedup_output);
	if (rep->have_bd) {
		json_obj(&w, "by_design");
		json_num(&w, "total_tokens", rep->bd_speedup_total);
		json_num(&w, "output_tokens", rep->bd_speedup_output);
		json_end(&w);
	}
	json_end(&w);
	if (rep->nmap_a > 0 && rep->map_a[0].rc == RL_OK) {
		json_obj(&w, "against_best_a");
		json_num(&w, "tp", rep->map_a[0].tp);
		json_num(&w, "pp", rep->map_a[0].pp);
		json_num(&w, "dp", rep->map_a[0].dp);
		json_num(&w, "ep", rep->map_a[0].ep);
		json_num(&w, "total_tokens",
		         rep->b.r.total_tps / rep->map_a[0].total_tps);
		json_end(&w);
	}
	if (rep->have_bd && rep->b_remapped) {
		json_obj(&w, "by_design_at_tdp");
		json_num(&w, "tdp_700_w", rep->tdp_speedup[0]);
		json_num(&w, "tdp_1000_w", rep->tdp_speedup[1]);
		json_num(&w, "unlimited", rep->tdp_speedup[2]);
		json_end(&w);
	}
	json_num(&w, "b_as_given_total_tokens",
	         rep->b_given_total / rep->a.r.total_tps);
	/* what binds b there, the text's "what binds there" line in numbers
	** (per chip, ms; claimout_given_binds) */
	if (rep->b_remapped && claimout_given_binds(&rep->b_given_r, &gb) == 0) {
		json_obj(&w, "b_as_given_binds");
		json_num(&w, "tp", rep->b_given_tp);
		json_num(&w, "iteration_ms", gb.iteration_ms);
		json_num(&w, "tpot_ms", gb.tpot_ms);
		json_num(&w, "all_reduce_ms", gb.all_reduce_ms);
		json_num(&w, "gemm_ms", gb.gemm_ms);
		json_num(&w, "attention_ms", gb.attention_ms);
		json_str(&w, "binding", gb.binding);
		json_end(&w);
	}
	/* b's best mapping with no copies: Etched's "8-way model parallel"
	** (claims.md), where b's best runs copies (DP > 1) */
	if (rep->b_remapped && rep->map_b[0].dp > 1 &&
	    (mp = claim_best_model_parallel(rep)) >= 0) {
		json_obj(&w, "b_model_parallel");
		json_num(&w, "tp", rep->map_b[mp].tp);
		json_num(&w, "pp", rep->map_b[mp].pp);
		json_num(&w, "total_tokens",
		         rep->map_b[mp].total_tps / rep->a.r.total_tps);
		json_end(&w);
	}
	/* the measured tables (claimchecks.c), where speedup divides by a as
	** modelled */
	if (rep->base_total[0] > 0)
		json_num(&w, "against_trtllm_0_10",
		         rep->b.r.total_tps / rep->base_total[0]);
	if (rep->base_total[1] > 0 && rep->base_total[2] > 0) {
		json_num(&w, "against_trtllm_0_11",
		         rep->b.r.total_tps / rep->base_total[1]);
		json_num(&w, "against_trtllm_0_12",
		         rep->b.r.total_tps / rep->base_total[2]);
	}
	cost_basis_json(&w, rep);
	/* the text's trust line (rep->trust), null where the shipped
	** measurements cannot be read */
	if (rep->trust[0])
		json_str(&w, "trust", rep->trust);
	else
		json_null(&w, "trust");
	side_json(&w, "a", &rep->a);
	side_json(&w, "b", &rep->b);
	mappings_json(&w, rep);
	if (rep->have_bd)
		side_json(&w, "b_by_design", &rep->bd);
	factors_json(&w, "factors", rep->f, rep->phi, rep->nf, rep->factors_ok);
	if (!rep->factors_ok)
		json_str(&w, "factors_error", rep->factors_err);
	if (rep->have_bd)
		factors_json(&w, "factors_by_design", rep->fd, rep->phid, rep->nfd,
		             rep->factors_d_ok);
	json_arr(&w, "solve");
	for (i = 0; i < rep->nsolve; i++)
		claimout_solve_row_json(&w, &rep->solve[i], 0);
	json_end(&w);
	json_arr(&w, "must_be_true");
	for (i = 0; i < rep->nmust; i++)
		json_str(&w, NULL, rep->must[i]);
	json_end(&w);
	mc_json(&w, "monte_carlo", rep, rep->have_unc ? &rep->unc : NULL,
	        rep->mc, rep->speedup_total);
	if (claim_mc_skipped(rep))
		json_str(&w, "mc_skipped", claim_mc_skipped(rep));
	tornado_json(&w, "tornado", rep->have_unc ? &rep->unc : NULL, rep->torn);
	assumptions_json(&w, "assumptions", rep->have_unc ? &rep->unc : NULL,
	                 &rep->a.st.cfg, &rep->b.st.cfg);
	if (rep->have_unc)
		fixed_json(&w, "held_fixed", &rep->b);
	if (rep->have_unc_d) {
		mc_json(&w, "monte_carlo_by_design", rep, &rep->unc_d, rep->mc_d,
		        rep->bd_speedup_total);
		tornado_json(&w, "tornado_by_design", &rep->unc_d, rep->torn_d);
		assumptions_json(&w, "assumptions_by_design", &rep->unc_d,
		                 &rep->a.st.cfg, &rep->bd.st.cfg);
		fixed_json(&w, "held_fixed_by_design", &rep->bd);
	}
	json_arr(&w, "claims");
	for (i = 0; i < rep->nclaims; i++) {
		const claim_check *c = &rep->claims[i];
		json_obj(&w, NULL);
		json_str(&w, "claim", c->claim);
		json_str(&w, "source", c->source);
		json_str(&w, "model_value", c->model_value);
		json_str(&w, "verdict", c->verdict);
		json_end(&w);
	}
	json_end(&w);
	/* which rooflab gave these numbers, as the database's claim_runs and
	** the report's provenance keep it: a script that files the JSON alone
	** kept no trace of it */
	json_obj(&w, "rooflab");
	json_str(&w, "version", RL_VERSION);
	json_str(&w, "git_rev", RL_GIT_REV);
	json_end(&w);
	json_finish(&w);
}
