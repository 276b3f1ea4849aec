#!/bin/sh
# cli_validate.sh: rooflab validate --measurements on files with the columns
# of data/measurements/published-h100.csv: each row's own metric, the version
# table, rows not modelled kept with their reason, bad files refused (exit 2
# naming file, line and column).
. "$(dirname "$0")/clilib.sh"

H='id,software,version,chip,gpus,model,precision,isl,osl,tp,pp,batch_or_concurrency,request_rate,metric,value,notes'
V="$tmpd/versions.csv"
cat > "$V" <<CSV
software,version,profile,tokens_per_s,fitted_chip,note
T,out,trtllm-0.10,output,h100-sxm,test: tokens_per_s counts output tokens
T,tot,trtllm-0.10,total,h100-sxm,test: tokens_per_s counts all tokens
T,none,,output,h100-sxm,test: this version has no profile
T,micro,$tmpd/micro.ini,output,h100-sxm,test: microbenchmarks
CSV
cat > "$tmpd/micro.ini" <<'INI'
[profile]
eff_compute = 0.5
gemm_m_half = 8192
eff_memory = 0.8
allreduce = ring
allreduce_latency_us = 10
eff_link = 0.5
allreduce_half_mb = 4.5
allreduce_half_link_gbps = 450
INI
M="$tmpd/m.csv"
cat > "$M" <<CSV
$H
a-out,T,out,h100-sxm,8,llama3-70b,fp8,2048,128,8,1,max-load,,output_tokens_per_s,1337.36,
a-gpu,T,out,h100-sxm,8,llama3-70b,fp8,2048,128,8,1,max-load,,output_tokens_per_s_per_gpu,167.17,
a-tok,T,out,h100-sxm,8,llama3-70b,fp8,2048,128,8,1,max-load,,tokens_per_s,1337.36,
a-tot,T,tot,h100-sxm,8,llama3-70b,fp8,2048,128,8,1,max-load,,tokens_per_s,22735.12,
dep,T,out,h100-sxm,4,mixtral-8x7b,fp8,1024,1024,DEP4,1,max-load,,output_tokens_per_s_per_gpu,5000,
dep-sys,T,out,h100-sxm,4,mixtral-8x7b,fp8,1024,1024,DEP4,1,max-load,,output_tokens_per_s,20000,
dep-dense,T,out,h100-sxm,4,llama3-70b,fp8,1024,1024,DEP4,1,max-load,,output_tokens_per_s,1000,
adp,T,out,h100-sxm,4,mixtral-8x7b,fp8,1024,1024,4,1,max-load,,output_tokens_per_s,20000,PyTorch backend (MoE: enable_attention_dp)
adp-dense,T,out,h100-sxm,4,llama3-70b,fp8,1024,1024,4,1,max-load,,output_tokens_per_s,1000,PyTorch backend (MoE: enable_attention_dp)
tp4-dense,T,out,h100-sxm,4,llama3-70b,fp8,1024,1024,4,1,max-load,,output_tokens_per_s,1000,
pp2,T,out,h100-sxm,2,llama3-70b,fp8,1024,1024,1,2,max-load,,output_tokens_per_s,1000,
rate,T,out,h100-sxm,1,llama3-8b,bf16,467,256,1,1,QPS=2,2,output_tokens_per_s,498,
mlperf,T,out,h100-sxm,8,llama2-70b,fp8,,,2,1,MLPerf Offline,,tokens_per_s,24524.9,
ttft,T,out,h100-sxm,1,llama3-8b,bf16,467,256,1,1,QPS=2,,ttft_mean_s,0.06,
other,T,none,h100-sxm,1,no-such-model,fp8,128,128,1,1,max-load,,tokens_per_s,100,
h200,T,out,h200-sxm,8,llama3-70b,fp8,2048,128,8,1,max-load,,output_tokens_per_s,1800,
gemm,T,micro,h100-sxm,1,gemm 8192x8192x8192,bf16,,,1,1,,,tflops,250,
copy,T,micro,h200-sxm,1,device-to-device copy,,,,1,1,,,tb_per_s_read_plus_write,4,
badgemm,T,micro,h100-sxm,1,gemm 8192x8192,bf16,,,1,1,,,tflops,250,
CSV
expect_exit 0 "validate a published-layout file" -- $RL validate --measurements "$M" --versions "$V" --json
J="$tmpd/v.json"
cp "$tmpd/out" "$J"
pyq() { python3 -c "import json,sys; d=json.load(open('$J')); r={x['id']:x for x in d['rows']}; $1"; }
if have python3 "the --json rows, groups and cells"; then
	expect_exit 0 "json is rows, groups, cells and repeatability, in that order" -- pyq "assert list(d)==['rows','groups','cells','repeatability'], d.keys()"
	expect_exit 0 "every row is listed, none dropped" -- pyq "assert len(d['rows'])==19"
	expect_exit 0 "row keys" -- pyq "assert all(sorted(x)==sorted(['id','chip','chip_given','metric','measured','predicted','error','profile','status','set','reason','reason_kind']) for x in d['rows'])"
	# per GPU = system / gpus (8), by definition of the metric
	expect_exit 0 "per-GPU metric is the system's over 8 GPUs" -- pyq "assert abs(r['a-out']['predicted']/r['a-gpu']['predicted']-8)<1e-6"
	# output tokens_per_s is output tokens; total counts isl+osl per osl: (2048+128)/128 = 17
	expect_exit 0 "tokens_per_s as output" -- pyq "assert abs(r['a-tok']['predicted']/r['a-out']['predicted']-1)<1e-9"
	expect_exit 0 "tokens_per_s as total: x17 at 2048/128" -- pyq "assert abs(r['a-tot']['predicted']/r['a-out']['predicted']-17)<1e-6"
	expect_exit 0 "error is predicted/measured - 1" -- pyq "x=r['a-out']; assert abs(x['error']-(x['predicted']/x['measured']-1))<1e-9"
	expect_exit 0 "modelled rows: status ok, profile named" -- pyq "assert r['a-out']['status']=='ok' and r['a-out']['profile']=='trtllm-0.10' and r['a-out']['reason'] is None"
	# at a rate below capacity every request is served: 2 req/s x 256
	# output tokens = 512 output tokens/s (model/load.c, steady state)
	expect_exit 0 "rate: served at its rate" -- pyq "x=r['rate']; assert x['status']=='ok' and abs(x['predicted']-512)<1e-6, x"
	# DEP4: attention data parallel over 4 GPUs with the experts split
	# over the same 4, as eval runs tp 1, ep 4 on 4 chips; per GPU = / 4
	E=$($RL eval --chip h100-sxm --model mixtral-8x7b --profile trtllm-0.10 --set scenario.tp=1 --set scenario.ep=4 --set scenario.chips=4 --set scenario.isl=1024 --set scenario.osl=1024 --set scenario.precision=fp8 --json | python3 -c "import json,sys; print(json.load(sys.stdin)['throughput']['output_tokens_per_s'])")
	expect_exit 0 "DEP4 is tp 1, ep 4 on 4 chips" -- pyq "x=r['dep-sys']; assert x['status']=='ok' and abs(x['predicted']/$E-1)<1e-9, (x, $E)"
	expect_exit 0 "DEP4 per GPU is the system's over 4" -- pyq "assert abs(r['dep-sys']['predicted']/r['dep']['predicted']-4)<1e-9"
	# notes saying MoE models ran with enable_attention_dp (the 1.0 table):
	# a mixture of experts at tp 4 is set up as DEP4; a dense model keeps
	# its tp 4 (the same prediction as the row without the note)
	expect_exit 0 "MoE with enable_attention_dp at tp 4 is DEP4" -- pyq "x=r['adp']; assert x['status']=='ok' and abs(x['predicted']/$E-1)<1e-9, (x, $E)"
	expect_exit 0 "dense model with the note keeps tp 4" -- pyq "x=r['adp-dense']; y=r['tp4-dense']; assert x['status']=='ok' and x['predicted']==y['predicted'], (x, y)"
	# microbenchmarks with the test profile: a GEMM of 8192 rows reaches
	# 0.5 x 8192 / (8192 + 8192) = 25% of the H100's 989.4 BF16 TFLOPS =
	# 247.35 (compute-bound: its 403 MB move in 0.15 ms at 0.8 x 3.35 TB/s,
	# its 1.1 PFLOP take 4.4 ms); a copy reaches 0.8 x the H200's 4.8 TB/s
	expect_exit 0 "GEMM TFLOPS by hand" -- pyq "x=r['gemm']; assert x['status']=='ok' and abs(x['predicted']-247.35)<1e-6, x"
	expect_exit 0 "copy TB/s by hand" -- pyq "x=r['copy']; assert x['status']=='ok' and abs(x['predicted']-3.84)<1e-9, x"
	expect_exit 0 "GEMM without its three sizes: the reason" -- pyq "x=r['badgemm']; assert x['status']=='not_modelled' and 'gemm MxNxK' in x['reason'], x"
	# pp 2: two pipeline stages of tp 1 on 2 chips, as eval runs --pp 2
	P=$($RL eval --chip h100-sxm --model llama3-70b --profile trtllm-0.10 --set scenario.tp=1 --set scenario.pp=2 --set scenario.chips=2 --set scenario.isl=1024 --set scenario.osl=1024 --set scenario.precision=fp8 --json | python3 -c "import json,sys; print(json.load(sys.stdin)['throughput']['output_tokens_per_s'])")
	expect_exit 0 "pp 2 is tp 1, pp 2 on 2 chips" -- pyq "x=r['pp2']; assert x['status']=='ok' and abs(x['predicted']/$P-1)<1e-9, (x, $P)"
	for id in dep-dense mlperf ttft other; do
		expect_exit 0 "$id: not modelled with a reason" -- pyq "x=r['$id']; assert x['status']=='not_modelled' and x['reason'] and x['predicted'] is None, x"
	done
	expect_exit 0 "DEP on a dense model: the mapping's reason" -- pyq "assert 'expert' in r['dep-dense']['reason'], r['dep-dense']"
	expect_exit 0 "version without profile: the table's note" -- pyq "assert r['other']['reason']=='test: this version has no profile'"
	expect_exit 0 "groups by chip, version, model, precision" -- pyq "assert {g['by'] for g in d['groups']}=={'chip','version','model','precision','metric'}"
	# in sample (modelled, fitted chip h100-sxm): a-out a-gpu a-tok a-tot
	# dep dep-sys rate pp2; held out (modelled, h200-sxm): h200; not
	# modelled: dep-dense mlperf ttft other; a group never mixes the three
	# gemm (in sample), copy (held out), badgemm (not modelled) too.
	# (small68) A file's rows of the fitted chip are set "fitted_chip", not
	# "in_sample": no fit need have read them (the shipped rows keep
	# "in_sample"; the groups' fitted_chip is true for them either way)
	expect_exit 0 "no set of a file's rows is named in_sample" -- pyq "assert not [x for x in d['rows']+d['groups']+d['cells'] if x['set']=='in_sample']"
	expect_exit 0 "chip groups split in sample, held out, not modelled" -- pyq "c={(g['key'],g['set']):(g['rows'],g['modelled']) for g in d['groups'] if g['by']=='chip'}; assert c=={('h100-sxm','fitted_chip'):(12,12),('h200-sxm','held_out'):(2,2),('h100-sxm','not_modelled'):(5,0)}, c"
	expect_exit 0 "fitted_chip only for in-sample groups" -- pyq "assert all(g['fitted_chip']==(g['set']=='fitted_chip') for g in d['groups'])"
	# cells: chip, version, model and precision together, one set each.
	# h100-sxm, T out, llama3-70b, fp8: a-out a-gpu a-tok adp-dense
	# tp4-dense pp2 modelled (in sample); dep-dense not modelled, in a
	# cell of its own; a-tot is version T tot
	expect_exit 0 "cell keys" -- pyq "assert all(sorted(c)==sorted(['chip','version','model','precision','set','rows_of','rows','modelled','median_abs_error','p90_abs_error','median_error']) for c in d['cells'])"
	expect_exit 0 "cells split in sample and not modelled" -- pyq "c={c['set']:(c['rows'],c['modelled']) for c in d['cells'] if (c['chip'],c['version'],c['model'],c['precision'])==('h100-sxm','T out','llama3-70b','fp8')}; assert c=={'fitted_chip':(6,6),'not_modelled':(1,0)}, c"
	expect_exit 0 "held-out cells: h200 and the copy" -- pyq "c=sorted((c['version'],c['model'],c['precision'],c['rows']) for c in d['cells'] if c['set']=='held_out'); assert c==[('T micro','device-to-device copy','',1),('T out','llama3-70b','fp8',1)], c"
	expect_exit 0 "cells hold every row once, per set" -- pyq "import collections; a=collections.Counter(); b=collections.Counter(); [a.update({c['set']:c['rows']}) for c in d['cells']]; [b.update({g['set']:g['rows']}) for g in d['groups'] if g['by']=='chip']; assert a==b and sum(a.values())==19, (a, b)"
	expect_exit 0 "each row's set" -- pyq "assert [r[i]['set'] for i in ('a-out','h200','copy','pp2','gemm')]==['fitted_chip','held_out','held_out','fitted_chip','fitted_chip']"
	expect_exit 0 "not-modelled cells have no errors" -- pyq "assert all(c['median_abs_error'] is None and c['modelled']==0 for c in d['cells'] if c['set']=='not_modelled')"
