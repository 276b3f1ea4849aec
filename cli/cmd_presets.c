/*
** cmd_presets.c: `rooflab presets [KIND]`: the presets of each kind found in
** the data directory, one a line with a one-line description.
*/
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "options.h"
#include "parseopt.h"
#include "../config/presetdoc.h"
#include "../config/setup.h"
#include "../config/utf8.h"

static const char *const kinds[] = {"chip", "model", "scenario", "profile",
                                    "node", "uncertainty"};
#define NKINDS (sizeof kinds / sizeof kinds[0])

static void help(FILE *f)
{
	fputs("usage: rooflab presets [KIND]\n\n"
	      "The presets in the data directory ($ROOFLAB_DATA, else the one "
	      "built in), one a line\nwith a one-line description (the first "
	      "comment line of its file).  KIND is one of\nchip, model, scenario, "
	      "profile, node, uncertainty (all of them without one).\nA preset "
	      "name, or a path to an INI file, is accepted wherever a command asks "
	      "for one.\nExit status: 0 ok, 2 bad input.\n", f);
}

static const opt_def table[] = {OPT_LAST};

/* characters of a description after the name */
#define DOC_WIDTH 76

/* "(does not load: " and ")" around a model's message */
#define LOAD_FAIL_WIDTH (DOC_WIDTH - 17)

/* a model is described by its shape, which its first comment line is not */
static void model_doc(const char *name, char *doc, size_t len)
{
	rl_setup st;
	char err[512], clean[4 * LOAD_FAIL_WIDTH + 1];
	const rl_model *m = &st.cfg.model;
	char attn[64], mlp[64], line[256];
	const char *dir = rl_data_dir(), *msg = err;
	size_t dl = strlen(dir);
	setup_init(&st);
	if (setup_load(&st, "model", name, err, sizeof err)) {
		/* the message quotes the file: its controls as '?', cut at a
		** word to the width of the other descriptions (preset_doc_fit);
		** its path from the data directory, which the list's first line
		** names, so that the cut keeps the line and the reason */
		if (!strncmp(err, dir, dl) && err[dl] == '/')
			msg = err + dl + 1;
		preset_doc_fit(msg, clean, sizeof clean, LOAD_FAIL_WIDTH);
		snprintf(doc, len, "(does not load: %s)", clean);
		return;
	}
	/* latent attention has no KV heads: its latent and rotary key */
	if (m->kv_lora_rank > 0)
		snprintf(attn, sizeof attn, "latent KV %g + %g", m->kv_lora_rank,
		         m->qk_rope_dim);
	else
		snprintf(attn, sizeof attn, "%g KV", m->kv_heads);
	if (m->experts > 1)
		snprintf(mlp, sizeof mlp, "MoE %g of %g experts",
		         m->experts_per_token, m->experts);
	else
		snprintf(mlp, sizeof mlp, "MLP %g", m->ffn_hidden);
	snprintf(line, sizeof line, "%g layers, hidden %g, %g heads (%s), %s",
	         m->layers, m->hidden, m->heads, attn, mlp);
	/* the width the other kinds' descriptions are cut at */
	preset_doc_fit(line, doc, len, DOC_WIDTH);
}

/* Each preset of kind, one a line: a name holding a blank or a comma is
** one preset (it was split at them when read back from preset_names). */
static void list_kind(const char *kind)
{
	/* DOC_WIDTH characters of up to 4 bytes */
	char names[PRESET_LIST_MAX][PRESET_NAME_MAX], doc[4 * DOC_WIDTH + 1];
	char cell[4 * PRESET_NAME_MAX];
	size_t n = preset_list(kind, names, PRESET_LIST_MAX), i;
	printf("%s\n", kind);
	if (!n)
		printf("  (none)\n");
	for (i = 0; i < n; i++) {
		if (!strcmp(kind, "model"))
			model_doc(names[i], doc, sizeof doc);
		else
			preset_doc(kind, names[i], doc, sizeof doc, DOC_WIDTH);
		/* the name padded by characters, its controls as '?' */
		printf("  %s %s\n", rl_utf8_cell(names[i], 24, 0, cell, sizeof cell),
		       doc);
	}
}

int cmd_presets(int argc, char **argv)
{
	const char *only = NULL;
	char err[512];
	size_t i;
	int rc = opt_parse("presets", table, NULL, argc, argv, &only, 1, NULL,
	                   help);
	if (rc != OPT_GO_ON)
		return rc;
	if (only) {
		for (i = 0; i < NKINDS; i++)
			if (!strcmp(only, kinds[i]))
				break;
		if (i == NKINDS) {
			snprintf(err, sizeof err, "unknown kind '%.200s'; known: "
			         "chip, model, scenario, profile, node, "
			         "uncertainty", only);
			return bad_input("presets", err);
		}
	}
	printf("data directory: %s\n", rl_data_dir());
	for (i = 0; i < NKINDS; i++)
		if (!only || !strcmp(only, kinds[i]))
			list_kind(kinds[i]);
	return RL_OK;
}
