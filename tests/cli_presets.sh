#!/bin/sh
# cli_presets.sh: the chip and model presets (issue 11): every model the
# measurement table names has a preset of that exact name that evaluates,
# the chips the tables report are there, and every chip preset loads.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-.}
csv="$root/data/measurements/published-h100.csv"

expect_exit 0 "presets lists the presets" -- $RL presets chip
for c in h100-sxm h200-sxm gh200 a100-sxm a100-pcie l40s b200 gb200 mi300x mi325x; do
	expect_out "^  $c +[^ ]" "chip preset $c is listed, with a description"
done

# the model column of the table: the 6th field (the 3rd, version, may be
# quoted with a comma in it)
models=$(tail -n +2 "$csv" |
	sed -E 's/^[^,]*,[^,]*,("[^"]*"|[^,]*),[^,]*,[^,]*,([^,]*),.*/\2/' | sort -u)
[ -n "$models" ] || { echo "not ok - no models read from $csv"; exit 1; }
for m in $models; do
	expect_exit 0 "model $m of the table has a preset that evaluates" -- \
		$RL eval --chip h100-sxm --model "$m" --precision fp8 --tp 8
done

# DeepSeek-R1 (multi-head latent attention; not in the H100 tables): its
# 671 GB of FP8 weights do not fit 8 x 80 GB, they do 8 x 141 GB
expect_exit 0 "deepseek-r1 evaluates on 8 x h200-sxm" -- \
	$RL eval --chip h200-sxm --model deepseek-r1 --precision fp8 --tp 8
expect_out '^  kv_bytes_per_token_per_chip +34\.3 KiB' \
	"deepseek-r1's latent is whole on every rank: 61 x 576 bytes at FP8"
expect_exit 2 "deepseek-r1 does not fit 8 x h100-sxm at FP8" -- \
	$RL eval --chip h100-sxm --model deepseek-r1 --precision fp8 --tp 8

for f in "$root"/data/chips/*.ini; do
	c=$(basename "$f" .ini)
	# a chip with a serving software gets its calibrated profile by
	# default; the others (Sohu) must be given one
	p=""
	grep -q '^software *=' "$f" || p="--profile ideal"
	expect_exit 0 "chip preset $c evaluates" -- \
		$RL eval --chip "$c" --model llama3.1-8b --precision fp16 --tp 1 $p
done

# a description whose sentence goes on in the preset's next comment line
# ends in "...", never mid-sentence (gb200.ini's first line stops at "as
# in the"; h100-sxm.ini's is a whole sentence)
expect_exit 0 "presets chip" -- $RL presets chip
expect_out '^  gb200 +NVIDIA GB200 .*[^.]\.\.\.$' "a description cut mid-sentence ends in ..."
expect_out '^  h100-sxm +NVIDIA H100 SXM5 80 GB \(GH100 die, TSMC 4N\)\.$' "a whole sentence is left as it is"

# model lines are made from the shape, cut as the other kinds' are: at most
# 76 characters after the name (deepseek-r1's was 96, 123 in all): its
# preset's 61 layers, hidden 7168, 128 heads, latent KV 512 + rotary 64,
# 8 of 256 experts make 76 exactly; a wider shape (610 layers, 80 of 2560
# experts: 79 characters) is cut at the blank before "experts" with "..."
expect_exit 0 "presets model" -- $RL presets model
expect_out '^  deepseek-r1 +61 layers, hidden 7168, 128 heads \(latent KV 512 \+ 64\), MoE 8 of 256 experts$' \
	"deepseek-r1's shape in 76 characters"
long=$(sed -n 's/^  [^ ]*  *//p' "$tmpd/out" | awk 'length > 76')
[ -z "$long" ] && echo "ok - no model description past 76 characters" ||
	{ echo "not ok - model descriptions past 76 characters: $long"; fails=$((fails + 1)); }
mkdir -p "$tmpd/w/models"
sed -e 's/^layers = 61$/layers = 610/; s/^experts = 256$/experts = 2560/' \
	-e 's/^experts_per_token = 8$/experts_per_token = 80/' \
	"$root/data/models/deepseek-r1.ini" >"$tmpd/w/models/wide.ini"
