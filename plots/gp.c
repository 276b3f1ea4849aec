/*
** gp.c: run gnuplot scripts through popen (see gp.h).
*/
#include "gp.h"

#include "../config/shword.h"
#include "../config/slurp.h"
#include "../config/tmpfile.h"
#include "../model/utf8.h"
#include "../model/status.h"
#include "../sweeps/stop.h"
#include "svgtitle.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *ext_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return "";
	return dot + 1;
}

static const char *const term_names[] = {"png", "svg", "pdf", "dumb"};

int gp_term_of_name(const char *name, gp_term *term)
{
	int i;
	for (i = 0; i < 4; i++)
		if (!strcmp(name, term_names[i])) {
			*term = (gp_term)i;
			return 0;
		}
	return -1;
}

/* (in any case: x.PNG, as report's r.MD, was refused) */
int gp_term_of_path(const char *path, gp_term *term)
{
	const char *e = ext_of(path);
	int i;
	if (!strcasecmp(e, "txt")) {
		*term = GP_DUMB;
		return 0;
	}
	for (i = 0; i < 3; i++)
		if (!strcasecmp(e, term_names[i])) {
			*term = (gp_term)i;
			return 0;
		}
	return -1;
}

int gp_out_term(const char *out, const char *term_name, gp_term *term,
                char *err, size_t len)
{
	char q[200], c[600], name[600];
	gp_term by_ext;
	if (term_name && gp_term_of_name(term_name, term)) {
		rl_utf8_cell(rl_utf8_quote(term_name, 40, q, sizeof q), 0, 0, c,
		             sizeof c);
		snprintf(err, len, "--term: unknown terminal %s (png, svg, pdf, "
		         "dumb)", c);
		return -1;
	}
	if (!out) {
		if (term_name && *term == GP_DUMB)
			return 0;
		snprintf(err, len, "--out FILE.png|svg|pdf is required (or --term "
		         "dumb for a text plot)");
		return -1;
	}
	if (!*out) {
		snprintf(err, len, "--out: a plot needs a file name (an empty name "
		         "names no file; FILE.png, FILE.svg, FILE.pdf, or FILE.txt "
		         "for a text plot)");
		return -1;
	}
	/* the name as given, its controls as '?' (as every message quotes
	** what it was given) */
	rl_utf8_cell(out, 0, 0, name, sizeof name);
	if (gp_term_of_path(out, &by_ext)) {
		snprintf(err, len, "--out %s: the name must end in .png, .svg, .pdf "
		         "or .txt (a text plot, as --term dumb), in any case", name);
		return -1;
	}
	{
		const char *e = ext_of(out), *slash = strrchr(out, '/');
		if (e - 1 == (slash ? slash + 1 : out)) {
			snprintf(err, len, "--out %s: the plot needs a name before its "
			         "extension (FILE.%s), where this names a hidden file",
			         name, e);
			return -1;
		}
	}
	if (term_name && *term != by_ext) {
		snprintf(err, len, "--term %s does not match --out %s (--term %s "
		         "writes FILE.%s%s; without --term, --out's extension "
		         "chooses)", term_name, name, term_name,
		         *term == GP_DUMB ? "txt" : term_name,
		         *term == GP_DUMB ? ", or to the terminal without --out" : "");
		return -1;
	}
	*term = by_ext;
	return 0;
}

int gp_find(char *buf, size_t len)
{
	const char *path = getenv("PATH");
	const char *p, *end;
	if (!path || !*path)
		return -1;
	for (p = path; *p; p = *end ? end + 1 : end) {
		size_t n;
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		n = (size_t)(end - p);
		if (n == 0)
			continue;
		if ((size_t)snprintf(buf, len, "%.*s/gnuplot", (int)n, p) >= len)
			continue;
		if (access(buf, X_OK) == 0)
			return 0;
	}
	return -1;
}

/* The character at s of a label or a field (neither tab nor newline, which
** each writes its own way) to f, by the one rule of what rooflab shows a
** reader (rl_utf8_cell's, reports/doc.c's): '?' for a character
** rl_utf8_control names (a C0 control, DEL, a C1 control, obeyed by a
** terminal in a text plot; a bidirectional control, which reverses the
** title after it), for a noncharacter (U+FFFE is no XML character) and
** for a byte that begins no well-formed UTF-8 sequence; else the whole
** character.  Returns the bytes it stood for (at least 1). */
static int shown(FILE *f, const unsigned char *s)
{
	int n = rl_utf8_len(s);
	if (n == 0 || rl_utf8_control(s) || rl_utf8_nonchar(s)) {
		fputc('?', f);
		return n ? n : 1;
	}
	fwrite(s, 1, (size_t)n, f);
	return n;
}

