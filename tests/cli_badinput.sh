#!/bin/sh
# cli_badinput.sh: malformed measurement CSVs and INI presets, as a fuzz
# campaign found them.  Each is read as it should be (a byte order mark,
# CRLF) or refused with exit 2 and a message naming file, line and what is
# wrong (a NUL byte, a carriage return alone, a quoted line break, a
# repeated id or column, a directory, a model preset that gives no shape);
# a file number too large is reported as itself, not cut; a row whose
# database cannot be written prints no report; HTML and Markdown reports
# are valid UTF-8 whatever bytes a measurement id holds, and their figure
# links survive an output name with spaces and parentheses.  A model error
# across fields names the --set that changed the preset; a preset path that
# exists but is not a file says so; a blank before or after a number is
# refused in a CSV field, a --set and a flag alike.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
data=${ROOFLAB_DATA:-$root/data}
cd "$tmpd" || exit 1

H='id,software,version,chip,gpus,model,precision,isl,osl,tp,pp,batch_or_concurrency,request_rate,metric,value,notes'
R='TensorRT-LLM,0.11.0,h100-sxm,8,llama3-70b,fp8,2048,128,8,1,max-load,,output_tokens_per_s,1337.36,'
# rows ID [PP [ISL]]: a row of the published layout
row() { echo "$1,TensorRT-LLM,0.11.0,h100-sxm,8,llama3-70b,fp8,${3:-2048},128,8,${2:-1},max-load,,output_tokens_per_s,1337.36,"; }
# nrows FILE: the rows validate --json lists for FILE (stdout)
nrows() {
	"$RL" validate --measurements "$1" --json 2>/dev/null |
		python3 -c 'import json,sys; print(len(json.load(sys.stdin)["rows"]))' 2>/dev/null
}
have_py=0
command -v python3 >/dev/null 2>&1 && have_py=1

# ---- measurement CSVs
printf '%s\n%s\n' "$H" "$(row a)" >plain.csv
printf '\357\273\277%s\n%s\n' "$H" "$(row a)" >bom.csv
expect_exit 0 "a CSV with a UTF-8 byte order mark is read" -- "$RL" validate \
	--measurements bom.csv
printf '%s\r\n%s\r\n' "$H" "$(row a)" >crlf.csv
expect_exit 0 "a CSV with CRLF line ends is read" -- "$RL" validate \
	--measurements crlf.csv
if [ "$have_py" = 1 ]; then
	for f in bom crlf; do
		[ "$(nrows $f.csv)" = 1 ] && echo "ok - $f.csv: its one row" ||
			{ echo "not ok - $f.csv: not one row"; fails=$((fails + 1)); }
	done
fi
# old Mac line ends: one line holding the header and the row
printf '%s\r%s\r' "$H" "$(row a)" >cr.csv
expect_exit 2 "a CSV of CR line ends is refused" -- "$RL" validate \
	--measurements cr.csv
expect_err "cr.csv:1: a carriage return inside the line" "the CR is named, line 1"
# a NUL byte after 'a,TensorRT' (the 11th byte of line 2)
{ echo "$H"; printf 'a,TensorRT\000%s\n' "$(row a | cut -c11-)"; } >nul.csv
expect_exit 2 "a NUL byte is refused" -- "$RL" validate --measurements nul.csv
expect_err "nul.csv:2: a NUL byte \(column 11\)" "the NUL byte: line 2, column 11"
{ echo "$H"; echo "$(row a)\"line"; echo "break\""; } >qnl.csv
expect_exit 2 "a quoted line break is refused" -- "$RL" validate \
	--measurements qnl.csv
expect_err "qnl.csv:2: unterminated quote \(a quoted field cannot hold a line break\)" \
	"the quoted line break is named"
expect_exit 2 "a directory is refused" -- "$RL" validate --measurements "$tmpd"
expect_err "not a regular file \(a directory\)" "the directory is named as such"
# ids a (line 2), b (line 3), a again (line 4)
printf '%s\n%s\n%s\n%s\n' "$H" "$(row a)" "$(row b)" "$(row a)" >dup.csv
expect_exit 2 "two rows with one id are refused" -- "$RL" validate \
	--measurements dup.csv --db dup.db
