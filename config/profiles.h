/*
** profiles.h: which serving profile a chip gets when none is named.
**
** A chip preset says in its [meta] which serving software runs it
** ("software = TensorRT-LLM"); a calibrated profile says in its [meta] the
** software and version it was fitted on and when ("software = TensorRT-LLM
** 0.10.0", "calibrated = 2026-11-22", as `rooflab calibrate` writes them).
** The default is the latest calibrated profile of the chip's software.
** profile_settle is the whole rule, in eval, map, curve, a sweep spec's
** [base] and [baseline] and claim's and solve's sides alike: the profile
** named, else the scenario's, else that default (profiles.c's static
** profile_choose is the last two).
*/
#ifndef RL_PROFILES_H
#define RL_PROFILES_H

#include <stddef.h>

#include "opts.h"

/* The profile of a setup as every command that evaluates a chip takes it,
** st applied from o (opts_apply): the one o names ("named by HOW" into
** st->profile_note), else the scenario's, else profile_default's.
** Returns 0; 1 when o names none and the chip has no calibrated
** profile: st on `ideal`, as it was, its note profile_default's short
** one, "ideal: no calibrated profile for 'CHIP' ..." (eval, map, curve,
** a sweep and claim's sides serve under ideal and say so; err's words,
** which list the profiles, are there for a caller that refuses); -1 with err (and *at as opts_apply_at sets it);
** PROFILE_ENOMEM with err where a preset's text could not be held in
** memory (an internal failure, exit 1, not the input's). */
#define PROFILE_ENOMEM (-3)
int profile_settle(eval_opts *o, rl_setup *st, const char *how, char *name,
                   size_t namelen, const char **at, char *err,
                   size_t errlen);

/* The one rule for which shipped fit a profile is: the name of the
** shipped profile whose fit the file profile_file (the setup's
** rl_setup.profile_file; "" or NULL none: the profile by its name,
** profile) holds, into name (RL_NAME_MAX bytes): the one its [meta] name
** names (else its own name, profile), where the file's [profile] numbers
** (rl_config_hash_section) are that shipped preset's; "" where they are
** not, or the [meta] name is a path or no shipped profile's.  So a copy
** of trtllm-0.10 saved as mine.ini is trtllm-0.10's fit, and a refit of
** one's own saved as trtllm-0.10.ini (or as mine.ini, its [meta] name
** kept) is none: no row of the versions table is of it.  For the copy
** note on the profile line (profile_settle) and the note on a profile
** fitted on another chip's rows (claim/valtrust.h val_trust_chip).
** RL_OK, or RL_EINTERNAL with err for out of memory. */
int profile_fit_of(const char *profile, const char *profile_file,
                   char *name, char *err, size_t errlen);

/* Where profile's preset (read from profile_file, the setup's, else by
** the name profile) names a [meta] software
** and chip's preset (read from chip_file, the setup's, else by the name
** chip) (through the chip it is built on) names another or
** none (data/chips/mi300x.ini: no profile is fitted on ROCm software),
** the words "profile P is of S, software the preset of chip C does not
** name (it names none): its figures are that software's efficiencies
** carried over to this chip by ASSUMPTION" into words (len bytes) and 1;
** 0 with words "" otherwise (the same software, a profile naming none
** such as ideal, a preset that cannot be read); PROFILE_ENOMEM with err
** where a preset could not be held in memory. */
int profile_software_note(const char *chip_file, const char *chip,
                          const char *profile_file, const char *profile,
                          char *words, size_t len, char *err, size_t errlen);

/* The other side of profile_software_note, for a reader that must say
** what a record left out (plots/runfit.c: a sweep run that does not
** record its software note): where the presets of profile and chip (by
** name) name software of one family, the words "profile P is of S,
** software the preset of chip C names (F)" into words (len bytes) and 1;
** 0 with words "" otherwise (another software, none named, a preset that
** cannot be read); PROFILE_ENOMEM with err as profile_software_note. */
int profile_software_same(const char *chip, const char *profile,
                          char *words, size_t len, char *err, size_t errlen);

#endif
