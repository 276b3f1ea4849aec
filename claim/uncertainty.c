/*
** uncertainty.c: read an uncertainty file (data/uncertainty/NAME.ini or a
** path).  Each section names a parameter of side a or b, "[b.chip.hbm_tbps]",
** with its distribution and the source or reasoning behind it:
**
**   dist = uniform      low, high
**   dist = triangular   low, mode, high
**   dist = normal       mean, sd      (optional low, high truncate)
**   dist = lognormal    median, sigma (sd of the log; optional low, high)
**
** A normal or lognormal is truncated to low and high (the parameter's own
** range where not given) and drawn exactly from what is left
** (rl_uparam_draw); one keeping under RL_UPARAM_MIN_MASS (1e-9) of itself
** there is refused: what is left would be a point at an end.
**   source = text (required)
**
** Numbers are in the parameter's display unit (`rooflab params`).  A
** [limits] section may give power_cap_w (with source): the power above
** which a chip without a TDP counts as violating physics.
*/
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../model/numtext.h"
#include "../model/params.h"
#include "../model/power.h"
#include "claim.h"
#include "../config/ini.h"
#include "../config/num.h"
#include "../model/utf8.h"

typedef struct {
	claim_uncertainty *cu;
	char section[128];
	double v[6];       /* low high mode mean/median sd/sigma */
	int have[6];
	int dist;
	int have_source;
	const rl_param *p;
	int side;
	int head_line;     /* of the current section's header */
	int key_line[6];   /* of each of v's keys, where given */
	int err_line;      /* a key's line a refusal names, else 0 (the
	                   ** section's header) */
	int limits_line;   /* of the [limits] header, 0 before it */
	int have_dist, have_cap, have_cap_source;
	/* a section found wanting when the next header is read: its message
	** and its own header's line, which the reader's message (the next
	** header's line) does not give */
	int fail_line;
	char fail_msg[512];
} unc_ctx;

enum { K_LOW, K_HIGH, K_MODE, K_CENTER, K_SPREAD, K_COUNT };

/* The largest lognormal sigma taken: ln of the largest double (DBL_MAX,
** IEEE 754 binary64, <float.h>), 709.782712893384, printed by
** rl_number_write in the digits that read back as it, so the range the
** message gives is the one checked.  sigma is the sd of the log: one
** sd is a factor e^sigma, which past it no double holds (e^709.79 is
** infinite), so a draw a sd or more from the median is 0 or infinite,
** an end of the truncation: no lognormal is left to draw (1e308 was
** taken, every draw an end).  Not a belief about any parameter's spread:
** the widest spread the arithmetic carries. */
static double sigma_max(void)
{
	return log(DBL_MAX);
}

/* a number of the file in all its digits (rl_number_write: 20000000,
** where %g wrote 2e+07) into a 32-byte buffer */
#define NUM(x, b) rl_number_write((x), (b), sizeof(b))

