/*
** merge.c: merging shard databases (merge.h).  The shards are read in
** parallel cursors ordered by idx and written through a heap in global
** index order, so that the merged file has the rows of an unsharded run in
** the same order.
*/
#include "merge.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "points.h"
#include "spec.h"
#include "stop.h"
#include "../config/dbfile.h"
#include "../config/shword.h"
#include "../model/status.h"
#include "../config/tmpfile.h"
#include "celltext.h"
#include "store.h"
#include "../model/utf8.h"

typedef struct {
	sqlite3 *db;       /* owned by parts[part] */
	int part;
	int64_t id;
	char hash[17];
	int64_t shard, shards, points, next_idx;
	int finished;
	char started[32], finished_at[32];
	char version[64], git_rev[64]; /* the build that wrote it */
	char spec_path[1024];
	sqlite3_stmt *cur; /* rows in idx order */
	int64_t idx;       /* current row's idx */
} shard_run;

typedef struct {
	const char *const *paths;
	int nparts;
	sqlite3 **dbs;
	shard_run *runs;
	int nruns;
	int bad;           /* the part a read failed on while writing, or -1 */
	int dup;           /* the part whose point another part holds too, or -1 */
	int64_t dup_run, dup_idx;
	int typed;         /* the part a point's number column held text in, or -1 */
	int64_t typed_run, typed_idx;
	char typed_col[64], typed_type[16];
	int typed_text;    /* its column a text one: the RL_CELL_TEXT_* */
	char typed_quote[RL_UTF8_QUOTE_MAX + 64]; /* and its value, quoted */
	int stopped;       /* a SIGINT or SIGTERM stopped the copy (stop.h) */
	long long copied;  /* points written to the merged run */
	int dropped_known; /* every part's count of points its filter dropped
	                   ** is known and adds up (part_dropped): dropped,
	                   ** their sum, is the merged run's */
	uint64_t dropped;
	int unanswered_known; /* and so are their counts of those the filter
	                      ** could not answer (store.h), summed here */
	uint64_t unanswered[RL_STORE_UNANSWERED];
	int allow_mixed;   /* --allow-mixed-builds: parts of other builds too */
	int builds;        /* the parts' builds (version, git_rev), counted */
	int mixed_version, mixed_rev; /* the parts' version, git_rev differ */
} merge_ctx;

static void ctx_free(merge_ctx *m)
{
	int i;
	for (i = 0; i < m->nruns; i++)
		sqlite3_finalize(m->runs[i].cur);
	for (i = 0; i < m->nparts; i++)
		if (m->dbs[i])
			sqlite3_close(m->dbs[i]);
	free(m->runs);
	free(m->dbs);
}

/* A text column, "" for NULL (a crafted shard may hold NULL anywhere). */
static const char *text_of(sqlite3_stmt *st, int k)
{
	const unsigned char *t = sqlite3_column_text(st, k);
	return t ? (const char *)t : "";
}

/* Run run_id of the part's row (runs), every text cell checked by the
** rule export checks the run's row by (rl_cell_text_fault; export.c,
** check_run_row) before anything is merged: a runs.version, chip or
** profile_fit edited to hold an ESC, a C1 or a bidirectional control
** merged with exit 0, and export of the merged file then refused it
** (small82).  spec and spec_path are the user's, as export writes them
** escaped: a control or a byte of no UTF-8 there merges, a blob or a NUL
** (which sweep never stores) does not.  0, or RL_EINPUT / the read's exit
** with err naming the part, run, column and value. */
static int run_row_fault(const merge_ctx *m, int part, sqlite3_int64 run_id,
                         char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int fault = 0;
	int rc = sqlite3_prepare_v2(m->dbs[part],
	                            "SELECT * FROM runs WHERE id = ?1", -1, &st,
	                            NULL);
	if (rc != SQLITE_OK) {
		rl_store_error(m->dbs[part], rc, m->paths[part], err, errlen);
		return rl_db_exit(rc);
	}
	sqlite3_bind_int64(st, 1, run_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		fault = rl_cell_run_row_fault(st, m->paths[part], (long long)run_id,
		                              "refusing to merge a crafted or "
		                              "altered shard", err, errlen);
	sqlite3_finalize(st);
	if (fault)
		return RL_EINPUT;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		rl_store_error(m->dbs[part], rc, m->paths[part], err, errlen);
		return rl_db_exit(rc);
	}
	return 0;
}

static int read_runs(merge_ctx *m, int part, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc, before = m->nruns;
	rc = sqlite3_prepare_v2(
	    m->dbs[part],
	    "SELECT id, spec_hash, shard_index, shard_count, points, next_idx,"
	    " finished IS NOT NULL, started, coalesce(finished, ''), version,"
	    " git_rev, spec_path, typeof(shard_index), typeof(shard_count),"
	    " typeof(points), typeof(next_idx) FROM runs"
	    " WHERE id IN (SELECT max(id) FROM runs GROUP BY spec_hash,"
	    " shard_index, shard_count) ORDER BY id", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		rl_store_error(m->dbs[part], rc, m->paths[part], err, errlen);
		return rl_db_exit(rc);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		shard_run *r;
		shard_run *grown = realloc(m->runs, (size_t)(m->nruns + 1) *
		                                        sizeof *m->runs);
		if (!grown) {
			sqlite3_finalize(st);
			snprintf(err, errlen, "out of memory");
			return RL_EINTERNAL;
		}
		m->runs = grown;
		/* rooflab writes a 16-digit hash, timestamps of 20-odd
		** characters and a short version and git revision: a longer
		** text (a database changed by hand) is
		** refused, where cut it could match another spec's hash */
		{
			static const struct {
				int col;
				const char *name;
				size_t cap;
			} texts[] = {{1, "spec_hash", sizeof r->hash},
			             {7, "started", sizeof r->started},
			             {8, "finished", sizeof r->finished_at},
			             {9, "version", sizeof r->version},
			             {10, "git_rev", sizeof r->git_rev},
			             {11, "spec_path", sizeof r->spec_path}};
			size_t k;
			for (k = 0; k < sizeof texts / sizeof texts[0]; k++) {
				const char *t = text_of(st, texts[k].col);
				long bad = rl_utf8_bad(t);
				/* the hash, times and build rooflab writes are ASCII:
				** bytes that are no UTF-8 (a blob put there by hand)
				** went into the merged file's run_parts and the
				** messages as they were; the spec's path is the file
				** system's, whatever its bytes */
				if (bad >= 0 && texts[k].col != 11) {
					snprintf(err, errlen, "%s: run %lld: %s holds a byte "
					         "(0x%02X, byte %ld) that begins no UTF-8 "
					         "character, where rooflab writes text; "
					         "refusing to merge a crafted or altered "
					         "shard", m->paths[part],
					         (long long)sqlite3_column_int64(st, 0),
					         texts[k].name, (unsigned)(unsigned char)t[bad],
					         bad + 1);
					sqlite3_finalize(st);
					return RL_EINPUT;
				}
				if (strlen(t) >= texts[k].cap) {
					char size[64];
					snprintf(err, errlen, "%s: run %lld: %s of %s; "
					         "rooflab writes at most %zu bytes",
					         m->paths[part],
					         (long long)sqlite3_column_int64(st, 0),
					         texts[k].name,
					         rl_utf8_bytes(t, strlen(t), size, sizeof size),
					         texts[k].cap - 1);
					sqlite3_finalize(st);
					return RL_EINPUT;
				}
			}
		}
		/* the counts rooflab writes as whole numbers: text, a real or
		** NULL (a database changed by hand) is refused, where it was
		** read as 0 or cut to a whole number and copied as it stood
		** (runs.points 'x' merged as a run of 'x' points, "8 points
		** stored of the 0") */
		{
			static const char *const counts[] = {"shard_index",
			                                     "shard_count", "points",
			                                     "next_idx"};
			size_t k;
			for (k = 0; k < 4; k++)
				if (strcmp(text_of(st, 12 + (int)k), "integer")) {
					snprintf(err, errlen, "%s: run %lld: runs.%s holds "
					         "%s, not a whole number as rooflab writes "
					         "it; refusing to merge a crafted or altered "
					         "shard", m->paths[part],
					         (long long)sqlite3_column_int64(st, 0),
					         counts[k], text_of(st, 12 + (int)k));
					sqlite3_finalize(st);
					return RL_EINPUT;
				}
			/* and a count of points, or the next one, below 0 (-2^63
			** merged as "8 points stored of the -9223372036854775808") */
			for (k = 2; k < 4; k++)
				if (sqlite3_column_int64(st, 2 + (int)k) < 0) {
					snprintf(err, errlen, "%s: run %lld: runs.%s is %lld, "
					         "below 0; refusing to merge a crafted or "
					         "altered shard", m->paths[part],
					         (long long)sqlite3_column_int64(st, 0),
					         counts[k],
					         (long long)sqlite3_column_int64(st, 2 + (int)k));
					sqlite3_finalize(st);
					return RL_EINPUT;
				}
		}
		{
			int bad = run_row_fault(m, part, sqlite3_column_int64(st, 0),
			                        err, errlen);
			if (bad) {
				sqlite3_finalize(st);
				return bad;
			}
		}
		r = &m->runs[m->nruns++];
		memset(r, 0, sizeof *r);
		r->db = m->dbs[part];
		r->part = part;
		r->id = sqlite3_column_int64(st, 0);
		snprintf(r->hash, sizeof r->hash, "%s", text_of(st, 1));
		r->shard = sqlite3_column_int64(st, 2);
		r->shards = sqlite3_column_int64(st, 3);
		r->points = sqlite3_column_int64(st, 4);
		r->next_idx = sqlite3_column_int64(st, 5);
		r->finished = sqlite3_column_int(st, 6);
		snprintf(r->started, sizeof r->started, "%s", text_of(st, 7));
		snprintf(r->finished_at, sizeof r->finished_at, "%s",
		         text_of(st, 8));
		snprintf(r->version, sizeof r->version, "%s", text_of(st, 9));
		snprintf(r->git_rev, sizeof r->git_rev, "%s", text_of(st, 10));
		snprintf(r->spec_path, sizeof r->spec_path, "%s",
		         text_of(st, 11));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rl_store_error(m->dbs[part], rc, m->paths[part], err, errlen);
		return rl_db_exit(rc);
	}
	if (m->nruns == before) {
		snprintf(err, errlen, "%s holds no sweep runs", m->paths[part]);
		return RL_EINPUT;
	}
	return 0;
}

