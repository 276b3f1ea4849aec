/*
** claim.h: the claim check shared by `rooflab claim` and `rooflab solve`:
** the two sides being compared (from --a/--b specs or a config file), the
** uncertainty file, the computation (claimrun.c), the other claims
** (claimchecks.c) and the SQLite tables (claimdb.c, schema in schema.h).
** The command line is cli/claimargs.h, the output cli/claimout.h.
*/
#ifndef RL_CLAIM_H
#define RL_CLAIM_H

#include <stdio.h>

#include "../model/engine.h"
#include "mcwords.h"
#include "robustwords.h"
#include "../model/mapsearch.h"
#include "../model/montecarlo.h"
#include "../model/mcrobust.h"
#include "../model/shapley.h"
#include "../model/solve.h"
#include "../config/setup.h"
#include "valtrust.h"

#define CLAIM_KV_MAX 64
/* A side's value with its NUL: a preset path as long as eval's --profile,
** --model or --scenario takes (1023 bytes, config/presets.c preset_path
** into 1024), where 255 refused a profile path eval runs */
#define CLAIM_VAL_MAX 1024
#define CLAIM_UNC_MAX 64
_Static_assert(CLAIM_UNC_MAX <= RL_ROBUST_MAXU, "each range narrowed");
#define CLAIM_SOLVE_MAX 24
#define CLAIM_CLAIMS_MAX 16
#define CLAIM_MUST_MAX 5
/* One condition's words with their end: room for both sides' labels whole
** (CLAIM_LABEL_MAX) and five link bandwidths with what binds at each. */
#define CLAIM_MUST_LEN 1536
#define CLAIM_MAP_MAX 64
/* claim_solve_row.breaks: every kind of physical constraint
** rl_silicon_explain says, each its longest, "; "-joined, where 420 bytes
** held about two of its longest and cut a list of several (review54) */
#define CLAIM_BREAKS_MAX (RL_V_KINDS * (RL_V_TEXT_MAX - 1) + \
                          (RL_V_KINDS - 1) * 2 + 1)


/* One side as written: a chip and key=value items (profile, model,
** scenario, chips, tp, pp, ep, batch, precision, label, or
** section.key). */
typedef struct {
	char chip[RL_NAME_MAX];
	char keys[CLAIM_KV_MAX][64];
	char vals[CLAIM_KV_MAX][CLAIM_VAL_MAX];
	int n;
	int given;
	/* from a --config file: the file, the line of the side's header
	** ([a] or [b]) and the line of each key (chip_line: chip's;
	** lines[i]: keys[i]'s); file "" and lines 0 for a spec from the
	** command line */
	char file[1024];
	int line, chip_line;
	int lines[CLAIM_KV_MAX];
	char text[2048];  /* the spec as written on the command line, or "" */
} claim_spec;

/* Throughput at one cap on concurrent sequences (the batch curve). */
#define CLAIM_BATCH_POINTS 16
typedef struct {
	double batch, output_tps, total_tps, tpot_s;
} claim_batch_pt;

/* A side's label with its NUL: the longest the plots and the report read
** back from the database whole (plots/pdb.h a_label, reports' cells). */
#define CLAIM_LABEL_MAX 128

/* A side ready to evaluate. */
typedef struct {
	char label[CLAIM_LABEL_MAX];
	char form[32];       /* "as claimed", "by design" or "" */
	rl_setup st;         /* as loaded */
	/* its profile fitted on another chip's rows (val_trust_chip, the
	** note eval prints): carried 0 where not */
	val_chip_fit fit;
	/* its profile of software the chip's preset does not name
	** (config/profiles.h profile_software_note, eval's note: its figures
	** carried over by ASSUMPTION); "" where not */
	char software_note[1024];
	rl_config cfg;       /* resolved: a chip by design turned into its spec */
	rl_result r;
	int ok;
	/* batch caps from 1 to the side's concurrency, evaluated by
	** claim_compute (claimdb.c only writes them) */
	claim_batch_pt batch[CLAIM_BATCH_POINTS];
	size_t nbatch;
} claim_side;

/* Where one mapping of a side sits on the roofline (maproof.c): each
** phase's FLOP per HBM byte and achieved FLOP/s per chip. */
typedef struct {
	double tp, pp, dp, ep;
	double pi, pf, di, df;   /* prefill / decode intensity and FLOP/s */
} claim_map_point;

