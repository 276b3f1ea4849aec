/*
** evalout.c: tables and JSON for one evaluation (evalout.h).
*/
#include "evalout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../config/presetnote.h"
#include "../config/presets.h"
#include "../model/cost.h"
#include "../model/figtext.h"
#include "../model/mapping.h"
#include "../model/numtext.h"
#include "../model/outputs.h"
#include "../model/params.h"
#include "../model/silicon.h"
#include "../model/utf8.h"

void evalout_setup_json(json_w *w, const rl_setup *st, const char *chosen,
                        int with_mapping)
{
	const rl_scenario *s = &st->cfg.scen;
	json_obj(w, "setup");
	json_str(w, "profile", st->profile);
	if (chosen && chosen[0])
		json_str(w, "profile_chosen", chosen);
	json_str(w, "chip", st->chip);
	json_str(w, "model", st->model);
	json_str(w, "scenario", st->scenario);
	json_str(w, "precision", rl_precision_name(rl_weight_prec(s)));
	json_str(w, "act_precision", rl_precision_name(rl_act_prec(s)));
	json_str(w, "kv_precision", rl_precision_name(rl_kv_prec(&st->cfg)));
	json_num(w, "isl", s->isl);
	json_num(w, "osl", s->osl);
	if (with_mapping) {
		json_num(w, "tp", s->tp);
		json_num(w, "pp", s->pp);
		json_num(w, "ep", s->ep);
	}
	json_num(w, "chips", with_mapping ? rl_scen_chips(s) : s->chips);
	json_num(w, "batch", s->batch);
	json_end(w);
}

/* "mapping": {tp, pp, dp, ep} of a scenario. */
static void evalout_mapping_json(json_w *w, const rl_scenario *s)
{
	json_obj(w, "mapping");
	json_num(w, "tp", s->tp);
	json_num(w, "pp", s->pp);
	json_num(w, "dp", rl_scen_dp(s));
	json_num(w, "ep", s->ep);
	json_end(w);
}

void evalout_fit_json(json_w *w, const char *key, const val_chip_fit *fit)
{
	if (!fit->carried) {
		json_null(w, key);
		return;
	}
	json_obj(w, key);
	json_str(w, "profile", fit->profile);
	json_str(w, "fitted_chip", fit->fitted_chip);
	json_int(w, "rows_on_fitted_chip", (long long)fit->fit_rows);
	json_str(w, "note", fit->words);
	json_end(w);
}

void evalout_software_json(json_w *w, const char *words)
{
	if (words[0])
		json_str(w, "software_note", words);
	else
		json_null(w, "software_note");
}

void evalout_fit_text(FILE *f, const val_chip_fit *fit)
{
	char words[4 * sizeof fit->words];
	if (fit && fit->carried)
		fprintf(f, "note: %s\n",
		        rl_utf8_cell(fit->words, 0, 0, words, sizeof words));
}

/* The chips' share alone of USD per million output tokens at their price
** and at their manufacturing cost (model/cost.h, rl_usd_chips_only): where
** the full figures are n/a for want of a power model (Sohu as claimed),
** what is known of them, as claim's table writes it ("0.0732 + energy") */
static void chips_only(const rl_setup *st, const rl_result *r, double *price,
                       double *cost)
{
	double chips = rl_scen_chips(&st->cfg.scen);
	*price = rl_usd_chips_only(&st->cfg.cost, r->chip_price_usd, chips,
	                           r->output_tps, r->power_w,
	                           r->usd_per_mtok_price);
	*cost = rl_usd_chips_only(&st->cfg.cost, r->chip_cost_usd, chips,
	                          r->output_tps, r->power_w,
	                          r->usd_per_mtok_cost);
}

#define CHIPS_ONLY_NOTE "the chips' share alone (amortized), where the " \
	"cost's USD per million output tokens is null for want of a power " \
	"model: what energy adds is not known (claim's table: \"+ energy\"); " \
	"null where the full figure is known or the chip has no such USD"

static void chips_only_json(json_w *w, const rl_setup *st,
                            const rl_result *r)
{
	double p, c;
	chips_only(st, r, &p, &c);
	json_obj(w, "usd_chips_only");
	json_num(w, "usd_per_million_tokens_at_price", p);
	json_num(w, "usd_per_million_tokens_at_cost", c);
	json_str(w, "note", CHIPS_ONLY_NOTE);
	json_end(w);
}

