/*
** test_sram.c: weights kept resident in on-chip SRAM
** (chip.sram_resident_share, chip.sram_tbps; servesetup.c, engine.c), the
** KV cache in what they leave of it, their HBM copy or none
** (chip.sram_hbm_copy) and a chip without HBM, the
** SRAM bandwidth a chip by design derives (silicon.c) and the power of
** reading them (power.h), against values worked out by hand in the
** comments.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "../model/engine.h"
#include "../model/params.h"
#include "../model/power.h"
#include "../model/silicon.h"
#include "fixtures.h"
#include "near.h"

/* Llama-3 70B FP8 on one ideal H100 (test_engine.c's h100_ideal), a
** batch-1 decode step of a 16-token prompt. */
static void h100_decode1(rl_config *c)
{
	fx_h100_ideal(c);
	c->scen.isl = 16;
	c->scen.osl = 2;
	c->scen.batch = 1;
}

/* The weights a decode step reads (test_engine.c): all of Llama-3 70B
** but its input embedding, 70,553,706,496 - 1,050,673,152 =
** 69,503,033,344 bytes at FP8.  With 50 GB of them resident in an SRAM
** read at 100 TB/s, 50e9 bytes move from HBM (3.35 TB/s) to SRAM: the
** step is 50e9 / 3.35e12 - 50e9 / 100e12 = 14.925 ms - 0.5 ms = 14.425
** ms shorter, and everything else (KV, activations, elementwise) stays.
** A share of 0 (every preset's) changes nothing, whatever the SRAM. */
static void test_resident_weights_decode(void **state)
{
	rl_config c;
	rl_result a, b, z;
	(void)state;
	h100_decode1(&c);
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	near(a.decode.sram_bytes + 1, 1, 1e-15); /* 0 */
	near(a.sram_resident_bytes + 1, 1, 1e-15);
	near(a.avg_sram_Bps + 1, 1, 1e-15);

	c.chip.sram_bytes = 100e9;
	c.chip.sram_resident_share = 0.5;   /* 50 GB */
	c.chip.sram_Bps = 100e12;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.sram_resident_bytes, 50e9, 1e-12);
	near(b.decode.sram_bytes, 50e9, 1e-12);
	near(a.decode.hbm_bytes - b.decode.hbm_bytes, 50e9, 1e-9);
	near(a.decode.time_s - b.decode.time_s, 50e9 / 3.35e12 - 50e9 / 100e12,
	     1e-9);
	/* the HBM copy stays: the same weights and KV capacity */
	near(b.weights_bytes_per_chip, a.weights_bytes_per_chip, 1e-15);
	near(b.kv_capacity_tokens, a.kv_capacity_tokens, 1e-15);

	/* share 0 with an SRAM and its bandwidth: as without them */
	c.chip.sram_resident_share = 0;
	assert_int_equal(rl_serve(&c, &z), RL_OK);
	assert_true(z.decode.time_s == a.decode.time_s);
	assert_true(z.decode.hbm_bytes == a.decode.hbm_bytes);
	assert_true(z.output_tps == a.output_tps);
}

/* An SRAM the size of the weights holds them all: 69,503,033,344 bytes
** resident (the embedding's rows are looked up from HBM; none left for
** KV: test_resident_kv), the step reads
** them at 100 TB/s: 0.69503 ms, against 20.747 ms from HBM.  What the
** step still reads from HBM is the embedding row (8192 bytes), KV of 17
** tokens (17 x 163,840 = 2.79 MB) and the activations and elementwise
** traffic of one token: under 0.1 GB, so the step's HBM bytes fall by
** 69.5 GB to under 0.1 GB. */
static void test_all_resident(void **state)
{
	rl_config c;
	rl_result a, b;
	(void)state;
	h100_decode1(&c);
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.chip.sram_bytes = 69503033344.0;
	c.chip.sram_resident_share = 1;
	c.chip.sram_Bps = 100e12;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.sram_resident_bytes, 69503033344.0, 1e-12);
	near(b.decode.sram_bytes, 69503033344.0, 1e-12);
	near(a.decode.hbm_bytes - b.decode.hbm_bytes, 69503033344.0, 1e-9);
	assert_true(b.decode.hbm_bytes < 0.1e9);
	near(a.decode.gemm_memory_s - b.decode.gemm_memory_s,
	     69503033344.0 / 3.35e12 - 69503033344.0 / 100e12, 1e-9);
}

