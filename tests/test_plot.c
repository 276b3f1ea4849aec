/*
** test_plot.c: the pieces of the plots and the report that need no
** gnuplot: output kinds by extension, gnuplot string quoting, the data a
** plot script carries (waterfall steps, Pareto frontier, quantiles), the
** "no claim run" message, and HTML/Markdown escaping.  Databases are made
** here by hand on claim/schema.h; every expected value is worked out in
** the comment beside it.
*/
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "../plots/curve.h"
#include "../plots/gp.h"
#include "../plots/kinds.h"
#include "../plots/labels.h"
#include "../plots/pdb.h"
#include "../plots/plot.h"
#include "../plots/svgtitle.h"
#include "../reports/doc.h"
#include "../reports/report.h"
#include "../claim/schema.h"

/* the widest title line the pictures hold (plots/kinds.h's
** PLOT_TITLE_COLS, which this file does not include) */
#define PLOT_TITLE_COLS_TEST 110

/* Claim run 1 of chips A and B, target 20x, speedup 4x. */
#define CLAIM_RUN_1 \
	"INSERT INTO claim_runs VALUES(1, 'now', 'v', 'g', 'A', 'B', 'sc', 20, " \
	"4, 4, '{}');"

/* A sweep's rows: tp 1 and 2 by batch 1 and 8, throughput tp x batch x 10,
** for a `results` view over them. */
#define SWEEP_R0 \
	"CREATE TABLE r0(run_id INTEGER, tp REAL, batch REAL, tps REAL);" \
	"INSERT INTO r0 VALUES(1, 1, 1, 10), (1, 2, 1, 20), (1, 1, 8, 80), " \
	"(1, 2, 8, 160);"

/* A fresh database file holding the claim schema and then `sql`. */
static sqlite3 *make_db(char *path, size_t len, const char *sql)
{
	sqlite3 *db;
	int fd;
	snprintf(path, len, "/tmp/rooflab-test-plot-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, RL_CLAIM_SCHEMA_SQL, NULL, NULL, NULL),
	                 SQLITE_OK);
	if (sql)
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL),
		                 SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(pdb_open(path, &db, (char[256]){0}, 256), RL_OK);
	return db;
}

/* Close make_db's database and remove its file. */
static void drop_db(sqlite3 *db, const char *path)
{
	sqlite3_close(db);
	unlink(path);
}

/* make_db's database of sql with claim run 1's Monte Carlo samples 1, 2,
** ..., 101 (sample i of speedup i), opened for plotting. */
static sqlite3 *make_db_samples(char *path, size_t len, const char *sql)
{
	char ins[160];
	sqlite3 *db = make_db(path, len, sql), *w;
	int i;
	sqlite3_close(db);
	assert_int_equal(sqlite3_open(path, &w), SQLITE_OK);
	for (i = 1; i <= 101; i++) {
		snprintf(ins, sizeof ins, "INSERT INTO claim_mc_samples "
		         "VALUES(1, %d, %d, 0);", i, i);
		assert_int_equal(sqlite3_exec(w, ins, NULL, NULL, NULL), SQLITE_OK);
	}
	sqlite3_close(w);
	assert_int_equal(pdb_open(path, &db, (char[256]){0}, 256), RL_OK);
	return db;
}

/* The plot `kind` of db (make_db's, at path) on the axes x, y and z
** (NULL: the kind's own), whose status must be expect: the script (NULL
** where plot_script wrote none), its message in err. */
static char *script_axes(sqlite3 *db, const char *path, const char *kind,
                         const char *x, const char *y, const char *z,
                         int expect, char *err, size_t errlen)
{
	plot_opts o;
	char *s = NULL;
	size_t len;
	memset(&o, 0, sizeof o);
	o.dbpath = path;
	o.x = x;
	o.y = y;
	o.z = z;
	assert_int_equal(plot_script(db, plot_kind_find(kind), &o, &s, &len,
	                             err, errlen), expect);
	return s;
}

static char *script_of(sqlite3 *db, const char *kind, const char *path,
                       int expect)
{
	char *s, err[512];
	s = script_axes(db, path, kind, NULL, NULL, NULL, expect, err,
	                sizeof err);
	if (expect != RL_OK)
		return strdup(err);
	return s;
}

/* script_of the plot `kind` of a fresh database of sql (make_db), which is
** closed and removed before the script (or message) is returned. */
static char *script_made(const char *sql, const char *kind, int expect)
{
	char path[64];
	sqlite3 *db = make_db(path, sizeof path, sql);
	char *s = script_of(db, kind, path, expect);
	drop_db(db, path);
	return s;
}

/* The plot `kind` (its axes x and y, NULL: its own) of a database made of
** sql fails as a database that cannot be read: "PATH: cannot read:
** REASON", exit 2 with PDB_UNREAD set in the status (what the report
** tells it by from data that are not there, which script_of's callers
** below find as RL_EINPUT alone), and no script. */
static void expect_unread(const char *sql, const char *kind, const char *x,
                          const char *y, const char *reason)
{
	char path[64], want[128], err[512];
	const int rc = PDB_UNREAD | RL_EINPUT;
	sqlite3 *db = make_db(path, sizeof path, sql);
	char *s = script_axes(db, path, kind, x, y, NULL, rc, err, sizeof err);
	assert_true(pdb_is_unread(rc));
	assert_int_equal(pdb_exit(rc), RL_EINPUT);
	assert_null(s);
	snprintf(want, sizeof want, "%s: cannot read: %s", path, reason);
	assert_string_equal(err, want);
	drop_db(db, path);
}

static void test_terms(void **state)
{
	gp_term t;
	(void)state;
	assert_int_equal(gp_term_of_path("a/b.png", &t), 0);
	assert_int_equal(t, GP_PNG);
	assert_int_equal(gp_term_of_path("b.svg", &t), 0);
	assert_int_equal(t, GP_SVG);
	assert_int_equal(gp_term_of_path("b.pdf", &t), 0);
	assert_int_equal(t, GP_PDF);
	assert_int_equal(gp_term_of_path("b.txt", &t), 0);
	assert_int_equal(t, GP_DUMB);
	assert_int_equal(gp_term_of_path("b.gif", &t), -1);
	assert_int_equal(gp_term_of_path("dir.d/noext", &t), -1);
	assert_int_equal(gp_term_of_name("dumb", &t), 0);
	assert_int_equal(t, GP_DUMB);
	assert_int_equal(gp_term_of_name("x11", &t), -1);
}

/* (small59) gp_out_term: the terminal of --out and --term, or a message
** naming the option and the forms it takes; each expected text written
** from the rules gp.h gives (an empty name, a name that is only an
** extension, an extension no terminal writes, a --term that writes
** another extension), the extension read in any case as report's is */
static void out_term_refused(const char *out, const char *term,
                             const char *want)
{
	char err[512];
	gp_term t;
	assert_int_equal(gp_out_term(out, term, &t, err, sizeof err), -1);
	assert_string_equal(err, want);
}

static void test_out_term(void **state)
{
	char err[512];
	gp_term t;
	(void)state;
	assert_int_equal(gp_out_term("a/x.svg", NULL, &t, err, sizeof err), 0);
	assert_int_equal(t, GP_SVG);
	assert_int_equal(gp_out_term("x.PNG", NULL, &t, err, sizeof err), 0);
	assert_int_equal(t, GP_PNG);
	assert_int_equal(gp_out_term("x.Pdf", "pdf", &t, err, sizeof err), 0);
	assert_int_equal(t, GP_PDF);
	assert_int_equal(gp_out_term("x.txt", NULL, &t, err, sizeof err), 0);
	assert_int_equal(t, GP_DUMB);
	assert_int_equal(gp_out_term("x.txt", "dumb", &t, err, sizeof err), 0);
	assert_int_equal(t, GP_DUMB);
	assert_int_equal(gp_out_term(NULL, "dumb", &t, err, sizeof err), 0);
	assert_int_equal(t, GP_DUMB);
	out_term_refused(NULL, NULL, "--out FILE.png|svg|pdf is required (or "
	                 "--term dumb for a text plot)");
	out_term_refused(NULL, "svg", "--out FILE.png|svg|pdf is required (or "
	                 "--term dumb for a text plot)");
	out_term_refused("", NULL, "--out: a plot needs a file name (an empty "
	                 "name names no file; FILE.png, FILE.svg, FILE.pdf, or "
	                 "FILE.txt for a text plot)");
	out_term_refused("", "dumb", "--out: a plot needs a file name (an "
	                 "empty name names no file; FILE.png, FILE.svg, "
	                 "FILE.pdf, or FILE.txt for a text plot)");
	out_term_refused(".png", NULL, "--out .png: the plot needs a name "
	                 "before its extension (FILE.png), where this names a "
	                 "hidden file");
	out_term_refused("d/.TXT", "dumb", "--out d/.TXT: the plot needs a "
	                 "name before its extension (FILE.TXT), where this "
	                 "names a hidden file");
	out_term_refused("x.gif", NULL, "--out x.gif: the name must end in "
	                 ".png, .svg, .pdf or .txt (a text plot, as --term "
	                 "dumb), in any case");
	out_term_refused("x.", NULL, "--out x.: the name must end in .png, "
	                 ".svg, .pdf or .txt (a text plot, as --term dumb), in "
	                 "any case");
	out_term_refused("x.png/", NULL, "--out x.png/: the name must end in "
	                 ".png, .svg, .pdf or .txt (a text plot, as --term "
	                 "dumb), in any case");
	out_term_refused("x.dumb", "dumb", "--out x.dumb: the name must end in "
	                 ".png, .svg, .pdf or .txt (a text plot, as --term "
	                 "dumb), in any case");
	out_term_refused("x.svg", "png", "--term png does not match --out "
	                 "x.svg (--term png writes FILE.png; without --term, "
	                 "--out's extension chooses)");
	out_term_refused("x.png", "dumb", "--term dumb does not match --out "
	                 "x.png (--term dumb writes FILE.txt, or to the "
	                 "terminal without --out; without --term, --out's "
	                 "extension chooses)");
	out_term_refused("x.png", "gif", "--term: unknown terminal 'gif' (png, "
	                 "svg, pdf, dumb)");
	/* a control character of the name is shown as '?' */
	out_term_refused("x\033.gif", NULL, "--out x?.gif: the name must end "
	                 "in .png, .svg, .pdf or .txt (a text plot, as --term "
	                 "dumb), in any case");
}

static void test_quote(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	(void)state;
	/* a"b\c<newline>d'e`x`: single-quoted (gnuplot evaluates neither
	** backquotes nor macros there), the quote doubled, the newline a
	** "\n" joined outside the quotes */
	gp_quote(f, "a\"b\\c\nd'e`x`");
	fputc(' ', f);
	/* data fields: a double quote would end the field, so it becomes ' */
	gp_field(f, "x \"y\"");
	fclose(f);
	assert_string_equal(buf, "'a\"b\\c'.\"\\n\".'d''e`x`' \"x 'y'\"");
	free(buf);
	/* a quote that opens a quoted run (first, or after a newline) is
	** joined as "'": gnuplot 5.4 refuses a run opening with a doubled
	** quote; one inside a run is doubled as before.  '' b NL ' c ' by
	** hand: '' . "'" . '' . "'" . 'b' . "\n" . '' . "'" . 'c''' */
	buf = NULL;
	len = 0;
	f = open_memstream(&buf, &len);
	gp_quote(f, "''b\n'c'");
	fclose(f);
	assert_string_equal(buf, "''.\"'\".''.\"'\".'b'.\"\\n\".''.\"'\".'c'''");
	free(buf);
	/* a byte that begins no well-formed UTF-8 sequence (0xff; 0xc3 with
	** no byte after it; the surrogate ED A0 80, three bytes beginning
	** none) is '?' in a label and a field, a whole character (e-acute,
	** C3 A9) kept: the image stays UTF-8 (fuzz3) */
	buf = NULL;
	len = 0;
	f = open_memstream(&buf, &len);
	gp_quote(f, "a\xff\xc3\xa9\xed\xa0\x80" "b\xc3");
	fputc(' ', f);
	gp_field(f, "\xff\xc3\xa9\xc3");
	fclose(f);
	assert_string_equal(buf, "'a?\xc3\xa9???b?' \"?\xc3\xa9?\"");
	free(buf);
	/* a noncharacter, no XML character (U+FFFE EF BF BE; U+1FFFE F0 9F
	** BF BE): one '?' each, the sequence's bytes skipped whole; U+FFFD
	** (EF BF BD) beside it is a character and kept */
	buf = NULL;
	len = 0;
	f = open_memstream(&buf, &len);
	gp_quote(f, "a\xef\xbf\xbe" "b\xf0\x9f\xbf\xbe" "c\xef\xbf\xbd");
	fputc(' ', f);
	gp_field(f, "\xef\xbf\xbf" "d");
	fclose(f);
	assert_string_equal(buf, "'a?b?c\xef\xbf\xbd' \"?d\"");
	free(buf);
	/* C0 controls but tab and newline, and DEL: no XML characters (XML
	** 1.0 section 2.2), '?' each; a tab a space */
	buf = NULL;
	len = 0;
	f = open_memstream(&buf, &len);
	gp_quote(f, "a\x01" "b\tc\x1b" "d\x7f" "e");
	fputc(' ', f);
	gp_field(f, "x\x01y\tz\x7f");
	fclose(f);
	assert_string_equal(buf, "'a?b c?d?e' \"x?y z?\"");
	free(buf);
	/* (small73) the C1 controls (NEL U+0085 C2 85, CSI U+009B C2 9B,
	** U+009F C2 9F), which a terminal obeys in a text plot, and UAX #9's
	** bidirectional controls (RLO U+202E E2 80 AE, ALM U+061C D8 9C, LRI
	** U+2066 E2 81 A6), which reverse a title after them: one '?' each,
	** as a C0 control, by rl_utf8_control, the one rule of a table's
	** cells; they passed into the label as they stood.  Their neighbours
	** NBSP (U+00A0 C2 A0) and the hyphen U+2010 (E2 80 90) are kept */
	buf = NULL;
	len = 0;
	f = open_memstream(&buf, &len);
	gp_quote(f, "a\xc2\x85" "b\xc2\x9b" "c\xc2\xa0" "d\xe2\x80\xae"
	         "e\xd8\x9c" "f\xe2\x81\xa6" "g\xe2\x80\x90" "h");
	fputc(' ', f);
	gp_field(f, "\xe2\x80\xae" "x\xc2\x9f" "y\xc2\xa0");
	fclose(f);
	assert_string_equal(buf, "'a?b?c\xc2\xa0" "d?e?f?g\xe2\x80\x90" "h' "
	                         "\"?x?y\xc2\xa0\"");
	free(buf);
}

