/*
** profiles.c: the default serving profile of a chip (profiles.h).
*/
#include "profiles.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ini.h"
#include "meta.h"
#include "presets.h"
#include "setup.h"
#include "../model/params.h"
#include "../model/utf8.h"
#include "../model/status.h"

typedef struct {
	const char *kind; /* "chip" or "profile": its [meta] caps (meta.h) */
	/* (a longer one is refused when the file is loaded: meta.h) */
	char software[RL_META_SOFTWARE_MAX];     /* [meta] software */
	char calibrated[RL_META_CALIBRATED_MAX]; /* [meta] calibrated */
	char parent[256];     /* [preset] chip (chips built on another) */
	int too_long;         /* one of them did not fit: refused */
	/* [meta] fitted (profiles fitted by script), read for the copy note
	** alone: "" where not given (one too long to keep is refused, here
	** and where the file is loaded, config/setup.c by meta.h's table,
	** as calibrated is) */
	char fitted[RL_META_FITTED_MAX];
} meta_info;

/* The field of m that [meta] key is read into, and its size; NULL where
** meta_info keeps none */
static char *meta_field(meta_info *m, const char *key, size_t *size)
{
	if (!strcmp(key, "software"))
		return *size = sizeof m->software, m->software;
	if (!strcmp(key, "calibrated"))
		return *size = sizeof m->calibrated, m->calibrated;
	if (!strcmp(key, "fitted"))
		return *size = sizeof m->fitted, m->fitted;
	return NULL;
}

static int meta_cb(void *ud, const char *section, const char *key,
                   const char *value, char *err, size_t errlen)
{
	meta_info *m = ud;
	size_t len = strlen(value), size = 0;
	if (!strcmp(section, "meta")) {
		char *dst = meta_field(m, key, &size);
		if (!dst)
			return 0;
		/* cut, a software would match another's family or none, a
		** date sort otherwise: refused, by the caps the loader refuses
		** at (meta.h); so is fitted, the copy note's date, which was
		** left "" without a word (a profile's file the default's
		** choice reads, or a copy's shipped fit, is refused as its
		** load refuses it: the file, its line and the limit) */
		if (rl_meta_check(m->kind, key, value, err, errlen)) {
			m->too_long = 1;
			return -1;
		}
		if (len < size)
			memcpy(dst, value, len + 1);
		return 0;
	}
	if (strcmp(section, "preset") || strcmp(key, "chip"))
		return 0;
	/* cut, a chip name would be another chip: refused */
	if (len >= sizeof m->parent) {
		char bytes[64];
		snprintf(err, errlen, "[%s] %s: %s; at most %zu bytes", section,
		         key, rl_utf8_bytes(value, len, bytes, sizeof bytes),
		         sizeof m->parent - 1);
		m->too_long = 1;
		return -1;
	}
	memcpy(m->parent, value, len + 1);
	return 0;
}

/* The [meta] of a preset; 0, -1 when there is no such preset or it cannot
** be read (passed over, as before), -2 with err when it holds a value
** longer than meta_info keeps, or PROFILE_ENOMEM with err where its text
** could not be held in memory (passed over, it chose another profile, or
** none, without a word). */
static int read_meta(const char *kind, const char *name, meta_info *m,
                     char *err, size_t errlen)
{
	char path[1024], e[1024];
	int rc;
	memset(m, 0, sizeof *m);
	m->kind = kind;
	if (preset_path(kind, name, path, sizeof path, e, sizeof e))
		return -1;
	rc = ini_parse_file(path, meta_cb, m, err, errlen);
	if (rc == 0)
		return 0;
	return rc == RL_EINTERNAL ? PROFILE_ENOMEM : m->too_long ? -2 : -1;
}

/* software "TensorRT-LLM 0.10.0" is of family "TensorRT-LLM" */
static int of_family(const char *software, const char *family)
{
	size_t l = strlen(family);
	return l > 0 && !strncmp(software, family, l) &&
	       (software[l] == '\0' || software[l] == ' ');
}

