/*
** dbfile.h: the rules every SQLite file rooflab writes follows.
**
** The target is a real file: "", ":memory:" and "file:" URIs are refused,
** since they would store nothing or somewhere else, and so is a path that
** is there but is no regular file (a directory, /dev/null, a pipe).  A file is marked with
** PRAGMA application_id and user_version for its kind (sweep, claim); a
** file of another kind or another program, or no SQLite file at all, is
** refused and left unchanged.
*/
#ifndef RL_DBFILE_H
#define RL_DBFILE_H

#include <sqlite3.h>
#include <stddef.h>

typedef struct {
	const char *what;        /* "sweep", "claim" (for messages) */
	int app_id;              /* PRAGMA application_id */
	int version;             /* PRAGMA user_version */
	/* unmarked files written by an older rooflab are recognised by their
	** table names all starting with one of these (NULL: none) */
	const char *const *legacy;
	/* a file of ours of version upgrade_from up to version - 1, or an
	** unmarked one of the legacy tables, is upgraded in place by
	** rl_db_open_write: upgrade_sql run and the mark set in one
	** transaction (0, NULL: an older version refused, "write to a new
	** file", an unmarked one marked alone); upgrade_sql may only add
	** (CREATE ... IF NOT EXISTS) */
	int upgrade_from;
	const char *upgrade_sql;
} rl_db_kind;

/* 0 when path may be written as a database, else RL_EINPUT with a
** message ("", ":memory:", a "file:" URI, an existing path that is not
** a regular file: a directory, FIFO or device, or a file this process
** may not write: read-only or immutable) that begins with the path
** ("PATH: a directory, not a database file"), or for "" reads "a database
** needs a file name (...)"; it names no option: a caller that took the
** path from one puts its name in front. */
int rl_db_target_check(const char *path, char *err, size_t errlen);

/* The message of a database that is not there, one wording for every
** command that reads one (sweeps/store.c for export and merge,
** plots/pdb.c for plot, reports/report.c for report): "[OPT ]PATH: no
** such database (make one with MAKE PATH)", PATH in the command as sh
** reads it back (shword.h rl_sh_word; "FILE" where it does not fit).
** opt, when not NULL, names the option that gave the path ("--sweeps");
** make is the command that writes one, up to the file ("rooflab sweep
** SPEC --db").  Returns RL_EINPUT (exit 2: the user's input). */
int rl_db_missing(const char *opt, const char *path, const char *make,
                  char *err, size_t errlen);

/* The marks (PRAGMA application_id) of rooflab's two kinds of database,
** by which any command names a file of the other kind: sweep and merge
** write sweep databases (sweeps/store.h), claim --db and validate --db
** claim databases (claim/schema.h). */
#define RL_DB_APP_SWEEP 0x524c5357 /* "RLSW" */
#define RL_DB_APP_CLAIM 0x524c434c /* "RLCL" */

/* The tables of an unmarked claim database an older rooflab wrote (names
** beginning with one of these; NULL-ended): claim_db_kind's legacy list
** (claim/claimdb.c), here so that a sweep command that finds such a file
** names it a claim database too (rl_db_identify), as plot and report do. */
extern const char *const rl_db_claim_legacy[];

/* What a file is, by its mark (rl_db_found). */
typedef enum {
	RL_DB_FOUND_EMPTY,      /* an SQLite file of no tables, unmarked */
	RL_DB_FOUND_SWEEP,      /* marked RL_DB_APP_SWEEP (any version) */
	RL_DB_FOUND_CLAIM,      /* marked RL_DB_APP_CLAIM (any version) */
	RL_DB_FOUND_OTHER,      /* SQLite tables without either mark */
	RL_DB_FOUND_NOT_SQLITE  /* not SQLite, damaged, or unreadable */
} rl_db_found_kind;

/* What db is, and its name in words into buf (len bytes), for messages
** (an unmarked file whose tables are all legacy ones of one of kinds, a
** NULL-ended list or NULL, an older rooflab's, is named as of that kind):
** "a rooflab sweep database (rooflab sweep and merge write these)", "a
** rooflab claim database (rooflab claim --db and validate --db write
** these)", "an empty SQLite database", "not a rooflab file (an SQLite
** database without rooflab's mark: application_id 0xA, N tables and
** indexes)", "not a rooflab file (not an SQLite database, or a damaged
** one)". */
rl_db_found_kind rl_db_found(sqlite3 *db, const rl_db_kind *const *kinds,
                             char *buf, size_t len);

/* Which file this is: RL_OK when ours (right version), with *unmarked 1
** when it is empty or an older unmarked one of ours of a kind that
** upgrades none (to be marked), 2 when an older version the kind upgrades
** in place (k->upgrade_from; to be upgraded, then marked), an unmarked
** one of ours too (its tables the oldest); else
** RL_EINPUT (foreign, other version, not SQLite, damaged) or RL_EINTERNAL
** with a message.  A file of another kind is named with rl_db_found's
** words and the fix: "PATH is a rooflab sweep database (...), not a claim
** database; it was left unchanged: give --db another file (a new one, or
** a claim database)" (every writer takes its file with --db). */
int rl_db_identify(sqlite3 *db, const char *path, const rl_db_kind *k,
                   int *unmarked, char *err, size_t errlen);

/* rl_db_identify for a reader (export --db, merge's parts), whose fix is
** "name a rooflab KIND database instead" (no new file holds runs). */
int rl_db_identify_read(sqlite3 *db, const char *path, const rl_db_kind *k,
                        int *unmarked, char *err, size_t errlen);

