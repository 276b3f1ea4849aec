/*
** strpool.c: interned strings (strpool.h): an open-addressing hash table
** (FNV-1a mixed by splitmix64's finalizer, linear probing, grown at half
** full) of pointers into blocks of
** text allocated 64 KiB at a time (a longer string gets a block of its
** own), so that a string costs its bytes and one slot, not a malloc each;
** and the keys of lists of texts (strpool_key) the pools' users make.
*/
#include "strpool.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_BYTES 65536

typedef struct block {
	struct block *next;
	size_t used, cap;
	char text[];
} block;

typedef struct {
	const char *s;
	uint64_t hash;
	int tag;
} slot;

struct strpool {
	slot *slots;     /* cap entries, s NULL where empty */
	size_t cap, n;   /* cap a power of two */
	block *blocks;   /* the newest first */
};

/* FNV-1a 64, then mixed (splitmix64's finalizer): FNV-1a's low bits
** after a string depend on the low bits before it alone, so ids can be
** chosen whose hashes agree in the low bits a table indexes by, every one
** probing from one slot and each new one walking the whole cluster
** (fuzz14's scripts/collids.py: 131,072 such rows took validate 164 s
** against 15 s for as many of bigmeas.py's); mixed, every bit of the slot
** depends on every bit of the hash */
static uint64_t hash_of(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebull;
	return h ^ (h >> 31);
}

strpool *strpool_new(void)
{
	strpool *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->cap = 256;
	if (!(p->slots = calloc(p->cap, sizeof *p->slots))) {
		free(p);
		return NULL;
	}
	return p;
}

void strpool_free(strpool *p)
{
	block *b, *next;
	if (!p)
		return;
	for (b = p->blocks; b; b = next) {
		next = b->next;
		free(b);
	}
	free(p->slots);
	free(p);
}

size_t strpool_count(const strpool *p)
{
	return p ? p->n : 0;
}

/* Room for len bytes in the newest block, or a new block; NULL when out
** of memory. */
static char *room(strpool *p, size_t len)
{
	block *b = p->blocks;
	char *at;
	if (!b || b->cap - b->used < len) {
		size_t cap = len > BLOCK_BYTES ? len : BLOCK_BYTES;
		if (!(b = malloc(sizeof *b + cap)))
			return NULL;
		b->cap = cap;
		b->used = 0;
		if (p->blocks && len > BLOCK_BYTES) {
			/* a long string's own block, behind the one being filled */
			b->next = p->blocks->next;
			p->blocks->next = b;
		} else {
			b->next = p->blocks;
			p->blocks = b;
		}
	}
	at = b->text + b->used;
	b->used += len;
	return at;
}

/* Twice the slots, each string moved to its place there; -1 when out of
** memory (the table as it was). */
static int grow(strpool *p)
{
	size_t cap = 2 * p->cap, i;
	slot *s = calloc(cap, sizeof *s);
	if (!s)
		return -1;
	for (i = 0; i < p->cap; i++) {
		size_t j;
		if (!p->slots[i].s)
			continue;
		for (j = p->slots[i].hash & (cap - 1); s[j].s; j = (j + 1) & (cap - 1))
			;
		s[j] = p->slots[i];
	}
	free(p->slots);
	p->slots = s;
	p->cap = cap;
	return 0;
}

int strpool_tag(const strpool *p, const char *s)
{
	uint64_t h = hash_of(s);
	size_t j;
	for (j = h & (p->cap - 1); p->slots[j].s; j = (j + 1) & (p->cap - 1))
		if (p->slots[j].hash == h && !strcmp(p->slots[j].s, s))
			return p->slots[j].tag;
	return -1;
}

const char *strpool_add(strpool *p, const char *s, int tag, int *old)
{
	uint64_t h = hash_of(s);
	size_t j, len;
	char *copy;
	if (old)
		*old = -1;
	for (j = h & (p->cap - 1); p->slots[j].s; j = (j + 1) & (p->cap - 1))
		if (p->slots[j].hash == h && !strcmp(p->slots[j].s, s)) {
			if (old)
				*old = p->slots[j].tag;
			return p->slots[j].s;
		}
	if (2 * (p->n + 1) > p->cap) {
		if (grow(p))
			return NULL;
		for (j = h & (p->cap - 1); p->slots[j].s; j = (j + 1) & (p->cap - 1))
			;
	}
	len = strlen(s) + 1;
	if (!(copy = room(p, len)))
		return NULL;
	memcpy(copy, s, len);
	p->slots[j].s = copy;
	p->slots[j].hash = h;
	p->slots[j].tag = tag;
	p->n++;
	return copy;
}

/* s (n bytes) onto the key at *used, as much as fits before out's last
** byte (kept for the NUL); *used counts it whole, as snprintf's return */
static void key_put(char *out, size_t len, size_t *used, const char *s,
                    size_t n)
{
	if (*used + 1 < len) {
		size_t room = len - 1 - *used;
		memcpy(out + *used, s, n < room ? n : room);
	}
	*used += n;
}

size_t strpool_key(char *out, size_t len, const char *head, int n,
                   const char *const *texts)
{
	size_t used = 0;
	int i;
	/* the bytes "%s" then "\x1f%zu:%s" each would write, by memcpy: two
	** snprintf a name (about 550 instructions each) were a quarter of
	** reading the shipped measurements' labels (tests/BENCH.md, speed17) */
	key_put(out, len, &used, head, strlen(head));
	for (i = 0; i < n; i++) {
		char num[3 * sizeof(size_t) + 3], *d = num + sizeof num;
		size_t tl = strlen(texts[i]), v = tl;
		*--d = ':';
		do
			*--d = (char)('0' + v % 10);
		while (v /= 10);
		*--d = '\x1f';
		key_put(out, len, &used, d, (size_t)(num + sizeof num - d));
		key_put(out, len, &used, texts[i], tl);
	}
	if (len)
		out[used < len ? used : len - 1] = '\0';
	return used;
}
