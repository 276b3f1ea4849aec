/*
** cmd_merge.c: `rooflab merge OUT.db PART.db...`: the shards of one sweep
** into one database (sweeps/merge.c does the work).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../sweeps/merge.h"
#include "commands.h"
#include "options.h"

static void help(FILE *f)
{
	fputs("usage: rooflab merge [--force] OUT.db PART.db...\n\n"
	      "Combines the shard databases of one sweep (rooflab sweep --shard "
	      "I/N) into the new\ndatabase OUT.db, whose points are those of an "
	      "unsharded run, in the same order.\nRefuses shards of different "
	      "specs, a shard given twice, missing or unfinished\nshards, and an "
	      "existing OUT.db (unless --force).  Exit status: 0 ok, 2 bad\n"
	      "input, 1 internal.\n", f);
}

int cmd_merge(int argc, char **argv)
{
	const char **files = calloc((size_t)argc + 1, sizeof *files);
	char err[2048];
	int i, n = 0, force = 0, rc;
	if (!files) {
		fprintf(stderr, "rooflab merge: out of memory\n");
		return RL_EINTERNAL;
	}
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			help(stdout);
			free(files);
			return RL_OK;
		}
		if (!strcmp(argv[i], "--force")) {
			force = 1;
			continue;
		}
		if (argv[i][0] == '-') {
			snprintf(err, sizeof err, "unknown option '%s' (see rooflab "
			         "merge --help)", argv[i]);
			free(files);
			return bad_input("merge", err);
		}
		files[n++] = argv[i];
	}
	if (n < 2) {
		free(files);
		return bad_input("merge", "usage: rooflab merge OUT.db PART.db...");
	}
	rc = rl_sweep_merge(files[0], files + 1, n - 1, force, err, sizeof err);
	if (rc)
		fprintf(stderr, "rooflab merge: %s\n", err);
	else
		fprintf(stderr, "rooflab merge: %d part(s) merged into %s\n", n - 1,
		        files[0]);
	free(files);
	return rc;
}