static void chips_only_note(FILE *f, const rl_setup *st, const rl_result *r)
{
	double p, c;
	char vp[64], vc[64];
	chips_only(st, r, &p, &c);
	if (!isfinite(p) && !isfinite(c))
		return;
	if (isfinite(p))
		rl_fig_text(vp, sizeof vp, p);
	if (isfinite(c))
		rl_fig_text(vc, sizeof vc, c);
	fprintf(f, "\nnote: USD per million output tokens n/a for want of a "
	        "power model; the chips alone\n (amortized) come to %s%s at "
	        "their price, %s%s at manufacturing cost, + energy\n (not "
	        "known), as claim's table writes it\n", isfinite(p) ? vp : "n/a",
	        isfinite(p) ? " USD/Mtoken" : "", isfinite(c) ? vc : "n/a",
	        isfinite(c) ? " USD/Mtoken" : "");
}

/* The words beside price_usd in the chip's preset (config/presetnote.h)
** into buf where they write the price eval used as an ASSUMPTION (Sohu's:
** the H100's 33,625 USD taken as a stand-in), as claim's text says it
** (cli/claimout.c price_note_text); 0 with buf "" where the price is
** sourced, none, or not the preset's (set for the run) */
static int price_assumption(const rl_setup *st, const rl_result *r,
                            char *buf, size_t len)
{
	return preset_price_stand_in(st->chip_file, r->chip_price_usd, buf,
	                             len);
}

#define STAND_IN_DOC "price a buyer pays for one chip: here a stand-in, " \
	"no published price, its preset's ASSUMPTION (note below)"

static void price_assumption_note(FILE *f, const rl_setup *st,
                                  const rl_result *r)
{
	char note[2048], clean[2048];
	if (!price_assumption(st, r, note, sizeof note))
		return;
	fprintf(f, "\nnote: chip_price_usd, %.0f USD, is %s's (price_usd) %s\n",
	        r->chip_price_usd,
	        rl_utf8_cell(rl_data_rel(st->chip_file), 0, 0, clean,
	                     sizeof clean), note);
}

void evalout_json(json_w *w, const rl_setup *st, const rl_result *r,
                  const val_chip_fit *fit)
{
	size_t n, i;
	const rl_output *t = rl_outputs(&n);
	char group[64] = "";
	evalout_setup_json(w, st, st->profile_note, 1);
	if (fit)
		evalout_fit_json(w, "profile_fit", fit);
	evalout_mapping_json(w, &st->cfg.scen);
	for (i = 0; i < n; i++) {
		const char *dot = strchr(t[i].name, '.');
		size_t gl = (size_t)(dot - t[i].name);
		double v = t[i].get(r);
		if (strlen(group) != gl || strncmp(group, t[i].name, gl)) {
			if (group[0])
				json_end(w);
			memcpy(group, t[i].name, gl);
			group[gl] = '\0';
			json_obj(w, group);
		}
		if (t[i].type == RL_OT_NUM)
			json_num(w, dot + 1, v);
		else
			json_str(w, dot + 1, rl_output_text(&t[i], v));
	}
	if (group[0])
		json_end(w);
	{
		/* over the TDP at every clock: power.over_tdp, and in words */
		char words[320];
		rl_over_tdp_words(&st->cfg, r, words, sizeof words);
		if (words[0])
			json_str(w, "over_tdp_words", words);
	}
	{
		/* the chip's price a stand-in: its preset's words, else null */
		char note[2048];
		if (price_assumption(st, r, note, sizeof note))
			json_str(w, "chip_price_assumption", note);
		else
			json_null(w, "chip_price_assumption");
	}
	chips_only_json(w, st, r);
}

void evalout_value(char *buf, size_t len, double v, const char *unit)
{
	/* one rule with claim's and the report's figures (model/figtext.c):
	** 42.0 % beside 20.4 %, 1.70 USD/Mtoken, where %.3g wrote 42, 1.7 */
	char num[64];
	rl_fig_text(num, sizeof num, v);
	if (snprintf(buf, len, "%s%s%s", num, unit[0] ? " " : "", unit) < 0 &&
	    len)
		buf[0] = '\0';
}

/* A chip without HBM, served from SRAM alone (chip.sram_hbm_copy false,
** model/servesetup.c): what the engine assumes, said under the table,
** where the figures alone show an MBU of 0 and a KV cache with no word of
** which memory holds it.  A chip by design is read as derived. */
static void no_hbm_note(FILE *f, const rl_setup *st, const rl_result *r)
{
	rl_config c;
	const rl_chip *h;
	char err[256], w[32], kv[32], cap[32];
	int viol = 0;
	if (st->cfg.chip.by_design > 0.5) {
		if (rl_design_to_spec(&st->cfg, &c, &viol, err, sizeof err) != RL_OK)
			return;
		h = &c.chip;
	} else {
		h = &st->cfg.chip;
	}
	if (h->hbm_bytes != 0 || h->hbm_Bps != 0 ||
	    !(h->sram_resident_share > 0) || h->sram_hbm_copy != 0)
		return;
	evalout_value(w, sizeof w, r->weights_bytes_per_chip / 1e6, "MB");
	evalout_value(kv, sizeof kv, r->kv_capacity_bytes / 1e6, "MB");
	evalout_value(cap, sizeof cap,
	              h->sram_resident_share * h->sram_bytes / 1e6, "MB");
	fprintf(f, "\n(no HBM: the weights (%s a chip, the fullest stage's), "
	        "the runtime and the KV cache\n (%s) all in the %s of SRAM "
	        "that chip.sram_resident_share x sram_mb keeps;\n every byte, "
	        "activations, KV and logits too, read at chip.sram_tbps, %.1f "
	        "TB/s, no\n efficiency below 1 (ASSUMPTION); no HBM traffic, "
	        "MBU 0; a model larger than the SRAM\n needs more pipeline "
	        "stages (pp) or tp)\n",
	        w, kv, cap, h->sram_Bps / 1e12);
}

