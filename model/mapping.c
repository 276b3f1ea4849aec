/*
** mapping.c: mappings of a model over chips, link costs by topology, and
** which mappings are legal (mapping.h).  The search over them, which
** evaluates each, is mapsearch.c (the engine calls this file).
*/
#include "mapping.h"
#include "precision.h"
#include "status.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *rl_mapping_words(char *buf, size_t len, double tp, double pp,
                             double dp, double ep)
{
	/* whole numbers in all their digits (%.0f): DP1000000, where %g
	** wrote DP1e+06 from a million chips on */
	int n = snprintf(buf, len, "TP%.0f x PP%.0f", tp, pp);
	if (dp > 1 && n >= 0 && (size_t)n < len)
		n += snprintf(buf + n, len - (size_t)n, " x DP%.0f", dp);
	if (ep > 1 && n >= 0 && (size_t)n < len)
		snprintf(buf + n, len - (size_t)n, " x EP%.0f", ep);
	return buf;
}

double rl_scen_dp(const rl_scenario *s)
{
	double pp = s->pp >= 1 ? s->pp : 1;
	return floor(rl_scen_chips(s) / (s->tp * pp));
}

/* chips the topology connects: the system, and at least the group */
static double system_chips(const rl_config *cfg, double n)
{
	return fmax(rl_scen_chips(&cfg->scen), n);
}

double rl_group_link_Bps(const rl_config *cfg, double n)
{
	double M = system_chips(cfg, n);
	if ((int)cfg->chip.topology == RL_TOPO_MESH && M > 1 && n > 1)
		return cfg->chip.link_Bps * (n - 1) / (M - 1);
	return cfg->chip.link_Bps;
}

double rl_group_Bps(const rl_config *cfg, double n)
{
	double bw = cfg->chip.link_Bps * cfg->prof.eff_link;
	double M = system_chips(cfg, n);
	if ((int)cfg->chip.topology == RL_TOPO_MESH && M > 1 && n > 1)
		return bw * (n - 1) / (M - 1);
	return bw;
}

double rl_peer_Bps(const rl_config *cfg)
{
	double bw = cfg->chip.link_Bps * cfg->prof.eff_link;
	double M = system_chips(cfg, 2);
	switch ((int)cfg->chip.topology) {
	case RL_TOPO_MESH:
		return bw / (M - 1);
	case RL_TOPO_RING:
		return bw / 2;
	default:
		return bw;
	}
}

void rl_p2p_cost(const rl_config *cfg, rl_link_cost *lc)
{
	lc->none = 0;
	lc->mul = 1;
	rl_link_set_div(lc, 1);
	lc->fixed_s = cfg->chip.link_latency_s;
	rl_link_set_Bps(lc, rl_peer_Bps(cfg));
}

double rl_p2p_time(const rl_config *cfg, double bytes, double *link_bytes)
{
	rl_link_cost lc;
	rl_p2p_cost(cfg, &lc);
	return rl_link_time(&lc, bytes, link_bytes);
}

void rl_alltoall_cost(const rl_config *cfg, double n, rl_link_cost *lc)
{
	double hops;
	if (rl_link_cost_start(lc, n))
		return;
	if ((int)cfg->chip.topology == RL_TOPO_RING) {
		/* each chip sends bytes/n to each other chip; the shortest-path
		** distances to the others add up to floor(n^2/4) hops, and all
		** n chips' 2 links of link_Bps/2 carry the total */
		lc->mul = floor(n * n / 4);
		hops = floor(n / 2);
		rl_link_set_Bps(lc, cfg->chip.link_Bps * cfg->prof.eff_link);
	} else {
		lc->mul = n - 1;
		hops = 1;
		rl_link_set_Bps(lc, rl_group_Bps(cfg, n));
	}
	rl_link_set_div(lc, n);
	lc->fixed_s = cfg->prof.allreduce_latency_s +
	              hops * cfg->chip.link_latency_s;
}

double rl_alltoall_time(const rl_config *cfg, double bytes, double n,
                        double *link_bytes)
{
	rl_link_cost lc;
	rl_alltoall_cost(cfg, n, &lc);
	return rl_link_time(&lc, bytes, link_bytes);
}

void rl_stages_of(double layers, double pp, rl_stages *st)
{
	double r;
	if (pp < 1)
		pp = 1;
	if (pp == 1 && layers >= 1 && layers < 0x1p52 &&
	    layers == (double)(long long)layers) {
		/* one stage of whole layers: what the general case gives */
		st->lo = st->hi = st->first = st->last = layers;
		st->n_hi = 1;
		return;
	}
	st->lo = floor(layers / pp);
	st->hi = ceil(layers / pp);
	r = layers - st->lo * pp;
	st->n_hi = r > 0 ? r : pp;
	st->first = st->hi;
	st->last = pp > 1 ? st->lo : layers;
}

