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

/* The bytes plot_fit_unrecorded_words needs: its words, a look-up's note
** (val_chip_fit.words, 768) or error, the run's chip and profile. */
#define PLOT_RUN_FIT_WORDS_MAX 2400

/* For run run_id whose [base]'s (k 0) or [baseline]'s (k 1) fit note is
** not recorded (sweeps/store.h rl_store_run_fit_unrecorded: unrec, chip
** and profile as it read them): the sentence saying so into buf, no
** capital, no full stop, "run 3's [base]: the run does not record ...",
** and 1; for the [base], today's look-up of its profile on its chip
** (claim/valtrust.h val_trust_chip, by the profile's name), said as
** today's: where that finds the profile fitted on the chip or no fitted
** profile, nothing (0, buf ""), as for a run that records none; 0 too
** where unrec[k] is 0 (the readers say the stored note). */
int plot_fit_unrecorded_words(int64_t run_id, int k, const int unrec[2],
                              const char *chip, const char *profile,
                              char *buf, size_t len);

/* The same, read from the sweep database db (rl_store_run_fit_unrecorded
** first): 0 with buf "" where the run cannot be read. */
int plot_run_fit_unrecorded(sqlite3 *db, int64_t run_id, int k, char *buf,
                            size_t len);

#endif
