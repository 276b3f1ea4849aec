/*
** dbfile.c: checking, identifying and marking rooflab's SQLite files
** (dbfile.h).
*/
#include "dbfile.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../model/status.h"
#include "pctenc.h"
#include "regfile.h"
#include "shword.h"
#include "../model/utf8.h"

int rl_db_missing(const char *opt, const char *path, const char *make,
                  char *err, size_t errlen)
{
	char q[4200];
	snprintf(err, errlen, "%s%s%s: no such database (make one with %s %s)",
	         opt ? opt : "", opt ? " " : "", path, make,
	         rl_sh_word(path, "FILE", q, sizeof q));
	return RL_EINPUT;
}

int rl_db_target_check(const char *path, char *err, size_t errlen)
{
	rl_file_kind kind;
	if (!path || !*path) {
		snprintf(err, errlen, "a database needs a file name (an empty "
		         "name would store nothing)");
		return RL_EINPUT;
	}
	if (!strcmp(path, ":memory:") || !strncmp(path, "file:", 5)) {
		snprintf(err, errlen, "%s: give a file name; in-memory "
		         "databases and SQLite URIs would store nothing where it "
		         "can be read back", path);
		return RL_EINPUT;
	}
	/* SQLite opens a device or a pipe and fails at the first read or
	** write ("disk I/O error", exit 1 as if the disk were full) */
	if ((kind = rl_not_regular(path))) {
		snprintf(err, errlen, "%s: %s, not a database file", path,
		         kind == RL_FILE_DIR ? "a directory"
		                             : "a device, pipe or socket");
		return RL_EINPUT;
	}
	/* a file there that this process may not write (read-only, or
	** immutable: chattr +i): refused before any work, where SQLite
	** opened it, the command did its work and failed at its first write
	** ("attempt to write a readonly database"), and a sweep's WAL
	** database was left with an empty -wal and a -shm beside it */
	if (access(path, F_OK) == 0 && access(path, W_OK) != 0) {
		snprintf(err, errlen, "%s: a file this user may not write "
		         "(read-only); it was left unchanged (make it writable, "
		         "or write to a new file)", path);
		return RL_EINPUT;
	}
	/* a new file in a folder that is not there: named as such, where
	** SQLite said "cannot open: unable to open database file" (the Slurm
	** recipe's parts/ before its mkdir -p) */
	if (access(path, F_OK) != 0) {
		char why[4200];
		if (rl_folder_missing(path, why, sizeof why)) {
			snprintf(err, errlen, "%s: %s", path, why);
			return RL_EINPUT;
		}
	}
	return RL_OK;
}

int rl_db_exit(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_NOMEM:
	case SQLITE_INTERNAL:
	case SQLITE_MISUSE:
	case SQLITE_IOERR:
	case SQLITE_FULL:
		return RL_EINTERNAL;
	default:
		return RL_EINPUT;
	}
}

/* One integer from a query; rc of SQLite. */
static int query_int(sqlite3 *db, const char *sql, long long *v)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*v = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Are all tables and indexes of db named with a legacy prefix of k? */
static int legacy_only(sqlite3 *db, const rl_db_kind *k)
{
	sqlite3_stmt *st;
	int ok = 1, rc;
	if (!k->legacy)
		return 0;
	if (sqlite3_prepare_v2(db, "SELECT coalesce(tbl_name, '') FROM "
	                       "sqlite_master", -1, &st, NULL) != SQLITE_OK)
		return 0;
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *n = (const char *)sqlite3_column_text(st, 0);
		size_t i;
		ok = 0;
		for (i = 0; n && k->legacy[i]; i++)
			if (!strncmp(n, k->legacy[i], strlen(k->legacy[i])))
				ok = 1;
	}
	sqlite3_finalize(st);
	return ok;
}

/* "PATH holds rooflab KIND schema version V; the newest this build reads
** is N (...)" for a file of a later version (rl_db_newer_check,
** identify), the fix a reader's (reading 1: this build cannot read it,
** that rooflab or a later one can) or a writer's (left unchanged: add to
** it with that rooflab, or give --db another file) */
static void newer_words(const char *path, const rl_db_kind *k, long long ver,
                        int reading, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s holds rooflab %s schema version %lld; the "
	         "newest this build reads is %d (a later rooflab wrote it; %s)",
	         path, k->what, ver, k->version,
	         reading ? "this one cannot read it: read it with that rooflab "
	                   "or a later one"
	                 : "it was left unchanged: add to it with that rooflab, "
	                   "or give --db another file");
}