/* solve's target (--target KEY=X): the speedup b/a in total tokens/s
** (the default), or a figure of the varied side itself, named as eval's
** JSON names it (claim_target_key), a floor ("at least") or a ceiling
** ("at most": claim_target_at_most), each in its own unit. */
typedef enum {
	CLAIM_T_SPEEDUP = 0,
	CLAIM_T_OUTPUT_TPS,       /* output_tokens_per_s: the system's */
	CLAIM_T_OUTPUT_TPS_CHIP,  /* output_tokens_per_s_per_chip */
	CLAIM_T_TPOT,             /* tpot_s, at most */
	CLAIM_T_TTFT,             /* ttft_s, at most */
	CLAIM_T_TOKENS_PER_J,     /* output_tokens_per_joule (power model) */
	CLAIM_T_USD_COST,         /* usd_per_million_tokens_at_cost, at most */
	CLAIM_T_USD_PRICE,        /* usd_per_million_tokens_at_price, at most */
	CLAIM_T_COUNT
} claim_target_kind;

/* The key of a target kind ("tpot_s"), its unit ("s", "x" for the
** speedup), its allowed range (claim_target_range: lo, hi, in its unit),
** and 1 where it is a ceiling (at most), 0 a floor (at least). */
const char *claim_target_key(int kind);
const char *claim_target_unit(int kind);
void claim_target_range(int kind, double *lo, double *hi);
int claim_target_at_most(int kind);
/* The kind whose key is the len bytes at key; -1 where none is. */
int claim_target_find(const char *key, size_t len);
/* A figure of rl_solve's (solved for at or above its target: a ceiling's
** reciprocal) in the target's own terms. */
double claim_target_shown(int kind, double solved);

/* Options of claim and solve. */
typedef struct {
	claim_spec a, b;
	const char *scenario;
	const char *config;
	const char *uncertainty;
	const char *db;
	const char *vary[16];
	int nvary;
	double target;
	int target_kind;     /* solve: claim_target_kind (0: the speedup) */
	long long samples;
	unsigned long seed;
	int threads;
	int json;
	int no_design;       /* skip the "by design" form */
	int no_uncertainty;  /* solve: no Monte Carlo, no tornado */
	/* solve: the first Monte Carlo key of --config and its line (0:
	** none), which solve does not use (claim_config_read) */
	char mc_key[16];
	int mc_key_line;
	char scenario_buf[RL_NAME_MAX + 1024];
	char uncertainty_buf[RL_NAME_MAX + 1024]; /* a path preset_path took (where[1100]) */
} claim_opts;

/* claimspec.c */
void claim_opts_init(claim_opts *o);
/* Parse "CHIP[,key=value...]" into spec.  0 or -1 + err. */
int claim_spec_parse(const char *text, claim_spec *spec, char *err,
                     size_t errlen);
/* Read a config file ([claim], [a], [b]) into o, before the command
** line, which then wins over it.  A side without a chip, a second [a],
** [b] or [claim] header, or a section of another name is refused at its
** header's line.  With o->no_uncertainty (solve) the first of the Monte
** Carlo's keys (samples, seed, uncertainty), which solve does not use, is
** kept in o->mc_key and o->mc_key_line for its warning.  0 or -1 + err
** (file:line), or RL_EINTERNAL + err where the file's text could not be
** held in memory (no fault of the file). */
int claim_config_read(const char *path, claim_opts *o, char *err,
                      size_t errlen);
/* Build and evaluate a side (scenario: the default scenario).  0, or -1
** with err and, when err_line is not NULL, *err_line the config file's
** line of the key whose value was refused (the line of the side's [a] or
** [b] header when no one key is at fault; 0 for a spec from the command
** line); RL_EINTERNAL with err where memory ran out (its own, or a
** preset's text: opts_apply), no fault of the side.  shipped: the
** shipped measurements the command reads once for its sides' notes
** (valshipped.h: val_trust_chip_of), NULL to read them for this side
** alone. */
int claim_side_load(const claim_spec *spec, const char *scenario,
                    const char *label, const char *form, claim_side *side,
                    val_shipped *shipped, int *err_line, char *err,
                    size_t errlen);
