#!/bin/sh
# cli_help.sh: the small things a new user meets first: presets and params
# have real --help, presets describe themselves in one line, params columns
# are aligned, unknown options, kinds and sections exit 2 with a message,
# solve says which target it takes.
. "$(dirname "$0")/clilib.sh"

expect_exit 0 "presets --help" -- $RL presets --help
expect_out "^usage: rooflab presets" "presets --help prints the usage"
if grep -q "^data directory:" "$tmpd/out"; then
	echo "not ok - presets --help lists presets instead of help"; fails=$((fails + 1))
else
	echo "ok - presets --help is help, not the list"
fi
expect_exit 2 "presets refuses an unknown option" -- $RL presets --bogus
expect_err "unknown option '--bogus'" "names the option"
expect_exit 2 "presets refuses an unknown kind" -- $RL presets chips
expect_err "unknown kind 'chips'; known: chip, model" "lists the kinds"

expect_exit 0 "presets" -- $RL presets
# the first comment line of data/chips/h100-sxm.ini, without "h100-sxm: "
expect_out "^  h100-sxm +NVIDIA H100 SXM5 80 GB \(GH100 die, TSMC 4N\)\.$" "a chip is described by its file's first line"
# Meta-Llama-3-8B config.json: 32 layers, hidden 4096, 32 heads, 8 KV heads,
# intermediate 14336
expect_out "^  llama3-8b +32 layers, hidden 4096, 32 heads \(8 KV\), MLP 14336$" "a model is described by its shape"
bare=$(grep '^  ' "$tmpd/out" | awk 'NF < 2' | head -3)
[ -z "$bare" ] && echo "ok - every preset has a description" ||
	{ echo "not ok - presets without a description: $bare"; fails=$((fails + 1)); }
expect_exit 0 "presets chip" -- $RL presets chip
if grep -q '^model' "$tmpd/out" || ! grep -q '^  sohu ' "$tmpd/out"; then
	echo "not ok - presets chip lists more or less than the chips"; fails=$((fails + 1))
else
	echo "ok - presets chip lists the chips only"
fi

# export --help says where a column's unit is and how to choose rows by
# value, which a script's author asked of the README alone
expect_exit 0 "export --help" -- $RL export --help
expect_out "\"columns\": \[\.\.\.\]" "export --help: the JSON's columns"
expect_out "each column with its unit \(parameters in the unit their name" "export --help: each column's unit"
expect_out "run_columns" "export --help: the database's units"
expect_out "and one of software its chip's preset does not name \(runs\.software_note," "export --help: the software note (review42)"
expect_out "sqlite3 -csv -header FILE \"SELECT \* FROM results WHERE run_id = 1 AND \.\.\.\"" "export --help: rows chosen by value"
expect_exit 0 "params --help" -- $RL params --help
expect_out "--section NAME" "params --help names --section"
[ "$(wc -l <"$tmpd/out")" -ge 5 ] && echo "ok - params --help explains, in more than one line" ||
	{ echo "not ok - params --help is $(wc -l <"$tmpd/out") line(s)"; fails=$((fails + 1)); }
expect_exit 0 "params" -- $RL params
# every column starts where its header starts, after a space
bad=$(awk 'NR == 1 { u = index($0, " unit") + 1; r = index($0, " range") + 1
	d = index($0, " default") + 1; c = index($0, " doc") + 1; next }
	{ if (substr($0, u - 1, 1) != " " || substr($0, u, 1) == " " ||
	      substr($0, r - 1, 1) != " " || substr($0, r, 1) == " " ||
	      substr($0, d - 1, 1) != " " || substr($0, d, 1) == " " ||
	      substr($0, c - 1, 1) != " " || substr($0, c, 1) == " ") print }' "$tmpd/out" | head -3)
n=$(wc -l <"$tmpd/out")
[ -z "$bad" ] && [ "$n" -gt 50 ] && echo "ok - params columns are aligned ($n lines)" ||
	{ echo "not ok - params rows out of their columns: $bad"; fails=$((fails + 1)); }
