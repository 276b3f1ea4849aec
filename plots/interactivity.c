/*
** interactivity.c: the interactivity plot of a claim run: for each side,
** output tokens/s per chip against output tokens/s per user (1 / TPOT), from
** its batching rows (claim_batch: system throughput and TPOT at each
** concurrency) and its chip count (the run's JSON, setup.chips), drawn as
** `rooflab plot curve` draws computed curves (curve.c).
*/
#include <math.h>
#include <string.h>

#include "curve.h"
#include "kinds.h"

#define MAX_SIDES 8
#define MAX_PTS 64

int plot_build_interactivity(sqlite3 *db, const plot_opts *o, FILE *s,
                             char *err, size_t errlen)
{
	rl_curve_point pts[MAX_SIDES][MAX_PTS]; /* 29 kB */
	plot_curve_series ser[MAX_SIDES];
	char labels[MAX_SIDES][128], cur[32] = "", t[700];
	pdb_claim c;
	sqlite3_stmt *st;
	int n = 0, rc;
	/* a side's chips: the "a" side is $.a, "b" $.b, "b_by_design" $.b_by_design */
	rc = plot_claim_rows(
	    db, o, "claim_batch", "batch rows",
	    "SELECT b.side, b.batch, b.output_tps, b.tpot_s, "
	    "json_extract(r.json, '$.' || b.side || '.setup.chips') "
	    "FROM claim_batch b JOIN claim_runs r ON r.id = b.run_id "
	    "WHERE b.run_id = ?1 AND b.batch > 0 AND b.tpot_s > 0 "
	    "ORDER BY b.side, b.batch",
	    &c, &st, err, errlen);
	if (rc)
		return rc;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char side[32];
		double chips = pdb_real(st, 4);
		rl_curve_point *p;
		pdb_text(st, 0, side, sizeof side);
		if (strcmp(side, cur)) {
			if (n == MAX_SIDES)
				break;
			snprintf(cur, sizeof cur, "%s", side);
			if ((rc = plot_side_label(db, o->dbpath, &c, side,
			                          labels[n], sizeof labels[n], err,
			                          errlen))) {
				sqlite3_finalize(st);
				return rc;
			}
			ser[n].label = labels[n];
			ser[n].pts = pts[n];
			ser[n].n = 0;
			n++;
		}
		/* log axes: a point not positive and finite on both (a
		** database altered by hand) is left out, as pareto and heatmap
		** leave theirs; gnuplot failed where it carried a label */
		if (ser[n - 1].n == MAX_PTS || !(chips >= 1) ||
		    !(pdb_real(st, 2) > 0 && isfinite(pdb_real(st, 2))) ||
		    !isfinite(pdb_real(st, 3)) || !isfinite(pdb_real(st, 1)))
			continue;
		p = &pts[n - 1][ser[n - 1].n++];
		memset(p, 0, sizeof *p);
		p->concurrency = pdb_real(st, 1);
		p->tpot_s = pdb_real(st, 3);
		p->tps_per_user = 1 / p->tpot_s;
		p->output_tps = pdb_real(st, 2);
		p->output_tps_per_chip = p->output_tps / chips;
	}
	if ((rc = pdb_finish(st, o->dbpath, err, errlen)))
		return rc;
	while (n > 0 && ser[n - 1].n == 0)
		n--;
	if (n == 0)
		return plot_no_rows(o, c.id, "claim_batch",
		                    "batch rows with a TPOT and a chip count", err,
		                    errlen);
	snprintf(t, sizeof t, "Interactivity: output tokens/s per chip against "
	         "tokens/s per user\n%s vs %s, scenario %s (claim run %ld)",
	         c.a_label, c.b_label, c.scenario, c.id);
	plot_curve_data(s, ser, n, t);
	return RL_OK;
}
