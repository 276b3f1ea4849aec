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
CSV
J="$tmpd/u.json"
expect_exit 0 "validate a user's file (json)" -- $RL validate --measurements "$U" --json
cp "$tmpd/out" "$J"
pyq() { python3 -c "import json,sys; d=json.load(open('$J')); r={x['id']:x for x in d['rows']}; $1"; }
if command -v python3 >/dev/null 2>&1; then
	# gpus 1 at tp 3: 1 chip cannot hold a mapping of 3 x 1; the GPU count
	# is what a user fixes first, not llama3-70b's 64 heads (ux30)
	expect_exit 0 "gpus 1, tp 3: the GPU count's reason" -- pyq "x=r['tp3-on-1']; assert 'chips = 1 is not a multiple of tp x pp = 3 x 1' in x['reason'] and 'legal tp on 1 chip: 1' in x['reason'], x"
	# gpus 3 at tp 3: the mapping fits the GPUs; 3 does not divide 64 heads
	expect_exit 0 "gpus 3, tp 3: the heads' reason" -- pyq "x=r['tp3-on-3']; assert x['reason'].startswith('engine: tp = 3 does not divide the model') and '64 attention heads' in x['reason'], x"
fi
expect_exit 0 "validate a user's file (text)" -- $RL validate --measurements "$U"
expect_out "chips = 1 is not a multiple of tp x pp = 3 x 1" "text: the GPU count's reason"

finish
