/*
** valshipped.c: the shipped measurements read once for a command
** (valshipped.h).
*/
#include "valshipped.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/presets.h"
#include "../model/status.h"

/* a failed part's status said again, with its err */
static int failed(int state, const char *msg, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s", msg);
	return state;
}

int val_shipped_versions(val_shipped *s, const val_versions **vt,
                         char *err, size_t errlen)
{
	char path[1024];
	int rc;
	*vt = &s->vt;
	if (s->vt_state == 1)
		return RL_OK;
	if (s->vt_state)
		return failed(s->vt_state, s->vt_err, err, errlen);
	snprintf(path, sizeof path, "%s/profiles/versions.csv", rl_data_dir());
	if ((rc = val_versions_read(path, &s->vt, s->vt_err,
	                            sizeof s->vt_err))) {
		s->vt_state = rc == RL_EINTERNAL ? RL_EINTERNAL : -1;
		return failed(s->vt_state, s->vt_err, err, errlen);
	}
	s->vt_state = 1;
	return RL_OK;
}

int val_shipped_rows(val_shipped *s, char *err, size_t errlen)
{
	char files[2][1024];
	const val_versions *vt;
	size_t i;
	int rc;
	if ((rc = val_shipped_versions(s, &vt, err, errlen)))
		return rc;
	if (s->rows_state == 1)
		return RL_OK;
	if (s->rows_state)
		return failed(s->rows_state, s->rows_err, err, errlen);
	snprintf(files[0], sizeof files[0], "%s/measurements.csv",
	         rl_data_dir());
	snprintf(files[1], sizeof files[1],
	         "%s/measurements/published-h100.csv", rl_data_dir());
	/* the presets, labels and setups of both files' rows, each resolved
	** once (presetcache.h), the evaluation's too */
	if (!(s->pc = preset_cache_new())) {
		snprintf(s->rows_err, sizeof s->rows_err, "out of memory");
		s->rows_state = RL_EINTERNAL;
		return failed(s->rows_state, s->rows_err, err, errlen);
	}
	for (i = 0; i < 2; i++)
		if ((rc = meas_read_cached(files[i], &s->sets[i], s->pc,
		                           s->rows_err, sizeof s->rows_err))) {
			s->rows_state = rc == RL_EINTERNAL ? RL_EINTERNAL : -1;
			return failed(s->rows_state, s->rows_err, err, errlen);
		}
	s->rows_state = 1;
	return RL_OK;
}

int val_shipped_evaluated(val_shipped *s, char *err, size_t errlen)
{
	size_t i;
	int rc;
	if ((rc = val_shipped_rows(s, err, errlen)))
		return rc;
	if (s->eval_state == 1)
		return RL_OK;
	if (s->eval_state)
		return failed(s->eval_state, s->eval_err, err, errlen);
	if (!(s->v = malloc((s->sets[0].n + s->sets[1].n + 1) * sizeof *s->v))) {
		snprintf(s->eval_err, sizeof s->eval_err, "out of memory");
		s->eval_state = RL_EINTERNAL;
		return failed(s->eval_state, s->eval_err, err, errlen);
	}
	for (i = 0; i < 2; i++) {
		if ((rc = val_evaluate_off_fit(&s->sets[i], &s->vt, NULL, s->pc,
		                               s->v + s->n, s->eval_err,
		                               sizeof s->eval_err))) {
			s->eval_state = rc;
			return failed(s->eval_state, s->eval_err, err, errlen);
		}
		s->n += s->sets[i].n;
	}
	s->eval_state = 1;
	return RL_OK;
}

void val_shipped_free(val_shipped *s)
{
	size_t i;
	if (s->vt_state == 1)
		val_versions_free(&s->vt);
	for (i = 0; i < 2; i++)
		meas_free(&s->sets[i]);
	preset_cache_free(s->pc);
	free(s->v);
	memset(s, 0, sizeof *s);
}
