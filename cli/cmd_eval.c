/*
** cmd_eval.c: `rooflab eval`: one configuration, as a table or JSON.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../config/profiles.h"
#include "../model/engine.h"
#include "../model/mapsearch.h"
#include "../model/waves.h"
#include "commands.h"
#include "evalout.h"
#include "loadout.h"
#include "loadopts.h"
#include "options.h"

static void help(FILE *f)
{
	fputs("usage: rooflab eval --chip NAME --model NAME "
	      "[--precision P]\n"
	      "         [--isl N] [--osl N] [--tp N] [--pp N] [--ep N] "
	      "[--chips N] [--batch N]\n"
	      "         [--profile NAME] [--scenario NAME] "
	      "[--set section.key=value ...]\n"
	      "         [--json] [--rate R] [--requests N]\n"
	      "         [--ttft-max S] [--tpot-max S] [--e2e-max S] "
	      "[--ttft-pNN-max S]\n\n"
	      "A NAME is a preset in the data directory or a path to an INI "
	      "file.\n--chips defaults to tp x pp x ep; dp = chips / (tp x pp) "
	      "replicas; --ep\n(mixtures of experts) pools the experts of ep "
	      "replicas.  --batch caps concurrent\nsequences (1: a single "
	      "stream); --osl 1 is a prefill-only request.\nWithout --profile "
	      "(and a scenario naming one) the profile is the last\n"
	      "calibrated profile for the chip's serving software (its preset's "
	      "[meta]\nsoftware; the profiles fitted per version, such as "
	      "trtllm-1.0, only by\n--profile); a chip with none is served under "
	      "ideal (the roofline), saying so\nin the output's first line, which "
	      "names the profile and why (--json: on\nstderr and in "
	      "setup.profile_chosen); a note line (JSON profile_fit, else null)\n"
	      "says where it was fitted on another chip's rows; a note on stderr (JSON\n"
	      "software_note, else null) where its software is not the one the "
	      "chip's\npreset names.\nWith targets and no --rate, the best load meeting "
	      "them (JSON\nbest_under_targets), below the capacity where the "
	      "queue's wait grows\nwithout bound (the saturation "
	      "rate, labelled, where every\ntarget holds up to it: JSON "
	      "limited_by \"capacity\", else \"targets\"), and\nits USD per "
	      "million output tokens (cost): the system's chips at their\n"
	      "manufacturing cost or price amortized over cost.years, plus "
	      "their energy\n(chips x W x server_overhead x PUE x USD/kWh) at "
	      "the full-load power per chip\n(the load model gives no power "
	      "at a lower rate), over that load's output\ntokens/s: the cost "
	      "rows' function.\nExit status: 0 ok, 2 bad input, 1 internal.\n", f);
	opt_help(f, eval_load_table);
}

/* The shared options and the load options; OPT_GO_ON or an exit. */
static int read_args(eval_load_args *a, int argc, char **argv)
{
	char err[1024];
	int rc;
	memset(a, 0, sizeof *a);
	rc = opt_parse("eval", eval_load_table, a, argc, argv, NULL, 0, NULL,
	               help);
	if (rc != OPT_GO_ON)
		return rc;
	if (loadopts_check(&a->lo, err, sizeof err))
		return bad_input("eval", err);
	loadopts_unit_notes("eval", &a->lo);
	return OPT_GO_ON;
}

/* --rate and/or targets: the load figures, or the best under targets. */
static int under_load(const rl_setup *st, const load_opts *lo, int json,
                      const rl_result *r, const val_chip_fit *fit,
                      const char *sw)
{
	rl_load_result lr;
	rl_slo_result sr;
	loadout_usd u = {NAN, NAN};
	int rc;
	if (lo->have_rate) {
		rc = rl_load_eval(&st->cfg, &lo->load, &lr);
		if (rc != RL_OK)
			return bad_input("eval", lr.error);
	} else {
		rc = rl_slo_search(&st->cfg, lo->t, lo->nt, &sr);
		if (rc != RL_OK)
			return bad_input("eval", sr.best.error);
		/* r: this mapping at full load, whose power the cost takes */
		loadout_usd_at(&st->cfg, r, &sr.best, &u);
	}
	if (json) {
		json_w w;
		json_begin(&w, stdout);
		evalout_json(&w, st, r, fit);
		evalout_software_json(&w, sw);
		if (lo->have_rate) {
			loadout_json(&w, "load", &lr);
			if (lo->nt)
				loadout_targets_json(&w, lo->t, lo->nt, &lr);
		} else {
			loadout_search_json(&w, lo->t, lo->nt, &sr, &u);
		}
		json_finish(&w);
	} else {
		evalout_table(stdout, st, r, fit);
		if (lo->have_rate) {
			loadout_table(stdout, &lr);
			if (lo->nt)
				loadout_targets_table(stdout, lo->t, lo->nt, &lr);
		} else {
			loadout_search_table(stdout, lo->t, lo->nt, &sr, &u);
		}
	}
	return RL_OK;
}

