/*
** store.c: the sweep database: schema, identity checks and runs
** (store.h); the batched writer of points: storewriter.c.
*/
#include "store.h"
#include "coldoc.h"
#include "points.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../config/dbfile.h"
#include "../config/ini.h"
#include "../config/regfile.h"
#include "../config/shword.h"
#include "../config/stamp.h"
#include "../config/version.h"
#include "../model/utf8.h"

static const char schema_sql[] =
    "CREATE TABLE runs("
    " id INTEGER PRIMARY KEY,"
    " spec TEXT NOT NULL, spec_hash TEXT NOT NULL, spec_path TEXT NOT NULL,"
    " version TEXT NOT NULL, git_rev TEXT NOT NULL,"
    " started TEXT NOT NULL, finished TEXT,"
    " sampling TEXT NOT NULL, seed INTEGER, points INTEGER NOT NULL,"
    " shard_index INTEGER NOT NULL, shard_count INTEGER NOT NULL,"
    " next_idx INTEGER NOT NULL DEFAULT 0,"
    " chip TEXT, model TEXT, scenario TEXT, profile TEXT,"
    " baseline_total_tokens_per_s REAL, baseline_output_tokens_per_s REAL,"
    " dropped INTEGER, dropped_below INTEGER, profile_chosen TEXT,"
    " baseline_profile TEXT, baseline_profile_chosen TEXT,"
    " dropped_nofit INTEGER, dropped_over_tdp INTEGER,"
    " dropped_inval INTEGER, profile_hash TEXT, profile_fit TEXT,"
    " baseline_profile_fit TEXT, software_note TEXT,"
    " baseline_software_note TEXT);"
    "CREATE INDEX runs_spec ON runs(spec_hash, shard_count, shard_index);"
    "CREATE TABLE run_columns("
    " run_id INTEGER NOT NULL REFERENCES runs(id), ord INTEGER NOT NULL,"
    " name TEXT NOT NULL, source TEXT NOT NULL, dotted TEXT NOT NULL,"
    " unit TEXT NOT NULL, PRIMARY KEY(run_id, ord));"
    "CREATE TABLE points("
    " run_id INTEGER NOT NULL REFERENCES runs(id), idx INTEGER NOT NULL,"
    " status INTEGER NOT NULL, UNIQUE(run_id, idx));"
    "CREATE VIEW results AS SELECT p.*, r.chip AS run_chip,"
    " r.model AS run_model, r.scenario AS run_scenario,"
    " r.profile AS run_profile FROM points p JOIN runs r ON r.id = p.run_id;";

void rl_store_error(sqlite3 *db, int rc, const char *what, char *err,
                    size_t errlen)
{
	char clean[512];
	/* only a UNIQUE or PRIMARY KEY conflict is a point written twice; a
	** CHECK or a trigger's RAISE is the database's own (rl_db_error) */
	if (rl_db_conflict(db, rc))
		snprintf(err, errlen, "%s: another process is writing the same "
		         "points (%s); run one sweep per shard at a time", what,
		         rl_db_words(db, rc, clean, sizeof clean));
	else
		rl_db_error(db, rc, what, err, errlen);
}

const rl_db_kind rl_sweep_db_kind = {"sweep", RL_SWEEP_APP_ID,
                                     RL_SWEEP_SCHEMA_VERSION, NULL, 0,
                                     NULL};

int rl_store_column_docs(sqlite3 *db)
{
	sqlite3_stmt *sel = NULL, *ins = NULL;
	int rc = sqlite3_exec(
	    db, "CREATE TABLE IF NOT EXISTS column_docs("
	        " name TEXT PRIMARY KEY, doc TEXT NOT NULL);"
	        "CREATE VIEW IF NOT EXISTS run_columns_doc AS SELECT c.run_id,"
	        " c.ord, c.name, c.source, c.dotted, c.unit, d.doc FROM"
	        " run_columns c LEFT JOIN column_docs d ON d.name = c.name;",
	    NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "SELECT DISTINCT name, dotted FROM "
		                        "run_columns", -1, &sel, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO column_docs"
		                        "(name, doc) VALUES(?, ?)", -1, &ins, NULL);
	while (rc == SQLITE_OK) {
		const char *doc;
		int got = sqlite3_step(sel);
		if (got != SQLITE_ROW) {
			rc = got == SQLITE_DONE ? SQLITE_OK : got;
			break;
		}
		/* by the dotted name, as the export's JSON: a column of no
		** parameter or output this build knows gets no row (NULL) */
		doc = rl_sweep_column_doc(
		    (const char *)sqlite3_column_text(sel, 1));
		if (!doc)
			continue;
		sqlite3_bind_value(ins, 1, sqlite3_column_value(sel, 0));
		sqlite3_bind_text(ins, 2, doc, -1, SQLITE_STATIC);
		rc = sqlite3_step(ins);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		sqlite3_reset(ins);
	}
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	return rc;
}

int rl_store_init_schema(sqlite3 *db, char *err, size_t errlen)
{
	int rc = rl_db_exec(db, schema_sql, "creating the sweep tables", err,
	                    errlen);
	if (rc)
		return rc;
	rc = rl_db_mark(db, &rl_sweep_db_kind);
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, "marking the database", err, errlen);
		return rl_db_exit(rc);
	}
	return 0;
}

/* RL_EINPUT with "WHAT: table points has no column ..." when the file's
** points table lacks a column every point is written with (run_id, idx,
** status: a table made by hand, or none; fuzz3): checked when a marked
** file is opened to write, before any byte of it changes (its journal
** mode, a resumed run's repair), and again as a run starts.  The writer's
** INSERT failed after them (exit 1, "preparing the insert"), leaving a
** new run that could never hold a point.  rl_db_exit's status on a
** failed query. */
static int points_keyed(sqlite3 *db, const char *what, char *err,
                        size_t errlen)
{
	static const char *const key[] = {"run_id", "idx", "status"};
	size_t i;
	int yes = 1, rc = SQLITE_OK;
	for (i = 0; i < 3 && rc == SQLITE_OK && yes; i++)
		rc = rl_db_has_column(db, "points", key[i], &yes);
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, what, err, errlen);
		return rl_db_exit(rc);
	}
	if (!yes) {
		snprintf(err, errlen, "%s: table points has no column '%s' (or "
		         "there is no table points): not the table rooflab sweep "
		         "makes; sweep into a new file", what, key[i - 1]);
		return RL_EINPUT;
	}
	return 0;
}

