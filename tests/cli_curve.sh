#!/bin/sh
# cli_curve.sh: rooflab curve (table, --json, several chips and mappings)
# and rooflab plot curve (gnuplot; hostile labels stay strings).
. "$(dirname "$0")/clilib.sh"
# checks here read curve's JSON with python3: without it the file says
# so and stops
have python3 "cli_curve.sh: curve's JSON read back" || finish

C="$RL curve --model llama3-70b --precision fp8 --isl 2048 --osl 128 --profile trtllm-0.10"

expect_exit 0 "curve table" -- $C --chip h100-sxm --tp 8
expect_out "tok/s/user" "table header"
# named by its mapping as claim spells it: 8 chips at tp 8 are one
# replica, TP8 x PP1 (no DP1), where it said "h100-sxm tp8"
expect_out "^h100-sxm TP8 x PP1 \(8 chips;" "series named"
expect_exit 0 "curve json, two chips x two mappings" -- $C --chip h100-sxm,sohu --tp 4,8 --json
# (the series counted in the JSON's series, not by "tp" keys: the Pareto
# fronts after them hold mappings too)
n=$(python3 -c "import json; print(len(json.load(open('$tmpd/out'))['series']))")
if [ "$n" -eq 4 ]; then echo "ok - four series"; else echo "not ok - four series ($n)"; fails=$((fails + 1)); fi
expect_out '"tokens_per_s_per_user"' "json points have tokens/s per user"
expect_out '"output_tokens_per_s_per_chip"' "json points have tokens/s per chip"
# what the two mean, at every point of the four series: a user's tokens/s
# is one token per TPOT, a chip's the system's output over its chips
if python3 -c "
import json
n = 0
for s in json.load(open('$tmpd/out'))['series']:
    for p in s['points']:
        assert abs(p['tokens_per_s_per_user'] * p['tpot_s'] - 1) < 1e-6, p
        assert abs(p['output_tokens_per_s_per_chip'] * s['chips'] / p['output_tokens_per_s'] - 1) < 1e-8, (s['chips'], p)
        n += 1
assert n >= 8, n
" 2>"$tmpd/err"; then
	echo "ok - every point: tokens/s per user = 1 / tpot, per chip = output / chips"
else
	echo "not ok - curve points: per-user or per-chip figures"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
expect_out '"chips": 8' "the system is the largest tp"
expect_out '"concurrency": 1,' "the curve starts at one sequence"
expect_exit 0 "step" -- $C --chip h100-sxm --tp 8 --step 4 --json
expect_out '"concurrency": 4,' "step 4: 1, 4, ..."

# --help names every key of the JSON (05f88b1 added series' pp; none was
# said anywhere)
if have python3 "curve --help names every key of curve --json"; then
	$C --chip h100-sxm --tp 4 --pp 2 --json >"$tmpd/keys.json" 2>/dev/null
	$RL curve --help >"$tmpd/curvehelp.txt" 2>&1
	expect_exit 0 "curve --help names every key of curve --json" -- python3 -c "
import json, re
d = json.load(open('$tmpd/keys.json'))
words = set(re.findall(r'[a-z_]+', open('$tmpd/curvehelp.txt').read()))
keys = set()
def walk(o):
    if isinstance(o, dict):
        for k, v in o.items():
            keys.add(k)
            walk(v)
    elif isinstance(o, list):
        for v in o:
            walk(v)
walk(d)
assert len(keys) >= 15, keys
missing = sorted(keys - words)
assert not missing, missing
"
fi

# a point over its chip's TDP even at the lowest clock has no throughput
# it can run at: marked in map's words, its figures null, its power at the
# lowest clock given, where the curve listed full-clock throughputs of an
# H100 held to 80 W (its idle 70 W and PHYs 0.65 pJ/bit x 8 x 3.35 TB/s =
# 17.4 W alone pass it: over at every point); at a TDP between the
# points' lowest-clock powers (each point's own activity at that clock),
# those above it are over and the rest run
L="$RL curve --chip h100-sxm --model llama3-8b --precision fp8 --isl 2048 --osl 128 --profile trtllm-0.10"
# mid LIST: a TDP halfway between the 4th and 5th of the lowest-clock
# powers of a run at 80 W (LIST: its --json), how many lie above it, and
# the concurrency of the first point, in the curve's order, above it
mid() {
	python3 -c "
import json, sys
pts = json.load(open(sys.argv[1]))['series'][0]['points']
w = sorted(p['lowest_clock_watts'] for p in pts)
t = round((w[3] + w[4]) / 2, 3)
first = [p['concurrency'] for p in pts if p['lowest_clock_watts'] > t][0]
print(t, sum(x > t for x in w), '%g' % first)" "$1"
}
expect_exit 0 "curve of a chip over its TDP at every clock" -- $L --set chip.tdp_w=80
expect_out "^ +1  over its 80 W TDP at every clock \([0-9]+ W at the lowest clock\)$" \
	"a point over its TDP said in map's words"