expect_exit 0 "presets model with a wider shape" -- \
	env ROOFLAB_DATA="$tmpd/w" $RL presets model
expect_out '^  wide +610 layers, hidden 7168, 128 heads \(latent KV 512 \+ 64\), MoE 80 of 2560\.\.\.$' \
	"a model description past 76 characters cut at a word with ..."

# a preset whose name holds a blank is one preset, listed as it loads (the
# list was read back from the comma-joined names and split at the blank:
# "my" and "chip", neither of which loads)
mkdir -p "$tmpd/d/chips"
cp "$root/data/chips/h100-sxm.ini" "$tmpd/d/chips/my chip.ini"
expect_exit 0 "presets chip in a folder with 'my chip.ini'" -- env \
	ROOFLAB_DATA="$tmpd/d" $RL presets chip
expect_out '^  my chip +NVIDIA H100 SXM5' "'my chip' is one preset, described"
if grep -Eq '^  (my|chip) *$' "$tmpd/out"; then
	echo "not ok - 'my chip' listed as two presets"; fails=$((fails + 1))
else
	echo "ok - 'my chip' not split at its blank"
fi

# nothing in a description or a name reaches the terminal as a control
# character: C1 controls (U+009B, a CSI to a terminal, was passed on) and
# ESC are each a '?', tabs a blank; a description of 2-byte characters is
# cut at a whole character (it was cut at byte 38 of "a" and 100 U+00D7:
# no blank before the 73rd character, so the cut falls back to character
# 38 = byte 75, "a" and 37 of them then "...")
mkdir -p "$tmpd/u/chips"
printf '; c1: CSI \302\23331m, ESC \033[0m,\ttab.\n[chip]\n' >"$tmpd/u/chips/c1.ini"
{ printf '; wide: a'; i=0; while [ $i -lt 100 ]; do printf '\303\227'; i=$((i + 1)); done; printf '\n[chip]\n'; } >"$tmpd/u/chips/wide.ini"
printf '; E.\n[chip]\n' >"$tmpd/u/chips/$(printf 'e\033x').ini"
expect_exit 0 "presets chip with controls in a description and a name" -- \
	env ROOFLAB_DATA="$tmpd/u" $RL presets chip
expect_out '^  c1 +CSI \?31m, ESC \?\[0m, tab\.$' "controls in a description: '?', a tab a blank"
expect_out '^  e\?x {22}E\.$' "a control in a name: '?', padded to the column"
cp "$tmpd/out" "$tmpd/u.out"
if have python3 "descriptions cut at a whole character"; then
	expect_exit 0 "a description of 2-byte characters cut at a whole one" -- \
		python3 -c "import sys; t=open('$tmpd/u.out','rb').read().decode('utf-8'); assert ('  wide' + ' ' * 20 + ' a' + chr(0xd7) * 37 + '...\n') in t, t; assert not any(0x80 <= ord(ch) < 0xa0 or ch == chr(27) for ch in t), t"
fi

# a model that does not load is described by its message, which quotes the
# file: its ESC and its C1 CSI (U+009B) are each a '?' (both went out raw)
mkdir -p "$tmpd/u/models"
printf '; m\n[model]\nbo\033[31mgus\302\233x = 1\n' >"$tmpd/u/models/bad.ini"
expect_exit 0 "presets model with a model that does not load" -- \
	env ROOFLAB_DATA="$tmpd/u" $RL presets model
expect_out "^  bad +\\(does not load: .*bad\\.ini:3: .*'model\\.bo\\?\\[31mgus\\?x'" \
	"the message of a model that does not load: controls as '?'"
# and cut as the other descriptions are, within 76 characters: the message
# (its path from the data directory, which the first line names) gets
# 76 - 17 = 59 ("(does not load: " and ")" take 17), cut at the last blank
# within 59 - 3 = 56 to leave room for "...": "models/bad.ini:3: unknown
# parameter 'model.bo?[31mgus?x'" is 18 + 18 + 20 = 56, a blank after it
expect_out "^  bad {22}\\(does not load: models/bad\\.ini:3: unknown parameter 'model\\.bo\\?\\[31mgus\\?x'\\.\\.\\.\\)\$" \
	"the message of a model that does not load: cut at a word within 76 characters"