/* Speedup metric of one side against the other (for rl_solve). */
typedef struct {
	const rl_config *other;
	double other_tps;
	int side;            /* 0: the varied config is side a */
	int kind;            /* claim_target_kind: claim_target_metric's */
} claim_metric_ud;
int claim_speedup_metric(const rl_config *cfg, void *ud, double *value);
/* The target's figure of the varied side (ud->kind), for rl_solve: the
** speedup as claim_speedup_metric, else the side's own figure, a
** ceiling's as its reciprocal (so that every target is a floor, as
** rl_solve takes it); non-zero where it cannot be evaluated, or the
** figure is unknown (no power model, no price). */
int claim_target_metric(const rl_config *cfg, void *ud, double *value);
/* A parameter of one side, "a.SECTION.KEY" or "b.SECTION.KEY" (as --vary
** and the sections of an uncertainty file name them).  claim_side_name: 1
** when name starts with "a." or "b.".  claim_side_param: the parameter
** after that prefix, or NULL with "PRE NAME POST: unknown parameter
** 'SECTION.KEY'; did you mean X?" in err. */
int claim_side_name(const char *name);
const rl_param *claim_side_param(const char *pre, const char *name,
                                 const char *post, char *err, size_t errlen);
/* uncertainty.c: an uncertainty file. */
typedef struct {
	rl_uparam u[CLAIM_UNC_MAX];
	char source[CLAIM_UNC_MAX][320];
	size_t n;
	double power_cap_w;
	char power_cap_source[320];
	char path[1024];
	int line[CLAIM_UNC_MAX]; /* each parameter's header line */
} claim_uncertainty;
/* Read uncertainty preset name into cu: 0, -1 with err (file:line: the
** file's fault), or RL_EINTERNAL with err where its text could not be
** held in memory. */
int claim_uncertainty_read(const char *name, claim_uncertainty *cu,
                           char *err, size_t errlen);
/* 0, or -1 with "PATH:LINE: [a.power.static_w] at its low end (37 W),
** side a's chip FILE refuses it: ..." where a parameter of cu at an end of
** its range (rl_uparam_range, the tornado's), the rest of its side as
** given, makes inputs of the static power that contradict
** (model/power.h rl_power_check: a static_w beside the chip's measured
** idle_w, stacks drawing more idle than it): every draw there would be
** refused, counted not evaluable with no word of why.  So too a die
** block's share (design.frac_mac) varied where the side's chip gives the
** block by its area (design.mac_mm2), which stands for the share: every
** draw the same die. */
int claim_uncertainty_power_check(const claim_uncertainty *cu,
                                  const claim_side *a, const claim_side *b,
                                  char *err, size_t errlen);

/* A solve row. */
typedef struct claim_solve_row_s {
	char param[96];      /* "b.chip.peak_tflops_fp8" */
	char form[32];
	char unit[24];
	char who[160];       /* the side's label */
	double target;       /* in the target's unit (target_kind) */
	int target_kind;     /* claim_target_kind */
	double now;          /* the parameter's value as the side has it */
	double nominal;      /* the speedup there (or the target's figure,
	                        in its unit; NAN where unknown) */
	rl_solve_result s;
	char binds[128];     /* infeasible: what binds at the best value
	                        ("compute binds", words.c), or "" */
	char breaks[CLAIM_BREAKS_MAX]; /* feasible, a design or node
	                        parameter: the physical constraints the chip
	                        by design breaks at the value and not now
	                        (claim_breaks_at), or "" */
	char words[640 + CLAIM_BREAKS_MAX]; /* the row as a sentence
	                        (words.c): its 640 and the breaks */
} claim_solve_row;

typedef struct {
	char claim[256];
	char source[256];
	char model_value[512];
	/* the longest, the speedup's at the stated values only: 86 bytes,
	** the target (claim_target_str, at most 39), 5, a probability (at
	** most 10), 2, a verdict word (at most 43: "Not reproduced under
	** the stated assumptions") and 21: 206 with its NUL, where 160 cut
	** a target of 16 digits */
	char verdict[224];
} claim_check;