if have python3 "a point over its TDP in --json"; then
	$L --set chip.tdp_w=80 --json >"$tmpd/over.json" 2>/dev/null
	set -- $(mid "$tmpd/over.json")
	$L --set chip.tdp_w=$1 --json >"$tmpd/part.json" 2>/dev/null
	tk=$2
	$L --json >"$tmpd/none.json" 2>/dev/null
	expect_exit 0 "curve --json: points over the TDP marked, their figures null" -- python3 -c "
import json
pts = json.load(open('$tmpd/over.json'))['series'][0]['points']
assert pts and all(p['over_tdp'] is True for p in pts), pts
for p in pts:
    assert p['lowest_clock_watts'] > 87.4, p  # 70 + 0.65e-12 * 8 * 3.35e12
    for k in ('tokens_per_s_per_user', 'output_tokens_per_s_per_chip',
              'output_tokens_per_s', 'ttft_s', 'tpot_s'):
        assert p[k] is None, (k, p)
part = json.load(open('$tmpd/part.json'))['series'][0]['points']
low = {p['concurrency']: p['lowest_clock_watts'] for p in pts}
over = [p['over_tdp'] for p in part]
assert sum(over) == $tk and $tk not in (0, len(part)), over
assert all(p['over_tdp'] == (low[p['concurrency']] > $1) for p in part), (part, low)
assert all(p['output_tokens_per_s'] > 0 for p in part if not p['over_tdp']), part
none = json.load(open('$tmpd/none.json'))['series'][0]['points']
assert all(p['over_tdp'] is False and p['lowest_clock_watts'] is None
           for p in none), none
"
fi
expect_exit 2 "plot curve of a chip over its TDP at every point" -- $RL plot curve \
	--chip h100-sxm --model llama3-8b --precision fp8 --set chip.tdp_w=80 --term dumb
expect_err "h100-sxm TP1 x PP1: 8 of its 8 points over its 80 W TDP at every clock .*nothing to draw" \
	"plot curve says no point runs"
# one point alone (scenario.batch 1: the curve from 1 to 1), over the TDP:
# "1 of its 1 point", singular (mutation tests)
expect_exit 2 "plot curve of one point over the TDP" -- $RL plot curve \
	--chip h100-sxm --model llama3-8b --precision fp8 --set scenario.batch=1 \
	--set chip.tdp_w=80 --term dumb
expect_err "h100-sxm TP1 x PP1: 1 of its 1 point over its 80 W TDP at every clock .*\(concurrency 1 first\): nothing to draw" \
	"plot curve: one point, singular"
# what bounds the last point is memory, not power, and stays said over the
# TDP (mutation tests: the limit was set only for points that run): at
# 32,768 in and 8,192 out a request of Llama-3 8B holds 40,960 tokens of
# 32 layers x 8 KV heads x 128 x 2 (K, V) x 1 byte (fp8) = 64 KiB each,
# 2.7 GB: some 28 fit the H100's 80 GB beside 8 GB of weights, far under
# max_batch_size and max_num_tokens (2048): the KV cache bounds it
for t in "" "--set chip.tdp_w=80"; do
	expect_exit 0 "curve at 32768/8192 $t" -- $RL curve --chip h100-sxm \
		--model llama3-8b --precision fp8 --isl 32768 --osl 8192 \
		--profile trtllm-0.10 $t
	expect_out "^h100-sxm TP1 x PP1 \(1 chip; the last point: kv_cache, the memory left for the KV cache, caps its concurrency\)$" \
		"the KV cache bounds the last point, said in words (ux28) $t"
