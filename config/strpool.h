/*
** strpool.h: a set of strings, each held once (interned), with an int
** tag per string: the text columns of a measurements file's rows point
** into one (measure.h), so that 10^6 rows of a few chips and models keep
** each name once, and a second set finds a repeated id as rows arrive
** (the tag: the line of its first row); strpool_key makes a key of a
** list of texts.  No global state: the caller owns the pool (strpool_new,
** strpool_free).
*/
#ifndef RL_STRPOOL_H
#define RL_STRPOOL_H

#include <stddef.h>

typedef struct strpool strpool;

/* An empty pool, or NULL when out of memory. */
strpool *strpool_new(void);
/* Frees the pool and every string it holds (NULL: nothing). */
void strpool_free(strpool *p);

/* The pool's copy of s (held until strpool_free), added with tag when
** it is not there yet (*old -1 then), else the copy there with its tag
** in *old (old may be NULL).  NULL when out of memory. */
const char *strpool_add(strpool *p, const char *s, int tag, int *old);

/* The tag of s where the pool holds it, else -1 (nothing added). */
int strpool_tag(const strpool *p, const char *s);

/* The strings held. */
size_t strpool_count(const strpool *p);

/* A key for a pool: head, then each of the n texts after a unit
** separator and its length ("h\x1f8:h100-sxm\x1f2:x1"), into out (len
** bytes), so that no two lists of texts after one head make one key (a
** text may hold the separator: its length says where it ends).  The
** bytes the key needs, its NUL not counted, as snprintf's: len or more
** where it was cut. */
size_t strpool_key(char *out, size_t len, const char *head, int n,
                   const char *const *texts);

#endif