/* Everything the claim check computes. */
typedef struct {
	claim_opts opts;
	char scenario[RL_NAME_MAX];
	claim_side a, b, bd;       /* bd: Sohu by design, when have_bd */
	int have_bd;
	double speedup_total, speedup_output;
	double bd_speedup_total, bd_speedup_output;
	rl_factor f[RL_FACTOR_MAX], fd[RL_FACTOR_MAX];
	double phi[RL_FACTOR_MAX], phid[RL_FACTOR_MAX];
	size_t nf, nfd;
	int factors_ok, factors_d_ok;
	/* 1 where a part of the report (the factors, a solve) could not be
	** worked out for want of memory: claim_compute fails (exit 1),
	** where that part was left out or said "not solved (out of memory)"
	** under exit 0 */
	int oom;
	double factors_ratio, factors_d_ratio;
	char factors_err[512], factors_d_err[512];
	claim_solve_row solve[CLAIM_SOLVE_MAX];
	size_t nsolve;
	char must[CLAIM_MUST_MAX][CLAIM_MUST_LEN];
	size_t nmust;
	claim_uncertainty unc, unc_d;   /* unc_d: for Sohu by design */
	int have_unc, have_unc_d;
	rl_mc_result *mc, *mc_d;
	rl_mc_opts mco;
	double mc_seconds, mc_d_seconds;
	/* side b's Monte Carlo restricted to the samples whose utilization
	** (b.profile.eff_compute) is at least the share the claim states (the
	** claims file's [utilization] sohu): have_given 0 where side b has no
	** Monte Carlo, or its uncertainty file does not vary it */
	claim_mc_given given;
	int have_given;
	/* side b's Monte Carlo again with every range narrowed toward its
	** stated value (model/mcrobust.h); have_robust 0 where side b has no
	** Monte Carlo */
	rl_robust robust;
	int have_robust;
	/* robust in the words' terms (claim_robust_summarize), made once
	** where have_robust is set: the text's two printers and the JSON read
	** it */
	claim_robust_summary robust_sum;
	/* why not, where a range cannot be narrowed (model/mcrobust.h), else
	** "" */
	char robust_skipped[256];
	double claimed_util;        /* [utilization] sohu; 0 unknown */
	char util_claim[256];       /* [utilization] claim: its words */
	char util_source[256];      /* [utilization] source: who states it */
	rl_tornado_row torn[CLAIM_UNC_MAX], torn_d[CLAIM_UNC_MAX];
	claim_check claims[CLAIM_CLAIMS_MAX];
	size_t nclaims;
	/* mappings (claimrun.c claim_map_sides): every legal mapping of
	** each side's chips, best first; side b as given (before its best
	** mapping was taken) and the later TensorRT-LLM baselines
	** (claimchecks.c) */
	rl_map_entry map_a[CLAIM_MAP_MAX], map_b[CLAIM_MAP_MAX];
	size_t nmap_a, nmap_b;
	/* the mappings that fit, on the roofline (maproof.c) */
	claim_map_point mpt_a[CLAIM_MAP_MAX], mpt_b[CLAIM_MAP_MAX];
	size_t nmpt_a, nmpt_b;
	int b_default;              /* 1: side b is the default (Sohu) */
	int b_remapped;             /* 1: side b runs its best mapping */
	/* 1: Sohu by design (bd) runs its best mapping too, which
	** claim_map_sides gives it only where its search finds one that runs
	** (b_remapped alone said nothing of bd) */
	int bd_remapped;
	double b_given_tp, b_given_pp, b_given_ep, b_given_total;
	/* how far the model carries to a chip it was not fitted on, one
	** sentence (valtrust.h val_trust_shipped, side a's profile named),
	** filled by the command that prints it (cmd_claim); "" where the
	** shipped measurements cannot be read */
	char trust[2048];
	/* the shipped measurements, read once for side a's note
	** (claim_prepare) and the trust sentence (cmd_claim): each read them
	** before; freed by claim_report_free */
	val_shipped shipped;
	/* side b at the mapping the scenario names (before its best was
	** taken): the engine's result, for what binds there */
	rl_result b_given_r;
	double base_total[3];       /* TensorRT-LLM 0.10, 0.11, 0.12; 0 unknown */
	/* Sohu by design at its best mapping with a TDP of 700 W, 1000 W and
	** none: speedup against a (NAN where it does not evaluate) */
	double tdp_speedup[3];
} claim_report;

/* chipsusd.c: USD per million output tokens of side s's chips alone at
** chip_usd each (amortized as model/cost.h's hardware term, no energy),
** where its full figure is unknown because it has no power model; NAN
** otherwise (its full figure known, no price, no throughput). */
double claim_usd_chips_only(const claim_side *s, double chip_usd);

/* chipsusd.c: the words beside price_usd in side s's chip preset (its
** source, or its ASSUMPTION and range: config/presetnote.h) into buf, 1;
** 0 with buf "" where the side's chip price is not known, or is not its
** preset's (set for the run), or the preset writes nothing beside it. */
int claim_price_note(const claim_side *s, char *buf, size_t len);

