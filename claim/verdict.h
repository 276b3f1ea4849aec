/*
** verdict.h: the verdict of a claim in one word or phrase, from the
** probability of reaching the target under the assumption ranges (when a
** Monte Carlo ran) or else from the speedup under the stated assumptions.
** The claim's terminal summary and the report both say it.
*/
#ifndef RL_CLAIM_VERDICT_H
#define RL_CLAIM_VERDICT_H

#include <stddef.h>

/* have_prob: prob (0..1) is the Monte Carlo's P(speedup >= target).
** "Supported" (P >= 90%), "Plausible" (>= 50%), "Possible but unlikely"
** (>= 10%), "Not supported"; without a probability "Reproduced under the
** stated assumptions" / "Not reproduced under the stated assumptions", or
** "Undetermined" when the speedup is not finite. */
const char *claim_verdict_word(int have_prob, double prob, double speedup,
                               double target);

/* The verdict's first line, its word and its sentence, into buf (len
** bytes; returns buf): "Not supported: B is 17.67x as fast as A, not
** 20x."; where the word (the probability over the ranges) and the stated
** values disagree the sentence says both ("Not supported: B is 17.67x as
** fast as A at the stated values, reaching 17x, but only 4.0% of the
** samples over the assumption ranges do.").  The speedup as
** claim_speedup_side writes it beside the target (19.996 "is 19.99x ...,
** not 20x").  b and a are the sides' labels as the caller
** shows them (the terminal's cells, the JSON's raw text).  The text and
** the JSON's verdict.text both say it. */
const char *claim_verdict_sentence(char *buf, size_t len, int have_prob,
                                   double prob, double x, double target,
                                   const char *b, const char *a);

/* How the word is drawn, in the words the terminal summary, its JSON
** (verdict.rule) and the report each give it: with a probability, its
** four bands ("Supported at 90% or more, Plausible at 50-90%, Possible
** but unlikely at 10-50%, Not supported under 10%"); without, the
** stated values against the target. */
const char *claim_verdict_rule(int have_prob);

/* Where the speedup under the stated assumptions, x, lies against its
** 90% interval [p05, p95]: 1 above it, -1 below it, 0 inside (or x NaN).
** The terminal summary, its JSON and the report each say it. */
int claim_vs_interval(double x, double p05, double p95);

/* The 95% interval of a probability p estimated as a share of n samples
** (Wilson's score interval, z = 1.96, which stays inside [0, 1] and is
** not empty at p = 0): 0 of 5 samples is [0, 43%], 86 of 100,000
** [0.070%, 0.11%]. */
void claim_prob_interval(double p, double n, double *lo, double *hi);

/* claim_prob_interval's confidence and its normal quantile */
#define CLAIM_PROB_CONFIDENCE 0.95
#define CLAIM_PROB_Z 1.96

/* Where n samples are too few to settle the verdict's word (the two ends
** of p's 95% interval fall in different bands of claim_verdict_word), the
** warning with its fix into buf ("only 5 samples: P(>= 20x) lies between
** 0% and 43% (95% confidence), across the bands the verdict's word is
** drawn from; more samples (--samples) settle it"), else "".  Returns
** buf.  The terminal summary and the report both say it. */
const char *claim_unsettled_words(char *buf, size_t len, double p,
                                  double n, double target);

#endif
