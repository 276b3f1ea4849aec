#!/bin/sh
# cli_repeat.sh: rooflab validate's repeatability of the measurements
# (claim/valrepeat.c): the same cell in two versions' tables, per pair of
# versions the cells both measured, the median and 90th percentile of
# |change| = larger/smaller - 1 and the signed median of b/a - 1, the
# harness the table data/measurements/harness.csv gives each version (same,
# changed, unknown) and whether no version of the series lies between.
# Every expected number below is worked out by hand from the file's values.
. "$(dirname "$0")/clilib.sh"

# a data folder whose harness table is the test's: R r1 and r2 one
# harness, r3 another, r9 (no rows) and Q q1 (another series, no rows
# here) listed between r2 and r3
cp -r "$ROOFLAB_DATA" "$tmpd/data"
cat > "$tmpd/data/measurements/harness.csv" <<'CSV'
# test harness table
software,version,series,harness,source
R,r1,s,bench A,test
R,r2,s,bench A,test
R,r9,s,bench B,test
Q,q1,other,bench A,test
R,r3,s,bench B,test
CSV
V="$tmpd/versions.csv"
cat > "$V" <<'CSV'
software,version,profile,tokens_per_s,fitted_chip,note
T,out,trtllm-0.10,output,h100-sxm,test: tokens_per_s counts output tokens
T,tot,trtllm-0.10,total,h100-sxm,test: tokens_per_s counts all tokens
CSV
H='id,software,version,chip,gpus,model,precision,isl,osl,tp,pp,batch_or_concurrency,request_rate,metric,value,notes'
M="$tmpd/m.csv"
# cells c1..c6 of llama3-8b (lengths 128/128, 128/2048, 2048/128,
# 2048/2048, 1000/1000, 500/2000); r1 all at 100.  r2: c1 110, c2 80, c3
# 100, c4 105, no c5, c6 twice (which of its two is unclear: no cell), c1
# at a rate of 2 requests/s (another cell).  A row whose lengths are no
# numbers (ds) is no cell, at 50 and 100.  r3: c1 and c2 at 100.
# T (llama3-70b): out's tokens_per_s counts output tokens, so out's c1
# (200) and tot's output_tokens_per_s c1 (220) are one cell; tot's
# tokens_per_s counts all tokens, another quantity than out's output c2
# (300; at 345, read as output it would pair at 15%).
cat > "$M" <<CSV
$H
r1-c1,R,r1,h100-sxm,1,llama3-8b,fp8,128,128,1,1,max-load,,output_tokens_per_s,100,
r1-c2,R,r1,h100-sxm,1,llama3-8b,fp8,128,2048,1,1,max-load,,output_tokens_per_s,100,
r1-c3,R,r1,h100-sxm,1,llama3-8b,fp8,2048,128,1,1,max-load,,output_tokens_per_s,100,
r1-c4,R,r1,h100-sxm,1,llama3-8b,fp8,2048,2048,1,1,max-load,,output_tokens_per_s,100,
r1-c5,R,r1,h100-sxm,1,llama3-8b,fp8,1000,1000,1,1,max-load,,output_tokens_per_s,100,
r1-c6,R,r1,h100-sxm,1,llama3-8b,fp8,500,2000,1,1,max-load,,output_tokens_per_s,100,
r1-ds,R,r1,h100-sxm,1,llama3-8b,fp8,,,1,1,a dataset,,output_tokens_per_s,50,
r2-c1,R,r2,h100-sxm,1,llama3-8b,fp8,128,128,1,1,max-load,,output_tokens_per_s,110,
r2-c2,R,r2,h100-sxm,1,llama3-8b,fp8,128,2048,1,1,max-load,,output_tokens_per_s,80,
r2-c3,R,r2,h100-sxm,1,llama3-8b,fp8,2048,128,1,1,max-load,,output_tokens_per_s,100,
r2-c4,R,r2,h100-sxm,1,llama3-8b,fp8,2048,2048,1,1,max-load,,output_tokens_per_s,105,
r2-c6a,R,r2,h100-sxm,1,llama3-8b,fp8,500,2000,1,1,max-load,,output_tokens_per_s,100,
r2-c6b,R,r2,h100-sxm,1,llama3-8b,fp8,500,2000,1,1,max-load,,output_tokens_per_s,300,
r2-rate,R,r2,h100-sxm,1,llama3-8b,fp8,128,128,1,1,QPS=2,2,output_tokens_per_s,500,
r2-ds,R,r2,h100-sxm,1,llama3-8b,fp8,,,1,1,a dataset,,output_tokens_per_s,100,
r3-c1,R,r3,h100-sxm,1,llama3-8b,fp8,128,128,1,1,max-load,,output_tokens_per_s,100,
r3-c2,R,r3,h100-sxm,1,llama3-8b,fp8,128,2048,1,1,max-load,,output_tokens_per_s,100,
t-c1,T,out,h100-sxm,8,llama3-70b,fp8,128,128,8,1,max-load,,tokens_per_s,200,
t-c2,T,out,h100-sxm,8,llama3-70b,fp8,128,2048,8,1,max-load,,output_tokens_per_s,300,
u-c1,T,tot,h100-sxm,8,llama3-70b,fp8,128,128,8,1,max-load,,output_tokens_per_s,220,
u-c2,T,tot,h100-sxm,8,llama3-70b,fp8,128,2048,8,1,max-load,,tokens_per_s,345,
CSV
run() { env ROOFLAB_DATA="$tmpd/data" $RL validate --measurements "$M" --versions "$V" "$@"; }
expect_exit 0 "validate the hand-made file (json)" -- run --json
J="$tmpd/r.json"
cp "$tmpd/out" "$J"
# pq EXPR: EXPR over p, the pairs by "a -> b", and d, the whole JSON;
# near X Y: |X - Y| within the JSON's 10 significant digits
pq() { python3 -c "import json; d=json.load(open('$J')); p={x['version_a']+' -> '+x['version_b']:x for x in d['repeatability']}; $1"; }
near() { printf 'abs(%s-(%s))<1e-9' "$1" "$2"; }
if have python3 "the repeatability pairs in --json"; then
	expect_exit 0 "json: the arrays before it kept, repeatability last" -- pq "assert list(d)==['rows','groups','cells','repeatability'], list(d)"
	expect_exit 0 "four pairs, in the harness table's order, then the rows'" -- pq "assert list(p)==['R r1 -> R r2','R r1 -> R r3','R r2 -> R r3','T out -> T tot'], list(p)"
	expect_exit 0 "pair keys" -- pq "assert all(list(x)==['version_a','version_b','cells','median_abs_change','p90_abs_change','median_change','harness','adjacent','rows_of'] for x in d['repeatability'])"
	# r1 -> r2: c1..c4 (c5 not in r2, c6 twice in r2, the rate row another
	# cell, ds no cell): |change| 0.10, 100/80 - 1 = 0.25, 0, 0.05; sorted
	# 0, 0.05, 0.10, 0.25: median (0.05 + 0.10) / 2 = 0.075, p90 at 2.7 of
	# 0..3: 0.10 + 0.7 x 0.15 = 0.205; b/a - 1 sorted -0.2, 0, 0.05, 0.1:
	# median 0.025
	x="x=p['R r1 -> R r2']"
	expect_exit 0 "r1 -> r2: 4 cells" -- pq "$x; assert x['cells']==4, x"
	expect_exit 0 "r1 -> r2: median |change| 7.5%" -- pq "$x; assert $(near "x['median_abs_change']" 0.075), x"
	expect_exit 0 "r1 -> r2: p90 |change| 20.5% (larger/smaller: 100/80 is 25%)" -- pq "$x; assert $(near "x['p90_abs_change']" 0.205), x"
	expect_exit 0 "r1 -> r2: signed median +2.5%" -- pq "$x; assert $(near "x['median_change']" 0.025), x"
	expect_exit 0 "r1 -> r2: same harness, adjacent" -- pq "$x; assert x['harness']=='same' and x['adjacent'] is True, x"
	# r1 -> r3: c1, c2 unchanged; r2 lies between them
	x="x=p['R r1 -> R r3']"
	expect_exit 0 "r1 -> r3: 2 cells, no change, harness changed, not adjacent" -- pq "$x; assert x['cells']==2 and x['median_abs_change']==0 and x['p90_abs_change']==0 and x['harness']=='changed' and x['adjacent'] is False, x"
	# r2 -> r3: c1 110 -> 100 (|change| 0.1, b/a - 1 = -1/11), c2 80 -> 100
	# (0.25, +0.25): median 0.175, p90 0.1 + 0.9 x 0.15 = 0.235, signed
	# median (0.25 - 1/11) / 2; r9 between them has no rows: adjacent
	x="x=p['R r2 -> R r3']"
	expect_exit 0 "r2 -> r3: 2 cells, median 17.5%, p90 23.5%" -- pq "$x; assert x['cells']==2 and $(near "x['median_abs_change']" 0.175) and $(near "x['p90_abs_change']" 0.235), x"
	expect_exit 0 "r2 -> r3: signed median (0.25 - 1/11) / 2" -- pq "$x; assert $(near "x['median_change']" "(0.25-1/11)/2"), x"
	expect_exit 0 "r2 -> r3: harness changed, adjacent (r9 has no rows)" -- pq "$x; assert x['harness']=='changed' and x['adjacent'] is True, x"
	# T: out's tokens_per_s (output) is tot's output_tokens_per_s: 200 ->
	# 220; tot's tokens_per_s (total) is no cell of out's output c2
	x="x=p['T out -> T tot']"
	expect_exit 0 "T out -> tot: tokens_per_s as the version table counts it: 1 cell, 10%" -- pq "$x; assert x['cells']==1 and $(near "x['median_abs_change']" 0.1) and $(near "x['p90_abs_change']" 0.1) and $(near "x['median_change']" 0.1), x"
	expect_exit 0 "T out -> tot: harness unknown (not in the table), not adjacent" -- pq "$x; assert x['harness']=='unknown' and x['adjacent'] is False, x"
