/*
** coldoc.h: what a column of a sweep's results is, in this build's words
** (the output and parameter tables' docs), for the export, the database's
** column_docs and the plots' axis titles.
*/
#ifndef RL_SWEEP_COLDOC_H
#define RL_SWEEP_COLDOC_H

/* The description of a column of a sweep's results, by its dotted name or
** its column name ("speedup.total_tokens" or "speedup_total_tokens"): an
** output's or a parameter's doc from their tables, or the speedups' own;
** NULL for a column neither names.  The JSON export's "doc" and the
** heatmap's axis titles read it. */
const char *rl_sweep_column_doc(const char *name);

#endif