/* (small73) an SVG's <title> (a report's caption, which carries a sweep's
** runs.spec_path read from its database) was written with <, > and &
** escaped and the rest as it stood: ESC (1B), RLO U+202E (E2 80 AE), NEL
** U+0085 (C2 85), a byte of no UTF-8 (FF) and U+FFFE (EF BF BE, no XML
** character) went into the file, which then was no XML.  Each is now one
** '?', as a plot's labels write them (gp_quote), a tab and a newline a
** space, e-acute (C3 A9) kept, gnuplot's element titles dropped as
** before.  No gnuplot needed: the SVG is written by hand. */
static void test_svg_title_text(void **state)
{
	char path[64];
	char *got;
	size_t len;
	FILE *f;
	(void)state;
	snprintf(path, sizeof path, "/tmp/rooflab-test-svgx-%ld.svg",
	         (long)getpid());
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("<svg><title>Gnuplot</title><g><title>gnuplot_plot_1</title>"
	      "</g></svg>\n", f);
	fclose(f);
	assert_int_equal(plot_svg_title(path, "a\x1b" "b\xe2\x80\xae" "c\xc2\x85"
	                                "d\xff" "e\xef\xbf\xbe" "f<&>\n\tg\xc3\xa9"),
	                 0);
	f = fopen(path, "r");
	assert_non_null(f);
	got = calloc(1, 512);
	assert_non_null(got);
	len = fread(got, 1, 511, f);
	fclose(f);
	unlink(path);
	got[len] = 0;
	assert_string_equal(got, "<svg><title>a?b?c?d?e?f&lt;&amp;&gt;  g\xc3\xa9"
	                         "</title><g></g></svg>\n");
	free(got);
}

/* The interactivity chart leaves out a point over its TDP at every clock
** (its figures NAN): of four points, the second and the fourth over, the
** data block holds the first and the third alone, and the labels name the
** first and the last drawn, rows 0 and 1 of the block (every ::1::1), not
** row 3 of the four, which the block does not hold. */
/* (ux27) a plot of an 823,837-point sweep under ulimit -f 10000 said
** "all.db: cannot read: disk I/O error", as if the file were damaged:
** SQLite's sort had written its temporary file past the limit.  A read
** that fails with an I/O error or a full disk names the temporary files
** and where they go (SQLite's unix VFS: SQLITE_TMPDIR, TMPDIR, else
** /var/tmp or /tmp), exit 1; a damaged file keeps its words, exit 2.
** sqlite3_errstr's words: "disk I/O error", "database or disk is full",
** "database disk image is malformed". */
static void test_unread_disk(void **state)
{
	static const char hint[] =
	    " (a query may write SQLite's temporary files, in SQLITE_TMPDIR, "
	    "TMPDIR, else /var/tmp or /tmp: that disk may be full or a file "
	    "size limit, ulimit -f, reached)";
	char err[600], want[600];
	int rc;
	(void)state;
	rc = pdb_unread(NULL, SQLITE_IOERR, "s.db", err, sizeof err);
	assert_int_equal(pdb_exit(rc), RL_EINTERNAL);
	assert_true(pdb_is_unread(rc));
	snprintf(want, sizeof want, "s.db: cannot read: disk I/O error%s", hint);
	assert_string_equal(err, want);
	rc = pdb_unread(NULL, SQLITE_FULL, "s.db", err, sizeof err);
	assert_int_equal(pdb_exit(rc), RL_EINTERNAL);
	snprintf(want, sizeof want, "s.db: cannot read: database or disk is "
	         "full%s", hint);
	assert_string_equal(err, want);
	rc = pdb_unread(NULL, SQLITE_CORRUPT, "s.db", err, sizeof err);
	assert_int_equal(pdb_exit(rc), RL_EINPUT);
	assert_string_equal(err, "s.db: cannot read: database disk image is "
	                         "malformed");
}

static void test_curve_over_tdp(void **state)
{
	rl_curve_point p[4];
	plot_curve_series ser = {"a", p, 4};
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	int k;
	(void)state;
	memset(p, 0, sizeof p);
	for (k = 0; k < 4; k++) {
		p[k].concurrency = 1 << k;
		p[k].over_tdp = k % 2;
		p[k].tps_per_user = k % 2 ? NAN : 100.0 / (k + 1);
		p[k].output_tps_per_chip = k % 2 ? NAN : 10.0 * (k + 1);
	}
	f = open_memstream(&buf, &len);
	plot_curve_data(f, &ser, 1, "t");
	fclose(f);
	assert_non_null(strstr(buf, "$c0 << EOD\n100 10 1\n33.3333333 30 4\nEOD\n"));
	assert_null(strstr(buf, "nan"));
	assert_non_null(strstr(buf, "every ::1::1 with labels"));
	assert_null(strstr(buf, "every ::3::3"));
	free(buf);
}

static void test_waterfall(void **state)
{
	char *s;
	(void)state;
	/* factors 2, 0.5, 4: the running product goes 1 -> 2 -> 1 -> 4, so the
	** bars span [1,2], [1,2] (a loss, drawn downwards), [1,4], and the
	** total bar [1,4] */
	s = script_made(CLAIM_RUN_1
	                "INSERT INTO claim_factors VALUES(1, 1, 'f1', 2),"
	                "(1, 2, 'f2', 0.5), (1, 3, 'f3', 4);",
	                "factors", RL_OK);
	assert_non_null(strstr(s, "\n1 1 2 2 "));
	assert_non_null(strstr(s, "\n2 1 2 0.5 "));
	assert_non_null(strstr(s, "\n3 1 4 4 "));
	assert_non_null(strstr(s, "\n4 1 4 4 "));
	/* the title's total as the claim's text writes a speedup (4.00x,
	** where %.3g wrote 4x); each bar's label its last field, a factor to
	** three decimals as the text's factors (x0.500, where gnuplot's
	** %.3g wrote x0.5), the total as the title */
	assert_non_null(strstr(s, "= 4.00x"));
	assert_non_null(strstr(s, " \"x2.000\"\n"));
	assert_non_null(strstr(s, " \"x0.500\"\n"));
	assert_non_null(strstr(s, " \"x4.000\"\n"));
	assert_non_null(strstr(s, " \"total 4.00x\"\nEOD\n"));
	assert_non_null(strstr(s, "using 1:3:6 with labels"));
	assert_null(strstr(s, "sprintf"));
	assert_non_null(strstr(s, "scenario sc"));
	free(s);
}

static void test_pareto(void **state)
{
	char *s, *f;
	(void)state;
	/* (watts, tokens/s): (1,1) (2,3) (3,2) (4,5).  Sorted by watts, each
	** point beating every cheaper one on tokens/s is on the frontier:
	** (1,1), (2,3), (4,5); (3,2) is beaten by (2,3). */
	s = script_made("CREATE TABLE results(run_id INTEGER, power_watts REAL, "
	                "throughput_output_tokens_per_s REAL);"
	                "INSERT INTO results VALUES(1, 3, 2), (1, 1, 1), (1, 4, 5),"
	                "(1, 2, 3);", "pareto", RL_OK);
	f = strstr(s, "$f << EOD\n");
	assert_non_null(f);
	assert_true(!strncmp(f, "$f << EOD\n1 1\n2 3\n4 5\nEOD\n", 26));
	assert_non_null(strstr(s, "$p << EOD\n3 2\nEOD\n"));
	assert_non_null(strstr(s, "3 of 4 design points on the frontier"));
	/* the key under the graph, off the plot area: inside at the bottom
	** right it covered the dominated points, which gather there */
	assert_non_null(strstr(s, "set key below\nset bmargin 6\n"));
	assert_null(strstr(s, "set key bottom right"));
	assert_null(strstr(s, "set key top"));
	free(s);
}

/* A design breaking a physical constraint (silicon.violations > 0: a die
** past the reticle, stacks over the PHY area) cannot be built, so it is
** never on the frontier.  (watts, tokens/s, violations): (1,1,0) (2,3,4)
** (3,2,0) (4,5,1).  Of the buildable (1,1) and (3,2), by hand both are on
** the frontier ((3,2) makes more tokens/s than (1,1)); (2,3) and (4,5),
** which would have taken it (test_pareto's), are drawn apart in $v and
** counted in the title.  Where every point breaks one there is no
** frontier: exit 2, saying so. */
static void test_pareto_unbuildable(void **state)
{
	char *s, *f, *v;
	(void)state;
	s = script_made("CREATE TABLE results(run_id INTEGER, power_watts REAL, "
	                "throughput_output_tokens_per_s REAL, "
	                "silicon_violations REAL);"
	                "INSERT INTO results VALUES(1, 3, 2, 0), (1, 1, 1, 0), "
	                "(1, 4, 5, 1), (1, 2, 3, 4);", "pareto", RL_OK);
	f = strstr(s, "$f << EOD\n");
	assert_non_null(f);
	assert_true(!strncmp(f, "$f << EOD\n1 1\n3 2\nEOD\n", 22));
	assert_non_null(strstr(s, "$p << EOD\nEOD\n"));
	v = strstr(s, "$v << EOD\n");
	assert_non_null(v);
	assert_true(!strncmp(v, "$v << EOD\n", 10));
	assert_non_null(strstr(v, "\n2 3\n"));
	assert_non_null(strstr(v, "\n4 5\n"));
	assert_non_null(strstr(s, "2 of 2 design points on the frontier"));
	assert_non_null(strstr(s, "more breaking a physical constraint (silicon")); /* wrapped */
	assert_non_null(strstr(s, "title 'breaks a physical constraint'"));
	free(s);
	/* without a violation: no $v, nothing said (test_pareto's points) */
	s = script_made("CREATE TABLE results(run_id INTEGER, power_watts REAL, "
	                "throughput_output_tokens_per_s REAL, "
	                "silicon_violations REAL);"
	                "INSERT INTO results VALUES(1, 3, 2, 0), (1, 1, 1, 0), "
	                "(1, 4, 5, 0), (1, 2, 3, 0);", "pareto", RL_OK);
	assert_null(strstr(s, "$v << EOD"));
	assert_null(strstr(s, "physical constraint"));
	assert_non_null(strstr(s, "3 of 4 design points on the frontier"));
	free(s);
	s = script_made("CREATE TABLE results(run_id INTEGER, power_watts REAL, "
	                "throughput_output_tokens_per_s REAL, "
	                "silicon_violations REAL);"
	                "INSERT INTO results VALUES(1, 3, 2, 1), (1, 1, 1, 4);",
	                "pareto", RL_EINPUT);
	assert_non_null(strstr(s, "each of the 2 design points with both "
	                          "power_watts and throughput_output_tokens_per_s "
	                          "finite breaks a physical constraint"));
	free(s);
}

