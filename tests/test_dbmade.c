/*
** test_dbmade.c: a sweep database a failed run made, removed only where
** it is safe (sweeps/dbmade.c), with two processes: this one, the sweep
** that made the file and failed, and a child, another sweep using the
** same name.  The child says where it stands through a pipe; a test that
** waits on it waits for an event, not a time.  Each case is one that
** the removal until 2026-12-02 (holds_nothing on its own connection's
** last view, the connection closed, then unlink of the name, -wal, -shm)
** got wrong.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../model/status.h"
#include "../sweeps/dbmade.h"
#include "../sweeps/spec.h"
#include "../sweeps/store.h"

#define BUSY_MS 10000

static rl_sweep_spec *spec(void)
{
	char err[1024] = "";
	rl_sweep_spec *s = rl_sweep_spec_parse(
	    "test.ini", "[base]\nchip = h100-sxm\nmodel = llama3-8b\n"
	                "[axes]\nscenario.batch = 1:4:1\n",
	    err, sizeof err);
	if (!s)
		fail_msg("spec refused: %s", err);
	return s;
}

/* A fresh name under /tmp, nothing there. */
static void fresh(char *path, size_t len, const char *tag)
{
	snprintf(path, len, "/tmp/rl_test_dbmade_%s_%ld.db", tag,
	         (long)getpid());
	unlink(path);
}