fi
# --help names every key a --json row has and the exit statuses
if have python3 "--help against --json's keys"; then
	$RL validate --help > "$tmpd/help.txt"
	expect_exit 0 "validate --help names each row key of --json" -- pyq "h=' '.join(open('$tmpd/help.txt').read().split()); k=[x for x in d['rows'][0] if x not in h]; assert not k, k"
	expect_exit 0 "validate --help gives the exit statuses" -- python3 -c "h=' '.join(open('$tmpd/help.txt').read().split()); assert 'Exit 0 when every row was read' in h and 'a header and no rows' in h and '1 for an internal failure (out of memory' in h, h"
fi
expect_exit 0 "validate text" -- $RL validate --measurements "$M" --versions "$V"
expect_out "rows not modelled, by chip, version, model and precision" "text lists rows not modelled"
T="$tmpd/text"
cp "$tmpd/out" "$T"
# a profile whose fit recorded a leave-one-row-out error (trtllm-0.10: two
# architectures in its rows) has it printed as such, its figures those of
# the profile's [meta], where it had said "not recorded by its fit"
loo010=$(sed -n 's/^leave_one_out = //p' "$ROOFLAB_DATA/profiles/trtllm-0.10.ini")
expect_exit 0 "validate text, the shipped files" -- $RL validate
# the count of rows modelled says how the summary's counts make it up where
# some rows are out of sample (a borrowed profile's): the rows in sample and
# held out plus the out-of-sample rows, all modelled rows; the first line
# said "all modelled rows 1497" over "1507 of 1536 rows modelled"
a=$(sed -n 's/^in sample and held out  *\([0-9]*\) rows:.*/\1/p' "$tmpd/out")
o=$(sed -n 's/^out of sample (borrowed)  *\([0-9]*\) rows:.*/\1/p' "$tmpd/out")
m=$(sed -n 's/^\([0-9]*\) of [0-9]* rows modelled.*/\1/p' "$tmpd/out")
if [ -n "$a" ] && [ -n "$o" ] && [ -n "$m" ] && [ $((a + o)) -eq "$m" ] &&
	grep -Eq "^$m of [0-9]+ rows modelled \(all modelled rows: the $a in sample and held out and the $o out of sample\)\$" "$tmpd/out" &&
	grep -Eq "^out of sample \(borrowed\) +$o rows: .* \(apart from those in sample and held out\)\$" "$tmpd/out" &&
	! grep -q "^all modelled rows" "$tmpd/out"; then
	echo "ok - the count of rows modelled: all modelled rows, those in sample and held out and the out-of-sample rows"
else
	echo "not ok - the count of rows modelled against the summary's counts"
	grep -E "^(in sample and held out|all modelled rows|out of sample|[0-9]+ of [0-9]+ rows modelled)" "$tmpd/out" | sed 's/^/    /'
	fails=$((fails + 1))
fi
expect_out "^  trtllm-0.10 +leave-one-row-out \(its rows are too few architectures to leave one out\): $(printf '%s' "$loo010" | sed 's/[].[|()*+?^$\\]/\\&/g'); " \
	"trtllm-0.10's leave-one-row-out error printed from its profile's [meta]"
# the trust line of these rows: no profile here left an architecture out
# (trtllm-0.10 a row; micro.ini records none), and of the other chip,
# h200-sxm, h200 is a serving row and copy a microbenchmark; without the
# copy no microbenchmark (mutation testing: "1 serving rows", and "no
# row" said where a serving row but no microbenchmark is, survived).
# The line of a file's rows is the one --db stores with the run
# (validation_runs.trust), led by the words that say so, "over this file's
# rows (FILE): " (small67: report printed it as if it were the shipped
# rows'); the text under a file prints the shipped rows' line, named so
# (val31: ux30 read the fits' 2-5% as the file's)
r010=$(sed -n 's/^leave_one_out = median |error| \([0-9.]*\)%, 90th percentile \([0-9.]*\)%.*/\1% \/ \2%/p' \
	"$ROOFLAB_DATA/profiles/trtllm-0.10.ini")
