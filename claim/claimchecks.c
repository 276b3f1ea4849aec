/*
** claimchecks.c: Etched's other claims checked with the model.  The
** claims' figures and sources come from data/claims/etched-2024.ini; each
** check fills {claim, source, model_value, verdict} from the report's
** sides and from the chip presets.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../model/numtext.h"
#include "../model/params.h"
#include "../model/silicon.h"
#include "claim.h"
#include "mcwords.h"
#include "verdict.h"
#include "numwords.h"
#include "words.h"
#include "../config/ini.h"
#include "../config/num.h"
#include "../model/status.h"
#include "../model/utf8.h"

#define KV_MAX 96

/* the sections of checks: each needs claim and source */
static const char *const check_sections[] = {
    "speedup", "throughput", "baseline", "replacement", "model_size",
    "utilization", "matmul_share", "density"};
#define NCHECKS (sizeof check_sections / sizeof check_sections[0])

typedef struct {
	char key[KV_MAX][96];   /* "section.key" */
	char val[KV_MAX][320];
	int n;
	/* the line of each check section's header (check_sections' order)
	** and of [meta]'s; 0 before it */
	int head_line[NCHECKS];
	int meta_line;
} kvfile;

/* Every number the checks read, with the range it must lie in (a count,
** a rate or a share; 0 and below are never meant). */
static const struct {
	const char *section, *key;
	double max;
} numbers[] = {
    {"speedup", "value", 1e6},
    {"throughput", "value", 1e12},
    {"baseline", "value", 1e12},
    {"baseline", "trtllm_0_10", 1e12},
    {"baseline", "trtllm_0_11", 1e12},
    {"baseline", "trtllm_0_12", 1e12},
    {"replacement", "value", 1e9},
    {"model_size", "value", 1e16},
    {"utilization", "sohu", 1},
    {"utilization", "gpu", 1},
    {"matmul_share", "value", 1},
    {"matmul_share", "tensor_cores", 1e7},
    {"matmul_share", "fma_per_tensor_core", 1e7},
    {"matmul_share", "transistors_per_fma", 1e9},
    {"matmul_share", "transistors", 1e14},
    {"matmul_share", "clock_ghz", 100},
    {"density", "value", 100},
    {"density", "a100_mm2", 1e5},
    {"density", "h100_mm2", 1e5},
    {"density", "b200_mm2", 1e5},
};
#define NNUMBERS (sizeof numbers / sizeof numbers[0])

/* The index of a check section in check_sections, or -1. */
static int check_index(const char *section)
{
	size_t i;
	for (i = 0; i < NCHECKS; i++)
		if (!strcmp(section, check_sections[i]))
			return (int)i;
	return -1;
}

/* At a section header: one of an unknown name is refused at its header
** (with no key under it, it was passed over without a word), and so is a
** section given a second time, whose keys would join the first's. */
static int kv_section_cb(void *ud, const char *section, int line,
                         char *err, size_t errlen)
{
	kvfile *k = ud;
	int i = check_index(section);
	int *at = i >= 0 ? &k->head_line[i]
	                 : !strcmp(section, "meta") ? &k->meta_line : NULL;
	if (!at) {
		snprintf(err, errlen, "unknown section [%.*s]",
		         rl_utf8_cut(section, 40), section);
		return -1;
	}
	if (*at)
		return ini_section_twice(section, *at, err, errlen);
	*at = line;
	return 0;
}

static int kv_has(const kvfile *k, const char *sec, const char *key);