/* Refuse a file that a later rooflab wrote: where db's application_id is
** one of kinds' (a NULL-ended list) and its user_version newer than that
** kind's, RL_EINPUT with "PATH holds rooflab KIND schema version V; the
** newest this build reads is N (a later rooflab wrote it; this one cannot
** read it: read it with that rooflab or a later one)", the words
** rl_db_identify_read gives (rl_db_identify's writers are told "it was
** left unchanged: add to it with that rooflab, or give --db another
** file"; of an older version neither reads nor upgrades, the reader "this
** rooflab reads version N only (an older rooflab wrote it; this one
** cannot read it: read it with that rooflab)", the writer "write to a new
** file"); RL_OK for
** any other file (an older version, an unmarked or foreign file: the
** reader's own checks say what they lack), or rl_db_exit's status with
** SQLite's words where the marks cannot be read.  For every reader (plot,
** report: pdb_open; export, merge, sweep --resume: rl_db_identify). */
int rl_db_newer_check(sqlite3 *db, const char *path,
                      const rl_db_kind *const *kinds, char *err,
                      size_t errlen);

/* Write the kind's mark into db (inside the caller's transaction). */
int rl_db_mark(sqlite3 *db, const rl_db_kind *k);

/* Open path for writing (created if absent), checked and marked: 0 with
** *db, or RL_EINPUT / RL_EINTERNAL with a message (a file this call
** created is removed again). */
int rl_db_open_write(const char *path, const rl_db_kind *k, int busy_ms,
                     sqlite3 **db, char *err, size_t errlen);

/* rl_db_open_write, returning with its transaction (BEGIN IMMEDIATE)
** open: the upgrade and mark of an older or unmarked file are not yet
** committed, so that the caller's writes and they are committed together
** or rolled back together (a write that fails leaves the file as it was,
** not upgraded and marked without the run). */
int rl_db_open_write_begun(const char *path, const rl_db_kind *k,
                           int busy_ms, sqlite3 **db, char *err,
                           size_t errlen);

/* sqlite3_open_v2(path, db, flags, NULL) with rooflab's settings of
** every connection, the one place they are made: SQLite's
** double-quoted-string fallback off (SQLITE_DBCONFIG_DQS_DML and _DDL 0),
** so that a "name" that is no column (a misspelt or missing one, in a
** file altered by hand) is an error ("no such column"), never read as the
** string 'name'.  Returns sqlite3_open_v2's code (or the setting's, *db
** then open), *db as it leaves it.  Every open of rooflab's goes through
** it (rl_db_open_read and the writers' opens). */
int rl_db_open(const char *path, int flags, sqlite3 **db);

/* Open path read-only so that nothing is created beside it: a WAL-mode
** file with no -wal beside it (no writer has it open) is opened immutable
** (a URI "file:...?immutable=1", which makes no -wal or -shm); any other
** file is opened plainly with SQLITE_OPEN_READONLY (a rollback-journal
** file needs nothing beside it to be read; a -wal already there is read
** as usual).  ASSUMPTION: a writer that opens and checkpoints the file
** while the caller reads it is not seen; rooflab's reads take
** milliseconds.  Returns sqlite3_open_v2's code; *db as it leaves it;
** SQLITE_CANTOPEN, *db NULL, for a path that is not a regular file (a
** FIFO would block the open). */
int rl_db_open_read(const char *path, sqlite3 **db);

/* The exit status for an SQLite result code: RL_EINTERNAL for out of
** memory, I/O errors, a full disk and misuse; RL_EINPUT for the rest
** (locked, damaged, not a database, altered by hand, unwritable, a row
** written twice by two processes, a constraint or trigger of its own). */
int rl_db_exit(int rc);

/* 1 when the failure rc on db is a UNIQUE or PRIMARY KEY conflict (a row
** written twice: by two processes, for rooflab's own schemas); 0 for any
** other failure, another constraint's (CHECK, NOT NULL, FOREIGN KEY, a
** trigger's RAISE) too. */
int rl_db_conflict(sqlite3 *db, int rc);

/* SQLite's own words for the failure rc on db into buf (len bytes): the
** handle's message, or rc's where the handle holds none (a failure that
** was not the handle's: its message would be "not an error"), its
** controls and bytes of no UTF-8 character as '?' (rl_utf8_cell: it may
** quote the database, a trigger's RAISE text).  Returns buf. */
const char *rl_db_words(sqlite3 *db, int rc, char *buf, size_t len);

/* A message for an SQLite failure rc on db, "WHAT: the disk is full
** (...)", "WHAT: the database is locked by another process (...)",
** "WHAT: another process is writing the same rows (...)" for a conflict
** (rl_db_conflict), "WHAT: the database refused the write: ..." for any
** other constraint, the handle's own message otherwise; SQLite's message,
** which may quote the database, with its controls as '?' (rl_utf8_cell). */
void rl_db_error(sqlite3 *db, int rc, const char *what, char *err,
                 size_t errlen);

/* Whether table has the column name (*yes): SQLITE_OK, or the SQLite code
** of the failed look-up (its message on db). */
int rl_db_has_column(sqlite3 *db, const char *table, const char *name,
                     int *yes);

/* Run sql (statements without bound values) on db: RL_OK, or rl_db_exit's
** status with rl_db_error's message about what. */
int rl_db_exec(sqlite3 *db, const char *sql, const char *what, char *err,
               size_t errlen);

#endif