/* Mixtral 8x7B FP8 (test_moe.c's test_mixtral_params): per layer
** attention 41,943,040, router 32,768 and norms 8,192 = 41,984,000, x 32
** = 1,343,488,000; LM head 32000 x 4096 + final norm 4096 = 131,076,096:
** 1,474,564,096 bytes every iteration reads.  The routed experts a chip
** holds: 32 x 8 x 176,160,768 = 45,097,156,608 bytes.  An SRAM of
** 1,474,564,096 + 45,097,156,608 / 4 = 12,748,853,248 bytes keeps the
** former and a quarter of the experts.  The n tokens of a decode
** iteration touch 8 x (1 - (6/8)^n) experts a layer (each picks 2 of 8;
** test_moe.c's test_mixtral_params), 32 x 176,160,768 bytes each, a
** quarter of them from SRAM; for one token (n = 1, 2 experts) that is
** 1,474,564,096 + 32 x 2 x 176,160,768 / 4 = 4,293,136,384 bytes.  The
** decode iteration of a steady stream of 16 + 2-token requests carries n
** = 0.5 tokens on average (n from the result: the formula's input). */
static void test_resident_experts(void **state)
{
	rl_config c;
	rl_result a, b;
	(void)state;
	h100_decode1(&c);
	fx_mixtral_8x7b(&c.model);
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.chip.sram_bytes = 12748853248.0;
	c.chip.sram_resident_share = 1;
	c.chip.sram_Bps = 100e12;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.sram_resident_bytes, 12748853248.0, 1e-12);
	{
		double n = b.decode_seqs;
		double touched = 8 * (1 - pow(0.75, n));
		double want = 1474564096.0 + 32 * 176160768.0 * touched / 4;
		near(n, 0.5, 1e-12);
		near(b.decode.sram_bytes, want, 1e-12);
		near(a.decode.hbm_bytes - b.decode.hbm_bytes, want, 1e-9);
		/* at one token: 2 experts, the 4,293,136,384 bytes above */
		near(1474564096.0 + 32 * 176160768.0 * 8 * (1 - 0.75) / 4,
		     4293136384.0, 1e-15);
	}
}

/* Llama-3 70B FP8 in memory (test_engine.c): 70,553,706,496 bytes, the
** embedding (128256 x 8192 = 1,050,673,152) included; KV 163,840 bytes a
** token (80 layers x 8 KV heads x 128 x 2 at FP8).  On the ideal H100
** (80 GB, no runtime, kv_fraction 1) the KV cache holds (80e9 -
** 70,553,706,496) / 163,840 = 9,446,293,504 / 163,840 = 57,655.6 tokens.
** With 50 GB of weights resident and no HBM copy (chip.sram_hbm_copy
** false) the HBM holds 50e9 bytes less of weights: 50e9 / 163,840 =
** 305,175.78 tokens more, and nothing else moves (no SRAM is left for
** KV: the step's time is the same).  On a 60 GB chip the copy does not
** fit (70.55 GB of weights), without it 20,553,706,496 bytes of weights
** leave (60e9 - 20,553,706,496) / 163,840 = 240,761.07 tokens. */
static void test_no_hbm_copy(void **state)
{
	rl_config c;
	rl_result a, b;
	(void)state;
	h100_decode1(&c);
	c.chip.sram_bytes = 100e9;
	c.chip.sram_resident_share = 0.5;
	c.chip.sram_Bps = 100e12;
	assert_true(c.chip.sram_hbm_copy == 1); /* the default: a copy */
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	near(a.kv_capacity_tokens, 9446293504.0 / 163840, 1e-12);
	c.chip.sram_hbm_copy = 0;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.kv_capacity_tokens - a.kv_capacity_tokens, 50e9 / 163840, 1e-9);
	near(b.weights_bytes_per_chip, 70553706496.0, 1e-15);
	assert_true(b.decode.time_s == a.decode.time_s);

	c.chip.hbm_bytes = 60e9;
	c.chip.sram_hbm_copy = 1;
	assert_int_equal(rl_serve(&c, &a), RL_ENOFIT);
	assert_non_null(strstr(a.error, "chip.sram_hbm_copy = false"));
	c.chip.sram_hbm_copy = 0;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.kv_capacity_tokens, (60e9 - 20553706496.0) / 163840, 1e-12);
}

