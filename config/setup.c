/*
** setup.c: a configuration put together from presets and --set
** assignments (setup.h); the preset files themselves: presets.c.
*/
#include "setup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../model/params.h"
#include "ini.h"
#include "meta.h"
#include "../model/utf8.h"

void setup_init(rl_setup *st)
{
	memset(st, 0, sizeof *st);
	rl_config_defaults(&st->cfg);
}

/* The keys a model preset (with the presets it names) must give: the
** table's defaults are Llama-3 8B's, and a file that gives none (empty,
** or all one comment line) would otherwise be evaluated as that model. */
static const char *const model_shape[] = {
    "layers", "hidden", "heads", "kv_heads", "head_dim", "ffn_hidden",
    "vocab"};
#define MODEL_SHAPE_ALL \
	((1u << (sizeof model_shape / sizeof model_shape[0])) - 1)

#define PRESET_DEPTH_MAX 8
/* the sections of one preset file remembered for the check that none is
** given twice (a chip preset holds six kinds: chip, design, cost, power,
** preset, meta) */
#define PRESET_SECTIONS_MAX 16
#define PRESET_KEYS_MAX 512

/* What a file's [preset] names is read before its own keys, whatever
** the order of its lines: first the preset it builds on (its [preset]
** key of its own kind: a chip's base chip, a scenario's base scenario),
** then the other presets it names (a scenario's chip, model, profile),
** then its own keys and the process node (after the chip, which brings
** its own; no file of a kind that names a node holds [node] keys).  Read
** in the file's order, a preset named below a key replaced it without a
** word: a chip file's `tdp_w = 500` above `[preset] chip = h100-sxm` ran
** at the H100's 700 W, and `node = n5` above `chip = sohu-design` gave
** Sohu by design on n4 (its chip's node), docs/power.md's recipe for a node
** change in the other order.  A file in that order (every preset shipped)
** is read once; another is read again in these steps, each replacing
** what the first reading left (load_depth). */
enum { PASS_BASE, PASS_OTHER, PASS_KEYS };

/* The files of the presets being read, the outermost first: a preset
** named again inside itself is a cycle. */
typedef struct {
	dev_t dev[PRESET_DEPTH_MAX + 1];
	ino_t ino[PRESET_DEPTH_MAX + 1];
} preset_chain;

typedef struct {
	rl_setup *st;
	const char *kind; /* the kind of preset being read */
	int depth;
	unsigned *shape; /* bits of model_shape given so far */
	preset_chain *chain;
	/* what this file gave already: a parameter (its row of the table) or
	** a preset it names in [preset] (its kind's folder name) */
	const void *given[PRESET_KEYS_MAX];
	size_t ngiven;
	/* the sections this file opened so far, each with its header's line
	** (a section is given once); model_line: [model]'s, 0 without one */
	char sect[PRESET_SECTIONS_MAX][128];
	int sect_line[PRESET_SECTIONS_MAX];
	size_t nsect;
	int model_line;
	/* the first reading: the latest step (PASS_*) read, and whether a
	** line came after one of a later step (misordered); again: reading
	** the file again, step `pass` alone */
	int step, misordered, again, pass;
	int named[PASS_KEYS]; /* [preset] keys of the first two steps */
} load_ctx;

static int load_depth(rl_setup *st, const char *kind, const char *name,
                      int depth, unsigned *shape, preset_chain *chain,
                      char *err, size_t errlen);

/* The name a preset given by path is recorded under: its file name less
** .ini (preset_stem), into tmp (RL_NAME_MAX bytes).  -1 with a message where that name
** is longer than the record holds (it would be cut). */
static int name_of(const char *kind, const char *name, char *tmp,
                   char *err, size_t errlen)
{
	const char *base;
	size_t l = preset_stem(name, &base);
	if (l >= RL_NAME_MAX) {
		char size[64];
		snprintf(err, errlen, "%s file '%.*s...': its name (less .ini) is "
		         "%s; at most %d bytes", kind, rl_utf8_cut(base, 64), base,
		         rl_utf8_bytes(base, l, size, sizeof size), RL_NAME_MAX - 1);
		return -1;
	}
	memcpy(tmp, base, l);
	tmp[l] = '\0';
	return 0;
}

