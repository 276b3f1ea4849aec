#!/bin/sh
# cli_validate_ux.sh: rooflab validate's text as a user reads it over a
# small file of their own (ux30's persona walk): the reason a row is not
# modelled names the fault a user fixes first.
. "$(dirname "$0")/clilib.sh"

H='id,software,version,chip,gpus,model,precision,isl,osl,tp,pp,batch_or_concurrency,request_rate,metric,value,notes'
U="$tmpd/u.csv"
cat > "$U" <<CSV
$H
tp3-on-1,TensorRT-LLM,0.15.0,h100-sxm,1,llama3-70b,fp8,2048,128,3,1,max-load,,output_tokens_per_s,500,
tp3-on-3,TensorRT-LLM,0.15.0,h100-sxm,3,llama3-70b,fp8,2048,128,3,1,max-load,,output_tokens_per_s,500,
dep4-on-1,TensorRT-LLM,0.15.0,h100-sxm,1,llama3-8b,fp16,2048,128,DEP4,1,max-load,,output_tokens_per_s,500,
CSV
J="$tmpd/u.json"
expect_exit 0 "validate a user's file (json)" -- $RL validate --measurements "$U" --json
cp "$tmpd/out" "$J"
pyq() { python3 -c "import json,sys; d=json.load(open('$J')); r={x['id']:x for x in d['rows']}; $1"; }
if have python3 "the reasons in --json"; then
	# gpus 1 at tp 3: 1 chip cannot hold a mapping of 3 x 1; the GPU count
	# is what a user fixes first, not llama3-70b's 64 heads (ux30)
	expect_exit 0 "gpus 1, tp 3: the GPU count's reason" -- pyq "x=r['tp3-on-1']; assert 'chips = 1 is not a multiple of tp x pp = 3 x 1' in x['reason'] and 'legal tp on 1 chip: 1' in x['reason'], x"
	# gpus 3 at tp 3: the mapping fits the GPUs; 3 does not divide 64 heads
	expect_exit 0 "gpus 3, tp 3: the heads' reason" -- pyq "x=r['tp3-on-3']; assert x['reason'].startswith('engine: tp = 3 does not divide the model') and '64 attention heads' in x['reason'], x"
	# DEP4 on 1 GPU of a dense model: ep 4 cannot spread over dp = 1
	# replica, the GPU count's fault, before llama3-8b having no experts;
	# legal ep: of 1's divisors, 1
	expect_exit 0 "gpus 1, DEP4: the GPU count's reason" -- pyq "x=r['dep4-on-1']; assert x['reason']=='engine: ep = 4 does not divide dp = chips / (tp x pp) = 1, the replicas its experts spread over; legal ep: 1', x"
fi
expect_exit 0 "validate a user's file (text)" -- $RL validate --measurements "$U"
expect_out "chips = 1 is not a multiple of tp x pp = 3 x 1" "text: the GPU count's reason"

