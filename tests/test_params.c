/*
** test_params.c: the parameter table (model/params.c): every default in
** its range, every name resolving to its row, a value read as the whole of
** its text in display units and stored in SI, the messages of a value out
** of range or not a number, enumerations by name, and the names suggested
** for a misspelt one, and the configuration hashed by section.  Split
** from test_engine.c.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../model/params.h"
#include "near.h"

/* Parameter table: defaults are in range, names resolve, bad values are
** refused with a message, enums parse by name. */
static void test_param_table(void **state)
{
	size_t n, i;
	const rl_param *t = rl_params(&n);
	rl_config c;
	char err[256];
	const rl_param *p;
	(void)state;
	rl_config_defaults(&c);
	for (i = 0; i < n; i++) {
		assert_true(t[i].def >= t[i].min && t[i].def <= t[i].max);
		assert_ptr_equal(rl_param_find(t[i].section, t[i].key), &t[i]);
		assert_non_null(t[i].doc);
	}
	p = rl_param_find_full("chip.hbm_tbps");
	assert_non_null(p);
	assert_int_equal(rl_param_set_text(&c, p, "4.8", err, sizeof err),
	                 RL_P_OK);
	near(c.chip.hbm_Bps, 4.8e12, 1e-15);
	assert_int_equal(rl_param_set_text(&c, p, "nan", err, sizeof err),
	                 RL_P_NOTNUM);
	assert_int_equal(rl_param_set_text(&c, p, "-1", err, sizeof err),
	                 RL_P_RANGE);
	assert_non_null(strstr(err, "outside"));
	assert_int_equal(rl_param_set_text(&c, p, "4.8x", err, sizeof err),
	                 RL_P_NOTNUM);
	/* a number is the whole text: a blank before it as after it */
	assert_int_equal(rl_param_set_text(&c, p, " 4.8", err, sizeof err),
	                 RL_P_NOTNUM);
	assert_int_equal(rl_param_set_text(&c, p, "4.8 ", err, sizeof err),
	                 RL_P_NOTNUM);
	/* a number that overflows a double is out of range, not "not a
	** number"; one that underflows is one a double cannot hold */
	assert_int_equal(rl_param_set_text(&c, p, "1e309", err, sizeof err),
	                 RL_P_RANGE);
	assert_string_equal(err, "chip.hbm_tbps: '1e309' is outside the "
	                         "allowed [0, 1000] TB/s");
	assert_int_equal(rl_param_set_text(&c, p, "1e-999", err, sizeof err),
	                 RL_P_NOTNUM);
	assert_string_equal(err, "chip.hbm_tbps: '1e-999' is too small for a "
	                         "double to hold (allowed: [0, 1000] TB/s)");
	/* 1e-308 reads as a subnormal (under DBL_MIN, 2.2250738585072014e-308
	** by C11 5.2.4.2.2's IEEE double): held, with fewer digits; said to
	** be under the normal range rather than "too small to hold" */
	assert_int_equal(rl_param_set_text(&c, p, "1e-308", err, sizeof err),
	                 RL_P_NOTNUM);
	assert_string_equal(err, "chip.hbm_tbps: '1e-308' is nearer 0 than the "
	                         "smallest normal double, "
	                         "2.2250738585072014e-308 (allowed: [0, 1000] "
	                         "TB/s)");
	near(c.chip.hbm_Bps, 4.8e12, 1e-15); /* unchanged by the failures */
	p = rl_param_find_full("chip.sram_hbm_copy");
	assert_int_equal(rl_param_set_text(&c, p, "1e309", err, sizeof err),
	                 RL_P_RANGE);
	assert_string_equal(err, "chip.sram_hbm_copy: '1e309' is outside the "
	                         "allowed false|true");
	assert_int_equal(rl_param_set_text(&c, p, "-1e309", err, sizeof err),
	                 RL_P_RANGE);
	/* a word a true/false parameter does not know: its words, not "is not
	** a number (allowed: false|true)" */
	assert_int_equal(rl_param_set_text(&c, p, "maybe", err, sizeof err),
	                 RL_P_CHOICE);
	assert_string_equal(err, "chip.sram_hbm_copy: 'maybe' is not one of "
	                         "false|true (or yes|no, on|off, 0|1)");
	/* a value refused is quoted in the digits that read back as it:
	** 10000001 chips, one past the 1e7 bound, read "scenario.chips =
	** 1e+07 is outside ... [0, 1e+07]" under %g (the range now in all
	** its digits, 10000000); 2.0000001 stacks "2"
	** beside "not a whole number"; 1e308 and -0.1 as before */
	p = rl_param_find_full("scenario.chips");
	assert_int_equal(rl_param_set(&c, p, 10000001, err, sizeof err),
	                 RL_P_RANGE);
	assert_string_equal(err, "scenario.chips = 10000001 is outside the "
	                         "allowed whole numbers [0, 10000000] chips");
	/* the range in all its digits, as the value: %g wrote 20000000
	** chips "2e+07 ... [0, 1e+07]"; a bound that is no whole number
	** (profile.eff_compute's 0.001) as the table gives it */
	assert_int_equal(rl_param_set(&c, p, 20000000, err, sizeof err),
	                 RL_P_RANGE);
	assert_string_equal(err, "scenario.chips = 20000000 is outside the "
	                         "allowed whole numbers [0, 10000000] chips");
	p = rl_param_find_full("profile.eff_compute");
	assert_int_equal(rl_param_set(&c, p, 0.0005, err, sizeof err),
	                 RL_P_RANGE);
	assert_string_equal(err, "profile.eff_compute = 0.0005 is outside the "
	                         "allowed [0.001, 1]");
	p = rl_param_find_full("design.transistors");
	rl_param_allowed_text(p, err, sizeof err);
	assert_string_equal(err, "0 to 10000000000000");
	p = rl_param_find_full("design.hbm_stacks");
	assert_int_equal(rl_param_set(&c, p, 2.0000001, err, sizeof err),
	                 RL_P_RANGE);
	assert_string_equal(err, "design.hbm_stacks = 2.0000001 is not a whole "
	                         "number (allowed: whole numbers 0 to 64 "
	                         "stacks)");
	p = rl_param_find_full("chip.hbm_tbps");
	assert_int_equal(rl_param_set_text(&c, p, "1e308", err, sizeof err),
	                 RL_P_RANGE);
	assert_string_equal(err, "chip.hbm_tbps = 1e+308 is outside the allowed "
	                         "[0, 1000] TB/s");
	assert_int_equal(rl_param_set_text(&c, p, "-0.1", err, sizeof err),
	                 RL_P_RANGE);
	assert_string_equal(err, "chip.hbm_tbps = -0.1 is outside the allowed "
	                         "[0, 1000] TB/s");
	{
		/* a value of 5000 digits is quoted by its first 77 bytes and its
		** size, where it filled the message and lost the range */
		char big[5001];
		memset(big, '9', 5000);
		big[5000] = '\0';
		p = rl_param_find_full("scenario.isl");
		assert_int_equal(rl_param_set_text(&c, p, big, err, sizeof err),
		                 RL_P_RANGE);
		assert_string_equal(err, "scenario.isl: '"
		    "99999999999999999999999999999999999999999999999999999999999999"
		    "999999999999999...' (5000 bytes) is outside the allowed whole "
		    "numbers [1, 10000000] tokens");
		/* a cut never splits a UTF-8 character: 'é' (2 bytes) across
		** byte 77 is left out whole; the size names the characters
		** where the text holds other than ASCII (model/utf8.h's one
		** quote, as config/num.c's): 198 a's and the e-acute, 199 */
		memset(big, 'a', 200);
		big[76] = (char)0xC3;
		big[77] = (char)0xA9;
		big[200] = '\0';
		assert_int_equal(rl_param_set_text(&c, p, big, err, sizeof err),
		                 RL_P_NOTNUM);
		assert_non_null(strstr(err, "aaa...' (200 bytes (199 characters)) "
		                            "is not a number"));
		assert_null(strchr(err, (char)0xC3));
	}
	p = rl_param_find_full("chip.sram_hbm_copy");
	p = rl_param_find_full("scenario.precision");
	assert_int_equal(rl_param_set_text(&c, p, "FP8", err, sizeof err),
	                 RL_P_OK);
	near(c.scen.precision, RL_PREC_FP8, 0);
	assert_int_equal(rl_param_set_text(&c, p, "int3", err, sizeof err),
	                 RL_P_CHOICE);
	assert_int_equal(rl_param_set_text(&c, p, " fp8", err, sizeof err),
	                 RL_P_CHOICE);
	p = rl_param_find_full("scenario.tp");
	assert_int_equal(rl_param_set_text(&c, p, "2.5", err, sizeof err),
	                 RL_P_RANGE);
	/* inside the range but not whole: said so, not "outside" (1.5 is
	** between 0 and 64 stacks; 2.5 between 1 and 4096 chips) */
	assert_string_equal(err, "scenario.tp = 2.5 is not a whole number "
	                         "(allowed: whole numbers 1 to 4096 chips)");
	p = rl_param_find_full("design.hbm_stacks");
	assert_int_equal(rl_param_set_text(&c, p, "1.5", err, sizeof err),
	                 RL_P_RANGE);
	assert_string_equal(err, "design.hbm_stacks = 1.5 is not a whole "
	                         "number (allowed: whole numbers 0 to 64 "
	                         "stacks)");
	/* past the range and not whole: outside is what is wrong */
	assert_int_equal(rl_param_set_text(&c, p, "64.5", err, sizeof err),
	                 RL_P_RANGE);
	assert_string_equal(err, "design.hbm_stacks = 64.5 is outside the "
	                         "allowed whole numbers [0, 64] stacks");
	assert_null(rl_param_find_full("chip.nope"));
	/* the first characters alike are not a match (rl_param_find tests
	** them before its strcmps), nor a key of another section, nor empty
	** names */
	assert_null(rl_param_find("chip", "hbm_tbpz"));
	assert_null(rl_param_find("chiq", "hbm_tbps"));
	assert_null(rl_param_find("model", "hbm_tbps"));
	assert_null(rl_param_find("chip", ""));
	assert_null(rl_param_find("", "hbm_tbps"));
	assert_null(rl_param_find("", ""));
}