static void set_name(rl_setup *st, const char *kind, const char *tmp)
{
	char *dst = NULL;
	if (!strcmp(kind, "chip"))
		dst = st->chip;
	else if (!strcmp(kind, "model"))
		dst = st->model;
	else if (!strcmp(kind, "profile"))
		dst = st->profile;
	else if (!strcmp(kind, "scenario"))
		dst = st->scenario;
	else if (!strcmp(kind, "node"))
		dst = st->node;
	if (dst)
		snprintf(dst, RL_NAME_MAX, "%s", tmp);
}

/* The section `dotted` names ("chip" of chip.hbm_bw) where the table has
** parameters of it, else NULL; its length in *sl. */
static const char *known_section(const char *dotted, size_t *sl)
{
	size_t n, i;
	const rl_param *t = rl_params(&n);
	const char *dot = strchr(dotted, '.');
	if (!dot)
		return NULL;
	*sl = (size_t)(dot - dotted);
	for (i = 0; i < n; i++)
		if (strlen(t[i].section) == *sl &&
		    !strncmp(t[i].section, dotted, *sl))
			return t[i].section;
	return NULL;
}

/* 1 where a and b, each section.key, have one key */
static int same_key(const char *a, const char *b)
{
	const char *ka = strchr(a, '.'), *kb = strchr(b, '.');
	return ka && kb && !strcmp(ka, kb);
}

void setup_param_hint(const char *dotted, char *out, size_t len)
{
	const char *names[4], *sect;
	char buf[4][64];
	size_t n = rl_param_suggest(dotted, names, 4, buf), i, used = 0, sl;
	out[0] = '\0';
	if (!n) {
		snprintf(out, len, " (`rooflab params` lists them all)");
		return;
	}
	used = (size_t)snprintf(out, len, "; did you mean ");
	for (i = 0; i < n && used < len; i++)
		used += (size_t)snprintf(out + used, len - used, "%s%s",
		                         i ? (i + 1 == n ? " or " : ", ") : "",
		                         names[i]);
	if (used < len)
		used += (size_t)snprintf(out + used, len - used, "?");
	/* the names offered are the nearest in spelling, not in meaning
	** (chip.hbm_bw: chip.hbm_gb, not the bandwidth chip.hbm_tbps): where
	** the section is one, where to read all of its keys; not where a name
	** offered is the key typed, in another section (model.hbm_tbps:
	** chip.hbm_tbps), whose list of model.* keys leads away from it */
	sect = known_section(dotted, &sl);
	for (i = 0; sect && i < n; i++)
		if (same_key(dotted, names[i]))
			sect = NULL;
	if (sect && used < len)
		snprintf(out + used, len - used, " (`rooflab params --section "
		         "%s` lists every %s.* parameter)", sect, sect);
}

/* setup_set_key with the key's row of the table found already (p:
** rl_param_find's, NULL where section.key names none), so that a caller
** that reads the row again (load_cb) looks it up once */
static int set_found(rl_setup *st, const rl_param *p, const char *section,
                     const char *key, const char *value, char *err,
                     size_t errlen)
{
	char dotted[160];
	if (!p) {
		char hint[512];
		snprintf(dotted, sizeof dotted, "%s.%s", section, key);
		setup_param_hint(dotted, hint, sizeof hint);
		snprintf(err, errlen, "unknown parameter '%s'%s", dotted, hint);
		return -1;
	}
	return rl_param_set_text(&st->cfg, p, value, err, errlen) ? -1 : 0;
}

int setup_set_key(rl_setup *st, const char *section, const char *key,
                  const char *value, char *err, size_t errlen)
{
	return set_found(st, rl_param_find(section, key), section, key, value,
	                 err, errlen);
}

/* The list of kind's row in table (n rows of kind and "a, b, c"), or NULL
** for a kind without a row (uncertainty). */
static const char *row_of(const char *const (*table)[2], size_t n,
                          const char *kind)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (!strcmp(kind, table[i][0]))
			return table[i][1];
	return NULL;
}

