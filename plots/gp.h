/*
** gp.h: drive gnuplot through a pipe.
**
** A plot is a gnuplot script held in memory (data inline as datablocks,
** "$d << EOD"); gp_run() starts gnuplot with popen, sends the terminal
** settings for the output's kind, the script and the closing commands, and
** renames the finished image into place.  No script or data file is ever
** written to disk; a failed run leaves no output file behind.
*/
#ifndef RL_GP_H
#define RL_GP_H

#include <stddef.h>
#include <stdio.h>

typedef enum { GP_PNG = 0, GP_SVG, GP_PDF, GP_DUMB } gp_term;

/* Result codes of gp_run(). */
enum {
	GP_OK = 0,
	GP_EFAIL = 1,     /* gnuplot failed, or the machine failed writing */
	GP_EOUTPUT = 2,   /* the output's path is wrong (rl_out_exit) */
	GP_EMISSING = 3   /* no gnuplot on the PATH */
};

/* The Debian package that provides gnuplot, for messages. */
#define GP_PACKAGE "gnuplot-nox"

/* The terminal for an output path, by its extension (.png .svg .pdf .txt,
** in any case); 0, or -1 when the extension is none of these. */
int gp_term_of_path(const char *path, gp_term *term);

/* Name of a terminal kind ("png", "svg", "pdf", "dumb"); -1 if unknown. */
int gp_term_of_name(const char *name, gp_term *term);

/* The terminal a plot is written with, from --out (NULL: not given) and
** --term (NULL: not given): 0 with *term; -1 with a message in err naming
** the option and the forms it takes, where --term is unknown, --out is
** empty, is only an extension (".png": a hidden file), ends in none of
** .png .svg .pdf .txt (in any case, as report's --out), or another than
** --term writes, or where neither --out nor --term dumb is given. */
int gp_out_term(const char *out, const char *term_name, gp_term *term,
                char *err, size_t len);

/* Full path of gnuplot found on $PATH into buf; 0, or -1 when absent. */
int gp_find(char *buf, size_t len);

/* Run a script.  out: the image file, or NULL for the dumb terminal on
** stdout.  Returns GP_OK, or GP_EFAIL / GP_EOUTPUT / GP_EMISSING with a
** message; no temporary is left on any of them.  A SIGINT or SIGTERM
** while it runs (unless ignored) is held until gnuplot has ended, the
** temporaries are removed, and the signal is raised again with its
** disposition as before: the process ends by it (exit status 130, 143),
** or, where the caller's own handler takes it, GP_EFAIL. */
int gp_run(gp_term term, const char *out, const char *script, size_t len,
           char *err, size_t errlen);

/* gp_run, an SVG's figure titled svg_title (NULL: gnuplot's own title)
** before it is renamed onto out (svgtitle.h plot_svg_title); a write of
** it that fails is "cannot write OUT: REASON", GP_EFAIL, no file put in
** place. */
int gp_run_titled(gp_term term, const char *out, const char *svg_title,
                  const char *script, size_t len, char *err, size_t errlen);

/* Write s to f as a gnuplot string expression that gnuplot cannot
** evaluate: single-quoted (no backquote or @macro substitution there), a
** quote doubled, a newline joined as "\n" (a line break of a title), a
** tab a blank, every other control character rl_utf8_control names (C0,
** DEL, C1, a bidirectional control) '?', a noncharacter and a byte that
** begins no well-formed UTF-8 sequence '?' (so the image stays UTF-8). */
void gp_quote(FILE *f, const char *s);

/* Write s to f as a double-quoted field of an inline data block (quotes
** and control characters replaced so the field stays one token; a
** control character rl_utf8_control names, a noncharacter and a byte that
** begins no well-formed UTF-8 sequence '?', as gp_quote). */
void gp_field(FILE *f, const char *s);

#endif
