/*
** test_sweep.c: sweep specs and point generation (sweeps/spec.c, points.c).
**
** Expected values are worked out by hand in the comments: range counts from
** (stop - start) / step + 1, log ranges from start * (stop/start)^(k/(n-1)),
** grid order with the last axis fastest.  A SIGINT stops one sweep, not
** the next one the same process runs (sweeps/run.c).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../config/presets.h"
#include "../config/slurp.h"
#include "../model/status.h"
#include "../model/outputs.h"
#include "../sweeps/coldoc.h"
#include "../sweeps/points.h"
#include "../sweeps/pointval.h"
#include "../sweeps/progress.h"
#include "../sweeps/run.h"
#include "../sweeps/spec.h"
#include "../sweeps/store.h"
#include "../sweeps/why.h"

static const char base[] = "[base]\nchip = h100-sxm\nmodel = llama3-8b\n";

static rl_sweep_spec *parse(const char *rest, char *err, size_t errlen)
{
	char text[4096];
	snprintf(text, sizeof text, "%s%s", base, rest);
	return rl_sweep_spec_parse("test.ini", text, err, errlen);
}

static rl_sweep_spec *must(const char *rest)
{
	char err[1024] = "";
	rl_sweep_spec *s = parse(rest, err, sizeof err);
	if (!s)
		fail_msg("spec refused: %s", err);
	return s;
}

static void refused(const char *rest, const char *needle)
{
	char err[1024] = "";
	rl_sweep_spec *s = parse(rest, err, sizeof err);
	assert_null(s);
	if (!strstr(err, needle))
		fail_msg("message '%s' lacks '%s'", err, needle);
}

static void test_linear_range(void **state)
{
	rl_axis ax;
	char err[256];
	const rl_param *p = rl_param_find_full("chip.hbm_tbps");
	(void)state;
	/* 2:8:0.5 -> (8 - 2) / 0.5 + 1 = 13 values: 2, 2.5, ..., 8 */
	assert_int_equal(rl_sweep_axis_parse(&ax, p, "2:8:0.5", err, sizeof err),
	                 0);
	assert_int_equal(ax.count, 13);
	assert_true(rl_sweep_axis_value(&ax, 0) == 2.0);
	assert_true(rl_sweep_axis_value(&ax, 3) == 3.5);
	assert_true(rl_sweep_axis_value(&ax, 12) == 8.0);
	/* 0.1:0.5:0.1 -> 5 values; the third is exactly the double 0.3 (not
	** 0.1 + 2 x 0.1 = 0.30000000000000004) */
	assert_int_equal(rl_sweep_axis_parse(&ax, p, "0.1:0.5:0.1", err,
	                                     sizeof err), 0);
	assert_int_equal(ax.count, 5);
	assert_true(rl_sweep_axis_value(&ax, 2) == 0.3);
	assert_true(rl_sweep_axis_value(&ax, 4) == 0.5);
	/* the same in exponent forms, snapped as the decimals are: 1e-1:
	** 0.5:1e-1 gives the double 0.3 third; 0.1:1e3:1e-1 -> 10,000
	** values, the last exactly 1000 (0.1 + 9999 x 0.1 unsnapped is
	** 1000.0000000000001, refused as outside [0, 1000]); 25e-2:1:2.5e-1
	** -> 0.25, 0.5, 0.75, 1 */
	assert_int_equal(rl_sweep_axis_parse(&ax, p, "1e-1:0.5:1e-1", err,
	                                     sizeof err), 0);
	assert_int_equal(ax.count, 5);
	assert_true(rl_sweep_axis_value(&ax, 2) == 0.3);
	assert_int_equal(rl_sweep_axis_parse(&ax, p, "0.1:1e3:1e-1", err,
	                                     sizeof err), 0);
	assert_int_equal(ax.count, 10000);
	assert_true(rl_sweep_axis_value(&ax, 9999) == 1000.0);
	assert_true(rl_sweep_axis_value(&ax, 2) == 0.3);
	assert_int_equal(rl_sweep_axis_parse(&ax, p, "25e-2:1:2.5e-1", err,
	                                     sizeof err), 0);
	assert_int_equal(ax.count, 4);
	assert_true(rl_sweep_axis_value(&ax, 2) == 0.75);
	/* a step that does not divide: 1:2:0.3 -> 1, 1.3, 1.6, 1.9 */
	assert_int_equal(rl_sweep_axis_parse(&ax, p, "1:2:0.3", err, sizeof err),
	                 0);
	assert_int_equal(ax.count, 4);
	assert_true(rl_sweep_axis_value(&ax, 3) == 1.9);
	/* a single point */
	assert_int_equal(rl_sweep_axis_parse(&ax, p, "3:3:1", err, sizeof err),
	                 0);
	assert_int_equal(ax.count, 1);
}

static void test_log_range(void **state)
{
	rl_axis ax;
	char err[256];
	const rl_param *p = rl_param_find_full("chip.peak_tflops_fp8");
	const rl_param *b = rl_param_find_full("scenario.batch");
	(void)state;
	/* 1:1000:4 log -> 1, 10, 100, 1000 (ratio 1000^(1/3) = 10) */
	assert_int_equal(rl_sweep_axis_parse(&ax, p, "1:1000:4 log", err,
	                                     sizeof err), 0);
	assert_int_equal(ax.count, 4);
	assert_true(rl_sweep_axis_value(&ax, 0) == 1.0);
	assert_true(rl_sweep_axis_value(&ax, 1) == 10.0);
	assert_true(rl_sweep_axis_value(&ax, 2) == 100.0);
	assert_true(rl_sweep_axis_value(&ax, 3) == 1000.0);
	/* an integer parameter rounds: 1:4096:13 log -> powers of two */
	assert_int_equal(rl_sweep_axis_parse(&ax, b, "1:4096:13 log", err,
	                                     sizeof err), 0);
	assert_int_equal(ax.count, 13);
	assert_true(rl_sweep_axis_value(&ax, 5) == 32.0);
	assert_true(rl_sweep_axis_value(&ax, 12) == 4096.0);
	/* 8:4096:25 log: the ratio 512^(1/24) = 2^0.375 = 1.2968 takes the
	** first point to 10.37, 10; every gap is over 1 from there, so no
	** whole value comes twice */
	assert_int_equal(rl_sweep_axis_parse(&ax, b, "8:4096:25 log", err,
	                                     sizeof err), 0);
	assert_true(rl_sweep_axis_value(&ax, 1) == 10.0);
	/* a real parameter's log range is not searched for repeats: a
	** billion points from 100 to 110 (ratio 1 + 9.5e-11) parse at once,
	** where the walk took a minute */
	assert_int_equal(rl_sweep_axis_parse(&ax, rl_param_find_full(
	                     "chip.hbm_gb"), "100:110:1000000000 log", err,
	                     sizeof err), 0);
	assert_true(ax.count == 1000000000);
}

static void test_lists(void **state)
{
	rl_axis ax;
	char err[256];
	const rl_param *tp = rl_param_find_full("scenario.tp");
	const rl_param *prec = rl_param_find_full("scenario.precision");
	(void)state;
	assert_int_equal(rl_sweep_axis_parse(&ax, tp, "(1, 2, 4, 8)", err,
	                                     sizeof err), 0);
	assert_int_equal(ax.count, 4);
	assert_true(rl_sweep_axis_value(&ax, 3) == 8.0);
	free(ax.list);
	/* enum names: the precision choices are auto, fp4, fp8, fp16, bf16 */
	assert_int_equal(rl_sweep_axis_parse(&ax, prec, "fp8, bf16", err,
	                                     sizeof err), 0);
	assert_int_equal(ax.count, 2);
	assert_true(rl_sweep_axis_value(&ax, 0) == 2.0);
	assert_true(rl_sweep_axis_value(&ax, 1) == 4.0);
	free(ax.list);
}

