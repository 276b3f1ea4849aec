/*
** test_modellabel.c: the model labels of a measurements table read as
** model presets (config/modellabel.c).  Every expected preset is worked
** out by hand from the table model_labels and the rules of modellabel.h
** (words in any case, an organisation before '/' dropped, the trailing
** Instruct/chat/hf/FP8/FP4/NVFP4/BF16/FP16 dropped); the labels are the
** ones published-h100.csv's notes quote and the repositories
** models-more.csv and models.csv name.  test_edits is a property test
** over random edits of those spellings (fixed seed: the same edits each
** run), its oracle the rules of modellabel.h read independently of the
** code (see skeleton).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "../config/modellabel.h"
#include "xorshift.h"

/* label names preset (NULL: none) */
static void names(const char *label, const char *preset)
{
	const char *got = modellabel_preset(label);
	if (!preset) {
		if (got)
			fail_msg("'%s' names %s, expected none", label, got);
		return;
	}
	if (!got || strcmp(got, preset))
		fail_msg("'%s' names %s, expected %s", label, got ? got : "none",
		         preset);
}

/* Every preset of data/models/ (ls data/models, each NAME.ini) names itself: no
** two entries of the table share a key that leads elsewhere. */
static void test_presets_themselves(void **state)
{
	static const char *const presets[] = {
	    "deepseek-r1", "falcon-180b", "gpt-j-6b", "gpt-oss-120b",
	    "gpt-oss-20b", "llama2-70b", "llama2-7b", "llama3-405b",
	    "llama3-70b", "llama3-8b", "llama3.1-405b", "llama3.1-70b",
	    "llama3.1-8b", "llama3.3-70b", "llama4-maverick-17b-128e",
	    "llama4-scout-17b-16e", "mistral-7b", "mixtral-8x22b",
	    "mixtral-8x7b", "qwen3-235b-a22b", "qwen3-30b-a3b"};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof presets / sizeof presets[0]; i++)
		names(presets[i], presets[i]);
}

/* the tables' own labels, as published-h100.csv's notes quote them (each
** beside the model column of its rows: grep 'source model label') */
static void test_tables_labels(void **state)
{
	(void)state;
	names("LLaMA v2 7B", "llama2-7b");
	names("LLaMA v2 70B", "llama2-70b");
	names("LLaMA v3 8B", "llama3-8b");
	names("LLaMA v3 70B", "llama3-70b");
	names("LLaMA v3.1 8B", "llama3.1-8b");
	names("LLaMA v3.1 70B", "llama3.1-70b");
	names("LLaMA v3.3 70B", "llama3.3-70b");
	names("Llama 3.1 405B FP8", "llama3.1-405b"); /* the checkpoint's FP8 */
	names("Llama 3.1 70B FP8", "llama3.1-70b");
	names("Llama 3.3 70B", "llama3.3-70b");
	names("Llama 4 Maverick FP8", "llama4-maverick-17b-128e");
	names("Llama 4 Scout", "llama4-scout-17b-16e");
	names("Mixtral 8x7B", "mixtral-8x7b");
	names("Mixtral 8x22B", "mixtral-8x22b");
	names("Mistral 7B", "mistral-7b");
	names("GPTJ 6B", "gpt-j-6b");
	names("Falcon 180B", "falcon-180b");
	names("GPT-OSS 120B", "gpt-oss-120b");
	names("Qwen3 235B A22B", "qwen3-235b-a22b");
	/* a Blackwell table's FP4 checkpoint, read as the FP8 one above */
	names("Llama 3.3 70B FP4", "llama3.3-70b");
	names("DeepSeek R1 NVFP4", "deepseek-r1");
	/* MLPerf's benchmark name: published-h100.csv's MLPerf rows give it
	** in source_path and notes ("llama2-70b-99.9 Offline"); the 99%
	** target's name is in no file here, so it stays unmapped (test_none) */
	names("llama2-70b-99.9", "llama2-70b");
	names("Llama2-70B-99.9", "llama2-70b");
}

