/*
** profiles.h: which serving profile a chip gets when none is named.
**
** A chip preset says in its [meta] which serving software runs it
** ("software = TensorRT-LLM"); a calibrated profile says in its [meta] the
** software and version it was fitted on and when ("software = TensorRT-LLM
** 0.10.0", "calibrated = 2026-11-22", as `rooflab calibrate` writes them).
** The default is the latest calibrated profile of the chip's software.
*/
#ifndef RL_PROFILES_H
#define RL_PROFILES_H

#include <stddef.h>

/* The default profile for `chip` (a preset name or an INI path): its name
** into name, and a note into note ("latest calibrated profile for
** TensorRT-LLM: fitted on TensorRT-LLM 0.10.0, 2026-11-22").  Returns 0, or
** -1 with err saying that there is none and listing the profiles. */
int profile_default(const char *chip, char *name, size_t namelen, char *note,
                    size_t notelen, char *err, size_t errlen);

#endif
