/*
** claimrun.c: the claim check's computation: load the sides, attribute the
** speedup to factors, solve what must be true, Monte Carlo and tornado,
** then the other claims (claimchecks.c) and the batch curves the database
** stores.  The sides come from presets (claimspec.c, config/), the numbers
** from model/; nothing here writes a file or prints.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../model/figtext.h"
#include "../model/mapping.h"
#include "../model/numtext.h"
#include "../model/micro.h"
#include "../model/params.h"
#include "../model/power.h"
#include "../model/precision.h"
#include "../model/silicon.h"
#include "claim.h"
#include "numwords.h"
#include "words.h"

/* the default sides' labels less their chip count, which count_label
** puts before them from the scenario ("8x H100 (...)" of etched-bench's
** 8 chips, "1x H100 (...)" of a one-chip scenario's, which read "8x"
** above a mapping "on 1 chip" when the 8 was written here) */
#define DEFAULT_A "h100-sxm,profile=trtllm-0.10,label=H100 (TensorRT-LLM 0.10)"
#define DEFAULT_B "sohu,profile=etched-claim,label=Sohu (as claimed)"
#define DEFAULT_BD "sohu-design,profile=etched-claim,label=Sohu (by design)"

claim_report *claim_report_alloc(void)
{
	return calloc(1, sizeof(claim_report));
}

void claim_report_free(claim_report *rep)
{
	if (!rep)
		return;
	rl_mc_free(rep->mc);
	rl_mc_free(rep->mc_d);
	val_shipped_free(&rep->shipped);
	free(rep);
}

/* "side a (CHIP): MSG", after "FILE:LINE: [a]: " for a side from a
** config file, LINE the line of the key that was refused. */
static void side_error(const claim_spec *s, const char *name, int line,
                       const char *msg, char *err, size_t errlen)
{
	if (s->file[0])
		snprintf(err, errlen, "%s:%d: [%s]: side %s (%s): %s", s->file,
		         line, name, name, s->chip, msg);
	else
		snprintf(err, errlen, "side %s (%s): %s", name, s->chip, msg);
}

/* A default side's label (DEFAULT_A, _B, _BD) after its chip count, the
** scenario's as the side loaded it: "8x Sohu (as claimed)".  The label is
** short and the count plain digits (1000000x, where %g wrote 1e+06x): one
** that would not fit keeps the label without the count. */
static void count_label(claim_side *side)
{
	char cn[40], out[CLAIM_LABEL_MAX];
	int n = snprintf(out, sizeof out, "%sx %s",
	                 rl_number_write(rl_scen_chips(&side->st.cfg.scen), cn,
	                                 sizeof cn),
	                 side->label);
	if (n > 0 && (size_t)n < sizeof out)
		memcpy(side->label, out, (size_t)n + 1);
}

/* A side's default label ("8 x h100-sxm (trtllm-0.10, chip default)",
** claim_side_load) with its mapping after the chip ("8 x h100-sxm TP4 x
** PP1 x DP2 (...)"): two mappings of one chip compared read the same label
** on both sides otherwise.  A label given (label=) is kept, as is the
** default where the longer one would not fit. */
static void label_mapping(const claim_spec *spec, claim_side *side)
{
	const rl_scenario *sc = &side->st.cfg.scen;
	char head[CLAIM_LABEL_MAX], words[80], out[CLAIM_LABEL_MAX], cn[40];
	size_t hl;
	int i, n;
	for (i = 0; i < spec->n; i++)
		if (!strcmp(spec->keys[i], "label"))
			return;
	/* the count in plain digits, as claimspec.c's label writes it
	** (1000000 x sohu, where %g wrote 1e+06 x sohu) */
	n = snprintf(head, sizeof head, "%s x %s",
	             rl_number_write(rl_scen_chips(sc), cn, sizeof cn),
	             side->st.chip);
	if (n < 0 || (size_t)n >= sizeof head)
		return;
	hl = (size_t)n;
	if (strncmp(side->label, head, hl) || side->label[hl] != ' ')
		return;
	rl_mapping_words(words, sizeof words, sc->tp, sc->pp, rl_scen_dp(sc),
	                 sc->ep);
	n = snprintf(out, sizeof out, "%s %s%s", head, words, side->label + hl);
	if (n > 0 && (size_t)n < sizeof out)
		memcpy(side->label, out, (size_t)n + 1);
}

int claim_prepare(claim_report *rep, char *err, size_t errlen)
{
	claim_opts *o = &rep->opts;
	claim_spec spec;
	char path[1024], msg[1024];
	int default_a = !o->a.given, default_b = !o->b.given, line, rc;

	/* the scenario as given; a path longer than the record holds (it
	** goes into the JSON and the database, whose readers keep 127) by
	** its name, the file's less .ini (setup_load refuses a longer one),
	** where it was cut */
	if (strlen(o->scenario) < sizeof rep->scenario)
		snprintf(rep->scenario, sizeof rep->scenario, "%s", o->scenario);
	else {
		const char *b;
		size_t l = preset_stem(o->scenario, &b);
		snprintf(rep->scenario, sizeof rep->scenario, "%.*s", (int)l, b);
	}
	rep->b_default = default_b;
	if (!o->a.given && claim_spec_parse(DEFAULT_A, &o->a, err, errlen))
		return RL_EINTERNAL;
	if (default_b && claim_spec_parse(DEFAULT_B, &o->b, err, errlen))
		return RL_EINTERNAL;
	/* (RL_EINTERNAL, out of memory, is no fault of the side: exit 1) */
	if ((rc = claim_side_load(&o->a, o->scenario, NULL, NULL, &rep->a,
	                          &rep->shipped, &line, msg, sizeof msg))) {
		side_error(&o->a, "a", line, msg, err, errlen);
		return rc == RL_EINTERNAL ? RL_EINTERNAL : RL_EINPUT;
	}
	if (default_a)
		count_label(&rep->a);
	if ((rc = claim_side_load(&o->b, o->scenario, NULL,
	                          default_b ? "as claimed" : NULL, &rep->b,
	                          &rep->shipped, &line, msg, sizeof msg))) {
		side_error(&o->b, "b", line, msg, err, errlen);
		return rc == RL_EINTERNAL ? RL_EINTERNAL : RL_EINPUT;
	}
	if (default_b)
		count_label(&rep->b);
	/* two sides of the user's, not the Etched claim: each default label
	** names its mapping too */
	if (!default_b) {
		label_mapping(&o->a, &rep->a);
		label_mapping(&o->b, &rep->b);
	}
	/* Sohu by design, when its preset exists */
	if (default_b && !o->no_design &&
	    preset_path("chip", "sohu-design", path, sizeof path, msg,
	                sizeof msg) == 0) {
		if (claim_spec_parse(DEFAULT_BD, &spec, err, errlen))
			return RL_EINTERNAL;
		if ((rc = claim_side_load(&spec, o->scenario, NULL, "by design",
		                          &rep->bd, &rep->shipped, NULL, msg,
		                          sizeof msg))) {
			snprintf(err, errlen, "side b by design (sohu-design): %s",
			         msg);
			return rc == RL_EINTERNAL ? RL_EINTERNAL : RL_EINPUT;
		}
		count_label(&rep->bd);
		rep->have_bd = 1;
	}
	if (!o->no_uncertainty && (o->uncertainty || default_b)) {
		const char *name = o->uncertainty ? o->uncertainty : "sohu";
		if ((rc = claim_uncertainty_read(name, &rep->unc, err, errlen)))
			return rc == RL_EINTERNAL ? RL_EINTERNAL : RL_EINPUT;
		if (claim_uncertainty_power_check(&rep->unc, &rep->a, &rep->b,
		                                  err, errlen))
			return RL_EINPUT;
		rep->have_unc = 1;
	}
	if (rep->have_bd && !o->no_uncertainty &&
	    preset_path("uncertainty", "sohu-design", path, sizeof path, msg,
	                sizeof msg) == 0) {
		if ((rc = claim_uncertainty_read("sohu-design", &rep->unc_d, err,
		                                 errlen)))
			return rc == RL_EINTERNAL ? RL_EINTERNAL : RL_EINPUT;
		if (claim_uncertainty_power_check(&rep->unc_d, &rep->a, &rep->bd,
		                                  err, errlen))
			return RL_EINPUT;
		rep->have_unc_d = 1;
	}
	return RL_OK;
}