/* Each key checked as it is read: a known section and key, text where
** text is meant, a finite number in range where a number is. */
static int kv_cb(void *ud, const char *section, const char *key,
                 const char *value, int line, char *err, size_t errlen)
{
	kvfile *k = ud;
	size_t i;
	double v;
	char what[160];
	(void)line;
	/* a key given twice: the checks read the first, the second was
	** passed over without a word */
	if (kv_has(k, section, key)) {
		snprintf(err, errlen, "[%.*s] %.*s is given twice in this file",
		         rl_utf8_cut(section, 40), section, rl_utf8_cut(key, 50), key);
		return -1;
	}
	if (!strcmp(section, "meta") && !strcmp(key, "name"))
		goto keep;
	/* kv_section_cb refused a section of another name */
	if (!strcmp(section, "meta")) {
		snprintf(err, errlen, "unknown key meta.%.*s (name)",
		         rl_utf8_cut(key, 50), key);
		return -1;
	}
	if (!strcmp(key, "claim") || !strcmp(key, "source")) {
		/* the claim and its source go whole into the report, the JSON
		** and the database (claim_check's 256): refused, not cut */
		size_t max = sizeof ((claim_check *)0)->source - 1;
		if (!*value) {
			snprintf(err, errlen, "%.*s.%s is empty",
			         rl_utf8_cut(section, 40), section, key);
			return -1;
		}
		if (strlen(value) > max) {
			char size[64];
			snprintf(err, errlen, "%.*s.%s is %s; at most %zu bytes",
			         rl_utf8_cut(section, 40), section, key,
			         rl_utf8_bytes(value, strlen(value), size, sizeof size),
			         max);
			return -1;
		}
		goto keep;
	}
	for (i = 0; i < NNUMBERS; i++)
		if (!strcmp(section, numbers[i].section) &&
		    !strcmp(key, numbers[i].key))
			break;
	if (i == NNUMBERS) {
		snprintf(err, errlen, "unknown key %.*s.%.*s",
		         rl_utf8_cut(section, 40), section, rl_utf8_cut(key, 50), key);
		return -1;
	}
	snprintf(what, sizeof what, "%s.%s", section, key);
	if (num_parse(what, value, 0, numbers[i].max, &v, err, errlen))
		return -1;
	if (v <= 0) {
		snprintf(err, errlen, "%s: '%s' must be above 0", what, value);
		return -1;
	}
keep:
	if (strlen(value) >= sizeof k->val[0]) {
		char size[64];
		snprintf(err, errlen, "%.*s.%.*s is %s; at most %zu bytes",
		         rl_utf8_cut(section, 40), section, rl_utf8_cut(key, 50), key,
		         rl_utf8_bytes(value, strlen(value), size, sizeof size),
		         sizeof k->val[0] - 1);
		return -1;
	}
	if (k->n >= KV_MAX) {
		snprintf(err, errlen, "more than %d keys", KV_MAX);
		return -1;
	}
	snprintf(k->key[k->n], sizeof k->key[0], "%.*s.%.*s",
	         rl_utf8_cut(section, 40), section, rl_utf8_cut(key, 50), key);
	snprintf(k->val[k->n], sizeof k->val[0], "%s", value);
	k->n++;
	return 0;
}

static const char *kv_str(const kvfile *k, const char *sec, const char *key)
{
	char full[96];
	int i;
	snprintf(full, sizeof full, "%s.%s", sec, key);
	for (i = 0; i < k->n; i++)
		if (!strcmp(k->key[i], full))
			return k->val[i];
	return "";
}

static int kv_has(const kvfile *k, const char *sec, const char *key)
{
	char full[96];
	int i;
	snprintf(full, sizeof full, "%s.%s", sec, key);
	for (i = 0; i < k->n; i++)
		if (!strcmp(k->key[i], full))
			return 1;
	return 0;
}

/* "PATH:LINE: " at the line of section's header, "PATH: " without one
** (the section is missing), into where. */
static void section_at(const kvfile *k, const char *path,
                       const char *section, char *where, size_t len)
{
	int i = check_index(section);
	if (i >= 0 && k->head_line[i])
		snprintf(where, len, "%s:%d: ", path, k->head_line[i]);
	else
		snprintf(where, len, "%s: ", path);
}