/* What the resident weights leave of the share holds KV, read at the
** SRAM's bandwidth.  The batch-1 decode step (16 + 2 tokens, n_dec
** decoding sequences: the result's, the formula's input) reads the KV of
** a context of 16 + 2/2 = 17 tokens and writes one: 18 x 163,840 x n_dec
** bytes (kv_group_reread 0: no re-read per query head).  An SRAM of the
** weights' 69,503,033,344 bytes and 1 GB more holds 1e9 / 163,840 = 6,103.5
** tokens of KV, more than the step holds: all its KV bytes move from HBM
** (3.35 TB/s, eff_kv_memory 1) to SRAM (100 TB/s), and the KV cache holds
** 6,103.5 tokens more.  With room for half the KV in use (memory.
** kv_used_bytes / 2) half the bytes are read at each bandwidth, one after
** the other: X / 2 / 3.35e12 + X / 2 / 100e12. */
static void test_resident_kv(void **state)
{
	rl_config c;
	rl_result a, b, h;
	double x;
	(void)state;
	h100_decode1(&c);
	c.chip.sram_bytes = 69503033344.0;
	c.chip.sram_resident_share = 1;
	c.chip.sram_Bps = 100e12;
	assert_int_equal(rl_serve(&c, &a), RL_OK); /* no room for KV */
	x = 18 * 163840.0 * a.decode_seqs;
	near(a.decode.attn_memory_s, x / 3.35e12, 1e-12);
	c.chip.sram_bytes = 69503033344.0 + 1e9;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode_seqs, a.decode_seqs, 1e-15);
	near(b.decode.sram_bytes - 69503033344.0, x, 1e-6);
	near(a.decode.hbm_bytes - b.decode.hbm_bytes, x, 1e-6);
	near(b.decode.attn_memory_s, x / 100e12, 1e-12);
	near(b.kv_capacity_tokens - a.kv_capacity_tokens, 1e9 / 163840, 1e-9);
	assert_true(b.decode.time_s < a.decode.time_s);

	c.chip.sram_bytes = 69503033344.0 + a.kv_used_bytes / 2;
	assert_int_equal(rl_serve(&c, &h), RL_OK);
	near(h.decode.attn_memory_s, x / 2 / 3.35e12 + x / 2 / 100e12, 1e-9);
	near(a.decode.hbm_bytes - h.decode.hbm_bytes, x / 2, 1e-6);
}

/* A chip without HBM (Groq-style): every weight, the runtime (0 here) and
** the KV cache in the resident share, every byte read from SRAM.  With 80
** GB of SRAM the KV cache holds (80e9 - 70,553,706,496) / 163,840 =
** 57,655.6 tokens, as the 80 GB of HBM did; the step's bytes are all
** SRAM's (the same bytes: weights, embedding row, activations, KV), none
** HBM's (MBU 0), and its GEMMs' memory time is theirs at 100 TB/s where
** it was at 3.35.  A copy of the weights needs HBM: refused (exit 2).
** 70 GB of SRAM do not hold the 70.55 GB; two pipeline stages of 40
** layers (855,654,400 bytes each: 68,452,352,000 / 80) do, 40 GB each:
** the first 34,226,176,000 + 1,050,673,152 (embedding) = 35,276,849,152,
** the last the same + 8,192 (the LM head's and final norm's 1,050,681,344
** against the embedding's): (40e9 - 35,276,857,344) / 81,920 (KV of 40
** layers) = 4,723,142,656 / 81,920 = 57,655.55 tokens, the last stage's,
** set the capacity. */
static void test_no_hbm(void **state)
{
	rl_config c;
	rl_result a, b;
	(void)state;
	h100_decode1(&c);
	assert_int_equal(rl_serve(&c, &a), RL_OK); /* the H100, from HBM */
	c.chip.hbm_bytes = 0;
	c.chip.hbm_Bps = 0;
	c.chip.sram_bytes = 80e9;
	c.chip.sram_resident_share = 1;
	c.chip.sram_Bps = 100e12;
	assert_int_equal(rl_serve(&c, &b), RL_EINVAL);
	assert_non_null(strstr(b.error, "chip.sram_hbm_copy = false"));
	c.chip.sram_hbm_copy = 0;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.kv_capacity_tokens, (80e9 - 70553706496.0) / 163840, 1e-12);
	assert_true(b.decode.hbm_bytes == 0);
	assert_true(b.mbu == 0);
	near(b.decode.sram_bytes, a.decode.hbm_bytes, 1e-12);
	near(b.decode.gemm_memory_s * 100e12, a.decode.gemm_memory_s * 3.35e12,
	     1e-12);
	near(b.decode.attn_memory_s * 100e12, a.decode.attn_memory_s * 3.35e12,
	     1e-12);

	c.chip.sram_bytes = 70e9;
	assert_int_equal(rl_serve(&c, &b), RL_ENOFIT);
	assert_non_null(strstr(b.error, "pipeline stages (pp)"));
	c.chip.sram_bytes = 40e9;
	c.scen.pp = 2;
	c.scen.chips = 2;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.kv_capacity_tokens, 57655.55, 1e-12);
	assert_true(b.decode.hbm_bytes == 0);
}

