/*
** cmd_presets.c: `rooflab presets [KIND]`: the presets of each kind found in
** the data directory, one a line with a one-line description.
*/
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "options.h"
#include "parseopt.h"
#include "../config/ini.h"
#include "../config/presetdoc.h"
#include "../config/presets.h"
#include "../config/setup.h"
#include "../model/utf8.h"

static const char *const kinds[] = {"chip", "model", "scenario", "profile",
                                    "node", "uncertainty"};
#define NKINDS (sizeof kinds / sizeof kinds[0])

static void help(FILE *f)
{
	fputs("usage: rooflab presets [KIND]\n\n"
	      "The presets in the data directory ($ROOFLAB_DATA, else the one "
	      "built in), one a\nline with a one-line description: the first "
	      "comment line of its file, or for a\nprofile fitted on "
	      "measurements the software, calibrated (eval's default) or\nfitted "
	      "(one per version), and the error its [meta] gives.  KIND is one "
	      "of\nchip, model, scenario, profile, node, uncertainty (all of them "
	      "without one).\nA preset name, or a path to an INI file, is "
	      "accepted wherever a command asks for\none.  Exit status: 0 ok, 2 "
	      "bad input,\n1 internal (a preset's text not held in memory: "
	      "listed as not read).\n", f);
}

static const opt_def table[] = {OPT_LAST};

/* characters of a description after the name */
#define DOC_WIDTH 76

/* "(does not load: " and ")" around a model's message */
#define LOAD_FAIL_WIDTH (DOC_WIDTH - 17)

/* the files of a name no preset loads by (too long, or ending in .ini)
** listed by name */
#define OVERLONG_SHOWN 16

/* A preset whose text could not be held in memory: marked in the list as
** not read (not "does not load", which is the preset's fault), its message
** kept in oom (the first) for the exit status 1 after the list. */
static int not_read(const char *err, char *doc, size_t len, char *oom,
                    size_t olen)
{
	snprintf(doc, len, "(not read: out of memory)");
	if (!oom[0])
		snprintf(oom, olen, "%s", err);
	return RL_EINTERNAL;
}

/* a model is described by its shape, which its first comment line is not;
** RL_EINTERNAL where its text could not be held in memory */
static int model_doc(const char *name, char *doc, size_t len, char *oom,
                     size_t olen)
{
	rl_setup st;
	char err[512], clean[4 * LOAD_FAIL_WIDTH + 1];
	const rl_model *m = &st.cfg.model;
	char attn[64], mlp[64], line[256];
	const char *dir = rl_data_dir(), *msg = err;
	size_t dl = strlen(dir);
	int rc;
	setup_init(&st);
	if ((rc = setup_load(&st, "model", name, err, sizeof err)) ==
	    RL_EINTERNAL)
		return not_read(err, doc, len, oom, olen);
	if (rc) {
		/* the message quotes the file: its controls as '?', cut at a
		** word to the width of the other descriptions (preset_doc_fit);
		** its path from the data directory, which the list's first line
		** names, so that the cut keeps the line and the reason */
		if (!strncmp(err, dir, dl) && err[dl] == '/')
			msg = err + dl + 1;
		preset_doc_fit(msg, clean, sizeof clean, LOAD_FAIL_WIDTH);
		snprintf(doc, len, "(does not load: %s)", clean);
		return 0;
	}
	/* latent attention has no KV heads: its latent and rotary key */
	if (m->kv_lora_rank > 0)
		snprintf(attn, sizeof attn, "latent KV %.0f + %.0f", m->kv_lora_rank,
		         m->qk_rope_dim);
	else
		snprintf(attn, sizeof attn, "%.0f KV", m->kv_heads);
	if (m->experts > 1)
		snprintf(mlp, sizeof mlp, "MoE %.0f of %.0f experts",
		         m->experts_per_token, m->experts);
	else
		snprintf(mlp, sizeof mlp, "MLP %.0f", m->ffn_hidden);
	snprintf(line, sizeof line, "%.0f layers, hidden %.0f, %.0f heads (%s), %s",
	         m->layers, m->hidden, m->heads, attn, mlp);
	/* the width the other kinds' descriptions are cut at */
	preset_doc_fit(line, doc, len, DOC_WIDTH);
	return 0;
}

/* A profile's [meta]: the software it was fitted on, how (calibrated:
** eval's default for the software's chips; fitted: one per version, by
** --profile) and when, and its error as its fit recorded it */
typedef struct {
	char software[128], when[32], how[16], error[200];
} profile_meta;

