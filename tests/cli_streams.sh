#!/bin/sh
# cli_streams.sh: one convention for the whole command line, what a shell
# script piping rooflab needs: a command's result goes to stdout (its
# table, JSON or CSV; for a command whose result is a file, one line saying
# what it wrote: "rooflab sweep: run N: ... stored in FILE", "rooflab
# merge: N parts merged into OUT.db: ...", "rooflab plot: wrote FILE",
# "rooflab report: wrote FILE"); progress, notes, warnings and errors go to
# stderr, and so does where a command whose stdout is its result also
# stored a copy (claim --db, validate --db: "stored in FILE"), so that its
# stdout stays one document.  Each command is run with stdout and stderr
# captured apart.  Until 2026-12-02 sweep and merge said their result on
# stderr while plot and report said theirs on stdout.
. "$(dirname "$0")/clilib.sh"

d=$tmpd
# 2 x 2 = 4 points (a grid over two numeric axes, for the heatmap); the
# shards 0/2 and 1/2 hold 2 each (index % 2)
grid_spec "$d/g.ini" "chip.hbm_tbps = 2, 3" "scenario.batch = 8, 16"

# one_line NAME: the last command's stdout is one line (its result alone)
one_line() { expect_lines 1 "$1: stdout is one line"; }

# sweep: its summary on stdout, its note on the chip's price on stderr
expect_exit 0 "sweep" -- "$RL" sweep "$d/g.ini" --db "$d/g.db"
expect_out "^rooflab sweep: run 1: 4 points evaluated, 4 stored in .*/g\.db \(" \
	"sweep: its result on stdout"
one_line "sweep"
expect_no_err "points evaluated" "sweep: its result not on stderr"
expect_err "^rooflab sweep: note: h100-sxm is given by its spec sheet" \
	"sweep: its note on stderr"
expect_no_out "note:" "sweep: no note on stdout"
# a --resume of the complete run: that it is, on stdout
expect_exit 0 "sweep --resume of a complete run" -- "$RL" sweep "$d/g.ini" \
	--db "$d/g.db" --resume
expect_out "^rooflab sweep: run 1 in .*/g\.db is already complete$" \
	"sweep --resume: its result on stdout"
expect_no_err "already complete" "sweep --resume: not on stderr"
# bad input: the error on stderr, nothing on stdout
expect_exit 2 "sweep of a spec that is not there" -- "$RL" sweep "$d/none.ini" \
	--db "$d/none.db"
expect_empty out "sweep's error: nothing on stdout"
expect_err "^rooflab sweep: .*none\.ini" "sweep's error on stderr"

# merge: the shards' summaries, then the merge's, on stdout
expect_exit 0 "sweep shard 0/2" -- "$RL" sweep "$d/g.ini" --db "$d/p0.db" --shard 0/2
expect_out "^rooflab sweep: run 1: 2 points evaluated, 2 stored in .*/p0\.db \(" \
	"shard 0/2: its result on stdout"
expect_exit 0 "sweep shard 1/2" -- "$RL" sweep "$d/g.ini" --db "$d/p1.db" --shard 1/2
expect_exit 0 "merge" -- "$RL" merge "$d/m.db" "$d/p0.db" "$d/p1.db"
expect_out "^rooflab merge: 2 parts merged into .*/m\.db: run 1, 4 points stored of the 4 of " \
	"merge: its result on stdout"
one_line "merge"
expect_empty err "merge: nothing on stderr"
expect_exit 2 "merge onto an OUT.db that is there" -- "$RL" merge "$d/m.db" "$d/p0.db" "$d/p1.db"
expect_empty out "merge's error: nothing on stdout"
expect_err "^rooflab merge: .*m\.db" "merge's error on stderr"

# plot: "wrote FILE" on stdout (gnuplot draws it)
if have gnuplot "plot: wrote FILE"; then
	expect_exit 0 "plot heatmap" -- "$RL" plot heatmap --db "$d/g.db" --out "$d/h.svg"
	expect_out "^rooflab plot: wrote .*/h\.svg$" "plot: its result on stdout"
	one_line "plot"
	expect_no_err "wrote" "plot: its result not on stderr"
fi

# report: "wrote FILE" on stdout; the sections a sweep's file leaves out
# (no claim run) are notes, on stderr
expect_exit 0 "report" -- "$RL" report --db "$d/g.db" --out "$d/r.md" --no-plots
expect_out "^rooflab report: wrote .*/r\.md$" "report: its result on stdout"
one_line "report"
expect_no_err "wrote" "report: its result not on stderr"
expect_err "^rooflab report: note: section Verdict absent" \
	"report: its notes on stderr"

# export: the CSV on stdout, a header and the 4 points, nothing else
expect_exit 0 "export" -- "$RL" export --db "$d/g.db" --format csv
expect_lines 5 "export: the header and 4 rows on stdout"
expect_no_out "^rooflab" "export: no message in the CSV"

# claim --db and validate --db: stdout is their result (the verdict, the
# table), "stored in FILE" on stderr, so that --json stays one document
expect_exit 0 "claim --db --json" -- "$RL" claim --samples 0 --no-design \
	--db "$d/c.db" --json
expect_err "^rooflab claim: stored in .*/c\.db as claim run 1$" \
	"claim: where it stored the run, on stderr"
expect_no_out "stored in" "claim: not in its JSON"
if have python3 "claim --db --json parsed as JSON"; then
	python3 -m json.tool "$tmpd/out" >/dev/null 2>&1 &&
		echo "ok - claim --db --json: stdout is one JSON document" ||
		{ echo "not ok - claim --db --json: stdout is not JSON"; fails=$((fails + 1)); }
fi
expect_exit 0 "validate --db" -- "$RL" validate --db "$d/v.db"
expect_err "^rooflab validate: stored in .*/v\.db as validation run 1$" \
	"validate: where it stored the run, on stderr"
expect_no_out "stored in" "validate: not in its table"

finish
