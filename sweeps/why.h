/*
** why.h: why a stored design point served nothing (its status not 0):
** the point evaluated again alone, for rl_eval's own message, which a
** sweep does not keep per point (a million failed points would carry a
** million copies of it).  `rooflab sweep` says it of the first point of
** each kind in its summary.
*/
#ifndef RL_SWEEP_WHY_H
#define RL_SWEEP_WHY_H

#include <stddef.h>

#include "spec.h"

/* The point of s whose axis values (display units, one per axis) are
** vals: "chip.hbm_tbps=2, scenario.tp=8" in at, and the reason it does not
** evaluate ("model does not fit: ...") in why ("" where it evaluates).
** Returns its status, as rl_sweep_eval_point gives it (0, an rl_eval
** error code, or -1 for an axis value refused). */
int rl_sweep_point_why(const rl_sweep_spec *s, const double *vals, char *at,
                       size_t atlen, char *why, size_t whylen);

#endif