/* The longest line of the title in script s ("set title '...'" whose
** lines gp_quote joins with '."\n".'), in characters. */
static size_t title_widest(const char *s, int *lines)
{
	const char *t = strstr(s, "set title '"), *end, *p, *brk;
	size_t widest = 0, w;
	assert_non_null(t);
	t += strlen("set title '");
	end = strchr(t, '\n');
	assert_non_null(end);
	*lines = 0;
	for (p = t; p < end; p = brk + strlen("'.\"\\n\".'")) {
		brk = strstr(p, "'.\"\\n\".'");
		if (!brk || brk > end)
			brk = end - 1; /* the closing quote */
		w = (size_t)(brk - p);
		widest = w > widest ? w : widest;
		(*lines)++;
		if (brk == end - 1)
			break;
	}
	return widest;
}

/* A title line longer than the picture is wrapped at a blank: the Pareto
** plot of two long column names has a first line of 124 characters,
** "Pareto frontier: " (17) "throughput.output_tokens_per_s_per_chip
** (tokens/s)" (50) " against " (9) "cost.usd_per_million_tokens_at_cost
** (USD/Mtoken)" (48: its unit, USD per million tokens; "(USD)", 41,
** until 2026-11-30), and a second of 138, "sweep run 1: " (13) "3 of 4 design
** points on the frontier " (37) "(less " (6)
** "cost.usd_per_million_tokens_at_cost," (36) " more " (6)
** "throughput.output_tokens_per_s_per_chip)" (40), counted by hand, which a
** PNG cut at both ends; each wrapped at its last blank before 110
** characters is two lines, the title four.  A heatmap's two-line title
** keeps its top margin. */
static void test_title_wraps(void **state)
{
	char path[64], err[512];
	sqlite3 *db;
	char *s;
	int lines;
	(void)state;
	db = make_db(path, sizeof path,
	             "CREATE TABLE results(run_id INTEGER, design_frac_mac REAL, "
	             "design_frac_sram REAL, cost_usd_per_million_tokens_at_cost "
	             "REAL, throughput_output_tokens_per_s_per_chip REAL);"
	             "INSERT INTO results VALUES(1, 0.1, 0.1, 3, 2), "
	             "(1, 0.1, 0.2, 1, 1), (1, 0.2, 0.1, 4, 5), "
	             "(1, 0.2, 0.2, 2, 3);");
	s = script_axes(db, path, "pareto", "cost.usd_per_million_tokens_at_cost",
	                "throughput.output_tokens_per_s_per_chip", NULL, RL_OK,
	                err, sizeof err);
	assert_true(title_widest(s, &lines) <= PLOT_TITLE_COLS_TEST);
	assert_int_equal(lines, 4);
	/* the axis says per million tokens, not "USD" alone */
	assert_non_null(strstr(s, "cost.usd_per_million_tokens_at_cost "
	                          "(USD/Mtoken)"));
	/* nothing lost: the words either side of the break */
	assert_non_null(strstr(s, "(less cost.usd_per_million_tokens_at_cost, "
	                          "more'.\"\\n\".'"
	                          "throughput.output_tokens_per_s_per_chip)"));
	free(s);
	/* the heatmap of the same rows: "...over the other swept parameters"
	** is not said (one row a cell); a two-line title keeps its 5 lines
	** of top margin */
	s = script_axes(db, path, "heatmap", "design.frac_mac",
	                "design.frac_sram", "cost.usd_per_million_tokens_at_cost",
	                RL_OK, err, sizeof err);
	assert_true(title_widest(s, &lines) <= PLOT_TITLE_COLS_TEST);
	assert_non_null(strstr(s, "set tmargin 5\n"));
	free(s);
	drop_db(db, path);
}

/* A column a sweep's plot is given that the results lack: the message
** names the file and the option, and why: a typo is offered the nearest
** column (design_frac_mak is 1 edit from design_frac_mac), an output or a
** parameter the model knows is said not to be stored and how to store it
** (it read "the sweep results have no column 'X' (columns: ...)"). */
static void test_missing_column(void **state)
{
	char path[64], err[2048], want[256];
	sqlite3 *db;
	(void)state;
	db = make_db(path, sizeof path,
	             "CREATE TABLE results(run_id INTEGER, design_frac_mac REAL, "
	             "design_frac_sram REAL, throughput_output_tokens_per_s REAL);"
	             "INSERT INTO results VALUES(1, 0.1, 0.1, 3), "
	             "(1, 0.1, 0.2, 1), (1, 0.2, 0.1, 4), (1, 0.2, 0.2, 2);");
	assert_null(script_axes(db, path, "heatmap", "design.frac_mak", NULL,
	                        NULL, RL_EINPUT, err, sizeof err));
	snprintf(want, sizeof want, "%s: --x 'design.frac_mak': the sweep "
	         "results have no column design_frac_mak; did you mean "
	         "design_frac_mac? (columns: ", path);
	assert_true(!strncmp(err, want, strlen(want)));
	assert_null(script_axes(db, path, "heatmap", NULL, NULL,
	                        "power.clock_scale", RL_EINPUT, err, sizeof err));
	assert_non_null(strstr(err, "--z 'power.clock_scale': the sweep results "
	                            "have no column power_clock_scale: an "
	                            "output its spec did not keep (add it to "
	                            "[outputs] keep"));
	assert_null(script_axes(db, path, "pareto",
	                        "throughput.output_tokens_per_s", "chip.hbm_tbps",
	                        NULL, RL_EINPUT, err, sizeof err));
	assert_non_null(strstr(err, "--y 'chip.hbm_tbps': the sweep results "
	                            "have no column chip_hbm_tbps: a parameter "
	                            "its spec does not sweep"));
	drop_db(db, path);
}

/* A sample's heatmap (random or Sobol: nearly every point its own x and
** y) is binned, where a cell a point left specks on a blank picture: x = y
** = 0.01 i for i = 0..99 with z = i is 100 values an axis (more than 60)
** whose 100 pairs fill 1% of the 100 x 100 grid (less than half), so both
** axes are binned into 40 cells of width 0.99 / 40 = 0.02475 from 0: point
** i falls in cell floor(40 i / 99), the diagonal's 40 cells (i = 2, 4.95
** edges: cell 0 holds i = 0, 1, 2), each the most z of its points (z is
** no output: better more), cell 0's 2 at its centre 0.012375. */
static void test_heatmap_bins_sample(void **state)
{
	char *s = script_made("CREATE TABLE results(run_id INTEGER, "
	                      "design_frac_mac REAL, design_frac_sram REAL, "
	                      "speedup_total_tokens REAL);"
	                      "WITH RECURSIVE n(i) AS (VALUES(0) UNION ALL "
	                      "SELECT i + 1 FROM n WHERE i < 99) INSERT INTO "
	                      "results SELECT 1, 0.01 * i, 0.01 * i, i FROM n;",
	                      "heatmap", RL_OK);
	const char *d, *end, *p;
	char *q;
	long cells = 0;
	(void)state;
	d = strstr(s, "$d << EOD\n");
	assert_non_null(d);
	d += strlen("$d << EOD\n");
	end = strstr(d, "EOD\n");
	assert_non_null(end);
	for (p = d; p < end; p = strchr(p, '\n') + 1)
		cells++;
	assert_int_equal(cells, 40);
	assert_true(!strncmp(d, "0.012375 0.012375 ", 18));
	p = strchr(d, '\n');
	assert_true(!strncmp(p - 2, " 2\n", 3));
	/* the title's words, its line breaks (plot_labels) read as blanks */
	for (q = strstr(s, "'.\"\\n\".'"); q; q = strstr(q, "'.\"\\n\".'")) {
		*q = ' ';
		memmove(q + 1, q + 8, strlen(q + 8) + 1);
	}
	assert_non_null(strstr(s, "x and y binned into 40 cells each (100 and "
	                          "100 distinct values: a sample), a cell the "
	                          "most of the points in it"));
	free(s);
}

/* The Pareto plot's axes: a swept parameter's by the heatmap's rule
** (plots/axislog.c), an output's where it spans 20x or more. */
static void test_pareto_log_axes(void **state)
{
	char path[64], err[512];
	sqlite3 *db;
	char *s;
	(void)state;
	/* frac_mac 0.02:0.58:0.04 (15 values, 29x, evenly spaced: linear,
	** where 29x >= 20 made it log before); tokens/s 100 x frac: an
	** output spanning 29x, log; power 10 + 100 x frac: 12 to 68 W, 5.7x,
	** linear */
	db = make_db(path, sizeof path,
	             "CREATE TABLE results(run_id INTEGER, design_frac_mac REAL, "
	             "power_watts REAL, throughput_output_tokens_per_s REAL);"
	             "WITH RECURSIVE f(v) AS (VALUES(0.02) UNION ALL SELECT v + "
	             "0.04 FROM f WHERE v < 0.57) INSERT INTO results SELECT 1, "
	             "v, 10 + 100 * v, 100 * v FROM f;");
	s = script_axes(db, path, "pareto", "design.frac_mac", NULL, NULL,
	                RL_OK, err, sizeof err);
	assert_null(strstr(s, "set logscale x"));
	assert_non_null(strstr(s, "set logscale y\n"));
	free(s);
	/* the default cost axis, power_watts: 5.7x, linear */
	s = script_axes(db, path, "pareto", NULL, NULL, NULL, RL_OK, err,
	                sizeof err);
	assert_null(strstr(s, "set logscale x"));
	assert_non_null(strstr(s, "set logscale y\n"));
	free(s);
	drop_db(db, path);
	/* a swept parameter 1, 2, 4, 8 (8x, doubling: log-spaced) is log */
	db = make_db(path, sizeof path,
	             "CREATE TABLE results(run_id INTEGER, chip_hbm_tbps REAL, "
	             "power_watts REAL, throughput_output_tokens_per_s REAL);"
	             "INSERT INTO results VALUES(1, 1, 100, 10), (1, 2, 110, 20),"
	             "(1, 4, 120, 30), (1, 8, 130, 40);");
	s = script_axes(db, path, "pareto", "chip.hbm_tbps", NULL, NULL, RL_OK,
	                err, sizeof err);
	assert_non_null(strstr(s, "set logscale x\n"));
	assert_null(strstr(s, "set logscale y"));
	free(s);
	drop_db(db, path);
}

static void test_heatmap_cells(void **state)
{
	char path[64], err[512];
	sqlite3 *db;
	char *s;
	(void)state;
	/* tp 2, 4, 6, 8 (evenly spaced: a linear axis) against batch 1, 10,
	** 100 (log-spaced: a log axis); z = tp * batch.  Each value gets its
	** own cell: tp 8's spans from the midpoint with 6 (7) to 8 + (8 - 7)
	** = 9; batch 10's from sqrt(1 * 10) = 3.16227766 to sqrt(10 * 100) =
	** 31.6227766.  So the tp = 8 column is there with z = 80. */
	db = make_db(path, sizeof path,
	             "CREATE TABLE results(run_id INTEGER, scenario_tp REAL, "
	             "scenario_batch REAL, throughput_output_tokens_per_s REAL);"
	             "WITH t(v) AS (VALUES(2),(4),(6),(8)), b(w) AS (VALUES(1),"
	             "(10),(100)) INSERT INTO results SELECT 1, v, w, v * w FROM "
	             "t, b;");
	s = script_axes(db, path, "heatmap", "scenario.tp", "scenario.batch",
	                "throughput.output_tokens_per_s", RL_OK, err, sizeof err);
	assert_non_null(strstr(s, "\n8 10 7 9 3.16227766 31.6227766 80\n"));
	/* 4 x 3 cells, one line each in $d: tp 2's from 2 - (4 - 2) / 2 = 1
	** to 3, batch 1's from 1 x sqrt(1 / 10) = 0.316227766 to 3.16227766 */
	assert_non_null(strstr(s, "\n2 1 1 3 0.316227766 3.16227766 2\n"));
	assert_null(strstr(s, "pm3d"));
	/* labelled tics at each swept value; log only on the batch axis */
	assert_non_null(strstr(s, "set xtics (2, 4, 6, 8)\n"));
	assert_non_null(strstr(s, "set ytics (1, 10, 100)\n"));
	assert_non_null(strstr(s, "set logscale y\n"));
	assert_null(strstr(s, "set logscale x"));
	free(s);
	drop_db(db, path);
}

/* The violations themselves as an axis (--x silicon.violations, as the
** heatmap's --z silicon.violations): nothing is left out, where the
** buildable filter put every design with a violation apart and drew a
** frontier of the buildable alone.  test_pareto_unbuildable's points as
** (violations, tokens/s): (0,2) (0,1) (1,5) (4,3).  By hand, fewer
** violations and more tokens/s: (0,2), then (1,5) (5 > 2); (0,1) and
** (4,3) dominated: 2 of 4 on the frontier, none drawn apart. */
static void test_pareto_violations_axis(void **state)
{
	char path[64], err[512];
	char *s, *f;
	sqlite3 *db;
	(void)state;
	db = make_db(path, sizeof path,
	             "CREATE TABLE results(run_id INTEGER, power_watts REAL, "
	             "throughput_output_tokens_per_s REAL, "
	             "silicon_violations REAL);"
	             "INSERT INTO results VALUES(1, 3, 2, 0), (1, 1, 1, 0), "
	             "(1, 4, 5, 1), (1, 2, 3, 4);");
	s = script_axes(db, path, "pareto", "silicon.violations", NULL, NULL,
	                RL_OK, err, sizeof err);
	f = strstr(s, "$f << EOD\n");
	assert_non_null(f);
	assert_true(!strncmp(f, "$f << EOD\n0 2\n1 5\nEOD\n", 22));
	assert_non_null(strstr(s, "2 of 4 design points on the frontier"));
	assert_null(strstr(s, "$v << EOD"));
	assert_null(strstr(s, "more breaking a physical"));
	free(s);
	drop_db(db, path);
}

