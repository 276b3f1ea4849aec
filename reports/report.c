/*
** report.c: write the report of a claim database (see report.h): open the
** database, find the claim run (or, where there is none, its sweeps or
** validation run: the claim's sections listed as absent), then write each
** section in order into a temporary file that is renamed into place when
** complete (Markdown's figures after it; none of them when the report
** fails).
*/
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../claim/claim.h"
#include "../claim/numwords.h"
#include "../claim/schema.h"
#include "../config/dbfile.h"
#include "../config/shword.h"
#include "../config/tmpfile.h"
#include "rctx.h"
#include "../model/utf8.h"
#include "../sweeps/store.h"

/* (the validation section's heading says measurements, not published
** ones: a validate --measurements FILE run's rows are the file's, which
** its first sentence names, as whose rows the run is over) */
static const char *const sections[] = {
	"Verdict", "Where the speedup comes from", "Assumptions",
	"Other claims", "Sensitivity", "Serving: roofline and batching",
	"Design space (sweeps)", "Validation against measurements",
	"Provenance",
};

/* The anchors of the sections above, in the same order (the headings'
** ids in sections.c, verdict.c, more.c). */
static const char *const section_ids[] = {
	"verdict", "factors", "assumptions", "claims", "sensitivity",
	"serving", "design-space", "validation", "provenance",
};

const char *const *report_sections(size_t *count)
{
	*count = sizeof sections / sizeof sections[0];
	return sections;
}