/* 1 where rl_param_suggest offers `want` for `typed`. */
static int offers(const char *typed, const char *want)
{
	const char *out[4];
	char buf[4][64];
	size_t n = rl_param_suggest(typed, out, 4, buf), i;
	for (i = 0; i < n; i++)
		if (!strcmp(out[i], want))
			return 1;
	return 0;
}

static void test_param_suggest(void **state)
{
	(void)state;
	assert_true(offers("chip.hbm_tbs", "chip.hbm_tbps"));
}

/* A name with nothing in common gets no suggestion: an empty name ('--set
** =3') or an empty key ('chip.') is at least 2 edits (the shortest keys,
** tp, pp, ep, have 2 letters) from every key, as far as it is long; so is
** 'x'.  One edit still suggests: 'pt' -> scenario.pp (one substitution),
** 'tpp' -> scenario.tp (one deletion). */
static void test_param_suggest_nothing_shared(void **state)
{
	const char *out[4];
	char buf[4][64];
	(void)state;
	assert_int_equal(rl_param_suggest("", out, 4, buf), 0);
	assert_int_equal(rl_param_suggest("chip.", out, 4, buf), 0);
	assert_int_equal(rl_param_suggest("x", out, 4, buf), 0);
	assert_true(offers("tpp", "scenario.tp"));
	assert_true(offers("scenario.pt", "scenario.pp"));
}

