/*
** run.c: the sweep pipeline (run.h).  The calling thread generates chunks
** of points into a ring of slots and writes finished chunks in order;
** `jobs` worker threads evaluate the slots in between.  A batch commits
** every `batch` points (or every second) together with the run's next_idx,
** so a crash loses at most the batch in flight and a resume starts exactly
** after the last committed point, having first stored any point below it
** that the run lacks (refill).
*/
#include "run.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "points.h"
#include "progress.h"
#include "store.h"

#define CHUNK 256

enum { S_FREE = 0, S_FILLED, S_TAKEN, S_DONE };

typedef struct {
	int state;
	size_t n;
	uint64_t idx[CHUNK];
	int status[CHUNK];
	unsigned char keep[CHUNK];
	double *vals;            /* CHUNK x ncols */
} slot;

typedef struct {
	const rl_sweep_spec *s;
	slot *slots;
	size_t nslots;
	uint64_t fill_seq, take_seq, write_seq;
	int quit;
	pthread_mutex_t mu;
	pthread_cond_t cv_work, cv_done;
} pool;

static void eval_slot(const rl_sweep_spec *s, slot *sl)
{
	size_t j;
	rl_eval_cache cache; /* this thread's, for the chunk's points */
	rl_eval_cache *cp = rl_sweep_cache_pays(s) ? &cache : NULL;
	cache.valid = 0;
	for (j = 0; j < sl->n; j++) {
		double *row = sl->vals + j * s->ncols;
		sl->keep[j] = (unsigned char)rl_sweep_eval_point(
		    s, row, row, &sl->status[j], cp);
	}
}

