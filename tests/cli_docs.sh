#!/bin/sh
# cli_docs.sh: README.md, the front door, and docs/*.md, where its detail
# lives.  Every relative link of them names a file that is there and, with
# an anchor, a heading of that file (GitHub's anchor of a heading: lower
# case, punctuation but '-' and '_' dropped, spaces as '-'; headings inside
# code blocks are none); README's three paths run as written, command by
# command, each exiting 0, in a temporary folder that has ./rooflab, data/
# and sweeps/; and README's accuracy table holds the leave-one-architecture
# -out figures validate prints for every profile, none left out; as do
# docs/validation.md's table (and its in-sample column) and docs/load.md's
# in-sample figures of the serving rows at a rate; README's H200 stacks-or-
# power figures are eval's and docs/engine.md's MAC-or-SRAM figures the
# shipped sweeps'.  And (docs81) every page's ```sh commands run as written
# (docs/tour.md's in tests/cli_tour.sh), each quoted ```text block of the
# pages is what one of its page's commands prints, every option a page
# names with its command is in that command's --help, and docs/tour.md's
# usage blocks are the helps'.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}

# anchors FILE: the anchors of FILE's headings, one a line
anchors() {
	awk '/^```/ { fence = !fence; next }
	     !fence && /^#+ / {
		h = $0; sub(/^#+ +/, "", h); h = tolower(h)
		gsub(/[^a-z0-9 _-]/, "", h); gsub(/ /, "-", h); print h }' "$1"
}

# the links: FILE TARGET, one a line (http(s) and mail links left out)
for f in "$root/README.md" "$root"/docs/*.md; do
	awk -v f="$f" '{
		s = $0
		while (match(s, /\]\([^) ]+\)/)) {
			print f, substr(s, RSTART + 2, RLENGTH - 3)
			s = substr(s, RSTART + RLENGTH)
		} }' "$f"
done | grep -v ' \(https\?:\|mailto:\)' >"$tmpd/links"
n=$(grep -c . "$tmpd/links")
bad=""
while read -r f t; do
	path=${t%%#*}
	anc=""
	case $t in *'#'*) anc=${t#*#} ;; esac
	if [ -n "$path" ]; then
		dest=$(dirname "$f")/$path
	else
		dest=$f
	fi
	if [ ! -e "$dest" ]; then
		bad="$bad [${f#"$root"/}: $t: no such file]"
	elif [ -n "$anc" ] && ! anchors "$dest" | grep -qxF -- "$anc"; then
		bad="$bad [${f#"$root"/}: $t: no such heading]"
	fi
done <"$tmpd/links"
if [ -z "$bad" ] && [ "$n" -ge 30 ]; then
	echo "ok - every relative link of README.md and docs/*.md resolves ($n links)"
else
	echo "not ok - links that do not resolve ($n read):$bad"; fails=$((fails + 1))
fi

# each docs/*.md is linked from README.md
miss=""
for f in "$root"/docs/*.md; do
	grep -qF "](docs/$(basename "$f"))" "$root/README.md" || miss="$miss $(basename "$f")"
done
[ -z "$miss" ] && echo "ok - README.md links every page of docs/" ||
	{ echo "not ok - README.md does not link:$miss"; fails=$((fails + 1)); }

# a reference by name to a heading, FILE, "HEADING", in the sweep specs,
# the chip presets and their READMEs: FILE (README or docs/NAME.md, from
# the top) has a heading that begins so, where README's sections moved to docs/ and
# five such references named README sections it no longer has
bad=""
nref=0
for f in "$root"/sweeps/*.ini "$root"/sweeps/README.md "$root"/data/chips/*.ini "$root"/data/chips/README.md; do
	grep -o '\(README\|docs/[a-z]*\.md\), "[^"]*"' "$f" 2>/dev/null |
		sed "s|^|${f#"$root"/}	|"
done >"$tmpd/refs"
while IFS='	' read -r f ref; do
	nref=$((nref + 1))
	file=${ref%%,*}
	head=${ref#*\"}; head=${head%\"}
	[ "$file" = README ] && file=README.md
	awk '/^```/ { fence = !fence; next } !fence && /^#+ / { sub(/^#+ +/, ""); print }' "$root/$file" 2>/dev/null |
		awk -v h="$head" 'index($0, h) == 1 { found = 1 } END { exit !found }' || bad="$bad [$f: $ref]"
done <"$tmpd/refs"
if [ -z "$bad" ] && [ "$nref" -ge 4 ]; then
	echo "ok - every FILE, \"HEADING\" reference of the specs and chip presets names a heading ($nref)"
else
	echo "not ok - references to headings that are not there ($nref read):$bad"; fails=$((fails + 1))
fi

# README's three paths, each block's commands one a line (lines ending in
# a backslash joined)
doc_commands "$root/README.md" "Three paths" >"$tmpd/paths.txt"
n=$(grep -c . "$tmpd/paths.txt")
if [ "$n" -ge 15 ] && grep -q '^\./rooflab claim' "$tmpd/paths.txt" &&
	grep -q '^\./rooflab area' "$tmpd/paths.txt" && grep -q '^\./rooflab merge' "$tmpd/paths.txt"; then
	echo "ok - README's three paths have $n commands"
else
	echo "not ok - read $n commands from README's three paths"; fails=$((fails + 1))
fi
w=$tmpd/w
doc_workdir "$w"
failed=""
while IFS= read -r cmd; do
	(cd "$w" && sh -c "$cmd") >"$tmpd/cmd.out" 2>&1 || failed="$failed [$cmd]"
done <"$tmpd/paths.txt"
[ -z "$failed" ] && echo "ok - README's three paths: every command exits 0" ||
	{ echo "not ok - README's paths: failed:$failed"; fails=$((fails + 1)); }
[ -s "$w/out/report.html" ] && [ -s "$w/out/sweeps/heatmap.png" ] &&
	echo "ok - the paths wrote the report and the heatmap" ||
	{ echo "not ok - the paths' report or heatmap missing"; fails=$((fails + 1)); }
# the investor's report holds the validation the path ran into its
# database: validate --db before report, where the path ran report first
# and a bare validate after it, and the report said "not measured here"
if [ -s "$w/out/report.html" ] && ! grep -q 'No validation run in this database' "$w/out/report.html" &&
	grep -q 'How far to trust the model: the model.s throughput misses' "$w/out/report.html"; then
	echo "ok - the investor's report has the validation the path stored"
else
	echo "not ok - the investor's report has no validation (validate --db out/claim.db before report)"; fails=$((fails + 1))
fi

# README's accuracy table against validate's own lines: each profile's rows,
# median and 90th percentile, as "  PROFILE  [...] median |error| M%, 90th
# percentile P% over N rows"
$RL validate >"$tmpd/val" 2>/dev/null
sed -n 's/^  \([a-z0-9.-]*\) .*median |error| \([0-9.]*%\), 90th percentile \([0-9.]*%\) over \([0-9]*\) rows.*/\1 \4 \2 \3/p' \
	"$tmpd/val" >"$tmpd/loao"