/* Is word one of the items of list ("a, b, c")? */
static int listed(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *at;
	for (at = list; n && (at = strstr(at, word)); at += n)
		if ((at == list || at[-1] == ' ') &&
		    (at[n] == ',' || at[n] == '\0'))
			return 1;
	return 0;
}

/* The parameter sections each kind of preset holds: a [model] inside a
** chip preset would be read and then silently replaced by --model (and a
** [scenario] by the scenario), so a section of another kind is refused;
** a scenario takes another kind's values by naming it in [preset]. */
static int section_refused(const char *kind, const char *section,
                           char *err, size_t errlen)
{
	static const char *const allowed[][2] = {
	    {"chip", "[chip], [design], [cost], [power]"},
	    {"model", "[model]"},
	    {"scenario", "[scenario]"},
	    {"profile", "[profile]"},
	    {"node", "[node]"}};
	const char *row = row_of(allowed, sizeof allowed / sizeof allowed[0],
	                         kind);
	char br[80];
	snprintf(br, sizeof br, "[%.*s]", rl_utf8_cut(section, 64),
	         section);
	if (!row || listed(row, br))
		return 0;
	snprintf(err, errlen, "section %s does not belong in a %s preset: it "
	         "holds %s, [preset] and [meta]%s%s%s", br, kind, row,
	         preset_kind_dir(section) ? " (the " : "",
	         preset_kind_dir(section) ? section : "",
	         preset_kind_dir(section) ? " comes from its own option or "
	                             "preset)" : "");
	return -1;
}

/* The presets each kind may name in [preset]: its own kind (a base it
** builds on) and what it is made of (a chip its process node).  A chip
** naming a model, or a model naming a chip, would be replaced by --model
** without a word, or silently replace --chip, as the order of loading
** goes (a model named after --chip is read after it), and a chip naming a
** profile would replace the profile validate picks for a row; so any
** other kind is refused.  A scenario names any: it is read first, and
** every option after it replaces what it named (docs/tour.md, eval's
** contract). */
static int preset_refused(const char *kind, const char *named,
                          const char *value, char *err, size_t errlen)
{
	static const char *const allowed[][2] = {
	    {"chip", "chip, node"},
	    {"model", "model"},
	    {"scenario", "scenario, chip, model, profile, node"},
	    {"profile", "profile"},
	    {"node", "node"}};
	const char *row = row_of(allowed, sizeof allowed / sizeof allowed[0],
	                         kind);
	if (row && listed(row, named))
		return 0;
	snprintf(err, errlen, "[preset] %s = %s does not belong in a %s "
	         "preset, whose [preset] names only %s (the %s comes from its "
	         "own option%s)", named, value, kind, row ? row : "nothing", named,
	         listed(allowed[2][1], named) ? " or a scenario" : "");
	return -1;
}

/* A key a file gives twice would be read twice, the second silently
** replacing the first (a typo, or a line copied and not changed): -1 with
** the message the second time id (a parameter's row, a kind's folder) is
** given in this file, else 0. */
static int given_again(load_ctx *lc, const void *id, const char *section,
                       const char *key, char *err, size_t errlen)
{
	size_t i;
	for (i = 0; i < lc->ngiven; i++)
		if (lc->given[i] == id) {
			snprintf(err, errlen, "[%s] %s is given twice in this file "
			         "(the second would replace the first without a "
			         "word)", section, key);
			return -1;
		}
	if (lc->ngiven < PRESET_KEYS_MAX)
		lc->given[lc->ngiven++] = id;
	return 0;
}

/* A die block given in one file both as its share and as its area
** ([design] frac_sram and sram_mm2, rl_param_other_form): which one was
** meant is not the reader's to guess; -1 with the message where p's other
** form was given earlier in this file, else 0. */
static int both_forms(load_ctx *lc, const rl_param *p, char *err,
                      size_t errlen)
{
	const rl_param *q = p ? rl_param_other_form(p) : NULL;
	size_t i;
	if (!q)
		return 0;
	for (i = 0; i < lc->ngiven; i++)
		if (lc->given[i] == q) {
			snprintf(err, errlen, "[design] %s: %s is given too, and both "
			         "set one block of the die (a share of it, or its "
			         "area in mm2, converted to that share): give one",
			         p->key, q->key);
			return -1;
		}
	return 0;
}

