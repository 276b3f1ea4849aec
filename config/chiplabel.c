/*
** chiplabel.c: the chip preset a GPU label of a measurements table names
** ("H200 141GB HBM3e" -> h200-sxm), and whether a label or a notes entry
** names a given preset (chiplabel.h).
*/
#include "chiplabel.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "num.h"

/* The memory kinds and SXM form words a label may give, as bits in the
** order of label_memories and label_forms (below). */
enum {
	LM_HBM2 = 1, LM_HBM2E = 2, LM_HBM3 = 4, LM_HBM3E = 8, LM_GDDR6 = 16,
	LM_LPDDR5X = 32
};
enum { LF_SXM = 1, LF_SXM4 = 2, LF_SXM5 = 4 };

/* The chip presets a table's GPU label can name: the family as the
** labels spell it ("H200 141GB HBM3e", "A100-SXM4-80GB", "A100-PCIE-80GB",
** "GH200 96GB HBM3", "L40S", "B200 180GB HBM3e": published-methodology.md,
** hardware-models-more.md), its form factor and memory.  An entry applies
** when the label's form (pcie or not) matches and its memory, when given
** (a "NNNGB" word), is one of mem_gb (0 ends the list), and the memory kinds and SXM words
** it gives are among mems and forms.  Each family has its row in
** label_family_words (below: its vendor and own words). */
static const struct chip_label {
	const char *family; /* the label's first word (after "NVIDIA") */
	int pcie;           /* 1: the label says PCIe; 0: it does not */
	int mem_gb[3];      /* the capacities the label may give */
	unsigned mems;      /* the memory kinds it may name (LM_*) */
	unsigned forms;     /* the SXM words it may carry (LF_*) */
	const char *preset;
	int with_mem;       /* 1: only when the label gives a capacity */
} chip_labels[] = {
	/* each part's memory as its preset gives it (h100-sxm.ini: HBM3;
	** h100-pcie.ini: HBM2e; h200-sxm.ini: HBM3e; ...), so "H100 80GB
	** HBM2e" (the PCIe card's memory) or "L40S HBM3" names no part */
	{"h100", 0, {80, 0}, LM_HBM3, LF_SXM | LF_SXM5, "h100-sxm", 0},
	{"h100", 1, {80, 0}, LM_HBM2E, 0, "h100-pcie", 0},
	{"h200", 0, {141, 0}, LM_HBM3E, LF_SXM | LF_SXM5, "h200-sxm", 0},
	/* "H200 141GB HBM3": the TensorRT-LLM perf-overview tables' H200
	** column has been headed so (ASSUMPTION: recalled from those tables,
	** whose headers no file here copies; scripts/heldback-rehearsal.py
	** writes it).  The 141 GB names the part, so with it HBM3 is read as
	** its HBM3e; without it ("H200 HBM3") the kind stays another part's */
	{"h200", 0, {141, 0}, LM_HBM3, LF_SXM | LF_SXM5, "h200-sxm", 1},
	/* the 96 GB HBM3 module the tables measured (gh200.ini), also when
	** the label gives the Grace's LPDDR5X (480 or 512 GB) instead; the 144
	** GB HBM3e module (hardware-more.csv gh200-144gb) has no preset.  And
	** "SXM", as stas00's tables name the module ("NVIDIA GH200 SXM":
	** hardware-more.csv's gh200 fp8_dense and bf16_dense rows); with the
	** 141 or 144 GB its "(2)" row gives, it stays no part */
	{"gh200", 0, {96, 480, 512}, LM_HBM3 | LM_LPDDR5X, LF_SXM, "gh200", 0},
	{"a100", 0, {80, 0}, LM_HBM2E, LF_SXM | LF_SXM4, "a100-sxm", 0},
	{"a100", 0, {40, 0}, LM_HBM2, LF_SXM | LF_SXM4, "a100-sxm-40gb", 0},
	{"a100", 1, {80, 0}, LM_HBM2E, 0, "a100-pcie", 0},
	{"l40s", 0, {48, 0}, LM_GDDR6, 0, "l40s", 0},
	/* the L40S is a PCIe card and nothing else (l40s.ini: PCIe Gen4 x16,
	** no NVLink, MLPerf v4.0 L40Sx8_TRT.json), so "L40S PCIe" names it
	** too */
	{"l40s", 1, {48, 0}, LM_GDDR6, 0, "l40s", 0},
	/* 192 GB is the launch figure of the same parts (b200.ini, gb200.ini);
	** and a GB200 column headed as the B200's beside it, "GB200 180GB
	** HBM3e" (ASSUMPTION: recalled from the post-1.0 perf-overview tables,
	** whose headers no file here copies, as "H200 141GB HBM3" above): the
	** same Blackwell GPU as HGX B200's 180 GB, and no other GB200 part has
	** that capacity, so it names gb200 (hardware-more.csv: 186 GB MLPerf,
	** 192 GB announced) */
	{"b200", 0, {180, 192, 0}, LM_HBM3E, LF_SXM, "b200", 0},
	/* "SXM" too, as stas00's clock table names it ("NVIDIA GB200 SXM
	** 2062": hardware-more.csv's gb200 max_sm_clock row) */
	{"gb200", 0, {186, 192, 180}, LM_HBM3E | LM_LPDDR5X, LF_SXM, "gb200", 0},
	/* AMD's OAM parts (mi300x.ini: 192 GB HBM3, MLPerf v4.1 "AMD Instinct
	** MI300X"; mi325x.ini: "AMD Instinct MI325X 256GB HBM3E", MLPerf v5.0) */
	{"mi300x", 0, {192, 0}, LM_HBM3, 0, "mi300x", 0},
	{"mi325x", 0, {256, 0}, LM_HBM3E, 0, "mi325x", 0},
};