sed -n '/^## How accurate it is/,/^## /p' "$root/README.md" |
	sed -n 's/^| \([a-z0-9.-]*\) | \([0-9]*\) | \([0-9.]*%\) | \([0-9.]*%\).*/\1 \2 \3 \4/p' >"$tmpd/table"
nv=$(grep -c . "$tmpd/loao")
if [ "$nv" -ge 10 ] && cmp -s "$tmpd/loao" "$tmpd/table"; then
	echo "ok - README's accuracy table is validate's, profile by profile ($nv profiles)"
else
	echo "not ok - README's accuracy table against validate's:"
	diff "$tmpd/loao" "$tmpd/table" | sed 's/^/    /'; fails=$((fails + 1))
fi

# README's paragraph under the table against validate's summary lines: the
# rows published, modelled and scored, each group's median and 90th
# percentile as validate prints them (the borrowed and the held-out said as
# such, not as two rows' errors), and the held-out rows' own errors in
# validate's order
comma() { awk -v n="$1" 'BEGIN { if (n >= 1000) printf "%d,%03d", n / 1000, n % 1000; else printf "%d", n }'; }
summ() { sed -n "s/^$1 *\([0-9]*\) rows: median |error| *\([0-9.]*%\), 90th percentile *\([0-9.]*%\).*/\1 \2 \3/p" "$tmpd/val"; }
para=$(sed -n '/^Of the [0-9,]* published rows/,/^$/p' "$root/README.md" | tr '\n' ' ' | tr -s ' ')
set -- $(sed -n 's/^\([0-9]*\) of \([0-9]*\) rows modelled\( (.*)\)*$/\1 \2/p' "$tmpd/val") \
	$(summ 'in sample and held out') $(summ 'out of sample (borrowed)') $(summ 'held-out chips')
held=$(sed -n '/^held-out rows by chip/,/^$/p' "$tmpd/val" | sed -n '3,$s/.* \([0-9.]*%\) .*% .*%$/\1/p' | tr '\n' ' ')
set -- "$@" $held
want1="Of the $(comma "$2") published rows $(comma "$1") are modelled; over $(comma "$3") of them (the $6 whose"
want2="scored apart: median $7, 90th percentile $8) the median error is $4 and the 90th percentile $5;"
want3="the $9 rows of a chip no profile was fitted on (an H200 GEMM and memory copy) are off by ${12} and ${13} (median ${10}, 90th percentile ${11})."
if [ $# -eq 13 ] && case $para in *"$want1"*"$want2"*"$want3"*) true ;; *) false ;; esac; then
	echo "ok - README's paragraph under the table is validate's summary ($1 of $2 rows; held out ${12} and ${13})"
else
	echo "not ok - README's paragraph under the table against validate's ($# figures read):"
	echo "    want: $want1 ... $want2 ... $want3"
	echo "    have: $para"; fails=$((fails + 1))
fi

# docs/validation.md's accuracy table against validate's lines: each
# profile's leave-out figures as README's, and its in-sample median / p90,
# the version group whose rows are that profile's (validate's in-sample
# "version" line of the same row count), where triton-0.14's in-sample p90
# read 9.8% after validate's had moved to 10.0%
sed -n '/^modelled rows of the chip each profile was fitted on/,/^$/p' "$tmpd/val" |
	sed -n 's/^  version .* \([0-9][0-9]*\)  *\([0-9.]*%\)  *\([0-9.]*%\)  *[-+][0-9.]*%$/\1 \2 \3/p' >"$tmpd/insample"
sed -n 's/^| \([a-z0-9.-]*\) | \([0-9]*\) | \([0-9.%-]*\) | \([0-9.%-]*\) | .* | \([0-9.]*%\) \/ \([0-9.]*%\) |$/\1 \2 \3 \4 \5 \6/p' \
	"$root/docs/validation.md" >"$tmpd/vtable"
bad=""
nt=0
while read -r prof rows med p90 ism isp; do
	nt=$((nt + 1))
	have=$(awk -v r="$rows" '$1 == r { print $2, $3 }' "$tmpd/insample")
	[ "$have" = "$ism $isp" ] || bad="$bad [$prof: in sample $ism / $isp, validate's $rows rows: ${have:-none}]"
	[ "$med" = - ] && continue
	grep -qxF "$prof $rows $med $p90" "$tmpd/loao" || bad="$bad [$prof: leave-out $rows $med $p90]"
done <"$tmpd/vtable"
if [ -z "$bad" ] && [ "$nt" -ge 10 ] && [ "$nt" -eq "$(grep -c . "$tmpd/loao")" ]; then
	echo "ok - docs/validation.md's accuracy table is validate's, in sample and left out ($nt profiles)"
else
	echo "not ok - docs/validation.md's accuracy table against validate's ($nt rows read):$bad"; fails=$((fails + 1))
fi

# docs/load.md's in-sample figures of the serving rows at a rate against
# validate's "metric ... (at a rate)" lines, which load6 moved (mean TTFT
# 5.0% / 10.0% -> 5.5% / 10.3%)
atrate() { sed -n "s/^  metric    $1 (at a rate)  *\([0-9]*\)  *\([0-9.]*%\)  *\([0-9.]*%\)  *\([-+][0-9.]*%\)$/\2 \/ \3 \/ \4/p" "$tmpd/val"; }
lp=$(sed -n '/^absolute error \/ signed median, 36 rows each/,/^Leave-one/p' "$root/docs/load.md" | tr '\n' ' ' | tr -s ' ')
want="requests/s $(atrate requests_per_s), mean TTFT $(atrate ttft_mean_s), mean ITL $(atrate itl_mean_s), total tokens/s $(atrate tokens_per_s), output tokens/s $(atrate output_tokens_per_s)."
case $want in *'s ,'* | *'s .') want="" ;; esac
if [ -n "$want" ] && case $lp in *"$want"*) true ;; *) false ;; esac; then
	echo "ok - docs/load.md's in-sample figures at a rate are validate's"
