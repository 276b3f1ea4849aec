/*
** valtrust.h: how far to trust the model on a chip it was not fitted on,
** in one sentence, the figures that matter for carrying software fitted on
** the H100 to another chip: each profile's leave-one-architecture-out
** error (as its fit recorded it: config/profileloo.h), the rows of a
** profile borrowed from another version (out of sample), and what the
** held-out chips' rows are (microbenchmarks or serving).  validate prints
** it under its summary, from its own rows; claim beside its verdict, from
** the shipped measurements evaluated as validate evaluates them.
*/
#ifndef RL_VALTRUST_H
#define RL_VALTRUST_H

#include <stddef.h>

#include "../config/setup.h"
#include "validation.h"
#include "valshipped.h"

/* The sentence (no capital, no full stop) for validation rows v[n] into
** buf; base, when not NULL or "", a profile whose own leave-out error is
** named in it (the claim's baseline).  Each figure as validate computes
** it: the held-out and out-of-sample ones by val_summary over the same
** sets, the leave-out ones read from each profile's [meta] as validate's
** listing reads them.  RL_OK, or RL_EINTERNAL with err where a profile's
** text could not be held in memory. */
int val_trust_words(const val_row *v, size_t n, const char *base,
                    char *buf, size_t len, char *err, size_t errlen);

/* The same for the shipped measurements (data/measurements.csv and
** data/measurements/published-h100.csv under the versions table
** data/profiles/versions.csv), evaluated as `rooflab validate` evaluates
** them with no option.  RL_OK; -1 with err where the data cannot be read
** (buf "" then); RL_EINTERNAL with err for out of memory. */
int val_trust_shipped(const char *base, char *buf, size_t len, char *err,
                      size_t errlen);
/* The same from sh, the shipped measurements a command reads once
** (valshipped.h: read here at its first use, kept for the next caller;
** val_trust_shipped reads them for this call alone). */
int val_trust_shipped_of(val_shipped *sh, const char *base, char *buf,
                         size_t len, char *err, size_t errlen);

/* A fitted profile applied to a chip it was not fitted on: the profile,
** the chip whose rows fitted it (versions.csv's fitted_chip), how many
** serving rows of the shipped measurements fitted it and how many of them
** were on this chip (0: its figures there are carried, not validated),
** and the sentence saying so (no capital, no full stop), the one eval,
** map, curve, solve and claim print beside their figures. */
typedef struct {
	int carried; /* 1: the profile was fitted on another chip's rows */
	char profile[RL_NAME_MAX];
	char chip[RL_NAME_MAX];
	char fitted_chip[64];
	size_t fit_rows;      /* serving rows of its version(s) on fitted_chip
	                      ** (a fit's rows set aside, predicted and
	                      ** not fitted, among them) */
	size_t fit_rows_here; /* of them on chip: 0 unless chip is it */
	char words[768];
} val_chip_fit;

/* *f for profile `profile` (the setup's name, rl_setup.profile) read
** from the file profile_file (rl_setup.profile_file; "" or NULL: by its
** name alone) served on chip `chip` (its name as the setup
** records it, rl_setup.chip: a preset's name, or a file's name less
** ".ini", taken as it is), from the versions table
** and the measurement files val_trust_shipped reads; f->carried 0 where
** the profile is fitted on this chip or is no fitted profile (ideal,
** etched-claim: no row of the table names it).  The file is the shipped
** profile its [meta] name names (else of its own name) where its
** [profile] numbers are that preset's (config/profiles.h
** profile_fit_of, the one rule, which the profile line's copy note
** follows too): a copy under another name is that profile (the words
** say whose figures), and a refit of one's own saved under a shipped
** name is no row's (f->carried 0).  RL_OK; -1
** with err where the data cannot be read (f->carried 0); RL_EINTERNAL
** with err for out of memory. */
int val_trust_chip(const char *profile, const char *profile_file,
                   const char *chip, val_chip_fit *f, char *err,
                   size_t errlen);
/* The same from sh, as val_trust_shipped_of (claim: side a's note and
** the trust sentence from one read of the files, read twice before). */
int val_trust_chip_of(val_shipped *sh, const char *profile,
                      const char *profile_file, const char *chip,
                      val_chip_fit *f, char *err, size_t errlen);

#endif