/* A heatmap cell's best over the parameters it does not draw leaves out
** the designs that cannot be built (silicon.violations > 0).  test_heatmap
** _cells's tp 2, 4, 6, 8 by batch 1, 10, 100, each at frac_mac 0.1 (z =
** tp x batch) and 0.2 (z = 2 x tp x batch; the most is the best of a
** throughput).  The frac_mac 0.2 designs of tp 8 break a constraint, so
** tp 8's cells are tp x batch: (8, 10) is 80, not 160; (4, 10) keeps 2 x
** 40 = 80.  Both designs of (2, 1) break one: that cell is blank (no line
** in $d), its values still on the axes.  5 points left out (3 + 2),
** said in the title.  z the violations themselves: nothing left out. */
static void test_heatmap_unbuildable(void **state)
{
	char path[64], err[1024];
	sqlite3 *db;
	char *s, *d, *g;
	(void)state;
	db = make_db(path, sizeof path,
	             "CREATE TABLE results(run_id INTEGER, scenario_tp REAL, "
	             "scenario_batch REAL, design_frac_mac REAL, "
	             "throughput_output_tokens_per_s REAL, "
	             "silicon_violations REAL);"
	             "WITH t(v) AS (VALUES(2),(4),(6),(8)), b(w) AS (VALUES(1),"
	             "(10),(100)), f(m) AS (VALUES(1),(2)) INSERT INTO results "
	             "SELECT 1, v, w, m / 10.0, m * v * w, (v = 8 AND m = 2) OR "
	             "(v = 2 AND w = 1) FROM t, b, f;");
	s = script_axes(db, path, "heatmap", "scenario.tp", "scenario.batch",
	                "throughput.output_tokens_per_s", RL_OK, err, sizeof err);
	d = strstr(s, "$d << EOD\n");
	g = strstr(s, "$g << EOD\n");
	assert_non_null(d);
	assert_non_null(g);
	*g = '\0'; /* $d alone */
	assert_non_null(strstr(d, "\n8 10 7 9 3.16227766 31.6227766 80\n"));
	assert_non_null(strstr(d, "\n4 10 3 5 3.16227766 31.6227766 80\n"));
	assert_null(strstr(d, "\n2 1 "));
	assert_non_null(strstr(d, "\n2 10 "));
	*g = '$';
	assert_non_null(strstr(s, "set xtics (2, 4, 6, 8)\n"));
	assert_non_null(strstr(s, "set ytics (1, 10, 100)\n"));
	assert_non_null(strstr(s, "; 5 breaking a"));
	assert_non_null(strstr(s, "blank where a cell has no other"));
	/* the parameter a cell's best is taken over, named (ux21): the
	** table sweeps design_frac_mac beside the two axes */
	assert_non_null(strstr(s, "the most over the other swept parameters "
	                          "(design.frac_mac)"));
	free(s);
	/* the violations drawn, none left out: the least of each cell (a
	** violation is better less), 0 at (8, 10) and 1 at (2, 1), whose
	** designs both break one */
	s = script_axes(db, path, "heatmap", "scenario.tp", "scenario.batch",
	                "silicon.violations", RL_OK, err, sizeof err);
	assert_non_null(strstr(s, "\n8 10 7 9 3.16227766 31.6227766 0\n"));
	assert_non_null(strstr(s, "\n2 1 1 3 0.316227766 3.16227766 1\n"));
	assert_null(strstr(s, "breaking a physical"));
	free(s);
	/* no design can be built: no cell has a best, exit 2 saying why */
	drop_db(db, path);
	db = make_db(path, sizeof path,
	             "CREATE TABLE results(run_id INTEGER, scenario_tp REAL, "
	             "scenario_batch REAL, design_frac_mac REAL, "
	             "throughput_output_tokens_per_s REAL, "
	             "silicon_violations REAL);"
	             "WITH t(v) AS (VALUES(2),(4),(6),(8)), b(w) AS (VALUES(1),"
	             "(10),(100)), f(m) AS (VALUES(1),(2)) INSERT INTO results "
	             "SELECT 1, v, w, m / 10.0, m * v * w, 3 FROM t, b, f;");
	s = script_axes(db, path, "heatmap", "scenario.tp", "scenario.batch",
	                "throughput.output_tokens_per_s", RL_EINPUT, err,
	                sizeof err);
	assert_non_null(strstr(err, "no design point of the sweep that breaks "
	                            "no physical constraint has a value of "
	                            "throughput.output_tokens_per_s"));
	assert_non_null(strstr(err, "(24 break one"));
	assert_null(s);
	drop_db(db, path);
}

/* The heatmap script of a sweep of frac_mac (x) by hbm_tbps (y), both
** swept at the values given, the run's spec (runs.spec, run_columns)
** giving their [axes] lines when spec is not NULL. */
static char *axes_script(const char *xs, const char *ys, const char *spec)
{
	char sql[2048], path[64], err[512];
	sqlite3 *db;
	char *s;
	snprintf(sql, sizeof sql,
	         "CREATE TABLE results(run_id INTEGER, design_frac_mac REAL, "
	         "chip_hbm_tbps REAL, speedup_total_tokens REAL);"
	         "WITH x(v) AS (VALUES%s), y(w) AS (VALUES%s) INSERT INTO "
	         "results SELECT 1, v, w, v + w FROM x, y;"
	         "CREATE TABLE runs(id INTEGER PRIMARY KEY, spec TEXT);"
	         "CREATE TABLE run_columns(run_id INTEGER, ord INTEGER, name "
	         "TEXT, source TEXT, dotted TEXT, unit TEXT);"
	         "INSERT INTO run_columns VALUES(1, 0, 'design_frac_mac', "
	         "'axis', 'design.frac_mac', ''), (1, 1, 'chip_hbm_tbps', "
	         "'axis', 'chip.hbm_tbps', 'TB/s');"
	         "INSERT INTO runs SELECT 1, '%s' WHERE %d;",
	         xs, ys, spec ? spec : "", spec != NULL);
	db = make_db(path, sizeof path, sql);
	s = script_axes(db, path, "heatmap", "design.frac_mac", "chip.hbm_tbps",
	                NULL, RL_OK, err, sizeof err);
	drop_db(db, path);
	return s;
}

/* An output's axis title: its description up to its parenthesis (the
** table's "(n/a where ...)" stays there), its SI unit, the output's name
** (model/outputs.c's rows, by hand); no "speedup: " before it, which only
** a speedup column's description takes. */
static void test_column_title_output(void **state)
{
	char b[320];
	(void)state;
	plot_column_title("power_watts", b, sizeof b);
	assert_string_equal(b, "power one chip draws on this workload, averaged "
	                       "over time, W (power.watts)");
	plot_column_title("throughput_output_tokens_per_s", b, sizeof b);
	assert_string_equal(b, "output tokens per second, whole system, "
	                       "tokens/s (throughput.output_tokens_per_s)");
	/* a parameter whose description is a paragraph (model/params.c's
	** profile.allreduce_half_link_gbps, 200 characters and more up to its
	** parenthesis): its name and unit as plot_column_label writes them,
	** where the axis read 240 characters cut mid-sentence ("so the ramp
	** costs the , GB/s (...)"), past the picture's edge */
	plot_column_title("profile_allreduce_half_link_gbps", b, sizeof b);
	assert_string_equal(b, "profile.allreduce_half_link_gbps (GB/s)");
	/* a title over 90 characters (96 here), too long for the picture's
	** 800-pixel side: the name alone (no unit) */
	plot_column_title("profile_logits_rows", b, sizeof b);
	assert_string_equal(b, "profile.logits_rows");
	/* the output speedup's column (mutation tests: only the total's was
	** drawn): sweeps/README.md's "output tokens/s over the [baseline]'s" */
	plot_column_title("speedup_output_tokens", b, sizeof b);
	assert_string_equal(b, "speedup: output tokens/s over the [baseline]'s, "
	                       "x (speedup_output_tokens)");
}

/* A log axis where the spec gave a log range or the values are
** log-spaced, not wherever they span 20x (plots/axislog.c). */
static void test_heatmap_log_axes(void **state)
{
	char *s;
	(void)state;
	/* sohu-mac-vs-sram.ini's frac_mac 0.02:0.58:0.04 spans 29x but is
	** linear: 15 values, a linear x axis (its spec says so, and without
	** one its steps are even: 0.04 each, their logarithms not); hbm 1,
	** 2, 4, 8 doubles each step: log-spaced, a log y axis */
	s = axes_script("(0.02),(0.06),(0.1),(0.14),(0.18),(0.22),(0.26),"
	                "(0.3),(0.34),(0.38),(0.42),(0.46),(0.5),(0.54),(0.58)",
	                "(1),(2),(4),(8)", NULL);
	assert_null(strstr(s, "set logscale x"));
	assert_non_null(strstr(s, "set logscale y\n"));
	/* the linear x cells: 0.58's from 0.56 to 0.6 */
	assert_non_null(strstr(s, "\n0.58 8 0.56 0.6 "));
	/* the axes titled in the claim's words for the levers (claim/words.c's
	** table), the unit after a comma, the column's name in parentheses;
	** the speedup by the sweep export's description of it (sweeps/
	** export.c), x its unit; the title keeps the dotted names */
	assert_non_null(strstr(s, "set xlabel 'share of the die in MAC arrays "
	                          "(design.frac_mac)'"));
	assert_non_null(strstr(s, "set ylabel 'HBM bandwidth per chip, TB/s "
	                          "(chip.hbm_tbps)'"));
	assert_non_null(strstr(s, "set cblabel 'speedup: input + output "
	                          "tokens/s over the [baseline]''s, x "
	                          "(speedup_total_tokens)'"));
	assert_non_null(strstr(s, "over design.frac_mac and chip.hbm_tbps"));
	free(s);
	s = axes_script("(0.02),(0.06),(0.1),(0.14),(0.18),(0.22),(0.26),"
	                "(0.3),(0.34),(0.38),(0.42),(0.46),(0.5),(0.54),(0.58)",
	                "(1),(2),(4),(8)",
	                "[axes]\ndesign.frac_mac = 0.02:0.58:0.04\n"
	                "chip.hbm_tbps = 1:8:4 log\n");
	assert_null(strstr(s, "set logscale x"));
	assert_non_null(strstr(s, "set logscale y\n"));
	free(s);
	/* what the spec says wins over the values: hbm 1, 50, 100 sampled
	** from a log range (steps 49 and 50 in themselves, ln 50 = 3.91 and
	** ln 2 = 0.69 in logarithms: linear by its values alone) is a log
	** axis; frac 0.1, 0.2, 0.4 sampled from a linear range (doubling:
	** log-spaced by its values) a linear one */
	s = axes_script("(0.1),(0.2),(0.4)", "(1),(50),(100)",
	                "[axes]\ndesign.frac_mac = 0.1:0.4:0.1\n"
	                "chip.hbm_tbps = 1:100:3 log\n");
	assert_null(strstr(s, "set logscale x"));
	assert_non_null(strstr(s, "set logscale y\n"));
	free(s);
	s = axes_script("(0.1),(0.2),(0.4)", "(1),(50),(100)", NULL);
	assert_non_null(strstr(s, "set logscale x\n"));
	assert_null(strstr(s, "set logscale y"));
	free(s);
	/* two values are both linear and log-spaced: linear, unless the spec
	** says log */
	s = axes_script("(0.01),(0.5)", "(1),(100)", NULL);
	assert_null(strstr(s, "set logscale"));
	free(s);
}

/* A claim run's target of 1234567.5x in all its digits, as the claim's
** text and the report write it (claim_target_text), where %g wrote
** 1.23457e+06x: the factor, tornado and distribution plots' 'claimed' line
** labels and the distribution's P(>= ...) title. */
#define CLAIM_RUN_BIG_TARGET \
	"INSERT INTO claim_runs VALUES(1, 'now', 'v', 'g', 'A', 'B', 'sc', " \
	"1234567.5, 4, 4, '{}');"

