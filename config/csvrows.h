/*
** csvrows.h: reading a CSV file (RFC 4180 quotes) row by row, as the
** measurements (config/measure.c) and the software versions
** (claim/validation.c) are read: blank lines skipped, '#' comment lines
** skipped where asked, a UTF-8 byte order mark before the first line
** dropped, lines ending in LF or CRLF, and "FILE:LINE: ..." on a line that
** cannot be a row.
*/
#ifndef RL_CSVROWS_H
#define RL_CSVROWS_H

#include <stddef.h>
#include <stdio.h>

#define CSV_MAX_FIELDS 256
#define CSV_LINE_MAX 16384
#define CSV_READ_AHEAD 8192

typedef struct {
	FILE *f;
	const char *path;
	int comments;                  /* skip lines starting with '#' */
	int line;                      /* the line of the current row */
	int nf;                        /* fields of the current row */
	char *fields[CSV_MAX_FIELDS];  /* into buf */
	char buf[CSV_LINE_MAX];
	/* the file read ahead, in[in_at .. in_len): lines cut from it by
	** memchr, fields by strchr, where a byte at a time (getc_unlocked)
	** took 24.7M instructions to read the shipped measurements and
	** versions table, now 2.8M (tests/BENCH.md, speed17) */
	char in[CSV_READ_AHEAD];
	size_t in_at, in_len;
} csv_rows;

/* Open path: 0, or -1 with "PATH: cannot open: ..." in err and fopen's
** errno kept. */
int csv_open(csv_rows *r, const char *path, int comments, char *err,
             size_t errlen);

/* The next row into r->fields, r->nf, r->line: 1; 0 at the end of the
** file; -1 with "PATH:LINE: ..." for a line too long, a NUL byte, a
** carriage return inside a line, an unterminated quote or more than
** CSV_MAX_FIELDS fields, or "PATH: cannot read: ..." (a directory). */
int csv_next(csv_rows *r, char *err, size_t errlen);

void csv_close(csv_rows *r);

/* A row of one of our own tables wider than its header (hdr fields): -1
** with "PATH:LINE: N fields where the header has H (an unquoted comma in a
** field?)", as a field past the columns would be dropped without a word;
** 0 otherwise. */
int csv_row_width(const csv_rows *r, int hdr, char *err, size_t errlen);

/* Read a small table of our own (comment lines skipped) whose header is
** exactly names[0 .. n-1]: a missing file is no table (0, err empty); each
** row, no wider than the header and of at least n fields, is passed to
** line(r, ctx, err, errlen), which returns 0 or -1 with its message.
** 0, or -1 with "PATH:LINE: ..." (or the open's message) in err, or
** RL_EINTERNAL (1) where the file could not be opened for want of memory
** (errno ENOMEM: no fault of the table). */
int csv_table_each(const char *path, const char *const *names, int n,
                   int (*line)(const csv_rows *, void *, char *, size_t),
                   void *ctx, char *err, size_t errlen);

#endif