/* Names chosen by hand.  Offered: one-edit typos, a transposition (two
** edits in eight letters; in three, 'peu', two edits are too many), a key
** under the wrong section, a dot typed as '_'.  Not offered: a name sharing a letter or two with a key ('name'
** and 'pue' share an 'e', three edits of four letters; 'nope' is three
** from pue and from mlp), nor a section's letters standing for a key's
** ('chip.x' is two edits from chip.tp, all of them in its key). */
static void test_param_suggest_by_hand(void **state)
{
	const char *out[4];
	char buf[4][64];
	(void)state;
	assert_true(offers("chip.hbm_tbs", "chip.hbm_tbps"));
	assert_true(offers("chip.hbm_tbsp", "chip.hbm_tbps"));
	assert_true(offers("cost.pe", "cost.pue"));
	assert_true(offers("cost.pu", "cost.pue"));
	assert_true(offers("model.hbm_tbps", "chip.hbm_tbps"));
	assert_true(offers("chip.pue", "cost.pue"));
	assert_true(offers("chip_hbm_tbps", "chip.hbm_tbps"));
	assert_true(offers("model.layer", "model.layers"));
	assert_int_equal(rl_param_suggest("node.name", out, 4, buf), 0);
	assert_int_equal(rl_param_suggest("nope", out, 4, buf), 0);
	assert_int_equal(rl_param_suggest("chip.x", out, 4, buf), 0);
	/* (ux21) a key's words without its unit, or turned round: offered
	** where every word typed, two at least, is one of the key's */
	assert_true(offers("chip.peak_fp8", "chip.peak_tflops_fp8"));
	assert_true(offers("design.mac_frac", "design.frac_mac"));
	assert_true(offers("design.stack_gbps", "design.hbm_stack_gbps"));
	assert_false(offers("chip.peak_fp9", "chip.peak_tflops_fp8"));
	assert_int_equal(rl_param_suggest("chip.hbm_bandwidth", out, 4, buf), 0);
	assert_false(offers("chip.pue", "scenario.pp"));
}

