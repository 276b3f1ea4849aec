/*
** regfile.c: refusing paths that are not regular files (regfile.h).
*/
#include "regfile.h"
#include "shword.h"
#include "../model/utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static rl_file_kind kind_of(mode_t m)
{
	if (S_ISREG(m))
		return RL_FILE_REGULAR;
	if (S_ISDIR(m))
		return RL_FILE_DIR;
	if (S_ISFIFO(m))
		return RL_FILE_FIFO;
	if (S_ISCHR(m) || S_ISBLK(m))
		return RL_FILE_DEVICE;
	if (S_ISSOCK(m))
		return RL_FILE_SOCKET;
	return RL_FILE_OTHER;
}

const char *rl_file_kind_name(rl_file_kind k)
{
	switch (k) {
	case RL_FILE_DIR:
		return "a directory";
	case RL_FILE_FIFO:
		return "a FIFO";
	case RL_FILE_DEVICE:
		return "a device";
	case RL_FILE_SOCKET:
		return "a socket";
	default:
		return "not a file";
	}
}

rl_file_kind rl_not_regular(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 ? kind_of(sb.st_mode) : RL_FILE_REGULAR;
}

/* (the path named cut past RL_UTF8_PATH_SHOWN_MAX bytes, rl_utf8_shown:
** whole, a --measurements path of 1,000 bytes, which validate takes,
** filled its 1,024-byte message: "PATH: ca") */
FILE *rl_open_regular(const char *file, char *err, size_t errlen)
{
	struct stat sb;
	rl_file_kind kind;
	FILE *f;
	int fd = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC), flags, e = errno;
	char shown[RL_UTF8_PATH_SHOWN_MAX + 64];
	const char *path = rl_utf8_shown(file, RL_UTF8_PATH_SHOWN_MAX, shown,
	                                 sizeof shown);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(e));
		errno = e;
		return NULL;
	}
	if (fstat(fd, &sb) != 0) {
		e = errno;
		snprintf(err, errlen, "%s: cannot read: %s", path, strerror(e));
		close(fd);
		errno = e;
		return NULL;
	}
	if ((kind = kind_of(sb.st_mode))) {
		snprintf(err, errlen, "%s: not a regular file (%s)", path,
		         rl_file_kind_name(kind));
		close(fd);
		errno = S_ISDIR(sb.st_mode) ? EISDIR : EINVAL;
		return NULL;
	}
	/* a regular file never blocks; clear the flag all the same */
	if ((flags = fcntl(fd, F_GETFL)) == -1 ||
	    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == -1 ||
	    !(f = fdopen(fd, "rb"))) {
		e = errno;
		snprintf(err, errlen, "%s: cannot read: %s", path, strerror(e));
		close(fd);
		errno = e;
		return NULL;
	}
	return f;
}

int rl_folder_missing(const char *path, char *err, size_t errlen)
{
	const char *slash = strrchr(path, '/');
	char dir[4096];
	struct stat sb;
	size_t n = slash ? (size_t)(slash - path) : 0;
	if (!slash || n == 0 || n >= sizeof dir)
		return 0;
	memcpy(dir, path, n);
	dir[n] = '\0';
	if (stat(dir, &sb) != 0) {
		int e = errno;
		/* "not there" and its mkdir -p only where nothing is: a link to
		** nothing (or a loop of links) is there, and mkdir -p would fail
		** on it ("File exists"), as on a path through a file */
		if (lstat(dir, &sb) == 0 && S_ISLNK(sb.st_mode))
			snprintf(err, errlen, "its folder %s is a link that leads to "
			         "no folder (%s)", dir, strerror(e));
		else if (e == ENOENT) {
			/* (quoted: 'mkdir -p a b' would make two folders) */
			char q[sizeof dir + 64];
			snprintf(err, errlen, "its folder %s is not there (make it "
			         "first: mkdir -p %s)", dir,
			         rl_sh_word(dir, "DIR", q, sizeof q));
		}
		else
			snprintf(err, errlen, "its folder %s cannot be reached (%s)",
			         dir, strerror(e));
		return 1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		snprintf(err, errlen, "%s is not a folder", dir);
		return 1;
	}
	return 0;
}