static void test_bad_ranges(void **state)
{
	(void)state;
	refused("[axes]\nchip.hbm_tbps = 8:2:0.5\n", "inverted range");
	refused("[axes]\nchip.hbm_tbps = 2:8:0\n", "empty range");
	refused("[axes]\nchip.hbm_tbps = 2:8:-1\n", "empty range");
	refused("[axes]\nchip.hbm_tbps = 0:8:3 log\n", "0 < start < stop");
	/* a count of 1 is below the log range's allowed 2 to 1e9 points,
	** the range named (sweep9's message, sweeps/axis.c) */
	refused("[axes]\nchip.hbm_tbps = 1:8:1 log\n",
	        "a whole count of 2 to 1000000000 points, got 1");
	/* a log range whose values round alike, as a list's value given
	** twice: 1:4096:25 log has the ratio 4096^(1/24) = 2^0.5, so its
	** second point is 1.414..., a whole 1 like the first; 10:20:11 log
	** has the ratio 2^0.1: 10 x 2^0.1 = 10.72 and 10 x 2^0.2 = 11.49,
	** both 11 (points 2 and 3) */
	refused("[axes]\nscenario.batch = 1:4096:25 log\n",
	        "gives 1 at points 1 and 2 (a whole-number parameter");
	refused("[axes]\nscenario.batch = 10:20:11 log\n",
	        "gives 11 at points 2 and 3");
	/* a real parameter's log range whose values are kept alike: each
	** value between its ends is kept to 12 significant digits (sig12 in
	** sweeps/axis.c), 1 part in 10^11 at a leading digit of 1, so every
	** one of the 48 values between 1 and 1.000000000000001 (the double
	** 1 + 5 x 2^-52 = 1 + 1.11e-15: a ratio of 1 + 1.11e-15 / 49 = 1 +
	** 2.3e-17 a step) reads 1.00000000000, the start's value: 50 points
	** of 2 values, stored as 50 designs (sweep --db: 50 rows, 2 distinct
	** chip_hbm_tbps).  A
	** ratio a step of at least 1 + 1e-11 (50 points: 1:1.0000000005 at
	** least, 49 x 1e-11 = 4.9e-10 wide) tells its values apart, one
	** under it may not, and is refused; 1:1.000000001:50 log (ratio 1 +
	** 1e-9 / 49 = 1 + 2.04e-11) is taken */
	refused("[axes]\nchip.hbm_tbps = 1:1.000000000000001:50 log\n",
	        "test.ini:5: chip.hbm_tbps = 1:1.000000000000001:50 log: its "
	        "50 points are too close to tell apart");
	rl_sweep_spec_free(must("[axes]\nchip.hbm_tbps = 1:1.000000001:50 "
	                        "log\n"));
	/* two points are its ends, each kept as given (rl_sweep_axis_value's
	** first and last), not rounded to 12 digits: 1 and 1.000000000001 (a
	** ratio of 1 + 1e-12) are two designs, as the list "1, 1.000000000001"
	** is; it was refused as too close to tell apart */
	{
		rl_sweep_spec *s2 = must("[axes]\nchip.hbm_tbps = "
		                         "1:1.000000000001:2 log\n");
		assert_int_equal(s2->axes[0].count, 2);
		assert_true(rl_sweep_axis_value(&s2->axes[0], 0) <
		            rl_sweep_axis_value(&s2->axes[0], 1));
		rl_sweep_spec_free(s2);
	}
	refused("[axes]\nchip.hbm_tbps = 1:1.000000000001:3 log\n",
	        "its 3 points are too close to tell apart");
	refused("[axes]\nchip.hbm_tbps = 2:x:1\n", "not a number");
	refused("[axes]\nchip.hbm_tbps = ()\n", "empty list");
	/* an axis with no value says what an axis takes and what the
	** parameter allows (scenario.batch: whole numbers 0 to 100000000
	** sequences; chip.hbm_tbps 0 to 1000 TB/s; the precision names),
	** at the key's line (the base is lines 1-3, [axes] line 4); any
	** other key with no value keeps the reader's message */
	refused("[axes]\nscenario.batch =\n",
	        "test.ini:5: axis 'scenario.batch' has no values: give a list "
	        "(a, b, c), a range start:stop:step, or start:stop:count log "
	        "(scenario.batch takes whole numbers 0 to 100000000 sequences)");
	refused("[axes]\nscenario.tp = 1, 2\nchip.hbm_tbps =   \n",
	        "test.ini:6: axis 'chip.hbm_tbps' has no values: give a list "
	        "(a, b, c), a range start:stop:step, or start:stop:count log "
	        "(chip.hbm_tbps takes 0 to 1000 TB/s)");
	refused("[axes]\nscenario.precision =\n",
	        "test.ini:5: axis 'scenario.precision' has no values: give a "
	        "list of names (a, b, c), each one of fp4|fp8|fp16|bf16|fp32");
	refused("[axes]\nscenario.tp = 1, 2\n[sampling]\nmethod =\n",
	        "test.ini:7: key 'method' has no value");
	refused("[meta]\nname =\n[axes]\nscenario.tp = 1, 2\n",
	        "test.ini:5: key 'name' has no value");
	refused("[axes]\nchip.hbm_tbps = 1,,2\n", "value 2 of the list is empty");
	refused("[axes]\nchip.hbm_tbps = 1,2,3,,\n", "value 4 of the list is empty");
	refused("[axes]\nchip.hbm_tbps = (1, ,2)\n", "value 2 of the list is empty");
	refused("[axes]\nchip.hbm_tbps = ,1\n", "value 1 of the list is empty");
	refused("[axes]\nchip.hbm_tbps = 2:2000:1\n", "outside the allowed");
	/* (ux22) a range's end outside the parameter's range said as the
	** range's, with the range as given: 0.02 + 14 x 0.1 = 1.42, its 15th
	** and last value, past a share's 1; -0.1, its first, under 0.  The
	** words were "design.frac_mac = 1.42 is outside the allowed [0, 1]; a
	** share of 1: 1.42% is 0.0142", as if 1.42 were written */
	refused("[axes]\ndesign.frac_mac = 0.02:1.5:0.1\n",
	        "test.ini:5: design.frac_mac = 0.02:1.5:0.1 reaches 1.42 at its "
	        "last value, outside the allowed 0 to 1; give a stop within it");
	refused("[axes]\ndesign.frac_mac = -0.1:0.5:0.1\n",
	        "design.frac_mac = -0.1:0.5:0.1 starts at -0.1, outside the "
	        "allowed 0 to 1; give a start within it");
	refused("[axes]\nscenario.tp = 1:4097:4096\n",
	        "scenario.tp = 1:4097:4096 reaches 4097 at its last value, "
	        "outside the allowed whole numbers 1 to 4096 chips");
	refused("[axes]\nscenario.tp = 1:8:0.5\n", "whole number");
	/* a whole-number parameter's linear range starting off the whole
	** numbers: 1.4:3.4:1 was read as 1, 2, 3 (each value rounded) and
	** 0.5:4:1 as 1, 2, 3, 4, where a list's 0.5 is refused; its start
	** is refused as its step is */
	/* a real linear range whose step is below what doubles tell apart
	** at its values: 1 + 1e-16 is 1 (a double's spacing at 1 is 2^-52 =
	** 2.2e-16), so 1:1.000000000000001:1e-16 held 12 points of 6 values,
	** each design twice; a step under 2^-49 (8 spacings) of the larger
	** end, 1.000000000000001 x 2^-49 = 1.8e-15, is refused.  1e-15 is
	** the smallest step of 15 decimals, the snap's (sweeps/axis.c), and
	** 1:1.00001:1e-9 (1e-9 over 1.8e-15) is taken */
	refused("[axes]\nchip.hbm_tbps = 1:1.000000000000001:1e-16\n",
	        "test.ini:5: chip.hbm_tbps: step 1e-16 is too "
	        "small for values near 1.000000000000001");
	rl_sweep_spec_free(must("[axes]\nchip.hbm_tbps = 1:1.00001:1e-9\n"));
	/* random and Sobol sampling draw a real linear axis anywhere in
	** [start, stop]: 0:1050:250's grid ends at 1000, inside chip.hbm_tbps's
	** 0 to 1000 TB/s, but its stop 1050 is not, and a draw past 1000 (7 of
	** 200 with seed 1) was stored with status -1, no status of points;
	** such a stop is refused where the axis is drawn, and a grid keeps
	** taking it (its values end at 1000) */
	refused("[axes]\nchip.hbm_tbps = 0:1050:250\n[sampling]\n"
	        "method = random\ncount = 5\n",
	        "test.ini:5: chip.hbm_tbps = 0:1050:250 stops at 1050, outside "
	        "the allowed 0 to 1000 TB/s");
	rl_sweep_spec_free(must("[axes]\nchip.hbm_tbps = 0:1050:250\n"));
	refused("[axes]\nscenario.tp = 1.4:3.4:1\n",
	        "test.ini:5: scenario.tp is a whole number; start 1.4 is not");
	refused("[axes]\nscenario.batch = 0.5:4:1\n",
	        "test.ini:5: scenario.batch is a whole number; start 0.5 is not");
	refused("[axes]\nchip.hbm_tbs = 1, 2\n", "did you mean chip.hbm_tbps");
	refused("", "no [axes]");
	refused("[axes]\nchip.hbm_tbps = 1,2\n[sampling]\nmethod = sobol\n",
	        "needs count");
	/* GSL's Sobol generator (gsl_qrng_sobol, SOBOL_BIT_COUNT 30) fails
	** at its draw 2^30 - 1 (index 1073741823, found by drawing until
	** gsl_qrng_get returned GSL_EFAILED) and leaves the point unwritten:
	** a count past 2^30 - 1 = 1073741823 is refused at the count's line
	** (base lines 1-3, [axes] 4-5, [sampling] 6, method 7, count 8);
	** 1073741823 itself is taken, and random sampling has no such end */
	refused("[axes]\nchip.hbm_tbps = 1,2\n[sampling]\nmethod = sobol\n"
	        "count = 1073741824\n",
	        "test.ini:8: [sampling] count = 1073741824: sobol sampling "
	        "draws at most 1073741823 points");
	refused("[axes]\nchip.hbm_tbps = 1,2\n[sampling]\ncount = 9e15\n"
	        "method = sobol\n", "test.ini:7: [sampling] count = "
	        "9000000000000000: sobol sampling draws at most 1073741823");
	rl_sweep_spec_free(must("[axes]\nchip.hbm_tbps = 1,2\n[sampling]\n"
	                        "method = sobol\ncount = 1073741823\n"));
	rl_sweep_spec_free(must("[axes]\nchip.hbm_tbps = 1,2\n[sampling]\n"
	                        "method = random\ncount = 1073741824\n"));
	/* a grid has every combination in one order: a count or a seed
	 * (sweeps/README.md: "random and sobol") is refused, not ignored */
	refused("[axes]\nchip.hbm_tbps = 1,2\n[sampling]\ncount = 5\n",
	        "count applies to random and sobol");
	refused("[axes]\nchip.hbm_tbps = 1,2\n[sampling]\nseed = 7\n",
	        "seed applies to random and sobol");
	refused("[axes]\nchip.hbm_tbps = 1,2\n[sampling]\nmethod = grid\n"
	        "seed = 0\n", "seed applies to random and sobol");
	refused("[axes]\nchip.hbm_tbps = 1,2\n[filter]\nkeep = power.wats <= 3\n",
	        "not a number, a parameter or an output");
	refused("[axes]\nchip.hbm_tbps = 1,2\n[outputs]\nkeep = latency.ttf_s\n",
	        "did you mean latency.ttft_s");
}