# every column of every table keeps its width (ux30: "gemm 8192x8192x8192"
# was cut to "gemm 8192x8192", another GEMM's shape, and a user's long
# label pushed the rest of its row right): the longest labels the data
# holds (llama4-maverick-17b-128e, 24 characters; the GEMM's 19; the
# copy's "device-to-device copy", 21), a chip name longer than the chip
# column's 9 (sohu-design), and a user's long id, chip and model
L="$tmpd/long.csv"
cat > "$L" <<CSV
$H
my-a-very-long-identifier-for-a-row-of-my-own-benchmark-2025-q3-node7,TensorRT-LLM,0.15.0,h100-sxm,8,llama4-maverick-17b-128e,fp8,2048,128,8,1,max-load,,output_tokens_per_s,5000,
short,TensorRT-LLM,0.15.0,sohu-design,8,llama3-70b,fp8,2048,128,8,1,max-load,,output_tokens_per_s,5000,
gemm,PyTorch 2.11 + cuBLAS,,h200-sxm,1,gemm 8192x8192x8192,bf16,,,1,1,,,tflops,700,
copy,PyTorch 2.11,,h100-sxm,1,device-to-device copy,,,,1,1,,,tb_per_s_read_plus_write,2.9,
big,TensorRT-LLM,0.15.0,h100-sxm,8,llama3-70b,fp8,131072,128,8,1,max-load,,output_tokens_per_s,0.00012345678901234,
unk,TensorRT-LLM,0.15.0,a-chip-of-my-own-with-a-name-of-forty-chars,8,a-model-of-my-own-with-a-long-long-long-name,fp8,2048,128,8,1,max-load,,output_tokens_per_s,5000,
unk2,TensorRT-LLM,0.15.0,h100-sxm,8,a-model-of-my-own-with-a-long-long-long-name,fp8,2048,128,8,1,max-load,,output_tokens_per_s,5000,
CSV
expect_exit 0 "validate long labels" -- $RL validate --measurements "$L"
T="$tmpd/long.txt"
cp "$tmpd/out" "$T"
# aligned TABLE_HEADER_ERE LEFT RIGHT: each line of every table whose
# header matches the ERE (its lines up to the blank line under it) has, at
# each left-aligned header word's column (LEFT, words apart by spaces), a
# space before and a character there, and at each right-aligned one's
# last column (RIGHT) a character and a space after: a cell spilled into
# the next column breaks one of them.  Every row is checked, whatever its
# first character (it checked those starting with a lower-case letter
# alone, so a repeatability row of "TensorRT-LLM" went unchecked); a
# header word the header lacks, or no row checked at all, fails too
aligned() {
	awk -v re="$1" -v left="$2" -v right="$3" '
	function at(s, i) { return substr(s, i, 1) }
	function pos(w, off) {
		i = index($0 " ", " " w " ")
		if (!i) { print "header lacks " w ": " $0; bad = 1 }
		return i + off }
	!p && $0 ~ re { p = 1; nl = split(left, L, " "); nr = split(right, R, " ")
		for (k = 1; k <= nl; k++) lp[k] = pos(L[k], 1)
		for (k = 1; k <= nr; k++) rp[k] = pos(R[k], length(R[k]))
		next }
	p && /^$/ { p = 0; next }
	p { n++
		for (k = 1; k <= nl; k++) if (at($0, lp[k] - 1) != " " || at($0, lp[k]) == " ") { print "left " L[k] ": " $0; bad = 1 }
		for (k = 1; k <= nr; k++) if (at($0, rp[k]) == " " || at($0 " ", rp[k] + 1) != " ") { print "right " R[k] ": " $0; bad = 1 } }
	END { if (!n) print "no row checked under /" re "/"; exit bad || !n }' "$T"
}
expect_exit 0 "rows table: every column in place" -- aligned '^row ' 'chip model prec' 'isl osl tp/pp measured error'
# the not-modelled listing has no header row for aligned to read (given
# no words, it checked nothing): each group's line, padded column by
# column, ends its count at one column, " N row" or " N rows" after it
counts_lined_up() {
	awk '/^rows not modelled, by/ { p = 1; next }
	p && /^$/ { exit }
	p && /^  [^ ]/ { e = length($0) - ($0 ~ / rows$/ ? 5 : 4); n++
		if (n > 1 && e != first) { print "count ends at " e ", not " first ": " $0; bad = 1 }
		if (n == 1) first = e }
	END { exit bad || n < 2 }' "$1"
}
expect_exit 0 "not modelled: every column in place" -- counts_lined_up "$T"
# the groups of the rows modelled, in sample and held out (two tables),
# and of the rows not modelled (a count alone)
expect_exit 0 "groups: every column in place" -- aligned '^  by +group +rows +median' 'group' 'rows median|e| p90|e| bias'
expect_exit 0 "groups not modelled: every column in place" -- aligned '^  by +group +rows$' 'group' 'rows'
expect_exit 0 "held-out cells: every column in place" -- aligned '^  chip +version +model' 'version model prec' 'rows median|e| p90|e| bias'
expect_exit 0 "validate long labels, again" -- $RL validate --measurements "$L"
expect_out '^gemm +h200-sxm +gemm 8192x8192x8192 +bf16 ' "the GEMM's shape whole"
expect_out '^copy +h100-sxm +device-to-device copy +- ' "the copy's label whole, its precision '-'"
expect_out '^short +sohu-design +llama3-70b ' "a chip of 11 characters whole"
# (its first 45 characters and "...": 48)
expect_out '^my-a-very-long-identifier-for-a-row-of-my-own\.\.\. h100-sxm' "a long id cut at 48 with '...'"
# the not-modelled listing's chip column is at most 24 wide (the chip's
# first 21 characters and "..."), its model 32 (29 and "..."); h100-sxm
# padded to 24 and a space: 17 spaces
expect_out '^  a-chip-of-my-own-with\.\.\. TensorRT-LLM 0\.15\.0 +a-model-of-my-own-with-a-long\.\.\. fp8 ' "not modelled: a long chip and model cut with '...'"
expect_out '^  h100-sxm {17}TensorRT-LLM 0\.15\.0 +a-model-of-my-own-with-a-long\.\.\. fp8 ' "not modelled: columns in line"

