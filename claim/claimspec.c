/*
** claimspec.c: the two sides of a claim check, from --a/--b specs
** ("CHIP[,key=value...]") or a config file, loaded and evaluated; the
** defaults of claim's and solve's options; the speedup metric.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../model/mapsearch.h"
#include "../model/numtext.h"
#include "../model/params.h"
#include "claim.h"
#include "../config/commalist.h"
#include "../config/ini.h"
#include "../config/num.h"
#include "../config/opts.h"
#include "../config/profiles.h"
#include "../model/utf8.h"

void claim_opts_init(claim_opts *o)
{
	memset(o, 0, sizeof *o);
	o->scenario = "etched-bench";
	o->target = 20;
	o->samples = 100000;
	o->seed = 1;
}

/* "KEY is given twice ...": a side's item or a [claim] key written again
** would replace the first without a word. */
static int twice(const char *key, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s is given twice (the second would replace "
	         "the first without a word)", key);
	return -1;
}

/* The parameter an item sets, as the table of model/params.c spells it:
** "scenario.tp" of tp (an item opts_apply takes as --tp) and of
** scenario.tp; the key itself for any other. */
static void item_param(const char *key, char *buf, size_t len)
{
	static const char *const scen[] = {"precision", "isl", "osl", "tp",
	                                   "pp", "ep", "chips", "batch"};
	const rl_param *p;
	size_t i;
	for (i = 0; i < sizeof scen / sizeof scen[0]; i++)
		if (!strcmp(key, scen[i])) {
			snprintf(buf, len, "scenario.%s", key);
			return;
		}
	if (strchr(key, '.') && (p = rl_param_find_full(key)))
		snprintf(buf, len, "%s.%s", p->section, p->key);
	else
		snprintf(buf, len, "%s", key);
}

static int spec_add(claim_spec *s, const char *key, const char *val,
                    char *err, size_t errlen)
{
	int i;
	char mine[160], other[160];
	if (!strcmp(key, "chip") && s->chip[0])
		return twice(key, err, errlen);
	for (i = 0; i < s->n; i++)
		if (!strcmp(s->keys[i], key))
			return twice(key, err, errlen);
	/* tp=8 and scenario.tp=4 set one parameter: the one applied last
	** (the section.key assignment) won without a word, as eval refuses
	** --tp with --set scenario.tp */
	item_param(key, mine, sizeof mine);
	for (i = 0; i < s->n; i++) {
		const rl_param *p = rl_param_find_full(mine);
		const rl_param *q = p ? rl_param_other_form(p) : NULL;
		item_param(s->keys[i], other, sizeof other);
		if (!strcmp(mine, other)) {
			snprintf(err, errlen, "%.*s and %.*s both set %s (the one "
			         "applied last would win without a word): give it "
			         "once", rl_utf8_cut(s->keys[i], 60), s->keys[i],
			         rl_utf8_cut(key, 60), key, mine);
			return -1;
		}
		/* a die block's share and its area (rl_param_other_form),
		** as eval's --set of both: a share given second cleared the
		** area without a word */
		if (q && !strcmp(p->section, "design") &&
		    !strncmp(other, "design.", 7) && !strcmp(other + 7, q->key)) {
			snprintf(err, errlen, "%s and %s both set one block of the "
			         "die (a share of it, or its area in mm2, converted "
			         "to that share): give one", other, mine);
			return -1;
		}
	}
	if (!strcmp(key, "chip")) {
		if (strlen(val) >= sizeof s->chip) {
			snprintf(err, errlen, "chip name too long");
			return -1;
		}
		snprintf(s->chip, sizeof s->chip, "%s", val);
		s->given = 1;
		return 0;
	}
	if (s->n >= CLAIM_KV_MAX) {
		snprintf(err, errlen, "more than %d items in a side", CLAIM_KV_MAX);
		return -1;
	}
	if (!*key || strlen(key) >= sizeof s->keys[0] ||
	    strlen(val) >= sizeof s->vals[0]) {
		/* each cut at a whole character: a value of 2000 bytes filled
		** the message */
		snprintf(err, errlen, "bad item '%.*s%s=%.*s%s' (a key of at most "
		         "%zu bytes, a value of at most %zu)",
		         rl_utf8_cut(key, 60), key, strlen(key) > 60 ? "..." : "",
		         rl_utf8_cut(val, 80), val, strlen(val) > 80 ? "..." : "",
		         sizeof s->keys[0] - 1, sizeof s->vals[0] - 1);
		return -1;
	}
	snprintf(s->keys[s->n], sizeof s->keys[0], "%s", key);
	snprintf(s->vals[s->n], sizeof s->vals[0], "%s", val);
	s->n++;
	s->given = 1;
	return 0;
}

