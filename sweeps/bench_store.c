/*
** bench_store.c: how fast sweeps evaluate and store (bench_store.h).
**
** The floor is a bare loop over the same table: one prepared INSERT, one
** transaction, the same column types, rows taken round-robin from a block
** of 4096 really evaluated points (so the values are realistic), on a
** database opened with the same settings (WAL, synchronous NORMAL).  Each
** of the two is timed twice and the faster time counts.
*/
#include "bench_store.h"

#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "export.h"
#include "points.h"
#include "progress.h"
#include "run.h"
#include "spec.h"
#include "store.h"
#include "storewriter.h"

#define BENCH_POINTS 1000000ULL
#define BLOCK 4096

/* 1000 x 1000 grid = 1,000,000 points; the 100,000-point variant narrows
** the second axis to 100 values. */
static const char spec_fmt[] =
    "[base]\n"
    "scenario = etched-bench\n"
    "chip = h100-sxm\n"
    "profile = trtllm-0.10\n"
    "[axes]\n"
    "chip.hbm_tbps = 1:10.99:0.01\n"
    "chip.peak_tflops_fp8 = 500:5000:%d log\n";

static rl_sweep_spec *bench_spec(int n2, char *err, size_t errlen)
{
	char text[512];
	snprintf(text, sizeof text, spec_fmt, n2);
	return rl_sweep_spec_parse("bench", text, err, errlen);
}