/* Grid: 2 x 3 points, the last axis fastest. */
static void test_grid_order(void **state)
{
	rl_sweep_spec *s = must("[axes]\nscenario.tp = 1, 2\n"
	                        "chip.hbm_tbps = 2:4:1\n");
	rl_sweep_gen *g = rl_sweep_gen_alloc(s, 0, 1);
	static const double want[6][2] = {{1, 2}, {1, 3}, {1, 4},
	                                  {2, 2}, {2, 3}, {2, 4}};
	double v[2];
	uint64_t idx, k = 0;
	(void)state;
	assert_int_equal(s->npoints, 6);
	while (rl_sweep_gen_next(g, &idx, v)) {
		assert_int_equal(idx, k);
		assert_true(v[0] == want[k][0] && v[1] == want[k][1]);
		k++;
	}
	assert_int_equal(k, 6);
	/* seek to point 4 = (2, 3) */
	rl_sweep_gen_seek(g, 4);
	assert_int_equal(rl_sweep_gen_next(g, &idx, v), 1);
	assert_int_equal(idx, 4);
	assert_true(v[0] == 2 && v[1] == 3);
	rl_sweep_gen_free(g);
	rl_sweep_spec_free(s);
}

/* Shards: 10 points in 3 shards: {0,3,6,9}, {1,4,7}, {2,5,8}, with the
** values of the unsharded sequence. */
static void test_shards_partition(void **state)
{
	rl_sweep_spec *s = must("[axes]\nchip.hbm_tbps = 1:10:1\n");
	uint64_t shard, idx, seen = 0, count;
	double v;
	(void)state;
	for (shard = 0; shard < 3; shard++) {
		rl_sweep_gen *g = rl_sweep_gen_alloc(s, shard, 3);
		count = 0;
		while (rl_sweep_gen_next(g, &idx, &v)) {
			assert_int_equal(idx % 3, shard);
			assert_true(v == (double)(idx + 1));
			assert_false(seen & (1u << idx));
			seen |= 1u << idx;
			count++;
		}
		assert_int_equal(count, rl_sweep_shard_points(10, shard, 3));
		rl_sweep_gen_free(g);
	}
	assert_int_equal(seen, 0x3ff);
	assert_int_equal(rl_sweep_shard_points(10, 0, 3), 4);
	assert_int_equal(rl_sweep_shard_points(10, 2, 3), 3);
	rl_sweep_spec_free(s);
}

static void draw(rl_sweep_spec *s, uint64_t shard, uint64_t shards,
                 double *out, size_t n)
{
	rl_sweep_gen *g = rl_sweep_gen_alloc(s, shard, shards);
	uint64_t idx;
	size_t k = 0;
	while (k < n && rl_sweep_gen_next(g, &idx, out + k * s->naxes))
		k++;
	assert_int_equal(k, n);
	rl_sweep_gen_free(g);
}

static void test_sobol_reproducible(void **state)
{
	const char *fmt = "[axes]\nchip.hbm_tbps = 1:9:1\n"
	                  "chip.peak_tflops_fp8 = 100:10000:3 log\n"
	                  "[sampling]\nmethod = sobol\ncount = 64\nseed = %d\n";
	char rest[512];
	double a[128], b[128], c[128], sh[64];
	rl_sweep_spec *s1, *s2, *s3;
	int i, differ = 0;
	(void)state;
	snprintf(rest, sizeof rest, fmt, 7);
	s1 = must(rest);
	s2 = must(rest);
	snprintf(rest, sizeof rest, fmt, 8);
	s3 = must(rest);
	assert_int_equal(s1->npoints, 64);
	draw(s1, 0, 1, a, 64);
	draw(s2, 0, 1, b, 64);
	draw(s3, 0, 1, c, 64);
	assert_memory_equal(a, b, sizeof a);
	for (i = 0; i < 128; i++)
		differ += a[i] != c[i];
	assert_true(differ > 64);
	/* within the ranges: hbm in [1, 9], peak in [100, 10000] */
	for (i = 0; i < 64; i++) {
		assert_true(a[2 * i] >= 1 && a[2 * i] <= 9);
		assert_true(a[2 * i + 1] >= 100 && a[2 * i + 1] <= 10000);
	}
	/* low discrepancy: 64 points put 8 in each eighth of the first axis */
	{
		int bins[8] = {0};
		for (i = 0; i < 64; i++)
			bins[(int)((a[2 * i] - 1) / 8 * 8)]++;
		for (i = 0; i < 8; i++)
			assert_int_equal(bins[i], 8);
	}
	/* shard 1 of 2 sees the odd points of the same sequence */
	draw(s1, 1, 2, sh, 32);
	for (i = 0; i < 32; i++)
		assert_true(sh[2 * i] == a[2 * (2 * i + 1)]);
	rl_sweep_spec_free(s1);
	rl_sweep_spec_free(s2);
	rl_sweep_spec_free(s3);
}

static void test_random_reproducible(void **state)
{
	double a[40], b[40], r[20];
	rl_sweep_spec *s = must("[axes]\nscenario.tp = 1, 2, 4, 8\n"
	                        "chip.hbm_tbps = 1:2:0.1\n[sampling]\n"
	                        "method = random\nseed = 3\ncount = 20\n");
	int i;
	(void)state;
	draw(s, 0, 1, a, 20);
	draw(s, 0, 1, b, 20);
	assert_memory_equal(a, b, sizeof a);
	for (i = 0; i < 20; i++) {
		double tp = a[2 * i];
		assert_true(tp == 1 || tp == 2 || tp == 4 || tp == 8);
		assert_true(a[2 * i + 1] >= 1 && a[2 * i + 1] <= 2);
	}
	/* shard 0 of 2 sees points 0, 2, 4, ... */
	draw(s, 0, 2, r, 10);
	for (i = 0; i < 10; i++)
		assert_true(r[2 * i + 1] == a[2 * (2 * i) + 1]);
	rl_sweep_spec_free(s);
}

static void test_columns_and_hash(void **state)
{
	rl_sweep_spec *s = must("[axes]\nchip.hbm_tbps = 1, 2\n[outputs]\n"
	                        "keep = throughput.output_tokens_per_s, "
	                        "decode.bound\n");
	rl_sweep_spec *t = must("; a comment changes nothing\n[axes]\n"
	                        "chip.hbm_tbps = 1, 2\n[outputs]\n"
	                        "keep = throughput.output_tokens_per_s, "
	                        "decode.bound\n");
	rl_sweep_spec *u = must("[axes]\nchip.hbm_tbps = 1, 3\n");
	(void)state;
	assert_int_equal(s->ncols, 3);
	assert_string_equal(s->cols[0].name, "chip_hbm_tbps");
	assert_string_equal(s->cols[1].name, "throughput_output_tokens_per_s");
	assert_string_equal(s->cols[2].name, "decode_bound");
	assert_string_equal(s->cols[2].decl, "TEXT");
	assert_string_equal(s->hash, t->hash);
	assert_string_not_equal(s->hash, u->hash);
	rl_sweep_spec_free(s);
	rl_sweep_spec_free(t);
	rl_sweep_spec_free(u);
}

/* The speedup columns carry the unit "x" in run_columns, as the plots
** label them (they were stored with "" until 2026-11-30), and every
** column's unit is the one coldoc.h gives for its dotted name (the
** outputs' and parameters' tables). */
static void test_speedup_unit(void **state)
{
	rl_sweep_spec *s = must("[axes]\nchip.hbm_tbps = 1, 2\n[outputs]\n"
	                        "keep = throughput.output_tokens_per_s\n"
	                        "[baseline]\nchip = h100-sxm\nmodel = llama3-8b\n");
	size_t i, nspeed = 0;
	(void)state;
	assert_int_equal(s->ncols, 4);
	for (i = 0; i < s->ncols; i++) {
		if (s->cols[i].source == RL_COL_SPEEDUP) {
			nspeed++;
			assert_string_equal(s->cols[i].unit, "x");
			assert_string_equal(s->cols[i].decl, "REAL");
		}
		assert_string_equal(s->cols[i].unit,
		                    rl_sweep_column_unit(s->cols[i].dotted));
	}
	assert_int_equal(nspeed, 2);
	/* the axis keeps its parameter's unit, the output its SI unit */
	assert_string_equal(s->cols[0].unit, "TB/s");
	assert_string_equal(s->cols[1].unit, "tokens/s");
	assert_null(rl_sweep_column_unit("speedup_of_nothing"));
	rl_sweep_spec_free(s);
}

