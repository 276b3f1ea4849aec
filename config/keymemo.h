/*
** keymemo.h: an int remembered per key of KEYMEMO_WORDS 64-bit words (a
** measurement row's text columns as their pointers, its lengths as their
** bits), so that a pass over 10^6 rows of a few tables works each
** distinct key's answer out once (linetable.c, for datasets.c and
** rounding.c: the line of a small table a row matches) and finds it
** again by a hash, not by comparing the row with every line.  Keys are
** compared word for word: the caller's answer for a key must depend on
** the key alone.  No global state: the caller owns the memo (keymemo_new,
** keymemo_free).
*/
#ifndef RL_KEYMEMO_H
#define RL_KEYMEMO_H

#include <stdint.h>

#define KEYMEMO_WORDS 4

typedef struct keymemo keymemo;

/* An empty memo, or NULL when out of memory. */
keymemo *keymemo_new(void);
/* Frees it (NULL: nothing). */
void keymemo_free(keymemo *m);

/* 1 with *value where key was put, else 0 (m NULL: 0). */
int keymemo_get(const keymemo *m, const uint64_t key[KEYMEMO_WORDS],
                int *value);
/* Remember value for key (replacing one put before): 0, or -1 when out
** of memory (the memo as it was; m NULL: -1). */
int keymemo_put(keymemo *m, const uint64_t key[KEYMEMO_WORDS], int value);

/* key's answer: the last key's again where key is that key (a file's rows
** come a table at a time, so most share the key of the row before them),
** else one put before, else work(ctx)'s, put for next time (a key the memo
** cannot hold is worked out again; m NULL: work(ctx) each time). */
int keymemo_answer(keymemo *m, const uint64_t key[KEYMEMO_WORDS],
                   int (*work)(const void *ctx), const void *ctx);

#endif