/* A chip whose memory is GDDR6 (chip.memory) and whose node and die would
** otherwise give a cost: why its cost is n/a (cost.c). */
static void gddr_note(FILE *f, const rl_config *c)
{
	if (c->chip.memory_kind != RL_MEM_GDDR6 || !(c->design.die_m2 > 0) ||
	    !(c->node.wafer_usd > 0))
		return;
	fprintf(f, "\n(chip.memory gddr6: no silicon interposer, and no price "
	        "per GB of GDDR6 in\n data/sources/silicon.csv: the chip's "
	        "manufacturing cost and USD per million\n tokens at cost are "
	        "n/a, not HBM's price)\n");
}

/* A chip over its TDP even at the lowest clock (power.over_tdp): said in
** words under the table, whose throughput is at full clock. */
static void tdp_note(FILE *f, const rl_setup *st, const rl_result *r)
{
	char words[320];
	rl_over_tdp_words(&st->cfg, r, words, sizeof words);
	if (words[0])
		fprintf(f, "\n(%s: power.over_tdp; --set chip.tdp_w lifts the "
		        "limit)\n", words);
}

/* Where every iteration carries a prefill chunk, decode tokens see the
** prefill iterations, whose bound decode.bound gives (model/engine.c),
** while decode's other rows and utilization.mbu break down a decode-only
** iteration that never runs: said under the table, with that iteration's
** own bound where the two differ, where "decode bound compute" stood
** beside an MBU of 100% (Sohu by design on etched-bench) without a word.  Its power, where it
** passes the TDP, is left at full clock (model/eval.c): a decode_watts
** over the TDP beside a decode_clock_scale of 1 is said to be that, not a
** power drawn; not where the chip is over its TDP at every clock
** (tdp_note says so: no clock of prefill's is lowered to fit then), and
** the TDP as given, in all its digits (model/numtext.h rl_number_write,
** where %g wrote 700.123 for 700.1234). */
static void decode_idle_note(FILE *f, const rl_setup *st, const rl_result *r)
{
	double tdp = st->cfg.chip.tdp_w;
	char tw[32];
	int over = tdp > 0 && r->power_decode_w > tdp;
	if (r->decode_iters_per_s > 0 || !(r->decode.time_s > 0) ||
	    rl_eval_runnable(RL_OK, r) == RL_EPOWER ||
	    (r->decode_bound == r->decode.bound && !over))
		return;
	fprintf(f, "\n(no decode-only iteration runs here: every iteration "
	        "carries a prefill chunk,\n and decode tokens see those "
	        "iterations: decode.bound is theirs (%s);\n decode's other rows "
	        "and utilization.mbu break down a decode-only iteration\n that "
	        "would run, %s-bound)\n",
	        rl_bound_name(r->decode_bound), rl_bound_name(r->decode.bound));
	if (over)
		fprintf(f, "(that iteration, at full clock: its %.1f W is over "
		        "the\n %s W TDP, which would lower its clock as it does "
		        "prefill's, but it is never\n drawn: power.watts and "
		        "clock_scale are the prefill iterations')\n",
		        r->power_decode_w, rl_number_write(tdp, tw, sizeof tw));
}

