/*
** words.h: what must be true, in words an investor reads (words.c): the
** quantity a lever stands for ("11.5 PFLOPS", "52%"), the limit that binds
** where a lever stops helping ("compute binds"), and one sentence per
** one-at-a-time solution.  Used by the claim's text, JSON and database,
** so that the report says what the terminal says.
*/
#ifndef RL_CLAIM_WORDS_H
#define RL_CLAIM_WORDS_H

#include <stddef.h>

#include "../model/engine.h"

/* A value of the parameter (display units of params.c) as a reader
** reads it: 11507.6 TFLOPS -> "11.5 PFLOPS", eff_compute 0.52 -> "52%". */
void claim_qty(const char *param, double v, char *buf, size_t len);

/* A value assumed (a lever's value now, a side's stated bandwidth) as it
** is: claim_qty's figure, but a value of at most four significant digits
** in its unit in its own digits, where claim_qty's rounding changed it
** (the H100's 3.35 TB/s, where one decimal read 3.4 TB/s). */
void claim_qty_given(const char *param, double v, char *buf, size_t len);

/* claim_qty rounded toward dir at the precision shown: 1 up (a floor,
** "at least": 173.46 W is "174 W"), -1 down (a ceiling, "at most"), 0
** nearest (claim_qty).  The value shown lies on dir's side of v. */
void claim_qty_dir(const char *param, double v, int dir, char *buf,
                   size_t len);

/* What a parameter ("b.chip.peak_tflops_fp8", "section.key") stands for,
** in words: "peak FP8 compute per chip"; a parameter without a phrase of
** its own gets its table description (rooflab params) up to its
** parenthesis; a name the table does not know, itself. */
void claim_lever_noun(const char *param, char *buf, size_t len);

/* Where a table doc's phrase ends: at its first " (" that is not a
** parenthesis of at most three words inside the phrase ("area of matrix
** (MAC) arrays per die (its share: ...)" ends before "(its", not before
** "(MAC)"; "model FLOPs / (chips x peak) at the compute precision" runs
** whole).  The doc's length when none. */
size_t claim_doc_phrase_len(const char *doc);

/* A count as the text says one: whole below a million ("270336"), in
** words above it to three digits ("80 billion", "2.7 billion", "100
** trillion"), never in exponent form ("8e+10"). */
void claim_count_words(double v, char *buf, size_t len);

/* What binds an evaluation, in words: "compute binds" (peak FLOPS at the
** assumed utilization), "HBM bandwidth binds", "the chip-to-chip links
** bind", "serving overheads bind", "the TDP binds" (the clock lowered to
** fit it), or one per phase when prefill and decode differ. */
void claim_binds_words(const rl_result *r, char *buf, size_t len);

/* One solve row as a sentence (needs claim.h's claim_solve_row). */
struct claim_solve_row_s;
void claim_solve_words(const struct claim_solve_row_s *row, char *buf,
                       size_t len);

/* The claim's Shapley factors (model/shapley.c rl_claim_factors, and
** "other") in plain words, one sentence naming each, for the text under
** its factors and the report under its table: an investor met "serving
** software x1.861" and "mapping x2.453" with no word of what was swapped. */
const char *claim_factor_glossary(void);

/* The terms the claim's text uses below its verdict, each in words once,
** for a reader who knows finance, not chips: token, FP8 and BF16, TFLOPS
** and PFLOPS, GEMM, die and mm2, reticle, MAC array and FMA, PHY, pJ, TDP,
** KV cache, prefill and decode, all-reduce, PUE and Shapley factors stood
** in the text with no gloss (the
** report's verdict section had its own list, reports/verdict.c); so did
** TensorRT-LLM and roofline.  ranges 1 where the text lists assumptions
** with their ranges' shapes (uniform, triangular: said in words); mc 1
** where a Monte Carlo ran: its terms (Monte Carlo, P(>= target), median,
** percentiles, violating physics, not evaluable) said with the target's
** figure, none of
** them where it did not (claim --samples 0).  Needs CLAIM_TERMS_LEN
** bytes; a shorter buffer is cut. */
#define CLAIM_TERMS_LEN 3072
void claim_terms_glossary(char *buf, size_t len, double target, int ranges,
                          int mc);

/* Two of those terms in words, one definition each for the claim's text
** and the report's glossary (reports/verdict.c), which lacked them beside
** a roofline section: "TensorRT-LLM, NVIDIA's software ..." and
** "roofline, a step's time taken as ..." */
const char *claim_term_trtllm(void);
const char *claim_term_roofline(void);

/* The lead of "what must be true" where the stated values meet the
** target and the Monte Carlo says how often its ranges do: "at the stated
** values 20x is met already; what follows is how far each can fall and
** still meet it. Those values are Etched's figures, or assumptions where
** it published none, not measurements:
** over the assumption ranges 20x is reached in 1.2% of the samples"
** (etched 0: "Those values are assumptions, not measurements"), where
** "20x is met already" under "Not supported" read as a contradiction.
** 0, or -1 with buf "" where it does not apply (short of the target, no
** probability). */
int claim_must_lead(char *buf, size_t len, double speedup, double target,
                    double prob, int etched);

/* The verdict's own terms in words, under its interval: an investor met
** "the stated values", "the assumption ranges", "the samples" and
** "P(>= 20x)" in its first lines with no word of what they are, and so
** the "90% interval" and "median" beside them (ux36) (ux32's
** walk; the report's glossary came at its end of the verdict, the text had
** none).  samples the Monte Carlo's count, target the speedup's target,
** etched 1 where the stated values are Etched's (side b the default Sohu). */
void claim_verdict_terms(char *buf, size_t len, long long samples,
                         double target, int etched);

/* A source as a reader is shown it: "FILE ASSUMPTION", a file's name
** (ending .c or .ini) then the word, said "an assumption of rooflab's
** (FILE)", params.c with its folder ("params.c ASSUMPTION: clocked logic
** ..." "an assumption of rooflab's (model/params.c): clocked logic ..."),
** which meant nothing to a reader of claim's text; the rest as given.
** Into buf (len bytes), cut where it does not fit. */
void claim_source_words(const char *src, char *buf, size_t len);

#endif