/* gp_quote's work; label: text a plot shows, where a byte that begins no
** well-formed UTF-8 sequence is written '?' (rl_utf8_cell's way): gnuplot
** copies it into the image, and an SVG or a text plot was then not UTF-8
** (a label read from a database cell; fuzz3), and so is a noncharacter
** (rl_utf8_nonchar: U+FFFE is no XML character, and an SVG holding it
** did not parse), as is a C0 control other than tab (a space) and
** newline, DEL, a C1 control and a bidirectional control of UAX #9
** (rl_utf8_control, rl_utf8_cell's rule too); not label: the output's
** path, every byte as it is (another byte would name another file), a
** control byte or DEL as a "\ooo" escape joined with '.' as a newline
** is. */
static void quote(FILE *f, const char *s, int label)
{
	/* single quotes: gnuplot substitutes neither backquotes nor @macros
	** inside them, and a quote is written twice; a newline leaves the
	** quotes for a "\n" joined with '.', so a title still breaks.  A quote
	** that opens a quoted run (the first character, or one after a
	** newline) is joined the same way, as "'": gnuplot 5.4 reads the
	** doubled quote there as an empty string and refuses the rest
	** ('''b': "unexpected or unrecognized token"), so a label beginning
	** with a quote failed the plot, and the report */
	int start = 1;
	fputc('\'', f);
	for (; *s; s++) {
		if (*s == '\'' && start)
			fputs("'.\"'\".'", f);
		else if (*s == '\'')
			fputs("''", f);
		else if (*s == '\n')
			fputs("'.\"\\n\".'", f);
		else if (!label && ((unsigned char)*s < 32 || *s == 127))
			/* the path's byte itself, an octal escape of a double-
			** quoted string joined as the newline is: written as a
			** blank it named another file, which gnuplot drew into */
			fprintf(f, "'.\"\\%03o\".'", (unsigned)(unsigned char)*s);
		else if (*s == '\t')
			fputc(' ', f);
		else if (!label)
			fputc(*s, f);
		else
			s += shown(f, (const unsigned char *)s) - 1;
		/* (a quote opens a run again after a newline or a path's
		** escaped byte: joined, not doubled) */
		if (*s != '\'')
			start = *s == '\n' ||
			        (!label && ((unsigned char)*s < 32 || *s == 127));
	}
	fputc('\'', f);
}

void gp_quote(FILE *f, const char *s)
{
	quote(f, s, 1);
}

void gp_field(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++) {
		if (*s == '"')
			fputc('\'', f);
		else if (*s == '\t' || *s == '\n')
			fputc(' ', f);
		else
			s += shown(f, (const unsigned char *)s) - 1; /* as gp_quote */
	}
	fputc('"', f);
}

static void prelude(FILE *p, gp_term term, const char *out)
{
	switch (term) {
	case GP_PNG:
		fputs("if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {\n"
		      "  set terminal pngcairo size 1200,800 font 'sans,12' "
		      "background '#ffffff'\n"
		      "} else {\n"
		      "  set terminal png size 1200,800 background '#ffffff'\n"
		      "}\n", p);
		break;
	case GP_SVG:
		fputs("set terminal svg size 1200,800 font 'sans,14' "
		      "background '#ffffff'\n", p);
		break;
	case GP_PDF:
		fputs("set terminal pdfcairo size 12in,8in font 'sans,12'\n", p);
		break;
	case GP_DUMB:
		fputs("set terminal dumb size 120,40\n", p);
		break;
	}
	if (out) {
		/* "./" keeps gnuplot from reading a leading '|' as a command to
		** pipe into, or '~' as a home directory */
		fputs("set output ", p);
		if (out[0] != '/')
			fputs("'./'.", p);
		quote(p, out, 0);
		fputc('\n', p);
	}
	fputs("set termoption noenhanced\n", p);
}

/* gnuplot's error, for the message: the last line of its error output
** that says something ("line 11: all points y value undefined!"), the
** echoed command and the caret above it left out. */
static void read_errors(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	buf[0] = 0;
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		char *s = line, *e;
		while (*s == ' ' || *s == '\t')
			s++;
		e = s + strlen(s);
		while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' '))
			*--e = 0;
		if (*s && strcmp(s, "^") && strncmp(s, "multiplot>", 10) &&
		    strncmp(s, "gnuplot>", 8))
			snprintf(buf, len, "%s", s);
	}
	fclose(f);
}

