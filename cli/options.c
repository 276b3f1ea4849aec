/*
** options.c: the shared evaluation options as a table (options.h).
*/
#include "options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/dbfile.h"
#include "../model/params.h"
#include "../model/power.h"
#include "../model/silicon.h"
#include "../model/utf8.h"

/* --set section.key=value, repeated: checked when applied (opts_apply) */
static int take_set(const opt_def *d, void *field, const char *name,
                    const char *v, char *err, size_t errlen)
{
	eval_opts *o = field;
	(void)d;
	if (o->nsets >= OPTS_MAX_SETS) {
		snprintf(err, errlen, "%s: more than %d of them", name,
		         OPTS_MAX_SETS);
		return -1;
	}
	o->sets[o->nsets++] = v;
	return 1;
}

const opt_def eval_opts_table[] = {
    OPT_STR("--chip", eval_opts, chip, "NAME", "a chip preset or INI file"),
    OPT_STR("--model", eval_opts, model, "NAME", "a model preset or INI file"),
    OPT_PARAM("--precision", eval_opts, precision, "P", "scenario.precision",
              "weights and math"),
    OPT_PARAM("--isl", eval_opts, isl, "N", "scenario.isl", "input tokens"),
    OPT_PARAM("--osl", eval_opts, osl, "N", "scenario.osl", "output tokens"),
    OPT_PARAM("--tp", eval_opts, tp, "N", "scenario.tp",
              "tensor-parallel degree"),
    OPT_PARAM("--pp", eval_opts, pp, "N", "scenario.pp", "pipeline stages"),
    OPT_PARAM("--ep", eval_opts, ep, "N", "scenario.ep",
              "expert-parallel degree"),
    OPT_PARAM("--chips", eval_opts, chips, "N", "scenario.chips",
              "chips in the system"),
    OPT_PARAM("--batch", eval_opts, batch, "N", "scenario.batch",
              "concurrent sequences at most"),
    OPT_STR("--profile", eval_opts, profile, "NAME", "a serving profile"),
    OPT_STR("--scenario", eval_opts, scenario, "NAME", "a scenario preset"),
    OPT_CALL_ALL("--set", "SECTION.KEY=V", take_set,
                 OPT_REPEAT | OPT_ASSIGN,
                 "any parameter (rooflab params), repeatable"),
    OPT_BOOL("--json", eval_opts, json, "JSON instead of a table"),
    OPT_LAST};

/* "rooflab CMD: KIND" and msg shown on f, whole: rl_utf8_cell writes no
** more bytes than it reads (a control as one '?'), so a buffer of msg's
** size holds it all; a message past the stack's 4 KB (report's notes
** name the database twice) on the heap, and only where that fails cut at
** a whole character, said so */
static void say_on(FILE *f, const char *cmd, const char *kind,
                   const char *msg)
{
	char clean[4096], *big = NULL;
	size_t n = strlen(msg) + 1;
	if (n > sizeof clean && (big = malloc(n)) != NULL) {
		fprintf(f, "rooflab %s: %s%s\n", cmd, kind,
		        rl_utf8_cell(msg, 0, 0, big, n));
		free(big);
		return;
	}
	fprintf(f, "rooflab %s: %s%s%s\n", cmd, kind,
	        rl_utf8_cell(msg, 0, 0, clean, sizeof clean),
	        n > sizeof clean ? "... (cut: out of memory)" : "");
}

static void say(const char *cmd, const char *kind, const char *msg)
{
	say_on(stderr, cmd, kind, msg);
}

void cli_say(const char *cmd, const char *msg)
{
	say(cmd, "", msg);
}

void cli_result(const char *cmd, const char *msg)
{
	say_on(stdout, cmd, "", msg);
}

void cli_wrote(const char *cmd, const char *path)
{
	say_on(stdout, cmd, "wrote ", path);
}

void cli_warn(const char *cmd, const char *msg)
{
	say(cmd, "warning: ", msg);
}

void cli_note(void *cmd, const char *words)
{
	say(cmd, "note: ", words);
}

