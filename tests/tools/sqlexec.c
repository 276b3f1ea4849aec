/*
** sqlexec.c: run SQL on a database file, for tests that craft hostile or
** broken databases (a shard with an injected column name, a foreign
** database, NULL where rooflab writes none).
**   usage: sqlexec FILE SQL
** Built by tests/clilib.sh (sqlexec_build) with cc and SQLite; not part of
** rooflab.
*/
#include <stdio.h>

#include <sqlite3.h>

int main(int argc, char **argv)
{
	sqlite3 *db;
	char *msg = NULL;
	int rc;
	if (argc != 3) {
		fprintf(stderr, "usage: sqlexec FILE SQL\n");
		return 2;
	}
	if (sqlite3_open(argv[1], &db) != SQLITE_OK) {
		fprintf(stderr, "sqlexec: cannot open %s\n", argv[1]);
		return 1;
	}
	rc = sqlite3_exec(db, argv[2], NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		fprintf(stderr, "sqlexec: %s\n", msg ? msg : sqlite3_errstr(rc));
	sqlite3_free(msg);
	sqlite3_close(db);
	return rc == SQLITE_OK ? 0 : 1;
}