done
expect_exit 2 "empty chip in the list" -- $C --chip h100-sxm,,sohu
expect_exit 2 "unknown chip" -- $C --chip nosuchchip
expect_err "unknown chip" "unknown chip named"
expect_exit 2 "bad tp" -- $C --chip h100-sxm --tp 8,x
expect_exit 2 "step 1" -- $C --chip h100-sxm --step 1
expect_err "\[1.01, 100\]" "step range said"
expect_exit 2 "unknown option" -- $C --chip h100-sxm --rate 3

if have gnuplot "curve's plots"; then
	expect_exit 0 "plot curve png" -- $RL plot curve --chip h100-sxm,sohu \
		--model llama3-70b --tp 8 --out "$tmpd/c.png"
	if [ -s "$tmpd/c.png" ]; then echo "ok - png written"; else
		echo "not ok - png written"; fails=$((fails + 1)); fi
	# one prefix for all of plot curve's lines: "rooflab plot curve: wrote",
	# where its last line alone said "rooflab plot: wrote"
	expect_out "^rooflab plot curve: wrote .*/c\.png$" "plot curve: its wrote line names plot curve"
	expect_exit 2 "plot curve needs --out (its prefix)" -- $RL plot curve --chip h100-sxm --model llama3-8b
	expect_err "^rooflab plot curve: " "plot curve: its error names plot curve"
	# a preset path with a quote and a backquote stays a label
	cd "$tmpd" || exit 1
	hostile="$tmpd/it's\`touch PWNED\`.ini"
	cp "$ROOFLAB_DATA/chips/h100-sxm.ini" "$hostile"
	expect_exit 0 "hostile chip name" -- $RL plot curve --chip "$hostile" \
		--model llama3-8b --term dumb
	if [ ! -e "$tmpd/PWNED" ]; then echo "ok - nothing run"; else
		echo "not ok - a backquote ran"; fails=$((fails + 1)); fi
	# the claim report's chart: each side of a claim run
	expect_exit 0 "claim run" -- $RL claim --samples 0 --db "$tmpd/claim.db"
	expect_exit 0 "plot interactivity" -- $RL plot interactivity \
		--db "$tmpd/claim.db" --term dumb
	expect_out "Interactivity" "interactivity plot drawn"
	# some points over the TDP: the rest drawn, the others said
	$RL curve --chip h100-sxm --model llama3-8b --precision fp8 --set chip.tdp_w=80 \
		--json >"$tmpd/pover.json" 2>/dev/null
	set -- $(mid "$tmpd/pover.json")
	expect_exit 0 "plot curve with points over the TDP" -- $RL plot curve \
		--chip h100-sxm --model llama3-8b --precision fp8 --set chip.tdp_w=$1 --term dumb
	expect_err "warning: h100-sxm TP1 x PP1: $2 of its 8 points over its $1 W TDP at every clock .*not drawn \(concurrency $3 first\)" \
		"plot curve says which points it leaves out"
	# (mutation tests) the first point over it named, not the last; and
	# with points left to draw, not "nothing to draw"
	expect_no_err "nothing to draw" "plot curve: points left, drawn, no 'nothing to draw'"
	expect_out "Interactivity" "the rest drawn"
	# (review43) at --step 1.5 the points are 1.5^k sequences (1, 1.5,
	# 2.25, ..., 38.44), whole at k = 0 alone: the first point over the TDP
	# named in the table's 4 digits (%.4g), where 8e20085's %.0f wrote
	# 38.4375 as "38" and 86.5 as "86", a point the table does not hold
	$RL curve --chip h100-sxm --model llama3-8b --precision fp8 --set chip.tdp_w=80 \
		--step 1.5 --json >"$tmpd/pover15.json" 2>/dev/null
	set -- $(mid "$tmpd/pover15.json")
	first=$(python3 -c "import sys; x = float(sys.argv[1]); print('' if x == int(x) else '%.4g' % x)" "$3")
	expect_exit 0 "plot curve at step 1.5 with points over the TDP" -- $RL plot curve \
		--chip h100-sxm --model llama3-8b --precision fp8 --set chip.tdp_w=$1 --step 1.5 --term dumb
	if [ -n "$first" ]; then
		expect_err "warning: h100-sxm TP1 x PP1: $2 of its [0-9]+ points over its $1 W TDP at every clock .*not drawn \(concurrency $first first\)" \
			"plot curve names the first point over the TDP in the table's digits ($first)"
	else
		echo "not ok - the first point over the TDP at step 1.5 is a whole number ($3): pick another threshold"
		fails=$((fails + 1))
	fi
	expect_exit 2 "plot curve needs --out" -- $RL plot curve --chip h100-sxm --model llama3-8b
	expect_exit 2 "plot curve refuses --json" -- $RL plot curve --chip h100-sxm --model llama3-8b --json --term dumb