int cli_out_check(const char *cmd)
{
	int e;
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return RL_OK;
	e = errno;
	fprintf(stderr, "rooflab %s: cannot write the output (standard "
	        "output)%s%s%s\n", cmd, e ? ": " : "", e ? strerror(e) : "",
	        e == EFBIG ? " (a file size limit, ulimit -f, or the file "
	                     "system's largest file)"
	                   : "");
	return RL_EINTERNAL;
}

/* The longest --set a message quotes whole (bytes); past it, cut */
#define SET_SHOWN_MAX 300

/* The --set assignment a for a message, into buf (SET_SHOWN_MAX + 64
** bytes at least): whole where it is at most SET_SHOWN_MAX bytes, else its
** first bytes cut at a whole character (rl_utf8_cut, never inside a
** multibyte one) and "... (N bytes)", where "%.300s" cut it mid-character
** and without a mark (a value of 400 digits shown as another number) */
static const char *set_shown(const char *a, char *buf, size_t len)
{
	return rl_utf8_shown(a, SET_SHOWN_MAX, buf, len);
}

/* The [design] keys that act on a chip given by its spec sheet: the die
** (cost, clocked logic), the clock (clocked logic) and the FMA energy's
** overhead (model/cost.c, model/power.c). */
static const char *const design_acting[] = {"die_mm2", "dies", "clock_ghz",
                                            "energy_overhead", NULL};

int opts_design_inert(const char *assignment)
{
	const char *a = assignment, *eq;
	size_t n;
	int j;
	if (strncmp(a, "design.", 7))
		return 0;
	a += 7;
	eq = strchr(a, '=');
	n = eq ? (size_t)(eq - a) : strlen(a);
	while (n > 0 && (a[n - 1] == ' ' || a[n - 1] == '\t'))
		n--;
	for (j = 0; design_acting[j]; j++)
		if (strlen(design_acting[j]) == n &&
		    !strncmp(a, design_acting[j], n))
			return 0;
	return 1;
}

int opts_design_hbm_kept(const rl_config *cfg)
{
	const rl_chip *c = &cfg->chip;
	return c->by_design > 0.5 && !(cfg->design.hbm_stacks > 0) &&
	       c->memory_kind != RL_MEM_GDDR6 &&
	       (c->hbm_bytes > 0 || c->hbm_Bps > 0);
}

void opts_hbm_bw_text(const rl_config *cfg, char *buf, size_t len)
{
	const rl_param *p = rl_param_find("chip", "hbm_tbps");
	char v[40];
	rl_param_format(p, rl_param_get(cfg, p), v, sizeof v);
	snprintf(buf, len, "%s %s", v, p->unit);
}

/* Whether --set a names a key of the power model (power.*, chip.tdp_w),
** which acts only on a chip that has one (rl_power_known) */
static int power_key(const char *a)
{
	size_t n = strcspn(a, "=");
	while (n > 0 && (a[n - 1] == ' ' || a[n - 1] == '\t'))
		n--;
	return !strncmp(a, "power.", 6) ||
	       (n == strlen("chip.tdp_w") && !strncmp(a, "chip.tdp_w", n));
}

/* Each --set of the power model's on a chip with none (its preset names
** no node: Sohu as claimed), which changed nothing without a word: a TDP
** of 100 W on it served as fast as none (ux30) */
static void warn_inert_power(const char *cmd, const eval_opts *o,
                             const rl_setup *st)
{
	int k;
	if (rl_power_known(&st->cfg))
		return;
	for (k = 0; k < o->nsets; k++) {
		char msg[1024], sa[SET_SHOWN_MAX + 64];
		if (!power_key(o->sets[k]))
			continue;
		snprintf(msg, sizeof msg,
		         "--set %s changes nothing %s computes: %s names no "
		         "process node (node.*), so it has no power model: no "
		         "TDP holds its clock and its power is n/a",
		         set_shown(o->sets[k], sa, sizeof sa), cmd, st->chip);
		cli_warn(cmd, msg);
	}
}

/* The SRAM keys serving reads only through weights kept resident
** (chip.sram_resident_share > 0, model/engine.c): with none kept, the
** SRAM is a cache, as a GPU's L2, and its capacity, bandwidth and copy
** move no figure eval gives (ux31: sohu-design with --set
** design.frac_sram=0.3 gave eval --json byte for byte its 0.1's). */
static const char *const sram_keys[] = {
    "design.frac_sram", "design.sram_mm2", "design.sram_b_per_clk_per_kb",
    "chip.sram_mb",     "chip.sram_tbps",  "chip.sram_hbm_copy",
    NULL};

