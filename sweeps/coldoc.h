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

/* The unit of a column of a sweep's results, by the same names: an
** output's SI unit or a parameter's from their tables, "x" for the
** speedups (a ratio to the [baseline]'s, as the plots label it); NULL for
** a column neither names.  The spec's run_columns.unit (and so the CSV
** header and the JSON export) and the plots' axis labels read it. */
const char *rl_sweep_column_unit(const char *name);

#endif