static void test_target_digits(void **state)
{
	char path[64];
	sqlite3 *db;
	char *s;
	(void)state;
	s = script_made(CLAIM_RUN_BIG_TARGET
	                "INSERT INTO claim_factors VALUES(1, 1, 'f1', 2),"
	                "(1, 2, 'f2', 0.5), (1, 3, 'f3', 4);",
	                "factors", RL_OK);
	assert_non_null(strstr(s, "set label 1 'claimed 1234567.5x'"));
	assert_null(strstr(s, "1.23457e+06"));
	free(s);
	s = script_made(CLAIM_RUN_BIG_TARGET
	                "INSERT INTO claim_tornado VALUES(1, 'moves', 1, 2, 3, 6);",
	                "tornado", RL_OK);
	assert_non_null(strstr(s, "set label 2 'claimed 1234567.5x'"));
	assert_null(strstr(s, "1.23457e+06"));
	free(s);
	db = make_db_samples(path, sizeof path, CLAIM_RUN_BIG_TARGET);
	s = script_of(db, "distribution", path, RL_OK);
	assert_non_null(strstr(s, "P(>= 1234567.5x) = "));
	assert_non_null(strstr(s, "set label 1 'claimed 1234567.5x'"));
	assert_null(strstr(s, "1.23457e+06"));
	free(s);
	drop_db(db, path);
}

static void test_tornado_hides_flat_rows(void **state)
{
	char *s;
	(void)state;
	/* nominal 4: 'moves' gives 3 .. 6, 'flat' 3.999 .. 4.001 (both print
	** as 4 with three digits): only 'moves' gets a row */
	s = script_made(CLAIM_RUN_1
	                "INSERT INTO claim_tornado VALUES(1, 'moves', 1, 2, 3, 6),"
	                "(1, 'flat', 1, 2, 3.999, 4.001);", "tornado", RL_OK);
	assert_non_null(strstr(s, "'moves (1 .. 2)' 1)"));
	assert_null(strstr(s, "flat ("));
	/* the speedup at the stated values to two decimals as the claim's
	** text and the distribution's title print a speedup (4.00x, where
	** %.3g wrote 4x), in the text's words (small48: not "nominal") */
	assert_non_null(strstr(s, "1 parameter that leaves it at 4.00x not "
	                          "shown"));
	assert_non_null(strstr(s, "at the stated values 4.00x"));
	assert_null(strstr(s, "nominal"));
	free(s);
}

/* At a nominal of 17.5 a row from 17.48 to 17.53 moves the speedup as
** the claim's text and the report print it (two decimals: they list it),
** so the plot draws it, where its three digits hid it as "leaving it at
** 17.5x"; one from 17.498 to 17.503 leaves it at 17.50x either way. */
static void test_tornado_flat_two_decimals(void **state)
{
	char *s;
	(void)state;
	s = script_made("INSERT INTO claim_runs VALUES(1, 'now', 'v', 'g', "
	                "'A', 'B', 'sc', 20, 17.5, 17.5, '{}');"
	                "INSERT INTO claim_tornado VALUES(1, 'small', 1, 2, "
	                "17.48, 17.53), (1, 'flat', 1, 2, 17.498, 17.503);",
	                "tornado", RL_OK);
	assert_non_null(strstr(s, "'small (1 .. 2)' 1)"));
	assert_null(strstr(s, "flat ("));
	assert_non_null(strstr(s, "1 parameter that leaves it at 17.50x not "
	                          "shown"));
	free(s);
}

static void test_roofline_links(void **state)
{
	char *s;
	(void)state;
	/* side a: decode at 100 FLOP/byte, 50 TFLOP/s; 1000 FLOP per link
	** byte over 400 GB/s links: a link roof of 400e9 x 1000 = 400 TFLOP/s
	** from 100 / 2.5 = 40 to 100 x 2.5 = 250.  Sides b and c coincide
	** (same roof, same points): one label names both, c's roof dashed */
	s = script_made(CLAIM_RUN_1
	                "INSERT INTO claim_roofline VALUES"
	                "(1, 'a', 'A', 1e15, 3e12, NULL, NULL, 100, 50e12, 400e9, "
	                "NULL, 1000),"
	                "(1, 'b', 'B', 4e15, 5e12, NULL, NULL, 150, 600e12, NULL, "
	                "NULL, NULL),"
	                "(1, 'c', 'C', 4e15, 5e12, NULL, NULL, 150, 600e12, NULL, "
	                "NULL, NULL);", "roofline", RL_OK);
	assert_non_null(strstr(s, "$l0 << EOD\n40 400\n250 400\nEOD\n"));
	/* the figure by eval's rule (model/figtext.c: a whole number whole,
	** 600, where small52's one decimal from 100 wrote 600.0); the roofs'
	** key the peak and the bandwidth by the same rule: 1000 TFLOP/s and
	** 3 TB/s, 4000 and 5; a's link bandwidth 400 GB/s */
	assert_non_null(strstr(s, "'B = C decode: 600 TFLOP/s'"));
	assert_non_null(strstr(s, "'A roof (1000 TFLOP/s, 3 TB/s)'"));
	assert_non_null(strstr(s, "'B roof (4000 TFLOP/s, 5 TB/s)'"));
	assert_non_null(strstr(s, "'A link bandwidth roof per phase (400 GB/s x "
	                          "FLOP per link byte)'"));
	assert_null(strstr(s, "'C decode"));
	assert_non_null(strstr(s, "roof2(x) with lines lw 1.5 dt (6,4)"));
	assert_non_null(strstr(s, "roof1(x) with lines lw 4.2 dt 1"));
	/* the key under the graph, over no roof: six entries (three roofs,
	** a's link bar; b and c draw none; the two marker shapes), 1.3 lines
	** each and 5 for the x tics and label: ceil(7.8) + 5 = 13 */
	assert_non_null(strstr(s, "set key at screen 0.97, screen 0.01 right "
	                          "bottom vertical nobox\nset bmargin 13\n"));
	assert_null(strstr(s, "set key top left"));
	free(s);
}

/* A label placed clear of its side's roof: a's prefill point at 20
** FLOP/byte sits just under its roof (3 TB/s x 20 = 60 TFLOP/s, the
** point 55), where the first spot, right of the point on its line, lies
** across the sloped roof.  The x axis runs 1 .. 10^4 FLOP/byte (20 and the
** ridge 1e15 / 3e12 = 333 a decade further each way), y 1 .. 10^4 TFLOP/s
** (the roof's 3 at 1 FLOP/byte, the peak 1000 with half a decade over):
** in graph fractions the roof is y = min(x + log10(3) / 4, 3 / 4) and the
** point (0.325, 0.435).  The label's box, 21 characters of at most 0.01
** (the dumb terminal's) and a line of 0.032 x 1.4, must stay off it. */
static void test_roofline_clear_of_roof(void **state)
{
	const char *lab = "'A prefill: 55 TFLOP/s' at graph ";
	char *s, *p, just[8];
	double gx, gy, x0;
	int k;
	(void)state;
	s = script_made(CLAIM_RUN_1
	                "INSERT INTO claim_roofline VALUES"
	                "(1, 'a', 'A', 1e15, 3e12, 20, 55e12, 100, 50e12, NULL, "
	                "NULL, NULL);", "roofline", RL_OK);
	assert_non_null(strstr(s, "set xrange [1:10000]\nset yrange [1:10000]"));
	p = strstr(s, lab);
	assert_non_null(p);
	assert_int_equal(sscanf(p + strlen(lab), "%lf, %lf %7s", &gx, &gy,
	                        just), 3);
	/* "right": the box ends at gx */
	x0 = strcmp(just, "right") ? gx : gx - 0.21;
	for (k = 0; k <= 21; k++) {
		double x = x0 + 0.01 * k, roof = x + log10(3) / 4;
		roof = roof < 0.75 ? roof : 0.75;
		assert_true(fabs(roof - gy) > 0.032 * 1.4 / 2);
	}
	free(s);
}

/* A crowd of mapping labels at one intensity, each 1.4x the one below
** (a 0.049 step of the 10 .. 10^4 axis, about a label's line of 0.045):
** labels move off their points' lines, each such with a dotted leader back
** to its point; a leader's end is at the crowd's intensity (100 FLOP/byte
** on an axis from 10 to 10^4, a decade past the point and the ridge 333:
** graph x 1/3).  Labels go on both sides, a label left of the point
** right-justified so that it ends the gap (0.012) short of it, one right
** of it left-justified the gap past it. */
static void test_roofline_leaders(void **state)
{
	char *s, *p;
	int arrows = 0, rights = 0, lefts = 0;
	(void)state;
	s = script_made(CLAIM_RUN_1
	                "INSERT INTO claim_roofline VALUES"
	                "(1, 'a', 'A', 1e15, 3e12, NULL, NULL, 100, 50e12, NULL, "
	                "NULL, NULL);"
	                "INSERT INTO claim_roofline_maps VALUES"
	                "(1, 'a', 8, 1, 1, 1, NULL, NULL, 100, 50e12),"
	                "(1, 'a', 4, 1, 2, 1, NULL, NULL, 100, 70e12),"
	                "(1, 'a', 2, 1, 4, 1, NULL, NULL, 100, 98e12),"
	                "(1, 'a', 1, 1, 8, 1, NULL, NULL, 100, 137e12),"
	                "(1, 'a', 2, 2, 2, 1, NULL, NULL, 100, 192e12);",
	                "roofline", RL_OK);
	for (p = s; (p = strstr(p, "set label ")) != NULL; p++) {
		double x, y;
		char just[8];
		const char *at = strstr(p, "' at graph ");
		assert_non_null(at);
		assert_int_equal(sscanf(at, "' at graph %lf, %lf %7s", &x, &y, just),
		                 3);
		if (!strcmp(just, "right")) {
			assert_true(fabs(x - (1.0 / 3 - 0.012)) < 1e-3);
			rights++;
		} else {
			assert_string_equal(just, "left");
			assert_true(fabs(x - (1.0 / 3 + 0.012)) < 1e-3);
			lefts++;
		}
	}
	assert_true(rights > 0 && lefts > 0);
	for (p = s; (p = strstr(p, "set arrow ")) != NULL; p++) {
		double x0, y0, x1, y1;
		if (!strstr(p, "nohead lw 0.8 dt 3"))
			break;
		assert_int_equal(sscanf(strstr(p, "from graph "), "from graph %lf, "
		                        "%lf to graph %lf, %lf", &x0, &y0, &x1, &y1),
		                 4);
		assert_true(fabs(x1 - 1.0 / 3) < 1e-3);
		arrows++;
	}
	assert_true(arrows > 0);
	free(s);
}

static void test_roofline_maps(void **state)
{
	char *s;
	(void)state;
	/* side a's mappings: TP8 decode at (100 FLOP/byte, 50 TFLOP/s), TP2 x
	** DP4 at (110, 60) within 30% of it (60 <= 1.3 x 50 = 65): one label
	** "TP8, TP2 DP4" at the lower point; DP8 at (60, 100) a label of its
	** own; prefill points open circles (pt 6), decode open squares (pt 4);
	** a side without a roofline row is left out */
	s = script_made(CLAIM_RUN_1
	                "INSERT INTO claim_roofline VALUES"
	                "(1, 'a', 'A', 1e15, 3e12, NULL, NULL, 100, 50e12, NULL, "
	                "NULL, NULL);"
	                "INSERT INTO claim_roofline_maps VALUES"
	                "(1, 'a', 8, 1, 1, 1, 500, 300e12, 100, 50e12),"
	                "(1, 'a', 2, 1, 4, 1, NULL, NULL, 110, 60e12),"
	                "(1, 'a', 1, 1, 8, 1, NULL, NULL, 60, 100e12),"
	                "(1, 'zz', 1, 1, 8, 1, NULL, NULL, 70, 90e12);",
	                "roofline", RL_OK);
	/* in the order of the table's key: tp, pp, dp */
	assert_non_null(strstr(s, "$m0 << EOD\n60 100 4\n110 60 4\n500 300 6\n"
	                          "100 50 4\nEOD\n"));
	/* placed in graph fractions (labels.c), the mappings' font smaller */
	assert_non_null(strstr(s, "'TP8, TP2 DP4' at graph "));
	assert_non_null(strstr(s, "'DP8' at graph "));
	assert_non_null(strstr(s, "left font ',9' tc rgb"));
	assert_null(strstr(s, "70 90"));
	assert_non_null(strstr(s, "decode at each mapping that fits"));
	free(s);
	/* the mappings as a view whose dp overflows in one row (a damaged
	** page fails the same way; the sort reads every row, so the first step
	** fails): the plot fails naming why, where it drew the roofline as if
	** the run had no mappings */
	expect_unread(CLAIM_RUN_1
	              "INSERT INTO claim_roofline VALUES"
	              "(1, 'a', 'A', 1e15, 3e12, NULL, NULL, 100, 50e12, NULL, "
	              "NULL, NULL);"
	              "CREATE TABLE m0(run_id, side, tp, pp, dp, ep, pi, pf, di, "
	              "df);"
	              "INSERT INTO m0 VALUES"
	              "(1, 'a', 8, 1, 1, 1, 500, 300e12, 100, 50e12),"
	              "(1, 'a', 2, 1, 4, 1, NULL, NULL, 110, 60e12),"
	              "(1, 'a', 1, 1, 8, 1, NULL, NULL, 60, 100e12);"
	              "DROP TABLE claim_roofline_maps;"
	              "CREATE VIEW claim_roofline_maps AS SELECT run_id, side, tp, "
	              "pp, CASE WHEN dp = 8 THEN abs(-9223372036854775807 - 1) "
	              "ELSE dp END AS dp, ep, pi AS prefill_intensity, "
	              "pf AS prefill_flops, di AS decode_intensity, "
	              "df AS decode_flops FROM m0;",
	              "roofline", NULL, NULL, "integer overflow");
}