int opts_sram_inert(const char *assignment)
{
	size_t n = strcspn(assignment, "=");
	int j;
	while (n > 0 && (assignment[n - 1] == ' ' || assignment[n - 1] == '\t'))
		n--;
	for (j = 0; sram_keys[j]; j++)
		if (strlen(sram_keys[j]) == n && !strncmp(assignment, sram_keys[j], n))
			return 1;
	return 0;
}

/* Each --set of an SRAM key where no weights are kept resident in SRAM
** (opts_sram_inert); a design.* one on a chip given by its spec sheet is
** left to the warning that its [design] is not served */
static void warn_inert_sram(const char *cmd, const eval_opts *o,
                            const rl_setup *st)
{
	int k;
	if (st->cfg.chip.sram_resident_share > 0)
		return;
	for (k = 0; k < o->nsets; k++) {
		char msg[1024], sa[SET_SHOWN_MAX + 64];
		if (!opts_sram_inert(o->sets[k]) ||
		    (!strncmp(o->sets[k], "design.", 7) &&
		     !(st->cfg.chip.by_design > 0.5)))
			continue;
		snprintf(msg, sizeof msg,
		         "--set %s moves no throughput, latency, power or cost "
		         "%s gives: %s keeps no weights in its SRAM "
		         "(chip.sram_resident_share = 0: a cache, as a GPU's L2, "
		         "which streamed weights evict), so serving reads neither "
		         "its capacity nor its bandwidth (the die's shares alone "
		         "count it); add --set chip.sram_resident_share=1 to "
		         "weigh it (docs/engine.md, MAC arrays or SRAM?)",
		         set_shown(o->sets[k], sa, sizeof sa), cmd, st->chip);
		cli_warn(cmd, msg);
	}
}

/* Is assignment a --set of design.KEY (KEY=... or KEY =...)? */
static int sets_design_key(const char *assignment, const char *key)
{
	size_t n = strlen(key);
	return !strncmp(assignment, "design.", 7) &&
	       !strncmp(assignment + 7, key, n) &&
	       (assignment[7 + n] == '=' || assignment[7 + n] == ' ');
}

/* The user's --set of design.KEY or of its other form (frac_mac for
** mac_mm2 and back, rl_param_other_form), the last one given; NULL where
** none */
static const char *set_of_block(const eval_opts *o, const char *key)
{
	char full[96];
	const rl_param *p, *q;
	const char *got = NULL;
	int k;
	snprintf(full, sizeof full, "design.%s", key);
	p = rl_param_find_full(full);
	q = p ? rl_param_other_form(p) : NULL;
	for (k = 0; k < o->nsets; k++)
		if (sets_design_key(o->sets[k], key) ||
		    (q && sets_design_key(o->sets[k], q->key)))
			got = o->sets[k];
	return got;
}

/* Each --set design.fma_units or design.transistors on a chip served by
** its design that gives the key standing before it
** (rl_design_key_before: frac_mac or mac_mm2 gives the FMA units,
** density_mtr_per_mm2 the transistors), which changed nothing without a
** word: Sohu by design served as fast with 100 transistors as with its 80
** billion (ux30).  The advice is one the command line takes: the MAC
** arrays are zeroed by their share (a share set clears the area too,
** where mac_mm2=0 means "take the share", model/params.c), and given in
** place of the user's own --set of that block, which the two forms
** together would refuse ("both set one block", review55) */
static void warn_inert_alternate(const char *cmd, const eval_opts *o,
                                 const rl_setup *st)
{
	static const char *const keys[] = {"fma_units", "transistors"};
	int k;
	size_t i;
	for (k = 0; k < o->nsets; k++)
		for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
			const char *a = o->sets[k], *before, *zero, *mine;
			char msg[2000], by[600], instead[500];
			char sa[SET_SHOWN_MAX + 64], sm[SET_SHOWN_MAX + 64];
			if (!sets_design_key(a, keys[i]) ||
			    !(before = rl_design_key_before(&st->cfg.design, keys[i])))
				continue;
			zero = strcmp(before, "mac_mm2") ? before : "frac_mac";
			mine = set_of_block(o, before);
			if (mine && !strncmp(mine + 7, before, strlen(before)))
				snprintf(by, sizeof by, "your --set %s",
				         set_shown(mine, sm, sizeof sm));
			else
				snprintf(by, sizeof by, "%.*s gives design.%s",
				         rl_utf8_cut(st->chip, 400), st->chip, before);
			instead[0] = '\0';
			if (mine)
				snprintf(instead, sizeof instead, " in place of --set %s",
				         set_shown(mine, sm, sizeof sm));
			snprintf(msg, sizeof msg,
			         "--set %s changes nothing %s computes: %s, which "
			         "stands before it; give --set design.%s=0%s%s to "
			         "derive from design.%s instead",
			         set_shown(a, sa, sizeof sa), cmd, by, zero,
			         strcmp(zero, before) ? " (a share of 0 clears "
			                                "design.mac_mm2 too)"
			                              : "",
			         instead, keys[i]);
			cli_warn(cmd, msg);
		}
}