/* The part's count of points its [filter] dropped into *dropped: 0, or -1
** when it is not known (rl_store_run_dropped) or does not add up with the
** part's rows to its shard's points (a complete part holds each point or
** dropped it): a count edited by hand (2^63 - 1, or one more than the
** filter dropped) is not summed as if it were known, nor overflows the
** sum; or an rl_status when the rows cannot be counted. */
static int part_dropped(const merge_ctx *m, const shard_run *r,
                        uint64_t *dropped, char *err, size_t errlen)
{
	uint64_t have, want;
	char why[512];
	int rc;
	if (!rl_store_run_dropped(r->db, r->id, dropped) || r->shards <= 0 ||
	    r->shard < 0 || r->shard >= r->shards || r->points < 0)
		return -1;
	want = rl_sweep_shard_points((uint64_t)r->points, (uint64_t)r->shard,
	                             (uint64_t)r->shards);
	rc = rl_store_count_range(r->db, r->id, (uint64_t)r->shard,
	                          (uint64_t)r->shards, 0, (uint64_t)r->points,
	                          &have, why, sizeof why);
	if (rc) {
		snprintf(err, errlen, "%s: %s", m->paths[r->part], why);
		return rc;
	}
	return *dropped <= want && have == want - *dropped ? 0 : -1;
}

/* Append text to buf (cap bytes, *used of them taken) while it fits
** with room for ", ..."; 0 once it did not (the list is then ended with
** ", ..." by list_end), so a list is cut at a whole item. */
static int list_add(char *buf, size_t cap, size_t *used, int *cut,
                    const char *text)
{
	size_t n = strlen(text);
	if (*cut)
		return 0;
	if (*used + n + 6 >= cap) {
		*cut = 1;
		return 0;
	}
	memcpy(buf + *used, text, n + 1);
	*used += n;
	return 1;
}

static void list_end(char *buf, size_t cap, size_t *used, int cut)
{
	if (cut && *used + 6 < cap) {
		memcpy(buf + *used, ", ...", 6);
		*used += 5;
	}
}

/* Does part hold a run (a shard) of the spec with this hash? */
static const shard_run *part_run_of(const merge_ctx *m, int part,
                                    const char *hash)
{
	int i;
	for (i = 0; i < m->nruns; i++)
		if (m->runs[i].part == part && !strcmp(m->runs[i].hash, hash))
			return &m->runs[i];
	return NULL;
}

/* The distinct specs among the runs read, by hash, each as the index of
** its first run (ascending) into first[]; returns how many. */
static int distinct_specs(const merge_ctx *m, int *first)
{
	int i, j, n = 0;
	for (i = 0; i < m->nruns; i++) {
		for (j = 0; j < n && strcmp(m->runs[first[j]].hash,
		                            m->runs[i].hash); j++)
			;
		if (j == n)
			first[n++] = i;
	}
	return n;
}

/* "HASH (SPEC_PATH, PART run R)" of run r into buf. */
static void spec_item(const merge_ctx *m, const shard_run *r, char *buf,
                      size_t cap, const char *sep)
{
	snprintf(buf, cap, "%s%s (%s, %s run %lld)", sep, r->hash,
	         r->spec_path[0] ? r->spec_path : "no path", m->paths[r->part],
	         (long long)r->id);
}