static long peak_rss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static int jobs_all(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

static void remove_db(const char *path)
{
	char p[4200];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

/* The bare loop: returns seconds, or -1. */
static double bare_loop(const rl_sweep_spec *s, const char *path, char *err,
                        size_t errlen)
{
	sqlite3 *db;
	int64_t run_id;
	rl_store_writer *w;
	rl_sweep_gen *g;
	double *rows = malloc(BLOCK * s->ncols * sizeof *rows);
	int *status = malloc(BLOCK * sizeof *status);
	uint64_t i, idx;
	size_t n = 0;
	double t0, t = -1;
	if (!rows || !status) {
		free(rows);
		free(status);
		return -1;
	}
	g = rl_sweep_gen_alloc(s, 0, 1);
	while (g && n < BLOCK && rl_sweep_gen_next(g, &idx, rows + n * s->ncols)) {
		rl_sweep_eval_point(s, rows + n * s->ncols, rows + n * s->ncols,
		                    &status[n], NULL);
		n++;
	}
	rl_sweep_gen_free(g);
	if (!n || rl_store_open(path, 0, RL_SWEEP_BUSY_MS, &db, err, errlen)) {
		free(rows);
		free(status);
		return -1;
	}
	if (!rl_store_new_run(db, s, 0, 1, &run_id, err, errlen) &&
	    !rl_store_writer_alloc(db, s, run_id, 0, &w, err, errlen)) {
		/* the writer's INSERT is the one prepared statement; begin and
		** commit are single statements around the loop */
		t0 = rl_progress_clock();
		if (!rl_store_writer_begin(w, err, errlen)) {
			for (i = 0; i < s->npoints; i++)
				if (rl_store_writer_add(w, i, status[i % n],
				                        rows + (i % n) * s->ncols, err,
				                        errlen))
					break;
			if (i == s->npoints &&
			    !rl_store_writer_commit(w, s->npoints, 0, NULL, err, errlen))
				t = rl_progress_clock() - t0;
		}
		rl_store_writer_free(w);
	}
	sqlite3_close(db);
	free(rows);
	free(status);
	return t;
}

static double timed_run(const rl_sweep_spec *s, const char *db, int jobs,
                        char *err, size_t errlen)
{
	rl_sweep_opts o;
	rl_sweep_stats st;
	memset(&o, 0, sizeof o);
	o.db_path = db;
	o.jobs = jobs;
	if (rl_sweep_run(s, &o, &st, err, errlen))
		return -1;
	if (st.interrupted) {
		/* a Ctrl-C (or SIGTERM) stopped it part way: its time is not
		** the sweep's */
		snprintf(err, errlen, "interrupted (%s)",
		         st.interrupted == SIGTERM ? "SIGTERM" : "SIGINT");
		return -1;
	}
	return st.seconds;
}

/* The CPU time of this process (user and system: SQLite's page reads are
** system time), seconds: the exports run on one thread, and on a shared
** machine the wall clock counts other work's time too. */
static double cpu_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The bare floor of an export: every row of the run in index order, each
** value fetched as its type (no text made); seconds, or -1. */
static double bare_select(const char *path, double *sink, char *err,
                          size_t errlen)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	double t0, t = -1;
	int k, n, rc;
	if (rl_store_open(path, 1, RL_SWEEP_BUSY_MS, &db, err, errlen))
		return -1;
	t0 = cpu_clock();
	if (sqlite3_prepare_v2(db, "SELECT * FROM points WHERE run_id = 1 "
	                       "ORDER BY idx", -1, &st, NULL) == SQLITE_OK) {
		n = sqlite3_column_count(st);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			for (k = 0; k < n; k++)
				switch (sqlite3_column_type(st, k)) {
				case SQLITE_FLOAT:
					*sink += sqlite3_column_double(st, k);
					break;
				case SQLITE_INTEGER:
					*sink += (double)sqlite3_column_int64(st, k);
					break;
				case SQLITE_NULL:
					break;
				default:
					*sink += (double)sqlite3_column_bytes(st, k);
				}
		if (sqlite3_finalize(st) == SQLITE_OK && rc == SQLITE_DONE)
			t = cpu_clock() - t0;
	}
	if (t < 0)
		snprintf(err, errlen, "%s", sqlite3_errmsg(db));
	sqlite3_close(db);
	return t;
}

/* `rooflab export` of the run in format to /dev/null; seconds, or -1. */
static double timed_export(const char *path, int format, char *err,
                           size_t errlen)
{
	FILE *f = fopen("/dev/null", "w");
	rl_export_state state;
	int64_t run;
	double t0, t;
	if (!f) {
		snprintf(err, errlen, "cannot open /dev/null");
		return -1;
	}
	t0 = cpu_clock();
	t = rl_sweep_export(path, 1, format, f, &run, &state, err, errlen)
	        ? -1 : cpu_clock() - t0;
	if (fclose(f) && t >= 0) {
		snprintf(err, errlen, "writing /dev/null failed");
		t = -1;
	}
	return t;
}

int rl_bench_export(FILE *out)
{
	char err[1024], dir[] = "/tmp/rooflab-bench-XXXXXX", db[256];
	static const int formats[3] = {-1, RL_EXPORT_CSV, RL_EXPORT_JSON};
	static const char *const names[3] = {
	    "bare SQLite SELECT (values fetched)", "export --format csv",
	    "export --format json"};
	rl_sweep_spec *s = NULL;
	double best[3], sink = 0, n;
	int rc = 1, k, round;
	if (!mkdtemp(dir)) {
		fprintf(out, "bench_export: cannot make a temporary directory\n");
		return 1;
	}
	snprintf(db, sizeof db, "%s/sweep.db", dir);
	if (!(s = bench_spec(1000, err, sizeof err)) ||
	    timed_run(s, db, jobs_all(), err, sizeof err) < 0)
		goto fail;
	n = (double)s->npoints;
	/* each timed twice, alternated; the faster counts (the machine may
	** be busy with other work) */
	for (round = 0; round < 2; round++)
		for (k = 0; k < 3; k++) {
			double t = k ? timed_export(db, formats[k], err, sizeof err)
			             : bare_select(db, &sink, err, sizeof err);
			if (t < 0)
				goto fail;
			best[k] = round == 0 || t < best[k] ? t : best[k];
		}
	(void)sink; /* the values fetched: SQLite's calls are not elided */
	fprintf(out, "sweep export, the same %.0f points, %zu columns, to "
	        "/dev/null, CPU time:\n", n, s->ncols + 3);
	for (k = 0; k < 3; k++)
		fprintf(out, "  %-36s %10.0f points/s  (%.2f s)\n", names[k],
		        n / best[k], best[k]);
	fprintf(out, "  export / bare SELECT time         csv %.2fx, json %.2fx\n",
	        best[1] / best[0], best[2] / best[0]);
	rc = 0;
	goto done;
fail:
	fprintf(out, "bench_export: %s\n", err);
done:
	remove_db(db);
	rmdir(dir);
	rl_sweep_spec_free(s);
	return rc;
}

/* ", load average L" (the last minute's) into buf, "" where unknown */
static const char *load_text(char *buf, size_t len)
{
	double l[1];
	buf[0] = '\0';
	if (getloadavg(l, 1) == 1)
		snprintf(buf, len, ", load average %.1f", l[0]);
	return buf;
}

int rl_bench_store(FILE *out)
{
	char err[1024], dir[] = "/tmp/rooflab-bench-XXXXXX", db[256], load[64];
	rl_sweep_spec *small = NULL, *s = NULL;
	double t_eval1, t_evaln, t_store, t_bare, t;
	long rss_small, rss_big;
	int jobs = jobs_all(), rc = 1;
	double n;
	if (!mkdtemp(dir)) {
		fprintf(out, "bench_store: cannot make a temporary directory\n");
		return 1;
	}
	snprintf(db, sizeof db, "%s/sweep.db", dir);
	small = bench_spec(100, err, sizeof err);
	s = bench_spec(1000, err, sizeof err);
	if (!small || !s)
		goto fail;
	n = (double)s->npoints;
	/* memory: a 100,000-point sweep, then a 1,000,000-point one */
	if (timed_run(small, db, jobs, err, sizeof err) < 0)
		goto fail;
	rss_small = peak_rss_kb();
	remove_db(db);
	if ((t_store = timed_run(s, db, jobs, err, sizeof err)) < 0)
		goto fail;
	rss_big = peak_rss_kb();
	remove_db(db);
	if ((t_eval1 = timed_run(s, NULL, 1, err, sizeof err)) < 0 ||
	    (t_evaln = timed_run(s, NULL, jobs, err, sizeof err)) < 0)
		goto fail;
	if ((t_bare = bare_loop(s, db, err, sizeof err)) < 0)
		goto fail;
	remove_db(db);
	/* a second round of both; the faster of each counts (the machine
	** may be busy with other work) */
	if ((t = timed_run(s, db, jobs, err, sizeof err)) < 0)
		goto fail;
	t_store = t < t_store ? t : t_store;
	remove_db(db);
	if ((t = bare_loop(s, db, err, sizeof err)) < 0)
		goto fail;
	t_bare = t < t_bare ? t : t_bare;
	remove_db(db);
	fprintf(out, "sweep storage, %.0f points, %zu columns, %d core(s)%s:\n",
	        n, s->ncols + 3, jobs, load_text(load, sizeof load));
	fprintf(out, "  evaluation alone, 1 thread       %10.0f points/s\n",
	        n / t_eval1);
	fprintf(out, "  evaluation alone, %2d thread(s)   %10.0f points/s\n",
	        jobs, n / t_evaln);
	fprintf(out, "  evaluation + storage (sweep)     %10.0f points/s  "
	        "(%.2f s)\n", n / t_store, t_store);
	fprintf(out, "  bare SQLite insert loop          %10.0f points/s  "
	        "(%.2f s)\n", n / t_bare, t_bare);
	fprintf(out, "  sweep / bare loop time           %10.2fx  (target <= 1.3x)"
	        "%s\n", t_store / t_bare, t_store / t_bare <= 1.3 ? "" :
	        "  ABOVE TARGET");
	/* the two are wall-clock times: on a machine busy with other work
	** the sweep's threads (evaluation and writer) take more of it than
	** the loop's one, and the sweep beat its floor (0.69x at load
	** average 13, ux31; 1.00-1.16x run at nice -20 there): a ratio below
	** 1 says the comparison did not hold, not that storage is free */
	if (t_store < t_bare)
		fprintf(out, "  (below 1: not a floor this time: the sweep's threads "
		        "took more of a busy machine than the loop's one%s; time "
		        "it on an idle one)\n", load_text(load, sizeof load));
	fprintf(out, "  peak memory after 100,000 points %8ld KiB, after "
	        "1,000,000 %ld KiB\n", rss_small, rss_big);
	rc = 0;
	goto done;
fail:
	fprintf(out, "bench_store: %s\n", err);
done:
	remove_db(db);
	rmdir(dir);
	rl_sweep_spec_free(small);
	rl_sweep_spec_free(s);
	return rc;
}
