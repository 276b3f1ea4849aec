#!/bin/sh
# cli_mergestop.sh: a merge stopped by SIGTERM (what Slurm sends a merge
# job at its time limit, sweeps/README.md's sbatch --wrap line) or SIGINT
# while it writes leaves neither OUT.db nor its temporary OUT.db.tmp-PID,
# says so and exits 128 + the signal; the merge run again gives the
# unsharded run's rows.  Until 2026-11-30 the signal ended the process at
# once, silently, and left OUT.db.tmp-PID as large as the points copied.
. "$(dirname "$0")/clilib.sh"

d=$tmpd
# 2 x 50 x 2000 = 200,000 points, the fastest axis a cache one: quick to
# sweep, long enough to merge (about a second) to be stopped in it
sweep_spec "$d/big.ini" <<'EOF'
set = scenario.precision=fp8
[axes]
scenario.tp = 1, 2
chip.hbm_tbps = 1:50:1
scenario.isl = 1:2000:1
[outputs]
keep = throughput.output_tokens_per_s, latency.tpot_s, decode.bound
EOF
for i in 0 1; do
	$RL sweep "$d/big.ini" --db "$d/p$i.db" --shard "$i/2" 2>/dev/null &
done
wait
expect_exit 0 "the whole run, unsharded" -- $RL sweep "$d/big.ini" --db "$d/whole.db"

# a merge whose result line cannot be written (stdout on a full disk:
# /dev/full fails every write with ENOSPC) exits 1, as README's table has
# it, and removes the OUT.db it wrote: until 2026-12-02 the complete file
# stayed, and the same command run again was refused for an existing
# OUT.db (ux34's walk)
if [ -w /dev/full ]; then
	expect_exit 1 "a merge onto a full stdout" -- sh -c 'exec "$@" >/dev/full' sh \
		$RL merge "$d/full.db" "$d/p0.db" "$d/p1.db"
	expect_err "cannot write the output \(standard output\): No space left on device" \
		"it says it cannot write its line"
	expect_err "removed \S+full\.db, which this merge wrote, since its result line could not be written: run it again" \
		"it says it removed OUT.db"
	[ ! -e "$d/full.db" ] && echo "ok - no full.db is left" ||
		{ echo "not ok - full.db is left after exit 1"; fails=$((fails + 1)); }
	expect_exit 0 "the same merge run again" -- $RL merge "$d/full.db" "$d/p0.db" "$d/p1.db"
	expect_out "^rooflab merge: 2 parts merged into \S+full\.db: run 1, 200000 points stored" \
		"the rerun merges every point"
else
	echo "ok - skipped: no /dev/full (a merge onto a full stdout)"
fi

# a merge whose result line goes to a pipe its reader has closed
# (`rooflab merge ... | head -0`, a script that stops reading): SIGPIPE
# killed it at the line, exit 141, and left the complete OUT.db, so the
# same command run again was refused for it.  Now the write fails (EPIPE)
# as a full disk's does: OUT.db removed, exit 1.  The merge starts after
# `true` has exited, so its line always meets a closed pipe
{
	sh -c 'sleep 1; exec "$@"' sh $RL merge "$d/pipe.db" "$d/p0.db" "$d/p1.db" \
		2>"$tmpd/err"
	echo $? >"$tmpd/pipe.rc"
} | true
rc=$(cat "$tmpd/pipe.rc")
[ "$rc" = 1 ] && echo "ok - a merge onto a closed pipe exits 1" ||
	{ echo "not ok - a merge onto a closed pipe exits $rc, not 1"; sed 's/^/    /' "$tmpd/err"; fails=$((fails + 1)); }
expect_err "cannot write the output \(standard output\): Broken pipe" \
	"it says it cannot write its line to the pipe"
expect_err "removed \S+pipe\.db, which this merge wrote, since its result line could not be written: run it again" \
	"it says it removed OUT.db (a closed pipe)"
[ ! -e "$d/pipe.db" ] && echo "ok - no pipe.db is left" ||
	{ echo "not ok - pipe.db is left after a closed pipe"; fails=$((fails + 1)); }
expect_exit 0 "the same merge run again (after a closed pipe)" -- $RL merge "$d/pipe.db" "$d/p0.db" "$d/p1.db"

have python3 "merge stopped by a signal" || finish
for sig in TERM INT; do
	python3 - "$RL" "$d/m-$sig.db" "$d/p0.db" "$d/p1.db" "$sig" \
		>"$tmpd/$sig.txt" 2>&1 <<'EOF'
import glob, os, re, signal, subprocess, sys, time
rl, out, p0, p1, name = sys.argv[1:6]
sig = getattr(signal, "SIG" + name)
# SIGINT at its default in the child (a background job of sh has it
# ignored, and merge keeps an ignored SIGINT ignored)
p = subprocess.Popen([rl, "merge", out, p0, p1], stderr=subprocess.PIPE,
                     text=True, preexec_fn=lambda: signal.signal(
                         signal.SIGINT, signal.SIG_DFL))
# the temporary holds pages once the copy has spilled some: stop it then
while p.poll() is None:
    tmps = [t for t in glob.glob(glob.escape(out) + ".tmp-*")
            if os.path.exists(t) and os.path.getsize(t) > 0]
    if tmps:
        break
    time.sleep(0.001)
if p.poll() is not None:
    p.communicate()
    print("ok - merge stopped by SIG%s # skipped: the merge ended before "
          "the signal could be sent" % name)
    sys.exit(0)
p.send_signal(sig)
err = p.communicate()[1]
left = glob.glob(glob.escape(out) + "*")
m = re.search(r"^rooflab merge: interrupted by SIG%s: \S+m-%s\.db was not "
              r"written \(nothing merged, no temporary left\); run the "
              r"merge again$" % (name, name), err, re.M)
ok = p.returncode == 128 + sig and m and not left
print("%s - merge stopped by SIG%s: exit %s, left %s" %
      ("ok" if ok else "not ok", name, p.returncode, left))
if not ok:
    print(err)
EOF
	cat "$tmpd/$sig.txt"
	grep -q '^not ok' "$tmpd/$sig.txt" && fails=$((fails + 1))
	grep -q '^ok' "$tmpd/$sig.txt" || fails=$((fails + 1))
done
# the merge run again completes, equal to the unsharded run row for row
expect_exit 0 "merge again after the signal" -- $RL merge "$d/m-TERM.db" "$d/p0.db" "$d/p1.db"
# its summary says what the file holds: 2 x 50 x 2000 = 200,000 points of
# 200,000, no filter (it said "2 parts merged into OUT" alone)
expect_out "^rooflab merge: 2 parts merged into \S+m-TERM\.db: run 1, 200000 points stored of the 200000 of \S+big\.ini \(spec [0-9a-f]{16}\)\$" \
	"the summary counts the points merged"
if have sqlite3 "merged again against the unsharded run"; then
	a=$(sqlite3 "$d/m-TERM.db" "SELECT * FROM points ORDER BY idx" | cksum)
	b=$(sqlite3 "$d/whole.db" "SELECT * FROM points ORDER BY idx" | cksum)
	[ "$a" = "$b" ] && echo "ok - merged again equals the unsharded run" ||
		{ echo "not ok - merged again differs from the unsharded run"; fails=$((fails + 1)); }
fi
[ "$fails" -eq 0 ]
