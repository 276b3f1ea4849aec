/*
** celltext.h: what rooflab never writes in a sweep's text cell.
**
** A text column (a parameter's choice, an output's word) and a column's
** unit hold ASCII words as rooflab writes them.  A file edited by hand can
** put a blob there, or text with a NUL inside, a byte of no UTF-8 or a
** control character (a bidirectional one among them, which reverses a
** terminal's row after it), which a CSV would carry to a script or a
** terminal; export and merge refuse such a cell, naming it (fuzz15).
*/
#ifndef RL_CELLTEXT_H
#define RL_CELLTEXT_H

#include <sqlite3.h>
#include <stddef.h>

enum {
	RL_CELL_TEXT_OK,   /* NULL, a number, or text of UTF-8 without controls */
	RL_CELL_TEXT_BLOB, /* a blob */
	RL_CELL_TEXT_NUL,  /* text with a NUL byte inside */
	RL_CELL_TEXT_BAD,  /* text with a byte of no UTF-8 */
	RL_CELL_TEXT_CTRL  /* text with a control character: C0 but tab, LF
	                   ** and CR (a CSV quotes them), DEL, C1, or a
	                   ** bidirectional control (rl_utf8_control) */
};

/* The RL_CELL_TEXT_* of a value of SQLite type `type` (SQLITE_TEXT ...)
** whose text is s (NULL for none) of n bytes, as sqlite3_column_bytes
** counts them (past a NUL inside). */
int rl_cell_text_fault(int type, const unsigned char *s, int n);

/* "holds " + these words say a fault into a message: "a blob", "text
** Q with a byte of no UTF-8", where Q is the value quoted (rl_utf8_quote)
** and blank for a blob: the words after Q, "" for RL_CELL_TEXT_OK and
** RL_CELL_TEXT_BLOB. */
const char *rl_cell_text_words(int kind);

/* The bytes a buffer for rl_cell_sql_quote takes, its longest cut value
** with its size said ("'...' (N bytes (M characters))") and room over. */
#define RL_CELL_QUOTE_LEN 160

/* q, the text of SQL's quote() of a cell ('ok', 0.5, X'41', NULL), for a
** message into buf (len bytes, RL_CELL_QUOTE_LEN or more): as it is where
** it is short, else cut visibly at a whole character: a text's value as
** rl_utf8_quote cuts it ("'okok...' (5000 bytes)", its closing quote
** kept and its own size said), a blob's "X'4142...' (a blob of N
** bytes)"; each control and byte of no UTF-8 written '?' (rl_utf8_cell).
** A long quote() cut into a fixed buffer lost its closing quote and any
** sign that it was cut (sweeps75).  Returns buf. */
const char *rl_cell_sql_quote(const char *q, char *buf, size_t len);

/* Column k of st, run_columns.`field` (unit, source, dotted) of the
** column `name` in run run_id of the file `path`, as rl_cell_text_fault
** finds it: where at fault, "PATH run N: run_columns.FIELD of NAME holds
** ... , not text as rooflab writes it; REFUSAL" into err and 1; else 0.
** Export's and merge's one check of the column's words (the --units
** header and the JSON's columns carry them; merge copies them). */
int rl_cell_column_fault(sqlite3_stmt *st, int k, const char *field,
                         const char *path, long long run_id,
                         const char *name, const char *refusal, char *err,
                         size_t errlen);

/* The row st stands on, a run's row of the table runs in the file `path`,
** each column as rl_cell_text_fault finds it, but a control or a byte of
** no UTF-8 in spec and spec_path (the user's own bytes as sweep read them:
** a spec's comments, a file name; written escaped, config/json.c): at the
** first fault "PATH run N: runs.COL holds ..., not text as rooflab writes
** it; REFUSAL" into err and 1; else 0.  Export's and merge's one check of
** a run's row (sweeps77, small82 wrote it twice). */
int rl_cell_run_row_fault(sqlite3_stmt *st, const char *path,
                          long long run_id, const char *refusal, char *err,
                          size_t errlen);

#endif
