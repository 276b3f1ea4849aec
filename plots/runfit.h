/*
** runfit.h: what a sweep run does not record of its profiles' fit to its
** chip, for the readers of its database (report, export, plot): a run an
** earlier rooflab made, or one whose measurements could not be read when
** it ran, holds NULL in runs.profile_fit (or no such column), and its
** readers said nothing, as if its figures were validated on its chip.
*/
#ifndef RL_PLOT_RUNFIT_H
#define RL_PLOT_RUNFIT_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/* The bytes a note of plot_run_notes needs at most: its words, a look-up's note
** (val_chip_fit.words, 768) or error, the run's chip and profile. */
#define PLOT_RUN_FIT_WORDS_MAX 2400

/* A run's notes, each to each(ctx, words) in turn, no capital, no full
** stop: the stored notes note[0..4), the [base]'s and [baseline]'s fit
** notes then their software notes ("" none), each in rl_store_fit_words's
** sentence, then what the run does not record of its fit (unrec[k] 1,
** rl_store_run_fit_unrecorded's, with the run's chip and profile): for
** the [base], today's look-up of its profile on its chip, said as today's
** (nothing where that finds it fitted on the chip or no fitted profile);
** then, alike, what it does not record of its software (unrec[2 + k]:
** today's look-up of the [base]'s profile's software against its chip's
** preset, the same software said too, nothing where the profile names
** none).  The one order and sentence of export's,
** plot's and the report's notes, each of which said them in its own
** loops. */
void plot_run_notes_of(int64_t run_id, const char *const note[4],
                       const int unrec[4], const char *chip,
                       const char *profile,
                       void (*each)(void *ctx, const char *words), void *ctx);

/* The same, read from the sweep database db (rl_store_run_fit,
** rl_store_run_software, rl_store_run_fit_unrecorded, each once). */
void plot_run_notes(sqlite3 *db, int64_t run_id,
                    void (*each)(void *ctx, const char *words), void *ctx);

#endif