/* The format --out names by its extension, in any case (r.MD, r.Html):
** 0 with *fmt; -1 where it names none; -2 where nothing comes before it
** (".md" was a hidden file whose figures were named "-factors.svg"). */
static int format_of(const char *out, doc_fmt *fmt)
{
	const char *dot = strrchr(out, '.');
	const char *slash = strrchr(out, '/');
	if (!dot || (slash && dot < slash))
		return -1;
	if (!strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm"))
		*fmt = DOC_HTML;
	else if (!strcasecmp(dot, ".md"))
		*fmt = DOC_MD;
	else
		return -1;
	return dot == (slash ? slash + 1 : out) ? -2 : 0;
}

/* Directory and stem of the output, for Markdown's image files. */
static void split_out(rctx *r, const char *out)
{
	const char *slash = strrchr(out, '/');
	const char *base = slash ? slash + 1 : out;
	const char *dot = strrchr(base, '.');
	if (slash)
		snprintf(r->md_dir, sizeof r->md_dir, "%.*s",
		         (int)(slash - out == 0 ? 1 : slash - out), out);
	else
		snprintf(r->md_dir, sizeof r->md_dir, ".");
	snprintf(r->md_stem, sizeof r->md_stem, "%.*s",
	         (int)(dot ? dot - base : (long)strlen(base)), base);
}

static void close_dbs(rctx *r)
{
	if (r->sdb && r->sdb != r->db)
		sqlite3_close(r->sdb);
	sqlite3_close(r->db);
}

static void write_doc(rctx *r, FILE *f, doc_fmt fmt)
{
	char title[600], wl[300];
	snprintf(title, sizeof title, "Is %s %sx as fast as %s? The rooflab claim report",
	         r->c.b_label, claim_target_text(r->c.target).s, r->c.a_label);
	doc_begin(&r->d, f, fmt, title);
	doc_heading(&r->d, 1, "top", title);
	report_workload(r, wl, sizeof wl);
	doc_para(&r->d, "Scenario %s%s%s. An analytical model of both chips, "
	         "serving the same workload; every figure below comes from the "
	         "database %s.", r->c.scenario, wl[0] ? ": " : "", wl,
	         r->o->dbpath);
	if (!r->plots)
		doc_para_class(&r->d, "note", "This report has no plots: %s",
		               r->plot_note);
	doc_toc(&r->d, section_ids, sections, sizeof sections /
	        sizeof sections[0]);
	report_verdict(r);
	report_factors(r);
	report_assumptions(r);
	report_claims(r);
	report_sensitivity(r);
	report_serving(r);
	report_design_space(r);
	report_validation(r);
	report_provenance(r);
	doc_end(&r->d);
}

/* The first NCLAIM sections above read the claim run: a database
** without one (a sweep's, a validation's) leaves them out. */
#define NCLAIM 6

/* The command that fills the claim's sections, into buf: claim --db the
** database itself where it is a claim database (a validation's); a file
** of its own where it is a sweep's, which claim refuses, reported with
** the sweeps this report shows (--sweeps where given, not --db's). */
static const char *claim_command(const rctx *r, char *buf, size_t len)
{
	char qd[4200];
	if (r->db_sweep)
		snprintf(buf, len, "rooflab claim --db FILE, then rooflab report "
		         "--db FILE --sweeps %s",
		         rl_sh_word(r->sdbpath, "FILE", qd, sizeof qd));
	else
		snprintf(buf, len, "rooflab claim --db %s",
		         rl_sh_word(r->o->dbpath, "FILE", qd, sizeof qd));
	return buf;
}

/* The report of a database with sweeps or a validation run and no claim
** run: the sections that need none (design space, validation,
** provenance), and the claim's listed as absent, one line each with why
** and the command that fills them, in the page and on stderr. */
static void write_noclaim_doc(rctx *r, FILE *f, doc_fmt fmt)
{
	const size_t n = sizeof sections / sizeof sections[0];
	static const char fmt_line[] = "section %s absent: %s holds no claim "
	                               "run (%s fills it)";
	char cmd[8600], *line;
	size_t i;
	doc_begin(&r->d, f, fmt, "The rooflab report: design space and "
	          "validation");
	doc_heading(&r->d, 1, "top", "The rooflab report: design space and "
	            "validation");
	doc_para(&r->d, "Every figure below comes from the database %s%s%s. "
	         "It holds no claim run, so the claim's sections are absent:",
	         r->o->dbpath, r->sdb != r->db ? " and the sweeps of " : "",
	         r->sdb != r->db ? r->sdbpath : "");
	claim_command(r, cmd, sizeof cmd);
	doc_list_begin(&r->d);
	for (i = 0; i < NCLAIM; i++) {
		/* sized from what goes in: a long --db path cuts no line */
		int len = snprintf(NULL, 0, fmt_line, sections[i], r->o->dbpath,
		                   cmd);
		doc_item(&r->d, fmt_line, sections[i], r->o->dbpath, cmd);
		if (len < 0 || !(line = malloc((size_t)len + 1))) {
			report_bad(r, RL_EINTERNAL, "out of memory for the report's "
			           "notes");
			continue;
		}
		snprintf(line, (size_t)len + 1, fmt_line, sections[i],
		         r->o->dbpath, cmd);
		report_note(r, line);
		free(line);
	}
	doc_list_end(&r->d);
	if (!r->plots)
		doc_para_class(&r->d, "note", "This report has no plots: %s",
		               r->plot_note);
	doc_toc(&r->d, section_ids + NCLAIM, sections + NCLAIM, n - NCLAIM);
	report_design_space(r);
	report_validation(r);
	report_provenance(r);
	doc_end(&r->d);
}

/* msg into err (len bytes), whole where it fits; else cut visibly in
** the middle, at whole characters: its head (a quarter of err), "...",
** then as much of its end as fits, so that the reason after a long path
** ("PATH: cannot read: ... holds -3, where ...") is still said, where
** "%s" kept the path's first bytes alone, cut inside a character (the
** caller's buffer is 2,048 bytes, a path up to 4,096). */
static void put_msg(char *err, size_t len, const char *msg)
{
	size_t n = strlen(msg), room;
	int head;
	const char *tail;
	if (n < len || len < 16) {
		snprintf(err, len, "%.*s", rl_utf8_cut(msg, len - 1), msg);
		return;
	}
	head = rl_utf8_cut(msg, len / 4);
	room = len - 1 - (size_t)head - 3;
	tail = msg + n - room;
	while ((*tail & 0xc0) == 0x80) /* (not inside a character) */
		tail++;
	snprintf(err, len, "%.*s...%s", head, msg, tail);
}

/* After pdb_claim_run found no claim run (status claim_rc, message
** claim_err): RL_OK where the databases hold a sweep or a validation run
** to report (r->no_claim set, claim's default target taken for the
** heatmaps' contour); else claim_rc with its message in err (an empty
** database, another program's), or the failure to read them. */
static int claimless(rctx *r, int claim_rc, const char *claim_err,
                     char *err, size_t errlen)
{
	static const rl_db_kind *const kinds[] = {&claim_db_kind,
	                                          &rl_sweep_db_kind, NULL};
	pdb_sweep sw;
	pdb_validation v;
	claim_opts co;
	char found[200];
	int rs, rv;
	rs = pdb_sweep_run(r->sdb, r->sdbpath, 0, &sw, err, errlen);
	if (pdb_is_unread(rs))
		return pdb_exit(rs);
	rv = pdb_validation_run(r->db, r->o->dbpath, 0, &v, err, errlen);
	if (pdb_is_unread(rv))
		return pdb_exit(rv);
	if (rs != RL_OK && rv != RL_OK) {
		put_msg(err, errlen, claim_err);
		return claim_rc;
	}
	r->no_claim = 1;
	r->db_sweep = rl_db_found(r->db, kinds, found, sizeof found) ==
	              RL_DB_FOUND_SWEEP;
	claim_opts_init(&co);
	r->c.target = co.target;
	return RL_OK;
}

void report_msgs_free(report_msgs *m)
{
	size_t i;
	for (i = 0; i < m->n; i++)
		free(m->v[i].text);
	free(m->v);
	m->v = NULL;
	m->n = m->cap = 0;
}

int report_write(const report_opts *o, char *err, size_t errlen,
                 report_msgs *msgs)
{
	char claim_err[REPORT_MSG_LEN];
	int claim_rc;
	rctx r;
	doc_fmt fmt;
	char tmp[4200], gp[4096];
	FILE *f;
	int rc;

	if ((rc = format_of(o->out, &fmt)) != 0) {
		snprintf(err, errlen, rc == -2 ? "--out %s: the report needs a name "
		         "before its extension (report.html or report.md), where "
		         "this names a hidden file" : "--out %s: the name must end "
		         "in .html or .md (any case)", o->out);
		return RL_EINPUT;
	}
	/* a Markdown report's figures go into its folder (split_out): one
	** longer than r.md_dir holds is refused, not cut to another folder */
	if (fmt == DOC_MD && strrchr(o->out, '/') &&
	    (size_t)(strrchr(o->out, '/') - o->out) >= sizeof r.md_dir) {
		char size[64];
		snprintf(err, errlen, "--out %.*s...: its folder is %s; a "
		         "Markdown report, whose figures are written beside it, "
		         "takes at most %zu bytes", rl_utf8_cut(o->out, 64), o->out,
		         rl_utf8_bytes(o->out,
		                       (size_t)(strrchr(o->out, '/') - o->out),
		                       size, sizeof size),
		         sizeof r.md_dir - 1);
		return RL_EINPUT;
	}
	if (rl_out_is_file(o->out, o->dbpath) ||
	    rl_out_is_file(o->out, o->sweeps)) {
		snprintf(err, errlen, "--out %s is also %s %s: the report would "
		         "replace a database it reads (name another --out)", o->out,
		         rl_out_is_file(o->out, o->dbpath) ? "--db" : "--sweeps",
		         rl_out_is_file(o->out, o->dbpath) ? o->dbpath : o->sweeps);
		return RL_EINPUT;
	}
	memset(&r, 0, sizeof r);
	r.o = o;
	r.msgs = msgs;
	/* the claim database: only claim --db writes one (pdb_open named
	** sweep and validate too, whose files hold no claim run) */
	if (!*o->dbpath) { /* "" named: which option, where pdb_open cannot */
		snprintf(err, errlen, "--db: a database needs a file name (an "
		         "empty name names no file)");
		return RL_EINPUT;
	}
	if (access(o->dbpath, F_OK) != 0 && errno == ENOENT) {
		/* (the command's file as sh reads it back) */
		return rl_db_missing("--db", o->dbpath, "rooflab claim --db", err,
		                     errlen);
	}
	rc = pdb_open(o->dbpath, &r.db, err, errlen);
	if (rc)
		return rc;
	/* no claim run in it: a report of its sweeps or validation, below,
	** unless --run asked for one or the run table failed to read */
	claim_rc = pdb_claim_run(r.db, o->dbpath, o->run, &r.c, claim_err,
	                         sizeof claim_err);
	if (claim_rc && (pdb_is_unread(claim_rc) || o->run)) {
		put_msg(err, errlen, claim_err);
		sqlite3_close(r.db);
		return pdb_exit(claim_rc);
	}
	r.sdb = r.db;
	r.sdbpath = o->dbpath;
	if (o->sweeps && strcmp(o->sweeps, o->dbpath)) {
		/* pdb_open's "make one with rooflab claim, sweep or validate
		** --db FILE" named two commands that write no sweep */
		if (!*o->sweeps) {
			snprintf(err, errlen, "--sweeps: a database needs a file "
			         "name (an empty name names no file)");
			sqlite3_close(r.db);
			return RL_EINPUT;
		}
		if (access(o->sweeps, F_OK) != 0 && errno == ENOENT) {
			sqlite3_close(r.db);
			return rl_db_missing("--sweeps", o->sweeps, "rooflab sweep "
			                     "SPEC --db", err, errlen);
		}
		rc = pdb_open(o->sweeps, &r.sdb, err, errlen);
		if (rc) {
			sqlite3_close(r.db);
			return rc;
		}
		r.sdbpath = o->sweeps;
	}
	if (claim_rc &&
	    (rc = claimless(&r, claim_rc, claim_err, err, errlen)) != RL_OK) {
		close_dbs(&r);
		return rc;
	}
	split_out(&r, o->out);
	r.plots = !o->no_plots;
	if (o->no_plots) {
		snprintf(r.plot_note, sizeof r.plot_note, "asked for without "
		         "plots (--no-plots).");
	} else if (gp_find(gp, sizeof gp)) {
		r.plots = 0;
		snprintf(r.plot_note, sizeof r.plot_note, "gnuplot is not "
		         "installed; install the Debian package %s (apt-get "
		         "install %s, or make deps) and run the report again.",
		         GP_PACKAGE, GP_PACKAGE);
		report_warn(&r, r.plot_note);
	}
	if (!(f = rl_out_open(o->out, tmp, sizeof tmp, &rc, err, errlen))) {
		close_dbs(&r);
		return rc;
	}
	if (r.no_claim)
		write_noclaim_doc(&r, f, fmt);
	else
		write_doc(&r, f, fmt);
	close_dbs(&r);
	if (r.bad) {
		/* a table read short: no report rather than a wrong one */
		fclose(f);
		unlink(tmp);
		report_figures_end(&r, 0, err, errlen);
		put_msg(err, errlen, r.bad_msg);
		return r.bad;
	}
	rc = rl_out_commit(f, tmp, o->out, err, errlen);
	if (rc != RL_OK) {
		report_figures_end(&r, 0, err, errlen);
		return rc;
	}
	/* the report is in place: its figures follow it */
	return report_figures_end(&r, 1, err, errlen);
}
