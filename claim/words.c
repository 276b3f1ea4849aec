/*
** words.c: what must be true, in words an investor reads (words.h).
*/
#include "words.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/figtext.h"
#include "../model/numtext.h"
#include "../model/params.h"
#include "claim.h"
#include "numwords.h"

/* Levers with a phrase of their own; the rest use the table's doc. */
static const struct {
	const char *param, *noun;
} levers[] = {
    {"chip.peak_tflops_fp8", "peak FP8 compute per chip"},
    {"chip.peak_tflops_bf16", "peak BF16 compute per chip"},
    {"profile.eff_compute", "utilization (share of peak reached on large "
                            "matrix multiplies)"},
    {"profile.eff_compute_fp8", "FP8 utilization (share of peak reached on "
                                "large matrix multiplies)"},
    {"chip.hbm_tbps", "HBM bandwidth per chip"},
    {"chip.link_gbps", "chip-to-chip bandwidth"},
    {"chip.tdp_w", "power limit (TDP) per chip"},
    {"design.frac_mac", "share of the die in MAC arrays"},
    {"design.clock_ghz", "MAC-array clock"},
    /* the table's doc, "HBM stacks per package", after a count in stacks
    ** read "6.87 stacks of HBM stacks per package" */
    {"design.hbm_stacks", "HBM per package"},
    {"design.hbm_stack_gbps", "bandwidth per HBM stack"},
};

/* "b.chip.x" -> "chip.x" */
static const char *bare(const char *param)
{
	return param[0] && param[1] == '.' &&
	       (param[0] == 'a' || param[0] == 'b') ? param + 2 : param;
}

size_t claim_doc_phrase_len(const char *doc)
{
	const char *par = doc, *close;
	while ((par = strstr(par, " (")) != NULL) {
		size_t inner;
		int spaces = 0;
		close = strchr(par + 2, ')');
		if (!close)
			break;
		for (inner = 0; par + 2 + inner < close; inner++)
			spaces += par[2 + inner] == ' ' || par[2 + inner] == '(';
		if (spaces > 2 || close[1] != ' ' ||
		    !isalnum((unsigned char)close[2]))
			break;
		par = close + 1;
	}
	return par ? (size_t)(par - doc) : strlen(doc);
}

/* The lever a parameter ("chip.peak_tflops_fp8", "section.key") stands
** for: "peak FP8 compute per chip"; parameters without a phrase of their
** own get their table description up to its parenthesis
** (claim_doc_phrase_len). */
void claim_lever_noun(const char *param, char *buf, size_t len)
{
	const char *p = bare(param);
	const rl_param *tp;
	size_t i;
	for (i = 0; i < sizeof levers / sizeof levers[0]; i++)
		if (!strcmp(levers[i].param, p)) {
			snprintf(buf, len, "%s", levers[i].noun);
			return;
		}
	tp = rl_param_find_full(p);
	if (tp && tp->doc[0]) {
		snprintf(buf, len, "%.*s", (int)claim_doc_phrase_len(tp->doc),
		         tp->doc);
	} else {
		snprintf(buf, len, "%s", p);
	}
}

/* unit as said of v: a count's plural noun (params.c's "chips", "tokens",
** ...) without its 's' at exactly 1 ("at 1 chip"), the unit itself else. */
static void unit_of_count(const char *unit, double v, char *out, size_t len)
{
	static const char *const counts[] = {
		"bits", "chips", "dies", "sequences", "stacks", "stages", "tokens",
		"years"
	};
	size_t i, n = strlen(unit);
	snprintf(out, len, "%s", unit);
	if (v != 1)
		return;
	for (i = 0; i < sizeof counts / sizeof counts[0]; i++)
		if (!strcmp(unit, counts[i]) && n < len) {
			out[n - 1] = '\0';
			return;
		}
}