/* The chip's software into *c: from its preset, or the chip it is built
** on ([preset] chip), up to 8 deep. Returns 0, or read_meta's status of
** the preset it could not read, *c as that read left it. */
static int chip_software(const char *chip, meta_info *c, char *err,
                         size_t errlen)
{
	const char *cur = chip;
	char parent[256];
	int depth, rc;
	for (depth = 0; depth < 8; depth++) {
		if ((rc = read_meta("chip", cur, c, err, errlen)))
			return rc;
		if (c->software[0] || !c->parent[0])
			break;
		snprintf(parent, sizeof parent, "%s", c->parent);
		cur = parent;
	}
	return 0;
}

/* The default profile for `chip` (a preset name or an INI path): its name
** into name, and a note into note ("the default for this chip: the only
** calibrated profile for TensorRT-LLM, fitted on TensorRT-LLM 0.10.0 on
** 2026-11-22"; with several, "the last calibrated of the 2 calibrated
** profiles for ...").  The chip's software is read from chip_read (its
** name, or the file it was loaded from), the messages name it `chip`.  `how` is how the user names a profile ("--profile" for
** eval, "profile=" in a claim side), for the note and the message.
** Returns 0; 1 with err saying that the chip has none and listing the
** profiles, and the short note of a command that serves it under ideal
** ("ideal: no calibrated profile for 'sohu' (its preset names no
** software); rooflab presets profile lists the profiles", the same for
** every `how`); -1 with err when a preset cannot be read, PROFILE_ENOMEM
** with err where one could not be held in memory. */
static int profile_default(const char *chip, const char *chip_read,
                           const char *how, char *name, size_t namelen,
                           char *note, size_t notelen, char *err,
                           size_t errlen)
{
	meta_info c, p;
	char names[1024], best[128] = "", best_sw[128] = "", best_date[32] = "";
	char list[PRESET_LIST_MAX][PRESET_NAME_MAX];
	size_t n, i, others = 0, ncal = 0;
	int rc = chip_software(chip_read, &c, err, errlen);
	if (rc == PROFILE_ENOMEM)
		return rc;
	if (rc == -2)
		return -1;
	/* every profile, not the ones a list of names in a message has room
	** for; a name holding a blank is one name */
	n = 0;
	if (c.software[0] &&
	    preset_list_all("profile", list, PRESET_LIST_MAX, &n) != RL_OK) {
		/* none listed, and the chip served under ideal as if it had
		** no calibrated profile */
		snprintf(err, errlen, "%s/profiles: out of memory", rl_data_dir());
		return PROFILE_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		int rc = read_meta("profile", list[i], &p, err, errlen);
		if (rc == PROFILE_ENOMEM)
			return rc;
		if (rc == -2)
			return -1;
		if (rc || !of_family(p.software, c.software))
			continue;
		if (!p.calibrated[0]) {
			/* a profile of the software that is no default: one
			** scripts/fit-profiles.sh fitted per version */
			others++;
			continue;
		}
		ncal++;
		if (!best[0] || strcmp(p.calibrated, best_date) > 0) {
			snprintf(best, sizeof best, "%s", list[i]);
			snprintf(best_sw, sizeof best_sw, "%s", p.software);
			snprintf(best_date, sizeof best_date, "%s", p.calibrated);
		}
	}
	if (best[0]) {
		char which[64];
		size_t used;
		snprintf(name, namelen, "%s", best);
		/* which of the calibrated ones: the only one, or the last
		** calibrated of them.  "latest" alone read as the latest
		** version (trtllm-0.10 beside profiles fitted up to 1.0): the
		** profiles of other versions, fitted per version, are no
		** default and are named with --profile */
		if (ncal == 1)
			snprintf(which, sizeof which, "the only");
		else
			snprintf(which, sizeof which, "the last calibrated of the "
			         "%zu", ncal);
		snprintf(note, notelen, "the default for this chip: %s "
		         "calibrated profile%s for %s, fitted on %s on %s", which,
		         ncal == 1 ? "" : "s", c.software, best_sw, best_date);
		used = strlen(note);
		if (others && used < notelen)
			snprintf(note + used, notelen - used, "; %zu other %s "
			         "profile%s, each fitted on its version and none a "
			         "default, by %s", others, c.software,
			         others == 1 ? "" : "s", how);
		return 0;
	}
	/* the note where a command serves the chip under ideal: short, as
	** map's second line, curve's series line and a sweep's stderr print
	** it, the list of profiles left to rooflab presets */
	if (snprintf(note, notelen, "ideal: no calibrated profile for '%s' "
	             "(%s%s); rooflab presets profile lists the profiles", chip,
	             c.software[0] ? "software: " : "its preset names no "
	             "software", c.software) >= (int)notelen)
		/* a chip path too long for it, whole */
		snprintf(note, notelen, "ideal: no calibrated profile for this "
		         "chip (%s%s); rooflab presets profile lists the profiles",
		         c.software[0] ? "software: " : "its preset names no "
		         "software", c.software);
	preset_known("profile", names, sizeof names);
	snprintf(err, errlen, "no %s given, and no calibrated profile "
	         "for the software of chip '%s' (%s%s); name one with %s%s"
	         "NAME: %s ('ideal' is the roofline: every efficiency 100%%)",
	         how, chip, c.software[0] ? "software: " : "its preset names no "
	         "software", c.software, how, how[strlen(how) - 1] == '=' ? ""
	         : " ", names);
	return 1;
}