# which rows each figure is about (ux30: the last line's fit errors of the
# shipped rows, 2-5%, printed under a user's file whose rows were 52% off
# read as that file's): a user's file's summary is headed as its own, the
# last sentence as the shipped rows', and it is the very sentence a run
# over the shipped rows prints (the same rows, so the same figures)
expect_exit 0 "validate the shipped rows" -- $RL validate
S_LAST=$(tail -n 1 "$tmpd/out")
# its tables in place too: the repeatability rows start "TensorRT-LLM",
# rows aligned passed over before it checked every row
cp "$tmpd/out" "$T"
expect_exit 0 "the shipped rows' repeatability: every column in place" -- aligned '^  versions a -> b' '' 'cells median|c| p90|c| median'
expect_exit 0 "the shipped rows' cells: every column in place" -- aligned '^  chip +version +model' 'version model prec' 'rows median|e| p90|e| bias'
expect_exit 0 "validate a user's file" -- $RL validate --measurements "$U"
expect_out "^this file's rows \(.*/u\.csv\):$" "text: the file's summary named as its rows"
if [ "$(tail -n 1 "$tmpd/out")" = "$S_LAST" ] &&
	tail -n 3 "$tmpd/out" | head -n 2 | tr '\n' ' ' | grep -q "^the shipped rows (data/measurements.csv and data/measurements/published-h100.csv, which the profiles were fitted and checked on), not this file's rows: $"; then
	echo "ok - text: the last sentence is the shipped rows', said so"
else
	echo "not ok - text: the last sentence is the shipped rows', said so"; tail -n 3 "$tmpd/out"; fails=$((fails + 1))
fi
expect_out "^over the rows each fit was fitted on, not this file's rows:$" "text: the fits' errors are their own rows'"
expect_exit 0 "validate the shipped rows" -- $RL validate
if grep -q "this file's rows" "$tmpd/out"; then
	echo "not ok - the shipped rows' run has no 'this file'"; fails=$((fails + 1))
else
	echo "ok - the shipped rows' run has no 'this file'"
fi
if have python3 "rows_of in --json"; then
	# --json: rows_of beside set in every group, cell and pair
	expect_exit 0 "json: a user's file's figures are rows_of file" -- pyq "assert d['groups'] and d['cells'] and all(x['rows_of']=='file' for x in d['groups']+d['cells']+d['repeatability'])"
	$RL validate --json >"$tmpd/s.json"
	expect_exit 0 "json: the shipped run's figures are rows_of shipped" -- python3 -c "import json; d=json.load(open('$tmpd/s.json')); assert d['repeatability'] and all(x['rows_of']=='shipped' for x in d['groups']+d['cells']+d['repeatability'])"
fi