fi
# without --profile each chip takes the profile eval takes for it
# (config/profiles.c profile_choose): h100-sxm's preset names
# TensorRT-LLM, whose one profile with a [meta] calibrated date is
# trtllm-0.10; Sohu's names no software, so it keeps ideal, the roofline,
# and says so, as claim's sides do.  Every series served under ideal and
# the title said "profile ideal".  Each series' line names its profile and
# why; the title says they differ; each series' points are those of the
# same chip with that profile given.
expect_exit 0 "curve without --profile" -- $RL curve --chip h100-sxm,sohu --model llama3-70b --tp 8
expect_out "^llama3-70b, fp8, 2048 in / 128 out, 8 chips, each chip's profile$" "curve's title: the profiles differ"
expect_out "^  profile trtllm-0.10 \(the default for this chip: the only calibrated profile for TensorRT-LLM" \
	"h100-sxm's series on its default"
expect_out "^  profile ideal \(ideal: no calibrated profile for 'sohu' \(its preset names no software\); rooflab presets profile lists the profiles\)$" \
	"sohu's series on ideal, saying why"
# the points of each series: the rows after its "profile" line
awk '/^h100-sxm TP8 x PP1 / {f=1} /^sohu TP8 x PP1 / {f=0} f && /^ +[0-9]/' "$tmpd/out" >"$tmpd/c_h100.txt"
awk '/^sohu TP8 x PP1 / {f=1} f && /^ +[0-9]/' "$tmpd/out" >"$tmpd/c_sohu.txt"
$RL curve --chip h100-sxm --model llama3-70b --tp 8 --profile trtllm-0.10 | awk '/^ +[0-9]/' >"$tmpd/c_h100_given.txt"
$RL curve --chip sohu --model llama3-70b --tp 8 --profile ideal | awk '/^ +[0-9]/' >"$tmpd/c_sohu_given.txt"
if [ -s "$tmpd/c_h100.txt" ] && cmp -s "$tmpd/c_h100.txt" "$tmpd/c_h100_given.txt" &&
	[ -s "$tmpd/c_sohu.txt" ] && cmp -s "$tmpd/c_sohu.txt" "$tmpd/c_sohu_given.txt"; then
	echo "ok - each series is its chip's under the profile it names"
else
	echo "not ok - a series differs from its chip's under its profile"; fails=$((fails + 1))
fi
# each rate and time to 4 significant digits, trailing zeros kept, so that
# a column reads to one precision (TPOT 10.90 and 20.00 ms beside 10.24,
# where %.4g wrote 10.9 and 20); from 1000 on a whole number without a
# point (1360, not 1360.); the concurrency (column 1) whole where it is
if awk '{ for (i = 2; i <= 6; i++) { v = $i; d = v; gsub(/[^0-9]/, "", d)
		sub(/^0+/, "", d)
		if (v + 0 >= 1000) { if (v !~ /^[0-9]+$/) bad = bad " " v }
		else if (v !~ /\./ || length(d) != 4) bad = bad " " v }
	if ($1 + 0 == int($1 + 0) && $1 ~ /\./) bad = bad " " $1; n++ }
	END { if (bad != "" || n < 5) { print bad; exit 1 } }' "$tmpd/c_h100_given.txt"; then
	echo "ok - curve's rates and times to 4 significant digits, zeros kept"
else
	echo "not ok - curve's cells not to one precision"
	sed 's/^/    /' "$tmpd/c_h100_given.txt"; fails=$((fails + 1))
fi
# the last point is the maximum load, eval's throughput of that mapping
# without --profile (the system's output tokens/s, 4 digits)
expect_exit 0 "eval tp 8 without --profile" -- $RL eval --chip h100-sxm --model llama3-70b --tp 8 --json
et=$(python3 -c "import json; print('%.4g' % json.load(open('$tmpd/out'))['throughput']['output_tokens_per_s'])")
lt=$(tail -1 "$tmpd/c_h100.txt" | awk '{print $4}')
if [ -n "$et" ] && [ "$et" = "$lt" ]; then
	echo "ok - h100-sxm's last point is eval's without --profile ($et)"
