/*
** cmd_report.c: `rooflab report --db FILE --out report.html|report.md`:
** the claim report a person opens in a browser (reports/report.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../reports/report.h"
#include "commands.h"
#include "options.h"
#include "parseopt.h"

static const opt_def table[] = {
    OPT_STR("--db", report_opts, dbpath, "FILE", "the claim database "
            "(or sweeps or a validation run alone)"),
    OPT_STR("--out", report_opts, out, "FILE", "report.html or report.md"),
    OPT_INT("--run", report_opts, run, "ID", 1, 9007199254740992.0,
            "a run id", "the claim run (default: the newest)"),
    OPT_STR("--sweeps", report_opts, sweeps, "FILE",
            "the sweep database (default: --db)"),
    OPT_BOOL("--no-plots", report_opts, no_plots, "tables only, no plots"),
    OPT_LAST};

static void help(FILE *f)
{
	size_t n, i;
	const char *const *s = report_sections(&n);
	fputs("usage: rooflab report --db FILE --out report.html|report.md "
	      "[--run ID]\n         [--sweeps FILE] [--no-plots]\n\n"
	      "A self-contained HTML page (plots inline as SVG, nothing fetched "
	      "from the\nnetwork) or Markdown (plots as SVG files beside it) "
	      "from a database written by\nrooflab claim --db (and, when present,"
	      " rooflab validate --db and rooflab\nsweep --db); one with sweeps or "
	      "a validation run and no claim run is\nreported without the claim's "
	      "sections, each said absent.  --run picks the\nclaim run (default: "
	      "the newest); --sweeps a database of rooflab sweep runs\n(default: "
	      "--db).  Without gnuplot (Debian package gnuplot-nox) the report "
	      "is\nwritten with tables and no plots.\n"
	      "The sensitivity section gives each side's Monte Carlo and tornado "
	      "(Sohu as\nclaimed and by design) in rooflab claim's words and "
	      "rounding; a database of\nclaim schema version 1 holds side b's "
	      "alone, and the report says what it lacks.\n\n"
	      "sections:\n", f);
	for (i = 0; i < n; i++)
		fprintf(f, "  %s\n", s[i]);
	opt_help(f, table);
	fputs("\nExit status: 0 ok, 2 bad input, 1 internal.\n", f);
}

int cmd_report(int argc, char **argv)
{
	report_opts o;
	char err[2048];
	report_msgs msgs = {0};
	size_t i;
	int rc;

	memset(&o, 0, sizeof o);
	rc = opt_parse("report", table, &o, argc, argv, NULL, 0, NULL, help);
	if (rc != OPT_GO_ON)
		return rc;
	if (!o.dbpath)
		/* the report is the claim's: say where its database comes
		** from, as the README's investor would ask */
		return bad_input("report", "--db FILE is required: the claim "
		                 "database the report reads (rooflab claim --db "
		                 "FILE writes one; make demo writes out/claim.db "
		                 "and its report)");
	if (!o.out)
		return bad_input("report", "--out report.html|report.md is "
		                 "required");
	rc = report_write(&o, err, sizeof err, &msgs);
	if (rc != RL_OK) {
		report_msgs_free(&msgs);
		cli_say("report", err);
		return rc == RL_EINPUT ? RL_EINPUT : RL_EINTERNAL;
	}
	/* each whole, on its own line (a message's newline, from a path,
	** shown '?' by cli_say's rule) */
	for (i = 0; i < msgs.n; i++) {
		if (msgs.v[i].note)
			cli_note((void *)"report", msgs.v[i].text);
		else
			cli_warn("report", msgs.v[i].text);
	}
	report_msgs_free(&msgs);
	cli_wrote("report", o.out);
	return RL_OK;
}
