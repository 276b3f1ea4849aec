/*
** dbmade.c: a sweep database file this process made, and its removal
** (dbmade.h).  Until 2026-12-02 a sweep took a file as its own where
** lstat said nothing was there before it opened it (both of two sweeps
** starting at once on one new file did), and a failed run checked that
** the file held nothing, closed it, then unlinked the name and its -wal
** and -shm: another process's run begun in it meanwhile was lost with
** it, or the -wal and -shm of a new file another sweep had just made at
** the same name were unlinked under it.
*/
#include "dbmade.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../config/dbfile.h"

int rl_db_make(const char *path, rl_db_made *m)
{
	struct stat sb;
	int fd;
	memset(m, 0, sizeof *m);
	if (!path || !*path)
		return 0;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		return 0;
	if (fstat(fd, &sb) == 0) {
		m->made = 1;
		m->dev = sb.st_dev;
		m->ino = sb.st_ino;
	} else {
		/* made but not known again: removed at once, as never made */
		unlink(path);
	}
	close(fd);
	return m->made;
}

/* 1 where the database holds no point and no run but ours (run_id, 0:
** none): none, where its schema was never committed; 0 where it holds
** something, or cannot be read (kept). */
static int holds_nothing(sqlite3 *db, int64_t run_id)
{
	sqlite3_stmt *st;
	int tables = -1, other = 1;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE "
	                       "name IN ('points', 'runs')", -1, &st,
	                       NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		tables = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (tables == 0)
		return 1;
	if (tables != 2 ||
	    sqlite3_prepare_v2(db, "SELECT EXISTS(SELECT 1 FROM points) OR "
	                       "EXISTS(SELECT 1 FROM runs WHERE id <> ?1)", -1,
	                       &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, run_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		other = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return other == 0;
}

/* 1 where path names the file m made (not a link to it, nor a file made
** since at the same name). */
static int still_ours(const char *path, const rl_db_made *m)
{
	struct stat sb;
	return lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
	       sb.st_dev == m->dev && sb.st_ino == m->ino;
}

/* Where BEGIN EXCLUSIVE failed on own, the connection of its own, and
** the file made is still empty (no header, so no WAL mode): own closed
** and opened again with its rollback journal in memory, and the write
** transaction begun there; the new connection (NULL where that failed,
** own closed).  A write transaction on an empty file writes its first
** page to the journal, which under a file size limit of 0 (ulimit -f
** 0) could not be written: the empty file a failed sweep made was left
** (fuzz14).  Not so at the first try: the pragma reads the database,
** and one in WAL mode would be taken out of it; nor on own again, whose
** journal file, opened by the failed try, keeps its mode. */
static sqlite3 *empty_begin(sqlite3 *own, const char *path,
                            const rl_db_made *m)
{
	struct stat sb;
	sqlite3_close(own);
	own = NULL;
	if (!still_ours(path, m) || lstat(path, &sb) != 0 || sb.st_size != 0 ||
	    rl_db_open(path, SQLITE_OPEN_READWRITE, &own) !=
	        SQLITE_OK ||
	    sqlite3_exec(own, "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL,
	                 NULL) != SQLITE_OK ||
	    sqlite3_exec(own, "PRAGMA journal_mode = MEMORY", NULL, NULL,
	                 NULL) != SQLITE_OK ||
	    sqlite3_exec(own, "BEGIN EXCLUSIVE", NULL, NULL, NULL) !=
	        SQLITE_OK) {
		sqlite3_close(own);
		return NULL;
	}
	return own;
}

int rl_db_unmake(sqlite3 *db, const char *path, const rl_db_made *m,
                 int64_t run_id, int busy_ms)
{
	static const char *const ext[] = {"-wal", "-shm", "-journal"};
	sqlite3 *own = NULL;
	char p[4200];
	size_t i;
	int gone = 0, keep = 1, began;
	if (!m->made)
		return 0;
	if (!still_ours(path, m)) {
		/* another file at the name: closing db, the last connection
		** to the file made, is the close that checkpoints and unlinks
		** "path-wal" and "path-shm" by name, the new file's.  SQLite
		** 3.40.1 skips that on a file that moved (its pager asks
		** SQLITE_FCNTL_HAS_MOVED first): both kept, measured with a
		** standalone program and pinned by tests/test_dbfile.c
		** (close_replaced).  Other versions were not checked, so
		** PERSIST_WAL is kept as a safeguard: with it no close
		** unlinks the -wal or -shm, whatever the version does. */
		if (db)
			sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL,
			                     &keep);
		return 0;
	}
	if (!db) {
		/* the run's own connection failed (its open, its schema):
		** one in exclusive locking mode, which takes the file's
		** exclusive lock, so none while another process has it open
		** (a WAL connection holds a shared lock while open), and
		** keeps its WAL index in memory: no -shm to make (32 KB, past
		** a small file size limit) */
		if (rl_db_open(path, SQLITE_OPEN_READWRITE, &own) !=
		        SQLITE_OK ||
		    sqlite3_exec(own, "PRAGMA locking_mode = EXCLUSIVE", NULL,
		                 NULL, NULL) != SQLITE_OK) {
			sqlite3_close(own);
			return 0;
		}
		db = own;
	} else {
		sqlite3_busy_timeout(db, busy_ms);
	}
	/* (in WAL mode as IMMEDIATE: the WAL's write lock) */
	began = sqlite3_exec(db, "BEGIN EXCLUSIVE", NULL, NULL, NULL) ==
	        SQLITE_OK;
	if (!began && own) {
		db = own = empty_begin(own, path, m);
		began = own != NULL;
	}
	if (began) {
		if (holds_nothing(db, run_id) && still_ours(path, m)) {
			for (i = 0; i < sizeof ext / sizeof ext[0]; i++)
				if ((size_t)snprintf(p, sizeof p, "%s%s", path,
				                     ext[i]) < sizeof p)
					unlink(p);
			gone = unlink(path) == 0;
		}
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	}
	if (gone)
		sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &keep);
	if (own)
		sqlite3_close(own);
	return gone;
}
