/*
** cmd_eval.c: `rooflab eval`: one configuration, as a table or JSON.
*/
#include <stdio.h>
#include <string.h>

#include "../model/engine.h"
#include "commands.h"
#include "evalout.h"
#include "options.h"

static void help(FILE *f)
{
	fputs("usage: rooflab eval --chip NAME --model NAME "
	      "[--precision fp8|fp16|bf16|fp4]\n"
	      "         [--isl N] [--osl N] [--tp N] [--chips N] [--batch N]\n"
	      "         [--profile NAME] [--scenario NAME] "
	      "[--set section.key=value ...] [--json]\n\n"
	      "A NAME is a preset in the data directory or a path to an INI "
	      "file.\n--chips defaults to --tp; --batch caps concurrent "
	      "sequences (1: a single stream);\n--osl 1 is a prefill-only "
	      "request.  Exit status: 0 ok, 2 bad input, 1 internal.\n", f);
}

int cmd_eval(int argc, char **argv)
{
	eval_opts o;
	rl_setup st;
	rl_result r;
	char err[1024];
	int rc;

	rc = opts_read_all(&o, "eval", argc, argv, help);
	if (rc != OPTS_GO_ON)
		return rc;
	if (opts_apply(&o, &st, 1, err, sizeof err))
		return bad_input("eval", err);
	rc = rl_eval(&st.cfg, &r);
	if (rc != RL_OK)
		return bad_input("eval", r.error);
	if (o.json) {
		json_w w;
		json_begin(&w, stdout);
		evalout_json(&w, &st, &r);
		json_finish(&w);
	} else {
		evalout_table(stdout, &st, &r);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "rooflab eval: cannot write the output\n");
		return RL_EINTERNAL;
	}
	return RL_OK;
}
