/*
** cmd_report.c: `rooflab report --db FILE --out report.html|report.md`:
** the claim report a person opens in a browser (reports/report.h).
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../reports/report.h"
#include "commands.h"
#include "options.h"

static void help(FILE *f)
{
	size_t n, i;
	const char *const *s = report_sections(&n);
	fputs("usage: rooflab report --db FILE --out report.html|report.md "
	      "[--run ID]\n         [--sweeps FILE] [--no-plots]\n\n"
	      "A self-contained HTML page (plots inline as SVG, nothing fetched "
	      "from the network)\nor Markdown (plots as SVG files beside it) "
	      "from a database written by\nrooflab claim --db (and, when present,"
	      " rooflab validate --db and rooflab sweep --db).\n--run picks the "
	      "claim run (default: the newest); --sweeps a database of\nrooflab sweep runs "
	      "(default: --db).  Without gnuplot (Debian\npackage"
	      " gnuplot-nox) the report is written with tables and no plots.\n\n"
	      "sections:\n", f);
	for (i = 0; i < n; i++)
		fprintf(f, "  %s\n", s[i]);
	fputs("\nExit status: 0 ok, 2 bad input, 1 internal.\n", f);
}

int cmd_report(int argc, char **argv)
{
	report_opts o;
	char err[2048], warn[4096];
	const char *v;
	int i, missing, rc;

	memset(&o, 0, sizeof o);
	for (i = 1; i < argc; i++) {
		missing = 0;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			help(stdout);
			return RL_OK;
		} else if (!strcmp(argv[i], "--no-plots")) {
			o.no_plots = 1;
		} else if ((v = opt_arg("--db", argc, argv, &i, &missing))) {
			o.dbpath = v;
		} else if ((v = opt_arg("--sweeps", argc, argv, &i, &missing))) {
			o.sweeps = v;
		} else if ((v = opt_arg("--out", argc, argv, &i, &missing))) {
			o.out = v;
		} else if ((v = opt_arg("--run", argc, argv, &i, &missing))) {
			char *end;
			errno = 0;
			o.run = strtol(v, &end, 10);
			if (errno || end == v || *end || o.run <= 0) {
				snprintf(err, sizeof err, "--run: '%s' is not a run id "
				         "(a whole number > 0)", v);
				return bad_input("report", err);
			}
		} else if (!missing) {
			snprintf(err, sizeof err, "unexpected argument '%s' (see "
			         "rooflab report --help)", argv[i]);
			return bad_input("report", err);
		}
		if (missing) {
			snprintf(err, sizeof err, "%s needs a value", argv[i]);
			return bad_input("report", err);
		}
	}
	if (!o.dbpath)
		return bad_input("report", "--db FILE is required");
	if (!o.out)
		return bad_input("report", "--out report.html|report.md is "
		                 "required");
	rc = report_write(&o, err, sizeof err, warn, sizeof warn);
	if (rc == RL_EINPUT)
		return bad_input("report", err);
	if (rc != RL_OK) {
		fprintf(stderr, "rooflab report: %s\n", err);
		return RL_EINTERNAL;
	}
	if (warn[0]) {
		char *line = warn, *nl;
		for (; line && *line; line = nl ? nl + 1 : NULL) {
			nl = strchr(line, '\n');
			if (nl)
				*nl = 0;
			fprintf(stderr, "rooflab report: warning: %s\n", line);
		}
	}
	printf("rooflab report: wrote %s\n", o.out);
	return RL_OK;
}
