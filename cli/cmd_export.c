/*
** cmd_export.c: `rooflab export --db FILE [--run ID] --format csv|json`:
** a sweep run as CSV or JSON on stdout (sweeps/export.c does the work).
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../sweeps/export.h"
#include "commands.h"
#include "options.h"

static void help(FILE *f)
{
	fputs("usage: rooflab export --db FILE [--run ID] --format csv|json\n\n"
	      "Writes one sweep run of FILE (the newest unless --run ID) to "
	      "stdout, one record\nper stored design point in index order.  "
	      "Exit status: 0 ok, 2 bad input\n(no such database or run), 1 "
	      "internal or output failure.\n", f);
}

int cmd_export(int argc, char **argv)
{
	const char *db = NULL, *fmt = NULL, *v;
	long long run = 0;
	char err[1024];
	int i, rc, format;
	for (i = 1; i < argc; i++) {
		int missing = 0;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			help(stdout);
			return RL_OK;
		}
		if ((v = opt_value("--db", argc, argv, &i, &missing))) {
			db = v;
			continue;
		}
		if (!missing && (v = opt_value("--format", argc, argv, &i,
		                               &missing))) {
			fmt = v;
			continue;
		}
		if (!missing && (v = opt_value("--run", argc, argv, &i, &missing))) {
			char *end;
			errno = 0;
			run = strtoll(v, &end, 10);
			if (errno || *end || run < 1)
				return bad_input("export", "--run ID: expected a run id "
				                 "(a whole number >= 1)");
			continue;
		}
		if (missing)
			snprintf(err, sizeof err, "%s needs a value", argv[i]);
		else
			snprintf(err, sizeof err, "unexpected argument '%s' (see "
			         "rooflab export --help)", argv[i]);
		return bad_input("export", err);
	}
	if (!db)
		return bad_input("export", "missing --db FILE");
	if (!fmt)
		return bad_input("export", "missing --format csv|json");
	if (!strcmp(fmt, "csv"))
		format = RL_EXPORT_CSV;
	else if (!strcmp(fmt, "json"))
		format = RL_EXPORT_JSON;
	else
		return bad_input("export", "--format: expected csv or json");
	rc = rl_sweep_export(db, (int64_t)run, format, stdout, err, sizeof err);
	if (rc) {
		fprintf(stderr, "rooflab export: %s\n", err);
		return rc;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "rooflab export: cannot write the output\n");
		return RL_EINTERNAL;
	}
	return RL_OK;
}