/* A --set of the SRAM's share or area on a chip given by its design, with
** none of the MAC arrays': its area comes out of the die's unassigned rest
** (1 less the five shares, which no source gives: sohu-design's 30%), not
** out of the MAC arrays, whose FMA units and peaks stay; said where some
** rest is left (shares over 1 are refused elsewhere) */
static void note_sram_from_rest(const char *cmd, const eval_opts *o,
                                const rl_setup *st)
{
	const char *sram = NULL;
	char msg[1024], sa[SET_SHOWN_MAX + 64];
	rl_design d;
	double rest;
	int k;
	for (k = 0; k < o->nsets; k++) {
		if (sets_design_key(o->sets[k], "frac_mac") ||
		    sets_design_key(o->sets[k], "mac_mm2"))
			return;
		if (sets_design_key(o->sets[k], "frac_sram") ||
		    sets_design_key(o->sets[k], "sram_mm2"))
			sram = o->sets[k];
	}
	if (!sram)
		return;
	d = rl_design_resolved(&st->cfg.design);
	rest = 1 - (d.frac_mac + d.frac_vector + d.frac_sram + d.frac_phy +
	            d.frac_other);
	if (!(rest > 1e-9))
		return;
	/* (cli_say: a --set's controls shown as '?') */
	snprintf(msg, sizeof msg, "note: --set %s takes its area from the "
	         "die's unassigned rest (%.2f%% left: 1 less the five block "
	         "shares, a residue with no figure of its own), not from the "
	         "MAC arrays, whose FMA units and peaks stay; lower "
	         "design.frac_mac (or design.mac_mm2) too to trade SRAM against "
	         "MACs (rooflab area shows the blocks)", set_shown(sram, sa, sizeof sa),
	         100 * rest);
	cli_say(cmd, msg);
}

void opts_warn_inert_design(const char *cmd, const eval_opts *o,
                            const rl_setup *st)
{
	int k;
	warn_inert_power(cmd, o, st);
	warn_inert_sram(cmd, o, st);
	if (st->cfg.chip.by_design > 0.5) {
		char msg[1024], bw[48];
		warn_inert_alternate(cmd, o, st);
		note_sram_from_rest(cmd, o, st);
		if (!opts_design_hbm_kept(&st->cfg))
			return;
		opts_hbm_bw_text(&st->cfg, bw, sizeof bw);
		snprintf(msg, sizeof msg,
		         "%s is served by its design (chip.by_design = true), "
		         "whose design.hbm_stacks = 0 gives no HBM: serving keeps "
		         "its spec sheet's %.1f GB at %s (chip.hbm_gb, "
		         "chip.hbm_tbps); a chip without HBM needs --set "
		         "chip.hbm_gb=0 --set chip.hbm_tbps=0 too",
		         st->chip, st->cfg.chip.hbm_bytes / 1e9, bw);
		cli_warn(cmd, msg);
		return;
	}
	for (k = 0; k < o->nsets; k++) {
		char msg[1024], sa[SET_SHOWN_MAX + 64];
		if (!opts_design_inert(o->sets[k]))
			continue;
		snprintf(msg, sizeof msg,
		         "--set %s changes nothing %s computes: %s is given by its "
		         "spec sheet (chip.by_design = false), whose peaks and HBM "
		         "are chip.*; add --set chip.by_design=true to derive them "
		         "from its [design] (rooflab area --chip %s shows what "
		         "that gives)",
		         set_shown(o->sets[k], sa, sizeof sa), cmd, st->chip,
		         st->chip);
		cli_warn(cmd, msg);
	}
}