/* The configuration's hash goes through the parameter table, not its
** bytes: a config set A then B equals one set B then A over a struct
** whose every byte was 0xff first (what a struct copy may leave between
** fields), and -0 equals 0 (other bytes, the same value); one field
** changed changes it. */
static void test_config_hash(void **state)
{
	rl_config a, b, c;
	size_t n, i;
	const rl_param *t = rl_params(&n);
	const rl_param *hbm = rl_param_find("chip", "hbm_tbps");
	const rl_param *prec = rl_param_find("scenario", "precision");
	char err[256];
	(void)state;
	rl_config_defaults(&a);
	assert_int_equal(rl_param_set_text(&a, hbm, "3.35", err, sizeof err),
	                 RL_P_OK);
	assert_int_equal(rl_param_set_text(&a, prec, "fp8", err, sizeof err),
	                 RL_P_OK);
	memset(&b, 0xff, sizeof b);
	for (i = 0; i < n; i++)
		*rl_param_ptr(&b, &t[i]) = t[i].def * t[i].scale;
	assert_int_equal(rl_param_set_text(&b, prec, "fp8", err, sizeof err),
	                 RL_P_OK);
	assert_int_equal(rl_param_set_text(&b, hbm, "3.35", err, sizeof err),
	                 RL_P_OK);
	/* tdp_w's default is 0: -0 is in its range and the same value */
	assert_int_equal(rl_param_set_text(&b, rl_param_find("chip", "tdp_w"),
	                                   "-0", err, sizeof err), RL_P_OK);
	assert_true(rl_config_hash(1, &a) == rl_config_hash(1, &b));
	c = a;
	assert_int_equal(rl_param_set_text(&c, hbm, "3.36", err, sizeof err),
	                 RL_P_OK);
	assert_true(rl_config_hash(1, &a) != rl_config_hash(1, &c));
	c = a;
	assert_int_equal(rl_param_set_text(&c, prec, "fp16", err, sizeof err),
	                 RL_P_OK);
	assert_true(rl_config_hash(1, &a) != rl_config_hash(1, &c));
	/* the seed carries through */
	assert_true(rl_config_hash(1, &a) != rl_config_hash(2, &a));
}

/* Two specs whose [base] sets the same two parameters in the two orders
** resolve to equal configurations; their texts differ, and so do their
** hashes (the text is hashed too), but their configurations' hashes are
** equal. */
static void test_spec_hash_config(void **state)
{
	rl_sweep_spec *s = must("set = chip.hbm_tbps=4\nset = chip.tdp_w=-0\n"
	                        "[axes]\nscenario.batch = 1, 2\n");
	rl_sweep_spec *u = must("set = chip.tdp_w=0\nset = chip.hbm_tbps=4\n"
	                        "[axes]\nscenario.batch = 1, 2\n");
	(void)state;
	assert_true(rl_config_hash(7, &s->setup.cfg) ==
	            rl_config_hash(7, &u->setup.cfg));
	assert_string_not_equal(s->hash, u->hash);
	rl_sweep_spec_free(s);
	rl_sweep_spec_free(u);
}

/* A filter on a parameter: hbm <= 2 keeps 1 and 2 of 1, 2, 3. */
static void test_filter(void **state)
{
	rl_sweep_spec *s = must("[axes]\nchip.hbm_tbps = 1, 2, 3\n[filter]\n"
	                        "chip.hbm_tbps <= 2\n");
	double row[64];
	int status, kept = 0, k;
	(void)state;
	for (k = 1; k <= 3; k++) {
		row[0] = k;
		kept += rl_sweep_eval_point(s, row, row, &status, NULL) ==
		        RL_FILTER_KEEP;
		assert_int_equal(status, 0);
	}
	assert_int_equal(kept, 2);
	rl_sweep_spec_free(s);
}

/* A parameter named in [outputs] is said to be one, and where it is
** stored, where it read "unknown output 'scenario.tp' (`rooflab eval
** --json` shows them all)"; a misspelt output is still offered its
** nearest. */
static void test_outputs_parameter(void **state)
{
	(void)state;
	refused("[axes]\nchip.hbm_tbps = 1, 2\n[outputs]\nkeep = scenario.tp\n",
	        "[outputs] keep: 'scenario.tp' is a parameter, not an output: a "
	        "swept one is stored in its own column (its [axes] line)");
	refused("[axes]\nchip.hbm_tbps = 1, 2\n[outputs]\nkeep = power.wats\n",
	        "unknown output 'power.wats'; did you mean power.watts?");
}

/* A name beside a choice that is none of its names is said to be none of
** them, with the names (model/outputs.c's bounds; params.c's HBM
** generations), on either side, where it read "'memroy' is not a number,
** a parameter or an output; did you mean chip.memory?"; a dotted name
** there is still offered the parameter or output it is near. */
static void test_filter_choice_name(void **state)
{
	rl_filter f;
	char err[512];
	(void)state;
	assert_int_equal(rl_sweep_filter_parse(&f, "decode.bound == memroy", err,
	                                       sizeof err), -1);
	assert_non_null(strstr(err, "'memroy' is not one of decode.bound's "
	                            "names (compute, memory, communication, "
	                            "overhead, none)"));
	assert_int_equal(rl_sweep_filter_parse(&f, "hbm5 != design.hbm_gen", err,
	                                       sizeof err), -1);
	assert_non_null(strstr(err, "'hbm5' is not one of design.hbm_gen's "
	                            "names (none, hbm2e, hbm3, hbm3e, hbm4)"));
	assert_int_equal(rl_sweep_filter_parse(&f, "decode.bound == "
	                                       "latency.tpot", err, sizeof err),
	                 -1);
	assert_non_null(strstr(err, "did you mean latency.tpot_s?"));
	assert_int_equal(rl_sweep_filter_parse(&f, "decode.bound == memory", err,
	                                       sizeof err), 0);
}

/* A filter longer than its 511-byte buffer is refused, not cut: cut,
** "chip.hbm_tbps <= 1000...0.5x" (a bad number) would read as a good one,
** and "<= 1000...0" as a smaller bound. */
static void test_filter_too_long(void **state)
{
	char spec[1024];
	int n;
	(void)state;
	n = snprintf(spec, sizeof spec, "[axes]\nchip.hbm_tbps = 1, 2\n"
	             "[filter]\nkeep = chip.hbm_tbps <= 1");
	memset(spec + n, '0', 600);
	snprintf(spec + n + 600, sizeof spec - n - 600, ".5x\n");
	refused(spec, "621 bytes; at most 511 bytes");
}

/* Filters with linear sums over a 3 x 3 grid, hbm_tbps (t) 1, 2, 3 by
** hbm_gb (g) 40, 80, 120, all sums whole numbers (exact).  By hand:
** g - 40 * t >= 0 keeps g >= 40 t: t = 1 all 3, t = 2 two (80, 120),
** t = 3 one (120): 6 of 9.  -t + 2 * 1.5 > 1 is 3 - t > 1, t < 2: the
** three of t = 1.  t*2 + g*0.5 == 44 only (2, 80): 4 + 40. */
static int kept_of(const char *filter)
{
	char text[512];
	rl_sweep_spec *s;
	double row[64];
	int status, kept = 0, t, g;
	snprintf(text, sizeof text, "[axes]\nchip.hbm_tbps = 1, 2, 3\n"
	         "chip.hbm_gb = 40, 80, 120\n[filter]\nkeep = %s\n", filter);
	s = must(text);
	assert_int_equal(s->filters[0].sums, 1);
	for (t = 1; t <= 3; t++)
		for (g = 40; g <= 120; g += 40) {
			int v;
			row[0] = t;
			row[1] = g;
			v = rl_sweep_eval_point(s, row, row, &status, NULL);
			/* parameters and numbers: always answered */
			assert_int_not_equal(v, RL_FILTER_NONE);
			kept += v == RL_FILTER_KEEP;
		}
	rl_sweep_spec_free(s);
	return kept;
}

/* What filter expr says (rl_sweep_filter_keep) of a point of status
** `status` whose result is set by hand: served (RL_OK), TPOT 2 s, TTFT
** 0.5 s, under its TDP (over_tdp 0, lowest-clock power NaN: eval.c sets
** it only over the TDP at every clock), the reticle flag (1) and no price
** (NaN: cost.price_usd 0, unknown); over its TDP at every clock (4) the
** same with RL_V_POWER (16) set, 87.5 W at the lowest clock.  RL_OK + 100
** reads as RL_OK with a price of 20000 USD. */
static int filter_at(const char *expr, int status)
{
	rl_filter f;
	rl_config cfg;
	rl_result r;
	char err[512] = "";
	memset(&cfg, 0, sizeof cfg);
	memset(&r, 0, sizeof r);
	if (rl_sweep_filter_parse(&f, expr, err, sizeof err))
		fail_msg("filter '%s' refused: %s", expr, err);
	r.tpot_s = 2;
	r.ttft_s = 0.5;
	r.violations = 1;
	r.power_lowest_w = NAN;
	r.chip_price_usd = NAN;
	if (status == RL_EPOWER) {
		r.violations |= 16;
		r.power_lowest_w = 87.5;
	}
	if (status == RL_OK + 100) {
		r.chip_price_usd = 20000;
		status = RL_OK;
	}
	return rl_sweep_filter_keep(&f, &cfg, status, &r);
}

