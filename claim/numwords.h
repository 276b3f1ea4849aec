/*
** numwords.h: how the claim's words print a speedup and a probability,
** one place for the text (cli/claimout.c), the verdict (verdict.c), the
** Monte Carlo sentences (mcwords.c) and the report, which repeat them.
*/
#ifndef RL_CLAIM_NUMWORDS_H
#define RL_CLAIM_NUMWORDS_H

#include <stddef.h>

/* A speedup of the tornado to two decimals, as the text prints it
** ("17.67"), 1e15 and past to 3 digits ("1e+300"). */
const char *claim_speedup2(char *buf, size_t len, double x);
/* A Shapley factor to three decimals ("1.900", "0.873"), 1e15 and past
** to 3 digits ("1.36e+250"), as claim_speedup2 gives a speedup (%.3f of a
** side made near zero printed 250 digits): the claim's text's factors and
** the factor plot's bars (plots/factors.c), where the plot's %.3g wrote
** 1.9 beside the text's 1.900. */
const char *claim_factor_text(char *buf, size_t len, double x);
/* The power-limit factor x of a side b with no power model (Sohu as
** claimed), said under the factors by the claim's text and the report:
** "B has no power model and no TDP; xX is (averaged over the Shapley
** orders) what A's power budget and energy per operation would take from
** its peak, assumed away", X as claim_factor_text writes it (the factor
** table's figure; "x%.3f" wrote 1e300 in 301 digits).  Returns buf. */
const char *claim_power_note(char *buf, size_t len, const char *b,
                             const char *a, double x);
/* The factors' product beside the target (claim's "product = 21.389"):
** claim_factor_text's three decimals on the target's side the product is
** on, by claim_speedup2_side's rule (19.9996 short of 20 is "19.999",
** where "20.000" read as meeting 20x). */
const char *claim_factor_side(char *buf, size_t len, double x,
                              double target);
/* A speedup as the sentences print it, claim_speedup2's digits and "x"
** ("17.67x"), or "not evaluated" where it is not a number (NULL in the
** claim database, a Monte Carlo with no evaluable sample), where the
** text and the report printed "nanx". */
#define CLAIM_NOT_EVALUATED "not evaluated"
const char *claim_speedup_x(char *buf, size_t len, double x);
/* A speedup x printed beside a target (the verdict, the Monte Carlo's
** quantiles beside P(>= target), what must be true, solve, the report,
** one that falls short of it: "cannot reach 20x: ... it gives X"):
** as claim_speedup_x writes it, but on the target's side it is on (x >=
** target meets it, as P(>= target) counts): where two decimals carried x
** across, its hundredths floored (19.996 short of 20 is "19.99x", where
** "20.00x" read as met) or ceiled (20.0049 reaches 20.0041: "20.01x", not
** "20.00x"), exactly (one ulp under 0.1 floors to 0.09, and past 4.5e13,
** where x * 100 as a double has lost its fraction, x's own hundredths:
** 55058218832473.625 at least itself reads .63, not the .62 that reads
** back under it); a target or an x that is not a number, or x from 1e15
** (exponent form), as claim_speedup_x. */
const char *claim_speedup_side(char *buf, size_t len, double x,
                               double target);
/* claim_speedup_side's digits without the "x" (and "nan" where x is not
** a number, as claim_speedup2), for a table's cell or a "%sx". */
const char *claim_speedup2_side(char *buf, size_t len, double x,
                                double target);
/* A target as given, in all its digits (model/numtext.h rl_number_write:
** 1000000 and 1234567.5, where %g wrote 1e+06 and 1.23457e+06), as one
** value for a format's "%sx": claim_target_text(t).s lives to the end of
** the expression that asks for it. */
typedef struct {
	char s[40];
} claim_target_str;
claim_target_str claim_target_text(double target);

/* A probability (0..1) as the text says every one (the verdict, the
** Monte Carlo lines, the report): a percentage to one decimal ("4.0%"),
** one under 1% to two significant digits ("0.086%", "0.18%", where the
** verdict read "0.1%" beside the Monte Carlo line's "0.0009"), one within
** 0.1% of certainty to four ("99.95%"); "n/a" where not finite.  JSON
** keeps the number. */
void claim_prob_text(double p, char *buf, size_t len);

/* "s" after a count n of a noun that takes it in the plural ("1 sample",
** "0 samples", "2 samples"), "" after 1. */
const char *claim_plural_s(double n);

/* The suffix a percentile printed as num takes, one rule for every value
** the words give (the nominal's place among the samples, mcwords.c): a
** whole number its English ordinal's, by its last two digits: "th" after
** 11, 12 and 13 of each hundred (11th, 112th), else by the last digit,
** "st" after 1, "nd" after 2, "rd" after 3, "th" after any other (0th,
** 1st, 2nd, 3rd, 4th, 21st, 22nd, 23rd, 100th, 101st); a number with a
** decimal point "th" whatever its last digit ("the 99.7th percentile",
** "the 0.3th percentile"), the form statistics writes, so every
** percentile in words is an ordinal, where "the 99.7 percentile" stood
** beside "the 74th percentile" (and the last digit's suffix wrote "the
** 0.3rd", an ordinal of the tenth).  A leading '-' is passed over; ""
** where num is no number (empty, or not digits with at most one point
** between digits). */
const char *claim_ordinal_suffix(const char *num);

#endif