/* "cannot write OUT: REASON" for errno e: GP_EOUTPUT when the path is
** wrong, else GP_EFAIL */
static int out_fail(const char *out, int e, char *err, size_t errlen)
{
	return rl_out_fail(out, e, err, errlen) == RL_EINPUT ? GP_EOUTPUT
	                                                    : GP_EFAIL;
}

/* The text plot drawn into tmp, onto stdout, flushed, tmp removed: GP_OK,
** or GP_EFAIL when tmp cannot be read back or stdout cannot be written
** (a full disk, a file size limit, a closed pipe), err saying why.  Until
** 2026-12-01 a failed write was left to main()'s "rooflab: cannot write to
** standard output", which had lost the write's errno by then and said no
** reason. */
static int copy_out(const char *tmp, char *err, size_t errlen)
{
	char buf[8192];
	size_t n;
	FILE *f = fopen(tmp, "rb");
	int rc = GP_OK, werr = 0;
	if (!f) {
		snprintf(err, errlen, "cannot read the plot back: %s",
		         strerror(errno));
		unlink(tmp);
		return GP_EFAIL;
	}
	errno = 0;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (fwrite(buf, 1, n, stdout) != n) {
			werr = errno ? errno : EIO;
			break;
		}
	if (!werr && ferror(f)) {
		snprintf(err, errlen, "cannot read the plot back");
		rc = GP_EFAIL;
	}
	errno = 0;
	if (!werr && rc == GP_OK && (fflush(stdout) != 0 || ferror(stdout)))
		werr = errno ? errno : EIO;
	if (werr) {
		snprintf(err, errlen, "cannot write the text plot to standard "
		         "output: %s%s", strerror(werr),
		         werr == EFBIG ? " (a file size limit, ulimit -f, or the "
		                         "file system's largest file)" : "");
		rc = GP_EFAIL;
	}
	fclose(f);
	unlink(tmp);
	return rc;
}

/* gnuplot's SVG terminal writes a text's '<' and '&' as entities but its
** '>' as it is, so a label holding "]]>" (a database cell's; fuzz3) made
** the file no well-formed XML (character data may not hold "]]>"), which
** a browser opening the .svg refuses.  The temporary tmp rewritten with
** each "]]>" outside a CDATA section as "]]&gt;" (the same text); GP_OK
** where it holds none (no rewrite), GP_EFAIL with err when it cannot be
** read, or out_fail's "cannot write OUT: REASON" when it cannot be written
** (the longer file past a file size limit or on a full disk: "cannot
** rewrite the plot" named neither the file nor why). */
static int svg_cdata_end(const char *tmp, const char *out, char *err,
                         size_t errlen)
{
	size_t len, i, from = 0;
	char *svg = rl_slurp(tmp, &len);
	FILE *f;
	int in_cdata = 0, bad, e;
	if (!svg) {
		snprintf(err, errlen, "cannot read the plot back");
		return GP_EFAIL;
	}
	if (!strstr(svg, "]]>")) {
		free(svg);
		return GP_OK;
	}
	if (!(f = fopen(tmp, "wb"))) {
		e = errno;
		free(svg);
		return out_fail(out, e, err, errlen);
	}
	errno = 0;
	for (i = 0; i < len; i++) {
		if (!strncmp(svg + i, "<![CDATA[", 9))
			in_cdata = 1;
		else if (!strncmp(svg + i, "]]>", 3) && in_cdata)
			in_cdata = 0;
		else if (!strncmp(svg + i, "]]>", 3)) {
			fwrite(svg + from, 1, i + 2 - from, f);
			fputs("&gt;", f);
			from = i + 3;
			i += 2;
		}
	}
	fwrite(svg + from, 1, len - from, f);
	free(svg);
	bad = ferror(f);
	e = errno; /* a failed write's (EFBIG, ENOSPC), kept past fclose */
	if (fclose(f) != 0 || bad) {
		if (!e)
			e = errno;
		if (e)
			return out_fail(out, e, err, errlen);
		snprintf(err, errlen, "cannot write %s: a write failed (the disk "
		         "may be full or a file size limit reached)", out);
		return GP_EFAIL;
	}
	return GP_OK;
}

/* 1 when the plot in tmp lacks the end its format always has: a PNG's
** IEND chunk (its 4 bytes of CRC fixed, AE 42 60 82), an SVG's </svg> or
** a PDF's %%EOF among its last bytes.  gnuplot does not check its own
** writes: past a file size limit (whose SIGXFSZ it inherits ignored from
** main()) or on a full disk its writes fail, it exits 0, and the file
** stops where the limit was, which was renamed into place as the plot.
** 0 for a text plot (no end of its own) and for a file that cannot be
** read here (rename says what is wrong with it). */
static int has_bytes(const char *buf, size_t n, const char *what)
{
	size_t w = strlen(what), i;
	for (i = 0; i + w <= n; i++)
		if (!memcmp(buf + i, what, w))
			return 1;
	return 0;
}