/* At a section header: a section this kind of preset does not hold is
** refused at its header (with no key under it, it was passed over without
** a word), and so is a section given a second time, whose keys would join
** the first's without a word; [model]'s line is kept for shape_check. */
static int load_section_cb(void *ud, const char *section, int line,
                           char *err, size_t errlen)
{
	load_ctx *lc = ud;
	size_t i;
	if (strcmp(section, "preset") && strcmp(section, "meta") &&
	    section_refused(lc->kind, section, err, errlen))
		return -1;
	for (i = 0; i < lc->nsect; i++)
		if (!strcmp(lc->sect[i], section)) {
			return ini_section_twice(section, lc->sect_line[i], err,
			                         errlen);
		}
	if (lc->nsect < PRESET_SECTIONS_MAX) {
		snprintf(lc->sect[lc->nsect], sizeof lc->sect[0], "%s", section);
		lc->sect_line[lc->nsect++] = line;
	}
	if (!strcmp(section, "model"))
		lc->model_line = line;
	return 0;
}

/* A chip or scenario naming a process node takes that node whole: its
** figures replace every one of the node named before (the base chip's),
** so a key the new node leaves to the table's default (n5 and n7 give no
** ref_clock_ghz) is the default, not the old node's (n4's 1.83 GHz stayed
** and cut a design's energy on n5 by 1.5 / 1.83).  A node building on a
** node keeps its base's keys: only the outermost node is reset. */
static void node_reset(rl_config *cfg)
{
	rl_config d;
	rl_config_defaults(&d);
	cfg->node = d.node;
}

/* The step (PASS_*) that reads [preset] key in a preset of kind. */
static int preset_pass(const char *kind, const char *key)
{
	if (!strcmp(key, kind))
		return PASS_BASE;
	return !strcmp(key, "node") ? PASS_KEYS : PASS_OTHER;
}

/* A line of step `step` read: 1 where this reading passes it over (read
** again, another step's), else 0; the first reading notes its order. */
static int step_skip(load_ctx *lc, int step)
{
	if (lc->again)
		return step != lc->pass;
	if (step < lc->step)
		lc->misordered = 1;
	else
		lc->step = step;
	return 0;
}

static int load_cb(void *ud, const char *section, const char *key,
                   const char *value, int line, char *err, size_t errlen)
{
	load_ctx *lc = ud;
	const rl_param *p;
	(void)line;
	if (!strcmp(section, "preset")) {
		int step = preset_pass(lc->kind, key);
		if (!lc->again) { /* checked when first read */
			if (!preset_kind_dir(key)) {
				snprintf(err, errlen,
				         "[preset] %s: expected chip, model, scenario, "
				         "profile or node", key);
				return -1;
			}
			if (preset_refused(lc->kind, key, value, err, errlen) ||
			    given_again(lc, preset_kind_dir(key), section, key, err,
			                errlen))
				return -1;
			if (step < PASS_KEYS)
				lc->named[step]++;
		}
		if (step_skip(lc, step))
			return 0;
		if (!strcmp(key, "node") && strcmp(lc->kind, "node"))
			node_reset(&lc->st->cfg);
		return load_depth(lc->st, key, value, lc->depth + 1, lc->shape,
		                  lc->chain, err, errlen);
	}
	/* a chip's or profile's [meta] software, calibrated or fitted longer
	** than profiles.c reads (meta.h's table): refused with "[meta] KEY: N
	** bytes; at most M bytes"; the rest of [meta] is free text */
	if (!strcmp(section, "meta"))
		return rl_meta_check(lc->kind, key, value, err, errlen);
	if (step_skip(lc, PASS_KEYS))
		return 0;
	/* a section this kind does not hold: refused at its header */
	if (!strcmp(section, "model")) {
		size_t i;
		for (i = 0; i < sizeof model_shape / sizeof model_shape[0]; i++)
			if (!strcmp(key, model_shape[i]))
				*lc->shape |= 1u << i;
	}
	/* (the key's row found once for the three: a look-up walks the
	** table, tests/BENCH.md) */
	p = rl_param_find(section, key);
	if (set_found(lc->st, p, section, key, value, err, errlen))
		return -1;
	if (!lc->again && both_forms(lc, p, err, errlen))
		return -1;
	return lc->again ? 0 : given_again(lc, p, section, key, err, errlen);
}