else
	echo "not ok - h100-sxm's last point $lt, eval's $et"; fails=$((fails + 1))
fi
expect_exit 0 "curve --json without --profile" -- $RL curve --chip h100-sxm,sohu --model llama3-70b --tp 8 --json
if python3 -c "
import json, sys
d = json.load(open('$tmpd/out'))
s = {x['chip']: x for x in d['series']}
assert d['profile'] is None, d['profile']
assert s['h100-sxm']['profile'] == 'trtllm-0.10'
assert s['h100-sxm']['profile_chosen'].startswith('the default for this chip: ')
assert s['sohu']['profile'] == 'ideal'
assert s['sohu']['profile_chosen'] == \"ideal: no calibrated profile for 'sohu' (its preset names no software); rooflab presets profile lists the profiles\", s['sohu']['profile_chosen']
"; then
	echo "ok - curve json: each series' profile and why, none common"
else
	echo "not ok - curve json profiles"; fails=$((fails + 1))
fi
expect_exit 0 "curve of one chip without --profile" -- $RL curve --chip h100-sxm --model llama3-70b --tp 8
expect_out ", 8 chips, profile trtllm-0.10$" "one chip: the title names its default"
expect_exit 0 "curve with --profile" -- $C --chip h100-sxm --tp 8
expect_out ", 8 chips, profile trtllm-0.10$" "curve's title names the profile given"
expect_out "^  profile trtllm-0.10 \(named by --profile\)" "the series says --profile named it"
# --pp (and --ep) without --chips: the system holds the largest tp's
# replica whole, tp x pp chips (4 x 2 = 8), as eval's --chips defaults to;
# it took tp alone and refused pp as not dividing 4 chips
expect_exit 0 "curve --tp 4 --pp 2" -- $C --chip h100-sxm --tp 4 --pp 2
expect_out "^h100-sxm TP4 x PP2 \(8 chips;" "the default system is tp x pp chips"
expect_exit 0 "curve --tp 4 --pp 2 --json" -- $C --chip h100-sxm --tp 4 --pp 2 --json
expect_out '"pp": 2' "curve's JSON gives each series' pp"
# a chip or a degree given twice (by name, or as 2 and 2.0) is refused: its
# line was drawn twice
expect_exit 2 "curve: a chip given twice" -- $RL curve --chip h100-sxm,b200,h100-sxm --model llama3-8b
expect_err "^rooflab curve: --chip: h100-sxm is given twice" "names the chip"
expect_exit 2 "curve: a tp given twice" -- $RL curve --chip h100-sxm --model llama3-8b --tp 2,1,2.0
expect_err "^rooflab curve: --tp: 2.0 is given twice \\(as 2\\)" "names the degree"
# each chip's Pareto front over its lines: by brute force here, a point
# (not over the TDP) is on it when no other point of the same chip has as
# many tokens/s per user and as many per chip, one of them more; the JSON's
# front must be exactly those, the most interactive first, and the text
# must give one front per chip
expect_exit 0 "curve --json: the Pareto front" -- $RL curve --chip h100-sxm,h200-sxm --model llama3-70b --precision fp8 --tp 1,2,4,8 --chips 8 --profile trtllm-0.10 --json
if python3 -c "
import json
d = json.load(open('$tmpd/out'))
fronts = {f['chip']: f['points'] for f in d['pareto']}
assert sorted(fronts) == ['h100-sxm', 'h200-sxm'], fronts.keys()
for chip, got in fronts.items():
    pts = [(p['tokens_per_s_per_user'], p['output_tokens_per_s_per_chip'], s['tp'], p['concurrency'])
           for s in d['series'] if s['chip'] == chip for p in s['points'] if not p['over_tdp']]
    want = [a for a in pts if not any(b[0] >= a[0] and b[1] >= a[1] and (b[0] > a[0] or b[1] > a[1]) for b in pts)]
    want.sort(key=lambda a: -a[0])
    have = [(p['tokens_per_s_per_user'], p['output_tokens_per_s_per_chip'], p['tp'], p['concurrency']) for p in got]
    assert have == want, (chip, have, want)
    assert len(set(p['tp'] for p in got)) > 1, chip  # the lines cross: more than one mapping