/* The number fmt (one double: "%.1f", "%.3g") writes of d, moved one unit
** of its last shown digit toward dir (1 up, -1 down) where nearest
** rounding fell on the other side of d: "173" of 173.46 up is "174", down
** "173"; dir 0 is nearest rounding.  The value shown is read back and
** compared, so a value shown exactly (2 of 2.0) is not moved. */
static void directed(const char *fmt, double d, int dir, char *num,
                     size_t len)
{
	int i, prec = atoi(fmt + 2), g = fmt[strlen(fmt) - 1] == 'g';
	snprintf(num, len, fmt, d);
	for (i = 0; dir != 0 && i < 4; i++) {
		double x = strtod(num, NULL);
		char e[32];
		int ex = -prec;
		if (dir > 0 ? x >= d : x <= d)
			return;
		/* the last digit's place: %.Nf's Nth decimal, %.Ng's Nth
		** significant digit of d (its exponent as %e writes it, not
		** log10's: 999.7 down is 999, where nearest carried to 1e+03) */
		if (g) {
			snprintf(e, sizeof e, "%.16e", d);
			ex = atoi(strchr(e, 'e') + 1) - (prec > 0 ? prec - 1 : 0);
		}
		snprintf(num, len, fmt, x + dir * pow(10, ex));
	}
}

/* The number fmt writes of d (directed's, dir 0), or, where that rounds
** away a value of at most four significant digits (a figure as its
** source states it: 3.35 TB/s, where "%.1f" wrote 3.4), that value in
** its own digits; a value of more digits (a fitted 71.21335986%) keeps
** fmt's. */
static void given(const char *fmt, double d, char *num, size_t len)
{
	int p;
	snprintf(num, len, fmt, d);
	for (p = 1; p <= 4 && strtod(num, NULL) != d; p++) {
		char g[48];
		snprintf(g, sizeof g, "%.*g", p, d);
		if (strtod(g, NULL) == d && !strpbrk(g, "eE"))
			snprintf(num, len, "%s", g);
	}
}

/* claim_qty_dir's figure of v, or (as_given) claim_qty_given's */
static void number(const char *fmt, double d, int dir, int as_given,
                   char *num, size_t len)
{
	if (as_given)
		given(fmt, d, num, len);
	else
		directed(fmt, d, dir, num, len);
}

static void qty(const char *param, double v, int dir, int as_given,
                char *buf, size_t len)
{
	char unit[32], num[48];
	const char *p = bare(param);
	const rl_param *tp = rl_param_find_full(p);
	if (!isfinite(v))
		snprintf(buf, len, "n/a");
	else if (!strncmp(p, "chip.peak_tflops_", 17)) {
		number(v >= 1000 ? "%.1f" : "%.0f", v >= 1000 ? v / 1000 : v, dir,
		       as_given, num, sizeof num);
		snprintf(buf, len, "%s %s", num, v >= 1000 ? "PFLOPS" : "TFLOPS");
	}
	else if (!strncmp(p, "profile.eff_", 12) ||
	         !strncmp(p, "design.frac_", 12)) {
		/* under 1% to two digits: a ceiling of 0.385% read "at most
		** 0%", at which nothing runs */
		number(v != 0 && fabs(100 * v) < 1 ? "%.2g" : "%.0f", 100 * v,
		       dir, as_given, num, sizeof num);
		snprintf(buf, len, "%s%%", num);
	}
	else if (!strcmp(p, "chip.hbm_tbps")) {
		number("%.1f", v, dir, as_given, num, sizeof num);
		snprintf(buf, len, "%s TB/s", num);
	}
	else if (!strcmp(p, "chip.tdp_w") && v == 0)
		snprintf(buf, len, "no limit (0 W)");
	else if (!strcmp(p, "chip.tdp_w") && v >= 1000) {
		number("%.2g", v / 1000, dir, as_given, num, sizeof num);
		/* 100 kW and over (tdp_w's range ends at 100 kW; 99.4 kW up
		** is 100): %.2g wrote "1e+02", the value shown is whole */
		if (strpbrk(num, "eE"))
			snprintf(num, sizeof num, "%.0f", strtod(num, NULL));
		snprintf(buf, len, "%s kW", num);
	}
	else {
		unit_of_count(tp ? tp->unit : "", v, unit, sizeof unit);
		number(fabs(v) >= 1000 && fabs(v) < 1e6 ? "%.0f" : "%.3g", v,
		       dir, as_given, num, sizeof num);
		/* 999.6 up at three digits is 1000, which %.3g writes "1e+03" */
		if (strpbrk(num, "eE") && fabs(strtod(num, NULL)) >= 1000 &&
		    fabs(strtod(num, NULL)) < 1e6)
			snprintf(num, sizeof num, "%.0f", strtod(num, NULL));
		snprintf(buf, len, "%s%s%s", num, unit[0] ? " " : "", unit);
	}
}

