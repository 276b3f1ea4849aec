#!/bin/sh
# cli_cpus.sh: claim's --threads 0, the default, starts one Monte Carlo
# thread per CPU the process may run on (its affinity mask: taskset, a
# cgroup's cpuset, as nproc counts), as sweep's does (cli_sweepwalk,
# section 12).  It took every CPU online (sysconf in model/montecarlo.c),
# so a claim pinned to 1 of a machine's CPUs ran one worker per CPU of
# the machine.  Pinned to one CPU (taskset -c, the first it may run on)
# the default must start what --threads 1 starts: the most threads /proc
# shows while each runs (100,000 samples, about 1 s of CPU time).
. "$(dirname "$0")/clilib.sh"

# most_threads PIN ARGS...: run claim ARGS (under taskset -c PIN, or
# unpinned where PIN is -), print its exit status and the most threads
# its /proc/PID/status showed
most_threads() {
	pin=$1; shift
	if [ "$pin" = - ]; then
		$RL claim --samples 100000 "$@" >"$tmpd/claim.out" 2>&1 &
	else
		taskset -c "$pin" $RL claim --samples 100000 "$@" >"$tmpd/claim.out" 2>&1 &
	fi
	peak_threads $!
}

if ! have taskset "claim's --threads 0 under taskset"; then
	:
elif [ ! -r /proc/self/status ]; then
	echo "ok - skipped: /proc is missing (claim's --threads 0 under taskset)"
elif [ "$(nproc 2>/dev/null || echo 1)" -lt 2 ]; then
	# (review58) the CPUs this test may run on, as nproc counts them, not
	# those online: under a CI job's cpuset or taskset of one CPU the
	# unpinned claim below starts one thread too, and the check failed
	echo "ok - skipped: this test may run on one CPU, the two counts agree anyway"
else
	# pinned to the first CPU it may run on (CPU 0 may be outside a
	# cgroup's cpuset, where taskset -c 0 fails)
	cpu=$(sed -n 's/^Cpus_allowed_list:[[:space:]]*\([0-9]*\).*/\1/p' /proc/self/status)
	set -- $(most_threads "${cpu:-0}" --threads 1)
	rc1=$1 one=$2
	set -- $(most_threads "${cpu:-0}")
	rc0=$1 def=$2
	[ "$rc1" = 0 ] && [ "$rc0" = 0 ] &&
		echo "ok - the pinned claims ran (exit $rc1 and $rc0)" ||
		{ echo "not ok - the pinned claims exited $rc1 and $rc0"; fails=$((fails + 1)); }
	# one worker per CPU it may run on: the main thread alone at 1
	[ "$one" -ge 1 ] && [ "$def" = "$one" ] &&
		echo "ok - pinned to one CPU, claim's --threads 0 starts what --threads 1 starts ($one threads)" ||
		{ echo "not ok - pinned to one CPU, claim's --threads 0 ran $def threads, --threads 1 $one"; fails=$((fails + 1)); }
	# and unpinned, on the CPUs it may run on, the default takes more
	# than one
	set -- $(most_threads -)
	most=$2
	[ "$most" -gt "$one" ] &&
		echo "ok - unpinned, the default starts more threads ($most) than one CPU's ($one)" ||
		{ echo "not ok - unpinned, the default started $most threads, one CPU's $one"; fails=$((fails + 1)); }
fi
finish