int rl_db_newer_check(sqlite3 *db, const char *path,
                      const rl_db_kind *const *kinds, char *err,
                      size_t errlen)
{
	long long app = 0, ver = 0;
	int rc;
	if ((rc = query_int(db, "PRAGMA application_id", &app)) ||
	    (rc = query_int(db, "PRAGMA user_version", &ver))) {
		rl_db_error(db, rc, path, err, errlen);
		return rl_db_exit(rc);
	}
	for (; *kinds; kinds++)
		if (app == (*kinds)->app_id && ver > (*kinds)->version) {
			newer_words(path, *kinds, ver, 1, err, errlen);
			return RL_EINPUT;
		}
	return RL_OK;
}

rl_db_found_kind rl_db_found(sqlite3 *db, const rl_db_kind *const *kinds,
                             char *buf, size_t len)
{
	long long app = 0, objects = 0, kind;
	if (query_int(db, "PRAGMA application_id", &app) ||
	    query_int(db, "SELECT count(*) FROM sqlite_master", &objects)) {
		snprintf(buf, len, "not a rooflab file (not an SQLite database, "
		         "or a damaged one)");
		return RL_DB_FOUND_NOT_SQLITE;
	}
	/* an unmarked file of an older rooflab: named as of its kind */
	for (kind = app; !app && objects > 0 && kinds && *kinds; kinds++)
		if (legacy_only(db, *kinds))
			kind = (*kinds)->app_id;
	if (kind == RL_DB_APP_SWEEP) {
		snprintf(buf, len, "a rooflab sweep database (rooflab sweep and "
		         "merge write these)");
		return RL_DB_FOUND_SWEEP;
	}
	if (kind == RL_DB_APP_CLAIM) {
		snprintf(buf, len, "a rooflab claim database (rooflab claim --db "
		         "and validate --db write these)");
		return RL_DB_FOUND_CLAIM;
	}
	if (app == 0 && objects == 0) {
		snprintf(buf, len, "an empty SQLite database");
		return RL_DB_FOUND_EMPTY;
	}
	snprintf(buf, len, "not a rooflab file (an SQLite database without "
	         "rooflab's mark: application_id 0x%llx, %lld %s)",
	         (unsigned long long)app, objects,
	         objects == 1 ? "table or index" : "tables and indexes");
	return RL_DB_FOUND_OTHER;
}

const char *const rl_db_claim_legacy[] = {"claim_", "validation", NULL};

/* "PATH is WHAT IT IS, not a KIND database; FIX" for a file of another
** kind than k (rl_db_identify; "PATH is not a rooflab file (...); FIX" for
** another program's or no SQLite file), FIX for a writer "it was left
** unchanged: give --db another file (a new one, or a rooflab KIND
** database)", for a reader "name a rooflab KIND database instead" */
static void foreign_words(sqlite3 *db, const char *path, const rl_db_kind *k,
                          int reading, char *err, size_t errlen)
{
	/* an older rooflab's unmarked claim file named as one (rl_db_found),
	** where sweep, export and merge called it "not a rooflab file" */
	static const rl_db_kind claim_old = {"claim", RL_DB_APP_CLAIM, 0,
	                                     rl_db_claim_legacy, 0, NULL};
	static const rl_db_kind *const olds[] = {&claim_old, NULL};
	char found[200], kind[64], fix[160];
	rl_db_found_kind f = rl_db_found(db, olds, found, sizeof found);
	if (f == RL_DB_FOUND_OTHER || f == RL_DB_FOUND_NOT_SQLITE)
		kind[0] = 0;
	else
		snprintf(kind, sizeof kind, ", not a rooflab %s database", k->what);
	if (reading)
		snprintf(fix, sizeof fix, "name a rooflab %s database instead",
		         k->what);
	else
		snprintf(fix, sizeof fix, "it was left unchanged: give --db "
		         "another file (a new one, or a rooflab %s database)",
		         k->what);
	snprintf(err, errlen, "%s is %s%s; %s", path, found, kind, fix);
}