/* The spec as a message quotes it (rl_utf8_quote): "'TEXT'", or past
** SPEC_QUOTE_MAX bytes "'TEXT...' (N bytes)", cut at a whole character,
** so that the reason after it is said (a spec of 2000 bytes filled a
** message of 1024 and lost it). */
#define SPEC_QUOTE_MAX 200

/* opts_apply's message names eval's flag ("--tp: scenario.tp: ' 8' is
** not a number"); a spec has no flags, so name its item and the spec
** instead ("item 'tp= 8' of side spec 'h100-sxm,tp= 8': scenario.tp:
** ..."). */
static void spec_error(const claim_spec *s, const char *msg, char *err,
                       size_t errlen)
{
	int i;
	char q[SPEC_QUOTE_MAX + 80];
	for (i = 0; i < s->n && !strncmp(msg, "--", 2); i++) {
		size_t len = strlen(s->keys[i]);
		if (strchr(s->keys[i], '.') || strncmp(msg + 2, s->keys[i], len) ||
		    msg[2 + len] != ':')
			continue;
		if (s->text[0])
			snprintf(err, errlen, "item '%s=%.*s%s' of side spec %s:%s",
			         s->keys[i], rl_utf8_cut(s->vals[i], 80), s->vals[i],
			         strlen(s->vals[i]) > 80 ? "..." : "",
			         rl_utf8_quote(s->text, SPEC_QUOTE_MAX, q, sizeof q),
			         msg + 3 + len);
		else
			snprintf(err, errlen, "item '%s=%s':%s", s->keys[i],
			         s->vals[i], msg + 3 + len);
		return;
	}
	snprintf(err, errlen, "%s", msg);
}

int claim_spec_parse(const char *text, claim_spec *s, char *err,
                     size_t errlen)
{
	char buf[2048], *rest = buf, *tok, q[SPEC_QUOTE_MAX + 80];
	int item = 0;
	memset(s, 0, sizeof *s);
	rl_utf8_quote(text, SPEC_QUOTE_MAX, q, sizeof q);
	if (!*text) {
		snprintf(err, errlen, "side spec '': empty");
		return -1;
	}
	if (strlen(text) >= sizeof buf) {
		snprintf(err, errlen, "side spec %s: too long (at most %zu bytes)",
		         q, sizeof buf - 1);
		return -1;
	}
	snprintf(buf, sizeof buf, "%s", text);
	snprintf(s->text, sizeof s->text, "%s", text);
	/* items split at each comma, an empty one kept to be refused (strtok_r
	** would skip it, and "h100-sxm,,tp=8" pass for a typo-free spec);
	** blanks are kept, so " tp=8" is an unknown item ' tp' */
	while ((tok = commalist_next(&rest, 0))) {
		char *eq, msg[256];
		item++;
		if (!*tok) {
			snprintf(err, errlen, "side spec %s: item %d is empty "
			         "(CHIP[,key=value...])", q, item);
			return -1;
		}
		eq = strchr(tok, '=');
		if (!eq) {
			if (item > 1) {
				snprintf(err, errlen, "side spec %s: '%.*s%s' is not "
				         "key=value (CHIP[,key=value...])", q,
				         rl_utf8_cut(tok, 80), tok,
				         strlen(tok) > 80 ? "..." : "");
				return -1;
			}
			if (spec_add(s, "chip", tok, msg, sizeof msg))
				goto bad;
			continue;
		}
		*eq = '\0';
		if (spec_add(s, tok, eq + 1, msg, sizeof msg))
			goto bad;
		continue;
	bad:
		snprintf(err, errlen, "side spec %s: %s", q, msg);
		return -1;
	}
	if (!s->chip[0]) {
		snprintf(err, errlen, "side spec %s: no chip (CHIP[,key=value"
		         "...])", q);
		return -1;
	}
	return 0;
}

