#!/bin/sh
# cli_slurm.sh: sweeps/README.md's Slurm job-array recipe against a real
# single-node Slurm.  The test starts, on localhost only, its own munged (a
# fresh key, a socket in a temporary folder), slurmctld and slurmd (a
# generated slurm.conf, ports picked free); submits the recipe's script, read
# from the README, as an array of 4 shards and the recipe's merge line with
# its afterok dependency; waits (at most 3 minutes); and compares the merged
# database with an unsharded run of the same spec row for row.  The daemons
# are stopped (by their process ids) however the test ends.  Where Slurm or
# MUNGE is not installed (make test installs them: scripts/deps.sh tools), or
# the daemons cannot start here, it says "skipped: ...".
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
case $RL in /*) ;; *) RL=$(pwd)/$RL ;; esac
PATH=$PATH:/usr/sbin:/sbin

skip() {
	echo "ok - Slurm job array # skipped: $*"
	finish
}
for t in munged munge slurmctld slurmd sbatch sinfo squeue scontrol scancel ss; do
	command -v "$t" >/dev/null 2>&1 ||
		skip "$t is not installed (slurm-wlm and munge; make test installs them)"
done

s=$tmpd/slurm
mkdir -p "$s/state" "$s/spool" "$s/work/parts" "$s/bin"
chmod 700 "$s"
pids=""
jobs_submitted=""
export SLURM_CONF="$s/slurm.conf"
# stop what this test started: its jobs, then its daemons, by process id
cleanup() {
	for j in $jobs_submitted; do
		scancel "$j" >/dev/null 2>&1
	done
	for p in $pids; do
		kill "$p" 2>/dev/null
	done
	for p in $pids; do
		i=0
		while kill -0 "$p" 2>/dev/null && [ $i -lt 50 ]; do
			sleep 0.1; i=$((i + 1))
		done
		kill -9 "$p" 2>/dev/null
	done
	rm -rf "$tmpd"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# log_tail FILE: the last lines of a daemon's log, indented
log_tail() { tail -5 "$1" 2>/dev/null | sed 's/^/    /'; }

# MUNGE: a fresh key and a private socket
dd if=/dev/urandom of="$s/munge.key" bs=1024 count=1 2>/dev/null
chmod 400 "$s/munge.key"
munged --foreground --force --key-file="$s/munge.key" --socket="$s/munge.sock" \
	--pid-file="$s/munged.pid" --log-file="$s/munged.log" \
	--seed-file="$s/munged.seed" 2>>"$s/munged.log" &
pids="$pids $!"
i=0
until munge -S "$s/munge.sock" -n </dev/null >/dev/null 2>&1; do
	i=$((i + 1))
	if [ $i -ge 50 ] || ! kill -0 $! 2>/dev/null; then
		echo "    munged log:"; log_tail "$s/munged.log"
		skip "munged did not start here"
	fi
	sleep 0.1
done

# two free TCP ports on localhost (ss lists the ones in use)
in_use=$(ss -Htln 2>/dev/null | awk '{ n = split($4, a, ":"); print a[n] }')
port() {
	p=$1
	while echo "$in_use" | grep -qx "$p"; do p=$((p + 1)); done
	echo "$p"
}
base=$((20000 + ($$ % 4000) * 2))
ctld_port=$(port $base)
in_use="$in_use
$ctld_port"
slurmd_port=$(port $((ctld_port + 1)))
user=$(id -un)
cat >"$SLURM_CONF" <<EOF
ClusterName=rooflabtest
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$s/munge.sock
StateSaveLocation=$s/state
SlurmdSpoolDir=$s/spool
SlurmctldPidFile=$s/slurmctld.pid
SlurmdPidFile=$s/slurmd.pid
SlurmctldLogFile=$s/slurmctld.log
SlurmdLogFile=$s/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
ReturnToService=2
MinJobAge=600
NodeName=rooflabnode NodeAddr=127.0.0.1 NodeHostname=localhost CPUs=8 RealMemory=1000 State=UNKNOWN
PartitionName=rooflab Nodes=rooflabnode Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -D -i -f "$SLURM_CONF" >"$s/slurmctld.out" 2>&1 &
pids="$pids $!"
ctld=$!
slurmd -D -N rooflabnode -f "$SLURM_CONF" >"$s/slurmd.out" 2>&1 &
pids="$pids $!"
sd=$!
i=0
until sinfo -h -N -o '%T' 2>/dev/null | grep -Eq '^(idle|mixed|allocated)'; do
	i=$((i + 1))
	if [ $i -ge 150 ] || ! kill -0 "$ctld" 2>/dev/null || ! kill -0 "$sd" 2>/dev/null; then
		echo "    slurmctld log:"; log_tail "$s/slurmctld.log"; log_tail "$s/slurmctld.out"
		echo "    slurmd log:"; log_tail "$s/slurmd.log"; log_tail "$s/slurmd.out"
		skip "slurmctld and slurmd did not bring the node up here"
	fi
	sleep 0.2
done
echo "ok - a single-node Slurm is up on localhost (ports $ctld_port, $slurmd_port)"

# the recipe, read from sweeps/README.md: the script after "A Slurm job
# array" and the merge line after it
awk '/^A Slurm job array/ { t = 1; next }
     t == 1 && /^```sh/ { t = 2; next }
     t == 2 && /^```/ { exit }
     t == 2 { print }' "$root/sweeps/README.md" >"$s/work/sweep.sh"
merge=$(awk '/^A Slurm job array/ { t = 1 } t && /sbatch --dependency=afterok:JOBID/ {
	sub(/^ +/, ""); print; exit }' "$root/sweeps/README.md")
spec=$(sed -n 's/^rooflab sweep \([^ ]*\) .*/\1/p' "$s/work/sweep.sh")
if grep -q '^#SBATCH --array' "$s/work/sweep.sh" && [ -n "$merge" ] && [ -n "$spec" ]; then
	echo "ok - the recipe's script, merge line and spec ($spec) read from sweeps/README.md"
