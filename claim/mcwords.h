/*
** mcwords.h: a side's Monte Carlo and tornado in the words the claim's
** text prints them (cli/claimout.c) and the report repeats from the
** database (reports/sections.c): one function per sentence, so that the
** two cannot drift apart.  The numbers are a claim_mc_summary, which
** claimdb.c stores whole (claim_mc_summary, schema.h) and the report reads
** back; nothing here evaluates the model.
*/
#ifndef RL_CLAIM_MCWORDS_H
#define RL_CLAIM_MCWORDS_H

#include <stddef.h>

#include "../model/montecarlo.h"

/* What the text says of one side's Monte Carlo. */
typedef struct {
	long long samples;
	unsigned long long seed;
	double p05, p50, p95;
	double prob_ge_target;   /* of the evaluated samples, 0..1 */
	double violation_rate;   /* of all samples, 0..1 */
	long long viol[4];       /* power, reticle, HBM stacks, area shares */
	long long not_evaluable; /* samples the model could not evaluate */
	long long not_evaluable_violating; /* of them, those counted as
	                         ** violating physics too (a side over its
	                         ** area shares is both); -1 where not known
	                         ** (a database keeps no such count) */
	double nominal;          /* the speedup at the stated values */
	double nominal_below;    /* share of the evaluated samples below it,
	                         ** 0..1; NAN when none was evaluated */
} claim_mc_summary;

/* The summary of mc (seed as run, nominal the side's speedup at its
** stated values). */
void claim_mc_summarize(const rl_mc_result *mc, unsigned long seed,
                        double nominal, claim_mc_summary *s);

/* The names the claim's text, the report and the Monte Carlo plot
** (plots/distribution.c) give the quantiles p05, p50 and p95 (k 0, 1, 2):
** "5th percentile", "median", "95th percentile"; NULL for any other k. */
const char *claim_mc_quantile_name(int k);

/* "speedup 5th percentile 7.10x, median 10.68x, 95th percentile 15.46x;
** P(>= 20x) = 0.18%" (until 2026-11-30 "p05 7.10x  p50 ... p95"); where
** no quantile is a number, "speedup quantiles not evaluated (none of the
** 100 samples could be evaluated); P(>= 20x) = n/a", the reason where the
** summary gives it (every sample not evaluable), one that is not a number
** among others "5th percentile not evaluated" (claim_speedup_x).  Every
** speedup of these sentences is claim_speedup2's (two decimals, 1e15 and
** past in exponent form), so that a sentence is at most a few hundred
** bytes whatever the numbers, on the target's side it is on
** (claim_speedup_side: a median of 19.996 is 19.99x beside P(>= 20x), as
** are the given and tail sentences' below). */
void claim_mc_quantile_words(const claim_mc_summary *s, double target,
                             char *buf, size_t len);

/* "violating physics: 0.4% (power 0, reticle 0, HBM stacks 0, area shares
** 397); not evaluable: 397 (all of them among the violating samples
** above)", the overlap as s->not_evaluable_violating gives it ("(35 of
** them ...)", "(none among ...)", where unknown "(a sample may be counted
** above too)"); a share that is not a number (NULL in the
** database) "violating physics: share not evaluated (power 0, ...)" */
void claim_mc_violation_share(double rate, char *buf, size_t len);
void claim_mc_violation_words(const claim_mc_summary *s, char *buf,
                              size_t len);

/* "the speedup at the stated values, 11.93x, sits at the
** 68th percentile of the samples, so the median (10.68x) is below it";
** a share rounding to 100 or 0 with samples beyond it to a tenth, an
** ordinal as a whole one is ("the 99.7th percentile": claim_ordinal_suffix);
** 0, or -1 (buf "") where it cannot be said (no nominal, no sample).
** The speedups on target's side they are on (claim_speedup2_side), as the
** verdict's lines print the same nominal. */
int claim_mc_nominal_words(const claim_mc_summary *s, double target,
                           char *buf, size_t len);

/* A stated value or a range's end as every place a reader meets it
** writes it (claim's assumptions block, tornado rows and lean lines, the
** robustness sentence, the tornado plot, the report's tables): as the
** data file wrote it, the fewest digits that read back as v
** (rl_number_write: "1507.5", "57.12", "12000", "0.0000001", where %.4g
** wrote 1508 beside the source's 1507.5), where those are at most
** CLAIM_PLAIN_DIGITS significant digits; a value nobody typed (a normal's
** 5th percentile, 0.1 x 3's 0.30000000000000004) to 4 significant
** digits in plain decimals ("1.645", "0.3", "12350").  One function of
** the double alone, so one value reads the same in each of those places
** (the text's and the database's doubles are the same). */
#define CLAIM_PLAIN_DIGITS 9
const char *claim_plain_num(char *buf, size_t len, double v);

