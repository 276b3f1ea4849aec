/*
** mkplotdb.c: write a small database for the plot and report tests, built
** by hand on the contract in claim/schema.h (the tables `rooflab claim`
** and `rooflab validate` write) and a minimal sweep `results` table.  The
** numbers are made up for drawing; no test checks them against the model.
**   usage: mkplotdb FILE full|empty|sweep
**     full:  a claim run, a validation run and a sweep
**     empty: the claim tables with no run in them
**     sweep: only a sweep
** Built by tests/cli_plot.sh with cc and SQLite; not part of rooflab.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "../../claim/schema.h"

static int exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "mkplotdb: %s\n  in: %.200s\n", msg, sql);
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int claim(sqlite3 *db)
{
	char sql[512];
	int i;
	/* speedup 17.5 = product of the factors below (2.5*1.4*2*2.5) */
	if (exec(db, "INSERT INTO claim_runs VALUES(1, '2026-11-22T00:00:00Z', "
	         "'0.1.0', 'abc1234', '8x H100 SXM', '8x Sohu (by design)', "
	         "'etched-bench', 20, 17.5, 9.1, '{}');"
	         "INSERT INTO claim_factors VALUES(1, 1, 'peak compute', 2.5),"
	         "(1, 2, 'utilization', 1.4), (1, 3, 'memory bandwidth', 2.0),"
	         "(1, 4, 'memory capacity and batching', 2.5),"
	         "(1, 5, 'power limit', 1.0);"
	         "INSERT INTO claim_solve VALUES"
	         "(1, 'b.chip.hbm_tbps', 20, 7.5, 1, 'reached at 7.5 TB/s'),"
	         "(1, 'b.design.frac_mac', 20, NULL, 0, 'upper bound 1 stops "
	         "it: speedup 18.9 at 1');"
	         "INSERT INTO claim_must VALUES"
	         "(1, 0, 'together', '', '20x needs about 9.0-11.5 PFLOPS FP8 "
	         "per chip at 90% utilization'),"
	         "(1, 1, 'one', 'b.chip.hbm_tbps', '20x needs at least 7.5 TB/s "
	         "of HBM bandwidth per chip'),"
	         "(1, 2, 'one', 'b.design.frac_mac', 'share of the die in MAC "
	         "arrays cannot reach 20x: even at 100%, it gives 18.9x');"
	         "INSERT INTO claim_mc VALUES(1, 100000, 42, 11.2, 16.8, 24.9, "
	         "0.23, 0.04);"
	         "INSERT INTO claim_tornado VALUES"
	         "(1, 'b.chip.hbm_tbps', 4.8, 8, 14.0, 21.0),"
	         "(1, 'b.design.frac_mac', 0.3, 0.7, 12.5, 19.0),"
	         "(1, 'a.profile.gemm_eff', 0.5, 0.8, 22.0, 14.5),"
	         "(1, 'b.power.hbm_pj_per_bit', 3.9, 6, 17.6, 17.4),"
	         "(1, 'b.chip.link_gbps', 100, 900, 17.5, 17.50001);"
	         /* Sohu by design (schema version 2): its Monte Carlo and
	         ** tornado; side b's stay in claim_mc and claim_tornado
	         ** alone, as a version 1 file holds them */
	         "INSERT INTO claim_sides VALUES(1, 'b_by_design', "
	         "'setup.label', NULL, 'Sohu derived');"
	         "INSERT INTO claim_mc_summary VALUES(1, 'b_by_design', 1000, "
	         "7, 9.5, 11.0, 14.0, 0.012, 0.05, 10, 0, 5, 35, 50, 12.0, "
	         "0.7);"
	         "INSERT INTO claim_tornado_sides VALUES"
	         "(1, 'b_by_design', 0, 'b.design.frac_mac', 0.1, 0.4, '', 8.0, "
	         "15.0),"
	         "(1, 'b_by_design', 1, 'b.chip.tdp_w', 500, 1000, 'W', 10.0, "
	         "14.4),"
	         "(1, 'b_by_design', 2, 'b.design.clock_ghz', 1, 1.83, 'GHz', "
	         "12.0, 12.004);"
	         "INSERT INTO claim_claims VALUES"
	         "(1, 1, '20x faster than H100', 'Etched blog', '17.5x', "
	         "'not supported'),"
	         "(1, 2, 'H100: 3.3% of transistors do matrix math', "
	         "'Etched blog', '3.4%', 'supported'),"
	         "(1, 3, '<b>one chip</b> & 100T parameters', 'seed 001', "
	         "'200 TB needed vs 144 GB', 'false');"
	         "INSERT INTO claim_assumptions VALUES"
	         "(1, 'b', 'chip.hbm_tbps', 6.0e12, 'B/s', 4.8e12, 8e12, "
	         "'ASSUMPTION: third-party guesses 4.8 or 6.03 TB/s'),"
	         "(1, 'b', 'chip.hbm_gb', 144e9, 'B', 144e9, 144e9, "
	         "'seed articles'),"
	         "(1, 'a', 'chip.hbm_tbps', 3.35e12, 'B/s', NULL, NULL, "
	         "'NVIDIA H100 datasheet');"
	         "INSERT INTO claim_roofline VALUES"
	         "(1, 'a', '8x H100 SXM', 989e12, 3.35e12, 250, 700e12, 30, "
	         "100e12, 450e9, 4000, 300),"
	         "(1, 'b', '8x Sohu (by design)', 2250e12, 6e12, 300, 1900e12, "
	         "120, 700e12, 450e9, 8000, 2500);"
	         "INSERT INTO claim_sides VALUES"
	         "(1, 'a', 'throughput.total_tokens_per_s', 23000, NULL),"
	         "(1, 'b', 'throughput.total_tokens_per_s', 402500, NULL),"
	         "(1, 'a', 'cost.chip_price_usd', 33625, NULL),"
	         "(1, 'a', 'cost.usd_per_million_tokens_at_price', 1.68, NULL),"
	         "(1, 'a', 'cost.chip_cost_usd', 3513, NULL),"
	         "(1, 'a', 'cost.usd_per_million_tokens_at_cost', 0.263, NULL),"
	         "(1, 'b', 'cost.chip_price_usd', 30000, NULL),"
	         "(1, 'b', 'cost.usd_per_million_tokens_at_price', NULL, NULL);"))
		return -1;
	for (i = 0; i < 10; i++) {
		double b = pow(2, i);
		snprintf(sql, sizeof sql, "INSERT INTO claim_batch VALUES"
		         "(1, 'a', %g, %g, %g, %g), (1, 'b', %g, %g, %g, %g);",
		         b, 40 * b / (1 + b / 64), 640 * b / (1 + b / 64),
		         0.02 * (1 + b / 64), b, 300 * b / (1 + b / 128),
		         4800 * b / (1 + b / 128), 0.005 * (1 + b / 128));
		if (exec(db, sql))
			return -1;
	}
	/* samples: a deterministic spread around 17 (no RNG needed) */
	for (i = 0; i < 500; i++) {
		double u = (i + 0.5) / 500;
		snprintf(sql, sizeof sql, "INSERT INTO claim_mc_samples VALUES"
		         "(1, %d, %g, %d);", i, 17 * exp(0.25 * tan(3.0 * (u - 0.5))),
		         i % 25 == 0);
		if (exec(db, sql))
			return -1;
	}
	return 0;
}