/* The validation plot's headline is validate's text's: "in sample and
** held out" (it said "all modelled rows", which the out-of-sample row is
** one of too), the out-of-sample rows apart, from the
** rows' errors, not the run's stored figure (0.08 / 0.19 over 5 here, as
** one over every set).  In sample 0.01, -0.03, 0.05 and held out 0.2:
** |error| sorted 0.01, 0.03, 0.05, 0.2, the median at position 1.5 is
** 0.04, the 90th percentile at 2.7 0.05 + 0.7 x 0.15 = 0.155; one
** out-of-sample row at -0.5. */
static void test_validation_headline(void **state)
{
	char *s;
	(void)state;
	s = script_made("INSERT INTO validation_runs VALUES(1, "
	                "'2026-11-22T00:00:00Z', 'versions.csv', 0.08, 0.19, 5);"
	                "INSERT INTO validation(run_id, id, chip, measured, "
	                "modeled, error, in_calibration, out_of_sample) VALUES"
	                "(1, 'a', 'h100-sxm', 100, 101, 0.01, 1, 0),"
	                "(1, 'b', 'h100-sxm', 100, 97, -0.03, 1, 0),"
	                "(1, 'c', 'h100-sxm', 100, 105, 0.05, 1, 0),"
	                "(1, 'd', 'h200-sxm', 100, 120, 0.2, 0, 0),"
	                "(1, 'e', 'h100-sxm', 100, 50, -0.5, 0, 1);",
	                "validation", RL_OK);
	assert_non_null(strstr(s, "median |error| 4.0%, 90th percentile 15.5%, "
	                          "4 rows (in sample and held out)"));
	assert_null(strstr(s, "all modelled"));
	assert_non_null(strstr(s, "out of sample (borrowed), apart: median "
	                          "|error| 50.0%, 90th percentile 50.0%, 1 row"));
	assert_null(strstr(s, "1 rows"));
	assert_null(strstr(s, "8.0%"));
	free(s);
}

/* Every row out of sample (a run of versions that each borrow a profile):
** the headline has no in-sample figures to give, where it wrote "median
** |error| nan%, ... 0 rows"; the out-of-sample line keeps its own. */
static void test_validation_all_oos(void **state)
{
	char *s;
	(void)state;
	s = script_made("INSERT INTO validation_runs VALUES(1, "
	                "'2026-11-22T00:00:00Z', 'versions.csv', 0.08, 0.19, 2);"
	                "INSERT INTO validation(run_id, id, chip, measured, "
	                "modeled, error, in_calibration, out_of_sample) VALUES"
	                "(1, 'a', 'h100-sxm', 100, 110, 0.1, 0, 1),"
	                "(1, 'b', 'h100-sxm', 100, 70, -0.3, 0, 1);",
	                "validation", RL_OK);
	assert_null(strstr(s, "nan"));
	assert_non_null(strstr(s, "no modelled row in sample"));
	assert_non_null(strstr(s, "out of sample (borrowed), apart: median "
	                          "|error| 20.0%, 90th percentile 28.0%, 2 rows"));
	free(s);
}

/* Labels placed by labels.c: the first free spot by hand, the other side
** at the graph's edge, a key in the way, and a crowd at one point that
** ends with no two boxes overlapping, all inside the graph. */
static void test_label_place(void **state)
{
	plot_label l[8];
	const double key[1][4] = {{0, 0.8, 0.5, 1}};
	const double pts[2] = {0.5, 0.5};
	size_t i, j;
	(void)state;
	memset(l, 0, sizeof l);
	/* free: right of the point by the gap (0.012), centred on it */
	l[0].px = 0.2, l[0].py = 0.5, l[0].w = 0.1, l[0].h = 0.03, l[0].pref = 1;
	/* 0.9 + 0.012 + 0.2 > 1: left instead, 0.9 - 0.012 - 0.2 = 0.688 */
	l[1].px = 0.9, l[1].py = 0.2, l[1].w = 0.2, l[1].h = 0.03, l[1].pref = 1;
	assert_int_equal(plot_labels_place(l, 2, NULL, 0, NULL, 0), 2);
	assert_true(fabs(l[0].x - 0.212) < 1e-12 && fabs(l[0].y - 0.5) < 1e-12);
	assert_true(fabs(l[1].x - 0.688) < 1e-12 && fabs(l[1].y - 0.2) < 1e-12);
	/* under the key (y 0.8 .. 1 left of 0.5): not where the key is */
	memset(l, 0, sizeof l);
	l[0].px = 0.1, l[0].py = 0.9, l[0].w = 0.1, l[0].h = 0.03, l[0].pref = 1;
	assert_int_equal(plot_labels_place(l, 1, NULL, 0, key, 1), 1);
	assert_true(l[0].y + l[0].h / 2 < 0.8 || l[0].x > 0.5);
	/* eight labels at one point: all placed, none on another */
	memset(l, 0, sizeof l);
	for (i = 0; i < 8; i++) {
		l[i].px = 0.5, l[i].py = 0.5, l[i].w = 0.2, l[i].h = 0.03;
		l[i].pref = i % 2 ? -1 : 1;
	}
	assert_int_equal(plot_labels_place(l, 8, pts, 1, NULL, 0), 8);
	for (i = 0; i < 8; i++) {
		assert_true(l[i].ok);
		assert_true(l[i].x >= 0 && l[i].x + l[i].w <= 1);
		assert_true(l[i].y - l[i].h / 2 >= 0 && l[i].y + l[i].h / 2 <= 1);
		/* the point itself is not covered */
		assert_false(l[i].x < 0.5 && l[i].x + l[i].w > 0.5 &&
		             l[i].y - l[i].h / 2 < 0.5 && l[i].y + l[i].h / 2 > 0.5);
		for (j = 0; j < i; j++)
			assert_false(plot_labels_overlap(&l[i], &l[j]));
	}
	/* too wide for either side of its point (0.7 from 0.5 runs past both
	** edges): moved sideways into the graph, 1 - 0.7 = 0.3, off the
	** point's line (a line up, 0.53), where it read past the right edge */
	memset(l, 0, sizeof l);
	l[0].px = 0.5, l[0].py = 0.5, l[0].w = 0.7, l[0].h = 0.03, l[0].pref = 1;
	assert_int_equal(plot_labels_place(l, 1, pts, 1, NULL, 0), 1);
	assert_true(fabs(l[0].x - 0.3) < 1e-12 && fabs(l[0].y - 0.53) < 1e-12);
	/* the same at the graph's left edge, preferring the left: moved
	** sideways to the edge itself, 0 (not -0.922, past it), a line up
	** off the point at 0.05 */
	memset(l, 0, sizeof l);
	l[0].px = 0.05, l[0].py = 0.5, l[0].w = 0.96, l[0].h = 0.03;
	l[0].pref = -1;
	{
		const double edge_pt[2] = {0.05, 0.5};
		assert_int_equal(plot_labels_place(l, 1, edge_pt, 1, NULL, 0), 1);
	}
	assert_true(fabs(l[0].x) < 1e-12 && fabs(l[0].y - 0.53) < 1e-12);
	/* an impossible crowd (wider than the graph): reported, not hidden */
	memset(l, 0, sizeof l);
	l[0].px = 0.5, l[0].py = 0.5, l[0].w = 1.2, l[0].h = 0.03, l[0].pref = 1;
	assert_int_equal(plot_labels_place(l, 1, NULL, 0, NULL, 0), 0);
	assert_false(l[0].ok);
}

static void test_batch_key_room(void **state)
{
	char *s;
	(void)state;
	/* lowest throughput 40 tokens/s: the panel starts two decades under
	** its decade, 10^(1 - 2) = 0.1, room for the key; the latency panel
	** takes its own range again */
	s = script_made(CLAIM_RUN_1
	                "INSERT INTO claim_batch VALUES(1, 'a', 1, 40, 700, 0.02),"
	                "(1, 'a', 8, 300, 5000, 0.03), "
	                "(1, 'b', 1, 500, 9000, 0.01);",
	                "batch", RL_OK);
	assert_non_null(strstr(s, "set yrange [0.1:*]\n"));
	assert_non_null(strstr(s, "set key top left\nset yrange [*:*]\n"));
	free(s);
}

static void test_pareto_refuses_workload(void **state)
{
	char *s;
	(void)state;
	/* the sweep varies scenario.isl (a workload) and chip.hbm_tbps: no
	** frontier, a message naming the workload axis; exit 2 */
	s = script_made("CREATE TABLE results(run_id INTEGER, scenario_isl REAL, "
	                "chip_hbm_tbps REAL, power_watts REAL, "
	                "throughput_output_tokens_per_s REAL);"
	                "INSERT INTO results VALUES(1, 128, 3, 300, 10),"
	                "(1, 2048, 3, 310, 5), (1, 128, 4, 320, 12);",
	                "pareto", RL_EINPUT);
	assert_non_null(strstr(s, "varies the workload (scenario.isl)"));
	free(s);
}

static void test_breakdown(void **state)
{
	char *s;
	(void)state;
	/* side a, prefill: 60 + 20 + 10 + 10 + 0 ms = 100 ms, so the shares
	** are 60, 20, 10, 10 and 0%; decode: 5 + 1 + 1 + 2 + 1 = 10 ms: 50,
	** 10, 10, 20, 10%.  Side b has no breakdown: no bar. */
	s = script_made(CLAIM_RUN_1
	                "INSERT INTO claim_sides VALUES"
	                "(1, 'a', 'prefill.gemm_s', 0.06, ''),"
	                "(1, 'a', 'prefill.attention_s', 0.02, ''),"
	                "(1, 'a', 'prefill.elementwise_s', 0.01, ''),"
	                "(1, 'a', 'prefill.communication_s', 0.01, ''),"
	                "(1, 'a', 'prefill.overhead_s', 0, ''),"
	                "(1, 'a', 'decode.gemm_s', 0.005, ''),"
	                "(1, 'a', 'decode.attention_s', 0.001, ''),"
	                "(1, 'a', 'decode.elementwise_s', 0.001, ''),"
	                "(1, 'a', 'decode.communication_s', 0.002, ''),"
	                "(1, 'a', 'decode.overhead_s', 0.001, ''),"
	                "(1, 'b', 'throughput.total_tokens_per_s', 5, '');",
	                "breakdown", RL_OK);
	/* each time by eval's rule (model/figtext.c), of the parts' sum as
	** doubles add them (by hand, in that order): 0.06 + 0.02 + 0.01 +
	** 0.01 is 99.99999999999999 ms, under 100, three digits: 100; 0.005
	** + 0.001 + 0.001 + 0.002 + 0.001 is 10.000000000000002 ms, not
	** whole: 10.0 (where %.3g wrote 10 beside eval's 10.0) */
	assert_non_null(strstr(s, "\"a prefill: 100 ms\" 60 20 10 10 0\n"));
	assert_non_null(strstr(s, "\"a decode: 10.0 ms\" 50 10 10 20 10\n"));
	assert_null(strstr(s, "\"b "));
	assert_non_null(strstr(s, "rowstacked"));
	free(s);
	/* no breakdown rows at all: refused with a message */
	s = script_made(CLAIM_RUN_1
	                "INSERT INTO claim_sides VALUES(1, 'a', 'x', 1, '');",
	                "breakdown", RL_EINPUT);
	assert_non_null(strstr(s, "no time breakdown"));
	free(s);
}

