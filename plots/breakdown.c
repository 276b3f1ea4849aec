/*
** breakdown.c: the time breakdown: for each side of a claim run and each
** phase (an iteration carrying prefill, one of decode only), the share of
** the iteration's time spent in GEMMs, attention, elementwise kernels,
** exposed communication and overheads, as stacked bars (claim_sides'
** PHASE.gemm_s .. PHASE.overhead_s, which add up to PHASE.iteration_s).
*/
#include <math.h>
#include <string.h>

#include "../config/shword.h"

#include "../model/figtext.h"
#include "kinds.h"

#define MAX_SIDES 8
#define NPARTS 5

static const char *const parts[NPARTS] = {"gemm_s", "attention_s",
                                          "elementwise_s", "communication_s",
                                          "overhead_s"};
static const char *const part_title[NPARTS] = {
	"GEMMs (linear layers)", "attention", "elementwise (norms, activations)",
	"communication (not overlapped)", "overheads (launch, scheduling)"};
static const char *const phases[2] = {"prefill", "decode"};

/* The value of claim_sides' `name` for side into *v (NAN if absent):
** RL_OK, or the failure to read it in the database at path (with err). */
static int side_value(sqlite3_stmt *st, const char *path, const char *side,
                      const char *name, double *v, char *err, size_t errlen)
{
	int rc;
	*v = NAN;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 2, side, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*v = pdb_real(st, 0);
	else if (rc != SQLITE_DONE)
		return pdb_unread(sqlite3_db_handle(st), rc, path, err, errlen);
	return RL_OK;
}

int plot_build_breakdown(sqlite3 *db, const plot_opts *o, FILE *s,
                         char *err, size_t errlen)
{
	pdb_claim c;
	sqlite3_stmt *st, *val;
	char sides[MAX_SIDES][32], labels[MAX_SIDES][160], t[1200];
	int n = 0, i, k, ph, rc, bars = 0;

	rc = plot_claim_rows(db, o, "claim_sides", "side outputs",
	                     "SELECT DISTINCT side FROM claim_sides WHERE "
	                     "run_id = ?1 ORDER BY side", &c, &st, err, errlen);
	if (rc)
		return rc;
	while (n < MAX_SIDES && sqlite3_step(st) == SQLITE_ROW) {
		pdb_text(st, 0, sides[n], sizeof sides[n]);
		if ((rc = plot_side_label(db, o->dbpath, &c, sides[n], labels[n],
		                          sizeof labels[n], err, errlen))) {
			sqlite3_finalize(st);
			return rc;
		}
		n++;
	}
	if ((rc = pdb_finish(st, o->dbpath, err, errlen)))
		return rc;
	if ((rc = pdb_prepare(db, o->dbpath, "SELECT value FROM claim_sides "
	                      "WHERE run_id = ?1 AND side = ?2 AND name = ?3",
	                      &val, err, errlen)))
		return rc;
	sqlite3_bind_int64(val, 1, c.id);
	fputs("$b << EOD\n", s);
	for (i = 0; i < n; i++)
		for (ph = 0; ph < 2; ph++) {
			double v[NPARTS], sum = 0;
			char name[64], lab[200], ms[32];
			for (k = 0; k < NPARTS; k++) {
				snprintf(name, sizeof name, "%s.%s", phases[ph], parts[k]);
				if ((rc = side_value(val, o->dbpath, sides[i], name,
				                     &v[k], err, errlen))) {
					sqlite3_finalize(val);
					return rc;
				}
				sum += v[k];
			}
			if (!(sum > 0) || !isfinite(sum))
				continue;
			/* the time by eval's rule, as eval's rows write it
			** (rl_fig_text: 24.4 ms, 100.0 ms) */
			snprintf(lab, sizeof lab, "%.31s %s: %s ms", sides[i],
			         phases[ph], rl_fig_text(ms, sizeof ms, sum * 1e3));
			gp_field(s, lab);
			for (k = 0; k < NPARTS; k++)
				fprintf(s, " %.9g", 100 * v[k] / sum);
			fputc('\n', s);
			bars++;
		}
	fputs("EOD\n", s);
	sqlite3_finalize(val);
	if (bars == 0) {
		char q[4200]; /* (the command's file as sh reads it: rl_sh_word) */
		snprintf(err, errlen, "%s: claim run %ld has no time breakdown "
		         "(claim_sides lacks prefill.gemm_s .. decode.overhead_s; "
		         "run rooflab claim --db %s again)", o->dbpath, c.id,
		         rl_sh_word(o->dbpath, "FILE", q, sizeof q));
		return RL_EINPUT;
	}
	snprintf(t, sizeof t, "Where an iteration's time goes, scenario %s "
	         "(claim run %ld)", c.scenario, c.id);
	for (i = 0; i < n; i++)
		snprintf(t + strlen(t), sizeof t - strlen(t), "\n%.31s = %.150s",
		         sides[i], labels[i]);
	fputs("set title ", s);
	gp_quote(s, t);
	fputs("\nset ylabel 'share of the iteration time (%)'\n"
	      "set yrange [0:100]\nset ytics 10\nset grid ytics\n"
	      "set style data histograms\nset style histogram rowstacked\n"
	      "set style fill solid 0.85 border rgb '#333333'\n"
	      "set boxwidth 0.6\nset xtics rotate by -20 left\n"
	      "set key below maxcols 3 width -2\n", s);
	fputs("plot ", s);
	for (k = 0; k < NPARTS; k++) {
		fprintf(s, "%s$b using %d%s lc rgb '%s' title ", k ? ", \\\n  " : "",
		        k + 2, k ? "" : ":xtic(1)", plot_color(k));
		gp_quote(s, part_title[k]);
	}
	fputc('\n', s);
	return RL_OK;
}
