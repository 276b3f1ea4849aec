/*
** run.h: running a sweep: points generated in order, evaluated by N
** threads, written in index order by one writer in batched transactions.
** Memory is a fixed ring of chunks, whatever the number of points.
*/
#ifndef RL_SWEEP_RUN_H
#define RL_SWEEP_RUN_H

#include <stdint.h>

#include "spec.h"

typedef struct {
	const char *db_path;    /* NULL: evaluate only, store nothing */
	uint64_t shard, shards; /* shard I of N (0 of 1: all points) */
	int resume;             /* continue this spec's unfinished run of
	                        ** this shard */
	int64_t run_id;         /* resume: that run alone (0: find it) */
	int jobs;               /* evaluation threads, >= 1 */
	int force;              /* allow more points than limit */
	uint64_t limit;         /* 0: RL_SWEEP_DEFAULT_LIMIT */
	int busy_ms;            /* 0: RL_SWEEP_BUSY_MS */
	uint64_t batch;         /* points per transaction; 0: 10000 */
	int progress;           /* draw the progress bar on stderr */
	unsigned batch_sleep_ms;/* tests: pause after each commit */
	int count_only;         /* the command's --count: say how many
	                        ** points and stop (rl_sweep_run ignores it) */
	int json;               /* with count_only, --json: say it as JSON
	                        ** (rl_sweep_run ignores it) */
	/* said before the first point where not NULL: a warning the run
	** goes on after (a new run of a spec and shard the file holds a run
	** of already, whose points `results` would then read twice) */
	void (*warn)(const char *msg);
} rl_sweep_opts;

typedef struct {
	int64_t run_id;
	int resumed;            /* continued an interrupted run */
	uint64_t resumed_at;    /* resumed: the run's next point (its index)
	                        ** where this call took it up */
	int complete_before;    /* the run to resume was already complete */
	uint64_t processed;     /* points evaluated by this call */
	uint64_t stored;        /* rows written by this call */
	uint64_t stored_nofit;  /* of those, points whose model does not fit
	                        ** (status 3, RL_ENOFIT) */
	uint64_t stored_inval;  /* and points not evaluable otherwise (any
	                        ** other status but 0: RL_EINVAL, ...) */
	/* the first point of each kind stored by this call: its index + 1
	** (0: none) and axis values (display units), for the summary to say
	** why (rl_sweep_point_why, why.h) */
	uint64_t first_nofit, first_inval;
	double first_nofit_vals[RL_SWEEP_MAX_AXES];
	double first_inval_vals[RL_SWEEP_MAX_AXES];
	/* of the points this call evaluated (refilled ones apart) that its
	** [filter] dropped, those it could not answer, by status
	** (RL_STORE_UNANSWERED, store.h: 3, 4, another): an output the
	** filter reads has no value (NaN) there, as none of a failed point's */
	uint64_t unanswered[3];
	uint64_t unanswered_served; /* of unanswered[2], the points served
	                        ** (status 0: an output the filter names, such
	                        ** as power.lowest_clock_watts, has a value only
	                        ** over the TDP); the rest were not evaluable */
	uint64_t refilled;      /* resumed: points below the run's next point
	                        ** that it lacked, evaluated again */
	uint64_t refill_stored; /* of those, stored (the rest the filter
	                        ** dropped) */
	uint64_t refill_unanswered[3]; /* of those dropped, unanswered */
	int dropped_known;      /* resumed: the run's count of the points its
	                        ** filter dropped below its next point was
	                        ** known (runs.dropped, valid) before the walk */
	uint64_t dropped_before;/* that count, when known: of the points
	                        ** refilled, the rest were lost */
	uint64_t shard_points;  /* points of the shard in all */
	int interrupted;        /* the signal (SIGINT, SIGTERM) that stopped
	                        ** it at a point boundary, 0 none:
	                        ** every point written is committed, with the
	                        ** run's next point after them (the return is
	                        ** RL_OK; the run is unfinished) */
	int removed;            /* a failed run removed the database it had
	                        ** created, which held no point of any run
	                        ** (and its -wal, -shm): nothing half-written
	                        ** is left, nor a run to resume */
	double seconds;
} rl_sweep_stats;

/* Run; returns an rl_status (RL_EINTERNAL internal or disk, RL_EINPUT bad input) with a
** message in err.  While it runs, SIGINT (unless ignored) stops it at the
** next point boundary (stats->interrupted); its handler is put back after. */
int rl_sweep_run(const rl_sweep_spec *s, const rl_sweep_opts *o,
                 rl_sweep_stats *stats, char *err, size_t errlen);

#endif
