/*
** robustwords.c: the Monte Carlo with its ranges narrowed, in words
** (robustwords.h), for the claim's text, its JSON and the report alike.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../model/numtext.h"
#include "mcwords.h"
#include "numwords.h"
#include "robustwords.h"
#include "verdict.h"

const char *claim_robust_fraction_words(char *buf, size_t len, double f)
{
	if (f == 1)
		snprintf(buf, len, "full width");
	else if (f == 0.5)
		snprintf(buf, len, "half");
	else if (f == 0.25)
		snprintf(buf, len, "a quarter");
	else if (f == 0.1)
		snprintf(buf, len, "a tenth");
	else { /* in all its digits (0.123456789 of, where %g wrote 0.123457) */
		char v[32];
		snprintf(buf, len, "%s of", rl_number_write(f, v, sizeof v));
	}
	return buf;
}

void claim_robust_summarize(const rl_robust *r, const rl_uparam *u,
                            unsigned long seed, int etched,
                            claim_robust_summary *s)
{
	int i;
	memset(s, 0, sizeof *s);
	s->n = RL_ROBUST_FRACTIONS;
	for (i = 0; i < RL_ROBUST_FRACTIONS; i++) {
		s->fraction[i] = r->all[i].fraction;
		s->prob[i] = r->all[i].prob_ge_target;
		s->p50[i] = r->all[i].p50;
		s->evaluated[i] = (long long)r->all[i].valid;
	}
	s->samples = (long long)r->all[0].samples;
	s->seed = seed;
	s->etched = etched;
	s->modes_held = (long long)r->modes_held;
	if (r->modes_held && r->mode_held_first >= 0 &&
	    (size_t)r->mode_held_first < r->nu) {
		const rl_uparam *h = &u[r->mode_held_first];
		snprintf(s->mode_held, sizeof s->mode_held, "%c.%s.%s",
		         h->side ? 'b' : 'a', h->p->section, h->p->key);
	}
	s->top_fraction = s->top_low = s->top_high = NAN;
	s->top_prob = s->top_p50 = NAN;
	s->next_prob = NAN;
	if (r->top < 0)
		return;
	/* the runner-up, as rl_mc_robust chose the top: the largest move of
	** P, the first of equals */
	{
		double p0 = r->all[0].prob_ge_target, best = 0;
		long k, next = -1;
		for (k = 0; k < (long)r->nu; k++)
			if (k != r->top && isfinite(r->alone[k]) &&
			    fabs(r->alone[k] - p0) > best) {
				best = fabs(r->alone[k] - p0);
				next = k;
			}
		if (next >= 0) {
			snprintf(s->next, sizeof s->next, "%c.%s.%s",
			         u[next].side ? 'b' : 'a', u[next].p->section,
			         u[next].p->key);
			s->next_prob = r->alone[next];
		}
	}
	const rl_uparam *t = &u[r->top];
	snprintf(s->top, sizeof s->top, "%c.%s.%s", t->side ? 'b' : 'a',
	         t->p->section, t->p->key);
	snprintf(s->top_unit, sizeof s->top_unit, "%s", t->p->unit);
	s->top_fraction = r->top_row.fraction;
	rl_uparam_range(&r->top_u, &s->top_low, &s->top_high);
	s->top_prob = r->top_row.prob_ge_target;
	s->top_p50 = r->top_row.p50;
}

void claim_robust_words(const claim_robust_summary *s, double target,
                        char *buf, size_t len)
{
	int i, u;
	size_t used;
	char shape[320];
	/* a triangle's mode held to an end of its narrowed range is not the
	** same shape: named (a summary from a run before this said nothing,
	** modes_held 0) */
	if (s->modes_held > 1 && s->mode_held[0])
		snprintf(shape, sizeof shape, "the same shape but for the modes of "
		         "%s and %lld more, held to the nearer end of narrowed "
		         "ranges that leave them out; ", s->mode_held,
		         s->modes_held - 1);
	else if (s->modes_held > 0 && s->mode_held[0])
		snprintf(shape, sizeof shape, "the same shape but for %s's mode, "
		         "held to the nearer end of a narrowed range that leaves "
		         "it out; ", s->mode_held);
	else
		snprintf(shape, sizeof shape, "the same shape, ");
	u = snprintf(buf, len, "every range narrowed toward its stated value "
	             "(%sseed %llu and %lld sample%s): P(>= %sx) =", shape,
	             s->seed, s->samples, claim_plural_s((double)s->samples),
	             claim_target_text(target).s);
	used = u > 0 ? (size_t)u : 0;
	for (i = 0; i < s->n && used < len; i++) {
		char pr[32], fw[32], med[32];
		claim_prob_text(s->prob[i], pr, sizeof pr);
		claim_robust_fraction_words(fw, sizeof fw, s->fraction[i]);
		u = snprintf(buf + used, len - used, "%s %s at %s (%s%s)",
		             i ? "," : "", pr, fw, i ? "" : "median ",
		             claim_speedup_side(med, sizeof med, s->p50[i],
		                                target));
		used += u > 0 ? (size_t)u : 0;
	}
}