/* modelpar.c: the index in map_b of side b's best mapping that splits
** the model over all its chips with no copies (dp 1: Etched's "8-way model
** parallel", claims.md), -1 where none runs. */
int claim_best_model_parallel(const claim_report *rep);

/* claimrun.c */
claim_report *claim_report_alloc(void);
void claim_report_free(claim_report *rep);
/* Load the sides.  Returns an rl_status with err. */
int claim_prepare(claim_report *rep, char *err, size_t errlen);
/* Why side b has no Monte Carlo, in words ("no Monte Carlo: ..."), for
** the text, the JSON (mc_skipped) and the database (claim_sides row
** setup.mc_skipped of side b, which the report reads); NULL when it has
** one. */
const char *claim_mc_skipped(const claim_report *rep);
/* The same for Sohu by design, which has an uncertainty file of its own
** (sohu-design): "no Monte Carlo: --samples 0" where it has a tornado and
** no Monte Carlo, for the text and the database (claim_sides row
** setup.mc_skipped of side b_by_design); NULL otherwise. */
const char *claim_mc_skipped_by_design(const claim_report *rep);
/* Every legal mapping of each side's chips; the default side b (Sohu as
** claimed, and by design) then runs its best one (b_remapped), as claim
** and solve both report it.  claim_compute calls it first. */
void claim_map_sides(claim_report *rep);
/* The words after Sohu by design's mapping in solve's b' header, as
** claim_map_sides left it: " (its best mapping, as claim runs it)" where
** it was remapped (bd_remapped); where side b was and it was not (no
** mapping of its chips ran), that it keeps the scenario's; "" where
** neither was (a side b given keeps its own). */
const char *claim_bd_mapping_note(const claim_report *rep);
/* Mappings (claim_map_sides), factors, solves, Monte Carlo, tornado,
** checks. */
int claim_compute(claim_report *rep, char *err, size_t errlen);
/* claim_solve_param's status where the parameter names a lever that does
** not act on the side it names (a design or node parameter of a side
** given by its spec sheet, a TDP without a power model, a share where the
** side gives the block's area, static_w beside a measured idle, a target
** figure the side has none of): err says why, "--vary NAME: ..." or
** "--target KEY=X: ...".  solve leaves that one out and solves the rest. */
#define CLAIM_SOLVE_NA (-2)
/* Solve one "side.section.key" on the report's sides: 0, -1 with err (the
** name's fault: no such side or parameter, or one rl_solve refuses),
** CLAIM_SOLVE_NA with err (it does not act on that side), RL_EINTERNAL (1)
** with "out of memory". */
int claim_solve_param(claim_report *rep, const char *name, double target,
                      claim_solve_row *row, char *err, size_t errlen);

/* The physical constraints (rl_silicon_explain) the chip by design cfg
** breaks with parameter p at v (display units) and not at its value now,
** "; "-joined into buf of len bytes (CLAIM_BREAKS_MAX holds them all); ""
** where none, or where either cannot be derived. */
void claim_breaks_at(const rl_config *cfg, const rl_param *p, double v,
                     char *buf, size_t len);

/* maproof.c: every mapping of sides a and b that fits, evaluated again
** for where its phases sit on the roofline. */
void claim_map_points(claim_report *rep);

/* claimchecks.c */
/* The claims of data/claims/etched-2024.ini checked against the report.
** RL_OK, or RL_EINPUT with "file:line: ..." when the file is not a valid
** claims file (unknown section or key, a number that is not finite or out
** of its range, a missing claim, source or number). */
int claim_checks(claim_report *rep, char *err, size_t errlen);

/* claimdb.c: everything into the tables of schema.h, in one
** transaction.  RL_OK, or RL_EINPUT (not a file name, a foreign or damaged
** file, unwritable) / RL_EINTERNAL with err, which names the file
** ("PATH: ...", or rl_db_target_check's "a database needs a file name"
** for "").  *run_id, where run_id is not NULL, the run's id in claim_runs
** once committed. */
int claimdb_write(const char *path, const claim_report *rep,
                  const char *json, long long *run_id, char *err,
                  size_t errlen);

/* An assumption's stated value, in the parameter's table unit: the
** configuration's, where 0 stands for the HBM generation's stack (its
** design.hbm_stack_gb or design.hbm_stack_gbps), that generation's, as
** the silicon model takes it (model/silicon.c).  The database's
** claim_assumptions and claim's JSON give it. */
double claim_stated_value(const rl_config *c, const rl_param *p);

#endif