fi
expect_exit 0 "validate the hand-made file (text)" -- run
expect_out "^repeatability of the measurements: " "text: its own section"
# the pairs are the file's rows: their values as in the file, not "as
# published" (the shipped rows' words)
expect_out "above\), values as in the file;\$" "text: the file's values, not the published ones"
expect_no_out "values as published" "text: not said to be as published"
expect_out "^  R r1 -> r2 +4 +7\\.5% +20\\.5% +\\+2\\.5%  same, adjacent\$" "text: r1 -> r2's line"
expect_out "^  R r2 -> r3 +2 +17\\.5% +23\\.5% +\\+8\\.0%  changed, adjacent\$" "text: r2 -> r3's line"
expect_out "^  T out -> tot +1 +10\\.0% +10\\.0% +\\+10\\.0%  unknown\$" "text: T's line"
# A cell is every one of its fields: one cell b (llama3-8b fp8 on 2
# H100s, tp 1, 256/256) at 100 in R r1, r2, r3, Q q1 and U u1 (in no
# table; its row first in the file), S r2 (another software's r2, in no
# table: a version is its software's), and in r2 rows at 300 that differ
# from b in one field each (gpus 4, tp 2, pp 2, DEP2 (ep 2), H200, bf16,
# llama3-70b): each is its own cell, so b is measured once in r2, and
# every pair of versions has b alone, unchanged (a field left out of the
# comparison would make that row b again, b twice in r2, no cell of r2).
# A row with isl but no osl is no cell (r1 and r2 at 100 and 150).  Cell
# d (512/512) twice in r1 (100, 200) and once in r2: which of r1's two is
# unclear, no cell.
# Pairs: the table's order (r1 0, r2 1, q1 3, r3 4), then the rows' (U,
# S): 15.
# Harness: r1 -> r2 same, adjacent; r2 -> r3 changed (bench A, B),
# adjacent: r9 has no rows and q1 is of another series; r1 -> r3 not
# adjacent (r2 between); R and Q: changed (series), not adjacent; U and
# S: unknown, not adjacent.
M2="$tmpd/m2.csv"
b='h100-sxm,2,llama3-8b,fp8,256,256'
cat > "$M2" <<CSV
$H
u1-b,U,u1,$b,1,1,max-load,,output_tokens_per_s,100,
r1-b,R,r1,$b,1,1,max-load,,output_tokens_per_s,100,
r1-h,R,r1,h100-sxm,2,llama3-8b,fp8,256,,1,1,max-load,,output_tokens_per_s,100,
r1-d1,R,r1,h100-sxm,2,llama3-8b,fp8,512,512,1,1,max-load,,output_tokens_per_s,100,
r1-d2,R,r1,h100-sxm,2,llama3-8b,fp8,512,512,1,1,max-load,,output_tokens_per_s,200,
r2-b,R,r2,$b,1,1,max-load,,output_tokens_per_s,100,
r2-h,R,r2,h100-sxm,2,llama3-8b,fp8,256,,1,1,max-load,,output_tokens_per_s,150,
r2-d,R,r2,h100-sxm,2,llama3-8b,fp8,512,512,1,1,max-load,,output_tokens_per_s,100,
r2-gpus,R,r2,h100-sxm,4,llama3-8b,fp8,256,256,1,1,max-load,,output_tokens_per_s,300,
r2-tp,R,r2,h100-sxm,2,llama3-8b,fp8,256,256,2,1,max-load,,output_tokens_per_s,300,
r2-pp,R,r2,h100-sxm,2,llama3-8b,fp8,256,256,1,2,max-load,,output_tokens_per_s,300,
r2-ep,R,r2,h100-sxm,2,llama3-8b,fp8,256,256,DEP2,1,max-load,,output_tokens_per_s,300,
r2-chip,R,r2,h200,2,llama3-8b,fp8,256,256,1,1,max-load,,output_tokens_per_s,300,
r2-prec,R,r2,h100-sxm,2,llama3-8b,bf16,256,256,1,1,max-load,,output_tokens_per_s,300,
r2-model,R,r2,h100-sxm,2,llama3-70b,fp8,256,256,1,1,max-load,,output_tokens_per_s,300,
q1-b,Q,q1,$b,1,1,max-load,,output_tokens_per_s,100,
r3-b,R,r3,$b,1,1,max-load,,output_tokens_per_s,100,
s2-b,S,r2,$b,1,1,max-load,,output_tokens_per_s,100,
CSV
expect_exit 0 "validate the one-cell file (json)" -- env ROOFLAB_DATA="$tmpd/data" $RL validate --measurements "$M2" --versions "$V" --json
cp "$tmpd/out" "$J"
if have python3 "the one-cell file's pairs in --json"; then
	expect_exit 0 "one cell: 15 pairs, the table's order, then U's and S's" -- pq "assert list(p)==['R r1 -> R r2','R r1 -> Q q1','R r1 -> R r3','R r1 -> U u1','R r1 -> S r2','R r2 -> Q q1','R r2 -> R r3','R r2 -> U u1','R r2 -> S r2','Q q1 -> R r3','Q q1 -> U u1','Q q1 -> S r2','R r3 -> U u1','R r3 -> S r2','U u1 -> S r2'], list(p)"
	expect_exit 0 "one cell: b alone in each, unchanged (every field tells cells apart)" -- pq "assert all(x['cells']==1 and x['median_abs_change']==0 and x['p90_abs_change']==0 and x['median_change']==0 for x in p.values()), p"
	expect_exit 0 "one cell: harness and adjacency by series" -- pq "w={'R r1 -> R r2':('same',True),'R r2 -> R r3':('changed',True),'R r1 -> R r3':('changed',False),'R r1 -> Q q1':('changed',False),'R r2 -> Q q1':('changed',False),'Q q1 -> R r3':('changed',False)}; assert all((x['harness'],x['adjacent'])==w.get(k,('unknown',False)) for k,x in p.items()), p"