if grep -q "$(printf '\033')" "$tmpd/out"; then
	echo "not ok - an ESC reached the terminal"; fails=$((fails + 1))
else
	echo "ok - no ESC reaches the terminal"
fi

# a preset of the data directory that is no file (a directory, a FIFO, a
# link to nothing) is said to be that, not an unknown model whose name the
# list of known ones gives ("unknown model 'dir'; known: dir, ...")
mkdir -p "$tmpd/v/models/dir.ini"
dd=$(cd "${ROOFLAB_DATA:-data}" && pwd)
for k in "$dd"/*; do
	[ "${k##*/}" = models ] || ln -s "$k" "$tmpd/v/${k##*/}"
done
cp "${ROOFLAB_DATA:-data}/models/llama3-8b.ini" "$tmpd/v/models/"
mkfifo "$tmpd/v/models/fifo.ini"
ln -s nowhere.ini "$tmpd/v/models/gone.ini"
expect_exit 2 "a model preset that is a directory" -- \
	env ROOFLAB_DATA="$tmpd/v" $RL eval --chip h100-sxm --model dir
expect_err "model file '.*/models/dir\.ini' is not a preset file \(a directory\)" \
	"a model preset that is a directory: said so"
expect_exit 2 "a model preset that is a FIFO" -- \
	env ROOFLAB_DATA="$tmpd/v" $RL eval --chip h100-sxm --model fifo
expect_err "model file '.*/models/fifo\.ini' is not a preset file \(not a regular file\)" \
	"a model preset that is a FIFO: said so"
expect_exit 2 "a model preset that links to nothing" -- \
	env ROOFLAB_DATA="$tmpd/v" $RL eval --chip h100-sxm --model gone
expect_err "model file '.*/models/gone\.ini' does not exist" \
	"a model preset that links to nothing: said so"
expect_exit 0 "the other models of that directory load" -- \
	env ROOFLAB_DATA="$tmpd/v" $RL eval --chip h100-sxm --model llama3-8b
# the known models an unknown one's message gives are the files: the
# directory, the FIFO and the link to nothing were among them
expect_exit 2 "an unknown model beside them" -- \
	env ROOFLAB_DATA="$tmpd/v" $RL eval --chip h100-sxm --model nosuch
expect_err "unknown model 'nosuch'; known: llama3-8b\$" \
	"an unknown model: the known ones are the files (llama3-8b alone)"

# a model file of a name too long for a preset's (PRESET_NAME_MAX 64 with
# its NUL: 63 characters at most) is listed as one that does not load, with
# the reason, and refused by name; it was left out of the list without a
# word, and loaded by name with the name cut to 127 characters. A name of
# 63 characters is listed and loads (one of 60 or more was left out too).
long=$(printf 'm%.0s' $(seq 240))
n63=$(printf 'n%.0s' $(seq 63))
cp "${ROOFLAB_DATA:-data}/models/llama3-8b.ini" "$tmpd/v/models/$long.ini"
cp "${ROOFLAB_DATA:-data}/models/llama3-8b.ini" "$tmpd/v/models/$n63.ini"
expect_exit 0 "presets model with a file of a 240-character name" -- \
	env ROOFLAB_DATA="$tmpd/v" $RL presets model
expect_out "^  $long \(does not load: model name of 240 bytes; a preset name has at most 63 bytes\)\$" \
	"a file of a name too long for a preset is listed as not loading, with why"
expect_out "^  $n63 32 layers, hidden 4096," \
	"a model of a 63-character name is listed"
expect_exit 2 "a model named by 240 characters" -- \
	env ROOFLAB_DATA="$tmpd/v" $RL eval --chip h100-sxm --model "$long"
expect_err "model name of 240 bytes; a preset name has at most 63 bytes" \
	"a model named by 240 characters: refused, with why"
expect_exit 0 "a model named by 63 characters loads" -- \
	env ROOFLAB_DATA="$tmpd/v" $RL eval --chip h100-sxm --model "$n63"
# by path, the same file loads, but its name (less .ini) is what eval and a
# sweep record as the model's, in RL_NAME_MAX bytes with the NUL: 127
# characters at most. A longer one was cut to 127 without a word; it is
# refused, with why. One of 127 characters loads and is recorded whole.
expect_exit 2 "a model file of a 240-character name given by path" -- \
	$RL eval --chip h100-sxm --model "$tmpd/v/models/$long.ini"
expect_err "model file 'm{64}\.\.\.': its name \(less \.ini\) is 240 bytes; at most 127 bytes\$" \
	"a model file of a 240-character name by path: refused, with why"
n127=$(printf 'p%.0s' $(seq 127))
cp "${ROOFLAB_DATA:-data}/models/llama3-8b.ini" "$tmpd/$n127.ini"
expect_exit 0 "a model file of a 127-character name given by path loads" -- \
	$RL eval --chip h100-sxm --model "$tmpd/$n127.ini" --json
expect_out "^    \"model\": \"$n127\",\$" \
	"a model file of a 127-character name: its name recorded whole"
rm -f "$tmpd/$n127.ini"
# a path longer than preset_path's buffer (1,023 bytes and the NUL) was cut
# and then read as another path; it is refused, with why
cp "${ROOFLAB_DATA:-data}/models/llama3-8b.ini" "$tmpd/$n63.ini"
deep="$tmpd$(printf '/%.0s' $(seq 1100))$n63.ini"
expect_exit 2 "a model path of over 1,023 characters" -- \
	$RL eval --chip h100-sxm --model "$deep"
expect_err "is a path of [0-9]+ bytes; at most 1023 bytes\$" \
	"a model path of over 1,023 characters: refused, with why"
rm -f "$tmpd/$n63.ini"

# a file of such a name that holds ".ini" (70 characters and ".ini", then
# the file's own .ini: 74 characters less it) is listed with the same
# reason: preset_path's message was that of a path in the working directory
# ("model file '...' does not exist"), or none where the working directory
# holds that file
l74=$(printf 'k%.0s' $(seq 70)).ini
cp "${ROOFLAB_DATA:-data}/models/llama3-8b.ini" "$tmpd/v/models/$l74.ini"
: > "$tmpd/$l74"
expect_exit 0 "presets model with a file of a long name holding .ini" -- \
	sh -c "cd '$tmpd' && ROOFLAB_DATA='$tmpd/v' '$RL' presets model"
expect_out "^  $l74 \(does not load: model name of 74 bytes; a preset name has at most 63 bytes\)\$" \
	"a long name holding .ini: listed as not loading, with why"
rm -f "$tmpd/v/models/$l74.ini" "$tmpd/$l74"

# a name is a path to a file when it holds a '/' or ends in ".ini"; any
# other is a preset's. A model file x.ini.ini has no name it loads by
# ("x.ini" is a path in the working directory): it was listed as the
# preset "x.ini", which then did not load; it is listed as not loading,
# with why. A name that holds ".ini" elsewhere (y.ini-v2) is a preset's:
# it was read as a path in the working directory and did not load.
cp "${ROOFLAB_DATA:-data}/models/llama3-8b.ini" "$tmpd/v/models/x.ini.ini"
cp "${ROOFLAB_DATA:-data}/models/llama3-8b.ini" "$tmpd/v/models/y.ini-v2.ini"
expect_exit 0 "presets model with x.ini.ini and y.ini-v2.ini" -- \
	env ROOFLAB_DATA="$tmpd/v" $RL presets model
expect_out "^  x\.ini {20}\(does not load: model name ending in \.ini: a path, not a preset\)\$" \
	"x.ini.ini: listed as not loading, with why"
expect_out "^  y\.ini-v2 +32 layers, hidden 4096," \
	"y.ini-v2.ini: listed as a model"
expect_exit 0 "a model named y.ini-v2 loads from the data directory" -- \
	sh -c "cd '$tmpd' && ROOFLAB_DATA='$tmpd/v' '$RL' eval --chip h100-sxm --model y.ini-v2"
expect_exit 2 "a model named x.ini is a path in the working directory" -- \
	sh -c "cd '$tmpd' && ROOFLAB_DATA='$tmpd/v' '$RL' eval --chip h100-sxm --model x.ini"
expect_err "model file 'x\.ini' does not exist" \
	"a model named x.ini: the file of that path does not exist"
rm -f "$tmpd/v/models/x.ini.ini" "$tmpd/v/models/y.ini-v2.ini"

# a profile fitted on measurements is described by its [meta]: the
# software, calibrated (the default) or fitted (per version), and the error
# its fit recorded, read here from the file itself; a profile without
# software keeps its first comment line
d=${ROOFLAB_DATA:-data}/profiles
expect_exit 0 "presets profile" -- $RL presets profile
sw=$(sed -n 's/^software = //p' "$d/trtllm-0.13.ini")
med=$(sed -n 's/^leave_one_architecture_out = median |error| \([0-9.]*\)%.*/\1/p' "$d/trtllm-0.13.ini")
p90=$(sed -n 's/^leave_one_architecture_out = .*90th percentile \([0-9.]*\)%.*/\1/p' "$d/trtllm-0.13.ini")
line=$(grep "^  trtllm-0.13 " "$tmpd/out" | sed 's/^  trtllm-0.13  *//')
want=$(printf '%s, fitted: leave-one-arch-out median %.1f%%, p90 %.1f%%' "$sw" "$med" "$p90")
if [ -n "$sw" ] && [ "$line" = "$want" ]; then
	echo "ok - a fitted profile described by its [meta]"
else
	echo "not ok - trtllm-0.13: '$line', expected '$want'"; fails=$((fails + 1))
fi
# its [meta] leave_one_out is the error of every row left out alone, which
# validate and the fit's comment line call leave-one-row-out (it said
# leave-one-out here); the figures are validate's 3.3% / 9.4% over 16 rows
expect_out "^  trtllm-0.10              TensorRT-LLM 0.10.0, calibrated: leave-one-row-out median 3.3%, p90 9.4%\$" "the calibrated profile says so, leave-one-row-out as validate does"
expect_no_out "leave-one-out" "no profile listed as leave-one-out"
want=$(sed -n '1s/^; ideal: //p' "$d/ideal.ini" | cut -c1-30)
expect_out "^  ideal +$want" "a profile without software keeps its comment line"

# a data directory that is not there, or not a directory: presets listed
# every kind as "(none)", exit 0, and eval said "unknown profile 'ideal';
# known: (none found)", neither naming the directory
expect_exit 2 "presets with ROOFLAB_DATA not there" -- env ROOFLAB_DATA="$tmpd/nowhere" $RL presets
expect_err "^rooflab presets: data directory .*/nowhere \\(ROOFLAB_DATA\\): No such file or directory$" "names the directory and why"
: >"$tmpd/afile"
expect_exit 2 "presets with ROOFLAB_DATA a file" -- env ROOFLAB_DATA="$tmpd/afile" $RL presets chip
expect_err "data directory .*/afile \\(ROOFLAB_DATA\\): not a directory" "says it is no directory"
expect_exit 2 "eval with ROOFLAB_DATA not there" -- env ROOFLAB_DATA="$tmpd/nowhere" $RL eval --chip h100-sxm --model llama3-8b
expect_err "known: none \\(data directory .*/nowhere \\(ROOFLAB_DATA\\): No such file or directory\\)" "eval names the directory too"
# a data directory that is there but empty: area and calibrate said
# "(known: )", no names and not where they looked; eval said
# "none (in DIR)". Each now says none and the folder of that kind it read
# (DIR/chips for a chip, DIR/profiles for a profile: preset_kind_dir)
mkdir "$tmpd/emptydata"
expect_exit 2 "area with an empty data directory" -- env ROOFLAB_DATA="$tmpd/emptydata" $RL area
expect_err "^rooflab area: missing --chip NAME \\(known: none \\(no presets in .*/emptydata/chips\\)\\)$" "area says there are no chips and where it looked"
expect_exit 2 "calibrate with an empty data directory" -- env ROOFLAB_DATA="$tmpd/emptydata" $RL calibrate
expect_err "\\(known: none \\(no presets in .*/emptydata/profiles\\)\\)$" "calibrate says there are no profiles and where it looked"
expect_no_err "known: \\)" "no empty list of names"
expect_exit 2 "eval with an empty data directory" -- env ROOFLAB_DATA="$tmpd/emptydata" $RL eval --chip h100-sxm --model llama3-8b
expect_err "^rooflab eval: unknown profile 'ideal'; known: none \\(no presets in .*/emptydata/profiles\\)$" "eval the same way"
finish
