/*
** failalloc.c: a test-only allocator shim (tests/cli_failalloc.sh), built as
** a shared object and put before the C library with LD_PRELOAD: the
** FAILALLOC_N-th call (from 1) of malloc, calloc and realloc together
** returns NULL with errno ENOMEM, every other one is the C library's.
** FAILALLOC_N unset or 0: none fails.  FAILALLOC_COUNT=FILE: the number of
** calls at exit written to FILE, the range a test's N runs over.  Not part
** of rooflab: production code is linked and run as it is.
*/
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* glibc's own allocator, under the names it exports for such shims */
extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t k, size_t n);
extern void *__libc_realloc(void *p, size_t n);

/* the shim's state: the call count and the one to fail, read at load */
static unsigned long calls;
static unsigned long fail_at;

__attribute__((constructor)) static void failalloc_init(void)
{
	const char *n = getenv("FAILALLOC_N");
	fail_at = n ? strtoul(n, NULL, 10) : 0;
}

/* write the count where FAILALLOC_COUNT names (no stdio: it allocates) */
__attribute__((destructor)) static void failalloc_count(void)
{
	const char *f = getenv("FAILALLOC_COUNT");
	char buf[32];
	int fd, len;
	if (!f)
		return;
	len = snprintf(buf, sizeof buf, "%lu\n",
	               __atomic_load_n(&calls, __ATOMIC_RELAXED));
	fd = open(f, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return;
	if (write(fd, buf, (size_t)len) != len) {
		/* a count not written is a count the test does not find */
	}
	close(fd);
}

/* 1 where this call is the one to fail */
static int fail_now(void)
{
	unsigned long k = __atomic_add_fetch(&calls, 1, __ATOMIC_RELAXED);
	return fail_at && k == fail_at;
}

void *malloc(size_t n)
{
	if (fail_now()) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_malloc(n);
}

void *calloc(size_t k, size_t n)
{
	if (fail_now()) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_calloc(k, n);
}

void *realloc(void *p, size_t n)
{
	if (fail_now()) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_realloc(p, n);
}