/* A model preset that left keys of model_shape to the defaults: -1 with
** "PATH:LINE: model: ... not given" (LINE: its [model] header's, line
** 0 for none: "PATH: model: ..."), else 0. */
static int shape_check(const char *path, int line, unsigned shape,
                       char *err, size_t errlen)
{
	size_t i, used;
	if (shape == MODEL_SHAPE_ALL)
		return 0;
	if (line)
		used = (size_t)snprintf(err, errlen, "%s:%d: model: not given:",
		                        path, line);
	else
		used = (size_t)snprintf(err, errlen, "%s: model: not given:", path);
	for (i = 0; i < sizeof model_shape / sizeof model_shape[0]; i++)
		if (!(shape & 1u << i) && used < errlen)
			used += (size_t)snprintf(err + used, errlen - used, " %s",
			                         model_shape[i]);
	if (used < errlen)
		snprintf(err + used, errlen - used, " (a model preset gives its "
		         "whole shape in [model], or names one that does in "
		         "[preset])");
	return -1;
}

static int load_depth(rl_setup *st, const char *kind, const char *name,
                      int depth, unsigned *shape, preset_chain *chain,
                      char *err, size_t errlen)
{
	char path[1024], recorded[RL_NAME_MAX], *text;
	unsigned mine = 0;
	load_ctx lc;
	struct stat sb;
	int k, rc;
	if (depth > PRESET_DEPTH_MAX) {
		snprintf(err, errlen, "presets nest more than %d deep at %s '%s'",
		         PRESET_DEPTH_MAX, kind, name);
		return -1;
	}
	if (preset_path(kind, name, path, sizeof path, err, errlen) ||
	    name_of(kind, name, recorded, err, errlen))
		return -1;
	if (stat(path, &sb) == 0) {
		for (k = 0; k < depth; k++)
			if (chain->dev[k] == sb.st_dev && chain->ino[k] == sb.st_ino) {
				snprintf(err, errlen, "%s '%s' is named again inside "
				         "itself (%s: a cycle of presets)", kind, name,
				         path);
				return -1;
			}
		chain->dev[depth] = sb.st_dev;
		chain->ino[depth] = sb.st_ino;
	}
	lc.st = st;
	lc.kind = kind;
	lc.depth = depth;
	lc.shape = &mine;
	lc.chain = chain;
	lc.ngiven = 0;
	lc.nsect = 0;
	lc.model_line = 0;
	lc.step = lc.misordered = lc.again = lc.pass = 0;
	memset(lc.named, 0, sizeof lc.named);
	/* read once, and where a line came after one of a later step again
	** in steps (a step none of its lines names is passed over); -1, or
	** RL_EINTERNAL (out of memory, this file's or a nested preset's
	** read: ini.h) passed on */
	if ((rc = ini_read_file(path, &text, err, errlen)))
		return rc;
	rc = ini_parse_read(path, text, load_section_cb, load_cb, &lc, err,
	                    errlen);
	for (lc.again = 1, lc.pass = PASS_BASE;
	     !rc && lc.misordered && lc.pass <= PASS_KEYS; lc.pass++)
		if (lc.pass == PASS_KEYS || lc.named[lc.pass])
			rc = ini_parse_read(path, text, NULL, load_cb, &lc, err,
			                    errlen);
	free(text);
	if (rc)
		return rc;
	if (!strcmp(kind, "model") &&
	    shape_check(path, lc.model_line, mine, err, errlen))
		return -1;
	if (shape)
		*shape |= mine;
	set_name(st, kind, recorded);
	if (!strcmp(kind, "chip"))
		snprintf(st->chip_file, sizeof st->chip_file, "%s", path);
	else if (!strcmp(kind, "model"))
		snprintf(st->model_file, sizeof st->model_file, "%s", path);
	else if (!strcmp(kind, "profile"))
		snprintf(st->profile_file, sizeof st->profile_file, "%s", path);
	return 0;
}