static void test_filter_sums(void **state)
{
	rl_filter f;
	char err[512];
	(void)state;
	assert_int_equal(kept_of("chip.hbm_gb - 40 * chip.hbm_tbps >= 0"), 6);
	assert_int_equal(kept_of("-chip.hbm_tbps + 2 * 1.5 > 1"), 3);
	assert_int_equal(kept_of("chip.hbm_tbps*2 + chip.hbm_gb*0.5 == 44"), 1);
	/* no blanks, an exponent's sign: 1e+1 is 10, t + 10 < 12 is t = 1 */
	assert_int_equal(kept_of("chip.hbm_tbps+1e+1<12"), 3);
	/* the terms as parsed: coefficients with their signs, a number alone */
	assert_int_equal(rl_sweep_filter_parse(&f, "2 * chip.hbm_tbps - "
	                                       "chip.hbm_gb * 0.5 + 3 <= -1",
	                                       err, sizeof err), 0);
	assert_int_equal(f.sums, 1);
	assert_int_equal(f.op, RL_OP_LE);
	assert_int_equal(f.sum[0].nterms, 3);
	assert_true(f.sum[0].terms[0].coef == 2 && f.sum[0].terms[0].param);
	assert_true(f.sum[0].terms[1].coef == -0.5 && f.sum[0].terms[1].param);
	assert_true(f.sum[0].terms[2].coef == 3 && !f.sum[0].terms[2].param &&
	            !f.sum[0].terms[2].output);
	assert_int_equal(f.sum[1].nterms, 1);
	assert_true(f.sum[1].terms[0].coef == -1);
	/* a filter without a sum stays a plain comparison */
	assert_int_equal(rl_sweep_filter_parse(&f, "chip.hbm_tbps > -1", err,
	                                       sizeof err), 0);
	assert_int_equal(f.sums, 0);
	/* what each filter says at a point that served (status 0) and at one
	** over its TDP at every clock (status 4), outputs read from a result
	** set by hand: filter_at below */
	assert_int_equal(filter_at("latency.tpot_s + latency.ttft_s < 3",
	                           RL_OK), RL_FILTER_KEEP);
	/* an output in a sum: a failed point (no outputs) is unanswered;
	** one over its TDP has no latency either */
	assert_int_equal(filter_at("latency.tpot_s + latency.ttft_s < 3",
	                           RL_ENOFIT), RL_FILTER_NONE);
	assert_int_equal(filter_at("latency.tpot_s + latency.ttft_s < 3",
	                           RL_EPOWER), RL_FILTER_NONE);
	assert_int_equal(filter_at("latency.tpot_s < 3", RL_EINVAL),
	                 RL_FILTER_NONE);
	/* power.lowest_clock_watts has a value only over the TDP at every
	** clock (status 4, RL_EPOWER), none at a served point (status 0):
	** a filter naming it, in a sum or alone, is answered at 4 and not at
	** 0, where its NaN dropped every served point as the comparison's.
	** At 4, over_tdp 1 and 87.5 W: 2 + 87.5 >= 0, 87.5 != 5, 1 + 1 <=
	** 175 all hold */
	assert_int_equal(filter_at("2 * power.over_tdp + "
	                           "power.lowest_clock_watts >= 0", RL_EPOWER),
	                 RL_FILTER_KEEP);
	assert_int_equal(filter_at("2 * power.over_tdp + "
	                           "power.lowest_clock_watts >= 0", RL_OK),
	                 RL_FILTER_NONE);
	/* (a NaN != 5 held: the served point was kept) */
	assert_int_equal(filter_at("power.lowest_clock_watts != 5", RL_EPOWER),
	                 RL_FILTER_KEEP);
	assert_int_equal(filter_at("power.lowest_clock_watts != 5", RL_OK),
	                 RL_FILTER_NONE);
	/* the output first in its sum, on the right of the comparison, or
	** the right operand alone: the same (mutation tests) */
	assert_int_equal(filter_at("power.lowest_clock_watts + 2 * "
	                           "power.over_tdp >= 0", RL_EPOWER),
	                 RL_FILTER_KEEP);
	assert_int_equal(filter_at("power.lowest_clock_watts + 2 * "
	                           "power.over_tdp >= 0", RL_OK),
	                 RL_FILTER_NONE);
	assert_int_equal(filter_at("power.over_tdp + 1 <= 2 * "
	                           "power.lowest_clock_watts", RL_EPOWER),
	                 RL_FILTER_KEEP);
	assert_int_equal(filter_at("power.over_tdp + 1 <= 2 * "
	                           "power.lowest_clock_watts", RL_OK),
	                 RL_FILTER_NONE);
	assert_int_equal(filter_at("5 != power.lowest_clock_watts", RL_EPOWER),
	                 RL_FILTER_KEEP);
	assert_int_equal(filter_at("5 != power.lowest_clock_watts", RL_OK),
	                 RL_FILTER_NONE);
	/* a comparison that fails at 4 is a drop, not unanswered: 87.5 < 5 */
	assert_int_equal(filter_at("power.lowest_clock_watts < 5", RL_EPOWER),
	                 RL_FILTER_DROP);
	/* power.over_tdp has a value at both (1 and 0), silicon.violations
	** too (17 and 1) */
	assert_int_equal(filter_at("power.over_tdp + 0 >= 0", RL_EPOWER),
	                 RL_FILTER_KEEP);
	assert_int_equal(filter_at("power.over_tdp + 0 >= 0", RL_OK),
	                 RL_FILTER_KEEP);
	assert_int_equal(filter_at("power.over_tdp == 1", RL_OK),
	                 RL_FILTER_DROP);
	assert_int_equal(filter_at("silicon.violations > 16", RL_EPOWER),
	                 RL_FILTER_KEEP);
	assert_int_equal(filter_at("silicon.violations > 16", RL_OK),
	                 RL_FILTER_DROP);
	/* an output no name test knew, NaN at a served point: the chip's
	** price where its preset gives none (n/a) leaves the filter
	** unanswered, where NaN < 1e9 dropped the point as the comparison's
	** and NaN != 5 kept it; with a price (filter_at's second result,
	** 20000 USD) it is compared */
	assert_int_equal(filter_at("cost.chip_price_usd != 5", RL_OK),
	                 RL_FILTER_NONE);
	assert_int_equal(filter_at("cost.chip_price_usd + 0 < 1e9", RL_OK),
	                 RL_FILTER_NONE);
	assert_int_equal(filter_at("cost.chip_price_usd != 5", RL_OK + 100),
	                 RL_FILTER_KEEP);
	assert_int_equal(filter_at("cost.chip_price_usd > 20000", RL_OK + 100),
	                 RL_FILTER_DROP);
	/* a NaN of the sum's own arithmetic is no missing value: 1e308 t -
	** 1e308 t + 1 at t = 2 s is inf - inf in doubles, 1 in long double
	** (1 > 0 kept), where the values read are all there */
	assert_int_equal(filter_at("1e308 * latency.tpot_s - 1e308 * "
	                           "latency.tpot_s + 1 > 0", RL_OK),
	                 RL_FILTER_KEEP);
	/* refusals name the token */
	refused("[axes]\nchip.hbm_tbps = 1\n[filter]\nkeep = chip.hbm_tbps / 2 "
	        "< 1\n", "'/' is not + - or *");
	refused("[axes]\nchip.hbm_tbps = 1\n[filter]\nkeep = chip.hbm_tbps * 2 * "
	        "chip.hbm_gb < 1\n", "'chip.hbm_tbps * chip.hbm_gb': a product");
	refused("[axes]\nchip.hbm_tbps = 1\n[filter]\nkeep = 1 + "
	        "scenario.precision > 0\n", "'scenario.precision' is a choice");
	refused("[axes]\nchip.hbm_tbps = 1\n[filter]\nkeep = chip.hbm_tbps + < 1\n",
	        "expected a term after '+', found the end");
	refused("[axes]\nchip.hbm_tbps = 1\n[filter]\nkeep = chip.hbm_tbps - - 1 "
	        "< 1\n", "'-' where a term was expected");
	refused("[axes]\nchip.hbm_tbps = 1\n[filter]\nkeep = 2 * chip.hbm_tbs + 1 "
	        "< 1\n", "'chip.hbm_tbs' is not a number, a parameter or an "
	        "output; did you mean chip.hbm_tbps");
	refused("[axes]\nchip.hbm_tbps = 1\n[filter]\nkeep = chip.hbm_tbps + 1 2 "
	        "< 1\n", "'2' is not + - or *");
	refused("[axes]\nchip.hbm_tbps = 1\n[filter]\nkeep = (chip.hbm_tbps) + 1 "
	        "< 1\n", "'(' where a term was expected");
	/* 17 terms, one past RL_LINSUM_MAX_TERMS */
	refused("[axes]\nchip.hbm_tbps = 1\n[filter]\nkeep = 1+1+1+1+1+1+1+1+1+"
	        "1+1+1+1+1+1+1+1 > 0\n", "more than 16 terms on one side");
	assert_int_equal(rl_sweep_filter_parse(&f, "1+1+1+1+1+1+1+1+1+1+1+1+1+"
	                                       "1+1+1 == 16", err, sizeof err), 0);
	/* the 17th term is named */
	refused("[axes]\nchip.hbm_tbps = 1\n[filter]\nkeep = 1+1+1+1+1+1+1+1+1+"
	        "1+1+1+1+1+1+1+chip.hbm_gb > 0\n", "the 17th begins at "
	        "'chip.hbm_gb'");
}