typedef struct {
	claim_opts *o;
	const char *path;
	claim_spec a, b; /* from the file */
	unsigned given;  /* bits of claim_keys given in [claim] */
	int claim_line;  /* of the [claim] header, 0 before it */
} cfg_ctx;

static const char *const claim_keys[] = {"scenario", "uncertainty",
                                         "target", "samples", "seed"};

/* At a section header: [a] or [b] records its file and line, where a
** message about the side as a whole points (it has no chip, it does not
** evaluate); a second [a], [b] or [claim] is refused, as a key given twice
** is: its keys would join the first's without a word; a section of
** another name is refused at its header (with no key under it, it was
** passed over without a word). */
static int section_cb(void *ud, const char *section, int line, char *err,
                      size_t errlen)
{
	cfg_ctx *c = ud;
	claim_spec *s;
	if (!strcmp(section, "meta"))
		return 0;
	if (!strcmp(section, "claim")) {
		if (c->claim_line)
			return ini_section_twice(section, c->claim_line, err,
			                         errlen);
		c->claim_line = line;
		return 0;
	}
	if (strcmp(section, "a") && strcmp(section, "b")) {
		snprintf(err, errlen, "unknown section [%s]: expected [claim], "
		         "[a] or [b]", section);
		return -1;
	}
	s = section[0] == 'a' ? &c->a : &c->b;
	if (s->line)
		return ini_section_twice(section, s->line, err, errlen);
	snprintf(s->file, sizeof s->file, "%s", c->path);
	s->line = line;
	return 0;
}

static int config_cb(void *ud, const char *section, const char *key,
                     const char *value, int line, char *err, size_t errlen)
{
	cfg_ctx *c = ud;
	claim_opts *o = c->o;
	char where[1100];
	double x;
	size_t k;
	if (!strcmp(section, "meta"))
		return 0;
	if (!strcmp(section, "a") || !strcmp(section, "b")) {
		claim_spec *s = section[0] == 'a' ? &c->a : &c->b;
		/* the side is loaded later: remember where each key was
		** written, for the message that names a refused one (the
		** file and the header's line: section_cb) */
		if (spec_add(s, key, value, err, errlen))
			return -1;
		if (!strcmp(key, "chip"))
			s->chip_line = line;
		else
			s->lines[s->n - 1] = line;
		return 0;
	}
	/* section_cb refused any section but [meta], [a], [b] and [claim] */
	/* solve (o->no_uncertainty) runs no Monte Carlo and takes no
	** --samples, --seed or --uncertainty: the first of their keys is
	** kept with its line for solve's warning (a file claim and solve
	** share holds them), where it read them without a word */
	if (o->no_uncertainty && !o->mc_key_line &&
	    (!strcmp(key, "samples") || !strcmp(key, "seed") ||
	     !strcmp(key, "uncertainty"))) {
		snprintf(o->mc_key, sizeof o->mc_key, "%s", key);
		o->mc_key_line = line;
	}
	for (k = 0; k < sizeof claim_keys / sizeof claim_keys[0]; k++)
		if (!strcmp(key, claim_keys[k])) {
			if (c->given & 1u << k)
				return twice(key, err, errlen);
			c->given |= 1u << k;
		}
	/* a preset named here that does not exist is refused here, with the
	** file and line, not when it is loaded (without them) */
	if ((!strcmp(key, "scenario") || !strcmp(key, "uncertainty")) &&
	    preset_path(key, value, where, sizeof where, err, errlen))
		return -1;
	if (!strcmp(key, "scenario")) {
		snprintf(o->scenario_buf, sizeof o->scenario_buf, "%s", value);
		o->scenario = o->scenario_buf;
	} else if (!strcmp(key, "uncertainty")) {
		snprintf(o->uncertainty_buf, sizeof o->uncertainty_buf, "%s",
		         value);
		o->uncertainty = o->uncertainty_buf;
	} else if (!strcmp(key, "target")) {
		if (num_parse("target", value, 1e-6, 1e9, &o->target, err, errlen))
			return -1;
	} else if (!strcmp(key, "samples")) {
		if (num_whole("samples", value, 0, 1e8, &x, err, errlen))
			return -1;
		o->samples = (long long)x;
	} else if (!strcmp(key, "seed")) {
		if (num_whole("seed", value, 0, 4294967295.0, &x, err, errlen))
			return -1;
		o->seed = (unsigned long)x;
	} else {
		snprintf(err, errlen, "[claim] %s: unknown key (scenario, "
		         "uncertainty, target, samples, seed)", key);
		return -1;
	}
	return 0;
}