#define LABEL_WORDS 12
#define LABEL_WORD 32

/* 1 when byte c parts the words of a label: an ASCII blank or
** punctuation.  Any other byte is of a word: a letter or digit, a byte of
** a character outside ASCII ("H100\u00e9" is one word, not "h100"), a
** control. */
static int label_sep(unsigned char c)
{
	return c < 0x80 && (isspace(c) || ispunct(c));
}

/* The words of a label (ASCII lower case) into w[]: their number, or -1
** when there are more than max or one is longer than LABEL_WORD - 1 bytes
** (no label of a part). */
static int label_words(const char *s, char w[][LABEL_WORD], int max)
{
	int n = 0;
	for (;;) {
		size_t k = 0;
		while (*s && label_sep((unsigned char)*s))
			s++;
		if (!*s)
			return n;
		if (n == max)
			return -1;
		while (*s && !label_sep((unsigned char)*s)) {
			if (k == LABEL_WORD - 1)
				return -1;
			w[n][k++] = (char)tolower((unsigned char)*s);
			s++;
		}
		w[n++][k] = '\0';
	}
}

/* 1 when word x is one of the NULL-ended list. */
static int word_in(const char *x, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(x, *list))
			return 1;
	return 0;
}

/* The bit of word x in the NULL-ended list (1 for the first, 2 for the
** second, ...), 0 when it is none of them. */
static unsigned word_bit(const char *x, const char *const *list)
{
	unsigned bit = 1;
	for (; *list; list++, bit <<= 1)
		if (!strcmp(x, *list))
			return bit;
	return 0;
}

/* The words a GPU label may hold after its family: the form factor and
** the memory's kind (the tables' column headers, published-methodology.md
** and hardware-models-more.md: "A100-SXM4-80GB", "H100 80GB HBM3", "GH200
** 96GB HBM3 (480 GB LPDDR5X)", "L40S 48GB" of GDDR6). */
static const char *const label_forms[] = {"sxm", "sxm4", "sxm5", NULL};
static const char *const label_memories[] = {"hbm2", "hbm2e", "hbm3",
                                             "hbm3e", "gddr6", "lpddr5x",
                                             NULL};