void claim_qty_dir(const char *param, double v, int dir, char *buf,
                   size_t len)
{
	qty(param, v, dir, 0, buf, len);
}

void claim_qty(const char *param, double v, char *buf, size_t len)
{
	qty(param, v, 0, 0, buf, len);
}

void claim_qty_given(const char *param, double v, char *buf, size_t len)
{
	qty(param, v, 0, 1, buf, len);
}

void claim_count_words(double v, char *buf, size_t len)
{
	static const struct {
		double scale;
		const char *word;
	} w[] = {{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}};
	size_t i;
	if (!isfinite(v)) {
		snprintf(buf, len, "n/a");
		return;
	}
	for (i = 0; i < sizeof w / sizeof w[0]; i++)
		if (fabs(v) >= w[i].scale) {
			double x = v / w[i].scale;
			/* 999.95e9 rounds to 1000 billion at three digits, which
			** %.3g writes "1e+03": the scale above, "1 trillion"; past
			** the largest, whole ("1500 trillion") */
			if (fabs(x) >= 999.5 && i > 0)
				snprintf(buf, len, "%.3g %s", x / 1000, w[i - 1].word);
			else if (fabs(x) >= 999.5)
				snprintf(buf, len, "%.0f %s", x, w[i].word);
			else
				snprintf(buf, len, "%.3g %s", x, w[i].word);
			return;
		}
	snprintf(buf, len, "%.0f", v);
}

/* The limit one phase's bound stands for; `verb` agrees with it. */
static const char *limit_of(int bound, const char **verb)
{
	*verb = "binds";
	switch (bound) {
	case RL_BOUND_COMPUTE:
		return "compute";
	case RL_BOUND_MEMORY:
		return "HBM bandwidth";
	case RL_BOUND_COMM:
		*verb = "bind";
		return "the chip-to-chip links";
	case RL_BOUND_OVERHEAD:
		*verb = "bind";
		return "serving overheads";
	default:
		return "nothing";
	}
}

void claim_binds_words(const rl_result *r, char *buf, size_t len)
{
	const char *vp, *vd;
	const char *p = limit_of(r->prefill_bound, &vp);
	const char *d = limit_of(r->decode_bound, &vd);
	const char *tdp = r->power_limited ? " at the clock the TDP allows" : "";
	if (r->decode_bound == RL_BOUND_NONE || r->prefill_bound == r->decode_bound)
		snprintf(buf, len, "%s %s%s", p, vp, tdp);
	else
		snprintf(buf, len, "%s %s prefill, %s decode%s", p, vp, d, tdp);
}

/* The noun after its leading unit where the lever's description opens
** with the parameter's unit ("dies per package" of design.dies, unit
** "dies": "per package"); NULL where it does not.  A share
** shown in percent (qty ends in %) drops "share": "of the die ...". */
static const char *noun_after_unit(const char *param, const char *noun,
                                   const char *qty)
{
	const rl_param *tp = rl_param_find_full(bare(param));
	size_t n = tp ? strlen(tp->unit) : 0, q = strlen(qty);
	/* a share shown in percent: "50% of the die in MAC arrays", where
	** "of " and the noun read "50% of share of the die ..." */
	if (q > 0 && qty[q - 1] == '%' && !strncmp(noun, "share of ", 9))
		return noun + 6;
	if (n == 0 || strncmp(noun, tp->unit, n) || noun[n] != ' ')
		return NULL;
	return noun + n + 1;
}