/* The distribution's numbers refused by rl_uparam_check (err: "SECTION.KEY:
** RULE"), as "[b.chip.hbm_tbps]: uniform needs low <= high (low 3, high 2
** TB/s)": the section as written, the rule and the numbers that break it
** in the file's display unit, where the message gave the rule alone. */
static int dist_refused(const unc_ctx *c, char *err, size_t errlen)
{
	const char *rule = strstr(err, ": "), *unit = c->p->unit;
	const char *sp = unit[0] ? " " : "";
	char why[160], nums[160];
	const double *v = c->v;
	char n0[32], n1[32], n2[32];
	snprintf(why, sizeof why, "%s", rule ? rule + 2 : err);
	/* too little of it inside its truncation: the distribution, the
	** truncation as taken (an end not given is the parameter's) and the
	** parameter's range */
	if (strstr(why, "truncation keeps")) {
		char dist[96], lo[32], hi[32], pmin[32], pmax[32];
		if (c->dist == RL_DIST_NORMAL)
			snprintf(dist, sizeof dist, "mean %s, sd %s%s%s",
			         NUM(v[K_CENTER], n0), NUM(v[K_SPREAD], n1), sp, unit);
		else
			snprintf(dist, sizeof dist, "median %s%s%s, sigma %s",
			         NUM(v[K_CENTER], n0), sp, unit, NUM(v[K_SPREAD], n1));
		snprintf(err, errlen, "[%s]: %s (%s, truncated to [%s, %s]%s%s; "
		         "low and high may be set within the parameter's range "
		         "[%s, %s]%s%s)",
		         c->section, why, dist,
		         rl_number_write(c->have[K_LOW] ? v[K_LOW] : c->p->min, lo,
		                         sizeof lo),
		         rl_number_write(c->have[K_HIGH] ? v[K_HIGH] : c->p->max,
		                         hi, sizeof hi),
		         sp, unit, rl_number_write(c->p->min, pmin, sizeof pmin),
		         rl_number_write(c->p->max, pmax, sizeof pmax), sp, unit);
		return -1;
	}
	/* a normal's or lognormal's truncation: its low and high */
	switch (strstr(why, "truncation") ? RL_DIST_UNIFORM : c->dist) {
	case RL_DIST_UNIFORM:
		snprintf(nums, sizeof nums, "low %s, high %s%s%s",
		         NUM(v[K_LOW], n0), NUM(v[K_HIGH], n1), sp, unit);
		break;
	case RL_DIST_TRIANGULAR:
		snprintf(nums, sizeof nums, "low %s, mode %s, high %s%s%s",
		         NUM(v[K_LOW], n0), NUM(v[K_MODE], n1), NUM(v[K_HIGH], n2),
		         sp, unit);
		break;
	case RL_DIST_NORMAL:
		snprintf(nums, sizeof nums, "mean %s, sd %s%s%s",
		         NUM(v[K_CENTER], n0), NUM(v[K_SPREAD], n1), sp, unit);
		break;
	default:
		snprintf(nums, sizeof nums, "median %s%s%s, sigma %s",
		         NUM(v[K_CENTER], n0), sp, unit, NUM(v[K_SPREAD], n1));
	}
	snprintf(err, errlen, "[%s]: %s (%s)", c->section, why, nums);
	return -1;
}

static int finish_section(unc_ctx *c, char *err, size_t errlen)
{
	rl_uparam *u;
	const char *need = NULL;
	int k;
	if (!c->p)
		return 0;
	if (c->cu->n >= CLAIM_UNC_MAX) {
		snprintf(err, errlen, "[%s]: more than %d parameters", c->section,
		         CLAIM_UNC_MAX);
		return -1;
	}
	if (c->dist < 0)
		need = "dist (uniform, triangular, normal or lognormal)";
	else if (!c->have_source)
		need = "source (where the numbers come from)";
	else if ((c->dist == RL_DIST_UNIFORM || c->dist == RL_DIST_TRIANGULAR)
	         && (!c->have[K_LOW] || !c->have[K_HIGH]))
		need = "low and high";
	else if (c->dist == RL_DIST_TRIANGULAR && !c->have[K_MODE])
		need = "mode";
	else if (c->dist == RL_DIST_NORMAL &&
	         (!c->have[K_CENTER] || !c->have[K_SPREAD]))
		need = "mean and sd";
	else if (c->dist == RL_DIST_LOGNORMAL &&
	         (!c->have[K_CENTER] || !c->have[K_SPREAD]))
		need = "median and sigma";
	if (need) {
		snprintf(err, errlen, "[%s] needs %s", c->section, need);
		return -1;
	}
	if (c->dist == RL_DIST_LOGNORMAL && c->v[K_SPREAD] > sigma_max()) {
		char got[32], max[32];
		c->err_line = c->key_line[K_SPREAD];
		rl_number_write(sigma_max(), max, sizeof max);
		snprintf(err, errlen, "[%s] sigma = %s is outside [0, %s]: the sd "
		         "of the log, whose factor e^sigma per sd no double holds "
		         "past ln(DBL_MAX) = %s (every draw would be an end of the "
		         "truncation)", c->section,
		         rl_number_write(c->v[K_SPREAD], got, sizeof got), max, max);
		return -1;
	}
	u = &c->cu->u[c->cu->n];
	memset(u, 0, sizeof *u);
	u->p = c->p;
	u->side = c->side;
	u->dist = c->dist;
	u->lo = c->p->min;
	u->hi = c->p->max;
	switch (c->dist) {
	case RL_DIST_UNIFORM:
		u->a = c->v[K_LOW];
		u->b = c->v[K_HIGH];
		break;
	case RL_DIST_TRIANGULAR:
		u->a = c->v[K_LOW];
		u->b = c->v[K_MODE];
		u->c = c->v[K_HIGH];
		break;
	default:
		u->a = c->v[K_CENTER];
		u->b = c->v[K_SPREAD];
		if (c->have[K_LOW])
			u->lo = c->v[K_LOW];
		if (c->have[K_HIGH])
			u->hi = c->v[K_HIGH];
	}
	/* the ends given inside the parameter's range first: an end given
	** alone outside it empties a normal's truncation (the other end the
	** range's own), which dist_refused would quote with the end not
	** given as 0 */
	for (k = K_LOW; k <= K_HIGH; k++)
		if (c->have[k] && !(c->v[k] >= c->p->min && c->v[k] <= c->p->max)) {
			char vt[32], lo[32], hi[32];
			snprintf(err, errlen, "[%s]: %s = %s is outside the "
			         "parameter's range [%s, %s]%s%s", c->section,
			         k == K_LOW ? "low" : "high",
			         rl_number_write(c->v[k], vt, sizeof vt),
			         rl_number_write(c->p->min, lo, sizeof lo),
			         rl_number_write(c->p->max, hi, sizeof hi),
			         c->p->unit[0] ? " " : "", c->p->unit);
			return -1;
		}
	if (rl_uparam_check(u, err, errlen))
		return dist_refused(c, err, errlen);
	if (u->lo < c->p->min)
		u->lo = c->p->min;
	if (u->hi > c->p->max)
		u->hi = c->p->max;
	c->cu->line[c->cu->n++] = c->head_line;
	c->p = NULL;
	return 0;
}