/* Keep the runs of one spec: the one `spec` names (its hash, or a prefix
** of it that no other spec's hash has), or, without it, the one spec every
** part holds a run of.  A file holds many runs, so a part may hold runs
** of other specs besides its shard; only a choice that is not unique (no
** spec in every part, or more than one) is refused, naming the specs. */
static int choose_spec(merge_ctx *m, const char *spec, char *err,
                       size_t errlen)
{
	int *first = malloc((size_t)m->nruns * sizeof *first);
	int nspecs, i, p, k, n = 0, chosen = -1, cut = 0;
	char list[1400], item[6144];
	size_t used = 0;
	if (!first) {
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	list[0] = '\0';
	nspecs = distinct_specs(m, first);
	for (i = 0; i < nspecs; i++) {
		const char *h = m->runs[first[i]].hash;
		int in_all = 1;
		if (spec) {
			if (strncmp(h, spec, strlen(spec)))
				continue;
		} else {
			for (p = 0; p < m->nparts && in_all; p++)
				in_all = part_run_of(m, p, h) != NULL;
			if (!in_all)
				continue;
		}
		spec_item(m, &m->runs[first[i]], item, sizeof item,
		          n ? ", " : "");
		list_add(list, sizeof list, &used, &cut, item);
		chosen = first[i];
		n++;
	}
	list_end(list, sizeof list, &used, cut);
	if (n > 1) {
		if (spec)
			snprintf(err, errlen, "--spec %s matches %d sweep specs: %s; "
			         "give more of its digits", spec, n, list);
		else
			snprintf(err, errlen, "every part holds runs of %d sweep "
			         "specs: %s; choose the one to merge with --spec HASH "
			         "(its first digits will do)", n, list);
		free(first);
		return RL_EINPUT;
	}
	if (n == 0) {
		/* say what each part holds */
		used = 0;
		cut = 0;
		list[0] = '\0';
		for (p = 0; p < m->nparts; p++)
			for (i = 0, k = 0; i < nspecs; i++) {
				const shard_run *r = part_run_of(m, p,
				                                 m->runs[first[i]].hash);
				if (!r)
					continue;
				if (k++ == 0)
					snprintf(item, sizeof item, "%s%s holds %s (%s, run "
					         "%lld)", p ? "; " : "", m->paths[p], r->hash,
					         r->spec_path[0] ? r->spec_path : "no path",
					         (long long)r->id);
				else
					snprintf(item, sizeof item, ", %s (%s, run %lld)",
					         r->hash, r->spec_path[0] ? r->spec_path
					                                  : "no path",
					         (long long)r->id);
				list_add(list, sizeof list, &used, &cut, item);
			}
		list_end(list, sizeof list, &used, cut);
		if (spec)
			snprintf(err, errlen, "--spec %s is no sweep spec the parts "
			         "hold: %s", spec, list);
		else {
			/* one spec file of two hashes: the same path resolved
			** otherwise (a preset edited, or a section naming no
			** profile that took ideal before 2026-11-29 and takes the
			** chip's default since) */
			const char *same = NULL;
			int builds = 0; /* the two runs of one path: two builds */
			for (i = 0; i < nspecs && !same; i++)
				for (k = i + 1; k < nspecs && !same; k++)
					if (m->runs[first[i]].spec_path[0] &&
					    !strcmp(m->runs[first[i]].spec_path,
					            m->runs[first[k]].spec_path)) {
						const shard_run *x = &m->runs[first[i]];
						const shard_run *y = &m->runs[first[k]];
						same = x->spec_path;
						builds = strcmp(x->version, y->version) ||
						         strcmp(x->git_rev, y->git_rev);
					}
			if (same)
				snprintf(err, errlen, "no sweep spec is in every part "
				         "(%s): the parts come from different sweep specs, "
				         "or %.*s resolved otherwise between them (a "
				         "preset it reads edited, or a [base] or [baseline] "
				         "naming no profile, which took ideal before "
				         "2026-11-29 and takes the chip's default since: "
				         "runs.profile)%s; refusing to merge them", list,
				         rl_utf8_cut(same, 200), same, builds
				         ? ", or was hashed otherwise by the two rooflab "
				           "builds that wrote them (runs.version, "
				           "runs.git_rev; before 2026-11-30 the hash took "
				           "the configuration's bytes)" : "");
			else
				snprintf(err, errlen, "no sweep spec is in every part "
				         "(%s): the parts come from different sweep specs; "
				         "refusing to merge them", list);
		}
		free(first);
		return RL_EINPUT;
	}
	free(first);
	if (spec)
		for (p = 0; p < m->nparts; p++)
			if (!part_run_of(m, p, m->runs[chosen].hash)) {
				snprintf(err, errlen, "%s holds no run of sweep spec %s "
				         "(%s); refusing to merge it", m->paths[p],
				         m->runs[chosen].hash,
				         m->runs[chosen].spec_path[0]
				             ? m->runs[chosen].spec_path
				             : "no path");
				return RL_EINPUT;
			}
	/* keep the chosen spec's runs, in the order read */
	{
		char hash[sizeof m->runs[0].hash];
		memcpy(hash, m->runs[chosen].hash, sizeof hash);
		for (i = 0, k = 0; i < m->nruns; i++)
			if (!strcmp(m->runs[i].hash, hash))
				m->runs[k++] = m->runs[i];
		m->nruns = k;
	}
	return 0;
}

/* A point of run r whose idx or status is no whole number (text, a real,
** NULL: a database changed by hand), whose status is none of the codes
** rooflab writes (0 to RL_STORE_STATUS_MAX: 7, -1), or whose idx
** lies outside the run's points: 0 where there is none (a point of
** another shard is counted missing from its own by rl_store_run_missing_rows, or held twice), else RL_EINPUT with err
** (or the rl_status of a failed read).  idx 0.5 was counted as point 0 by
** idx % N and copied as 0.5, a merged run "complete" without its point
** 0. */
static int part_points_typed(const merge_ctx *m, const shard_run *r,
                             char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;
	rc = sqlite3_prepare_v2(
	    r->db, "SELECT quote(idx), typeof(idx), typeof(status), "
	    "quote(status), status BETWEEN 0 AND ?3 FROM points"
	    " WHERE run_id = ?1 AND (typeof(idx) != 'integer' OR"
	    " typeof(status) != 'integer' OR status NOT BETWEEN 0 AND ?3 OR"
	    " idx < 0 OR idx >= ?2) LIMIT 1",
	    -1, &st, NULL);
	if (rc != SQLITE_OK) {
		rl_store_error(r->db, rc, m->paths[r->part], err, errlen);
		return rl_db_exit(rc);
	}
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_int64(st, 2, r->points);
	sqlite3_bind_int(st, 3, RL_STORE_STATUS_MAX);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		char idx[RL_CELL_QUOTE_LEN], q[RL_CELL_QUOTE_LEN];
		int typed = !strcmp(text_of(st, 1), "integer");
		/* the values as export names them: "holds 'ok' (text)" (SQL's
		** quote()), a long one cut visibly at a whole character, its
		** size said (rl_cell_sql_quote: cut into the buffer, it lost
		** its closing quote and any sign of the cut) */
		rl_cell_sql_quote(text_of(st, 0), idx, sizeof idx);
		rl_cell_sql_quote(text_of(st, 3), q, sizeof q);
		if (typed && strcmp(text_of(st, 2), "integer"))
			snprintf(err, errlen, "%s: run %lld: point %s's points.status "
			         "holds %s (%s), not a whole number as rooflab writes "
			         "it; refusing to merge a crafted or altered shard",
			         m->paths[r->part], (long long)r->id, idx, q,
			         text_of(st, 2));
		else if (typed && !sqlite3_column_int(st, 4))
			snprintf(err, errlen, "%s: run %lld: point %s's points.status "
			         "holds %s, not one of the codes rooflab writes (0 to "
			         "%d: sweeps/README.md, Status and NULL); refusing to "
			         "merge a crafted or altered shard", m->paths[r->part],
			         (long long)r->id, idx, q, RL_STORE_STATUS_MAX);
		else if (typed)
			snprintf(err, errlen, "%s: run %lld: points.idx %s is not "
			         "one of its %lld points (0 to %lld); refusing to merge "
			         "a crafted or altered shard", m->paths[r->part],
			         (long long)r->id, idx, (long long)r->points,
			         (long long)r->points - 1);
		else
			snprintf(err, errlen, "%s: run %lld: points.idx holds %s (%s), "
			         "not a whole number as rooflab writes it; refusing to "
			         "merge a crafted or altered shard", m->paths[r->part],
			         (long long)r->id, text_of(st, 1), idx);
		sqlite3_finalize(st);
		return RL_EINPUT;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rl_store_error(r->db, rc, m->paths[r->part], err, errlen);
		return rl_db_exit(rc);
	}
	return 0;
}

/* "I/N (PATH run ID, D of its P points done)" of a shard not finished,
** after the first, onto more (used bytes so far); ", ..." once full. */
static void open_more(char *more, size_t len, size_t *used, merge_ctx *m,
                      const shard_run *r)
{
	uint64_t all = r->points > 0 ? (uint64_t)r->points : 0;
	uint64_t next = r->next_idx > 0 ? (uint64_t)r->next_idx : 0;
	uint64_t mine = rl_sweep_shard_points(all, (uint64_t)r->shard,
	                                      (uint64_t)r->shards);
	char one[600];
	int n = snprintf(one, sizeof one, "%s%lld/%lld (%s run %lld, %llu of "
	                 "its %llu point%s done)", *used ? ", " : "",
	                 (long long)r->shard, (long long)r->shards,
	                 m->paths[r->part], (long long)r->id,
	                 (unsigned long long)rl_sweep_shard_points(
	                     next < all ? next : all, (uint64_t)r->shard,
	                     (uint64_t)r->shards),
	                 (unsigned long long)mine, mine == 1 ? "" : "s");
	if (*used == (size_t)-1)
		return; /* already cut */
	if (n < 0 || (size_t)n >= sizeof one || *used + (size_t)n + 6 > len) {
		snprintf(more + *used, len - *used, ", ...");
		*used = (size_t)-1;
		return;
	}
	memcpy(more + *used, one, (size_t)n + 1);
	*used += (size_t)n;
}