static const char *const label_units[] = {"gb", "g", "gib", NULL};
/* Words NVIDIA's own names of the same parts carry beside the family:
** the baseboard or system it ships on ("HGX H100", "DGX B200": the SXM
** part, eight of them), the product's description ("NVIDIA H100 Tensor
** Core GPU", "GH200 Grace Hopper Superchip") and its architecture
** (label_family_words).  None names another part (the H100 NVL, H200 NVL
** and L40 are other families or "nvl", which no entry takes but GB200's
** rack). */
static const char *const label_systems[] = {"hgx", "dgx", NULL};
static const char *const label_descriptions[] = {"tensor", "core", "gpu",
                                                 "gpus", NULL};
/* The architecture and product words of each family's own name, as its
** preset's comments give them (h100-sxm.ini, h200-sxm.ini: Hopper;
** gh200.ini: "Grace Hopper superchip"; a100-sxm.ini: Ampere; l40s.ini:
** "Ada Lovelace"; b200.ini: Blackwell; gb200.ini: "Grace Blackwell
** superchip"): another family's ("H100 Ampere", "B200 Hopper", "H100
** Grace Hopper Superchip") names no part of this one.  And its vendor: a
** label's vendor word, when given, must be the family's ("NVIDIA", or
** "AMD" before "Instinct"), and NVIDIA's systems (HGX, DGX) hold NVIDIA's
** parts alone. */
enum { V_NVIDIA = 1, V_AMD = 2 };
static const struct label_family {
	const char *family;
	int vendor; /* V_* */
	const char *const words[6];
} label_family_words[] = {
	{"h100", V_NVIDIA, {"hopper", NULL}},
	{"h200", V_NVIDIA, {"hopper", NULL}},
	/* and MLPerf's system name joins the two ("GH200-GraceHopper-
	** Superchip_GH200-96GB_aarch64x1_TRT": hardware-more.csv's gh200-96gb
	** hbm_capacity row, MLPerf Inference v4.0) */
	{"gh200", V_NVIDIA,
	 {"grace", "hopper", "gracehopper", "superchip", NULL}},
	{"a100", V_NVIDIA, {"ampere", NULL}},
	{"l40s", V_NVIDIA, {"ada", "lovelace", NULL}},
	{"b200", V_NVIDIA, {"blackwell", NULL}},
	/* and the rack GB200 ships in (gb200.ini describes the NVL72's part) */
	{"gb200", V_NVIDIA,
	 {"grace", "blackwell", "superchip", "nvl72", "nvl36", NULL}},
	/* mi300x.ini, mi325x.ini: "AMD Instinct", CDNA3, an OAM module */
	{"mi300x", V_AMD, {"instinct", "cdna3", "oam", NULL}},
	{"mi325x", V_AMD, {"instinct", "cdna3", "oam", NULL}},
};

/* Family fam's entry of label_family_words, or NULL. */
static const struct label_family *family_of(const char *fam)
{
	size_t e;
	for (e = 0; e < sizeof label_family_words /
	                    sizeof label_family_words[0]; e++)
		if (!strcmp(fam, label_family_words[e].family))
			return &label_family_words[e];
	return NULL;
}