int claim_config_read(const char *path, claim_opts *o, char *err,
                      size_t errlen)
{
	cfg_ctx c;
	int rc;
	memset(&c, 0, sizeof c);
	c.o = o;
	c.path = path;
	/* -1, or RL_EINTERNAL: the file's text not held in memory (ini.h) */
	if ((rc = ini_parse_file_sections(path, section_cb, config_cb, &c, err,
	                                  errlen)))
		return rc;
	/* a side's header with no chip under it (no key at all, too: the
	** default side was taken without a word) */
	if (c.a.line && !c.a.chip[0]) {
		snprintf(err, errlen, "%s:%d: [a] has no chip", path, c.a.line);
		return -1;
	}
	if (c.b.line && !c.b.chip[0]) {
		snprintf(err, errlen, "%s:%d: [b] has no chip", path, c.b.line);
		return -1;
	}
	if (c.a.given && !o->a.given)
		o->a = c.a;
	if (c.b.given && !o->b.given)
		o->b = c.b;
	return 0;
}

/* Turn a chip by design into its spec sheet (cfg in place).  0 or -1. */
static int claim_resolve(rl_config *cfg, char *err, size_t errlen)
{
	rl_config spec;
	int violations;
	if (cfg->chip.by_design < 0.5)
		return 0;
	if (rl_design_to_spec(cfg, &spec, &violations, err, errlen) != RL_OK)
		return -1;
	*cfg = spec;
	return 0;
}

/* 1 when the side's items give key (no section: "tp", "chips") */
static int spec_has(const claim_spec *spec, const char *key)
{
	int i;
	for (i = 0; i < spec->n; i++)
		if (!strcmp(spec->keys[i], key))
			return 1;
	return 0;
}

/* The line of the item of spec whose value is at (one of spec->chip,
** spec->vals[i], or sets[k], the assignment of spec->keys[set_item[k]]),
** else the line of the side's header. */
static int item_line(const claim_spec *spec, const char *at,
                     const char *const *sets, const int *set_item, int ns)
{
	int i;
	if (!at)
		return spec->line;
	if (at == spec->chip)
		return spec->chip_line;
	for (i = 0; i < spec->n; i++)
		if (at == spec->vals[i])
			return spec->lines[i];
	for (i = 0; i < ns; i++)
		if (at == sets[i])
			return spec->lines[set_item[i]];
	return spec->line;
}