static void remove_all(const char *path)
{
	char p[256];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

/* The number of runs in the database at path, -1 where it cannot be
** read. */
static int runs_in(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int n = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM runs", -1, &st, NULL) ==
	        SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return n;
}

static void say(int fd)
{
	char c = 1;
	if (write(fd, &c, 1) != 1)
		_exit(3);
}

static void hear(int fd)
{
	char c;
	if (read(fd, &c, 1) != 1)
		_exit(3);
}

/* The child's exit status, 0 where it did all it was to do. */
static int child_status(pid_t pid)
{
	int status;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* Two processes make the same new file at once: exactly one made it
** (O_EXCL), where each of two sweeps that found no file (lstat) took it
** as its own and would remove it on failing.  The children start
** together once the parent writes to their pipe. */
static void test_one_maker(void **state)
{
	char path[128];
	int go[2], i, made = 0;
	pid_t pid[4];
	(void)state;
	fresh(path, sizeof path, "make");
	assert_int_equal(pipe(go), 0);
	for (i = 0; i < 4; i++) {
		pid[i] = fork();
		assert_true(pid[i] >= 0);
		if (pid[i] == 0) {
			rl_db_made m;
			char c;
			close(go[1]);
			if (read(go[0], &c, 1) != 0) /* EOF: all start */
				_exit(3);
			_exit(rl_db_make(path, &m) ? 1 : 0);
		}
	}
	close(go[0]);
	close(go[1]);
	for (i = 0; i < 4; i++) {
		int st = child_status(pid[i]);
		assert_true(st == 0 || st == 1);
		made += st;
	}
	assert_int_equal(made, 1);
	unlink(path);
}

/* The file this process made holds its schema and no run; another
** process has opened it and is writing its run (its write transaction
** open, the run inserted, not yet committed) when this one fails and
** removes the file: the removal waits for the write lock, then finds the
** other's run and keeps the file, which holds it (1 run).  Until
** 2026-12-02 the check read the last committed state (nothing), the file
** was unlinked and the other's run went to a file no one could open. */
static void test_keeps_a_run_being_written(void **state)
{
	char path[128], err[512];
	int up[2], down[2];
	rl_db_made m;
	sqlite3 *db;
	pid_t pid;
	(void)state;
	fresh(path, sizeof path, "joined");
	assert_true(rl_db_make(path, &m));
	assert_int_equal(rl_store_open(path, 0, BUSY_MS, &db, err, sizeof err),
	                 0);
	assert_int_equal(pipe(up), 0);
	assert_int_equal(pipe(down), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		sqlite3 *b;
		/* the other sweep: its run written under its lock, held until
		** the parent is (most likely) waiting on it in the removal */
		if (rl_store_open(path, 0, BUSY_MS, &b, err, sizeof err) ||
		    sqlite3_exec(b, "BEGIN IMMEDIATE", NULL, NULL, NULL) ||
		    sqlite3_exec(b, "INSERT INTO runs(spec, spec_hash, spec_path, "
		                    "version, git_rev, started, sampling, points, "
		                    "shard_index, shard_count) VALUES('', 'h', "
		                    "'s', 'v', 'g', 't', 'grid', 4, 0, 1)",
		                 NULL, NULL, NULL))
			_exit(2);
		say(up[1]);
		hear(down[0]);
		/* an order, not a measure: where the parent reaches the lock
		** after the commit, it finds the run all the same */
		usleep(300000);
		if (sqlite3_exec(b, "COMMIT", NULL, NULL, NULL))
			_exit(2);
		sqlite3_close(b);
		_exit(0);
	}
	hear(up[0]);
	say(down[1]);
	assert_int_equal(rl_db_unmake(db, path, &m, 0, BUSY_MS), 0);
	sqlite3_close(db);
	assert_int_equal(child_status(pid), 0);
	assert_int_equal(runs_in(path), 1);
	remove_all(path);
}

/* The file this process made was removed meanwhile and another process
** made a new database at the same name, with a run: the removal keeps
** it, as the name no longer names the file made (device and inode); the
** removal until 2026-12-02 unlinked the name, the other's new file. */
static void test_keeps_a_new_file_at_the_name(void **state)
{
	char path[128], err[512];
	rl_db_made m;
	sqlite3 *db;
	pid_t pid;
	(void)state;
	fresh(path, sizeof path, "replaced");
	assert_true(rl_db_make(path, &m));
	assert_int_equal(rl_store_open(path, 0, BUSY_MS, &db, err, sizeof err),
	                 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		rl_sweep_spec *s = spec();
		sqlite3 *b;
		int64_t id;
		remove_all(path);
		if (rl_store_open(path, 0, BUSY_MS, &b, err, sizeof err) ||
		    rl_store_new_run(b, s, 0, 1, &id, err, sizeof err))
			_exit(2);
		sqlite3_close(b);
		rl_sweep_spec_free(s);
		_exit(0);
	}
	assert_int_equal(child_status(pid), 0);
	assert_int_equal(rl_db_unmake(db, path, &m, 0, BUSY_MS), 0);
	sqlite3_close(db);
	assert_int_equal(runs_in(path), 1);
	remove_all(path);
}

/* Another process opened the file this one made, which holds nothing,
** and starts its run after this one removed it: its run is refused
** (RL_EINTERNAL, "removed or replaced"), where it was written to the
** unlinked file and the sweep went on, its points stored where no one
** could read them.  Then a file that holds nothing, made and left by this
** process alone, is removed, -wal and -shm with it. */
static void test_refuses_a_run_in_a_removed_file(void **state)
{
	char path[128], err[512], p[160];
	int up[2], down[2];
	rl_db_made m;
	sqlite3 *db;
	pid_t pid;
	(void)state;
	fresh(path, sizeof path, "removed");
	assert_true(rl_db_make(path, &m));
	assert_int_equal(rl_store_open(path, 0, BUSY_MS, &db, err, sizeof err),
	                 0);
	assert_int_equal(pipe(up), 0);
	assert_int_equal(pipe(down), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		rl_sweep_spec *s = spec();
		sqlite3 *b;
		int64_t id;
		int rc;
		if (rl_store_open(path, 0, BUSY_MS, &b, err, sizeof err))
			_exit(2);
		say(up[1]);
		hear(down[0]);
		rc = rl_store_new_run(b, s, 0, 1, &id, err, sizeof err);
		sqlite3_close(b);
		rl_sweep_spec_free(s);
		_exit(rc == RL_EINTERNAL && strstr(err, "removed or replaced")
		          ? 0 : 1);
	}
	hear(up[0]);
	assert_int_equal(rl_db_unmake(db, path, &m, 0, BUSY_MS), 1);
	sqlite3_close(db);
	say(down[1]);
	assert_int_equal(child_status(pid), 0);
	assert_int_equal(access(path, F_OK), -1);
	snprintf(p, sizeof p, "%s-wal", path);
	assert_int_equal(access(p, F_OK), -1);
	snprintf(p, sizeof p, "%s-shm", path);
	assert_int_equal(access(p, F_OK), -1);
	remove_all(path);
}

/* The run's own connection failed (db NULL): the file is removed only
** where no other process has it open, as its open is how a run in it
** begins: kept while a child holds it open (rl_store_open: its schema,
** WAL mode, a shared lock while open), removed with its -wal and -shm
** once the child has closed it and exited. */
static void test_own_connection_waits_for_none(void **state)
{
	char path[128], err[512], p[160];
	int up[2], down[2];
	rl_db_made m;
	pid_t pid;
	(void)state;
	fresh(path, sizeof path, "own");
	assert_true(rl_db_make(path, &m));
	assert_int_equal(pipe(up), 0);
	assert_int_equal(pipe(down), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		sqlite3 *b;
		if (rl_store_open(path, 0, BUSY_MS, &b, err, sizeof err))
			_exit(2);
		say(up[1]);
		hear(down[0]);
		sqlite3_close(b);
		_exit(0);
	}
	hear(up[0]);
	assert_int_equal(rl_db_unmake(NULL, path, &m, 0, BUSY_MS), 0);
	assert_int_equal(access(path, F_OK), 0);
	say(down[1]);
	assert_int_equal(child_status(pid), 0);
	assert_int_equal(rl_db_unmake(NULL, path, &m, 0, BUSY_MS), 1);
	assert_int_equal(access(path, F_OK), -1);
	snprintf(p, sizeof p, "%s-wal", path);
	assert_int_equal(access(p, F_OK), -1);
	snprintf(p, sizeof p, "%s-shm", path);
	assert_int_equal(access(p, F_OK), -1);
	remove_all(path);
}

/* The run's own connection failed before its schema (db NULL), the file
** made empty: removed, as a file of no table holds nothing (holds_nothing
** says so before reading any table). */
static void test_removes_an_empty_file(void **state)
{
	char path[128];
	rl_db_made m;
	(void)state;
	fresh(path, sizeof path, "empty");
	assert_true(rl_db_make(path, &m));
	assert_int_equal(rl_db_unmake(NULL, path, &m, 0, BUSY_MS), 1);
	assert_int_equal(access(path, F_OK), -1);
	/* made once: a name where something is now is not made again */
	assert_int_equal(close(creat(path, 0644)), 0);
	assert_int_equal(rl_db_make(path, &m), 0);
	assert_int_equal(m.made, 0);
	/* and one not made is never removed */
	assert_int_equal(rl_db_unmake(NULL, path, &m, 0, BUSY_MS), 0);
	assert_int_equal(access(path, F_OK), 0);
	remove_all(path);
	/* no name: nothing made */
	assert_int_equal(rl_db_make("", &m), 0);
	assert_int_equal(rl_db_make(NULL, &m), 0);
}

/* The run's own run, begun and holding no point, does not keep the file
** (run_id: the run that failed), and a leftover -journal goes with it; a
** point of that same run does keep it. */
static void test_own_run_alone_removed_a_point_kept(void **state)
{
	char path[128], err[512], p[160];
	rl_sweep_spec *s = spec();
	rl_db_made m;
	sqlite3 *db;
	int64_t id;
	int i;
	(void)state;
	for (i = 0; i < 2; i++) {
		fresh(path, sizeof path, i ? "point" : "ownrun");
		assert_true(rl_db_make(path, &m));
		assert_int_equal(rl_store_open(path, 0, BUSY_MS, &db, err,
		                               sizeof err), 0);
		assert_int_equal(rl_store_new_run(db, s, 0, 1, &id, err,
		                                  sizeof err), 0);
		if (i) {
			char sql[128];
			snprintf(sql, sizeof sql, "INSERT INTO points(run_id, idx, "
			         "status) VALUES(%lld, 0, 0)", (long long)id);
			assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL),
			                 SQLITE_OK);
		}
		/* a -journal an earlier crash left (empty: no hot journal) */
		snprintf(p, sizeof p, "%s-journal", path);
		assert_int_equal(close(creat(p, 0644)), 0);
		assert_int_equal(rl_db_unmake(db, path, &m, id, BUSY_MS), !i);
		sqlite3_close(db);
		assert_int_equal(access(path, F_OK), i ? 0 : -1);
		assert_int_equal(access(p, F_OK), i ? 0 : -1);
		if (i)
			assert_int_equal(runs_in(path), 1);
		unlink(p);
		remove_all(path);
	}
	rl_sweep_spec_free(s);
}