/* 1 where db's main file holds some bytes that do not begin with
** SQLite's 16-byte header ("SQLite format 3" and a NUL): SQLite reads a
** file of a few bytes as an empty database, so a 1-byte text file given
** as a sweep's --db was made a database over it, exit 0 (small72); a
** longer one fails SQLite's own read.  Read through SQLite's own handle
** of the file: opening and closing another descriptor of it would drop
** every POSIX lock this process holds on it (SQLite's among them).  An
** empty file (touch, mktemp, or a WAL database not yet checkpointed) is
** a new database, as is one of a few NUL bytes; a file that cannot be
** read is left to SQLite's words. */
static int not_sqlite_bytes(sqlite3 *db)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	sqlite3_file *fp = NULL;
	size_t i;
	int rc;
	if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &fp) !=
	        SQLITE_OK ||
	    !fp || !fp->pMethods)
		return 0;
	/* (not xFileSize: SQLite's unix layer says 0 for a file of 1 byte,
	** why it reads one as empty) */
	rc = fp->pMethods->xRead(fp, head, sizeof head, 0);
	if (rc == SQLITE_OK)
		return memcmp(head, magic, sizeof head) != 0;
	if (rc != SQLITE_IOERR_SHORT_READ)
		return 0;
	/* short: the rest filled with zeros; NULs alone read as empty */
	for (i = 0; i < sizeof head; i++)
		if (head[i])
			return 1;
	return 0;
}

/* rl_db_identify and rl_db_identify_read: reading 1 for a reader's fix */
static int identify(sqlite3 *db, const char *path, const rl_db_kind *k,
                    int reading, int *unmarked, char *err, size_t errlen)
{
	long long app = 0, ver = 0, objects = 0;
	int rc;
	*unmarked = 0;
	if (not_sqlite_bytes(db)) {
		snprintf(err, errlen, "%s is not a rooflab file (not an SQLite "
		         "database, or a damaged one); %s",
		         path, reading ? "" : "it was left unchanged: ");
		snprintf(err + strlen(err), errlen - strlen(err), reading
		         ? "name a rooflab %s database instead"
		         : "give --db another file (a new one, or a rooflab %s "
		           "database)", k->what);
		return RL_EINPUT;
	}
	if ((rc = query_int(db, "PRAGMA application_id", &app)) ||
	    (rc = query_int(db, "PRAGMA user_version", &ver)) ||
	    (rc = query_int(db, "SELECT count(*) FROM sqlite_master",
	                    &objects))) {
		int base = rc & 0xff;
		if (base == SQLITE_NOTADB || base == SQLITE_CORRUPT)
			foreign_words(db, path, k, reading, err, errlen);
		else   /* locked, an I/O error: said as every writer says it */
			rl_db_error(db, rc, path, err, errlen);
		return rl_db_exit(rc);
	}
	if (app == k->app_id) {
		if (ver == k->version)
			return RL_OK;
		if (ver > k->version) {
			newer_words(path, k, ver, reading, err, errlen);
			return RL_EINPUT;
		}
		if (k->upgrade_from > 0 && ver >= k->upgrade_from &&
		    k->upgrade_sql) {
			*unmarked = 2;
			return RL_OK;
		}
		/* an older version this build neither reads nor upgrades: a
		** reader (export, merge's parts) cannot read it, which "write to
		** a new file" did not say */
		if (reading)
			snprintf(err, errlen, "%s holds rooflab %s schema version "
			         "%lld; this rooflab reads version %d only (an older "
			         "rooflab wrote it; this one cannot read it: read it "
			         "with that rooflab)", path, k->what, ver, k->version);
		else
			snprintf(err, errlen, "%s holds rooflab %s schema version "
			         "%lld; this rooflab uses version %d (it was left "
			         "unchanged; write to a new file)", path, k->what, ver,
			         k->version);
		return RL_EINPUT;
	}
	if (app == 0 && (objects == 0 || legacy_only(db, k))) {
		/* a file an older rooflab wrote without a mark holds the
		** oldest tables of the kind: upgraded as a marked older
		** version is, where the kind upgrades (its tables and mark in
		** rl_db_open_write's one transaction; marked alone, it was
		** marked in that one and given the tables in the writer's next,
		** and a write that failed between left it marked without
		** them) */
		*unmarked = objects > 0 && k->upgrade_from > 0 && k->upgrade_sql
		                ? 2 : 1;
		return RL_OK;
	}
	foreign_words(db, path, k, reading, err, errlen);
	return RL_EINPUT;
}