expect_err "dup.csv:4: id 'a' is also the id of line 2" "both lines of the id named"
[ ! -e dup.db ] && echo "ok - no database left by the refused file" ||
	{ echo "not ok - dup.db left behind"; fails=$((fails + 1)); }
# value is column 15; a 17th column named value too
printf '%s,value\n%s,5\n' "$H" "$(row a)" >dupcol.csv
expect_exit 2 "a column named twice is refused" -- "$RL" validate \
	--measurements dupcol.csv
expect_err "dupcol.csv:1: column 'value' \(17\) repeats column 'value' \(15\)" \
	"both columns named"
printf '%s\n%s\n' "$H" "$(row a 1 -5)" >neg.csv
expect_exit 2 "a negative length is refused" -- "$RL" validate \
	--measurements neg.csv
expect_err "neg.csv:2: column 'isl' \(8\): '-5' is not a number >= 0, or empty" \
	"the message gives the range"
if [ "$have_py" = 1 ]; then
	printf '%s\n%s\n%s\n' "$H" "$(row pp0 0)" "$(row big 1 1e300)" >odd.csv
	"$RL" validate --measurements odd.csv --json >odd.json
	expect_exit 0 "pp 0 is not modelled, with the reason" -- python3 -c "
import json; r={x['id']:x for x in json.load(open('odd.json'))['rows']}
assert r['pp0']['status']=='not_modelled' and 'pp not given as a whole number' in r['pp0']['reason'], r['pp0']"
	# the range check sees 1e300, not the 31 digits '%.0f' left of it
	expect_exit 0 "isl 1e300 is reported as 1e+300" -- python3 -c "
import json; r={x['id']:x for x in json.load(open('odd.json'))['rows']}
assert r['big']['status']=='not_modelled' and 'isl = 1e+300 ' in r['big']['reason'], r['big']"
fi
# a database that cannot be written: exit 2 and no report on stdout
echo 'not a database, only text, not a database, only text' >text.db
expect_exit 2 "validate --db on a text file" -- "$RL" validate \
	--measurements plain.csv --db text.db
[ ! -s "$tmpd/out" ] && echo "ok - no report printed when the database fails" ||
	{ echo "not ok - a report was printed"; fails=$((fails + 1)); }

# ---- numbers are decimal: strtod's hexadecimal ("0x10" as 16) is refused
{ echo "$H"; row a | sed 's/,1337.36,$/,0x10,/'; } >hex.csv
expect_exit 2 "a hexadecimal measured value is refused" -- "$RL" validate \
	--measurements hex.csv
expect_err "hex.csv:2: column 'value' \(15\): '0x10' is not a positive number" \
	"the hexadecimal value is named"
# chip.hbm_tbps: 0..1000 TB/s, scenario.tp: whole 1..4096 (model/params.c)
expect_exit 2 "--set with a hexadecimal number" -- "$RL" eval --chip h100-sxm \
	--model llama3-8b --set chip.hbm_tbps=0x10
expect_err "chip.hbm_tbps: '0x10' is not a number \(allowed: \[0, 1000\] TB/s\)" \
	"refused with the allowed range"
expect_exit 2 "--set nan" -- "$RL" eval --chip h100-sxm --model llama3-8b \
	--set scenario.tp=nan
expect_err "scenario.tp: value is not a finite number \(allowed: whole numbers \[1, 4096\] chips\)" \
	"nan refused with the allowed range"

# ---- INI presets
cp "$data/chips/h100-sxm.ini" chip.ini
printf '\357\273\277' >chip-bom.ini
cat "$data/chips/h100-sxm.ini" >>chip-bom.ini
"$RL" eval --chip "$PWD/chip.ini" --model llama3-8b --profile trtllm-0.15 \
	--json >a.json 2>&1
expect_exit 0 "a chip preset with a byte order mark is read" -- "$RL" eval \
	--chip "$PWD/chip-bom.ini" --model llama3-8b --profile trtllm-0.15 --json
sed 's/chip-bom/chip/' "$tmpd/out" | cmp -s - a.json &&
	echo "ok - ... as the same chip" ||
	{ echo "not ok - the byte order mark changed the chip"; fails=$((fails + 1)); }
