/*
** figure.c: put a plot into the report: HTML gets the SVG inline (drawn
** into a temporary file that is removed at once), Markdown gets an SVG file
** beside the report and a link to it, one file per figure (a sweep's
** carry its run: report-heatmap-run3.svg), drawn under a temporary name and
** renamed with the report (report_figures_end), so that a report that fails
** leaves no figures of its own behind.  When gnuplot is missing, the first
** attempt says so once and the rest of the report goes on without images;
** a figure whose data are not there is a note, one whose database fails to
** read fails the report.
*/
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../config/slurp.h"
#include "../config/tmpfile.h"
#include "../model/figtext.h"
#include "../model/numtext.h"
#include "../model/utf8.h"
#include "rctx.h"

/* a figure's temporary name: its path (draw_file's, under 1500 bytes)
** and .tmp-PID */
#define FIG_TMP_MAX 1600

static void add_msg(rctx *r, int note, const char *msg)
{
	report_msgs *m = r->msgs;
	char *text;
	if (m->n == m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 16;
		report_msg *v = realloc(m->v, cap * sizeof *v);
		if (!v) {
			report_bad(r, RL_EINTERNAL, "out of memory for the "
			           "report's warnings and notes");
			return;
		}
		m->v = v;
		m->cap = cap;
	}
	if (!(text = malloc(strlen(msg) + 1))) {
		report_bad(r, RL_EINTERNAL, "out of memory for the report's "
		           "warnings and notes");
		return;
	}
	memcpy(text, msg, strlen(msg) + 1);
	m->v[m->n].note = note;
	m->v[m->n++].text = text;
}

void report_warn(rctx *r, const char *msg)
{
	add_msg(r, 0, msg);
}

void report_note(rctx *r, const char *msg)
{
	add_msg(r, 1, msg);
}

const char *report_value(char *buf, size_t len, double v)
{
	if (v != v)
		snprintf(buf, len, "-");
	else
		rl_number_write(v, buf, len);
	return buf;
}

const char *report_fig(char *buf, size_t len, double v)
{
	if (v != v)
		snprintf(buf, len, "-");
	else
		rl_fig_text(buf, len, v);
	return buf;
}

const char *report_pct(char *buf, size_t len, double x, int sign)
{
	char num[32];
	if (fabs(100 * x) < 1e6)
		snprintf(buf, len, sign ? "%+.1f%%" : "%.1f%%", 100 * x);
	else
		snprintf(buf, len, "%s%s%%", sign && x > 0 ? "+" : "",
		         rl_fig_text(num, sizeof num, 100 * x));
	return buf;
}

/* 1 for the kinds that draw a sweep. */
static int is_sweep_kind(const plot_kind *k)
{
	return !strcmp(k->name, "heatmap") || !strcmp(k->name, "pareto");
}

/* The database a plot kind reads. */
static sqlite3 *db_of(rctx *r, const plot_kind *k)
{
	return is_sweep_kind(k) ? r->sdb : r->db;
}

static int draw_inline(rctx *r, const plot_kind *k, const plot_opts *po,
                       const char *caption, char *err, size_t errlen)
{
	const char *tmpdir = getenv("TMPDIR");
	char base[512], path[600];
	char *svg;
	size_t len = 0;
	int fd, rc;
	/* rooflab-report.svg.tmp-PID: the next report removes it if this
	** process is killed before it does */
	snprintf(base, sizeof base, "%s/rooflab-report.svg",
	         tmpdir && *tmpdir && strlen(tmpdir) < 400 ? tmpdir : "/tmp");
	fd = rl_tmp_create(base, path, sizeof path);
	if (fd < 0) {
		/* which file and why: a TMPDIR that is not there, not writable */
		snprintf(err, errlen, "cannot create a temporary file %s.tmp-PID: "
		         "%s", base, strerror(errno));
		return RL_EINTERNAL;
	}
	close(fd);
	rc = plot_render(db_of(r, k), k, po, GP_SVG, path, caption, err,
	                 errlen);
	if (rc == RL_OK) {
		svg = rl_slurp(path, &len);
		if (svg && len > 0) {
			doc_figure_svg(&r->d, svg, len, caption);
			free(svg);
		} else {
			free(svg);
			snprintf(err, errlen, "cannot read the drawn plot");
			rc = RL_EINTERNAL;
		}
	}
	unlink(path);
	return rc;
}