static int check_runs(merge_ctx *m, char *err, size_t errlen)
{
	const shard_run *a = &m->runs[0];
	int i, j, rc;
	size_t used = 0;
	uint64_t lack;
	char missing[512] = "", more[1024] = "";
	size_t mused = 0;
	int nopen = 0;
	m->dropped_known = 1;
	m->dropped = 0;
	m->unanswered_known = 1;
	memset(m->unanswered, 0, sizeof m->unanswered);
	for (i = 0; i < m->nruns; i++) {
		const shard_run *r = &m->runs[i];
		uint64_t dropped;
		if ((strcmp(r->version, a->version) ||
		     strcmp(r->git_rev, a->git_rev)) && !m->allow_mixed) {
			/* a point's numbers depend on the build as well as the
			** spec: parts of two builds would merge into one run
			** that records one build; with --allow-mixed-builds they
			** do, the run's build "mixed" and each shard's kept in
			** run_parts (write_parts).  Said as a user reads it (sweeps77):
			** what differs first, the version or the git revision or
			** both, the other said the same, and what the option does,
			** where it gave both builds whole for the reader to compare
			** ("rooflab 0.1.0 (git 3c4cd091) and ... rooflab 0.1.0 (git
			** 3c4cd091-dirty-0000aaaa)") */
			int vdiff = strcmp(r->version, a->version) != 0;
			int gdiff = strcmp(r->git_rev, a->git_rev) != 0;
			char what[400];
			if (!vdiff)
				snprintf(what, sizeof what, "git revision %s and %s (both "
				         "rooflab %s)", a->git_rev, r->git_rev, a->version);
			else if (!gdiff)
				snprintf(what, sizeof what, "rooflab %s and %s (both git "
				         "revision %s)", a->version, r->version,
				         a->git_rev);
			else
				snprintf(what, sizeof what, "rooflab %s (git revision %s) "
				         "and rooflab %s (git revision %s)", a->version,
				         a->git_rev, r->version, r->git_rev);
			snprintf(err, errlen, "%s run %lld and %s run %lld were written "
			         "by different rooflab builds, %s: their points may "
			         "differ by build; refusing to merge them (run every "
			         "shard with one build, or pass --allow-mixed-builds to "
			         "merge them all the same: the merged run's %s then "
			         "reads 'mixed', and its table run_parts gives each "
			         "shard's build)", m->paths[a->part], (long long)a->id,
			         m->paths[r->part], (long long)r->id, what,
			         vdiff && gdiff ? "version and git_rev"
			         : vdiff ? "version" : "git_rev");
			return RL_EINPUT;
		}
		m->mixed_version |= strcmp(r->version, a->version) != 0;
		m->mixed_rev |= strcmp(r->git_rev, a->git_rev) != 0;
		for (j = 0; j < i; j++)
			if (!strcmp(m->runs[j].version, r->version) &&
			    !strcmp(m->runs[j].git_rev, r->git_rev))
				break;
		m->builds += j == i; /* a build no earlier run had */
		if (r->shards != a->shards) {
			snprintf(err, errlen, "%s run %lld is shard %lld/%lld but %s run "
			         "%lld is shard %lld/%lld: different shardings",
			         m->paths[a->part], (long long)a->id, (long long)a->shard,
			         (long long)a->shards, m->paths[r->part], (long long)r->id,
			         (long long)r->shard, (long long)r->shards);
			return RL_EINPUT;
		}
		if (r->shards < 1 || r->shard < 0 || r->shard >= r->shards) {
			/* shard -1/2 beside 1/2 made the two parts "every
			** shard" */
			snprintf(err, errlen, "%s run %lld is shard %lld/%lld, no shard "
			         "rooflab writes (0 <= I < N); refusing to merge a "
			         "crafted or altered shard", m->paths[r->part],
			         (long long)r->id, (long long)r->shard,
			         (long long)r->shards);
			return RL_EINPUT;
		}
		for (j = 0; j < i; j++)
			if (m->runs[j].shard == r->shard) {
				snprintf(err, errlen, "shard %lld/%lld is given twice (%s "
				         "run %lld and %s run %lld)", (long long)r->shard,
				         (long long)r->shards, m->paths[m->runs[j].part],
				         (long long)m->runs[j].id, m->paths[r->part],
				         (long long)r->id);
				return RL_EINPUT;
			}
		if (!r->finished || r->next_idx < r->points) {
			if (nopen++) {
				/* every shard not finished named, where the first
				** alone was (ux27: a script completing it met the
				** next on its next merge) */
				open_more(more, sizeof more, &mused, m, r);
				continue;
			}
			/* the shard's own points, where the run's next index
			** read as a count of all ("311039 of 656656 points done"
			** of a shard of 218886), and the command that completes
			** it, where "rooflab sweep --resume" named no spec, file
			** or shard */
			uint64_t all = r->points > 0 ? (uint64_t)r->points : 0;
			uint64_t next = r->next_idx > 0 ? (uint64_t)r->next_idx : 0;
			uint64_t mine = rl_sweep_shard_points(all, (uint64_t)r->shard,
			                                      (uint64_t)r->shards);
			char qs[2100], qd[2100];
			snprintf(err, errlen, "shard %lld/%lld (%s run %lld) is not "
			         "finished (%llu of its %llu point%s done); complete it "
			         "with: rooflab sweep %s --db %s --shard %lld/%lld "
			         "--resume --run %lld", (long long)r->shard,
			         (long long)r->shards, m->paths[r->part], (long long)r->id,
			         (unsigned long long)rl_sweep_shard_points(
			             next < all ? next : all, (uint64_t)r->shard,
			             (uint64_t)r->shards),
			         (unsigned long long)mine, mine == 1 ? "" : "s",
			         rl_sh_word(r->spec_path[0] ? r->spec_path : "SPEC",
			                    "SPEC", qs, sizeof qs),
			         rl_sh_word(m->paths[r->part], "PART.db", qd, sizeof qd),
			         (long long)r->shard, (long long)r->shards,
			         (long long)r->id);
			continue;
		}
		if (nopen)
			continue; /* refused below: its other checks wait */
		if ((rc = part_points_typed(m, r, err, errlen)))
			return rc;
		if ((lack = rl_store_run_missing_rows(r->db, r->id))) {
			snprintf(err, errlen, "shard %lld/%lld (%s run %lld) is marked "
			         "complete but lacks %llu of its points (the file was "
			         "cut short or altered); fill them with rooflab sweep "
			         "--resume", (long long)r->shard, (long long)r->shards,
			         m->paths[r->part], (long long)r->id,
			         (unsigned long long)lack);
			return RL_EINPUT;
		}
		if ((rc = part_dropped(m, r, &dropped, err, errlen)) < 0)
			m->dropped_known = 0;
		else if (rc)
			return rc;
		else {
			uint64_t un[RL_STORE_UNANSWERED];
			m->dropped += dropped;
			if (!rl_store_run_unanswered(r->db, r->id, un))
				m->unanswered_known = 0;
			for (j = 0; j < RL_STORE_UNANSWERED; j++)
				m->unanswered[j] += un[j];
		}
	}
	if (nopen > 1) {
		size_t l = strlen(err);
		snprintf(err + l, errlen - l, "; %d more shard%s not finished: %s, "
		         "completed the same way", nopen - 1,
		         nopen == 2 ? " is" : "s are", more);
	}
	if (nopen)
		return RL_EINPUT;
	if (m->nruns != a->shards) {
		int64_t s, nmissing = 0;
		for (s = 0; s < a->shards && used + 24 < sizeof missing; s++) {
			for (j = 0; j < m->nruns && m->runs[j].shard != s; j++)
				;
			if (j == m->nruns && ++nmissing)
				used += (size_t)snprintf(missing + used,
				                         sizeof missing - used, "%s%lld",
				                         used ? ", " : "", (long long)s);
		}
		if (s < a->shards) /* the list is full: cut at a whole number */
			snprintf(missing + used, sizeof missing - used, ", ...");
		{
			char qs[2100];
			int one = nmissing == 1 && s == a->shards;
			snprintf(err, errlen, "missing shard%s %s of %lld; every shard "
			         "I/%lld must be given once (make %s with: rooflab "
			         "sweep %s --db PART.db --shard %s/%lld)", one ? "" : "s",
			         missing, (long long)a->shards, (long long)a->shards,
			         one ? "it" : "each",
			         rl_sh_word(a->spec_path[0] ? a->spec_path : "SPEC",
			                    "SPEC", qs, sizeof qs), one ? missing : "I",
			         (long long)a->shards);
		}
		return RL_EINPUT;
	}
	return 0;
}

/* ---- writing ---- */