/* [meta] name into ud (RL_NAME_MAX bytes), "" where longer: no shipped
** profile's name */
static int meta_name_cb(void *ud, const char *section, const char *key,
                        const char *value, char *err, size_t errlen)
{
	char *name = ud;
	(void)err;
	(void)errlen;
	if (!strcmp(section, "meta") && !strcmp(key, "name"))
		snprintf(name, RL_NAME_MAX, "%s",
		         strlen(value) < RL_NAME_MAX ? value : "");
	return 0;
}

/* The profile's numbers ([profile] rows, rl_config_hash_section) as the
** file `file` alone gives them onto the defaults into *h: RL_OK, -1 where
** it cannot be read, RL_EINTERNAL with err for out of memory. */
static int profile_figures(const char *file, uint64_t *h, char *err,
                           size_t errlen)
{
	rl_setup *st = malloc(sizeof *st);
	char e[1024];
	int rc;
	if (!st) {
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	setup_init(st);
	rc = setup_load(st, "profile", file, e, sizeof e);
	if (rc == RL_EINTERNAL)
		snprintf(err, errlen, "%s", e);
	else if (rc == 0)
		*h = rl_config_hash_section(14695981039346656037ULL, &st->cfg,
		                            "profile");
	free(st);
	return rc == RL_EINTERNAL ? RL_EINTERNAL : rc ? -1 : RL_OK;
}

int profile_fit_of(const char *profile, const char *profile_file,
                   char *name, char *err, size_t errlen)
{
	char shipped[1024], e[1024];
	uint64_t mine = 0, theirs = 0;
	int rc;
	snprintf(name, RL_NAME_MAX, "%s", profile);
	if (!profile_file || !profile_file[0])
		return RL_OK;
	name[0] = '\0';
	rc = ini_parse_file(profile_file, meta_name_cb, name, e, sizeof e);
	if (rc == RL_EINTERNAL) {
		snprintf(err, errlen, "%s", e);
		return RL_EINTERNAL;
	}
	if (rc == 0 && !name[0])
		snprintf(name, RL_NAME_MAX, "%s", profile);
	/* a preset's name, never a path ("/x", "x.ini") that a [meta] would
	** have read as the shipped profile */
	if (rc || !name[0] || strchr(name, '/') ||
	    (strlen(name) >= 4 && !strcmp(name + strlen(name) - 4, ".ini")) ||
	    preset_path("profile", name, shipped, sizeof shipped, e, sizeof e)) {
		name[0] = '\0';
		return RL_OK;
	}
	if (!strcmp(shipped, profile_file))
		return RL_OK;
	if ((rc = profile_figures(profile_file, &mine, err, errlen)) == RL_OK)
		rc = profile_figures(shipped, &theirs, err, errlen);
	if (rc == RL_EINTERNAL)
		return rc;
	if (rc || mine != theirs)
		name[0] = '\0';
	return RL_OK;
}

/* The copy note is never cut: its longest, after the longest note before
** it ("named by scenario S", S a file's name less .ini: RL_NAME_MAX - 1
** bytes; "named by --profile" and "named by profile=" are shorter), is
** 18 + 127 + 20 + 63 + 36 + 127 + 4 + 31 + 51 + 63 = 540 bytes of the
** note's 639: the fit a shipped preset's name (PRESET_NAME_MAX - 1, twice),
** its software and date as meta_info keeps them (a longer one is refused:
** no note) */
_Static_assert(sizeof "named by scenario " - 1 + RL_NAME_MAX - 1 +
                       sizeof "; a copy of profile " - 1 +
                       sizeof "'s fit (its [meta] name), fitted on " - 1 +
                       sizeof " on " - 1 +
                       sizeof ": its figures are that version's fit, "
                              "validated as " - 1 +
                       2 * (PRESET_NAME_MAX - 1) +
                       sizeof ((meta_info *)0)->software - 1 +
                       sizeof ((meta_info *)0)->calibrated - 1 <
                   sizeof ((rl_setup *)0)->profile_note,
               "the copy note would be cut: rl_setup.profile_note too short");
_Static_assert(sizeof ((meta_info *)0)->fitted ==
                   sizeof ((meta_info *)0)->calibrated,
               "the copy note's date: fitted as long as calibrated");

/* A fitted profile's file copied under another name (mine.ini from
** trtllm-0.10.ini): the shipped fit it holds, which the name it goes by
** hides, by profile_fit_of's rule (its [meta] name, and its [profile]
** figures that preset's; a refit of one's own holds none).  Read from
** st->profile_file, the file st's profile was read from (by --profile, a
** section's profile= or a scenario's); where that fit is not st->profile
** and was fitted (calibrated or fitted in the shipped preset's [meta]),
** st->profile_note, as complete, gets "; a copy of profile X's fit ..."
** after it.  0, the note said or not (a file that cannot be read says
** nothing here: the load that read it said why); PROFILE_ENOMEM with err
** where reading it again ran out of memory, an internal failure
** (review43: the note was left out and the run went on). */
static int copy_note(rl_setup *st, char *err, size_t errlen)
{
	size_t n = strlen(st->profile_note);
	meta_info m;
	char fit[RL_NAME_MAX], e[512];
	int rc;
	if (!st->profile_file[0] || n + 1 >= sizeof st->profile_note)
		return 0;
	if (profile_fit_of(st->profile, st->profile_file, fit, err, errlen) ==
	    RL_EINTERNAL)
		return PROFILE_ENOMEM;
	if (!fit[0] || !strcmp(fit, st->profile))
		return 0;
	rc = read_meta("profile", fit, &m, e, sizeof e);
	if (rc == PROFILE_ENOMEM) {
		snprintf(err, errlen, "%s", e);
		return rc;
	}
	if (rc != 0 || !(m.calibrated[0] || m.fitted[0]))
		return 0;
	snprintf(st->profile_note + n, sizeof st->profile_note - n,
	         "; a copy of profile %s's fit (its [meta] name), fitted on %s "
	         "on %s: its figures are that version's fit, validated as %s",
	         fit, m.software[0] ? m.software : "software not named",
	         m.calibrated[0] ? m.calibrated : m.fitted, fit);
	return 0;
}

/* o names no profile and st was applied from o (opts_apply): keep the
** scenario's profile when it names one ("named by scenario NAME" into
** st->profile_note, and a copy's note: copy_note), else take
** profile_default's, o->profile = name (it
** must outlive o's use) and st applied again with it (its note into
** st->profile_note).  Returns 0; 1 when the chip has no calibrated profile
** (st as it was, on `ideal`, profile_default's short note into
** st->profile_note; err says why, listing the profiles); -1 with err (and
** *at as opts_apply_at sets it). */
static int profile_choose(eval_opts *o, rl_setup *st, const char *how,
                          char *name, size_t namelen, const char **at,
                          char *err, size_t errlen)
{
	rl_setup scen;
	char note[sizeof st->profile_note];
	int rc;
	*at = NULL;
	setup_init(&scen);
	if (o->scenario &&
	    (rc = setup_load(&scen, "scenario", o->scenario, err, errlen)))
		return rc == RL_EINTERNAL ? PROFILE_ENOMEM : -1;
	if (scen.profile[0]) {
		snprintf(st->profile_note, sizeof st->profile_note,
		         "named by scenario %s", scen.scenario);
		/* the file the scenario's profile was read from: a copy of a
		** fitted profile says whose fit it is, as one --profile names */
		return copy_note(st, err, errlen);
	}
	/* a chip a scenario names is read from the file it was loaded
	** from: by its name alone (a path's file less .ini) it read no
	** preset, its software none, and a chip --chip gives a calibrated
	** profile served under ideal */
	rc = profile_default(o->chip ? o->chip : st->chip,
	                     o->chip ? o->chip
	                     : st->chip_file[0] ? st->chip_file : st->chip,
	                     how, name, namelen, note, sizeof note, err, errlen);
	if (rc == 1)
		/* st stays on ideal: the note says so and why */
		snprintf(st->profile_note, sizeof st->profile_note, "%s", note);
	if (rc)
		return rc;
	o->profile = name;
	if ((rc = opts_apply_at(o, st, 1, at, err, errlen)))
		return rc == RL_EINTERNAL ? PROFILE_ENOMEM : -1;
	snprintf(st->profile_note, sizeof st->profile_note, "%s", note);
	return 0;
}

int profile_settle(eval_opts *o, rl_setup *st, const char *how, char *name,
                   size_t namelen, const char **at, char *err, size_t errlen)
{
	*at = NULL;
	if (o->profile) {
		int n = snprintf(st->profile_note, sizeof st->profile_note,
		                 "named by %s", how);
		if (n > 0 && (size_t)n < sizeof st->profile_note &&
		    copy_note(st, err, errlen) == PROFILE_ENOMEM)
			return PROFILE_ENOMEM;
		return 0;
	}
	/* a chip with none: st as opts_apply left it, on ideal, which
	** profile_choose's note says */
	return profile_choose(o, st, how, name, namelen, at, err, errlen);
}

/* profile's software against chip's (profile_software_note's reading):
** 1 another or none on the chip, 2 the same family, 0 no software on the
** profile or a preset unread, PROFILE_ENOMEM with err; *p and *c as read */
static int software_compare(const char *chip_file, const char *chip,
                            const char *profile_file, const char *profile,
                            meta_info *p, meta_info *c, char *err,
                            size_t errlen)
{
	int rc;
	/* from the file it was read from, as the chip: by its name alone, a
	** profile given by path read the shipped preset of that name, or
	** none (review42) */
	rc = read_meta("profile", profile_file[0] ? profile_file : profile, p,
	               err, errlen);
	if (rc == PROFILE_ENOMEM)
		return rc;
	if (rc || !p->software[0])
		return 0; /* ideal, etched-claim: no software */
	/* the chip's software, as profile_default reads it */
	rc = chip_software(chip_file[0] ? chip_file : chip, c, err, errlen);
	if (rc == PROFILE_ENOMEM)
		return rc;
	if (rc)
		return 0; /* unread: nothing said, as before */
	return c->software[0] && of_family(p->software, c->software) ? 2 : 1;
}

int profile_software_note(const char *chip_file, const char *chip,
                          const char *profile_file, const char *profile,
                          char *words, size_t len, char *err, size_t errlen)
{
	meta_info c, p;
	int rc;
	words[0] = '\0';
	rc = software_compare(chip_file, chip, profile_file, profile, &p, &c,
	                      err, errlen);
	if (rc != 1)
		return rc == PROFILE_ENOMEM ? rc : 0;
	snprintf(words, len, "profile %s is of %s, software the preset of chip "
	         "%s does not name (it names %s): its figures are that "
	         "software's efficiencies carried over to this chip by "
	         "ASSUMPTION", profile, p.software, chip,
	         c.software[0] ? c.software : "none");
	return 1;
}

int profile_software_same(const char *chip, const char *profile,
                          char *words, size_t len, char *err, size_t errlen)
{
	meta_info c, p;
	int rc;
	words[0] = '\0';
	rc = software_compare("", chip, "", profile, &p, &c, err, errlen);
	if (rc != 2)
		return rc == PROFILE_ENOMEM ? rc : 0;
	snprintf(words, len, "profile %s is of %s, software the preset of chip "
	         "%s names (%s)", profile, p.software, chip, c.software);
	return 1;
}
