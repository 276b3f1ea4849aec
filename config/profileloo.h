/*
** profileloo.h: a profile's leave-out error as its fit wrote it in the
** profile's [meta] (scripts/fit-profiles.sh), and what that fit took from
** other profiles' fits instead of fitting it, for `rooflab validate`'s
** listing and the trust line claim and validate print (claim/valtrust.h).
*/
#ifndef RL_PROFILELOO_H
#define RL_PROFILELOO_H

#include <stddef.h>

/* A profile's leave-out error: leave-one-architecture-out (models whose
** presets are one network left out together), or leave-one-model-out in
** a profile fitted before that (said so), or leave-one-row-out where a
** fit's rows hold too few architectures to leave one out (trtllm-0.10:
** two); and what the fit took from other profiles' fits instead of
** fitting it (not_fitted_here), which that leave-out error does not
** test.  Each "" where [meta] has none. */
typedef struct {
	char loo[1600];
	char taken[600];
	int kind; /* PROFILE_LOO_*: which error loo is */
} profile_loo;

enum { PROFILE_LOO_NONE = 0, PROFILE_LOO_ARCH, PROFILE_LOO_MODEL,
       PROFILE_LOO_ROW };

/* Read profile file `path`'s [meta] into *m: RL_OK (0), or ini_parse_file's
** status with err (-1: the file's fault or none; RL_EINTERNAL: its text
** not held in memory). */
int profile_loo_read(const char *path, profile_loo *m, char *err,
                     size_t errlen);

/* The median and 90th percentile |error| (fractions) of m's leave-out
** error, read from its words ("median |error| 4.7%, 90th percentile
** 15.5% over 72 rows", as the fit scripts write it): 1, else 0 (also
** where they are not finite, negative, or the median above the 90th
** percentile). */
int profile_loo_figures(const profile_loo *m, double *med, double *p90);

#endif
