/*
** runfit.c: the sentence for a sweep run that does not record whether its
** profile was fitted on its chip (runfit.h): said as not recorded, with
** today's look-up for the [base], where the readers said nothing.
*/
#include <stdio.h>
#include <string.h>

#include "../claim/valtrust.h"
#include "../model/status.h"
#include "../sweeps/store.h"
#include "runfit.h"

int plot_fit_unrecorded_words(int64_t run_id, int k, const int unrec[2],
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

int plot_run_fit_unrecorded(sqlite3 *db, int64_t run_id, int k, char *buf,
                            size_t len)
{
	char chip[256], profile[256];
	int unrec[2];
	buf[0] = '\0';
	if (!rl_store_run_fit_unrecorded(db, run_id, unrec, chip, profile,
	                                 sizeof chip))
		return 0;
	return plot_fit_unrecorded_words(run_id, k, unrec, chip, profile, buf,
	                                 len);
}
