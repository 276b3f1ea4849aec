/*
** runlock.h: one process at a time writing a sweep's shard: a lock on a
** byte of the database file that SQLite never locks, one byte for each
** spec and shard, held while the run is written and let go when the
** process ends, however it ends (kill -9 included), so that a second
** `sweep --resume` of the run is refused before it evaluates or writes a
** point, where it was refused only at its first commit, after the first
** had committed its own (sweeps77).
*/
#ifndef RL_RUNLOCK_H
#define RL_RUNLOCK_H

#include <stdint.h>

/* Take the lock of shard shard/shards of the spec of hash spec_hash
** (runs.spec_hash) in the database file path without waiting, before
** this process opens the file with SQLite:
** 1 taken (*fd the descriptor that holds it, for rl_run_unlock), 0 held
** by another process (*fd -1), -1 where it could not be asked for (the
** file not opened, or locks not supported there: *fd -1; the writer's
** commit check still guards the run).  Where the system has no lock of
** an open file description (F_OFD_SETLK), 1 with *fd -1: no lock. */
int rl_run_lock(const char *path, const char *spec_hash, uint64_t shard,
                uint64_t shards, int *fd);

/* Let go of a lock rl_run_lock took (fd -1: none).  Only after every
** SQLite connection of this process to the file is closed: closing a
** descriptor of a file drops the POSIX locks the process holds on it,
** SQLite's among them. */
void rl_run_unlock(int fd);

#endif
