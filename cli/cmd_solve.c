/*
** cmd_solve.c: `rooflab solve --target speedup=20 --vary PARAM`: the value
** of one parameter of side a or b at which b / a reaches the target
** (GSL's Brent root finder within the parameter's range), or which bound
** stops it.  The target is a floor (model/solve.h): one met already is
** said so, with the least (or most) value that still meets it.
*/
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimargs.h"
#include "claimout.h"
#include "commands.h"
#include "evalout.h"
#include "../claim/numwords.h"
#include "../config/json.h"
#include "../model/utf8.h"
#include "../model/mapping.h"
#include "options.h"

static void help(FILE *f)
{
	fputs("usage: rooflab solve --vary a|b.SECTION.KEY [--vary ...] "
	      "[--target KEY=X]\n"
	      "         [--a SPEC] [--b SPEC] [--config FILE] "
	      "[--scenario NAME] [--no-design]\n         [--json]\n\n"
	      "Finds the value of each varied parameter (one at a time, the "
	      "others as\nloaded) at which the speedup b/a in total tokens/s "
	      "reaches the target, within\nthe parameter's range (`rooflab "
	      "params`).  The target is a floor\n(a speedup of at least X): "
	      "one met already is said so, with the least (or most)\nvalue "
	      "that still meets it, or that every value of the range does.  "
	      "Sides as for\n`rooflab claim` (a side naming no "
	      "profile takes the scenario's, else the chip's\ndefault as eval "
	      "takes it, else ideal, its label saying so): Sohu, the default\n"
	      "side b, at its best mapping of the chips (a --b side keeps its "
	      "own); b.design.*\nand b.node.* act on Sohu by design.  "
	      "Examples:\n"
	      "  --vary b.chip.peak_tflops_fp8  --vary b.profile.eff_compute\n"
	      "  --vary b.chip.hbm_tbps         --vary b.design.frac_mac\n"
	      "  --vary a.profile.eff_compute_fp8 (the H100's FP8 GEMMs' share)\n"
	      "An absolute target (--target KEY=X) asks for a figure of the "
	      "varied side\nitself instead of the speedup: output_tokens_per_s "
	      "(the system's) or\noutput_tokens_per_s_per_chip, at least; "
	      "tpot_s or ttft_s, at most (seconds);\noutput_tokens_per_joule, "
	      "at least (the chip needs a power model);\n"
	      "usd_per_million_tokens_at_cost or _at_price, at most (USD).  "
	      "Each is solved\nas the speedup is, the same root finding and a "
	      "ceiling as its reciprocal's\nfloor, met now or met everywhere "
	      "said alike; the JSON's target names it, and\neach row gives "
	      "metric_now and metric_at_value in its unit (a speedup row:\n"
	      "speedup_now, of the side it varies, and speedup_at_value).  "
	      "\"What HBM "
	      "bandwidth\ngives a TPOT of 20 ms\": --vary b.chip.hbm_tbps "
	      "--target tpot_s=0.02\n"
	      "(a side given no batch has its TPOT and TTFT at the concurrency "
	      "its memory\nallows: a note under the rows says so, JSON "
	      "load_notes, else [])\n"
	      "A --vary that does not act on the side it names (b.design.* "
	      "of a side given\nby its spec sheet, a TDP of a chip with no "
	      "power model, a figure the side has\nnone of) is not solved: "
	      "the others are, and a line under the rows (JSON:\nnot_solved) "
	      "names it and says why.  Exit 2 when none of them acts, or "
	      "when a\n--vary names no parameter.\n"
	      "Exit status: 0 ok (feasible or not), 2 bad input, 1 internal.\n",
	      f);
	opt_help(f, solve_table);
}

/* ", TP8 x PP1" after a side's label in the header ("b: LABEL, TP8 x PP1
** on 8 chips"), or "" where the label carries those words already: a --b
** side's label names its mapping (claimrun.c label_mapping: "8 x h100-sxm
** TP8 x PP1 (trtllm-0.10, chip default)"), which the header then read
** twice.  The words count there as whole tokens only: "TP8 x PP1" is
** not in a label "TP8 x PP16" (strstr found it, and the header lost the
** mapping), nor in "TP8 x PP1 x DP2", another mapping ("x EP8" after
** them is the label's own, claimrun.c label_mapping, the header's words
** leaving EP out). */
static int has_words(const char *label, const char *w)
{
	size_t n = strlen(w);
	const char *p;
	for (p = strstr(label, w); p; p = strstr(p + 1, w)) {
		const char *e = p + n;
		if ((p == label || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)*e) &&
		    !(*e == '.' && isdigit((unsigned char)e[1])) &&
		    strncmp(e, " x DP", 5))
			return 1;
	}
	return 0;
}

