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

#include "../model/params.h"
#include "../model/silicon.h"
#include "claim.h"

#define DEFAULT_A "h100-sxm,profile=trtllm-0.10,label=8x H100 (TensorRT-LLM 0.10)"
#define DEFAULT_B "sohu,profile=etched-claim,label=8x Sohu (as claimed)"
#define DEFAULT_BD "sohu-design,profile=etched-claim,label=8x Sohu (by design)"

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
	free(rep);
}

int claim_prepare(claim_report *rep, char *err, size_t errlen)
{
	claim_opts *o = &rep->opts;
	claim_spec spec;
	char path[1024], msg[1024];
	int default_b = !o->b.given;

	snprintf(rep->scenario, sizeof rep->scenario, "%s", o->scenario);
	rep->b_default = default_b;
	if (!o->a.given && claim_spec_parse(DEFAULT_A, &o->a, err, errlen))
		return RL_EINTERNAL;
	if (default_b && claim_spec_parse(DEFAULT_B, &o->b, err, errlen))
		return RL_EINTERNAL;
	if (claim_side_load(&o->a, o->scenario, NULL, NULL, &rep->a, msg,
	                    sizeof msg)) {
		snprintf(err, errlen, "%s%sside a (%s): %s", o->a.where,
		         o->a.where[0] ? ": [a]: " : "", o->a.chip, msg);
		return RL_EINPUT;
	}
	if (claim_side_load(&o->b, o->scenario, NULL,
	                    default_b ? "as claimed" : NULL, &rep->b, msg,
	                    sizeof msg)) {
		snprintf(err, errlen, "%s%sside b (%s): %s", o->b.where,
		         o->b.where[0] ? ": [b]: " : "", o->b.chip, msg);
		return RL_EINPUT;
	}
	/* Sohu by design, when its preset exists */
	if (default_b && !o->no_design &&
	    preset_path("chip", "sohu-design", path, sizeof path, msg,
	                sizeof msg) == 0) {
		if (claim_spec_parse(DEFAULT_BD, &spec, err, errlen))
			return RL_EINTERNAL;
		if (claim_side_load(&spec, o->scenario, NULL, "by design",
		                    &rep->bd, msg, sizeof msg)) {
			snprintf(err, errlen, "side b by design (sohu-design): %s",
			         msg);
			return RL_EINPUT;
		}
		rep->have_bd = 1;
	}
	if (!o->no_uncertainty && (o->uncertainty || default_b)) {
		const char *name = o->uncertainty ? o->uncertainty : "sohu";
		if (claim_uncertainty_read(name, &rep->unc, err, errlen))
			return RL_EINPUT;
		rep->have_unc = 1;
	}
	if (rep->have_bd && !o->no_uncertainty &&
	    preset_path("uncertainty", "sohu-design", path, sizeof path, msg,
	                sizeof msg) == 0) {
		if (claim_uncertainty_read("sohu-design", &rep->unc_d, err, errlen))
			return RL_EINPUT;
		rep->have_unc_d = 1;
	}
	return RL_OK;
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

static void factors_of(const claim_side *a, const claim_side *b,
                       rl_factor *f, size_t *nf, double *phi, double *ratio,
                       int *ok, char *err, size_t errlen)
{
	*nf = rl_claim_factors(f);
	*nf = rl_factors_add_other(&a->cfg, &b->cfg, f, *nf);
	*ok = rl_shapley(&a->cfg, &b->cfg, f, *nf, tps_metric, NULL, phi,
	                 ratio, err, errlen) == 0;
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

static void binding(const rl_config *base, const rl_param *p, double v,
                    char *buf, size_t len)
{
	rl_config c = *base;
	rl_result r;
	*rl_param_ptr(&c, p) = v * p->scale;
	if (rl_eval(&c, &r) != RL_OK) {
		snprintf(buf, len, "not evaluable");
		return;
	}
	snprintf(buf, len, "prefill %s-bound, decode %s-bound",
	         rl_bound_name(r.prefill_bound), rl_bound_name(r.decode_bound));
}

int claim_solve_param(claim_report *rep, const char *name, double target,
                      claim_solve_row *row, char *err, size_t errlen)
{
	const rl_param *p;
	const claim_side *s;
	const rl_config *base;
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
		return -1;
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
	row->target = target;
	if (rl_solve(base, p, 1, 0, claim_speedup_metric, &ud, target, &row->s,
	             err, errlen) != 0)
		return -1;
	/* what binds where the lever stops helping (the spec-sheet
	** parameters; a design parameter acts through the resolved chip) */
	if (!row->s.feasible && isfinite(row->s.best_at) &&
	    strcmp(p->section, "design") && strcmp(p->section, "node"))
		binding(base, p, row->s.best_at, row->binds, sizeof row->binds);
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

/* ", which needs Y% of the die in MAC arrays ... and draws Z W": the
** MAC share of the chip by design whose FP8 peak is X TFLOPS, and what
** it draws serving the workload (no TDP limit), with `relax` applied. */
static void translate(const claim_report *rep, double X, int relax, char *m,
                      size_t len)
{
	const claim_side *d = rep->have_bd ? &rep->bd
	                      : rep->b.st.cfg.chip.by_design > 0.5 ? &rep->b
	                                                           : NULL;
	const rl_param *pm = rl_param_find("design", "frac_mac");
	rl_solve_result fr;
	char err[256];
	size_t used = strlen(m);
	rl_config c;
	rl_result r;
	double tdp;
	if (!d || !pm) {
		snprintf(m + used, len - used, "; no chip by design to translate "
		         "it into die area and power");
		return;
	}
	if (rl_solve(&d->st.cfg, pm, 1, 0, peak_metric, NULL, X, &fr, err,
	             sizeof err) != 0 || !fr.feasible) {
		snprintf(m + used, len - used, ", which no MAC-array share of "
		         "%.60s's die reaches (%.200s)", d->label,
		         fr.reason);
		return;
	}
	c = d->st.cfg;
	tdp = c.chip.tdp_w;
	c.design.frac_mac = fr.value;
	c.chip.tdp_w = 0;
	if (relax) {
		c.chip.link_Bps = rl_param_find("chip", "link_gbps")->max * 1e9;
		c.chip.link_latency_s = 0;
	}
	if (rl_eval(&c, &r) != RL_OK)
		r.power_w = NAN;
	used += (size_t)snprintf(m + used, len - used,
	                         ", which needs %.1f%% of the die in MAC arrays "
	                         "(%.60s: %.0f mm2 at %.2f GHz)", fr.value * 100,
	                         d->label, c.design.die_m2 * 1e6,
	                         c.design.clock_hz / 1e9);
	if (used >= len)
		return;
	if (isfinite(r.power_w))
		snprintf(m + used, len - used, " and draws %.0f W serving this "
		         "workload (%s %.0f W)", r.power_w,
		         tdp > 0 ? "its TDP:" : "no TDP; cap", tdp > 0 ? tdp
		         : rep->unc.power_cap_w);
	else
		snprintf(m + used, len - used, "; its power is unknown (no node "
		         "energies)");
}

static void must_be_true(claim_report *rep)
{
	const rl_param *pp = rl_param_find("chip", "peak_tflops_fp8");
	const rl_param *pl = rl_param_find("chip", "link_gbps");
	const rl_param *ph = rl_param_find("chip", "hbm_tbps");
	claim_metric_ud ud;
	rl_solve_result s;
	rl_config relaxed, base;
	char err[256], bind[128];
	double eff = rep->b.cfg.prof.eff_compute, tgt = rep->opts.target;
	char *m;
	if (!pp || !pl || !ph || rep->b.cfg.chip.peak_flops_fp8 <= 0)
		return;
	memset(&ud, 0, sizeof ud);
	ud.side = 1;
	ud.other = &rep->a.cfg;
	ud.other_tps = rep->a.r.total_tps;

	/* 1: peak compute alone, everything else of side b as it is except
	** a TDP: what the peak draws is the consequence reported */
	base = rep->b.cfg;
	base.chip.tdp_w = 0;
	m = rep->must[rep->nmust++];
	if (rl_solve(&base, pp, 1, 0, claim_speedup_metric, &ud, tgt, &s,
	             err, sizeof err) != 0)
		snprintf(m, 512, "peak compute: %s", err);
	else if (!s.feasible) {
		binding(&base, pp, isfinite(s.best_at) ? s.best_at : 0, bind,
		        sizeof bind);
		snprintf(m, 512, "%gx cannot be reached by peak compute alone "
		         "(%.80s): more FLOPS stop helping at %.2fx (%s there)",
		         tgt, rep->b.label, s.metric, bind);
	} else {
		snprintf(m, 512, "%gx needs at least %.0f TFLOPS FP8 at %.0f%% "
		         "utilization (%.80s, its other assumptions fixed, no TDP "
		         "limit)", tgt,
		         s.value, eff * 100, rep->b.label);
		translate(rep, s.value, 0, m, 512);
	}

	/* 2: the same with interconnect unlimited (table maximum, no
	** latency) and the HBM bandwidth at its table maximum */
	relaxed = base;
	relaxed.chip.link_Bps = pl->max * pl->scale;
	relaxed.chip.link_latency_s = 0;
	relaxed.chip.hbm_Bps = ph->max * ph->scale;
	m = rep->must[rep->nmust++];
	if (rl_solve(&relaxed, pp, 1, 0, claim_speedup_metric, &ud, tgt, &s,
	             err, sizeof err) != 0)
		snprintf(m, 512, "peak compute: %s", err);
	else if (!s.feasible) {
		binding(&relaxed, pp, isfinite(s.best_at) ? s.best_at : 0, bind,
		        sizeof bind);
		snprintf(m, 512, "even with unlimited interconnect and HBM "
		         "bandwidth, %gx is out of reach: at most %.2fx (%s)", tgt,
		         s.metric, bind);
	} else {
		snprintf(m, 512, "with unlimited interconnect and HBM bandwidth, "
		         "%gx needs at least %.0f TFLOPS FP8 at %.0f%% utilization",
		         tgt, s.value, eff * 100);
		translate(rep, s.value, 1, m, 512);
	}

	/* 3: jointly with the link bandwidth (as the sweep
	** sohu-link-vs-flops draws): the peak needed at 1, 2, 4, 8 and 16
	** times the stated link bandwidth, the rest as assumed */
	if (base.chip.link_Bps > 0 && rep->nmust < CLAIM_MUST_MAX &&
	    !(rep->b.r.prefill.link_bytes > 0) &&
	    !(rep->b.r.decode.link_bytes > 0)) {
		snprintf(rep->must[rep->nmust++], 512, "the link bandwidth does "
		         "not enter at %.80s's mapping (TP%g x PP%g: no traffic "
		         "between chips), so the peak needed is the same at any "
		         "link bandwidth", rep->b.label, base.scen.tp,
		         base.scen.pp);
	} else if (base.chip.link_Bps > 0 && rep->nmust < CLAIM_MUST_MAX) {
		size_t used;
		int k;
		m = rep->must[rep->nmust++];
		used = (size_t)snprintf(m, 512, "jointly with the link bandwidth "
		                        "(%.80s, the rest as assumed):",
		                        rep->b.label);
		for (k = 0; k < 5 && used < 512; k++) {
			rl_config c = base;
			double mult = (double)(1 << k);
			c.chip.link_Bps = base.chip.link_Bps * mult;
			if (rl_solve(&c, pp, 1, 0, claim_speedup_metric, &ud, tgt, &s,
			             err, sizeof err) != 0)
				break;
			if (s.feasible)
				used += (size_t)snprintf(m + used, 512 - used, "%s %.0f "
				                         "GB/s: %.0f TFLOPS FP8", k ? ";" :
				                         "", c.chip.link_Bps / 1e9,
				                         s.value);
			else
				used += (size_t)snprintf(m + used, 512 - used, "%s %.0f "
				                         "GB/s: no peak reaches %gx (at most "
				                         "%.2fx)", k ? ";" : "",
				                         c.chip.link_Bps / 1e9, tgt,
				                         s.metric);
		}
	}
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
		const rl_param *p = rl_param_find_full(b_params[i] + 2);
		const char *form;
		const claim_side *s;
		if (!p)
			continue;
		s = side_for(rep, b_params[i][0], p, &form);
		if ((!strcmp(p->section, "design")) &&
		    s->st.cfg.chip.by_design < 0.5)
			continue;
		if (claim_solve_param(rep, b_params[i], rep->opts.target,
		                      &rep->solve[rep->nsolve], err,
		                      sizeof err) == 0)
			rep->nsolve++;
	}
}

/* tornado and Monte Carlo of side b against a over an uncertainty file */
static int uncertainty_of(claim_report *rep, const claim_side *a,
                          const claim_side *b, const claim_uncertainty *u,
                          rl_tornado_row *torn, rl_mc_result **mc,
                          double *secs, char *err, size_t errlen)
{
	struct timespec t0, t1;
	rl_mc_opts o = rep->mco;
	o.samples = (size_t)rep->opts.samples;
	o.seed = rep->opts.seed;
	o.threads = rep->opts.threads;
	o.target = rep->opts.target;
	o.power_cap_w = u->power_cap_w;
	if (rl_tornado(&a->st.cfg, &b->st.cfg, u->u, u->n, torn, err, errlen))
		return -1;
	if (o.samples == 0)
		return 0;
	*mc = rl_mc_alloc(o.samples);
	if (!*mc) {
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
** the mapping it was given.  The factors, solves, tornado and Monte Carlo
** that follow use side b at that mapping, held fixed: at the nominal
** values Sohu's compute-bound mappings (dp, pp and tp 2) lie within 1%
** of each other, so choosing again per sample would move the
** distribution by less than its sampling noise at ten times the cost. */
static const double claim_tdps_w[3] = {700, 1000, 0};

/* Sohu by design at TDPs of 700 W, 1000 W and none: where power binds. */
static void tdp_speedups(claim_report *rep)
{
	size_t i;
	for (i = 0; i < 3; i++) {
		rl_config c = rep->bd.cfg;
		rl_result r;
		c.chip.tdp_w = claim_tdps_w[i];
		rep->tdp_speedup[i] = rl_eval(&c, &r) == RL_OK
		                          ? r.total_tps / rep->a.r.total_tps
		                          : NAN;
	}
}

static void map_sides(claim_report *rep)
{
	const rl_scenario *sb = &rep->b.cfg.scen;
	rep->nmap_a = search(&rep->a, rep->map_a);
	rep->nmap_b = search(&rep->b, rep->map_b);
	rep->b_given_tp = sb->tp;
	rep->b_given_pp = sb->pp;
	rep->b_given_ep = sb->ep;
	rep->b_given_total = rep->b.r.total_tps;
	if (!rep->b_default || rep->nmap_b == 0 || rep->map_b[0].rc != RL_OK)
		return;
	remap(&rep->b, &rep->map_b[0]);
	rep->b_remapped = 1;
	if (rep->have_bd) {
		rl_map_entry e[CLAIM_MAP_MAX];
		if (search(&rep->bd, e) > 0 && e[0].rc == RL_OK)
			remap(&rep->bd, &e[0]);
		tdp_speedups(rep);
	}
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
		if (rl_eval(&c, &r) != RL_OK)
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
	map_sides(rep);
	rep->speedup_total = rep->b.r.total_tps / rep->a.r.total_tps;
	rep->speedup_output = rep->b.r.output_tps / rep->a.r.output_tps;
	factors_of(&rep->a, &rep->b, rep->f, &rep->nf, rep->phi,
	           &rep->factors_ratio, &rep->factors_ok, rep->factors_err,
	           sizeof rep->factors_err);
	if (rep->have_bd) {
		rep->bd_speedup_total = rep->bd.r.total_tps / rep->a.r.total_tps;
		rep->bd_speedup_output = rep->bd.r.output_tps / rep->a.r.output_tps;
		factors_of(&rep->a, &rep->bd, rep->fd, &rep->nfd, rep->phid,
		           &rep->factors_d_ratio, &rep->factors_d_ok,
		           rep->factors_d_err, sizeof rep->factors_d_err);
	}
	default_solves(rep);
	must_be_true(rep);

	if (rep->have_unc) {
		rep->mco.samples = (size_t)rep->opts.samples;
		rep->mco.seed = rep->opts.seed;
		rep->mco.threads = rep->opts.threads;
		rep->mco.target = rep->opts.target;
		if (uncertainty_of(rep, &rep->a, &rep->b, &rep->unc, rep->torn,
		                   &rep->mc, &rep->mc_seconds, err, errlen))
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
	return claim_checks(rep, err, errlen);
}
