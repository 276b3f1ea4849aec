/*
** comm.h: the collectives of a tensor-parallel group for the algorithm
** the profile names (comm.c): all-reduce and all-gather, their cost worked
** out once for a group (rl_link_cost, link.h) or the time of one.
*/
#ifndef RL_COMM_H
#define RL_COMM_H

#include "link.h"
#include "rl_config.h"

/* The cost of one group's all-reduces over n chips. */
void rl_allreduce_cost(const rl_config *cfg, double n, rl_link_cost *lc);
/* An all-gather over n chips of `bytes` in all (each holds bytes / n):
** (n-1)/n of them on the wire per chip. */
void rl_allgather_cost(const rl_config *cfg, double n, rl_link_cost *lc);
/* Time of one all-reduce of `bytes` over `n` chips; *link_bytes (when not
** NULL) = what one chip sends. */
double rl_allreduce_time(const rl_config *cfg, double bytes, double n,
                         double *link_bytes);

#endif