" 2>"$tmpd/err"; then
	echo "ok - curve json: each chip's Pareto front is the undominated points, the most interactive first"
else
	echo "not ok - curve json: the Pareto front"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
expect_exit 0 "curve: the Pareto front in the text" -- $RL curve --chip h100-sxm,h200-sxm --model llama3-70b --precision fp8 --tp 1,2,4,8 --chips 8 --profile trtllm-0.10
expect_out "^Pareto front of h100-sxm over its 4 lines: no other point gives more tok/s/chip$" "the text names the H100's front"
expect_out "^Pareto front of h200-sxm over its 4 lines" "and the H200's"
# one line: its front is the line itself (tokens/s per user fall and per
# chip rise as the concurrency rises)
expect_exit 0 "curve --json: one line's front" -- $RL curve --chip h100-sxm --model llama3-70b --precision fp8 --tp 8 --profile trtllm-0.10 --json
if python3 -c "
import json
d = json.load(open('$tmpd/out'))
assert len(d['pareto']) == 1 and len(d['pareto'][0]['points']) == len(d['series'][0]['points'])
" 2>/dev/null; then
	echo "ok - one line's Pareto front is every point of it"
else
	echo "not ok - one line's Pareto front"; fails=$((fails + 1))
fi
# latency targets (the means, as map's --ttft-max/--tpot-max): each point
# marked, by its own closed-loop TTFT and TPOT against the targets, the
# first target it misses named; each chip's front restricted to the points
# meeting them is, by brute force here, the undominated ones among those
T="$RL curve --chip h100-sxm,h200-sxm --model llama3-70b --precision fp8 --tp 1,2,4,8 --chips 8 --profile trtllm-0.10"
expect_exit 0 "curve --json with targets" -- $T --ttft-max 0.5 --tpot-max 0.03 --json
if python3 -c "
import json
d = json.load(open('$tmpd/out'))
assert d['targets'] == [{'metric': 'ttft', 'percentile': 'mean', 'max_s': 0.5},
                        {'metric': 'tpot', 'percentile': 'mean', 'max_s': 0.03}], d['targets']
met = 0
for s in d['series']:
    for p in s['points']:
        if p['over_tdp']:
            assert p['meets_targets'] is False and p['misses'] is None
            continue
        want = p['ttft_s'] <= 0.5 and p['tpot_s'] <= 0.03
        assert p['meets_targets'] == want, p
        met += want
        if want:
            assert p['misses'] is None
        else:
            m = p['misses']
            first = 'ttft' if p['ttft_s'] > 0.5 else 'tpot'
            assert m['metric'] == first and m['value_s'] == p[first + '_s'], p
assert 0 < met < sum(len(s['points']) for s in d['series']), met
fronts = {f['chip']: f['points'] for f in d['pareto_under_targets']}
assert sorted(fronts) == ['h100-sxm', 'h200-sxm']
for chip, got in fronts.items():
    pts = [(p['tokens_per_s_per_user'], p['output_tokens_per_s_per_chip'], s['tp'], p['concurrency'])
           for s in d['series'] if s['chip'] == chip for p in s['points'] if p['meets_targets']]
    want = [a for a in pts if not any(b[0] >= a[0] and b[1] >= a[1] and (b[0] > a[0] or b[1] > a[1]) for b in pts)]
    want.sort(key=lambda a: -a[0])
    have = [(p['tokens_per_s_per_user'], p['output_tokens_per_s_per_chip'], p['tp'], p['concurrency']) for p in got]
    assert have == want, (chip, have, want)
    assert all(p['tpot_s'] <= 0.03 and p['ttft_s'] <= 0.5 for p in got)
" 2>"$tmpd/err"; then
	echo "ok - curve json: each point against the targets, the front over those meeting them"
else
	echo "not ok - curve json with targets"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