const char *claim_mc_skipped(const claim_report *rep)
{
	if (rep->have_unc && rep->mc)
		return NULL;
	/* by design (claim_prepare): the default uncertainty file gives the
	** ranges of Sohu as claimed (sohu.ini with profile etched-claim), not
	** of a side b of the user's */
	if (!rep->have_unc && !rep->b_default && !rep->opts.no_uncertainty)
		return "no Monte Carlo: the default uncertainty file (sohu) gives "
		       "the ranges of the default side b, Sohu as claimed (chip "
		       "sohu, profile etched-claim), and is not applied to a side "
		       "b given with --b or [b]; --uncertainty NAME applies a "
		       "file's ranges to it";
	if (rep->have_unc && rep->opts.samples == 0)
		return "no Monte Carlo: --samples 0";
	if (rep->opts.no_uncertainty)
		return "no Monte Carlo: the uncertainty is turned off";
	return NULL;
}

const char *claim_mc_skipped_by_design(const claim_report *rep)
{
	if (!rep->have_unc_d || rep->mc_d)
		return NULL;
	if (rep->opts.samples == 0)
		return "no Monte Carlo: --samples 0";
	return NULL;
}

static int tps_metric(const rl_config *cfg, void *ud, double *value)
{
	rl_result r;
	(void)ud;
	if (rl_eval(cfg, &r) != RL_OK)
		return -1;
	*value = r.total_tps;
	return 0;
}

/* 1 where the factors could not be worked out for want of memory */
static int factors_of(const claim_side *a, const claim_side *b,
                       rl_factor *f, size_t *nf, double *phi, double *ratio,
                       int *ok, char *err, size_t errlen)
{
	int rc;
	*nf = rl_claim_factors(f);
	*nf = rl_factors_add_other(&a->cfg, &b->cfg, f, *nf);
	rc = rl_shapley(&a->cfg, &b->cfg, f, *nf, tps_metric, NULL, phi, ratio,
	                err, errlen);
	*ok = rc == 0;
	return rc == RL_EINTERNAL;
}

/* The side and configuration a "a.x.y" / "b.x.y" name varies: design and
** node parameters act on a chip by design as loaded, the rest on the
** resolved spec. */
static const claim_side *side_for(const claim_report *rep, char which,
                                  const rl_param *p, const char **form)
{
	int silicon = !strcmp(p->section, "design") ||
	              !strcmp(p->section, "node");
	*form = "";
	if (which == 'a')
		return &rep->a;
	if (silicon && rep->b.st.cfg.chip.by_design < 0.5 && rep->have_bd) {
		*form = rep->bd.form;
		return &rep->bd;
	}
	*form = rep->b.form;
	return &rep->b;
}

/* What binds with p at v, in words into buf; -1 ("not evaluable") where
** the side does not evaluate there */
static int binding(const rl_config *base, const rl_param *p, double v,
                   char *buf, size_t len)
{
	rl_config c = *base;
	rl_result r;
	*rl_param_ptr(&c, p) = v * p->scale;
	if (rl_eval(&c, &r) != RL_OK) {
		snprintf(buf, len, "not evaluable");
		return -1;
	}
	claim_binds_words(&r, buf, len);
	return 0;
}

/* A parameter that sets an SRAM's capacity or read bandwidth, which
** serving reads only for weights kept resident (docs/engine.md, MAC
** arrays or SRAM?); its energy, power.sram_bytes_per_flop, is per FLOP. */
static int sram_capacity_lever(const rl_param *p)
{
	static const char *const levers[][2] = {
	    {"chip", "sram_mb"},          {"chip", "sram_tbps"},
	    {"design", "frac_sram"},      {"design", "sram_b_per_clk_per_kb"},
	    {"node", "sram_mb_per_mm2"}};
	size_t i;
	for (i = 0; i < sizeof levers / sizeof levers[0]; i++)
		if (!strcmp(p->section, levers[i][0]) &&
		    !strcmp(p->key, levers[i][1]))
			return 1;
	return 0;
}

/* rl_solve's reason for a target of the side's own figure, in its terms
** (rl_solve's is of the reciprocal where the target is a ceiling) */
static void target_reason(claim_solve_row *row, const char *name)
{
	const rl_solve_result *s = &row->s;
	const char *key = claim_target_key(row->target_kind);
	const char *cmp = claim_target_at_most(row->target_kind) ? "<=" : ">=";
	double m = claim_target_shown(row->target_kind, s->metric);
	/* as rl_solve's: the target in all its digits, the figure and the
	** scan's point as figures */
	char tg[32], mt[32], at[32];
	rl_number_write(row->target, tg, sizeof tg);
	/* (the figure with the digits that show it on the target's side:
	** rl_fig_text_target, as rl_solve's) */
	rl_fig_text_target(mt, sizeof mt, m, row->target,
	                   claim_target_at_most(row->target_kind));
	rl_fig_text(at, sizeof at, s->best_at);
	if (s->met_all)
		snprintf(row->s.reason, sizeof row->s.reason, "met over the whole "
		         "range of %s (%s %s %s everywhere): at worst %s at %s",
		         name, key, cmp, tg, mt, at);
	else if (s->feasible) {
		/* the value as rl_solve's (rl_fig_text_dir, toward the side
		** that reaches the target) */
		char rv[32];
		snprintf(row->s.reason, sizeof row->s.reason, "reaches %s %s %s "
		         "at %s %s %s", key, cmp, tg, name,
		         s->direction > 0 ? ">=" : "<=",
		         rl_fig_text_dir(rv, sizeof rv, s->value, s->direction));
	}
	else if (isfinite(s->metric))
		snprintf(row->s.reason, sizeof row->s.reason, "infeasible: %s at "
		         "best %s, at %s = %s (target %s %s %s)", key, mt, name,
		         at, key, cmp, tg);
}

void claim_breaks_at(const rl_config *cfg, const rl_param *p, double v,
                     char *buf, size_t len)
{
	rl_config c = *cfg;
	rl_silicon now, at;
	char err[256], ex[RL_V_KINDS][RL_V_TEXT_MAX];
	size_t n, i, k = 0;
	buf[0] = '\0';
	if (rl_silicon_derive(cfg, &now, err, sizeof err) != RL_OK)
		return;
	*rl_param_ptr(&c, p) = v * p->scale;
	if (rl_silicon_derive(&c, &at, err, sizeof err) != RL_OK)
		return;
	n = rl_silicon_explain(&c, &at, at.violations & ~now.violations, ex,
	                       sizeof ex / sizeof ex[0]);
	for (i = 0; i < n && k < len; i++)
		k += (size_t)snprintf(buf + k, len - k, "%s%s", i ? "; " : "",
		                      ex[i]);
}