/* Numbers past a double's range in a sum (fuzz9).  By hand, over the grid
** of kept_of: 1e308 * 1e308 * 0 is 0, so 0 * t + g == 80 keeps g = 80 at
** each t: 3 (doubles made the coefficient inf * 0 = NaN: none kept).
** 1e308 * 10 * 1e-10 is 1e299, and 1e299 t > 2e299 keeps t = 3: 3 (doubles
** made it inf: all 9).  1e308 t - 1e308 t + g > 50 is g > 50: 6 (doubles
** made 2e308 inf at t = 2 and 3, and inf - inf NaN: 2).  A product that no
** double holds, above DBL_MAX or below DBL_MIN and not 0, is refused
** quoting the term, as the number alone is.  A token cut for its length
** ends at a whole UTF-8 character: 63 two-byte letters of 100 (126 of the
** 127 bytes kept), then "...". */
static void test_filter_sums_range(void **state)
{
	char spec[600];
	int n, k;
	(void)state;
	assert_int_equal(kept_of("1e308 * 1e308 * 0 * chip.hbm_tbps + "
	                         "chip.hbm_gb == 80"), 3);
	assert_int_equal(kept_of("1e308 * 10 * 1e-10 * chip.hbm_tbps > 2e299"),
	                 3);
	assert_int_equal(kept_of("1e308 * chip.hbm_tbps - 1e308 * chip.hbm_tbps "
	                         "+ chip.hbm_gb > 50"), 6);
	refused("[axes]\nchip.hbm_tbps = 1\n[filter]\nkeep = 1e-200 * 1e-200 * "
	        "chip.hbm_tbps > 0\n", "'1e-200 * 1e-200 * chip.hbm_tbps': its "
	        "numbers multiply to 1e-400, which a double does not hold");
	refused("[axes]\nchip.hbm_tbps = 1\n[filter]\nkeep = 1 < 2 * 1e200 * "
	        "1e200\n", "'2 * 1e200 * 1e200': its numbers multiply to 2e+400");
	n = snprintf(spec, sizeof spec, "[axes]\nchip.hbm_tbps = 1\n[filter]\n"
	             "keep = chip.hbm_tbps + ");
	for (k = 0; k < 100; k++)
		n += snprintf(spec + n, sizeof spec - (size_t)n, "\xc3\xa9");
	snprintf(spec + n, sizeof spec - (size_t)n, " < 1\n");
	refused(spec, "\xc3\xa9...' where a term was expected");
	/* a filter near its 511 bytes: the message of 511 keeps the reason
	** and the token, the filter quoted cut (it lost the reason) */
	n = snprintf(spec, sizeof spec, "[axes]\nchip.hbm_tbps = 1\n[filter]\n"
	             "keep = chip.hbm_tbps");
	memset(spec + n, ' ', 440);
	snprintf(spec + n + 440, sizeof spec - (size_t)n - 440, "/ 2 < 1\n");
	refused(spec, "...': '/' is not + - or *");
}

/* Filters on outputs: throughput is positive by definition, and a decode
** phase exists when osl > 1 (default 128), so its bound is not "none". */
static void test_output_filters(void **state)
{
	rl_sweep_spec *all = must("[axes]\nchip.hbm_tbps = 1, 2\n[filter]\n"
	                          "keep = throughput.output_tokens_per_s > 0\n"
	                          "decode.bound != none\n");
	rl_sweep_spec *none = must("[axes]\nchip.hbm_tbps = 1, 2\n[filter]\n"
	                           "keep = throughput.output_tokens_per_s < 0\n");
	double row[64];
	int status, k;
	(void)state;
	for (k = 1; k <= 2; k++) {
		row[0] = k;
		assert_int_equal(rl_sweep_eval_point(all, row, row, &status, NULL), 1);
		row[0] = k;
		assert_int_equal(rl_sweep_eval_point(none, row, row, &status, NULL), 0);
	}
	rl_sweep_spec_free(all);
	rl_sweep_spec_free(none);
}

/* An output a served point has no value for (NaN): the chip's price at
** cost.price_usd = 0 ("0: unknown", params.c; eval.c's n/a) leaves a
** filter on it unanswered (RL_FILTER_NONE), the point still served
** (status 0) and its column NaN (NULL); at 20000 USD it is compared:
** 20000 != 5 holds.  Unanswered wins over another filter's drop, as a
** failed point's did (the run counts it apart): throughput < 0 drops
** both points, the first as unanswered. */
static void test_output_nan_filters(void **state)
{
	rl_sweep_spec *s = must("[axes]\ncost.price_usd = 0, 20000\n[filter]\n"
	                        "keep = cost.chip_price_usd != 5\n"
	                        "[outputs]\nkeep = cost.chip_price_usd\n");
	rl_sweep_spec *both = must("[axes]\ncost.price_usd = 0, 20000\n"
	                           "[filter]\n"
	                           "keep = throughput.output_tokens_per_s < 0\n"
	                           "cost.chip_price_usd != 5\n");
	double row[64];
	int status;
	(void)state;
	row[0] = 0;
	assert_int_equal(rl_sweep_eval_point(s, row, row, &status, NULL),
	                 RL_FILTER_NONE);
	assert_int_equal(status, RL_OK);
	assert_true(isnan(row[1]));
	row[0] = 20000;
	assert_int_equal(rl_sweep_eval_point(s, row, row, &status, NULL),
	                 RL_FILTER_KEEP);
	assert_true(row[1] == 20000);
	row[0] = 0;
	assert_int_equal(rl_sweep_eval_point(both, row, row, &status, NULL),
	                 RL_FILTER_NONE);
	row[0] = 20000;
	assert_int_equal(rl_sweep_eval_point(both, row, row, &status, NULL),
	                 RL_FILTER_DROP);
	rl_sweep_spec_free(s);
	rl_sweep_spec_free(both);
}

/* A point's value of an output (pointval.h): its result's where it served
** (status 0), none (NaN) where it failed, but for the outputs a point
** over its TDP at every clock keeps (status 4 only): the lowest clock's
** power is there at 4, not at 3 (no fit) nor at 2 (bad input), whatever
** the unread result holds; the throughput only at 0. */
static void test_point_output_by_status(void **state)
{
	const rl_output *lo = rl_output_find("power.lowest_clock_watts");
	const rl_output *tps = rl_output_find("throughput.output_tokens_per_s");
	rl_result r;
	(void)state;
	assert_non_null(lo);
	assert_non_null(tps);
	memset(&r, 0, sizeof r);
	r.power_lowest_w = 123;
	r.output_tps = 5;
	assert_true(rl_sweep_point_output(lo, RL_OK, &r) == 123);
	assert_true(rl_sweep_point_output(lo, RL_EPOWER, &r) == 123);
	assert_true(isnan(rl_sweep_point_output(lo, RL_ENOFIT, &r)));
	assert_true(isnan(rl_sweep_point_output(lo, RL_EINVAL, &r)));
	assert_true(rl_sweep_point_output(tps, RL_OK, &r) == 5);
	assert_true(isnan(rl_sweep_point_output(tps, RL_EPOWER, &r)));
	assert_true(isnan(rl_sweep_point_output(tps, RL_ENOFIT, &r)));
}

/* A [base] model given as a path longer than a preset's name
** (RL_NAME_MAX, 128 bytes) but within a path's 1023 bytes, which eval's
** --model takes: the spec reads that file, where the spec kept the path
** cut to 127 bytes and said the cut path "does not exist".  The path is
** /tmp/rl_test_long_XXXXXX (24 bytes) + "/" + 150 of 'd' + "/m.ini", 181
** bytes; the file is the shipped llama3-8b.ini copied whole. */
static void test_long_preset_path(void **state)
{
	char dir[] = "/tmp/rl_test_long_XXXXXX", sub[256], path[300];
	char src[1024], rest[512], err[1024] = "", pad[151];
	size_t len;
	char *text;
	FILE *f;
	rl_sweep_spec *s;
	(void)state;
	assert_non_null(mkdtemp(dir));
	memset(pad, 'd', 150);
	pad[150] = '\0';
	snprintf(sub, sizeof sub, "%s/%s", dir, pad);
	assert_int_equal(mkdir(sub, 0700), 0);
	snprintf(path, sizeof path, "%s/m.ini", sub);
	assert_int_equal(strlen(path), 181);
	snprintf(src, sizeof src, "%s/models/llama3-8b.ini", rl_data_dir());
	text = rl_slurp(src, &len);
	assert_non_null(text);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	free(text);
	snprintf(rest, sizeof rest, "[base]\nchip = h100-sxm\nmodel = %s\n"
	         "[axes]\nscenario.tp = 1, 2\n", path);
	s = rl_sweep_spec_parse("test.ini", rest, err, sizeof err);
	unlink(path);
	rmdir(sub);
	rmdir(dir);
	if (!s)
		fail_msg("spec refused: %s", err);
	rl_sweep_spec_free(s);
}

/* A sweep spec whose read fails is an I/O failure, RL_EINTERNAL (exit 1)
** with the file and the reason, where it was RL_EINPUT (exit 2) and no
** reason: /proc/self/mem at offset 0, an address no process maps, fails
** with EIO (proc(5)).  Skipped where there is no /proc. */
static void test_spec_read_error(void **state)
{
	char err[512] = "";
	int status = 0;
	(void)state;
	if (access("/proc/self/mem", R_OK) != 0)
		skip();
	assert_null(rl_sweep_spec_load("/proc/self/mem", &status, err,
	                               sizeof err));
	assert_int_equal(status, RL_EINTERNAL);
	assert_string_equal(err, "/proc/self/mem: cannot read the sweep spec: "
	                         "Input/output error");
}