double rl_pipeline_round(double m, double cycle, double traverse)
{
	return fmax(traverse, m * cycle);
}

long long rl_divisor_after(long long n, long long d)
{
	long long r, e, m;
	if (n < 1 || d >= n)
		return 0;
	if (d < 0)
		d = 0;
	/* r = floor(sqrt(n)): the divisors up to r by trial, those above it
	** as n / e for a divisor e below r */
	r = (long long)sqrt((double)n);
	while (r > 0 && r > n / r)
		r--;
	while (r + 1 <= n / (r + 1))
		r++;
	for (e = d + 1; e <= r; e++)
		if (n % e == 0)
			return e;
	/* n / e > m for every e <= (n - 1) / m: the largest such divisor e
	** gives the least divisor above m */
	m = d > r ? d : r;
	for (e = (n - 1) / m < r ? (n - 1) / m : r; e >= 1; e--)
		if (n % e == 0)
			return n / e;
	return 0;
}

/* "1, 2, 4, 8": the divisors d of n with ok(d, cfg), written to buf (cut
** with ", ..." where it is full) */
static void legal_list(char *buf, size_t len, double n,
                       int (*ok)(double d, const rl_config *cfg),
                       const rl_config *cfg)
{
	long long d, ni = (long long)n;
	size_t used = 0;
	int k = 0;
	buf[0] = '\0';
	for (d = rl_divisor_after(ni, 0); d; d = rl_divisor_after(ni, d)) {
		if (!ok((double)d, cfg))
			continue;
		if (used + 28 >= len) { /* room for ", ..." */
			snprintf(buf + used, len - used, ", ...");
			return;
		}
		used += (size_t)snprintf(buf + used, len - used, "%s%lld",
		                         k ? ", " : "", d);
		k++;
	}
	if (!k)
		snprintf(buf, len, "none");
}

static int whole_div(double b, double a)
{
	long long ia = (long long)a, ib = (long long)b;
	return ib > 0 && ia % ib == 0;
}

static int tp_ok(double tp, const rl_config *cfg)
{
	const rl_model *m = &cfg->model;
	return whole_div(tp, m->heads) &&
	       (whole_div(tp, m->kv_heads) || whole_div(m->kv_heads, tp));
}

static int pp_ok(double pp, const rl_config *cfg)
{
	return pp <= cfg->model.layers;
}

static int any_ok(double d, const rl_config *cfg)
{
	(void)d;
	(void)cfg;
	return 1;
}

static int ep_ok(double ep, const rl_config *cfg)
{
	if (cfg->model.experts <= 1)
		return ep == 1;
	return whole_div(ep, cfg->model.experts);
}

/* What rl_mapping_check finds wrong with a mapping, the first in its
** order of checks (MF_OK: nothing). */
enum {
	MF_OK,
	MF_CHIPS,  /* tp x pp does not divide the chips */
	MF_EP_DP,  /* ep does not divide dp, the chips over tp x pp */
	MF_TP,     /* tp divides neither the heads nor pairs with KV heads */
	MF_PP,     /* more stages than layers */
	MF_EP_DENSE,
	MF_EP_MANY,
	MF_EP_DIV,
	MF_LINKS,
	MF_SWITCH
};

/* The mapping's figures as the checks read them (dp only once tp x pp
** divides the chips: the checks before it come first). */
typedef struct {
	double chips, tp, pp, ep, dp;
} map_shape;

static int mapping_fault(const rl_config *cfg, map_shape *h)
{
	const rl_scenario *s = &cfg->scen;
	const rl_model *m = &cfg->model;
	h->chips = rl_scen_chips(s);
	h->tp = s->tp;
	h->pp = s->pp >= 1 ? s->pp : 1;
	h->ep = s->ep >= 1 ? s->ep : 1;
	h->dp = 0;
	/* in the order a user fixes them: the chips against the mapping
	** first (gpus 1 at tp 3 is the count's fault, whatever the heads:
	** its message lists the tp the heads allow), then the model's heads */
	if (!whole_div(h->tp * h->pp, h->chips))
		return MF_CHIPS;
	h->dp = h->chips / (h->tp * h->pp);
	/* the chips against ep too (DEP4 on 1 GPU) before the model's */
	if (h->ep > 1 && !whole_div(h->ep, h->dp))
		return MF_EP_DP;
	if (!tp_ok(h->tp, cfg))
		return MF_TP;
	if (!pp_ok(h->pp, cfg))
		return MF_PP;
	if (h->ep > 1 && m->experts <= 1)
		return MF_EP_DENSE;
	if (h->ep > m->experts)
		return MF_EP_MANY;
	if (!ep_ok(h->ep, cfg) || !whole_div(h->ep, h->dp))
		return MF_EP_DIV;
	if ((h->tp > 1 || h->pp > 1 || h->ep > 1) && cfg->chip.link_Bps <= 0)
		return MF_LINKS;
	if ((int)cfg->prof.allreduce == RL_AR_SWITCH &&
	    ((int)cfg->chip.topology != RL_TOPO_SWITCH ||
	     cfg->chip.in_network_reduction < 0.5) && h->tp > 1)
		return MF_SWITCH;
	return MF_OK;
}

