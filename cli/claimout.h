/*
** claimout.h: the claim check on the terminal (claimout.c) and as JSON
** (claimjson.c).
*/
#ifndef RL_CLAIMOUT_H
#define RL_CLAIMOUT_H

#include <stdio.h>

#include "../claim/claim.h"
#include "../config/json.h"

/* What binds side b at the mapping the scenario names (claim text's
** "what binds there" line, claim --json's b_as_given_binds), per chip, in
** ms from the engine's breakdown as `rooflab eval` prints it
** (model/outputs.c): an iteration carrying prefill, the time per output
** token, the all-reduces not hidden under compute, the GEMMs, attention,
** and the resource binding that iteration (rl_bound_name). */
typedef struct {
	double iteration_ms, tpot_ms, all_reduce_ms, gemm_ms, attention_ms;
	const char *binding;
} claimout_binds;

/* Fills g from r; 0, or -1 where r has no prefill iteration or no valid
** binding resource (nothing to say). */
int claimout_given_binds(const rl_result *r, claimout_binds *g);

void claimout_text(FILE *f, const claim_report *rep);
void claimout_json(FILE *f, const claim_report *rep);
void claimout_solve_row_text(FILE *f, const claim_solve_row *row);
/* A note under solve's rows, wrapped as they are, indented 2 (its wrapped
** lines 4). */
void claimout_solve_note_text(FILE *f, const char *text);

/* A --vary that does not act on its side, as a row is written: "  - not
** solved: REASON [PARAM]", wrapped */
void claimout_solve_skip_text(FILE *f, const char *param,
                              const char *reason);
/* A line for each side whose profile was fitted on another chip's rows
** ("side b: profile trtllm-0.10 was fitted on h100-sxm rows only ...",
** val_trust_chip's words, as eval prints them), and one for each whose
** profile is of software its chip's preset does not name ("side b:
** profile trtllm-0.10 is of TensorRT-LLM 0.10.0, software the preset of
** chip mi300x does not name ...", profile_software_note's words, eval's
** stderr note); nothing where none is. */
void claimout_fit_notes(FILE *f, const claim_report *rep);
/* The files of side b's node and profile presets, which hold what its
** uncertainty file does not vary (the chip's is b->st.chip_file): each
** preset's path where it resolves, else "node NAME" / "profile NAME";
** node "" where the side names no node. */
void claimout_fixed_files(const claim_side *b, char *node, size_t nlen,
                          char *prof, size_t plen);
/* One solved parameter as a JSON object: param, form, target, value, unit,
** feasible, met_now and met_everywhere (the target, a floor, met at the
** value now and at every value of the range), reason, and the speedup at
** the value (speedup_metric: the
** solve command) or the direction of the bound (the claim report). */
void claimout_solve_row_json(json_w *w, const claim_solve_row *row,
                             int speedup_metric);

#endif