fi
# validate --db stores the pairs (validation_repeat, claim/valstore.c) and
# the report says them, the adjacent ones only: r1 -> r2 (same harness,
# 7.5%, 20.5%) and r2 -> r3 (changed, 17.5%, 23.5%), as worked out above
expect_exit 0 "validate --db the hand-made file" -- run --db "$tmpd/v.db"
if have sqlite3 "the pairs stored by --db"; then
	got=$(sqlite3 "$tmpd/v.db" "SELECT group_concat(version_a || '>' || version_b || ':' || cells || ':' || round(100 * median_abs_change, 6) || ':' || round(100 * p90_abs_change, 6) || ':' || harness || ':' || adjacent, ' ') FROM (SELECT * FROM validation_repeat ORDER BY ord); SELECT repeat_pairs FROM validation_runs")
	want="R r1>R r2:4:7.5:20.5:same:1 R r1>R r3:2:0.0:0.0:changed:0 R r2>R r3:2:17.5:23.5:changed:1 T out>T tot:1:10.0:10.0:unknown:0
4"
	[ "$got" = "$want" ] && echo "ok - the database holds validate's pairs" ||
		{ echo "not ok - validation_repeat: '$got'"; fails=$((fails + 1)); }
fi
expect_exit 0 "a claim run beside it, for a report" -- $RL claim --samples 0 --no-design --db "$tmpd/v.db"
expect_exit 0 "report of that database" -- $RL report --db "$tmpd/v.db" --no-plots --out "$tmpd/v.md"
# (an item under the validation section's "In short", ux29; the file's
# tables, not "the published tables": the pairs are of the hand-made
# file's rows, as the first clause names them since small68)
if grep -qF -- "- The file's tables themselves move by a median 7.5% (90th percentile 20.5%) between adjacent versions measured with the same benchmark harness (1 pair), and by a median 17.5% (90th percentile 23.5%) where the harness changed (1 pair)" "$tmpd/v.md"; then
	echo "ok - the report: adjacent pairs by harness, in words"