# the rest of the text as a user with a small file reads it (ux30): the
# rows table's figure column is "modelled", where two columns read
# "model" (the model's name and its figure); two groups of one chip,
# version, model and precision apart by their rows' ids; a reason the
# group above gave said once; a file's in-sample rows not called the
# fit's
R="$tmpd/r.csv"
cat > "$R" <<CSV
$H
ok-row,TensorRT-LLM,0.15.0,h100-sxm,8,llama3-70b,fp8,2048,128,8,1,max-load,,output_tokens_per_s,1800,
tp3-on-1,TensorRT-LLM,0.15.0,h100-sxm,1,llama3-70b,fp8,2048,128,3,1,max-load,,output_tokens_per_s,500,
tp3-on-3,TensorRT-LLM,0.15.0,h100-sxm,3,llama3-70b,fp8,2048,128,3,1,max-load,,output_tokens_per_s,500,
v1,vLLM,0.6.3,h100-sxm,1,llama3-8b,fp8,2048,128,1,1,max-load,,output_tokens_per_s,3000,
v2,vLLM,0.6.3,h100-sxm,1,llama3-8b,fp8,128,128,1,1,max-load,,output_tokens_per_s,3000,
v3,vLLM,0.6.3,h100-sxm,1,llama3-8b,fp8,128,2048,1,1,max-load,,output_tokens_per_s,3000,
v4,vLLM,0.6.3,h100-sxm,1,llama3-8b,fp8,2048,2048,1,1,max-load,,output_tokens_per_s,3000,
v5,vLLM,0.6.3,h100-sxm,1,llama3-8b,fp8,1024,1024,1,1,max-load,,output_tokens_per_s,3000,
v6,vLLM,0.6.3,h100-sxm,8,llama3-70b,fp8,2048,128,8,1,max-load,,output_tokens_per_s,3000,
CSV
expect_exit 0 "validate a small file of a user's" -- $RL validate --measurements "$R"
expect_out '^row +chip +model +prec +isl +osl +tp/pp +measured +modelled +error +metric$' "rows table: the figure column is 'modelled'"
# the error's sign in words (a row 50% under its measurement read
# "-50.7%", the table saying nowhere which way), and the unit's column
expect_out '^\(error = modelled / measured - 1: below 0 the model is under the measurement; measured$' "the error's sign said"
expect_out "^and modelled in each row's metric, named last\)$" "the figures' unit: the metric column"
expect_out '^      tp3-on-1: engine: chips = 1 ' "not modelled: gpus 1 at tp 3 named by its id"
expect_out '^      tp3-on-3: engine: tp = 3 ' "not modelled: gpus 3 at tp 3 named by its id"
# v1..v5: one group of 5 rows (llama3-8b), the first 3 ids and 2 more;
# v6 (llama3-70b) the next group, of the same unknown software's reason
expect_out '^      v1, v2, v3 and 2 more: software .vLLM. version 0\.6\.3 has no profile' "not modelled: the first 3 ids and a count"
expect_out '^      v6: the same reason as the group above$' "not modelled: a reason said once"
n=$(grep -c "software 'vLLM' version 0.6.3 has no profile" "$tmpd/out")
if [ "$n" = 1 ]; then echo "ok - the vLLM reason printed once"; else echo "not ok - the vLLM reason printed $n times"; fails=$((fails + 1)); fi
expect_out '^modelled rows of the chip each profile was fitted on \(in sample: that chip.s$' "a file's in-sample rows: the title says whose"
expect_out '^rows of this file, not necessarily rows the fit read\):$' "a file's in-sample rows: not the fit's"

# a row of no id (a file may hold one: ids are checked for repeats alone)
# is named "(no id)" where the tables name rows by id: the not-modelled
# listing read "      , x: engine: ..." and the rows table a blank cell
E="$tmpd/noid.csv"
cat > "$E" <<CSV
$H
,TensorRT-LLM,0.15.0,h100-sxm,1,llama3-70b,fp8,2048,128,3,1,max-load,,output_tokens_per_s,500,
x,TensorRT-LLM,0.15.0,h100-sxm,1,llama3-70b,fp8,2048,128,3,1,max-load,,output_tokens_per_s,500,
CSV
expect_exit 0 "validate a file with a row of no id (not modelled)" -- $RL validate --measurements "$E"
expect_out '^      \(no id\), x: engine: chips = 1 ' "not modelled: a row of no id named so"
cat > "$E" <<CSV
$H
,TensorRT-LLM,0.15.0,h100-sxm,8,llama3-70b,fp8,2048,128,8,1,max-load,,output_tokens_per_s,1800,
CSV
expect_exit 0 "validate a file with a row of no id (modelled)" -- $RL validate --measurements "$E"
expect_out '^\(no id\) +h100-sxm +llama3-70b ' "rows table: a row of no id named so"


