/*
** coldoc.c: what a column of a sweep's results is, in this build's words
** (coldoc.h): one lookup that the JSON export, the database's column_docs
** (store.c) and the plots read, apart from either so that neither imports
** the other.
*/
#include "coldoc.h"

#include <string.h>

#include "../model/outputs.h"
#include "../model/params.h"

/* What a column is, in this build's words (rooflab params, the output
** table): "power one chip draws ..." beside power.watts, where a reader
** of the file had its name and unit alone and could not tell a chip's
** figure from the system's; nothing for a name this build lacks. */
const char *rl_sweep_column_doc(const char *name)
{
	const rl_output *o;
	const rl_param *p;
	if (!name)
		return NULL;
	if ((o = rl_output_find(name)) && o->doc)
		return o->doc;
	if ((p = rl_param_find_full(name)) && p->doc)
		return p->doc;
	if (!strcmp(name, "speedup.total_tokens") ||
	    !strcmp(name, "speedup_total_tokens"))
		return "input + output tokens/s over the [baseline]'s";
	/* (is_speedup below names the same four) */
	if (!strcmp(name, "speedup.output_tokens") ||
	    !strcmp(name, "speedup_output_tokens"))
		return "output tokens/s over the [baseline]'s";
	return NULL;
}

/* 1 for a speedup's name, dotted or as a column */
static int is_speedup(const char *name)
{
	return !strcmp(name, "speedup.total_tokens") ||
	       !strcmp(name, "speedup_total_tokens") ||
	       !strcmp(name, "speedup.output_tokens") ||
	       !strcmp(name, "speedup_output_tokens");
}

const char *rl_sweep_column_unit(const char *name)
{
	const rl_output *o;
	const rl_param *p;
	if (!name)
		return NULL;
	if ((o = rl_output_find(name)))
		return o->si_unit;
	if ((p = rl_param_find_full(name)))
		return p->unit;
	/* the speedups' one unit: until 2026-11-30 the spec stored "" while
	** the plots labelled them "x" */
	return is_speedup(name) ? "x" : NULL;
}