expect_exit 0 "curve text with targets" -- $T --ttft-max 0.5 --tpot-max 0.03
# (small52) in ms by eval's rule, as eval's targets table says them
# (model/figtext.c: one decimal from 100, a whole number under it whole:
# 500.0 and 30), where %g wrote 500
expect_out "^targets: ttft mean <= 500 ms, tpot mean <= 30 ms \(each point's closed-loop means\)$" "the targets said"
expect_out "TPOT ms  targets$" "a targets column"
expect_out " met$" "a point meeting them"
expect_out " misses tpot mean$" "a point missing the TPOT"
expect_out "^Pareto front of h100-sxm under the targets, over the points of its 4 lines$" "the restricted front in the text"
# a TPOT of 1 us is met by no point: a decode step of Llama-3 70B at FP8
# reads its 70 GB of weights, at least 70e9 / (8 x 3.35e12 B/s) = 2.6 ms
# on 8 H100 whatever the mapping; a target of 1e6 s by every point, so
# the restricted front is the whole front
expect_exit 0 "curve: a TPOT no point meets" -- $T --tpot-max 1e-6
expect_out "^Pareto front of h100-sxm under the targets: none of its points meets them$" "no point under 1 us"
expect_exit 0 "curve: targets every point meets" -- $T --ttft-max 1e6 --tpot-max 1e6 --json
if python3 -c "
import json
d = json.load(open('$tmpd/out'))
assert d['pareto_under_targets'] == d['pareto']
assert all(p['meets_targets'] for s in d['series'] for p in s['points'])
"; then
	echo "ok - targets every point meets: the restricted front is the front"
else
	echo "not ok - targets every point meets"; fails=$((fails + 1))
fi
# without targets no key of them (the JSON as before)
expect_exit 0 "curve --json without targets" -- $C --chip h100-sxm --tp 8 --json
if grep -q 'meets_targets\|pareto_under_targets\|"targets"' "$tmpd/out"; then
	echo "not ok - target keys without targets"; fails=$((fails + 1))
else
	echo "ok - no target keys without targets"
fi
# a percentile: a point is a closed loop whose latencies are means only
expect_exit 2 "curve --ttft-p99-max" -- $C --chip h100-sxm --tp 8 --ttft-p99-max 1
expect_err "^rooflab curve: --ttft-p99-max: a curve point is a closed loop at one concurrency, whose TTFT and TPOT the model gives as means only" "percentiles refused, saying why"
expect_exit 2 "curve --ttft-p99.9999999-max" -- $C --chip h100-sxm --tp 8 --ttft-p99.9999999-max 1
expect_err "^rooflab curve: --ttft-p99\.9999999-max: a curve point" "the percentile named whole, not p100"
expect_exit 2 "curve: a target twice" -- $C --chip h100-sxm --tp 8 --tpot-max 0.05 --tpot-max 0.1
expect_err "^rooflab curve: --tpot-max: the tpot mean target is given twice \(0.05 s, then '0.1'\): give it once$" "a target twice refused, both values named"
expect_exit 2 "plot curve takes no targets" -- $RL plot curve --chip h100-sxm --model llama3-8b --term dumb --tpot-max 1
# each series and each front point names its ep: Mixtral 8x7B at TP1 x EP2
# on 2 chips (--ep 2) is ep 2, where the JSON gave tp and pp alone
expect_exit 0 "curve --json of an expert-parallel mapping" -- $RL curve --chip h100-sxm --model mixtral-8x7b --tp 1 --ep 2 --json
if python3 -c "
import json
d = json.load(open('$tmpd/out'))
s = d['series'][0]
assert (s['tp'], s['pp'], s['ep'], s['chips']) == (1, 1, 2, 2), s
assert all(p['ep'] == 2 for p in d['pareto'][0]['points'])
"; then
	echo "ok - curve json: the series' and the front's ep"
else
	echo "not ok - curve json: ep"; fails=$((fails + 1))