trust="how far off the model is (median error / 90% of rows within): no profile records its error on model families its fit never saw (trtllm-0.10: $r010, leaving out one row at a time); on chips no fit saw:"
if have sqlite3 "the trust line validate stores"; then
	$RL validate --measurements "$M" --versions "$V" --db "$tmpd/trust1.db" >/dev/null 2>&1
	if [ -n "$r010" ] && [ "$(sqlite3 "$tmpd/trust1.db" 'select trust from validation_runs')" = "over this file's rows ($M): $trust 1 serving row, 1 microbenchmark" ]; then
		echo "ok - validate's trust line: 1 serving row, 1 microbenchmark of the other chip"
	else
		echo "not ok - validate's trust line: want 'over this file's rows ($M): $trust 1 serving row, 1 microbenchmark'"; fails=$((fails + 1))
	fi
	# and report shows it so: "as validate recorded it with this run, over
	# this file's rows (FILE): ...", not as the shipped rows' line (report
	# needs a claim run; its own stored line, NULL here as before the
	# column, would be shown instead of validate's)
	cp "$tmpd/trust1.db" "$tmpd/trustr.db"
	expect_exit 0 "a claim run beside a file's validation run" -- $RL claim --samples 200 --seed 5 --db "$tmpd/trustr.db"
	sqlite3 "$tmpd/trustr.db" "UPDATE claim_runs SET trust = NULL"
	expect_exit 0 "report of a file's validation run" -- $RL report --db "$tmpd/trustr.db" --out "$tmpd/trust1.md" --no-plots
	if grep -qF "s validate recorded it with this run, over this file's rows ($M): how far off the model is" "$tmpd/trust1.md"; then
		echo "ok - report names the stored trust line's rows: this file's"
	else
		echo "not ok - report's stored trust line does not name this file's rows"; fails=$((fails + 1))
	fi
	# (small68) the run records whose rows it is over: validation_runs.
	# rows_of 'file' (validate --json's word) and measurements_file the
	# name as given; report's first trust clause and the validation
	# section's opening name that file where both said "the published
	# measurements" (a user's own rows are not those); the claim's own
	# line, of the shipped rows (val_trust_shipped), is said to be theirs
	if [ "$(sqlite3 "$tmpd/trust1.db" "select rows_of || '|' || measurements_file from validation_runs")" = "file|$M" ]; then
		echo "ok - validate --db records the file's rows: rows_of file, measurements_file its name"
	else
		echo "not ok - validate --db does not record the file it read"; fails=$((fails + 1))
	fi
	whose="the rows of the file validate was given ($M), not the published measurements rooflab ships"
	if grep -qF "In short, the model's throughput misses $whose, by a median " "$tmpd/trust1.md" &&
		grep -qF -- "- How far to trust the model: the model's throughput misses $whose, by a median " "$tmpd/trust1.md" &&
		grep -qF "How far the model's throughput is from $whose (each row served by its software version's profile; " "$tmpd/trust1.md" &&
		! grep -q "published measurements by a median" "$tmpd/trust1.md"; then
		echo "ok - report's trust clause and validation section name the file's rows"
	else
		echo "not ok - report says the file's figures are the published measurements'"
		grep -E "misses|throughput is from" "$tmpd/trust1.md" | sed 's/^/    /'; fails=$((fails + 1))
	fi
	# and the validation section's groups and rows: a file's rows of the
	# fitted chip are not called in-sample, "the fit's own data" (the fit
	# need not have read them; validate --json's fitted_chip)
	if grep -qF "Rows of the fitted chip are of the chip a version's profile was fitted on; these are rows of the file validate was given, which the fit need not have read" "$tmpd/trust1.md" &&
		grep -qxF "The fitted chip (the file's rows, not necessarily the fit's):" "$tmpd/trust1.md" &&
		grep -q "^| a-out | h100-sxm | .* | fitted chip (file's row) |\$" "$tmpd/trust1.md" &&
		! grep -qiE "in-sample|reproduces its own data" "$tmpd/trust1.md"; then
		echo "ok - report's groups and rows of a file's run: the fitted chip, not in-sample"
	else
		echo "not ok - report calls a file's rows in-sample"; grep -inE "in-sample|fitted chip" "$tmpd/trust1.md" | head -5 | sed 's/^/    /'; fails=$((fails + 1))
	fi
	# a file of the fitted chip's rows alone (h200 and copy left out): all
	# 12 pooled rows fitted on, which the shipped rows' words call "mostly
	# a fit"; a file's rows need not be the fit's, so neither that nor "these
	# errors measure the fit" under no held-out rows
	grep -v '^h200,\|^copy,' "$M" >"$tmpd/fitonly.csv"
	$RL validate --measurements "$tmpd/fitonly.csv" --versions "$V" --db "$tmpd/fitonly.db" >/dev/null 2>&1
	$RL claim --samples 200 --seed 5 --db "$tmpd/fitonly.db" >/dev/null 2>&1
	expect_exit 0 "report of a file's run of fitted-chip rows alone" -- $RL report --db "$tmpd/fitonly.db" --out "$tmpd/fitonly.md" --no-plots
	if grep -qF "over 12 rows, 12 of them of the chip and software its profiles were fitted on (the validation section)." "$tmpd/fitonly.md" &&
		grep -qF "No held-out rows: every row modelled here is of a chip its profile was fitted on, rows of the file validate was given, which the fit need not have read." "$tmpd/fitonly.md" &&
		! grep -qE "mostly a fit|measure the fit" "$tmpd/fitonly.md"; then
		echo "ok - a file's fitted-chip rows are not called a fit"
	else
		echo "not ok - a file's fitted-chip rows called a fit"; grep -E "over 12 rows|No held-out" "$tmpd/fitonly.md" | sed 's/^/    /'; fails=$((fails + 1))
	fi
	# and a file of the held-out rows alone (h200 and copy): no row of the
	# fitted chip, said in those words under its heading, "The fitted chip
	# (the file's rows, ...)", where it said "No in-sample rows in this run."
	{ head -1 "$M"; grep '^h200,\|^copy,' "$M"; } >"$tmpd/heldonly.csv"
	$RL validate --measurements "$tmpd/heldonly.csv" --versions "$V" --db "$tmpd/heldonly.db" >/dev/null 2>&1
	expect_exit 0 "report of a file's run of held-out rows alone" -- $RL report --db "$tmpd/heldonly.db" --out "$tmpd/heldonly.md" --no-plots
	if grep -qxF "_No rows of the fitted chip in this run._" "$tmpd/heldonly.md" &&
		grep -qF "| h200 | h200-sxm |" "$tmpd/heldonly.md" &&
		! grep -qi "in-sample" "$tmpd/heldonly.md"; then
		echo "ok - a file's run of no fitted-chip row: not called in-sample"
	else
		echo "not ok - a file's run of no fitted-chip row called in-sample"; grep -inE "in-sample|fitted chip in" "$tmpd/heldonly.md" | sed 's/^/    /'; fails=$((fails + 1))
	fi
	cp "$tmpd/trust1.db" "$tmpd/trustc.db"
	expect_exit 0 "a claim run with its own trust line beside a file's validation run" -- $RL claim --samples 200 --seed 5 --db "$tmpd/trustc.db"
	expect_exit 0 "report of it" -- $RL report --db "$tmpd/trustc.db" --out "$tmpd/trustc.md" --no-plots
	expect_exit 0 "the claim's line beside a file's run is said to be the shipped rows'" -- \
		grep -qF -- "- As the claim recorded it with its run, over the shipped rows: how far off the model is" "$tmpd/trustc.md"
	# a run written before the columns (dropped here): not recorded, said
	# so, never taken for the shipped rows or a file's
	cp "$tmpd/trustc.db" "$tmpd/trusto.db"
	sqlite3 "$tmpd/trusto.db" "ALTER TABLE validation_runs DROP COLUMN measurements_file; ALTER TABLE validation_runs DROP COLUMN rows_of"
	expect_exit 0 "report of a validation run from before rows_of" -- $RL report --db "$tmpd/trusto.db" --out "$tmpd/trusto.md" --no-plots
	if grep -qF "In short, the model's throughput misses this validation run's measurements (rows not recorded: the run was written before rooflab stored whether validate read the shipped published measurements or a file of its own) by a median " "$tmpd/trusto.md" &&
		! grep -qF "$M" "$tmpd/trusto.md" &&
		grep -qF -- "- As the claim recorded it with its run, over the shipped rows: " "$tmpd/trusto.md"; then
		echo "ok - an old run's rows: not recorded"
	else
		echo "not ok - an old run's rows are not said to be unrecorded"; fails=$((fails + 1))
	fi
	# what validate never writes there fails the report (exit 2), naming
	# the column and run: a word of neither kind, or a file's run with no name
	for c in "rows_of = 'mine'|validation_runs\.rows_of of validation run 1 holds other text, where rooflab validate writes 'shipped' or 'file'" \
		"measurements_file = NULL|validation_runs\.measurements_file of validation run 1 holds NULL beside rows_of 'file', where rooflab validate writes the file's name"; do
		cp "$tmpd/trustc.db" "$tmpd/trustb.db"
		sqlite3 "$tmpd/trustb.db" "UPDATE validation_runs SET ${c%%|*}"
		expect_exit 2 "report of validation_runs.${c%%|*}" -- $RL report --db "$tmpd/trustb.db" --out "$tmpd/trustb.md" --no-plots
		expect_err "trustb\.db: cannot read: ${c#*|}" "the report names validation_runs.${c%%|*}"
	done
	# a name holding a newline and an escape: stored as given (bound:
	# its bytes back from the table), printed with each as '?'
	odd=$(printf 'o\nd\033[1md.csv')
	cp "$M" "$tmpd/$odd"
	expect_exit 0 "validate --db of a file whose name holds a newline and ESC" -- $RL validate --measurements "$tmpd/$odd" --versions "$V" --db "$tmpd/trusto2.db"
	if [ "$(sqlite3 "$tmpd/trusto2.db" "select hex(measurements_file) from validation_runs")" = "$(printf '%s' "$tmpd/$odd" | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" ]; then
		echo "ok - the odd name is stored byte for byte"
	else
		echo "not ok - the odd name is not stored as given"; fails=$((fails + 1))
	fi
	$RL claim --samples 200 --seed 5 --db "$tmpd/trusto2.db" >/dev/null 2>&1
	expect_exit 0 "report of the odd name's run" -- $RL report --db "$tmpd/trusto2.db" --out "$tmpd/trusto2.md" --no-plots
	if grep -qF "the rows of the file validate was given ($tmpd/o?d?\\[1md.csv), not" "$tmpd/trusto2.md" &&
		! grep -q "$(printf '\033')" "$tmpd/trusto2.md"; then
		echo "ok - the odd name in the report: newline and ESC as '?'"
	else
		echo "not ok - the odd name in the report"; grep -a "file validate was given" "$tmpd/trusto2.md" | head -2 | cat -A | sed 's/^/    /'; fails=$((fails + 1))
	fi
	grep -v '^copy,' "$M" >"$tmpd/nocopy.csv"
	expect_exit 0 "validate without the copy" -- $RL validate --measurements "$tmpd/nocopy.csv" --versions "$V" --db "$tmpd/trust2.db"
	if [ "$(sqlite3 "$tmpd/trust2.db" 'select trust from validation_runs')" = "over this file's rows ($tmpd/nocopy.csv): $trust 1 serving row, 0 microbenchmarks" ]; then
		echo "ok - validate's trust line: a serving row and no microbenchmark"
	else
		echo "not ok - validate's trust line: want 'over this file's rows ($tmpd/nocopy.csv): $trust 1 serving row, 0 microbenchmarks'"; fails=$((fails + 1))
	fi
fi
cp "$T" "$tmpd/out"
# the held-out summary says what it is over: of the modelled h200-sxm
# rows, h200 is a serving row and copy a microbenchmark
expect_out "^held-out chips +2 rows: median .* \(1 serving, 1 microbenchmark\)\$" \
	"held-out summary: serving and microbenchmark rows counted apart"
