/*
** keymemo.c: ints remembered per key of four words (keymemo.h): an
** open-addressing hash table, linear probing, grown at half full.
*/
#include "keymemo.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
	uint64_t key[KEYMEMO_WORDS];
	int value;
	int used;
} slot;

struct keymemo {
	slot *slots;   /* cap of them, a power of two */
	size_t cap, n;
	slot last;     /* keymemo_answer's last key and answer (used: one) */
};

keymemo *keymemo_new(void)
{
	keymemo *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	m->cap = 64;
	if (!(m->slots = calloc(m->cap, sizeof *m->slots))) {
		free(m);
		return NULL;
	}
	return m;
}

void keymemo_free(keymemo *m)
{
	if (!m)
		return;
	free(m->slots);
	free(m);
}

/* Each word times its own odd constant, summed, then mixed (splitmix64's
** finalizer, as strpool.c's hash): a product's low bits depend on the
** word's low bits alone, and a whole number's double (isl 128.0,
** 0x4060000000000000) has none set, so lengths differed only in bits the
** table of under 2^20 slots indexes by little or not at all: the (isl,
** osl) keys of one software and version probed from a few slots, each new
** one walking their cluster.  Folding the high half down (h ^ h >> 32,
** before review56) left them so: 2,485 probes a key put for 262,144 keys
** of isl 1..512 by osl 1..513, one software and version (a copy counting
** probes), 3.1 mixed. */
static uint64_t hash_of(const uint64_t key[KEYMEMO_WORDS])
{
	uint64_t h = key[0] * 0x9e3779b97f4a7c15ull +
	             key[1] * 0xc2b2ae3d27d4eb4full +
	             key[2] * 0x165667b19e3779f9ull +
	             key[3] * 0xd6e8feb86659fd93ull;
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebull;
	return h ^ (h >> 31);
}

static int same(const uint64_t a[KEYMEMO_WORDS],
                const uint64_t b[KEYMEMO_WORDS])
{
	return a[0] == b[0] && a[1] == b[1] && a[2] == b[2] && a[3] == b[3];
}

/* The slot of key, or the empty slot where it would go. */
static slot *find(const slot *slots, size_t cap,
                  const uint64_t key[KEYMEMO_WORDS])
{
	size_t j = (size_t)hash_of(key) & (cap - 1);
	while (slots[j].used && !same(slots[j].key, key))
		j = (j + 1) & (cap - 1);
	return (slot *)&slots[j];
}

int keymemo_get(const keymemo *m, const uint64_t key[KEYMEMO_WORDS],
                int *value)
{
	const slot *s;
	if (!m)
		return 0;
	s = find(m->slots, m->cap, key);
	if (!s->used)
		return 0;
	*value = s->value;
	return 1;
}

/* Twice the slots, each key moved to its place there; -1 when out of
** memory (the table as it was). */
static int grow(keymemo *m)
{
	size_t cap = 2 * m->cap, i;
	slot *s = calloc(cap, sizeof *s);
	if (!s)
		return -1;
	for (i = 0; i < m->cap; i++)
		if (m->slots[i].used)
			*find(s, cap, m->slots[i].key) = m->slots[i];
	free(m->slots);
	m->slots = s;
	m->cap = cap;
	return 0;
}

int keymemo_put(keymemo *m, const uint64_t key[KEYMEMO_WORDS], int value)
{
	slot *s;
	if (!m)
		return -1;
	s = find(m->slots, m->cap, key);
	if (!s->used) {
		if (2 * (m->n + 1) > m->cap) {
			if (grow(m))
				return -1;
			s = find(m->slots, m->cap, key);
		}
		memcpy(s->key, key, sizeof s->key);
		s->used = 1;
		m->n++;
	}
	s->value = value;
	return 0;
}

int keymemo_answer(keymemo *m, const uint64_t key[KEYMEMO_WORDS],
                   int (*work)(const void *ctx), const void *ctx)
{
	int v;
	if (!m)
		return work(ctx);
	if (m->last.used && same(m->last.key, key))
		return m->last.value;
	if (!keymemo_get(m, key, &v)) {
		v = work(ctx);
		(void)keymemo_put(m, key, v);
	}
	memcpy(m->last.key, key, sizeof m->last.key);
	m->last.value = v;
	m->last.used = 1;
	return v;
}