/* claim_swing_flat: 1 when the two ends are numbers that print the same
** (claim_speedup2_side beside target, numwords.h: as every tornado row
** prints them) as each other and as the nominal, the speedup at the
** stated values (not compared where it is not a number),
** a swing the text, the report and the tornado plot name apart ("unchanged
** over the range") rather than draw.  Ends that agree away from the
** nominal (a range leaving its stated value out) are a move. */
int claim_swing_flat(double nominal, double speedup_low,
                     double speedup_high, double target);

/* 1 when the row leans the way the median moved (down when p50 is below
** the nominal) by more than 1% in log terms. */
int claim_lean_shown(double nominal, double p50, double speedup_low,
                     double speedup_high);
/* "Assumptions whose range reaches further down than up:" (or up than
** down) */
const char *claim_lean_intro(double nominal, double p50);
/* "b.design.frac_mac: 8.65x at 0.1, 15.94x at 0.4 (1.38x down, 1.34x up)",
** the unit after the high end where there is one; the two speedups on
** target's side they are on (claim_speedup_side, as the tornado's rows),
** the two ratios as claim_speedup_x. */
void claim_lean_words(const char *param, const char *unit, double low,
                      double high, double speedup_low, double speedup_high,
                      double nominal, double target, char *buf, size_t len);

/* Why Sohu by design (bd) reaches the target in more samples than Sohu
** as claimed (b) though its median is lower, in one sentence: "Sohu by
** design reaches 20x in more samples than Sohu as claimed (0.18% against
** 0.086%) though its median is lower (10.68x against 12.57x): as
** claimed's peak FP8 stops at 12 PFLOPS, the top of its range, while by
** design's follows from its die, density, MAC-share and clock ranges, held
** by its TDP and energy ranges, and has no such ceiling: where several of
** them sit at their favourable ends together it reaches what 20x needs".
** ceiling_tflops: the high end of b's b.chip.peak_tflops_fp8 row in its
** tornado.  0, or -1 (buf "") where it does not hold: bd's P(>= target)
** not above b's, its median not below, or no ceiling. */
int claim_mc_tail_words(const claim_mc_summary *b,
                        const claim_mc_summary *bd, double ceiling_tflops,
                        double target, char *buf, size_t len);

/* A side's Monte Carlo read under one condition, the draw of one of its
** uncertain parameters (rl_mc_record) at or above at_least: the same
** samples, only those that meet it ("if Sohu reaches >= 90% utilization,
** the share the claim states"), not a new model nor new draws. */
typedef struct {
	double at_least;         /* the condition, display units */
	long long n;             /* evaluated samples that meet it */
	long long valid;         /* evaluated samples */
	double share;            /* n / valid; NAN where none was evaluated */
	double p05, p50, p95;    /* of those n; NAN where n < CLAIM_GIVEN_MIN */
	double prob_ge_target;   /* of those n, 0..1; NAN likewise */
} claim_mc_given;

/* The fewest samples meeting the condition that an interval, median and
** P(>= target) are given of: below it the 5th and 95th percentiles are
** next to the extremes (19 samples: the 5th interpolates between the two
** lowest), and the text says too few (JSON null) rather than an interval. */
#define CLAIM_GIVEN_MIN 20

/* g from mc's samples whose recorded draw (mc->drawn) is at least
** at_least.  0, -1 where mc recorded no draw, RL_EINTERNAL (1) where
** memory ran out. */
int claim_mc_given_of(const rl_mc_result *mc, double at_least, double target,
                      claim_mc_given *g);

/* "if 8x Sohu (as claimed) reaches >= 90% utilization, the share stated in
** "more than 90% FLOPS utilization on Sohu vs about 30% on GPUs" (Etched
** blog (claims.md)) (7.7% of the samples, 7690 of 100000): 90% interval
** 14.10x .. 21.02x, median 17.60x, P(>= 20x) = 15%"; with no sample
** meeting it, "... (none of the 100000 evaluated samples): not evaluated";
** with fewer than CLAIM_GIVEN_MIN, "... (0.01% of the samples, 7 of
** 100000): too few samples to give an interval (fewer than 20; ...)".
** who: the side's label, whichever chip it is; stated: the claim's words
** of the share (the claims file's [utilization] claim), by: who states it
** ([utilization] source); either NULL or "" leaves it out ("the share the
** claim states" where both are). */
void claim_mc_given_words(const claim_mc_given *g, const char *who,
                          const char *stated, const char *by, double target,
                          char *buf, size_t len);

/* The most lean rows the text lists. */
#define CLAIM_LEAN_MAX 3

#endif