/* The file made was moved away and a symbolic link to it put at the name:
** the name is not the file made (lstat), so neither the link nor the file
** is removed, where stat would follow the link to the file made. */
static void test_keeps_a_link_to_the_file_made(void **state)
{
	char path[128], moved[160];
	rl_db_made m;
	(void)state;
	fresh(path, sizeof path, "link");
	snprintf(moved, sizeof moved, "%s.moved", path);
	unlink(moved);
	assert_true(rl_db_make(path, &m));
	assert_int_equal(rename(path, moved), 0);
	assert_int_equal(symlink(moved, path), 0);
	assert_int_equal(rl_db_unmake(NULL, path, &m, 0, BUSY_MS), 0);
	assert_int_equal(access(moved, F_OK), 0);
	{
		struct stat sb;
		assert_int_equal(lstat(path, &sb), 0);
		assert_true(S_ISLNK(sb.st_mode));
	}
	unlink(path);
	unlink(moved);
}

/* A new database another connection made at the name, its -wal and -shm
** open, outlives the closing of the failed run's connection: where the
** name is another file (and where the file made was removed), that
** connection is told to keep its WAL, so closing it (the last connection
** to the file made) unlinks no "path-wal" or "path-shm" by name, the new
** file's. */
static void test_close_spares_a_new_files_wal(void **state)
{
	char path[128], err[512], p[160], q[160];
	rl_db_made m;
	sqlite3 *db, *b;
	int removed;
	(void)state;
	for (removed = 0; removed < 2; removed++) {
		fresh(path, sizeof path, removed ? "walgone" : "walnew");
		snprintf(p, sizeof p, "%s-wal", path);
		snprintf(q, sizeof q, "%s-shm", path);
		assert_true(rl_db_make(path, &m));
		assert_int_equal(rl_store_open(path, 0, BUSY_MS, &db, err,
		                               sizeof err), 0);
		if (removed)
			assert_int_equal(rl_db_unmake(db, path, &m, 0, BUSY_MS), 1);
		else
			remove_all(path);
		assert_int_equal(rl_store_open(path, 0, BUSY_MS, &b, err,
		                               sizeof err), 0);
		assert_int_equal(access(p, F_OK), 0);
		if (!removed)
			assert_int_equal(rl_db_unmake(db, path, &m, 0, BUSY_MS), 0);
		sqlite3_close(db);
		assert_int_equal(access(p, F_OK), 0);
		assert_int_equal(access(q, F_OK), 0);
		sqlite3_close(b);
		remove_all(path);
	}
}

