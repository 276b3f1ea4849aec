/*
** report.h: the report of a claim database: a plain-words verdict, the
** factor waterfall, the assumptions, the other claims, the sensitivity,
** the serving plots, the design space of any sweep, the validation of the
** model, and provenance; as one self-contained HTML page (plots inlined
** as SVG) or as Markdown (plots as SVG files beside it).
*/
#ifndef RL_REPORT_H
#define RL_REPORT_H

#include <stddef.h>

#include "ropts.h"

/* Names of the sections, in order, as their headings read (for tests and
** --help). */
const char *const *report_sections(size_t *count);

/* Free the messages (report_msgs, ropts.h) and their texts; m is empty after. */
void report_msgs_free(report_msgs *m);

/* Write the report atomically (a temporary file renamed into place).
** A database with sweeps or a validation run and no claim run (asked for
** by no --run) is reported without the claim's sections, each listed as
** absent with why and the command that fills it (a note in msgs too).
** Returns 0, 2 (bad input: no such database, none of those runs, bad
** --out) or 1
** (internal: out of memory for a message among them), with a message in
** err.  Anything that left the report poorer but still written (gnuplot
** missing, a plot without data) is a warning in msgs; msgs, which must
** start empty ({0}), holds them in order, to be freed by the caller
** (report_msgs_free) whatever the status. */
int report_write(const report_opts *o, char *err, size_t errlen,
                 report_msgs *msgs);

#endif