/* Inside a write transaction: RL_EINTERNAL with "WHAT: ..." in err where
** the file db has open is no longer at the name it was opened by (SQLite's
** SQLITE_FCNTL_HAS_MOVED: removed, or another file put there), as where
** a sweep that made the file failed and removed it (dbmade.c) while this
** one opened it: what is written now would go to a file no one can read
** back, and the run said stored; 0 otherwise (or where SQLite cannot
** tell). */
static int moved_away(sqlite3 *db, const char *what, char *err,
                      size_t errlen)
{
	int moved = 0;
	if (sqlite3_file_control(db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) !=
	        SQLITE_OK ||
	    !moved)
		return 0;
	snprintf(err, errlen, "%s: the database file was removed or replaced "
	         "while this process had it open (another sweep that made it "
	         "failed and removed it, which held nothing); nothing was "
	         "written: run the sweep again", what);
	return RL_EINTERNAL;
}

int rl_store_open(const char *path, int readonly, int busy_ms, sqlite3 **out,
                  char *err, size_t errlen)
{
	sqlite3 *db = NULL;
	struct stat sb;
	rl_file_kind kind;
	int rc, unmarked;
	*out = NULL;
	if (readonly && !*path) { /* "": not a file that is not there */
		snprintf(err, errlen, "a database needs a file name (an empty "
		         "name names no file)");
		return RL_EINPUT;
	}
	if (readonly && stat(path, &sb) != 0) {
		/* export and merge read what rooflab sweep wrote: say how to
		** make one, as plot and report do */
		if (errno == ENOENT)
			return rl_db_missing(NULL, path, "rooflab sweep SPEC --db", err,
			                     errlen);
		snprintf(err, errlen, "%s: cannot read: %s", path,
		         strerror(errno));
		return RL_EINPUT;
	}
	if (readonly && (kind = rl_not_regular(path))) {
		snprintf(err, errlen, "%s: not a regular file (%s)", path,
		         rl_file_kind_name(kind));
		return RL_EINPUT;
	}
	if (!readonly && (rc = rl_db_target_check(path, err, errlen)))
		return rc;
	rc = readonly ? rl_db_open_read(path, &db)
	              : rl_db_open(path, SQLITE_OPEN_READWRITE |
	                           SQLITE_OPEN_CREATE, &db);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s: cannot open: %s", path,
		         db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		/* out of memory is no fault of the file (as open_write,
		** config/dbfile.c) */
		return (rc & 0xff) == SQLITE_NOMEM ? RL_EINTERNAL : RL_EINPUT;
	}
	sqlite3_busy_timeout(db, busy_ms);
	rc = readonly ? rl_db_identify_read(db, path, &rl_sweep_db_kind,
	                                    &unmarked, err, errlen)
	              : rl_db_identify(db, path, &rl_sweep_db_kind, &unmarked,
	                               err, errlen);
	if (!rc && unmarked && readonly) {
		snprintf(err, errlen, "%s holds no sweep runs", path);
		rc = RL_EINPUT;
	}
	if (!rc && !unmarked && !readonly)
		rc = points_keyed(db, path, err, errlen);
	if (!rc && !readonly) {
		rc = rl_db_exec(db, "PRAGMA journal_mode = WAL;"
		              "PRAGMA synchronous = NORMAL;"
		              "PRAGMA cache_size = -8192;"
		              "PRAGMA wal_autocheckpoint = 16384;", path, err, errlen);
		if (!rc && unmarked) {
			rc = rl_db_exec(db, "BEGIN IMMEDIATE", path, err, errlen);
			if (!rc) {
				/* another process may have made it meanwhile, or
				** removed it (moved_away) */
				rc = moved_away(db, path, err, errlen);
				if (!rc)
					rc = rl_db_identify(db, path, &rl_sweep_db_kind,
					                    &unmarked, err, errlen);
				if (!rc && unmarked)
					rc = rl_store_init_schema(db, err, errlen);
				if (rc)
					sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
				else
					rc = rl_db_exec(db, "COMMIT", path, err, errlen);
			}
		}
	}
	if (rc) {
		sqlite3_close(db);
		return rc;
	}
	*out = db;
	return 0;
}