/* After reading: every check's claim, source and numbers are there. */
static int kv_complete(const kvfile *k, const char *path, char *err,
                       size_t errlen)
{
	size_t i;
	char where[1100];
	for (i = 0; i < NCHECKS; i++)
		if (!kv_has(k, check_sections[i], "claim") ||
		    !kv_has(k, check_sections[i], "source")) {
			section_at(k, path, check_sections[i], where, sizeof where);
			snprintf(err, errlen, "%s[%s] needs claim and source%s", where,
			         check_sections[i], k->head_line[i] ? "" :
			         " (the section is missing)");
			return -1;
		}
	for (i = 0; i < NNUMBERS; i++)
		if (!kv_has(k, numbers[i].section, numbers[i].key)) {
			/* the bound in all its digits, as num_parse's range says
			** it (1000000000000, where %g wrote 1e+12) */
			char mx[32];
			section_at(k, path, numbers[i].section, where, sizeof where);
			snprintf(err, errlen, "%s[%s] has no %s (a number above 0, "
			         "at most %s)", where, numbers[i].section,
			         numbers[i].key,
			         rl_number_write(numbers[i].max, mx, sizeof mx));
			return -1;
		}
	return 0;
}

static double kv_num(const kvfile *k, const char *sec, const char *key)
{
	double v;
	return num_text(kv_str(k, sec, key), &v) ? NAN : v;
}

static claim_check *add(claim_report *rep, const kvfile *k, const char *sec)
{
	claim_check *c;
	if (rep->nclaims >= CLAIM_CLAIMS_MAX)
		return NULL;
	c = &rep->claims[rep->nclaims++];
	snprintf(c->claim, sizeof c->claim, "%s", kv_str(k, sec, "claim"));
	snprintf(c->source, sizeof c->source, "%s", kv_str(k, sec, "source"));
	return c;
}

/* dense BF16 TFLOPS per mm2 of a chip preset; area from the preset's
** design section when it has one, else the fallback; NAN where the preset
** does not load, and *rc RL_EINTERNAL with err where its text could not
** be held in memory (no "n/a" of the check then: an internal failure) */
static double density_of(const char *chip, double fallback_mm2,
                         double *tflops, double *mm2, int *rc, char *err,
                         size_t errlen)
{
	rl_setup st;
	int r;
	setup_init(&st);
	if ((r = setup_load(&st, "chip", chip, err, errlen)) != 0) {
		if (r == RL_EINTERNAL)
			*rc = RL_EINTERNAL;
		return NAN;
	}
	*tflops = st.cfg.chip.peak_flops_bf16 / 1e12;
	*mm2 = st.cfg.design.die_m2 > 0
	           ? st.cfg.design.die_m2 * 1e6 *
	                 (st.cfg.design.dies > 0 ? st.cfg.design.dies : 1)
	           : fallback_mm2;
	return *tflops / *mm2;
}

/* A count as the text gives it: whole, 1e15 and past to 3 digits
** ("1.03e+251"), as claim_speedup2 gives a speedup: %.0f of a side
** made near zero wrote 250 digits into a 512-byte cell */
static const char *whole_num(char *buf, size_t len, double x)
{
	snprintf(buf, len, fabs(x) < 1e15 ? "%.0f" : "%.3g", x);
	return buf;
}

/* A count of H100s, whole ("171", with " H100s" where `noun`), but from
** 1e15 up, where whole_num turns to exponent form, "no number of H100s":
** a baseline of 1e-250 TB/s of HBM read "1.3e+252 H100s" (cli_claim):
** a count of chips that large is no number of them anyone could build
** to serve what the other side does. */
static const char *h100s(char *buf, size_t len, double x, int noun)
{
	char n[32];
	if (!isfinite(x) || fabs(x) >= 1e15)
		snprintf(buf, len, "no number of H100s");
	else
		snprintf(buf, len, "%s%s", whole_num(n, sizeof n, x),
		         noun ? " H100s" : "");
	return buf;
}

/* Text appended at used (snprintf's count) of a cell of size cap: none
** where the cell is full (used at or past cap: cap - used would wrap) */
static size_t cell_room(size_t cap, int used)
{
	return used >= 0 && (size_t)used < cap ? cap - (size_t)used : 0;
}

