#!/bin/sh
# cli_scope.sh: a version table's rows scoped to some models (column
# models) and a profile borrowed from another version (column
# fitted_version), on the hand-made tests/scope/measurements.csv and
# versions.csv: which row serves each model, the out-of-sample set kept
# apart from the in-sample and held-out ones, and bad entries refused
# (exit 2 naming file, line and column).
. "$(dirname "$0")/clilib.sh"

root=${ROOFLAB_ROOT:-.}
M="$root/tests/scope/measurements.csv"
V="$root/tests/scope/versions.csv"

expect_exit 0 "scoped table: validate --json" -- $RL validate --measurements "$M" --versions "$V" --json
J="$tmpd/s.json"
cp "$tmpd/out" "$J"
pyq() { python3 -c "import json,sys; d=json.load(open('$J')); r={x['id']:x for x in d['rows']}; $1"; }
if have python3 "the scoped table's rows in --json"; then
	expect_exit 0 "every row listed, none dropped" -- pyq "assert len(d['rows'])==6"
	# T own: its own profile on its fitted chip, every model (the scope is
	# T lent's): in sample (set fitted_chip: a --measurements file's rows of
	# the fitted chip need not be rows the fit read, small68)
	expect_exit 0 "own version: in sample, the scope of another version not applied" -- pyq "assert [(r[i]['set'], r[i]['profile']) for i in ('own-70b','own-8x7b')]==[('fitted_chip','trtllm-0.10')]*2"
	# T lent borrows trtllm-0.10 from T own: on the fitted chip out of
	# sample, on another chip held out
	expect_exit 0 "borrowed profile: fitted chip out of sample, other chip held out" -- pyq "assert (r['lent-70b']['set'], r['lent-h200']['set'])==('out_of_sample','held_out'), r"
	# the same profile, chip, model and row: the same prediction
	expect_exit 0 "borrowed profile predicts as its own version does" -- pyq "assert r['lent-70b']['profile']=='trtllm-0.10' and r['lent-70b']['predicted']==r['own-70b']['predicted'], r"
	# mixtral-8x7b matches the prefix mixtral-* (no profile): not modelled
	# with that row's note as the reason
	expect_exit 0 "a model scoped out: not modelled, the scoped row's note the reason" -- pyq "x=r['lent-8x7b']; assert x['status']=='not_modelled' and x['profile'] is None and x['predicted'] is None and x['reason']=='test: the mixtrals of T lent are not modelled', x"
	# mixtral-8x22b matches both the prefix and its own name: the name wins
	expect_exit 0 "an exact name before a prefix" -- pyq "x=r['lent-8x22b']; assert x['status']=='ok' and x['profile']=='trtllm-0.10' and x['set']=='out_of_sample', x"
	# groups and cells keep the four sets apart: out of sample lent-70b
	# and lent-8x22b, in sample own-70b and own-8x7b, held out lent-h200
	expect_exit 0 "version groups: each set apart" -- pyq "c=sorted((g['key'],g['set'],g['rows']) for g in d['groups'] if g['by']=='version'); assert c==[('T lent','held_out',1),('T lent','not_modelled',1),('T lent','out_of_sample',2),('T own','fitted_chip',2)], c"
	expect_exit 0 "out-of-sample groups are not the fitted chip's" -- pyq "assert all(not g['fitted_chip'] for g in d['groups'] if g['set']=='out_of_sample')"
	expect_exit 0 "out-of-sample cells" -- pyq "c=sorted((c['model'],c['rows']) for c in d['cells'] if c['set']=='out_of_sample'); assert c==[('llama3-70b',1),('mixtral-8x22b',1)], c"
fi
expect_exit 0 "scoped table: validate text" -- $RL validate --measurements "$M" --versions "$V"
expect_out "^lent-70b .*\(borrowed\)" "text: the borrowed row tagged"
expect_out "^in sample and held out +3 rows" "text: the rows in sample and held out (2 + 1)"
expect_out "^5 of [0-9]+ rows modelled \(all modelled rows: the 3 in sample and held out and the 2 out of sample\)$" "text: all modelled rows are those 3 and the 2 out of sample"
expect_out "^out of sample \(borrowed\) +2 rows" "text: out-of-sample rows apart"
expect_out "^5 of 6 rows modelled" "text: modelled count"
expect_out "^out-of-sample rows \(a borrowed profile\) by chip" "text: out-of-sample cells"

