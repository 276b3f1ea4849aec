/*
** modellabel.c: the model preset a model label of a measurements table
** names ("LLaMA v3 70B" -> llama3-70b, "nvidia/Llama-3.1-70B-Instruct-FP8"
** -> llama3.1-70b; modellabel.h).
*/
#include "modellabel.h"

#include <ctype.h>
#include <string.h>

/* The labels a model preset goes by, each read as modellabel.h says (so
** "Llama 3.1 70B", "llama-3.1-70b" and "Llama-3.1-70B-Instruct" need no
** entry of their own once "llama3.1-70b" has one).  Sources:
**  - the presets' own names (data/models/NAME.ini), which are the model
**    column of data/measurements/published-h100.csv;
**  - the tables' labels that do not read as a preset's name, as the notes
**    of published-h100.csv quote them ("source model label ..."): the
**    0.11-0.14 tables' "LLaMA v3 70B" and the post-1.0 tables' "Llama 4
**    Maverick"; and MLPerf's benchmark name ("llama2-70b-99.9");
**  - the Hugging Face repositories data/sources/models-more.csv and
**    models.csv read each config from ("meta-llama/Meta-Llama-3-70B",
**    "mistralai/Mistral-7B-v0.1"), where they do not read as a preset's
**    name.  "Meta-Llama-3.1-405B", whose config models.csv gives the
**    older llama3-405b too, names llama3.1-405b, the tables' spelling.
** Not here, on purpose: models-more.csv's mixtral-8x22b-instruct-v0.1
** (vocabulary 32768, not the base's 32000) and llama3.1-405b-initial-upload
** (16 KV heads, not 8) are other shapes, with no preset. */
static const struct model_label {
	const char *label;
	const char *preset;
} model_labels[] = {
	{"deepseek-r1", "deepseek-r1"},
	{"falcon-180b", "falcon-180b"},
	{"gpt-j-6b", "gpt-j-6b"},
	{"gpt-oss-120b", "gpt-oss-120b"},
	{"gpt-oss-20b", "gpt-oss-20b"},
	{"llama2-70b", "llama2-70b"},
	{"llama2-7b", "llama2-7b"},
	{"llama3-405b", "llama3-405b"},
	{"llama3-70b", "llama3-70b"},
	{"llama3-8b", "llama3-8b"},
	{"llama3.1-405b", "llama3.1-405b"},
	{"llama3.1-70b", "llama3.1-70b"},
	{"llama3.1-8b", "llama3.1-8b"},
	{"llama3.3-70b", "llama3.3-70b"},
	{"llama4-maverick-17b-128e", "llama4-maverick-17b-128e"},
	{"llama4-scout-17b-16e", "llama4-scout-17b-16e"},
	{"mistral-7b", "mistral-7b"},
	{"mixtral-8x22b", "mixtral-8x22b"},
	{"mixtral-8x7b", "mixtral-8x7b"},
	{"qwen3-235b-a22b", "qwen3-235b-a22b"},
	{"qwen3-30b-a3b", "qwen3-30b-a3b"},
	/* the tables' labels (published-h100.csv notes) */
	{"LLaMA v2 7B", "llama2-7b"},
	{"LLaMA v2 70B", "llama2-70b"},
	{"LLaMA v3 8B", "llama3-8b"},
	{"LLaMA v3 70B", "llama3-70b"},
	{"LLaMA v3.1 8B", "llama3.1-8b"},
	{"LLaMA v3.1 70B", "llama3.1-70b"},
	{"LLaMA v3.3 70B", "llama3.3-70b"},
	{"Llama 4 Maverick", "llama4-maverick-17b-128e"},
	{"Llama 4 Scout", "llama4-scout-17b-16e"},
	/* MLPerf's benchmark name, the model at its 99.9% accuracy target
	** (published-h100.csv's MLPerf rows: source_path
	** ".../llama2-70b-99.9/Offline/...", notes "llama2-70b-99.9
	** Offline"); the same weights, so the same preset */
	{"llama2-70b-99.9", "llama2-70b"},
	/* the repositories of the configs (models-more.csv, models.csv) */
	{"meta-llama/Meta-Llama-3-8B", "llama3-8b"},
	{"meta-llama/Meta-Llama-3-70B", "llama3-70b"},
	{"meta-llama/Meta-Llama-3.1-8B", "llama3.1-8b"},
	{"meta-llama/Meta-Llama-3.1-70B", "llama3.1-70b"},
	{"meta-llama/Meta-Llama-3.1-405B", "llama3.1-405b"},
	{"mistralai/Mistral-7B-v0.1", "mistral-7b"},
	{"mistralai/Mixtral-8x7B-v0.1", "mixtral-8x7b"},
	{"mistralai/Mixtral-8x22B-v0.1", "mixtral-8x22b"},
};

