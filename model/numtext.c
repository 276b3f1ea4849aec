/*
** numtext.c: a number written as text (numtext.h).
*/
#include "numtext.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

int rl_number_text(const char *text, double *x)
{
	char *end;
	errno = 0;
	*x = strtod(text, &end);
	return end != text && !*end && !strpbrk(text, "xX") &&
	       !isspace((unsigned char)*text);
}