static void test_quantiles(void **state)
{
	char path[64];
	sqlite3 *db;
	char *s;
	(void)state;
	/* samples 1..101 and no claim_mc row: linear-interpolated quantiles at
	** position q x 100 give p05 = 6, p50 = 51, p95 = 96; 20..101 are >= 20,
	** 82 of 101 = 81.2% */
	db = make_db_samples(path, sizeof path, CLAIM_RUN_1);
	s = script_of(db, "distribution", path, RL_OK);
	assert_non_null(strstr(s, "P(>= 20x) = 81.2%"));
	/* the quantiles to two decimals, as the claim's text prints them
	** (claim_speedup_x), the interval on the title's second line */
	assert_non_null(strstr(s, "90% interval 6.00x .. 96.00x, median 51.00x"));
	/* each quantile's line labelled in the words of the claim's text
	** ("speedup 5th percentile ..., median ..., 95th percentile"), the
	** name over the number, where it read p05, p50, p95 */
	assert_non_null(strstr(s, "'5th percentile'.\"\\n\".'6.00x' at first 6,"));
	assert_non_null(strstr(s, "'median'.\"\\n\".'51.00x' at first 51,"));
	assert_non_null(strstr(s, "'95th percentile'.\"\\n\".'96.00x' at first "
	                          "96,"));
	assert_non_null(strstr(s, "title '5th percentile, median and 95th "
	                          "percentile'"));
	assert_null(strstr(s, "p05"));
	assert_null(strstr(s, "p50"));
	assert_null(strstr(s, "p95"));
	free(s);
	drop_db(db, path);
}

/* A sample far out of the interval (-1e300, as a hand edit or a damaged
** file can leave it) is drawn in the first bin: its bin, about -2e299,
** was cast to long, undefined (gcc's -fsanitize=float-cast-overflow stops
** there).  Samples 1..100 and -1e300: p05 = 5, p95 = 95 (position q x 100
** of the 101), so the bins run from 5 - 90 = -85 to 100 (the largest
** sample), 40 of 185 / 40 = 4.625; the first, centred on -82.6875, holds
** that sample alone, 1 of 101 = 0.0099009901. */
static void test_distribution_far_sample(void **state)
{
	char path[64], sql[160];
	sqlite3 *db, *w;
	char *s;
	int i;
	(void)state;
	db = make_db(path, sizeof path, CLAIM_RUN_1);
	sqlite3_close(db);
	assert_int_equal(sqlite3_open(path, &w), SQLITE_OK);
	for (i = 0; i <= 100; i++) {
		if (i)
			snprintf(sql, sizeof sql, "INSERT INTO claim_mc_samples "
			         "VALUES(1, %d, %d, 0);", i, i);
		else
			snprintf(sql, sizeof sql, "INSERT INTO claim_mc_samples "
			         "VALUES(1, 0, -1e300, 0);");
		assert_int_equal(sqlite3_exec(w, sql, NULL, NULL, NULL), SQLITE_OK);
	}
	sqlite3_close(w);
	assert_int_equal(pdb_open(path, &db, (char[256]){0}, 256), RL_OK);
	s = script_of(db, "distribution", path, RL_OK);
	assert_non_null(strstr(s, "$h << EOD\n-82.6875 0.0099009901 0\n"));
	assert_non_null(strstr(s, "tails in the edge bins"));
	free(s);
	drop_db(db, path);
}

/* pdb_text on a hostile database (texts altered by hand, longer than
** rooflab writes them, some not UTF-8): a 12-byte buffer keeps at most 8
** bytes and "..." where the text does not fit, cut at a whole character as
** rl_utf8_cut takes it.  By hand, row by row:
**   1 "abcdefg" and e-acute (C3 A9, bytes 7-8) straddling the 8: 7 bytes;
**   2 "abcdef" and U+1F600 (F0 9F 98 80, bytes 6-9): 6 bytes;
**   3 "ab" and 20 stray continuation bytes (80), each a character of its
**     own: 8 bytes, where backing over continuation bytes by hand kept
**     "ab" alone;
**   4 "abcdef", E2 82 (a three-byte lead and one continuation, then
**     "zz": no well-formed sequence, two characters), "zz": 8 bytes;
**   5 "abcdefg", F0 9F 98 (a four-byte sequence cut short) and "z": 7
**     bytes plus F0 as one character: 8;
**   6 "abcdefghijk" (11 bytes) fits whole, 7 NULL is "";
**   8 "abcdefg" and e-acute in a 6-byte buffer (no room for "..."): 5. */
static void test_pdb_text_cut(void **state)
{
	static const struct {
		int k;
		size_t len;
		const char *want;
	} rows[] = {
	    {1, 12, "abcdefg..."},
	    {2, 12, "abcdef..."},
	    {3, 12, "ab\x80\x80\x80\x80\x80\x80..."},
	    {4, 12, "abcdef\xe2\x82..."},
	    {5, 12, "abcdefg\xf0..."},
	    {6, 12, "abcdefghijk"},
	    {7, 12, ""},
	    {1, 6, "abcde"},
	};
	char path[64], buf[12];
	sqlite3 *db;
	sqlite3_stmt *st;
	size_t i;
	(void)state;
	db = make_db(path, sizeof path,
	             "CREATE TABLE hostile(k INTEGER, t TEXT);"
	             "INSERT INTO hostile VALUES"
	             "(1, CAST(X'61626364656667C3A978797A' AS TEXT)),"
	             "(2, CAST(X'616263646566F09F98807A7A' AS TEXT)),"
	             "(3, CAST(X'6162" "80808080808080808080"
	             "80808080808080808080' AS TEXT)),"
	             "(4, CAST(X'616263646566E2827A7A7A7A' AS TEXT)),"
	             "(5, CAST(X'61626364656667F09F987A7A' AS TEXT)),"
	             "(6, 'abcdefghijk'), (7, NULL);");
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT t FROM hostile WHERE "
	                                        "k = ?", -1, &st, NULL),
	                 SQLITE_OK);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int(st, 1, rows[i].k);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		memset(buf, 'Q', sizeof buf);
		pdb_text(st, 0, buf, rows[i].len);
		assert_string_equal(buf, rows[i].want);
	}
	sqlite3_finalize(st);
	drop_db(db, path);
}

/* The SQLite type of the one cell `expr` selects, in memory. */
static int cell_type(sqlite3 *db, const char *expr)
{
	char sql[64];
	sqlite3_stmt *st;
	int type;
	snprintf(sql, sizeof sql, "SELECT %s", expr);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	type = sqlite3_column_type(st, 0);
	sqlite3_finalize(st);
	return type;
}

/* pdb_cell_words: what a cell holds where a number was expected, in
** the words every refusal of a hand-changed database uses.  By SQLite's
** storage classes (sqlite.org/datatype3.html): 'x' is TEXT ("text"),
** X'00' a BLOB ("a blob"), NULL ("NULL"); 1 (INTEGER) and 1.5 (REAL) are
** numbers, for which the caller's own words come back, here "N", or NULL
** where it gave none. */
static void test_pdb_cell_words(void **state)
{
	static const struct {
		const char *expr, *want;
	} c[] = {{"'x'", "text"}, {"X'00'", "a blob"}, {"NULL", "NULL"},
	         {"1", "N"}, {"1.5", "N"}};
	sqlite3 *db;
	size_t i;
	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		int type = cell_type(db, c[i].expr);
		assert_string_equal(pdb_cell_words(type, "N"), c[i].want);
		if (i >= 3)
			assert_null(pdb_cell_words(type, NULL));
	}
	sqlite3_close(db);
}

static void test_no_claim_run(void **state)
{
	char path[64];
	sqlite3 *db;
	char *msg;
	(void)state;
	db = make_db(path, sizeof path, NULL);
	msg = script_of(db, "tornado", path, RL_EINPUT);
	assert_non_null(strstr(msg, "no claim run; make one with: rooflab "
	                            "claim --db"));
	free(msg);
	drop_db(db, path);
	/* a claim run without tornado rows: the message names the table */
	msg = script_made(CLAIM_RUN_1, "tornado", RL_EINPUT);
	assert_non_null(strstr(msg, "claim run 1 has no sensitivity rows "
	                            "(table claim_tornado)"));
	free(msg);
}

