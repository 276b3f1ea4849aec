/*
** robustwords.h: the verdict's Monte Carlo with its ranges narrowed
** toward the stated values (model/mcrobust.h) in the words the claim's
** text prints (cli/claimout.c), its JSON holds (verdict.range_robustness)
** and the report repeats from the database (reports/verdict.c): one
** function per sentence, so that they cannot drift apart.  Nothing here
** evaluates the model.
*/
#ifndef RL_CLAIM_ROBUSTWORDS_H
#define RL_CLAIM_ROBUSTWORDS_H

#include <stddef.h>

#include "../model/mcrobust.h"

/* What the sentences say: P(>= target) and the median at each fraction
** of the widths, and the range that moves P most narrowed alone. */
typedef struct {
	int n;                                 /* fractions given */
	double fraction[RL_ROBUST_FRACTIONS];  /* 1, 0.5, 0.25, 0.1 */
	double prob[RL_ROBUST_FRACTIONS];      /* 0..1; NAN unknown */
	double p50[RL_ROBUST_FRACTIONS];
	/* the samples each P is over (rl_robust_row's valid: those
	** evaluated); 0 where not known (a run stored before the report read
	** them), samples then */
	long long evaluated[RL_ROBUST_FRACTIONS];
	long long samples;
	unsigned long long seed;
	char top[96];         /* "b.profile.eff_compute"; "" none */
	char top_unit[24];
	double top_fraction, top_low, top_high, top_prob, top_p50;
	/* the range that moves P next most, narrowed alone: its P estimated
	** from the full run's samples (rl_robust's alone[]); "" none */
	char next[96];
	double next_prob;
	int etched;           /* side b is Etched's claim (b_default): its
	                      ** stated values are "Etched's figures" */
	/* the triangles whose mode a narrowed range left out, held to its
	** nearer end (rl_robust's modes_held), and the first's name; 0, ""
	** none */
	long long modes_held;
	char mode_held[96];
} claim_robust_summary;

/* A fraction of the widths in words: "full width" (1), "half" (0.5), "a
** quarter", "a tenth", else "0.3 of"; returns buf. */
const char *claim_robust_fraction_words(char *buf, size_t len, double f);

/* The summary of r (u: the uncertainty file it ran over, for the top
** range's name and unit). */
void claim_robust_summarize(const rl_robust *r, const rl_uparam *u,
                            unsigned long seed, int etched,
                            claim_robust_summary *s);

/* "every range narrowed toward its stated value (the same shape, seed 1
** and 100000 samples): P(>= 20x) = 1.2% at full width (median 13.16x),
** 4.4% at half (15.02x), 14% at a quarter (17.07x), 47% at a tenth
** (19.23x)"; where a triangle's mode was held, "(the same shape but for
** b.chip.link_gbps's mode, held to the nearer end of a narrowed range
** that leaves it out; seed 1 and 1 sample)" ("the modes of X and 2
** more, ... ranges that leave them out"). */
void claim_robust_words(const claim_robust_summary *s, double target,
                        char *buf, size_t len);

/* "the range whose width moves P(>= 20x) most: b.profile.eff_compute,
** narrowed alone to a tenth (0.84 .. 0.905), the others as given: P(>=
** 20x) = 9.9%, median 14.52x; next, b.profile.attn_overlap (about 3.5%,
** estimated from the full run's samples)"; 0, or -1 (buf "") where no range moves
** it. */
int claim_robust_top_words(const claim_robust_summary *s, double target,
                           char *buf, size_t len);

/* The investor's line: "even with every range narrowed to a tenth around
** Etched's figures, P(>= 20x) = 47% (median 19.23x): the verdict's word
** would be Possible but unlikely (Not supported at full width)"; where the
** narrowest reaches Supported, "with every range narrowed to a tenth
** around Etched's figures P(>= 20x) = 93% ...: Supported, where at full
** width it is Not supported: the verdict rests on how wide the ranges
** are" (so too where the word falls as the ranges narrow); where the
** word is the same at both widths (Supported too), "...
** the verdict's word would still be Supported".  Where the samples are
** too few to settle the word at a tenth or at full width
** (claim_unsettled_words, over the samples evaluated at that width), no
** word: "..., but from only 10 samples: it lies between 59.6% and 98.2%
** (95% confidence), across the bands ...; more samples (--samples)
** settle it".  "" where the narrowest is not
** known. */
void claim_robust_investor_words(const claim_robust_summary *s,
                                 double target, char *buf, size_t len);

#endif
