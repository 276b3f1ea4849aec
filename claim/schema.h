/*
** schema.h: the SQLite tables that `rooflab claim` and `rooflab validate`
** write (with --db) and that `rooflab plot` and `rooflab report` read.
** One contract between the writers and the readers; the sweep tables
** (runs, points, results) are defined by the sweep code (sweeps/).
**
** Every table carries the claim run id; a database may hold many runs and
** readers take the newest unless told --run ID.  Units are SI.
*/
#ifndef RL_CLAIM_SCHEMA_H
#define RL_CLAIM_SCHEMA_H

/* 2: claim_mc_summary and claim_tornado_sides (each side's Monte Carlo and
** tornado, Sohu by design's too); a file of version 1 is still reported
** from, and claim --db or validate --db into it upgrades it in place
** (claim_db_kind, claimdb.c: the new tables, claim_v1_runs(run_id) naming
** the runs it held, which the report reads as version 1 runs, and
** user_version 2, in one transaction) */
#define RL_CLAIM_SCHEMA_VERSION 2

#include <sqlite3.h>

/* A table of a database written before its column `name` gains it, of SQL
** type `type` (claim_runs.b_default; validation's version, metric and
** out_of_sample): SQLITE_OK, or SQLite's code with db's message when the
** table's columns cannot be read or the column cannot be added; a failed
** read is never taken for "no column" (claimdb.c). */
int claim_db_add_column(sqlite3 *db, const char *table, const char *name,
                        const char *type);
#include "../config/dbfile.h"

#define RL_CLAIM_APP_ID RL_DB_APP_CLAIM /* "RLCL": PRAGMA application_id */

/* The mark of claim and validation databases (claimdb.c). */
extern const rl_db_kind claim_db_kind;