static int cut_short(gp_term term, const char *tmp)
{
	static const char png_end[8] = {'I', 'E', 'N', 'D', '\xae', '\x42',
	                                '\x60', '\x82'};
	char tail[64];
	size_t n;
	long size;
	FILE *f;
	int cut;
	if (term == GP_DUMB || !(f = fopen(tmp, "rb")))
		return 0;
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
	    fseek(f, size > (long)sizeof tail ? size - (long)sizeof tail : 0,
	          SEEK_SET) != 0) {
		fclose(f);
		return 0;
	}
	n = fread(tail, 1, sizeof tail, f);
	fclose(f);
	if (term == GP_PNG)
		cut = n < sizeof png_end ||
		      memcmp(tail + n - sizeof png_end, png_end, sizeof png_end);
	else
		cut = !has_bytes(tail, n, term == GP_SVG ? "</svg>" : "%%EOF");
	return cut;
}

/* gp_run's work once gnuplot is found: the temporaries made (their names
** in tmp and errpath, for gp_run to remove if a signal stops it), gnuplot
** run, the plot renamed onto out or copied to stdout.  Nothing is renamed
** or copied once a signal has been caught (rl_stop_caught). */
static int draw(gp_term term, const char *out, const char *svg_title,
                const char *script, size_t len, const char *gnuplot,
                char *tmp, size_t tmplen, char *errpath, size_t errpathlen,
                char *err, size_t errlen)
{
	char errbase[256], cmd[8192];
	char w1[4200], w2[300], msgs[600];
	const char *tmpdir = getenv("TMPDIR");
	struct sigaction ign, old, dfl, old_xfsz;
	FILE *p;
	int fd, status, ok;

	if (out) {
		fd = rl_tmp_create(out, tmp, tmplen);
		if (fd < 0) {
			tmp[0] = 0;
			return out_fail(out, errno, err, errlen);
		}
		close(fd);
	}
	/* rooflab-gp.err.tmp-PID: removed by the next run if this one is
	** killed */
	snprintf(errbase, sizeof errbase, "%s/rooflab-gp.err",
	         tmpdir && *tmpdir && strlen(tmpdir) < 200 ? tmpdir : "/tmp");
	fd = rl_tmp_create(errbase, errpath, errpathlen);
	if (fd < 0) {
		errpath[0] = 0;
		snprintf(err, errlen, "cannot create a temporary file: %s",
		         strerror(errno));
		return GP_EFAIL;
	}
	close(fd);
	/* a text plot for stdout goes through rooflab's own stdout, whose
	** errors main() checks (a full disk, a closed pipe: exit 1); gnuplot
	** writing there itself exited 0 whatever became of its writes.  It
	** is drawn into rooflab-gp.out.tmp-PID beside the error file. */
	if (!out) {
		snprintf(errbase, sizeof errbase, "%s/rooflab-gp.out",
		         tmpdir && *tmpdir && strlen(tmpdir) < 200 ? tmpdir
		                                                    : "/tmp");
		fd = rl_tmp_create(errbase, tmp, tmplen);
		if (fd < 0) {
			tmp[0] = 0;
			snprintf(err, errlen, "cannot create a temporary file: %s",
			         strerror(errno));
			return GP_EFAIL;
		}
		close(fd);
	}
	/* each path one sh word (config/shword.c); NULL where it does not
	** fit: a path cut short would name another file */
	if (!rl_sh_word(gnuplot, NULL, w1, sizeof w1) ||
	    !rl_sh_word(errpath, NULL, w2, sizeof w2)) {
		snprintf(err, errlen, "unusable path for gnuplot or TMPDIR");
		return GP_EFAIL;
	}
	snprintf(cmd, sizeof cmd, "exec %s /dev/stdin 2>%s", w1, w2);
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	fflush(stdout);
	/* gnuplot with SIGXFSZ at its default, not the ignored one of
	** rooflab's main(), which it would inherit: past a file size limit
	** (ulimit -f) it wrote on, ignoring the failed writes, and exited 0,
	** the plot cut short renamed into place; the signal ends it, and the
	** plot is not renamed.  (rooflab writes only to the pipe until the
	** parent's disposition is back.) */
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGXFSZ, &dfl, &old_xfsz);
	p = popen(cmd, "w");
	sigaction(SIGXFSZ, &old_xfsz, NULL);
	if (!p) {
		sigaction(SIGPIPE, &old, NULL);
		snprintf(err, errlen, "cannot start gnuplot: %s",
		         strerror(errno));
		return GP_EFAIL;
	}
	prelude(p, term, tmp);
	fwrite(script, 1, len, p);
	fputs("\nunset output\nexit\n", p);
	status = pclose(p);
	sigaction(SIGPIPE, &old, NULL);
	ok = status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
	read_errors(errpath, msgs, sizeof msgs);
	if (rl_stop_caught()) {
		snprintf(err, errlen, "stopped by a signal");
		return GP_EFAIL;
	}
	/* the file it was writing named, as cut_short's check below names it */
	if (status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ) {
		snprintf(err, errlen, "cannot write %s: gnuplot's output is cut "
		         "short at a file size limit (ulimit -f)",
		         out ? out : "the plot");
		return GP_EFAIL;
	}
	if (ok) {
		struct stat sb;
		if (stat(tmp, &sb) != 0 || sb.st_size == 0) {
			ok = 0;
			if (!msgs[0])
				snprintf(msgs, sizeof msgs, "empty output");
		}
	}
	if (!ok) {
		snprintf(err, errlen, "gnuplot failed%s%s", msgs[0] ? ": " : "",
		         msgs);
		return GP_EFAIL;
	}
	if (out && cut_short(term, tmp)) {
		snprintf(err, errlen, "cannot write %s: gnuplot's %s is cut short "
		         "(its end is missing): the disk may be full or a file "
		         "size limit reached (ulimit -f)", out,
		         term == GP_PNG ? "PNG" : term == GP_SVG ? "SVG" : "PDF");
		return GP_EFAIL;
	}
	if (!out) {
		ok = copy_out(tmp, err, errlen);
		tmp[0] = 0; /* copy_out removed it */
		return ok;
	}
	if (term == GP_SVG &&
	    (ok = svg_cdata_end(tmp, out, err, errlen)) != GP_OK)
		return ok;
	/* titled before it is put in place: the larger file may pass a file
	** size limit or fill the disk, and then no plot is left */
	if (term == GP_SVG && svg_title && (ok = plot_svg_title(tmp, svg_title)))
		return out_fail(out, ok, err, errlen);
	/* a signal caught during the rewrite above: not renamed either */
	if (rl_stop_caught()) {
		snprintf(err, errlen, "stopped by a signal");
		return GP_EFAIL;
	}
	if (rename(tmp, out) != 0)
		return out_fail(out, errno, err, errlen);
	tmp[0] = 0; /* it is the output now */
	return GP_OK;
}

