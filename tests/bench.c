/*
** bench.c: `make bench`: how fast the engine evaluates, and (when the sweep
** code provides rl_bench_store) how fast sweeps store.  Target (issue 11):
** at least 10 million evaluations per second on one core; latency at a rate
** (model/load.c) in under 5 us; a search over every mapping of 8 chips in
** under 1 ms.
**
** The cached engine's rate also comes pinned to each CPU the process may
** use, in turn: on a virtual machine whose CPUs share their cores with
** other guests, one CPU can run it at two thirds of another's speed for
** minutes on end (seen on the 2-CPU development VM: 7 against 11 million,
** the slow one changing over time, with the same binary and addresses),
** which the median of unpinned runs cannot tell from the engine.
**
** So each engine line also gives its fastest chunk: the least CPU time of
** one chunk of 50,000 evaluations, of 40 chunks pinned to each CPU in
** turn (the minimum of repeated timings, the usual estimate of a
** microbenchmark's own cost under noise: other work only ever adds time).
** The fixture (setup below) has no power model and a fixed batch size;
** the real line is a shipped preset's path as `rooflab eval` runs it
** (h100-sxm with its power model and TDP, llama3-70b FP8 at tp 8,
** trtllm-0.15 with trtllm-bench's batch rule: benchrule.h), and is the
** one the target is judged on.
**
** Two modes for work on the engine, which `make bench` does not run:
** `bench --real N` runs N cached evaluations of the real path alone, as
** fastest_chunk does, and prints no timing (for callgrind: instructions
** per evaluation are the difference of two runs' counts over the
** difference of their N); `bench --fixture N` the same of the fixture; `bench --hash N` prints a hash of every output
** of every evaluation of N pseudo-random configurations (shipped presets,
** precisions, tp, pp, ep, TDPs, batch caps, requests; through a cache and
** without; and hostile raw values: -0 and negative overheads, infinite
** HBM, token budgets and link latencies, isl 0.5, -1.4, inf, NaN), the
** same on every run: two builds whose hashes agree give
** every one of those results the same bit for bit, a NaN being any NaN
** (hash_d); `bench --dump N` prints those results, one a line, to find
** where two builds differ (scripts/check-bits.sh compares two);
** `bench --chunks` times the real path's fastest chunk alone, as make
** bench's line does (one line: ns per evaluation and the CPU; `bench
** --chunks fixture` the fixture's), for
** alternated runs of two builds under `taskset -c K` (tests/BENCH.md).
*/
#define _GNU_SOURCE /* sched_setaffinity */
#include <sched.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../model/engine.h"
#include "../model/load.h"
#include "../model/mapsearch.h"
#include "../model/params.h"
#include "../config/setup.h"
#include "../sweeps/bench_store.h"
#include "fixtures.h"
#include "resfields.h"

#define RUNS 5 /* short runs of the engine, for the median and range */
#define CHUNK 50000 /* evaluations of one timed chunk */
#define CHUNKS 40   /* chunks timed on each CPU */
#define LOAD_CHUNK 2000 /* latencies at a rate of one timed chunk */
#define TARGET_PER_S 10e6 /* issue 11: at least 10 M evaluations/s */