static void check_speedup(claim_report *rep, const kvfile *k)
{
	claim_check *c = add(rep, k, "speedup");
	double claimed = kv_num(k, "speedup", "value"), s = rep->speedup_total;
	const rl_mc_result *mc = rep->have_unc ? rep->mc : NULL;
	char x1[32], x2[32];
	int u;
	if (!c)
		return;
	u = snprintf(c->model_value, sizeof c->model_value,
	             "%s vs %s: %sx (input+output tokens), %sx (output "
	             "tokens)", rep->b.label, rep->a.label,
	             claim_speedup2_side(x1, sizeof x1, s, rep->opts.target),
	             claim_speedup2_side(x2, sizeof x2, rep->speedup_output,
	                                 rep->opts.target));
	/* (on the target's side, as the verdict's lines say them) */
	if (rep->have_bd && cell_room(sizeof c->model_value, u))
		snprintf(c->model_value + u, cell_room(sizeof c->model_value, u),
		         "; %s: %sx", rep->bd.label,
		         claim_speedup2_side(x1, sizeof x1,
		                             rep->bd_speedup_total,
		                             rep->opts.target));
	snprintf(c->verdict, sizeof c->verdict,
	         s >= 0.9 * claimed ? "consistent with the model"
	         : s >= 0.5 * claimed
	             ? "overstated: the model gives %.0f%% of the claim"
	             : "not reproduced: the model gives %.0f%% of the claim",
	         100 * s / claimed);
	/* "consistent" at the stated values beside the verdict's "Not
	** supported" over the ranges read as two answers to one question
	** (ux19): where the Monte Carlo weighed this very claim, it says
	** which values it holds at and what the ranges give */
	if (s >= 0.9 * claimed && mc && isfinite(mc->prob_ge_target) &&
	    rep->opts.target == claimed) {
		char pr[32];
		claim_prob_text(mc->prob_ge_target, pr, sizeof pr);
		/* the target in all its digits, as the verdict's P(>= Tx)
		** (claim_target_text), where %g wrote 1.23457e+06x */
		snprintf(c->verdict, sizeof c->verdict, "consistent with the "
		         "model at the stated values only; over the assumption "
		         "ranges P(>= %sx) = %s: %s, as the verdict says",
		         claim_target_text(claimed).s, pr, claim_verdict_word(1, mc->prob_ge_target, s,
		         claimed));
	}
}

static void check_throughput(claim_report *rep, const kvfile *k)
{
	claim_check *c = add(rep, k, "throughput");
	double claimed = kv_num(k, "throughput", "value");
	double t = rep->b.r.total_tps;
	if (!c)
		return;
	snprintf(c->model_value, sizeof c->model_value,
	         "%s: %.0f tokens/s input+output (%.0f output tokens/s); the "
	         "claim counted the same way is %.0f output tokens/s",
	         rep->b.label, t, rep->b.r.output_tps,
	         claimed * rep->b.cfg.scen.osl /
	             (rep->b.cfg.scen.isl + rep->b.cfg.scen.osl));
	/* Sohu as claimed's peak is worked back from this very figure
	** (data/chips/sohu.ini, claims.md Derived): agreement shows that
	** nothing else stops it short, not that the peak is real */
	snprintf(c->verdict, sizeof c->verdict,
	         t >= 0.9 * claimed
	             ? rep->b_default
	                   ? "consistent with the model, by construction: "
	                     "its peak FP8 is worked back from this figure, "
	                     "so this checks nothing else stops it short"
	                   : "consistent with the model"
	             : "not reproduced: %.0f%% of the claim",
	         100 * t / claimed);
}