static void *worker(void *arg)
{
	pool *p = arg;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		slot *sl;
		while (!p->quit && p->take_seq == p->fill_seq)
			pthread_cond_wait(&p->cv_work, &p->mu);
		if (p->take_seq == p->fill_seq)
			break;
		sl = &p->slots[p->take_seq++ % p->nslots];
		sl->state = S_TAKEN;
		pthread_mutex_unlock(&p->mu);
		eval_slot(p->s, sl);
		pthread_mutex_lock(&p->mu);
		sl->state = S_DONE;
		pthread_cond_broadcast(&p->cv_done);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* Fill a slot from the generator; 0 when the generator is exhausted. */
static size_t fill(const rl_sweep_spec *s, rl_sweep_gen *g, slot *sl)
{
	size_t n = 0;
	while (n < CHUNK &&
	       rl_sweep_gen_next(g, &sl->idx[n], sl->vals + n * s->ncols))
		n++;
	sl->n = n;
	return n;
}

typedef struct {
	sqlite3 *db;
	rl_store_writer *w;
	int in_batch;
	uint64_t batch_points;
	double batch_t0;
} writer_state;

/* rc of a store call after rl_store_open, with the database's name put
** in front of its message, which names the step alone ("reading runs: no
** such table: runs"; store.h) */
static int on_db(const char *path, int rc, char *err, size_t errlen)
{
	char msg[1024];
	if (rc) {
		snprintf(msg, sizeof msg, "%s", err);
		snprintf(err, errlen, "%s: %s", path, msg);
	}
	return rc;
}

static int write_slot(const rl_sweep_spec *s, const rl_sweep_opts *o,
                      writer_state *ws, slot *sl, rl_sweep_stats *st,
                      char *err, size_t errlen)
{
	size_t j;
	int rc;
	if (!ws->w)
		return 0;
	if (!ws->in_batch) {
		if ((rc = on_db(o->db_path, rl_store_begin(ws->w, err, errlen),
		                err, errlen)))
			return rc;
		ws->in_batch = 1;
		ws->batch_points = 0;
		ws->batch_t0 = rl_progress_clock();
	}
	for (j = 0; j < sl->n; j++) {
		if (!sl->keep[j])
			continue;
		rc = on_db(o->db_path, rl_store_add(ws->w, sl->idx[j],
		                                    sl->status[j],
		                                    sl->vals + j * s->ncols, err,
		                                    errlen), err, errlen);
		if (rc) {
			rl_store_rollback(ws->w);
			ws->in_batch = 0;
			return rc;
		}
		st->stored++;
	}
	ws->batch_points += sl->n;
	if (ws->batch_points >= o->batch ||
	    rl_progress_clock() - ws->batch_t0 >= 1.0) {
		ws->in_batch = 0;
		if ((rc = on_db(o->db_path, rl_store_commit(ws->w,
		                                            sl->idx[sl->n - 1] + 1,
		                                            err, errlen),
		                err, errlen)))
			return rc;
		if (o->batch_sleep_ms) {
			struct timespec ts = {(time_t)(o->batch_sleep_ms / 1000),
			                      (long)(o->batch_sleep_ms % 1000) *
			                          1000000L};
			nanosleep(&ts, NULL);
		}
	}
	return 0;
}

/* Generate, evaluate and write from the generator's position on. */
static int pipeline(const rl_sweep_spec *s, const rl_sweep_opts *o,
                    rl_sweep_gen *g, writer_state *ws, rl_progress *pg,
                    rl_sweep_stats *st, char *err, size_t errlen)
{
	pool p;
	pthread_t *th;
	size_t i;
	int nth = 0, gen_done = 0, rc = 0;
	uint64_t done = pg->start;
	memset(&p, 0, sizeof p);
	p.s = s;
	p.nslots = 2 * (size_t)o->jobs + 2;
	p.slots = calloc(p.nslots, sizeof *p.slots);
	th = calloc((size_t)o->jobs, sizeof *th);
	if (!p.slots || !th) {
		free(p.slots);
		free(th);
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	for (i = 0; i < p.nslots; i++) {
		p.slots[i].vals = malloc(CHUNK * (s->ncols ? s->ncols : 1) *
		                         sizeof(double));
		if (!p.slots[i].vals)
			rc = RL_EINTERNAL;
	}
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv_work, NULL);
	pthread_cond_init(&p.cv_done, NULL);
	if (rc) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	for (nth = 0; nth < o->jobs; nth++)
		if (pthread_create(&th[nth], NULL, worker, &p)) {
			snprintf(err, errlen, "cannot start evaluation threads");
			rc = RL_EINTERNAL;
			goto out;
		}
	for (;;) {
		slot *sl;
		pthread_mutex_lock(&p.mu);
		while (!gen_done && p.fill_seq - p.write_seq < p.nslots) {
			slot *f = &p.slots[p.fill_seq % p.nslots];
			pthread_mutex_unlock(&p.mu);
			if (!fill(s, g, f))
				gen_done = 1;
			pthread_mutex_lock(&p.mu);
			if (!gen_done) {
				f->state = S_FILLED;
				p.fill_seq++;
				pthread_cond_signal(&p.cv_work);
			}
		}
		if (p.write_seq == p.fill_seq) {
			pthread_mutex_unlock(&p.mu);
			break;
		}
		sl = &p.slots[p.write_seq % p.nslots];
		while (sl->state != S_DONE)
			pthread_cond_wait(&p.cv_done, &p.mu);
		pthread_mutex_unlock(&p.mu);
		rc = write_slot(s, o, ws, sl, st, err, errlen);
		if (rc)
			break;
		st->processed += sl->n;
		done += sl->n;
		rl_progress_update(pg, done);
		pthread_mutex_lock(&p.mu);
		sl->state = S_FREE;
		p.write_seq++;
		pthread_mutex_unlock(&p.mu);
	}
out:
	pthread_mutex_lock(&p.mu);
	p.quit = 1;
	pthread_cond_broadcast(&p.cv_work);
	pthread_mutex_unlock(&p.mu);
	for (i = 0; i < (size_t)nth; i++)
		pthread_join(th[i], NULL);
	if (!rc && ws->in_batch) {
		ws->in_batch = 0;
		rc = on_db(o->db_path, rl_store_commit(ws->w, s->npoints, err,
		                                       errlen), err, errlen);
	}
	for (i = 0; i < p.nslots; i++)
		free(p.slots[i].vals);
	free(p.slots);
	free(th);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.cv_work);
	pthread_cond_destroy(&p.cv_done);
	return rc;
}

/* Shard points a refill transaction covers: 512 KB of indexes read back */
#define REFILL_WINDOW 65536

