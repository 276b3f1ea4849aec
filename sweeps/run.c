/*
** run.c: the sweep pipeline (run.h).  The calling thread generates chunks
** of points into a ring of slots and writes finished chunks in order;
** `jobs` worker threads evaluate the slots in between.  A batch commits
** every `batch` points (or every second) together with the run's next_idx,
** so a crash loses at most the batch in flight and a resume starts exactly
** after the last committed point, having first stored any point below it
** that the run lacks (refill, the same pipeline fed with those points).
** SIGINT (Ctrl-C) or SIGTERM stops it at the next point boundary: no point
** is taken up after it, those already taken up are evaluated and written, and the
** batch is committed with the next point after them, the run left
** unfinished for --resume (rl_sweep_stats.interrupted).
*/
#include "run.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../config/dbfile.h"
#include "../config/shword.h"
#include "dbmade.h"
#include "points.h"
#include "progress.h"
#include "runlock.h"
#include "stop.h"
#include "store.h"
#include "storewriter.h"

#define CHUNK 256

/* The signal that stopped a pipeline (stopped 1), for
** rl_sweep_stats.interrupted; 0 when it ran to its end. */
static int stop_signal(int stopped)
{
	int sig = rl_stop_caught();
	return stopped ? (sig ? sig : SIGINT) : 0;
}

enum { S_FREE = 0, S_FILLED, S_TAKEN, S_DONE };