static double clock_s(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static double now(void)
{
	return clock_s(CLOCK_MONOTONIC);
}

static void setup(rl_config *c)
{
	/* Llama-3 70B FP8 on 8 H100s, TP8, a profile with every term on */
	rl_config_defaults(c);
	fx_h100_rates(&c->chip);
	c->chip.hbm_bytes = 85.9e9;
	c->chip.link_latency_s = 1e-6;
	fx_llama3_70b(&c->model);
	c->scen.precision = 2; /* fp8 */
	c->scen.tp = 8;
	c->scen.chips = 8;
	c->prof.eff_compute = 0.8;
	c->prof.eff_kv_memory = 0.3;
	c->prof.eff_memory = 0.9;
	c->prof.iter_overhead_s = 7e-3;
	c->prof.seq_overhead_s = 19e-6;
	c->prof.allreduce_latency_s = 60e-6;
	c->prof.max_num_tokens = 2048;
	c->prof.runtime_reserved_bytes = 2e9;
}

/* The real path: h100-sxm, llama3-70b FP8, tp 8 on 8 chips, trtllm-0.15
** (batch_rule = trtllm_bench_build), loaded as `rooflab eval --chip
** h100-sxm --model llama3-70b --precision fp8 --tp 8 --profile
** trtllm-0.15` loads them.  0, or -1 with the reason printed. */
static int setup_real(rl_config *c)
{
	rl_setup st;
	char err[1024];
	setup_init(&st);
	if (setup_load(&st, "chip", "h100-sxm", err, sizeof err) ||
	    setup_load(&st, "model", "llama3-70b", err, sizeof err) ||
	    setup_load(&st, "profile", "trtllm-0.15", err, sizeof err) ||
	    setup_assign(&st, "scenario.precision=fp8", err, sizeof err) ||
	    setup_assign(&st, "scenario.tp=8", err, sizeof err) ||
	    setup_assign(&st, "scenario.chips=8", err, sizeof err)) {
		printf("engine, real path: not measured (%s)\n", err);
		return -1;
	}
	*c = st.cfg;
	return 0;
}

/* Evaluations per second of the thread's CPU time over `secs` seconds of
** it (what one core does, whatever else the machine runs), and per second
** of wall clock in *wall; the request shape varied so that nothing is
** hoisted out of the loop.  cached: through an rl_eval_cache, as a sweep
** over the request shape keeps one (the design's setup once); else
** rl_eval, every point worked out from scratch. */
static double engine_rate(rl_config *c, double secs, int cached,
                          double *sink, double *wall)
{
	rl_result r;
	rl_eval_cache cache;
	long n = 0;
	double w0 = now(), t0 = clock_s(CLOCK_THREAD_CPUTIME_ID), dt;
	cache.valid = 0;
	do {
		long k;
		for (k = 0; k < 20000; k++, n++) {
			c->scen.isl = 128 + (double)(n & 1023);
			c->scen.osl = 64 + (double)((n >> 3) & 511);
			if (rl_eval_cached(c, cached ? &cache : NULL, &r) ==
			    RL_OK)
				*sink += r.output_tps;
		}
		dt = clock_s(CLOCK_THREAD_CPUTIME_ID) - t0;
	} while (dt < secs);
	*wall = (double)n / (now() - w0);
	return (double)n / dt;
}

/* The least thread CPU time of one chunk of CHUNK cached evaluations, in
** ns per evaluation, of CHUNKS chunks pinned to each CPU the process may
** use in turn (unpinned where the affinity cannot be set); the CPU of the
** fastest in *cpu_best (-1: unpinned).  The affinity is restored. */
static double fastest_chunk(rl_config *c, double *sink, int *cpu_best)
{
	cpu_set_t all, one;
	rl_result r;
	rl_eval_cache cache;
	double best = 1e30;
	long n = 0;
	int cpu, pinned = sched_getaffinity(0, sizeof all, &all) == 0;
	cache.valid = 0;
	*cpu_best = -1;
	for (cpu = 0; cpu < (pinned ? CPU_SETSIZE : 1); cpu++) {
		int ch;
		if (pinned) {
			if (!CPU_ISSET(cpu, &all))
				continue;
			CPU_ZERO(&one);
			CPU_SET(cpu, &one);
			if (sched_setaffinity(0, sizeof one, &one) != 0)
				continue;
		}
		for (ch = 0; ch < CHUNKS; ch++) {
			double t0 = clock_s(CLOCK_THREAD_CPUTIME_ID), ns;
			long e = n + CHUNK;
			for (; n < e; n++) {
				c->scen.isl = 128 + (double)(n & 1023);
				c->scen.osl = 64 + (double)((n >> 3) & 511);
				if (rl_eval_cached(c, &cache, &r) == RL_OK)
					*sink += r.output_tps;
			}
			ns = (clock_s(CLOCK_THREAD_CPUTIME_ID) - t0) / CHUNK * 1e9;
			if (ns < best) {
				best = ns;
				*cpu_best = pinned ? cpu : -1;
			}
		}
	}
	if (pinned)
		sched_setaffinity(0, sizeof all, &all);
	return best;
}

/* "fastest chunk: N ns per evaluation, M million per second (cpuK)" */
static void print_fastest(const char *what, double ns, int cpu, int judged)
{
	double target_ns = 1e9 / TARGET_PER_S;
	printf("%s, fastest chunk (least CPU time of %d evaluations, of %d "
	       "chunks pinned to each CPU in turn): %.1f ns per evaluation, "
	       "%.2f million per second",
	       what, CHUNK, CHUNKS, ns, 1e3 / ns);
	if (cpu >= 0)
		printf(" (cpu%d)", cpu);
	if (judged)
		printf("%s", ns <= target_ns ? "" : "  BELOW TARGET");
	printf("\n");
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The cached rate pinned to each CPU the process may use (at most 16),
** the median of three runs of 0.2 s on each; nothing where it may use one
** CPU or the affinity cannot be set.  The affinity is restored. */
static void engine_per_cpu(rl_config *c, double *sink)
{
	cpu_set_t all, one;
	int cpu, shown = 0;
	double w;
	if (sched_getaffinity(0, sizeof all, &all) != 0 || CPU_COUNT(&all) < 2)
		return;
	for (cpu = 0; cpu < CPU_SETSIZE && shown < 16; cpu++) {
		double v[3];
		int i;
		if (!CPU_ISSET(cpu, &all))
			continue;
		CPU_ZERO(&one);
		CPU_SET(cpu, &one);
		if (sched_setaffinity(0, sizeof one, &one) != 0)
			break;
		for (i = 0; i < 3; i++)
			v[i] = engine_rate(c, 0.2, 1, sink, &w);
		qsort(v, 3, sizeof v[0], cmp_double);
		printf("%s cpu%d %.2f", shown ? "," : "engine pinned to each CPU "
		       "in turn (median of 3 runs of 0.2 s; CPUs that share their "
		       "cores with other work differ):", cpu, v[1] / 1e6);
		shown++;
	}
	if (shown)
		printf(" million per second\n");
	sched_setaffinity(0, sizeof all, &all);
}

/* 64-byte aligned room for n bytes, rounded up as aligned_alloc wants */
static void *aligned(size_t n)
{
	return aligned_alloc(64, (n + 63) / 64 * 64);
}

/* `bench --real N`: N cached evaluations of the real path, nothing timed
** (`--fixture N`, fixture 1: of the fixture, setup above).
** The configuration, cache and result on the heap, 64-byte aligned: on
** the stack their addresses move with the environment and argv[0], and
** memcmp's instructions with them (186 to 190 for the rule's key) */
static int real_only(long n_evals, int fixture)
{
	rl_config *c = aligned(sizeof *c);
	rl_result *r = aligned(sizeof *r);
	rl_eval_cache *cache = aligned(sizeof *cache);
	double sink = 0;
	long n;
	if (c && fixture)
		setup(c);
	if (!c || !r || !cache || (!fixture && setup_real(c) != 0)) {
		free(c);
		free(r);
		free(cache);
		return 1;
	}
	cache->valid = 0;
	for (n = 0; n < n_evals; n++) {
		c->scen.isl = 128 + (double)(n & 1023);
		c->scen.osl = 64 + (double)((n >> 3) & 511);
		if (rl_eval_cached(c, cache, r) == RL_OK)
			sink += r->output_tps;
	}
	printf("%ld evaluations of the %s (sum of output_tps %.17g)\n",
	       n_evals, fixture ? "fixture" : "real path", sink);
	free(c);
	free(r);
	free(cache);
	return 0;
}

/* `bench --section WHAT N`: the loop of one of make bench's other lines,
** N times, nothing timed (for callgrind, as --real): `nocache` N
** evaluations of the fixture without a cache, `load` N latencies at a
** rate (the fixture at isl 2048, osl 128, half its capacity), `pipe` N
** evaluations of the fixture at tp 2 x pp 4, `map` N searches over every
** mapping of 8 chips; each varies what main's line varies. */
static int section_only(const char *what, long n_iter)
{
	rl_config *c = aligned(sizeof *c);
	rl_result *r = aligned(sizeof *r);
	rl_map_entry e[64];
	double sink = 0;
	long m;
	if (!c || !r) {
		free(c);
		free(r);
		return 1;
	}
	setup(c);
	if (strcmp(what, "nocache") == 0) {
		for (m = 0; m < n_iter; m++) {
			c->scen.isl = 128 + (double)(m & 1023);
			c->scen.osl = 64 + (double)((m >> 3) & 511);
			if (rl_eval(c, r) == RL_OK)
				sink += r->output_tps;
		}
	} else if (strcmp(what, "load") == 0) {
		rl_load ld = {0, 0};
		rl_load_result lr;
		c->scen.isl = 2048;
		c->scen.osl = 128;
		if (rl_eval(c, r) != RL_OK)
			goto fail;
		ld.rate_rps = 0.5 * r->requests_per_s;
		for (m = 0; m < n_iter; m++) {
			ld.rate_rps *= (m & 1) ? 1.0001 : 1 / 1.0001;
			if (rl_load_eval(c, &ld, &lr) == RL_OK)
				sink += lr.ttft_p99_s;
		}
	} else if (strcmp(what, "pipe") == 0) {
		c->scen.tp = 2;
		c->scen.pp = 4;
		for (m = 0; m < n_iter; m++) {
			c->scen.isl = 128 + (double)(m & 1023);
			if (rl_eval(c, r) == RL_OK)
				sink += r->output_tps;
		}
	} else if (strcmp(what, "map") == 0) {
		for (m = 0; m < n_iter; m++) {
			c->scen.isl = 128 + (double)(m & 1023);
			sink += (double)rl_map_search(c, NULL, e, 64) +
			        e[0].output_tps;
		}
	} else {
		fprintf(stderr, "bench --section: nocache, load, pipe or map\n");
		goto fail;
	}
	printf("%ld of %s (sum %.17g)\n", n_iter, what, sink);
	free(c);
	free(r);
	return 0;
fail:
	free(c);
	free(r);
	return 2;
}

/* FNV-1a, 64 bits, over the bytes of each value hashed */
static void hash_bytes(unsigned long long *h, const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t i;
	for (i = 0; i < n; i++) {
		*h ^= b[i];
		*h *= 1099511628211ULL;
	}
}

/* a double's bytes; every NaN as one (C leaves a NaN's sign and payload
** to the operations' operand order, which the compiler may swap: 0 x inf
** gives x86's default NaN, -nan, and of two NaNs the first operand's
** passes; a result that is not a number is the same result) */
static void hash_d(unsigned long long *h, double v)
{
	if (v != v)
		v = NAN;
	hash_bytes(h, &v, sizeof v);
}

static void hash_i(unsigned long long *h, int v)
{
	hash_bytes(h, &v, sizeof v);
}

static void hash_iter(unsigned long long *h, const rl_iter *it, FILE *dump)
{
	double v[RF_ITER];
	size_t i;
	rf_iter(it, v);
	for (i = 0; i < RF_ITER; i++) {
		hash_d(h, v[i]);
		if (dump)
			fprintf(dump, v[i] != v[i] ? " nan" : " %a", v[i]);
	}
	hash_i(h, it->bound);
	if (dump)
		fprintf(dump, " b%d", it->bound);
}

/* every field of a result, field by field (no padding: resfields.h); the
** message too where the evaluation failed */
static void hash_result(unsigned long long *h, int rc, const rl_result *r,
                        FILE *dump)
{
	double v[RF_DOUBLES];
	int n[RF_INTS];
	size_t i;
	hash_i(h, rc);
	if (dump)
		fprintf(dump, "rc %d", rc);
	if (rc != RL_OK) {
		hash_bytes(h, r->error, strnlen(r->error, sizeof r->error));
		if (dump)
			fprintf(dump, " %s\n", r->error);
		return;
	}
	rf_doubles(r, v);
	for (i = 0; i < RF_DOUBLES; i++) {
		hash_d(h, v[i]);
		if (dump)
			fprintf(dump, v[i] != v[i] ? " nan" : " %a", v[i]);
	}
	rf_ints(r, n);
	for (i = 0; i < RF_INTS; i++)
		hash_i(h, n[i]);
	if (dump)
		fprintf(dump, " %d %d %d %d %d", n[0], n[1], n[2], n[3], n[4]);
	hash_iter(h, &r->prefill, dump);
	hash_iter(h, &r->decode, dump);
	if (dump)
		fputc('\n', dump);
}

/* a 64-bit linear congruential generator (Knuth's MMIX constants): its
** high bits, below n */
static unsigned pick(unsigned long long *g, unsigned n)
{
	*g = *g * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((*g >> 33) % n);
}

/* `bench --hash N`: N pseudo-random configurations of the shipped presets,
** each with 24 requests through one cache (every fourth also without a
** cache), and the real path's loop of 20,000; the hash of every result
** and the counts */
static int hash_all(long n_cfg, FILE *dump)
{
	static const char *chips[] = {
		"a100-pcie", "a100-sxm-40gb", "a100-sxm", "b200", "gb200",
		"gh200", "h100-pcie", "h100-sxm", "h200-sxm", "l40s", "mi300x",
		"mi325x", "sohu-design", "sohu"};
	static const char *models[] = {
		"deepseek-r1", "falcon-180b", "gpt-j-6b", "gpt-oss-120b",
		"gpt-oss-20b", "llama2-70b", "llama2-7b", "llama3-405b",
		"llama3-70b", "llama3-8b", "llama3.1-405b", "llama3.1-70b",
		"llama3.1-8b", "llama3.3-70b", "llama4-maverick-17b-128e",
		"llama4-scout-17b-16e", "mistral-7b", "mixtral-8x22b",
		"mixtral-8x7b", "qwen3-235b-a22b", "qwen3-30b-a3b"};
	static const char *profiles[] = {
		"etched-claim", "ideal", "triton-0.14", "trtllm-0.10",
		"trtllm-0.11", "trtllm-0.12", "trtllm-0.13", "trtllm-0.14",
		"trtllm-0.15", "trtllm-0.17", "trtllm-0.19", "trtllm-0.20",
		"trtllm-0.20post", "trtllm-0.21", "trtllm-1.0"};
	static const char *precs[] = {"fp8", "fp16", "bf16", "fp4", "auto"};
	static const char *tdps[] = {"300", "500", "700", "1000"};
	static const char *batches[] = {"1", "8", "64", "256"};
	static const char *isls[] = {"128", "2048", "5000"};
	unsigned long long g = 12345, h = 1469598103934665603ULL;
	long i, ok = 0, all = 0, bad_cfg = 0;
	rl_config rc;
	rl_result r;
	rl_eval_cache cache;
	for (i = 0; i < n_cfg; i++) {
		rl_setup st;
		char err[1024], a[128];
		unsigned tp = 1u << pick(&g, 4), pp = pick(&g, 5) ? 1 : 2;
		int j, fail;
		setup_init(&st);
		fail = setup_load(&st, "chip", chips[pick(&g, 14)], err,
		                  sizeof err) ||
		       setup_load(&st, "model", models[pick(&g, 21)], err,
		                  sizeof err) ||
		       setup_load(&st, "profile", profiles[pick(&g, 15)], err,
		                  sizeof err);
		snprintf(a, sizeof a, "scenario.precision=%s", precs[pick(&g, 5)]);
		fail = fail || setup_assign(&st, a, err, sizeof err);
		snprintf(a, sizeof a, "scenario.tp=%u", tp);
		fail = fail || setup_assign(&st, a, err, sizeof err);
		snprintf(a, sizeof a, "scenario.pp=%u", pp);
		fail = fail || setup_assign(&st, a, err, sizeof err);
		snprintf(a, sizeof a, "scenario.chips=%u", tp * pp);
		fail = fail || setup_assign(&st, a, err, sizeof err);
		if (!pick(&g, 6)) {
			snprintf(a, sizeof a, "scenario.ep=%u", tp);
			fail = fail || setup_assign(&st, a, err, sizeof err);
		}
		if (!pick(&g, 5)) {
			snprintf(a, sizeof a, "chip.tdp_w=%s", tdps[pick(&g, 4)]);
			fail = fail || setup_assign(&st, a, err, sizeof err);
		}
		if (!pick(&g, 6)) {
			snprintf(a, sizeof a, "scenario.batch=%s",
			         batches[pick(&g, 4)]);
			fail = fail || setup_assign(&st, a, err, sizeof err);
		}
		if (!pick(&g, 8)) {
			snprintf(a, sizeof a, "scenario.osl_max=%s",
			         isls[pick(&g, 3)]);
			fail = fail || setup_assign(&st, a, err, sizeof err);
		}
		hash_i(&h, fail);
		if (fail) {
			bad_cfg++;
			continue;
		}
		rc = st.cfg;
		cache.valid = 0;
		for (j = 0; j < 24; j++) {
			int k;
			rc.scen.isl = (double)(1 + pick(&g, 1u << (1 + pick(&g, 15))));
			rc.scen.osl = (double)(1 + pick(&g, 1u << (1 + pick(&g, 12))));
			k = rl_eval_cached(&rc, &cache, &r);
			hash_result(&h, k, &r, dump);
			ok += k == RL_OK;
			all++;
			if (j % 4 == 0) {
				k = rl_eval(&rc, &r);
				hash_result(&h, k, &r, dump);
				ok += k == RL_OK;
				all++;
			}
		}
	}
	/* hostile raw values through the C API, which no range check stops,
	** on three shipped designs: each a run of odd requests, cached and
	** not */
	for (i = 0; i < 3 * 12; i++) {
		static const char *const bases[3][3] = {
			{"h100-sxm", "llama3-70b", "trtllm-0.15"},
			{"h200-sxm", "mixtral-8x7b", "trtllm-1.0"},
			{"b200", "llama3-8b", "ideal"}};
		static const double isl[] = {0.5, -1.4, 1e-300, HUGE_VAL, NAN,
		                             1, 2048};
		static const double osl[] = {1, 0.5, 2, HUGE_VAL, NAN, 128};
		rl_setup st;
		char err[1024];
		size_t a, b;
		setup_init(&st);
		if (setup_load(&st, "chip", bases[i / 12][0], err, sizeof err) ||
		    setup_load(&st, "model", bases[i / 12][1], err, sizeof err) ||
		    setup_load(&st, "profile", bases[i / 12][2], err,
		               sizeof err) ||
		    setup_assign(&st, "scenario.tp=4", err, sizeof err) ||
		    setup_assign(&st, "scenario.chips=4", err, sizeof err)) {
			printf("bench --hash: %s\n", err);
			return 1;
		}
		rc = st.cfg;
		switch (i % 12) {
		case 1: rc.prof.iter_overhead_s = -0.0; break;
		case 2: rc.prof.iter_overhead_s = -1e-3; break;
		case 3: rc.prof.comm_overlap = -0.0; break;
		case 4: rc.prof.comm_overlap = 0.3; break;
		case 5: rc.chip.link_latency_s = HUGE_VAL; break;
		case 6: rc.chip.link_latency_s = -1e-6; break;
		case 7: rc.prof.max_num_tokens = HUGE_VAL; break;
		case 8: rc.prof.max_num_tokens = 1e-310; break;
		case 9: rc.chip.hbm_bytes = HUGE_VAL; break;
		case 10: rc.prof.kv_reserve = 0; rc.prof.host_overlap = 0.5;
			break;
		case 11: rc.prof.eff_compute = HUGE_VAL; break;
		default: break;
		}
		cache.valid = 0;
		for (a = 0; a < sizeof isl / sizeof isl[0]; a++)
			for (b = 0; b < sizeof osl / sizeof osl[0]; b++) {
				int k;
				rc.scen.isl = isl[a];
				rc.scen.osl = osl[b];
				k = rl_eval_cached(&rc, &cache, &r);
				hash_result(&h, k, &r, dump);
				ok += k == RL_OK;
				k = rl_eval(&rc, &r);
				hash_result(&h, k, &r, dump);
				ok += k == RL_OK;
				all += 2;
			}
	}
	if (setup_real(&rc) != 0)
		return 1;
	cache.valid = 0;
	for (i = 0; i < 20000; i++) {
		int k;
		rc.scen.isl = 128 + (double)(i & 1023);
		rc.scen.osl = 64 + (double)((i >> 3) & 511);
		k = rl_eval_cached(&rc, &cache, &r);
		hash_result(&h, k, &r, dump);
		ok += k == RL_OK;
		all++;
	}
	printf("hash %016llx: %ld results (%ld RL_OK) of %ld configurations "
	       "(%ld refused by the setup), 36 with hostile raw values and "
	       "the real path's 20000\n",
	       h, all, ok, n_cfg, bad_cfg);
	return 0;
}

int main(int argc, char **argv)
{
	rl_config c;
	rl_result r;
	double target = TARGET_PER_S;
	double t0, dt, sink = 0, rate[RUNS], wall[RUNS], nocache[RUNS];
	int i;
	if (argc == 3 && strcmp(argv[1], "--real") == 0)
		return real_only(atol(argv[2]), 0);
	if (argc == 3 && strcmp(argv[1], "--fixture") == 0)
		return real_only(atol(argv[2]), 1);
	if (argc == 4 && strcmp(argv[1], "--section") == 0)
		return section_only(argv[2], atol(argv[3]));
	if (argc == 2 && strcmp(argv[1], "--export") == 0)
		return rl_bench_export(stdout);
	if (argc == 3 && strcmp(argv[1], "--hash") == 0)
		return hash_all(atol(argv[2]), NULL);
	if (argc == 3 && strcmp(argv[1], "--dump") == 0)
		return hash_all(atol(argv[2]), stdout);
	if ((argc == 2 || (argc == 3 && strcmp(argv[2], "fixture") == 0)) &&
	    strcmp(argv[1], "--chunks") == 0) {
		int cpu;
		if (argc == 3)
			setup(&c);
		else if (setup_real(&c) != 0)
			return 1;
		t0 = fastest_chunk(&c, &sink, &cpu);
		printf("%s fastest chunk %.2f ns cpu%d (sum %.17g)\n",
		       argc == 3 ? "fixture" : "real path", t0, cpu, sink);
		return 0;
	}
	if (argc != 1) {
		fprintf(stderr, "usage: bench [--real N | --fixture N | --section nocache|load|pipe|map N | --hash N | --dump N | --chunks [fixture] | --export]\n");
		return 2;
	}
	setup(&c);
	/* several short runs: on a shared machine other processes slow some
	** of them; the median is the verdict, the range is printed beside it */
	for (i = 0; i < RUNS; i++)
		rate[i] = engine_rate(&c, 0.4, 1, &sink, &wall[i]);
	qsort(rate, RUNS, sizeof rate[0], cmp_double);
	qsort(wall, RUNS, sizeof wall[0], cmp_double);
	printf("engine: %.2f million evaluations per second on one core, "
	       "requests of one design through an rl_eval_cache (median of %d runs of 0.4 s of CPU time, range %.2f-%.2f; "
	       "target >= %.0f million, judged on the real path's fastest chunk "
	       "below)\n",
	       rate[RUNS / 2] / 1e6, RUNS, rate[0] / 1e6, rate[RUNS - 1] / 1e6,
	       target / 1e6);
	for (i = 0; i < RUNS; i++)
		nocache[i] = engine_rate(&c, 0.4, 0, &sink, &t0);
	qsort(nocache, RUNS, sizeof nocache[0], cmp_double);
	printf("engine without a cache (every point worked out from scratch, "
	       "as a new design): %.2f million per second (range %.2f-%.2f)\n",
	       nocache[RUNS / 2] / 1e6, nocache[0] / 1e6,
	       nocache[RUNS - 1] / 1e6);
	printf("engine, by the wall clock (lower while other processes share "
	       "the core): %.2f million per second (range %.2f-%.2f)\n",
	       wall[RUNS / 2] / 1e6, wall[0] / 1e6, wall[RUNS - 1] / 1e6);
	engine_per_cpu(&c, &sink);
	{
		int cpu;
		double ns = fastest_chunk(&c, &sink, &cpu);
		print_fastest("engine (fixture: no power model, fixed batch size)",
		              ns, cpu, 0);
	}
	{
		/* the real path: the target's verdict */
		rl_config real;
		if (setup_real(&real) == 0) {
			int cpu;
			double ns, rr[RUNS], w;
			for (i = 0; i < RUNS; i++)
				rr[i] = engine_rate(&real, 0.4, 1, &sink, &w);
			qsort(rr, RUNS, sizeof rr[0], cmp_double);
			printf("engine, real path (h100-sxm with its power model, "
			       "llama3-70b fp8 tp 8, trtllm-0.15 with its batch rule): "
			       "%.2f million per second (median of %d runs of 0.4 s, "
			       "range %.2f-%.2f)\n",
			       rr[RUNS / 2] / 1e6, RUNS, rr[0] / 1e6,
			       rr[RUNS - 1] / 1e6);
			ns = fastest_chunk(&real, &sink, &cpu);
			print_fastest("engine, real path", ns, cpu, 1);
		}
	}
	/* latency at a rate: the design point at half its capacity.  Timed
	** by the thread's CPU time, the wall clock beside it: on a VM shared
	** with other work the wall clock counts their time too (5.91 us at
	** load average 9-12 for 2.3 us of CPU), and the least CPU time of a
	** chunk of LOAD_CHUNK, the engine lines' estimate of its own cost */
	{
		rl_load ld = {0, 0};
		rl_load_result lr;
		long m = 0;
		double us, wall_us, best = 1e30, w0;
		c.scen.isl = 2048;
		c.scen.osl = 128;
		if (rl_eval(&c, &r) != RL_OK)
			return 1;
		ld.rate_rps = 0.5 * r.requests_per_s;
		w0 = now();
		t0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
		do {
			double c0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
			long k;
			for (k = 0; k < LOAD_CHUNK; k++, m++) {
				/* vary the rate so that nothing is hoisted out */
				ld.rate_rps *= (m & 1) ? 1.0001 : 1 / 1.0001;
				if (rl_load_eval(&c, &ld, &lr) == RL_OK)
					sink += lr.ttft_p99_s;
			}
			dt = clock_s(CLOCK_THREAD_CPUTIME_ID);
			best = fmin(best, (dt - c0) / LOAD_CHUNK * 1e6);
			dt -= t0;
		} while (dt < 2.0);
		us = dt / (double)m * 1e6;
		wall_us = (now() - w0) / (double)m * 1e6;
		/* (the chunk's size and how many ran, as the engine lines say
		** theirs: "least CPU time of 2000" read as of 2000 chunks) */
		printf("load: latency at a rate (p50/p90/p99 TTFT, TPOT): %.2f us "
		       "per evaluation in CPU time (target < 5 us)%s, fastest chunk "
		       "(least CPU time of %d evaluations, of %ld chunks) %.2f us, "
		       "%.2f us by the wall clock\n",
		       us, us < 5 ? "" : "  ABOVE TARGET", LOAD_CHUNK,
		       m / LOAD_CHUNK, best, wall_us);
	}
	/* a PP 4 x TP 2 pipeline (two stages costed), then every mapping of
	** 8 chips (10 for this dense model) */
	{
		rl_map_entry e[64];
		long m = 0;
		c.scen.tp = 2;
		c.scen.pp = 4;
		t0 = now();
		do {
			long k;
			for (k = 0; k < 100000; k++, m++) {
				c.scen.isl = 128 + (double)(m & 1023);
				if (rl_eval(&c, &r) == RL_OK)
					sink += r.output_tps;
			}
			dt = now() - t0;
		} while (dt < 1.0);
		printf("engine, tp 2 x pp 4: %.2f million evaluations per second\n",
		       (double)m / dt / 1e6);
		c.scen.tp = 8;
		c.scen.pp = 1;
		m = 0;
		t0 = now();
		do {
			long k;
			for (k = 0; k < 1000; k++, m++) {
				c.scen.isl = 128 + (double)(m & 1023);
				sink += (double)rl_map_search(&c, NULL, e, 64) +
				        e[0].output_tps;
			}
			dt = now() - t0;
		} while (dt < 1.0);
		printf("mapping search, 8 chips: %.0f searches per second, "
		       "%.1f us each (target < 1000 us)%s\n",
		       (double)m / dt, dt / (double)m * 1e6,
		       dt / (double)m < 1e-3 ? "" : "  ABOVE TARGET");
	}
	if (sink < 0)
		printf("%g\n", sink);
	fflush(stdout);
	if (rl_bench_store(stdout))
		return 1;
	fflush(stdout);
	return rl_bench_export(stdout);
}
