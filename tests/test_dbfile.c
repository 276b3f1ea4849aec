/*
** test_dbfile.c: rl_db_open_read (config/dbfile.c) opens a database so
** that nothing is created beside it and what a writer has committed is
** read: a WAL-mode file with no -wal beside it immutable (URI, path
** percent-encoded), one whose -wal is there plainly read-only, reading
** the rows still in the -wal (immutable=1 would not look at it); a
** rollback-journal file plainly.  The counts are the rows inserted here.
** And rl_db_target_check: what may be written as a database; rl_db_error:
** the words for a constraint that failed; rl_db_has_column; and SQLite's
** double-quoted-string fallback off on rooflab's connections (rl_db_open).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../config/dbfile.h"
#include "../model/status.h"

typedef struct {
	char dir[64];
	char path[192]; /* a name with a space, '%', '?' and '#' */
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	snprintf(f->dir, sizeof f->dir, "/tmp/rl-dbfile-XXXXXX");
	if (!mkdtemp(f->dir)) {
		free(f);
		return -1;
	}
	snprintf(f->path, sizeof f->path, "%s/a b%%20?#.db", f->dir);
	*state = f;
	return 0;
}

static int exists_beside(const fixture *f, const char *suffix)
{
	char p[256];
	struct stat sb;
	snprintf(p, sizeof p, "%s%s", f->path, suffix);
	return stat(p, &sb) == 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	char p[256];
	static const char *const sfx[] = {"", "-wal", "-shm", "-journal"};
	size_t i;
	for (i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
		snprintf(p, sizeof p, "%s%s", f->path, sfx[i]);
		unlink(p);
	}
	rmdir(f->dir);
	free(f);
	return 0;
}

/* A writer on f's file: the journal mode given, a table t of n rows,
** committed; with autocheckpoint off, so in WAL mode they stay in the
** -wal while the writer is open. */
static sqlite3 *writer(const fixture *f, const char *mode, int n)
{
	sqlite3 *db = NULL;
	char sql[256];
	int i;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA journal_mode=%s; PRAGMA "
	         "wal_autocheckpoint=0; CREATE TABLE t(x)", mode);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	for (i = 0; i < n; i++)
		assert_int_equal(sqlite3_exec(db, "INSERT INTO t VALUES(1)", NULL,
		                              NULL, NULL),
		                 SQLITE_OK);
	return db;
}