int rl_store_find_run(sqlite3 *db, uint64_t shard, uint64_t shards,
                      const char *want_hash, const char *want_text,
                      int64_t want_id, rl_store_found *f, char *err,
                      size_t errlen)
{
	sqlite3_stmt *st;
	int bp = 0, rc;
	memset(f, 0, sizeof *f);
	/* the [baseline]'s profile where the file records it (a file made
	** before runs.baseline_profile: NULL) */
	rc = rl_db_has_column(db, "runs", "baseline_profile", &bp);
	/* this spec's runs first, of them the unfinished, the newest first */
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(
		    db, bp ? "SELECT id, finished IS NOT NULL, next_idx, spec_hash,"
		             " version, git_rev, spec IS ?5, profile,"
		             " baseline_profile FROM runs "
		             "WHERE shard_index = ?1 AND shard_count = ?2"
		             " AND (?4 = 0 OR id = ?4)"
		             " ORDER BY spec_hash IS ?3 DESC, finished IS NULL DESC,"
		             " id DESC"
		           : "SELECT id, finished IS NOT NULL, next_idx, spec_hash,"
		             " version, git_rev, spec IS ?5, profile, NULL FROM runs "
		             "WHERE shard_index = ?1 AND shard_count = ?2"
		             " AND (?4 = 0 OR id = ?4)"
		             " ORDER BY spec_hash IS ?3 DESC, finished IS NULL DESC,"
		             " id DESC",
		    -1, &st, NULL);
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, "reading runs", err, errlen);
		return rl_db_exit(rc);
	}
	sqlite3_bind_int64(st, 1, (sqlite3_int64)shard);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)shards);
	sqlite3_bind_text(st, 3, want_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, want_id);
	sqlite3_bind_text(st, 5, want_text, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *h = sqlite3_column_text(st, 3);
		int finished = sqlite3_column_int(st, 1);
		if (!f->run_id) {
			const unsigned char *v = sqlite3_column_text(st, 4);
			const unsigned char *g = sqlite3_column_text(st, 5);
			const unsigned char *p = sqlite3_column_text(st, 7);
			const unsigned char *b = sqlite3_column_text(st, 8);
			f->run_id = sqlite3_column_int64(st, 0);
			f->same_text = sqlite3_column_int(st, 6);
			snprintf(f->profile, sizeof f->profile, "%s",
			         p ? (const char *)p : "");
			f->baseline_known = b != NULL;
			snprintf(f->baseline_profile, sizeof f->baseline_profile, "%s",
			         b ? (const char *)b : "");
			f->finished = finished;
			f->next_idx = (uint64_t)sqlite3_column_int64(st, 2);
			f->same_spec = h && !strcmp((const char *)h, want_hash);
			snprintf(f->hash, sizeof f->hash, "%s",
			         h ? (const char *)h : "");
			snprintf(f->build, sizeof f->build, "%s (git %s)",
			         v ? (const char *)v : "", g ? (const char *)g : "");
			if (f->finished || !f->same_spec)
				break;
		} else if (!finished && h && !strcmp((const char *)h, want_hash)) {
			/* another unfinished run of this spec and shard */
			if (!f->other_id)
				f->other_id = sqlite3_column_int64(st, 0);
			f->others++;
		} else {
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		rl_store_error(db, rc, "reading runs", err, errlen);
		return rl_db_exit(rc);
	}
	return 0;
}

int rl_store_find_other_shards(sqlite3 *db, uint64_t shards,
                               const char *want_hash,
                               rl_store_other_shard *f, char *err,
                               size_t errlen)
{
	sqlite3_stmt *st;
	int rc;
	memset(f, 0, sizeof *f);
	/* every run of the spec, the newest first: one at this shard count
	** means the file is laid out for it, and nothing is said */
	rc = sqlite3_prepare_v2(db, "SELECT id, shard_index, shard_count FROM "
	                        "runs WHERE spec_hash = ?1 ORDER BY id DESC", -1,
	                        &st, NULL);
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, "reading runs", err, errlen);
		return rl_db_exit(rc);
	}
	sqlite3_bind_text(st, 1, want_hash, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		uint64_t n = (uint64_t)sqlite3_column_int64(st, 2);
		if (n == shards) {
			memset(f, 0, sizeof *f);
			rc = SQLITE_DONE;
			break;
		}
		if (!f->run_id) {
			f->run_id = sqlite3_column_int64(st, 0);
			f->shard = (uint64_t)sqlite3_column_int64(st, 1);
			f->shards = n;
		}
		f->count++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rl_store_error(db, rc, "reading runs", err, errlen);
		return rl_db_exit(rc);
	}
	return 0;
}

/* The most bytes of one build's shard list a message gives (some 30
** indexes), so that each build's words fit it: a longer list is cut after
** a whole index and ends ", ... (N shards)". */
#define PART_SHARDS_MAX 160
/* The end of rl_store_part_builds's words where more builds did not fit. */
#define PART_MORE "; ..."

/* One build's words for rl_store_part_builds into buf: "shards 0, 1, 2 of
** 4 by rooflab V (git R)", "; " in front of all but the first (more),
** its shard list ix ("0, 1, 2", group_concat's) cut as PART_SHARDS_MAX
** says, where it was cut anywhere the message ran out. */
static void part_words(char *buf, size_t len, int more, long long count,
                       const char *ix, long long of, const char *v,
                       const char *g)
{
	char list[PART_SHARDS_MAX + 64];
	size_t n = strlen(ix);
	if (n <= PART_SHARDS_MAX) {
		snprintf(list, sizeof list, "%s", ix);
	} else {
		/* the last ", " that leaves a whole index within the bound */
		size_t k = PART_SHARDS_MAX;
		while (k > 0 && strncmp(ix + k, ", ", 2))
			k--;
		snprintf(list, sizeof list, "%.*s, ... (%lld shards)", (int)k, ix,
		         count);
	}
	snprintf(buf, len, "%sshard%s %s of %lld by rooflab %.40s (git %.63s)",
	         more ? "; " : "", count == 1 ? "" : "s", list, of, v, g);
}