/* The points of the shard below end that the run lacks, evaluated and
** stored (store.h promises every point below next_idx; a database altered
** by hand, or restored from a copy taken between writes, may break that).
** A point's values depend on its index alone, so each is the point an
** uninterrupted run would have written.  The stored points are counted
** first (one index range); only when some are short is the shard walked,
** a window of REFILL_WINDOW points at a time: a full window is skipped, in
** the others each point not stored is evaluated and kept where the filter
** keeps it, one transaction per window, next_idx left as it is.  With a
** [filter] the points it dropped are not recorded anywhere, so they are
** evaluated again (nothing is stored for them). */
static int refill(const rl_sweep_spec *s, const rl_sweep_opts *o,
                  writer_state *ws, uint64_t end, rl_sweep_stats *st,
                  char *err, size_t errlen)
{
	uint64_t have, lo, hi, span, *idx = NULL;
	uint64_t want = rl_sweep_shard_points(end, o->shard, o->shards);
	double *row = NULL;
	rl_sweep_gen *g = NULL;
	int rc = on_db(o->db_path, rl_store_count_range(ws->db, st->run_id,
	                                                o->shard, o->shards, 0,
	                                                end, &have, err, errlen),
	               err, errlen);
	if (rc || have >= want)
		return rc;
	idx = malloc(REFILL_WINDOW * sizeof *idx);
	row = malloc((s->ncols ? s->ncols : 1) * sizeof *row);
	g = rl_sweep_gen_alloc(s, o->shard, o->shards);
	if (!idx || !row || !g) {
		snprintf(err, errlen, "out of memory");
		rc = RL_EINTERNAL;
	}
	span = REFILL_WINDOW * o->shards;
	for (lo = 0; !rc && lo < end; lo = hi) {
		uint64_t wn, j, i;
		size_t n, k = 0;
		hi = end - lo > span ? lo + span : end;
		wn = rl_sweep_shard_points(hi, o->shard, o->shards) -
		     rl_sweep_shard_points(lo, o->shard, o->shards);
		rc = on_db(o->db_path, rl_store_indexes(ws->db, st->run_id,
		                                        o->shard, o->shards, lo, hi,
		                                        idx, REFILL_WINDOW, &n, err,
		                                        errlen), err, errlen);
		if (rc || n >= wn)
			continue;
		rl_sweep_gen_seek(g, lo);
		rc = on_db(o->db_path, rl_store_begin(ws->w, err, errlen), err,
		           errlen);
		/* exactly wn points: one more would carry a Sobol generator past
		** the next window's first point, and seeking back restarts it */
		for (j = 0; !rc && j < wn && rl_sweep_gen_next(g, &i, row); j++) {
			int status;
			while (k < n && idx[k] < i)
				k++;
			if (k < n && idx[k] == i)
				continue;
			st->refilled++;
			if (!rl_sweep_eval_point(s, row, row, &status, NULL))
				continue;
			rc = on_db(o->db_path, rl_store_add(ws->w, i, status, row, err,
			                                    errlen), err, errlen);
			if (!rc)
				st->refill_stored++;
		}
		if (!rc)
			rc = on_db(o->db_path, rl_store_commit(ws->w, end, err, errlen),
			           err, errlen);
	}
	if (rc)
		rl_store_rollback(ws->w);
	rl_sweep_gen_free(g);
	free(row);
	free(idx);
	return rc;
}

/* Pick the run: a new one, or the one --resume continues. */
static int open_run(const rl_sweep_spec *s, const rl_sweep_opts *o,
                    writer_state *ws, rl_sweep_stats *st, uint64_t *start,
                    char *err, size_t errlen)
{
	int rc, finished = 0;
	int64_t id = 0;
	uint64_t next = 0;
	char hash[17] = "";
	rc = rl_store_open(o->db_path, 0, o->busy_ms ? o->busy_ms
	                                             : RL_SWEEP_BUSY_MS,
	                   &ws->db, err, errlen);
	if (rc)
		return rc;
	if (o->resume) {
		rc = rl_store_find_run(ws->db, o->shard, o->shards, &id, &finished,
		                       &next, hash, err, errlen);
		if (rc)
			return on_db(o->db_path, rc, err, errlen);
		if (id && strcmp(hash, s->hash)) {
			snprintf(err, errlen, "%s: run %lld (shard %llu/%llu) was "
			         "started from a different spec (hash %s; %s has "
			         "%s); refusing to resume it (leave out --resume to "
			         "start a new run)", o->db_path, (long long)id,
			         (unsigned long long)o->shard,
			         (unsigned long long)o->shards, hash, s->path,
			         s->hash);
			return RL_EINPUT;
		}
		if (id && !finished && next > s->npoints) {
			/* next_idx past the spec's points (or below 0, read as
			** unsigned): resuming there would store nothing and mark
			** the run complete with points missing */
			snprintf(err, errlen, "%s: run %lld (shard %llu/%llu) "
			         "records its next point as %lld, outside 0 to %llu "
			         "(the spec's points): the database was altered; "
			         "refusing to resume it", o->db_path, (long long)id,
			         (unsigned long long)o->shard,
			         (unsigned long long)o->shards, (long long)next,
			         (unsigned long long)s->npoints);
			return RL_EINPUT;
		}
		if (id && !finished) {
			/* each batch commits its points with the next point
			** together, so none of the shard's lies at or past it */
			uint64_t past = 0;
			rc = rl_store_count_range(ws->db, id, o->shard, o->shards,
			                          next, s->npoints, &past, err,
			                          errlen);
			if (rc)
				return on_db(o->db_path, rc, err, errlen);
			if (past) {
				snprintf(err, errlen, "%s: run %lld (shard %llu/%llu) "
				         "records its next point as %lld but holds %llu "
				         "of its points from there on (a batch stores its "
				         "points and the next point together): another "
				         "process is resuming the same run, or the "
				         "database was altered; refusing to resume it",
				         o->db_path, (long long)id,
				         (unsigned long long)o->shard,
				         (unsigned long long)o->shards, (long long)next,
				         (unsigned long long)past);
				return RL_EINPUT;
			}
		}
		if (id && finished) {
			st->run_id = id;
			st->complete_before = 1;
			*start = s->npoints;
		}
		else if (id) {
			st->run_id = id;
			st->resumed = 1;
			*start = next;
		}
	}
	if (!st->run_id) {
		rc = rl_store_new_run(ws->db, s, o->shard, o->shards, &st->run_id,
		                      err, errlen);
		if (rc)
			return on_db(o->db_path, rc, err, errlen);
		*start = 0;
	}
	ws->w = rl_store_writer_alloc(ws->db, s, st->run_id, err, errlen);
	return on_db(o->db_path, ws->w ? RL_OK : RL_EINTERNAL, err, errlen);
}