static int copy_run_row(sqlite3 *out, merge_ctx *m)
{
	const shard_run *a = &m->runs[0];
	sqlite3_stmt *src, *dst;
	const char *first = a->started, *last = a->finished_at;
	static const char *const why[] = {"profile_chosen", "baseline_profile",
	                                  "baseline_profile_chosen",
	                                  "profile_hash", "profile_fit",
	                                  "baseline_profile_fit",
	                                  "software_note",
	                                  "baseline_software_note"};
	char sql[1024];
	size_t used;
	int rc = SQLITE_OK, k, i;
	for (i = 0; i < m->nruns; i++) {
		if (strcmp(m->runs[i].started, first) < 0)
			first = m->runs[i].started;
		if (strcmp(m->runs[i].finished_at, last) > 0)
			last = m->runs[i].finished_at;
	}
	/* the run's profile and the [baseline]'s, and why, the profile's
	** hash, and each one's note where it was fitted on another chip: a
	** part made before runs.profile_chosen (or before baseline_profile,
	** profile_hash, profile_fit) has none (NULL in the merged run, as in
	** the part) */
	/* a grid's seed and a scenario no preset named are NULL in the
	** merged file, as a new run's, where a part made before 2026-11-30
	** records 0 and '' */
	used = (size_t)snprintf(sql, sizeof sql, "SELECT spec, spec_hash, "
	                        "spec_path, version, git_rev, sampling, CASE "
	                        "WHEN sampling = 'grid' THEN NULL ELSE seed END, "
	                        "points, chip, model, nullif(scenario, ''), "
	                        "profile, "
	                        "baseline_total_tokens_per_s, "
	                        "baseline_output_tokens_per_s");
	for (k = 0; k < 8 && rc == SQLITE_OK; k++) {
		int yes = 0;
		rc = rl_db_has_column(a->db, "runs", why[k], &yes);
		used += (size_t)snprintf(sql + used, sizeof sql - used, ", %s",
		                         yes ? why[k] : "NULL");
	}
	snprintf(sql + used, sizeof sql - used, " FROM runs WHERE id = ?");
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(a->db, sql, -1, &src, NULL);
	if (rc != SQLITE_OK) {
		m->bad = a->part;
		return rc;
	}
	rc = sqlite3_prepare_v2(
	    out, "INSERT INTO runs(id, spec, spec_hash, spec_path, version,"
	    " git_rev, sampling, seed, points, chip, model, scenario, profile,"
	    " baseline_total_tokens_per_s, baseline_output_tokens_per_s,"
	    " started, finished, shard_index, shard_count, next_idx, dropped,"
	    " dropped_below, profile_chosen, baseline_profile,"
	    " baseline_profile_chosen, dropped_nofit, dropped_over_tdp,"
	    " dropped_inval, profile_hash, profile_fit, baseline_profile_fit,"
	    " software_note, baseline_software_note)"
	    " VALUES(1,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,1,?17,?18,?17,?19,?20,"
	    "?21,?22,?23,?24,?25,?26,?27,?28,?29)", -1, &dst, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(src);
		return rc;
	}
	sqlite3_bind_int64(src, 1, a->id);
	rc = sqlite3_step(src);
	if (rc == SQLITE_ROW) {
		for (k = 0; k < 14; k++)
			sqlite3_bind_value(dst, k + 1, sqlite3_column_value(src, k));
		for (k = 0; k < 3; k++)
			sqlite3_bind_value(dst, 19 + k,
			                   sqlite3_column_value(src, 14 + k));
		sqlite3_bind_value(dst, 25, sqlite3_column_value(src, 17));
		sqlite3_bind_value(dst, 26, sqlite3_column_value(src, 18));
		sqlite3_bind_value(dst, 27, sqlite3_column_value(src, 19));
		sqlite3_bind_value(dst, 28, sqlite3_column_value(src, 20));
		sqlite3_bind_value(dst, 29, sqlite3_column_value(src, 21));
		/* parts of other builds (--allow-mixed-builds): no one build
		** made the run; each shard's is in run_parts */
		if (m->mixed_version)
			sqlite3_bind_text(dst, 4, "mixed", -1, SQLITE_STATIC);
		if (m->mixed_rev)
			sqlite3_bind_text(dst, 5, "mixed", -1, SQLITE_STATIC);
		sqlite3_bind_text(dst, 15, first, -1, SQLITE_STATIC);
		sqlite3_bind_text(dst, 16, last, -1, SQLITE_STATIC);
		sqlite3_bind_int64(dst, 17, a->points);
		if (m->dropped_known)
			sqlite3_bind_int64(dst, 18, (sqlite3_int64)m->dropped);
		/* of them, those the filter could not answer: where every
		** part's are known (NULL otherwise, as dropped) */
		for (k = 0; k < RL_STORE_UNANSWERED; k++)
			if (m->dropped_known && m->unanswered_known)
				sqlite3_bind_int64(dst, 22 + k,
				                   (sqlite3_int64)m->unanswered[k]);
		rc = sqlite3_step(dst);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	} else {
		m->bad = a->part;
		rc = rc == SQLITE_DONE ? SQLITE_CORRUPT : rc;
	}
	sqlite3_finalize(src);
	sqlite3_finalize(dst);
	return rc;
}

/* 1 (said into err) where a part's points table lacks the column name,
** which the first run's run_columns lists: SQLite reads a double-quoted
** name that is no column as a string, so the copy filled the merged
** column with the name itself ('latency_ttft_s' in a REAL column, every
** row of that part: ux31, a column dropped by hand); else 0, as where
** the table cannot be read (the copy then says why). */
static int part_lacks_column(const merge_ctx *m, const char *name, char *err,
                             size_t errlen)
{
	int i, yes;
	for (i = 0; i < m->nruns; i++) {
		const shard_run *r = &m->runs[i];
		/* a part without the table is the copy's to say */
		if (rl_db_has_column(r->db, "points", "idx", &yes) != SQLITE_OK ||
		    !yes ||
		    rl_db_has_column(r->db, "points", name, &yes) != SQLITE_OK ||
		    yes)
			continue;
		snprintf(err, errlen, "%s: its table points has no column %s, "
		         "which %s run %lld lists in run_columns; refusing to "
		         "merge an altered shard", m->paths[r->part], name,
		         m->paths[m->runs[0].part], (long long)m->runs[0].id);
		return 1;
	}
	return 0;
}

/* 1 (said into err) where run r's run_columns.`field` (unit, source or
** dotted: column k of st) of column name, which copy_columns writes into
** the merged file, holds what rl_cell_text_fault finds there (a control
** character, a byte of no UTF-8, a NUL, a blob), as export refuses it
** (sweeps/export.c, cell_fault); a shard whose unit held ESC or U+202E
** merged with exit 0, and export of the merged file then refused it
** (small70); its source and dotted name went in unchecked until
** sweeps75; else 0. */
static int cell_fault(const merge_ctx *m, const shard_run *r,
                      sqlite3_stmt *st, int k, const char *field,
                      const char *name, char *err, size_t errlen)
{
	return rl_cell_column_fault(st, k, field, m->paths[r->part],
	                            (long long)r->id, name,
	                            "refusing to merge a crafted or altered "
	                            "shard", err, errlen);
}

/* The fields of a run's column that copy_columns copies, as
** run_columns names them, in the order peer_columns reads them (its
** columns 1, 2, 3) */
static const char *const col_fields[3] = {"source", "dotted", "unit"};

/* v for a message into buf: a text quoted (rl_utf8_quote), NULL as
** NULL, a number as its text and type ("5 (integer)"). */
static const char *value_words(sqlite3_value *v, char *buf, size_t len)
{
	/* (the type read before the text, which converts a number) */
	int type = sqlite3_value_type(v);
	const char *t = (const char *)sqlite3_value_text(v);
	if (type == SQLITE_TEXT)
		return rl_utf8_quote(t ? t : "", RL_UTF8_QUOTE_MAX, buf, len);
	if (type == SQLITE_NULL)
		snprintf(buf, len, "NULL");
	else
		snprintf(buf, len, "%.40s (%s)", t ? t : "",
		         type == SQLITE_INTEGER ? "integer" : "real");
	return buf;
}

/* 1 where a and b differ in type or bytes */
static int values_differ(sqlite3_value *a, sqlite3_value *b)
{
	int n;
	if (sqlite3_value_type(a) != sqlite3_value_type(b))
		return 1;
	if (sqlite3_value_type(a) == SQLITE_NULL)
		return 0;
	/* a number compared as its text: 5 and 5.0 are not one cell */
	n = sqlite3_value_bytes(a);
	return n != sqlite3_value_bytes(b) ||
	       memcmp(sqlite3_value_text(a), sqlite3_value_text(b),
	              (size_t)n) != 0;
}

/* The first run's columns, read once for peer_columns: each name (checked
** by check_columns) and its source, dotted and unit. */
typedef struct {
	int n;
	char **names;
	sqlite3_value *(*vals)[3];
	unsigned char *seen;
} first_cols;

static void first_cols_free(first_cols *f)
{
	int i, k;
	for (i = 0; i < f->n; i++) {
		free(f->names[i]);
		for (k = 0; k < 3; k++)
			sqlite3_value_free(f->vals[i][k]);
	}
	free(f->names);
	free(f->vals);
	free(f->seen);
}

/* RL_OK where the part of run r lists the first run's columns, each once
** and with the same source, dotted name and unit, its own cells text as
** export takes it (cell_fault); else RL_EINPUT with err naming both parts,
** the column and the two values (or the rl_status of a failed read).
** copy_columns copies the first run's columns alone: a later part's other
** unit ('kW' where the first has 'W'), source or dotted name was never
** compared and silently dropped, and a column it lists that the first
** does not went unsaid (sweeps75). */
static int peer_columns(const merge_ctx *m, const shard_run *r,
                        first_cols *f, char *err, size_t errlen)
{
	const shard_run *a = &m->runs[0];
	sqlite3_stmt *st;
	int rc, i, k, bad = 0;
	char q1[RL_UTF8_QUOTE_MAX + 64], q2[RL_UTF8_QUOTE_MAX + 64];
	rc = sqlite3_prepare_v2(r->db, "SELECT name, source, dotted, unit FROM "
	                        "run_columns WHERE run_id = ? ORDER BY ord", -1,
	                        &st, NULL);
	if (rc != SQLITE_OK) {
		rl_store_error(r->db, rc, m->paths[r->part], err, errlen);
		return rl_db_exit(rc);
	}
	sqlite3_bind_int64(st, 1, r->id);
	memset(f->seen, 0, (size_t)f->n + 1);
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		for (i = 0; i < f->n && (!name || strcmp(f->names[i], name) ||
		                         (size_t)sqlite3_column_bytes(st, 0) !=
		                             strlen(name));
		     i++)
			;
		if (i == f->n) {
			rl_utf8_quote(name ? name : "NULL", RL_UTF8_QUOTE_MAX, q1,
			              sizeof q1);
			snprintf(err, errlen, "%s run %lld: run_columns lists a "
			         "column %s, which %s run %lld does not; refusing to "
			         "merge shards whose columns differ (a crafted or "
			         "altered shard)", m->paths[r->part], (long long)r->id,
			         name ? q1 : "NULL", m->paths[a->part],
			         (long long)a->id);
			bad = 1;
			break;
		}
		if (f->seen[i]++) {
			snprintf(err, errlen, "%s run %lld: run_columns names the "
			         "column '%s' twice; refusing to merge a crafted or "
			         "altered shard", m->paths[r->part], (long long)r->id,
			         f->names[i]);
			bad = 1;
			break;
		}
		for (k = 0; k < 3 && !bad; k++)
			bad = cell_fault(m, r, st, k + 1, col_fields[k], f->names[i],
			                 err, errlen);
		for (k = 0; k < 3 && !bad; k++) {
			sqlite3_value *v = sqlite3_column_value(st, k + 1);
			if (!values_differ(f->vals[i][k], v))
				continue;
			snprintf(err, errlen, "%s run %lld: run_columns.%s of %s is "
			         "%s, where %s run %lld has %s; refusing to merge "
			         "shards whose columns differ (a crafted or altered "
			         "shard)", m->paths[r->part], (long long)r->id,
			         col_fields[k], f->names[i],
			         value_words(v, q2, sizeof q2), m->paths[a->part],
			         (long long)a->id,
			         value_words(f->vals[i][k], q1, sizeof q1));
			bad = 1;
		}
	}
	sqlite3_finalize(st);
	if (bad)
		return RL_EINPUT;
	if (rc != SQLITE_DONE) {
		rl_store_error(r->db, rc, m->paths[r->part], err, errlen);
		return rl_db_exit(rc);
	}
	for (i = 0; i < f->n; i++)
		if (!f->seen[i]) {
			snprintf(err, errlen, "%s run %lld: run_columns lacks the "
			         "column %s, which %s run %lld lists; refusing to merge "
			         "shards whose columns differ (a crafted or altered "
			         "shard)", m->paths[r->part], (long long)r->id,
			         f->names[i], m->paths[a->part], (long long)a->id);
			return RL_EINPUT;
		}
	return RL_OK;
}