/* the configs' repositories and NVIDIA's quantised checkpoints of them */
static void test_repositories(void **state)
{
	(void)state;
	names("meta-llama/Meta-Llama-3-70B", "llama3-70b");
	names("Meta-Llama-3-8B", "llama3-8b");
	names("meta-llama/Llama-3.1-8B", "llama3.1-8b");
	names("meta-llama/Llama-3.1-70B-Instruct", "llama3.1-70b");
	names("nvidia/Llama-3.1-405B-Instruct-FP8", "llama3.1-405b");
	names("meta-llama/Meta-Llama-3.1-405B", "llama3.1-405b");
	names("meta-llama/Llama-2-7b-hf", "llama2-7b");
	names("meta-llama/Llama-2-70b-chat-hf", "llama2-70b");
	names("mistralai/Mistral-7B-v0.1", "mistral-7b");
	names("mistral-7b-v0.1", "mistral-7b"); /* models-more.csv's name */
	names("mistralai/Mixtral-8x7B-v0.1", "mixtral-8x7b");
	names("mistralai/Mixtral-8x22B-v0.1", "mixtral-8x22b");
	names("deepseek-ai/DeepSeek-R1", "deepseek-r1");
	names("Qwen/Qwen3-30B-A3B", "qwen3-30b-a3b");
	names("meta-llama/Llama-4-Maverick-17B-128E-Instruct",
	      "llama4-maverick-17b-128e");
	names("EleutherAI/gpt-j-6b", "gpt-j-6b");
	names("tiiuae/falcon-180B", "falcon-180b");
}

/* any case and punctuation */
static void test_case_and_punctuation(void **state)
{
	(void)state;
	names("Llama3.1-8B", "llama3.1-8b");
	names("LLAMA3.1-8B", "llama3.1-8b");
	names("llama-3.1-8b", "llama3.1-8b");
	names("Llama_3.1_8B", "llama3.1-8b");
	names("  llama3-70b  ", "llama3-70b");
	names("DeepSeek-R1", "deepseek-r1");
	names("Mixtral-8x7B", "mixtral-8x7b");
}

/* labels of no preset's model stay unmapped */
static void test_none(void **state)
{
	(void)state;
	/* another vocabulary (32768) and another KV-head count (16):
	** models-more.csv's own rows, no preset of either */
	names("mistralai/Mixtral-8x22B-Instruct-v0.1", NULL);
	names("llama3.1-405b-initial-upload", NULL);
	names("DeepSeek-R1-0528", NULL); /* no source here for its config */
	names("llama2-70b-99", NULL);    /* no source here for the name */
	names("llama3-70b-99.9", NULL);  /* no benchmark of that name here */
	names("Llama 3.1 70B FP8 extra", NULL);
	names("llama3.1", NULL);         /* no size */
	names("Llama 4", NULL);
	names("FP8", NULL);              /* a tail alone is not dropped */
	names("gemm 8192x8192x8192", NULL); /* a microbenchmark's shape */
	names("device-to-device copy", NULL);
	names("", NULL);
	names("   ", NULL);
	names("Instruct", NULL);
}

/* Mixtral 8x22B's Instruct checkpoint is another shape (vocabulary
** 32768 where the base's is 32000: data/sources/models-more.csv's row
** mixtral-8x22b-instruct-v0.1, "CONFLICT with base row", and the comment
** of data/models/mixtral-8x22b.ini), which modellabel.h and heldback.md
** keep an unknown model: so with no version after Instruct, where the
** trailing Instruct was dropped and the label read as mixtral-8x22b; the
** base's own labels still name it */
static void test_other_shape_instruct(void **state)
{
	(void)state;
	names("Mixtral-8x22B-Instruct", NULL);
	names("mistralai/Mixtral-8x22B-Instruct", NULL);
	names("Mixtral 8x22B Instruct FP8", NULL);
	names("MIXTRAL 8X22B INSTRUCT", NULL);
	names("Mixtral-8x22B-Instruct-v0.1-FP8", NULL);
	names("Mixtral 8x22B", "mixtral-8x22b");
	names("Mixtral 8x22B FP8", "mixtral-8x22b");
	names("mistralai/Mixtral-8x22B-v0.1", "mixtral-8x22b");
}