int rl_store_part_builds(sqlite3 *db, int64_t run_id, char *out,
                         size_t outlen, int *nbuilds, char *err,
                         size_t errlen)
{
	sqlite3_stmt *st;
	int has = 0, rc, n = 0, cut = 0;
	size_t len = 0;
	out[0] = '\0';
	*nbuilds = 0;
	/* a run_parts table with a version column: merge's (a file of no
	** merge has none, and then no parts to name) */
	rc = rl_db_has_column(db, "run_parts", "version", &has);
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, "reading run_parts", err, errlen);
		return rl_db_exit(rc);
	}
	if (!has)
		return RL_OK;
	rc = sqlite3_prepare_v2(
	    db, "SELECT version, git_rev, count(*), group_concat(shard_index, "
	        "', '), max(shard_count) FROM (SELECT * FROM run_parts WHERE "
	        "run_id = ? ORDER BY shard_index) GROUP BY version, git_rev "
	        "ORDER BY min(shard_index)",
	    -1, &st, NULL);
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, "reading run_parts", err, errlen);
		return rl_db_exit(rc);
	}
	sqlite3_bind_int64(st, 1, run_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *v = sqlite3_column_text(st, 0);
		const unsigned char *g = sqlite3_column_text(st, 1);
		const unsigned char *ix = sqlite3_column_text(st, 3);
		char one[PART_SHARDS_MAX + 256];
		/* every build counted, those whose words no longer fit too (a
		** first build's shard list of some 200 shards fills out: the
		** count of 1 read as one build) */
		n++;
		if (cut)
			continue;
		part_words(one, sizeof one, n > 1,
		           sqlite3_column_int64(st, 2),
		           ix ? (const char *)ix : "",
		           sqlite3_column_int64(st, 4), v ? (const char *)v : "",
		           g ? (const char *)g : "");
		/* a build's words whole, or none and the cut said at the end
		** (room for it kept) */
		if (len + strlen(one) + sizeof PART_MORE > outlen) {
			cut = 1;
			continue;
		}
		memcpy(out + len, one, strlen(one) + 1);
		len += strlen(one);
	}
	sqlite3_finalize(st);
	if (cut && len + sizeof PART_MORE <= outlen)
		memcpy(out + len, PART_MORE, sizeof PART_MORE);
	if (rc != SQLITE_DONE) {
		rl_store_error(db, rc, "reading run_parts", err, errlen);
		return rl_db_exit(rc);
	}
	*nbuilds = n;
	if (n < 2)
		out[0] = '\0';
	return RL_OK;
}

void rl_store_build(char *build)
{
	snprintf(build, RL_STORE_BUILD_LEN, "%s (git %s)", RL_VERSION,
	         RL_GIT_REV);
}

/* The points of run_id in shard I/N with index in [lo, hi): RANGE_SQL's
** five parameters, bound (rl_store_count_range, rl_store_indexes).  A
** whole-number idx alone: a crafted REAL one (2.5) is no point, where its
** modulus (2.5 % 2 is 0: SQLite's % takes a REAL as an integer) counted
** it in shard 0/2 and rl_store_indexes read it back as point 2. */
#define RANGE_SQL                                                        \
	"FROM points WHERE run_id = ? AND idx >= ? AND idx < ? AND idx % ? " \
	"= ? AND typeof(idx) = 'integer'"

static void bind_range(sqlite3_stmt *st, int64_t run_id, uint64_t shard,
                       uint64_t shards, uint64_t lo, uint64_t hi)
{
	sqlite3_bind_int64(st, 1, run_id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)lo);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)hi);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)shards);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)shard);
}

int rl_store_count_range(sqlite3 *db, int64_t run_id, uint64_t shard,
                         uint64_t shards, uint64_t lo, uint64_t hi,
                         uint64_t *n, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(
	    db, "SELECT count(*) " RANGE_SQL, -1, &st, NULL);
	*n = 0;
	if (rc == SQLITE_OK) {
		bind_range(st, run_id, shard, shards, lo, hi);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*n = (uint64_t)sqlite3_column_int64(st, 0);
			rc = SQLITE_OK;
		}
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, "counting the run's points", err, errlen);
		return rl_db_exit(rc);
	}
	return 0;
}

static int filter_cb(void *ud, const char *section, const char *key,
                     const char *value, char *err, size_t errlen)
{
	(void)key;
	(void)value;
	(void)err;
	(void)errlen;
	if (!strcmp(section, "filter"))
		*(int *)ud = 1;
	return 0;
}

/* The count of run_id's points with an index in [0, n) (every shard's)
** into *have: its rows whose idx is a whole number (typeof 'integer', as
** sweep writes it) in the range, through the (run_id, idx) index.  A
** crafted REAL index (0.5) is none: SQLite's % takes a REAL as an integer
** (0.5 % 1 is 0), so RANGE_SQL's modulus counted it, and a count of the
** whole table (taken from its pages where the file held the run alone
** and its min(idx) and max(idx) were whole numbers in [0, n), 1.5 lying
** between them) counted it too: a run lacking point 0 but holding 0.5
** read as complete.  Telling a REAL from an INTEGER takes each row, so
** the whole table's count, which did not, is gone: 0, or -1 where it
** cannot be read. */
static int count_below(sqlite3 *db, int64_t run_id, uint64_t n,
                       uint64_t *have)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM points WHERE "
	                            "run_id = ?1 AND idx >= 0 AND idx < ?2 AND "
	                            "typeof(idx) = 'integer'", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, run_id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)n);
	rc = sqlite3_step(st) == SQLITE_ROW ? 0 : -1;
	if (!rc)
		*have = (uint64_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc;
}

/* rl_store_run_missing (shard_only 1) and rl_store_run_missing_rows (0) */
static uint64_t run_missing(sqlite3 *db, int64_t run_id, int shard_only)
{
	sqlite3_stmt *st;
	uint64_t missing = 0, have, want;
	int filtered = 0;
	char err[256];
	if (sqlite3_prepare_v2(db, "SELECT finished IS NOT NULL, points, "
	                       "shard_index, shard_count, spec FROM runs WHERE "
	                       "id = ?", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, run_id);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0)) {
		sqlite3_int64 n = sqlite3_column_int64(st, 1);
		sqlite3_int64 i = sqlite3_column_int64(st, 2);
		sqlite3_int64 k = sqlite3_column_int64(st, 3);
		const char *spec = (const char *)sqlite3_column_text(st, 4);
		uint64_t dropped = 0;
		if (n > 0 && k > 0 && i >= 0 && i < k && spec &&
		    !ini_parse_text("spec", spec, filter_cb, &filtered, err,
		                    sizeof err) &&
		    (!filtered || rl_store_run_dropped(db, run_id, &dropped))) {
			want = rl_sweep_shard_points((uint64_t)n, (uint64_t)i,
			                             (uint64_t)k);
			want = want > dropped ? want - dropped : 0;
			/* every shard's rows (a run of one shard, or merge's
			** check): counted whole where that is the same */
			if (!shard_only || k == 1) {
				if (!count_below(db, run_id, (uint64_t)n, &have) &&
				    have < want)
					missing = want - have;
			} else if (!rl_store_count_range(db, run_id, (uint64_t)i,
			                                 (uint64_t)k, 0, (uint64_t)n,
			                                 &have, err, sizeof err) &&
			           have < want) {
				missing = want - have;
			}
		}
	}
	sqlite3_finalize(st);
	return missing;
}

