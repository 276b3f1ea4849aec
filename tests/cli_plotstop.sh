#!/bin/sh
# cli_plotstop.sh: a plot whose gnuplot fails, dies, or during which
# rooflab is sent SIGTERM or SIGINT leaves no temporary behind, neither
# beside the output (OUT.tmp-PID) nor in TMPDIR (rooflab-gp.err.tmp-PID),
# and no output; exit 1 where gnuplot failed, 128 + the signal's number
# (143, 130: a shell's status of a process the signal ended, a stopped
# sweep's too) where rooflab was stopped.  gnuplot is a fake one first on
# PATH, a shell script that reads the plot's script and then fails, kills
# itself, or signals its parent (rooflab: popen's shell execs it).
. "$(dirname "$0")/clilib.sh"

mkdir "$tmpd/bin" "$tmpd/o" "$tmpd/t"
# fake ACTION: the fake gnuplot's last line
fake() {
	printf '#!/bin/sh\ncat >/dev/null\n%s\n' "$1" >"$tmpd/bin/gnuplot"
	chmod +x "$tmpd/bin/gnuplot"
}
# nothing_left NAME OUT: no OUT, no temporary in $tmpd/o or $tmpd/t
nothing_left() {
	left=$(ls -A "$tmpd/o" "$tmpd/t" | grep -v '^/\|^$' | tr '\n' ' ')
	if [ -z "$left" ] && [ ! -e "$2" ]; then
		echo "ok - $1: no output, no temporary left"
	else
		echo "not ok - $1: left: $left"; fails=$((fails + 1))
	fi
	rm -f "$tmpd/o"/* "$tmpd/t"/*
}
# plot STATUS NAME OUT: plot curve into OUT under the fake gnuplot
plot() {
	expect_exit "$1" "$2: exit $1" -- env PATH="$tmpd/bin:$PATH" \
		TMPDIR="$tmpd/t" "$RL" plot curve --chip h100-sxm \
		--model llama3-70b --precision fp8 --tp 8 --out "$3"
}

fake 'echo "line 3: fake failure" >&2; exit 1'
plot 1 "gnuplot exits 1" "$tmpd/o/c.svg"
expect_err "gnuplot failed: line 3: fake failure" "gnuplot exits 1: its error named"
nothing_left "gnuplot exits 1" "$tmpd/o/c.svg"

fake 'kill -KILL $$'
plot 1 "gnuplot killed" "$tmpd/o/c.png"
expect_err "gnuplot failed" "gnuplot killed: said"
nothing_left "gnuplot killed" "$tmpd/o/c.png"

# rooflab sent SIGTERM while gnuplot runs (what kill and Slurm send); the
# fake exits 0 having drawn nothing, as a plot stopped part way
fake 'kill -TERM $PPID; exit 0'
plot 143 "SIGTERM during the plot" "$tmpd/o/c.svg"
nothing_left "SIGTERM during the plot" "$tmpd/o/c.svg"
# a text plot for stdout is drawn into TMPDIR (rooflab-gp.out.tmp-PID)
expect_exit 143 "SIGTERM during a text plot: exit 143" -- \
	env PATH="$tmpd/bin:$PATH" TMPDIR="$tmpd/t" "$RL" plot curve \
	--chip h100-sxm --model llama3-70b --precision fp8 --tp 8 --term dumb
nothing_left "SIGTERM during a text plot" "$tmpd/o/none"

# gnuplot finishes the plot although rooflab was sent SIGTERM (a SIGTERM
# to rooflab alone lets it): nothing is renamed onto the output once the
# signal is caught, nor a text plot copied to stdout.  The fake writes a
# plot into the temporary its script names (set output '...') and then
# signals its parent.
cat >"$tmpd/bin/gnuplot" <<'FAKE'
#!/bin/sh
o=$(sed -n "s/^set output '\(.*\)'\$/\1/p")
[ -n "$o" ] && echo drawn >"$o"
kill -TERM $PPID; exit 0
FAKE
chmod +x "$tmpd/bin/gnuplot"
plot 143 "SIGTERM, gnuplot drew the plot" "$tmpd/o/c.svg"
nothing_left "SIGTERM, gnuplot drew the plot" "$tmpd/o/c.svg"
env PATH="$tmpd/bin:$PATH" TMPDIR="$tmpd/t" "$RL" plot curve \
	--chip h100-sxm --model llama3-70b --precision fp8 --tp 8 \
	--term dumb >"$tmpd/stdout" 2>/dev/null
rc=$?
if [ "$rc" -eq 143 ] && [ ! -s "$tmpd/stdout" ]; then
	echo "ok - SIGTERM, gnuplot drew a text plot: exit 143, nothing on stdout"
else
	echo "not ok - SIGTERM, gnuplot drew a text plot: exit $rc, stdout: $(head -c 80 "$tmpd/stdout")"
	fails=$((fails + 1))
fi
rm -f "$tmpd/stdout"
nothing_left "SIGTERM, gnuplot drew a text plot" "$tmpd/o/none"

# SIGINT (Ctrl-C), unless this shell was started with it ignored (a
# background job's): rooflab then does not catch it (a sweep neither)
ign=$(sed -n 's/^SigIgn:[[:space:]]*//p' /proc/$$/status 2>/dev/null)
if [ -n "$ign" ] && [ $((0x$ign & 2)) -eq 0 ]; then
	fake 'kill -INT $PPID; exit 0'
	plot 130 "SIGINT during the plot" "$tmpd/o/c.svg"
	nothing_left "SIGINT during the plot" "$tmpd/o/c.svg"
else
	echo "ok - SIGINT during the plot: skipped: SIGINT is ignored here"
fi
finish