/* A sweep spec file holding a NUL byte is refused by its line and byte,
** one past 64 KiB as too large, each exit 2 with its own reason, where one
** message gave both reasons and no line (fuzz11).  By hand: "[base]\n" is
** line 1, "chip = h" 8 bytes of line 2, the NUL the 9th; 65537 blanks are
** one byte past 2^16. */
static void test_spec_nul_and_size(void **state)
{
	static const char nul[] = "[base]\nchip = h\0" "100-sxm\n";
	char path[] = "/tmp/rl_test_specnul_XXXXXX", err[512], want[600];
	int fd, status = 0;
	FILE *f;
	size_t i;
	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, nul, sizeof nul - 1), (long)(sizeof nul - 1));
	assert_int_equal(close(fd), 0);
	assert_null(rl_sweep_spec_load(path, &status, err, sizeof err));
	assert_int_equal(status, RL_EINPUT);
	snprintf(want, sizeof want, "%s:2: byte 9 of the line is a NUL byte; "
	         "not a text file", path);
	assert_string_equal(err, want);
	f = fopen(path, "w");
	assert_non_null(f);
	for (i = 0; i < 65537; i++)
		assert_int_equal(fputc(' ', f), ' ');
	assert_int_equal(fclose(f), 0);
	assert_null(rl_sweep_spec_load(path, &status, err, sizeof err));
	assert_int_equal(status, RL_EINPUT);
	snprintf(want, sizeof want, "%s: larger than 64 KiB; not a sweep spec",
	         path);
	assert_string_equal(err, want);
	unlink(path);
}

/* The progress bar's ETA of a sweep as long as a grid may be (up to
** 2^63 - 1 points, with --force): 2^62 points left at about 1 point/s
** (one point done 1 s after the start) is some 4.6e18 s, 1.3e15 hours,
** past an int: the hours were cast to int, undefined (UBSan's
** float-cast-overflow stops a SAN=1 build there; the plain build wrote
** "ETA -2147483648h..."), and are written whole now: digits, then "h". */
static void test_progress_long_eta(void **state)
{
	char path[] = "/tmp/rl_test_progress_XXXXXX", buf[512];
	const char *eta;
	rl_progress pg;
	int fd = mkstemp(path), saved;
	ssize_t n;
	(void)state;
	assert_true(fd >= 0);
	fflush(stderr);
	saved = dup(2);
	assert_true(saved >= 0);
	assert_true(dup2(fd, 2) == 2);
	rl_progress_begin(&pg, 1, (uint64_t)1 << 62, 0);
	pg.t0 -= 1; /* begun a second ago */
	rl_progress_update(&pg, 1);
	fflush(stderr);
	assert_true(dup2(saved, 2) == 2);
	close(saved);
	n = pread(fd, buf, sizeof buf - 1, 0);
	close(fd);
	unlink(path);
	assert_true(n > 0);
	buf[n] = '\0';
	eta = strstr(buf, "ETA ");
	assert_non_null(eta);
	eta += 4;
	if (!(eta[0] >= '1' && eta[0] <= '9') ||
	    !strchr(eta, 'h') || strspn(eta, "0123456789") < 15)
		fail_msg("ETA '%s' is not 1.3e15 hours, whole", eta);
}

/* One point's configuration (rl_sweep_point_config), which evaluation and
** rl_sweep_point_why both build with: each axis value in SI (2 TB/s is
** 2e12 B/s; batch 8 is 8), the base's other values kept (h100-sxm's TP
** and model untouched); a value past the range (2000 TB/s > 1000) refused
** with its parameter named, and why says the same words. */
static void test_point_config(void **state)
{
	rl_sweep_spec *s = must("[axes]\nchip.hbm_tbps = 1, 2\n"
	                        "scenario.batch = 4, 8\n");
	rl_config cfg;
	double v[2] = {2, 8}, bad[2] = {2000, 8};
	char err[256] = "", at[256], why[256];
	const rl_param *hbm = rl_param_find("chip", "hbm_tbps");
	const rl_param *batch = rl_param_find("scenario", "batch");
	const rl_param *tp = rl_param_find("scenario", "tp");
	const rl_param *layers = rl_param_find("model", "layers");
	(void)state;
	assert_int_equal(rl_sweep_point_config(s, v, &cfg, err, sizeof err), 0);
	assert_true(*rl_param_ptr(&cfg, hbm) == 2e12);
	assert_true(rl_param_get(&cfg, batch) == 8);
	assert_true(rl_param_get(&cfg, tp) == rl_param_get(&s->setup.cfg, tp));
	assert_true(rl_param_get(&cfg, layers) ==
	            rl_param_get(&s->setup.cfg, layers));
	assert_int_equal(rl_sweep_point_config(s, bad, &cfg, err, sizeof err),
	                 -1);
	assert_non_null(strstr(err, "chip.hbm_tbps"));
	assert_int_equal(rl_sweep_point_why(s, bad, at, sizeof at, why,
	                                    sizeof why), -1);
	assert_string_equal(why, err);
	assert_string_equal(at, "chip.hbm_tbps=2000, scenario.batch=8");
	rl_sweep_spec_free(s);
}

/* The readers' sentence for a run's carried-profile note
** (rl_store_fit_words), export's and the report's one: the run, the
** section ([base] for the first note, [baseline] for the second) and the
** words as stored, written here by hand; a buffer too small for it cuts
** it (snprintf), never past its end. */
static void test_fit_words(void **state)
{
	char buf[128], small[12];
	(void)state;
	assert_string_equal(rl_store_fit_words(3, 0, "profile p was fitted on "
	                                       "x rows only", buf, sizeof buf),
	                    "run 3's [base]: profile p was fitted on x rows only");
	assert_string_equal(rl_store_fit_words(12, 1, "w", buf, sizeof buf),
	                    "run 12's [baseline]: w");
	assert_ptr_equal(rl_store_fit_words(7, 1, "w", small, sizeof small),
	                 small);
	assert_string_equal(small, "run 7's [ba");
}

/* rl_store_error's words: a UNIQUE conflict (a column named with an ESC,
** which SQLite's message quotes: '?') and an INTEGER PRIMARY KEY conflict
** are a point written twice, by two sweeps of one shard; a CHECK is the
** database's own refusal, in rl_db_error's words. */
/* Insert into db's runs a finished run `id` of n points, shard i/k, of a
** spec without [filter] (n 0: none, the run there already), and the
** points whose indexes idx lists (nidx). */
static void missing_run(sqlite3 *db, int id, int n, int i, int k,
                        const int *idx, int nidx)
{
	char sql[512];
	int j;
	snprintf(sql, sizeof sql, "INSERT INTO runs(id, spec, spec_hash, "
	         "spec_path, version, git_rev, started, finished, sampling, "
	         "points, shard_index, shard_count, next_idx) VALUES(%d, "
	         "'[axes]\nx = 1\n', 'h', 's.ini', 'v', 'g', 't', 't', 'grid', "
	         "%d, %d, %d, %d)", id, n, i, k, n);
	/* n 0: points added to a run already there (its row refused) */
	if (n)
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL),
		                 SQLITE_OK);
	for (j = 0; j < nidx; j++) {
		snprintf(sql, sizeof sql, "INSERT INTO points(run_id, idx, status) "
		         "VALUES(%d, %d, 0)", id, idx[j]);
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL),
		                 SQLITE_OK);
	}
}