/* Each part after the first against the first's columns (peer_columns):
** RL_OK, or the first part's refusal. */
static int check_peers(const merge_ctx *m, char *err, size_t errlen)
{
	const shard_run *a = &m->runs[0];
	first_cols f;
	sqlite3_stmt *st;
	int rc, i, k;
	memset(&f, 0, sizeof f);
	if (m->nruns < 2)
		return RL_OK;
	rc = sqlite3_prepare_v2(a->db, "SELECT name, source, dotted, unit FROM "
	                        "run_columns WHERE run_id = ? ORDER BY ord", -1,
	                        &st, NULL);
	if (rc != SQLITE_OK) {
		rl_store_error(a->db, rc, m->paths[a->part], err, errlen);
		return rl_db_exit(rc);
	}
	sqlite3_bind_int64(st, 1, a->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char **names = realloc(f.names, (size_t)(f.n + 1) * sizeof *names);
		sqlite3_value *(*vals)[3];
		if (names)
			f.names = names;
		vals = names ? realloc(f.vals, (size_t)(f.n + 1) * sizeof *vals)
		             : NULL;
		if (vals)
			f.vals = vals;
		if (!names || !vals ||
		    !(f.names[f.n] = strdup((const char *)sqlite3_column_text(
		          st, 0)))) {
			rc = SQLITE_NOMEM;
			break;
		}
		for (k = 0; k < 3; k++)
			f.vals[f.n][k] = sqlite3_value_dup(sqlite3_column_value(st,
			                                                        k + 1));
		f.n++;
		for (k = 0; k < 3; k++)
			if (!f.vals[f.n - 1][k])
				rc = SQLITE_NOMEM;
		if (rc == SQLITE_NOMEM)
			break;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_NOMEM) {
		first_cols_free(&f);
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	if (rc != SQLITE_DONE) {
		first_cols_free(&f);
		rl_store_error(a->db, rc, m->paths[a->part], err, errlen);
		return rl_db_exit(rc);
	}
	f.seen = malloc((size_t)f.n + 1);
	rc = f.seen ? RL_OK : RL_EINTERNAL;
	if (!f.seen)
		snprintf(err, errlen, "out of memory");
	for (i = 1; i < m->nruns && rc == RL_OK; i++)
		rc = peer_columns(m, &m->runs[i], &f, err, errlen);
	first_cols_free(&f);
	return rc;
}

/* The first run's columns are the merged file's: each name must be one
** this rooflab writes (rl_sweep_column_decl), since it goes into SQL, its
** unit, source and dotted name text that export takes (cell_fault), and
** every other part's the same (check_peers). */
static int check_columns(const merge_ctx *m, char *err, size_t errlen)
{
	const shard_run *a = &m->runs[0];
	sqlite3_stmt *st;
	int rc, bad = 0;
	long long col = 0;
	/* with how many of the run's columns bear its name: a name given
	** twice (run_columns changed by hand) made the merged points table
	** fail on "duplicate column name", said of merge's temporary file */
	rc = sqlite3_prepare_v2(a->db, "SELECT ord, name, (SELECT count(*) "
	                        "FROM run_columns r WHERE r.run_id = "
	                        "run_columns.run_id AND r.name = run_columns.name), "
	                        "source, dotted, unit "
	                        "FROM run_columns WHERE run_id = ? ORDER BY ord",
	                        -1, &st, NULL);
	/* (a query failing for want of memory or by I/O is no fault of the
	** part: rl_db_exit) */
	if (rc != SQLITE_OK) {
		rl_store_error(a->db, rc, m->paths[a->part], err, errlen);
		return rl_db_exit(rc);
	}
	sqlite3_bind_int64(st, 1, a->id);
	/* the column said counted from 1 in the run's order, as every
	** file, line and column message counts (its ord counts from 0) */
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 1);
		col++;
		if (name && (size_t)sqlite3_column_bytes(st, 1) != strlen(name)) {
			/* a NUL byte inside: SQLite's = (the count below) tells
			** the name from the one before the NUL, C and the merged
			** table's CREATE TABLE do not (fuzz6) */
			snprintf(err, errlen, "%s run %lld: column %lld's name holds "
			         "a NUL byte after '%.*s'; refusing to merge a crafted "
			         "or altered shard", m->paths[a->part], (long long)a->id,
			         col, rl_utf8_cut(name, 60), name);
			bad = 1;
		} else if (!rl_sweep_column_decl(name)) {
			snprintf(err, errlen, "%s run %lld: column %lld is named "
			         "%s%.*s%s, which is no parameter or output of rooflab; "
			         "refusing to merge a crafted or foreign shard",
			         m->paths[a->part], (long long)a->id, col,
			         name ? "'" : "",
			         rl_utf8_cut(name ? name : "NULL", 60),
			         name ? name : "NULL", name ? "'" : "");
			bad = 1;
		} else if (sqlite3_column_int64(st, 2) > 1) {
			snprintf(err, errlen, "%s run %lld: run_columns names the "
			         "column '%s' %lld times; refusing to merge a crafted or "
			         "altered shard", m->paths[a->part], (long long)a->id,
			         name, (long long)sqlite3_column_int64(st, 2));
			bad = 1;
		} else {
			int k;
			for (k = 0; k < 3 && !bad; k++)
				bad = cell_fault(m, a, st, 3 + k, col_fields[k], name,
				                 err, errlen);
			if (!bad)
				bad = part_lacks_column(m, name, err, errlen);
		}
	}
	sqlite3_finalize(st);
	if (!bad && rc != SQLITE_DONE) {
		rl_store_error(a->db, rc, m->paths[a->part], err, errlen);
		return rl_db_exit(rc);
	}
	return bad ? RL_EINPUT : check_peers(m, err, errlen);
}

