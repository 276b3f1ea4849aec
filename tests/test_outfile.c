/*
** test_outfile.c: an output written whole or not at all
** (config/tmpfile.c rl_out_open, rl_out_commit) and the exit status of one
** that cannot be (rl_out_exit): the path's fault is 2, the machine's 1.
** Every expected value is written by hand.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../config/slurp.h"
#include "../config/tmpfile.h"
#include "../model/status.h"

/* 64 KiB fwritten to /dev/full (past the stream's buffer: written
** through, failing at once with ENOSPC), errno then set to e (-1: left as
** the write left it), and the stream committed: rl_out_commit's status,
** its message in err; -2 where /dev/full cannot be opened */
static int big_write_commit(int e, char *err, size_t errlen)
{
	static char big[1 << 16];
	FILE *f = fopen("/dev/full", "w");
	if (!f)
		return -2;
	memset(big, 'x', sizeof big);
	(void)!fwrite(big, 1, sizeof big, f);
	if (e >= 0)
		errno = e;
	return rl_out_commit(f, "/nonexistent/t.tmp-1", "out.md", err, errlen);
}

/* (small62) a write past a file size limit (RLIMIT_FSIZE of 1000 bytes,
** SIGXFSZ ignored, in a child so that the limit stays there): 64 KiB
** fwritten at once fails with EFBIG and leaves fclose nothing to fail on;
** the commit names the limit (rl_out_fail's EFBIG words, by hand), exit
** status 1, no file left, where it said "a write failed".  The child's
** exit: 0 as expected, 1 the status, 2 the message, 3 a file left. */
static void test_file_size_limit(void **state)
{
	char dir[] = "/tmp/rl-outfsz-XXXXXX", path[128], tmp[256], err[512];
	char want[512];
	int status = -1, ws;
	pid_t pid;
	struct stat sb;
	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/out.md", dir);
	snprintf(want, sizeof want, "cannot write %s: File too large (a file "
	         "size limit, ulimit -f, or the file system's largest file)",
	         path);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		static char big[1 << 16];
		struct rlimit r = {1000, 1000};
		FILE *f;
		int rc;
		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &r) != 0)
			_exit(4);
		f = rl_out_open(path, tmp, sizeof tmp, &status, err, sizeof err);
		if (!f)
			_exit(5);
		memset(big, 'x', sizeof big);
		(void)!fwrite(big, 1, sizeof big, f);
		rc = rl_out_commit(f, tmp, path, err, sizeof err);
		if (rc != RL_EINTERNAL)
			_exit(1);
		if (strcmp(err, want)) {
			fprintf(stderr, "got: %s\n", err);
			_exit(2);
		}
		_exit(stat(path, &sb) == 0 || stat(tmp, &sb) == 0 ? 3 : 0);
	}
	assert_int_equal(waitpid(pid, &ws, 0), pid);
	assert_true(WIFEXITED(ws));
	assert_int_equal(WEXITSTATUS(ws), 0);
	rmdir(dir);
}

static void test_exit_status(void **state)
{
	/* the path given is wrong (2); the machine is short of something or
	** failing (1) */
	static const int cases[][2] = {
	    {ENOENT, RL_EINPUT},     {ENOTDIR, RL_EINPUT}, {EISDIR, RL_EINPUT},
	    {EACCES, RL_EINPUT},     {EROFS, RL_EINPUT},
	    {ENAMETOOLONG, RL_EINPUT}, {ENOSPC, RL_EINTERNAL},
	    {EDQUOT, RL_EINTERNAL},  {EIO, RL_EINTERNAL},
	    {ENOMEM, RL_EINTERNAL},  {EMFILE, RL_EINTERNAL},
	    {ENFILE, RL_EINTERNAL},
	    /* past a file size limit (ulimit -f, a batch system's
	    ** RLIMIT_FSIZE) or the file system's largest file: the machine's
	    ** limit, as a full disk is, not the path's fault (it read as bad
	    ** input, exit 2, under a ulimit -f of 100 blocks) */
	    {EFBIG, RL_EINTERNAL}};
	size_t i;
	char err[512];
	FILE *f;
	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(rl_out_exit(cases[i][0]), cases[i][1]);
	/* a full disk shows when the stream is flushed: /dev/full fails every
	** write with ENOSPC, so the commit is exit 1 and says why */
	f = fopen("/dev/full", "w");
	if (!f)
		return;
	fputs("x", f);
	assert_int_equal(rl_out_commit(f, "/nonexistent/t.tmp-1", "out.md", err,
	                               sizeof err),
	                 RL_EINTERNAL);
	assert_string_equal(err, "cannot write out.md: No space left on device");
	/* a write past the stream's buffer fails at once (fwrite writes it
	** through), and fclose then has nothing to fail on: (small62) the
	** errno the write left, ENOSPC on /dev/full, names it, where the
	** commit cleared it and said "a write failed" */
	assert_int_equal(big_write_commit(-1, err, sizeof err), RL_EINTERNAL);
	assert_string_equal(err, "cannot write out.md: No space left on device");
	/* its errno gone, the message says what such a failure is, where it
	** read "Input/output error" (EIO standing for it); an errno no write
	** fails with (ENOENT, another call's) is not taken for its reason
	** (it would read "No such file or directory", exit 2) */
	assert_int_equal(big_write_commit(0, err, sizeof err), RL_EINTERNAL);
	assert_string_equal(err, "cannot write out.md: a write failed (the "
	                    "disk may be full or a file size limit reached)");
	assert_int_equal(big_write_commit(ENOENT, err, sizeof err),
	                 RL_EINTERNAL);
	assert_string_equal(err, "cannot write out.md: a write failed (the "
	                    "disk may be full or a file size limit reached)");
	/* EFBIG's strerror, "File too large", said which limit: the words
	** written by hand from rl_out_fail's purpose */
	assert_int_equal(rl_out_fail("out.md", EFBIG, err, sizeof err),
	                 RL_EINTERNAL);
	assert_string_equal(err, "cannot write out.md: File too large (a file "
	                         "size limit, ulimit -f, or the file system's "
	                         "largest file)");
}

