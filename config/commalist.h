/*
** commalist.h: the items of a comma-separated list, the one splitting rule
** of a sweep axis's list ("(1, 2, 4)", sweeps/axis.c), a claim side
** spec ("h100-sxm,tp=8", claim/claimspec.c) and calibrate's --fit and
** --aside lists (cli/fitlist.c, cli/cmd_calibrate.c).  Every place
** before, between and after the commas is an item, so "1,,2", "1,2,"
** and ",1" hold an empty one for the caller to refuse: strtok would skip
** it and read a typo as a shorter list.
*/
#ifndef RL_COMMALIST_H
#define RL_COMMALIST_H

/* The next item of the list at *rest, cut off in place at its comma and,
** when trim is set, stripped of the blanks around it (ini_trim); *rest
** moves past that comma, or becomes NULL after the last item.  Returns
** NULL once *rest is NULL.  An empty text is one empty item. */
char *commalist_next(char **rest, int trim);

#endif