/* The physical range the table's doc gives ("range 1.41-2.52" in display
** units) and its source, the doc's parenthesis less that clause: 1 if
** found.  A doc without "range X-Y" (most) gives none: no number here. */
static int doc_range(const rl_param *tp, double *lo, double *hi, char *src,
                     size_t len)
{
	const char *par = strstr(tp->doc, " ("), *r, *end;
	char *e;
	size_t n;
	if (!par || !(r = strstr(par, "range ")) ||
	    (r[-1] != ' ' && r[-1] != '('))
		return 0;
	*lo = strtod(r + 6, &e);
	if (e == r + 6 || *e != '-')
		return 0;
	r = e + 1;
	*hi = strtod(r, &e);
	if (e == r || !(*hi > *lo))
		return 0;
	/* the source: the parenthesis up to the clause, less its separator */
	r = strstr(par, "range ");
	n = (size_t)(r - (par + 2));
	while (n > 0 && strchr(" ;,", par[2 + n - 1]))
		n--;
	end = strchr(r, ';');
	if (n == 0 && end) {  /* "(range X-Y; source)" */
		end += strspn(end + 1, " ") + 1;
		snprintf(src, len, "%.*s", (int)strcspn(end, ")"), end);
	}
	else
		snprintf(src, len, "%.*s", (int)n, par + 2);
	return 1;
}

/* ", beyond 1.41-2.52 GHz (source)" where v lies past the physical range
** the parameter's doc gives ("below" under it); "" inside or without one. */
static void beyond_words(const char *param, double v, char *buf, size_t len)
{
	const rl_param *tp = rl_param_find_full(bare(param));
	char src[256], lo_s[64], hi_s[64];
	const char *u_lo, *u_hi;
	double lo, hi;
	buf[0] = '\0';
	if (!tp || !isfinite(v) || !doc_range(tp, &lo, &hi, src, sizeof src) ||
	    (v >= lo && v <= hi))
		return;
	claim_qty(param, lo, lo_s, sizeof lo_s);
	claim_qty(param, hi, hi_s, sizeof hi_s);
	/* one unit: "1.41-2.52 GHz", not "1.41 GHz-2.52 GHz" */
	u_lo = strchr(lo_s, ' ');
	u_hi = strchr(hi_s, ' ');
	if (u_lo && u_hi && !strcmp(u_lo, u_hi))
		lo_s[u_lo - lo_s] = '\0';
	snprintf(buf, len, ", %s %s-%s%s%s%s", v > hi ? "beyond" : "below", lo_s,
	         hi_s, src[0] ? " (" : "", src, src[0] ? ")" : "");
}

/* A target of the side's own figure (target_kind): its name in words */
static const char *target_noun(int kind)
{
	static const char *const nouns[CLAIM_T_COUNT] = {
	    "the speedup", "system output tokens/s",
	    "output tokens/s per chip", "TPOT", "TTFT",
	    "output tokens per joule", "USD per million output tokens at cost",
	    "USD per million output tokens at price"};
	return kind > 0 && kind < CLAIM_T_COUNT ? nouns[kind] : nouns[0];
}