/* A preset loaded by an option (--chip, --model, --profile) replaces the
** one a scenario named before it whole, as docs/tour.md's eval contract says:
** its sections back to the table's defaults first, so no key the new one
** leaves unset keeps the old one's value (trtllm-0.10's seq_overhead_us
** under --profile etched-claim; the H100's node and power under --chip
** sohu, which names no node).  A chip brings its node, or none. */
static void kind_reset(rl_setup *st, const char *kind)
{
	rl_config d;
	rl_config_defaults(&d);
	if (!strcmp(kind, "chip")) {
		st->cfg.chip = d.chip;
		st->cfg.design = d.design;
		st->cfg.cost = d.cost;
		st->cfg.node = d.node;
		st->node[0] = '\0';
	} else if (!strcmp(kind, "model")) {
		st->cfg.model = d.model;
	} else if (!strcmp(kind, "profile")) {
		st->cfg.prof = d.prof;
	} else if (!strcmp(kind, "node")) {
		st->cfg.node = d.node;
	}
}

int setup_load(rl_setup *st, const char *kind, const char *name, char *err,
               size_t errlen)
{
	preset_chain chain;
	memset(&chain, 0, sizeof chain);
	kind_reset(st, kind);
	return load_depth(st, kind, name, 0, NULL, &chain, err, errlen);
}

/* Append an assignment made to the chip's ([chip], [design], [power]) or
** the model's sections to the list setup_where names; ", ..." once, when the next one does not fit. */
static void note_set(rl_setup *st, const char *section, const char *text)
{
	char *list = NULL;
	size_t used;
	if (!strcmp(section, "model"))
		list = st->model_sets;
	else if (!strcmp(section, "chip") || !strcmp(section, "design") ||
	         !strcmp(section, "power"))
		list = st->chip_sets;
	if (!list)
		return;
	used = strlen(list);
	if (used >= 3 && !strcmp(list + used - 3, "..."))
		return;
	/* 6 bytes kept for ", ..." and its NUL */
	if (used + 2 + strlen(text) + 6 <= RL_SETS_MAX)
		snprintf(list + used, RL_SETS_MAX - used, "%s%s", used ? ", " : "",
		         text);
	else
		snprintf(list + used, RL_SETS_MAX - used, "%s...",
		         used ? ", " : "");
}

int setup_assign(rl_setup *st, const char *assignment, char *err,
                 size_t errlen)
{
	return setup_assign_as(st, "--set", assignment, err, errlen);
}

/* 1 where s[0..n) holds a blank (a space or a tab) */
static int has_blank(const char *s, size_t n)
{
	return memchr(s, ' ', n) || memchr(s, '\t', n);
}