tr '\n' '\r' <"$data/models/llama3-8b.ini" >model-cr.ini
expect_exit 2 "a model preset of CR line ends is refused" -- "$RL" eval \
	--chip h100-sxm --model "$PWD/model-cr.ini" --profile trtllm-0.15
expect_err "model-cr.ini:1: a carriage return inside the line" "the CR is named"
# a NUL byte in a preset is named by line and byte, as the CSV's is (by
# hand: '[model]' is line 1, the NUL follows 'layers = 8', 10 bytes, on
# line 2); it said 'contains a NUL byte' alone (fuzz11)
printf '[model]\nlayers = 8\0000\n' >model-nul.ini
expect_exit 2 "a model preset holding a NUL byte is refused" -- "$RL" eval \
	--chip h100-sxm --model "$PWD/model-nul.ini" --profile trtllm-0.15
expect_err "model-nul.ini:2: byte 11 of the line is a NUL byte; not a text file" \
	"the NUL byte: line 2, byte 11"
: >empty.ini
expect_exit 2 "an empty model preset is refused" -- "$RL" eval --chip h100-sxm \
	--model "$PWD/empty.ini" --profile trtllm-0.15
expect_err "empty.ini: model: not given: layers hidden heads kv_heads head_dim ffn_hidden vocab" \
	"the shape keys it lacks are named"
printf '[model]\nlayers = 80\nhidden = 8192\n' >part.ini
expect_exit 2 "a model preset giving part of its shape is refused" -- "$RL" \
	eval --chip h100-sxm --model "$PWD/part.ini" --profile trtllm-0.15
expect_err "part.ini:1: model: not given: heads kv_heads head_dim ffn_hidden vocab \(" \
	"only the missing keys are named, at [model]'s header, line 1"
printf '[preset]\nmodel = llama3-8b\n[model]\nlayers = 16\n' >named.ini
expect_exit 0 "a model preset naming a whole one" -- "$RL" eval --chip h100-sxm \
	--model "$PWD/named.ini" --profile trtllm-0.15 --json
# Llama-3 8B with 16 of its 32 layers: 8,030,261,248 parameters less 16
# layers of 218,112,000 (Q and O 4096 x 4096, K and V 4096 x 1024, MLP 3 x
# 4096 x 14336, two norms 4096) = 4,540,469,248; its FP8 KV cache 2 x 16
# layers x 8 heads x 128 = 32,768 bytes a token, half the whole model's
expect_out '"params": 4540469248,' "the named model with the file's layers: parameters by hand"
expect_out '"kv_bytes_per_token": 32768,' "and its KV bytes a token by hand"
# a last line ending in CR and no LF is a CRLF line (as in a CSV); the
# reader went back to that line for ever (timeout: a hang fails the check)
printf '[preset]\nmodel = llama3-8b\n[model]\nlayers = 16\r' >lastcr.ini
"$RL" eval --chip h100-sxm --model "$PWD/named.ini" --profile trtllm-0.15 \
	--json >named.json 2>&1
tmo=
command -v timeout >/dev/null 2>&1 && tmo="timeout 20"
expect_exit 0 "a preset whose last line ends in CR without LF is read" -- \
	$tmo "$RL" eval --chip h100-sxm --model "$PWD/lastcr.ini" \
	--profile trtllm-0.15 --json
sed 's/lastcr/named/' "$tmpd/out" | cmp -s - named.json &&
	echo "ok - ... as layers = 16 with LF" ||
	{ echo "not ok - the CR at the end changed the model"; fails=$((fails + 1)); }

# ---- reports stay UTF-8 whatever bytes an id holds
if [ "$have_py" = 1 ]; then
	printf '%s\ncaf\351\001x,%s\n' "$H" "$R" >latin.csv
	"$RL" claim --samples 0 --no-design --db l.db >/dev/null 2>&1
	expect_exit 0 "validate a Latin-1 id into a database" -- "$RL" validate \
		--measurements latin.csv --db l.db
	for out in l.html l.md; do
		expect_exit 0 "report $out" -- "$RL" report --db l.db --out "$out" \
			--no-plots
		# (reports78) the Latin-1 byte E9 and the control 01 are '?'
		# each, the one rule of a table's cell and a plot's label
		# (rl_utf8_control), where the report alone wrote U+FFFD
		expect_exit 0 "$out is valid UTF-8 with '?' for the two bytes" -- \
			python3 -c "