/* claim_solve_words for a target of the varied side's own figure:
** "TPOT at most 0.05 s needs at least 5.2 TB/s of HBM bandwidth per chip
** (Sohu ...; assumed: 3.35 TB/s)", met already, met everywhere, or what
** the lever reaches at best. */
static void target_words(const claim_solve_row *r, char *buf, size_t len)
{
	char noun[160], want[64], now[64], lo[64], hi[64], best[64];
	char tgt[160], fig[64], already[640] = "", tg[40], nf[32], mf[32];
	const rl_solve_result *s = &r->s;
	const char *unit = claim_target_unit(r->target_kind);
	const char *rest;
	int most = claim_target_at_most(r->target_kind), met;
	double m = claim_target_shown(r->target_kind, s->metric);
	claim_lever_noun(r->param, noun, sizeof noun);
	claim_qty_dir(r->param, s->value, s->direction > 0 ? 1 : -1, want,
	              sizeof want);
	rest = noun_after_unit(r->param, noun, want);
	claim_qty_given(r->param, r->now, now, sizeof now);
	claim_qty(r->param, s->lo, lo, sizeof lo);
	claim_qty(r->param, s->hi, hi, sizeof hi);
	claim_qty(r->param, s->best_at, best, sizeof best);
	/* the target as given, in all its digits (model/numtext.h) */
	snprintf(tgt, sizeof tgt, "%s at %s %s %s", target_noun(r->target_kind),
	         most ? "most" : "least",
	         rl_number_write(r->target, tg, sizeof tg), unit);
	met = isfinite(r->nominal) &&
	      (most ? r->nominal <= r->target : r->nominal >= r->target);
	/* the figures now and at best by eval's rule (rl_fig_text), as
	** the reason's (claimrun.c target_reason), where %.4g wrote
	** 1.235e+04 tokens/s and 21.39 beside the reason's 21.4; with the
	** digits that show them on the target's side they are on
	** (rl_fig_text_target: at best 0.01003 s under a ceiling of 0.01,
	** where 0.0100 read as met and rl_fig_text_side's 0.0101 further
	** over than it is) */
	rl_fig_text_target(nf, sizeof nf, r->nominal, r->target, most);
	rl_fig_text_target(mf, sizeof mf, m, r->target, most);
	if (met)
		snprintf(already, sizeof already, "%s is met already (%s %s now, "
		         "%s at %s): ", tgt, nf, unit, r->who, now);
	if (s->met_all) {
		snprintf(fig, sizeof fig, "%s %s", mf, unit);
		snprintf(buf, len, "%severy %s in its range, %s to %s, meets it "
		         "(the worst, %s, at %s)", met ? already : "", noun, lo, hi,
		         fig, best);
	} else if (s->feasible && met)
		snprintf(buf, len, "%sit still holds with %s %s %s%s", already,
		         s->direction > 0 ? "at least" : "at most", want,
		         rest ? "" : "of ", rest ? rest : noun);
	else if (s->feasible) {
		char beyond[400];
		beyond_words(r->param, s->value, beyond, sizeof beyond);
		/* and what the value breaks, as a speedup row says it
		** (claim_solve_words), where "needs at least 3185 mm2 of area
		** of one die" of a tokens/s target left the 858 mm2 reticle
		** unsaid */
		snprintf(buf, len, "%s needs %s %s %s%s (%s; assumed: %s, where "
		         "it is %s %s)%s%s%s%s", tgt,
		         s->direction > 0 ? "at least" : "at most", want,
		         rest ? "" : "of ", rest ? rest : noun, r->who, now,
		         nf, unit, beyond, r->breaks[0] ? ", which breaks what the "
		         "silicon allows (" : "", r->breaks,
		         r->breaks[0] ? ")" : "");
	} else
		snprintf(buf, len, "%s cannot reach %s (%s; assumed: %s): at best "
		         "%s %s, %s %s%s%s%s", noun, tgt, r->who, now, mf, unit,
		         /* a plateau: the lever stops helping there */
		         s->saturated ? "from" : "at",
		         isfinite(s->best_at) ? best : "?",
		         s->saturated ? " on" : "",
		         r->binds[0] ? "; there " : "", r->binds);
}