uint64_t rl_store_run_missing(sqlite3 *db, int64_t run_id)
{
	return run_missing(db, run_id, 1);
}

uint64_t rl_store_run_missing_rows(sqlite3 *db, int64_t run_id)
{
	return run_missing(db, run_id, 0);
}

void rl_store_resume_command(sqlite3 *db, int64_t run_id,
                             const char *db_path, char *buf, size_t len)
{
	sqlite3_stmt *st;
	char qs[1100], qd[1100], shard[64] = "";
	const char *spec = NULL;
	if (sqlite3_prepare_v2(db, "SELECT spec_path, shard_index, shard_count "
	                       "FROM runs WHERE id = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		st = NULL;
	if (st) {
		sqlite3_bind_int64(st, 1, run_id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			const char *p = (const char *)sqlite3_column_text(st, 0);
			sqlite3_int64 i = sqlite3_column_int64(st, 1);
			sqlite3_int64 k = sqlite3_column_int64(st, 2);
			spec = p && p[0] ? p : NULL;
			/* a shard's run resumes with its --shard alone: without it
			** --resume looks for shard 0/1 */
			if (k > 1 && i >= 0 && i < k)
				snprintf(shard, sizeof shard, " --shard %lld/%lld",
				         (long long)i, (long long)k);
		}
	}
	snprintf(buf, len, "rooflab sweep %s --db %s%s --resume --run %lld",
	         spec ? rl_sh_word(spec, "SPEC", qs, sizeof qs) : "SPEC",
	         rl_sh_word(db_path, "FILE", qd, sizeof qd), shard,
	         (long long)run_id);
	sqlite3_finalize(st);
}

int rl_store_run_progress(sqlite3 *db, int64_t run_id, uint64_t *done,
                          uint64_t *of)
{
	sqlite3_stmt *st;
	int unfinished = 0;
	*done = *of = 0;
	if (sqlite3_prepare_v2(db, "SELECT next_idx, points, shard_index, "
	                       "shard_count FROM runs WHERE id = ? AND "
	                       "finished IS NULL", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, run_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_int64 next = sqlite3_column_int64(st, 0);
		sqlite3_int64 n = sqlite3_column_int64(st, 1);
		sqlite3_int64 i = sqlite3_column_int64(st, 2);
		sqlite3_int64 k = sqlite3_column_int64(st, 3);
		unfinished = 1;
		if (next >= 0 && n >= 0 && k > 0 && i >= 0 && i < k) {
			*of = rl_sweep_shard_points((uint64_t)n, (uint64_t)i,
			                            (uint64_t)k);
			*done = rl_sweep_shard_points((uint64_t)(next < n ? next : n),
			                              (uint64_t)i, (uint64_t)k);
		}
	}
	sqlite3_finalize(st);
	return unfinished;
}

int rl_store_indexes(sqlite3 *db, int64_t run_id, uint64_t shard,
                     uint64_t shards, uint64_t lo, uint64_t hi, uint64_t *idx,
                     size_t cap, size_t *n, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(
	    db, "SELECT idx " RANGE_SQL " ORDER BY idx", -1, &st, NULL);
	*n = 0;
	if (rc == SQLITE_OK) {
		bind_range(st, run_id, shard, shards, lo, hi);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < cap)
			idx[(*n)++] = (uint64_t)sqlite3_column_int64(st, 0);
		if (rc == SQLITE_ROW || rc == SQLITE_DONE)
			rc = SQLITE_OK;
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, "reading the run's points", err, errlen);
		return rl_db_exit(rc);
	}
	return 0;
}

/* runs.dropped and runs.dropped_below added to a file made before them
** (in a write transaction): NULL for its runs, the count unknown. */
static int add_drop_columns(sqlite3 *db)
{
	size_t i;
	int yes, rc = rl_db_has_column(db, "runs", "dropped", &yes);
	if (rc == SQLITE_OK && !yes)
		rc = sqlite3_exec(db, "ALTER TABLE runs ADD COLUMN dropped INTEGER;"
		                  "ALTER TABLE runs ADD COLUMN dropped_below INTEGER",
		                  NULL, NULL, NULL);
	/* and, of them, those the filter could not answer (store.h):
	** NULL, unknown, for the runs before */
	for (i = 0; i < RL_STORE_UNANSWERED && rc == SQLITE_OK; i++) {
		rc = rl_db_has_column(db, "runs", rl_store_unanswered_cols[i],
		                      &yes);
		if (rc == SQLITE_OK && !yes) {
			char sql[96];
			snprintf(sql, sizeof sql, "ALTER TABLE runs ADD COLUMN %s "
			         "INTEGER", rl_store_unanswered_cols[i]);
			rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
		}
	}
	return rc;
}

/* runs.profile_chosen, baseline_profile and baseline_profile_chosen added
** to a file made before them (in a write transaction) for a new run to
** record its profile and the [baseline]'s, and why, where each was
** fitted on another chip's rows (profile_fit, baseline_profile_fit) and
** where each is of software its chip's preset does not name
** (software_note, baseline_software_note): NULL for the runs before,
** which did not record them. */
static int add_profile_chosen_columns(sqlite3 *db)
{
	static const char *const cols[] = {"profile_chosen", "baseline_profile",
	                                   "baseline_profile_chosen",
	                                   "profile_hash", "profile_fit",
	                                   "baseline_profile_fit",
	                                   "software_note",
	                                   "baseline_software_note"};
	size_t i;
	int yes, rc = SQLITE_OK;
	for (i = 0; i < sizeof cols / sizeof cols[0] && rc == SQLITE_OK; i++) {
		rc = rl_db_has_column(db, "runs", cols[i], &yes);
		if (rc == SQLITE_OK && !yes) {
			char sql[96];
			snprintf(sql, sizeof sql, "ALTER TABLE runs ADD COLUMN %s TEXT",
			         cols[i]);
			rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
		}
	}
	return rc;
}

int rl_store_add_drop_columns(sqlite3 *db, char *err, size_t errlen)
{
	int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = add_drop_columns(db);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, "adding the dropped-point count", err,
		               errlen);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return rl_db_exit(rc);
	}
	return 0;
}