/* Keep the path a figure drawn under its temporary name
** (rl_tmp_path) is renamed onto in r->fig_paths: 0, or -1 out of
** memory. */
static int keep_fig(rctx *r, const char *path)
{
	char *p;
	if (r->nfigs == r->figcap) {
		size_t nc = r->figcap ? 2 * r->figcap : 16;
		char **np = realloc(r->fig_paths, nc * sizeof *np);
		if (!np)
			return -1;
		r->fig_paths = np;
		r->figcap = nc;
	}
	if (!(p = strdup(path)))
		return -1;
	r->fig_paths[r->nfigs++] = p;
	return 0;
}

int report_figures_end(rctx *r, int keep, char *err, size_t errlen)
{
	size_t i;
	int rc = RL_OK;
	for (i = 0; i < r->nfigs; i++) {
		/* draw_file made the same name, so it fits */
		char tmp[FIG_TMP_MAX];
		if (rl_tmp_path(r->fig_paths[i], tmp, sizeof tmp) == 0) {
			if (keep && rc == RL_OK && rename(tmp, r->fig_paths[i]) != 0)
				rc = rl_out_fail(r->fig_paths[i], errno, err, errlen);
			if (!keep || rc != RL_OK)
				unlink(tmp);
		}
		free(r->fig_paths[i]);
	}
	free(r->fig_paths);
	r->fig_paths = NULL;
	r->nfigs = r->figcap = 0;
	return rc;
}

/* Markdown: the figure into DIR/STEM-KIND.svg.tmp-PID, its own name kept
** in r->fig_paths for report_figures_end, and the link to that name. */
static int draw_file(rctx *r, const plot_kind *k, const plot_opts *po,
                     const char *caption, char *err, size_t errlen)
{
	char name[400], path[1500], tmp[FIG_TMP_MAX];
	int rc, fd;
	/* one file per figure: a sweep's plots carry its run */
	if (is_sweep_kind(k) && po->run > 0)
		snprintf(name, sizeof name, "%s-%s-run%ld.svg", r->md_stem,
		         k->name, po->run);
	else
		snprintf(name, sizeof name, "%s-%s.svg", r->md_stem, k->name);
	snprintf(path, sizeof path, "%s/%s", r->md_dir, name);
	fd = rl_tmp_create(path, tmp, sizeof tmp);
	if (fd < 0)
		return rl_out_fail(path, errno, err, errlen);
	close(fd);
	rc = plot_render(db_of(r, k), k, po, GP_SVG, tmp, caption, err,
	                 errlen);
	if (rc == RL_OK && keep_fig(r, path)) {
		snprintf(err, errlen, "out of memory");
		rc = RL_EINTERNAL;
	}
	if (rc != RL_OK) {
		unlink(tmp);
		return rc;
	}
	doc_figure_link(&r->d, name, caption);
	return RL_OK;
}

plot_opts report_claim_plot(rctx *r)
{
	plot_opts po;
	memset(&po, 0, sizeof po);
	po.dbpath = r->o->dbpath;
	po.run = r->c.id;
	return po;
}

void report_figure(rctx *r, const char *kind, const plot_opts *po,
                   const char *caption)
{
	const plot_kind *k = plot_kind_find(kind);
	char err[REPORT_MSG_LEN], msg[REPORT_MSG_LEN + 64];
	int rc;
	if (!k)
		return;
	if (!r->plots) {
		doc_para_class(&r->d, "note", "Plot omitted (%s): %s", kind,
		               r->plot_note);
		return;
	}
	if (r->d.fmt == DOC_HTML)
		rc = draw_inline(r, k, po, caption, err, sizeof err);
	else
		rc = draw_file(r, k, po, caption, err, sizeof err);
	if (rc == RL_OK)
		return;
	if (pdb_is_unread(rc)) {
		/* the database failed to read: the report fails as it does on
		** its own tables, not stand with a note as if the figure's data
		** were not there */
		report_bad(r, rc, err);
		return;
	}
	if (rc == PLOT_ENOGNUPLOT) {
		r->plots = 0;
		/* (gnuplot's absence in words, no path: it fits; a whole
		** character where it would not) */
		snprintf(r->plot_note, sizeof r->plot_note, "%.*s",
		         rl_utf8_cut(err, sizeof r->plot_note - 1), err);
		report_warn(r, err);
	} else {
		snprintf(msg, sizeof msg, "plot %s omitted: %s", kind, err);
		report_warn(r, msg);
	}
	doc_para_class(&r->d, "note", "Plot omitted (%s): %s", kind, err);
}