/* A clock the TDP lowers to s of nominal lowers the SRAM's read bandwidth
** with it (bytes per cycle x the core clock), not HBM's.  The 50 GB of
** resident weights of test_resident_weights_decode, read at 100 TB/s, take
** 50e9 / 100e12 = 0.5 ms of the decode step at full clock; at s = 0.5 the
** SRAM reads 50 TB/s: 1.0 ms, 0.5 ms more, the ~19.5 GB from HBM at its
** full 3.35 TB/s as before (5.8 ms).  The step stays memory-bound (its ~139
** GFLOP over half the ideal H100's 1979 TFLOPS FP8, 0.14 ms), so its time
** rises by the same 0.5 ms (until 2026-11-30: by none).  Without HBM every
** byte is the SRAM's: at s = 0.5 the GEMMs' and attention's memory times
** and the elementwise kernels' double. */
static void test_sram_follows_clock(void **state)
{
	rl_config c;
	rl_result a, b;
	(void)state;
	h100_decode1(&c);
	c.chip.sram_bytes = 100e9;
	c.chip.sram_resident_share = 0.5;   /* 50 GB */
	c.chip.sram_Bps = 100e12;
	assert_int_equal(rl_serve_clocked(&c, 1.0, 1.0, &a), RL_OK);
	assert_int_equal(rl_serve_clocked(&c, 1.0, 0.5, &b), RL_OK);
	near(a.decode.sram_bytes, 50e9, 1e-12);
	near(b.decode.gemm_memory_s - a.decode.gemm_memory_s, 0.5e-3, 1e-9);
	near(b.decode.time_s - a.decode.time_s, 0.5e-3, 1e-9);
	assert_true(b.decode.hbm_bytes == a.decode.hbm_bytes);
	assert_true(b.decode.attn_memory_s == a.decode.attn_memory_s);
	assert_true(b.decode.elementwise_s == a.decode.elementwise_s);
	/* the prefill-carrying iteration at full clock: as before */
	assert_true(b.prefill.time_s == a.prefill.time_s);

	/* no HBM: all of it at the SRAM's bandwidth, halved */
	c.chip.hbm_bytes = 0;
	c.chip.hbm_Bps = 0;
	c.chip.sram_bytes = 80e9;
	c.chip.sram_resident_share = 1;
	c.chip.sram_hbm_copy = 0;
	assert_int_equal(rl_serve_clocked(&c, 1.0, 1.0, &a), RL_OK);
	assert_int_equal(rl_serve_clocked(&c, 1.0, 0.5, &b), RL_OK);
	near(b.decode.gemm_memory_s, 2 * a.decode.gemm_memory_s, 1e-12);
	near(b.decode.attn_memory_s, 2 * a.decode.attn_memory_s, 1e-12);
	near(b.decode.elementwise_s, 2 * a.decode.elementwise_s, 1e-12);
	assert_true(b.decode.sram_bytes == a.decode.sram_bytes);
}

/* A share without a bandwidth is refused; a share with no SRAM is none. */
static void test_needs_bandwidth(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	h100_decode1(&c);
	c.chip.sram_bytes = 50e6;
	c.chip.sram_resident_share = 1;
	c.chip.sram_Bps = 0;
	assert_int_equal(rl_serve(&c, &r), RL_EINVAL);
	assert_non_null(strstr(r.error, "chip.sram_tbps"));
	c.chip.sram_bytes = 0;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.sram_resident_bytes + 1, 1, 1e-15);
}