expect_out "^profile.allreduce +- +ring\|two_shot\|one_shot\|switch +ring +" "the widest range keeps its column"
expect_exit 2 "params --section nosuch" -- $RL params --section nosuch
expect_err "unknown section 'nosuch'; known: chip, .*profile" "lists the sections"
expect_exit 2 "params --section without a value" -- $RL params --section
expect_exit 0 "params --section profile" -- $RL params --section profile
other=$(tail -n +2 "$tmpd/out" | grep -vc '^profile\.')
[ "$other" = 0 ] && echo "ok - --section profile lists profile parameters only" ||
	{ echo "not ok - $other rows of other sections"; fails=$((fails + 1)); }

# (since 2026-11-30 solve takes the varied side's own figures too,
# tpot_s=0.05 among them: tests/cli_solve.sh; a key it does not know is
# refused with the list)
expect_exit 2 "solve --target tpot=0.05" -- $RL solve --target tpot=0.05 --vary b.chip.hbm_tbps
expect_err "not a target; KEY=X, KEY one of speedup .*tpot_s" "says which targets exist"
# solve's help is what solve does: it runs no Monte Carlo, so claim's
# --threads is not its option (refused, saying why: it was listed as
# "threads of the Monte Carlo" and did nothing); --no-design, which it
# takes, is in its usage line, where it was missing
expect_exit 0 "solve --help" -- $RL solve --help
expect_out "^         \[--a SPEC\] \[--b SPEC\] \[--config FILE\] \[--scenario NAME\] \[--no-design\]$" \
	"solve's usage line has --no-design"
if grep -q -- "--threads\|Monte Carlo" "$tmpd/out"; then
	echo "not ok - solve --help offers --threads or a Monte Carlo"; fails=$((fails + 1))
else
	echo "ok - solve --help offers no --threads, no Monte Carlo"
fi
expect_exit 2 "solve --threads 4" -- $RL solve --threads 4 --vary b.chip.hbm_tbps
expect_err "^rooflab solve: --threads: solve runs no Monte Carlo, which is what claim's --threads spreads over threads; its root finding runs on one \(drop --threads\)$" \
	"solve --threads: says why it is not solve's"
expect_exit 2 "solve --vary b.design.frac_mac --no-design" -- $RL solve --no-design --vary b.design.frac_mac
expect_err "side b is not a chip by design" "solve --no-design: b.design.* refused, as its help says"
expect_exit 0 "claim keeps --threads" -- $RL claim --threads 2 --samples 10 --no-design
# threads spread the samples, never change them: the same JSON as one
# thread's (the text's Monte Carlo line gives the seconds it took)
expect_exit 0 "claim --threads 2 --json" -- $RL claim --threads 2 --samples 10 --no-design --json
cp "$tmpd/out" "$tmpd/threads2.json"
expect_exit 0 "claim --threads 1 --json" -- $RL claim --threads 1 --samples 10 --no-design --json
cp "$tmpd/out" "$tmpd/threads1.json"
expect_exit 0 "claim --threads 2 gives --threads 1's JSON byte for byte" -- cmp "$tmpd/threads2.json" "$tmpd/threads1.json"
# a chip without power or cost inputs: "n/a" in the table, null in JSON
expect_exit 0 "b200 has no node" -- $RL eval --chip b200 --model llama3-70b --precision fp8 --tp 8
expect_out "^  watts +n/a   " "unknown power prints n/a"
if grep -qi "nan" "$tmpd/out"; then
	echo "not ok - the table prints nan"; fails=$((fails + 1))
else
	echo "ok - no nan in the table"
fi
expect_exit 0 "b200 --json" -- $RL eval --chip b200 --model llama3-70b --precision fp8 --tp 8 --json
expect_out '"watts": null' "unknown power is null in JSON"
# help takes one command: a word after it is refused, named, with nothing
# on standard output (it printed eval's help and dropped the word)
expect_exit 2 "help eval extra" -- $RL help eval extra
expect_err "^rooflab help: unexpected argument 'extra': help takes one command \(rooflab help eval\)$" "help COMMAND: a stray word is named"
[ ! -s "$tmpd/out" ] && echo "ok - help eval extra prints no help" ||
	{ echo "not ok - help eval extra printed help"; fails=$((fails + 1)); }