t=open('$out','rb').read().decode('utf-8')
assert 'caf??x' in t and '\ufffd' not in t, 'no caf??x'"
	done
else
	echo "ok - skipped: no python3 (UTF-8 checks)"
fi
# figure links to files named after --out: percent-encoded, one link each
# (a space ends a Markdown link, a ')' closes it)
if have gnuplot "figure links"; then
	"$RL" claim --samples 0 --no-design --db l.db >/dev/null 2>&1
	expect_exit 0 "report to a Markdown name with a space and parentheses" -- \
		"$RL" report --db l.db --out "a b(1).md"
	grep -q '](a%20b%281%29-factors.svg)$' "a b(1).md" && [ -s "a b(1)-factors.svg" ] &&
		echo "ok - the figure link is the file's name, encoded" ||
		{ echo "not ok - figure link: $(grep -o '](.*factors.svg)' "a b(1).md")"
		  fails=$((fails + 1)); }
fi

# ---- where a message points
# a check across fields that fails because of --set names the --set as well
# as the preset it changed (heads 64 of llama3-70b is a multiple of its 8
# kv_heads; 7 is not)
expect_exit 2 "model heads 7 by --set is refused" -- "$RL" eval --chip \
	h100-sxm --model llama3-70b --set model.heads=7
expect_err "llama3-70b\.ini with model\.heads=7: model: heads must be a multiple of kv_heads" \
	"the message names the --set beside the preset"
expect_exit 2 "a chip without links at tp 8 is refused" -- "$RL" eval --chip \
	h100-sxm --model llama3-70b --tp 8 --set chip.link_gbps=0 \
	--set model.layers=80 --set design.dies=1
expect_err "h100-sxm\.ini with chip\.link_gbps=0, design\.dies=1: chip: " \
	"a chip error names the chip's and design's --set, not the model's"
expect_exit 2 "model kv_heads 5 by --set is refused" -- "$RL" eval --chip \
	h100-sxm --model llama3-70b --set model.kv_heads=5
expect_err "llama3-70b\.ini with model\.kv_heads=5: model: heads must" \
	"kv_heads 5 by --set: named"
# a path that exists but is not a preset file is not said not to exist
expect_exit 2 "--chip /dev/null is refused" -- "$RL" eval --chip /dev/null \
	--model llama3-70b
expect_err "chip file '/dev/null' is not a preset file \(not a regular file\)" \
	"/dev/null: not a regular file, not 'does not exist'"
mkdir -p adir.ini
expect_exit 2 "--model DIR.ini is refused" -- "$RL" eval --chip h100-sxm \
	--model adir.ini
expect_err "model file 'adir.ini' is not a preset file \(a directory\)" \
	"a directory: said so"
expect_exit 2 "--chip of a missing file is refused" -- "$RL" eval --chip \
	./nope.ini --model llama3-70b
expect_err "chip file './nope.ini' does not exist" "a missing file: said so"

# ---- blanks around a number: refused alike before and after it, in a CSV
# field, a --set value and a flag (INI values are trimmed by INI syntax)
for v in ' 2048' '2048 '; do
	printf '%s\na,TensorRT-LLM,0.11.0,h100-sxm,8,llama3-70b,fp8,%s,128,8,1,max-load,,output_tokens_per_s,1337.36,\n' \
		"$H" "$v" >blank.csv
	expect_exit 2 "CSV isl '$v' is refused" -- "$RL" validate \
		--measurements blank.csv
	expect_err "blank.csv:2: column 'isl' \(8\): '$v' is not" \
		"CSV isl '$v': file, line and column named"
	expect_exit 2 "--set chip.tdp_w='$v' is refused" -- "$RL" eval --chip \
		h100-sxm --model llama3-70b --set "chip.tdp_w=$v"
	expect_err "chip.tdp_w: '$v' is not a number" "--set '$v': named"
	expect_exit 2 "--isl '$v' is refused" -- "$RL" eval --chip h100-sxm \
		--model llama3-70b --isl "$v"
	expect_exit 2 "--requests '$v' is refused" -- "$RL" eval --chip h100-sxm \
		--model llama3-70b --requests "$v"
