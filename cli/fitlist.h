/*
** fitlist.h: the --fit list of `rooflab calibrate`,
** "NAME[=LOW:HIGH][~CENTRE/SIGMA],...": the profile parameters a fit
** takes (real-valued, each once, at most RL_CALIB_MAX_PARAMS), each with
** optional bounds inside the parameter's range and a Gaussian prior whose
** centre lies inside them.
*/
#ifndef RL_FITLIST_H
#define RL_FITLIST_H

#include <stddef.h>

#include "../model/params.h"

/* --fit p1[=lo:hi][~c/s],p2,...: the parameters into fit (*nfit of
** them), their bounds and priors (display units; NAN where none is
** given), each array with room for RL_CALIB_MAX_PARAMS.  0, or -1 with
** "--fit: ..." in err. */
int fitlist_parse(const char *list, const rl_param **fit, size_t *nfit,
                  double *lo, double *hi, double *centre, double *sigma,
                  char *err, size_t errlen);

#endif