static void check_baseline(claim_report *rep, const kvfile *k)
{
	claim_check *c = add(rep, k, "baseline");
	const rl_scenario *s = &rep->a.cfg.scen;
	double per = (s->isl + s->osl) / s->osl;
	double v10 = kv_num(k, "baseline", "trtllm_0_10") * per;
	double v11 = kv_num(k, "baseline", "trtllm_0_11") * per;
	double v12 = kv_num(k, "baseline", "trtllm_0_12") * per;
	double claimed = kv_num(k, "baseline", "value");
	double sohu = kv_num(k, "throughput", "value");
	if (!c)
		return;
	rep->base_total[0] = v10;
	rep->base_total[1] = v11;
	rep->base_total[2] = v12;
	snprintf(c->model_value, sizeof c->model_value,
	         "TensorRT-LLM table x (%.0f+%.0f)/%.0f: v0.10 %.0f, v0.11 %.0f, "
	         "v0.12 %.0f tokens/s (+%.0f%% in software); the claimed "
	         "500k is then %.1fx, %.1fx, %.1fx; model %s: %.0f tokens/s; "
	         "side b at its mapping is %.1fx, %.1fx, %.1fx of them",
	         s->isl, s->osl, s->osl, v10, v11, v12, 100 * (v12 / v10 - 1),
	         sohu / v10, sohu / v11, sohu / v12, rep->a.label,
	         rep->a.r.total_tps, rep->b.r.total_tps / v10,
	         rep->b.r.total_tps / v11, rep->b.r.total_tps / v12);
	snprintf(c->verdict, sizeof c->verdict,
	         fabs(v10 / claimed - 1) < 0.05
	             ? "reproduced (input+output tokens of v0.10); stale "
	               "within three months"
	             : "not reproduced from the table");
}

static void check_replacement(claim_report *rep, const kvfile *k)
{
	claim_check *c = add(rep, k, "replacement");
	double claimed = kv_num(k, "replacement", "value");
	double per_a = rep->a.r.total_tps / rl_scen_chips(&rep->a.cfg.scen);
	double eq = rep->b.r.total_tps / per_a;
	double etched = kv_num(k, "throughput", "value") /
	                (kv_num(k, "baseline", "value") / 8);
	char n1[48], n2[32];
	int u;
	if (!c)
		return;
	u = snprintf(c->model_value, sizeof c->model_value,
	             "%s = %s of %s (Etched's own figures: %s)",
	             rep->b.label, h100s(n1, sizeof n1, eq, 1), rep->a.label,
	             whole_num(n2, sizeof n2, etched));
	if (rep->have_bd && cell_room(sizeof c->model_value, u))
		snprintf(c->model_value + u, cell_room(sizeof c->model_value, u),
		         "; %s = %s", rep->bd.label,
		         h100s(n1, sizeof n1, rep->bd.r.total_tps / per_a, 0));
	snprintf(c->verdict, sizeof c->verdict,
	         eq >= 0.9 * claimed ? "consistent with the model"
	                             : "not reproduced: the model gives %s",
	         whole_num(n1, sizeof n1, eq));
}

static void check_model_size(claim_report *rep, const kvfile *k)
{
	claim_check *c = add(rep, k, "model_size");
	double n = kv_num(k, "model_size", "value");
	double hbm = rep->b.cfg.chip.hbm_bytes;
	if (!c)
		return;
	snprintf(c->model_value, sizeof c->model_value,
	         "weights alone: %.0f TB at FP8, %.0f TB at FP4, vs %.1f GB on "
	         "one chip (%s): %.0fx its memory at FP8",
	         n / 1e12, n * 0.5 / 1e12, hbm / 1e9, rep->b.label, n / hbm);
	snprintf(c->verdict, sizeof c->verdict,
	         n > hbm ? "false for weights held in one chip's HBM (at most "
	                   "%.0f B parameters at FP8)"
	                 : "consistent",
	         hbm / 1e9);
}