static const char *header_mapping(char *buf, size_t len, const char *label,
                                  const rl_scenario *s)
{
	char w[64];
	rl_mapping_words(w, sizeof w, s->tp, s->pp,
	                 rl_scen_chips(s) / (s->tp * s->pp), 1);
	if (has_words(label, w))
		buf[0] = '\0';
	else
		snprintf(buf, len, ", %s", w);
	return buf;
}

/* A speedup of the header, beside a speedup target on the target's side
** it is on (claim_speedup_side: 19.996 "19.99x" beside "target 20x",
** where it read 20.00x); under a target of another figure as any. */
static const char *header_x(char *buf, size_t len, double x,
                            const claim_report *rep)
{
	return rep->opts.target_kind == CLAIM_T_SPEEDUP
	           ? claim_speedup_side(buf, len, x, rep->opts.target)
	           : claim_speedup_x(buf, len, x);
}

/* Where a row varies Sohu by design (a b.design or b.node lever of a side
** b given by its spec sheet: claimrun.c side_for), that side and its
** speedup now, claim's "speedup b'/a", under the header's side b: the
** header gave Sohu as claimed's 21.39x alone above a row of the by-design
** 13.48x. */
static void bd_header(const claim_report *rep)
{
	const rl_scenario *s = &rep->bd.cfg.scen;
	char lb[sizeof rep->bd.label], mb[72], now[40];
	size_t k;
	if (!rep->have_bd)
		return;
	for (k = 0; k < rep->nsolve; k++)
		if (!strcmp(rep->solve[k].who, rep->bd.label))
			break;
	if (k == rep->nsolve)
		return;
	printf("b': %s%s on %.0f chip%s%s\n"
	       "speedup b'/a now: %s (total tokens); the rows of b.design and "
	       "b.node vary b'\n",
	       rl_utf8_cell(rep->bd.label, 0, 0, lb, sizeof lb),
	       header_mapping(mb, sizeof mb, rep->bd.label, s),
	       rl_scen_chips(s), rl_scen_chips(s) == 1 ? "" : "s",
	       claim_bd_mapping_note(rep),
	       header_x(now, sizeof now,
	                rep->bd.r.total_tps / rep->a.r.total_tps, rep));
}

/* The reason of a --vary not solved: err less its "--vary NAME: ", which
** the row names ("--target KEY=X: ..." kept whole) */
static const char *na_reason(const char *err, const char *name)
{
	size_t n = strlen(name);
	if (!strncmp(err, "--vary ", 7) && !strncmp(err + 7, name, n) &&
	    !strncmp(err + 7 + n, ": ", 2))
		return err + 9 + n;
	return err;
}

/* Under the rows of a TPOT or TTFT target, for each side varied that has
** no batch: its latency is at the concurrency its memory and serving
** limits allow, so a lever that adds memory adds requests in flight, each
** slower.  ux27's walk: Sohu by design at TP2 read "at best 0.0333 s, at
** 1 stack" of a TPOT ceiling over HBM stacks (more stacks, worse TPOT),
** and nothing said why.  The notes, in the rows' order, into text (its
** side's name in side): how many, at most 3. */
static size_t load_notes(const claim_report *rep, char text[3][400],
                         const char *side[3])
{
	static const char *const names[] = {"a", "b", "b'"};
	int said[3] = {0, 0, 0}, i;
	size_t k, n = 0;
	if (rep->opts.target_kind != CLAIM_T_TPOT &&
	    rep->opts.target_kind != CLAIM_T_TTFT)
		return 0;
	for (k = 0; k < rep->nsolve; k++) {
		const claim_solve_row *r = &rep->solve[k];
		const claim_side *sd;
		if (r->param[0] == 'a')
			sd = &rep->a, i = 0;
		else if (rep->have_bd && !strcmp(r->who, rep->bd.label))
			sd = &rep->bd, i = 2;
		else
			sd = &rep->b, i = 1;
		if (said[i] || sd->cfg.scen.batch > 0)
			continue;
		said[i] = 1;
		side[n] = names[i];
		snprintf(text[n++], sizeof text[0], "%s of side %s is at the "
		         "concurrency its memory and serving limits allow, no batch "
		         "being given: a lever that adds memory adds requests in "
		         "flight, each slower; batch=N in the side's SPEC gives it "
		         "at a fixed load",
		         claim_target_key(rep->opts.target_kind), names[i]);
	}
	return n;
}

