/*
** cmd_claim.c: `rooflab claim`: is side b (Sohu) N times side a (8x H100)?
** The speedup both ways of counting, its Shapley factors, what must be
** true, Monte Carlo and tornado over an uncertainty file, Etched's other
** claims; as a summary, JSON, and with --db in SQLite.
*/
#include <stdio.h>
#include <stdlib.h>

#include "claimargs.h"
#include "claimout.h"
#include "../claim/valtrust.h"
#include "../config/memout.h"
#include "../model/utf8.h"
#include "commands.h"
#include "options.h"

static void help(FILE *f)
{
	fputs("usage: rooflab claim [--a SPEC] [--b SPEC] [--config FILE] "
	      "[--scenario NAME]\n"
	      "         [--target 20] [--uncertainty NAME] [--samples N] "
	      "[--seed S]\n"
	      "         [--threads N] [--no-design] [--db FILE] [--json]\n\n"
	      "Is side b N times (--target, default 20) "
	      "as fast as side a on one workload?  By\n"
	      "default Etched's claim: 8x Sohu against 8x "
	      "H100 (TensorRT-LLM 0.10, the baseline\n"
	      "Etched used) on Llama-3 70B FP8, 2048 "
	      "tokens in / 128 out (scenario\n"
	      "etched-bench).  The text gives, in order: "
	      "the verdict in words with the 90%\n"
	      "interval, its terms in words and how its "
	      "word is drawn; the terms used below\n"
	      "(token, FP8, TFLOPS, TDP, KV cache and others) "
	      "in words; the sides (Sohu \"by\n"
	      "design\" too); the speedups and USD per "
	      "million tokens; every mapping of the\n"
	      "chips; where the speedup comes from (Shapley "
	      "factors: how much of it each\n"
	      "difference between the chips explains); what "
	      "must be true for the target; each\n"
	      "Sohu's assumptions (stated value, range, "
	      "source); the uncertainty (Monte Carlo,\n"
	      "tornado, and the Monte Carlo again with every "
	      "range narrowed toward its stated\n"
	      "value to 1/2, 1/4 and 1/10 of its width, "
	      "and the range that moves P(>= target),\n"
	      "the chance of reaching it, most narrowed "
	      "alone: 4 more runs); Etched's other\n"
	      "claims.  --json gives them as one object; "
	      "--db FILE stores them for rooflab\n"
	      "report (make demo writes out/report.html).\n\n"
	      "SPEC is CHIP[,key=value...] with keys profile, model, scenario, "
	      "precision, isl,\nosl, tp, pp, ep, chips, batch, label, or "
	      "section.key (any parameter).  A side\nwith no profile takes the "
	      "scenario's, else the chip's default as `rooflab eval`\n"
	      "takes it (trtllm-0.10 for the NVIDIA chips), else ideal where "
	      "the chip has no\ncalibrated profile (Sohu), its label saying "
	      "so.  Defaults: the etched-bench\nscenario, a = "
	      "h100-sxm with profile trtllm-0.10, b = sohu with\nprofile "
	      "etched-claim (\"as claimed\") and, "
	      "when data/chips/sohu-design.ini "
	      "exists,\nSohu \"by design\"; uncertainty file sohu.  The "
	      "default side b runs at its\nbest mapping of the chips (both "
	      "Sohus; a side b given by --b or [b] keeps its\nown).  A config "
	      "file has [claim] (scenario, uncertainty, "
	      "target, samples,\nseed), "
	      "[a] and [b] (chip and SPEC keys); options given on the command "
	      "line\nwin.  A key, in a SPEC or a "
	      "config section, is given once.  "
	      "--samples 0 skips\nMonte Carlo, and the text says so as the "
	      "JSON's mc_skipped does.  --db FILE\nstores the run with each "
	      "side's Monte Carlo and tornado (Sohu by design's too)\nin claim "
	      "schema version 2; a file of version "
	      "1 is upgraded in place\n(its "
	      "new tables and version in one transaction; rooflab report reads "
	      "its\nolder runs as version 1 runs); after the summary, stderr "
	      "says where the run\nwent: \"rooflab claim: stored in FILE as "
	      "claim run N\", N the run's id for\nrooflab report --run.\n\n"
	      "The verdict's first words follow the Monte Carlo's probability "
	      "that b/a reaches\nthe target: Supported (90% or more), "
	      "Plausible (50-90%), Possible but\nunlikely (10-50%), Not "
	      "supported (under 10%); without Monte Carlo, Reproduced\nor Not "
	      "reproduced under the stated assumptions (the speedup at the "
	      "stated\nvalues against the target).\n"
	      "Exit status: 0 ok, 2 bad input, 1 internal.\n", f);
	opt_help(f, claim_table);
}

int cmd_claim(int argc, char **argv)
{
	claim_report *rep;
	char err[2048];
	char *json = NULL, at[4200] = "";
	size_t json_len = 0;
	long long run_id = 0;
	int rc;

	rep = claim_begin("claim", claim_table, argc, argv, help, &rc);
	if (!rep)
		return rc;
	if (rep->opts.db && (rc = db_target("claim", rep->opts.db)) != RL_OK) {
		claim_report_free(rep);
		return rc;
	}
	err[0] = '\0';
	rc = claim_prepare(rep, err, sizeof err);
	if (rc == RL_OK)
		rc = claim_compute(rep, err, sizeof err);
	/* how far the model carries to another chip, under the verdict:
	** the shipped measurements as validate evaluates them (unreadable:
	** no line, validate says why; out of memory: exit 1) */
	if (rc == RL_OK &&
	    val_trust_shipped_of(&rep->shipped, rep->a.st.profile, rep->trust,
	                         sizeof rep->trust, err,
	                         sizeof err) == RL_EINTERNAL)
		rc = RL_EINTERNAL;
	if (rc != RL_OK) {
		cli_say("claim", err);
		claim_report_free(rep);
		return rc;
	}
	if (rep->opts.json || rep->opts.db) {
		/* not open_memstream: a buffer it could not grow dropped bytes
		** (or all: NULL, which fputs read) with its error flag and
		** fclose saying nothing, the JSON printed or stored as if whole
		** (memout.h) */
		rl_memout mo;
		FILE *m = rl_memout_open(&mo);
		if (!m) {
			fprintf(stderr, "rooflab claim: out of memory\n");
			claim_report_free(rep);
			return RL_EINTERNAL;
		}
		claimout_json(m, rep);
		if (rl_memout_close(m, &mo, &json, &json_len) != 0) {
			free(json);
			claim_report_free(rep);
			fprintf(stderr, "rooflab claim: out of memory\n");
			return RL_EINTERNAL;
		}
	}
	if (rep->opts.db &&
	    (rc = claimdb_write(rep->opts.db, rep, json, &run_id, err,
	                        sizeof err))) {
		/* the writer names the file */
		cli_say("claim", err);
		free(json);
		claim_report_free(rep);
		return rc;
	}
	if (rep->opts.json)
		fputs(json, stdout);
	else
		claimout_text(stdout, rep);
	free(json);
	if (run_id > 0)
		rl_utf8_cell(rep->opts.db, 0, 0, at, sizeof at);
	claim_report_free(rep);
	if (cli_out_check("claim") != RL_OK)
		return RL_EINTERNAL;
	/* where the run went, after the summary (make demo writes both
	** streams into one file and reads the verdict from its first line):
	** the database and the run's id in claim_runs, report's --run, which
	** the output said nowhere (sweep says its run's) */
	if (run_id > 0)
		fprintf(stderr, "rooflab claim: stored in %s as claim run %lld\n",
		        at, run_id);
	return RL_OK;
}
