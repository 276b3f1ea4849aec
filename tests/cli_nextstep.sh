#!/bin/sh
# cli_nextstep.sh: a message for input a command lacks says what to give
# and where it comes from, and a help text says what the command does
# (ux26's walk of the three README paths with fresh eyes).  Each check's
# expected words are the message as written for it in cli/; exit 2 for bad
# input is README.md's "Exit status" paragraph.
. "$(dirname "$0")/clilib.sh"

# the chips every missing --chip names: eval's list (config/opts.c), the
# presets of data/chips
expect_exit 2 "eval without --chip" -- $RL eval --model llama3-70b
eval_known=$(sed -n 's/^rooflab eval: missing --chip NAME (known: \(.*\))$/\1/p' "$tmpd/err")
[ -n "$eval_known" ] && echo "ok - eval names the known chips" ||
	{ echo "not ok - eval names the known chips"; fails=$((fails + 1)); }

# 1. area without --chip names the chips to choose from, as eval, map and
#    curve do (it said "missing --chip NAME" alone)
expect_exit 2 "area without --chip" -- $RL area
expect_err "^rooflab area: missing --chip NAME \(known: .*h100-sxm.*sohu-design.*\)$" \
	"area without --chip names the known chips"
area_known=$(sed -n 's/^rooflab area: missing --chip NAME (known: \(.*\))$/\1/p' "$tmpd/err")
[ -n "$area_known" ] && [ "$area_known" = "$eval_known" ] &&
	echo "ok - area's list is eval's" ||
	{ echo "not ok - area's list '$area_known' is not eval's '$eval_known'"; fails=$((fails + 1)); }
# a scenario naming no chip is the same missing chip
expect_exit 2 "area with a scenario and no chip" -- $RL area --scenario etched-bench
expect_err "^rooflab area: missing --chip NAME \(known: .*h100-sxm" \
	"area --scenario without a chip names the known chips"
# calibrate without --profile names the profiles (every file of
# data/profiles: trtllm-0.10.ini and ideal.ini among them)
expect_exit 2 "calibrate without --profile" -- $RL calibrate
expect_err "^rooflab calibrate: missing --profile NAME: the profile whose efficiencies to fit \(known: .*ideal.*trtllm-0\.10.*\)$" \
	"calibrate without --profile names the known profiles"

# 2. export and plot without --db say which database to give and which
#    command writes one, as sweep's and report's do (they said "missing
#    --db FILE" and "--db FILE is required" alone)
expect_exit 2 "export without --db" -- $RL export --format csv
expect_err "^rooflab export: missing --db FILE: the sweep database to export \(rooflab sweep SPEC --db FILE writes one; rooflab merge OUT\.db PART\.db\.\.\. joins a sweep's shards into one\)$" \
	"export without --db names the sweep database and its commands"
# each kind's database, from the table it reads (rooflab plot --help:
# heatmap and pareto [results (sweep)], factors [claim_factors],
# validation [validation])
for k in heatmap pareto; do
	expect_exit 2 "plot $k without --db" -- $RL plot $k --out "$tmpd/p.png"
	expect_err "^rooflab plot: --db FILE is required: plot $k reads a sweep database \(rooflab sweep SPEC --db FILE writes one\)$" \
		"plot $k without --db names a sweep database"
done
for k in factors tornado distribution roofline batch; do
	expect_exit 2 "plot $k without --db" -- $RL plot $k --out "$tmpd/p.png"
	expect_err "^rooflab plot: --db FILE is required: plot $k reads a claim database \(rooflab claim --db FILE writes one; make demo writes out/claim\.db\)$" \
		"plot $k without --db names a claim database"
done
expect_exit 2 "plot validation without --db" -- $RL plot validation --out "$tmpd/p.png"
expect_err "^rooflab plot: --db FILE is required: plot validation reads a claim database holding a validation run \(rooflab validate --db FILE writes one; make demo writes out/claim\.db\)$" \
	"plot validation without --db names validate's database"

# 3. merge given too few files says which are missing (it printed its
#    usage line alone, whatever was missing)
expect_exit 2 "merge with no file" -- $RL merge
expect_err "^rooflab merge: missing OUT\.db and PART\.db\.\.\.: the new database, then the shard databases of rooflab sweep --shard I/N \(usage: rooflab merge OUT\.db PART\.db\.\.\.\)$" \
	"merge with no file names both"