/* The notes under the rows (text), in parentheses */
static void load_note(const claim_report *rep)
{
	char text[3][400], line[404];
	const char *side[3];
	size_t i, n = load_notes(rep, text, side);
	for (i = 0; i < n; i++) {
		snprintf(line, sizeof line, "(%.399s)", text[i]);
		claimout_solve_note_text(stdout, line);
	}
}

/* The same as JSON's load_notes: [{"side", "note"}], [] where none (a
** speedup target, or every side varied given a batch), which the text
** said under its rows and the JSON left out */
static void load_note_json(json_w *w, const claim_report *rep)
{
	char text[3][400];
	const char *side[3];
	size_t i, n = load_notes(rep, text, side);
	json_arr(w, "load_notes");
	for (i = 0; i < n; i++) {
		json_obj(w, NULL);
		json_str(w, "side", side[i]);
		json_str(w, "note", text[i]);
		json_end(w);
	}
	json_end(w);
}

/* The --vary that do not act on their side, each once: under the rows
** (text), or not_solved (JSON, [] where every one acts) */
static void na_text(const claim_report *rep, const int *na_at, size_t nna,
                    char (*na)[2048])
{
	size_t i;
	for (i = 0; i < nna; i++)
		claimout_solve_skip_text(stdout, rep->opts.vary[na_at[i]],
		                         na_reason(na[i], rep->opts.vary[na_at[i]]));
}

static void na_json(json_w *w, const claim_report *rep, const int *na_at,
                    size_t nna, char (*na)[2048])
{
	size_t i;
	json_arr(w, "not_solved");
	for (i = 0; i < nna; i++) {
		json_obj(w, NULL);
		json_str(w, "param", rep->opts.vary[na_at[i]]);
		json_str(w, "reason", na_reason(na[i], rep->opts.vary[na_at[i]]));
		json_end(w);
	}
	json_end(w);
}