/* "median |error| 5.4%, 90th percentile 14.3% over 299 rows", as the fit
** scripts write it, into "WHAT median 5.4%, p90 14.3%"; as given when it
** reads otherwise */
static void error_of(const char *what, const char *v, char *buf, size_t len)
{
	double med, p90;
	if (sscanf(v, "median |error| %lf%%, 90th percentile %lf%%", &med,
	           &p90) == 2)
		snprintf(buf, len, "%s median %.1f%%, p90 %.1f%%", what, med, p90);
	else
		snprintf(buf, len, "%s %s", what, v);
}

static int profile_meta_cb(void *ud, const char *section, const char *key,
                           const char *value, char *err, size_t errlen)
{
	profile_meta *m = ud;
	(void)err;
	(void)errlen;
	if (strcmp(section, "meta"))
		return 0;
	if (!strcmp(key, "software")) {
		snprintf(m->software, sizeof m->software, "%s", value);
	} else if (!strcmp(key, "calibrated") || !strcmp(key, "fitted")) {
		snprintf(m->when, sizeof m->when, "%s", value);
		snprintf(m->how, sizeof m->how, "%s", key);
	} else if (!strcmp(key, "leave_one_architecture_out") && value[0]) {
		error_of("leave-one-arch-out", value, m->error,
		         sizeof m->error);
	} else if (!strcmp(key, "leave_one_model_out") && value[0] &&
	           !m->error[0]) {
		error_of("leave-one-model-out", value, m->error, sizeof m->error);
	} else if (!strcmp(key, "leave_one_out") && value[0] &&
	           !m->error[0]) {
		error_of("leave-one-row-out", value, m->error, sizeof m->error);
	}
	return 0;
}

/* A profile fitted on measurements is described by what it was fitted on
** (its [meta]), which its first comment line ("serving profile written by
** `rooflab calibrate` on DATE") does not say; 0, or -1 for a profile whose
** [meta] names no software (ideal, etched-claim: their comment line), or
** RL_EINTERNAL where its text could not be held in memory (it read as one
** naming none, described by its comment line). */
static int profile_doc(const char *name, char *doc, size_t len, char *oom,
                       size_t olen)
{
	profile_meta m;
	char path[1024], err[1024], line[512];
	int rc;
	memset(&m, 0, sizeof m);
	if (preset_path("profile", name, path, sizeof path, err, sizeof err))
		return -1;
	if ((rc = ini_parse_file(path, profile_meta_cb, &m, err, sizeof err)) ==
	    RL_EINTERNAL)
		return not_read(err, doc, len, oom, olen);
	if (rc || !m.software[0] || !m.when[0])
		return -1;
	snprintf(line, sizeof line, "%s, %s%s%s", m.software, m.how,
	         m.error[0] ? ": " : "", m.error);
	preset_doc_fit(line, doc, len, DOC_WIDTH);
	return 0;
}

/* Each preset of kind, one a line: a name holding a blank or a comma is
** one preset (it was split at them when read back from preset_names).
** RL_EINTERNAL (the first message in oom) where a preset's text could not
** be held in memory: listed as not read, the rest listed. */
static int list_kind(const char *kind, char *oom, size_t olen)
{
	/* DOC_WIDTH characters of up to 4 bytes */
	char names[PRESET_LIST_MAX][PRESET_NAME_MAX], doc[4 * DOC_WIDTH + 1];
	char cell[4 * PRESET_NAME_MAX];
	char longs[OVERLONG_SHOWN][PRESET_FILE_MAX], lcell[4 * PRESET_FILE_MAX];
	size_t n = preset_list(kind, names, PRESET_LIST_MAX), i;
	size_t nlong = preset_unloadable(kind, longs, OVERLONG_SHOWN);
	int rc = RL_OK, r;
	printf("%s\n", kind);
	if (!n && !nlong)
		printf("  (none)\n");
	for (i = 0; i < n; i++) {
		r = 0;
		if (!strcmp(kind, "model"))
			r = model_doc(names[i], doc, sizeof doc, oom, olen);
		else if (strcmp(kind, "profile") ||
		         (r = profile_doc(names[i], doc, sizeof doc, oom,
		                          olen)) == -1)
			preset_doc(kind, names[i], doc, sizeof doc, DOC_WIDTH);
		if (r == RL_EINTERNAL)
			rc = RL_EINTERNAL;
		/* the name padded by characters, its controls as '?' */
		printf("  %s %s\n", rl_utf8_cell(names[i], 24, 0, cell, sizeof cell),
		       doc);
	}
	/* a file whose name is too long for a preset's, or ends in ".ini"
	** (x.ini.ini), is listed (it was left out without a word, or listed
	** as a preset whose name then read a path), with the reason
	** preset_name_fits refuses the name (not preset_path's own message:
	** a name ending in ".ini" is a path, looked for in the working
	** directory) */
	for (i = 0; i < nlong && i < OVERLONG_SHOWN; i++) {
		char err[256] = "", clean[4 * LOAD_FAIL_WIDTH + 1];
		preset_name_fits(kind, longs[i], err, sizeof err);
		preset_doc_fit(err, clean, sizeof clean, LOAD_FAIL_WIDTH);
		printf("  %s (does not load: %s)\n",
		       rl_utf8_cell(longs[i], 24, 0, lcell, sizeof lcell), clean);
	}
	if (nlong > OVERLONG_SHOWN)
		printf("  (and %zu more files of a name no preset loads by)\n",
		       nlong - OVERLONG_SHOWN);
	return rc;
}

