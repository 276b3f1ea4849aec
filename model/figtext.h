/*
** figtext.h: a figure as eval's table writes it, one rule for every place
** that writes the same figure (eval's rows, claim's and the report's USD
** per million tokens): in exponent form from 1e15 (1.24e+62), whole from
** 1e5, one decimal from 100, else three significant digits with their
** trailing zeros (42.0, 1.70, 0.460); a whole number under 1e5 whole (1,
** 0, 160, 33625).
*/
#ifndef RL_FIGTEXT_H
#define RL_FIGTEXT_H

#include <stddef.h>

/* v by the rule above into buf (len bytes); returns buf. */
const char *rl_fig_text(char *buf, size_t len, double v);

/* v as curve's table cells write it, four significant digits (%.4g;
** zeros 1: their trailing zeros kept, %#.4g, less a point with no digit
** after it: 10.90, 1360), whole from 9999.5 (%.4g wrote 1e+04), and from
** 1e15 in exponent form, as rl_fig_text (1e+15; zeros 1: 1.000e+15); a
** figure its rounding carries to 1e15 (999999999999999.9) in that form
** too, where it was sixteen plain digits beside 1e15's.  Returns buf. */
const char *rl_fig_cell4(char *buf, size_t len, double v, int zeros);

/* rl_fig_text's figure of a threshold, moved one unit of its last shown
** digit toward dir (1 up, -1 down) where nearest rounding fell on the
** other side of v, so that the figure said still holds: a value that
** reaches a target at "x >= 3.65817" reads ">= 3.66", at "x <= 0.495417"
** "<= 0.495", where nearest gave 0.495 and 0.496 the other way round
** ("x >= 0.495" would not reach it); dir 0, or a figure shown exactly,
** as rl_fig_text.  Returns buf. */
const char *rl_fig_text_dir(char *buf, size_t len, double v, int dir);

/* The side rule of a figure said beside a target (most 0: a floor, met
** at >= target; 1: a ceiling, at <=), whatever its digits: where the
** figure shown lies on the other side of the target than v (nearest
** rounding carried it across: 19.97 shown 20.0 at a floor of 20), the
** direction it moves back, toward v (-1 down, +1 up), one unit of its
** last digit at a time until it is at or past v; 0 where it is on v's
** side, or v or the target is not a number.  rl_fig_text_side's (three
** digits) and claim_speedup2_side's (claim/numwords.h, hundredths). */
int rl_fig_side_dir(double shown, double v, double target, int most);

/* rl_fig_text's figure of v said beside a target (most 0: a floor, v
** meets it at >= target; 1: a ceiling, at <=): where nearest rounding put
** the figure on the other side of the target than v (a best of 0.01003
** s under a ceiling of 0.01 s read 0.0100, 19.97 under a floor of 20
** read 20.0), moved one unit of its last digit back to v's side
** (rl_fig_text_dir: 0.0101, 19.9); else as rl_fig_text.  Returns buf. */
const char *rl_fig_text_side(char *buf, size_t len, double v, double target,
                             int most);

/* rl_fig_text's figure of v beside a ceiling lim that v meets (met: v at
** or under it) or not, where that figure reads on the other side of lim,
** with as many more decimals (%.*f, up to 40) as put it back on v's side:
** 4.2417 beside 4.2409 "4.242" (4.24 read met), 34.973 met under 34.986
** "34.97" (35.0 read over), 20.0004 over 20 "20.0004" (20.0 read on it);
** nearest within its digits, where rl_fig_text_side moves the last one
** (20.1).  The targets table's rule (eval, map: cli/loadout.c), the lines
** beside it and the heatmap's "exceeded everywhere (at least X)"; from
** 1e15, or lim not a number, as rl_fig_text.  met is given, not read from
** v and lim: a latency over its target in s may equal it in ms.  Returns
** buf. */
const char *rl_fig_text_beside(char *buf, size_t len, double v, double lim,
                               int met);

/* rl_fig_text_beside's rule beside a target (most 0: a floor, v meets it
** at >= target; 1: a ceiling, at <=), met read from v: the figure with as
** many more decimals as put it on v's side of the target, 19.97 short of
** a floor of 20 "19.97" (20.0 read as reached; rl_fig_text_side's 19.9
** read further short than it is), 20.0004 over a ceiling of 20
** "20.0004"; where v meets it, a figure meeting it (20 at a floor of 20:
** 20.0).  The heatmap's "reached nowhere (at most X)".  Returns buf. */
const char *rl_fig_text_target(char *buf, size_t len, double v,
                               double target, int most);

#endif