int claim_side_load(const claim_spec *spec, const char *scenario,
                    const char *label, const char *form, claim_side *side,
                    val_shipped *shipped, int *err_line, char *err,
                    size_t errlen)
{
	eval_opts eo;
	int i, rc, line_buf, by_default = 0, no_default = 0;
	char msg[1024], chosen[RL_NAME_MAX];
	const char *lab = NULL;
	/* --set assignments need "k=v" strings that outlive the call: eo
	** points into them until profile_settle has applied eo again */
	char (*sets)[sizeof spec->keys[0] + sizeof spec->vals[0] + 2] = NULL;

	if (!err_line)
		err_line = &line_buf;
	*err_line = spec->line;
	memset(side, 0, sizeof *side);
	memset(&eo, 0, sizeof eo);
	eo.chip = spec->chip;
	eo.scenario = scenario;
	for (i = 0; i < spec->n; i++) {
		const char *k = spec->keys[i], *v = spec->vals[i];
		if (!strcmp(k, "profile"))
			eo.profile = v;
		else if (!strcmp(k, "model"))
			eo.model = v;
		else if (!strcmp(k, "scenario"))
			eo.scenario = v;
		else if (!strcmp(k, "precision"))
			eo.precision = v;
		else if (!strcmp(k, "isl"))
			eo.isl = v;
		else if (!strcmp(k, "osl"))
			eo.osl = v;
		else if (!strcmp(k, "tp"))
			eo.tp = v;
		else if (!strcmp(k, "pp"))
			eo.pp = v;
		else if (!strcmp(k, "ep"))
			eo.ep = v;
		else if (!strcmp(k, "chips"))
			eo.chips = v;
		else if (!strcmp(k, "batch"))
			eo.batch = v;
		else if (!strcmp(k, "label"))
			lab = v;
		else if (strchr(k, '.'))
			continue; /* a section.key=value assignment, below */
		else {
			*err_line = spec->lines[i];
			snprintf(err, errlen, "unknown item '%s' (profile, model, "
			         "scenario, precision, isl, osl, tp, pp, ep, chips, "
			         "batch, label, or section.key=value)", k);
			return -1;
		}
	}
	{
		int ns = 0, set_item[CLAIM_KV_MAX];
		const char *at;
		sets = malloc(CLAIM_KV_MAX * sizeof *sets);
		if (!sets) {
			snprintf(err, errlen, "out of memory");
			return RL_EINTERNAL;
		}
		for (i = 0; i < spec->n; i++)
			if (strchr(spec->keys[i], '.')) {
				snprintf(sets[ns], sizeof sets[ns], "%s=%s",
				         spec->keys[i], spec->vals[i]);
				eo.sets[ns] = sets[ns];
				set_item[ns] = i;
				ns++;
			}
		eo.nsets = ns;
		rc = opts_apply_at(&eo, &side->st, 1, &at, msg, sizeof msg);
		if (rc)
			*err_line = item_line(spec, at, eo.sets, set_item, ns);
	}
	if (rc) {
		free(sets);
		spec_error(spec, msg, err, errlen);
		/* a preset's text that could not be held in memory: no fault
		** of the side (opts_apply) */
		return rc == RL_EINTERNAL ? RL_EINTERNAL : -1;
	}
	/* the profile= item's, else the scenario's, else the chip's default,
	** by eval's rule and in its words (profile_settle, as map, curve and
	** a sweep take it); a chip with none keeps ideal, which the note and
	** the label say */
	{
		const char *at;
		/* it applies eo again, its sets among it: freed after it (they
		** were freed before, and a side with a section.key item and no
		** profile= read them freed) */
		rc = profile_settle(&eo, &side->st, "profile=", chosen,
		                    sizeof chosen, &at, msg, sizeof msg);
		if (rc < 0) {
			free(sets);
			spec_error(spec, msg, err, errlen);
			return rc == PROFILE_ENOMEM ? RL_EINTERNAL : -1;
		}
		if (rc == 1)
			no_default = 1;
		else if (strncmp(side->st.profile_note, "named by ", 9))
			by_default = 1;
		/* a profile fitted on another chip's rows, as eval says it */
		if ((rc = shipped ? val_trust_chip_of(shipped, side->st.profile,
		                                      side->st.profile_file,
		                                      side->st.chip, &side->fit,
		                                      msg, sizeof msg)
		                  : val_trust_chip(side->st.profile,
		                                   side->st.profile_file,
		                                   side->st.chip, &side->fit, msg,
		                                   sizeof msg)) == RL_EINTERNAL) {
			free(sets);
			snprintf(err, errlen, "%s", msg);
			return RL_EINTERNAL;
		}
		/* and one of software the chip's preset does not name (an AMD
		** chip's under TensorRT-LLM's), as eval says it: an assumption
		** the verdict rests on (review42) */
		if (profile_software_note(side->st.chip_file, side->st.chip,
		                          side->st.profile_file, side->st.profile,
		                          side->software_note,
		                          sizeof side->software_note, msg,
		                          sizeof msg) == PROFILE_ENOMEM) {
			free(sets);
			snprintf(err, errlen, "%s", msg);
			return RL_EINTERNAL;
		}
		rc = 0;
	}
	free(sets);
	/* a side over its TDP even at the lowest clock is one rl_eval leaves
	** at full clock, flagged: a throughput it cannot run at, which the
	** verdict divided as any other ("3.89x" of a Sohu held to 50 W, 106 W
	** idle and PHYs alone); refused as the Monte Carlo, solve and map
	** refuse it (rl_eval_runnable), in eval's words, with the chip's file
	** and sets ("chip: " names them: setup_where) */
	rc = rl_eval_runnable(rl_eval(&side->st.cfg, &side->r), &side->r);
	if (rc == RL_EPOWER) {
		char words[320], why[400];
		rl_over_tdp_words(&side->st.cfg, &side->r, words, sizeof words);
		snprintf(why, sizeof why, "chip: %s (chip.tdp_w=0 in the side "
		         "lifts the limit)", words);
		setup_where(&side->st, why, err, errlen);
		return -1;
	}
	if (rc != RL_OK) {
		char why[1024];
		snprintf(why, sizeof why, "%s", side->r.error);
		/* a mapping item the model refuses ("tp = 3 does not divide
		** ...", "chips = 3 is not a multiple of ...") at its own line */
		for (i = 0; i < spec->n; i++) {
			size_t kl = strlen(spec->keys[i]);
			if (!strchr(spec->keys[i], '.') &&
			    !strncmp(why, spec->keys[i], kl) &&
			    !strncmp(why + kl, " = ", 3))
				*err_line = spec->lines[i];
		}
		/* the chips' fault ("chips = 8 is not a multiple of tp x pp =
		** 3 x 1") where the side leaves the chips at their default: at
		** the line of the tp or pp that asks for more (tp first) */
		if (!strncmp(why, "chips = ", 8) && !spec_has(spec, "chips"))
			for (i = spec->n; i-- > 0;)
				if (!strcmp(spec->keys[i], "tp") ||
				    (!strcmp(spec->keys[i], "pp") &&
				     !spec_has(spec, "tp")))
					*err_line = spec->lines[i];
		/* the mappings of its chips that fit, or the fewest chips, as
		** eval says them */
		if (rc == RL_ENOFIT)
			rl_map_fit_hint(&side->st.cfg, why, sizeof why);
		setup_where(&side->st, why, err, errlen);
		return -1;
	}
	side->cfg = side->st.cfg;
	if (claim_resolve(&side->cfg, msg, sizeof msg) == 0) {
		rl_result r2;
		/* keep the resolved spec only if it evaluates the same */
		if (rl_eval(&side->cfg, &r2) != RL_OK ||
		    fabs(r2.total_tps / side->r.total_tps - 1) > 1e-9)
			side->cfg = side->st.cfg;
	} else {
		side->cfg = side->st.cfg;
	}
	/* the label names the side in the verdict, the JSON, the database and
	** the plots: one longer than they hold is refused, not cut */
	{
		int ll;
		char cn[40];
		if (lab || label)
			ll = snprintf(side->label, sizeof side->label, "%s",
			              lab ? lab : label);
		/* the count in plain digits (1000000 x, where %g wrote 1e+06 x) */
		else if (no_default)
			ll = snprintf(side->label, sizeof side->label, "%s x %s "
			              "(ideal: no calibrated profile)",
			              rl_number_write(rl_scen_chips(&side->st.cfg.scen),
			                              cn, sizeof cn),
			              side->st.chip);
		else
			ll = snprintf(side->label, sizeof side->label, "%s x %s (%s%s)",
			              rl_number_write(rl_scen_chips(&side->st.cfg.scen),
			                              cn, sizeof cn),
			              side->st.chip, side->st.profile,
			              by_default ? ", chip default" : "");
		if (ll < 0 || (size_t)ll >= sizeof side->label) {
			for (i = 0; lab && i < spec->n; i++)
				if (!strcmp(spec->keys[i], "label"))
					*err_line = spec->lines[i];
			char size[64];
			/* the default label is cut in side->label: its bytes alone */
			if (lab || label)
				rl_utf8_bytes(lab ? lab : label, (size_t)ll, size,
				              sizeof size);
			else
				snprintf(size, sizeof size, "%d bytes", ll);
			snprintf(err, errlen, "%s '%.*s...' is %s; at most %d "
			         "bytes%s", lab || label ? "label" : "the side's "
			         "label (N x CHIP (PROFILE))",
			         rl_utf8_cut(side->label, 40), side->label,
			         size,
			         CLAIM_LABEL_MAX - 1, lab || label ? "" : ": give "
			         "a shorter one with label=NAME");
			return -1;
		}
		/* it goes into the JSON, the database and the plots as text:
		** bytes that are no UTF-8 are refused, not written as U+FFFD in
		** one and raw in another */
		if (rl_utf8_bad(side->label) >= 0) {
			long b = rl_utf8_bad(side->label);
			for (i = 0; lab && i < spec->n; i++)
				if (!strcmp(spec->keys[i], "label"))
					*err_line = spec->lines[i];
			snprintf(err, errlen, "%s: byte %ld (0x%02X) begins no UTF-8 "
			         "character (the label is written as UTF-8 text)%s",
			         lab || label ? "label" : "the side's label (N x CHIP "
			         "(PROFILE))", b + 1,
			         (unsigned)(unsigned char)side->label[b],
			         lab || label ? "" : ": give one with label=NAME");
			return -1;
		}
	}
	snprintf(side->form, sizeof side->form, "%s", form ? form : "");
	side->ok = 1;
	return 0;
}