int gp_run(gp_term term, const char *out, const char *script, size_t len,
           char *err, size_t errlen)
{
	return gp_run_titled(term, out, NULL, script, len, err, errlen);
}

int gp_run_titled(gp_term term, const char *out, const char *svg_title,
                  const char *script, size_t len, char *err, size_t errlen)
{
	char gnuplot[4096], tmp[4096], errpath[300];
	rl_stop_guard guard;
	int rc, sig;

	if (gp_find(gnuplot, sizeof gnuplot)) {
		snprintf(err, errlen, "gnuplot is not installed (not found on "
		         "PATH); install the Debian package %s (apt-get install "
		         "%s, or make deps)", GP_PACKAGE, GP_PACKAGE);
		return GP_EMISSING;
	}
	/* a Ctrl-C or SIGTERM while the temporaries exist is caught (the
	** sweeps' way, sweeps/stop.h) and gnuplot's end awaited (it has the
	** Ctrl-C too, being of the same process group; a SIGTERM sent to
	** rooflab alone lets it finish the plot), then every temporary is
	** removed, whatever draw returned, and the signal raised again: the
	** process ends by it, as it would have, exit status 128 + the
	** signal's number (130, 143) as a stopped sweep's */
	tmp[0] = errpath[0] = 0;
	rl_stop_catch(&guard);
	rc = draw(term, out, svg_title, script, len, gnuplot, tmp, sizeof tmp,
	          errpath, sizeof errpath, err, errlen);
	if (tmp[0])
		unlink(tmp);
	if (errpath[0])
		unlink(errpath);
	sig = rl_stop_caught();
	rl_stop_release(&guard);
	if (sig) {
		raise(sig);
		/* the caller's own handler took it and returned */
		snprintf(err, errlen, "stopped by %s",
		         sig == SIGTERM ? "SIGTERM" : "SIGINT");
		return GP_EFAIL;
	}
	return rc;
}
