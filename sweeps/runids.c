/*
** runids.c: the runs a sweep database holds, in words (runids.h).
*/
#include <stdio.h>

#include "runids.h"

/* ids shown before "..." */
enum { SHOWN = 8 };

char *rl_store_run_ids_words(sqlite3 *db, char *buf, size_t len)
{
	sqlite3_stmt *st;
	size_t used = 0;
	long long n = 0;
	int rc;
	if (!len)
		return buf;
	buf[0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT id, count(*) OVER () FROM runs "
	                       "ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return buf;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < SHOWN) {
		int w = snprintf(buf + used, len - used, "%s%lld",
		                 n ? ", " : "; its runs: ",
		                 (long long)sqlite3_column_int64(st, 0));
		n++;
		if (w < 0 || (size_t)w >= len - used) {
			buf[0] = '\0';
			sqlite3_finalize(st);
			return buf;
		}
		used += (size_t)w;
	}
	if (rc == SQLITE_ROW) {
		long long all = (long long)sqlite3_column_int64(st, 1);
		snprintf(buf + used, len - used, ", ... (%lld runs in all)", all);
	} else if (rc != SQLITE_DONE) {
		buf[0] = '\0';
	} else if (!n) {
		snprintf(buf, len, "; it holds no run");
	}
	sqlite3_finalize(st);
	return buf;
}