done
printf '[preset]\nchip = h100-sxm\n[chip]\ntdp_w =   700   \n' >spaced.ini
expect_exit 0 "INI 'tdp_w =   700   ' is read (INI trims around the value)" -- \
	"$RL" eval --chip ./spaced.ini --model llama3-70b

# ---- settings stated in a row's notes and batch column: a value read in
# part would be another value ("1e9x" as 1), so a value that is not the
# whole number (or fraction) it must be makes the row not modelled, with
# the reason; a well-formed one is used
if [ "$have_py" = 1 ]; then
	# status_of BATCH NOTES: "status|reason" of a one-row file's row
	status_of() {
		printf '%s\na,TensorRT-LLM,0.11.0,h100-sxm,8,llama3-70b,fp8,2048,128,8,1,%s,,output_tokens_per_s,1337.36,"%s"\n' \
			"$H" "$1" "$2" >notes.csv
		"$RL" validate --measurements notes.csv --json 2>/dev/null |
			python3 -c 'import json,sys; r=json.load(sys.stdin)["rows"][0]; print(r["status"]+"|"+(r.get("reason") or ""))'
	}
	for n in "max_num_tokens=1e9x" "max_num_tokens=1..2" "max_num_tokens=" \
		"max_batch_size=0.5" "max_batch_size=3.7; x"; do
		key=${n%%=*}
		got=$(status_of max-load "$n")
		[ "$got" = "not_modelled|its notes give a $key that is not a whole number >= 1" ] &&
			echo "ok - notes '$n': not modelled, the key named" ||
			{ echo "not ok - notes '$n': $got"; fails=$((fails + 1)); }
	done
	got=$(status_of max-load "kv_cache_free_gpu_mem_fraction=0.99 (H100 0.9x)")
	[ "$got" = "not_modelled|its notes give a kv_cache_free_gpu_mem_fraction that is not a number in (0, 1]" ] &&
		echo "ok - notes: a chip's own KV fraction '0.9x' is not modelled" ||
		{ echo "not ok - notes KV fraction 0.9x: $got"; fails=$((fails + 1)); }
	got=$(status_of "max-load offline; num_requests=3e4x" "")
	[ "$got" = "not_modelled|its batch column gives a num_requests that is not a whole number >= 1" ] &&
		echo "ok - batch column num_requests=3e4x: not modelled" ||
		{ echo "not ok - num_requests=3e4x: $got"; fails=$((fails + 1)); }
	# a row without a notes field (15 fields) before one with notes: the
	# second row's notes are still read (the first used to drop the notes
	# column for every row after it, so its bad setting passed as ok)
	printf '%s\na,TensorRT-LLM,0.11.0,h100-sxm,8,llama3-70b,fp8,2048,128,8,1,max-load,,output_tokens_per_s,1337.36\nb,TensorRT-LLM,0.11.0,h100-sxm,8,llama3-70b,fp8,2048,128,8,1,max-load,,output_tokens_per_s,1337.36,max_num_tokens=1e9x\n' \
		"$H" >short.csv
	got=$("$RL" validate --measurements short.csv --json 2>/dev/null |
		python3 -c 'import json,sys; print(" ".join(r["id"]+":"+r["status"] for r in json.load(sys.stdin)["rows"]))')
	[ "$got" = "a:ok b:not_modelled" ] &&
		echo "ok - a short row does not hide the notes of the rows after it" ||
		{ echo "not ok - short row then notes: $got"; fails=$((fails + 1)); }
	for n in "max_num_tokens=2048, max_batch_size=64;" \
		"kv_cache_free_gpu_mem_fraction=0.99 (GH200 0.95)"; do
		got=$(status_of "max-load offline; num_requests=3000" "$n")
		[ "$got" = "ok|" ] && echo "ok - notes '$n' are read" ||
			{ echo "not ok - notes '$n': $got"; fails=$((fails + 1)); }
	done
else
	echo "ok - skipped: no python3 (notes settings)"
fi

# a --set longer than its buffer is refused, not cut (cut, the bad tail of
# "chip.tdp_w=5.000...9x" was dropped and 5 W taken, exit 0)
long=$(printf 'chip.tdp_w=5.%0600d9x' 0)
expect_exit 2 "a --set of 615 characters is refused" -- "$RL" eval --chip \
	h100-sxm --model llama3-70b --set "$long"
