/*
** text.c: small text helpers of the sweep spec reader (text.h).
*/
#include "text.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/num.h"
#include "../config/setup.h"
#include "../model/outputs.h"
#include "../model/params.h"

/* A whole-string number, trailing blanks allowed; 0 on success. */
int rl_sw_number(const char *text, double *v)
{
	char buf[128];
	size_t n = strlen(text);
	while (n && isspace((unsigned char)text[n - 1]))
		n--;
	if (n >= sizeof buf)
		return -1;
	memcpy(buf, text, n);
	buf[n] = '\0';
	return num_text(buf, v);
}

/* The output nearest name and its distance (1000 with none near enough
** to offer).  Near: within rl_edit_allowed's edits (a third of the name:
** the bound was 4 + len/4, so node.name, 5 edits from model.params, was
** offered it), or the name holds an output's key (mfu: utilization.mfu). */
static size_t output_nearest(const char *name, const rl_output **pick)
{
	size_t n, i, best = 1000;
	const rl_output *t = rl_outputs(&n);
	*pick = NULL;
	for (i = 0; i < n; i++) {
		size_t d = rl_edit_distance(name, t[i].name, 0);
		const char *dot = strchr(t[i].name, '.');
		if (dot && strstr(name, dot + 1))
			d = d < 2 ? d : 2;
		else if (d > rl_edit_allowed(strlen(name)))
			continue;
		if (d < best) {
			best = d;
			*pick = &t[i];
		}
	}
	return *pick ? best : 1000;
}

void rl_sw_output_hint(const char *name, char *out, size_t len)
{
	const rl_output *pick;
	output_nearest(name, &pick);
	if (pick)
		snprintf(out, len, "; did you mean %s?", pick->name);
	else
		snprintf(out, len, " (`rooflab eval --json` shows them all)");
}

void rl_sw_name_hint(const char *name, char *out, size_t len)
{
	const char *close[4];
	char nb[4][64];
	const rl_output *pick;
	size_t np = rl_param_suggest(name, close, 4, nb), i;
	size_t dout = output_nearest(name, &pick), dpar = 1000;
	for (i = 0; i < np; i++) {
		size_t d = rl_edit_distance(name, close[i], 0);
		dpar = d < dpar ? d : dpar;
	}
	if (np && (!pick || dpar <= dout))
		setup_param_hint(name, out, len);
	else
		rl_sw_output_hint(name, out, len);
}
