/*
** evalout.h: showing one evaluation, as a readable table or as JSON, from
** the output table (model/outputs.c).  Shared by eval, claim and others.
*/
#ifndef RL_EVALOUT_H
#define RL_EVALOUT_H

#include <stdio.h>

#include "../model/engine.h"
#include "../config/json.h"
#include "../config/setup.h"
#include "../claim/valtrust.h"

/* Results as nested JSON members ("throughput": {...}, ...) of the object
** being written; also "setup" with the preset names and the scenario, and
** where fit is not NULL "profile_fit" (evalout_fit_json). */
void evalout_json(json_w *w, const rl_setup *st, const rl_result *r,
                  const val_chip_fit *fit);

/* "profile_fit" (key, or NULL inside an array's object): null where the
** profile was fitted on this chip or is no fitted profile, else
** {profile, fitted_chip, rows_on_fitted_chip, note}, the note
** val_trust_chip's sentence (the fit rows on this chip, 0 wherever the
** object is printed, are in its words and not a member of their own). */
void evalout_fit_json(json_w *w, const char *key, const val_chip_fit *fit);

/* "software_note": profile_software_note's words (config/profiles.h), or
** null where words is "" (the chip's preset names the profile's software,
** or the profile names none). */
void evalout_software_json(json_w *w, const char *words);

/* fit's sentence as a line "note: ...\n" where the profile is carried to
** a chip it was not fitted on; nothing else. */
void evalout_fit_text(FILE *f, const val_chip_fit *fit);

/* "setup": the preset names, the profile and how it was chosen (chosen:
** NULL or "" for none), the precisions and the scenario; with_mapping 0
** leaves out tp, pp and ep (map searches them) and gives chips as the
** scenario names them. */
void evalout_setup_json(json_w *w, const rl_setup *st, const char *chosen,
                        int with_mapping);

/* Readable table; fit (NULL: none) its note under the setup's lines. */
void evalout_table(FILE *f, const rl_setup *st, const rl_result *r,
                   const val_chip_fit *fit);

/* Format a number with a display unit: "1,337.4 tokens/s". */
void evalout_value(char *buf, size_t len, double v, const char *unit);

#endif
