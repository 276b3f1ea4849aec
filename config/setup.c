/*
** setup.c: presets, --set assignments and the data directory (setup.h).
*/
#include "setup.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../model/params.h"
#include "ini.h"

#ifndef RL_DATA_DIR
#define RL_DATA_DIR "data"
#endif

void setup_init(rl_setup *st)
{
	memset(st, 0, sizeof *st);
	rl_config_defaults(&st->cfg);
}

const char *rl_data_dir(void)
{
	const char *env = getenv("ROOFLAB_DATA");
	return env && *env ? env : RL_DATA_DIR;
}

static const char *kind_dir(const char *kind)
{
	static const char *const kinds[][2] = {
	    {"chip", "chips"},       {"model", "models"},
	    {"scenario", "scenarios"}, {"profile", "profiles"},
	    {"node", "nodes"},       {"uncertainty", "uncertainty"}};
	size_t i;
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(kinds[i][0], kind))
			return kinds[i][1];
	return NULL;
}

static int is_file(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* The file of the preset name in kind folder dir of the data directory. */
static void preset_file(const char *dir, const char *name, char *path,
                        size_t len)
{
	snprintf(path, len, "%s/%s/%s.ini", rl_data_dir(), dir, name);
}

/* Why path, named as a preset file, cannot be one, into err: it does not
** exist (or cannot be reached), or it is a directory, a device or another
** thing that is not a file. */
static void not_a_file(const char *kind, const char *path, char *err,
                       size_t errlen)
{
	struct stat sb;
	if (stat(path, &sb) == 0)
		snprintf(err, errlen, "%s file '%s' is not a preset file (%s)",
		         kind, path, S_ISDIR(sb.st_mode) ? "a directory"
		                     : "not a regular file");
	else if (errno == ENOENT)
		snprintf(err, errlen, "%s file '%s' does not exist", kind, path);
	else
		snprintf(err, errlen, "%s file '%s': %s", kind, path,
		         strerror(errno));
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

/* A name given where a preset is asked for that is a path to its file:
** one holding a '/' or ending in ".ini" (README: "a preset name or a path
** to an INI file"), read from the working directory; any other name is a
** preset's, in the data directory. A preset file x.ini.ini therefore has
** no name it loads by (preset_name_fits refuses "x.ini"). */
static int names_a_path(const char *name)
{
	size_t l = strlen(name);
	return strchr(name, '/') || (l >= 4 && !strcmp(name + l - 4, ".ini"));
}

/* The .ini files of kind's folder whose name (less .ini) loads as a
** preset's (refused 0: preset_name_fits takes it) or does not (refused 1),
** into names (rows of width bytes), at most max, sorted: how many there
** are. */
static size_t list_dir(const char *kind, char *names, size_t width,
                       size_t max, int refused)
{
	char dir[1024], base[PRESET_FILE_MAX];
	size_t n = 0, kept;
	DIR *d;
	struct dirent *e;
	if (!kind_dir(kind))
		return 0;
	snprintf(dir, sizeof dir, "%s/%s", rl_data_dir(), kind_dir(kind));
	d = opendir(dir);
	if (!d)
		return 0;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l <= 4 || strcmp(e->d_name + l - 4, ".ini"))
			continue;
		snprintf(base, sizeof base, "%.*s", (int)(l - 4), e->d_name);
		if ((preset_name_fits(kind, base, NULL, 0) != 0) != refused)
			continue;
		if (n < max && l - 4 < width) {
			memcpy(names + n * width, e->d_name, l - 4);
			names[n * width + l - 4] = '\0';
		} else if (!refused) {
			break; /* the list is full: as many as it holds */
		}
		n++;
	}
	closedir(d);
	kept = n < max ? n : max;
	qsort(names, kept, width, cmp_name);
	return n;
}

size_t preset_list(const char *kind, char (*names)[PRESET_NAME_MAX],
                   size_t max)
{
	return list_dir(kind, names[0], PRESET_NAME_MAX, max, 0);
}

size_t preset_unloadable(const char *kind, char (*names)[PRESET_FILE_MAX],
                         size_t max)
{
	return list_dir(kind, names[0], PRESET_FILE_MAX, max, 1);
}