int claim_solve_param(claim_report *rep, const char *name, double target,
                      claim_solve_row *row, char *err, size_t errlen)
{
	const rl_param *p;
	const claim_side *s;
	const rl_config *base;
	rl_config with_area;
	int area = 0;
	claim_metric_ud ud;
	const char *form;
	memset(row, 0, sizeof *row);
	if (!claim_side_name(name)) {
		snprintf(err, errlen, "--vary %s: expected a.section.key or "
		         "b.section.key (the side to vary)", name);
		return -1;
	}
	p = claim_side_param("--vary ", name, "", err, errlen);
	if (!p)
		return -1;
	s = side_for(rep, name[0], p, &form);
	base = (!strcmp(p->section, "design") || !strcmp(p->section, "node"))
	           ? &s->st.cfg : &s->cfg;
	if ((!strcmp(p->section, "design") || !strcmp(p->section, "node")) &&
	    base->chip.by_design < 0.5) {
		snprintf(err, errlen, "--vary %s: side %c is not a chip by design "
		         "(chip.by_design = false), so its %s parameters do not "
		         "act", name, name[0], p->section);
		return CLAIM_SOLVE_NA;
	}
	/* a block's share varied where the side gives its area in mm2, which
	** stands for the share (rl_design_resolved): the share would move
	** nothing */
	{
		const rl_param *q = rl_param_other_form(p);
		rl_config tmp = *base;
		if (q && !strncmp(p->key, "frac_", 5) &&
		    *rl_param_ptr(&tmp, q) > 0) {
			snprintf(err, errlen, "--vary %s: side %c gives that block's "
			         "area, design.%s, which stands for the share: vary "
			         "%c.design.%s", name, name[0], q->key, name[0], q->key);
			return CLAIM_SOLVE_NA;
		}
		/* a block's area varied where the side gives its share (its
		** X_mm2 0: "frac_X gives it"): the same die with the area
		** given, the share x die_mm2 (rl_design_resolved), so that its
		** value now is the area the die has, and 0, the share's
		** stand-in (a step there), is left out of the range as a TDP's
		** 0 is: 10x "still held with at most 3.25e-308 mm2" of MAC
		** arrays, the side's 162.8 mm2 read as 0 */
		if (q && strncmp(p->key, "frac_", 5)) {
			with_area = *base;
			if (!(*rl_param_ptr(&with_area, p) > 0))
				*rl_param_ptr(&with_area, p) =
				    *rl_param_ptr(&with_area, q) *
				    with_area.design.die_m2;
			base = &with_area;
			area = 1;
		}
	}
	/* a stack's capacity or bandwidth left at 0, the generation's: that
	** value in its place, so that its value now is the stack the design
	** has (Sohu by design's HBM3E 1200 GB/s read "at 0 GB/s") */
	if (!strcmp(p->section, "design") &&
	    (!strcmp(p->key, "hbm_stack_gb") || !strcmp(p->key, "hbm_stack_gbps"))) {
		double *v;
		with_area = *base;
		v = rl_param_ptr(&with_area, p);
		if (!(*v > 0)) {
			int gen = (int)with_area.design.hbm_gen;
			*v = !strcmp(p->key, "hbm_stack_gb") ? rl_hbm_stack_bytes(gen)
			                                      : rl_hbm_stack_Bps(gen);
			base = &with_area;
		}
	}
	/* the FMA units or transistors varied where the side gives the key
	** standing before them (rl_design_key_before: frac_mac,
	** density_mtr_per_mm2): nothing moves, which read "every FP16 FMA
	** units per package in its range ... meets it" of Sohu by design
	** (ux30) */
	if (!strcmp(p->section, "design")) {
		const char *before = rl_design_key_before(&base->design, p->key);
		if (before) {
			snprintf(err, errlen, "--vary %s: side %c gives design.%s, "
			         "which stands before design.%s (it moves nothing): "
			         "vary %c.design.%s", name, name[0], before, p->key,
			         name[0], before);
			return CLAIM_SOLVE_NA;
		}
	}
	/* a TDP binds only through the power model: a chip whose preset names
	** no node (Sohu as claimed) has none, and every TDP gives the same
	** speedup, which read as "does not raise the speedup ... at 0 W
	** already" */
	/* so too every power.* parameter, which read "20x is met already
	** (..., at 0 W): every idle and leakage power ... meets it" of Sohu
	** as claimed, where its TDP was refused (ux30) */
	int tdp_lever = !strcmp(p->section, "chip") && !strcmp(p->key, "tdp_w");
	if ((tdp_lever || !strcmp(p->section, "power")) &&
	    !rl_power_known(base)) {
		/* Sohu as claimed: the Sohu with a power model is by design,
		** whose TDP solve varies as a side of its own (b.design.* and
		** b.node.* alone reach the default's b') */
		char hint[160];
		snprintf(hint, sizeof hint, "; Sohu by design has one: --b "
		         "sohu-design,profile=etched-claim,tp=1,pp=1 --vary "
		         "b.%s.%s varies %s at its best mapping", p->section,
		         p->key, tdp_lever ? "its TDP" : "it");
		snprintf(err, errlen, "--vary %s: side %c (%s) has no power model "
		         "(its chip names no process node), so no %s acts on "
		         "it: its speedup is the same at every %s%s",
		         name, name[0], s->label,
		         tdp_lever ? "TDP" : "power.* parameter",
		         tdp_lever ? "TDP" : "value",
		         !strcmp(s->form, "as claimed") ? hint : "");
		return CLAIM_SOLVE_NA;
	}
	/* static power is derived from a measured idle where the chip gives
	** one (model/power.h): a static_w beside it is refused at every value
	** above 0, which read as "does not raise the speedup above 17.7x (...,
	** at 0 W already): the chip-to-chip links bind" */
	if (!strcmp(p->section, "power") && !strcmp(p->key, "static_w") &&
	    base->cost.idle_w > 0) {
		char iw[40];
		snprintf(err, errlen, "--vary %s: side %c's chip (%s) gives a "
		         "measured idle, power.idle_w %s W, from which its static "
		         "power is derived, and static_w is refused beside it: vary "
		         "%c.power.idle_w", name, name[0], s->st.chip_file,
		         rl_number_write(base->cost.idle_w, iw, sizeof iw), name[0]);
		return CLAIM_SOLVE_NA;
	}
	memset(&ud, 0, sizeof ud);
	ud.side = name[0] == 'b';
	if (ud.side) {
		ud.other = &rep->a.cfg;
		ud.other_tps = rep->a.r.total_tps;
	} else {
		ud.other = &rep->b.cfg;
		ud.other_tps = rep->b.r.total_tps;
	}
	snprintf(row->param, sizeof row->param, "%s", name);
	snprintf(row->form, sizeof row->form, "%s", form);
	snprintf(row->unit, sizeof row->unit, "%s", p->unit);
	snprintf(row->who, sizeof row->who, "%s", s->label);
	row->target = target;
	row->target_kind = ud.kind = rep->opts.target_kind;
	{
		rl_config tmp = *base;
		row->now = *rl_param_ptr(&tmp, p) / p->scale;
	}
	if (claim_target_metric(base, &ud, &row->nominal) != 0)
		row->nominal = NAN;
	else
		row->nominal = claim_target_shown(ud.kind, row->nominal);
	/* a figure of the side that eval gives as n/a (no power model: the
	** chip names no node; no price or cost) has no value to reach */
	if (ud.kind != CLAIM_T_SPEEDUP && !isfinite(row->nominal)) {
		char tg[40];
		snprintf(err, errlen, "--target %s=%s: side %c (%s) has no %s at "
		         "its value now (%s; eval gives it as n/a), so no value "
		         "of %s reaches it", claim_target_key(ud.kind),
		         rl_number_write(target, tg, sizeof tg),
		         name[0], s->label, claim_target_key(ud.kind),
		         ud.kind == CLAIM_T_TOKENS_PER_J && !rl_power_known(base)
		             ? "no power model: its chip names no process node"
		         : ud.kind >= CLAIM_T_USD_COST
		             ? "no cost or no price, or no power model"
		             : "it does not run there",
		         name + 2);
		return CLAIM_SOLVE_NA;
	}
	{
		/* the parameter's range (lo > hi), but for a TDP, whose 0 is no
		** limit, the most power of any: as the range's low end it made
		** the speedup fall from there to the first TDP the chip runs at,
		** so "3x needs at most 106 W" where 3x needs at least 170 (the
		** grid's own lowest positive point, max x 1e-7, instead) */
		/* so too profile.eff_compute_fp8, whose 0 is eff_compute's
		** share (model/micro.h): the H100's speedup jumped there from
		** the highest to 17.4x, and solve said "at least 2.1e-305%"
		** (ux16); every other such 0: the table's zero_other
		** (model/params.c), which ux30 found read as an answer: 15x
		** "needs at least 7.99e-65 pJ" of an FP8 FMA, whose 0 is
		** FP16's energy, where less energy raises the speedup */
		int tdp = p->zero_other;
		tdp = tdp || area; /* design.X_mm2's 0: the share gives it */
		/* a ceiling solved as its reciprocal's floor */
		int rc = rl_solve(base, p, tdp ? p->max * 1e-7 : 1,
		                  tdp ? p->max : 0, claim_target_metric, &ud,
		                  claim_target_at_most(ud.kind) ? 1.0 / target
		                                                : target,
		                  &row->s, err, errlen);
		if (rc != 0)
			return rc == RL_EINTERNAL ? RL_EINTERNAL : -1;
		if (ud.kind != CLAIM_T_SPEEDUP)
			target_reason(row, name);
	}
	/* what binds where the lever stops helping (the spec-sheet
	** parameters; a design or node parameter acts through the chip
	** rl_eval resolves, said where the speedup moves with it: the peak
	** at 3 HBM stacks of Sohu by design was said without a word of why,
	** compute binding there at the clock the TDP allows; not where it
	** is flat, as a wafer's price, nor where the one share or area set
	** alone does not evaluate) */
	if (!row->s.feasible && isfinite(row->s.best_at)) {
		/* on a plateau, past its knee: at the knee two limits tie */
		double v = row->s.best_at;
		int derived = !strcmp(p->section, "design") ||
		              !strcmp(p->section, "node");
		if (row->s.saturated)
			v += 0.5 * ((row->s.bound > 0 ? row->s.hi : row->s.lo) - v);
		if (!derived)
			binding(base, p, v, row->binds, sizeof row->binds);
		else if (isfinite(row->nominal) && isfinite(row->s.metric) &&
		         fabs(row->s.metric / row->nominal - 1) >= 1e-3 &&
		         binding(base, p, v, row->binds, sizeof row->binds))
			row->binds[0] = '\0';
	}
	/* a value that reaches the target on a die no one can build (20x
	** "needs at least 2092 mm2 of area of one die", past the 858 mm2
	** reticle, eval flagging it in silicon.violations): the constraints
	** it breaks that the design does not break now, said with it */
	if (row->s.feasible && !row->s.met_all && isfinite(row->s.value) &&
	    (!strcmp(p->section, "design") || !strcmp(p->section, "node")))
		claim_breaks_at(base, p, row->s.value, row->breaks,
		                sizeof row->breaks);
	/* an SRAM's size or read bandwidth moves nothing where serving reads
	** none of it (chip.sram_resident_share 0, every preset): said, where
	** the line gave no reason a designer could act on */
	if (!row->s.feasible && sram_capacity_lever(p) &&
	    !(base->chip.sram_resident_share > 0))
		snprintf(row->binds, sizeof row->binds,
		         "serving reads no SRAM capacity at "
		         "chip.sram_resident_share = 0 (its value here)");
	claim_solve_words(row, row->words, sizeof row->words);
	return 0;
}