expect_exit 2 "help help extra" -- $RL help help extra
expect_err "unexpected argument 'extra'" "help help: a stray word is named"
# help plot curve: plot curve's own help is named, the word refused
expect_exit 2 "help plot curve" -- $RL help plot curve
expect_err "^rooflab help: unexpected argument 'curve': help takes one command \(rooflab help plot; plot curve's own options: rooflab plot curve --help\)$" "help plot curve: names plot curve --help"
# (the lead, review47's left item) another kind after help plot is not
# pointed to plot curve's options, which are not its own: help plot holds
# every other kind's
expect_exit 2 "help plot heatmap" -- $RL help plot heatmap
expect_err "^rooflab help: unexpected argument 'heatmap': help takes one command \(rooflab help plot\)$" "help plot heatmap: names help plot alone"
# (fuzz9's mutation pass over cli/main.c: each check fails a mutant that
# passed the checks above, found by fuzz-inputs.py's helpx target) a
# command's name with a letter more is no command (a look-up by the first
# letters ran eval); the case of a name typed is no edit (EVL is 'evl',
# one from eval: offered it; a mutant comparing case offered none); a
# name as far from two commands is offered the first in the list
# (pareas: params by two letters changed, area by two removed; a mutant
# keeping the last offered area); help of no command names it and gives
# the list, as rooflab evl does (a mutant dropped the list)
expect_exit 2 "evalx" -- $RL evalx
expect_err "^rooflab: unknown command 'evalx'; did you mean eval\?$" "evalx: no command, eval offered"
expect_exit 2 "EVL" -- $RL EVL
expect_err "^rooflab: unknown command 'EVL'; did you mean eval\?$" "EVL: eval offered, case no edit"
expect_exit 2 "pareas" -- $RL pareas
expect_err "^rooflab: unknown command 'pareas'; did you mean params\?$" "pareas: the first of two as near offered"
expect_exit 2 "help evl" -- $RL help evl
expect_err "^rooflab: unknown command 'evl'; did you mean eval\?$" "help evl: named, eval offered"
expect_err "^commands:$" "help evl: the list of commands after it"
# (small63) an option before the command: the order is said wrong, the
# command found later named, where it read "unknown command '--json'"
# over the list of commands as if the command were the fault; a word no
# command follows is still unknown
expect_exit 2 "--json eval" -- $RL --json eval --chip h100-sxm
expect_err "^rooflab: option '--json' comes before the command eval: the command comes first, its options after it \(rooflab eval \[OPTIONS\]; rooflab help eval: its options\)$" "--json eval: says the order"
grep -q "unknown command\|^commands:" "$tmpd/err" &&
	{ echo "not ok - --json eval says unknown command"; fails=$((fails + 1)); } ||
	echo "ok - --json eval: no unknown command, no list"
expect_exit 2 "--db x.db report" -- $RL --db x.db report
expect_err "^rooflab: option '--db' comes before the command report: " "--db x.db report: the command after the option's value"
expect_exit 2 "--json alone" -- $RL --json nothing
expect_err "^rooflab: unknown command '--json'$" "--json nothing: no command follows, unknown as before"
# rooflab --help (and -h) takes no word: one after it is refused, exit 2,
# as help COMMAND WORD is, with nothing on standard output (it printed the
# list and dropped the word); a command's name points to its help
expect_exit 2 "--help extra" -- $RL --help extra
expect_err "^rooflab --help: unexpected argument 'extra': --help takes no word \(rooflab --help: the commands\)$" "--help: a stray word is named"
[ ! -s "$tmpd/out" ] && echo "ok - --help extra prints no list" ||
	{ echo "not ok - --help extra printed the list"; fails=$((fails + 1)); }
expect_exit 2 "-h extra" -- $RL -h extra
expect_err "^rooflab -h: unexpected argument 'extra': -h takes no word \(rooflab -h: the commands\)$" "-h: a stray word is named"
expect_exit 2 "--help eval" -- $RL --help eval
expect_err "; rooflab help eval: its options\)$" "--help eval: names rooflab help eval"
# (fuzz9) --version prints the version, "rooflab 0.1.0" (the Makefile's
# VERSION), and takes no word either: one after it printed the version,
# exit 0; refused now as --help's is
expect_exit 0 "--version" -- $RL --version
expect_out "^rooflab 0\.1\.0$" "--version: the version"
expect_exit 2 "--version extra" -- $RL --version extra
expect_err "^rooflab --version: unexpected argument 'extra': --version takes no word \(rooflab --version: the version\)$" "--version: a stray word is named"
[ ! -s "$tmpd/out" ] && echo "ok - --version extra prints no version" ||
	{ echo "not ok - --version extra printed the version"; fails=$((fails + 1)); }