int rl_store_run_dropped(sqlite3 *db, int64_t run_id, uint64_t *dropped)
{
	sqlite3_stmt *st;
	int known = 0;
	*dropped = 0;
	/* a file made before the count has no such column: unknown */
	if (sqlite3_prepare_v2(db, "SELECT dropped FROM runs WHERE id = ? AND "
	                       "dropped >= 0 AND dropped_below = next_idx", -1,
	                       &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, run_id);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) == SQLITE_INTEGER) {
		*dropped = (uint64_t)sqlite3_column_int64(st, 0);
		known = 1;
	}
	sqlite3_finalize(st);
	return known;
}

int rl_store_run_unanswered(sqlite3 *db, int64_t run_id, uint64_t *out)
{
	sqlite3_stmt *st;
	int k, known = 0;
	memset(out, 0, RL_STORE_UNANSWERED * sizeof *out);
	/* a file made before them has no such columns: unknown */
	if (sqlite3_prepare_v2(db, "SELECT dropped_nofit, dropped_over_tdp, "
	                       "dropped_inval, dropped FROM runs WHERE id = ? AND "
	                       "dropped >= 0 AND dropped_below = next_idx AND "
	                       "dropped_nofit >= 0 AND dropped_over_tdp >= 0 AND "
	                       "dropped_inval >= 0", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, run_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		uint64_t sum = 0;
		known = 1;
		for (k = 0; k < RL_STORE_UNANSWERED; k++) {
			if (sqlite3_column_type(st, k) != SQLITE_INTEGER)
				known = 0;
			out[k] = (uint64_t)sqlite3_column_int64(st, k);
			sum += out[k] < (uint64_t)INT64_MAX ? out[k] : INT64_MAX;
		}
		/* more than the points dropped: edited by hand */
		if (sum > (uint64_t)sqlite3_column_int64(st, 3))
			known = 0;
	}
	sqlite3_finalize(st);
	if (!known)
		memset(out, 0, RL_STORE_UNANSWERED * sizeof *out);
	return known;
}

int rl_store_repair_complete(sqlite3 *db, int64_t run_id, uint64_t npoints,
                             char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "UPDATE runs SET next_idx = ?2, "
	                            "dropped = NULL, dropped_below = NULL, "
	                            "dropped_nofit = NULL, dropped_over_tdp = "
	                            "NULL, dropped_inval = NULL "
	                            "WHERE id = ?1 AND finished IS NOT NULL AND "
	                            "next_idx IS NOT ?2", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, run_id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)npoints);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, "repairing the run's next point", err,
		               errlen);
		return rl_db_exit(rc);
	}
	return 0;
}

/* The run's two text columns sql selects into out[0] and out[1] (each
** len bytes, "" where NULL or empty): how many are not "" (0 where the
** query fails: a file made before the columns) */
static int run_notes(sqlite3 *db, int64_t run_id, const char *sql,
                     char *out0, char *out1, size_t len)
{
	sqlite3_stmt *st;
	char *out[2] = {out0, out1};
	int k, n = 0;
	out0[0] = out1[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, run_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		for (k = 0; k < 2; k++) {
			const unsigned char *t = sqlite3_column_text(st, k);
			if (t && t[0]) {
				snprintf(out[k], len, "%s", (const char *)t);
				n++;
			}
		}
	sqlite3_finalize(st);
	return n;
}

const char *rl_store_fit_words(int64_t run_id, int k, const char *fit,
                               char *buf, size_t len)
{
	snprintf(buf, len, "run %lld's %s: %s", (long long)run_id,
	         k ? "[baseline]" : "[base]", fit);
	return buf;
}

int rl_store_run_fit(sqlite3 *db, int64_t run_id,
                     char fit[2][RL_SWEEP_FIT_NOTE_MAX])
{
	return run_notes(db, run_id, "SELECT profile_fit, baseline_profile_fit "
	                 "FROM runs WHERE id = ?", fit[0], fit[1],
	                 RL_SWEEP_FIT_NOTE_MAX);
}

int rl_store_run_fit_unrecorded(sqlite3 *db, int64_t run_id, int unrec[4],
                                char *chip, char *profile, size_t len)
{
	static const char *const cols[4] = {"profile_fit",
	                                    "baseline_profile_fit",
	                                    "software_note",
	                                    "baseline_software_note"};
	char sql[480], what[4][48];
	sqlite3_stmt *st;
	int k, yes, ok = 0;
	unrec[0] = unrec[1] = unrec[2] = unrec[3] = 0;
	chip[0] = profile[0] = '\0';
	for (k = 0; k < 4; k++) {
		if (rl_db_has_column(db, "runs", cols[k], &yes) != SQLITE_OK)
			return 0;
		snprintf(what[k], sizeof what[k], yes ? "%s IS NULL" : "1",
		         cols[k]);
	}
	/* (a [baseline]'s NULL is no [baseline] where the run has none) */
	snprintf(sql, sizeof sql, "SELECT chip, profile, %s, (%s) AND "
	         "baseline_total_tokens_per_s IS NOT NULL, %s, (%s) AND "
	         "baseline_total_tokens_per_s IS NOT NULL FROM runs WHERE id "
	         "= ?1", what[0], what[1], what[2], what[3]);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, run_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *c = sqlite3_column_text(st, 0);
		const unsigned char *p = sqlite3_column_text(st, 1);
		snprintf(chip, len, "%s", c ? (const char *)c : "");
		snprintf(profile, len, "%s", p ? (const char *)p : "");
		for (k = 0; k < 4; k++)
			unrec[k] = sqlite3_column_int(st, 2 + k) != 0;
		ok = 1;
	}
	sqlite3_finalize(st);
	return ok;
}