# a longer prefix before a shorter, in either order of the rows: line 8
# scoped to mixtral-8x2* (profile, borrowed) serves mixtral-8x22b, line 7's
# mixtral-* (no profile) still serves mixtral-8x7b
if have python3 "a pattern scope in --json"; then
	sed '8s/,mixtral-8x22b,/,mixtral-8x2*,/' "$V" >"$tmpd/pre.csv"
	{ sed -n '1,6p' "$tmpd/pre.csv"; sed -n '8p' "$tmpd/pre.csv"; sed -n '7p' "$tmpd/pre.csv"; } >"$tmpd/pre2.csv"
	for f in pre pre2; do
		expect_exit 0 "prefixes ($f): validate --json" -- $RL validate --measurements "$M" --versions "$tmpd/$f.csv" --json
		cp "$tmpd/out" "$J"
		expect_exit 0 "a longer prefix before a shorter ($f)" -- pyq "assert (r['lent-8x22b']['set'], r['lent-8x22b']['profile'], r['lent-8x7b']['set'])==('out_of_sample','trtllm-0.10','not_modelled'), r"
	done
fi

# without the two columns (the table as before them): the scoped rows
# would be rows of T lent too, so they go; T lent then counts in sample
grep -v 'mixtral' "$V" | sed 's/^software,version,models,/software,version,/; s/^T,\([a-z]*\),,/T,\1,/; s/,h100-sxm,[a-z]*,/,h100-sxm,/; s/fitted_chip,fitted_version,/fitted_chip,/' >"$tmpd/old.csv"
expect_exit 0 "a table without models and fitted_version" -- $RL validate --measurements "$M" --versions "$tmpd/old.csv" --json
if have python3 "a table without models in --json"; then
	cp "$tmpd/out" "$J"
	expect_exit 0 "without fitted_version the fitted chip's rows are in sample" -- pyq "assert [r[i]['set'] for i in ('lent-70b','lent-8x7b','lent-h200')]==['fitted_chip','fitted_chip','held_out'], r"
fi

