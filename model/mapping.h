/*
** mapping.h: how a model is laid out over the chips of a system, and what
** the links between them cost (mapping.c).
**
** A mapping is tp x pp x dp over `chips` (scenario.chips; 0 means
** tp x pp x ep): tp chips share every layer (tensor parallel), pp groups of
** tp chips each hold a run of layers (pipeline stages), dp copies of that
** pipeline serve requests independently (data parallel).  For a mixture of
** experts, ep of the dp replicas pool their expert MLPs: each holds
** experts / ep of them, attention stays with the replica (replicated, or
** tensor parallel inside it), and tokens reach their experts by an
** all-to-all (dispatch) and come back by another (combine) per MoE layer.
**
** Link topology (chip.topology) sets what a collective over n of the
** system's M chips costs.  link_Bps is one chip's bandwidth out, summed over
** its ports, one direction; eff = profile.eff_link.
**   switch  every chip reaches every other at its full bandwidth; with
**           chip.in_network_reduction the switch can reduce (allreduce =
**           switch).
**   mesh    a direct link to each of the M-1 others, each link_Bps/(M-1):
**           a collective over n chips uses n-1 links, a send one.
**   ring    two neighbours, link_Bps/2 each; collectives run as rings and
**           an all-to-all travels floor(n^2/4)/n hops' worth of bytes.
** All closed form; nothing here allocates.  The search over mappings,
** which evaluates each, is mapsearch.h.
*/
#ifndef RL_MAPPING_H
#define RL_MAPPING_H

#include <stddef.h>

#include "link.h"
#include "rl_config.h"

/* Link topologies, in the order of the chip.topology choices. */
enum { RL_TOPO_SWITCH = 0, RL_TOPO_MESH, RL_TOPO_RING, RL_TOPO_COUNT };

/* Chips of the system: rl_scen_chips (precision.h), scenario.chips or
** tp x pp x ep when it is 0. */
/* Data-parallel replicas: chips / (tp x pp). */
double rl_scen_dp(const rl_scenario *s);

/* A mapping as every text spells it (map, eval, curve, claim, solve, the
** report): "TP1 x PP2 x DP4", TP and PP always, DP and EP where above 1
** ("TP8 x PP1", "TP1 x PP1 x DP8 x EP8"); where map, eval and curve said
** "tp 1 x pp 8 x dp 1" (ep apart) beside claim's "TP1 x PP8".  Here, below
** every command, so that the model's own messages (rl_map_fitting) spell
** it so too.  Returns buf. */
const char *rl_mapping_words(char *buf, size_t len, double tp, double pp,
                             double dp, double ep);

/* Bandwidth (bytes/s, after eff_link) one chip has toward the others of a
** group of n for a collective, and toward one peer for a send. */
double rl_group_Bps(const rl_config *cfg, double n);
/* The same before eff_link: the link bandwidth the group's collectives
** run on (link_Bps; on a mesh (n-1)/(M-1) of it). */
double rl_group_link_Bps(const rl_config *cfg, double n);
double rl_peer_Bps(const rl_config *cfg);

/* One point-to-point send of `bytes` to the next pipeline stage:
** link latency + bytes / peer bandwidth.  *link_bytes = bytes. */
double rl_p2p_time(const rl_config *cfg, double bytes, double *link_bytes);

/* One all-to-all among n chips, each holding `bytes` spread evenly over
** the n (its own share stays): software latency (allreduce_latency) +
** hops x link latency + bytes on the wire / bandwidth.  *link_bytes = what
** one chip sends, (n-1)/n x bytes. */
double rl_alltoall_time(const rl_config *cfg, double bytes, double n,
                        double *link_bytes);

/* The same two worked out once for a group (rl_link_cost, link.h). */
void rl_p2p_cost(const rl_config *cfg, rl_link_cost *lc);
void rl_alltoall_cost(const rl_config *cfg, double n, rl_link_cost *lc);

/* Layers L split over pp stages: the first L mod pp stages take one layer
** more (ceil), the rest floor; the embedding goes with the first stage and
** the LM head with the last, which is a floor stage whenever the split is
** uneven. */
typedef struct {
	double hi, lo;          /* ceil(L/pp), floor(L/pp) */
	double n_hi;            /* stages with hi layers (L mod pp, or pp) */
	double first, last;     /* layers of the first and the last stage */
} rl_stages;
void rl_stages_of(double layers, double pp, rl_stages *st);

/* Pipeline bubble: with m micro-batches in flight over pp stages, one
** round (every micro-batch advances one iteration) lasts
**   max(traverse, m x cycle)
** where cycle is the slowest stage's time and traverse the sum of all
** stages' times (one micro-batch passing through alone).  m >= pp and
** equal stages: pp x cycle, the pipeline is full; m < pp: the stages idle
** a share 1 - m cycle / traverse of each round. */
double rl_pipeline_round(double m, double cycle, double traverse);

/* The least divisor of n above d (d >= 0), or 0 when there is none (d >= n,
** or n < 1): `for (d = rl_divisor_after(n, 0); d; d = rl_divisor_after(n,
** d))` visits the divisors of n in increasing order in O(sqrt n) steps
** together, where trial division by every number up to n took O(n) each
** time (map and eval over 1e7 chips ran for hours). */
long long rl_divisor_after(long long n, long long d);

/* Is the mapping legal for the model and the system?  RL_OK, or
** RL_EINPUT (engine.h's RL_EINVAL) with a message naming the constraint
** and what would be legal.  len 0 (msg may then be NULL): the status
** alone, no message worked out (the searches' refusals, mapsearch.c:
** each one's list of legal values and its %g took 20 mapping tests of a
** claim's Monte Carlo sample 17,500 instructions, 1,700 without). */
int rl_mapping_check(const rl_config *cfg, char *msg, size_t len);

#endif