expect_err "615 bytes; at most 511 bytes" "the --set's length is the reason"

# a preset naming itself, or a cycle of two, is said to be one, once, not
# nine nested "FILE:LINE:" prefixes ending in "nest more than 8 deep"
printf '[preset]\nchip = ./self.ini\n' >self.ini
expect_exit 2 "a chip preset naming itself is refused" -- "$RL" eval --chip \
	./self.ini --model llama3-70b
expect_err "^rooflab eval: \./self\.ini:2: chip '\./self\.ini' is named again inside itself \(\./self\.ini: a cycle of presets\)$" \
	"the cycle is named, with one file:line"
# a chip preset holding [model] was read and then replaced by --model
# without a word: a section of another kind is refused, naming file, line
# of its header (4, counted by hand; it named the first key's, 5) and
# section
printf '[preset]\nchip = h100-sxm\n\n[model]\nlayers = 2\n' >chipmodel.ini
expect_exit 2 "a chip preset with a [model] section is refused" -- "$RL" \
	eval --chip ./chipmodel.ini --model llama3-70b
expect_err "^rooflab eval: \./chipmodel\.ini:4: section \[model\] does not belong in a chip preset: it holds \[chip\], \[design\], \[cost\], \[power\], \[preset\] and \[meta\]" \
	"file, line and section named"
printf '[model]\nlayers = 80\n\n[scenario]\ntp = 2\n' >modelscen.ini
expect_exit 2 "a model preset with a [scenario] section is refused" -- \
	"$RL" eval --chip h100-sxm --model ./modelscen.ini
expect_err "modelscen\.ini:4: section \[scenario\] does not belong in a model preset" \
	"the model preset's stray section named at its header, 4"
# with no key under it, it was passed over without a word: at its header, 3
printf '[preset]\nchip = h100-sxm\n[model]\n' >chipmodel.ini
expect_exit 2 "a chip preset with an empty [model] section is refused" -- \
	"$RL" eval --chip ./chipmodel.ini --model llama3-70b
expect_err "^rooflab eval: \./chipmodel\.ini:3: section \[model\] does not belong in a chip preset" \
	"named at its header, 3"
# a preset names in [preset] only its own kind and what it is made of (a
# chip its node); a scenario names any, read first and replaced by the
# options after it.  A chip naming a model was replaced by --model without
# a word; a model naming a chip silently replaced --chip (h100-sxm with a
# model naming b200 evaluated a B200)
# refused_preset NAME CONTENT PATTERN ARGS...: with ./p.ini holding
# CONTENT (a printf format), eval ARGS exits 2 and says PATTERN
refused_preset() {
	rp_name=$1
	rp_pattern=$3
	printf "$2" >p.ini
	shift 3
	expect_exit 2 "$rp_name" -- "$RL" eval "$@"
	expect_err "$rp_pattern" "$rp_name: file, line and key named"
}
refused_preset "a chip preset naming a model is refused beside --model" \
	'[preset]\nchip = h100-sxm\nmodel = llama3-8b\n' \
	"^rooflab eval: \./p\.ini:3: \[preset\] model = llama3-8b does not belong in a chip preset, whose \[preset\] names only chip, node \(the model comes from its own option or a scenario\)$" \
	--chip ./p.ini --model llama3-70b
expect_exit 2 "and without --model" -- "$RL" eval --chip ./p.ini
refused_preset "a model preset naming a chip is refused" \
	'[preset]\nmodel = llama3-70b\nchip = b200\n' \
	"p\.ini:3: \[preset\] chip = b200 does not belong in a model preset, whose \[preset\] names only model " \
	--chip h100-sxm --model ./p.ini
refused_preset "a chip preset naming a profile is refused" \
	'[preset]\nchip = h100-sxm\nprofile = trtllm-0.15\n' \
	"p\.ini:3: \[preset\] profile = trtllm-0\.15 does not belong in a chip preset" \
	--chip ./p.ini --model llama3-70b
