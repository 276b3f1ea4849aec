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

/* The default profile for `chip` (a preset name or an INI path): its name
** into name, and a note into note ("the default for this chip: the latest
** calibrated profile for TensorRT-LLM, fitted on TensorRT-LLM 0.10.0 on
** 2026-11-22").  `how` is how the user names a profile ("--profile" for
** eval, "profile=" in a claim side), for the note and the message.
** Returns 0; 1 with err saying that the chip has none and listing the
** profiles, and the short note of a command that serves it under ideal
** ("ideal: no calibrated profile for 'sohu' (its preset names no
** software); rooflab presets profile lists the profiles", the same for
** every `how`); -1 with err when a preset cannot be read. */
int profile_default(const char *chip, const char *how, char *name,
                    size_t namelen, char *note, size_t notelen, char *err,
                    size_t errlen);

/* The profile of a setup as every command that evaluates a chip takes it,
** st applied from o (opts_apply): the one o names ("named by HOW" into
** st->profile_note), else the scenario's, else profile_default's.
** Returns 0; 1 when o names none and the chip has no calibrated
** profile: st on `ideal`, as it was, its note profile_default's short
** one, "ideal: no calibrated profile for 'CHIP' ..." (eval refuses that
** with err's, which lists the profiles; map, curve and a sweep serve
** under ideal and say so, as claim's sides do); -1 with err (and *at as opts_apply_at sets it). */
int profile_settle(eval_opts *o, rl_setup *st, const char *how, char *name,
                   size_t namelen, const char **at, char *err,
                   size_t errlen);

#endif