/* Only the presets that are files: a directory, a FIFO or a link to
** nothing named *.ini is in preset_list (`rooflab presets` lists it as not
** loading, with why) but no name a message offers as known. */
void preset_names(const char *kind, char *buf, size_t len)
{
	char names[PRESET_LIST_MAX][PRESET_NAME_MAX], path[1024];
	size_t n = preset_list(kind, names, PRESET_LIST_MAX), used = 0, i;
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		int w;
		preset_file(kind_dir(kind), names[i], path, sizeof path);
		if (!is_file(path))
			continue;
		w = snprintf(buf + used, len - used, "%s%s", used ? ", " : "",
		             names[i]);
		if (w < 0 || (size_t)w >= len - used)
			break;
		used += (size_t)w;
	}
}

int preset_name_fits(const char *kind, const char *name, char *err,
                     size_t errlen)
{
	if (strlen(name) >= PRESET_NAME_MAX) {
		snprintf(err, errlen, "%s name of %zu characters; a preset name "
		         "has at most %d", kind, strlen(name), PRESET_NAME_MAX - 1);
		return -1;
	}
	if (names_a_path(name)) {
		snprintf(err, errlen, "%s name ending in .ini: a path, not a "
		         "preset", kind);
		return -1;
	}
	return 0;
}

int preset_path(const char *kind, const char *name, char *path, size_t len,
                char *err, size_t errlen)
{
	const char *dir = kind_dir(kind);
	char known[1024];
	if (!name || !*name) {
		snprintf(err, errlen, "empty %s name", kind);
		return -1;
	}
	if (names_a_path(name)) {
		if (!is_file(name)) {
			not_a_file(kind, name, err, errlen);
			return -1;
		}
		snprintf(path, len, "%s", name);
		return 0;
	}
	/* a preset name of more is no file preset_list lists, nor one the
	** setup's records of names (RL_NAME_MAX) hold whole */
	if (preset_name_fits(kind, name, err, errlen))
		return -1;
	if (dir) {
		struct stat sb;
		preset_file(dir, name, path, len);
		if (is_file(path))
			return 0;
		/* there but no file (a directory, a FIFO, a link to nothing):
		** said so, where it was an unknown preset whose name the list
		** of known ones (preset_names) then gave */
		if (lstat(path, &sb) == 0) {
			not_a_file(kind, path, err, errlen);
			return -1;
		}
	}
	preset_names(kind, known, sizeof known);
	snprintf(err, errlen, "unknown %s '%s'; known: %s", kind, name,
	         known[0] ? known : "(none found)");
	return -1;
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
#define PRESET_KEYS_MAX 512

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
} load_ctx;

static int load_depth(rl_setup *st, const char *kind, const char *name,
                      int depth, unsigned *shape, preset_chain *chain,
                      char *err, size_t errlen);

