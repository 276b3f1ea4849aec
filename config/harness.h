/*
** harness.h: which benchmark harness produced each published table
** (data/measurements/harness.csv): a version's series and harness text,
** in the table's order (each series oldest first), for validate's
** repeatability of the measurements (claim/valrepeat.h).
*/
#ifndef RL_HARNESS_H
#define RL_HARNESS_H

#include <stddef.h>

typedef struct {
	char software[128];
	char version[128];
	char series[64];    /* versions of one series are compared in order */
	char harness[256];  /* equal texts: the same harness */
} meas_harness;

typedef struct {
	meas_harness *v;    /* in the file's order */
	size_t n;
} meas_harnesses;

/* Read path (software,version,series,harness,source; '#' lines are
** comments).  A missing file is an empty table.  RL_OK (0); RL_EINPUT
** (2, the file's fault) with "FILE:LINE: ..." in err for a field longer
** than its buffer, an empty software, series or harness, a version listed
** twice, a header other than the five columns, a malformed row or one of
** the wrong width (or the open's message where the file exists but
** cannot be read); or
** RL_EINTERNAL (1, not the file's fault) with "FILE:LINE: out of memory"
** where growing the table failed.  On failure the table is freed (empty). */
int meas_harness_read(const char *path, meas_harnesses *h, char *err,
                      size_t errlen);
void meas_harness_free(meas_harnesses *h);

/* The index of a software and version in the table (exact), or -1. */
long meas_harness_find(const meas_harnesses *h, const char *software,
                       const char *version);

#endif