int claim_robust_top_words(const claim_robust_summary *s, double target,
                           char *buf, size_t len)
{
	char pr[32], fw[32], med[32], lo[32], hi[32];
	if (len)
		buf[0] = '\0';
	if (!s->top[0] || !len)
		return -1;
	claim_prob_text(s->top_prob, pr, sizeof pr);
	snprintf(buf, len, "the range whose width moves P(>= %sx) most: %s, "
	         "narrowed alone to %s (%s .. %s%s%s), the others as given: "
	         "P(>= %sx) = %s, median %s", claim_target_text(target).s, s->top,
	         claim_robust_fraction_words(fw, sizeof fw, s->top_fraction),
	         claim_plain_num(lo, sizeof lo, s->top_low),
	         claim_plain_num(hi, sizeof hi, s->top_high),
	         s->top_unit[0] ? " " : "", s->top_unit,
	         claim_target_text(target).s, pr,
	         claim_speedup_side(med, sizeof med, s->top_p50, target));
	if (s->next[0] && isfinite(s->next_prob)) {
		size_t used = strlen(buf);
		claim_prob_text(s->next_prob, pr, sizeof pr);
		snprintf(buf + used, len - used, "; next, %s (about %s, estimated "
		         "from the full run's samples)", s->next, pr);
	}
	return 0;
}

void claim_robust_investor_words(const claim_robust_summary *s,
                                 double target, char *buf, size_t len)
{
	char pr[32], fw[32], med[32], around[64];
	const char *w0, *wn;
	int n = s->n - 1;
	if (len)
		buf[0] = '\0';
	if (n < 1 || !isfinite(s->prob[n]) || !len)
		return;
	claim_prob_text(s->prob[n], pr, sizeof pr);
	claim_robust_fraction_words(fw, sizeof fw, s->fraction[n]);
	claim_speedup_side(med, sizeof med, s->p50[n], target);
	snprintf(around, sizeof around, "%s", s->etched
	         ? "around Etched's figures (the stated values)"
	         : "around the stated values");
	/* from samples too few to settle the word at a tenth or at full
	** width (claim_unsettled_words: P's 95% interval across the bands),
	** no word either way: how far P may lie and the fix, where 10
	** samples said "Supported, where at full width it is Not supported"
	** beside a verdict that says too few samples settle nothing */
	{
		/* each P over the samples evaluated at its width, as the
		** verdict's own (mc->valid), where all those drawn said a word
		** the verdict said too few samples settle */
		long long nn = s->evaluated[n] > 0 ? s->evaluated[n] : s->samples;
		long long n0 = s->evaluated[0] > 0 ? s->evaluated[0] : s->samples;
		double lo, hi, p = s->prob[n];
		const char *at = "";
		char few[400], a[32], b[32];
		claim_unsettled_words(few, sizeof few, p, (double)nn, target);
		if (!few[0] && isfinite(s->prob[0])) {
			claim_unsettled_words(few, sizeof few, s->prob[0], (double)n0,
			                      target);
			p = s->prob[0];
			nn = n0;
			at = "at full width ";
		}
		if (few[0]) {
			claim_prob_interval(p, (double)nn, &lo, &hi);
			claim_prob_text(lo, a, sizeof a);
			claim_prob_text(hi, b, sizeof b);
			snprintf(buf, len, "with every range narrowed to %s %s, P(>= "
			         "%sx) = %s (median %s), but from only %lld sample%s: "
			         "%sit lies between %s and %s (95%% confidence), "
			         "across the bands the verdict's word is drawn from, "
			         "so %s is not settled; more samples (--samples) "
			         "settle it", fw, around, claim_target_text(target).s, pr, med, nn,
			         claim_plural_s((double)nn), at, a, b,
			         /* the tenth's word settled, the full width's not:
			         ** what is open is whether it moves */
			         at[0] ? "whether the verdict's word moves as the "
			                 "ranges narrow"
			               : "which word the narrower ranges give");
			return;
		}
	}
	w0 = claim_verdict_word(1, s->prob[0], NAN, target);
	wn = claim_verdict_word(1, s->prob[n], NAN, target);
	/* the same word at both widths first: a side Supported at full
	** width too does not rest on the widths */
	if (!strcmp(w0, wn))
		snprintf(buf, len, "even with every range narrowed to %s %s, "
		         "P(>= %sx) = %s (median %s): the verdict's word would "
		         "still be %s", fw, around, claim_target_text(target).s, pr, med, wn);
	else if (s->prob[n] >= 0.9 || s->prob[n] < s->prob[0])
		/* the word reaching Supported, or falling where the ranges
		** narrow (ranges mostly above the stated values): either
		** way it rests on the widths */
		snprintf(buf, len, "with every range narrowed to %s %s, P(>= %sx) "
		         "= %s (median %s): %s, where at full width it is %s: the "
		         "verdict rests on how wide the ranges are", fw, around,
		         claim_target_text(target).s, pr, med, wn, w0);
	else
		snprintf(buf, len, "even with every range narrowed to %s %s, "
		         "P(>= %sx) = %s (median %s): the verdict's word would be "
		         "%s (%s at full width), not Supported", fw, around,
		         claim_target_text(target).s,
		         pr, med, wn, w0);
}