typedef struct {
	int state;
	size_t n;
	uint64_t idx[CHUNK];
	int status[CHUNK];
	signed char keep[CHUNK]; /* rl_sweep_eval_point's: 1 kept, 0 dropped,
	                         ** -1 dropped unanswered (RL_FILTER_*) */
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
		sl->keep[j] = (signed char)rl_sweep_eval_point(
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

/* Where a pipeline's points come from, what its commits record as the
** run's next_idx, and which counts of rl_sweep_stats it adds to. */
typedef struct {
	/* fill a slot (at most CHUNK points); 0 when there are no more */
	size_t (*fill)(void *src, const rl_sweep_spec *s, slot *sl);
	void *src;
	int refill;           /* 1: every commit keeps next_idx at `next`;
	                      ** 0: a batch records its last point + 1, the
	                      ** final commit the spec's point count */
	uint64_t next;
	uint64_t *evaluated, *stored;
	uint64_t *nofit, *inval; /* of stored, status 3 and the other non-0
	                         ** (NULL: not counted) */
	rl_sweep_stats *firsts;  /* where the first of each is kept (with
	                         ** nofit and inval) */
	uint64_t *unanswered;    /* RL_STORE_UNANSWERED counts of the points
	                         ** dropped that the filter could not answer */
	uint64_t *served;        /* of unanswered[2], those served (status 0:
	                         ** an output only a point over its TDP has);
	                         ** NULL: not counted */
} flow;

/* Fill a slot from the generator (flow.fill of a run's pipeline). */
static size_t gen_fill(void *src, const rl_sweep_spec *s, slot *sl)
{
	rl_sweep_gen *g = src;
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
	uint64_t next;           /* the point after the last one written (a
	                         ** run's flow): an interrupted run's next_idx */
	uint64_t batch_points;
	uint64_t batch_dropped;  /* points of the batch the filter dropped */
	uint64_t batch_unans[RL_STORE_UNANSWERED]; /* of them, unanswered */
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
                      const flow *f, writer_state *ws, slot *sl, char *err,
                      size_t errlen)
{
	size_t j;
	int rc;
	if (!ws->w)
		return 0;
	if (!ws->in_batch) {
		if ((rc = on_db(o->db_path,
		                rl_store_writer_begin(ws->w, err, errlen), err,
		                errlen)))
			return rc;
		ws->in_batch = 1;
		ws->batch_points = 0;
		ws->batch_t0 = rl_progress_clock();
	}
	for (j = 0; j < sl->n; j++) {
		if (sl->keep[j] != RL_FILTER_KEEP) {
			/* a point the filter could not answer (an output it
			** reads has no value there: rl_sweep_filter_keep),
			** counted apart, by its status: said, where the
			** summary's drops read as the comparison's */
			int unans = sl->keep[j] == RL_FILTER_NONE;
			int kind = RL_STORE_UNANSWERED_KIND(sl->status[j]);
			if (unans) {
				f->unanswered[kind]++;
				if (f->served && sl->status[j] == RL_OK)
					(*f->served)++;
			}
			/* a refill's were counted when the run first dropped them */
			if (!f->refill) {
				ws->batch_dropped++;
				ws->batch_unans[kind] += (uint64_t)unans;
			}
			continue;
		}
		rc = on_db(o->db_path,
		           rl_store_writer_add(ws->w, sl->idx[j], sl->status[j],
		                               sl->vals + j * s->ncols, err,
		                               errlen), err, errlen);
		if (rc) {
			rl_store_writer_rollback(ws->w);
			ws->in_batch = 0;
			return rc;
		}
		(*f->stored)++;
		if (sl->status[j] != 0 && f->nofit) {
			int nofit = sl->status[j] == 3; /* RL_ENOFIT, engine.h */
			uint64_t *n = nofit ? f->nofit : f->inval;
			if (*n == 0) { /* the first of its kind: the summary's */
				rl_sweep_stats *st = f->firsts;
				*(nofit ? &st->first_nofit : &st->first_inval) =
				    sl->idx[j] + 1;
				memcpy(nofit ? st->first_nofit_vals
				             : st->first_inval_vals,
				       sl->vals + j * s->ncols,
				       s->naxes * sizeof(double));
			}
			(*n)++;
		}
	}
	ws->batch_points += sl->n;
	if (sl->n)
		ws->next = sl->idx[sl->n - 1] + 1;
	if (ws->batch_points >= o->batch ||
	    rl_progress_clock() - ws->batch_t0 >= 1.0) {
		uint64_t next = f->refill ? f->next : sl->idx[sl->n - 1] + 1;
		ws->in_batch = 0;
		if ((rc = on_db(o->db_path,
		                rl_store_writer_commit(ws->w, next,
		                                       ws->batch_dropped,
		                                       ws->batch_unans, err,
		                                       errlen), err, errlen)))
			return rc;
		ws->batch_dropped = 0;
		memset(ws->batch_unans, 0, sizeof ws->batch_unans);
		if (o->batch_sleep_ms) {
			struct timespec ts = {(time_t)(o->batch_sleep_ms / 1000),
			                      (long)(o->batch_sleep_ms % 1000) *
			                          1000000L};
			nanosleep(&ts, NULL);
		}
	}
	return 0;
}

/* Fill, evaluate and write the points the flow gives, in its order; on a
** SIGINT (rl_stop_caught) no chunk is filled after it, the chunks filled are
** written, and *stopped is 1 when the flow had points left. */
static int pipeline(const rl_sweep_spec *s, const rl_sweep_opts *o,
                    const flow *f, writer_state *ws, rl_progress *pg,
                    int *stopped, char *err, size_t errlen)
{
	pool p;
	pthread_t *th;
	size_t i;
	int nth = 0, gen_done = 0, halt = 0, rc = 0;
	uint64_t done = pg->start;
	*stopped = 0;
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
		while (!gen_done && !halt &&
		       p.fill_seq - p.write_seq < p.nslots) {
			if (rl_stop_caught()) {
				halt = 1; /* at a chunk's first point */
				break;
			}
			sl = &p.slots[p.fill_seq % p.nslots];
			pthread_mutex_unlock(&p.mu);
			if (!f->fill(f->src, s, sl))
				gen_done = 1;
			pthread_mutex_lock(&p.mu);
			if (!gen_done) {
				sl->state = S_FILLED;
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
		rc = write_slot(s, o, f, ws, sl, err, errlen);
		if (rc)
			break;
		*f->evaluated += sl->n;
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
	*stopped = halt && !gen_done;
	if (!rc && ws->in_batch) {
		/* stopped: the run goes on after the last point written */
		ws->in_batch = 0;
		rc = on_db(o->db_path,
		           rl_store_writer_commit(ws->w, f->refill ? f->next
		                                  : *stopped ? ws->next
		                                             : s->npoints,
		                                  ws->batch_dropped,
		                                  ws->batch_unans, err, errlen),
		           err, errlen);
		ws->batch_dropped = 0;
		memset(ws->batch_unans, 0, sizeof ws->batch_unans);
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

/* Shard points whose stored indexes refill reads back at a time (512 KB) */
#define REFILL_WINDOW 65536

/* refill's flow.src: the shard below `end`, walked a window of
** REFILL_WINDOW shard points at a time; the window [lo, hi) has `left`
** points not yet drawn, and idx[k..n) are its stored indexes not yet
** passed. */
typedef struct {
	const rl_sweep_opts *o;
	sqlite3 *db;
	int64_t run_id;
	rl_sweep_gen *g;
	uint64_t end, lo, hi, left, *idx;
	size_t n, k;
	int rc;
	char err[1024];
} refill_src;

/* The next window that lacks points, its indexes read and the generator
** at its first point; 0 past end (or on an error, in r->rc). */
static int next_window(refill_src *r)
{
	const rl_sweep_opts *o = r->o;
	uint64_t span = REFILL_WINDOW * o->shards, wn;
	while (!r->rc && r->hi < r->end) {
		r->lo = r->hi;
		r->hi = r->end - r->lo > span ? r->lo + span : r->end;
		wn = rl_sweep_shard_points(r->hi, o->shard, o->shards) -
		     rl_sweep_shard_points(r->lo, o->shard, o->shards);
		r->rc = rl_store_indexes(r->db, r->run_id, o->shard, o->shards,
		                         r->lo, r->hi, r->idx, REFILL_WINDOW,
		                         &r->n, r->err, sizeof r->err);
		if (!r->rc && r->n < wn) {
			rl_sweep_gen_seek(r->g, r->lo);
			r->left = wn;
			r->k = 0;
			return 1;
		}
	}
	return 0;
}

/* flow.fill of refill: the points the run lacks, in index order.  Each
** window draws exactly its points: one more would carry a Sobol generator
** past the next window's first point, and seeking back restarts it. */
static size_t refill_fill(void *src, const rl_sweep_spec *s, slot *sl)
{
	refill_src *r = src;
	size_t m = 0;
	uint64_t i;
	while (m < CHUNK && (r->left || next_window(r))) {
		r->left--;
		if (!rl_sweep_gen_next(r->g, &i, sl->vals + m * s->ncols)) {
			r->left = 0;
			continue;
		}
		while (r->k < r->n && r->idx[r->k] < i)
			r->k++;
		if (r->k < r->n && r->idx[r->k] == i)
			continue;
		sl->idx[m++] = i;
	}
	sl->n = m;
	return m;
}

/* The points of the shard below end that the run lacks, evaluated and
** stored (store.h promises every point below next_idx; a database altered
** by hand, or restored from a copy taken between writes, may break that).
** A point's values depend on its index alone, so each is the point an
** uninterrupted run would have written.  The stored points are counted
** first (one index range); only when some are short is the shard walked,
** a window of REFILL_WINDOW points at a time (a full window is skipped),
** and each point not stored goes through the run's own pipeline (the
** same threads and per-thread evaluation cache) and is kept where the
** filter keeps it, the commits leaving next_idx as it is.  With a
** [filter] the points it dropped are stored nowhere: where the run's
** count of them is known (runs.dropped) and makes up the difference,
** nothing was lost and nothing is walked; otherwise the walk evaluates
** them again (nothing is stored for them), and counts them, which makes
** the count known from here on. */
static int refill(const rl_sweep_spec *s, const rl_sweep_opts *o,
                  writer_state *ws, uint64_t end, rl_sweep_stats *st,
                  char *err, size_t errlen)
{
	uint64_t have, dropped,
	    want = rl_sweep_shard_points(end, o->shard, o->shards);
	refill_src r;
	flow f;
	rl_progress pg;
	int stopped = 0;
	int known = rl_store_run_dropped(ws->db, st->run_id, &dropped);
	int rc = on_db(o->db_path, rl_store_count_range(ws->db, st->run_id,
	                                                o->shard, o->shards, 0,
	                                                end, &have, err, errlen),
	               err, errlen);
	if (rc || (known && have + dropped == want))
		return rc;
	st->dropped_known = known;
	st->dropped_before = known ? dropped : 0;
	if (have >= want) /* every point stored: none dropped */
		return on_db(o->db_path, rl_store_set_dropped(ws->db, st->run_id, 0,
		                                              NULL, end, err,
		                                              errlen),
		             err, errlen);
	memset(&r, 0, sizeof r);
	r.o = o;
	r.db = ws->db;
	r.run_id = st->run_id;
	r.end = end;
	r.idx = malloc(REFILL_WINDOW * sizeof *r.idx);
	r.g = rl_sweep_gen_alloc(s, o->shard, o->shards);
	if (!r.idx || !r.g) {
		snprintf(err, errlen, "out of memory");
		rc = RL_EINTERNAL;
	} else {
		f.fill = refill_fill;
		f.src = &r;
		f.refill = 1;
		f.next = end;
		f.evaluated = &st->refilled;
		f.stored = &st->refill_stored;
		f.nofit = f.inval = NULL; /* the summary counts this call's own */
		f.firsts = NULL;
		f.unanswered = st->refill_unanswered;
		f.served = NULL;
		rl_progress_begin(&pg, 0, 0, 0);
		rc = pipeline(s, o, &f, ws, &pg, &stopped, err, errlen);
		if (!rc && r.rc) {
			snprintf(err, errlen, "%s", r.err);
			rc = on_db(o->db_path, r.rc, err, errlen);
		}
		st->interrupted = stop_signal(stopped);
		/* the walk evaluated every point of the shard below end that
		** is not stored: those it did not store the filter dropped
		** (a walk stopped part way counts nothing: the next resume
		** walks again) */
		if (!rc && !stopped)
			rc = on_db(o->db_path, rl_store_set_dropped(
			               ws->db, st->run_id,
			               st->refilled - st->refill_stored,
			               st->refill_unanswered, end, err, errlen),
			           err, errlen);
	}
	rl_sweep_gen_free(r.g);
	free(r.idx);
	return rc;
}

/* Pick the run: a new one, or the one --resume continues. */
/* A new run of a spec and shard the file holds run `old` of already
** (the newest, an unfinished one first): said through o->warn, since
** `results` now reads the spec's points twice, where the second run
** went in without a word. */
static void same_again(const rl_sweep_opts *o, int64_t old, int finished,
                       int64_t run_id)
{
	char msg[1024];
	snprintf(msg, sizeof msg, "%s already holds run %lld of this spec and "
	         "shard %llu/%llu, %s: run %lld stores %s points again, and "
	         "SELECT ... FROM results reads both runs (add WHERE run_id = "
	         "%lld); %s", o->db_path, (long long)old,
	         (unsigned long long)o->shard, (unsigned long long)o->shards,
	         finished ? "complete" : "unfinished", (long long)run_id,
	         finished ? "all its" : "its", (long long)run_id,
	         finished ? "--resume leaves a complete run as it is and stores "
	                    "nothing"
	                  : "--resume would have continued it");
	o->warn(msg);
}

/* A resume that finds no run of its shard where the file holds runs of
** the spec at another shard count (a Slurm task's file, shard 2/4,
** resumed without --shard, shard 0/1): refused, naming the run and the
** command that resumes it, where it started a new run of every point
** of the spec in the shard's file without a word (a 4-shard sweep's
** part then held 1.25x the sweep, its own shard and the whole again).
** RL_OK where the file holds none, or holds the spec at this count too
** (one file holding every shard of a sweep). */
static int other_shards(sqlite3 *db, const rl_sweep_spec *s,
                        const rl_sweep_opts *o, char *err, size_t errlen)
{
	rl_store_other_shard f;
	char qs[512], qd[512], more[64] = "";
	int rc = rl_store_find_other_shards(db, o->shards, s->hash, &f, err,
	                                    errlen);
	if (rc)
		return on_db(o->db_path, rc, err, errlen);
	if (!f.run_id)
		return RL_OK;
	if (f.count > 1)
		snprintf(more, sizeof more, " (and %llu more run%s of %s shard "
		         "count)", (unsigned long long)f.count - 1,
		         f.count == 2 ? "" : "s", f.count == 2 ? "its" : "their");
	snprintf(err, errlen, "%s holds run %lld of this spec as shard "
	         "%llu/%llu%s and no run of shard %llu/%llu; refusing to start "
	         "a new run of shard %llu/%llu there under --resume (resume the "
	         "shard it holds with: rooflab sweep %s --db %s --shard %llu/%llu "
	         "--resume; leave out --resume to start a new run of shard "
	         "%llu/%llu in it)", o->db_path, (long long)f.run_id,
	         (unsigned long long)f.shard, (unsigned long long)f.shards, more,
	         (unsigned long long)o->shard, (unsigned long long)o->shards,
	         (unsigned long long)o->shard, (unsigned long long)o->shards,
	         rl_sh_word(s->path, "SPEC", qs, sizeof qs),
	         rl_sh_word(o->db_path, "FILE", qd, sizeof qd),
	         (unsigned long long)f.shard, (unsigned long long)f.shards,
	         (unsigned long long)o->shard, (unsigned long long)o->shards);
	return RL_EINPUT;
}

static int open_run(const rl_sweep_spec *s, const rl_sweep_opts *o,
                    writer_state *ws, rl_sweep_stats *st, uint64_t *start,
                    char *err, size_t errlen)
{
	int rc, finished = 0;
	int64_t id = 0;
	uint64_t next = 0;
	rl_store_found fr;
	char ours[RL_STORE_BUILD_LEN];
	rc = rl_store_open(o->db_path, 0, o->busy_ms ? o->busy_ms
	                                             : RL_SWEEP_BUSY_MS,
	                   &ws->db, err, errlen);
	if (rc)
		return rc;
	if (o->resume) {
		rc = rl_store_find_run(ws->db, o->shard, o->shards, s->hash,
		                       s->text, o->run_id, &fr, err, errlen);
		if (rc)
			return on_db(o->db_path, rc, err, errlen);
		id = fr.run_id;
		finished = fr.finished;
		next = fr.next_idx;
		rl_store_build(ours);
		if (o->run_id && !id) {
			snprintf(err, errlen, "%s holds no run %lld of shard %llu/%llu; "
			         "refusing to resume it", o->db_path,
			         (long long)o->run_id, (unsigned long long)o->shard,
			         (unsigned long long)o->shards);
			return RL_EINPUT;
		}
		if (!id && (rc = other_shards(ws->db, s, o, err, errlen)))
			return rc;
		if (id && (fr.same_spec || fr.same_text) &&
		    strcmp(fr.build, ours)) {
			/* a run merged from parts of several builds (merge
			** --allow-mixed-builds) records its build as "mixed",
			** which no build is: say whose each part is (review39,
			** where this said "resume with the build that started
			** it" of "rooflab 0.1.0 (git mixed)") */
			char parts[1024];
			int nb = 0;
			rc = rl_store_part_builds(ws->db, id, parts, sizeof parts,
			                          &nb, err, errlen);
			if (rc)
				return on_db(o->db_path, rc, err, errlen);
			if (nb > 1) {
				snprintf(err, errlen, "%s: run %lld (shard %llu/%llu) "
				         "was merged from the parts of %d rooflab builds "
				         "(merge --allow-mixed-builds): %s; no one build "
				         "started it, so none can resume it; refusing to "
				         "resume it (leave out --resume to start a new "
				         "run)", o->db_path, (long long)id,
				         (unsigned long long)o->shard,
				         (unsigned long long)o->shards, nb, parts);
				return RL_EINPUT;
			}
		}
		if (id && !fr.same_spec && fr.same_text &&
		    strcmp(fr.build, ours)) {
			/* another build may hash the same text otherwise (before
			** 2026-11-30 the hash took the configuration's bytes, now
			** its parameters by name and value): say the build, which
			** refuses the resume in any case, not a preset edited */
			snprintf(err, errlen, "%s: run %lld (shard %llu/%llu) was "
			         "started from the same spec text by rooflab %s, and "
			         "this is rooflab %s, whose spec hash differs (hash "
			         "%s; %s has %s: another build may resolve the spec "
			         "or hash it otherwise, and its points would come "
			         "from two builds); refusing to resume it (resume "
			         "with the build that started it, or leave out "
			         "--resume to start a new run)", o->db_path,
			         (long long)id, (unsigned long long)o->shard,
			         (unsigned long long)o->shards, fr.build, ours,
			         fr.hash, s->path, s->hash);
			return RL_EINPUT;
		}
		if (id && !fr.same_spec && fr.same_text) {
			/* the file is the run's, what it resolves to is not: the
			** profile a [base] naming none takes, or a preset edited */
			char why[512];
			if (strcmp(fr.profile, s->setup.profile))
				snprintf(why, sizeof why, "the run serves under profile "
				         "%.127s and the spec now under %s (%s)", fr.profile,
				         s->setup.profile, s->base.profile[0]
				         ? "named by its [base]" : "its [base] names "
				         "none: the chip's default, as eval takes it, which a "
				         "[base] naming its profile keeps");
			else if (s->has_baseline && fr.baseline_known &&
			         strcmp(fr.baseline_profile, s->baseline_profile))
				snprintf(why, sizeof why, "its [baseline] serves under "
				         "profile %.127s and the spec's now under %s (%s)",
				         fr.baseline_profile, s->baseline_profile,
				         s->baseline.profile[0] ? "named by its [baseline]"
				         : "its [baseline] names none: the chip's default, "
				         "as eval takes it, which a [baseline] naming its "
				         "profile keeps");
			else if (!s->has_baseline || fr.baseline_known)
				snprintf(why, sizeof why, "a preset it reads was edited");
			else
				snprintf(why, sizeof why, "a preset it reads was edited, "
				         "or its [baseline], naming no profile, took "
				         "another");
			snprintf(err, errlen, "%s: run %lld (shard %llu/%llu) was "
			         "started from the same spec text, which resolves "
			         "otherwise now (hash %s; %s has %s): %s; refusing to "
			         "resume it (resume it with the rooflab and presets "
			         "that started it, or leave out --resume to start a "
			         "new run)",
			         o->db_path, (long long)id,
			         (unsigned long long)o->shard,
			         (unsigned long long)o->shards, fr.hash, s->path,
			         s->hash, why);
			return RL_EINPUT;
		}
		if (id && !fr.same_spec) {
			snprintf(err, errlen, "%s: run %lld (shard %llu/%llu) was "
			         "started from a different spec (hash %s; %s has "
			         "%s)%s; refusing to resume it (leave out --resume to "
			         "start a new run)", o->db_path, (long long)id,
			         (unsigned long long)o->shard,
			         (unsigned long long)o->shards, fr.hash, s->path,
			         s->hash, o->run_id ? "" : ", and the file holds no run of "
			         "this spec for that shard");
			return RL_EINPUT;
		}
		if (id && fr.others) {
			/* two unfinished runs of one spec and shard: resuming
			** the newest would leave the other unfinished unseen */
			char more[64] = "";
			if (fr.others > 1)
				snprintf(more, sizeof more, " (and %llu more)",
				         (unsigned long long)fr.others - 1);
			snprintf(err, errlen, "%s: %llu unfinished runs of this spec "
			         "(hash %s) and shard %llu/%llu: run %lld (%llu of "
			         "%llu point%s done) and run %lld%s; refusing to choose one "
			         "(name it with --run ID)", o->db_path,
			         (unsigned long long)fr.others + 1, s->hash,
			         (unsigned long long)o->shard,
			         (unsigned long long)o->shards, (long long)id,
			         (unsigned long long)rl_sweep_shard_points(
			             next < s->npoints ? next : s->npoints, o->shard,
			             o->shards),
			         (unsigned long long)st->shard_points,
			         st->shard_points == 1 ? "" : "s",
			         (long long)fr.other_id, more);
			return RL_EINPUT;
		}
		if (id && strcmp(fr.build, ours)) {
			/* a point's numbers depend on the build as well as the
			** spec: the run would hold points of two builds and
			** record the first's alone */
			snprintf(err, errlen, "%s: run %lld (shard %llu/%llu) was "
			         "started by rooflab %s and this is rooflab %s: its "
			         "points would come from two builds; refusing to "
			         "resume it (resume with the build that started it, or "
			         "leave out --resume to start a new run)", o->db_path,
			         (long long)id, (unsigned long long)o->shard,
			         (unsigned long long)o->shards, fr.build, ours);
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
		if (id && (rc = rl_store_add_drop_columns(ws->db, err, errlen)))
			return on_db(o->db_path, rc, err, errlen);
		if (id && finished) {
			/* a complete run's next point is its point count; one
			** edited by hand is set back, its count made unknown (the
			** walk below counts it again), and the writer guards
			** its commits from there */
			rc = rl_store_repair_complete(ws->db, id, s->npoints, err,
			                              errlen);
			if (rc)
				return on_db(o->db_path, rc, err, errlen);
			next = s->npoints;
			st->run_id = id;
			st->complete_before = 1;
			*start = s->npoints;
		}
		else if (id) {
			st->run_id = id;
			st->resumed = 1;
			st->resumed_at = next;
			*start = next;
		}
	}
	if (!st->run_id && !o->resume && o->warn &&
	    rl_store_find_run(ws->db, o->shard, o->shards, s->hash, s->text, 0,
	                      &fr, err, errlen) == RL_OK &&
	    fr.run_id && fr.same_spec)
		id = fr.run_id; /* said once the new run has its id */
	if (!st->run_id) {
		rc = rl_store_new_run(ws->db, s, o->shard, o->shards, &st->run_id,
		                      err, errlen);
		if (rc)
			return on_db(o->db_path, rc, err, errlen);
		*start = 0;
		if (id)
			same_again(o, id, fr.finished, st->run_id);
	}
	/* next: the run's next_idx as read above (0 for a new run) */
	return on_db(o->db_path, rl_store_writer_alloc(ws->db, s, st->run_id,
	                                                next, &ws->w, err,
	                                                errlen),
	             err, errlen);
}

int rl_sweep_run(const rl_sweep_spec *s, const rl_sweep_opts *opts,
                 rl_sweep_stats *st, char *err, size_t errlen)
{
	rl_sweep_opts o = *opts;
	writer_state ws;
	rl_sweep_gen *g = NULL;
	rl_progress pg;
	flow f;
	uint64_t start = 0;
	double t0 = rl_progress_clock();
	int rc = 0, stopped = 0;
	rl_stop_guard guard;
	rl_db_made made;
	int lock_fd = -1;
	memset(st, 0, sizeof *st);
	memset(&ws, 0, sizeof ws);
	memset(&made, 0, sizeof made);
	if (!o.shards)
		o.shards = 1;
	if (o.jobs < 1)
		o.jobs = 1;
	if (!o.limit)
		o.limit = RL_SWEEP_DEFAULT_LIMIT;
	if (!o.batch)
		o.batch = 10000;
	/* first: --force does not lift it, so the limit's message below,
	** which offers --force, is not for such a spec */
	if (!rl_sweep_numbered(s)) {
		char n[64];
		snprintf(err, errlen, "%s: the sweep has %s design points, more "
		         "than a sweep can number (%llu, SQLite's largest "
		         "integer, as runs.points and points.idx are stored), "
		         "--force or not; narrow the axes", s->path,
		         rl_sweep_count_text(s, n, sizeof n),
		         (unsigned long long)RL_SWEEP_MAX_POINTS);
		return RL_EINPUT;
	}
	/* the count in all its digits (numbered: at most 2^63 - 1), where
	** %.0f of its double product wrote 2^63 - 1 as 9223372036854774784 */
	if (s->npoints > o.limit && !o.force) {
		char n[64];
		snprintf(err, errlen, "%s: the sweep has %s design points, over "
		         "the limit of %llu; narrow the axes or pass --force",
		         s->path, rl_sweep_count_text(s, n, sizeof n),
		         (unsigned long long)o.limit);
		return RL_EINPUT;
	}
	st->shard_points = rl_sweep_shard_points(s->npoints, o.shard, o.shards);
	/* Ctrl-C stops the sweep at a point boundary (rl_stop_caught), unless
	** SIGINT is ignored (a background job of a shell without job
	** control): once, then as before; SIGTERM alike (what Slurm sends at
	** a job's time limit or preemption, and kill by default), where it
	** ended the process at once and lost the batch in flight */
	rl_stop_catch(&guard);
	if (o.db_path && rl_store_spec_path_check(s, err, errlen)) {
		rl_stop_release(&guard);
		return RL_EINPUT;
	}
	if (o.db_path) {
		/* a file this run makes (O_EXCL: of two sweeps starting on
		** one new file, one makes it): removed again where the run
		** fails before it holds a point (below); a name the database
		** checks refuse (":memory:", "file:...") is not made */
		char ignored[512];
		if (!rl_db_target_check(o.db_path, ignored, sizeof ignored))
			rl_db_make(o.db_path, &made);
		/* one process at a time writing a spec's shard (runlock.h),
		** taken before SQLite opens the file and let go after it is
		** closed: a second resume of a run is refused here, before a
		** point is evaluated, where it ran until its first commit and
		** was refused there ("another process is writing the same
		** points"), the first having committed its own.  A new run
		** beside another process's goes on as before (the writer's
		** commit check guards the points) */
		if (rl_run_lock(o.db_path, s->hash, o.shard, o.shards,
		                &lock_fd) == 0 && o.resume) {
			char shard[96] = "the run";
			if (o.shards > 1)
				snprintf(shard, sizeof shard, "shard %llu/%llu",
				         (unsigned long long)o.shard,
				         (unsigned long long)o.shards);
			snprintf(err, errlen, "%s: another process is writing %s of "
			         "this sweep spec into it now (a sweep or a --resume "
			         "still running); refusing to resume it, nothing "
			         "evaluated or written (resume it once that process "
			         "has ended, if it left the run unfinished)",
			         o.db_path, shard);
			rc = RL_EINPUT;
			goto out;
		}
		rc = open_run(s, &o, &ws, st, &start, err, errlen);
		if (!rc && (st->resumed || st->complete_before))
			rc = refill(s, &o, &ws, start, st, err, errlen);
		if (rc || st->complete_before || st->interrupted)
			goto out;
		if ((rc = on_db(o.db_path,
		                rl_store_writer_begin(ws.w, err, errlen), err,
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
	f.fill = gen_fill;
	f.src = g;
	f.refill = 0;
	f.next = 0;
	f.evaluated = &st->processed;
	f.stored = &st->stored;
	f.nofit = &st->stored_nofit;
	f.inval = &st->stored_inval;
	f.firsts = st;
	f.unanswered = st->unanswered;
	f.served = &st->unanswered_served;
	ws.next = start;
	rc = pipeline(s, &o, &f, &ws, &pg, &stopped, err, errlen);
	rl_progress_end(&pg, pg.start + st->processed);
	st->interrupted = stop_signal(stopped);
	if (!rc && ws.db && !stopped)
		rc = on_db(o.db_path, rl_store_finish_run(ws.db, st->run_id,
		           s->npoints, err, errlen), err, errlen);
out:
	if (ws.w)
		rl_store_writer_rollback(ws.w);
	rl_store_writer_free(ws.w);
	/* a failed run (past a file size limit, ulimit -f, or a full disk)
	** in a database it created, which holds no point: an empty file, or
	** a schema and a run of none, beside its -wal and -shm, was left,
	** and "rerun with --resume" said of a run that held nothing; the
	** files are removed (a file that holds another's run or any point is
	** kept), under the database's write lock and only while the name is
	** still the file made (dbmade.h) */
	if (rc && o.db_path && !st->interrupted)
		st->removed = rl_db_unmake(ws.db, o.db_path, &made, st->run_id,
		                           o.busy_ms ? o.busy_ms : RL_SWEEP_BUSY_MS);
	if (ws.db)
		sqlite3_close(ws.db);
	rl_run_unlock(lock_fd); /* (after the file's last connection) */
	rl_sweep_gen_free(g);
	rl_stop_release(&guard);
	st->seconds = rl_progress_clock() - t0;
	return rc;
}
