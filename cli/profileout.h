/*
** profileout.h: a fitted serving profile written as an INI file
** (profileout.c), as `rooflab calibrate` leaves it: a header saying how it
** was fitted, [meta], and every profile key with its source comment.
*/
#ifndef RL_CLI_PROFILEOUT_H
#define RL_CLI_PROFILEOUT_H

#include <stddef.h>

#include "../config/setup.h"
#include "../model/params.h"
#include "../model/status.h"

/* v, a number of the profile, as the file writes it (%.10g: profiles have
** been written and fitted to 10 digits), into buf; returns buf.  The
** fitted list calibrate prints says the same digits. */
const char *profileout_value(double v, char *buf, size_t len);

/* Write st's profile to out (complete or not at all: a temporary renamed
** into place).  The keys of fit[nfit] say "fitted" with fit_com[k] (their
** bounds and prior) before the start file's comment; the others carry
** the comment of their key in start_path, whole however long.  software
** (may be NULL) and meta (lines "key = value\n", may be empty) go into
** [meta]; summary is the header's line on the fit.  Control characters of
** the summary, the paths and software are written as spaces (and ';' and
** '#' in [meta]'s values).  RL_OK; RL_EINPUT with err when out cannot be
** created (a folder that does not exist or cannot be written) or a line
** would be longer than the INI reader takes (INI_LINE_MAX: a start file's
** comment near it with the fit's note, or a summary or path that long)
** or software is longer than a [meta] software the loader takes
** (config/meta.h), nothing written then;
** RL_EINTERNAL with err when writing fails or memory runs out. */
int profileout_write(const char *out, const char *start_path,
                     const char *software, const rl_setup *st,
                     const rl_param *const *fit, size_t nfit,
                     char (*fit_com)[256], const char *meta,
                     const char *summary, char *err, size_t errlen);

#endif