/* A preset's name after its kind ("rooflab presets chip h100-sxm"): the
** list gives names alone, so the message names the preset's file, where
** "unexpected argument 'h100-sxm' (see rooflab presets --help)" left
** where to read it unsaid; any other word as any command's extra one.
** The word is looked up only where it loads as a preset's name (not a
** path, which preset_path would read from the working directory). */
static int stray_name(const char *kind, const char *name)
{
	char q[200], c[600], path[4096], perr[1400], msg[6000];
	rl_utf8_cell(rl_utf8_quote(name, 120, q, sizeof q), 0, 0, c, sizeof c);
	if (kind && preset_name_fits(kind, name, NULL, 0) == 0 &&
	    preset_path(kind, name, path, sizeof path, perr, sizeof perr) == 0)
		snprintf(msg, sizeof msg, "unexpected argument %s: presets lists "
		         "the names alone; that %s's values, each with its source "
		         "beside it, are in %s", c, kind, path);
	else
		snprintf(msg, sizeof msg, "unexpected argument %s (see rooflab "
		         "presets --help)", c);
	return bad_input("presets", msg);
}

/* The words (KIND, and a name refused with a hint), with --help or
** without (opt_parse_words' check): RL_OK, or bad_input's status where
** KIND is none or a second word is given. */
static int check_words(const void *base, const char **pos, int npos)
{
	char err[400];
	size_t i;
	(void)base;
	if (npos == 0)
		return RL_OK;
	for (i = 0; i < NKINDS && strcmp(pos[0], kinds[i]); i++)
		;
	if (i == NKINDS) {
		snprintf(err, sizeof err, "unknown kind '%.*s'; known: chip, "
		         "model, scenario, profile, node, uncertainty",
		         rl_utf8_cut(pos[0], 200), pos[0]);
		return bad_input("presets", err);
	}
	return npos > 1 ? stray_name(pos[0], pos[1]) : RL_OK;
}

int cmd_presets(int argc, char **argv)
{
	const char *only = NULL, *pos[2] = {NULL, NULL};
	char err[1400], oom[1100] = "";
	size_t i;
	int failed = RL_OK, npos = 0;
	int rc = opt_parse_words("presets", table, NULL, argc, argv, pos, 2,
	                         &npos, help, check_words);
	if (rc != OPT_GO_ON)
		return rc;
	if ((rc = check_words(NULL, pos, npos)) != RL_OK)
		return rc;
	only = pos[0];
	/* not there, or a file: every kind listed "(none)" and exit 0 */
	if (rl_data_dir_check(err, sizeof err))
		return bad_input("presets", err);
	printf("data directory: %s\n", rl_data_dir());
	for (i = 0; i < NKINDS; i++)
		if ((!only || !strcmp(only, kinds[i])) &&
		    list_kind(kinds[i], oom, sizeof oom) != RL_OK)
			failed = RL_EINTERNAL;
	/* a preset's text not held in memory is no fault of it: the list
	** goes on, that preset marked, and the run exits 1 saying so, where
	** it listed "(does not load: out of memory)" and exited 0 */
	if (failed) {
		fflush(stdout);
		snprintf(err, sizeof err, "%s (an internal failure: a preset "
		         "marked '(not read: out of memory)' above)", oom);
		cli_say("presets", err);
	}
	return failed;
}
