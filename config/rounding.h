/*
** rounding.h: the steps a published table rounds its values to
** (data/measurements/rounding.csv): matched to measurement rows by
** software, version and metric.
*/
#ifndef RL_ROUNDING_H
#define RL_ROUNDING_H

#include <stddef.h>

#include "measure.h"

/* Read path (software,version,metric,step,source; '#' lines are comments)
** and set round_step on each row of set it matches.  A missing file
** matches nothing.  0, or -1 with "FILE:LINE: column 'x': ..." in err,
** or RL_EINTERNAL (1) where it could not be opened (csv_table_each) or
** its lines held, for want of memory ("FILE[:LINE]: out of memory"). */
int meas_rounding_apply(meas_set *set, const char *path, char *err,
                        size_t errlen);

#endif