int cmd_eval(int argc, char **argv)
{
	eval_load_args a;
	eval_opts o;
	load_opts lo;
	rl_setup st;
	rl_result r;
	val_chip_fit fit;
	char err[1024], profile[RL_NAME_MAX], sw[1024], line[1100];
	int rc, ideal;

	rc = read_args(&a, argc, argv);
	if (rc != OPT_GO_ON)
		return rc;
	o = a.o;
	lo = a.lo;
	if ((rc = opts_apply(&o, &st, 1, err, sizeof err)))
		return input_fail("eval", rc, err);
	opts_warn_inert_design("eval", &o, &st);
	{
		/* --profile's, the scenario's, else the chip's default; a chip
		** with none is served under ideal and says so, as map, curve, a
		** sweep and claim's sides do (it was refused until 2026-11-30,
		** the others serving it): in the table's first line, as map and
		** curve say it, or with --json on stderr too (JSON's
		** setup.profile_chosen); the table's text said it twice, on
		** stderr and in its first line, until 2026-12-01 */
		const char *at;
		if ((rc = profile_settle(&o, &st, "--profile", profile,
		                         sizeof profile, &at, err, sizeof err)) < 0)
			return input_fail("eval", rc == PROFILE_ENOMEM
			                              ? RL_EINTERNAL : RL_EINPUT,
			                  err);
		ideal = rc == 1;
		if (ideal && o.json) /* (cli_say: a chip path's controls as '?') */
			cli_say("eval", st.profile_note);
		rc = RL_OK;
	}
	/* --requests without --rate: a run of that many at maximum load */
	rc = lo.have_rate ? rl_eval(&st.cfg, &r)
	                  : rl_eval_run(&st.cfg, lo.load.requests, &r);
	if (rc != RL_OK) {
		setup_where(&st, r.error, err, sizeof err);
		if (rc == RL_ENOFIT)
			rl_map_fit_hint(&st.cfg, err, sizeof err);
		/* no table to say it: the profile it failed under */
		if (ideal && !o.json)
			cli_say("eval", st.profile_note);
		return bad_input("eval", err);
	}
	/* the price that does not follow a --set, said of a result only: a
	** design refused (shares over the die) or a model that does not fit
	** had the note before its error (ux28) */
	opts_note_fixed_price("eval", &o, &st);
	/* a profile fitted on another chip's rows says so (claim's and
	** validate's trust words: claim/valtrust.h); data that cannot be
	** read leaves it unsaid, validate names why */
	if ((rc = val_trust_chip(st.profile, st.profile_file, st.chip, &fit, err,
	                         sizeof err)) == RL_EINTERNAL)
		return input_fail("eval", RL_EINTERNAL, err);
	/* a profile of software the chip's preset does not name (an AMD
	** chip's under TensorRT-LLM's): its figures carried by assumption */
	if ((rc = profile_software_note(st.chip_file, st.chip, st.profile_file,
	                                st.profile, sw,
	                                sizeof sw, err, sizeof err)) ==
	    PROFILE_ENOMEM)
		return input_fail("eval", RL_EINTERNAL, err);
	if (rc == 1) {
		snprintf(line, sizeof line, "note: %s", sw);
		cli_say("eval", line);
	}
	if (lo.have_rate || lo.nt) {
		if ((rc = under_load(&st, &lo, o.json, &r, &fit, sw)) != RL_OK)
			return rc;
	} else if (o.json) {
		json_w w;
		json_begin(&w, stdout);
		evalout_json(&w, &st, &r, &fit);
		evalout_software_json(&w, sw);
		json_finish(&w);
	} else {
		evalout_table(stdout, &st, &r, &fit);
	}
	if (cli_out_check("eval") != RL_OK)
		return RL_EINTERNAL;
	return RL_OK;
}