else
	echo "not ok - could not read the recipe from sweeps/README.md"; fails=$((fails + 1))
	finish
fi

# the job's folder: rooflab on PATH (sbatch passes the environment on),
# the spec where the recipe names it
ln -s "$RL" "$s/bin/rooflab"
ln -s "$root/sweeps" "$s/work/sweeps"
cd "$s/work" || exit 1
PATH=$s/bin:$PATH
export PATH
jobid=$(sbatch --parsable --array=0-3 sweep.sh 2>"$tmpd/err")
jobid=${jobid%%;*}
case $jobid in
'' | *[!0-9]*)
	echo "not ok - sbatch of the recipe's array: $(cat "$tmpd/err")"; fails=$((fails + 1))
	finish ;;
esac
jobs_submitted="$jobid"
echo "ok - the array (4 shards) is submitted as job $jobid"
mjob=$(eval "$(echo "$merge" | sed "s/^sbatch /sbatch --parsable /; s/JOBID/$jobid/")" 2>"$tmpd/err")
mjob=${mjob%%;*}
case $mjob in
'' | *[!0-9]*)
	echo "not ok - sbatch of the merge: $(cat "$tmpd/err")"; fails=$((fails + 1))
	finish ;;
esac
jobs_submitted="$jobid $mjob"
echo "ok - the merge is submitted as job $mjob, after the array"

# meanwhile, the same spec unsharded
rooflab sweep "$spec" --db "$s/work/full.db" 2>/dev/null ||
	{ echo "not ok - the unsharded run"; fails=$((fails + 1)); }

# wait, at most 3 minutes, until no job of ours is pending or running
i=0
while squeue -h -j "$jobid,$mjob" 2>/dev/null | grep -q .; do
	i=$((i + 1))
	if [ $i -ge 360 ]; then
		echo "not ok - the jobs did not finish in 3 minutes:"
		squeue -j "$jobid,$mjob" 2>&1 | sed 's/^/    /'
		log_tail "$s/slurmctld.log"
		fails=$((fails + 1))
		finish
	fi
	sleep 0.5
done
states=$(scontrol -o show job "$jobid" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | sort | uniq -c | tr -s ' ')
mstate=$(scontrol -o show job "$mjob" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
if [ "$states" = " 4 COMPLETED" ] && [ "$mstate" = COMPLETED ]; then
	echo "ok - the four array tasks and the merge completed"
else
	echo "not ok - job states: array [$states], merge [$mstate]"
	for f in slurm-*.out; do [ -f "$f" ] && { echo "    $f:"; log_tail "$f"; }; done
	fails=$((fails + 1))
fi
n=$(ls parts/part-*.db 2>/dev/null | wc -l)
[ "$n" -eq 4 ] && echo "ok - each task wrote its shard into parts/" ||
	{ echo "not ok - $n shard files in parts/"; fails=$((fails + 1)); }
if have sqlite3 "the merged shards against the unsharded run"; then
	r=$(sqlite3 sweep.db "SELECT shard_count FROM runs" 2>&1)
	sqlite3 full.db "SELECT * FROM points" >full.txt 2>&1
	sqlite3 sweep.db "SELECT * FROM points" >merged.txt 2>&1
	rows=$(wc -l <full.txt)
	if [ "$rows" -gt 100 ] && cmp -s full.txt merged.txt; then
		echo "ok - the merged shards equal the unsharded run row for row ($rows rows)"
	else
		echo "not ok - the merged database differs from the unsharded run ($rows rows; runs: $r)"
		diff full.txt merged.txt 2>&1 | head -5 | sed 's/^/    /'
		fails=$((fails + 1))
	fi
fi
finish
