/*
** datasets.h: the request-length spreads of published runs whose lengths
** are a dataset's means, not fixed (data/measurements/datasets.csv):
** matched to measurement rows by software, version, isl and osl.
*/
#ifndef RL_DATASETS_H
#define RL_DATASETS_H

#include <stddef.h>

#include "measure.h"

/* Read path (software,version,isl,osl,osl_max,source; '#' lines are
** comments) and set osl_max on each row of set it matches.  A missing
** file matches nothing.  0, or -1 with "FILE:LINE: column 'x': ..." in
** err, or RL_EINTERNAL (1) where it could not be opened (csv_table_each)
** or its lines held, for want of memory ("FILE[:LINE]: out of memory"). */
int meas_datasets_apply(meas_set *set, const char *path, char *err,
                        size_t errlen);

#endif
