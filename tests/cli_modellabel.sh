#!/bin/sh
# cli_modellabel.sh: validate --measurements reads the model column as the
# tables and the checkpoints' repositories spell a model (config/
# modellabel.c): each spelling of Llama-3.1 8B predicts exactly what the
# preset's name does (the same row, the same preset: the same number), a
# label of no preset's model is listed unknown, and a data directory's own
# preset of a label's name is that preset, not the one the label reads as.
. "$(dirname "$0")/clilib.sh"
have python3 "cli_modellabel.sh" || finish

H=id,software,version,chip,gpus,model,precision,isl,osl,tp,pp,batch_or_concurrency,request_rate,metric,value
{
	echo "$H"
	# the preset's name, the 0.11-0.14 tables' label (published-h100.csv's
	# notes: "LLaMA v3.1 8B"), the later tables' with the checkpoint's
	# precision, NVIDIA's FP8 checkpoint, the config's repository
	# (models-more.csv), upper case; then models-more.csv's Mixtral 8x22B
	# Instruct (vocabulary 32768: no preset) and a model of no source
	i=0
	for m in llama3.1-8b 'LLaMA v3.1 8B' 'Llama 3.1 8B FP8' nvidia/Llama-3.1-8B-Instruct-FP8 \
	    meta-llama/Meta-Llama-3.1-8B LLAMA3.1-8B mistralai/Mixtral-8x22B-Instruct-v0.1 'LLaMA v4 8B'; do
		i=$((i + 1))
		echo "m$i,TensorRT-LLM,0.13.0,h200-sxm,1,$m,fp8,128,2048,1,1,,,tokens_per_s,1000"
	done
} > "$tmpd/m.csv"
expect_exit 0 "eight spellings read" -- $RL validate --measurements "$tmpd/m.csv" --json
cp "$tmpd/out" "$tmpd/m.json"
expect_exit 0 "the six of Llama-3.1 8B predict as its preset; the other two unknown" -- python3 -c "
import json
r = json.load(open('$tmpd/m.json'))['rows']
assert [x['id'] for x in r] == ['m%d' % i for i in range(1, 9)], r
assert r[0]['status'] == 'ok' and r[0]['predicted'] > 0, r[0]
for x in r[1:6]:
    assert x['status'] == 'ok' and x['predicted'] == r[0]['predicted'], x
for x, name in ((r[6], 'mistralai/Mixtral-8x22B-Instruct-v0.1'), (r[7], 'LLaMA v4 8B')):
    assert x['status'] == 'not_modelled' and x['reason'].startswith(\"unknown model '%s'\" % name), x"

# a data directory with a preset of its own named llama-3.1-8b, with half
# the layers of llama3.1-8b: a row naming it runs on it (its prediction
# differs from llama3.1-8b's), where the name would otherwise read as
# llama3.1-8b; "Llama-3.1-8B", no file's name, still does
D="$tmpd/data"
mkdir -p "$D/models"
for x in "$ROOFLAB_DATA"/*; do
	[ "$(basename "$x")" = models ] || ln -s "$x" "$D/"
done
cp "$ROOFLAB_DATA"/models/*.ini "$D/models/"
sed 's/^name = llama3\.1-8b$/name = llama-3.1-8b/; s/^layers = 32$/layers = 16/' \
	"$ROOFLAB_DATA/models/llama3.1-8b.ini" > "$D/models/llama-3.1-8b.ini"
{
	echo "$H"
	echo "a,TensorRT-LLM,0.13.0,h200-sxm,1,llama3.1-8b,fp8,128,2048,1,1,,,tokens_per_s,1000"
	echo "b,TensorRT-LLM,0.13.0,h200-sxm,1,llama-3.1-8b,fp8,128,2048,1,1,,,tokens_per_s,1000"
	echo "c,TensorRT-LLM,0.13.0,h200-sxm,1,Llama-3.1-8B,fp8,128,2048,1,1,,,tokens_per_s,1000"
} > "$tmpd/d.csv"
expect_exit 0 "a data directory's own preset" -- env ROOFLAB_DATA="$D" $RL validate --measurements "$tmpd/d.csv" --json
cp "$tmpd/out" "$tmpd/d.json"
expect_exit 0 "llama-3.1-8b is the directory's preset; Llama-3.1-8B (no file) reads as llama3.1-8b" -- python3 -c "
import json
a, b, c = json.load(open('$tmpd/d.json'))['rows']
assert a['status'] == b['status'] == c['status'] == 'ok', (a, b, c)
assert b['predicted'] != a['predicted'] and c['predicted'] == a['predicted'], (a, b, c)"
finish
