/*
** valversions.h: the version table (data/profiles/versions.csv): which
** profile models each software version, how its "tokens_per_s" counts and
** on which chip the profile was fitted; its rows scoped to some models and
** those whose profile was fitted on another version's rows (validation.h
** says how validation reads them).
*/
#ifndef RL_VALVERSIONS_H
#define RL_VALVERSIONS_H

#include <stddef.h>

#include "../config/setup.h"

/* A row's reason, with its end: room for what it may hold whole, a
** version's note (511 bytes, refused longer), "cannot set up: " and a
** setup's message (511), the engine's or the load model's (255), an
** unknown chip's name (60) with the list of known ones (639). */
#define VAL_REASON_MAX 1024

typedef struct {
	int line;
	char software[128];
	char version[128];
	char profile[RL_NAME_MAX]; /* empty: this version is not modelled */
	int tokens_total;          /* its "tokens_per_s" counts input + output */
	char fitted_chip[64];      /* the chip whose rows fitted the profile */
	char note[512];            /* why not modelled, or the source */
	char models[256];          /* "": every model; else the models it
	                           ** serves (names, or prefixes ending '*') */
	char fitted_version[128];  /* "": fitted on this version's rows; else
	                           ** the version (same software) it was */
} val_version;

typedef struct {
	val_version *v;
	size_t n;
} val_versions;

/* Read a version table.  0, or -1 with "file:line: ..." in err (the
** table's fault), or RL_EINTERNAL (1) with "file: out of memory". */
int val_versions_read(const char *path, val_versions *vt, char *err,
                      size_t errlen);
void val_versions_free(val_versions *vt);
/* The entry that serves a model of a software and version: the row scoped
** to it most closely , else the unscoped one; NULL when the
** version is absent. */
const val_version *val_version_for(const val_versions *vt,
                                   const char *software, const char *version,
                                   const char *model);
/* Why a software and version have no entry in the table, into reason (len
** bytes), with the spellings the table does have (the versions of that
** software with a profile, or the software with one) so that a near miss
** ("1.0.0" for "1.0(main)") can be corrected.  1 when the table has
** rows of that software (the version is what it lacks), 0 when none. */
int val_version_missing(const val_versions *vt, const char *software,
                        const char *version, char *reason, size_t len);

#endif