/* One statement, never several (sqlite3_exec would run them all). */
static int exec_one(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	const char *tail = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, &tail);
	if (rc != SQLITE_OK)
		return rc;
	if (tail && *tail) {
		sqlite3_finalize(st);
		return SQLITE_MISUSE;
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Copy run_columns and add the point columns (names checked by
** check_columns, types from this rooflab's tables); the column list for
** the SELECTs and the INSERT goes into cols. */
static int copy_columns(sqlite3 *out, merge_ctx *m, char *cols,
                        size_t cap, int *ncols)
{
	const shard_run *a = &m->runs[0];
	sqlite3_stmt *src, *ins;
	size_t used = 0;
	int rc;
	*ncols = 0;
	cols[0] = '\0';
	rc = sqlite3_prepare_v2(a->db, "SELECT ord, name, source, dotted, unit "
	                        "FROM run_columns WHERE run_id = ? ORDER BY ord",
	                        -1, &src, NULL);
	if (rc != SQLITE_OK) {
		m->bad = a->part;
		return rc;
	}
	rc = sqlite3_prepare_v2(out, "INSERT INTO run_columns VALUES(1,?,?,?,?,?)",
	                        -1, &ins, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(src);
		return rc;
	}
	sqlite3_bind_int64(src, 1, a->id);
	while (rc == SQLITE_OK) {
		const char *name, *decl;
		char sql[256];
		int k, got = sqlite3_step(src);
		/* a read error is the part's, not the end of its columns */
		if (got != SQLITE_ROW) {
			if (got != SQLITE_DONE) {
				m->bad = a->part;
				rc = got;
			}
			break;
		}
		name = (const char *)sqlite3_column_text(src, 1);
		decl = rl_sweep_column_decl(name);
		if (!decl) {
			rc = SQLITE_MISMATCH;
			break;
		}
		for (k = 0; k < 5; k++)
			sqlite3_bind_value(ins, k + 1, sqlite3_column_value(src, k));
		rc = sqlite3_step(ins);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		sqlite3_reset(ins);
		if (rc == SQLITE_OK) {
			snprintf(sql, sizeof sql, "ALTER TABLE points ADD COLUMN "
			         "\"%s\" %s", name, decl);
			rc = exec_one(out, sql);
		}
		if (used + strlen(name) + 8 < cap)
			used += (size_t)snprintf(cols + used, cap - used, ", \"%s\"",
			                         name);
		else
			rc = SQLITE_TOOBIG;
		(*ncols)++;
	}
	sqlite3_finalize(src);
	sqlite3_finalize(ins);
	return rc;
}

/* A min-heap of run indexes by their current idx. */
static void sift_down(shard_run *runs, int *heap, int n, int i)
{
	for (;;) {
		int l = 2 * i + 1, r = l + 1, s = i, t;
		if (l < n && runs[heap[l]].idx < runs[heap[s]].idx)
			s = l;
		if (r < n && runs[heap[r]].idx < runs[heap[s]].idx)
			s = r;
		if (s == i)
			return;
		t = heap[i];
		heap[i] = heap[s];
		heap[s] = t;
		i = s;
	}
}

static int copy_points(sqlite3 *out, merge_ctx *m, const char *cols,
                       int ncols)
{
	size_t cap = strlen(cols) + 256 + (size_t)ncols * 2;
	char *sql = malloc(cap);
	sqlite3_stmt *ins = NULL;
	int *heap = malloc((size_t)m->nruns * sizeof *heap);
	/* which columns this rooflab declares REAL or INTEGER: a text or
	** blob there (a part altered by hand) went into the merged file as
	** it was, 'abc' in design_frac_mac (ux31) */
	unsigned char *num = calloc((size_t)ncols + 2, 1);
	int rc = SQLITE_OK, n = 0, i, k;
	size_t used;
	if (!sql || !heap || !num) {
		free(sql);
		free(heap);
		free(num);
		return SQLITE_NOMEM;
	}
	for (i = 0; i < m->nruns && rc == SQLITE_OK; i++) {
		snprintf(sql, cap, "SELECT idx, status%s FROM points WHERE "
		         "run_id = ? ORDER BY idx", cols);
		rc = sqlite3_prepare_v2(m->runs[i].db, sql, -1, &m->runs[i].cur,
		                        NULL);
		if (rc != SQLITE_OK) {
			m->bad = m->runs[i].part;
			break;
		}
		sqlite3_bind_int64(m->runs[i].cur, 1, m->runs[i].id);
		rc = sqlite3_step(m->runs[i].cur);
		if (rc == SQLITE_ROW) {
			m->runs[i].idx = sqlite3_column_int64(m->runs[i].cur, 0);
			heap[n++] = i;
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			rc = SQLITE_OK;
		} else {
			m->bad = m->runs[i].part;
		}
	}
	for (k = 2; rc == SQLITE_OK && m->nruns > 0 && k < ncols + 2; k++) {
		const char *decl = rl_sweep_column_decl(
		    sqlite3_column_name(m->runs[0].cur, k));
		num[k] = decl && (!strcmp(decl, "REAL") || !strcmp(decl, "INTEGER"));
	}
	if (rc == SQLITE_OK) {
		used = (size_t)snprintf(sql, cap, "INSERT INTO points(run_id, idx, "
		                        "status%s) VALUES(1,?,?", cols);
		for (k = 0; k < ncols; k++)
			used += (size_t)snprintf(sql + used, cap - used, ",?");
		snprintf(sql + used, cap - used, ")");
		rc = sqlite3_prepare_v2(out, sql, -1, &ins, NULL);
	}
	for (i = n / 2 - 1; i >= 0; i--)
		sift_down(m->runs, heap, n, i);
	while (rc == SQLITE_OK && n > 0) {
		shard_run *r = &m->runs[heap[0]];
		if (rl_stop_caught()) {
			/* Ctrl-C or SIGTERM (Slurm's time limit): stop here, the
			** caller removes the temporary */
			m->stopped = 1;
			rc = SQLITE_INTERRUPT;
			break;
		}
		/* and a text column's cell rooflab never writes (a blob, a NUL
		** inside, a byte of no UTF-8, a control character: celltext.h),
		** which export then refused in the merged file (fuzz15) */
		for (k = 2; k < ncols + 2; k++) {
			int t = sqlite3_column_type(r->cur, k);
			if (num[k] && (t == SQLITE_TEXT || t == SQLITE_BLOB))
				break;
			if (!num[k] && t == SQLITE_BLOB)
				break;
			if (!num[k] && t == SQLITE_TEXT &&
			    (m->typed_text = rl_cell_text_fault(
			         t, sqlite3_column_text(r->cur, k),
			         sqlite3_column_bytes(r->cur, k))))
				break;
		}
		if (k < ncols + 2) {
			if (!num[k] && sqlite3_column_type(r->cur, k) == SQLITE_BLOB)
				m->typed_text = RL_CELL_TEXT_BLOB;
			else if (!num[k])
				rl_utf8_quote((const char *)sqlite3_column_text(r->cur, k),
				              RL_UTF8_QUOTE_MAX, m->typed_quote,
				              sizeof m->typed_quote);
			m->typed = r->part;
			m->typed_run = r->id;
			m->typed_idx = r->idx;
			snprintf(m->typed_col, sizeof m->typed_col, "%s",
			         sqlite3_column_name(r->cur, k));
			snprintf(m->typed_type, sizeof m->typed_type, "%s",
			         sqlite3_column_type(r->cur, k) == SQLITE_TEXT ? "text "
			                                                   : "a blob");
			/* a number column's text quoted, as export names it */
			if (num[k] && sqlite3_column_type(r->cur, k) == SQLITE_TEXT)
				rl_utf8_quote((const char *)sqlite3_column_text(r->cur, k),
				              RL_UTF8_QUOTE_MAX, m->typed_quote,
				              sizeof m->typed_quote);
			rc = SQLITE_MISMATCH;
			break;
		}
		for (k = 0; k < ncols + 2; k++)
			sqlite3_bind_value(ins, k + 1, sqlite3_column_value(r->cur, k));
		rc = sqlite3_step(ins);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		if (rc == SQLITE_OK)
			m->copied++;
		if (rc != SQLITE_OK && rl_db_conflict(out, rc)) {
			/* the merged file is this process's own: a point written
			** twice is one that two parts hold */
			m->dup = r->part;
			m->dup_run = r->id;
			m->dup_idx = r->idx;
		}
		sqlite3_reset(ins);
		if (rc != SQLITE_OK)
			break;
		rc = sqlite3_step(r->cur);
		if (rc == SQLITE_ROW) {
			r->idx = sqlite3_column_int64(r->cur, 0);
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			heap[0] = heap[--n];
			rc = SQLITE_OK;
		} else {
			m->bad = r->part;
		}
		sift_down(m->runs, heap, n, 0);
	}
	sqlite3_finalize(ins);
	free(sql);
	free(heap);
	free(num);
	return rc;
}

/* Each shard's run as its part recorded it (run_parts): the part's file
** as given, its run id, the build that wrote it and when, so that a run
** merged from parts of several builds (--allow-mixed-builds) keeps each
** shard's, and every merged run says where its points came from. */
static int write_parts(sqlite3 *out, const merge_ctx *m)
{
	sqlite3_stmt *ins;
	int64_t k;
	int i, rc = sqlite3_exec(
	    out, "CREATE TABLE IF NOT EXISTS run_parts("
	         " run_id INTEGER NOT NULL REFERENCES runs(id),"
	         " shard_index INTEGER NOT NULL, shard_count INTEGER NOT NULL,"
	         " part TEXT NOT NULL, part_run_id INTEGER NOT NULL,"
	         " version TEXT NOT NULL, git_rev TEXT NOT NULL,"
	         " started TEXT, finished TEXT,"
	         " PRIMARY KEY(run_id, shard_index));",
	    NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_prepare_v2(out, "INSERT INTO run_parts VALUES(1,?,?,?,?,?,"
	                        "?,?,?)", -1, &ins, NULL);
	/* in shard order, whatever the parts' order (every shard given once:
	** check_runs), so that one merge's file is another's whatever order
	** a glob gave the parts (part-10.db before part-2.db): a SELECT
	** without ORDER BY read them as given (ux31) */
	for (k = 0; rc == SQLITE_OK && k < (m->nruns ? m->runs[0].shards : 0);
	     k++) {
		const shard_run *r = NULL;
		for (i = 0; i < m->nruns && !r; i++)
			if (m->runs[i].shard == k)
				r = &m->runs[i];
		if (!r)
			continue;
		sqlite3_bind_int64(ins, 1, (sqlite3_int64)r->shard);
		sqlite3_bind_int64(ins, 2, (sqlite3_int64)r->shards);
		sqlite3_bind_text(ins, 3, m->paths[r->part], -1, SQLITE_STATIC);
		sqlite3_bind_int64(ins, 4, (sqlite3_int64)r->id);
		sqlite3_bind_text(ins, 5, r->version, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 6, r->git_rev, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 7, r->started, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 8, r->finished_at, -1, SQLITE_STATIC);
		rc = sqlite3_step(ins);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	return rc;
}

static int write_out(const char *tmp, merge_ctx *m, char *err, size_t errlen)
{
	sqlite3 *out = NULL;
	char cols[32768];
	int rc, ncols = 0, made;
	rc = rl_db_open(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &out);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(out, "PRAGMA journal_mode = OFF;"
		                  "PRAGMA synchronous = OFF; BEGIN", NULL, NULL,
		                  NULL);
	/* the schema not made: its own status (out of memory, exit 1, where
	** SQLITE_ERROR read as the file's fault, exit 2) */
	if (rc == SQLITE_OK && (made = rl_store_init_schema(out, err, errlen))) {
		sqlite3_close(out);
		return made;
	} else if (rc == SQLITE_OK && (rc = copy_run_row(out, m)) == SQLITE_OK &&
	         (rc = copy_columns(out, m, cols, sizeof cols, &ncols)) ==
	             SQLITE_OK &&
	         (rc = copy_points(out, m, cols, ncols)) == SQLITE_OK &&
	         (rc = write_parts(out, m)) == SQLITE_OK &&
	         (rc = rl_store_column_docs(out)) == SQLITE_OK)
		rc = sqlite3_exec(out, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		/* a part that cannot be read is named, not the temporary */
		if (m->stopped)
			; /* the caller says it */
		else if (!*err && m->dup >= 0)
			snprintf(err, errlen, "%s run %lld: point %lld is in another "
			         "part too (a part altered by hand); nothing was "
			         "merged", m->paths[m->dup],
			         (long long)m->dup_run, (long long)m->dup_idx);
		else if (!*err && m->typed >= 0 && m->typed_text)
			snprintf(err, errlen, "%s run %lld: point %lld's points.%s "
			         "holds %s%s%s, not text as rooflab writes it; "
			         "refusing to merge a crafted or altered shard",
			         m->paths[m->typed], (long long)m->typed_run,
			         (long long)m->typed_idx, m->typed_col,
			         m->typed_text == RL_CELL_TEXT_BLOB ? "a blob" : "text ",
			         m->typed_text == RL_CELL_TEXT_BLOB ? ""
			                                            : m->typed_quote,
			         rl_cell_text_words(m->typed_text));
		else if (!*err && m->typed >= 0)
			snprintf(err, errlen, "%s run %lld: point %lld's points.%s "
			         "holds %s%s, not a number as rooflab writes it; "
			         "refusing to merge a crafted or altered shard",
			         m->paths[m->typed], (long long)m->typed_run,
			         (long long)m->typed_idx, m->typed_col, m->typed_type,
			         m->typed_quote);
		else if (!*err && m->bad >= 0)
			rl_store_error(m->dbs[m->bad], rc, m->paths[m->bad], err,
			               errlen);
		else if (!*err)
			rl_store_error(out, rc, tmp, err, errlen);
		sqlite3_close(out);
		return rl_db_exit(rc);
	}
	if (sqlite3_close(out) != SQLITE_OK) {
		snprintf(err, errlen, "%s: cannot close", tmp);
		return RL_EINTERNAL;
	}
	return 0;
}

/* Is OUT (its own entry: a link named OUT is replaced, not its target)
** one of the parts, by its name or a link to it?  It would be read and
** then replaced by the merge, its shard gone.  1 with the message, or 0. */
static int out_is_part(const char *out, const char *const *parts,
                       int nparts, char *err, size_t errlen)
{
	int i;
	for (i = 0; i < nparts; i++)
		if (rl_out_is_file(out, parts[i])) {
			snprintf(err, errlen, "%s is also the part %s: merge would "
			         "replace a database it reads (name a new OUT.db)", out,
			         parts[i]);
			return 1;
		}
	return 0;
}

int rl_sweep_merge(const char *out, const char *const *parts, int nparts,
                   const char *spec, int force, int allow_mixed,
                   rl_merge_stats *st, char *err, size_t errlen)
{
	merge_ctx m;
	struct stat sb;
	char tmp[4096];
	int i, rc = 0;
	err[0] = '\0';
	if (nparts < 1) {
		snprintf(err, errlen, "no PART.db to merge");
		return RL_EINPUT;
	}
	if (!force && stat(out, &sb) == 0) {
		snprintf(err, errlen, "%s exists; merge writes a new database "
		         "(remove it, or pass --force to replace it)", out);
		return RL_EINPUT;
	}
	if (spec && (!*spec || strlen(spec) > 16 ||
	             strspn(spec, "0123456789abcdef") != strlen(spec))) {
		snprintf(err, errlen, "--spec '%s': a spec_hash is 16 hexadecimal "
		         "digits (0-9, a-f); give it or its first digits", spec);
		return RL_EINPUT;
	}
	if (out_is_part(out, parts, nparts, err, errlen))
		return RL_EINPUT;
	memset(&m, 0, sizeof m);
	m.paths = parts;
	m.nparts = nparts;
	m.bad = -1;
	m.typed = -1;
	m.dup = -1;
	m.allow_mixed = allow_mixed;
	m.dbs = calloc((size_t)nparts, sizeof *m.dbs);
	if (!m.dbs) {
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	for (i = 0; i < nparts && !rc; i++) {
		rc = rl_store_open(parts[i], 1, RL_SWEEP_BUSY_MS, &m.dbs[i], err,
		                   errlen);
		if (!rc)
			rc = read_runs(&m, i, err, errlen);
	}
	if (!rc)
		rc = choose_spec(&m, spec, err, errlen);
	if (!rc)
		rc = check_runs(&m, err, errlen);
	if (!rc)
		rc = check_columns(&m, err, errlen);
	if (!rc) {
		/* while the temporary exists a SIGINT or SIGTERM is caught
		** (stop.h): the copy stops at its next row, the temporary is
		** removed and nothing renamed, where the signal ended the
		** process and left OUT.tmp-PID, as large as the points copied,
		** until a merge to the same OUT came by */
		rl_stop_guard guard;
		int fd, sig;
		rl_stop_catch(&guard);
		/* created empty first, so a folder that does not exist or a
		** name too long is said of OUT, not of SQLite's temporary */
		fd = rl_tmp_create(out, tmp, sizeof tmp);
		if (fd < 0) {
			rc = rl_out_fail(out, errno, err, errlen);
			tmp[0] = '\0'; /* nothing made; a name cut short is none */
		} else {
			close(fd);
			rc = write_out(tmp, &m, err, errlen);
		}
		sig = rl_stop_caught();
		if (!rc && !sig && rename(tmp, out) != 0)
			rc = rl_out_fail(out, errno, err, errlen);
		if ((rc || sig) && tmp[0])
			unlink(tmp);
		rl_stop_release(&guard);
		if (sig) {
			snprintf(err, errlen, "interrupted by %s: %s was not "
			         "written (nothing merged, no temporary left); run "
			         "the merge again", sig == SIGTERM ? "SIGTERM" :
			         "SIGINT", out);
			rc = 128 + sig;
		}
	}
	if (!rc && st) {
		st->stored = m.copied;
		st->points = m.runs[0].points;
		st->dropped = m.dropped_known ? (long long)m.dropped : -1;
		snprintf(st->hash, sizeof st->hash, "%s", m.runs[0].hash);
		snprintf(st->spec_path, sizeof st->spec_path, "%s",
		         m.runs[0].spec_path);
		st->builds = m.builds;
		snprintf(st->mixed, sizeof st->mixed, "%s%s%s",
		         m.mixed_version ? "runs.version" : "",
		         m.mixed_version && m.mixed_rev ? " and " : "",
		         m.mixed_rev ? "runs.git_rev" : "");
	}
	ctx_free(&m);
	return rc;
}