static int start_section(unc_ctx *c, const char *section, int line,
                         char *err, size_t errlen)
{
	const rl_param *p;
	size_t i;
	memset(c->v, 0, sizeof c->v);
	memset(c->have, 0, sizeof c->have);
	memset(c->key_line, 0, sizeof c->key_line);
	c->err_line = 0;
	c->dist = -1;
	c->have_dist = 0;
	c->have_source = 0;
	c->p = NULL;
	c->head_line = line;
	snprintf(c->section, sizeof c->section, "%s", section);
	if (!strcmp(section, "meta"))
		return 0;
	if (!strcmp(section, "limits")) {
		/* a second [limits]: its keys would join the first's */
		if (c->limits_line)
			return ini_section_twice(section, c->limits_line, err,
			                         errlen);
		c->limits_line = line;
		return 0;
	}
	if (!claim_side_name(section)) {
		snprintf(err, errlen, "[%s]: expected [a.section.key] or "
		         "[b.section.key] (or [meta], [limits])", section);
		return -1;
	}
	p = claim_side_param("[", section, "]", err, errlen);
	if (!p)
		return -1;
	if (p->type == RL_PT_ENUM || p->type == RL_PT_BOOL) {
		snprintf(err, errlen, "[%s]: a choice cannot be uncertain",
		         section);
		return -1;
	}
	/* a second section of one parameter was sampled after the first,
	** replacing it in every sample, and listed twice in the tornado */
	for (i = 0; i < c->cu->n; i++)
		if (c->cu->u[i].p == p && c->cu->u[i].side == (section[0] == 'b'))
			return ini_section_twice(section, c->cu->line[i], err, errlen);
	c->p = p;
	c->side = section[0] == 'b';
	return 0;
}

/* At a section header: the section before it is finished (a message
** about it names its own header's line: fail_line), then this one is
** started.  A parameter's header given again right after its section
** (whose keys would join the first's) is refused here, where the first
** might still lack a key; start_section refuses one given again later. */
static int section_cb(void *ud, const char *section, int line, char *err,
                      size_t errlen)
{
	unc_ctx *c = ud;
	if (c->p && !strcmp(section, c->section))
		return ini_section_twice(section, c->head_line, err, errlen);
	if (finish_section(c, err, errlen)) {
		c->fail_line = c->err_line ? c->err_line : c->head_line;
		snprintf(c->fail_msg, sizeof c->fail_msg, "%s", err);
		return -1;
	}
	return start_section(c, section, line, err, errlen);
}