else
	echo "not ok - the report's repeatability words"; grep -F "themselves move" "$tmpd/v.md" | head -2; fails=$((fails + 1))
fi
# no harness table: every pair's harness unknown, none adjacent
rm "$tmpd/data/measurements/harness.csv"
expect_exit 0 "validate without a harness table" -- run
expect_out "^  R r1 -> r2 +4 +7\\.5% +20\\.5% +\\+2\\.5%  unknown\$" "no table: harness unknown, not adjacent"
# a version listed twice in the table is refused, naming file and line
printf 'software,version,series,harness,source\nR,r1,s,a,x\nR,r1,s,b,x\n' > "$tmpd/data/measurements/harness.csv"
expect_exit 2 "a harness table listing a version twice" -- run
expect_err "harness.csv:3: software 'R' version 'r1' listed twice" "named by file and line"
# series and harness are required, the version not (a table named by its
# software alone, as data's "TensorRT-LLM 0.10.0")
printf 'software,version,series,harness,source\nR,r1,,a,x\n' > "$tmpd/data/measurements/harness.csv"
expect_exit 2 "a harness table line without a series" -- run
expect_err "harness.csv:2: column 'series' \(3\): empty" "no series: named by file, line and column"
printf 'software,version,series,harness,source\nR,r1,s,,x\n' > "$tmpd/data/measurements/harness.csv"
expect_exit 2 "a harness table line without a harness" -- run
expect_err "harness.csv:2: column 'harness' \(4\): empty" "no harness: named by file, line and column"
printf 'software,version,series,harness,source\nR,,s,a,x\nR,r1,s,a,x\n' > "$tmpd/data/measurements/harness.csv"
expect_exit 0 "a harness table line without a version" -- run
# one version spelled two ways (the version table reads " t2 " and "T2"
# as its t2, the layout with the version in the software column, "U t2",
# as U's t2): one table, not two versions whose same cell moved.  t2's
# c1 at 100 and 130 is a cell measured twice (left out); t2 and t3 share
# c2, 100 -> 110: one pair, 1 cell, 10.0%.  U's 2.0, "U 2.0" in the
# tables (the version in the software column) and U,2.0 in the file, and
# U,3.0 share c3 (2048/128), 200 -> 210: 5.0%, its harness found under
# the tables' name.  W's c4 (2048/2048) at 1e-300 and 1e300: a ratio
# no double holds, left out (it was counted in cells, its inf left out of
# the quantiles alone); c5 at 1e-300 and 1e7: a ratio of 1e307, whose
# percentage no double holds ("inf%"), left out too
cat > "$tmpd/data/measurements/harness.csv" <<'CSV'
software,version,series,harness,source
W,t2,w,bench A,test
W,t3,w,bench A,test
U 2.0,,u,bench B,test
U,3.0,u,bench B,test
CSV
cat > "$tmpd/vsp.csv" <<'CSV'
software,version,profile,tokens_per_s,fitted_chip,note
W,t2,trtllm-0.10,output,h100-sxm,test
W,t3,trtllm-0.10,output,h100-sxm,test
U 2.0,,trtllm-0.10,output,h100-sxm,test
U,3.0,trtllm-0.10,output,h100-sxm,test
CSV
cat > "$tmpd/sp.csv" <<CSV
$H
a,W,t2,h100-sxm,1,llama3-8b,fp8,128,128,1,1,max-load,,output_tokens_per_s,100,
b,W, t2 ,h100-sxm,1,llama3-8b,fp8,128,128,1,1,max-load,,output_tokens_per_s,130,
c,W,T2,h100-sxm,1,llama3-8b,fp8,128,2048,1,1,max-load,,output_tokens_per_s,100,
d,W,t3,h100-sxm,1,llama3-8b,fp8,128,2048,1,1,max-load,,output_tokens_per_s,110,
e,U,2.0,h100-sxm,1,llama3-8b,fp8,2048,128,1,1,max-load,,output_tokens_per_s,200,
f,U,3.0,h100-sxm,1,llama3-8b,fp8,2048,128,1,1,max-load,,output_tokens_per_s,210,
g,W,t2,h100-sxm,1,llama3-8b,fp8,2048,2048,1,1,max-load,,output_tokens_per_s,1e-300,
h,W,t3,h100-sxm,1,llama3-8b,fp8,2048,2048,1,1,max-load,,output_tokens_per_s,1e300,
i,W,t2,h100-sxm,1,llama3-8b,fp8,1000,1000,1,1,max-load,,output_tokens_per_s,1e-300,
j,W,t3,h100-sxm,1,llama3-8b,fp8,1000,1000,1,1,max-load,,output_tokens_per_s,1e7,
CSV
expect_exit 0 "one version spelled two ways" -- env ROOFLAB_DATA="$tmpd/data" $RL validate --measurements "$tmpd/sp.csv" --versions "$tmpd/vsp.csv"
expect_out "^  W t2 -> t3 +1 +10\.0% +10\.0% +\+10\.0%  same, adjacent\$" "W: its t2 spellings one version, the cell measured twice left out"
expect_out "^  U 2\.0 -> 3\.0 +1 +5\.0% +5\.0% +\+5\.0%  same, adjacent\$" "U: 2.0 in the software column of the tables, its harness found"
n=$(grep -c ' -> .*%' "$tmpd/out")
[ "$n" -eq 2 ] && echo "ok - two pairs, no version paired with itself" ||
	{ echo "not ok - $n pairs"; grep ' -> .*%' "$tmpd/out"; fails=$((fails + 1)); }