# the database: an out-of-sample row was in no fit (in_calibration 0)
if have sqlite3 "out-of-sample rows stored by --db"; then
	expect_exit 0 "scoped table: --db" -- $RL validate --measurements "$M" --versions "$V" --db "$tmpd/s.db"
	expect_exit 0 "stored: in_calibration 1 for in sample only" -- sh -c "test \"\$(sqlite3 '$tmpd/s.db' \"SELECT group_concat(id || '=' || in_calibration, ' ') FROM (SELECT id, in_calibration FROM validation ORDER BY id)\")\" = 'lent-70b=0 lent-8x22b=0 lent-h200=0 own-70b=1 own-8x7b=1'"
	# and out_of_sample 1 for the borrowed profile's fitted-chip rows
	# only (lent-70b, lent-8x22b; lent-h200 is another chip: held out)
	expect_exit 0 "stored: out_of_sample 1 for the borrowed fitted-chip rows only" -- sh -c "test \"\$(sqlite3 '$tmpd/s.db' \"SELECT group_concat(id || '=' || out_of_sample, ' ') FROM (SELECT id, out_of_sample FROM validation ORDER BY id)\")\" = 'lent-70b=1 lent-8x22b=1 lent-h200=0 own-70b=0 own-8x7b=0'"
	# the report and the plot name each set: a claim run first (a report
	# needs one), then the scoped validation into the same database
	"$RL" claim --samples 0 --no-design --db "$tmpd/r.db" >/dev/null 2>&1
	expect_exit 0 "scoped table: --db beside a claim run" -- $RL validate --measurements "$M" --versions "$V" --db "$tmpd/r.db"
	expect_exit 0 "report of a run with out-of-sample rows" -- $RL report --db "$tmpd/r.db" --out "$tmpd/r.md" --no-plots
	expect_exit 0 "report: a borrowed row is out of sample, not held out" -- grep -q "^| lent-70b | h100-sxm |.*| out of sample (borrowed profile) |\$" "$tmpd/r.md"
	expect_exit 0 "report: another chip's row of it is held out" -- grep -q "^| lent-h200 | h200-sxm |.*| held out |\$" "$tmpd/r.md"
	# the held-out table: the h200 row alone (1 row); the out-of-sample
	# table: llama3-70b and mixtral-8x22b, 1 row each, then all 2
	expect_exit 0 "report: the held-out table holds no fitted-chip row" -- sh -c "sed -n '/^Held out (other chips):/,/^Out of sample/p' '$tmpd/r.md' | grep '^| ' | grep -v -e '^| chip' -e '^| all' | cut -d'|' -f2,4,6 | tr -s ' ' | grep -qx ' h200-sxm | llama3-70b | 1 '"
	expect_exit 0 "report: the out-of-sample table" -- sh -c "test \"\$(sed -n '/^Out of sample (the fitted chip/,/^| all/p' '$tmpd/r.md' | grep '^| ' | grep -v -e '^| chip' -e '^|---' | cut -d'|' -f2,4,6 | tr -s ' ' | tr '\n' ';')\" = ' h100-sxm | llama3-70b | 1 ; h100-sxm | mixtral-8x22b | 1 ; all | | 2 ;'"
	if have gnuplot "plot of a run with out-of-sample rows"; then
		expect_exit 0 "plot of a run with out-of-sample rows" -- $RL plot validation --db "$tmpd/r.db" --out "$tmpd/r.svg"
		expect_exit 0 "plot: out-of-sample rows keyed apart" -- grep -q "h100-sxm (out of sample)" "$tmpd/r.svg"
		expect_exit 0 "plot: held-out rows keyed" -- grep -q "h200-sxm (held out)" "$tmpd/r.svg"
	fi
	# a database from before the column: validate --db adds it
	sqlite3 "$tmpd/r.db" "ALTER TABLE validation DROP COLUMN out_of_sample"
	expect_exit 0 "report of a database from before out_of_sample" -- $RL report --db "$tmpd/r.db" --out "$tmpd/old.md" --no-plots
	expect_exit 0 "validate --db into it" -- $RL validate --measurements "$M" --versions "$V" --db "$tmpd/r.db"
	expect_exit 0 "validate --db adds out_of_sample" -- sh -c "test \"\$(sqlite3 '$tmpd/r.db' \"SELECT count(*) FROM pragma_table_info('validation') WHERE name = 'out_of_sample'\")\" = 1"
fi

