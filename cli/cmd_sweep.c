/*
** cmd_sweep.c: `rooflab sweep SPEC --db FILE`: evaluate every design point
** of a sweep spec into an SQLite database (sweeps/run.c does the work).
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../sweeps/run.h"
#include "../sweeps/spec.h"
#include "commands.h"
#include "options.h"

static void help(FILE *f)
{
	fputs("usage: rooflab sweep SPEC --db FILE [--shard I/N] [--resume] "
	      "[--jobs N] [--force]\n"
	      "         [--batch N] [--busy-timeout MS]\n\n"
	      "Evaluates every design point of the sweep spec SPEC (an INI file; "
	      "see sweeps/README.md)\nand stores them in the SQLite database "
	      "FILE: tables runs, run_columns, points,\nview results "
	      "(SELECT * FROM results: one row per design point).\n\n"
	      "  --shard I/N        only the points with index % N == I "
	      "(0 <= I < N); merge the\n"
	      "                     parts with `rooflab merge`\n"
	      "  --resume           continue the newest run of this shard in "
	      "FILE where it stopped\n"
	      "                     (refused if the spec changed; a new run "
	      "if there is none)\n"
	      "  --jobs N           N evaluation threads (default 1), one "
	      "writer\n"
	      "  --force            allow sweeps over 100,000,000 points\n"
	      "  --batch N          points per transaction (default 10000); a "
	      "crash loses at most one\n"
	      "  --busy-timeout MS  wait for a locked database (default 10000)"
	      "\n\nA progress bar is drawn on stderr when it is a terminal.  "
	      "Exit status: 0 ok,\n2 bad input (spec, options, a database that "
	      "is not a sweep database or is\nlocked), 1 internal or disk "
	      "failure (rerun with --resume).\n", f);
}

static int parse_count(const char *text, unsigned long long max,
                       unsigned long long *v)
{
	char *end;
	if (!text || !*text || *text == '-')
		return -1;
	errno = 0;
	*v = strtoull(text, &end, 10);
	return errno || *end || *v > max ? -1 : 0;
}

static int parse_shard(const char *text, uint64_t *i, uint64_t *n)
{
	char buf[64], *slash;
	unsigned long long a, b;
	snprintf(buf, sizeof buf, "%s", text);
	slash = strchr(buf, '/');
	if (!slash)
		return -1;
	*slash = '\0';
	if (parse_count(buf, 1000000, &a) || parse_count(slash + 1, 1000000, &b) ||
	    b < 1 || a >= b)
		return -1;
	*i = a;
	*n = b;
	return 0;
}

int cmd_sweep(int argc, char **argv)
{
	rl_sweep_opts o;
	rl_sweep_stats st;
	rl_sweep_spec *s;
	const char *spec = NULL, *env;
	char err[2048];
	int i, rc;
	memset(&o, 0, sizeof o);
	o.jobs = 1;
	o.shards = 1;
	for (i = 1; i < argc; i++) {
		const char *v;
		int missing = 0;
		unsigned long long n;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			help(stdout);
			return RL_OK;
		}
		if (!strcmp(argv[i], "--resume")) {
			o.resume = 1;
			continue;
		}
		if (!strcmp(argv[i], "--force")) {
			o.force = 1;
			continue;
		}
		if ((v = opt_value("--db", argc, argv, &i, &missing))) {
			o.db_path = v;
			continue;
		}
		if (!missing && (v = opt_value("--shard", argc, argv, &i,
		                               &missing))) {
			if (parse_shard(v, &o.shard, &o.shards))
				return bad_input("sweep", "--shard I/N: expected whole "
				                 "numbers with 0 <= I < N, e.g. 0/4");
			continue;
		}
		if (!missing && (v = opt_value("--jobs", argc, argv, &i,
		                               &missing))) {
			if (parse_count(v, 1024, &n) || n < 1)
				return bad_input("sweep", "--jobs N: expected a whole "
				                 "number in [1, 1024]");
			o.jobs = (int)n;
			continue;
		}
		if (!missing && (v = opt_value("--batch", argc, argv, &i,
		                               &missing))) {
			if (parse_count(v, 100000000, &n) || n < 1)
				return bad_input("sweep", "--batch N: expected a whole "
				                 "number in [1, 1e8]");
			o.batch = n;
			continue;
		}
		if (!missing && (v = opt_value("--busy-timeout", argc, argv, &i,
		                               &missing))) {
			if (parse_count(v, 86400000, &n))
				return bad_input("sweep", "--busy-timeout MS: expected "
				                 "milliseconds in [0, 86400000]");
			o.busy_ms = n ? (int)n : 1;
			continue;
		}
		if (missing) {
			snprintf(err, sizeof err, "%s needs a value", argv[i]);
			return bad_input("sweep", err);
		}
		if (argv[i][0] == '-' || spec) {
			snprintf(err, sizeof err, "unexpected argument '%s' (see "
			         "rooflab sweep --help)", argv[i]);
			return bad_input("sweep", err);
		}
		spec = argv[i];
	}
	if (!spec)
		return bad_input("sweep", "missing the sweep spec (rooflab sweep "
		                 "SPEC --db FILE)");
	if (!o.db_path)
		return bad_input("sweep", "missing --db FILE");
	s = rl_sweep_spec_load(spec, err, sizeof err);
	if (!s)
		return bad_input("sweep", err);
	o.progress = isatty(STDERR_FILENO);
	env = getenv("ROOFLAB_SWEEP_BATCH_SLEEP_MS"); /* tests only */
	if (env && *env)
		o.batch_sleep_ms = (unsigned)strtoul(env, NULL, 10);
	rc = rl_sweep_run(s, &o, &st, err, sizeof err);
	if (rc) {
		fprintf(stderr, "rooflab sweep: %s\n", err);
		if (rc == 1 && st.run_id)
			fprintf(stderr, "rooflab sweep: run %lld keeps every "
			        "committed point; rerun with --resume to continue\n",
			        (long long)st.run_id);
	} else if (st.complete_before) {
		fprintf(stderr, "rooflab sweep: run %lld in %s is already "
		        "complete\n", (long long)st.run_id, o.db_path);
	} else {
		fprintf(stderr, "rooflab sweep: run %lld%s: %llu points evaluated, "
		        "%llu stored in %s (%.1f s, %.0f points/s)\n",
		        (long long)st.run_id, st.resumed ? " (resumed)" : "",
		        (unsigned long long)st.processed,
		        (unsigned long long)st.stored, o.db_path, st.seconds,
		        st.seconds > 0 ? (double)st.processed / st.seconds : 0);
	}
	rl_sweep_spec_free(s);
	return rc;
}