/* solve's target kinds, in claim_target_kind's order: key, unit, range
** (the speedup's as --target speedup=X's, the latencies' as eval's
** --tpot-max, the rest from a millionth of a unit up), at most */
static const struct {
	const char *key, *unit;
	double lo, hi;
	int at_most;
} target_kinds[CLAIM_T_COUNT] = {
    {"speedup", "x", 1e-6, 1e9, 0},
    {"output_tokens_per_s", "tokens/s", 1e-6, 1e12, 0},
    {"output_tokens_per_s_per_chip", "tokens/s", 1e-6, 1e12, 0},
    {"tpot_s", "s", 1e-9, 1e6, 1},
    {"ttft_s", "s", 1e-9, 1e6, 1},
    {"output_tokens_per_joule", "tokens/J", 1e-6, 1e9, 0},
    {"usd_per_million_tokens_at_cost", "USD", 1e-6, 1e9, 1},
    {"usd_per_million_tokens_at_price", "USD", 1e-6, 1e9, 1}};

static int kind_ok(int kind)
{
	return kind >= 0 && kind < CLAIM_T_COUNT;
}

const char *claim_target_key(int kind)
{
	return target_kinds[kind_ok(kind) ? kind : 0].key;
}

const char *claim_target_unit(int kind)
{
	return target_kinds[kind_ok(kind) ? kind : 0].unit;
}