#define KEY_WORDS 16
#define KEY_LEN 128

/* 1 when byte c parts the words of a label: an ASCII blank or punctuation
** but '.', which stays in a word ("3.1", "v0.1"). */
static int key_sep(unsigned char c)
{
	return c < 0x80 && c != '.' && (isspace(c) || ispunct(c));
}

/* The last words a label may end in that do not change the model's
** shape: the checkpoint's kind (key_kinds) and its format and
** quantisation (key_forms: NVIDIA's FP8 and FP4 checkpoints,
** "nvidia/Llama-3.1-70B-Instruct-FP8": published-methodology.md 0.19; the
** tables' "Llama 3.1 70B FP8"). */
static const char *const key_kinds[] = {"instruct", "chat", NULL};
static const char *const key_forms[] = {"hf", "fp8", "fp4", "nvfp4",
                                        "bf16", "fp16", NULL};

/* Models whose kind of checkpoint is another shape than the base's, read
** as keys with their forms alone dropped (label_key's kinds 0): a label
** that reads as one of these names no preset.  Mixtral 8x22B's Instruct
** checkpoint has a vocabulary of 32768, the base's 32000
** (data/sources/models-more.csv's row mixtral-8x22b-instruct-v0.1,
** "CONFLICT with base row"; data/models/mixtral-8x22b.ini's comment). */
static const char *const other_shapes[] = {"Mixtral-8x22B-Instruct", NULL};

static int in_list(const char *const *t, const char *w, size_t n)
{
	for (; *t; t++)
		if (strlen(*t) == n && !strncmp(w, *t, n))
			return 1;
	return 0;
}

static int is_tail(const char *w, size_t n, int kinds)
{
	return in_list(key_forms, w, n) || (kinds && in_list(key_kinds, w, n));
}

/* The key of a label (modellabel.h) into out[KEY_LEN]: its words joined,
** its last words dropped while they are a form or, where kinds, a kind,
** with a '-' between two where a digit ends the one and begins the next
** (so that moving a blank between digits names another model: "llama2
** 70b" and "llama 270b" differ, "llama3.1-8b" and "llama3.18b" too); 1,
** or 0 when it has no word, more than KEY_WORDS or a key longer than
** KEY_LEN - 1. */
static int label_key(const char *label, char *out, int kinds)
{
	const char *s = strrchr(label, '/');
	size_t start[KEY_WORDS], len[KEY_WORDS], k = 0;
	int n = 0, i;
	char low[KEY_LEN * 2];
	size_t m;
	s = s ? s + 1 : label;
	m = strlen(s);
	if (m >= sizeof low)
		return 0;
	for (i = 0; i <= (int)m; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	for (m = 0; low[m];) {
		while (low[m] && key_sep((unsigned char)low[m]))
			m++;
		if (!low[m])
			break;
		if (n == KEY_WORDS)
			return 0;
		start[n] = m;
		while (low[m] && !key_sep((unsigned char)low[m]))
			m++;
		len[n] = m - start[n];
		n++;
	}
	while (n > 1 && is_tail(low + start[n - 1], len[n - 1], kinds))
		n--;
	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		/* two numbers stay apart: "Llama 2 70B" is not "Llama 270B" */
		int apart = k > 0 && isdigit((unsigned char)out[k - 1]) &&
		            isdigit((unsigned char)low[start[i]]);
		if (k + (size_t)apart + len[i] >= KEY_LEN)
			return 0;
		if (apart)
			out[k++] = '-';
		memcpy(out + k, low + start[i], len[i]);
		k += len[i];
	}
	out[k] = '\0';
	return 1;
}

const char *modellabel_preset(const char *label)
{
	char key[KEY_LEN], other[KEY_LEN];
	const char *const *o;
	size_t e;
	if (label_key(label, key, 0))
		for (o = other_shapes; *o; o++)
			if (label_key(*o, other, 0) && !strcmp(key, other))
				return NULL;
	if (!label_key(label, key, 1))
		return NULL;
	for (e = 0; e < sizeof model_labels / sizeof model_labels[0]; e++)
		if (label_key(model_labels[e].label, other, 1) &&
		    !strcmp(key, other))
			return model_labels[e].preset;
	return NULL;
}
