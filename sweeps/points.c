/*
** points.c: design point generation (points.h).
*/
#include "points.h"

#include <stdlib.h>

#include <gsl/gsl_qrng.h>

struct rl_sweep_gen {
	const rl_sweep_spec *s;
	uint64_t shard, shards;
	uint64_t next;          /* next candidate index */
	gsl_qrng *q;            /* Sobol */
	uint64_t qpos;          /* Sobol points drawn so far */
	double shift[RL_SWEEP_MAX_AXES]; /* Sobol: seeded rotation */
};

static uint64_t splitmix(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ULL;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
	return x ^ (x >> 31);
}

static double unit(uint64_t x)
{
	return (double)(x >> 11) * (1.0 / 9007199254740992.0);
}

rl_sweep_gen *rl_sweep_gen_alloc(const rl_sweep_spec *s, uint64_t shard,
                                 uint64_t shards)
{
	rl_sweep_gen *g = calloc(1, sizeof *g);
	size_t i;
	if (!g)
		return NULL;
	g->s = s;
	g->shard = shard;
	g->shards = shards ? shards : 1;
	if (s->sampling == RL_SAMPLE_SOBOL) {
		g->q = gsl_qrng_alloc(gsl_qrng_sobol, (unsigned)s->naxes);
		if (!g->q) {
			free(g);
			return NULL;
		}
		/* Seed 0 is the plain sequence; another seed rotates it
		** (Cranley-Patterson), which keeps its low discrepancy. */
		for (i = 0; i < s->naxes; i++)
			g->shift[i] = s->seed ? unit(splitmix(s->seed * 64 + i)) : 0;
	}
	rl_sweep_gen_seek(g, 0);
	return g;
}

void rl_sweep_gen_free(rl_sweep_gen *g)
{
	if (!g)
		return;
	if (g->q)
		gsl_qrng_free(g->q);
	free(g);
}

void rl_sweep_gen_seek(rl_sweep_gen *g, uint64_t idx)
{
	uint64_t r = idx % g->shards;
	g->next = idx + (g->shard + g->shards - r) % g->shards;
	if (g->next < idx) /* wrapped */
		g->next = UINT64_MAX;
	if (g->q && g->qpos > g->next) {
		gsl_qrng_init(g->q);
		g->qpos = 0;
	}
}

uint64_t rl_sweep_shard_points(uint64_t end, uint64_t shard, uint64_t shards)
{
	if (end <= shard)
		return 0;
	return (end - shard + shards - 1) / shards;
}

int rl_sweep_gen_next(rl_sweep_gen *g, uint64_t *idx, double *values)
{
	const rl_sweep_spec *s = g->s;
	uint64_t i = g->next, rest;
	size_t a;
	if (i >= s->npoints)
		return 0;
	*idx = i;
	g->next = i + g->shards;
	if (g->next < i)
		g->next = UINT64_MAX;
	switch (s->sampling) {
	case RL_SAMPLE_GRID:
		rest = i;
		for (a = s->naxes; a-- > 0;) {
			values[a] = rl_sweep_axis_value(&s->axes[a],
			                                rest % s->axes[a].count);
			rest /= s->axes[a].count;
		}
		break;
	case RL_SAMPLE_RANDOM:
		for (a = 0; a < s->naxes; a++)
			values[a] = rl_sweep_axis_sample(
			    &s->axes[a],
			    unit(splitmix(splitmix(s->seed ^ splitmix(i)) + a)));
		break;
	default: {
		double x[RL_SWEEP_MAX_AXES];
		while (g->qpos <= i) {
			gsl_qrng_get(g->q, x);
			g->qpos++;
		}
		for (a = 0; a < s->naxes; a++) {
			double u = x[a] + g->shift[a];
			values[a] = rl_sweep_axis_sample(&s->axes[a],
			                                 u >= 1 ? u - 1 : u);
		}
	}
	}
	return 1;
}