# the version without a profile: one group of one row, labelled, with the
# table's note as its reason on the next line
expect_out "^  h100-sxm +T none +no-such-model +fp8 +1 row\$" "not modelled: chip, version, model, precision, count"
expect_exit 0 "the reason follows its group" -- sh -c "grep -A1 'T none  *no-such-model' '$T' | grep -q 'test: this version has no profile'"
# each row labelled, then its metric named (the unit of its measured and
# model values: a TTFT of 0.021 s read "0.0" without it, at one decimal)
expect_exit 0 "held-out row labelled" -- grep -Eq '^h200 .*  \(held out\) +[a-z_]+$' "$T"
# the mapping column as the tables write it: tp, tp/pp, DEPn
expect_exit 0 "tp/pp column: pp2 is 1/2" -- grep -Eq '^pp2 +h100-sxm +llama3-70b +fp8 +1024 +1024 +1/2 ' "$T"
expect_exit 0 "tp/pp column: DEP4 as written" -- grep -Eq '^dep +h100-sxm +mixtral-8x7b +fp8 +1024 +1024 +DEP4 ' "$T"
expect_exit 0 "tp/pp column: tp 8" -- grep -Eq '^a-out +h100-sxm +llama3-70b +fp8 +2048 +128 +8 ' "$T"
# DEP4 over 2 pipeline stages (8 GPUs) keeps its pp: it read 'DEP4', as a
# row of one stage does
printf '%s\n%s\n' "$H" 'dep-pp2,T,out,h100-sxm,8,mixtral-8x7b,fp8,1024,1024,DEP4,2,max-load,,output_tokens_per_s,20000,' > "$tmpd/deppp.csv"
expect_exit 0 "validate DEP4 with pp 2" -- $RL validate --measurements "$tmpd/deppp.csv" --versions "$V"
expect_out '^dep-pp2 +h100-sxm +mixtral-8x7b +fp8 +1024 +1024 +DEP4/2 ' "tp/pp column: DEP4 with pp 2 is DEP4/2"
# and within its column: 'DEP4/2' is 6 characters, and the column was 5
# wide, so it ended one past the header's 'tp/pp' and pushed the row's
# measured and model values one to the right of theirs
ends=$(awk '/^row / { h = index($0, " tp/pp ") + 6 }
	/^dep-pp2 / { r = index($0, " DEP4/2 ") + 7 } END { print h, r }' "$tmpd/out")
set -- $ends
if [ "${1:-0}" -gt 6 ] && [ "$1" = "${2:-}" ]; then
	echo "ok - DEP4/2 ends where the header's tp/pp does (column $1)"
else
	echo "not ok - DEP4/2 ends at column ${2:-?}, the header's tp/pp at ${1:-?}"
	fails=$((fails + 1))
fi
expect_exit 0 "in-sample row labelled" -- grep -Eq '^a-out .*  \(fitted chip\)  [a-z_]+$' "$T"
# each profile's fixed time of one all-reduce at tp 2/4/8 on its fitted chip,
# by hand for the micro profile on h100-sxm (link 450 GB/s one way, 1 us a
# step, a switch: the bandwidth is the same at every n): B = 0.5 x 450 =
# 225 GB/s, S_half / B = 4.5 MB / 225 GB/s = 20 us; the ring moves 2(n-1)/n
# S in 2(n-1) steps: S_half / B x 1, 1.5, 1.75 = 20, 30, 35 us, and in all
# 10 + 2 + 20 = 32, 10 + 6 + 30 = 46, 10 + 14 + 35 = 59 us
# (in words: "of it S_half/B, the half-bandwidth size's time" was read by
# no one who had not read model/comm.c; ux32's walk)
expect_exit 0 "all-reduce fixed time per profile" -- grep -Eq 'micro\.ini +not recorded by its fit; fixed 32/46/59 us an all-reduce \(of it 20/30/35 us the bandwidth.s ramp-up, profile\.allreduce_half_mb\)$' "$T"
expect_exit 1 "no S_half/B jargon in validate's text" -- grep -q 'S_half' "$T"
# the header above those lines says what the fixed time and the ramp-up are
expect_exit 0 "the ramp-up said in words above the lines" -- grep -Eq '^and the ramp-up \(a message of profile\.allreduce_half_mb reaches half the bandwidth:$' "$T"
# the held-out table holds h200-sxm only: h100 rows not modelled are not in it
expect_exit 0 "held-out groups: the other chip only" -- sh -c "sed -n '/(held out):\$/,/^\$/p' '$T' | grep '^  chip' | grep -v h200-sxm | grep -q . && exit 1 || exit 0"
expect_exit 0 "held-out groups: h200-sxm there" -- sh -c "sed -n '/(held out):\$/,/^\$/p' '$T' | grep -q '^  chip  *h200-sxm  *2 '"
# held out per chip, version, model and precision together: the h200 row
# (T out, llama3-70b, fp8) and the copy (T micro, no precision), one each
expect_exit 0 "held-out cells: chip, version, model, precision" -- sh -c "sed -n '/^held-out rows by chip, version, model and precision:\$/,/^\$/p' '$T' | grep -Eq '^  h200-sxm +T out +llama3-70b +fp8 +1 '"
expect_exit 0 "held-out cells: the copy without a precision" -- sh -c "sed -n '/^held-out rows by chip, version, model and precision:\$/,/^\$/p' '$T' | grep -Eq '^  h200-sxm +T micro +device-to-device copy +- +1 '"
expect_exit 0 "held-out cells: no in-sample chip" -- sh -c "sed -n '/^held-out rows by chip, version, model and precision:\$/,/^\$/p' '$T' | grep -q '^  h100-sxm' && exit 1 || exit 0"

# one cell's statistics by hand: four held-out h200 rows of one
# configuration measured 1, 2, 4 and 8 tokens/s, so each predicts the same
# P and the errors are P/m - 1, all positive.  Sorted |e|: P/8-1, P/4-1,
# P/2-1, P-1; median ((P/4-1)+(P/2-1))/2 = 3P/8 - 1; 90th percentile at
# 0.9 x 3 = 2.7 between the third and fourth: P/2-1 + 0.7 P/2 = 0.85 P - 1;
# the signed median is the median.  The h100 row of the same version,
# model and precision is in sample: a cell of its own.
C="$tmpd/cell.csv"
{
	echo "$H"
	for m in 1 2 4 8; do
		echo "c$m,T,out,h200-sxm,1,llama3-8b,fp8,128,128,1,1,max-load,,output_tokens_per_s,$m,"
	done
	echo "c-in,T,out,h100-sxm,1,llama3-8b,fp8,128,128,1,1,max-load,,output_tokens_per_s,3,"
} > "$C"
expect_exit 0 "validate four rows of one cell" -- $RL validate --measurements "$C" --versions "$V" --json
cp "$tmpd/out" "$J"
if have python3 "one cell's four rows in --json"; then
	cq() { pyq "P=r['c1']['predicted']; assert all(r['c%d'%m]['predicted']==P for m in (2,4,8)); c=[c for c in d['cells'] if c['set']=='held_out']; assert len(c)==1, c; c=c[0]; $1"; }
	expect_exit 0 "the cell holds the four held-out rows" -- cq "assert (c['chip'],c['version'],c['model'],c['precision'],c['rows'],c['modelled'])==('h200-sxm','T out','llama3-8b','fp8',4,4), c"
	expect_exit 0 "cell median |error| = 3P/8 - 1" -- cq "assert abs(c['median_abs_error']-(3*P/8-1))<1e-9*P, (c, P)"
	expect_exit 0 "cell p90 |error| = 0.85P - 1" -- cq "assert abs(c['p90_abs_error']-(0.85*P-1))<1e-9*P, (c, P)"
	expect_exit 0 "cell signed median = 3P/8 - 1" -- cq "assert abs(c['median_error']-(3*P/8-1))<1e-9*P, (c, P)"
	expect_exit 0 "the in-sample row: a cell of one" -- pyq "c=[(c['chip'],c['rows']) for c in d['cells'] if c['set']=='fitted_chip']; assert c==[('h100-sxm',1)], c"
fi

# hostile names: quotes, backslashes, control characters and bytes that
# are not UTF-8 in the id, the version, the precision and the metric; the
# JSON stays valid UTF-8 (each such byte one U+FFFD, as docs/validation.md says),
# control characters escaped, the rest as written (an e-acute too)
HV="$tmpd/hversions.csv"
HM="$tmpd/hostile.csv"
hver='"v""\\\001\033\377\300\200\355\240\200\303\251"'
{
	printf 'software,version,profile,tokens_per_s,fitted_chip,note\n'
	printf "T,$hver,trtllm-0.10,output,h100-sxm,test: hostile version\n"
} > "$HV"
{
	echo "$H"
	printf '"a""b\\c\td\001",T,'"$hver"',h100-sxm,1,llama3-8b,fp8,128,128,1,1,max-load,,output_tokens_per_s,1000,\n'
	printf 'p,T,'"$hver"',h100-sxm,1,llama3-8b,"fp""8\\\377",128,128,1,1,max-load,,output_tokens_per_s,1000,\n'
	printf 'm,T,'"$hver"',h100-sxm,1,llama3-8b,fp8,128,128,1,1,max-load,,"tok\001ens\377",1000,\n'
} > "$HM"
expect_exit 0 "validate hostile names" -- $RL validate --measurements "$HM" --versions "$HV" --json
cp "$tmpd/out" "$J"
if have python3 "hostile names in --json"; then
	# strict: the bytes must decode as UTF-8 and the strings hold no raw
	# control character (json's strict mode refuses one)
	hq() { python3 -c "import json; d=json.loads(open('$J','rb').read().decode('utf-8')); r={x['id']:x for x in d['rows']}; ver='T v\"\\\\\x01\x1b'+'\ufffd'*6+'\u00e9'; $1"; }
	expect_exit 0 "hostile: the JSON is valid UTF-8" -- hq "assert len(d['rows'])==3"
	expect_exit 0 "hostile: the id as written" -- hq "assert 'a\"b\\\\c\td\x01' in r, list(r)"
	expect_exit 0 "hostile: the version key, bad bytes replaced" -- hq "v={g['key'] for g in d['groups'] if g['by']=='version'}; assert v=={ver}, v; assert {c['version'] for c in d['cells']}=={ver}"
	expect_exit 0 "hostile: the precision in its reason and its cell" -- hq "x=r['p']; assert x['status']=='not_modelled' and 'fp\"8\\\\\ufffd' in x['reason'], x; assert 'fp\"8\\\\\ufffd' in {c['precision'] for c in d['cells']}"
	expect_exit 0 "hostile: the metric" -- hq "x=r['m']; assert x['metric']=='tok\x01ens\ufffd' and x['status']=='not_modelled', x"
fi
expect_exit 0 "validate hostile names, text" -- $RL validate --measurements "$HM" --versions "$HV"
# the table reaches a terminal: no control byte of the file (the \001 of
# the id and metric, the ESC \033 of the version) is printed as itself,
# each is a '?' (the id a"b\c<TAB>d\001 is shown a"b\c?d?)
if LC_ALL=C tr -d '\n' <"$tmpd/out" | LC_ALL=C grep -q '[[:cntrl:]]'; then
	echo "not ok - hostile text: a control byte reaches the terminal"
	fails=$((fails + 1))
else
	echo "ok - hostile text: no control byte reaches the terminal"
fi
expect_out 'a"b\\c\?d\?' "hostile text: the id with '?' for its tab and its byte 1"
# C1 controls reach a terminal too (CSI, U+009B, is ESC [ to it; a raw
# 0x9b byte is CSI to an 8-bit one) and so do bytes that are no UTF-8: each
# a '?', the well-formed e-acute kept (the id c\233 31m\302\233 32m\303\251\377
# is shown c?31m?32m\303\251?)
{
	echo "$H"
	printf 'c\23331m\302\23332m\303\251\377,T,out,h100-sxm,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,1,\n'
} > "$tmpd/c1.csv"
expect_exit 0 "validate C1 controls, text" -- $RL validate --measurements "$tmpd/c1.csv" --versions "$V"
cp "$tmpd/out" "$tmpd/c1.txt"
if have python3 "C1 controls in the text"; then
	expect_exit 0 "C1 text: valid UTF-8, no control character, the id shown" -- python3 -c "
t=open('$tmpd/c1.txt','rb').read().decode('utf-8')
assert not [c for c in t if c != '\n' and (ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0)], t
assert 'c?31m?32m\u00e9?' in t, t"
fi

# bad files: exit 2 naming file, line and column
bad() { # name, line to add, expected message
	printf '%s\n%s\n' "$H" "$2" > "$tmpd/bad.csv"
	expect_exit 2 "$1" -- $RL validate --measurements "$tmpd/bad.csv" --versions "$V"
	expect_err "$3" "$1: message"
}
# rows naming an unknown model, chip or version: listed, not modelled,
# with the reason; the file's other rows still run
printf '%s\n%s\n%s\n%s\n%s\n%s\n' "$H" \
	"m,T,out,h100-sxm,1,no-such-model,fp8,128,128,1,1,,,output_tokens_per_s,1," \
	"c,T,out,no-chip,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,1," \
	"v,T,9.9,h100-sxm,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,1," \
	"k,T,out,h100-sxm,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,1," \
	"s,U,out,h100-sxm,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,1," > "$tmpd/unk.csv"
expect_exit 0 "unknown names: not an input error" -- $RL validate --measurements "$tmpd/unk.csv" --versions "$V"
expect_out "no-such-model" "unknown names: listed in the text"
if have python3 "unknown names in --json"; then
	$RL validate --measurements "$tmpd/unk.csv" --versions "$V" --json > "$tmpd/unk.json"
	uq() { python3 -c "import json; r={x['id']:x for x in json.load(open('$tmpd/unk.json'))['rows']}; $1"; }
	expect_exit 0 "unknown model: not modelled, the reason" -- uq "x=r['m']; assert x['status']=='not_modelled' and \"unknown model 'no-such-model'\" in x['reason'], x"
	expect_exit 0 "unknown chip: not modelled, the reason and the presets" -- uq "x=r['c']; assert x['status']=='not_modelled' and \"unknown chip 'no-chip'\" in x['reason'] and 'h200-sxm' in x['reason'], x"
	expect_exit 0 "version without profile: not modelled, the reason" -- uq "x=r['v']; assert x['status']=='not_modelled' and \"software 'T' version 9.9 has no profile\" in x['reason'], x"
	expect_exit 0 "unknown names: the known row runs" -- uq "assert r['k']['status']=='ok', r['k']"
	# the spellings to use: T's versions with a profile in table order
	# (none has no profile, so it is not offered); for software the table
	# does not have, the software with a profile (T, once, with its count
	# of versions with one: out, tot and micro, 3)
	expect_exit 0 "version without profile: T's versions offered" -- uq "x=r['v']; assert x['reason'].endswith('(data/profiles/versions.csv); versions with one: out, tot, micro'), x"
	expect_exit 0 "software not in the table: the software offered" -- uq "x=r['s']; assert x['status']=='not_modelled' and x['reason']==\"software 'U' version out has no profile in the version table (data/profiles/versions.csv); software with one: T (3 versions)\", x"
	# the kind of each reason: the four unknown names apart from the rest
	expect_exit 0 "reason_kind of unknown names" -- uq "k={i:r[i]['reason_kind'] for i in r}; assert k=={'m':'unknown_model','c':'unknown_chip','v':'unknown_version','s':'unknown_software','k':None}, k"
fi
# --strict: rows naming a chip or model without a preset, or a software or
# version the table lacks, are bad input (exit 2, no report); a row not
# modelled for another reason (lengths not given, as MLPerf's; the table's
# note) is not.  Line 3 names chip h100x (column 4), line 5 model
# llama9-70b (column 6); line 4 is MLPerf-like, line 6 a version the
# table lists without a profile.
printf '%s\n%s\n%s\n%s\n%s\n%s\n' "$H" \
	"k,T,out,h100-sxm,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,1," \
	"c,T,out,h100x,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,1," \
	"mlperf,T,out,h100-sxm,8,llama2-70b,fp8,,,2,1,MLPerf Offline,,tokens_per_s,24524.9," \
	"m,T,out,h100-sxm,1,llama9-70b,fp8,128,128,1,1,,,output_tokens_per_s,1," \
	"n,T,none,h100-sxm,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,1," > "$tmpd/st.csv"
expect_exit 0 "--strict off: unknown names listed, exit 0" -- $RL validate --measurements "$tmpd/st.csv" --versions "$V"
expect_out "^  h100x +T out +llama3-8b +fp8 +1 row\$" "--strict off: the unknown chip's row listed"
expect_out "^  h100-sxm +T out +llama9-70b +fp8 +1 row\$" "--strict off: the unknown model's row listed"
expect_out "^  h100-sxm +T out +llama2-70b +fp8 +1 row\$" "--strict off: the MLPerf-like row listed"
# the presets offered: the .ini files of the data directory, by name
presets() { (cd "$ROOFLAB_DATA/$1" && ls -- *.ini) | sed 's/\.ini$//' | LC_ALL=C sort | awk '{ printf "%s%s", (NR > 1 ? ", " : ""), $0 }'; }
expect_exit 2 "--strict: unknown names are bad input" -- $RL validate --measurements "$tmpd/st.csv" --versions "$V" --strict
cp "$tmpd/out" "$tmpd/st.out"; cp "$tmpd/err" "$tmpd/st.err"
printf '%s\n%s\n' \
	"rooflab validate: $tmpd/st.csv:3: column 'chip' (4): no preset 'h100x' (presets: $(presets chips))" \
	"rooflab validate: $tmpd/st.csv:5: column 'model' (6): no preset 'llama9-70b' (presets: $(presets models))" > "$tmpd/st.want"
expect_exit 0 "--strict: lines 3 and 5, their columns, nothing of lines 4 and 6" -- cmp "$tmpd/st.want" "$tmpd/st.err"
expect_exit 0 "--strict: no report" -- test ! -s "$tmpd/st.out"
expect_exit 2 "--strict --json: unknown names are bad input" -- $RL validate --measurements "$tmpd/st.csv" --versions "$V" --strict --json
cp "$tmpd/out" "$tmpd/st.out"; cp "$tmpd/err" "$tmpd/st.err"
expect_exit 0 "--strict --json: no JSON, the same lines" -- sh -c "test ! -s '$tmpd/st.out' && cmp '$tmpd/st.want' '$tmpd/st.err'"
# a software and a version the table lacks: the column and the reason,
# which offers the table's spellings
printf '%s\n%s\n%s\n' "$H" \
	"v,T,9.9,h100-sxm,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,1," \
	"s,U,out,h100-sxm,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,1," > "$tmpd/stv.csv"
expect_exit 2 "--strict: a version and a software the table lacks" -- $RL validate --measurements "$tmpd/stv.csv" --versions "$V" --strict
cp "$tmpd/err" "$tmpd/st.err"
printf '%s\n%s\n' \
	"rooflab validate: $tmpd/stv.csv:2: column 'version' (3): software 'T' version 9.9 has no profile in the version table (data/profiles/versions.csv); versions with one: out, tot, micro" \
	"rooflab validate: $tmpd/stv.csv:3: column 'software' (2): software 'U' version out has no profile in the version table (data/profiles/versions.csv); software with one: T (3 versions)" > "$tmpd/stv.want"
expect_exit 0 "--strict: the version's and the software's columns" -- cmp "$tmpd/stv.want" "$tmpd/st.err"
# a precision spelling nothing here has (fp9: none of measure.c's
# spellings) is an unknown name too, in column 7 of $H; and a row whose
# reason is another (here the precision's) is still named for its unknown
# chip (column 4): line 3's 'nochip' passed --strict behind its fp9
printf '%s\n%s\n%s\n' "$H" \
	"p,T,out,h100-sxm,1,llama3-8b,fp9,128,128,1,1,,,output_tokens_per_s,1," \
	"q,T,out,nochip,1,llama3-8b,fp9,128,128,1,1,,,output_tokens_per_s,1," > "$tmpd/stp.csv"
expect_exit 0 "an unknown precision: not modelled, without --strict" -- $RL validate --measurements "$tmpd/stp.csv" --versions "$V"
expect_exit 2 "--strict: an unknown precision, and a chip behind it" -- $RL validate --measurements "$tmpd/stp.csv" --versions "$V" --strict
expect_err "^rooflab validate: $tmpd/stp\.csv:2: column 'precision' \(7\): precision 'fp9' is none of fp4 \(nvfp4\), fp8, fp16 \(mixed\), bf16, fp32$" "line 2: the precision's column"
expect_err "^rooflab validate: $tmpd/stp\.csv:3: column 'chip' \(4\): no preset 'nochip' " "line 3: the chip behind its precision"
expect_err "^rooflab validate: $tmpd/stp\.csv:3: column 'precision' \(7\): " "line 3: and its precision"
expect_no_out "." "--strict: no report"
# (review55) so too a row not modelled for its shape, 17 fields under the
# 16 of $H whose value ('abc') is no number, so no joined notes: its
# chip 'nochip' was named, its precision 'fp9' passed --strict (it was
# looked up only for rows read whole)
printf '%s\n%s\n' "$H" \
	"o,T,out,h100-sxm,1,llama3-8b,fp9,128,128,1,1,,,output_tokens_per_s,abc,x,y" > "$tmpd/sto.csv"
expect_exit 2 "--strict: an unknown precision on a row of too many fields" -- $RL validate --measurements "$tmpd/sto.csv" --versions "$V" --strict
expect_err "^rooflab validate: $tmpd/sto\.csv:2: column 'precision' \(7\): precision 'fp9' is none of " "line 2: the precision's column"
# a row with more than one unknown name is named for each, its first
# reason's first: line 2 an unknown chip (column 4) and model (column 6),
# line 3 an unknown version (column 3), chip and model, where only the
# first was named and a second run found the next
printf '%s\n%s\n%s\n' "$H" \
	"b,T,out,h100x,1,llama9-70b,fp8,128,128,1,1,,,output_tokens_per_s,1," \
	"vb,T,9.9,h100y,1,llama9-70b,fp8,128,128,1,1,,,output_tokens_per_s,1," > "$tmpd/stb.csv"
expect_exit 2 "--strict: rows with two and three unknown names" -- $RL validate --measurements "$tmpd/stb.csv" --versions "$V" --strict
cp "$tmpd/err" "$tmpd/st.err"
printf '%s\n%s\n%s\n%s\n%s\n' \
	"rooflab validate: $tmpd/stb.csv:2: column 'chip' (4): no preset 'h100x' (presets: $(presets chips))" \
	"rooflab validate: $tmpd/stb.csv:2: column 'model' (6): no preset 'llama9-70b' (presets: $(presets models))" \
	"rooflab validate: $tmpd/stb.csv:3: column 'version' (3): software 'T' version 9.9 has no profile in the version table (data/profiles/versions.csv); versions with one: out, tot, micro" \
	"rooflab validate: $tmpd/stb.csv:3: column 'chip' (4): no preset 'h100y' (presets: $(presets chips))" \
	"rooflab validate: $tmpd/stb.csv:3: column 'model' (6): no preset 'llama9-70b' (presets: $(presets models))" > "$tmpd/stb.want"
expect_exit 0 "--strict: every unknown name of a row, the first reason's first" -- cmp "$tmpd/stb.want" "$tmpd/st.err"
# --profile serves every row: no version is looked up, none is unknown
expect_exit 0 "--strict --profile: versions not looked up" -- $RL validate --measurements "$tmpd/stv.csv" --versions "$V" --profile trtllm-0.10 --strict
# only rows not modelled for other reasons: --strict changes nothing
sed '3d;5d' "$tmpd/st.csv" > "$tmpd/st2.csv"
$RL validate --measurements "$tmpd/st2.csv" --versions "$V" > "$tmpd/st2.txt"
expect_exit 0 "--strict: other rows not modelled pass" -- $RL validate --measurements "$tmpd/st2.csv" --versions "$V" --strict
cp "$tmpd/out" "$tmpd/st.out"
expect_exit 0 "--strict: the same report when nothing is refused" -- cmp "$tmpd/st2.txt" "$tmpd/st.out"
# 22 rows of an unknown chip: the first 20 named (lines 2-21), then the count
{ echo "$H"; i=1; while [ $i -le 22 ]; do echo "c$i,T,out,h100x,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,1,"; i=$((i + 1)); done; } > "$tmpd/st22.csv"
expect_exit 2 "--strict: 22 unknown rows" -- $RL validate --measurements "$tmpd/st22.csv" --versions "$V" --strict
cp "$tmpd/err" "$tmpd/st.err"
expect_exit 0 "--strict: 21 lines, the first 20 rows then the count" -- sh -c "test \$(wc -l < '$tmpd/st.err') -eq 21 && sed -n 20p '$tmpd/st.err' | grep -q '/st22.csv:21: column' && sed -n 21p '$tmpd/st.err' | grep -q '^rooflab validate: and 2 more rows naming a chip, model, precision, software or version'"
if have python3 "the shipped table's version names"; then
	# the shipped table: a release spelled 1.0.0 is not 1.0(main), and no
	# alias makes it so; the reason names the spelling the table uses.
	# After 1.0(main) come the two post-1.0 tables (they have a profile,
	# borrowed), whose 30-odd-byte names no longer fit the reason's 255
	# bytes: the list ends in ', ...'
	printf '%s\n%s\n' "$H" "r,TensorRT-LLM,1.0.0,h100-sxm,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,1," > "$tmpd/rel.csv"
	$RL validate --measurements "$tmpd/rel.csv" --json > "$tmpd/rel.json"
	expect_exit 0 "shipped table: 1.0.0 not modelled, 1.0(main) and 0.11.0 offered" -- python3 -c "import json; x=json.load(open('$tmpd/rel.json'))['rows'][0]; assert x['status']=='not_modelled' and x['reason'].startswith(\"software 'TensorRT-LLM' version 1.0.0 has no profile\") and ': 0.11.0, 0.12.0, ' in x['reason'] and x['reason'].endswith(', 1.0(main), ...') and len(x['reason'].encode()) <= 255, x"
	# a list longer than the reason's 255 bytes stops at a whole name with
	# ", ...": 12 versions of 21 characters (23 with ", ") after a prefix
	# of 108 ("software 'T' version x has no ..." 87, "; versions with
	# one: " 21) leave 147 characters: 6 names take 136 (141 with ", ..."),
	# 7 would take 159
	{
		echo 'software,version,profile,tokens_per_s,fitted_chip,note'
		for i in 10 11 12 13 14 15 16 17 18 19 20 21; do
			echo "T,version-$i-abcdefghij,trtllm-0.10,output,h100-sxm,test"
		done
	} > "$tmpd/long.csv"
	printf '%s\n%s\n' "$H" "x,T,x,h100-sxm,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,1," > "$tmpd/x.csv"
	$RL validate --measurements "$tmpd/x.csv" --versions "$tmpd/long.csv" --json > "$tmpd/long.json"
	expect_exit 0 "a long list ends in ', ...' within 255 bytes" -- python3 -c "import json; x=json.load(open('$tmpd/long.json'))['rows'][0]['reason']; l=x.split('; versions with one: ')[1]; assert len(x)<=255 and l==', '.join('version-%d-abcdefghij' % i for i in range(10, 16))+', ...', (len(x), x)"
	# versions spelled with a comma (quoted) are never cut inside: the
	# list (148 bytes with its end) holds names of 27 characters (29 with
	# ", "): four take 114; a fifth would end at 143, leaving no room for
	# ", ..." (5 more, and the end); the list stops after four.  (It took
	# the fifth, then cut back at its comma: ", version, ...")
	{
		echo 'software,version,profile,tokens_per_s,fitted_chip,note'
		for i in 10 11 12 13 14 15 16; do
			echo "T,\"version,$i-abcdefghijklmnop\",trtllm-0.10,output,h100-sxm,test"
		done
	} > "$tmpd/comma.csv"
	$RL validate --measurements "$tmpd/x.csv" --versions "$tmpd/comma.csv" --json > "$tmpd/comma.json"
	expect_exit 0 "names with a comma: the list stops at a whole name" -- python3 -c "import json; x=json.load(open('$tmpd/comma.json'))['rows'][0]['reason']; l=x.split('; versions with one: ')[1]; assert len(x)<=255 and l==', '.join('version,%d-abcdefghijklmnop' % i for i in range(10, 14))+', ...', (len(x), x)"
fi
bad "non-numeric isl" "x,T,out,h100-sxm,1,llama3-8b,fp8,12x,128,1,1,,,output_tokens_per_s,1," \
	"bad.csv:2: column 'isl' \(8\): '12x' is not a number"
bad "non-numeric value" "x,T,out,h100-sxm,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,fast," \
	"bad.csv:2: column 'value' \(15\): 'fast' is not a positive number"
# (ux24) every row whose value is no positive number in one message, the
# first whole and the next by line, where validate stopped at the first
# and a hand-made file took a run per bad row (lines 2 and 4 here, line
# 3 good; an isl that is no number, line 5, is said once these are fixed)
printf '%s\n%s\n%s\n%s\n%s\n' "$H" \
	"a,T,out,h100-sxm,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,fast," \
	"b,T,out,h100-sxm,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,1," \
	"c,T,out,h100-sxm,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,-2," \
	"d,T,out,h100-sxm,1,llama3-8b,fp8,12x,128,1,1,,,output_tokens_per_s,1," > "$tmpd/bad2.csv"
expect_exit 2 "two bad values" -- $RL validate --measurements "$tmpd/bad2.csv" --versions "$V"
expect_err "bad2\.csv:2: column 'value' \(15\): 'fast' is not a positive number; nor is line 4 \('-2'\)$" \
	"two bad values: both lines in one message"
bad "tp neither number nor DEPn" "x,T,out,h100-sxm,1,llama3-8b,fp8,128,128,EP,1,,,output_tokens_per_s,1," \
	"bad.csv:2: column 'tp' \(10\): 'EP' is not a whole number"
# the GPU count is named as the header spells it ('gpus' here; the message
# said 'chips', a column the file does not have)
bad "non-numeric gpus" "x,T,out,h100-sxm,one,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,1," \
	"bad.csv:2: column 'gpus' \(5\): 'one' is not a number"
bad "a row too short for the gpus column" "x,T,out,h100-sxm" \
	"bad.csv:2: 4 fields, column 'gpus' is number 5"
# data/measurements.csv's layout: a GPU count that is no whole number is
# named, not blamed on the tp beside it ("tp '1' is not ...")
if have python3 "a GPU count of no whole number"; then
	printf '%s\n%s\n' "id,chips,chip,model,precision,isl,osl,tp,software,metric,value,source" \
		"r1,x,h100-sxm,llama3-8b,fp8,128,128,1,TensorRT-LLM 0.10.0,output_tokens_per_s,100,s" > "$tmpd/leg.csv"
	$RL validate --measurements "$tmpd/leg.csv" --json > "$tmpd/leg.json"
	expect_exit 0 "older layout: a bad GPU count is named as such" -- python3 -c "import json; x=json.load(open('$tmpd/leg.json'))['rows'][0]; assert x['status']=='not_modelled' and x['reason']==\"chips 'x' is not a single whole number\", x"
fi
# a version table entry found from either layout (cf2ef47): the version
# in a column of its own or as the software's last word, with or without
# a 'v'; a version column that says another version than the software's
# last word is that version, not the software's (no profile: never 0.10's)
if have python3 "version table entries from either layout"; then
	for sv in "TensorRT-LLM,0.10.0=trtllm-0.10" "TensorRT-LLM,v0.10.0=trtllm-0.10" \
	    "TensorRT-LLM 0.10.0,=trtllm-0.10" "TensorRT-LLM v0.10.0,=trtllm-0.10" \
	    "TensorRT-LLM V0.11.0,=trtllm-0.11" "TensorRT-LLM 0.10.0,0.11.0=None" \
	    "TensorRT-LLM 0.11.0,0.10.0=None"; do
		printf '%s\n%s\n' "id,software,version,chip,gpus,model,precision,isl,osl,tp,pp,batch_or_concurrency,request_rate,metric,value" \
			"r1,${sv%=*},h100-sxm,1,llama3-8b,fp8,128,128,1,1,,,output_tokens_per_s,100" > "$tmpd/lay.csv"
		$RL validate --measurements "$tmpd/lay.csv" --json > "$tmpd/lay.json"
		expect_exit 0 "software,version '${sv%=*}' takes profile ${sv#*=}" -- python3 -c "import json; x=json.load(open('$tmpd/lay.json'))['rows'][0]; assert str(x['profile'])=='${sv#*=}', x"
	done
fi
printf 'id,software,version,chip,model\n' > "$tmpd/bad.csv"
expect_exit 2 "missing columns" -- $RL validate --measurements "$tmpd/bad.csv"
expect_err "bad.csv:1: header lacks column 'gpus'" "names the first missing column"
# and which columns it takes: a header with 'version' those of
# published-h100.csv (its first line, columns 1-15), one without those of
# data/measurements.csv (its first line less 'system'); a file of
# the published columns less 'version' and 'gpus' was asked for 'chips'
# without a word of why
expect_err "bad\.csv:1: header lacks column 'gpus' \(a header with 'version' has the columns of data/measurements/published-h100\.csv: id, software, version, chip, gpus, model, precision, isl, osl, tp, pp, batch_or_concurrency, request_rate, metric, value\)$" \
	"and the columns of its layout"
printf 'id,chip,model,precision,isl,osl,tp,metric,value\nr1,h200-sxm,llama3-8b,fp8,128,128,1,tokens_per_s,100\n' > "$tmpd/nover.csv"
expect_exit 2 "a header without version" -- $RL validate --measurements "$tmpd/nover.csv"
expect_err "nover\.csv:1: header lacks column 'chips' \(a header without 'version' has the columns of data/measurements\.csv: id, chips, chip, model, precision, isl, osl, tp, software, metric, value, source\)$" \
	"is read as data/measurements.csv's layout, and says so"
expect_exit 2 "missing file" -- $RL validate --measurements "$tmpd/nope.csv"
expect_err "nope.csv: cannot open" "names the file"
# a header and no rows (a blank line after it is no row):
# nothing to validate, refused naming file and line, as an empty file is
# (it was exit 0 with "0 of 0 rows modelled" and no error to report)
printf '%s\n\n' \
	"id,software,version,chip,gpus,model,precision,isl,osl,tp,pp,batch_or_concurrency,request_rate,metric,value" \
	> "$tmpd/hdr.csv"
expect_exit 2 "a header and no rows" -- $RL validate --measurements "$tmpd/hdr.csv"
expect_err "hdr.csv:1: a header and no rows" "names the file and the header's line"
expect_exit 2 "a header and no rows (--json)" -- $RL validate \
	--measurements "$tmpd/hdr.csv" --json

# the text table pads by characters, not bytes: an id with an e-acute (2
# bytes) and one of CJK characters (3 bytes each, 60 of them, cut to the
# id column's widest, 48 characters) start their chip column where the
# header's 'chip' starts (printf's %-36.36s padded them short, and cut the
# CJK id inside a character)
if have python3 "long and CJK ids in their columns"; then
	P0=${ROOFLAB_ROOT:-.}/data/measurements/published-h100.csv
	python3 -c "
l = open('$P0', encoding='utf-8').read().split('\n')
ids = ['r\u00e9sum\u00e9-1', '\u4e2d' * 60]
rows = [ids[i] + ',' + l[i + 1].split(',', 1)[1] for i in range(2)]
open('$tmpd/u8.csv', 'w', encoding='utf-8').write('\n'.join([l[0]] + rows) + '\n')
"
	$RL validate --measurements "$tmpd/u8.csv" > "$tmpd/u8.txt"
	expect_exit 0 "non-ASCII ids line up with the header, cut whole" -- python3 -c "
import sys
t = open('$tmpd/u8.txt', encoding='utf-8').read().split('\n')
h = [l for l in t if l.startswith('row ')][0]
rows = [l for l in t if l.startswith('r\u00e9sum') or l.startswith('\u4e2d')]
assert len(rows) == 2, rows
for l in rows:
    assert l.index('h100-sxm') == h.index('chip') == 49, (l, h)
# (cut at 48 characters: 45 and '...', val31)
assert rows[1].startswith('\u4e2d' * 45 + '... h100-sxm'), rows[1]
"
fi

# a small value keeps its digits and its metric: the serving table's
# inter-token latency of 0.021 s (one decimal printed it as 0.0)
P1=${ROOFLAB_DATA:-data}/measurements/published-h100.csv
id=trtllm-serving-v0.14.0-0003
met=$(awk -F, -v id="$id" '$1 == id { print $14 }' "$P1")
val=$(awk -F, -v id="$id" '$1 == id { print $15 }' "$P1")
$RL validate >"$tmpd/v1.txt"
if grep -Eq "^$id .* $val +[0-9.e-]+ +[-+][0-9.]+%  \(fitted chip\)  $met\$" "$tmpd/v1.txt"; then
	echo "ok - $id: $val $met shown with its digits and metric"
else
	echo "not ok - $id: $val $met"; grep "^$id " "$tmpd/v1.txt"; fails=$((fails + 1))
fi

# the id column is as wide as the longest id (up to 48 characters): the
# 0.10 rows' ids differ only past the 36th ("...-tp2-128-128" and
# "...-tp2-128-2048"), which it cut to one
M0=${ROOFLAB_DATA:-data}/measurements.csv
$RL validate >"$tmpd/v0.txt"
if awk -F, 'NR > 1 && $1 ~ /^trtllm010-/ { print $1 }' "$M0" | while read -r id; do
	grep -q "^$id " "$tmpd/v0.txt" || { echo "$id"; break; }; done | grep -q .; then
	echo "not ok - a 0.10 row's id is cut in the text table"; fails=$((fails + 1))
else
	echo "ok - every 0.10 row's id shown whole"
fi

# the leave-one-out listing names a profile it cannot read and why (it
# skipped it without a word): 0.11.0 served by a profile not there, then by
# a profile file that does not parse
P=${ROOFLAB_ROOT:-.}/data/measurements/published-h100.csv
head -n 6 "$P" >"$tmpd/m11.csv"
sed 's/,trtllm-0.11,/,nope-0.11,/' "${ROOFLAB_ROOT:-.}/data/profiles/versions.csv" >"$tmpd/v11.csv"
expect_exit 0 "a profile not there: the rows listed" -- $RL validate \
	--measurements "$tmpd/m11.csv" --versions "$tmpd/v11.csv"
expect_out "^  nope-0.11 +not read: unknown profile 'nope-0.11'" \
	"leave-one-out listing: the missing profile named, with why"
printf '[meta]\nleave_one_model_out = x\n[bogus\n' >"$tmpd/bad11.ini"
sed "s|,trtllm-0.11,|,$tmpd/bad11.ini,|" "${ROOFLAB_ROOT:-.}/data/profiles/versions.csv" >"$tmpd/v11b.csv"
expect_exit 0 "a profile that does not parse: the rows listed" -- $RL validate \
	--measurements "$tmpd/m11.csv" --versions "$tmpd/v11b.csv"
expect_out "bad11.ini +not read: .*bad11.ini:3: malformed section header" \
	"leave-one-out listing: the unreadable profile named, with why"
# (mutation tests) a profile's [meta] with a leave-one-architecture-out or
# leave-one-model-out error beside a leave-one-row-out one: the wider
# leave-out is the one printed, wherever the row one stands (after it here)
for first in leave_one_architecture_out leave_one_model_out; do
	sed "s/^leave_one_architecture_out = .*/$first = wider-figures\nleave_one_out = row-figures/" \
		"${ROOFLAB_ROOT:-.}/data/profiles/trtllm-0.11.ini" >"$tmpd/both11.ini"
	sed "s|,trtllm-0.11,|,$tmpd/both11.ini,|" "${ROOFLAB_ROOT:-.}/data/profiles/versions.csv" >"$tmpd/v11c.csv"
	expect_exit 0 "a profile with $first and leave_one_out" -- $RL validate \
		--measurements "$tmpd/m11.csv" --versions "$tmpd/v11c.csv"
	expect_out "both11\.ini +(leave-one-model-out \(a twin preset of a model stays in its fit\): )?wider-figures" \
		"leave-one-out listing: $first printed, not leave_one_out"
	expect_no_out "row-figures" "leave-one-out listing: leave_one_out beside $first not printed"
done

# the shipped data: every published row is listed
expect_exit 0 "validate the shipped data" -- $RL validate --json
cp "$tmpd/out" "$J"
if have python3 "every shipped row listed in --json"; then
	expect_exit 0 "all 1,514 published rows and 22 of measurements.csv" -- python3 -c "import json; d=json.load(open('$J')); assert len(d['rows'])==1514+22, len(d['rows'])"
else
	echo "ok - skipped: python3 is missing (needed to count the JSON rows)"
fi
# out of memory reading the measurements is an internal failure, exit 1,
# not the file's fault (exit 2 before).  A row keeps its text in the
# set's string pool (config/strpool.h) and 280 bytes of its own
# (measure.h's meas_row; 5,056 when each text field was 512 bytes, and
# 40,000 rows sufficed): 300,000 rows need the row array grown from
# 262,144 rows (73 MB) to 524,288 (147 MB), both held while it is
# copied, where the address space is capped at 200 MB (the binary
# itself runs in less: 150 MB gets as far as the message).  The message
# names the file, and the line where a row's text could not be held.
# The sanitizers reserve terabytes of address space: not under SAN=1.
case ${ROOFLAB_TOOLS:-} in
*/build-san/*)
	echo "ok - skipped: out of memory under ulimit -v with SAN=1" ;;
*)
	head -n 1 "${ROOFLAB_ROOT:-.}/data/measurements.csv" >"$tmpd/big.csv"
	awk 'BEGIN { for (i = 0; i < 300000; i++) printf "r%d,s,1,h100-sxm,llama3-8b,fp8,128,128,1,t,output_tokens_per_s,1000,x\n", i }' \
		>>"$tmpd/big.csv"
	expect_exit 1 "validate out of memory reading the rows: exit 1" -- \
		sh -c 'ulimit -v 200000 && exec "$0" validate --measurements "$1"' \
		"$RL" "$tmpd/big.csv"
	expect_err "^rooflab validate: .*big.csv(:[0-9]+)?: out of memory$" \
		"validate out of memory: the file named, internal"
	expect_exit 1 "calibrate out of memory reading the rows: exit 1" -- \
		sh -c 'ulimit -v 200000 && exec "$0" calibrate --profile trtllm-0.10 --measurements "$1"' \
		"$RL" "$tmpd/big.csv"
	expect_err "^rooflab calibrate: .*big.csv(:[0-9]+)?: out of memory$" \
		"calibrate out of memory: the file named, internal" ;;
esac

# lengths that are there but not whole numbers >= 1 are said as such; only
# lengths not given read as a dataset with a length distribution (an isl
# of 0 or an osl of 2.5 was said to be one)
cat >"$tmpd/len.csv" <<CSV
$H
zero,T,out,h100-sxm,8,llama3-70b,fp8,0,128,8,1,max-load,,output_tokens_per_s,1337.36,
half,T,out,h100-sxm,8,llama3-70b,fp8,2048,2.5,8,1,max-load,,output_tokens_per_s,1337.36,
none,T,out,h100-sxm,8,llama3-70b,fp8,,,8,1,max-load,,output_tokens_per_s,1337.36,
CSV
expect_exit 0 "validate rows with lengths 0, 2.5 and none" -- $RL validate --measurements "$tmpd/len.csv" --versions "$V" --json
cp "$tmpd/out" "$tmpd/len.json"
if have python3 "lengths 0, 2.5 and none in --json"; then
	expect_exit 0 "an isl of 0 is not whole >= 1, not a distribution" -- python3 -c "import json; r={x['id']:x['reason'] for x in json.load(open('$tmpd/len.json'))['rows']}; assert r['zero'] == 'isl or osl not a whole number >= 1', r['zero']; assert r['half'] == r['zero'], r['half']; assert 'length distribution' in r['none'], r['none']"
fi
# a row's reason goes whole into the JSON: an unknown chip's names every
# chip preset (the list was cut at 120 characters, inside its last name,
# with 14 presets of 127), and a text column longer than a row keeps
# (511 characters) is refused, not cut
(head -1 "$ROOFLAB_DATA/measurements.csv"
 echo 'x1,DGX,1,nochip,llama3-8b,fp8,128,128,1,TensorRT-LLM 0.10.0,output_tokens_per_s,100,src') >"$tmpd/nochip.csv"
expect_exit 0 "validate a row of an unknown chip" -- $RL validate --measurements "$tmpd/nochip.csv" --json
cp "$tmpd/out" "$tmpd/nochip.json"
if have python3 "the unknown chip's list of presets in --json"; then
	for f in "$ROOFLAB_DATA"/chips/*.ini; do
		c=$(basename "$f" .ini)
		expect_exit 0 "its reason names chip preset $c" -- python3 -c "import json,sys; r=json.load(open('$tmpd/nochip.json'))['rows'][0]['reason']; assert ' $c,' in r or ' $c)' in r, r"
	done
	expect_exit 0 "and ends with the list" -- python3 -c "import json; r=json.load(open('$tmpd/nochip.json'))['rows'][0]['reason']; assert r.startswith(\"unknown chip 'nochip' (no preset data/chips/NAME.ini for it; known: \") and r.endswith(')'), r"
fi
id512=$(awk 'BEGIN { for (i = 0; i < 512; i++) printf "i" }')
(head -1 "$ROOFLAB_DATA/measurements.csv"
 echo "$id512,DGX,1,h100-sxm,llama3-8b,fp8,128,128,1,TensorRT-LLM 0.10.0,output_tokens_per_s,100,src") >"$tmpd/longid.csv"
expect_exit 2 "validate: an id of 512 characters is refused" -- $RL validate --measurements "$tmpd/longid.csv"
expect_err "longid\\.csv:2: column 'id' \\(1\\): 512 bytes; at most 511 bytes" "the message names the column and the limit"
(head -1 "$ROOFLAB_DATA/measurements.csv"
 echo "${id512%i},DGX,1,h100-sxm,llama3-8b,fp8,128,128,1,TensorRT-LLM 0.10.0,output_tokens_per_s,100,src") >"$tmpd/longid.csv"
expect_exit 0 "one of 511 is read" -- $RL validate --measurements "$tmpd/longid.csv" --json
expect_out "\"id\": \"${id512%i}\"" "and is in the JSON whole"
# with more chip presets than the reason's list holds (640 bytes), the
# list stops at a whole name and ends in ', ...' (it stopped without a word)
mkdir "$tmpd/many"
cp -R "${ROOFLAB_DATA:?}/." "$tmpd/many/"
for i in $(seq 10 69); do cp "$ROOFLAB_DATA/chips/h100-sxm.ini" "$tmpd/many/chips/zz-extra-chip-$i.ini"; done
expect_exit 0 "validate the unknown chip with 74 chip presets" -- env ROOFLAB_DATA="$tmpd/many" $RL validate --measurements "$tmpd/nochip.csv" --json
cp "$tmpd/out" "$tmpd/many.json"
if have python3 "the cut list of 74 presets in --json"; then
	expect_exit 0 "the list ends in ', ...', each name in it whole" -- python3 -c "
import json, os
r = json.load(open('$tmpd/many.json'))['rows'][0]['reason']
assert r.endswith(', ...)'), r
names = r.split('known: ', 1)[1][:-len(', ...)')].split(', ')
assert len(names) < 74, len(names)
for n in names: assert os.path.isfile('$tmpd/many/chips/' + n + '.ini'), n
"
fi
# the reason quotes an unknown chip's first 60 bytes at most, cut at a
# whole character: "x" and 40 Greek alphas (81 bytes) would end at byte
# 60 in the first byte of the 30th alpha, which the JSON gave as U+FFFD;
# the quote is "x" and 29 alphas (59 bytes)
xa40=x$(awk 'BEGIN { for (i = 0; i < 40; i++) printf "\316\261" }')
(head -1 "$ROOFLAB_DATA/measurements.csv"
 echo "x1,DGX,1,$xa40,llama3-8b,fp8,128,128,1,TensorRT-LLM 0.10.0,output_tokens_per_s,100,src") >"$tmpd/greekchip.csv"
expect_exit 0 "validate a row of a chip named in 81 bytes of Greek" -- $RL validate --measurements "$tmpd/greekchip.csv" --json
cp "$tmpd/out" "$tmpd/greekchip.json"
if have python3 "the Greek chip's quote in --json"; then
	expect_exit 0 "its reason quotes 29 whole alphas" -- python3 -c "import json; r=json.load(open('$tmpd/greekchip.json'))['rows'][0]['reason']; assert r.startswith(\"unknown chip 'x\" + '\u03b1' * 29 + \"' (no preset\"), r"
fi
# held-out rows of serving only (the H200 row of the file above), and none
# (its first H100 row): the summary says serving rows only, or nothing
(echo "$H"; grep '^h200,' "$M") >"$tmpd/h200only.csv"
expect_exit 0 "validate an H200 serving row alone" -- $RL validate --measurements "$tmpd/h200only.csv" --versions "$V"
expect_out "^held-out chips +1 row +: median .* \\(serving rows only\\)\$" "held-out summary: serving rows only"
(echo "$H"; grep '^a-out,' "$M") >"$tmpd/h100only.csv"
expect_exit 0 "validate an H100 row alone" -- $RL validate --measurements "$tmpd/h100only.csv" --versions "$V"
expect_out "^held-out chips +0 rows\$" "held-out summary: no rows, nothing said of them"
# the trust line of one profile's rows (--profile): its figures once, read
# from its [meta] by hand, over "1 software version", where a span of one read
# "4.9-4.9% / 11.5-11.5% over 1 profiles"
loo=$(sed -n 's/^leave_one_architecture_out = median |error| \([0-9.]*%\), 90th percentile \([0-9.]*%\) over .*/\1 \/ \2/p' \
	"$ROOFLAB_DATA/profiles/trtllm-0.15.ini")
expect_exit 0 "validate under one profile" -- $RL validate --profile trtllm-0.15
# (ux28: "over 1 software version" in plain words, a profile being one
# version's fit)
if [ -n "$loo" ] && grep -qF "$loo on model families each fit never saw, over 1 software version;" "$tmpd/out"; then
	echo "ok - one profile's trust line: $loo over 1 software version"
else
	echo "not ok - one profile's trust line lacks '$loo on model families each fit never saw, over 1 software version;':"
	tail -1 "$tmpd/out" | sed 's/^/    out: /'; fails=$((fails + 1))
fi
# a measured value so small that its error is no number (the smallest
# normal double, 2.2250738585072014e-308 tokens/s, against some 1,300
# modelled: (1300 - 2.2e-308) / 2.2e-308 overflows): the row not modelled
# with its reason, the other counted alone; it printed +inf% and was
# counted among 2 modelled rows with a JSON error of null
(echo "$H"; grep '^a-out,' "$M"; echo "tiny,T,out,h100-sxm,8,llama3-70b,fp8,2048,128,8,1,max-load,,output_tokens_per_s,2.2250738585072014e-308,") >"$tmpd/tiny.csv"
expect_exit 0 "validate a row measured at 2.2e-308" -- $RL validate --measurements "$tmpd/tiny.csv" --versions "$V"
# (small52) the measured value as given, in all its digits, where %.6g
# wrote 2.22507e-308; the model's figure by eval's rule (one decimal from
# 100, as calibrate's left-out line)
expect_out "its error is no finite percentage \(measured 2\.2250738585072014e-308, modelled [0-9]+\.[0-9]\)" "tiny: not modelled, its reason"
expect_out "^1 of 2 rows modelled\$" "tiny: one row modelled"
if grep -q 'inf%' "$tmpd/out"; then
	echo "not ok - tiny: no inf% printed"; fails=$((fails + 1))
else
	echo "ok - tiny: no inf% printed"
fi
# a TTFT at 32 requests/s of one sequence at a time, past what the server
# serves: the model's figure is infinite, the row not modelled (it printed
# 'inf +inf%' and was counted as modelled)
(echo "$H"; echo "past,T,out,h100-sxm,4,llama3-70b,bf16,202,214,4,1,1,32,ttft_mean_s,0.116,") >"$tmpd/past.csv"
expect_exit 0 "validate a TTFT past the server's rate" -- $RL validate --measurements "$tmpd/past.csv" --versions "$V"
expect_out "the model gives no finite figure for it \(measured 0\.116\)" "past: not modelled, its reason"
expect_out "^0 of 1 rows modelled\$" "past: no row modelled"
if grep -q 'inf' "$tmpd/out"; then
	echo "not ok - past: no inf printed"; fails=$((fails + 1))
else
	echo "ok - past: no inf printed"
fi
finish