/* Under a file size limit of 0 (ulimit -f 0: the file can be made, not
** one byte written; SIGXFSZ ignored, as rooflab does), a run whose open
** failed leaves the empty file it made, where a sweep left it:
** rl_db_unmake's own connection removes it all the same (in a child, the
** limit its own). */
static void test_removes_under_a_size_limit_of_0(void **state)
{
	char path[128];
	pid_t pid;
	(void)state;
	fresh(path, sizeof path, "fsize0");
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit lim = {0, 0};
		rl_db_made m;
		sqlite3 *db = NULL;
		char err[512];
		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &lim) || !rl_db_make(path, &m))
			_exit(2);
		/* the run's open fails: nothing can be written */
		if (rl_store_open(path, 0, BUSY_MS, &db, err, sizeof err) == 0)
			_exit(3);
		_exit(rl_db_unmake(NULL, path, &m, 0, BUSY_MS) == 1 ? 0 : 4);
	}
	assert_int_equal(child_status(pid), 0);
	assert_int_equal(access(path, F_OK), -1);
	remove_all(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_one_maker),
	    cmocka_unit_test(test_keeps_a_run_being_written),
	    cmocka_unit_test(test_keeps_a_new_file_at_the_name),
	    cmocka_unit_test(test_refuses_a_run_in_a_removed_file),
	    cmocka_unit_test(test_own_connection_waits_for_none),
	    cmocka_unit_test(test_removes_an_empty_file),
	    cmocka_unit_test(test_own_run_alone_removed_a_point_kept),
	    cmocka_unit_test(test_keeps_a_link_to_the_file_made),
	    cmocka_unit_test(test_close_spares_a_new_files_wal),
	    cmocka_unit_test(test_removes_under_a_size_limit_of_0),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