#define RL_CLAIM_SCHEMA_SQL \
/* claimdb.c adds b_default INTEGER (claim_db_add_column, not here: a \
** file's columns stay those it was made with until a run is written into \
** it): 1 where side b is claim's default, Sohu as claimed (the Etched \
** claim), 0 where it is the user's; NULL or absent for a run written \
** before it, which does not tell which; and trust TEXT (the same way): \
** the trust line the text prints under its verdict (claim/valtrust.h: \
** each profile's leave-one-architecture-out error as its [meta] held it \
** when the run was written, the baseline's named, the out-of-sample \
** rows', what the held-out chips' rows are), which the report gives \
** before validation_runs.trust; NULL where the shipped measurements \
** could not be read (the text has no line), or absent before it; and \
** claim_mc_summary.not_evaluable_violating INTEGER (the same way): of \
** not_evaluable, the samples counted as violating too (claim/mcwords.h) */ \
"CREATE TABLE IF NOT EXISTS claim_runs(" \
"  id INTEGER PRIMARY KEY, created TEXT NOT NULL, version TEXT NOT NULL," \
"  git_rev TEXT NOT NULL, a_label TEXT NOT NULL, b_label TEXT NOT NULL," \
"  scenario TEXT NOT NULL, target REAL NOT NULL," \
"  speedup_total REAL, speedup_output REAL, json TEXT NOT NULL);" \
/* one row per (side, output name): each side's eval results */ \
"CREATE TABLE IF NOT EXISTS claim_sides(" \
"  run_id INTEGER NOT NULL REFERENCES claim_runs(id), side TEXT NOT NULL," \
"  name TEXT NOT NULL, value REAL, text TEXT," \
"  PRIMARY KEY(run_id, side, name));" \
/* Shapley factors in multiplication order of the waterfall */ \
"CREATE TABLE IF NOT EXISTS claim_factors(" \
"  run_id INTEGER NOT NULL, ord INTEGER NOT NULL, name TEXT NOT NULL," \
"  factor REAL NOT NULL, PRIMARY KEY(run_id, ord));" \
"CREATE TABLE IF NOT EXISTS claim_solve(" \
"  run_id INTEGER NOT NULL, param TEXT NOT NULL, target REAL NOT NULL," \
"  value REAL, feasible INTEGER NOT NULL, reason TEXT NOT NULL," \
"  PRIMARY KEY(run_id, param));" \
/* what must be true in words (claim/words.c): kind 'together' (levers \
** moved jointly, the headline first) or 'one' (one lever at a time, \
** param names it) */ \
"CREATE TABLE IF NOT EXISTS claim_must(" \
"  run_id INTEGER NOT NULL, ord INTEGER NOT NULL, kind TEXT NOT NULL," \
"  param TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY(run_id, ord));" \
"CREATE TABLE IF NOT EXISTS claim_mc(" \
"  run_id INTEGER PRIMARY KEY, samples INTEGER NOT NULL, seed INTEGER NOT NULL," \
"  p05 REAL, p50 REAL, p95 REAL, prob_ge_target REAL, violation_rate REAL);" \
/* side b's mapping, chosen again in every Monte Carlo sample where b runs \
** its best mapping: the samples each mapping won (of the evaluated ones), \
** per side ('b', 'b_by_design'), most wins first; the wins of mappings \
** past the ones kept are one row with tp, pp, dp, ep NULL.  Added after \
** schema version 1 without a new version: an older file gains the table \
** on its next write and its runs have no rows (the report then says only \
** that the mapping is chosen again) */ \
"CREATE TABLE IF NOT EXISTS claim_mc_maps(" \
"  run_id INTEGER NOT NULL, side TEXT NOT NULL, ord INTEGER NOT NULL," \
"  tp REAL, pp REAL, dp REAL, ep REAL, wins INTEGER NOT NULL," \
"  PRIMARY KEY(run_id, side, ord));" \
/* a thinned copy of the Monte Carlo speedups, for histograms and CDFs */ \
"CREATE TABLE IF NOT EXISTS claim_mc_samples(" \
"  run_id INTEGER NOT NULL, i INTEGER NOT NULL, speedup REAL NOT NULL," \
"  violates INTEGER NOT NULL, PRIMARY KEY(run_id, i));" \
"CREATE TABLE IF NOT EXISTS claim_tornado(" \
"  run_id INTEGER NOT NULL, param TEXT NOT NULL, low REAL, high REAL," \
"  speedup_low REAL, speedup_high REAL, PRIMARY KEY(run_id, param));" \
/* each side's Monte Carlo as claim's text prints it (claim/mcwords.h): \
** one row per side that ran one ('b', 'b_by_design'); nominal: the \
** side's speedup at its stated values, nominal_below: the share of the \
** evaluated samples below it; claim_mc keeps side b's quantiles as \
** version 1 wrote them (the plots read it).  Version 2 */ \
"CREATE TABLE IF NOT EXISTS claim_mc_summary(" \
"  run_id INTEGER NOT NULL, side TEXT NOT NULL, samples INTEGER NOT NULL," \
"  seed INTEGER NOT NULL, p05 REAL, p50 REAL, p95 REAL," \
"  prob_ge_target REAL, violation_rate REAL, viol_power INTEGER NOT NULL," \
"  viol_reticle INTEGER NOT NULL, viol_hbm_stacks INTEGER NOT NULL," \
"  viol_area_shares INTEGER NOT NULL, not_evaluable INTEGER NOT NULL," \
"  nominal REAL, nominal_below REAL, PRIMARY KEY(run_id, side));" \
/* each side's tornado ('b', 'b_by_design') in the text's order (widest \
** swing in log terms first) with the parameter's unit; claim_tornado \
** keeps side b's as version 1 wrote it (the tornado plot reads it). \
** Version 2 */ \
"CREATE TABLE IF NOT EXISTS claim_tornado_sides(" \
"  run_id INTEGER NOT NULL, side TEXT NOT NULL, ord INTEGER NOT NULL," \
"  param TEXT NOT NULL, low REAL, high REAL, unit TEXT NOT NULL," \
"  speedup_low REAL, speedup_high REAL, PRIMARY KEY(run_id, side, ord));" \
"CREATE TABLE IF NOT EXISTS claim_claims(" \
"  run_id INTEGER NOT NULL, ord INTEGER NOT NULL, claim TEXT NOT NULL," \
"  source TEXT NOT NULL, model_value TEXT NOT NULL, verdict TEXT NOT NULL," \
"  PRIMARY KEY(run_id, ord));" \
/* the assumptions behind side b (and a): value, unit, range, source */ \
"CREATE TABLE IF NOT EXISTS claim_assumptions(" \
"  run_id INTEGER NOT NULL, side TEXT NOT NULL, param TEXT NOT NULL," \
"  value REAL, unit TEXT NOT NULL, low REAL, high REAL, source TEXT NOT NULL," \
"  PRIMARY KEY(run_id, side, param));" \
/* throughput and TPOT against concurrency, for the batch plot */ \
"CREATE TABLE IF NOT EXISTS claim_batch(" \
"  run_id INTEGER NOT NULL, side TEXT NOT NULL, batch REAL NOT NULL," \
"  output_tps REAL, total_tps REAL, tpot_s REAL," \
"  PRIMARY KEY(run_id, side, batch));" \
/* each side's roofline and where its phases sit on it */ \
"CREATE TABLE IF NOT EXISTS claim_roofline(" \
"  run_id INTEGER NOT NULL, side TEXT NOT NULL, label TEXT NOT NULL," \
"  peak_flops REAL NOT NULL, hbm_Bps REAL NOT NULL," \
"  prefill_intensity REAL, prefill_flops REAL," \
"  decode_intensity REAL, decode_flops REAL," \
"  link_Bps REAL, prefill_link_intensity REAL, decode_link_intensity REAL," \
"  PRIMARY KEY(run_id, side));" \
/* where each mapping of a side that fits sits on the roofline */ \
"CREATE TABLE IF NOT EXISTS claim_roofline_maps(" \
"  run_id INTEGER NOT NULL, side TEXT NOT NULL, tp REAL NOT NULL," \
"  pp REAL NOT NULL, dp REAL NOT NULL, ep REAL NOT NULL," \
"  prefill_intensity REAL, prefill_flops REAL," \
"  decode_intensity REAL, decode_flops REAL," \
"  PRIMARY KEY(run_id, side, tp, pp, dp, ep));" \
/* model against measured, written by `rooflab validate --db`; \
** in_calibration: the row's chip is the one its profile was fitted on \
** and its version's rows were in that fit (in-sample), else 0; \
** out_of_sample: 1 for a row of that chip whose version borrows a \
** profile fitted on another version's rows (versions.csv's \
** fitted_version), 0 for the others (in sample, or held out: another \
** chip); version: the serving software and its \
** version ("TensorRT-LLM 0.10.0"); version, metric and out_of_sample are \
** added to databases written before them (val_store) */ \
"CREATE TABLE IF NOT EXISTS validation(" \
"  run_id INTEGER NOT NULL, id TEXT NOT NULL, chip TEXT, model TEXT," \
"  precision TEXT, isl REAL, osl REAL, tp REAL, measured REAL," \
"  modeled REAL, error REAL, in_calibration INTEGER," \
"  version TEXT, metric TEXT, out_of_sample INTEGER," \
"  PRIMARY KEY(run_id, id));" \
"CREATE TABLE IF NOT EXISTS validation_runs(" \
"  id INTEGER PRIMARY KEY, created TEXT NOT NULL, profile TEXT NOT NULL," \
"  median_abs_error REAL, p90_abs_error REAL, rows INTEGER);" \
/* the repeatability of the measurements (claim/valrepeat.h), one row per \
** pair of versions sharing cells, in validate's order (ord): the same \
** figures as validate --json's "repeatability"; adjacent 0 or 1.  \
** valstore.c adds validation_runs.repeat_pairs INTEGER (as b_default \
** above): the run's count of rows here, NULL or absent for a run written \
** before them; and validation_runs.trust TEXT: validate's trust line of \
** the run (claim/valtrust.h: each profile's leave-one-architecture-out \
** error as its [meta] held it then), NULL or absent before it; and \
** validation_runs.rows_of TEXT and measurements_file TEXT: whose rows \
** the run is over, 'shipped' (data/measurements.csv and \
** published-h100.csv; measurements_file NULL) or 'file' (validate \
** --measurements FILE, its name as given in measurements_file), as \
** validate --json's rows_of; NULL or absent for a run written before \
** them, which the report says is not recorded (never a guess) */ \
"CREATE TABLE IF NOT EXISTS validation_repeat(" \
"  run_id INTEGER NOT NULL, ord INTEGER NOT NULL, version_a TEXT," \
"  version_b TEXT, cells INTEGER, median_abs_change REAL," \
"  p90_abs_change REAL, median_change REAL, harness TEXT," \
"  adjacent INTEGER, PRIMARY KEY(run_id, ord));"

#endif