/* A key given twice in a section: the second would replace the first
** without a word.  0, or -1 with the message. */
static int twice(int *have, const char *section, const char *key,
                 char *err, size_t errlen)
{
	if (*have) {
		snprintf(err, errlen, "[%s] %s: given twice in this section (the "
		         "second would replace the first without a word)",
		         section, key);
		return -1;
	}
	*have = 1;
	return 0;
}

/* A source that does not fit its field (size bytes with the NUL) would go
** cut into the claim's JSON and report: refused.  0, or -1 with the
** message. */
static int too_long(const char *value, size_t size, const char *section,
                    const char *key, char *err, size_t errlen)
{
	if (strlen(value) < size)
		return 0;
	char bytes[64];
	snprintf(err, errlen, "[%s] %s: %s; at most %zu bytes", section, key,
	         rl_utf8_bytes(value, strlen(value), bytes, sizeof bytes),
	         size - 1);
	return -1;
}

static int unc_cb(void *ud, const char *section, const char *key,
                  const char *value, int line, char *err, size_t errlen)
{
	unc_ctx *c = ud;
	static const char *const numkeys[][2] = {
	    {"low", NULL}, {"high", NULL}, {"mode", NULL},
	    {"mean", "median"}, {"sd", "sigma"}};
	static const num_range cap_range = {0, INFINITY, 0, NULL};
	static const num_range any_range = {-INFINITY, INFINITY, 0, NULL};
	int k;
	char what[256];
	double x;
	if (!strcmp(section, "meta"))
		return 0;
	if (!strcmp(section, "limits")) {
		if (!strcmp(key, "power_cap_source")) {
			if (twice(&c->have_cap_source, section, key, err, errlen) ||
			    too_long(value, sizeof c->cu->power_cap_source, section,
			             key, err, errlen))
				return -1;
			snprintf(c->cu->power_cap_source,
			         sizeof c->cu->power_cap_source, "%s", value);
			return 0;
		}
		if (strcmp(key, "power_cap_w")) {
			snprintf(err, errlen, "[limits] %s: unknown key "
			         "(power_cap_w, power_cap_source)", key);
			return -1;
		}
		if (twice(&c->have_cap, section, key, err, errlen) ||
		    num_read("power_cap_w", value, &cap_range, &x, err, errlen))
			return -1;
		c->cu->power_cap_w = x;
		return 0;
	}
	if (!strcmp(key, "dist")) {
		if (twice(&c->have_dist, section, key, err, errlen))
			return -1;
		c->dist = rl_dist_find(value);
		if (c->dist < 0) {
			snprintf(err, errlen, "dist '%s': expected uniform, "
			         "triangular, normal or lognormal", value);
			return -1;
		}
		return 0;
	}
	if (!strcmp(key, "source")) {
		if (twice(&c->have_source, section, key, err, errlen) ||
		    too_long(value, sizeof c->cu->source[0], section, key, err,
		             errlen))
			return -1;
		snprintf(c->cu->source[c->cu->n], sizeof c->cu->source[0], "%s",
		         value);
		return 0;
	}
	for (k = 0; k < K_COUNT; k++)
		if (!strcmp(key, numkeys[k][0]) ||
		    (numkeys[k][1] && !strcmp(key, numkeys[k][1])))
			break;
	if (k == K_COUNT) {
		snprintf(err, errlen, "[%s] %s: unknown key (dist, low, high, "
		         "mode, mean, sd, median, sigma, source)", section, key);
		return -1;
	}
	if (twice(&c->have[k], section, key, err, errlen))
		return -1;
	snprintf(what, sizeof what, "[%.*s] %.*s",
	         rl_utf8_cut(section, 100), section, rl_utf8_cut(key, 100), key);
	if (num_read(what, value, &any_range, &x, err, errlen))
		return -1;
	c->v[k] = x;
	c->key_line[k] = line;
	return 0;
}