/* a label of more words or bytes than a model's names no preset */
static void test_long(void **state)
{
	char longer[400];
	(void)state;
	memset(longer, 'a', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	names(longer, NULL);
	names("a b c d e f g h i j k l m n o p q llama3-70b", NULL);
}

/* Every spelling a preset goes by, with the preset it names: the presets'
** names (ls data/models), the tables' labels (published-h100.csv's notes,
** grep 'source model label') and the configs' repositories
** (data/sources/models.csv and models-more.csv), as modellabel.c's table
** model_labels quotes them with their sources. */
static const struct {
	const char *label, *preset;
} spellings[] = {
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
    {"LLaMA v2 7B", "llama2-7b"},
    {"LLaMA v2 70B", "llama2-70b"},
    {"LLaMA v3 8B", "llama3-8b"},
    {"LLaMA v3 70B", "llama3-70b"},
    {"LLaMA v3.1 8B", "llama3.1-8b"},
    {"LLaMA v3.1 70B", "llama3.1-70b"},
    {"LLaMA v3.3 70B", "llama3.3-70b"},
    {"Llama 4 Maverick", "llama4-maverick-17b-128e"},
    {"Llama 4 Scout", "llama4-scout-17b-16e"},
    {"meta-llama/Meta-Llama-3-8B", "llama3-8b"},
    {"meta-llama/Meta-Llama-3-70B", "llama3-70b"},
    {"meta-llama/Meta-Llama-3.1-8B", "llama3.1-8b"},
    {"meta-llama/Meta-Llama-3.1-70B", "llama3.1-70b"},
    {"meta-llama/Meta-Llama-3.1-405B", "llama3.1-405b"},
    {"mistralai/Mistral-7B-v0.1", "mistral-7b"},
    {"mistralai/Mixtral-8x7B-v0.1", "mixtral-8x7b"},
    {"mistralai/Mixtral-8x22B-v0.1", "mixtral-8x22b"},
};
#define NSPELL (sizeof spellings / sizeof spellings[0])

/* separators that part words (modellabel.h: a blank or ASCII punctuation
** but '.'; '/' left out, as it drops what is before it) */
static const char seps[] = " -_:,;()+";

static int is_sep(unsigned char c)
{
	return c < 0x80 && c != '.' && (isspace(c) || ispunct(c));
}

/* The oracle, written from modellabel.h alone: the label after its last
** '/', its ASCII letters lowered, cut into words at separators, the last
** words dropped while they are a kind or quantisation (more than one word
** left), the rest joined with nothing between.  A label names preset P
** only if its skeleton is the skeleton of one of P's spellings (the
** converse does not hold: "llama 270b" has llama2-70b's skeleton). */
static void skeleton(const char *label, char *out, size_t cap)
{
	static const char *const tails[] = {"instruct", "chat", "hf", "fp8",
	                                    "fp4", "nvfp4", "bf16", "fp16"};
	const char *s = strrchr(label, '/');
	char words[64][300];
	size_t nw = 0, k = 0, i, t;
	s = s ? s + 1 : label;
	while (*s && nw < 64) {
		size_t m = 0;
		while (*s && is_sep((unsigned char)*s))
			s++;
		if (!*s)
			break;
		while (*s && !is_sep((unsigned char)*s) && m < 299)
			words[nw][m++] = (char)tolower((unsigned char)*s++);
		words[nw++][m] = '\0';
	}
	for (; nw > 1; nw--) {
		for (t = 0; t < sizeof tails / sizeof tails[0] &&
		            strcmp(words[nw - 1], tails[t]);
		     t++)
			;
		if (t == sizeof tails / sizeof tails[0])
			break;
	}
	for (i = 0; i < nw; i++)
		k += (size_t)snprintf(out + k, k < cap ? cap - k : 0, "%s",
		                      words[i]);
	out[cap - 1] = '\0';
}

/* 1 when what label resolves to (got, non-NULL) is a preset whose
** spellings share label's skeleton */
static int plausible(const char *label, const char *got)
{
	char a[4096], b[4096];
	size_t i;
	skeleton(label, a, sizeof a);
	for (i = 0; i < NSPELL; i++) {
		if (strcmp(spellings[i].preset, got))
			continue;
		skeleton(spellings[i].label, b, sizeof b);
		if (!strcmp(a, b))
			return 1;
	}
	return 0;
}

static size_t below(rng *r, size_t n)
{
	return n ? (size_t)(next(r) % n) : 0;
}

/* positions p (0 < p < len) after the last '/' where pred(s, p) holds */
static size_t pick(rng *r, const char *s, int (*pred)(const char *, size_t),
                   size_t *at)
{
	const char *slash = strrchr(s, '/');
	size_t from = slash ? (size_t)(slash - s) + 1 : 0, n = 0, p, len = strlen(s);
	size_t cand[256];
	for (p = from + 1; p < len && n < 256; p++)
		if (pred(s, p))
			cand[n++] = p;
	if (n)
		*at = cand[below(r, n)];
	return n;
}

static int two_digits(const char *s, size_t p)
{
	return isdigit((unsigned char)s[p - 1]) && isdigit((unsigned char)s[p]);
}

static int not_two_digits(const char *s, size_t p)
{
	return !two_digits(s, p);
}

/* a run of separators from p between a digit before it and one after */
static int seps_between_digits(const char *s, size_t p)
{
	size_t e = p;
	if (!isdigit((unsigned char)s[p - 1]))
		return 0;
	while (s[e] && is_sep((unsigned char)s[e]))
		e++;
	return e > p && isdigit((unsigned char)s[e]);
}

static void insert_at(char *s, size_t p, const char *what)
{
	size_t w = strlen(what);
	memmove(s + p + w, s + p, strlen(s + p) + 1);
	memcpy(s + p, what, w);
}

/* One edit the rules say keeps the model (kind 0-5): a letter's case, a
** separator for another, one put in not between two digits, a kind or
** quantisation after (kind 3), a quantisation alone after (kind 5: for a
** model whose kind of checkpoint is another shape, modellabel.h), an
** organisation or path before.  0 when the label has no place for it. */
static int keep_edit(rng *r, char *s, int kind)
{
	static const char *const tails[] = {" Instruct", "-FP8", "_hf", " nvfp4",
	                                    "-chat-hf", " BF16"};
	static const char *const forms[] = {"-FP8", "_hf", " nvfp4", " BF16"};
	static const char *const orgs[] = {"nvidia/", "../", "a/b/", "/"};
	size_t p, len = strlen(s), n = 0, cand[256];
	char one[2] = {0, 0};
	switch (kind) {
	case 0:
		for (p = 0; p < len && n < 256; p++)
			if (isalpha((unsigned char)s[p]))
				cand[n++] = p;
		if (!n)
			return 0;
		p = cand[below(r, n)];
		s[p] = (char)(isupper((unsigned char)s[p])
		                  ? tolower((unsigned char)s[p])
		                  : toupper((unsigned char)s[p]));
		return 1;
	case 1:
		for (p = 0; p < len && n < 256; p++)
			if (is_sep((unsigned char)s[p]) && s[p] != '/')
				cand[n++] = p;
		if (!n)
			return 0;
		s[cand[below(r, n)]] = seps[below(r, sizeof seps - 1)];
		return 1;
	case 2:
		if (!pick(r, s, not_two_digits, &p))
			return 0;
		one[0] = seps[below(r, sizeof seps - 1)];
		insert_at(s, p, one);
		return 1;
	case 3:
		strcat(s, tails[below(r, sizeof tails / sizeof tails[0])]);
		return 1;
	case 5:
		strcat(s, forms[below(r, sizeof forms / sizeof forms[0])]);
		return 1;
	default:
		insert_at(s, 0, orgs[below(r, sizeof orgs / sizeof orgs[0])]);
		return 1;
	}
}

/* Random edits of every spelling: those that keep the model (1-4 of them)
** resolve to the same preset; a separator put between two digits or taken
** from between them (another number: "llama2-70b", "llama270b") is
** refused; a letter or digit changed, put in or taken out, or bytes of any
** value put in, resolve to nothing or to a preset the result spells
** (plausible: "llama2-70b" less a '0' is llama2-7b). */
static void test_edits(void **state)
{
	rng r = {0x6d6f64656c6cULL};
	long iters = env_long("ROOFLAB_FUZZ_ITERS", 400), it;
	size_t i, checked[3] = {0, 0, 0};
	(void)state;
	for (i = 0; i < NSPELL; i++) {
		names(spellings[i].label, spellings[i].preset);
		for (it = 0; it < iters; it++) {
			char s[512];
			const char *got;
			size_t p, e;
			int kind = (int)below(&r, 6), k, edits;
			snprintf(s, sizeof s, "%s", spellings[i].label);
			if (kind <= 2) { /* keeps the model */
				/* within the label, then a tail after and an org
				** before (a blank put into a tail put on first would
				** make it no tail) */
				for (k = 0, edits = 1 + (int)below(&r, 4); k < edits; k++)
					keep_edit(&r, s, (int)below(&r, 3));
				/* Mixtral 8x22B's Instruct checkpoint is another
				** vocabulary (modellabel.h): a form alone after it */
				if (below(&r, 2))
					keep_edit(&r, s,
					          strcmp(spellings[i].preset, "mixtral-8x22b")
					              ? 3
					              : 5);
				if (below(&r, 2))
					keep_edit(&r, s, 4);
				names(s, spellings[i].preset);
				checked[0]++;
			} else if (kind == 3) { /* another number */
				if (below(&r, 2) && pick(&r, s, two_digits, &p)) {
					char one[2] = {seps[below(&r, sizeof seps - 1)], 0};
					insert_at(s, p, one);
				} else if (pick(&r, s, seps_between_digits, &p)) {
					for (e = p; is_sep((unsigned char)s[e]); e++)
						;
					memmove(s + p, s + e, strlen(s + e) + 1);
				} else {
					continue;
				}
				names(s, NULL);
				checked[1]++;
			} else { /* letters, digits or any bytes changed */
				static const char alnum[] =
				    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
				size_t len = strlen(s);
				char one[2] = {0, 0};
				p = below(&r, len + 1);
				one[0] = kind == 4 ? alnum[below(&r, sizeof alnum - 1)]
				                   : (char)(1 + below(&r, 255));
				if (below(&r, 3) == 0 && p < len)
					memmove(s + p, s + p + 1, len - p);
				else if (below(&r, 2) && p < len)
					s[p] = one[0];
				else
					insert_at(s, p, one);
				got = modellabel_preset(s);
				if (got && !plausible(s, got))
					fail_msg("'%s' (an edit of '%s') names %s", s,
					         spellings[i].label, got);
				checked[2]++;
			}
		}
	}
	/* each kind of edit met, so the property was tried */
	assert_true(checked[0] > 0 && checked[1] > 0 && checked[2] > 0);
}

/* Bounds: a label of 255 bytes is read and one of 256 is not (the
** buffer of modellabel.c); 16 words are read and 17 are not (KEY_WORDS),
** the tails counted before they are dropped; a key of 127 bytes is
** compared and one of 128 refused, with no byte written past it (the
** sanitizer build). */
static void test_bounds(void **state)
{
	char s[600];
	int i;
	(void)state;
	snprintf(s, sizeof s, "%-255s", "llama3-70b");
	assert_int_equal(strlen(s), 255);
	names(s, "llama3-70b");
	snprintf(s, sizeof s, "%-256s", "llama3-70b");
	names(s, NULL);
	/* 2 words and 14 tails: 16 words */
	snprintf(s, sizeof s, "llama3 70b");
	for (i = 0; i < 14; i++)
		strcat(s, " fp8");
	names(s, "llama3-70b");
	strcat(s, " fp8");
	names(s, NULL);
	/* the bound counts what follows the last '/' alone */
	snprintf(s, sizeof s, "nvidia/%-255s", "llama3-70b");
	names(s, "llama3-70b");
	memset(s, 'a', 127);
	s[127] = '\0';
	names(s, NULL);
	/* 64 digits, a blank, 63 digits: a key of 64 + '-' + 63 = 128 bytes,
	** the '-' counted */
	memset(s, '1', 128);
	s[64] = ' ';
	s[128] = '\0';
	names(s, NULL);
	memset(s, 'a', 128);
	s[128] = '\0';
	names(s, NULL);
	/* 8 words of 16 letters: a key of 128 bytes */
	s[0] = '\0';
	for (i = 0; i < 8; i++)
		strcat(s, "aaaaaaaaaaaaaaaa ");
	names(s, NULL);
}

/* hostile labels: path-like, separators alone, invalid UTF-8, a blank of
** another script, controls */
static void test_hostile(void **state)
{
	(void)state;
	names("../x", NULL);
	names("../llama3-70b", "llama3-70b"); /* the last '/' ends the org */
	names("llama3-70b/", NULL);
	names("llama3-70b/x", NULL);
	names("/", NULL);
	names("//", NULL);
	names("-_-", NULL);
	names(". . .", NULL);
	names("\xff", NULL);
	names("llama3-70b\xff", NULL);
	names("\xffllama3-70b", NULL);
	names("llama3\xc2\xa0" "70b", NULL); /* U+00A0: no ASCII blank */
	names("llama3\xe2\x80\x90" "70b", NULL); /* U+2010 hyphen */
	names("llama3\t70b", "llama3-70b");
	names("llama3\x01" "70b", NULL); /* a control is no blank: one word */
	/* numbers moved across a blank: no such model */
	names("Llama 270B", NULL);
	names("llama-270b", NULL);
	names("Llama 3.18B", NULL);
	names("gpt-oss-1 20b", NULL);
	names("LLaMA v370B", NULL);
	names("Meta-Llama-38B", NULL);
	names("Llama 3 1 70B", NULL); /* '.' is in a word: not 3.1 */
	/* a number and a word beside it: one word or two, the same model */
	names("Mixtral 8 x7B", "mixtral-8x7b");
	names("gpt-oss-120 b", "gpt-oss-120b");
	/* a tail is a whole word, not its start */
	names("llama3-70b f", NULL);
	names("llama3-70b in", NULL);
	names("a/b/llama3-70b", "llama3-70b"); /* the last '/', not the first */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_presets_themselves),
	    cmocka_unit_test(test_tables_labels),
	    cmocka_unit_test(test_repositories),
	    cmocka_unit_test(test_case_and_punctuation),
	    cmocka_unit_test(test_none),
	    cmocka_unit_test(test_other_shape_instruct),
	    cmocka_unit_test(test_long),
	    cmocka_unit_test(test_edits),
	    cmocka_unit_test(test_bounds),
	    cmocka_unit_test(test_hostile),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
