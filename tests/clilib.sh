# clilib.sh: helpers for the command-line tests (sourced by tests/cli_*.sh).
# Each check prints "ok - NAME" or "not ok - NAME" with details; the file
# exits non-zero if any check failed.
RL=${ROOFLAB:-./rooflab}
# run by hand without make's environment: the checkout's data, never ""
# (a test copying "$ROOFLAB_DATA/." would copy the whole file system)
: "${ROOFLAB_DATA:=$(cd "$(dirname "$0")/.." && pwd)/data}"
export ROOFLAB_DATA
fails=0
tmpd=$(mktemp -d)
trap 'rm -rf "$tmpd"' EXIT

# deepdir N: a folder under $tmpd whose path is at least N characters
# (nested 200-character names), made, printed
deepdir() {
	dd=$tmpd
	seg=$(awk 'BEGIN { for (i = 0; i < 200; i++) printf "d" }')
	while [ ${#dd} -lt "$1" ]; do dd=$dd/$seg; done
	mkdir -p "$dd" && printf '%s' "$dd"
}

# have TOOL WHAT: TOOL (an optional tool: sqlite3, python3, gnuplot) is on
# PATH; where it is not, prints "ok - skipped: TOOL is not installed (WHAT)"
# and fails, so that checks needing it are said skipped, never passed over
# in silence:  if have sqlite3 "the trust line stored"; then ... fi
have() {
	command -v "$1" >/dev/null 2>&1 && return 0
	echo "ok - skipped: $1 is not installed ($2)"
	return 1
}

# expect_exit CODE NAME -- command...: run, check the exit status.
expect_exit() {
	code=$1; name=$2; shift 3
	"$@" >"$tmpd/out" 2>"$tmpd/err"
	got=$?
	if [ "$got" -eq "$code" ]; then
		echo "ok - $name"
	else
		echo "not ok - $name (exit $got, expected $code)"
		sed 's/^/    out: /' "$tmpd/out" | head -5
		sed 's/^/    err: /' "$tmpd/err" | head -5
		fails=$((fails + 1))
	fi
}

# expect_err PATTERN NAME: the last command's stderr matches PATTERN (grep -E).
expect_err() {
	if grep -Eq -- "$1" "$tmpd/err"; then
		echo "ok - $2"
	else
		echo "not ok - $2 (stderr lacks /$1/)"
		sed 's/^/    err: /' "$tmpd/err" | head -5
		fails=$((fails + 1))
	fi
}

# expect_out PATTERN NAME: the last command's stdout matches PATTERN.
expect_out() {
	if grep -Eq -- "$1" "$tmpd/out"; then
		echo "ok - $2"
	else
		echo "not ok - $2 (stdout lacks /$1/)"
		sed 's/^/    out: /' "$tmpd/out" | head -5
		fails=$((fails + 1))
	fi
}

# joined ERE FILE: each line of FILE matching ERE with the lines under it
# that the claim's text wrapped (indented further, not empty) joined to it
# by one space, a line each: what the text printed as one line before it
# wrapped at 100 columns.
joined() {
	awk -v re="$1" 'p && NF && match($0, /^ */) && RLENGTH > ind {
			sub(/^ +/, " "); line = line $0; next }
		p { print line; p = 0 }
		$0 ~ re { p = 1; match($0, /^ */); ind = RLENGTH; line = $0 }
		END { if (p) print line }' "$2"
}

# verdict_of FILE: claim's verdict, the text's first line joined with the
# lines wrapped under it (indented 4, past the items under it at 2).
verdict_of() {
	awk 'NR == 1 { l = $0; next } /^    [^ ]/ { sub(/^ +/, " "); l = l $0; next }
		{ exit } END { print l }' "$1"
}

# expect_joined START PATTERN NAME: a line of the last command's stdout
# matching START, joined with its wrapped lines (joined), matches PATTERN.
expect_joined() {
	if joined "$1" "$tmpd/out" | grep -Eq -- "$2"; then
		echo "ok - $3"
	else
		echo "not ok - $3 (stdout, lines joined, lacks /$2/)"
		joined "$1" "$tmpd/out" | sed 's/^/    out: /' | head -5
		fails=$((fails + 1))
	fi
}

# expect_no_out PATTERN NAME: the last command's stdout does not match
# PATTERN.
expect_no_out() {
	if grep -Eq -- "$1" "$tmpd/out"; then
		echo "not ok - $2 (stdout has /$1/)"
		grep -E -- "$1" "$tmpd/out" | sed 's/^/    out: /' | head -5
		fails=$((fails + 1))
	else
		echo "ok - $2"
	fi
}

# expect_no_err PATTERN NAME: the last command's stderr does not match
# PATTERN.
expect_no_err() {
	if grep -Eq -- "$1" "$tmpd/err"; then
		echo "not ok - $2 (stderr has /$1/)"
		grep -E -- "$1" "$tmpd/err" | sed 's/^/    err: /' | head -5
		fails=$((fails + 1))
	else
		echo "ok - $2"
	fi
}

# expect_lines N NAME: the last command's stdout is N lines.
expect_lines() {
	n=$(wc -l <"$tmpd/out" | tr -d ' ')
	if [ "$n" -eq "$1" ]; then
		echo "ok - $2"
	else
		echo "not ok - $2 (stdout is $n lines, $1 expected)"
		sed 's/^/    out: /' "$tmpd/out" | head -5
		fails=$((fails + 1))
	fi
}

# expect_empty out|err NAME: the last command wrote nothing on stdout
# (out) or stderr (err).
expect_empty() {
	if [ ! -s "$tmpd/$1" ]; then
		echo "ok - $2"
	else
		echo "not ok - $2 (std$1 has $(wc -l <"$tmpd/$1" | tr -d ' ') lines)"
		sed "s/^/    $1: /" "$tmpd/$1" | head -5
		fails=$((fails + 1))
	fi
}

# sweep_spec FILE: write FILE, a sweep spec of h100-sxm running llama3-8b:
# its [base] section's chip and model lines, then the lines read from
# stdin (more [base] lines, [axes] and the rest), as in
#   sweep_spec "$d/g.ini" <<'EOF'
#   profile = ideal
#   [axes]
#   chip.hbm_tbps = 2, 3
#   EOF
sweep_spec() {
	{ printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n'; cat; } >"$1"
}

# grid_spec FILE AXIS AXIS: write FILE, a sweep spec of h100-sxm running
# llama3-8b under profile ideal over a grid of the two [axes] lines given
# ("chip.hbm_tbps = 2, 3"): a grid over two parameters, for a heatmap
grid_spec() {
	printf 'profile = ideal\n[axes]\n%s\n%s\n' "$2" "$3" | sweep_spec "$1"
}

# spec4 FILE: write FILE, the 4-point sweep spec the crafted-database
# checks start from (cli_exportx.sh, cli_hostile.sh): h100-sxm running
# llama3-8b over chip.hbm_tbps = 1:4:1, so its points are idx 0 to 3
# (1, 2, 3 and 4 TB/s), runs.points 4, and shard 0/2 holds idx 0 and 2,
# shard 1/2 idx 1 and 3
spec4() {
	printf '[axes]\nchip.hbm_tbps = 1:4:1\n' | sweep_spec "$1"
}

# plot_dbs: with tests/tools/mkplotdb.c (built by make into $ROOFLAB_TOOLS)
# make the hand-made databases $tmpd/full.db, empty.db and sweep.db that
# cli_plot.sh and cli_report.sh read; the test stops when that fails.
plot_dbs() {
	mk=${ROOFLAB_TOOLS:-$root/build/tools}/mkplotdb
	if [ ! -x "$mk" ]; then
		echo "not ok - $mk is not built (make tools)"
		exit 1
	fi
	"$mk" "$tmpd/full.db" full ||
		{ echo "not ok - make the test database"; exit 1; }
	"$mk" "$tmpd/empty.db" empty || exit 1
	"$mk" "$tmpd/sweep.db" sweep || exit 1
}

# doc_commands FILE HEADING: the commands of the ```sh blocks under the
# Markdown heading "## HEADING" of FILE, up to the next "## " heading, one a
# line (lines ending in a backslash joined to the next).
doc_commands() {
	awk -v h="## $2" 'index($0, h) == 1 { t = 1; next }
	     t && /^## / { exit }
	     t == 1 && /^```sh/ { t = 2; next }
	     t == 2 && /^```/ { t = 1; next }
	     t == 2 { if (sub(/\\$/, "")) { line = line $0; next }
	              print line $0; line = "" }' "$1"
}

# doc_workdir DIR: make DIR, a folder where a page's commands run as
# written: ./rooflab ($RL, made absolute), data/ and sweeps/ of $root.
doc_workdir() {
	mkdir -p "$1"
	case $RL in /*) ;; *) RL=$(pwd)/$RL ;; esac
	ln -s "$RL" "$1/rooflab"
	ln -s "$root/data" "$1/data"
	ln -s "$root/sweeps" "$1/sweeps"
}

# peak_threads PID: wait for the background process PID, polling its
# /proc/PID/status every 20 ms; set pt_status (its exit status) and
# pt_most (the most threads it was seen running) and print "STATUS MOST"
# (cli_cpus, cli_sweepwalk: how many threads --threads 0 starts).  Call
# it in the shell that started PID, never inside $(...) alone: a
# subshell cannot reap its sibling, which kill -0 then finds for ever.
peak_threads() {
	pt_most=0
	while kill -0 "$1" 2>/dev/null; do
		pt_t=$(sed -n 's/^Threads:[[:space:]]*//p' "/proc/$1/status" 2>/dev/null)
		[ "${pt_t:-0}" -gt "$pt_most" ] && pt_most=$pt_t
		sleep 0.02
	done
	wait "$1"
	pt_status=$?
	echo "$pt_status $pt_most"
}

finish() { [ "$fails" -eq 0 ]; exit $?; }
