/*
** points.h: the design points of a sweep, one at a time (no array of
** them): a full grid, seeded random points, or a Sobol sequence.
**
** Point idx (0 <= idx < spec->npoints) has the same values whatever the
** shard or the place a run resumes from.  Shard I of N holds the points
** with idx % N == I.  In a grid the last axis varies fastest.
*/
#ifndef RL_SWEEP_POINTS_H
#define RL_SWEEP_POINTS_H

#include <stdint.h>

#include "spec.h"

typedef struct rl_sweep_gen rl_sweep_gen;

/* A generator over shard `shard` of `shards` (0 of 1: every point).
** NULL when out of memory. */
rl_sweep_gen *rl_sweep_gen_alloc(const rl_sweep_spec *s, uint64_t shard,
                                 uint64_t shards);
void rl_sweep_gen_free(rl_sweep_gen *g);

/* Continue from the first point of the shard at or after idx. */
void rl_sweep_gen_seek(rl_sweep_gen *g, uint64_t idx);

/* The next point: its index and its axis values (display units, one per
** axis).  1, or 0 past the last point. */
int rl_sweep_gen_next(rl_sweep_gen *g, uint64_t *idx, double *values);

/* Points of shard `shard` of `shards` with index below `end`. */
uint64_t rl_sweep_shard_points(uint64_t end, uint64_t shard, uint64_t shards);

#endif