int claim_uncertainty_read(const char *name, claim_uncertainty *cu,
                           char *err, size_t errlen)
{
	unc_ctx c;
	int rc;
	memset(cu, 0, sizeof *cu);
	if (preset_path("uncertainty", name, cu->path, sizeof cu->path, err,
	                errlen))
		return -1;
	memset(&c, 0, sizeof c);
	c.cu = cu;
	c.dist = -1;
	if ((rc = ini_parse_file_sections(cu->path, section_cb, unc_cb, &c, err,
	                                  errlen))) {
		/* the file's text not held in memory: no fault of it */
		if (rc == RL_EINTERNAL)
			return RL_EINTERNAL;
		/* a section found wanting at the next header: at its own */
		if (c.fail_line)
			snprintf(err, errlen, "%.*s:%d: %s",
			         rl_utf8_cut(cu->path, 1000), cu->path, c.fail_line,
			         c.fail_msg);
		return -1;
	}
	/* the last section, at its header's line */
	if (finish_section(&c, c.fail_msg, sizeof c.fail_msg)) {
		snprintf(err, errlen, "%.*s:%d: %s",
		         rl_utf8_cut(cu->path, 1000), cu->path,
		         c.err_line ? c.err_line : c.head_line, c.fail_msg);
		return -1;
	}
	return 0;
}

/* A die block's share varied where the side's chip gives the block by
** its area (design.frac_mac beside design.mac_mm2 > 0, which stands for
** the share: rl_design_resolved): -1 with the message, every draw and
** both tornado ends the same die, a lever read as moving nothing. */
static int share_beside_area(const claim_uncertainty *cu, size_t i,
                             const claim_side *s, char *err, size_t errlen)
{
	const rl_uparam *u = &cu->u[i];
	const rl_param *q = rl_param_other_form(u->p);
	rl_config c = s->st.cfg;
	double area;
	char an[32];
	if (!q || strncmp(u->p->key, "frac_", 5))
		return 0;
	area = *rl_param_ptr(&c, q);
	if (!(area > 0))
		return 0;
	snprintf(err, errlen, "%.*s:%d: [%c.%s.%s] varies a share that side "
	         "%c's chip %.*s gives by its area, %s.%s = %s mm2, which stands "
	         "for the share: every draw would be the same die; vary "
	         "%c.%s.%s, or give the chip %s",
	         rl_utf8_cut(cu->path, 800), cu->path, cu->line[i],
	         u->side ? 'b' : 'a', u->p->section, u->p->key,
	         u->side ? 'b' : 'a', rl_utf8_cut(s->st.chip_file, 800),
	         s->st.chip_file, q->section, q->key, NUM(area / q->scale, an),
	         u->side ? 'b' : 'a', q->section, q->key, u->p->key);
	return -1;
}

int claim_uncertainty_power_check(const claim_uncertainty *cu,
                                  const claim_side *a, const claim_side *b,
                                  char *err, size_t errlen)
{
	size_t i;
	int end;
	for (i = 0; i < cu->n; i++) {
		const rl_uparam *u = &cu->u[i];
		const claim_side *s = u->side ? b : a;
		double x[2];
		if (share_beside_area(cu, i, s, err, errlen))
			return -1;
		rl_uparam_range(u, &x[0], &x[1]);
		for (end = 0; end < 2; end++) {
			rl_config c = s->st.cfg;
			char msg[512], xn[32];
			*rl_param_ptr(&c, u->p) = x[end] * u->p->scale;
			if (rl_power_check(&c, msg, sizeof msg) == RL_OK)
				continue;
			snprintf(err, errlen, "%.*s:%d: [%c.%s.%s] at its %s end "
			         "(%s%s%s), side %c's chip %.*s refuses it: %s",
			         rl_utf8_cut(cu->path, 800), cu->path, cu->line[i],
			         u->side ? 'b' : 'a', u->p->section, u->p->key,
			         end ? "high" : "low", NUM(x[end], xn),
			         u->p->unit[0] ? " " : "",
			         u->p->unit, u->side ? 'b' : 'a',
			         rl_utf8_cut(s->st.chip_file, 800), s->st.chip_file,
			         msg);
			return -1;
		}
	}
	return 0;
}