/* A phase whose clock the TDP lowered (power.*_clock_scale < 1): the
** table's bound (prefill.bound "compute") reads as though more MAC arrays
** or clock were the lever, while the power limit sets that clock (ux28:
** an architect asking "MAC arrays or power?" saw "compute" and a
** limited 1 nine rows apart).  Said under the table for each such phase
** that runs, with its bound, its clock share and the TDP; not where the
** chip is over its TDP at every clock (tdp_note says that). */
static void clock_note(FILE *f, const rl_setup *st, const rl_result *r)
{
	double tdp = st->cfg.chip.tdp_w;
	char tw[32];
	int i;
	if (!r->power_limited || !(tdp > 0) ||
	    rl_eval_runnable(RL_OK, r) == RL_EPOWER)
		return;
	for (i = 0; i < 2; i++) {
		double k = i ? r->clock_scale_decode : r->clock_scale_prefill;
		int bound = i ? r->decode.bound : r->prefill_bound;
		if (!(k < 1) || (i ? r->decode_iters_per_s : r->prefill_iters_per_s)
		                        <= 0)
			continue;
		fprintf(f, "\n(the TDP binds: %s run at %.3g of the nominal clock\n "
		        "(power.%s_clock_scale) to stay within %s W; what bounds "
		        "them, %s,\n is at that lowered clock: --set chip.tdp_w "
		        "lifts the limit)\n",
		        i ? "decode-only iterations" : "iterations carrying prefill",
		        k, i ? "decode" : "prefill",
		        rl_number_write(tdp, tw, sizeof tw), rl_bound_name(bound));
	}
}

/* silicon.violations is a set of flags (silicon.h RL_V_*), which the table
** shows as one number ("4", the PHY area alone, read as four): each flag
** in words under it, as area lists them; the TDP's own flag has
** tdp_note. */
static void silicon_note(FILE *f, const rl_setup *st, const rl_result *r)
{
	unsigned v = (unsigned)r->violations & ~(unsigned)RL_V_POWER;
	char out[8][200], err[256];
	rl_silicon si;
	size_t n, i;
	if (!v || rl_silicon_derive(&st->cfg, &si, err, sizeof err) != RL_OK)
		return;
	n = rl_silicon_explain(&st->cfg, &si, v, out, 8);
	if (!n)
		return;
	fprintf(f, "\n(silicon.violations %d (flags, not a count):", r->violations);
	for (i = 0; i < n; i++)
		fprintf(f, "%s\n %s", i ? ";" : "", out[i]);
	fprintf(f, ")\n");
}

void evalout_table(FILE *f, const rl_setup *st, const rl_result *r,
                   const val_chip_fit *fit)
{
	size_t n, i;
	const rl_output *t = rl_outputs(&n);
	const rl_scenario *s = &st->cfg.scen;
	char group[64] = "";
	/* the names may come from a file (a scenario's chip, a profile's file
	** name): shown with their controls as '?' */
	char prof[RL_NAME_MAX], note[sizeof st->profile_note];
	char model[RL_NAME_MAX], chip[RL_NAME_MAX], words[80], pn[2048];
	int stand_in = price_assumption(st, r, pn, sizeof pn);
	fprintf(f, "profile %s%s%s%s\n",
	        rl_utf8_cell(st->profile, 0, 0, prof, sizeof prof),
	        st->profile_note[0] ? " (" : "",
	        rl_utf8_cell(st->profile_note, 0, 0, note, sizeof note),
	        st->profile_note[0] ? ")" : "");
	fprintf(f, "%s on %.0f x %s (%s), %s, %.0f in / %.0f out\n",
	        rl_utf8_cell(st->model, 0, 0, model, sizeof model),
	        rl_scen_chips(s), rl_utf8_cell(st->chip, 0, 0, chip, sizeof chip),
	        rl_mapping_words(words, sizeof words, s->tp, s->pp, rl_scen_dp(s),
	                         s->ep),
	        rl_precision_name(rl_weight_prec(s)), s->isl, s->osl);
	evalout_fit_text(f, fit);
	for (i = 0; i < n; i++) {
		const char *dot = strchr(t[i].name, '.');
		size_t gl = (size_t)(dot - t[i].name);
		double v = t[i].get(r);
		char val[96];
		if ((v == 0 || isnan(v)) && rl_output_text_if_nonzero(&t[i]))
			continue;
		if (strlen(group) != gl || strncmp(group, t[i].name, gl)) {
			memcpy(group, t[i].name, gl);
			group[gl] = '\0';
			fprintf(f, "\n%s\n", group);
		}
		if (t[i].type == RL_OT_NUM && !isfinite(v))
			snprintf(val, sizeof val, "n/a");   /* JSON: null */
		else if (t[i].type == RL_OT_NUM)
			evalout_value(val, sizeof val, v / t[i].div, t[i].unit);
		else
			snprintf(val, sizeof val, "%s", rl_output_text(&t[i], v));
		fprintf(f, "  %-32s %20s   %s\n", dot + 1, val,
		        stand_in && !strcmp(t[i].name, "cost.chip_price_usd")
		            ? STAND_IN_DOC : t[i].doc);
	}
	no_hbm_note(f, st, r);
	gddr_note(f, &st->cfg);
	tdp_note(f, st, r);
	clock_note(f, st, r);
	silicon_note(f, st, r);
	decode_idle_note(f, st, r);
	chips_only_note(f, st, r);
	price_assumption_note(f, st, r);
}