int cmd_solve(int argc, char **argv)
{
	claim_report *rep;
	const rl_scenario *sb;
	char err[2048];
	/* the --vary that do not act on their side (CLAIM_SOLVE_NA): their
	** index in opts.vary and why */
	char na[sizeof ((claim_opts *)0)->vary /
	        sizeof ((claim_opts *)0)->vary[0]][sizeof err];
	int na_at[sizeof na / sizeof na[0]];
	size_t nna = 0;
	int rc;
	size_t k;

	rep = claim_begin("solve", solve_table, argc, argv, help, &rc);
	if (!rep)
		return rc;
	rep->opts.no_uncertainty = 1;
	err[0] = '\0';
	if (rep->opts.nvary == 0) {
		snprintf(err, sizeof err, "missing --vary a|b.SECTION.KEY (for "
		         "example --vary b.chip.peak_tflops_fp8)");
		goto bad;
	}
	rc = claim_prepare(rep, err, sizeof err);
	if (rc != RL_OK) {
		cli_say("solve", err);
		claim_report_free(rep);
		return rc;
	}
	/* side b at the mapping claim reports: Sohu (the default side b)
	** at its best mapping of the chips, a side b given keeps its own */
	claim_map_sides(rep);
	sb = &rep->b.cfg.scen;
	rep->speedup_total = rep->b.r.total_tps / rep->a.r.total_tps;
	rep->speedup_output = rep->b.r.output_tps / rep->a.r.output_tps;
	/* each --vary solved on its own; one that does not act on its side
	** is left out and said, where it refused the run (the others
	** unsolved); a name of no parameter still refuses it */
	for (k = 0; k < (size_t)rep->opts.nvary; k++) {
		rc = claim_solve_param(rep, rep->opts.vary[k], rep->opts.target,
		                       &rep->solve[rep->nsolve], err, sizeof err);
		if (rc == CLAIM_SOLVE_NA) {
			memcpy(na[nna], err, sizeof err);
			na_at[nna++] = (int)k;
			continue;
		}
		if (rc == RL_EINTERNAL) {
			cli_say("solve", err);
			claim_report_free(rep);
			return rc;
		}
		if (rc)
			goto bad;
		rep->nsolve++;
	}
	/* none acts: each said, once, and exit 2 (one alone as before) */
	if (rep->nsolve == 0) {
		for (k = 0; k < nna; k++)
			cli_say("solve", na[k]);
		if (nna > 1) {
			snprintf(err, sizeof err, "none of the %zu --vary acts on its "
			         "side: nothing solved", nna);
			cli_say("solve", err);
		}
		claim_report_free(rep);
		return RL_EINPUT;
	}
	if (rep->opts.json) {
		json_w w;
		json_begin(&w, stdout);
		json_str(&w, "a", rep->a.label);
		json_str(&w, "b", rep->b.label);
		/* each side's profile fitted on another chip's rows (eval's
		** profile_fit; null where fitted on its chip or no fit) */
		evalout_fit_json(&w, "a_profile_fit", &rep->a.fit);
		evalout_fit_json(&w, "b_profile_fit", &rep->b.fit);
		/* and each one's software note (eval's software_note) */
		if (rep->a.software_note[0])
			json_str(&w, "a_software_note", rep->a.software_note);
		else
			json_null(&w, "a_software_note");
		if (rep->b.software_note[0])
			json_str(&w, "b_software_note", rep->b.software_note);
		else
			json_null(&w, "b_software_note");
		json_obj(&w, "speedup");
		json_num(&w, "total_tokens", rep->speedup_total);
		json_num(&w, "output_tokens", rep->speedup_output);
		json_end(&w);
		json_obj(&w, "mapping_b");
		json_num(&w, "tp", sb->tp);
		json_num(&w, "pp", sb->pp);
		json_num(&w, "ep", sb->ep);
		json_num(&w, "chips", rl_scen_chips(sb));
		json_bool(&w, "best", rep->b_remapped);
		json_num(&w, "given_tp", rep->b_given_tp);
		json_num(&w, "speedup_at_given", rep->b_given_total /
		                                     rep->a.r.total_tps);
		json_end(&w);
		json_arr(&w, "solve");
		for (k = 0; k < rep->nsolve; k++)
			claimout_solve_row_json(&w, &rep->solve[k], 1);
		json_end(&w);
		na_json(&w, rep, na_at, nna, na);
		load_note_json(&w, rep);
		/* (after the rows, whose first "value" scripts read first) what
		** each row solves for: the speedup, or the varied side's
		** own figure, a floor (at least) or a ceiling (at most) */
		json_obj(&w, "target");
		json_str(&w, "metric", claim_target_key(rep->opts.target_kind));
		json_num(&w, "value", rep->opts.target);
		json_str(&w, "unit", claim_target_unit(rep->opts.target_kind));
		json_str(&w, "bound", claim_target_at_most(rep->opts.target_kind)
		                          ? "at most" : "at least");
		json_end(&w);
		json_finish(&w);
	} else {
		/* the labels (a --config file's too), controls as '?' */
		char la[sizeof rep->a.label], lb[sizeof rep->b.label], mb[72];
		char now[40], given[40];
		printf("a: %s\nb: %s%s on %.0f chip%s%s\n"
		       "speedup b/a now: %s (total tokens)",
		       rl_utf8_cell(rep->a.label, 0, 0, la, sizeof la),
		       rl_utf8_cell(rep->b.label, 0, 0, lb, sizeof lb),
		       header_mapping(mb, sizeof mb, rep->b.label, sb),
		       rl_scen_chips(sb), rl_scen_chips(sb) == 1 ? "" : "s",
		       rep->b_remapped ? " (its best mapping, as claim runs it)"
		                       : "",
		       header_x(now, sizeof now, rep->speedup_total, rep));
		/* the target as given, in all its digits, as the rows' words
		** write it (claim_target_text: 1234567.5x, where %g wrote
		** 1.23457e+06x) */
		if (rep->opts.target_kind == CLAIM_T_SPEEDUP)
			printf(", target %sx\n", claim_target_text(rep->opts.target).s);
		else
			printf("\ntarget: %s at %s %s %s, the figure of the side "
			       "each row varies\n",
			       claim_target_key(rep->opts.target_kind),
			       claim_target_at_most(rep->opts.target_kind) ? "most"
			                                                   : "least",
			       claim_target_text(rep->opts.target).s,
			       claim_target_unit(rep->opts.target_kind));
		if (rep->b_remapped)
			printf("(at the mapping the scenario names, TP%.0f, it would be "
			       "%s)\n", rep->b_given_tp,
			       header_x(given, sizeof given, rep->b_given_total /
			                rep->a.r.total_tps, rep));
		bd_header(rep);
		/* a side's profile fitted on another chip's rows, as eval and
		** claim say it */
		claimout_fit_notes(stdout, rep);
		putchar('\n');
		for (k = 0; k < rep->nsolve; k++)
			claimout_solve_row_text(stdout, &rep->solve[k]);
		load_note(rep);
		na_text(rep, na_at, nna, na);
	}
	claim_report_free(rep);
	if (cli_out_check("solve") != RL_OK)
		return RL_EINTERNAL;
	return RL_OK;
bad:
	claim_report_free(rep);
	return bad_input("solve", err);
}