/* A chip by design: 100 mm2, half of it SRAM at 2 MB/mm2 = 100 MB
** (1e8 bytes); at the default 8 bytes a clock per 8 KiB macro (8,192
** bytes: 0.9765625 per kB of 1,000) and 1 GHz its read bandwidth is 1e8 x
** 8 / 8192 x 1e9 = 97.65625 TB/s; at 0.25 B/clk per KiB a quarter of it;
** the parameter's 1 B/clk/kB is 1e-3 bytes a clock per byte (SI: 1e8 x
** 1e-3 x 1e9 = 100 TB/s), not 1/1024. */
static void test_design_sram_bandwidth(void **state)
{
	rl_config c;
	rl_silicon si;
	char err[256];
	(void)state;
	rl_config_defaults(&c);
	c.design.die_m2 = 100e-6;
	c.design.dies = 1;
	c.design.frac_mac = 0.2;
	c.design.frac_sram = 0.5;
	c.design.clock_hz = 1e9;
	c.design.density_per_m2 = 100e12;
	c.node.sram_bytes_per_m2 = 2e12;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	near(si.sram_bytes, 1e8, 1e-12);
	near(si.sram_Bps, 97.65625e12, 1e-12);
	rl_silicon_apply(&si, &c.chip);
	near(c.chip.sram_Bps, 97.65625e12, 1e-12);
	c.design.sram_read_per_clk = 0.25 / 1024;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	near(si.sram_Bps, 97.65625e12 / 4, 1e-12);
	assert_int_equal(rl_param_set_text(&c, rl_param_find_full(
	                     "design.sram_b_per_clk_per_kb"), "1", err,
	                     sizeof err), RL_OK);
	near(c.design.sram_read_per_clk, 1e-3, 1e-15);
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	near(si.sram_Bps, 100e12, 1e-12);
}

/* A resident byte costs one SRAM read: 1 TB/s of them at 1 pJ/B is 1 W,
** where the same bytes from HBM at 4 pJ/bit and 2 SRAM passes cost
** 1e12 x (32 + 2) pJ = 34 W. Only on a chip that keeps weights resident
** (rl_sram_resident_on, the test rl_power_of_work's caller makes): with
** a share of 0, or no SRAM, the same rate costs 0 W. */
static void test_resident_power(void **state)
{
	rl_config c;
	rl_power_parts p;
	rl_work_rates w = {0, 0, 0, 0, 0, 1e12};
	rl_work_rates h = {0, 1e12, 0, 0, 0, 0};
	(void)state;
	rl_config_defaults(&c);
	c.node.fma_energy_fp16_j = 0.39e-12;
	c.node.sram_energy_j_per_byte = 1e-12;
	c.cost.hbm_j_per_bit = 4e-12;
	c.cost.sram_bytes_per_flop = 0;
	c.chip.sram_bytes = 50e6;
	c.chip.sram_resident_share = 0;
	rl_power_at(&c, RL_PREC_FP8, 1, &w, &p);
	assert_true(p.sram_w == 0);
	c.chip.sram_resident_share = 0.5;
	c.chip.sram_bytes = 0;
	rl_power_at(&c, RL_PREC_FP8, 1, &w, &p);
	assert_true(p.sram_w == 0);
	c.chip.sram_bytes = 50e6;
	rl_power_at(&c, RL_PREC_FP8, 1, &w, &p);
	near(p.sram_w, 1.0, 1e-12);
	near(p.hbm_w + 1, 1, 1e-15);
	rl_power_at(&c, RL_PREC_FP8, 1, &h, &p);
	near(p.sram_w + p.hbm_w, 34.0, 1e-12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_resident_weights_decode),
	    cmocka_unit_test(test_all_resident),
	    cmocka_unit_test(test_resident_experts),
	    cmocka_unit_test(test_no_hbm_copy),
	    cmocka_unit_test(test_resident_kv),
	    cmocka_unit_test(test_no_hbm),
	    cmocka_unit_test(test_sram_follows_clock),
	    cmocka_unit_test(test_needs_bandwidth),
	    cmocka_unit_test(test_design_sram_bandwidth),
	    cmocka_unit_test(test_resident_power),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