int rl_store_run_software(sqlite3 *db, int64_t run_id,
                          char sw[2][RL_SWEEP_SOFTWARE_NOTE_MAX])
{
	return run_notes(db, run_id, "SELECT software_note, "
	                 "baseline_software_note FROM runs WHERE id = ?", sw[0],
	                 sw[1], RL_SWEEP_SOFTWARE_NOTE_MAX);
}

int rl_store_set_dropped(sqlite3 *db, int64_t run_id, uint64_t dropped,
                         const uint64_t *unanswered, uint64_t below,
                         char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int k;
	/* nothing where next_idx is no longer `below`: another process
	** writing the run moved it, and the count would be stale */
	int rc = sqlite3_prepare_v2(db, "UPDATE runs SET dropped = ?1, "
	                            "dropped_below = ?2, dropped_nofit = ?4, "
	                            "dropped_over_tdp = ?5, dropped_inval = ?6 "
	                            "WHERE id = ?3 AND next_idx = ?2", -1, &st,
	                            NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)dropped);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)below);
		sqlite3_bind_int64(st, 3, run_id);
		for (k = 0; k < RL_STORE_UNANSWERED; k++)
			sqlite3_bind_int64(st, 4 + k, unanswered ?
			                   (sqlite3_int64)unanswered[k] : 0);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, "recording the dropped points", err, errlen);
		return rl_db_exit(rc);
	}
	return 0;
}

const char *const rl_store_unanswered_cols[RL_STORE_UNANSWERED] = {
    "dropped_nofit", "dropped_over_tdp", "dropped_inval"};

static const char *const source_names[] = {"axis", "output", "speedup"};
static const char *const sampling_names[] = {"grid", "random", "sobol"};

/* The spec's path as runs.spec_path records it: a relative one made
** absolute with the folder the sweep runs in ("./a.ini" from /w:
** /w/a.ini), since merge's and export's hints to run the spec again are
** given in another folder as often as not (a relative path there named
** another file, or none, until 2026-11-30); as given where the folder is
** unknown.  0, or -1 where the whole does not fit len (buf then holds the
** path as given; *need: the bytes of the whole, its NUL apart), which
** rl_sweep_run refuses before it opens the database
** (rl_store_spec_path_check). */
static int spec_path_abs(const char *path, char *buf, size_t len,
                         size_t *need)
{
	char cwd[4096];
	size_t n;
	snprintf(buf, len, "%s", path);
	*need = strlen(path);
	if (path[0] == '/' || !path[0] || !getcwd(cwd, sizeof cwd))
		return 0;
	while (path[0] == '.' && path[1] == '/')
		for (path += 2; *path == '/'; path++)
			;
	n = strlen(cwd);
	if (n && cwd[n - 1] == '/')
		n--; /* "/" itself: "/a.ini" */
	*need = n + 1 + strlen(path);
	if (*need >= len)
		return -1;
	memcpy(buf, cwd, n);
	buf[n] = '/';
	memcpy(buf + n + 1, path, strlen(path) + 1);
	return 0;
}

int rl_store_spec_path_check(const rl_sweep_spec *s, char *err,
                             size_t errlen)
{
	char path[sizeof s->path];
	size_t need;
	if (spec_path_abs(s->path, path, sizeof path, &need) == 0)
		return 0;
	snprintf(err, errlen, "sweep spec '%.*s': a path of %zu bytes once "
	         "made absolute from the working folder, as the run records it "
	         "(runs.spec_path); at most %zu bytes (run the sweep from a "
	         "folder nearer the spec)", rl_utf8_cut(s->path, 200), s->path,
	         need, sizeof s->path - 1);
	return -1;
}

