/*
** numtext.h: what a number written as text is, the one rule of --set and
** INI values (model/params.c) and of every other number the program reads
** (config/num.c): decimal, and the whole of its text, with no blank before
** it as none after it.  strtod alone would also read hexadecimal ("0x10"
** as 16), skip blanks before a number and stop at the first character
** that is not one of it ("8x" as 8).
*/
#ifndef RL_NUMTEXT_H
#define RL_NUMTEXT_H

#include <stddef.h>

/* text as one number into *x (strtod's value: "inf" and "nan" included,
** the range checked by the caller): 1 when it is a number by the rule
** above, else 0.  errno is strtod's (ERANGE when the number overflows or
** underflows a double). */
int rl_number_text(const char *text, double *x);

/* v as text for a message or a listing: a whole number below 1e15 in all
** its digits (10000000, where %g wrote 1e+07), any other the shortest of
** %.6g to %.17g that reads back as v (0.001, 709.78; 1e+20 past 1e15),
** its digits in plain decimals from 1e-9 where %g takes its exponent form
** (0.000001, 0.00000025, where %g wrote 1e-06 and 2.5e-07; 1e-10 as %g).
** -0 reads -0 (a value refused as written).  The text is a valid JSON
** number for a finite v.  Returns buf. */
const char *rl_number_write(double v, char *buf, size_t len);

/* v x 10^places as text by the same rule, from the decimal of v's text
** moved that many places (its text read with "eN"): a share of 0.905 is
** 90.5 %, 12.345678 ms 0.012345678 s, where 100 x 0.905 and 12.345678 /
** 1000 as doubles write 90.50000000000001 and 0.012345677999999999; v in
** exponent form (past 1e15, or under 1e-9: 5e-10) by its exponent moved
** (5e-10 x 100 is 0.00000005).  Returns buf. */
const char *rl_number_shift(double v, int places, char *buf, size_t len);

#endif