static void set_name(rl_setup *st, const char *kind, const char *name)
{
	char *dst = NULL;
	const char *base = strrchr(name, '/');
	char tmp[RL_NAME_MAX];
	size_t l;
	base = base ? base + 1 : name;
	snprintf(tmp, sizeof tmp, "%s", base);
	l = strlen(tmp);
	if (l > 4 && !strcmp(tmp + l - 4, ".ini"))
		tmp[l - 4] = '\0';
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

void setup_param_hint(const char *dotted, char *out, size_t len)
{
	const char *names[4];
	char buf[4][64];
	size_t n = rl_param_suggest(dotted, names, 4, buf), i, used = 0;
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
		snprintf(out + used, len - used, "?");
}

int setup_set_key(rl_setup *st, const char *section, const char *key,
                  const char *value, char *err, size_t errlen)
{
	const rl_param *p = rl_param_find(section, key);
	char dotted[160];
	if (!p) {
		char hint[300];
		snprintf(dotted, sizeof dotted, "%s.%s", section, key);
		setup_param_hint(dotted, hint, sizeof hint);
		snprintf(err, errlen, "unknown parameter '%s'%s", dotted, hint);
		return -1;
	}
	return rl_param_set_text(&st->cfg, p, value, err, errlen) ? -1 : 0;
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
	snprintf(br, sizeof br, "[%.64s]", section);
	if (!row || listed(row, br))
		return 0;
	snprintf(err, errlen, "section %s does not belong in a %s preset: it "
	         "holds %s, [preset] and [meta]%s%s%s", br, kind, row,
	         kind_dir(section) ? " (the " : "",
	         kind_dir(section) ? section : "",
	         kind_dir(section) ? " comes from its own option or "
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
** every option after it replaces what it named (README, eval's
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

static int load_cb(void *ud, const char *section, const char *key,
                   const char *value, char *err, size_t errlen)
{
	load_ctx *lc = ud;
	if (!strcmp(section, "preset")) {
		if (!kind_dir(key)) {
			snprintf(err, errlen,
			         "[preset] %s: expected chip, model, scenario, "
			         "profile or node", key);
			return -1;
		}
		if (preset_refused(lc->kind, key, value, err, errlen) ||
		    given_again(lc, kind_dir(key), section, key, err, errlen))
			return -1;
		return load_depth(lc->st, key, value, lc->depth + 1, lc->shape,
		                  lc->chain, err, errlen);
	}
	if (!strcmp(section, "meta")) /* free text: name, notes, sources */
		return 0;
	if (section_refused(lc->kind, section, err, errlen))
		return -1;
	if (!strcmp(section, "model")) {
		size_t i;
		for (i = 0; i < sizeof model_shape / sizeof model_shape[0]; i++)
			if (!strcmp(key, model_shape[i]))
				*lc->shape |= 1u << i;
	}
	if (setup_set_key(lc->st, section, key, value, err, errlen))
		return -1;
	return given_again(lc, rl_param_find(section, key), section, key, err,
	                   errlen);
}

/* A model preset that left keys of model_shape to the defaults: -1 with
** "PATH: model: ... not given", else 0. */
static int shape_check(const char *path, unsigned shape, char *err,
                       size_t errlen)
{
	size_t i, used;
	if (shape == MODEL_SHAPE_ALL)
		return 0;
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
	char path[1024];
	unsigned mine = 0;
	load_ctx lc;
	struct stat sb;
	int k;
	if (depth > PRESET_DEPTH_MAX) {
		snprintf(err, errlen, "presets nest more than %d deep at %s '%s'",
		         PRESET_DEPTH_MAX, kind, name);
		return -1;
	}
	if (preset_path(kind, name, path, sizeof path, err, errlen))
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
	if (ini_parse_file(path, load_cb, &lc, err, errlen))
		return -1;
	if (!strcmp(kind, "model") && shape_check(path, mine, err, errlen))
		return -1;
	if (shape)
		*shape |= mine;
	set_name(st, kind, name);
	if (!strcmp(kind, "chip"))
		snprintf(st->chip_file, sizeof st->chip_file, "%s", path);
	else if (!strcmp(kind, "model"))
		snprintf(st->model_file, sizeof st->model_file, "%s", path);
	return 0;
}

int setup_load(rl_setup *st, const char *kind, const char *name, char *err,
               size_t errlen)
{
	preset_chain chain;
	memset(&chain, 0, sizeof chain);
	return load_depth(st, kind, name, 0, NULL, &chain, err, errlen);
}

/* Append an assignment made to the chip's or the model's sections to the
** list setup_where names; ", ..." once, when the next one does not fit. */
static void note_set(rl_setup *st, const char *section, const char *text)
{
	char *list = NULL;
	size_t used;
	if (!strcmp(section, "model"))
		list = st->model_sets;
	else if (!strcmp(section, "chip") || !strcmp(section, "design"))
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
	char buf[512], *eq, *dot;
	if (strlen(assignment) >= sizeof buf) {
		/* cut, a bad value could read as a good one */
		snprintf(err, errlen, "--set '%.40s...': longer than %zu "
		         "characters", assignment, sizeof buf - 1);
		return -1;
	}
	snprintf(buf, sizeof buf, "%s", assignment);
	eq = strchr(buf, '=');
	if (!eq) {
		snprintf(err, errlen,
		         "--set '%s': expected section.key=value", assignment);
		return -1;
	}
	*eq = '\0';
	dot = strchr(buf, '.');
	if (!dot) {
		char hint[300];
		setup_param_hint(buf, hint, sizeof hint);
		snprintf(err, errlen,
		         "--set '%s': the name needs a section (section.key)%s",
		         assignment, hint);
		return -1;
	}
	*dot = '\0';
	if (setup_set_key(st, buf, dot + 1, eq + 1, err, errlen))
		return -1;
	note_set(st, buf, assignment);
	return 0;
}

void setup_where(const rl_setup *st, const char *msg, char *out, size_t len)
{
	const char *file = "", *sets = "";
	/* the engine's messages about the chip's own numbers begin "chip: "
	** or "design: ", about the model's "model: " */
	if (!strncmp(msg, "chip:", 5) || !strncmp(msg, "design:", 7)) {
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