expect_exit 2 "merge with OUT.db alone" -- $RL merge "$tmpd/m.db"
expect_err "^rooflab merge: no PART\.db given after OUT\.db: name the shard databases of rooflab sweep --shard I/N \(usage: rooflab merge OUT\.db PART\.db\.\.\.\)$" \
	"merge with OUT.db alone names the parts it lacks"
[ ! -e "$tmpd/m.db" ] && echo "ok - merge with OUT.db alone makes no OUT.db" ||
	{ echo "not ok - merge with OUT.db alone made $tmpd/m.db"; fails=$((fails + 1)); }

# 4. map --help's options list says what map takes: --chips from 1 (map
#    refuses 0, the "tp x pp x ep" eval reads it as) and its targets
#    without eval's "without --rate:" (map refuses --rate); it listed
#    eval's rows, "(scenario.chips: 0..10000000)" and "without --rate:"
expect_exit 0 "map --help" -- $RL map --help
sed -n '/^options:$/,$p' "$tmpd/out" >"$tmpd/mapopts"
if grep -q 'rate' "$tmpd/mapopts" && ! grep -q 'no --rate: map searches the load' "$tmpd/mapopts"; then
	echo "not ok - map's options list speaks of --rate as an option"
	grep -n 'rate' "$tmpd/mapopts" | sed 's/^/    /'
	fails=$((fails + 1))
else
	echo "ok - map's options list offers no --rate"
fi
expect_no_out "scenario\.chips: 0\.\." "map --help gives no --chips 0"
expect_out "^  --chips N +chips to map the model over \(scenario\.chips:$" "map --help: --chips, its own row"
expect_out "^ +1\.\.10000000; 0, eval's tp x pp x ep, refused\)$" "map --help: --chips from 1"
for o in "--ttft-max S" "--tpot-max S" "--e2e-max S" "--ttft-pNN-max S" "--rank-by"; do
	n=$(grep -c -- "^  $o" "$tmpd/mapopts")
	[ "$n" = 1 ] && echo "ok - map --help lists $o once" ||
		{ echo "not ok - map --help lists $o $n times"; fails=$((fails + 1)); }
done
# what the help says: --chips 0 refused (exit 2), and the rows stand for
# the options map takes
expect_exit 2 "map --chips 0" -- $RL map --chip h100-sxm --model llama3-8b --chips 0
expect_exit 2 "map --rate" -- $RL map --chip h100-sxm --model llama3-8b --chips 1 --rate 1
expect_exit 0 "map --ttft-max --e2e-max --ttft-p99-max" -- $RL map --chip h100-sxm --model llama3-8b --chips 1 --profile ideal --ttft-max 2 --e2e-max 60 --ttft-p99-max 5

# 5. a run ID is one range wherever a command takes --run: the IDs
#    SQLite's rowid gives a run are exact in a double to 2^53 =
#    9007199254740992, export's, plot's and report's bound; sweep's said
#    [1, 1e+15] and refused a run ID export reads
for c in sweep export plot report; do
	expect_exit 0 "$c --help" -- $RL $c --help
	r=$(grep -A1 '^  --run ID' "$tmpd/out" | tr -s ' \n' ' ')
	case $r in
	*"(a whole number in [1, 9007199254740992])"*)
		echo "ok - $c --run: [1, 9007199254740992]" ;;
	*)	echo "not ok - $c --run: $r"; fails=$((fails + 1)) ;;
	esac
done
# a run ID past 1e15 is an ID sweep looks for (none there), not a range
# error; one past 2^53 is refused by each command alike
cat >"$tmpd/s.ini" <<'INI'
[base]
scenario = etched-bench
chip = sohu
[axes]
chip.hbm_tbps = 1, 2
INI
expect_exit 0 "a sweep of 2 points" -- $RL sweep "$tmpd/s.ini" --db "$tmpd/s.db"
expect_exit 2 "sweep --resume --run 2e15" -- $RL sweep "$tmpd/s.ini" --db "$tmpd/s.db" --resume --run 2000000000000000
expect_err "holds no run 2000000000000000 " "sweep --run 2e15: no such run, not out of range"
expect_exit 2 "export --run 2e15" -- $RL export --db "$tmpd/s.db" --format csv --run 2000000000000000
expect_err "has no run 2000000000000000;" "export --run 2e15: no such run alike"
for c in sweep export; do
	case $c in
	sweep) set -- sweep "$tmpd/s.ini" --db "$tmpd/s.db" --resume ;;
	export) set -- export --db "$tmpd/s.db" --format csv ;;
	esac
	expect_exit 2 "$c --run 2^53 + 2" -- $RL "$@" --run 9007199254740994
	expect_err "^rooflab $c: --run: '9007199254740994' is outside the allowed range of a run id \(a whole number in \[1, 9007199254740992\]\)$" \
		"$c --run past 2^53: the same range in the message"