/* The message of fault f of mapping h, with the legal values beside it */
static void fault_words(const rl_config *cfg, const map_shape *h, int f,
                        char *msg, size_t len)
{
	const rl_model *m = &cfg->model;
	double chips = h->chips, tp = h->tp, pp = h->pp, ep = h->ep;
	double dp = h->dp;
	char legal[160], with[160];

	switch (f) {
	case MF_TP:
		legal_list(legal, sizeof legal, chips, tp_ok, cfg);
		if (!whole_div(tp, m->heads))
			snprintf(msg, len,
			         "tp = %.0f does not divide the model's %.0f attention "
			         "heads; legal tp on %.0f chip%s: %s",
			         tp, m->heads, chips, chips == 1 ? "" : "s", legal);
		else
			snprintf(msg, len,
			         "tp = %.0f and the model's %.0f KV heads: neither "
			         "divides the other; legal tp on %.0f chip%s: %s",
			         tp, m->kv_heads, chips, chips == 1 ? "" : "s", legal);
		break;
	case MF_CHIPS:
		legal_list(legal, sizeof legal, chips, any_ok, cfg);
		/* "with tp = 3, legal pp" only where the heads allow tp 3 */
		if (whole_div(tp, chips) && tp_ok(tp, cfg)) {
			legal_list(with, sizeof with, chips / tp, pp_ok, cfg);
			snprintf(msg, len,
			         "chips = %.0f is not a multiple of tp x pp = %.0f x %.0f; "
			         "tp x pp must divide the chips (dp = chips / (tp x "
			         "pp)): legal products %s; with tp = %.0f, legal pp: %s",
			         chips, tp, pp, legal, tp, with);
		} else {
			legal_list(with, sizeof with, chips, tp_ok, cfg);
			snprintf(msg, len,
			         "chips = %.0f is not a multiple of tp x pp = %.0f x %.0f; "
			         "tp x pp must divide the chips (dp = chips / (tp x "
			         "pp)): legal products %s; legal tp on %.0f chip%s: %s",
			         chips, tp, pp, legal, chips, chips == 1 ? "" : "s",
			         with);
		}
		break;
	case MF_PP:
		legal_list(legal, sizeof legal, chips / tp, pp_ok, cfg);
		snprintf(msg, len,
		         "pp = %.0f is more stages than the model's %.0f layers; "
		         "legal pp (dividing chips / tp = %.0f, at most the "
		         "layers): %s",
		         pp, m->layers, chips / tp, legal);
		break;
	case MF_EP_DP:
		legal_list(legal, sizeof legal, dp, ep_ok, cfg);
		snprintf(msg, len,
		         "ep = %g does not divide dp = chips / (tp x pp) = %g, the "
		         "replicas its experts spread over; legal ep: %s",
		         ep, dp, legal);
		break;
	case MF_EP_DENSE:
		snprintf(msg, len,
		         "ep = %g on a dense model (experts = 1): expert "
		         "parallelism needs a mixture of experts; legal ep: 1",
		         ep);
		break;
	case MF_EP_MANY:
		legal_list(legal, sizeof legal, dp, ep_ok, cfg);
		snprintf(msg, len,
		         "ep = %g is larger than the model's %g experts; legal "
		         "ep (dividing the experts and dp = %g): %s",
		         ep, m->experts, dp, legal);
		break;
	case MF_EP_DIV:
		legal_list(legal, sizeof legal, dp, ep_ok, cfg);
		snprintf(msg, len,
		         "ep = %g must divide the model's %g experts and "
		         "dp = chips / (tp x pp) = %g; legal ep: %s",
		         ep, m->experts, dp, legal);
		break;
	case MF_LINKS:
		snprintf(msg, len,
		         "chip: tp, pp or ep > 1 needs link_gbps > 0 (legal "
		         "without links: tp = pp = ep = 1)");
		break;
	default: /* MF_SWITCH */
		snprintf(msg, len,
		         "profile.allreduce = switch needs chip.topology = switch "
		         "with chip.in_network_reduction = true; legal "
		         "otherwise: ring, two_shot, one_shot");
		break;
	}
}

int rl_mapping_check(const rl_config *cfg, char *msg, size_t len)
{
	map_shape h;
	int f = mapping_fault(cfg, &h);
	if (f == MF_OK)
		return RL_OK;
	if (len) /* with no buffer the status alone: no legal lists made */
		fault_words(cfg, &h, f, msg, len);
	return RL_EINPUT;
}