# bad entries: exit 2, file, line and column named.  Line 7 of the table
# is the mixtral-* row (3 comment lines, the header, 3 rows before it).
bad() { # NAME SED-EXPRESSION PATTERN
	sed "$2" "$V" >"$tmpd/bad.csv"
	expect_exit 2 "bad scope: $1" -- $RL validate --measurements "$M" --versions "$tmpd/bad.csv"
	expect_err "$3" "bad scope: $1 named"
}
bad "'*' inside an entry" '7s/mixtral-\*/mix*tral/' "bad\.csv:7: column 'models': 'mix\*tral': '\*' only at the end"
bad "'*' alone" '7s/mixtral-\*/*/' "bad\.csv:7: column 'models': '\*' alone"
bad "a model without a preset" '7s/mixtral-\*/mixtral-9x9b/' "bad\.csv:7: column 'models': 'mixtral-9x9b': no model preset of that name"
bad "a prefix of no preset" '7s/mixtral-\*/zz*/' "bad\.csv:7: column 'models': 'zz\*': no model preset's name starts so"
bad "a character no name has" '7s/mixtral-\*/mixtral;x/' "bad\.csv:7: column 'models': 'mixtral;x': a character no model name has"
bad "only spaces" '7s/mixtral-\*/   /' "bad\.csv:7: column 'models': only spaces"
bad "an entry twice in a version" '8s/,mixtral-8x22b,/,mixtral-8x22b mixtral-*,/' "bad\.csv:8: column 'models': 'mixtral-\*' also scopes line 7"
bad "a scoped version without its unscoped row" '7s/^T,lent,/T,other,/' "bad\.csv:7: column 'models': no row of software 'T' version 'other' without models"
bad "a scoped row counting tokens otherwise" '7s/,output,/,total,/' "bad\.csv:7: column 'tokens_per_s': 'total' where line 6"
bad "fitted_version of no row" '6s/,own,test/,gone,test/' "bad\.csv:6: column 'fitted_version': no row of software 'T' version 'gone'"
bad "fitted_version with another profile" '6s/,trtllm-0.10,/,trtllm-0.11,/' "bad\.csv:6: column 'fitted_version': line 5 \(software 'T' version 'own'\) has profile 'trtllm-0.10', not this row's 'trtllm-0.11'"
bad "fitted_version without a profile" '7s/,h100-sxm,,/,h100-sxm,own,/' "bad\.csv:7: column 'fitted_version': 'own' on a row without a profile"
bad "fitted_version its own" '6s/,own,test/,lent,test/' "bad\.csv:6: column 'fitted_version': 'lent' on this row's own version"
bad "a scoped row in sample with a profile its version borrows" '8s/,h100-sxm,own,/,h100-sxm,,/' "bad\.csv:8: column 'fitted_version': '' where line 6, the unscoped row of this version, says 'own' of the same profile 'trtllm-0.10'"
bad "fitted_version of a borrower" '$a T,third,,trtllm-0.10,output,h100-sxm,lent,test' "bad\.csv:9: column 'fitted_version': line 6 \(software 'T' version 'lent'\) borrows its profile too"
# the table's own shape: a column twice in the header (line 4), a version
# given twice (line 5's T own again as line 9), a text longer than its
# buffer (version: 127 bytes; note: 511, also where it is the reason of a
# row without a profile, which holds it whole), which cut would match
# another version's or say half its reason
bad "a column twice in the header" '4s/$/,models/' "bad\.csv:4: column 'models' \(9\) repeats column 'models' \(3\)"
bad "a version twice" '$a T,own,,trtllm-0.11,output,h100-sxm,,again' "bad\.csv:9: column 'version': software 'T' version 'own' has a row without models at line 5 already"
v127=$(printf '%0127d' 0 | tr 0 v)
bad "a version of 128 bytes" "\$a T,${v127}w,,trtllm-0.10,output,h100-sxm,,long" "bad\.csv:9: column 'version': longer than 127 bytes"
n255=$(printf '%0255d' 0 | tr 0 n)
bad "a note of 512 bytes" "5s/,test: fitted.*/,${n255}${n255}nm/" "bad\.csv:5: column 'note': longer than 511 bytes"
bad "a reason of 512 bytes" "7s/,test: the mixtrals.*/,${n255}${n255}nm/" "bad\.csv:7: column 'note': longer than 511 bytes"
sed -e "5s/,test: fitted.*/,${n255}${n255}n/" -e "7s/,test: the mixtrals.*/,${n255}${n255}n/" -e "\$a T,${v127},,trtllm-0.10,output,h100-sxm,,long" "$V" >"$tmpd/long.csv"
expect_exit 0 "a version of 127 bytes, notes of 511, also without a profile" -- $RL validate --measurements "$M" --versions "$tmpd/long.csv" --json
if have python3 "a version of 127 bytes in --json"; then
	cp "$tmpd/out" "$J"
	expect_exit 0 "a scoped row's note of 511 bytes is the reason whole" -- pyq "assert r['lent-8x7b']['reason']=='n'*511, len(r['lent-8x7b']['reason'])"
fi

# calibrate takes the rows validate models: of T lent on h100-sxm,
# lent-70b (unscoped) and lent-8x22b (scoped by name, with a profile);
# lent-8x7b, scoped out by mixtral-* (no profile), is left out with that
# row's note, where it was fitted (3 rows)
cp -r "${ROOFLAB_DATA:-$root/data}" "$tmpd/d"
cp "$V" "$tmpd/d/profiles/versions.csv"
expect_exit 0 "calibrate on a scoped table" -- env ROOFLAB_DATA="$tmpd/d" $RL calibrate \
	--profile trtllm-0.10 --measurements "$M" --version lent --chip h100-sxm \
	--fit eff_memory --no-loo --out "$tmpd/fit.ini"
