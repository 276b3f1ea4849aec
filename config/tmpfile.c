/*
** tmpfile.c: temporaries named PATH.tmp-PID, and removing those of killed
** processes (tmpfile.h).
*/
#include "tmpfile.h"
#include "regfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "../model/status.h"

/* Is name BASE.tmp-PID[suffix] of a process that is gone?  */
static int stale(const char *name, const char *base, size_t blen)
{
	static const char *const suffixes[] = {"", "-journal", "-wal", "-shm"};
	const char *p;
	char *end;
	long pid;
	size_t i;
	if (strncmp(name, base, blen) || strncmp(name + blen, ".tmp-", 5))
		return 0;
	p = name + blen + 5;
	if (*p < '0' || *p > '9')
		return 0;
	errno = 0;
	pid = strtol(p, &end, 10);
	if (errno || pid <= 0 || (pid_t)pid != pid)
		return 0;
	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
		if (!strcmp(end, suffixes[i]))
			break;
	if (i == sizeof suffixes / sizeof suffixes[0])
		return 0;
	if ((pid_t)pid == getpid())
		return 1;
	return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

/* Remove PATH.tmp-PID files (and their -journal, -wal, -shm) whose process
** no longer runs. */
static void rl_tmp_clean(const char *path)
{
	char dir[4096], full[8192];
	const char *slash = strrchr(path, '/'), *base;
	DIR *d;
	struct dirent *e;
	size_t blen;
	if (slash) {
		if ((size_t)(slash - path) + 2 > sizeof dir)
			return;
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path + 1), path);
		base = slash + 1;
	} else {
		snprintf(dir, sizeof dir, "./");
		base = path;
	}
	blen = strlen(base);
	if (!blen || !(d = opendir(dir)))
		return;
	while ((e = readdir(d)))
		if (stale(e->d_name, base, blen) &&
		    (size_t)snprintf(full, sizeof full, "%s%s", dir, e->d_name) <
		        sizeof full)
			unlink(full);
	closedir(d);
}

int rl_tmp_path(const char *path, char *tmp, size_t len)
{
	if ((size_t)snprintf(tmp, len, "%s.tmp-%ld", path, (long)getpid()) >=
	    len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

/* rl_tmp_create's name alone (nothing created), after rl_tmp_clean: 0,
** or -1 with errno ENAMETOOLONG when the name does not fit, EISDIR when
** path is a directory, EEXIST when it is a FIFO, a device or a socket
** (renaming the output onto it would replace it; rl_out_fail says what it
** is). */
static int rl_tmp_name(const char *path, char *tmp, size_t len)
{
	rl_file_kind kind = rl_not_regular(path);
	/* the output is renamed onto path: onto a FIFO or a device that
	** would replace it (as root, /dev/null itself) */
	if (kind) {
		errno = kind == RL_FILE_DIR ? EISDIR : EEXIST;
		return -1;
	}
	rl_tmp_clean(path);
	return rl_tmp_path(path, tmp, len);
}

int rl_tmp_create(const char *path, char *tmp, size_t len)
{
	if (rl_tmp_name(path, tmp, len))
		return -1;
	/* 0666: open(2) applies the umask */
	return open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
}

int rl_out_exit(int e)
{
	switch (e) {
	case ENOMEM:
	case EMFILE:
	case ENFILE:
	case ENOSPC:
	case EDQUOT:
	case EFBIG: /* a file size limit (ulimit -f) or the file system's */
	case EIO:
		return RL_EINTERNAL;
	default:
		return RL_EINPUT;
	}
}

int rl_out_fail(const char *path, int e, char *err, size_t errlen)
{
	rl_file_kind kind = e == EEXIST ? rl_not_regular(path)
	                                : RL_FILE_REGULAR;
	char why[4200];
	/* a new file in a folder that is not there: named with the fix, as
	** --db's is (rl_db_target_check), where strerror said "No such file
	** or directory" of the file */
	if ((e == ENOENT || e == ENOTDIR) &&
	    rl_folder_missing(path, why, sizeof why)) {
		snprintf(err, errlen, "cannot write %s: %s", path, why);
		return RL_EINPUT;
	}
	if (kind)
		snprintf(err, errlen, "cannot write %s: not a regular file (%s), "
		         "which the output would replace", path,
		         rl_file_kind_name(kind));
	else
		/* EFBIG's "File too large" named no limit: which one it is */
		snprintf(err, errlen, "cannot write %s: %s%s", path, strerror(e),
		         e == EFBIG ? " (a file size limit, ulimit -f, or the "
		                      "file system's largest file)"
		                    : "");
	return rl_out_exit(e);
}

FILE *rl_out_open(const char *path, char *tmp, size_t len, int *status,
                  char *err, size_t errlen)
{
	int fd = rl_tmp_create(path, tmp, len), e;
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (f)
		return f;
	e = errno;
	if (fd >= 0) {
		close(fd);
		unlink(tmp);
	}
	*status = rl_out_fail(path, e, err, errlen);
	return NULL;
}

/* An errno a write to an output fails with for want of room or a
** failing disk (not one an unrelated call may have left behind, as
** ENOENT) */
static int write_errno(int e)
{
	return e == EFBIG || e == ENOSPC || e == EDQUOT || e == EIO;
}

int rl_out_commit(FILE *f, const char *tmp, const char *path, char *err,
                  size_t errlen)
{
	/* the errno of a write that failed before the call (fwrite of more
	** than the stream's buffer fails at once, written through, and fclose
	** then has nothing to fail on): kept, where it was cleared below and
	** the reason lost ("a write failed" for a write past ulimit -f, EFBIG) */
	int bad = ferror(f), was = bad && write_errno(errno) ? errno : 0, e;
	errno = 0;
	/* a write that failed earlier may leave fclose nothing to fail on:
	** its errno gone too, and strerror(EIO) for it, "Input/output
	** error", named neither */
	if (fclose(f) != 0 || bad) {
		e = errno ? errno : was;
		unlink(tmp);
		if (!e) {
			snprintf(err, errlen, "cannot write %s: a write failed (the "
			         "disk may be full or a file size limit reached)",
			         path);
			return RL_EINTERNAL;
		}
		return rl_out_fail(path, e, err, errlen);
	}
	if (rename(tmp, path) != 0) {
		e = errno;
		unlink(tmp);
		return rl_out_fail(path, e, err, errlen);
	}
	return RL_OK;
}

int rl_out_is_file(const char *path, const char *in)
{
	struct stat ob, ib;
	return in && lstat(path, &ob) == 0 && stat(in, &ib) == 0 &&
	       ob.st_dev == ib.st_dev && ob.st_ino == ib.st_ino;
}