void claim_target_range(int kind, double *lo, double *hi)
{
	*lo = target_kinds[kind_ok(kind) ? kind : 0].lo;
	*hi = target_kinds[kind_ok(kind) ? kind : 0].hi;
}

int claim_target_at_most(int kind)
{
	return target_kinds[kind_ok(kind) ? kind : 0].at_most;
}

int claim_target_find(const char *key, size_t len)
{
	int k;
	for (k = 0; k < CLAIM_T_COUNT; k++)
		if (strlen(target_kinds[k].key) == len &&
		    !strncmp(target_kinds[k].key, key, len))
			return k;
	return -1;
}

double claim_target_shown(int kind, double solved)
{
	return claim_target_at_most(kind) ? 1.0 / solved : solved;
}

int claim_target_metric(const rl_config *cfg, void *ud, double *value)
{
	const claim_metric_ud *m = ud;
	rl_result r;
	double v, chips;
	if (m->kind == CLAIM_T_SPEEDUP)
		return claim_speedup_metric(cfg, ud, value);
	/* (not runnable: over its TDP at every clock, as the speedup's) */
	if (rl_eval_runnable(rl_eval(cfg, &r), &r) != RL_OK)
		return -1;
	chips = rl_scen_chips(&cfg->scen);
	switch (m->kind) {
	case CLAIM_T_OUTPUT_TPS: v = r.output_tps; break;
	case CLAIM_T_OUTPUT_TPS_CHIP: v = r.output_tps / chips; break;
	case CLAIM_T_TPOT: v = r.tpot_s; break;
	case CLAIM_T_TTFT: v = r.ttft_s; break;
	case CLAIM_T_TOKENS_PER_J:
		/* eval's power.output_tokens_per_joule */
		v = r.power_w > 0 ? r.output_tps / chips / r.power_w : NAN;
		break;
	case CLAIM_T_USD_COST: v = r.usd_per_mtok_cost; break;
	case CLAIM_T_USD_PRICE: v = r.usd_per_mtok_price; break;
	default: return -1;
	}
	if (!(v > 0) || !isfinite(v))
		return -1;
	*value = claim_target_at_most(m->kind) ? 1.0 / v : v;
	return 0;
}