static void check_utilization(claim_report *rep, const kvfile *k)
{
	claim_check *c = add(rep, k, "utilization");
	double gpu = kv_num(k, "utilization", "gpu"), meas;
	rep->claimed_util = kv_num(k, "utilization", "sohu");
	snprintf(rep->util_claim, sizeof rep->util_claim, "%s",
	         kv_str(k, "utilization", "claim"));
	snprintf(rep->util_source, sizeof rep->util_source, "%s",
	         kv_str(k, "utilization", "source"));
	if (!c)
		return;
	snprintf(c->model_value, sizeof c->model_value,
	         "model MFU: %s %.1f%%; %s %.1f%% (its profile assumes %.0f%% "
	         "of peak on large GEMMs)",
	         rep->a.label, 100 * rep->a.r.mfu, rep->b.label,
	         100 * rep->b.r.mfu, 100 * rep->b.cfg.prof.eff_compute);
	/* the GPU's share measured: the baseline Etched compared with (the
	** 0.10 table, base_total[0]) at the model's FLOPs per token, a's MFU
	** scaled by measured / modelled tokens (claims.md, Derived: 22,735
	** tokens/s are about 20% of the H100s' dense FP8 peak).  "consistent"
	** stood for 20% against ~30%, within the 10 points it allowed, where
	** Etched's figure is 1.5x its own baseline's (ux16) */
	meas = rep->base_total[0] > 0 && rep->a.r.total_tps > 0
	           ? rep->a.r.mfu * rep->base_total[0] / rep->a.r.total_tps
	           : NAN;
	if (isfinite(meas) && meas > 0)
		snprintf(c->verdict, sizeof c->verdict,
		         "GPU side %s: ~%.0f%% is %.1fx the %.0f%% of the table "
		         "Etched compared with (model %.0f%%); Sohu's 90%% is an "
		         "assumption, not measured",
		         fabs(gpu / meas - 1) <= 0.1 ? "consistent"
		         : gpu > meas ? "overstated" : "understated",
		         100 * gpu, gpu / meas, 100 * meas, 100 * rep->a.r.mfu);
	else
		snprintf(c->verdict, sizeof c->verdict,
		         "GPU side %s (model %.0f%% vs ~%.0f%%); Sohu's 90%% is an "
		         "assumption, not measured",
		         fabs(rep->a.r.mfu - gpu) <= 0.1 ? "consistent" : "differs",
		         100 * rep->a.r.mfu, 100 * gpu);
}

/* the silicon model's reverse derivation (rl_silicon_derive on a chip
** preset's spec-sheet design section): MAC transistor share, BF16 peak.
** 0, -1 where it gives none, RL_EINTERNAL with err where the preset's
** text could not be held in memory. */
static int mac_share_of(const char *chip, double *share, double *peak,
                        double *fma, double *tr, char *err, size_t errlen)
{
	rl_setup st;
	rl_silicon si;
	char why[512];
	int r;
	setup_init(&st);
	if ((r = setup_load(&st, "chip", chip, err, errlen)) != 0)
		return r == RL_EINTERNAL ? RL_EINTERNAL : -1;
	if (rl_silicon_derive(&st.cfg, &si, why, sizeof why) != RL_OK ||
	    !(si.mac_share > 0))
		return -1;
	*share = si.mac_share;
	*peak = si.peak_flops_bf16 / 1e12;
	*fma = si.fma_units;
	*tr = si.transistors * (st.cfg.design.dies > 0 ? st.cfg.design.dies : 1);
	return 0;
}