int setup_assign_as(rl_setup *st, const char *what, const char *assignment,
                    char *err, size_t errlen)
{
	char buf[512], *eq, *dot;
	if (strlen(assignment) >= sizeof buf) {
		/* cut, a bad value could read as a good one */
		char size[64];
		snprintf(err, errlen, "%s '%.*s...': %s; at most %zu bytes", what,
		         rl_utf8_cut(assignment, 40), assignment,
		         rl_utf8_bytes(assignment, strlen(assignment), size,
		                       sizeof size),
		         sizeof buf - 1);
		return -1;
	}
	snprintf(buf, sizeof buf, "%s", assignment);
	eq = strchr(buf, '=');
	if (!eq) {
		snprintf(err, errlen, "%s '%s': expected section.key=value", what,
		         assignment);
		return -1;
	}
	*eq = '\0';
	/* a blank before the '=' (a spec's "set = chip.hbm_tbps = 3", whose
	** value is "chip.hbm_tbps = 3", or --set "chip.hbm_tbps = 3") was
	** read as part of the name, refused as the unknown parameter
	** 'chip.hbm_tbps '; refused as such, the name and the way to write it
	** said, as a blank after it is ("' 3' is not a number": blanks
	** around a value are refused, cli_badinput) */
	/* The way to write it: the name and the value without their blanks
	** at either end, VALUE for a value that is none (fuzz12: " =3" was
	** told to write "=3", "chip.hbm_tbps =" to write "chip.hbm_tbps=",
	** each a refusal again), and a name that is none said as such.  A
	** part with a blank inside ("3 4", "chip. hbm_tbps") is no part the
	** parser takes either: its placeholder (VALUE, section.key) in its
	** place, where "write chip.hbm_tbps=3 4 (no blanks)" wrote a blank */
	if (eq > buf && (eq[-1] == ' ' || eq[-1] == '\t')) {
		const char *name = buf + strspn(buf, " \t");
		const char *v = eq + 1 + strspn(eq + 1, " \t");
		size_t n = (size_t)(eq - name), vn = strlen(v);
		while (n > 0 && (name[n - 1] == ' ' || name[n - 1] == '\t'))
			n--;
		while (vn > 0 && (v[vn - 1] == ' ' || v[vn - 1] == '\t'))
			vn--;
		if (has_blank(v, vn)) {
			v = "VALUE";
			vn = 5;
		}
		if (n == 0)
			snprintf(err, errlen, "%s '%s': no parameter before the '='; "
			         "write section.key=%.*s (no blanks; `rooflab params` "
			         "lists them)", what, assignment, (int)(vn ? vn : 5),
			         vn ? v : "VALUE");
		else
			snprintf(err, errlen, "%s '%s': blanks around the '=' of %.*s; "
			         "write %.*s=%.*s (no blanks)", what, assignment, (int)n,
			         name, has_blank(name, n) ? 11 : (int)n,
			         has_blank(name, n) ? "section.key" : name,
			         (int)(vn ? vn : 5), vn ? v : "VALUE");
		return -1;
	}
	dot = strchr(buf, '.');
	if (!dot) {
		char hint[512];
		setup_param_hint(buf, hint, sizeof hint);
		snprintf(err, errlen,
		         "%s '%s': the name needs a section (section.key)%s", what,
		         assignment, hint);
		return -1;
	}
	*dot = '\0';
	if (setup_set_key(st, buf, dot + 1, eq + 1, err, errlen))
		return -1;
	note_set(st, buf, assignment);
	return 0;
}

int setup_assign_param(const char *assignment, char *key, size_t len)
{
	const char *eq = strchr(assignment, '=');
	const rl_param *p;
	size_t n;
	if (!eq || (n = (size_t)(eq - assignment)) >= len)
		return 0;
	memcpy(key, assignment, n);
	key[n] = '\0';
	if ((p = rl_param_find_full(key)))
		snprintf(key, len, "%s.%s", p->section, p->key);
	return 1;
}

void setup_where(const rl_setup *st, const char *msg, char *out, size_t len)
{
	const char *file = "", *sets = "";
	/* the engine's messages about the chip's own numbers begin "chip: "
	** or "design: ", or name a key of its [power] section, which only a
	** chip preset holds ("power.static_w (60 W) and power.idle_w ...":
	** model/power.c), about the model's "model: " */
	if (!strncmp(msg, "chip:", 5) || !strncmp(msg, "design:", 7) ||
	    !strncmp(msg, "power.", 6)) {
		file = st->chip_file;
		sets = st->chip_sets;
	} else if (!strncmp(msg, "model:", 6)) {
		file = st->model_file;
		sets = st->model_sets;
	}
	if (file[0] && sets[0])
		snprintf(out, len, "%s with %s: %s", file, sets, msg);
	else if (file[0] || sets[0])
		snprintf(out, len, "%s: %s", file[0] ? file : sets, msg);
	else
		snprintf(out, len, "%s", msg);
}