int rl_db_identify(sqlite3 *db, const char *path, const rl_db_kind *k,
                   int *unmarked, char *err, size_t errlen)
{
	return identify(db, path, k, 0, unmarked, err, errlen);
}

int rl_db_identify_read(sqlite3 *db, const char *path, const rl_db_kind *k,
                        int *unmarked, char *err, size_t errlen)
{
	return identify(db, path, k, 1, unmarked, err, errlen);
}

int rl_db_mark(sqlite3 *db, const rl_db_kind *k)
{
	char sql[128];
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d;"
	         "PRAGMA user_version = %d;", k->app_id, k->version);
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* A step of opening that failed with rc: rl_db_error's words ("PATH: the
** database is locked by another process (...)") and the exit status.  rc,
** not the handle's last code: after a BEGIN that found the file locked,
** rl_db_identify's reads may succeed (a WAL file, or the lock let go
** meanwhile), and the handle's message is then "not an error". */
static int open_fail(sqlite3 *db, int rc, const char *path, char *err,
                     size_t errlen)
{
	rl_db_error(db, rc, path, err, errlen);
	return rl_db_exit(rc);
}

/* rl_db_open_write and rl_db_open_write_begun: commit 1 commits the
** transaction that identified, upgraded and marked the file, 0 leaves it
** open for the caller's writes. */
static int open_write(const char *path, const rl_db_kind *k, int busy_ms,
                      int commit, sqlite3 **out, char *err, size_t errlen)
{
	sqlite3 *db = NULL;
	struct stat sb;
	int existed, rc, status, unmarked;
	*out = NULL;
	if ((status = rl_db_target_check(path, err, errlen)))
		return status;
	existed = stat(path, &sb) == 0;
	rc = rl_db_open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &db);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s: cannot open: %s", path,
		         db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return rc == SQLITE_NOMEM ? RL_EINTERNAL : RL_EINPUT;
	}
	sqlite3_busy_timeout(db, busy_ms);
	if ((rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) !=
	    SQLITE_OK) {
		/* a text file fails here: say what it is */
		status = rl_db_identify(db, path, k, &unmarked, err, errlen);
		if (status == RL_OK)
			status = open_fail(db, rc, path, err, errlen);
	} else {
		/* identified inside the transaction: another process may be
		** creating the same file */
		status = rl_db_identify(db, path, k, &unmarked, err, errlen);
		/* an older version upgraded in this same transaction: its new
		** tables and its mark are committed together or not at all */
		if (status == RL_OK && unmarked == 2 &&
		    (rc = sqlite3_exec(db, k->upgrade_sql, NULL, NULL, NULL)) !=
		        SQLITE_OK)
			status = open_fail(db, rc, path, err, errlen);
		if (status == RL_OK && unmarked &&
		    (rc = rl_db_mark(db, k)) != SQLITE_OK)
			status = open_fail(db, rc, path, err, errlen);
		if (status == RL_OK && commit &&
		    (rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
			status = open_fail(db, rc, path, err, errlen);
		if (status != RL_OK)
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	}
	if (status != RL_OK) {
		sqlite3_close(db);
		if (!existed)
			unlink(path);
		return status;
	}
	*out = db;
	return RL_OK;
}

int rl_db_open_write(const char *path, const rl_db_kind *k, int busy_ms,
                     sqlite3 **out, char *err, size_t errlen)
{
	return open_write(path, k, busy_ms, 1, out, err, errlen);
}

int rl_db_open_write_begun(const char *path, const rl_db_kind *k,
                           int busy_ms, sqlite3 **out, char *err,
                           size_t errlen)
{
	return open_write(path, k, busy_ms, 0, out, err, errlen);
}

int rl_db_conflict(sqlite3 *db, int rc)
{
	/* rc as sqlite3_step and sqlite3_exec give it has no extended code
	** unless extended result codes are on: the handle's has it */
	int x = (rc & ~0xff) || !db || sqlite3_errcode(db) != rc
	            ? rc
	            : sqlite3_extended_errcode(db);
	return x == SQLITE_CONSTRAINT_UNIQUE ||
	       x == SQLITE_CONSTRAINT_PRIMARYKEY;
}

const char *rl_db_words(sqlite3 *db, int rc, char *buf, size_t len)
{
	/* the handle's message, unless the failure was not the handle's own
	** (a missing row: its message would be "not an error"); it may quote
	** the database (a name, a trigger's RAISE text): its controls and
	** bytes of no UTF-8 character as '?' */
	return rl_utf8_cell(db && sqlite3_errcode(db) != SQLITE_OK
	                        ? sqlite3_errmsg(db)
	                        : sqlite3_errstr(rc),
	                    0, 0, buf, len);
}

void rl_db_error(sqlite3 *db, int rc, const char *what, char *err,
                 size_t errlen)
{
	int base = rc & 0xff;
	char clean[512];
	const char *msg = rl_db_words(db, rc, clean, sizeof clean);
	if (base == SQLITE_FULL)
		snprintf(err, errlen, "%s: the disk is full (%s)", what, msg);
	else if (base == SQLITE_IOERR)
		snprintf(err, errlen, "%s: I/O error, the disk may be full or a "
		         "file size limit reached (%s)", what, msg);
	else if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
		snprintf(err, errlen, "%s: the database is locked by another "
		         "process (%s)", what, msg);
	else if (base == SQLITE_CONSTRAINT && rl_db_conflict(db, rc))
		snprintf(err, errlen, "%s: another process is writing the same "
		         "rows (%s)", what, msg);
	else if (base == SQLITE_CONSTRAINT)   /* a CHECK, NOT NULL, trigger */
		snprintf(err, errlen, "%s: the database refused the write: %s",
		         what, msg);
	else if (base == SQLITE_CORRUPT || base == SQLITE_NOTADB)
		snprintf(err, errlen, "%s: the database is damaged or not an "
		         "SQLite file (%s)", what, msg);
	else
		snprintf(err, errlen, "%s: %s", what, msg);
}

int rl_db_exec(sqlite3 *db, const char *sql, const char *what, char *err,
               size_t errlen)
{
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		return RL_OK;
	rl_db_error(db, rc, what, err, errlen);
	return rl_db_exit(rc);
}

/* 1 when path is an SQLite file in WAL mode (header bytes 18 and 19, the
** read and write versions, are 2: sqlite.org/fileformat2.html 1.3). */
static int is_wal_file(const char *path)
{
	unsigned char h[20];
	FILE *f = fopen(path, "rb");
	size_t n;
	if (!f)
		return 0;
	n = fread(h, 1, sizeof h, f);
	fclose(f);
	return n == sizeof h && memcmp(h, "SQLite format 3", 16) == 0 &&
	       h[18] == 2 && h[19] == 2;
}

int rl_db_open(const char *path, int flags, sqlite3 **db)
{
	int rc = sqlite3_open_v2(path, db, flags, NULL);
	if (rc != SQLITE_OK)
		return rc;
#ifdef SQLITE_DBCONFIG_DQS_DML /* SQLite 3.29 and later */
	rc = sqlite3_db_config(*db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_db_config(*db, SQLITE_DBCONFIG_DQS_DDL, 0,
		                       (int *)NULL);
#endif
	return rc;
}

int rl_db_open_read(const char *path, sqlite3 **db)
{
	char side[4096], *uri;
	struct stat sb;
	size_t i, n = strlen(path);
	int rc;
	*db = NULL;
	/* a FIFO would block the open (and is_wal_file) for ever */
	if (rl_not_regular(path))
		return SQLITE_CANTOPEN;
	if (n + 5 > sizeof side || !is_wal_file(path))
		return rl_db_open(path, SQLITE_OPEN_READONLY, db);
	snprintf(side, sizeof side, "%s-wal", path);
	if (stat(side, &sb) == 0)
		return rl_db_open(path, SQLITE_OPEN_READONLY, db);
	/* "file:" + every byte but the unreserved ones as %HH ('/' too, so a
	** leading "//" is no authority) + "?immutable=1"; pct_byte writes a
	** NUL after each byte, inside the 3 bytes a byte may take */
	uri = sqlite3_malloc64(5 + 3 * (sqlite3_uint64)n + 13);
	if (!uri)
		return SQLITE_NOMEM;
	memcpy(uri, "file:", 5);
	n = 5;
	for (i = 0; path[i]; i++)
		n += pct_byte((unsigned char)path[i], "", uri + n);
	memcpy(uri + n, "?immutable=1", 13);
	rc = rl_db_open(uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, db);
	sqlite3_free(uri);
	return rc;
}

int rl_db_has_column(sqlite3 *db, const char *table, const char *name,
                     int *yes)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info(?) "
	                            "WHERE name = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}
