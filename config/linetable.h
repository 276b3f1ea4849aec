/*
** linetable.h: the lines of a small table (datasets.csv, rounding.csv)
** kept in the file's order, and each measurement row given the last line
** it matches, as applying each line in turn to every row left it: the
** lines are read first, then each row finds its line by key (keymemo.h),
** worked out once for each distinct key the rows hold.  No global
** state: the caller owns the table (line_table_read, line_table_free).
*/
#ifndef RL_LINETABLE_H
#define RL_LINETABLE_H

#include <stddef.h>
#include <stdint.h>

#include "csvrows.h"
#include "keymemo.h"
#include "measure.h"
#include "strpool.h"

typedef struct {
	char *v;             /* n lines of size bytes each */
	size_t n, cap, size;
	strpool *text;       /* the lines' texts */
	int oom;             /* a line could not be held */
} line_table;

/* path's lines read into t (lines of size bytes) through
** csv_table_each(path, names, n, keep, t, ...): keep checks a line and
** keeps it (line_table_add).  0 (no file: no lines), -1 with the message
** in err, or RL_EINTERNAL where it could not be opened (csv_table_each)
** or its lines held, for want of memory ("FILE[:LINE]: out of memory").
** t is to be freed whatever it returns. */
int line_table_read(line_table *t, size_t size, const char *path,
                    const char *const *names, int n,
                    int (*keep)(const csv_rows *, void *, char *, size_t),
                    char *err, size_t errlen);

/* line (t->size bytes) appended to t, the texts[i] (ntexts pointers to
** its text fields, each pointing at the line's text as read) first put
** in t's own pool: 0, or -1 with "FILE:LINE: out of memory" in err and
** t->oom set. */
int line_table_add(line_table *t, void *line, const char **const *texts,
                   int ntexts, const csv_rows *cr, char *err,
                   size_t errlen);

/* Each row of set given the last line it matches (match(line, row)
** nonzero): apply(line, row); rows of one key (key(row, k): its text
** fields by pointer, as a set's rows share their strings, its numbers by
** their bits) match the same line, worked out once (a key the memo
** cannot hold, out of memory, is worked out again). */
void line_table_apply(const line_table *t, meas_set *set,
                      void (*key)(const meas_row *, uint64_t *),
                      int (*match)(const void *line, const meas_row *),
                      void (*apply)(const void *line, meas_row *));

/* Frees t's lines and texts (a table read or not, zeroed). */
void line_table_free(line_table *t);

#endif