done

# 6. the version: rooflab --version prints it (cli/main.c); the usage
#    names it, and the spellings other programs take offer it, where
#    'rooflab version' and '-V' were unknown commands near none
expect_exit 0 "rooflab --version" -- $RL --version
expect_out "^rooflab [0-9]+\.[0-9]+\.[0-9]+$" "--version prints the version"
expect_exit 0 "rooflab --help" -- $RL --help
expect_out "^       rooflab --version +\(the version; --help or -h: this list\)$" "the usage names --version"
for w in version -V -v -version; do
	expect_exit 2 "rooflab $w" -- $RL "$w"
	expect_err "^rooflab: unknown command '$w'; did you mean --version\?$" "rooflab $w offers --version"
done
# a command's own word near no command is still named alone, and a near
# one still offered (cli_eval's 'frobnicate' and 'evl')
expect_exit 2 "rooflab versions" -- $RL versions
expect_err "^rooflab: unknown command 'versions'$" "a word near no command named alone"

# 7. the note on a spec-sheet chip's cost reads as a sentence: of chip.*
#    the manufacturing cost follows chip.hbm_gb and chip.memory
#    (model/cost.c: the HBM's GB at cost.hbm_usd_per_gb; GDDR6 has no
#    price per GB), where it read "follows of chip.* only chip.hbm_gb"
expect_exit 0 "eval with a chip.* set" -- $RL eval --chip h100-sxm --model llama3-8b --set chip.hbm_tbps=4
expect_err "^rooflab eval: note: h100-sxm is given by its spec sheet: its price \(cost\.price_usd\) is its preset's whatever --set chip\.hbm_tbps=4, and its manufacturing cost follows two chip\.\* figures alone, chip\.hbm_gb \(at cost\.hbm_usd_per_gb\) and chip\.memory$" \
	"eval's note: the cost follows two chip.* figures"
expect_exit 0 "a sweep of a chip.* axis" -- $RL sweep "$tmpd/s.ini" --db "$tmpd/s7.db"
expect_err "^rooflab sweep: note: sohu is given by its spec sheet: .* its manufacturing cost follows two chip\.\* figures alone, chip\.hbm_gb \(at cost\.hbm_usd_per_gb\) and chip\.memory; " \
	"sweep's note alike"
expect_no_err "follows of chip" "no 'follows of chip.* only'"

# 8. the price note names every --set and is never cut (cli/options.c
#    join_sets: the --sets past 512 bytes were left out, and the note's
#    1024 bytes would cut what they hold): two values of 400 digits are
#    past both; the last --set and the note's end are there after them
z=$(awk 'BEGIN { for (i = 0; i < 400; i++) printf "0" }')
expect_exit 0 "eval with 3 long chip.* sets" -- $RL eval --chip h100-sxm --model llama3-8b --set "chip.hbm_gb=80.$z" --set "chip.link_gbps=450.$z" --set chip.hbm_tbps=4
expect_err "^rooflab eval: note: h100-sxm is given by its spec sheet: its price \(cost\.price_usd\) is its preset's whatever --set chip\.hbm_gb=80\.0{400}, --set chip\.link_gbps=450\.0{400}, --set chip\.hbm_tbps=4, and its manufacturing cost follows two chip\.\* figures alone, chip\.hbm_gb \(at cost\.hbm_usd_per_gb\) and chip\.memory$" \
	"the price note names all 3 --sets, whole"
expect_exit 0 "eval of a by-design chip with long design.* sets" -- $RL eval --chip sohu-design --model llama3-8b --set "chip.hbm_gb=80.$z" --set "chip.link_gbps=450.$z" --set design.hbm_stacks=6
expect_err "^rooflab eval: note: sohu-design is given by its design .* whatever --set chip\.hbm_gb=80\.0{400}, --set chip\.link_gbps=450\.0{400}, --set design\.hbm_stacks=6 \(a changed chip .* included$" \
	"the design price note names all 3 --sets, whole"
finish