/* The one number sql gives on db (-1 where it gives no row); db is
** closed. */
static long long one_and_close(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* The rows of t as rl_db_open_read's handle sees them. */
static long long rows_read(const fixture *f)
{
	sqlite3 *db = NULL;
	assert_int_equal(rl_db_open_read(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_db_readonly(db, "main"), 1);
	return one_and_close(db, "SELECT count(*) FROM t");
}

/* A writer still open: its -wal holds the 3 rows, read through it. */
static void test_wal_present(void **state)
{
	fixture *f = *state;
	sqlite3 *w = writer(f, "wal", 3);
	assert_true(exists_beside(f, "-wal"));
	assert_int_equal(rows_read(f), 3);
	/* the writer goes on; a second read sees its fourth row */
	assert_int_equal(sqlite3_exec(w, "INSERT INTO t VALUES(1)", NULL, NULL,
	                              NULL),
	                 SQLITE_OK);
	assert_int_equal(rows_read(f), 4);
	sqlite3_close(w);
}

/* The writer closed (its last close checkpoints and removes the -wal):
** the file stays in WAL mode and is read with nothing made beside it. */
static void test_wal_closed(void **state)
{
	fixture *f = *state;
	sqlite3_close(writer(f, "wal", 2));
	assert_false(exists_beside(f, "-wal"));
	assert_false(exists_beside(f, "-shm"));
	assert_int_equal(rows_read(f), 2);
	assert_false(exists_beside(f, "-wal"));
	assert_false(exists_beside(f, "-shm"));
}

/* The inode at path plus suffix (0 where nothing is there). */
static ino_t inode_beside(const fixture *f, const char *suffix)
{
	char p[256];
	struct stat sb;
	snprintf(p, sizeof p, "%s%s", f->path, suffix);
	return stat(p, &sb) == 0 ? sb.st_ino : 0;
}

/* A WAL connection whose file was moved aside with its -wal and -shm,
** another database then made at its name and written by a second
** connection still open: closing the first (SQLite's close, the last
** connection to its file, which checkpoints and unlinks the -wal and -shm
** by name, "NAME-wal" and "NAME-shm") leaves the name's -wal and -shm,
** the second's, as they were (the same inodes), and the second's 3 rows
** readable through it.  SQLite skips that checkpoint on a file that moved
** (its pager asks SQLITE_FCNTL_HAS_MOVED first), on a file with pages
** (written = 1: a table of 2 rows, its -wal not checkpointed) and on an
** empty one (written = 0: a file just made, a write transaction begun
** and rolled back, as rl_store_open's connection before its schema is
** committed); measured with SQLite 3.40.1.  Pinned here because the
** sweep's removal (sweeps/dbmade.c) and every other close rely on it:
** every rooflab connection is closed by sqlite3_close, none of them
** unlinks a -wal or -shm by name but dbmade's own. */
static void close_replaced(const fixture *f, int written)
{
	static const char *const sfx[] = {"", "-wal", "-shm"};
	char from[256], to[256];
	sqlite3 *a = NULL, *b;
	ino_t wal, shm;
	size_t i;
	if (written) {
		a = writer(f, "wal", 2);
	} else {
		FILE *fp = fopen(f->path, "w");
		assert_non_null(fp);
		fclose(fp);
		assert_int_equal(sqlite3_open(f->path, &a), SQLITE_OK);
		assert_int_equal(sqlite3_exec(a, "PRAGMA journal_mode=wal; BEGIN "
		                              "IMMEDIATE; ROLLBACK", NULL, NULL,
		                              NULL),
		                 SQLITE_OK);
	}
	assert_true(exists_beside(f, "-wal") && exists_beside(f, "-shm"));
	for (i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
		snprintf(from, sizeof from, "%s%s", f->path, sfx[i]);
		snprintf(to, sizeof to, "%s/old.db%s", f->dir, sfx[i]);
		assert_int_equal(rename(from, to), 0);
	}
	b = writer(f, "wal", 3);
	wal = inode_beside(f, "-wal");
	shm = inode_beside(f, "-shm");
	assert_true(wal != 0 && shm != 0);
	assert_int_equal(sqlite3_close(a), SQLITE_OK);
	assert_true(inode_beside(f, "-wal") == wal);
	assert_true(inode_beside(f, "-shm") == shm);
	assert_int_equal(one_and_close(b, "SELECT count(*) FROM t"), 3);
	assert_false(exists_beside(f, "-wal"));
	for (i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
		snprintf(to, sizeof to, "%s/old.db%s", f->dir, sfx[i]);
		unlink(to);
	}
	unlink(f->path);
}

static void test_close_replaced(void **state)
{
	close_replaced(*state, 1);
	close_replaced(*state, 0);
}

/* A rollback-journal file needs nothing beside it to be read. */
static void test_rollback_journal(void **state)
{
	fixture *f = *state;
	sqlite3_close(writer(f, "delete", 5));
	assert_int_equal(rows_read(f), 5);
	assert_false(exists_beside(f, "-journal"));
	assert_false(exists_beside(f, "-wal"));
	assert_false(exists_beside(f, "-shm"));
}

/* What may be a database to write: a new name or a regular file; not a
** directory, a device or a pipe (SQLite would open /dev/null and fail at
** its first write, "disk I/O error", exit 1 as for a full disk) */
static void test_target(void **state)
{
	fixture *f = *state;
	char err[512], fifo[256];
	assert_int_equal(rl_db_target_check(f->path, err, sizeof err), RL_OK);
	sqlite3_close(writer(f, "delete", 1));
	assert_int_equal(rl_db_target_check(f->path, err, sizeof err), RL_OK);
	assert_int_equal(rl_db_target_check(f->dir, err, sizeof err),
	                 RL_EINPUT);
	assert_non_null(strstr(err, ": a directory, not a database file"));
	assert_int_equal(rl_db_target_check("/dev/null", err, sizeof err),
	                 RL_EINPUT);
	assert_string_equal(err, "/dev/null: a device, pipe or socket, not a "
	                         "database file");
	snprintf(fifo, sizeof fifo, "%s-fifo", f->path);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(rl_db_target_check(fifo, err, sizeof err), RL_EINPUT);
	unlink(fifo);
	assert_int_equal(rl_db_target_check(":memory:", err, sizeof err),
	                 RL_EINPUT);
	/* config/ knows no option: the caller names --db */
	assert_int_equal(strncmp(err, ":memory:: give a file name", 26), 0);
	assert_int_equal(rl_db_target_check("", err, sizeof err), RL_EINPUT);
	assert_string_equal(err, "a database needs a file name (an empty name "
	                         "would store nothing)");
	/* a new file in a folder that is not there, or under a file: named
	** so (SQLite said "unable to open database file"); a new name in a
	** folder that is there, or with no folder, may be written */
	{
		char p[400], want[900];
		snprintf(p, sizeof p, "%s/parts/part-0.db", f->dir);
		assert_int_equal(rl_db_target_check(p, err, sizeof err),
		                 RL_EINPUT);
		snprintf(want, sizeof want, "%s: its folder %s/parts is not there "
		         "(make it first: mkdir -p %s/parts)", p, f->dir, f->dir);
		assert_string_equal(err, want);
		/* a folder with a blank: quoted for sh ('mkdir -p a b' would
		** make two folders) */
		snprintf(p, sizeof p, "%s/no such/x.db", f->dir);
		assert_int_equal(rl_db_target_check(p, err, sizeof err),
		                 RL_EINPUT);
		snprintf(want, sizeof want, "%s: its folder %s/no such is not "
		         "there (make it first: mkdir -p '%s/no such')", p, f->dir,
		         f->dir);
		assert_string_equal(err, want);
		snprintf(p, sizeof p, "%s/x.db", f->path); /* under the file */
		assert_int_equal(rl_db_target_check(p, err, sizeof err),
		                 RL_EINPUT);
		snprintf(want, sizeof want, "%s: %s is not a folder", p, f->path);
		assert_string_equal(err, want);
		/* a folder that is a link to nothing, a loop of links, or a
		** path through a file: there is something, so no 'mkdir -p'
		** (which would fail: File exists, Not a directory) */
		{
			char link[400];
			snprintf(link, sizeof link, "%s/gone", f->dir);
			assert_int_equal(symlink("/nonexistent-rooflab-dir", link), 0);
			snprintf(p, sizeof p, "%s/gone/x.db", f->dir);
			assert_int_equal(rl_db_target_check(p, err, sizeof err),
			                 RL_EINPUT);
			snprintf(want, sizeof want, "%s: its folder %s is a link that "
			         "leads to no folder (No such file or directory)", p,
			         link);
			assert_string_equal(err, want);
			unlink(link);
			snprintf(link, sizeof link, "%s/loop", f->dir);
			assert_int_equal(symlink("loop", link), 0);
			snprintf(p, sizeof p, "%s/loop/x.db", f->dir);
			assert_int_equal(rl_db_target_check(p, err, sizeof err),
			                 RL_EINPUT);
			snprintf(want, sizeof want, "%s: its folder %s is a link that "
			         "leads to no folder (Too many levels of symbolic "
			         "links)", p, link);
			assert_string_equal(err, want);
			unlink(link);
			snprintf(p, sizeof p, "%s/sub/x.db", f->path);
			assert_int_equal(rl_db_target_check(p, err, sizeof err),
			                 RL_EINPUT);
			snprintf(want, sizeof want, "%s: its folder %s/sub cannot be "
			         "reached (Not a directory)", p, f->path);
			assert_string_equal(err, want);
		}
		snprintf(p, sizeof p, "%s/new.db", f->dir);
		assert_int_equal(rl_db_target_check(p, err, sizeof err), RL_OK);
		assert_int_equal(rl_db_target_check("new-here.db", err,
		                                    sizeof err), RL_OK);
	}
}

/* Only a UNIQUE or PRIMARY KEY conflict reads as a row written twice by
** another process; a CHECK or a trigger's RAISE is the database's own
** refusal in SQLite's words, its ESC as '?'; each is exit 2 (the
** database's fault).  The statements fail as sqlite3_exec returns them,
** without extended codes. */
static void test_constraint_words(void **state)
{
	sqlite3 *db;
	char err[512];
	int rc;
	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(a INTEGER PRIMARY "
	                              "KEY, b UNIQUE, c CHECK(c > 0));"
	                              "INSERT INTO t VALUES(1, 1, 1);"
	                              "CREATE TABLE u(x);"
	                              "CREATE TRIGGER no BEFORE INSERT ON u "
	                              "BEGIN SELECT RAISE(ABORT, 'no \033[31m');"
	                              " END;", NULL, NULL, NULL), SQLITE_OK);
	rc = sqlite3_exec(db, "INSERT INTO t VALUES(2, 1, 1)", NULL, NULL, NULL);
	assert_int_equal(rc, SQLITE_CONSTRAINT);
	assert_true(rl_db_conflict(db, rc));
	rl_db_error(db, rc, "w", err, sizeof err);
	assert_string_equal(err, "w: another process is writing the same rows "
	                         "(UNIQUE constraint failed: t.b)");
	rc = sqlite3_exec(db, "INSERT INTO t VALUES(1, 2, 1)", NULL, NULL, NULL);
	assert_true(rl_db_conflict(db, rc));
	rc = sqlite3_exec(db, "INSERT INTO t VALUES(3, 3, 0)", NULL, NULL, NULL);
	assert_int_equal(rc, SQLITE_CONSTRAINT);
	assert_false(rl_db_conflict(db, rc));
	rl_db_error(db, rc, "w", err, sizeof err);
	assert_string_equal(err, "w: the database refused the write: CHECK "
	                         "constraint failed: c > 0");
	assert_int_equal(rl_db_exit(rc), RL_EINPUT);
	rc = sqlite3_exec(db, "INSERT INTO u VALUES(1)", NULL, NULL, NULL);
	assert_int_equal(rc, SQLITE_CONSTRAINT);
	assert_false(rl_db_conflict(db, rc));
	rl_db_error(db, rc, "w", err, sizeof err);
	assert_string_equal(err, "w: the database refused the write: no ?[31m");
	assert_int_equal(rl_db_exit(rc), RL_EINPUT);
	sqlite3_close(db);
}

/* Another connection runs hold_sql on a file of our kind (marked 0x1234,
** version 1) and keeps its lock: rl_db_open_write gives up after its 50 ms
** wait with exit 2, no handle, and the lock's words. */
static void open_while_held(const fixture *f, const char *hold_sql)
{
	static const rl_db_kind kind = {"test", 0x1234, 1, NULL, 0, NULL};
	sqlite3 *hold = NULL, *db = NULL;
	char err[512], want[512];
	assert_int_equal(sqlite3_open(f->path, &hold), SQLITE_OK);
	assert_int_equal(sqlite3_exec(hold, hold_sql, NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(rl_db_open_write(f->path, &kind, 50, &db, err,
	                                  sizeof err),
	                 RL_EINPUT);
	assert_null(db);
	snprintf(want, sizeof want, "%s: the database is locked by another "
	         "process (database is locked)", f->path);
	assert_string_equal(err, want);
	sqlite3_exec(hold, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(hold);
}

/* A file of our kind in WAL mode whose writer holds its write lock: the
** open for writing fails at BEGIN IMMEDIATE, rl_db_identify's reads then
** succeed (WAL lets readers in), and the message is the lock's, exit 2
** (it was "PATH: not an error", the handle's last message). */
static void test_open_locked(void **state)
{
	open_while_held(*state, "PRAGMA journal_mode=WAL; PRAGMA "
	                        "application_id = 4660; PRAGMA user_version = "
	                        "1; BEGIN IMMEDIATE");
}

/* The same in rollback-journal mode under an exclusive lock: the reads
** that tell what the file is fail too, and say it is locked (they gave
** SQLite's bare "database is locked"). */
static void test_identify_locked(void **state)
{
	open_while_held(*state, "PRAGMA application_id = 4660; PRAGMA "
	                        "user_version = 1; BEGIN EXCLUSIVE");
}

/* A kind whose older files, marked or not, are upgraded in place: the
** legacy tables start "t_", t_v1 lists the old file's rows of t_old. */
static const char *const toy_legacy[] = {"t_", NULL};
static const rl_db_kind toy_kind = {
    "toy", 4660, 2, toy_legacy, 1,
    "CREATE TABLE IF NOT EXISTS t_new(x);"
    "CREATE TABLE IF NOT EXISTS t_v1(id);"
    "INSERT INTO t_v1 SELECT x FROM t_old;"};

/* One number out of f's file (plain open, after the writer closed). */
static long long one(const fixture *f, const char *sql)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	return one_and_close(db, sql);
}

/* An unmarked file an older rooflab wrote (application_id 0, the legacy
** tables alone: t_old of 2 rows): rl_db_open_write upgrades it as it does
** a marked version 1, its new tables, the list of its old rows and its
** mark in its one transaction, so that they are there when it returns,
** before the writer's own transaction: t_new, t_v1 of the 2 rows, 4660
** and 2 (it was marked alone, the tables left to the writer's next
** transaction, which a failure could leave undone). */
static void test_legacy_upgraded_at_once(void **state)
{
	fixture *f = *state;
	sqlite3 *db = NULL;
	char err[512];
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t_old(x);"
	                              "INSERT INTO t_old VALUES(7), (9)", NULL,
	                              NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	db = NULL;
	assert_int_equal(rl_db_open_write(f->path, &toy_kind, 0, &db, err,
	                                  sizeof err), RL_OK);
	sqlite3_close(db);
	assert_int_equal(one(f, "PRAGMA application_id"), 4660);
	assert_int_equal(one(f, "PRAGMA user_version"), 2);
	assert_int_equal(one(f, "SELECT count(*) FROM sqlite_master WHERE "
	                        "name = 't_new'"), 1);
	assert_int_equal(one(f, "SELECT sum(id) FROM t_v1"), 16);
}

/* The same file with t_v1 made by hand as a view, so the upgrade fails
** part way (its INSERT): nothing of it is left, no t_new, no mark (0 and
** 0, as before), where the mark alone was committed before the tables. */
static void test_legacy_upgrade_all_or_nothing(void **state)
{
	fixture *f = *state;
	sqlite3 *db = NULL;
	char err[512];
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t_old(x);"
	                              "INSERT INTO t_old VALUES(7);"
	                              "CREATE VIEW t_v1 AS SELECT 1 AS id", NULL,
	                              NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	db = NULL;
	assert_int_equal(rl_db_open_write(f->path, &toy_kind, 0, &db, err,
	                                  sizeof err), RL_EINPUT);
	assert_null(db);
	assert_non_null(strstr(err, "cannot modify t_v1 because it is a view"));
	assert_int_equal(one(f, "PRAGMA application_id"), 0);
	assert_int_equal(one(f, "PRAGMA user_version"), 0);
	assert_int_equal(one(f, "SELECT count(*) FROM sqlite_master WHERE "
	                        "name = 't_new'"), 0);
}

/* rl_db_open_write_begun returns inside the transaction that upgraded
** the file: a writer whose own statement then fails (an INSERT into t_old
** of two values, where t_old has one column) and rolls back leaves the
** unmarked file as it was, application_id 0, user_version 0, no t_new,
** t_v1 absent, t_old's 2 rows (rl_db_open_write had committed the
** upgrade and mark before the writer's transaction: a claim or validate
** that failed to write its run left an older file marked version 2 and
** changed); one that commits keeps the upgrade (4660, 2, t_new). */
static void test_legacy_upgrade_with_the_write(void **state)
{
	fixture *f = *state;
	sqlite3 *db = NULL;
	char err[512];
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t_old(x);"
	                              "INSERT INTO t_old VALUES(7), (9)", NULL,
	                              NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	db = NULL;
	assert_int_equal(rl_db_open_write_begun(f->path, &toy_kind, 0, &db, err,
	                                        sizeof err), RL_OK);
	assert_int_not_equal(sqlite3_exec(db, "INSERT INTO t_old VALUES(1, 2)",
	                                  NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	db = NULL;
	assert_int_equal(one(f, "PRAGMA application_id"), 0);
	assert_int_equal(one(f, "PRAGMA user_version"), 0);
	assert_int_equal(one(f, "SELECT count(*) FROM sqlite_master WHERE "
	                        "name IN ('t_new', 't_v1')"), 0);
	assert_int_equal(one(f, "SELECT count(*) FROM t_old"), 2);
	/* the same, the write committed */
	assert_int_equal(rl_db_open_write_begun(f->path, &toy_kind, 0, &db, err,
	                                        sizeof err), RL_OK);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO t_old VALUES(5);"
	                              "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(one(f, "PRAGMA application_id"), 4660);
	assert_int_equal(one(f, "PRAGMA user_version"), 2);
	assert_int_equal(one(f, "SELECT count(*) FROM sqlite_master WHERE "
	                        "name = 't_new'"), 1);
	assert_int_equal(one(f, "SELECT count(*) FROM t_old"), 3);
}

/* What f's file is after sql (run on a fresh file), by rl_db_found: its
** kind, and its words into buf. */
static rl_db_found_kind found_after(const fixture *f, const char *sql,
                                    char *buf, size_t len)
{
	sqlite3 *db = NULL;
	rl_db_found_kind k;
	unlink(f->path);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	k = rl_db_found(db, NULL, buf, len);
	sqlite3_close(db);
	return k;
}

/* rl_db_found names a file by its mark: the marks are "RLSW" and "RLCL"
** in ASCII (R 0x52, L 0x4c, S 0x53, W 0x57, C 0x43); a file of one table
** and no mark, one of a table and an index marked 7, an empty one and a
** text file are named as such. */
static void test_found(void **state)
{
	fixture *f = *state;
	char buf[256];
	FILE *t;
	sqlite3 *db = NULL;
	assert_int_equal(RL_DB_APP_SWEEP, 0x52 << 24 | 0x4c << 16 | 0x53 << 8 |
	                                      0x57);
	assert_int_equal(RL_DB_APP_CLAIM, 0x52 << 24 | 0x4c << 16 | 0x43 << 8 |
	                                      0x4c);
	assert_int_equal(found_after(f, "PRAGMA application_id = 1380733783",
	                             buf, sizeof buf),
	                 RL_DB_FOUND_SWEEP);
	assert_string_equal(buf, "a rooflab sweep database (rooflab sweep and "
	                         "merge write these)");
	assert_int_equal(found_after(f, "PRAGMA application_id = 1380729676",
	                             buf, sizeof buf),
	                 RL_DB_FOUND_CLAIM);
	assert_string_equal(buf, "a rooflab claim database (rooflab claim --db "
	                         "and validate --db write these)");
	assert_int_equal(found_after(f, "CREATE TABLE t(a)", buf, sizeof buf),
	                 RL_DB_FOUND_OTHER);
	assert_string_equal(buf, "not a rooflab file (an SQLite database "
	                         "without rooflab's mark: application_id 0x0, 1 "
	                         "table or index)");
	assert_int_equal(found_after(f, "CREATE TABLE t(a); CREATE INDEX i ON "
	                             "t(a); PRAGMA application_id = 7",
	                             buf, sizeof buf),
	                 RL_DB_FOUND_OTHER);
	assert_string_equal(buf, "not a rooflab file (an SQLite database "
	                         "without rooflab's mark: application_id 0x7, 2 "
	                         "tables and indexes)");
	/* tables all of a claim kind's legacy prefix, unmarked: an older
	** rooflab's claim file where that kind is given, else no rooflab's */
	{
		static const char *const legacy[] = {"t_", NULL};
		static const rl_db_kind claimish = {"claim", RL_DB_APP_CLAIM, 2,
		                                    legacy, 0, NULL};
		static const rl_db_kind *const kinds[] = {&claimish, NULL};
		assert_int_equal(found_after(f, "CREATE TABLE t_old(x)", buf,
		                             sizeof buf),
		                 RL_DB_FOUND_OTHER);
		assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
		assert_int_equal(rl_db_found(db, kinds, buf, sizeof buf),
		                 RL_DB_FOUND_CLAIM);
		sqlite3_close(db);
		db = NULL;
	}
	assert_int_equal(found_after(f, "VACUUM", buf, sizeof buf),
	                 RL_DB_FOUND_EMPTY);
	assert_string_equal(buf, "an empty SQLite database");
	unlink(f->path);
	assert_non_null(t = fopen(f->path, "w"));
	fputs("not a database, a line of text long enough for a header\n", t);
	fclose(t);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(rl_db_found(db, NULL, buf, sizeof buf),
	                 RL_DB_FOUND_NOT_SQLITE);
	assert_string_equal(buf, "not a rooflab file (not an SQLite database, "
	                         "or a damaged one)");
	sqlite3_close(db);
}

/* A claim file (marked "RLCL") opened as a sweep file: the writer's words
** name what it is and give --db another file; the reader's name a sweep
** database instead; another program's file (one table, no mark) is said
** to be no rooflab file, without "not a rooflab sweep database" after;
** an older rooflab's unmarked claim file is a claim database. */
static void test_identify_names_the_kind(void **state)
{
	static const rl_db_kind sweep = {"sweep", RL_DB_APP_SWEEP, 1, NULL, 0,
	                                 NULL};
	fixture *f = *state;
	sqlite3 *db = NULL;
	char err[512], want[512], buf[256];
	int unmarked;
	found_after(f, "PRAGMA application_id = 1380729676", buf, sizeof buf);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(rl_db_identify(db, "c.db", &sweep, &unmarked, err,
	                                sizeof err),
	                 RL_EINPUT);
	snprintf(want, sizeof want, "c.db is a rooflab claim database (rooflab "
	         "claim --db and validate --db write these), not a rooflab sweep "
	         "database; it was left unchanged: give --db another file (a new "
	         "one, or a rooflab sweep database)");
	assert_string_equal(err, want);
	assert_int_equal(rl_db_identify_read(db, "c.db", &sweep, &unmarked, err,
	                                     sizeof err),
	                 RL_EINPUT);
	assert_string_equal(err, "c.db is a rooflab claim database (rooflab "
	                         "claim --db and validate --db write these), not "
	                         "a rooflab sweep database; name a rooflab sweep "
	                         "database instead");
	sqlite3_close(db);
	found_after(f, "CREATE TABLE t(a)", buf, sizeof buf);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(rl_db_identify(db, "o.db", &sweep, &unmarked, err,
	                                sizeof err),
	                 RL_EINPUT);
	assert_string_equal(err, "o.db is not a rooflab file (an SQLite "
	                         "database without rooflab's mark: "
	                         "application_id 0x0, 1 table or index); it was "
	                         "left unchanged: give --db another file (a new "
	                         "one, or a rooflab sweep database)");
	sqlite3_close(db);	/* an older rooflab's claim file, unmarked, of the tables its
	** legacy list names ("claim_", "validation"): a claim database too,
	** where it was "not a rooflab file" */
	found_after(f, "CREATE TABLE claim_runs(id); "
	            "CREATE TABLE validation(x)", buf, sizeof buf);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(rl_db_identify(db, "l.db", &sweep, &unmarked, err,
	                                sizeof err),
	                 RL_EINPUT);
	assert_string_equal(err, "l.db is a rooflab claim database (rooflab "
	                         "claim --db and validate --db write these), not "
	                         "a rooflab sweep database; it was left "
	                         "unchanged: give --db another file (a new one, "
	                         "or a rooflab sweep database)");
	sqlite3_close(db);
}

/* A sweep file (version 1 here) of a later version (2) or an older one
** (0, which this kind neither reads nor upgrades): a reader (export,
** merge's parts, plot and report) is told it cannot read it and which
** rooflab can, where export and merge said "write to a new file"; a
** writer that it was left unchanged and where to write. */
static void test_version_words(void **state)
{
	static const rl_db_kind sweep = {"sweep", RL_DB_APP_SWEEP, 1, NULL, 0,
	                                 NULL};
	static const rl_db_kind *const kinds[] = {&sweep, NULL};
	fixture *f = *state;
	sqlite3 *db = NULL;
	char err[512], buf[256];
	int unmarked;
	found_after(f, "PRAGMA application_id = 1380733783; PRAGMA "
	               "user_version = 2", buf, sizeof buf);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(rl_db_identify_read(db, "n.db", &sweep, &unmarked, err,
	                                     sizeof err),
	                 RL_EINPUT);
	assert_string_equal(err, "n.db holds rooflab sweep schema version 2; "
	                         "the newest this build reads is 1 (a later "
	                         "rooflab wrote it; this one cannot read it: "
	                         "read it with that rooflab or a later one)");
	assert_int_equal(rl_db_newer_check(db, "n.db", kinds, buf, sizeof buf),
	                 RL_EINPUT);
	assert_string_equal(buf, err); /* plot and report: the same words */
	assert_int_equal(rl_db_identify(db, "n.db", &sweep, &unmarked, err,
	                                sizeof err),
	                 RL_EINPUT);
	assert_string_equal(err, "n.db holds rooflab sweep schema version 2; "
	                         "the newest this build reads is 1 (a later "
	                         "rooflab wrote it; it was left unchanged: add "
	                         "to it with that rooflab, or give --db another "
	                         "file)");
	sqlite3_close(db);
	found_after(f, "PRAGMA application_id = 1380733783; CREATE TABLE t(a)",
	            buf, sizeof buf);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(rl_db_newer_check(db, "o.db", kinds, err, sizeof err),
	                 RL_OK);
	assert_int_equal(rl_db_identify_read(db, "o.db", &sweep, &unmarked, err,
	                                     sizeof err),
	                 RL_EINPUT);
	assert_string_equal(err, "o.db holds rooflab sweep schema version 0; "
	                         "this rooflab reads version 1 only (an older "
	                         "rooflab wrote it; this one cannot read it: "
	                         "read it with that rooflab)");
	assert_int_equal(rl_db_identify(db, "o.db", &sweep, &unmarked, err,
	                                sizeof err),
	                 RL_EINPUT);
	assert_string_equal(err, "o.db holds rooflab sweep schema version 0; "
	                         "this rooflab uses version 1 (it was left "
	                         "unchanged; write to a new file)");
	sqlite3_close(db);
}

/* rl_db_has_column: of a table t(a, b), a and b are there, c is not; a
** table that is not there has no columns (no error); *yes set either way. */
static void test_has_column(void **state)
{
	sqlite3 *db;
	int yes = -1;
	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(a, b)", NULL, NULL,
	                              NULL), SQLITE_OK);
	assert_int_equal(rl_db_has_column(db, "t", "a", &yes), SQLITE_OK);
	assert_int_equal(yes, 1);
	assert_int_equal(rl_db_has_column(db, "t", "b", &yes), SQLITE_OK);
	assert_int_equal(yes, 1);
	assert_int_equal(rl_db_has_column(db, "t", "c", &yes), SQLITE_OK);
	assert_int_equal(yes, 0);
	yes = -1;
	assert_int_equal(rl_db_has_column(db, "none", "a", &yes), SQLITE_OK);
	assert_int_equal(yes, 0);
	sqlite3_close(db);
}

/* rl_db_missing: the one wording of a database that is not there, the
** option in front where one is named, the path in the command as sh
** reads it back (quoted where it holds a blank or a ';'), exit 2 */
static void test_missing_words(void **state)
{
	char err[512];
	(void)state;
	assert_int_equal(rl_db_missing(NULL, "runs.db", "rooflab sweep SPEC --db",
	                               err, sizeof err), RL_EINPUT);
	assert_string_equal(err, "runs.db: no such database (make one with "
	                    "rooflab sweep SPEC --db runs.db)");
	assert_int_equal(rl_db_missing("--sweeps", "my runs.db",
	                               "rooflab sweep SPEC --db", err, sizeof err),
	                 RL_EINPUT);
	assert_string_equal(err, "--sweeps my runs.db: no such database (make "
	                    "one with rooflab sweep SPEC --db 'my runs.db')");
	assert_int_equal(rl_db_missing("--db", "a;b.db", "rooflab claim --db",
	                               err, sizeof err), RL_EINPUT);
	assert_string_equal(err, "--db a;b.db: no such database (make one with "
	                    "rooflab claim --db 'a;b.db')");
}

/* A statement that must not prepare on db: SQLITE_ERROR, SQLite's words
** containing want. */
static void refused(sqlite3 *db, const char *sql, const char *want)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	sqlite3_finalize(st);
	if (rc != SQLITE_ERROR || !strstr(sqlite3_errmsg(db), want))
		fail_msg("%s: code %d, \"%s\"; expected an error naming %s", sql,
		         rc, sqlite3_errmsg(db), want);
}

/* SQLite's double-quoted-string fallback is off on every connection
** rooflab opens (rl_db_open): a "name" that is no column is "no such
** column", where it read as the string 'name'.  The file is made with
** sqlite3_open, whose connection has the fallback on (SQLite 3.40.1's
** default build), and so holds a view v whose "misspelt" column is a
** string there; read through rl_db_open_read the view fails, and so does
** a query naming it; 'quoted' text and real columns still read; a
** writer's connection refuses it in DDL too. */
static void test_dqs_off(void **state)
{
	fixture *f = *state;
	sqlite3 *db = writer(f, "delete", 2), *rd = NULL, *wr = NULL;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_exec(db, "CREATE VIEW v AS SELECT x, "
	                              "\"misspelt\" AS y FROM t", NULL, NULL,
	                              NULL), SQLITE_OK);
	/* the fallback on (the maker's connection): the view gives the text */
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT y FROM v", -1, &st,
	                                    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0),
	                    "misspelt");
	sqlite3_finalize(st);
	sqlite3_close(db);
	assert_int_equal(rl_db_open_read(f->path, &rd), SQLITE_OK);
	refused(rd, "SELECT y FROM v", "no such column: misspelt");
	refused(rd, "SELECT \"misspelt\" FROM t", "no such column: misspelt");
	assert_int_equal(sqlite3_prepare_v2(rd, "SELECT \"x\", 'misspelt' "
	                                    "FROM t", -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 1),
	                    "misspelt");
	sqlite3_finalize(st);
	sqlite3_close(rd);
	assert_int_equal(rl_db_open(f->path, SQLITE_OPEN_READWRITE, &wr),
	                 SQLITE_OK);
	refused(wr, "CREATE TABLE u(a CHECK (a <> \"misspelt\"))",
	        "no such column: misspelt");
	sqlite3_close(wr);
}

