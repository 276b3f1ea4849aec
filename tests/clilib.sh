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

finish() { [ "$fails" -eq 0 ]; exit $?; }