/* A query that fails is no absent table: the plot says the database cannot
** be read and why, where it once said the run had no rows or there was no
** claim run (pdb_rows and pdb_has took a failure for "none"). */
static void test_failed_lookup(void **state)
{
	char path[64];
	sqlite3 *db, *w;
	char *msg;
	(void)state;
	/* claim_mc_samples as a view whose run_id overflows when read (a
	** damaged page fails the same way): counting its rows fails */
	expect_unread(CLAIM_RUN_1
	              "DROP TABLE claim_mc_samples;"
	              "CREATE VIEW claim_mc_samples AS SELECT "
	              "abs(-9223372036854775807 - 1) AS run_id, 1 AS speedup, "
	              "0 AS violates;",
	              "distribution", NULL, NULL, "integer overflow");
	/* claim_factors altered by hand to lack its factor column: the run's
	** rows are counted, then the query of its columns fails to prepare; a
	** failed read (PDB_UNREAD), where pdb_status(db) gave RL_EINPUT alone
	** and the report took the figure for one whose data are not there */
	expect_unread(CLAIM_RUN_1
	              "DROP TABLE claim_factors;"
	              "CREATE VIEW claim_factors AS SELECT 1 AS run_id, 1 AS ord, "
	              "'x' AS name;",
	              "factors", NULL, NULL, "no such column: factor");
	/* a writer holds the file locked (rollback journal, no waiting): even
	** the lookup of claim_runs in the schema fails; SQLITE_BUSY is no
	** internal failure, so exit 2, a failed read (PDB_UNREAD) */
	db = make_db(path, sizeof path,
	             CLAIM_RUN_1);
	sqlite3_busy_timeout(db, 0);
	assert_int_equal(sqlite3_open(path, &w), SQLITE_OK);
	assert_int_equal(sqlite3_exec(w, "BEGIN EXCLUSIVE", NULL, NULL, NULL),
	                 SQLITE_OK);
	msg = script_of(db, "tornado", path, PDB_UNREAD | RL_EINPUT);
	assert_non_null(strstr(msg, ": cannot read: database is locked"));
	free(msg);
	sqlite3_exec(w, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(w);
	drop_db(db, path);
}

/* "no claim run with id 9 (runs: 1, 2)" lists the runs there; a list that
** cannot be read is a failed read, "PATH: cannot read: REASON" with
** PDB_UNREAD, where the message said "(runs: )" as if there were none.
** claim_runs as a view whose filter overflows on run 1's row (a damaged
** page fails the same way): the lookup of id 9, through the primary key,
** never reads that row; the list of every id does. */
static void test_run_ids_fail(void **state)
{
	char path[64], want[512], err[512];
	sqlite3 *db;
	pdb_claim c;
	int rc;
	(void)state;
	db = make_db(path, sizeof path,
	             "CREATE TABLE cr0(id INTEGER PRIMARY KEY, created, version, "
	             "git_rev, a_label, b_label, scenario, target, speedup_total, "
	             "speedup_output);"
	             "INSERT INTO cr0 VALUES(1, 'now', 'v', 'g', 'A', 'B', 'sc', "
	             "20, 4, 4);"
	             "DROP TABLE claim_runs;"
	             "CREATE VIEW claim_runs AS SELECT * FROM cr0 WHERE "
	             "abs(-9223372036854775807 - id) >= 0;");
	rc = pdb_claim_run(db, path, 9, &c, err, sizeof err);
	assert_int_equal(rc, PDB_UNREAD | RL_EINPUT);
	snprintf(want, sizeof want, "%s: cannot read: integer overflow", path);
	assert_string_equal(err, want);
	/* run 1 itself is read through the same filter: it fails too */
	rc = pdb_claim_run(db, path, 1, &c, err, sizeof err);
	assert_true(pdb_is_unread(rc));
	drop_db(db, path);
	/* the list as ever where it reads: runs 1 and 2, no run 9 */
	db = make_db(path, sizeof path,
	             CLAIM_RUN_1
	             "INSERT INTO claim_runs VALUES(2, 'now', 'v', 'g', 'A', 'B', "
	             "'sc', 20, 4, 4, '{}');");
	rc = pdb_claim_run(db, path, 9, &c, err, sizeof err);
	assert_int_equal(rc, RL_EINPUT);
	snprintf(want, sizeof want, "%s: no claim run with id 9 (runs: 1, 2)",
	         path);
	assert_string_equal(err, want);
	drop_db(db, path);
	/* a list too long for its 256 bytes ends in ", ..." after a whole id:
	** ids 1000000 to 1000099 take 9 bytes each with ", " (7 the first);
	** 28 take 250, a 29th would leave no room for ", ..." and the end, so
	** 28 and the mark, 255 bytes (it stopped after 26 without a mark,
	** as if they were all) */
	db = make_db(path, sizeof path,
	             "WITH RECURSIVE n(i) AS (SELECT 1000000 UNION ALL SELECT "
	             "i + 1 FROM n WHERE i < 1000099) INSERT INTO claim_runs "
	             "SELECT i, 'now', 'v', 'g', 'A', 'B', 'sc', 20, 4, 4, '{}' "
	             "FROM n;");
	rc = pdb_claim_run(db, path, 9, &c, err, sizeof err);
	assert_int_equal(rc, RL_EINPUT);
	{
		char ids[300];
		int i, k = 0;
		for (i = 0; i < 28; i++)
			k += snprintf(ids + k, sizeof ids - (size_t)k, "%s%d",
			              i ? ", " : "", 1000000 + i);
		snprintf(ids + k, sizeof ids - (size_t)k, ", ...");
		assert_int_equal(strlen(ids), 255);
		snprintf(want, sizeof want, "%s: no claim run with id 9 (runs: %s)",
		         path, ids);
	}
	assert_string_equal(err, want);
	drop_db(db, path);
}

/* A parameter is swept where it holds two values SQLite's DISTINCT tells
** apart (plot_swept_params, since speed10 by min < max in one pass, where
** count(DISTINCT) built a b-tree of every value): scenario.isl's 128 and
** 256 are two; design.frac_mac's integer 1 and real 1.0 are one (SQLite
** compares them as numbers) and scenario.osl's 5 beside NULLs one (NULL
** is no value), so the title names scenario.isl alone as what a cell's
** best is taken over. */
static void test_heatmap_swept_values(void **state)
{
	char path[64], err[1024];
	sqlite3 *db;
	char *s;
	(void)state;
	db = make_db(path, sizeof path,
	             "CREATE TABLE results(run_id INTEGER, scenario_tp REAL, "
	             "scenario_batch REAL, design_frac_mac, scenario_isl REAL, "
	             "scenario_osl REAL, throughput_output_tokens_per_s REAL);"
	             "WITH t(v) AS (VALUES(2),(4)), b(w) AS (VALUES(1),(10)), "
	             "i(n) AS (VALUES(128),(256)) INSERT INTO results SELECT 1, "
	             "v, w, CASE WHEN n = 128 THEN 1 ELSE 1.0 END, n, CASE WHEN "
	             "w = 1 THEN 5 END, v * w * n FROM t, b, i;");
	s = script_axes(db, path, "heatmap", "scenario.tp", "scenario.batch",
	                "throughput.output_tokens_per_s", RL_OK, err, sizeof err);
	assert_non_null(strstr(s, "the most over the other swept parameters "
	                          "(scenario.isl)"));
	free(s);
	drop_db(db, path);
}

/* The sweep's column lookups (sweepcols.c) that fail to read are no
** missing columns: a batch column that overflows when its distinct values
** are counted made the heatmap say the sweep varied fewer than two
** parameters, a power column that overflows when its values are counted
** made the Pareto plot say there was no power or cost column. */
static void test_sweep_lookup_fails(void **state)
{
	(void)state;
	expect_unread(SWEEP_R0
	              "CREATE VIEW results AS SELECT run_id, tp AS scenario_tp, "
	              "CASE WHEN batch = 8 THEN abs(-9223372036854775807 - 1) "
	              "ELSE batch END AS scenario_batch, tps AS "
	              "throughput_output_tokens_per_s, 300 AS power_watts "
	              "FROM r0;",
	              "heatmap", NULL, NULL, "integer overflow");
	/* the batch column read as it is: only the power column, the cost
	** axis the Pareto plot guesses, fails when its values are counted */
	expect_unread(SWEEP_R0
	              "CREATE VIEW results AS SELECT run_id, tp AS scenario_tp, "
	              "batch AS scenario_batch, tps AS "
	              "throughput_output_tokens_per_s, CASE WHEN tp = 2 THEN "
	              "abs(-9223372036854775807 - 1) ELSE 300 END AS power_watts "
	              "FROM r0;",
	              "pareto", NULL, "throughput.output_tokens_per_s",
	              "integer overflow");
}

/* Single values and counts that fail to read are not absent: a decode
** GEMM time that overflows dropped side a's decode bar from the breakdown
** (drawn with its prefill bar only), a throughput that overflows when the
** Pareto plot counts its finite points made it say there were none. */
static void test_value_fails(void **state)
{
	(void)state;
	expect_unread(CLAIM_RUN_1
	              "CREATE TABLE s0(run_id, side, name, value, text);"
	              "INSERT INTO s0 VALUES"
	              "(1, 'a', 'prefill.gemm_s', 0.06, ''),"
	              "(1, 'a', 'decode.gemm_s', 0.005, '');"
	              "DROP TABLE claim_sides;"
	              "CREATE VIEW claim_sides AS SELECT run_id, side, name, CASE "
	              "WHEN name = 'decode.gemm_s' THEN "
	              "abs(-9223372036854775807 - 1) ELSE value END AS value, "
	              "text FROM s0;",
	              "breakdown", NULL, NULL, "integer overflow");
	expect_unread(SWEEP_R0
	              "CREATE VIEW results AS SELECT run_id, tp AS scenario_tp, "
	              "batch AS scenario_batch, 300 * tp AS power_watts, CASE "
	              "WHEN tp = 2 THEN abs(-9223372036854775807 - 1) ELSE tps "
	              "END AS throughput_output_tokens_per_s FROM r0;",
	              "pareto", "power_watts", "throughput.output_tokens_per_s",
	              "integer overflow");
}

static void test_escape(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	doc d;
	(void)state;
	d.f = f;
	d.fmt = DOC_HTML;
	d.ncols = 0;
	doc_text(&d, "<a & \"b\">");
	d.fmt = DOC_MD;
	fputc(' ', f);
	doc_text(&d, "a|b_c");
	fclose(f);
	assert_string_equal(buf, "&lt;a &amp; &quot;b&quot;&gt; a\\|b\\_c");
	free(buf);
}

static void test_gnuplot_error(void **state)
{
	char out[64], err[512];
	const char *bad = "plot nosuch(x)\n";
	int rc;
	(void)state;
	snprintf(out, sizeof out, "/tmp/rooflab-test-gp-%ld.png", (long)getpid());
	rc = gp_run(GP_PNG, out, bad, strlen(bad), err, sizeof err);
	if (rc == GP_EMISSING) {
		assert_non_null(strstr(err, "gnuplot-nox"));
		skip();
	}
	/* gnuplot's own words, without the echoed command; no file left */
	assert_int_equal(rc, GP_EFAIL);
	assert_non_null(strstr(err, "undefined function: nosuch"));
	assert_null(strstr(err, "^"));
	assert_int_equal(access(out, F_OK), -1);
}

/* An SVG plot's title is written into it (plot_svg_title) after gnuplot:
** where that write fails (a file size limit, a full disk), nothing is to
** be put in place.  The title was written after the plot had been renamed
** onto --out, so a failed write left gnuplot's plot without its title in
** place, replacing the file that was there, under "cannot write".  Here
** the limit (RLIMIT_FSIZE, bytes) is the untitled plot's size + 100: gnuplot
** writes it whole, and the titled one, 4000 bytes of title longer less
** the element titles dropped (each "<title>gnuplot_plot_N</title>", some
** 31 bytes, one a curve: 1 here), passes it.  SIGXFSZ ignored, as
** rooflab's main() ignores it. */
static void test_svg_title_past_limit(void **state)
{
	char out[64], err[512], title[4001], old[8] = "";
	const char *script = "plot x\n";
	struct rlimit was, lim;
	struct stat sb;
	void (*xfsz)(int);
	FILE *f;
	int rc;
	(void)state;
	snprintf(out, sizeof out, "/tmp/rooflab-test-svgt-%ld.svg",
	         (long)getpid());
	rc = plot_draw(GP_SVG, out, NULL, script, strlen(script), err,
	               sizeof err);
	if (rc == PLOT_ENOGNUPLOT)
		skip();
	assert_int_equal(rc, RL_OK);
	assert_int_equal(stat(out, &sb), 0);
	memset(title, 't', 4000);
	title[4000] = 0;
	f = fopen(out, "w");
	assert_non_null(f);
	fputs("old\n", f);
	fclose(f);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &was), 0);
	lim = was;
	lim.rlim_cur = (rlim_t)sb.st_size + 100;
	if (was.rlim_max != RLIM_INFINITY && lim.rlim_cur > was.rlim_max)
		skip();
	xfsz = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	rc = plot_draw(GP_SVG, out, title, script, strlen(script), err,
	               sizeof err);
	setrlimit(RLIMIT_FSIZE, &was);
	signal(SIGXFSZ, xfsz);
	f = fopen(out, "r");
	assert_non_null(f);
	if (!fgets(old, sizeof old, f))
		old[0] = 0;
	fclose(f);
	unlink(out);
	assert_int_equal(rc, RL_EINTERNAL);
	/* the file as it was, and the message names it and the limit */
	assert_string_equal(old, "old\n");
	assert_non_null(strstr(err, out));
	assert_non_null(strstr(err, "file size limit"));
}

/* gnuplot's SVG with "]]>" in a text is rewritten ("]]&gt;", 3 bytes
** longer each, gp.c svg_cdata_end) before it is put in place: where that
** write fails, the message named neither the file nor why ("cannot
** rewrite the plot").  A title of 600 "]]>" makes the rewrite at least
** 1800 bytes longer than gnuplot's file; the limit is that file's size +
** 100 bytes (measured first, unlimited), as test_svg_title_past_limit's. */
static void test_svg_cdata_past_limit(void **state)
{
	char out[64], err[512], script[2000];
	struct rlimit was, lim;
	struct stat sb;
	void (*xfsz)(int);
	int rc, i;
	size_t n;
	(void)state;
	snprintf(out, sizeof out, "/tmp/rooflab-test-svgc-%ld.svg",
	         (long)getpid());
	n = (size_t)snprintf(script, sizeof script, "set title '");
	for (i = 0; i < 600; i++)
		n += (size_t)snprintf(script + n, sizeof script - n, "]]>");
	snprintf(script + n, sizeof script - n, "'\nplot x\n");
	rc = gp_run(GP_SVG, out, script, strlen(script), err, sizeof err);
	if (rc == GP_EMISSING)
		skip();
	assert_int_equal(rc, GP_OK);
	assert_int_equal(stat(out, &sb), 0);
	unlink(out);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &was), 0);
	lim = was;
	lim.rlim_cur = (rlim_t)sb.st_size - 1800 + 100;
	if (was.rlim_max != RLIM_INFINITY && lim.rlim_cur > was.rlim_max)
		skip();
	xfsz = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	rc = gp_run(GP_SVG, out, script, strlen(script), err, sizeof err);
	setrlimit(RLIMIT_FSIZE, &was);
	signal(SIGXFSZ, xfsz);
	assert_int_equal(rc, GP_EFAIL);
	assert_int_equal(access(out, F_OK), -1);
	assert_non_null(strstr(err, out));
	assert_non_null(strstr(err, "file size limit"));
}

static void test_sections(void **state)
{
	size_t n;
	const char *const *s = report_sections(&n);
	(void)state;
	/* verdict, factors, assumptions, claims, sensitivity, serving, design
	** space, validation, provenance */
	assert_int_equal(n, 9);
	assert_string_equal(s[0], "Verdict");
	assert_string_equal(s[n - 1], "Provenance");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_terms),
		cmocka_unit_test(test_out_term),
		cmocka_unit_test(test_quote),
		cmocka_unit_test(test_svg_title_text),
		cmocka_unit_test(test_waterfall),
		cmocka_unit_test(test_pareto),
		cmocka_unit_test(test_pareto_unbuildable),
		cmocka_unit_test(test_pareto_violations_axis),
		cmocka_unit_test(test_pareto_log_axes),
		cmocka_unit_test(test_title_wraps),
		cmocka_unit_test(test_missing_column),
		cmocka_unit_test(test_heatmap_bins_sample),
		cmocka_unit_test(test_heatmap_cells),
		cmocka_unit_test(test_heatmap_unbuildable),
		cmocka_unit_test(test_heatmap_swept_values),
		cmocka_unit_test(test_heatmap_log_axes),
		cmocka_unit_test(test_tornado_hides_flat_rows),
		cmocka_unit_test(test_target_digits),
		cmocka_unit_test(test_roofline_links),
		cmocka_unit_test(test_roofline_maps),
		cmocka_unit_test(test_roofline_clear_of_roof),
		cmocka_unit_test(test_label_place),
		cmocka_unit_test(test_validation_headline),
		cmocka_unit_test(test_validation_all_oos),
		cmocka_unit_test(test_roofline_leaders),
		cmocka_unit_test(test_column_title_output),
		cmocka_unit_test(test_tornado_flat_two_decimals),
		cmocka_unit_test(test_batch_key_room),
		cmocka_unit_test(test_pareto_refuses_workload),
		cmocka_unit_test(test_breakdown),
		cmocka_unit_test(test_quantiles),
		cmocka_unit_test(test_distribution_far_sample),
		cmocka_unit_test(test_pdb_text_cut),
		cmocka_unit_test(test_pdb_cell_words),
		cmocka_unit_test(test_no_claim_run),
		cmocka_unit_test(test_run_ids_fail),
		cmocka_unit_test(test_failed_lookup),
		cmocka_unit_test(test_sweep_lookup_fails),
		cmocka_unit_test(test_value_fails),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_gnuplot_error),
		cmocka_unit_test(test_svg_title_past_limit),
		cmocka_unit_test(test_svg_cdata_past_limit),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_curve_over_tdp),
		cmocka_unit_test(test_unread_disk),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