/* peak FP8 TFLOPS of a chip by design */
static int peak_metric(const rl_config *cfg, void *ud, double *value)
{
	rl_silicon si;
	char err[256];
	(void)ud;
	if (rl_silicon_derive(cfg, &si, err, sizeof err) != RL_OK)
		return -1;
	*value = si.peak_flops_fp8 / 1e12;
	return *value > 0 ? 0 : -1;
}

/* One joint condition: the peak FP8 that reaches the target with the
** rest of side b as given (or relaxed), and what that peak means for the
** chip by design: its MAC-array share, die, clock and what it draws. */
typedef struct {
	int ok, feasible, met_all;  /* met_all: every peak meets it */
	double tflops, metric;      /* solved peak, or the best reached (the
	                               least, met_all) */
	double frac, die_mm2, ghz;  /* the chip by design at that peak; NAN */
	double watts, tdp;          /* drawn serving the workload; its TDP */
	char binds[128];            /* infeasible: what binds */
	char label[160];            /* the chip by design, or "" */
	char err[256];
	int oom;                    /* a solve out of memory (rep->oom) */
} joint_pt;

/* The MAC share of the chip by design whose FP8 peak is X TFLOPS, and
** what it draws serving the workload (no TDP limit), with `relax`
** applied (links and HBM at their table maxima). */
static void translate(const claim_report *rep, double X, int relax,
                      joint_pt *j)
{
	const claim_side *d = rep->have_bd ? &rep->bd
	                      : rep->b.st.cfg.chip.by_design > 0.5 ? &rep->b
	                                                           : NULL;
	const rl_param *pm = rl_param_find("design", "frac_mac");
	const rl_param *pl = rl_param_find("chip", "link_gbps");
	rl_solve_result fr;
	char err[256];
	rl_config c;
	rl_result r;
	int rc;
	j->frac = j->die_mm2 = j->ghz = j->watts = j->tdp = NAN;
	j->label[0] = 0;
	if (!d || !pm || !pl)
		return;
	/* the MAC share solved for: an area given in mm2 (design.mac_mm2,
	** which rl_design_resolved prefers) set aside */
	c = d->st.cfg;
	c.design.mac_m2 = 0;
	if ((rc = rl_solve(&c, pm, 1, 0, peak_metric, NULL, X, &fr, err,
	                   sizeof err)) != 0 || !fr.feasible) {
		j->oom = rc == RL_EINTERNAL;
		return;
	}
	snprintf(j->label, sizeof j->label, "%s", d->label);
	j->tdp = c.chip.tdp_w;
	c.design.frac_mac = fr.value;
	c.chip.tdp_w = 0;
	if (relax) {
		c.chip.link_Bps = pl->max * pl->scale;
		c.chip.link_latency_s = 0;
	}
	j->frac = fr.value;
	j->die_mm2 = c.design.die_m2 * 1e6;
	j->ghz = c.design.clock_hz / 1e9;
	if (rl_eval(&c, &r) == RL_OK)
		j->watts = r.power_w;
}

