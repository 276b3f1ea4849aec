/*
** valshipped.h: the shipped measurements (data/measurements.csv and
** data/measurements/published-h100.csv under the versions table
** data/profiles/versions.csv) read once for a command and shared by the
** callers that need them (valtrust.h: val_trust_chip_of's fit rows and
** val_trust_shipped_of's sentence).  claim read both files twice, once
** for side a's note and once for its trust sentence (about 62M
** instructions of `rooflab claim --samples 0`, 250M in all).  Each part is
** read at its first use and kept, its failure too (the same err to every
** later caller), until val_shipped_free.  A zeroed val_shipped is an
** empty one (claim_report_alloc's calloc).
*/
#ifndef RL_VALSHIPPED_H
#define RL_VALSHIPPED_H

#include <stddef.h>

#include "../config/measure.h"
#include "../config/presetcache.h"
#include "validation.h"
#include "valversions.h"

typedef struct {
	/* each part: 0 not read yet, 1 read, else the failed read's status
	** (RL_EINTERNAL, or -1 for the data's fault) with err */
	int vt_state, rows_state, eval_state;
	char vt_err[1024], rows_err[1024], eval_err[1024];
	val_versions vt;
	meas_set sets[2];
	preset_cache *pc; /* the rows' presets, labels and setups */
	val_row *v;       /* both files' rows evaluated off the fit
	                  ** (val_shipped_evaluated), sets[0]'s first */
	size_t n;
} val_shipped;

/* The versions table, *vt pointing into s.  RL_OK; -1 with err where it
** cannot be read; RL_EINTERNAL with err for out of memory. */
int val_shipped_versions(val_shipped *s, const val_versions **vt,
                         char *err, size_t errlen);
/* The versions table and both files' rows (s->sets), as
** val_shipped_versions says. */
int val_shipped_rows(val_shipped *s, char *err, size_t errlen);
/* The same, the rows evaluated as `rooflab validate` evaluates them with
** no option (s->v[s->n]), but those in the fit, which the trust sentence
** does not read: validation.h's val_evaluate_off_fit (every row was run
** through the engine before, 1,495 of the 1,536 shipped rows for
** nothing: about 100M instructions of claim's 175M). */
int val_shipped_evaluated(val_shipped *s, char *err, size_t errlen);
/* Everything s holds freed; s zeroed (empty again). */
void val_shipped_free(val_shipped *s);

#endif