fi
# a cell of the curve's tables is whole from 10,000 on, where %.4g wrote
# "1.408e+04" tokens/s beside "1760" in the column before it: 8 replicas of
# Sohu by design at 64 sequences each, 1760 tokens/s a chip (shown to 4
# digits), serve 8 x 1760 = 14080 give or take the 4 digits' rounding;
# 1760 / 64 = 27.5 tokens/s a user, to 4 digits 27.50
expect_exit 0 "curve: large cells whole" -- $RL curve --chip sohu-design --model llama3-70b --precision fp8 --tp 1 --chips 8 --profile etched-claim --isl 2048 --osl 128
expect_no_out "[0-9]e\+0" "no exponent form in the tables"
expect_out "^ +64 +27\.50 +1760 +140(7[6-9]|8[0-4]) " "8 x 1760 tokens/s, whole"
# a series whose profile was fitted on another chip's rows says so (ux21)
expect_exit 0 "curve on the H100 and H200" -- $RL curve --chip h100-sxm,h200-sxm --model llama3-8b
expect_out "^  note: profile trtllm-0\.10 was fitted on h100-sxm rows only .*0 on h200-sxm\)" "the H200's series has the note"
if [ "$(grep -c '^  note: profile' "$tmpd/out")" = 1 ]; then echo "ok - the H100's series has none"; else echo "not ok - notes: $(grep -c '^  note: profile' "$tmpd/out")"; fails=$((fails + 1)); fi
expect_exit 0 "curve, JSON" -- $RL curve --chip h100-sxm,h200-sxm --model llama3-8b --json
if python3 -c "
import json
d = json.load(open('$tmpd/out'))
s = d['series']
assert s[0]['chip'] == 'h100-sxm' and s[0]['profile_fit'] is None
assert 'fit_rows_on_chip' not in s[1]['profile_fit'] and s[1]['profile_fit']['fitted_chip'] == 'h100-sxm'
"; then echo "ok - series[].profile_fit"; else echo "not ok - series[].profile_fit"; fails=$((fails + 1)); fi
# the MI300X's preset names no software, the profile is TensorRT-LLM's:
# its series says so (eval's note), the H100's does not
expect_exit 0 "curve on the H100 and MI300X, JSON" -- $RL curve --chip h100-sxm,mi300x --model llama3-8b --profile trtllm-0.10 --json
expect_err "^rooflab curve: note: profile trtllm-0\.10 is of TensorRT-LLM 0\.10\.0, software the preset of chip mi300x does not name \(it names none\)" "curve's software note on stderr"
if python3 -c "
import json
s = json.load(open('$tmpd/out'))['series']
assert s[0]['software_note'] is None
assert 'the preset of chip mi300x does not name (it names none)' in s[1]['software_note']
"; then echo "ok - series[].software_note"; else echo "not ok - series[].software_note"; fails=$((fails + 1)); fi
# counts in all their digits, as eval's "on 2000000 x h100-sxm" and the
# mapping's DP2000000 (%.0f), where %g wrote "1e+06 in / 128 out, 2e+06
# chips" in the title and "(2e+06 chips; ...)" over the table
expect_exit 0 "curve of two million chips, a million tokens in" -- $RL curve --chip h100-sxm --model llama3-8b --chips 2000000 --isl 1000000
expect_out "^llama3-8b, fp8, 1000000 in / 128 out, 2000000 chips, profile " "the title's counts in digits"
expect_out "^h100-sxm TP1 x PP1 x DP2000000 \(2000000 chips; the last point: " "the series' chips in digits"
# (review45) a rate or time between 9999.5 and 10000 is 10000 at four
# significant digits, five whole digits as the column's 10000 and over
# are written: %#.4g wrote 9999.75 "1.e+04" (glibc), %.4g "1e+04".  A
# front end of 9997.5 ms (profile.frontend_ms, range to 1e4) puts the
# TTFT of 16 tokens in there, the prefill's few ms over it (the JSON's
# ttft_s checked in range first, so the case stays one)
expect_exit 0 "curve with a TTFT just under 10 s, JSON" -- $RL curve --chip h100-sxm --model llama3-8b --isl 16 --osl 16 --profile ideal --set profile.frontend_ms=9997.5 --json
if python3 -c "
import json, sys
p = json.load(open(sys.argv[1]))['series'][0]['points'][0]
assert p['concurrency'] == 1 and 9.9995 <= p['ttft_s'] < 10, p
" "$tmpd/out"; then echo "ok - the first point's TTFT lies in [9999.5, 10000) ms"; else echo "not ok - the first point's TTFT is out of the case's range"; fails=$((fails + 1)); fi
expect_exit 0 "curve with a TTFT just under 10 s" -- $RL curve --chip h100-sxm --model llama3-8b --isl 16 --osl 16 --profile ideal --set profile.frontend_ms=9997.5
expect_out "^ +1 +[0-9.]+ +[0-9.]+ +[0-9.]+ +10000 +[0-9.]+$" "a TTFT of 9999.5-10000 ms reads 10000"
expect_no_out "e[+]04" "no exponent form in the table"
finish