/* A file of a few bytes that are not SQLite's header: SQLite reads it as
** an empty database, and a sweep made one over a 1-byte text file (exit
** 0, small72); rl_db_identify refuses it as it does a longer text file,
** reader and writer alike, and leaves it as it was.  An empty file is a
** new database (touch, mktemp). */
static void test_short_text(void **state)
{
	static const rl_db_kind sweep = {"sweep", RL_DB_APP_SWEEP, 1, NULL, 0,
	                                 NULL};
	fixture *f = *state;
	sqlite3 *db = NULL;
	char err[512], want[512], back[8];
	int unmarked;
	FILE *t;
	assert_non_null(t = fopen(f->path, "w"));
	fputs("x", t);
	fclose(t);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(rl_db_identify(db, f->path, &sweep, &unmarked, err,
	                                sizeof err),
	                 RL_EINPUT);
	snprintf(want, sizeof want, "%s is not a rooflab file (not an SQLite "
	         "database, or a damaged one); it was left unchanged: give --db "
	         "another file (a new one, or a rooflab sweep database)",
	         f->path);
	assert_string_equal(err, want);
	assert_int_equal(rl_db_identify_read(db, f->path, &sweep, &unmarked,
	                                     err, sizeof err),
	                 RL_EINPUT);
	snprintf(want, sizeof want, "%s is not a rooflab file (not an SQLite "
	         "database, or a damaged one); name a rooflab sweep database "
	         "instead", f->path);
	assert_string_equal(err, want);
	sqlite3_close(db);
	assert_non_null(t = fopen(f->path, "rb"));
	assert_int_equal(fread(back, 1, sizeof back, t), 1);
	fclose(t);
	assert_int_equal(back[0], 'x');
	/* empty: a new database of the kind, to be marked */
	assert_non_null(t = fopen(f->path, "w"));
	fclose(t);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(rl_db_identify(db, f->path, &sweep, &unmarked, err,
	                                sizeof err),
	                 RL_OK);
	assert_int_equal(unmarked, 1);
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_wal_present, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_dqs_off, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_wal_closed, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_close_replaced, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_rollback_journal, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_target, setup, teardown),
	    cmocka_unit_test(test_constraint_words),
	    cmocka_unit_test(test_has_column),
	    cmocka_unit_test(test_missing_words),
	    cmocka_unit_test_setup_teardown(test_found, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_short_text, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_version_words, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_identify_names_the_kind, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_open_locked, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_identify_locked, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_legacy_upgraded_at_once, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_legacy_upgrade_all_or_nothing,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_legacy_upgrade_with_the_write,
	                                    setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