# the repeatability table's figures keep their columns as the groups' and
# cells' do: a cell of 1 token/s in one version and 1,000,000 in the next
# changes by 999,999, 99999900.0% (11 characters), which spilled past the
# 9 of median|c| and pushed the row's other figures out of line
P="$tmpd/pair.csv"
cat > "$P" <<CSV
$H
a,vLLM,0.6.3,h100-sxm,8,llama3-70b,fp8,2048,128,8,1,max-load,,output_tokens_per_s,1,
b,vLLM,0.6.4,h100-sxm,8,llama3-70b,fp8,2048,128,8,1,max-load,,output_tokens_per_s,1000000,
CSV
expect_exit 0 "validate a pair of versions 10^6 apart" -- $RL validate --measurements "$P"
cp "$tmpd/out" "$T"
expect_out '^  vLLM 0\.6\.3 -> 0\.6\.4 .* 99999900\.0% .* \+99999900\.0%  unknown$' "repeatability: the figures whole"
expect_exit 0 "repeatability: every column in place" -- aligned '^  versions a -> b' '' 'cells median|c| p90|c| median'


# --profile given by a path of more bytes than a row's profile holds
# (RL_NAME_MAX, 127 and its NUL: claim/validation.h): it was cut to 127
# bytes for every row, each row then "not modelled: cannot set up:
# profile file '<the cut path>' does not exist" and exit 0; refused now,
# exit 2, naming the option, its size and the most it may be
PD=$(deepdir 140)
cp "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" "$PD/p.ini"
expect_exit 2 "--profile: a path past 127 bytes refused" -- $RL validate --profile "$PD/p.ini"
expect_err "^rooflab validate: --profile '.*\\.\\.\\.' \\([0-9]+ bytes\\): at most 127 bytes " "--profile: the size and the most said"
expect_no_out "." "--profile: nothing on stdout"
# --measurements given by a path of 1024 bytes or more (validate holds the
# file's name in 1,024 bytes, and stores it as the run's
# measurements_file): the path was cut and the cut one opened, "cannot
# open" of a file never given (its message, in 1,024 bytes too, read as
# the cut path alone, exit 2 for a file that is there); refused now,
# naming the option, its size and the most it may be
MD=$(deepdir 1030)
cp "$P" "$MD/m.csv"
expect_exit 2 "--measurements: a path past 1023 bytes refused" -- $RL validate --measurements "$MD/m.csv"
expect_err "^rooflab validate: --measurements '.*\\.\\.\\.' \\([0-9]+ bytes\\): at most 1023 bytes " "--measurements: the size and the most said"
expect_no_out "." "--measurements: nothing on stdout"
# (review58) one of 1,019 bytes, which it takes, that is not there: its
# message names the path cut past 300 bytes (its first 297 and "...",
# then its size) and says why, where the whole path filled the 1,024-byte
# message and cut it to "PATH: ca"
seg=$(printf '%0200d' 0 | tr 0 q)
nm="$tmpd/nomeas/$seg/$seg/$seg/$seg/"
pad=$((1019 - ${#nm} - 4))
nm="$nm$(printf "%0${pad}d" 0 | tr 0 m).csv"
n297=$(printf '%s' "$nm" | cut -c1-297 | sed 's/[].[\\*^$()+?{|]/\\&/g')
expect_exit 2 "--measurements: a path of 1019 bytes that is not there" -- $RL validate --measurements "$nm"
expect_err "^rooflab validate: $n297\\.\\.\\. \\(${#nm} bytes\\): cannot open: No such file or directory$" \
	"--measurements: the long path cut, the reason said"

finish