/* Whether the k-th --set of o goes in the price note: chip.* (chip.by_design
** left out) and, where with_design, design.* */
static int priced_set(const eval_opts *o, int k, int with_design)
{
	return (with_design && !strncmp(o->sets[k], "design.", 7)) ||
	       (!strncmp(o->sets[k], "chip.", 5) &&
	        strncmp(o->sets[k], "chip.by_design", 14));
}

/* The price note "CHIP HEAD --set K=V, --set ... TAIL" of the --sets
** of o that go in it, on stderr: on the heap, sized from
** what goes in (every --set named, nothing cut); where no --set goes in,
** none; where the heap fails, the note without its --sets, said so */
static void say_price_note(const char *cmd, const eval_opts *o,
                           int with_design, const char *chip,
                           const char *head, const char *tail)
{
	size_t len = strlen(head) + strlen(chip) + strlen(tail) + 7, used;
	char *msg;
	int k, n = 0;
	for (k = 0; k < o->nsets; k++)
		if (priced_set(o, k, with_design)) {
			len += strlen(o->sets[k]) + 8; /* "--set " and ", " */
			n++;
		}
	if (!n)
		return;
	if ((msg = malloc(len)) == NULL) {
		char small[1024];
		snprintf(small, sizeof small, "note: %s%sits --sets%s (out "
		         "of memory naming them)", chip, head, tail);
		cli_say(cmd, small);
		return;
	}
	used = (size_t)snprintf(msg, len, "note: %s%s", chip, head);
	for (k = 0, n = 0; k < o->nsets; k++)
		if (priced_set(o, k, with_design))
			used += (size_t)snprintf(msg + used, len - used,
			                         "%s--set %s", n++ ? ", " : "",
			                         o->sets[k]);
	snprintf(msg + used, len - used, "%s", tail);
	cli_say(cmd, msg);
	free(msg);
}

void opts_note_fixed_price(const char *cmd, const eval_opts *o,
                           const rl_setup *st)
{
	int k;
	/* (n/a: no price to follow) */
	if (st->cfg.chip.by_design > 0.5 && !(st->cfg.cost.price_usd > 0))
		return;
	/* (a price given by --set is no preset's: no note, either chip) */
	for (k = 0; k < o->nsets; k++)
		if (!strncmp(o->sets[k], "cost.price_usd", 14))
			return;
	/* (cli_say: a chip path's or a --set's controls shown as '?') */
	if (st->cfg.chip.by_design > 0.5)
		say_price_note(cmd, o, 1, st->chip, " is given by its design "
		         "(chip.by_design = true): its price (cost.price_usd) is "
		         "its preset's whatever ", " (a changed chip is not the "
		         "product priced); its manufacturing cost follows the "
		         "design, its HBM at cost.hbm_usd_per_gb included");
	else
		say_price_note(cmd, o, 0, st->chip, " is given by its spec "
		         "sheet: its price (cost.price_usd) is its preset's "
		         "whatever ", ", and its manufacturing cost follows two "
		         "chip.* figures alone, chip.hbm_gb (at "
		         "cost.hbm_usd_per_gb) and chip.memory");
}

int bad_input(const char *cmd, const char *msg)
{
	cli_say(cmd, msg);
	return RL_EINPUT;
}

int input_fail(const char *cmd, int rc, const char *msg)
{
	cli_say(cmd, msg);
	return rc == RL_EINTERNAL ? RL_EINTERNAL : RL_EINPUT;
}

int db_target(const char *cmd, const char *path)
{
	char err[1024], msg[1100];
	if (rl_db_target_check(path, err, sizeof err) == RL_OK)
		return RL_OK;
	snprintf(msg, sizeof msg, "--db%s %s", path && *path ? "" : ":", err);
	return bad_input(cmd, msg);
}