void claim_solve_words(const claim_solve_row *r, char *buf, size_t len)
{
	char noun[160], want[64], now[64], lo[64], hi[64], best[64];
	char x[40], already[400] = "", tg[40];
	const rl_solve_result *s = &r->s;
	int side_a = r->param[0] == 'a', met;
	/* the target as given, in all its digits (1000000x, where %g wrote
	** 1e+06x), as solve's reason lines write it */
	rl_number_write(r->target, tg, sizeof tg);
	if (r->target_kind != CLAIM_T_SPEEDUP) {
		target_words(r, buf, len);
		return;
	}
	claim_lever_noun(r->param, noun, sizeof noun);
	/* a floor shown rounded up, a ceiling down: the value shown reaches
	** the target ("at least 174 W" of 173.46, where 173 W does not) */
	claim_qty_dir(r->param, s->value, s->direction > 0 ? 1 : -1, want,
	              sizeof want);
	claim_qty_given(r->param, r->now, now, sizeof now);
	claim_qty(r->param, s->lo, lo, sizeof lo);
	claim_qty(r->param, s->hi, hi, sizeof hi);
	claim_qty(r->param, s->best_at, best, sizeof best);
	/* the target is a floor (solve.h): a speedup at or above it now is
	** met already, and the lever's value is the least (or most) that
	** still meets it; where every value does, no value is needed, where
	** "cannot reach 1e-06x ... it gives 0.01x" stood of a side at 17.50x */
	met = isfinite(r->nominal) && r->nominal >= r->target;
	if (met)
		snprintf(already, sizeof already, "%sx is met already (%s now, %s "
		         "at %s): ", tg,
		         claim_speedup_side(x, sizeof x, r->nominal, r->target),
		         r->who, now);
	if (s->met_all) {
		/* the least speedup to two digits where %.2f shows 0.00x, at
		** the range's end where the grid's point there (0 TB/s cannot
		** be evaluated: 1e-7 of the top) shows as that end */
		if (isfinite(s->metric) && s->metric < 0.01) {
			/* by eval's rule (0.000647x, where %.2g wrote
			** 0.00065x) */
			char f[32];
			snprintf(x, sizeof x, "%sx", rl_fig_text(f, sizeof f,
			                                         s->metric));
		}
		else /* on the target's side (19.996 of a 20x target: 19.99x) */
			claim_speedup_side(x, sizeof x, s->metric, r->target);
		/* a range up to the parameter table's own ceiling on a
		** quantity with a unit has no bound there but the model's input
		** limit: "0 GB/s to 1e+06 GB/s" read as if links stopped at a
		** million GB/s; a share's 1 (100%) is a bound, said as one */
		const rl_param *tp = rl_param_find_full(bare(r->param));
		char range[200];
		if (tp && tp->unit[0] && s->hi >= tp->max) {
			char lim[48];
			claim_count_words(tp->max, lim, sizeof lim);
			snprintf(range, sizeof range, "from %s up, with no upper "
			         "bound (the model takes up to %s%s%s)", lo, lim,
			         tp->unit[0] ? " " : "", tp->unit);
		}
		else
			snprintf(range, sizeof range, "%s to %s", lo, hi);
		snprintf(buf, len, "%severy %s in its range, %s, meets it "
		         "(the least speedup, %s, %s%s)",
		         met ? already : "", noun, range, x,
		         !strcmp(best, lo) ? "at its low end"
		         : !strcmp(best, hi) ? "at its high end" : "at ",
		         !strcmp(best, lo) || !strcmp(best, hi) ? "" : best);
	}
	else if (s->feasible && side_a && met)
		snprintf(buf, len, "%sit still follows while the baseline's %s "
		         "is %s %s", already, noun,
		         s->direction > 0 ? "at least" : "at most", want);
	else if (s->feasible && met) {
		const char *rest = noun_after_unit(r->param, noun, want);
		snprintf(buf, len, "%sit still holds with %s %s %s%s", already,
		         s->direction > 0 ? "at least" : "at most", want,
		         rest ? "" : "of ", rest ? rest : noun);
	}
	else if (s->feasible && side_a)
		snprintf(buf, len, "%sx also follows if the baseline's (%s) %s "
		         "were %s %s (modelled: %s)", tg, r->who, noun,
		         s->direction > 0 ? "at least" : "at most", want, now);
	else if (s->feasible) {
		/* "4 dies per package", not "4 dies of dies per package" */
		const char *rest = noun_after_unit(r->param, noun, want);
		char beyond[400];
		beyond_words(r->param, s->value, beyond, sizeof beyond);
		snprintf(buf, len, "%sx needs %s %s %s%s (%s; assumed: %s)%s%s%s%s",
		         tg, s->direction > 0 ? "at least" : "at most",
		         want, rest ? "" : "of ", rest ? rest : noun, r->who, now,
		         beyond, r->breaks[0] ? ", which breaks what the silicon "
		         "allows (" : "", r->breaks, r->breaks[0] ? ")" : "");
	}
	else if (isfinite(r->nominal) && isfinite(s->metric) &&
	         fabs(s->metric / r->nominal - 1) < 1e-3)
		snprintf(buf, len, "more %s does not raise the speedup above "
		         "%s (%s, at %s already)%s%s", noun,
		         claim_speedup_side(x, sizeof x, r->nominal, r->target),
		         r->who,
		         now, r->binds[0] ? ": " : "", r->binds);
	else if (s->saturated)
		snprintf(buf, len, "more %s stops helping at %s, from %s on "
		         "(%s; assumed: %s)%s%s", noun,
		         claim_speedup_side(x, sizeof x, s->metric, r->target),
		         best, r->who, now,
		         r->binds[0] ? ": " : "", r->binds);
	else {
		/* the best beside the assumed value and its speedup, so the
		** two compare: "peaks at 13.64x at 3 stacks (13.48x at the
		** assumed 4 stacks)", where the assumed 4 stacks was nowhere on
		** the line; the assumed alone where the speedup now is not a
		** number */
		char nowx[40], cmp[200];
		if (isfinite(r->nominal))
			snprintf(cmp, sizeof cmp, " (%s at the assumed %s)",
			         claim_speedup_side(nowx, sizeof nowx, r->nominal,
			                            r->target), now);
		else
			snprintf(cmp, sizeof cmp, " (assumed: %s)", now);
		if (s->bound != 0)
			snprintf(buf, len, "%s cannot reach %sx (%s): even at %s, "
			         "the %s its range allows, it gives %s%s%s%s", noun,
			         tg, r->who,
			         isfinite(s->best_at) ? best : s->bound > 0 ? hi : lo,
			         s->bound > 0 ? "most" : "least",
			         claim_speedup_side(x, sizeof x, s->metric, r->target),
			         cmp, r->binds[0] ? "; there " : "", r->binds);
		else
			snprintf(buf, len, "%s cannot reach %sx (%s): the speedup "
			         "peaks at %s at %s%s%s%s", noun, tg, r->who,
			         claim_speedup_side(x, sizeof x, s->metric, r->target),
			         best, cmp, r->binds[0] ? "; there " : "", r->binds);
	}
}