else
	echo "not ok - docs/load.md's figures at a rate against validate's:"
	echo "    want: $want"; echo "    have: $lp"; fails=$((fails + 1))
fi

# README's architect path: the H200 served by its design with 8 HBM stacks
# against its 6, and a 1000 W TDP, as its paragraph says them ("8 stacks
# give 26,664 output tokens/s against 23,112 with its 6, and a 1000 W TDP
# nothing: it draws 512 W, under its 700"), from eval's JSON (ux21)
h2() {
	$RL eval --chip h200-sxm --model llama3-70b --precision fp8 --isl 128 --osl 2048 --tp 2 \
		--chips 8 --set chip.by_design=true "$@" --json 2>/dev/null |
		python3 -c 'import json, sys; d = json.load(sys.stdin); print("%.0f %.0f %g" % (d["throughput"]["output_tokens_per_s"], d["power"]["watts"], d["chip_tdp_w"] if "chip_tdp_w" in d else 0))' 2>/dev/null
}
if have python3 "README's H200 figures"; then
	set -- $(h2 --set design.hbm_stacks=8) $(h2) $(h2 --set design.hbm_stacks=8 --set chip.tdp_w=1000)
	arch=$(sed -n '/^A chip given by its spec sheet (the H200/,/^$/p' "$root/README.md" | tr '\n' ' ' | tr -s ' ')
	want="8 stacks give $(comma "$1") output tokens/s against $(comma "$4") with its 6, and a 1000 W TDP nothing: it draws $2 W, under its 700."
	if [ $# -eq 9 ] && [ "$7" = "$1" ] && case $arch in *"$want"*) true ;; *) false ;; esac; then
		echo "ok - README's H200 stacks-or-power figures are eval's"
	else
		echo "not ok - README's H200 paragraph against eval's ($# figures; 1000 W: $7):"
		echo "    want: $want"; echo "    have: $arch"; fails=$((fails + 1))
	fi
fi

# docs/tour.md's eval contract: Sohu by design at etched-bench, tp 8, its
# prefill-carrying iteration "24.4 ms of all-reduces over 4.5 ms of
# kernels", the iteration and its GEMMs plus attention from eval's JSON
# (ux21: it read 5.5 ms, attention's before attn_overlap hid it)
if have python3 "the page's kernels against eval --json"; then
	k=$($RL eval --scenario etched-bench --chip sohu-design --profile etched-claim --tp 8 --json 2>/dev/null |
		python3 -c 'import json, sys; p = json.load(sys.stdin)["prefill"]; print("%.1f %.1f" % (1e3 * p["iteration_s"], 1e3 * (p["gemm_s"] + p["attention_s"])))' 2>/dev/null)
	tour=$(tr '\n' ' ' <"$root/docs/tour.md" | tr -s ' ')
	case $tour in
	*"there ${k% *} ms of all-reduces over ${k#* } ms of kernels"*)
		echo "ok - docs/tour.md's all-reduces over kernels are eval's ($k ms)" ;;
	*)	echo "not ok - docs/tour.md lacks 'there ${k% *} ms of all-reduces over ${k#* } ms of kernels'"; fails=$((fails + 1)) ;;
	esac
fi

# docs/tour.md's "What the first command prints": the ```text block under it
# is the first lines of the tour's first eval (the claim's baseline, 8 H100s
# under trtllm-0.10), byte for byte, as eval prints them now (docs6)
awk '/^### What the first command prints/ { t = 1; next }
     t == 1 && /^```text/ { t = 2; next }
     t == 2 && /^```/ { exit }
     t == 2' "$root/docs/tour.md" >"$tmpd/evq"
nq=$(grep -c '' "$tmpd/evq")
$RL eval --chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 8 \
	--profile trtllm-0.10 >"$tmpd/evo" 2>&1
if [ "$nq" -ge 10 ] && head -n "$nq" "$tmpd/evo" | cmp -s - "$tmpd/evq"; then
	echo "ok - docs/tour.md's quoted eval table is eval's ($nq lines)"
else
	echo "not ok - docs/tour.md's quoted eval table ($nq lines) differs from eval's:"
	head -n "$nq" "$tmpd/evo" | diff - "$tmpd/evq" | sed 's/^/    /'; fails=$((fails + 1))
fi

