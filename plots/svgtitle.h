/*
** svgtitle.h: an SVG plot named in words (svgtitle.c).
*/
#ifndef RL_PLOTS_SVGTITLE_H
#define RL_PLOTS_SVGTITLE_H

/* Rewrite gnuplot's SVG at tmp, in place, with `title` as its <title>
** (a control character, a noncharacter and a byte of no UTF-8 written
** '?', a tab and a newline a space, as gp_quote writes a label's) and
** without gnuplot's "gnuplot_plot_N" element titles: 0, or the
** errno of the failed read or write (EIO where none was kept).  Called
** on the temporary before it is renamed onto the output (gp.c), so that
** a write that fails (a file size limit, a full disk) leaves no plot. */
int plot_svg_title(const char *tmp, const char *title);

#endif
