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

/* Where profile (its name; read from profile_file, the setup's, else by
** the name: a file given by path is read, not the data directory's
** preset of its name) names a [meta] software
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
                          char *words, size_t len, char *err,
                          size_t errlen);

#endif