/* rl_config_hash_section: every row is rl_config_hash; a section with no
** row hashes nothing, so the basis comes back as given (FNV-1a over no
** byte); a profile number changed moves the profile's hash alone, a
** chip's number the chip's alone (runs.profile_hash: a refit under the
** same name hashes apart, a chip swept does not). */
/* rl_param_format (params' default column, a sweep point's axes): an
** enum's name, else the number in all its digits by rl_number_write's
** rule, where %.10g wrote 2e+07 for twenty million (by hand) and cut
** 0.1234567890123 to 0.123456789 */
static void test_param_format_digits(void **state)
{
	const rl_param *isl = rl_param_find("scenario", "isl");
	const rl_param *mem = rl_param_find("chip", "memory");
	char b[64];
	(void)state;
	assert_non_null(isl);
	assert_non_null(mem);
	rl_param_format(isl, 20000000, b, sizeof b);
	assert_string_equal(b, "20000000");
	rl_param_format(isl, 0.1234567890123, b, sizeof b);
	assert_string_equal(b, "0.1234567890123");
	rl_param_format(isl, 2048, b, sizeof b);
	assert_string_equal(b, "2048");
	rl_param_format(mem, 1, b, sizeof b);
	assert_string_equal(b, "gddr6");
}

static void test_config_hash_section(void **state)
{
	const uint64_t basis = 14695981039346656037ULL;
	rl_config a, b;
	(void)state;
	rl_config_defaults(&a);
	a.prof.eff_compute = 0.8;
	a.chip.hbm_Bps = 3.35e12;
	b = a;
	assert_true(rl_config_hash_section(basis, &a, NULL) ==
	            rl_config_hash(basis, &a));
	assert_true(rl_config_hash_section(basis, &a, "nosuch") == basis);
	assert_true(rl_config_hash_section(basis, &a, "profile") ==
	            rl_config_hash_section(basis, &b, "profile"));
	b.prof.eff_compute = 0.7;
	assert_true(rl_config_hash_section(basis, &a, "profile") !=
	            rl_config_hash_section(basis, &b, "profile"));
	assert_true(rl_config_hash_section(basis, &a, "chip") ==
	            rl_config_hash_section(basis, &b, "chip"));
	b = a;
	b.chip.hbm_Bps = 4.8e12;
	assert_true(rl_config_hash_section(basis, &a, "profile") ==
	            rl_config_hash_section(basis, &b, "profile"));
	assert_true(rl_config_hash_section(basis, &a, "chip") !=
	            rl_config_hash_section(basis, &b, "chip"));
}