expect_exit 0 "help eval" -- $RL help eval
expect_out "^usage: rooflab eval" "help eval without a stray word is eval's help"
# every command's --help gives its exit statuses, as rooflab --help does
# for all (calibrate's said none)
cmds=$($RL --help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p')
[ -n "$cmds" ] || { echo "not ok - no commands read from rooflab --help"; fails=$((fails + 1)); }
for c in $cmds; do
	expect_exit 0 "$c --help" -- $RL "$c" --help
	expect_out "Exit( status:)? 0 " "$c --help gives its exit statuses"
done
# (small59) a word a command does not take, given with --help, is refused
# as --help's and --version's own are (exit 2, nothing on standard
# output), where "eval --help x" printed the help, exit 0.  The words each
# command takes are its usage's: none for these; plot KIND, params KEY
# (below), sweep SPEC take one, presets two (KIND, and a
# name refused with a hint), so one more is the stray there; merge takes
# any number of files, so it has none.
for c in area calibrate claim curve eval export map report solve validate; do
	expect_exit 2 "$c --help x" -- $RL $c --help x
	expect_err "^rooflab $c: unexpected argument 'x': $c takes no word \(rooflab $c --help: its options\)$" "$c --help x: the word is named"
	[ ! -s "$tmpd/out" ] && echo "ok - $c --help x prints no help" ||
		{ echo "not ok - $c --help x printed the help"; fails=$((fails + 1)); }
done
expect_exit 2 "eval x --help (the word before)" -- $RL eval x --help
expect_exit 2 "eval -h x" -- $RL eval -h x
expect_exit 0 "eval --chip x --help (x a value)" -- $RL eval --chip x --help
expect_out "^usage: rooflab eval" "eval --chip x --help prints the help"
# (fuzz13) the first stray word is the one named, not the last; an
# option's value given as --NAME=V takes no word after it, so --help
# there is --help; a lone '-' is a word, not an option (parseopt.c
# wants_help: each a mutant of scripts/mutants.py killed here)
expect_exit 2 "eval x --help y" -- $RL eval x --help y
expect_err "^rooflab eval: unexpected argument 'x': eval takes no word" "eval x --help y: the first stray word is named"
expect_exit 0 "eval --chip=h100-sxm --help" -- $RL eval --chip=h100-sxm --help
expect_out "^usage: rooflab eval" "eval --chip=h100-sxm --help prints the help"
expect_exit 2 "eval --help -" -- $RL eval --help -
expect_err "^rooflab eval: unexpected argument '-': eval takes no word" "eval --help -: the '-' is named"
expect_exit 0 "plot curve --help" -- $RL plot curve --help
expect_exit 2 "plot curve --help x" -- $RL plot curve --help x
expect_err "unexpected argument 'x': plot curve takes no word" "plot curve --help x: named"
for c in "plot heatmap" "sweep w"; do
	expect_exit 0 "$c --help" -- $RL $c --help
	expect_exit 2 "$c --help x" -- $RL $c --help x
	expect_err "^rooflab ${c% *}: unexpected argument 'x' \(rooflab ${c% *} --help: its options\)$" "$c --help x: the second word is named"
done
# (small62) plot's and presets' one word beside --help is checked as
# without it (parseopt.c opt_parse_words), where "plot --help w" and
# "presets --help w" printed the help, exit 0; the messages are the ones
# cmd_plot.c's kinds_list and cmd_presets.c's check_words write for w alone
for w in "--help w" "w --help" "-h w"; do
	expect_exit 2 "plot $w" -- $RL plot $w
	expect_err "^rooflab plot: unknown plot kind 'w' \(kinds: " "plot $w: the word is named"
	[ ! -s "$tmpd/out" ] && echo "ok - plot $w prints no help" ||
		{ echo "not ok - plot $w printed the help"; fails=$((fails + 1)); }
	expect_exit 2 "presets $w" -- $RL presets $w
	expect_err "^rooflab presets: unknown kind 'w'; known: chip, " "presets $w: the word is named"
	[ ! -s "$tmpd/out" ] && echo "ok - presets $w prints no help" ||
		{ echo "not ok - presets $w printed the help"; fails=$((fails + 1)); }
done
expect_exit 0 "plot --help curve (plot curve's own help is named)" -- $RL plot --help curve
expect_out "^usage: rooflab plot" "plot --help curve prints plot's help"
expect_exit 0 "presets --help chip" -- $RL presets --help chip
expect_out "^usage: rooflab presets" "presets --help chip prints the help"
# params takes one word, a KEY (SECTION.KEY, or a key of one section):
# beside --help a word params refuses is refused as params alone refuses
# it (exit 2, no help), where "params --help w" printed the help, exit 0,
# while eval and the rest refused theirs; a KEY it shows gets the help
for w in "--help w" "w --help" "-h w"; do
	expect_exit 2 "params $w" -- $RL params $w
	expect_err "^rooflab params: no parameter 'w' \(rooflab params lists them\)$" "params $w: the word is named"
	[ ! -s "$tmpd/out" ] && echo "ok - params $w prints no help" ||
		{ echo "not ok - params $w printed the help"; fails=$((fails + 1)); }
done
expect_exit 2 "params --help KEY of two sections" -- $RL params --help kv_precision
expect_err "'kv_precision' is a key of 2 sections" "params --help kv_precision: refused as without --help"
expect_exit 0 "params --help KEY" -- $RL params --help hbm_tbps
expect_out "^usage: rooflab params" "params --help hbm_tbps prints the help"
expect_exit 0 "params --section chip --help KEY" -- $RL params --section chip --help hbm_tbps
expect_out "^usage: rooflab params" "params --section chip --help hbm_tbps prints the help"
expect_exit 2 "params hbm_tbps --help x" -- $RL params hbm_tbps --help x
expect_err "^rooflab params: unexpected argument 'x' \(rooflab params --help: its options\)$" "params KEY --help x: the second word is named"
# presets' second word is refused with a hint (that preset's file), as
# without --help
expect_exit 2 "presets chip h100-sxm --help" -- $RL presets chip h100-sxm --help
expect_err "^rooflab presets: unexpected argument 'h100-sxm': presets lists the names alone" "presets chip h100-sxm --help: the name is refused with its hint"
[ ! -s "$tmpd/out" ] && echo "ok - presets chip h100-sxm --help prints no help" ||
	{ echo "not ok - presets chip h100-sxm --help printed the help"; fails=$((fails + 1)); }
expect_exit 2 "presets chip w --help x" -- $RL presets chip w --help x
# no line of rooflab help, of any command's --help or of plot curve's (its
# own help) is wider than a terminal's 80 columns; a tab or a byte that is
# not printable ASCII is refused too, so bytes count columns
# (help_fits NAME -- command...)
help_fits() {
	name=$1; shift 2
	"$@" >"$tmpd/help" 2>&1
	wide=$(LC_ALL=C awk 'length > 80 || /[^ -~]/ { printf "%d:%d ", NR, length }' 		"$tmpd/help")
	if [ -s "$tmpd/help" ] && [ -z "$wide" ]; then
		echo "ok - $name fits 80 columns"
	else
		echo "not ok - $name fits 80 columns (line:length $wide)"
		fails=$((fails + 1))
	fi
}
help_fits "rooflab help" -- $RL help
help_fits "plot curve --help" -- $RL plot curve --help
for c in $cmds; do
	help_fits "$c --help" -- $RL "$c" --help
done
# the usage lines of the commands a user sizing a deployment meets first
# name every option their list gives, where map's left out --batch and
# --e2e-max, eval's the load options and curve's --pp, --ep and --batch
# (and wrote --set key=value where every other says section.key=value)
for c in eval map curve; do
	expect_exit 0 "$c --help" -- $RL $c --help
	miss=$(awk 'NR == 1, /^$/ { u = u " " $0; next }
		/^options:/ { o = 1; next }
		o && /^  --/ { n = $1; if (index(u, "[" n " ") == 0 && index(u, " " n " ") == 0 && index(u, "[" n "]") == 0) printf "%s ", n }' "$tmpd/out")
	[ -z "$miss" ] && echo "ok - $c: the usage names every option" ||
		{ echo "not ok - $c: the usage lacks $miss"; fails=$((fails + 1)); }
	expect_no_out "--set key=value" "$c: --set section.key=value, as every command writes it"
done
# map says what it does not search: a user of a disaggregated-serving
# planner reads that prefill and decode pools are not modelled
expect_exit 0 "map --help" -- $RL map --help
expect_out "^share each replica's chips \(no disaggregated prefill and decode pools, no$" "map --help: no disaggregated serving"
expect_out "^attention data parallelism: not modelled\)" "map --help: no attention data parallelism"
# rooflab help's list says what curve prints since it ends with each
# chip's Pareto front (2026-11-30), which its line did not name; and curve
# prints one, a line per chip
expect_exit 0 "rooflab help" -- $RL help
expect_out "^  curve +.*Pareto fronts$" "help: curve's line names its Pareto fronts"
expect_exit 0 "curve of two chips" -- $RL curve --chip h100-sxm,sohu --model llama3-70b --precision fp8 --tp 8 --profile ideal
if [ "$(grep -c '^Pareto front of ' "$tmpd/out")" -eq 2 ]; then
	echo "ok - curve prints a Pareto front per chip"
else
	echo "not ok - curve prints a Pareto front per chip"; fails=$((fails + 1))
fi
# claim --db and validate --db say on stderr where the run went (288e475):
# their helps say so where --db is described, the line as cmd_claim.c and
# cmd_validate.c write it, FILE and N for the path and the id
expect_exit 0 "claim --help" -- $RL claim --help
if tr '\n' ' ' <"$tmpd/out" | grep -q 'stderr says where the run went: "rooflab claim: stored in FILE as claim run N", N the run.s id for rooflab report --run\.'; then
	echo "ok - claim --help: --db's stderr line"
else
	echo "not ok - claim --help: --db's stderr line"; fails=$((fails + 1))
fi
expect_out '^  --db FILE +store the run in SQLite \(stderr: "stored in$' "claim --help: --db's option line"
expect_exit 0 "validate --help" -- $RL validate --help
if tr '\n' ' ' <"$tmpd/out" | grep -q 'says on stderr where they went: "rooflab validate: stored in FILE as validation run N", N the run.s id in validation_runs\.'; then
	echo "ok - validate --help: --db's stderr line"
else
	echo "not ok - validate --help: --db's stderr line"; fails=$((fails + 1))
fi
expect_out '^  --db FILE +store the rows \(stderr, after the report:$' "validate --help: --db's option line"
# (ux24) the default profile as the helps say it: the last calibrated
# profile of the chip's software, the per-version fits no default, as
# eval's first line says it ("the only calibrated profile for
# TensorRT-LLM ...; 12 other TensorRT-LLM profiles, each fitted on its
# version and none a default"); curve's and map's said "the latest
# calibrated profile of its software", read as trtllm-1.0's, and served
# trtllm-0.10
for c in eval curve map; do
	expect_exit 0 "$c --help" -- $RL $c --help
	if tr '\n' ' ' <"$tmpd/out" | grep -q 'the last calibrated profile'; then
		echo "ok - $c --help: the last calibrated profile"
	else
		echo "not ok - $c --help: the last calibrated profile"; fails=$((fails + 1))
	fi
	expect_no_out "latest" "$c --help: no 'latest'"
done
for c in curve map; do
	expect_exit 0 "$c --help" -- $RL $c --help
	if tr '\n' ' ' <"$tmpd/out" | grep -q 'as eval takes it (the last calibrated profile of its software; the profiles fitted per version, such as trtllm-1\.0, are no default)'; then
		echo "ok - $c --help: the per-version fits are no default"
	else
		echo "not ok - $c --help: the per-version fits are no default"; fails=$((fails + 1))
	fi
done
# (ux24) export --help says what the status column holds: it named the
# column and no code.  Its codes checked on a sweep of llama3-70b in BF16
# on the H100 (80 GB): tp 1 does not fit (141 GB of weights, status 3),
# tp 3 does not divide the 64 heads (status 2), tp 8 is served (status 0)
expect_exit 0 "export --help" -- $RL export --help
if tr '\n' ' ' <"$tmpd/out" | grep -q 'status is 0 for a point served, 1 the model.s own failure (a bug), 2 not evaluable, 3 not fitting in memory, 4 over its TDP at every clock (outputs NULL but status 4.s power figures; sweeps/README\.md)'; then
	echo "ok - export --help: the status codes"
else
	echo "not ok - export --help: the status codes"; fails=$((fails + 1))
fi
cat >"$tmpd/status.ini" <<'EOS'
[base]
chip = h100-sxm
model = llama3-70b
set = scenario.precision=bf16
[axes]
scenario.tp = 1, 3, 8
EOS
expect_exit 0 "a sweep of tp 1, 3, 8" -- $RL sweep "$tmpd/status.ini" --db "$tmpd/status.db" --threads 1
expect_exit 0 "its export" -- $RL export --db "$tmpd/status.db" --format csv
if [ "$(cut -d, -f3,4 "$tmpd/out" | tr '\n' ' ')" = "status,scenario_tp 3,1 2,3 0,8 " ]; then
	echo "ok - export: status 3 for tp 1, 2 for tp 3, 0 for tp 8"
else
	echo "not ok - export: status 3 for tp 1, 2 for tp 3, 0 for tp 8: $(cut -d, -f3,4 "$tmpd/out" | tr '\n' ' ')"; fails=$((fails + 1))
fi
# (ux24) rooflab help COMMAND is rooflab COMMAND --help, byte for byte,
# exit 0, where it printed the list of commands; an unknown one exits 2
# naming it, with the list on stderr; the list's usage line says so
for c in eval curve map params presets sweep merge export area calibrate validate plot report claim solve; do
	$RL $c --help >"$tmpd/own" 2>&1
	expect_exit 0 "rooflab help $c" -- $RL help $c
	if cmp -s "$tmpd/out" "$tmpd/own"; then
		echo "ok - rooflab help $c is rooflab $c --help"
	else
		echo "not ok - rooflab help $c is rooflab $c --help"; fails=$((fails + 1))
	fi
done
expect_exit 2 "rooflab help evl" -- $RL help evl
expect_err "^rooflab: unknown command 'evl'; did you mean eval\?$" "help evl: did you mean eval"
expect_exit 0 "rooflab help" -- $RL help
expect_out "^usage: rooflab COMMAND \[options\]   \(rooflab help COMMAND: its options\)$" "the usage line names rooflab help COMMAND"
# (review46) help about help is the list, exit 0, as 'rooflab help' and
# 'rooflab --help' give it (before ux24 'rooflab help --help' did): the
# list, byte for byte, where 'help help', 'help --help' and 'help -h'
# exited 2 with "unknown command '--help'"
cp "$tmpd/out" "$tmpd/list"
for h in help --help -h; do
	expect_exit 0 "rooflab help $h" -- $RL help $h
	if cmp -s "$tmpd/out" "$tmpd/list"; then
		echo "ok - rooflab help $h is the list"
	else
		echo "not ok - rooflab help $h is the list"; fails=$((fails + 1))
	fi
done
# (ux30) a 0 that stands for another value is said in params' doc, as
# "(0: no FP8 support)" is: node.fma_pj_fp8's 0 is fma_pj_fp16's energy
# (model/power.c), where solve took it for no energy at all; checked by
# eval: Sohu by design with fma_pj_fp8 0 serves as with n4.ini's FP16 figure
expect_exit 0 "params node.fma_pj_fp8" -- $RL params node.fma_pj_fp8
expect_out "\(0: fma_pj_fp16's\)" "its 0 said"
f16=$(sed -n 's/^fma_pj_fp16 *= *\([0-9.]*\).*/\1/p' "$ROOFLAB_DATA/nodes/n4.ini")
w="--chip sohu-design --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 1 --chips 8"
t0=$($RL eval $w --set node.fma_pj_fp8=0 2>/dev/null | grep "^  total_tokens_per_s ")
t16=$($RL eval $w --set node.fma_pj_fp8=${f16:-1} 2>/dev/null | grep "^  total_tokens_per_s ")
tn=$($RL eval $w 2>/dev/null | grep "^  total_tokens_per_s ")
[ -n "$t0" ] && [ "$t0" = "$t16" ] && [ "$t0" != "$tn" ] && echo "ok - eval: fma_pj_fp8 0 serves as $f16 pJ, fma_pj_fp16's" ||
	{ echo "not ok - fma_pj_fp8 0: '$t0' against '$t16' ($f16 pJ), '$tn' (n4's)"; fails=$((fails + 1)); }
finish