const char *chiplabel_preset(const char *label)
{
	char w[LABEL_WORDS][LABEL_WORD];
	int n = label_words(label, w, LABEL_WORDS), i, pcie = 0;
	int mems = 0, host = 0, sys = 0; /* sys: a system word given */
	int vendor = 0; /* V_NVIDIA: "nvidia" given, V_AMD: "amd" (and
	                ** "instinct"), 0: none */
	unsigned kinds = 0, forms = 0; /* the LM_ and LF_ words given */
	double mem = 0; /* the first capacity given, GB (as read: 20 digits
	                ** are no int) */
	size_t e;
	const char *fam = NULL;
	const struct label_family *lf;
	for (e = 0; e < sizeof chip_labels / sizeof chip_labels[0]; e++)
		if (!strcasecmp(label, chip_labels[e].preset))
			return chip_labels[e].preset;
	i = 0;
	if (n > 0 && !strcmp(w[0], "nvidia"))
		vendor = V_NVIDIA, i = 1;
	else if (n > 0 && !strcmp(w[0], "amd"))
		vendor = V_AMD, i = 1 + (n > 1 && !strcmp(w[1], "instinct"));
	for (; i < n && word_in(w[i], label_systems); i++)
		sys = 1;
	if (i >= n)
		return NULL;
	for (e = 0; !fam && e < sizeof chip_labels / sizeof chip_labels[0]; e++)
		if (!strcmp(w[i], chip_labels[e].family))
			fam = chip_labels[e].family;
	if (!fam || !(lf = family_of(fam)))
		return NULL;
	/* the vendor, when given, is the family's; HGX and DGX are NVIDIA's */
	if ((vendor && vendor != lf->vendor) || (sys && lf->vendor != V_NVIDIA))
		return NULL;
	for (i++; i < n; i++) {
		const char *x = w[i];
		double v;
		size_t k = num_lead(x, &v);
		if (k && (word_in(x + k, label_units) ||
		          (!x[k] && i + 1 < n && word_in(w[i + 1], label_units)))) {
			i += !x[k]; /* "480 GB": the unit its own word */
			if (!mems++)
				mem = v; /* the first: HBM before host */
		} else if (!strcmp(x, "pcie"))
			pcie = 1;
		else if (word_in(x, label_memories)) {
			kinds |= word_bit(x, label_memories);
			host |= !strcmp(x, "lpddr5x");
		} else if (word_in(x, label_forms))
			forms |= word_bit(x, label_forms);
		else if (word_in(x, label_systems))
			sys = 1;
		else if (!word_in(x, label_descriptions) && !word_in(x, lf->words))
			return NULL;
	}
	if (mems > 1 + host)
		return NULL;
	/* HGX and DGX are systems of SXM parts and superchips
	** (hardware-models-more.md: dgx-h100, dgx-gh200, hgx-b200, dgx-b200):
	** a PCIe card, the L40S among them (l40s.ini: PCIe Gen4 x16, no
	** NVLink), ships on neither, so "DGX H100 PCIe" or "HGX L40S" names no
	** part */
	if (sys && (pcie || !strcmp(fam, "l40s")))
		return NULL;
	for (e = 0; e < sizeof chip_labels / sizeof chip_labels[0]; e++) {
		const struct chip_label *c = &chip_labels[e];
		/* none given, or one the part has (a "0GB" is none of them) */
		int ok = !mems && !c->with_mem, j;
		for (j = 0; j < 3 && c->mem_gb[j]; j++)
			ok |= c->mem_gb[j] == mem;
		/* the memory kinds and SXM words the part's own (the 144 GB
		** HBM3e GH200 is none of gh200's) */
		ok &= !(kinds & ~c->mems) && !(forms & ~c->forms);
		if (!strcmp(c->family, fam) && c->pcie == pcie && ok)
			return c->preset;
	}
	return NULL;
}

int chiplabel_is_chip(const char *label, size_t n, const char *chip)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (!chip[i] || tolower((unsigned char)label[i]) != chip[i])
			return 0;
	return chip[n] == '\0' || chip[n] == '-';
}

int chiplabel_entry_names(const char *s, size_t n, const char *chip)
{
	char label[64];
	const char *preset;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0 || n >= sizeof label)
		return 0;
	if (chiplabel_is_chip(s, n, chip))
		return 1;
	memcpy(label, s, n);
	label[n] = '\0';
	preset = chiplabel_preset(label);
	return preset && !strcmp(preset, chip);
}
