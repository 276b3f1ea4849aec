/*
** runfit.c: a sweep run's notes for its readers (runfit.h), and the
** sentence for a run that does not record whether its
** profile was fitted on its chip (runfit.h): said as not recorded, with
** today's look-up for the [base], where the readers said nothing.
*/
#include <stdio.h>
#include <string.h>

#include "../claim/valtrust.h"
#include "../config/profiles.h"
#include "../model/status.h"
#include "../sweeps/store.h"
#include "runfit.h"

/* For run run_id whose [base]'s (k 0) or [baseline]'s (k 1) fit note is
** not recorded (sweeps/store.h rl_store_run_fit_unrecorded: unrec, chip
** and profile as it read them): the sentence saying so into buf, no
** capital, no full stop, "run 3's [base]: the run does not record ...",
** and 1; for the [base], today's look-up of its profile on its chip
** (claim/valtrust.h val_trust_chip, by the profile's name), said as
** today's: where that finds the profile fitted on the chip or no fitted
** profile, nothing (0, buf ""), as for a run that records none; 0 too
** where unrec[k] is 0 (the readers say the stored note). */
static int unrecorded_words(int64_t run_id, int k, const int unrec[4],
                            const char *chip, const char *profile,
                            char *buf, size_t len)
{
	static const char why[] = "the run does not record whether its "
	                          "profile was fitted on its chip's rows "
	                          "(an earlier rooflab wrote it, or the "
	                          "measurements could not be read when it ran)";
	char err[1024];
	val_chip_fit f;
	buf[0] = '\0';
	if (k < 0 || k > 1 || !unrec[k])
		return 0;
	if (k) /* the [baseline]'s chip is not in the runs table */
		snprintf(buf, len, "run %lld's [baseline]: %s, so its figures are "
		         "not known to be validated on its chip",
		         (long long)run_id, why);
	else if (!chip[0] || !profile[0])
		snprintf(buf, len, "run %lld's [base]: %s, nor its %s, so its "
		         "figures are not known to be validated on its chip",
		         (long long)run_id, why, !profile[0] ? "profile" : "chip");
	else if (val_trust_chip(profile, NULL, chip, &f, err, sizeof err) !=
	         RL_OK)
		snprintf(buf, len, "run %lld's [base]: %s, and today's could not "
		         "be read (%s), so its figures are not known to be "
		         "validated on %s", (long long)run_id, why, err, chip);
	else if (f.carried)
		snprintf(buf, len, "run %lld's [base]: %s; by today's profiles "
		         "and measurements, %s", (long long)run_id, why, f.words);
	return buf[0] != '\0';
}

/* The same for its software (unrec[2 + k], sweeps/store.h): "run 3's
** [baseline]: the run does not record whether its profile is of software
** its chip's preset names ...", for the [base] today's look-up of its
** profile's software against its chip's preset (config/profiles.h
** profile_software_note), said as today's; where that finds the same
** software, said too, with the software (profile_software_same): a run
** that does not record its note says so, where a run that recorded ''
** and one that recorded nothing read alike; nothing where the
** profile names no software (ideal: nothing to record). */
static int unrecorded_software(int64_t run_id, int k, const int unrec[4],
                               const char *chip, const char *profile,
                               char *buf, size_t len)
{
	static const char why[] = "the run does not record whether its "
	                          "profile is of software its chip's preset "
	                          "names (an earlier rooflab wrote it)";
	static const char so[] = "so whether its figures are another "
	                         "software's efficiencies carried over to its "
	                         "chip is not known";
	char words[RL_SWEEP_SOFTWARE_NOTE_MAX], err[256];
	int rc;
	buf[0] = '\0';
	if (k < 0 || k > 1 || !unrec[2 + k])
		return 0;
	if (k) /* the [baseline]'s chip is not in the runs table */
		snprintf(buf, len, "run %lld's [baseline]: %s, %s",
		         (long long)run_id, why, so);
	else if (!chip[0] || !profile[0])
		snprintf(buf, len, "run %lld's [base]: %s, nor its %s, %s",
		         (long long)run_id, why, !profile[0] ? "profile" : "chip",
		         so);
	else if ((rc = profile_software_note("", chip, "", profile, words,
	                                     sizeof words, err, sizeof err)) < 0)
		snprintf(buf, len, "run %lld's [base]: %s, and today's could not "
		         "be read (%s), %s", (long long)run_id, why, err, so);
	else if (rc > 0 ||
	         (rc = profile_software_same(chip, profile, words, sizeof words,
	                                     err, sizeof err)) > 0)
		snprintf(buf, len, "run %lld's [base]: %s; by today's presets, %s",
		         (long long)run_id, why, words);
	else if (rc < 0)
		snprintf(buf, len, "run %lld's [base]: %s, and today's could not "
		         "be read (%s), %s", (long long)run_id, why, err, so);
	return buf[0] != '\0';
}

void plot_run_notes_of(int64_t run_id, const char *const note[4],
                       const int unrec[4], const char *chip,
                       const char *profile,
                       void (*each)(void *ctx, const char *words), void *ctx)
{
	char words[PLOT_RUN_FIT_WORDS_MAX > RL_SWEEP_NOTE_WORDS_MAX
	               ? PLOT_RUN_FIT_WORDS_MAX
	               : RL_SWEEP_NOTE_WORDS_MAX];
	int k;
	for (k = 0; k < 4; k++)
		if (note[k][0])
			each(ctx, rl_store_fit_words(run_id, k % 2, note[k], words,
			                             sizeof words));
	for (k = 0; k < 2; k++)
		if (unrecorded_words(run_id, k, unrec, chip, profile, words,
		                     sizeof words))
			each(ctx, words);
	for (k = 0; k < 2; k++)
		if (unrecorded_software(run_id, k, unrec, chip, profile, words,
		                        sizeof words))
			each(ctx, words);
}

void plot_run_notes(sqlite3 *db, int64_t run_id,
                    void (*each)(void *ctx, const char *words), void *ctx)
{
	char fit[2][RL_SWEEP_FIT_NOTE_MAX], soft[2][RL_SWEEP_SOFTWARE_NOTE_MAX];
	char chip[256], profile[256];
	const char *const note[4] = {fit[0], fit[1], soft[0], soft[1]};
	int unrec[4];
	rl_store_run_fit(db, run_id, fit);
	rl_store_run_software(db, run_id, soft);
	/* (unrec 0 where the run cannot be read: no note of it) */
	rl_store_run_fit_unrecorded(db, run_id, unrec, chip, profile,
	                            sizeof chip);
	plot_run_notes_of(run_id, note, unrec, chip, profile, each, ctx);
}
