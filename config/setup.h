/*
** setup.h: a configuration being put together from presets, flags and
** --set assignments, with the names of the presets it came from.
**
** Presets are INI files under the data directory, or any path to an INI
** file (presets.h).  A preset may name other presets in a [preset] section
** (a scenario names its chip, model and profile).
*/
#ifndef RL_SETUP_H
#define RL_SETUP_H

#include <stddef.h>

#include "../model/rl_config.h"
#include "../model/status.h"
#include "presets.h"

#define RL_NAME_MAX 128
#define RL_SETS_MAX 256
/* The caps of a chip's or profile's [meta] software, calibrated and
** fitted, which the default profile and the software note read
** (config/profiles.c): config/meta.h.  A longer one is refused where the
** file is loaded (setup_load), where the note was left out without a word
** (fuzz8). */

typedef struct {
	rl_config cfg;
	char chip[RL_NAME_MAX];
	char model[RL_NAME_MAX];
	char profile[RL_NAME_MAX];
	char scenario[RL_NAME_MAX];
	char node[RL_NAME_MAX];
	/* how the profile was chosen when no flag or scenario named it
	** (config/profiles.h); empty otherwise.  Room for profile_default's
	** longest, whole: three software names of 127 characters, a date of
	** 31 and a count (561 bytes) */
	char profile_note[640];
	/* the files the chip, the model and the profile were read from, for
	** messages (a profile's for its [meta]: config/profiles.h) */
	char chip_file[1024];
	char model_file[1024];
	/* the file the profile was read from ("" none loaded): its [meta]
	** software, read from it where the name alone would read the shipped
	** preset of that name (profile_software_note) */
	char profile_file[1024];
	/* the assignments (--set, a spec's keys) made to the chip's sections
	** (chip, design) and the model's since, "chip.link_gbps=0, ...", for
	** messages: a check across fields may fail because of one of them */
	char chip_sets[RL_SETS_MAX];
	char model_sets[RL_SETS_MAX];
} rl_setup;

/* Defaults, no presets. */
void setup_init(rl_setup *st);

/* Load a preset into the setup (and record its name).  0, or -1 + err
** (the preset's fault), or RL_EINTERNAL (1) + err where its text could not
** be held in memory (ini.h: no fault of the preset). */
int setup_load(rl_setup *st, const char *kind, const char *name, char *err,
               size_t errlen);

/* "; did you mean a, b or c?" with the parameters closest to `dotted`
** (and, where its section is one, " (`rooflab params --section S` lists
** every S.* parameter)"), or " (`rooflab params` lists them all)" when
** none is close. */
void setup_param_hint(const char *dotted, char *out, size_t len);

/* Apply "section.key=value".  0 or -1 + err (with suggestions). */
int setup_assign(rl_setup *st, const char *assignment, char *err,
                 size_t errlen);
/* The same, its messages naming the assignment as `what` gives it ("--set"
** for setup_assign, "set =" for a sweep spec's line). */
int setup_assign_as(rl_setup *st, const char *what, const char *assignment,
                    char *err, size_t errlen);
/* The parameter an assignment "section.key=value" sets, into key (len
** bytes): as model/params.c's table spells it when it is one of its
** parameters, the text before '=' otherwise, so that two assignments of
** one parameter compare equal.  1 written; 0 when there is no '=' or the
** name does not fit (longer than any parameter's: setup_assign refuses it
** on its own, and two such cut to one prefix are not one parameter). */
int setup_assign_param(const char *assignment, char *key, size_t len);

/* msg (an error of the model about one part: "chip: tp > 1 needs
** link_gbps > 0"; "power.KEY ..." is the chip's too) with where that part came from in front, into out: its
** preset file ("data/chips/x.ini: chip: ..."), the assignments made to it
** after ("data/chips/x.ini with chip.link_gbps=0: chip: ..."), or both. */
void setup_where(const rl_setup *st, const char *msg, char *out, size_t len);

/* Apply one key of a section (as from an INI file). */
int setup_set_key(rl_setup *st, const char *section, const char *key,
                  const char *value, char *err, size_t errlen);

#endif
