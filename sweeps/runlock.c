/*
** runlock.c: one process at a time writing a sweep run (runlock.h).
*/
#define _GNU_SOURCE /* F_OFD_SETLK */
#include "runlock.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* SQLite's locks lie in the 512 bytes from 2^30 (its PENDING_BYTE,
** RESERVED_BYTE and SHARED range, src/os.h); a shard's byte lies past
** them, 2^30 + 1024 plus its key below 2^30, which no SQLite connection
** locks, so that a reader of the file (export, plot, merge) is never
** kept waiting */
#define RUN_LOCK_BASE ((off_t)0x40000000 + 1024)

/* the key of a spec's shard: FNV-1a of the spec's hash and the shard,
** below 2^30 (two shards sharing one is a refusal in 2^30) */
static off_t shard_key(const char *spec_hash, uint64_t shard,
                       uint64_t shards)
{
	uint64_t h = 14695981039346656037ULL;
	const unsigned char *c = (const unsigned char *)spec_hash;
	int k;
	for (; *c; c++)
		h = (h ^ *c) * 1099511628211ULL;
	for (k = 0; k < 8; k++)
		h = (h ^ ((shard >> (8 * k)) & 0xff)) * 1099511628211ULL;
	for (k = 0; k < 8; k++)
		h = (h ^ ((shards >> (8 * k)) & 0xff)) * 1099511628211ULL;
	return (off_t)(h & 0x3fffffff);
}

int rl_run_lock(const char *path, const char *spec_hash, uint64_t shard,
                uint64_t shards, int *fd)
{
#ifdef F_OFD_SETLK
	struct flock fl;
	int f;
	*fd = -1;
	f = open(path, O_RDWR | O_CLOEXEC);
	if (f < 0)
		return -1;
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = RUN_LOCK_BASE + shard_key(spec_hash, shard, shards);
	fl.l_len = 1;
	/* an OFD lock belongs to this descriptor alone: SQLite's own
	** descriptors and their POSIX locks neither take it nor drop it */
	if (fcntl(f, F_OFD_SETLK, &fl) == 0) {
		*fd = f;
		return 1;
	}
	{
		int e = errno;
		close(f);
		return e == EAGAIN || e == EACCES ? 0 : -1;
	}
#else
	(void)path;
	(void)spec_hash;
	(void)shard;
	(void)shards;
	*fd = -1;
	return 1;
#endif
}

void rl_run_unlock(int fd)
{
	if (fd >= 0)
		close(fd);
}