static void joint(const claim_report *rep, const rl_config *base,
                  const claim_metric_ud *ud, int relax, joint_pt *j)
{
	const rl_param *pp = rl_param_find("chip", "peak_tflops_fp8");
	rl_solve_result s;
	int rc;
	memset(j, 0, sizeof *j);
	if ((rc = rl_solve(base, pp, 1, 0, claim_speedup_metric, (void *)ud,
	                   rep->opts.target, &s, j->err, sizeof j->err)) != 0) {
		j->oom = rc == RL_EINTERNAL;
		return;
	}
	j->ok = 1;
	j->feasible = s.feasible;
	j->met_all = s.met_all;
	j->metric = s.metric;
	if (s.met_all)
		return;
	if (!s.feasible) {
		binding(base, pp, isfinite(s.best_at) ? s.best_at : 0, j->binds,
		        sizeof j->binds);
		return;
	}
	j->tflops = s.value;
	translate(rep, s.value, relax, j);
}

/* A peak in TFLOPS: "11.5 PFLOPS", or "9.0-11.5 PFLOPS" when the two
** differ. */
/* Do lo and hi print as a range (peak_range, kw_range), not one value? */
static int peak_is_range(double lo, double hi)
{
	return !(fabs(hi - lo) <= 0.005 * fabs(hi));
}

static int kw_is_range(double lo, double hi)
{
	return isfinite(lo) && isfinite(hi) && !(fabs(hi - lo) <= 0.05 * hi);
}

static void peak_range(double lo, double hi, char *buf, size_t len)
{
	char a[64], b[64];
	/* the peak needed is a floor, shown rounded up as solve's one lever
	** at a time shows it (words.c): "holds down to about 9.1 PFLOPS"
	** stood of 9.139, where 9.1 gives 19.9x and solve said 9.2 */
	claim_qty_dir("chip.peak_tflops_fp8", lo, 1, a, sizeof a);
	claim_qty_dir("chip.peak_tflops_fp8", hi, 1, b, sizeof b);
	if (!peak_is_range(lo, hi))
		snprintf(buf, len, "%s", b);
	else if (lo >= 1000 && hi >= 1000 && strchr(a, ' ')) {
		*strchr(a, ' ') = '\0';
		snprintf(buf, len, "%s-%s", a, b);
	}
	else
		snprintf(buf, len, "%s to %s", a, b);
}

static void kw_range(double lo, double hi, char *buf, size_t len)
{
	if (!isfinite(lo) || !isfinite(hi))
		snprintf(buf, len, "%s", "");
	else if (!kw_is_range(lo, hi))
		snprintf(buf, len, "%.1f kW", hi / 1000);
	else
		snprintf(buf, len, "%.1f-%.1f kW", fmin(lo, hi) / 1000,
		         fmax(lo, hi) / 1000);
}

/* One joint condition in words: "11.5 PFLOPS FP8, which is 24% of the
** 814 mm2 die in MAC arrays at 1.50 GHz (Sohu by design), drawing about
** 1.4 kW (its TDP: 700 W)". */
static void joint_text(const claim_report *rep, const char *when,
                       const joint_pt *j, char *m, size_t len)
{
	char peak[64], tail[1024] = "", x[40], tg[40], tw[40];
	double tgt = rep->opts.target;
	/* the target and the TDP as given, in all their digits (model/numtext.h),
	** where %g wrote 1e+06x and %.0f 712 W of 712.5 */
	rl_number_write(tgt, tg, sizeof tg);
	rl_number_write(j->tdp, tw, sizeof tw);
	if (!j->ok) {
		snprintf(m, len, "%s: not solved (%s)", when, j->err);
		return;
	}
	if (j->met_all) {
		snprintf(m, len, "%s: every peak FP8 per chip in its range meets "
		         "%sx", when, tg);
		return;
	}
	if (!j->feasible) {
		snprintf(m, len, "%s, no peak compute reaches %sx: more FLOPS stop "
		         "helping at %s; %s", when, tg,
		         claim_speedup_side(x, sizeof x, j->metric, tgt), j->binds);
		return;
	}
	claim_qty_dir("chip.peak_tflops_fp8", j->tflops, 1, peak, sizeof peak);
	/* its power against its TDP in words: "(its TDP: 700 W)" beside 1.4
	** kW left the reader to see that, held to it, the clock and the
	** speedup fall below the target (and read "(no TDP: 0 W)" where
	** none) */
	if (isfinite(j->frac) && isfinite(j->watts)) {
		char tdp[160];
		if (!(j->tdp > 0))
			snprintf(tdp, sizeof tdp, "with no TDP");
		else if (j->watts > j->tdp)
			snprintf(tdp, sizeof tdp, "over its %s W TDP, which held to "
			         "would lower its clock and the speedup below %sx",
			         tw, tg);
		else
			snprintf(tdp, sizeof tdp, "within its %s W TDP", tw);
		snprintf(tail, sizeof tail, ", which is %.0f%% of the %.0f mm2 die "
		         "in MAC arrays at %.2f GHz (%s), drawing about %.1f kW "
		         "serving this workload, %s", 100 * j->frac, j->die_mm2,
		         j->ghz, j->label, j->watts / 1000, tdp);
	}
	if (isfinite(j->frac) && !isfinite(j->watts))
		snprintf(tail, sizeof tail, ", which is %.0f%% of the %.0f mm2 die "
		         "in MAC arrays at %.2f GHz (%s); its power is unknown",
		         100 * j->frac, j->die_mm2, j->ghz, j->label);
	snprintf(m, len, "%s: %s FP8 per chip%s", when, peak, tail);
}