/* Whether runs.seed is NOT NULL, as in a file made before 2026-11-30
** (*yes): SQLITE_OK, or the code of the failed look-up. */
static int seed_not_null(sqlite3 *db, int *yes)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "SELECT \"notnull\" FROM "
	                            "pragma_table_info('runs') WHERE name = "
	                            "'seed'", -1, &st, NULL);
	*yes = 0;
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*yes = sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int insert_run(sqlite3 *db, const rl_sweep_spec *s, uint64_t shard,
                      uint64_t shards, int64_t *run_id)
{
	sqlite3_stmt *st;
	char now[32], path[sizeof s->path];
	int rc, k = 1, old_seed;
	size_t i;
	size_t need;
	/* (one that does not fit is refused before: as given, in case) */
	(void)spec_path_abs(s->path, path, sizeof path, &need);
	/* a grid has no seed and a spec naming no scenario preset no
	** scenario: NULL, "not applicable", where until 2026-11-30 a run
	** recorded 0 and ''; a file made before then declares seed NOT NULL
	** (SQLite cannot drop it in place), and gets 0 there as before */
	rc = seed_not_null(db, &old_seed);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_prepare_v2(
	    db, "INSERT INTO runs(spec, spec_hash, spec_path, version, git_rev,"
	        " started, sampling, seed, points, shard_index, shard_count,"
	        " next_idx, chip, model, scenario, profile,"
	        " baseline_total_tokens_per_s, baseline_output_tokens_per_s,"
	        " dropped, dropped_below, profile_chosen, baseline_profile,"
	        " baseline_profile_chosen, dropped_nofit, dropped_over_tdp,"
	        " dropped_inval, profile_hash, profile_fit, baseline_profile_fit,"
	        " software_note, baseline_software_note)"
	        " VALUES(?,?,?,?,?,?,?,?,?,?,?,0,?,?,?,?,?,?,0,0,?18,?19,?20,0,0,0,"
	        "?21,?22,?23,?24,?25)",
	        -1,
	    &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rl_utc_now(now, sizeof now);
	sqlite3_bind_text(st, k++, s->text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, k++, s->hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, k++, path, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, k++, RL_VERSION, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, k++, RL_GIT_REV, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, k++, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, k++, sampling_names[s->sampling], -1,
	                  SQLITE_STATIC);
	if (s->sampling != RL_SAMPLE_GRID || old_seed)
		sqlite3_bind_int64(st, k, (sqlite3_int64)s->seed);
	k++; /* (left NULL) */
	sqlite3_bind_int64(st, k++, (sqlite3_int64)s->npoints);
	sqlite3_bind_int64(st, k++, (sqlite3_int64)shard);
	sqlite3_bind_int64(st, k++, (sqlite3_int64)shards);
	sqlite3_bind_text(st, k++, s->setup.chip, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, k++, s->setup.model, -1, SQLITE_STATIC);
	if (s->setup.scenario[0])
		sqlite3_bind_text(st, k, s->setup.scenario, -1, SQLITE_STATIC);
	k++;
	sqlite3_bind_text(st, k++, s->setup.profile, -1, SQLITE_STATIC);
	/* why that profile: "named by profile=", the scenario's, the chip's
	** default or ideal and why (profile_settle's note) */
	sqlite3_bind_text(st, 18, s->setup.profile_note, -1, SQLITE_STATIC);
	/* the profile's numbers, which its name alone does not pin down */
	sqlite3_bind_text(st, 21, s->profile_hash, -1, SQLITE_STATIC);
	/* the profile fitted on another chip's rows, said (sweep's stderr
	** note): "" not carried, NULL not looked up */
	if (s->profile_fit_known)
		sqlite3_bind_text(st, 22, s->profile_fit, -1, SQLITE_STATIC);
	/* its software not the chip preset's, said (sweep's stderr note):
	** "" none */
	sqlite3_bind_text(st, 24, s->software_note, -1, SQLITE_STATIC);
	if (s->has_baseline) {
		sqlite3_bind_double(st, k++, s->baseline_total_tps);
		sqlite3_bind_double(st, k++, s->baseline_output_tps);
		/* the [baseline]'s profile and why, as the [base]'s (NULL for a
		** spec without one) */
		sqlite3_bind_text(st, 19, s->baseline_profile, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 20, s->baseline_profile_note, -1,
		                  SQLITE_STATIC);
		if (s->baseline_profile_fit_known)
			sqlite3_bind_text(st, 23, s->baseline_profile_fit, -1,
			                  SQLITE_STATIC);
		sqlite3_bind_text(st, 25, s->baseline_software_note, -1,
		                  SQLITE_STATIC);
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc;
	*run_id = sqlite3_last_insert_rowid(db);
	rc = sqlite3_prepare_v2(db, "INSERT INTO run_columns VALUES(?,?,?,?,?,?)",
	                        -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	for (i = 0; i < s->ncols && rc == SQLITE_OK; i++) {
		const rl_col *c = &s->cols[i];
		sqlite3_bind_int64(st, 1, *run_id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		sqlite3_bind_text(st, 3, c->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, source_names[c->source], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, c->dotted, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, c->unit, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

int rl_store_new_run(sqlite3 *db, const rl_sweep_spec *s, uint64_t shard,
                     uint64_t shards, int64_t *run_id, char *err,
                     size_t errlen)
{
	size_t i;
	int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, "starting a run", err, errlen);
		return rl_db_exit(rc);
	}
	if ((rc = moved_away(db, "starting a run", err, errlen)) ||
	    (rc = points_keyed(db, "starting a run", err, errlen))) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
	if (rc == SQLITE_OK)
		rc = add_drop_columns(db);
	if (rc == SQLITE_OK)
		rc = add_profile_chosen_columns(db);
	for (i = 0; i < s->ncols && rc == SQLITE_OK; i++) {
		int yes;
		rc = rl_db_has_column(db, "points", s->cols[i].name, &yes);
		if (rc == SQLITE_OK && !yes) {
			char sql[256];
			snprintf(sql, sizeof sql,
			         "ALTER TABLE points ADD COLUMN \"%s\" %s",
			         s->cols[i].name, s->cols[i].decl);
			rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
		}
	}
	if (rc == SQLITE_OK)
		rc = insert_run(db, s, shard, shards, run_id);
	if (rc == SQLITE_OK)
		rc = rl_store_column_docs(db);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, "starting a run", err, errlen);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return rl_db_exit(rc);
	}
	return 0;
}

int rl_store_finish_run(sqlite3 *db, int64_t run_id, uint64_t npoints,
                        char *err, size_t errlen)
{
	sqlite3_stmt *st;
	char now[32];
	/* the count holds only if it was kept up to the last commit, which
	** covered the shard's last point; where a batch ended on that point
	** its next_idx is the point + 1, which lies below npoints in most
	** shards (shard 1/3 of 3000 points ends on 2998) */
	int rc = sqlite3_prepare_v2(db, "UPDATE runs SET finished = ?1, "
	                            "dropped = CASE WHEN dropped_below = next_idx "
	                            "THEN dropped END, dropped_nofit = CASE WHEN "
	                            "dropped_below = next_idx THEN dropped_nofit "
	                            "END, dropped_over_tdp = CASE WHEN "
	                            "dropped_below = next_idx THEN "
	                            "dropped_over_tdp END, dropped_inval = CASE "
	                            "WHEN dropped_below = next_idx THEN "
	                            "dropped_inval END, dropped_below = ?2, "
	                            "next_idx = ?2 WHERE id = ?3", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rl_utc_now(now, sizeof now);
		sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)npoints);
		sqlite3_bind_int64(st, 3, run_id);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, "finishing the run", err, errlen);
		return rl_db_exit(rc);
	}
	return 0;
}