expect_out "^left out lent-8x7b: not modelled by the version table \(test: the mixtrals of T lent are not modelled\)\$" \
	"calibrate: a model the table scopes out is left out, with the row's note"
expect_out "^calibrating profile trtllm-0\.10 on 2 rows " "calibrate: the two rows validate models"
expect_out "^\(1 row left out, each named above with why" "calibrate: one row left out, counted"
expect_out "^lent-8x22b " "calibrate: the model scoped back in by its name is fitted"
# a row measured so small that its log error is no number (the smallest
# normal double, 2.2250738585072014e-308 tokens/s, against some 1,300
# modelled: the ratio overflows) is left out and named, as validate lists
# it not modelled, and counted; the fit and its profile's comment as
# without it, where the fit read "rms log error inf (start inf)" and the
# profile's comment said so
(cat "$M"; echo "tiny,T,lent,h100-sxm,8,llama3-70b,fp8,2048,128,8,1,max-load,,output_tokens_per_s,2.2250738585072014e-308,") >"$tmpd/tiny.csv"
expect_exit 0 "calibrate with a row measured at 2.2e-308" -- env ROOFLAB_DATA="$tmpd/d" $RL calibrate \
	--profile trtllm-0.10 --measurements "$tmpd/tiny.csv" --version lent --chip h100-sxm \
	--fit eff_memory --no-loo --out "$tmpd/tiny.ini"
# (small52: the measured value as given, in all its digits, where %.6g
# wrote 2.22507e-308; the modelled figure by eval's rule, one decimal
# from 100)
expect_out "^left out tiny: its log error is no finite number \(measured 2\.2250738585072014e-308, modelled [0-9]+\.[0-9]\)\$" \
	"calibrate: the tiny row left out, with why"
expect_out "^calibrating profile trtllm-0\.10 on 2 rows " "calibrate: the two rows without it"
expect_out "^\(2 rows left out, each named above with why" "calibrate: two rows left out, counted"
if grep -q 'error inf\|inf%' "$tmpd/tiny.ini" "$tmpd/out"; then
	echo "not ok - calibrate: no inf in its output or profile"; fails=$((fails + 1))
else
	echo "ok - calibrate: no inf in its output or profile"
fi
# the profile fitted as on the rows without it (the same two rows): all
# but its name and the file named in its first two comment lines
if [ "$(sed -e 1,2d -e '/^name = /d' "$tmpd/fit.ini")" = "$(sed -e 1,2d -e '/^name = /d' "$tmpd/tiny.ini")" ]; then
	echo "ok - calibrate: the fit as without the tiny row"
else
	echo "not ok - calibrate: the fit as without the tiny row"; fails=$((fails + 1))
fi
# a row measured at 1e308 tokens/s against some 1,360 modelled: its log
# error, log(1360 / 1e308) = -702.0, is a finite number, so the fit takes
# it as validate models it (-100.0%): it is not left out as "no finite
# number", where the ratio less 1 (-1 in a double) read as one
(cat "$M"; echo "huge,T,lent,h100-sxm,8,llama3-70b,fp8,2048,128,8,1,max-load,,output_tokens_per_s,1e308,") >"$tmpd/huge.csv"
expect_exit 0 "calibrate with a row measured at 1e308" -- env ROOFLAB_DATA="$tmpd/d" $RL calibrate \
	--profile trtllm-0.10 --measurements "$tmpd/huge.csv" --version lent --chip h100-sxm \
	--fit eff_memory --no-loo --out "$tmpd/huge.ini"
expect_no_out "^left out huge" "calibrate: the row at 1e308 is not left out (its log error is finite)"
expect_out "^calibrating profile trtllm-0\.10 on 3 rows " "calibrate: the row at 1e308 fitted with the two others"
expect_out "^huge .* 1e\+308 " "calibrate: the row at 1e308 listed among the fitted"
exit $fails