# A version's harness is the table's line as the rows write it where the
# table has one, even the table's first (U,2.0 at index 0 here, which the
# version table names "U 2.0" in the software column: looked up by that
# name, no harness); a microbenchmark (a GEMM's TFLOPS, its model naming
# its shape and no lengths) is a cell too; c5 (1000/1000) from 1e7 down
# to 1e-300 is a change of 1e307 whose percentage no double holds, left
# out as the other way round is.  U 2.0 -> 3.0: c3 200 -> 210 (5%), the
# GEMM 800 -> 880 (10%): 2 cells, median (5 + 10) / 2 = 7.5%, p90 at 0.9
# of 0..1: 5 + 0.9 x 5 = 9.5%, signed median 7.5%; bench B both, the same
# series, adjacent.  (Mutation testing: the table's first line looked up by the other name,
# microbenchmarks no cell and the fall's percentage unchecked survived.)
cat > "$tmpd/data/measurements/harness.csv" <<'CSV'
software,version,series,harness,source
U,2.0,u,bench B,test
U,3.0,u,bench B,test
CSV
cat > "$tmpd/vh.csv" <<'CSV'
software,version,profile,tokens_per_s,fitted_chip,note
U 2.0,,trtllm-0.10,output,h100-sxm,test
U,3.0,trtllm-0.10,output,h100-sxm,test
CSV
cat > "$tmpd/mh.csv" <<CSV
$H
e,U,2.0,h100-sxm,1,llama3-8b,fp8,2048,128,1,1,max-load,,output_tokens_per_s,200,
f,U,3.0,h100-sxm,1,llama3-8b,fp8,2048,128,1,1,max-load,,output_tokens_per_s,210,
k,U,2.0,h100-sxm,1,gemm 8192x8192x8192,bf16,,,1,1,,,tflops,800,
l,U,3.0,h100-sxm,1,gemm 8192x8192x8192,bf16,,,1,1,,,tflops,880,
m,U,2.0,h100-sxm,1,llama3-8b,fp8,1000,1000,1,1,max-load,,output_tokens_per_s,1e7,
n,U,3.0,h100-sxm,1,llama3-8b,fp8,1000,1000,1,1,max-load,,output_tokens_per_s,1e-300,
CSV
expect_exit 0 "a harness table's first line, a GEMM, a fall of 1e307" -- env ROOFLAB_DATA="$tmpd/data" $RL validate --measurements "$tmpd/mh.csv" --versions "$tmpd/vh.csv"
expect_out "^  U 2\.0 -> 3\.0 +2 +7\.5% +9\.5% +\+7\.5%  same, adjacent\$" "U 2.0 -> 3.0: the GEMM a cell, the fall left out, its harness the table's first line"
# a single version: no pair, said so
(echo "$H"; grep '^r1-' "$M") > "$tmpd/one.csv"
rm "$tmpd/data/measurements/harness.csv"
expect_exit 0 "one version alone" -- env ROOFLAB_DATA="$tmpd/data" $RL validate --measurements "$tmpd/one.csv" --versions "$V"
expect_out "^  none \\(no two versions share a cell\\)\$" "text: no pair"
finish