static void must_be_true(claim_report *rep)
{
	const rl_param *pp = rl_param_find("chip", "peak_tflops_fp8");
	const rl_param *pl = rl_param_find("chip", "link_gbps");
	const rl_param *ph = rl_param_find("chip", "hbm_tbps");
	claim_metric_ud ud;
	rl_solve_result s;
	rl_config relaxed, base;
	joint_pt jb, jr;
	char err[256], peak[160], now[64], kw[64], when[300], bind[128];
	static const char unlimited[] = "with unlimited chip-to-chip and HBM "
	                                "bandwidth";
	char x[40], already[80] = "", lead[120], tg[40], tw[40], hbm[48];
	char link[48];
	int met;
	double eff = rep->b.cfg.prof.eff_compute, tgt = rep->opts.target;
	char *m;
	if (!pp || !pl || !ph || rep->b.cfg.chip.peak_flops_fp8 <= 0)
		return;
	memset(&ud, 0, sizeof ud);
	ud.side = 1;
	ud.other = &rep->a.cfg;
	ud.other_tps = rep->a.r.total_tps;

	/* peak compute alone, everything else of side b as it is except a
	** TDP: what the peak draws is the consequence reported; then the same
	** with interconnect unlimited (table maximum, no latency) and the HBM
	** bandwidth at its table maximum */
	base = rep->b.cfg;
	base.chip.tdp_w = 0;
	relaxed = base;
	relaxed.chip.link_Bps = pl->max * pl->scale;
	relaxed.chip.link_latency_s = 0;
	relaxed.chip.hbm_Bps = ph->max * ph->scale;
	joint(rep, &base, &ud, 0, &jb);
	joint(rep, &relaxed, &ud, 1, &jr);
	if (jb.oom || jr.oom) {
		rep->oom = 1;
		return;
	}

	/* the headline: the peak needed between the two, and the power */
	m = rep->must[rep->nmust++];
	claim_qty_given("chip.peak_tflops_fp8",
	                rep->b.cfg.chip.peak_flops_fp8 / 1e12, now, sizeof now);
	/* the target is a floor (model/solve.h): met at side b's speedup
	** now, the peak found is the least that still meets it, and where
	** every peak meets it none is needed ("needs about n/a to n/a FP8"
	** stood of a target below the speedup) */
	met = rep->speedup_total >= tgt;
	/* the target as given, in all its digits (1000000x, where %g wrote
	** 1e+06x), as solve's reason lines write it */
	rl_number_write(tgt, tg, sizeof tg);
	if (met)
		snprintf(already, sizeof already, "%sx is met already (%s now)",
		         tg, claim_speedup_side(x, sizeof x, rep->speedup_total,
		                                tgt));
	if (met)
		snprintf(lead, sizeof lead, "%s; it holds down to", already);
	else
		snprintf(lead, sizeof lead, "%sx needs", tg);
	if (jb.ok && jb.met_all) {
		snprintf(m, CLAIM_MUST_LEN, "%s at every peak FP8 per chip in its "
		         "range, %s's other values as assumed (it assumes %s)",
		         already, rep->b.label, now);
	} else if (jb.ok && jb.feasible && jr.ok && jr.met_all) {
		claim_qty_dir("chip.peak_tflops_fp8", jb.tflops, 1, peak,
		              sizeof peak);
		snprintf(m, CLAIM_MUST_LEN, "%s about %s FP8 per chip at %.0f%% "
		         "utilization with chip-to-chip and HBM bandwidth as "
		         "assumed, and any peak with both unlimited (%s assumes "
		         "%s)", lead, peak, eff * 100, rep->b.label, now);
	} else if (jb.ok && jb.feasible && jr.ok && jr.feasible) {
		peak_range(jr.tflops, jb.tflops, peak, sizeof peak);
		kw_range(jr.watts, jb.watts, kw, sizeof kw);
		/* the power is what that peak draws, as the lines under it
		** say ("drawing about 1.4 kW serving this workload"): "holds
		** down to about 9.2 PFLOPS ... and about 1.4 kW" read as a
		** second floor, of power */
		snprintf(m, CLAIM_MUST_LEN, "%s about %s FP8 per chip at "
		         "%.0f%% utilization (%s assumes %s)%s%s%s", lead,
		         peak, eff * 100,
		         rep->b.label, now, kw[0] ? ", drawing about " : "", kw,
		         kw[0] ? " per chip serving this workload" : "");
		if (kw[0] && jb.tdp > 0) {
			size_t used = strlen(m);
			snprintf(m + used, CLAIM_MUST_LEN - used, ", %s the %s W TDP assumed "
			         "for %s", jb.watts > jb.tdp ? "above" : "within",
			         rl_number_write(jb.tdp, tw, sizeof tw), jb.label);
		}
		/* a range's low end is the peak with unlimited chip-to-chip and
		** HBM bandwidth: say so, where "needs about 9.0-11.5 PFLOPS"
		** read as if 9.0 held at the stated bandwidths */
		if (peak_is_range(jr.tflops, jb.tflops)) {
			size_t used = strlen(m);
			int two = kw_is_range(jr.watts, jb.watts);
			snprintf(m + used, CLAIM_MUST_LEN - used, "; the low end%s "
			         "only with unlimited chip-to-chip and HBM bandwidth, "
			         "the high end%s with both as assumed",
			         two ? "s hold" : " holds", two ? "s" : "");
		}
	} else if (jr.ok && jr.feasible) {
		claim_qty_dir("chip.peak_tflops_fp8", jr.tflops, 1, peak,
		              sizeof peak);
		snprintf(m, CLAIM_MUST_LEN, "%sx needs unlimited chip-to-chip and HBM "
		         "bandwidth and then about %s FP8 per chip at %.0f%% "
		         "utilization (%s assumes %s)", tg, peak, eff * 100,
		         rep->b.label, now);
	} else {
		snprintf(m, CLAIM_MUST_LEN, "%sx is out of reach by peak compute: more FLOPS "
		         "stop helping at %s (%s)", tg,
		         claim_speedup_side(x, sizeof x,
		                             jr.ok ? jr.metric : jb.metric, tgt),
		         jr.ok ? jr.binds : jb.binds);
	}

	/* the bandwidths as assumed, as they are (claim_qty_given: the
	** H100's 3.35 TB/s, where %.1f wrote 3.4) */
	claim_qty_given("chip.hbm_tbps", base.chip.hbm_Bps / 1e12, hbm,
	                sizeof hbm);
	claim_qty_given("chip.link_gbps", base.chip.link_Bps / 1e9, link,
	                sizeof link);
	snprintf(when, sizeof when, "with HBM (%s) and links (%s) as assumed",
	         hbm, link);
	joint_text(rep, when, &jb, rep->must[rep->nmust++], CLAIM_MUST_LEN);
	joint_text(rep, unlimited, &jr, rep->must[rep->nmust], CLAIM_MUST_LEN);
	/* where neither bandwidth limits side b (Sohu as claimed at TP1 x PP1
	** x DP8: nothing crosses chips, HBM not the bound) the two bullets
	** came out word for word the same after their "with ...": the
	** second says so, where the reader compared two long lines to find
	** no difference */
	if (!strcmp(rep->must[rep->nmust] + strlen(unlimited),
	            rep->must[rep->nmust - 1] + strlen(when)))
		snprintf(rep->must[rep->nmust], CLAIM_MUST_LEN, "%s: the same, "
		         "to the digits shown (neither bandwidth is what limits "
		         "it)", unlimited);
	rep->nmust++;

	/* jointly with the link bandwidth (as the sweep sohu-link-vs-flops
	** draws): the peak needed at 1, 2, 4, 8 and 16 times the stated link
	** bandwidth, the rest as assumed */
	if (base.chip.link_Bps > 0 && rep->nmust < CLAIM_MUST_MAX &&
	    !(rep->b.r.prefill.link_bytes > 0) &&
	    !(rep->b.r.decode.link_bytes > 0)) {
		char mw[64];
		snprintf(rep->must[rep->nmust++], CLAIM_MUST_LEN, "the chip-to-chip "
		         "bandwidth does not enter: at %s's mapping (%s) nothing "
		         "crosses between chips, so the peak needed is the same at "
		         "any link bandwidth", rep->b.label,
		         rl_mapping_words(mw, sizeof mw, base.scen.tp,
		                             base.scen.pp, rl_scen_chips(&base.scen) /
		                             (base.scen.tp * base.scen.pp), 1));
	} else if (base.chip.link_Bps > 0 && rep->nmust < CLAIM_MUST_MAX) {
		size_t used;
		int k;
		m = rep->must[rep->nmust++];
		used = (size_t)snprintf(m, CLAIM_MUST_LEN, "peak FP8 needed at each "
		                        "chip-to-chip bandwidth (%s, the rest "
		                        "as assumed):", rep->b.label);
		for (k = 0; k < 5 && used < CLAIM_MUST_LEN; k++) {
			rl_config c = base;
			double mult = (double)(1 << k);
			c.chip.link_Bps = base.chip.link_Bps * mult;
			int rc = rl_solve(&c, pp, 1, 0, claim_speedup_metric, &ud,
			                  tgt, &s, err, sizeof err);
			if (rc != 0) {
				rep->oom |= rc == RL_EINTERNAL;
				break;
			}
			/* a floor, shown rounded up as the headline's
			** (joint_text): to the nearest, 9.139 PFLOPS read 9.1,
			** which gives 19.9x */
			claim_qty_dir("chip.peak_tflops_fp8", s.value, 1, peak,
			              sizeof peak);
			if (s.met_all)
				snprintf(peak, sizeof peak, "any");
			if (s.feasible) {
				used += (size_t)snprintf(m + used, CLAIM_MUST_LEN - used, "%s %.0f "
				                         "GB/s: %s", k ? ";" : "",
				                         c.chip.link_Bps / 1e9, peak);
			} else {
				binding(&c, pp, isfinite(s.best_at) ? s.best_at : 0,
				        bind, sizeof bind);
				used += (size_t)snprintf(m + used, CLAIM_MUST_LEN - used, "%s %.0f "
				                         "GB/s: none (at most %s; %s)",
				                         k ? ";" : "",
				                         c.chip.link_Bps / 1e9,
				                         claim_speedup_side(x, sizeof x,
				                                             s.metric, tgt),
				                         bind);
			}
		}
	}
}