/* rl_store_run_missing and _rows: a complete run's points of its shard
** below its count, against those it holds (whole-number indexes), the
** same numbers whether the file holds that run alone or not.  Expected values by
** hand: a run of 10 points holding 0..9 but 3 and 7 lacks 2; rows at -1
** and 12 (outside 0..9) add none; a second run in the file changes no
** count; shard 1/2 of 10 points is 1, 3, 5, 7, 9, of which holding 1, 3
** and 5 lacks 2, and a row at 4 (shard 0's) is none of the shard's but is
** one of the run's rows below 10 (_rows: 1 lacking). */
static void test_run_missing(void **state)
{
	static const int most[] = {0, 1, 2, 4, 5, 6, 8, 9};
	static const int all4[] = {0, 1, 2, 3};
	static const int odd[] = {1, 3, 5};
	static const int out[] = {-1, 12};
	static const int four[] = {4};
	static const int ten[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
	char path[] = "/tmp/rl_test_missing_XXXXXX", err[512];
	sqlite3 *db;
	int fd;
	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(rl_store_open(path, 0, RL_SWEEP_BUSY_MS, &db, err,
	                               sizeof err), 0);
	missing_run(db, 1, 10, 0, 1, most, 8);
	assert_int_equal(rl_store_run_missing(db, 1), 2);
	assert_int_equal(rl_store_run_missing_rows(db, 1), 2);
	missing_run(db, 1, 0, 0, 1, out, 2);
	assert_int_equal(rl_store_run_missing(db, 1), 2);
	assert_int_equal(rl_store_run_missing_rows(db, 1), 2);
	assert_int_equal(sqlite3_exec(db, "DELETE FROM points WHERE idx IN "
	                              "(-1, 12)", NULL, NULL, NULL), SQLITE_OK);
	missing_run(db, 2, 4, 0, 1, all4, 4);
	assert_int_equal(rl_store_run_missing(db, 1), 2);
	assert_int_equal(rl_store_run_missing(db, 2), 0);
	assert_int_equal(sqlite3_exec(db, "DELETE FROM points; DELETE FROM runs",
	                              NULL, NULL, NULL), SQLITE_OK);
	missing_run(db, 3, 10, 1, 2, odd, 3);
	assert_int_equal(rl_store_run_missing(db, 3), 2);
	assert_int_equal(rl_store_run_missing_rows(db, 3), 2);
	missing_run(db, 3, 0, 0, 1, four, 1);
	assert_int_equal(rl_store_run_missing(db, 3), 2);
	assert_int_equal(rl_store_run_missing_rows(db, 3), 1);
	assert_int_equal(sqlite3_exec(db, "DELETE FROM points; DELETE FROM runs",
	                              NULL, NULL, NULL), SQLITE_OK);
	missing_run(db, 4, 10, 0, 1, ten, 10);
	assert_int_equal(rl_store_run_missing(db, 4), 0);
	assert_int_equal(rl_store_run_missing_rows(db, 4), 0);
	/* a crafted row whose idx is a REAL (0.5; the INTEGER column keeps it
	** REAL, no whole number being equal to it) is no point of the run
	** (sweep writes whole numbers; merge refuses it): by hand, a run of 4
	** holding 0.5, 1, 2, 3 lacks point 0, 1 missing, where it counted 0.5
	** as a point (SQLite's 0.5 % 1 is 0) and the run complete; alone in
	** the file (the whole table's count), beside run 4 (the range), and as
	** shard 0/2 of 4 (points 0 and 2) holding 0 and 2.5 (2.5 % 2 is 0):
	** point 2 lacking, 1 missing; _rows there: 0 and 2.5 hold no whole 2,
	** and 2.5 is not point 2 or 3, so 1 of shard 0/2's 2 lacking */
	assert_int_equal(sqlite3_exec(db, "DELETE FROM points; DELETE FROM runs",
	                              NULL, NULL, NULL), SQLITE_OK);
	missing_run(db, 5, 4, 0, 1, all4 + 1, 3);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO points(run_id, idx, "
	                              "status) VALUES(5, 0.5, 0)", NULL, NULL,
	                              NULL), SQLITE_OK);
	assert_int_equal(rl_store_run_missing(db, 5), 1);
	assert_int_equal(rl_store_run_missing_rows(db, 5), 1);
	missing_run(db, 4, 10, 0, 1, ten, 10);
	assert_int_equal(rl_store_run_missing(db, 5), 1);
	assert_int_equal(rl_store_run_missing_rows(db, 5), 1);
	missing_run(db, 6, 4, 0, 2, all4, 1);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO points(run_id, idx, "
	                              "status) VALUES(6, 2.5, 0)", NULL, NULL,
	                              NULL), SQLITE_OK);
	assert_int_equal(rl_store_run_missing(db, 6), 1);
	assert_int_equal(rl_store_run_missing_rows(db, 6), 1);
	sqlite3_close(db);
	unlink(path);
}

static void test_store_error_words(void **state)
{
	sqlite3 *db;
	char err[512];
	int rc;
	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE p(idx INTEGER PRIMARY "
	                              "KEY, \"v\033[31m\" UNIQUE, c CHECK(c > "
	                              "0)); INSERT INTO p VALUES(1, 1, 1);",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	rc = sqlite3_exec(db, "INSERT INTO p VALUES(2, 1, 1)", NULL, NULL, NULL);
	rl_store_error(db, rc, "w", err, sizeof err);
	assert_string_equal(err, "w: another process is writing the same points "
	                         "(UNIQUE constraint failed: p.v?[31m); run one "
	                         "sweep per shard at a time");
	rc = sqlite3_exec(db, "INSERT INTO p VALUES(1, 2, 1)", NULL, NULL, NULL);
	rl_store_error(db, rc, "w", err, sizeof err);
	assert_string_equal(err, "w: another process is writing the same points "
	                         "(UNIQUE constraint failed: p.idx); run one "
	                         "sweep per shard at a time");
	rc = sqlite3_exec(db, "INSERT INTO p VALUES(3, 3, 0)", NULL, NULL, NULL);
	rl_store_error(db, rc, "w", err, sizeof err);
	assert_string_equal(err, "w: the database refused the write: CHECK "
	                         "constraint failed: c > 0");
	sqlite3_close(db);
}

/* SIGINTs the test's own handler took (none: the sweep's took the one) */
static volatile sig_atomic_t own_sigints;

static void own_sigint(int sig)
{
	(void)sig;
	own_sigints++;
}

static void *sigint_once_installed(void *arg)
{
	/* one SIGINT to the process once a handler other than the test's is
	** in place (the sweep's), or none when *stop is set first */
	volatile int *stop = arg;
	struct sigaction cur;
	while (!*stop) {
		if (sigaction(SIGINT, NULL, &cur) == 0 &&
		    cur.sa_handler != own_sigint) {
			kill(getpid(), SIGINT);
			break;
		}
		sched_yield();
	}
	return NULL;
}

/* Is SIGINT's handler the test's own? */
static int own_sigint_in_place(void)
{
	struct sigaction cur;
	return sigaction(SIGINT, NULL, &cur) == 0 &&
	       cur.sa_handler == own_sigint;
}

/* Two sweeps in one process (`make bench` runs five), the first stopped
** by a SIGINT sent as soon as its handler is in place: the first returns
** RL_OK, interrupted, short of its 1,990,100 points (19901 x 100); the
** second, of scenario.batch 1..100, evaluates its 100 points and is not
** interrupted (its flag is its own: the first's, never cleared, stopped
** it at its first point, 0 evaluated); after each the test's handler is
** back and has taken no signal. */
static void test_sigint_stops_one_sweep(void **state)
{
	rl_sweep_spec *big = must("[axes]\nchip.hbm_tbps = 1:20.9:0.001\n"
	                          "scenario.batch = 1:100:1\n");
	rl_sweep_spec *small = must("[axes]\nscenario.batch = 1:100:1\n");
	rl_sweep_opts o;
	rl_sweep_stats st;
	struct sigaction own, old;
	pthread_t th;
	volatile int stop = 0;
	char err[1024] = "";
	int rc;
	(void)state;
	assert_int_equal(big->npoints, 1990100);
	memset(&own, 0, sizeof own);
	own.sa_handler = own_sigint;
	sigemptyset(&own.sa_mask);
	assert_int_equal(sigaction(SIGINT, &own, &old), 0);
	memset(&o, 0, sizeof o);
	o.jobs = 1; /* evaluation alone: db_path NULL */
	assert_int_equal(pthread_create(&th, NULL, sigint_once_installed,
	                                (void *)&stop), 0);
	rc = rl_sweep_run(big, &o, &st, err, sizeof err);
	stop = 1;
	pthread_join(th, NULL);
	assert_int_equal(rc, RL_OK);
	assert_true(own_sigint_in_place());
	if (!st.interrupted) {
		/* it ended before the signal came: nothing to see */
		sigaction(SIGINT, &old, NULL);
		rl_sweep_spec_free(big);
		rl_sweep_spec_free(small);
		skip();
	}
	assert_int_equal(own_sigints, 0);
	assert_true(st.processed < big->npoints);
	rc = rl_sweep_run(small, &o, &st, err, sizeof err);
	assert_int_equal(rc, RL_OK);
	assert_int_equal(st.interrupted, 0);
	assert_int_equal(st.processed, 100);
	assert_true(own_sigint_in_place());
	assert_int_equal(own_sigints, 0);
	sigaction(SIGINT, &old, NULL);
	rl_sweep_spec_free(big);
	rl_sweep_spec_free(small);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_linear_range),
	    cmocka_unit_test(test_log_range),
	    cmocka_unit_test(test_lists),
	    cmocka_unit_test(test_bad_ranges),
	    cmocka_unit_test(test_grid_order),
	    cmocka_unit_test(test_shards_partition),
	    cmocka_unit_test(test_sobol_reproducible),
	    cmocka_unit_test(test_random_reproducible),
	    cmocka_unit_test(test_columns_and_hash),
	    cmocka_unit_test(test_speedup_unit),
	    cmocka_unit_test(test_config_hash),
	    cmocka_unit_test(test_spec_hash_config),
	    cmocka_unit_test(test_filter),
	    cmocka_unit_test(test_filter_choice_name),
	    cmocka_unit_test(test_outputs_parameter),
	    cmocka_unit_test(test_filter_too_long),
	    cmocka_unit_test(test_output_filters),
	    cmocka_unit_test(test_output_nan_filters),
	    cmocka_unit_test(test_point_output_by_status),
	    cmocka_unit_test(test_point_config),
	    cmocka_unit_test(test_long_preset_path),
	    cmocka_unit_test(test_progress_long_eta),
	    cmocka_unit_test(test_spec_nul_and_size),
	    cmocka_unit_test(test_spec_read_error),
	    cmocka_unit_test(test_filter_sums),
	    cmocka_unit_test(test_filter_sums_range),
	    cmocka_unit_test(test_fit_words),
	    cmocka_unit_test(test_store_error_words),
	    cmocka_unit_test(test_run_missing),
	    cmocka_unit_test(test_sigint_stops_one_sweep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