static int check_matmul(claim_report *rep, const kvfile *k, char *err,
                        size_t errlen)
{
	claim_check *c = add(rep, k, "matmul_share");
	double tc = kv_num(k, "matmul_share", "tensor_cores");
	double fpt = kv_num(k, "matmul_share", "fma_per_tensor_core");
	double tpf = kv_num(k, "matmul_share", "transistors_per_fma");
	double tr = kv_num(k, "matmul_share", "transistors");
	double ghz = kv_num(k, "matmul_share", "clock_ghz");
	double claimed = kv_num(k, "matmul_share", "value");
	double fma = tc * fpt, share = fma * tpf / tr, peak = fma * 2 * ghz / 1e3;
	double s2, p2, f2, t2;
	char trw[48];
	int u, r;
	if (!c)
		return RL_OK;
	/* the counts whole or in words ("80 billion", where %.3g wrote
	** 8e+10) */
	if ((r = mac_share_of("h100-sxm", &share, &peak, &fma, &tr, err,
	                      errlen)) == RL_EINTERNAL)
		return RL_EINTERNAL;
	if (r == 0) {
		claim_count_words(tr, trw, sizeof trw);
		u = snprintf(c->model_value, sizeof c->model_value,
		             "silicon model, H100: %.0f FMA units x %.0f "
		             "transistors = %.2f%% of %s transistors, %.1f TFLOPS "
		             "BF16", fma, tpf, 100 * share, trw, peak);
	} else {
		claim_count_words(tr, trw, sizeof trw);
		u = snprintf(c->model_value, sizeof c->model_value,
		             "H100 (claims figures): %.0f FMA units x %.0f "
		             "transistors / %s = %.2f%%, %.1f TFLOPS BF16 at "
		             "%.2f GHz", fma, tpf, trw, 100 * share, peak, ghz);
	}
	if ((r = mac_share_of("a100-sxm", &s2, &p2, &f2, &t2, err,
	                      errlen)) == RL_EINTERNAL)
		return RL_EINTERNAL;
	if (r == 0 && u > 0 && (size_t)u < sizeof c->model_value)
		snprintf(c->model_value + u, sizeof c->model_value - (size_t)u,
		         "; A100: %.2f%% (%.1f TFLOPS BF16)", 100 * s2, p2);
	snprintf(c->verdict, sizeof c->verdict,
	         fabs(share / claimed - 1) < 0.1
	             ? "arithmetic reproduced; it counts FMA transistors only, "
	               "not operand delivery"
	             : "not reproduced");
	return RL_OK;
}

static int check_density(claim_report *rep, const kvfile *k, char *err,
                         size_t errlen)
{
	claim_check *c = add(rep, k, "density");
	double ta, ma, th, mh, tb, mb;
	int rc = RL_OK;
	double da = density_of("a100-sxm", kv_num(k, "density", "a100_mm2"),
	                       &ta, &ma, &rc, err, errlen);
	double dh = rc ? NAN : density_of("h100-sxm", kv_num(k, "density",
	                                                   "h100_mm2"),
	                                  &th, &mh, &rc, err, errlen);
	double db = rc ? NAN : density_of("b200", kv_num(k, "density",
	                                               "b200_mm2"),
	                                  &tb, &mb, &rc, err, errlen);
	double claimed = kv_num(k, "density", "value");
	if (rc)
		return rc;
	if (!c)
		return RL_OK;
	snprintf(c->model_value, sizeof c->model_value,
	         "dense BF16 TFLOPS/mm2: A100 %.3f (2020), H100 %.3f (2022), "
	         "B200 >= %.3f (2024, two dies <= reticle); H100->B200 %+.0f%%, "
	         "A100->H100 %.1fx, A100->B200 %.1fx",
	         da, dh, db, 100 * (db / dh - 1), dh / da, db / da);
	snprintf(c->verdict, sizeof c->verdict,
	         db / da - 1 <= 2 * claimed
	             ? "consistent"
	             : fabs(db / dh - 1) <= 2 * claimed
	                   ? "partly true: flat from H100 to B200, but %.1fx "
	                     "from A100 to H100"
	                   : "not reproduced",
	         dh / da);
	return RL_OK;
}

int claim_checks(claim_report *rep, char *err, size_t errlen)
{
	kvfile *k = calloc(1, sizeof *k);
	char path[1200];
	int rc;
	if (!k) {
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	snprintf(path, sizeof path, "%s/claims/etched-2024.ini", rl_data_dir());
	/* the file's text not held in memory is no fault of it: exit 1 */
	if ((rc = ini_parse_file_sections(path, kv_section_cb, kv_cb, k, err,
	                                  errlen)) ||
	    kv_complete(k, path, err, errlen)) {
		free(k);
		return rc == RL_EINTERNAL ? RL_EINTERNAL : RL_EINPUT;
	}
	check_speedup(rep, k);
	check_throughput(rep, k);
	check_baseline(rep, k);
	check_replacement(rep, k);
	check_model_size(rep, k);
	check_utilization(rep, k);
	/* a chip preset these read not held in memory: exit 1, where the
	** check read "n/a" as if the preset gave no figure */
	rc = check_matmul(rep, k, err, errlen);
	if (rc == RL_OK)
		rc = check_density(rep, k, err, errlen);
	free(k);
	return rc;
}