/* The utilization lever of side a or b ("a.profile.eff_compute") as the
** engine reads it (rl_gemm_eff_large, model/micro.h): at an FP8 or FP4
** matrix precision the profile's eff_compute_fp8 where set.  The H100's
** FP8 GEMMs run at trtllm-0.10's eff_compute_fp8 (0.71), and its BF16
** eff_compute moves only the 16-bit LM head: "20x also follows if the
** baseline's utilization were at most 0.38% (modelled: 78%)" (ux16). */
static const char *utilization_lever(const claim_report *rep,
                                     const char *param)
{
	const claim_side *s = param[0] == 'a' ? &rep->a : &rep->b;
	int mp = rl_matrix_prec(&s->cfg.scen);
	if (strcmp(param + 1, ".profile.eff_compute") ||
	    rl_gemm_eff_large(&s->cfg.prof, mp) == s->cfg.prof.eff_compute)
		return param;
	return param[0] == 'a' ? "a.profile.eff_compute_fp8"
	                       : "b.profile.eff_compute_fp8";
}

static void default_solves(claim_report *rep)
{
	static const char *const b_params[] = {
	    "b.chip.peak_tflops_fp8", "b.profile.eff_compute",
	    "b.chip.hbm_tbps", "b.chip.link_gbps", "a.profile.eff_compute",
	    "b.design.frac_mac", "b.design.clock_ghz", NULL};
	size_t i;
	for (i = 0; b_params[i] && rep->nsolve < CLAIM_SOLVE_MAX; i++) {
		char err[512];
		const char *param = utilization_lever(rep, b_params[i]);
		const rl_param *p = rl_param_find_full(param + 2);
		const char *form;
		const claim_side *s;
		if (!p)
			continue;
		s = side_for(rep, param[0], p, &form);
		if ((!strcmp(p->section, "design")) &&
		    s->st.cfg.chip.by_design < 0.5)
			continue;
		int rc = claim_solve_param(rep, param, rep->opts.target,
		                           &rep->solve[rep->nsolve], err,
		                           sizeof err);
		if (rc == 0)
			rep->nsolve++;
		rep->oom |= rc == RL_EINTERNAL;
	}
}

/* The index in u of side b's utilization (b.profile.eff_compute), -1
** where the file does not vary it. */
static long util_index(const claim_uncertainty *u)
{
	const rl_param *p = rl_param_find("profile", "eff_compute");
	size_t i;
	for (i = 0; i < u->n; i++)
		if (u->u[i].side == 1 && u->u[i].p == p)
			return (long)i;
	return -1;
}

/* The Monte Carlo's options over uncertainty file u */
static rl_mc_opts mc_opts_of(const claim_report *rep,
                             const claim_uncertainty *u)
{
	rl_mc_opts o = rep->mco;
	o.samples = (size_t)rep->opts.samples;
	o.seed = rep->opts.seed;
	o.threads = rep->opts.threads;
	o.target = rep->opts.target;
	o.power_cap_w = u->power_cap_w;
	o.remap_b = rep->b_remapped;
	return o;
}