printf '[preset]\nchip = h100-sxm\nnode = n4\n[chip]\ntdp_w = 600\n' >chipbase.ini
expect_exit 0 "the H100 preset itself" -- "$RL" eval --chip h100-sxm --model llama3-70b --json
cp "$tmpd/out" "$tmpd/h100base.json"
expect_exit 0 "a chip preset naming a chip and a node" -- "$RL" eval \
	--chip ./chipbase.ini --model llama3-70b --json
# the file's tdp_w = 600 over the H100's 700: the H100 at full clock draws
# more than 600 W in prefill (checked), so the file's chip holds prefill
# to 600 W by its clock (limited), and decode, under 600 W, is the H100's
if ! have python3 "the preset's tdp_w over its base's"; then :
elif python3 -c "
import json
h = json.load(open('$tmpd/h100base.json'))['power']
c = json.load(open('$tmpd/out'))['power']
assert h['prefill_watts'] > 600 and h['limited'] == 0, h
assert c['limited'] == 1 and c['prefill_clock_scale'] < 1, c
assert abs(c['prefill_watts'] / 600 - 1) < 1e-6, c
assert c['decode_watts'] == h['decode_watts'] and c['decode_clock_scale'] == 1, (c, h)
" 2>"$tmpd/err"; then
	echo "ok - the preset's tdp_w 600 holds its prefill to 600 W, decode as the H100's"
else
	echo "not ok - the chip preset's tdp_w over its base's"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
# etched-bench names llama3-70b; --model replaces it: Llama-3 8B's
# 8,030,261,248 parameters (its model card)
expect_exit 0 "a scenario naming a model, replaced by --model" -- "$RL" \
	eval --scenario etched-bench --chip h100-sxm --model llama3-8b --json
expect_out '"params": ?8030261248[,}]' "the model is --model's"
# a key a preset file gives twice: the second replaced the first without
# a word; refused naming file, line and key (the same key in a preset it
# builds on is a deliberate override, read as before)
printf '[preset]\nchip = ./chipbase.ini\n[chip]\ntdp_w = 500\n' >override.ini
expect_exit 0 "a key its base gives too is an override" -- "$RL" eval \
	--chip ./override.ini --model llama3-70b
# (the [chip] key at 5, the [preset] key at 3, counted by hand)
refused_preset "a key given twice in one preset's [chip]" \
	'[preset]\nchip = h100-sxm\n[chip]\ntdp_w = 700\ntdp_w = 500\n' \
	"^rooflab eval: \./p\.ini:5: \[chip\] tdp_w is given twice in this file \(the second would replace the first without a word\)$" \
	--chip ./p.ini --model llama3-70b
refused_preset "a key given twice in one preset's [preset]" \
	'[preset]\nchip = h100-sxm\nchip = b200\n' \
	"^rooflab eval: \./p\.ini:3: \[preset\] chip is given twice in this file \(the second would replace the first without a word\)$" \
	--chip ./p.ini --model llama3-70b
# a section given twice: the second's keys joined the first's without a
# word (a [chip] that set tdp_w, another hbm_tbps; a [preset] naming the
# chip, another the node); refused at the second header, naming the first
# (lines counted by hand)
refused_preset "a [chip] section given twice" \
	'[chip]\ntdp_w = 700\n\n[preset]\nchip = h100-sxm\n[chip]\nhbm_tbps = 4\n' \
	"^rooflab eval: \./p\.ini:6: \[chip\] is given twice in this file \(first at line 1; its keys would join or replace the first's without a word\)$" \
	--chip ./p.ini --model llama3-70b
refused_preset "a [preset] section given twice" \
	'[preset]\nchip = h100-sxm\n[preset]\nnode = n4\n' \
	"^rooflab eval: \./p\.ini:3: \[preset\] is given twice in this file \(first at line 1;" \
	--chip ./p.ini --model llama3-70b
printf '[preset]\nscenario = ./cyc-b.ini\n' >cyc-a.ini
printf '[preset]\nscenario = ./cyc-a.ini\n' >cyc-b.ini
expect_exit 2 "two scenarios naming each other are refused" -- "$RL" eval \
	--scenario ./cyc-a.ini --chip h100-sxm --model llama3-70b
expect_err "cyc-a\.ini:2: \./cyc-b\.ini:2: scenario '\./cyc-a\.ini' is named again inside itself" \
	"the two-preset cycle is named"

finish