/* (small56) The share hint of a value over a share's bound of 1: from 2
** up a percentage is the likely reading (by hand: 60% is 0.6, 2% is 0.02,
** 100% is 1); between 1 and 2 a ratio or a typo is as likely (1.5 for
** "1.5x" or 0.15), and the range alone is said.  profile.eff_compute's
** range is [0.001, 1] (params.c): 150 reads as 1.5, outside it, so no
** hint either. */
static void test_share_hint(void **state)
{
	static const char *const hinted[][2] = {
	    {"60", "; it is a share, not a percentage: 60% is 0.6"},
	    {"2", "; it is a share, not a percentage: 2% is 0.02"},
	    {"100", "; it is a share, not a percentage: 100% is 1"}};
	static const char *const plain[] = {"1.5", "1.999", "1.0001", "150"};
	const rl_param *p = rl_param_find_full("profile.eff_compute");
	rl_config c;
	char err[256];
	size_t i;
	(void)state;
	assert_non_null(p);
	rl_config_defaults(&c);
	for (i = 0; i < sizeof hinted / sizeof hinted[0]; i++) {
		const char *tail;
		assert_int_equal(rl_param_set_text(&c, p, hinted[i][0], err,
		                                   sizeof err),
		                 RL_P_RANGE);
		tail = strstr(err, "; it is a share");
		assert_non_null(tail);
		assert_string_equal(tail, hinted[i][1]);
	}
	for (i = 0; i < sizeof plain / sizeof plain[0]; i++) {
		assert_int_equal(rl_param_set_text(&c, p, plain[i], err,
		                                   sizeof err),
		                 RL_P_RANGE);
		assert_non_null(strstr(err, "outside the allowed [0.001, 1]"));
		assert_null(strstr(err, "percentage"));
	}
}

/* The rows whose 0 stands for another value (zero_other: solve starts its
** scan above 0 for them) are the ten the docs say so of, by hand from
** model/params.c's docs and model/power.h, silicon.c, micro.h: a TDP's 0 is
** no limit, eff_compute_fp8's eff_compute's share, peak_tflops_bf16's the
** compute precision's peak, the design's density and stack sizes the
** node's and the generation's, the FMA energies a wider precision's (FP16's:
** no power model), ref_clock_ghz's the nominal clock; each such row's range
** starts at 0 and its doc says what 0 is ("(0: ..."). */
static void test_param_zero_other(void **state)
{
	static const char *const want[] = {
	    "chip.tdp_w",          "profile.eff_compute_fp8",
	    "chip.peak_tflops_bf16", "design.density_mtr_per_mm2",
	    "design.hbm_stack_gb", "design.hbm_stack_gbps",
	    "node.fma_pj_fp16",    "node.fma_pj_fp8",
	    "node.fma_pj_fp4",     "node.ref_clock_ghz"};
	size_t n, i, k, marked = 0;
	const rl_param *t = rl_params(&n);
	(void)state;
	for (k = 0; k < sizeof want / sizeof want[0]; k++) {
		const rl_param *p = rl_param_find_full(want[k]);
		assert_non_null(p);
		assert_int_equal(p->zero_other, 1);
	}
	for (i = 0; i < n; i++) {
		if (!t[i].zero_other)
			continue;
		marked++;
		assert_true(t[i].min == 0);
		assert_non_null(strstr(t[i].doc, "(0: "));
	}
	assert_int_equal(marked, sizeof want / sizeof want[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_param_table),
	    cmocka_unit_test(test_param_zero_other),
	    cmocka_unit_test(test_param_suggest),
	    cmocka_unit_test(test_param_suggest_nothing_shared),
	    cmocka_unit_test(test_param_suggest_by_hand),
	    cmocka_unit_test(test_param_format_digits),
	    cmocka_unit_test(test_config_hash_section),
	    cmocka_unit_test(test_share_hint),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
