/*
** ini.h: a small INI reader.  Sections in [brackets], "key = value" lines,
** comments after ';' or '#' (whole lines, or after whitespace).  Errors
** are reported as "file:line: what is wrong".
*/
#ifndef RL_INI_H
#define RL_INI_H

#include <stddef.h>

/* The longest line (in characters, less its line end) the reader takes;
** a longer one is refused with its file and line. */
#define INI_LINE_MAX 4095

/* Called for each key; returns 0 to go on, non-zero to stop (with a
** message in err, which the reader prefixes with file:line): RL_EINTERNAL
** (1, model/status.h: out of memory, as a nested preset's read that ran
** out) is passed on as the reader's status, any other as -1. */
typedef int (*ini_cb)(void *ud, const char *section, const char *key,
                      const char *value, char *err, size_t errlen);

/* The same, also told the key's line (for a check made later that must
** still say where the key was). */
typedef int (*ini_line_cb)(void *ud, const char *section, const char *key,
                           const char *value, int line, char *err,
                           size_t errlen);

/* Called at each section header with its name (trimmed) and line, before
** the section's keys; 0 to go on, non-zero to stop (with a message in
** err, which the reader prefixes with file:line).  For a check of a
** section as a whole (it lacks a key, it is given twice) that must say
** where its header is. */
typedef int (*ini_section_cb)(void *ud, const char *section, int line,
                              char *err, size_t errlen);

/* A section header given a second time, for a section callback: the one
** message every reader gives, "[SECTION] is given twice in this file
** (first at line FIRST; its keys would join or replace the first's without
** a word)", into err (the reader prefixes the file and the second
** header's line).  Returns -1, for `return ini_section_twice(...)`. */
int ini_section_twice(const char *section, int first, char *err,
                      size_t errlen);

/* The readers' message for a key with no value, "key 'KEY' has no
** value", into err (the reader prefixes file:line).  Returns -1. */
int ini_no_value(const char *key, char *err, size_t errlen);

/* Where a line's comment starts, the reader's one rule: the first ';' or
** '#' at the start of s or after white space (a ';' or '#' inside a word
** is text); NULL where s has none.  The reader cuts a line there. */
char *ini_comment(char *s);

/* Strip leading and trailing white space in place; returns the start. */
char *ini_trim(char *s);

/* Parse a file.  Returns 0, or -1 with "file:line: message" in err (the
** file's fault), or RL_EINTERNAL (1) with "file: out of memory" where its
** text could not be held, or a callback returned RL_EINTERNAL: no fault
** of the file, an internal failure (exit 1, not 2). */
int ini_parse_file(const char *path, ini_cb cb, void *ud, char *err,
                   size_t errlen);

/* Parse a file with a callback that is told each key's line, also
** calling scb at each section header. */
int ini_parse_file_sections(const char *path, ini_section_cb scb,
                            ini_line_cb cb, void *ud, char *err,
                            size_t errlen);

/* A whole file read into *text (at most 16 MiB, no NUL byte), read to
** its end whatever size it gave, for a caller that parses it more than
** once (ini_parse_read); free() it.  0; -1 (the file's fault) or
** RL_EINTERNAL (1: out of memory, its text's or the FILE's: errno ENOMEM
** from rl_open_regular; or a read that failed, "PATH: cannot read:
** REASON"), *text NULL
** and "PATH: ..." in err ("PATH:LINE: byte N of the line is a NUL byte;
** not a text file" for a NUL, the line and byte as the reader counts
** them). */
int ini_read_file(const char *path, char **text, char *err, size_t errlen);
/* The refusal of a file's got bytes at buf, which hold a NUL byte, in
** err: "PATH:LINE: byte N of the line is a NUL byte; not a text file",
** the first NUL's line and byte as the reader counts them (a byte order
** mark on the first line not counted), as it names a byte that is no
** UTF-8 and the CSV reader a NUL (csvrows.c), where "PATH: contains a NUL
** byte" named neither (fuzz11). */
void ini_nul_byte(const char *path, const char *buf, size_t got,
                  char *err, size_t errlen);

/* Parse text ini_read_file read from path as ini_parse_file_sections
** parses the file. */
int ini_parse_read(const char *path, const char *text, ini_section_cb scb,
                   ini_line_cb cb, void *ud, char *err, size_t errlen);

/* Parse text already in memory; name is used in messages. */
int ini_parse_text(const char *name, const char *text, ini_cb cb, void *ud,
                   char *err, size_t errlen);

/* The same, with a callback told each key's line and scb called at each
** section header (as ini_parse_file_sections); unlike the other readers,
** a key with no value ("key =") is passed to cb with value "", for a
** caller that says what the key takes (a sweep spec's axes) and gives
** the other keys ini_no_value's message. */
int ini_parse_text_sections(const char *name, const char *text,
                            ini_section_cb scb, ini_line_cb cb, void *ud,
                            char *err, size_t errlen);

#endif
