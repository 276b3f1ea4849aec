/*
** dbmade.h: a sweep database file this process made, and its removal
** when the run that made it fails before storing anything (dbmade.c).
** The file is made with O_EXCL, so of two sweeps starting on the same new
** file only one made it; it is removed only under SQLite's write lock,
** only where it still holds nothing and is still the file made (its
** device and inode), so a run another process started in it meanwhile,
** or a new file another process made at the same name, is kept.
*/
#ifndef RL_SWEEPS_DBMADE_H
#define RL_SWEEPS_DBMADE_H

#include <sqlite3.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct {
	int made;  /* 1: this process made the file (rl_db_make) */
	dev_t dev; /* and its device and inode then */
	ino_t ino;
} rl_db_made;

/* Make path as a new empty file (O_CREAT | O_EXCL, mode 0644 less the
** umask, as SQLite makes one), where nothing is there: m->made 1 and its
** device and inode, else m->made 0 (a file, a link or anything there
** already, or a folder that takes no new file: SQLite's open then says
** why).  Returns m->made. */
int rl_db_make(const char *path, rl_db_made *m);

/* Remove path, the file m made, and its -wal, -shm and -journal, where
** it holds no point and no run but run_id (0: none): under a write
** transaction (BEGIN EXCLUSIVE, busy_ms at most to get it) on db, the
** connection the run had open, so no other process can commit between
** the check and the removal, and only while path is still m's file.
** With db NULL (the run's open failed), a connection of its own in
** exclusive locking mode, which gets its lock only where no other
** process has the file open (none waited for: kept); where its write
** transaction fails on a file still empty (under ulimit -f 0 its journal
** cannot be written), once more on a new one with the journal in memory.
** The sidecars go first, while path still names this file, so no other
** process can have made them anew for a file of its own.  db is left
** open for the caller to close; where the files were removed, or path is
** another file now, it is told to keep its WAL
** (SQLITE_FCNTL_PERSIST_WAL), so that closing it removes nothing by name.
** 1 where removed, else 0 (kept). */
int rl_db_unmake(sqlite3 *db, const char *path, const rl_db_made *m,
                 int64_t run_id, int busy_ms);

#endif