int rl_sweep_run(const rl_sweep_spec *s, const rl_sweep_opts *opts,
                 rl_sweep_stats *st, char *err, size_t errlen)
{
	rl_sweep_opts o = *opts;
	writer_state ws;
	rl_sweep_gen *g = NULL;
	rl_progress pg;
	uint64_t start = 0;
	double t0 = rl_progress_clock();
	int rc = 0;
	memset(st, 0, sizeof *st);
	memset(&ws, 0, sizeof ws);
	if (!o.shards)
		o.shards = 1;
	if (o.jobs < 1)
		o.jobs = 1;
	if (!o.limit)
		o.limit = RL_SWEEP_DEFAULT_LIMIT;
	if (!o.batch)
		o.batch = 10000;
	if (s->npoints_real > (double)o.limit && !o.force) {
		snprintf(err, errlen, "%s: the sweep has %.0f design points, over "
		         "the limit of %llu; narrow the axes or pass --force",
		         s->path, s->npoints_real, (unsigned long long)o.limit);
		return RL_EINPUT;
	}
	if (s->npoints == UINT64_MAX) {
		snprintf(err, errlen, "%s: the sweep has %.3g design points, more "
		         "than can be numbered", s->path, s->npoints_real);
		return RL_EINPUT;
	}
	st->shard_points = rl_sweep_shard_points(s->npoints, o.shard, o.shards);
	if (o.db_path) {
		rc = open_run(s, &o, &ws, st, &start, err, errlen);
		if (!rc && (st->resumed || st->complete_before))
			rc = refill(s, &o, &ws, start, st, err, errlen);
		if (rc || st->complete_before)
			goto out;
		if ((rc = on_db(o.db_path, rl_store_begin(ws.w, err, errlen), err,
		                errlen)))
			goto out;
		ws.in_batch = 1;
		ws.batch_t0 = rl_progress_clock();
	}
	g = rl_sweep_gen_alloc(s, o.shard, o.shards);
	if (!g) {
		snprintf(err, errlen, "out of memory");
		rc = RL_EINTERNAL;
		goto out;
	}
	rl_sweep_gen_seek(g, start);
	rl_progress_begin(&pg, o.progress, st->shard_points,
	                  rl_sweep_shard_points(start, o.shard, o.shards));
	rc = pipeline(s, &o, g, &ws, &pg, st, err, errlen);
	rl_progress_end(&pg, pg.start + st->processed);
	if (!rc && ws.db)
		rc = on_db(o.db_path, rl_store_finish_run(ws.db, st->run_id,
		           s->npoints, err, errlen), err, errlen);
out:
	if (ws.w)
		rl_store_rollback(ws.w);
	rl_store_writer_free(ws.w);
	if (ws.db)
		sqlite3_close(ws.db);
	rl_sweep_gen_free(g);
	st->seconds = rl_progress_clock() - t0;
	return rc;
}