const char *claim_factor_glossary(void)
{
	return "what each factor swaps from a's value to b's: peak compute, the "
	       "chips' peak arithmetic per second; utilization, the share of "
	       "that peak large matrix multiplies reach; memory bandwidth, HBM "
	       "bytes per second (and SRAM standing in for it); memory capacity "
	       "and batching, memory size and the serving limits on how many "
	       "requests run at once; interconnect, the chip-to-chip links; "
	       "power limit, the TDP and the energy per operation that hold a "
	       "chip under its peak; serving software, its overheads, the "
	       "elementwise work it fuses, how it reduces across chips and how "
	       "much of that it hides; mapping, how each side splits the model "
	       "over its chips (TP, PP, DP), chosen by whoever runs them within "
	       "what memory allows; other, every difference not in a group "
	       "above";
}

void claim_terms_glossary(char *buf, size_t len, double target, int ranges,
                          int mc)
{
	/* the Monte Carlo's terms where it ran: "Monte Carlo, 100000
	** samples", "5th percentile", "median", "P(>= 20x)" and "violating
	** physics: 0.4% (power 0, reticle 0, HBM stacks 0, area shares 422);
	** not evaluable: 422" stood in the uncertainty sections with no word
	** of what they are (the verdict's "in words" line says its first
	** lines' alone); the four checks as model/montecarlo.h's RL_VIOL_* */
	char mcw[1024] = "", rw[384] = "", tg[40];
	rl_number_write(target, tg, sizeof tg);
	if (mc)
		snprintf(mcw, sizeof mcw, "a Monte Carlo, the speedup worked "
		         "out again for many random draws (samples) of every "
		         "assumption at once, each from its range; P(>= %sx), the "
		         "chance of reaching %sx: the share of the samples whose "
		         "speedup is %sx or more; the median, the speedup half "
		         "the samples lie below, the 5th and 95th percentiles the "
		         "speedups 5%% and 95%% of them lie below; violating "
		         "physics, a sample whose chip could not be built or run: "
		         "over its power limit, a die larger than the reticle, HBM "
		         "stacks that do not fit the die's edge, or area shares "
		         "adding up to more than the die; not evaluable, a sample "
		         "the model gives no speedup for; ", tg, tg, tg);
	/* the ranges' shapes, printed beside each assumption ("triangular
	** 5000 .. 12000") with no word of what the shape means */
	if (ranges)
		snprintf(rw, sizeof rw, "uniform and triangular, the shape of an "
		         "assumption's range: uniform draws every value in it "
		         "equally often, triangular most often at its peak (the "
		         "stated value, in the shipped files) and ever less "
		         "toward its ends; ");
	snprintf(buf, len,
	         "terms used below: a token is a word or a piece of one, the "
	         "unit a language model reads and writes (a request's input "
	         "tokens are its prompt, its output tokens the answer); "
	         "%s; FP8 and BF16, "
	         "8- and 16-bit number formats; TFLOPS and PFLOPS, 10^12 and "
	         "10^15 arithmetic operations a second; GEMM, a matrix "
	         "multiply; die, a chip's piece of silicon, mm2 its area in "
	         "square millimetres, MTr/mm2 millions of transistors per mm2; "
	         "reticle, the largest die a lithography machine prints at "
	         "once; MAC array, the die's multiply-accumulate units, each "
	         "doing one FMA (fused multiply-add) a clock; PHY, the circuit "
	         "that drives a memory's or a link's wires; pJ, a picojoule "
	         "(10^-12 joules), the energy of one operation or bit moved; "
	         "TDP, the power limit a chip is held to; KV cache, the keys "
	         "and values each request keeps of its tokens; prefill, the "
	         "pass over a request's input tokens, and decode, the steps "
	         "that produce its output tokens one at a time; all-reduce, "
	         "chips summing their partial results over the links; "
	         "%s; PUE, a data centre's power over its equipment's; "
	         "%s%sShapley factors, each difference between the sides' "
	         "share of the speedup, averaged over every order of swapping "
	         "them", claim_term_trtllm(), claim_term_roofline(), mcw, rw);
}