static int validation(sqlite3 *db)
{
	return exec(db, "INSERT INTO validation_runs VALUES(1, "
	            "'2026-11-22T00:00:00Z', 'trtllm-0.10', 0.08, 0.19, 4);"
	            "INSERT INTO validation VALUES"
	            "(1, 'h100-128-128', 'h100-sxm', 'llama3-70b', 'fp8', 128, "
	            "128, 2, 5835.57, 6100, 0.045, 1, 'TensorRT-LLM 0.10.0', "
	            "'output_tokens_per_s', 0),"
	            "(1, 'h100-2048-128', 'h100-sxm', 'llama3-70b', 'fp8', 2048, "
	            "128, 2, 751.14, 690, -0.081, 1, 'TensorRT-LLM 0.11.0', "
	            "'output_tokens_per_s', 0),"
	            "(1, 'a100-128-128', 'a100-sxm', 'llama3-70b', 'fp16', 128, "
	            "128, 4, 2100, 2600, 0.238, 0, 'TensorRT-LLM 0.10.0', "
	            "'output_tokens_per_s', 0),"
	            "(1, 'h200-128-2048', 'h200-sxm', 'llama3-70b', 'fp8', 128, "
	            "2048, 1, 3200, 3050, -0.047, 0, 'TensorRT-LLM 0.10.0', "
	            "'output_tokens_per_s', 0);");
}

static int sweep(sqlite3 *db)
{
	char sql[512];
	int i, j;
	if (exec(db, "CREATE TABLE results(run_id INTEGER, design_frac_mac "
	         "REAL, chip_hbm_tbps REAL, speedup_total_tokens REAL, "
	         "throughput_output_tokens_per_s REAL, power_watts REAL);"))
		return -1;
	/* speedup grows with both axes and crosses 20 inside the grid */
	for (i = 0; i < 6; i++)
		for (j = 0; j < 5; j++) {
			double f = 0.2 + 0.1 * i, b = 4 + j;
			double s = 5 * (f / 0.2) * sqrt(b / 4);
			snprintf(sql, sizeof sql, "INSERT INTO results VALUES(1, %g, "
			         "%g, %g, %g, %g);", f, b, s, 1500 * s,
			         300 + 900 * f + 40 * b);
			if (exec(db, sql))
				return -1;
		}
	return 0;
}

int main(int argc, char **argv)
{
	sqlite3 *db;
	int rc = 0;
	if (argc != 3) {
		fprintf(stderr, "usage: mkplotdb FILE full|empty|sweep\n");
		return 2;
	}
	remove(argv[1]);
	if (sqlite3_open(argv[1], &db) != SQLITE_OK) {
		fprintf(stderr, "mkplotdb: cannot open %s\n", argv[1]);
		return 1;
	}
	rc = exec(db, "BEGIN");
	if (!rc && strcmp(argv[2], "sweep"))
		rc = exec(db, RL_CLAIM_SCHEMA_SQL);
	if (!rc && !strcmp(argv[2], "full"))
		rc = claim(db) || validation(db);
	if (!rc && (!strcmp(argv[2], "full") || !strcmp(argv[2], "sweep")))
		rc = sweep(db);
	if (!rc)
		rc = exec(db, "COMMIT");
	sqlite3_close(db);
	return rc ? 1 : 0;
}
