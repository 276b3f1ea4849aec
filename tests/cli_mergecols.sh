#!/bin/sh
# cli_mergecols.sh: merge and export of shards crafted by hand
# (sweeps75).  A long points.status or points.idx of text was cut into a
# 144-byte message buffer, its closing quote lost and the cut unsaid.
# Each refusal is exit 2 naming the part, the point and the value,
# nothing written.
. "$(dirname "$0")/clilib.sh"

cd "$tmpd" || exit 1
if ! have sqlite3 "shards crafted by hand"; then
	finish
fi
# 4 points (chip.hbm_tbps 1, 2, 3, 4), in 2 shards: p0.db holds points 0
# and 2, p1.db 1 and 3.  power_watts is the output power.watts, its unit
# "W" (model/outputs.c), its source "output" (sweeps/store.c)
spec4 spec.ini
"$RL" sweep spec.ini --db p0.db --shard 0/2 >/dev/null 2>&1
"$RL" sweep spec.ini --db p1.db --shard 1/2 >/dev/null 2>&1
"$RL" sweep spec.ini --db s.db >/dev/null 2>&1

# merge_refused PART0 PART1 PATTERN NAME: merge of the two parts exits 2,
# its stderr matching PATTERN after "rooflab merge: ", m.db not written
merge_refused() {
	rm -f m.db
	expect_exit 2 "merge refuses $4" -- "$RL" merge m.db "$1" "$2"
	expect_err "^rooflab merge: $3$" "merge names the parts, column and values ($4)"
	[ ! -e m.db ] && echo "ok - the refused merge wrote nothing ($4)" ||
		{ echo "not ok - the refused merge wrote m.db ($4)"; fails=$((fails + 1)); }
}

# (2) a long status or idx of text (200 bytes; 100 two-byte letters) was
# cut into a 144-byte buffer: no closing quote, no sign of the cut.  Now
# cut as rl_utf8_quote cuts a value (model/utf8.h: at most 80 bytes
# between the quotes, the dots among them): 77 a's, or 38 e-acutes (76
# bytes: a 39th would end at byte 78, past 77), then "...'" and the size
a77=$(awk 'BEGIN { for (i = 0; i < 77; i++) printf "a" }')
e38=$(awk 'BEGIN { for (i = 0; i < 38; i++) printf "\303\251" }')
long_a="'$a77\\.\\.\\.' \\(200 bytes\\)"
long_e="'$e38\\.\\.\\.' \\(200 bytes \\(100 characters\\)\\)"
for c in "aa:$long_a" "é:$long_e"; do
	v="${c%%:*}"
	cp p0.db q0.db
	sqlite3 q0.db "UPDATE points SET status = replace(hex(zeroblob(100)), '00', '$v') WHERE idx = 2"
	merge_refused q0.db p1.db "q0\\.db: run 1: point 2's points\\.status holds ${c#*:} \\(text\\), not a whole number as rooflab writes it; refusing to merge a crafted or altered shard" "a status of 200 bytes ($v)"
	cp p0.db q0.db
	sqlite3 q0.db "UPDATE points SET idx = replace(hex(zeroblob(100)), '00', '$v') WHERE idx = 2"
	merge_refused q0.db p1.db "q0\\.db: run 1: points\\.idx holds text \\(${c#*:}\\), not a whole number as rooflab writes it; refusing to merge a crafted or altered shard" "an idx of 200 bytes ($v)"
	cp s.db e.db
	sqlite3 e.db "UPDATE points SET status = replace(hex(zeroblob(100)), '00', '$v') WHERE idx = 2"
	expect_exit 2 "export refuses a status of 200 bytes ($v)" -- "$RL" export --db e.db --format csv
	expect_err "^rooflab export: e\\.db run 1: point 2's points\\.status holds ${c#*:} \\(text\\), not a whole number as rooflab writes it; refusing a crafted or altered database$" \
		"export cuts the status visibly ($v)"
	cp s.db e.db
	sqlite3 e.db "UPDATE points SET idx = replace(hex(zeroblob(100)), '00', '$v') WHERE idx = 2"
	expect_exit 2 "export refuses an idx of 200 bytes ($v)" -- "$RL" export --db e.db --format csv
	expect_err "^rooflab export: e\\.db run 1: points\\.idx holds ${c#*:} \\(text\\), not a whole number as rooflab writes it; refusing a crafted or altered database$" \
		"export cuts the idx visibly ($v)"
done
finish