const char *claim_term_trtllm(void)
{
	return "TensorRT-LLM, NVIDIA's software that serves a language model "
	       "on its GPUs, named with its version (0.10, 0.11, ...)";
}

const char *claim_term_roofline(void)
{
	return "roofline, a step's time taken as the longer of its arithmetic "
	       "at the chip's peak and its memory traffic at full bandwidth";
}

int claim_must_lead(char *buf, size_t len, double speedup, double target,
                    double prob, int etched)
{
	char pr[32], tg[40];
	if (len)
		buf[0] = '\0';
	if (!(speedup >= target) || !isfinite(prob))
		return -1;
	claim_prob_text(prob, pr, sizeof pr);
	rl_number_write(target, tg, sizeof tg);
	snprintf(buf, len, "at the stated values %sx is met already; what "
	         "follows is how far each can fall and still meet it. Those "
	         "values are %s not measurements: over the assumption ranges "
	         "%sx is reached in %s of the samples", tg,
	         etched ? "Etched's figures, or assumptions where it published "
	         "none," : "assumptions,", tg, pr);
	return 0;
}

void claim_verdict_terms(char *buf, size_t len, long long samples,
                         double target, int etched)
{
	char tg[40];
	rl_number_write(target, tg, sizeof tg);
	snprintf(buf, len, "in words: the stated values are %s, not "
	         "measurements; the assumption ranges, how far each could be "
	         "off, are listed with their sources under \"assumptions\" "
	         "below; the samples are %lld draws of all of them at once (a "
	         "Monte Carlo); the 90%% interval holds the middle 90%% of their "
	         "speedups, the median the middle one; P(>= %sx) is the share "
	         "of those samples whose speedup reaches %sx",
	         etched ? "Etched's figures, or assumptions where it published "
	         "none" : "the sides' preset values", samples, tg, tg);
}

/* Whether the len bytes at w are a file's name a source cites (no space,
** ending in ".c" or ".ini") */
static int is_file_word(const char *w, size_t len)
{
	return (len > 2 && !memcmp(w + len - 2, ".c", 2)) ||
	       (len > 4 && !memcmp(w + len - 4, ".ini", 4));
}

void claim_source_words(const char *src, char *buf, size_t len)
{
	static const char tag[] = " ASSUMPTION";
	size_t n = 0, t = sizeof tag - 1;
	const char *p = src;
	if (!len)
		return;
	buf[0] = '\0';
	while (*p && n + 1 < len) {
		/* the word that starts here, to the next space */
		size_t w = strcspn(p, " ");
		int at_start = p == src || p[-1] == ' ' || p[-1] == '(';
		if (at_start && w && is_file_word(p, w) && !strncmp(p + w, tag, t) &&
		    !isalnum((unsigned char)p[w + t])) {
			int k = snprintf(buf + n, len - n, "an assumption of "
			                 "rooflab's (%s%.*s)",
			                 w == 8 && !memcmp(p, "params.c", 8)
			                 ? "model/" : "", (int)w, p);
			if (k < 0 || (size_t)k >= len - n) {
				n = len - 1;
				break;
			}
			n += (size_t)k;
			p += w + t;
			continue;
		}
		buf[n++] = *p++;
	}
	buf[n < len ? n : len - 1] = '\0';
}
