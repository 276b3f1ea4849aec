/*
** cmd_merge.c: `rooflab merge OUT.db PART.db...`: the shards of one sweep
** into one database (sweeps/merge.c does the work).
*/
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../sweeps/merge.h"
#include "commands.h"
#include "options.h"
#include "parseopt.h"

typedef struct {
	int force;
	int allow_mixed;
	const char *spec;
} merge_args;

static const opt_def table[] = {
    OPT_BOOL("--force", merge_args, force, "replace an existing OUT.db"),
    OPT_BOOL("--allow-mixed-builds", merge_args, allow_mixed,
             "merge shards that different rooflab builds wrote (refused\n"
             "by default: their numbers may differ); the merged run's\n"
             "version or git_rev reads \"mixed\", each shard's own build\n"
             "is in the table run_parts"),
    OPT_STR("--spec", merge_args, spec, "HASH",
            "merge the runs of the sweep spec whose spec_hash starts\n"
            "with HASH (needed only where every part holds runs of\n"
            "more than one spec)"),
    OPT_LAST};

static void help(FILE *f)
{
	fputs("usage: rooflab merge [--force] [--spec HASH] [--allow-mixed-builds] "
	      "OUT.db\n       PART.db...\n\n"
	      "Combines the shard databases of one sweep (rooflab sweep --shard "
	      "I/N) into the\nnew database OUT.db, whose points are those of an "
	      "unsharded run, in the same\norder.  A part may hold runs of other "
	      "specs too: the spec merged is the one\nevery part holds a run of "
	      "(or --spec's); none, or more than one, is refused\nnaming them.  "
	      "Refuses shards of different rooflab builds (unless\n"
	      "--allow-mixed-builds), a shard given twice, missing or unfinished "
	      "shards, a\nshard marked complete that lacks points (`rooflab "
	      "sweep --resume` on it fills\nthem), a point two shards hold, an "
	      "existing OUT.db (unless --force) and an\nOUT.db that is one of "
	      "the parts (even with --force); nothing is merged then.\n"
	      "OUT.db's table run_parts lists each shard's run and the build "
	      "that wrote it.\nThe result is one line on stdout, \"rooflab merge: "
	      "N parts merged into OUT.db:\nrun 1, ...\"; errors go to "
	      "stderr.\nCtrl-C (SIGINT) or SIGTERM (Slurm's at a time "
	      "limit) while it writes leaves no\nOUT.db and no temporary.\n"
	      "Where that line cannot be written (stdout on a full disk, or a "
	      "pipe whose reader\nhas gone: `| head -0`) OUT.db is removed "
	      "again and the exit is 1, so the same\ncommand can be run "
	      "again.\n"
	      "Exit status: 0 ok, 2 bad input, 1 internal, 130 stopped by SIGINT, "
	      "143 by\nSIGTERM (run it again).\n", f);
	opt_help(f, table);
}

/* The result line written (stdout flushed), or OUT.db removed: a merge
** whose line could not be written (stdout on a full disk, /dev/full, or
** a pipe whose reader has gone: EPIPE, SIGPIPE being ignored)
** exits 1, as README's exit-status table has it, and left a complete
** OUT.db behind, so the same command run again was refused for the file
** it exists (ux34's walk).  Removed only while the name is still the
** file this merge wrote (its device and inode, read before the line), so
** that a rerun finds nothing in its way.  RL_OK or RL_EINTERNAL. */
static int said_or_removed(const char *out)
{
	struct stat before, now;
	int known = stat(out, &before) == 0;
	char msg[2300];
	if (cli_out_check("merge") == RL_OK)
		return RL_OK;
	if (known && stat(out, &now) == 0 && now.st_dev == before.st_dev &&
	    now.st_ino == before.st_ino && unlink(out) == 0)
		snprintf(msg, sizeof msg, "removed %s, which this merge wrote, "
		         "since its result line could not be written: run it "
		         "again once the output can be written", out);
	else
		snprintf(msg, sizeof msg, "%s was written, but its result line "
		         "could not be, and the file could not be removed", out);
	cli_say("merge", msg);
	return RL_EINTERNAL;
}

int cmd_merge(int argc, char **argv)
{
	const char **files = calloc((size_t)argc + 1, sizeof *files);
	merge_args a = {0};
	rl_merge_stats st;
	char err[2048];
	int n = 0, rc;
	if (!files) {
		fprintf(stderr, "rooflab merge: out of memory\n");
		return RL_EINTERNAL;
	}
	/* a write to a pipe whose reader has gone (`| head -0`) fails with
	** EPIPE rather than killing the process: SIGPIPE at the result line
	** left the complete OUT.db with exit 141, and the same command run
	** again was refused for it; now said_or_removed removes it, exit 1,
	** as for a full disk (a note lost on a closed stderr is lost alone) */
	signal(SIGPIPE, SIG_IGN);
	rc = opt_parse("merge", table, &a, argc, argv, files, argc, &n, help);
	if (rc != OPT_GO_ON) {
		free(files);
		return rc;
	}
	if (n < 2) {
		free(files);
		return bad_input("merge", n ? "no PART.db given after OUT.db: "
		                 "name the shard databases of rooflab sweep "
		                 "--shard I/N (usage: rooflab merge OUT.db "
		                 "PART.db...)"
		                 : "missing OUT.db and PART.db...: the new "
		                 "database, then the shard databases of rooflab "
		                 "sweep --shard I/N (usage: rooflab merge OUT.db "
		                 "PART.db...)");
	}
	rc = rl_sweep_merge(files[0], files + 1, n - 1, a.spec, a.force,
	                    a.allow_mixed, &st, err, sizeof err);
	if (rc) {
		cli_say("merge", err);
	} else {
		/* what the merged file holds, where it said the parts' count
		** alone: a script checks the points against the spec's */
		char msg[2048], drop[96] = "", mixed[160] = "";
		if (st.dropped > 0)
			snprintf(drop, sizeof drop, ", %lld dropped by its [filter]",
			         st.dropped);
		if (st.mixed[0])
			snprintf(mixed, sizeof mixed, "; shards of %d rooflab builds "
			         "(%s 'mixed'; each shard's own in run_parts)",
			         st.builds, st.mixed);
		snprintf(msg, sizeof msg, "%d part%s merged into %s: run 1, %lld "
		         "points stored of the %lld of %s (spec %s)%s%s", n - 1,
		         n - 1 == 1 ? "" : "s", files[0], st.stored, st.points,
		         st.spec_path[0] ? st.spec_path : "its spec", st.hash, drop,
		         mixed);
		cli_result("merge", msg); /* the result: stdout */
		rc = said_or_removed(files[0]);
	}
	free(files);
	return rc;
}