static void test_whole_or_nothing(void **state)
{
	char dir[] = "/tmp/rl-outfile-XXXXXX", path[128], bad[160], tmp[256];
	char fifo[160];
	char err[512];
	int status = -1;
	size_t len = 0;
	char *got;
	FILE *f;
	struct stat sb;
	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/out.txt", dir);
	/* written whole: the text under its name, no temporary left */
	f = rl_out_open(path, tmp, sizeof tmp, &status, err, sizeof err);
	assert_non_null(f);
	assert_int_equal(stat(path, &sb), -1); /* not there until committed */
	fputs("one\ntwo\n", f);
	assert_int_equal(rl_out_commit(f, tmp, path, err, sizeof err), RL_OK);
	got = rl_slurp(path, &len);
	assert_non_null(got);
	assert_int_equal(len, 8);
	assert_memory_equal(got, "one\ntwo\n", 8);
	free(got);
	assert_int_equal(stat(tmp, &sb), -1);
	/* a folder that does not exist: exit 2, named, nothing made */
	snprintf(bad, sizeof bad, "%s/nope/out.txt", dir);
	assert_null(rl_out_open(bad, tmp, sizeof tmp, &status, err, sizeof err));
	assert_int_equal(status, RL_EINPUT);
	{
		/* named with the fix, as --db's folder is (test_dbfile.c) */
		char want[8192];
		snprintf(want, sizeof want, "cannot write %s/nope/out.txt: its "
		         "folder %s/nope is not there (make it first: mkdir -p "
		         "%s/nope)", dir, dir, dir);
		assert_string_equal(err, want);
		/* under a file: that the file is no folder */
		snprintf(bad, sizeof bad, "%s/plain", dir);
		{
			FILE *pf = fopen(bad, "w");
			assert_non_null(pf);
			fclose(pf);
		}
		snprintf(bad, sizeof bad, "%s/plain/out.txt", dir);
		assert_null(rl_out_open(bad, tmp, sizeof tmp, &status, err,
		                        sizeof err));
		assert_int_equal(status, RL_EINPUT);
		snprintf(want, sizeof want, "cannot write %s/plain/out.txt: "
		         "%s/plain is not a folder", dir, dir);
		assert_string_equal(err, want);
		snprintf(bad, sizeof bad, "%s/plain", dir);
		unlink(bad);
	}
	/* the name of a directory: refused at once, exit 2, nothing made */
	snprintf(bad, sizeof bad, "%s/d", dir);
	assert_int_equal(mkdir(bad, 0700), 0);
	assert_null(rl_out_open(bad, tmp, sizeof tmp, &status, err, sizeof err));
	assert_int_equal(status, RL_EINPUT);
	assert_non_null(strstr(err, "/d: Is a directory"));
	rmdir(bad);
	/* a FIFO (as a device would be): refused, not renamed over */
	snprintf(fifo, sizeof fifo, "%s/p", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_null(rl_out_open(fifo, tmp, sizeof tmp, &status, err,
	                        sizeof err));
	assert_int_equal(status, RL_EINPUT);
	assert_non_null(strstr(err, "/p: not a regular file (a FIFO), which "
	                            "the output would replace"));
	assert_int_equal(stat(fifo, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	unlink(fifo);
	/* a directory made after the open: the rename is refused, exit 2,
	** the temporary gone and the directory as it was */
	f = rl_out_open(bad, tmp, sizeof tmp, &status, err, sizeof err);
	assert_non_null(f);
	assert_int_equal(mkdir(bad, 0700), 0);
	fputs("x", f);
	assert_int_equal(rl_out_commit(f, tmp, bad, err, sizeof err), RL_EINPUT);
	assert_non_null(strstr(err, "/d: Is a directory"));
	assert_int_equal(stat(tmp, &sb), -1);
	assert_int_equal(stat(bad, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	rmdir(bad);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_exit_status),
	    cmocka_unit_test(test_whole_or_nothing),
	    cmocka_unit_test(test_file_size_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
