/*
** tmpfile.c: temporaries named PATH.tmp-PID, and removing those of killed
** processes (tmpfile.h).
*/
#include "tmpfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

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

void rl_tmp_clean(const char *path)
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

int rl_tmp_name(const char *path, char *tmp, size_t len)
{
	rl_tmp_clean(path);
	if ((size_t)snprintf(tmp, len, "%s.tmp-%ld", path, (long)getpid()) >=
	    len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

int rl_tmp_create(const char *path, char *tmp, size_t len)
{
	if (rl_tmp_name(path, tmp, len))
		return -1;
	/* 0666: open(2) applies the umask */
	return open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
}