int claim_speedup_metric(const rl_config *cfg, void *ud, double *value)
{
	const claim_metric_ud *m = ud;
	rl_result r;
	/* a chip over its TDP even at the lowest clock is left at full clock
	** by rl_eval, a throughput it cannot run at: not a value solve may
	** land on (HBM stacks whose idle and PHYs pass the TDP read "20x
	** at 54 stacks"; rl_eval_runnable) */
	if (rl_eval_runnable(rl_eval(cfg, &r), &r) != RL_OK ||
	    !(r.total_tps > 0))
		return -1;
	*value = m->side ? r.total_tps / m->other_tps
	                 : m->other_tps / r.total_tps;
	return 0;
}

int claim_side_name(const char *name)
{
	return (name[0] == 'a' || name[0] == 'b') && name[1] == '.';
}

const rl_param *claim_side_param(const char *pre, const char *name,
                                 const char *post, char *err, size_t errlen)
{
	const rl_param *p = rl_param_find_full(name + 2);
	if (!p) {
		/* up to three, each with the side's prefix, as --vary and an
		** uncertainty section take them: "b.chip.peak_tflops" was offered
		** "chip.peak_tflops_bf16" alone, which --vary then refused */
		const char *names[3];
		char buf[3][64], hint[256] = "";
		size_t n = rl_param_suggest(name + 2, names, 3, buf), i, used = 0;
		for (i = 0; i < n && used < sizeof hint; i++)
			used += (size_t)snprintf(hint + used, sizeof hint - used,
			                         "%s%c.%s", i == 0 ? "; did you mean "
			                         : i + 1 == n ? " or " : ", ",
			                         name[0], names[i]);
		/* none near: where to find them, as eval's --set says it
		** (config/setup.c, setup_param_hint) */
		snprintf(err, errlen, "%s%s%s: unknown parameter '%s'%s%s", pre,
		         name, post, name + 2, hint,
		         n ? "?" : " (`rooflab params` lists them all)");
	}
	return p;
}