/* tornado and Monte Carlo of side b against a over an uncertainty file */
static int uncertainty_of(claim_report *rep, const claim_side *a,
                          const claim_side *b, const claim_uncertainty *u,
                          rl_tornado_row *torn, rl_mc_result **mc,
                          double *secs, char *err, size_t errlen)
{
	struct timespec t0, t1;
	rl_mc_opts o = mc_opts_of(rep, u);
	if (rl_tornado(&a->st.cfg, &b->st.cfg, u->u, u->n, torn, err, errlen))
		return -1;
	if (o.samples == 0)
		return 0;
	*mc = rl_mc_alloc(o.samples);
	/* side b's (the verdict's): every draw kept, for the ranges
	** narrowed one at a time (range_robustness) */
	if (!*mc || (u == &rep->unc && util_index(u) >= 0 &&
	             rl_mc_record(*mc, (size_t)util_index(u))) ||
	    (u == &rep->unc && rl_mc_record_all(*mc, u->n))) {
		snprintf(err, errlen, "out of memory for %zu samples", o.samples);
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (rl_mc_run(&a->st.cfg, &b->st.cfg, u->u, u->n, &o, *mc, err, errlen))
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	*secs = (double)(t1.tv_sec - t0.tv_sec) +
	        (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
	return 0;
}

/* The verdict's Monte Carlo again with every range of side b's
** uncertainty file narrowed toward its stated value (model/mcrobust.h),
** and the one range that moves P(>= target) most narrowed alone. */
static int range_robustness(claim_report *rep, char *err, size_t errlen)
{
	double stated[CLAIM_UNC_MAX];
	rl_mc_opts o = mc_opts_of(rep, &rep->unc);
	size_t k;
	for (k = 0; k < rep->unc.n; k++) {
		const rl_uparam *u = &rep->unc.u[k];
		stated[k] = claim_stated_value(u->side ? &rep->b.st.cfg
		                                       : &rep->a.st.cfg, u->p);
	}
	int rc = rl_mc_robust(&rep->a.st.cfg, &rep->b.st.cfg, rep->unc.u,
	                      rep->unc.n, stated, &o, rep->mc, &rep->robust,
	                      rep->robust_skipped, sizeof rep->robust_skipped);
	/* a range that cannot be narrowed: the block says why, the rest of
	** the claim stands */
	if (rc == 1)
		return 0;
	if (rc) {
		snprintf(err, errlen, "%s", rep->robust_skipped);
		rep->robust_skipped[0] = '\0';
		return -1;
	}
	rep->robust_skipped[0] = '\0';
	rep->have_robust = 1;
	claim_robust_summarize(&rep->robust, rep->unc.u, rep->opts.seed,
	                       rep->b_default, &rep->robust_sum);
	return 0;
}

/* Run side s at mapping e of its chips. */
static void remap(claim_side *s, const rl_map_entry *e)
{
	double chips = rl_scen_chips(&s->cfg.scen);
	rl_scenario *sc[2] = {&s->cfg.scen, &s->st.cfg.scen};
	int i;
	for (i = 0; i < 2; i++) {
		sc[i]->chips = chips;
		sc[i]->tp = e->tp;
		sc[i]->pp = e->pp;
		sc[i]->ep = e->ep;
	}
	s->ok = rl_eval(&s->cfg, &s->r) == RL_OK;
}

static size_t search(const claim_side *s, rl_map_entry *e)
{
	size_t n = rl_map_search(&s->cfg, NULL, e, CLAIM_MAP_MAX);
	return n < CLAIM_MAP_MAX ? n : CLAIM_MAP_MAX;
}

/* Every legal mapping of each side's chips.  Side a keeps the mapping
** that was measured (its best is a second baseline).  Sohu as claimed (and
** by design), the default side b, takes its best mapping: "8-way model
** parallel" names no mapping.  A side b named on the command line keeps
** the mapping it was given.  The factors, solves and tornado that follow
** use side b at that mapping, held fixed; the Monte Carlo chooses side b's
** mapping again in every sample (the best of every legal mapping at the
** sample's values: a slow link or a small memory can move it) and counts
** how often each one wins. */
static const double claim_tdps_w[3] = {700, 1000, 0};

/* Sohu by design at TDPs of 700 W, 1000 W and none: where power binds. */
static void tdp_speedups(claim_report *rep)
{
	size_t i;
	for (i = 0; i < 3; i++) {
		rl_config c = rep->bd.cfg;
		rl_result r;
		c.chip.tdp_w = claim_tdps_w[i];
		/* (over the TDP at every clock: no speedup, rl_eval_runnable) */
		rep->tdp_speedup[i] = rl_eval_runnable(rl_eval(&c, &r), &r) == RL_OK
		                          ? r.total_tps / rep->a.r.total_tps
		                          : NAN;
	}
}

void claim_map_sides(claim_report *rep)
{
	const rl_scenario *sb = &rep->b.cfg.scen;
	rep->nmap_a = search(&rep->a, rep->map_a);
	rep->nmap_b = search(&rep->b, rep->map_b);
	rep->b_given_tp = sb->tp;
	rep->b_given_pp = sb->pp;
	rep->b_given_ep = sb->ep;
	rep->b_given_total = rep->b.r.total_tps;
	rep->b_given_r = rep->b.r;
	if (!rep->b_default || rep->nmap_b == 0 || rep->map_b[0].rc != RL_OK)
		return;
	remap(&rep->b, &rep->map_b[0]);
	rep->b_remapped = 1;
	if (rep->have_bd) {
		rl_map_entry e[CLAIM_MAP_MAX];
		if (search(&rep->bd, e) > 0 && e[0].rc == RL_OK) {
			remap(&rep->bd, &e[0]);
			rep->bd_remapped = 1;
		}
		tdp_speedups(rep);
	}
}

const char *claim_bd_mapping_note(const claim_report *rep)
{
	if (rep->bd_remapped)
		return " (its best mapping, as claim runs it)";
	if (rep->b_remapped)
		return " (the mapping the scenario names: no mapping of its chips "
		       "runs, so it was not remapped as side b was)";
	return "";
}

/* The side's throughput at CLAIM_BATCH_POINTS batch caps spaced evenly in
** log from 1 to its concurrency (repeats left out). */
static void batch_curve(claim_side *s)
{
	double maxc = ceil(s->r.concurrency), last = -1;
	int k;
	s->nbatch = 0;
	if (!(maxc >= 1))
		maxc = 1;
	for (k = 0; k < CLAIM_BATCH_POINTS; k++) {
		double b = round(pow(maxc, (double)k / (CLAIM_BATCH_POINTS - 1)));
		rl_config c = s->st.cfg;
		rl_result r;
		claim_batch_pt *pt;
		if (b <= last)
			continue;
		last = b;
		c.scen.batch = b;
		/* (a cap at which the side is over its TDP at every clock is
		** left out: its throughput is at full clock, one it cannot run
		** at, which the report's interactivity chart drew, 20x the
		** side's own at 108 W; rl_eval_runnable) */
		if (rl_eval_runnable(rl_eval(&c, &r), &r) != RL_OK)
			continue;
		pt = &s->batch[s->nbatch++];
		pt->batch = b;
		pt->output_tps = r.output_tps;
		pt->total_tps = r.total_tps;
		pt->tpot_s = r.tpot_s;
	}
}

int claim_compute(claim_report *rep, char *err, size_t errlen)
{
	int rc;
	claim_map_sides(rep);
	rep->speedup_total = rep->b.r.total_tps / rep->a.r.total_tps;
	rep->speedup_output = rep->b.r.output_tps / rep->a.r.output_tps;
	rep->oom |= factors_of(&rep->a, &rep->b, rep->f, &rep->nf, rep->phi,
	                       &rep->factors_ratio, &rep->factors_ok,
	                       rep->factors_err, sizeof rep->factors_err);
	if (rep->have_bd) {
		rep->bd_speedup_total = rep->bd.r.total_tps / rep->a.r.total_tps;
		rep->bd_speedup_output = rep->bd.r.output_tps / rep->a.r.output_tps;
		rep->oom |= factors_of(&rep->a, &rep->bd, rep->fd, &rep->nfd,
		                       rep->phid, &rep->factors_d_ratio,
		                       &rep->factors_d_ok, rep->factors_d_err,
		                       sizeof rep->factors_d_err);
	}
	default_solves(rep);
	must_be_true(rep);
	claim_map_points(rep);
	if (rep->oom) {
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}

	if (rep->have_unc) {
		rep->mco.samples = (size_t)rep->opts.samples;
		rep->mco.seed = rep->opts.seed;
		rep->mco.threads = rep->opts.threads;
		rep->mco.target = rep->opts.target;
		if (uncertainty_of(rep, &rep->a, &rep->b, &rep->unc, rep->torn,
		                   &rep->mc, &rep->mc_seconds, err, errlen))
			return RL_EINTERNAL;
		if (rep->mc && range_robustness(rep, err, errlen))
			return RL_EINTERNAL;
	}
	if (rep->have_unc_d &&
	    uncertainty_of(rep, &rep->a, &rep->bd, &rep->unc_d, rep->torn_d,
	                   &rep->mc_d, &rep->mc_d_seconds, err, errlen))
		return RL_EINTERNAL;
	batch_curve(&rep->a);
	batch_curve(&rep->b);
	if (rep->have_bd)
		batch_curve(&rep->bd);
	rc = claim_checks(rep, err, errlen);
	/* the Monte Carlo at Etched's claimed utilization and above (its
	** value read by claim_checks from the claims file) */
	if (rc == RL_OK && rep->mc && rep->mc->drawn && rep->claimed_util > 0) {
		rc = claim_mc_given_of(rep->mc, rep->claimed_util,
		                       rep->opts.target, &rep->given);
		rep->have_given = rc == 0;
		if (rc == RL_EINTERNAL)
			snprintf(err, errlen, "out of memory");
		else
			rc = RL_OK;
	}
	return rc;
}