# docs/power.md's "Run it": its first ```text block stands in area's output of
# the H100 and its second in eval's of the Etched workload on 8 H100s, line for
# line, one after another (docs6)
# textblock FILE HEADING N: the Nth ```text block under "HEADING", up to the
# next heading of its level or above
textblock() {
	awk -v h="$2" -v n="$3" 'index($0, h) == 1 { t = 1; next }
	     t && /^## / { exit }
	     t == 1 && /^```text/ { k++; t = (k == n) ? 2 : 3; next }
	     t == 3 && /^```/ { t = 1; next }
	     t == 2 && /^```/ { exit }
	     t == 2' "$1"
}
# inblock BLOCK OUT: BLOCK's lines stand in OUT as they are, one after another
inblock() {
	nb=$(grep -c '' "$1")
	first=$(head -n 1 "$1")
	start=$(grep -nxF -- "$first" "$2" | head -1 | cut -d: -f1)
	[ "$nb" -ge 2 ] && [ -n "$start" ] && sed -n "${start},$((start + nb - 1))p" "$2" | cmp -s - "$1"
}
textblock "$root/docs/power.md" "## Run it" 1 >"$tmpd/pw1"
textblock "$root/docs/power.md" "## Run it" 2 >"$tmpd/pw2"
$RL area --chip h100-sxm >"$tmpd/pwa" 2>&1
if inblock "$tmpd/pw1" "$tmpd/pwa" && inblock "$tmpd/pw2" "$tmpd/evo"; then
	echo "ok - docs/power.md's quoted area and eval output are the program's"
else
	echo "not ok - docs/power.md's quoted output differs from area's or eval's:"
	sed 's/^/    doc: /' "$tmpd/pw1" "$tmpd/pw2"; fails=$((fails + 1))
fi
# docs/load.md's "Run it": eval's load block at 5 requests/s and its best
# under a p99 TTFT of 2 s and a TPOT of 0.2 s, as eval prints them
textblock "$root/docs/load.md" "## Run it" 1 >"$tmpd/ld1"
textblock "$root/docs/load.md" "## Run it" 2 >"$tmpd/ld2"
$RL eval --chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 8 \
	--profile trtllm-0.10 --rate 5 >"$tmpd/ldo1" 2>&1
$RL eval --chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 8 \
	--profile trtllm-0.10 --ttft-p99-max 2 --tpot-max 0.2 >"$tmpd/ldo2" 2>&1
if inblock "$tmpd/ld1" "$tmpd/ldo1" && inblock "$tmpd/ld2" "$tmpd/ldo2"; then
	echo "ok - docs/load.md's quoted eval output under load is eval's"
else
	echo "not ok - docs/load.md's quoted output differs from eval's:"
	sed 's/^/    doc: /' "$tmpd/ld1" "$tmpd/ld2"; fails=$((fails + 1))
fi
# docs/heldback.md's "Run it": validate's held-out table and its summary
# lines, as validate prints them on the shipped data
textblock "$root/docs/heldback.md" "## Run it" 1 >"$tmpd/hb1"
textblock "$root/docs/heldback.md" "## Run it" 2 >"$tmpd/hb2"
if inblock "$tmpd/hb1" "$tmpd/val" && inblock "$tmpd/hb2" "$tmpd/val"; then
	echo "ok - docs/heldback.md's quoted validate output is validate's"
else
	echo "not ok - docs/heldback.md's quoted output differs from validate's:"
	sed 's/^/    doc: /' "$tmpd/hb1" "$tmpd/hb2"; fails=$((fails + 1))
fi
# docs/validation.md's "Run it": validate's summary lines
textblock "$root/docs/validation.md" "## Run it" 1 >"$tmpd/vs1"
if inblock "$tmpd/vs1" "$tmpd/val"; then
	echo "ok - docs/validation.md's quoted summary is validate's"
else
	echo "not ok - docs/validation.md's quoted summary differs from validate's:"
	sed 's/^/    doc: /' "$tmpd/vs1"; fails=$((fails + 1))
fi
# docs/engine.md's "Run it": the prefill breakdown of the same eval
textblock "$root/docs/engine.md" "## Run it" 1 >"$tmpd/en1"
if inblock "$tmpd/en1" "$tmpd/evo"; then
	echo "ok - docs/engine.md's quoted eval breakdown is eval's"
else
	echo "not ok - docs/engine.md's quoted eval breakdown differs from eval's:"
	sed 's/^/    doc: /' "$tmpd/en1"; fails=$((fails + 1))
fi

# and its tp 1 figures with weights resident in SRAM: SRAM shares 0.05
# and 0.3 on 8 replicas, "18,343 to 18,349 output tokens/s" (it read
# 17,432 to 17,437, an earlier version's)
if have python3 "the page's replicas against eval --json"; then
	t1() { $RL eval --scenario etched-bench --chip sohu-design --profile etched-claim --tp 1 --chips 8 \
		--set chip.sram_resident_share=1 --set design.frac_sram=$1 --json 2>/dev/null |
		python3 -c 'import json, sys; print("%.0f" % json.load(sys.stdin)["throughput"]["output_tokens_per_s"])' 2>/dev/null; }
	w="at tp 1 (8 replicas) the iterations are compute-bound and the SRAM holds under 1% of 70.6 GB: $(comma "$(t1 0.05)") to $(comma "$(t1 0.3)") output tokens/s"
	case $tour in
	*"$w"*) echo "ok - docs/tour.md's tp 1 SRAM figures are eval's" ;;
	*)	echo "not ok - docs/tour.md lacks '$w'"; fails=$((fails + 1)) ;;
	esac
fi

# docs/engine.md's "MAC arrays or SRAM?" figures against the shipped sweeps
# they name (ux21: "24.2k at 2% MAC" stood after the sweep gave 25.2k
# there): sohu-mac-vs-sram.ini on its diagonal MAC + SRAM = 0.60 at 10%,
# 2% and 58% MAC, the same with chip.sram_resident_share 0 at its ends,
# and sohu-sram-only.ini at 10%, 2% and 18% MAC; output tokens/s as the
# text rounds them, "60.1k"
k1() { awk -v v="$1" 'BEGIN { if (v == "") exit; printf "%.1fk", v / 1000 }'; }
diag() { sqlite3 "$1" "SELECT throughput_output_tokens_per_s FROM results WHERE status = 0 AND abs(design_frac_mac - $2) < 1e-9 AND abs(design_frac_mac + design_frac_sram - 0.6) < 1e-9"; }
sw=$tmpd/engine-sweeps
mkdir -p "$sw"
sed 's/^set = chip\.sram_resident_share=1$/set = chip.sram_resident_share=0/' "$root/sweeps/sohu-mac-vs-sram.ini" >"$sw/share0.ini"
if command -v sqlite3 >/dev/null 2>&1 &&
	$RL sweep "$root/sweeps/sohu-mac-vs-sram.ini" --db "$sw/ms.db" 2>/dev/null &&
	$RL sweep "$sw/share0.ini" --db "$sw/ms0.db" 2>/dev/null &&
	$RL sweep "$root/sweeps/sohu-sram-only.ini" --db "$sw/so.db" 2>/dev/null; then
	eng=$(sed -n '/^### MAC arrays or SRAM/,$p' "$root/docs/engine.md" | tr '\n' ' ' | tr -s ' ')
	w1="the output tokens/s peak inside it, $(k1 "$(diag "$sw/ms.db" 0.1)") at 10% MAC and 50% SRAM (1164 MB resident), against $(k1 "$(diag "$sw/ms.db" 0.02)") at 2% MAC and $(k1 "$(diag "$sw/ms.db" 0.58)") at 58%"
	w2="with the share at 0 they rise with the MAC share to its end ($(k1 "$(diag "$sw/ms0.db" 0.02)") to $(k1 "$(diag "$sw/ms0.db" 0.58)"))"
	w3="the output tokens/s peak at 10% MAC and 50% SRAM, $(k1 "$(diag "$sw/so.db" 0.1)") on 16 chips"
	w4="against $(k1 "$(diag "$sw/so.db" 0.02)") at 2% MAC and $(k1 "$(sqlite3 "$sw/so.db" "SELECT throughput_output_tokens_per_s FROM results WHERE status = 0 AND abs(design_frac_mac - 0.18) < 1e-9 AND abs(design_frac_sram - 0.42) < 1e-9")") at 18%"
	bad=""
	for w in "$w1" "$w2" "$w3" "$w4"; do
		case $eng in *"$w"*) ;; *) bad="$bad [$w]" ;; esac
	done
	[ -z "$bad" ] && echo "ok - docs/engine.md's MAC-or-SRAM figures are the shipped sweeps'" ||
		{ echo "not ok - docs/engine.md lacks, as the sweeps give them:$bad"; fails=$((fails + 1)); }
else
	echo "ok - skipped: sqlite3 or the engine sweeps not run (docs/engine.md's figures)"
fi

# (ux22) sweeps/README.md's two recipes of one spec, as a reader tries
# them in one folder with rooflab on the PATH: "Every step on the shipped
# spec" (4 shards, merged) and "GNU parallel, 8 shards" (its two lines),
# each command exiting 0.  The parallel recipe wrote part{}.db and merged
# into isl-osl.db, the names the first had taken: its --resume refused
# part0-3.db (shard 0/4 there, not 0/8) and merge the existing isl-osl.db.
awk '/^Every step on the shipped spec/ { t = 1; next }
     t == 1 && /^    / { sub(/^    /, ""); print; next }
     t == 1 && /^#/ { exit }' "$root/sweeps/README.md" >"$tmpd/glance.txt"
awk '/^GNU parallel, 8 shards/ { t = 1; next }
     t == 1 && /^    / { sub(/^    /, ""); print; next }
     t == 1 && /^[A-Z]/ { exit }' "$root/sweeps/README.md" >>"$tmpd/glance.txt"
if [ "$(grep -c . "$tmpd/glance.txt")" -ge 9 ] && grep -q '^parallel ' "$tmpd/glance.txt"; then
	echo "ok - sweeps/README.md's step-by-step and GNU parallel recipes read ($(grep -c . "$tmpd/glance.txt") commands)"
else
	echo "not ok - could not read sweeps/README.md's recipes"; fails=$((fails + 1))
fi
if command -v parallel >/dev/null 2>&1 && command -v sqlite3 >/dev/null 2>&1; then
	g=$tmpd/glance
	doc_workdir "$g"
	failed=""
	while IFS= read -r cmd; do
		[ -n "$cmd" ] || continue
		(cd "$g" && PATH="$g:$PATH" sh -c "$cmd") >"$tmpd/cmd.out" 2>&1 ||
			failed="$failed [$cmd: $(tail -1 "$tmpd/cmd.out")]"
	done <"$tmpd/glance.txt"
	[ -z "$failed" ] && echo "ok - sweeps/README.md's recipes in one folder: every command exits 0" ||
		{ echo "not ok - sweeps/README.md's recipes: failed:$failed"; fails=$((fails + 1)); }
else
	echo "skipped: GNU parallel or sqlite3 not installed (sweeps/README.md's recipes)"
fi
# (docs3) sweeps/README.md against the helps of the commands it describes:
# every --option its text names (History left out: what it names there may
# be gone) is in the "options:" list of sweep, merge, export, plot or
# report --help, and every option of sweep, merge and export --help is
# named on the page.  Left out of the first: --help itself and Slurm's and
# GNU parallel's options (lines naming sbatch, SBATCH or parallel -j; --array)
for c in sweep merge export plot report; do
	$RL "$c" --help 2>/dev/null | sed -n '/^options:$/,$p' |
		sed -n "s/^  \(--[a-z][a-z0-9-]*\).*/$c \1/p"
done >"$tmpd/swopts"
awk '/^## History/ { exit } { print }' "$root/sweeps/README.md" |
	grep -vi 'sbatch\|parallel -j' | grep -o -- '--[a-z][a-z0-9-]*' | sort -u >"$tmpd/swnamed"
bad=""
while read -r o; do
	case $o in --help | --array) continue ;; esac
	awk -v o="$o" '$2 == o { f = 1 } END { exit !f }' "$tmpd/swopts" || bad="$bad $o"
done <"$tmpd/swnamed"
miss=""
while read -r c o; do
	case $c in sweep | merge | export) grep -qxF -- "$o" "$tmpd/swnamed" || miss="$miss [$c $o]" ;; esac
done <"$tmpd/swopts"
nsw=$(grep -c '^\(sweep\|merge\|export\) ' "$tmpd/swopts")
if [ -z "$bad$miss" ] && [ "$nsw" -ge 15 ] && [ "$(grep -c . "$tmpd/swnamed")" -ge 15 ]; then
	echo "ok - sweeps/README.md names $(grep -c . "$tmpd/swnamed") options, each in a --help, and all $nsw of sweep, merge and export"
else
	echo "not ok - sweeps/README.md against the helps ($nsw read): named but in no --help:${bad:- none}; in sweep, merge or export --help, not named:${miss:- none}"
	fails=$((fails + 1))
fi
# (ux22) the speedups the pages quote for claim with another side a, each
# the program's first line today: docs/tour.md's --a h100-sxm,profile=ideal
# (it said 4.42x, an earlier version's figure, where claim printed 5.40x)
# and docs/validation.md's 0.11 and 0.12 profiles as side a
for q in "docs/tour.md|h100-sxm,profile=ideal|profile=ideal\` gives \([0-9.]*x\)" \
	"docs/validation.md|h100-sxm,profile=trtllm-0.11|profile=trtllm-0.11\` gives \([0-9.]*x\)" \
	"docs/validation.md|h100-sxm,profile=trtllm-0.12|\`profile=trtllm-0.12\` \([0-9.]*x\)"; do
	page=${q%%|*}; rest=${q#*|}; side=${rest%%|*}; pat=${rest#*|}
	fig=$(awk '/^## History/ { exit } { print }' "$root/$page" | sed -n "s/.*$pat.*/\1/p" | head -1)
	got=$($RL claim --a "$side" --samples 0 2>/dev/null | head -1 | sed -n 's/.* is \([0-9.]*x\) as fast.*/\1/p')
	if [ -n "$fig" ] && [ "$fig" = "$got" ]; then
		echo "ok - $page's claim --a $side figure, $fig, is claim's"
	else
		echo "not ok - $page quotes '$fig' for claim --a $side; claim prints '$got'"; fails=$((fails + 1))
	fi
done
# (small47) a page that states how long something takes gives a measured,
# dated figure and where it was measured, or none: "about 4 s of CPU
# time", "about 7-10 s on two cores" and "the whole fit takes about 35 s"
# stood with no measurement on the page; docs/bench.md, which dates every
# figure, is where timings live.  No "about N s", "takes N s" or "~N min"
# outside it, History sections included (what was measured is said there
# with its date)
undated=$(grep -nE '(about|takes|take|roughly|~) ?[0-9][0-9.,-]* ?(s|sec|seconds|min|minutes)\b' \
	"$root/README.md" "$root"/docs/*.md | grep -v '/docs/bench\.md:' | head -5)
[ -z "$undated" ] && echo "ok - no page but docs/bench.md gives an undated 'about N s'" ||
	{ echo "not ok - undated timings: $undated"; fails=$((fails + 1)); }
# claim's time, where docs/claim.md gives it: perf6's CPU time, with its
# date and tests/BENCH.md, which holds it (4.27-4.31 s there)
grep -q '4\.27-4\.31 s' "$root/tests/BENCH.md" &&
	grep -q '^How long it takes: 4\.27-4\.31 s of CPU time .*' "$root/docs/claim.md" &&
	grep -A2 '^How long it takes' "$root/docs/claim.md" | tr '\n' ' ' | grep -q '30 November 2026 (perf6, tests/BENCH\.md' &&
	echo "ok - docs/claim.md's claim time is BENCH.md's perf6 figure, dated" ||
	{ echo "not ok - docs/claim.md's claim time is not tests/BENCH.md's, dated"; fails=$((fails + 1)); }
# the runs docs/claim.md counts are the ones claim prints: by hand, the
# ranges narrowed all together to 1/2, 1/4 and 1/10 (three runs) and the
# one range that moves P most narrowed alone (a fourth): "4 more runs",
# where the doc said "three more runs"
"$RL" claim >"$tmpd/claim" 2>&1
if grep -q '^  range robustness (4 more runs):$' "$tmpd/claim" &&
	tr '\n' ' ' <"$root/docs/claim.md" | grep -q '(three runs, and a fourth for the range that moves P most narrowed alone, below: claim.s "4 more runs")' &&
	! grep -q 'three more runs' "$root/docs/claim.md"; then
	echo "ok - docs/claim.md counts claim's 4 more runs: three narrowed together, one alone"
else
	echo "not ok - docs/claim.md's count of the more runs is not claim's 4"; fails=$((fails + 1))
	grep 'range robustness' "$tmpd/claim" | sed 's/^/    /'
fi
# every table and view a sweep's file can hold (the CREATE statements of
# sweeps/store.c and merge.c's run_parts, read from the source) is named in
# sweep --help, which named four of the seven (docs3's finding)
"$RL" sweep --help >"$tmpd/sweephelp" 2>&1
missing=""
for t in $(grep -ho 'CREATE \(TABLE\|VIEW\)\( IF NOT EXISTS\)\? [a-z_]*' \
	"$root/sweeps/store.c" "$root/sweeps/merge.c" | awk '{print $NF}' | sort -u); do
	tr '\n' ' ' <"$tmpd/sweephelp" | grep -q "[ (,]$t[ ,).]" || missing="$missing $t"
done
if [ -z "$missing" ] && grep -q 'run_parts' "$tmpd/sweephelp"; then
	echo "ok - sweep --help names every table and view of a sweep's file"
else
	echo "not ok - sweep --help does not name:$missing"; fails=$((fails + 1))
fi
# (docs81) every page's ```sh commands as written, not only README's three
# paths and docs/tour.md's tour (tests/cli_tour.sh runs that one): each
# page's in a fresh folder of its own, in order, exiting 0; but `make X`,
# whose target the Makefile must have, and `sh scripts/X.sh`, which must be
# there (tests/cli_layers.sh, cli_headers.sh and cli_state.sh run them),
# and docs/heldback.md's, whose held-back.csv stands for the reader's own
# file: exit 2, "held-back.csv: cannot open", as the page says.
# page_commands FILE: the commands of every ```sh block of FILE, one a
# line (lines ending in a backslash joined to the next; comments kept)
page_commands() {
	awk '/^ *```sh/ { t = 1; next }
	     t && /^ *```/ { t = 0; next }
	     t { if (sub(/\\$/, "")) { line = line $0; next }
	         print line $0; line = "" }' "$1"
}
hb_says=$(tr '\n' ' ' <"$root/docs/heldback.md" | tr -s ' ' | grep -c 'as written the commands exit 2 ("held-back.csv: cannot open")')
failed=""
nrun=0
nmake=0
for page in "$root/README.md" "$root"/docs/*.md; do
	name=$(basename "$page" .md)
	pw=$tmpd/page-$name
	page_commands "$page" >"$tmpd/page.txt"
	while IFS= read -r cmd; do
		c=$(printf '%s\n' "$cmd" | sed 's/[[:space:]]*#.*//; s/^[[:space:]]*//')
		[ -n "$c" ] || continue
		case $c in
		make*)
			for t in $(printf '%s\n' "$c" | sed 's/&&.*//' | tr ' ' '\n' | sed '1d' | grep -v '='); do
				grep -q "^$t:" "$root/Makefile" || failed="$failed [$name: $c: no make target $t]"
			done
			nmake=$((nmake + 1))
			case $c in *'&& '*) c=${c#*&& } ;; *) continue ;; esac ;;
		esac
		case $c in
		'sh scripts/'*)
			s=${c#sh }; s=${s%% *}
			[ -f "$root/$s" ] || failed="$failed [$name: $c: no $s]"
			continue ;;
		esac
		# README's three paths and the tour: run by the test above and cli_tour.sh
		case $name in README | tour) continue ;; esac
		[ -d "$pw" ] || doc_workdir "$pw"
		nrun=$((nrun + 1))
		(cd "$pw" && sh -c "$c") >"$tmpd/page-$name.$nrun.out" 2>&1 </dev/null
		st=$?
		if [ "$name" = heldback ]; then
			[ "$st" -eq 2 ] && [ "$hb_says" -eq 1 ] &&
				grep -q 'held-back\.csv: cannot open' "$tmpd/page-$name.$nrun.out" ||
				failed="$failed [$name: $cmd: exit $st; the page says exit 2, \"held-back.csv: cannot open\" ($hb_says)]"
		elif [ "$st" -ne 0 ]; then
			failed="$failed [$name: $cmd: exit $st: $(tail -1 "$tmpd/page-$name.$nrun.out")]"
		fi
	done <"$tmpd/page.txt"
done
if [ -z "$failed" ] && [ "$nrun" -ge 15 ] && [ "$nmake" -ge 5 ]; then
	echo "ok - every page's commands run as written ($nrun run, $nmake make lines' targets there)"
else
	echo "not ok - pages' commands ($nrun run, $nmake make lines):$failed"; fails=$((fails + 1))
fi
# (docs81) every ```text block of those pages (but docs/tour.md, whose
# blocks are usage lines, a formula and a JSON outline, and docs/heldback.md,
# whose quoted validate is checked above) is the program's: its lines stand,
# one after another, in what one of the page's commands printed just now
bad=""
ntb=0
for page in "$root"/docs/*.md; do
	name=$(basename "$page" .md)
	case $name in tour | heldback) continue ;; esac
	k=0
	while :; do
		k=$((k + 1))
		awk -v n="$k" '/^```text/ { k++; t = (k == n); next }
		     t && /^```/ { exit } t' "$page" >"$tmpd/tb"
		[ -s "$tmpd/tb" ] || break
		ntb=$((ntb + 1))
		found=""
		for o in "$tmpd/page-$name".*.out; do
			[ -f "$o" ] && inblock "$tmpd/tb" "$o" && { found=1; break; }
		done
		[ -n "$found" ] || bad="$bad [docs/$name.md, block $k: $(head -1 "$tmpd/tb")]"
	done
done
if [ -z "$bad" ] && [ "$ntb" -ge 8 ]; then
	echo "ok - every quoted output block of the pages is a page command's output now ($ntb blocks)"
else
	echo "not ok - quoted output no command of its page prints ($ntb blocks read):$bad"; fails=$((fails + 1))
fi
# (docs81) every --option a page names with its command, in a ```sh block or
# inline (`rooflab CMD ... --opt`; History left out, what it names there may
# be gone), is in CMD --help (plot: plot KIND --help too); a percentile form
# as the help writes it, --ttft-p99-max as --ttft-pNN-max
for page in "$root/README.md" "$root"/docs/*.md; do
	awk '/^## History/ { exit } { print }' "$page" >"$tmpd/pg"
	{ page_commands "$tmpd/pg" | sed 's/[[:space:]]#.*//'
	  awk '/^ *```/ { t = !t; next }
	       !t { s = $0; while (match(s, /`(\.\/)?rooflab [^`]*`/)) {
	                print substr(s, RSTART + 1, RLENGTH - 2); s = substr(s, RSTART + RLENGTH) } }' "$tmpd/pg"
	} | grep -o 'rooflab [a-z][a-z]*[^;|&`]*' | sed "s|^|$(basename "$page")	|"
done >"$tmpd/optcmds"
# the uses, "PAGE CMD KIND --opt" (KIND: plot's first word, else -), then
# each command's and plot kind's help read once
awk -F '\t' '{ n = split($2, w, " "); sub_ = w[2]; kind = "-"
	if (sub_ == "help") next
	if (sub_ == "plot" && n >= 3 && w[3] !~ /^-/) kind = w[3]
	s = $2
	while (match(s, /--[a-z][a-z0-9-]*/)) {
		o = substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH)
		if (o != "--help") print $1, sub_, kind, o } }' "$tmpd/optcmds" >"$tmpd/optuses"
for c in $(awk '{ print $2 }' "$tmpd/optuses" | sort -u); do
	$RL "$c" --help >"$tmpd/help.$c" 2>&1 || echo "rooflab $c --help failed" >"$tmpd/help.$c.bad"
done
for k in $(awk '$2 == "plot" && $3 != "-" { print $3 }' "$tmpd/optuses" | sort -u); do
	$RL plot "$k" --help >"$tmpd/help.plot.$k" 2>&1
done
bad=$(awk -v d="$tmpd" '
	function opts(f, key,   line) {
		while ((getline line < f) > 0)
			while (match(line, /--[a-z][A-Za-z0-9-]*/)) {
				have[key, substr(line, RSTART, RLENGTH)] = 1; line = substr(line, RSTART + RLENGTH) }
		close(f) }
	{ o = $4; gsub(/-p[0-9]+-/, "-pNN-", o)
	  if ((getline x < (d "/help." $2 ".bad")) > 0) { close(d "/help." $2 ".bad"); printf " [%s: no command %s]", $1, $2; next }
	  if (!(($2) in seen)) { seen[$2] = 1; opts(d "/help." $2, $2) }
	  key = $2
	  if ($3 != "-") { if (!(($2 "." $3) in seen)) { seen[$2 "." $3] = 1; opts(d "/help.plot." $3, $2 "." $3) }
	                   if ((key "." $3, o) in have) next }
	  if (!((key, o) in have)) printf " [%s: %s %s]", $1, $2, $4 }' "$tmpd/optuses")
nopt=$(grep -c '' "$tmpd/optuses")
if [ -z "$bad" ] && [ "$nopt" -ge 100 ]; then
	echo "ok - every option the pages name with its command is in that command's --help ($nopt)"
else
	echo "not ok - options the pages name that the command's --help lacks ($nopt read):$bad"; fails=$((fails + 1))
fi
# (docs81) docs/tour.md's usage blocks (a ```text block whose first line is
# "rooflab CMD ...") are CMD --help's first lines, "usage: " left out
bad=""
nu=0
k=0
while :; do
	k=$((k + 1))
	awk -v n="$k" '/^ *```text/ { k++; t = (k == n); next }
	     t && /^ *```/ { exit } t' "$root/docs/tour.md" >"$tmpd/ub"
	[ -s "$tmpd/ub" ] || break
	set -f
	set -- $(head -1 "$tmpd/ub")
	set +f
	[ "$1" = rooflab ] || continue
	nu=$((nu + 1))
	$RL "$2" --help 2>&1 | sed '1s/^usage: //' | head -n "$(grep -c '' "$tmpd/ub")" | cmp -s - "$tmpd/ub" ||
		bad="$bad [$2]"
done
if [ -z "$bad" ] && [ "$nu" -ge 3 ]; then
	echo "ok - docs/tour.md's usage blocks are the helps' ($nu)"
else
	echo "not ok - docs/tour.md's usage blocks differ from the helps' ($nu read):$bad"; fails=$((fails + 1))
fi
# (docs81) each `validate | tail -N` a page names shows what the page says
# it does: validate's leave-one-architecture-out section from its heading
# ("leave-one-architecture-out error of each profile's fit") to the
# summary's last line.  docs/validation.md's tail -30 began 5 lines into
# that section, its heading cut, where README's tail -40 had it
lo=$(grep -n "^leave-one-architecture-out error of each profile's fit" "$tmpd/val" | cut -d: -f1)
nl=$(grep -c '' "$tmpd/val")
bad=""
ntail=0
for page in "$root/README.md" "$root"/docs/*.md; do
	for n in $(awk '/^## History/ { exit } { print }' "$page" | grep -o 'validate | tail -[0-9]*' | sed 's/.*-//'); do
		ntail=$((ntail + 1))
		[ -n "$lo" ] && [ "$n" -ge $((nl - lo + 1)) ] || bad="$bad [$(basename "$page"): tail -$n]"
	done
done
if [ -z "$bad" ] && [ "$ntail" -ge 2 ]; then
	echo "ok - each 'validate | tail -N' of the pages begins at or above the leave-out section's heading ($ntail; it needs $((nl - lo + 1)))"
else
	echo "not ok - 'validate | tail -N' that cut the leave-out section's heading (it needs tail -$((nl - ${lo:-0} + 1))):$bad"; fails=$((fails + 1))
fi
finish
