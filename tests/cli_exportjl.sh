#!/bin/sh
# cli_exportjl.sh: export --format jsonl (JSON Lines, ux34's walk: the
# JSON's one key a line was 3.5x the CSV and no stream; json.load of 1.3M
# points took 73 s).  Read back line by line with python3: the first line
# is the run and its columns, equal to --format json's; then one line per
# point, each equal to the JSON's point and, value by value, to the CSV's
# row (NULL an empty field and null, an infinite real inf / "inf", a text
# with a line break quoted in the CSV and escaped on its one line); all of
# it strict UTF-8.  A crafted database is refused before a line is
# written, as for csv and json; --units is for csv alone.
. "$(dirname "$0")/clilib.sh"

d=$tmpd
# 2 x 2 x 2 = 8 points, a text output (decode.bound) among the numbers
sweep_spec "$d/j.ini" <<'EOF'
[axes]
scenario.tp = 1, 8
scenario.batch = 1, 4096
chip.hbm_tbps = 2, 3.35
[outputs]
keep = throughput.output_tokens_per_s, latency.tpot_s, decode.bound, power.watts
EOF
expect_exit 0 "a sweep of 8 points" -- $RL sweep "$d/j.ini" --db "$d/j.db"
have sqlite3 "the cells set by hand" || exit $((fails > 0))
# the cells the rules are about, set as README's Exporting has them: a
# NULL, +inf and -inf (SQLite keeps 1e999 as an infinity), a text with a
# line feed, a tab and an e-acute, and a real of 17 digits
sqlite3 "$d/j.db" "UPDATE points SET latency_tpot_s = NULL WHERE idx = 1;
UPDATE points SET power_watts = 1e999 WHERE idx = 2;
UPDATE points SET power_watts = -1e999 WHERE idx = 3;
UPDATE points SET decode_bound = 'mem' || char(10) || 'ory' || char(9) || 'caf' || char(233) WHERE idx = 4;
UPDATE points SET throughput_output_tokens_per_s = 0.30000000000000004 WHERE idx = 5"
expect_exit 0 "export --format jsonl" -- $RL export --db "$d/j.db" --format jsonl
cp "$tmpd/out" "$d/j.jsonl"
expect_exit 0 "export --format csv" -- $RL export --db "$d/j.db" --format csv
cp "$tmpd/out" "$d/j.csv"
expect_exit 0 "export --format json" -- $RL export --db "$d/j.db" --format json
cp "$tmpd/out" "$d/j.json"
n=$(grep -c '' "$d/j.jsonl")
[ "$n" = 9 ] && echo "ok - 9 lines: the run and its columns, then 8 points" ||
	{ echo "not ok - the JSONL has $n lines, not 9"; fails=$((fails + 1)); }

if have python3 "JSON Lines read back line by line"; then
	python3 - "$d/j.jsonl" "$d/j.csv" "$d/j.json" >"$d/py.txt" 2>&1 <<'EOF'
import csv, json, math, sys
jl, cs, js = sys.argv[1:4]
raw = open(jl, "rb").read()
raw.decode("utf-8")  # strict: raises on a byte of no UTF-8
print("ok - the JSONL is valid UTF-8")
lines = raw.split(b"\n")
print(("ok" if lines[-1] == b"" else "not ok") + " - the last line ends in a line feed")
lines = lines[:-1]
objs = [json.loads(l) for l in lines]   # each line a JSON text by itself
print("ok - each of the %d lines parses alone" % len(objs))
whole = json.load(open(js, encoding="utf-8"))
head = objs[0]
print(("ok" if list(head) == ["run", "columns"] else "not ok")
      + " - the first line holds run and columns: %s" % list(head))
print(("ok" if head["run"] == whole["run"] else "not ok")
      + " - its run is --format json's")
print(("ok" if head["columns"] == whole["columns"] else "not ok")
      + " - its columns are --format json's")
pts = objs[1:]
print(("ok" if pts == whole["points"] else "not ok")
      + " - its points are --format json's, in order")
rows = list(csv.reader(open(cs, encoding="utf-8", newline="")))
hdr, rows = rows[0], rows[1:]
print(("ok" if len(rows) == len(pts) == 8 else "not ok")
      + " - 8 points, 8 CSV rows (%d, %d)" % (len(pts), len(rows)))
bad = 0
for row, p in zip(rows, pts):
    if list(p) != hdr[1:]:
        bad += 1
        print("# keys %s differ from the CSV header %s" % (list(p), hdr[1:]))
    if row[0] != "1":
        bad += 1
    for name, cell in zip(hdr[1:], row[1:]):
        v = p.get(name, "MISSING")
        if cell == "":
            same = v is None
        elif cell in ("inf", "-inf"):
            same = v == cell
        elif isinstance(v, bool) or v is None:
            same = False
        elif isinstance(v, int):
            same = str(v) == cell
        elif isinstance(v, float):
            same = float(cell) == v and math.isfinite(v)
        else:
            same = v == cell
        if not same:
            bad += 1
            print("# idx %s %s: csv %r, jsonl %r" % (row[1], name, cell, v))
print(("ok" if bad == 0 else "not ok")
      + " - every value of every point is the CSV's (%d differ)" % bad)
want = {1: ("latency_tpot_s", None), 2: ("power_watts", "inf"),
        3: ("power_watts", "-inf"),
        4: ("decode_bound", "mem\nory\tcaf\u00e9"),
        5: ("throughput_output_tokens_per_s", 0.30000000000000004)}
for idx, (name, v) in want.items():
    got = pts[idx][name]
    print(("ok" if got == v and type(got) == type(v) else "not ok")
          + " - point %d's %s is %r (%r)" % (idx, name, v, got))
print(("ok" if b'"mem\\nory\\tcaf\xc3\xa9"' in lines[5] else "not ok")
      + " - the line break and tab escaped on point 4's line")
EOF
	echo "python3 exit $?" >>"$d/py.txt"
	cat "$d/py.txt"
	grep -q '^not ok\|Traceback' "$d/py.txt" && fails=$((fails + 1))
	grep -q '^python3 exit 0$' "$d/py.txt" || fails=$((fails + 1))
fi

# the size: no indent, each point's keys on its line (the JSON's 2-blank
# indent a level and a key a line is gone)
a=$(wc -c <"$d/j.jsonl"); b=$(wc -c <"$d/j.json")
[ "$a" -lt "$b" ] && echo "ok - the JSONL ($a bytes) is smaller than the JSON ($b)" ||
	{ echo "not ok - the JSONL ($a bytes) is not smaller than the JSON ($b)"; fails=$((fails + 1)); }

# refusals, as for csv and json
expect_exit 2 "--units with jsonl" -- $RL export --db "$d/j.db" --format jsonl --units
expect_err "--units is for --format csv" "says --units is for csv"
expect_exit 2 "without --format" -- $RL export --db "$d/j.db"
expect_err "missing --format csv\|json\|jsonl \(.*jsonl: the same, the run and columns on a first line, then a line per point\)" \
	"names jsonl among the formats"
sqlite3 "$d/j.db" "UPDATE points SET power_watts = 'abc' WHERE idx = 6"
expect_exit 2 "a number column holding text, as jsonl" -- $RL export --db "$d/j.db" --format jsonl
expect_err "point 6's points\.power_watts holds text 'abc', not a number" "names the cell"
[ ! -s "$tmpd/out" ] && echo "ok - no line written before the refusal" ||
	{ echo "not ok - the refused jsonl export wrote $(wc -c <"$tmpd/out") bytes"; fails=$((fails + 1)); }
expect_exit 2 "--format jsonx" -- $RL export --db "$d/j.db" --format jsonx

# a runs table given two columns whose names are no UTF-8, each byte of
# none one U+FFFD in a JSON key (fuzz79's jsonlx target): the run object
# held the key "a\ufffd" twice.  Refused before a line is written, in
# every format (the file is crafted whatever is exported of it)
cp "$d/j.db" "$d/k.db"
sqlite3 "$d/k.db" "UPDATE points SET power_watts = 1 WHERE idx = 6"
sqlite3 "$d/k.db" "$(printf 'ALTER TABLE runs ADD COLUMN "a\377" TEXT; ALTER TABLE runs ADD COLUMN "a\376" TEXT')"
for f in jsonl json csv; do
	expect_exit 2 "a runs column named in no UTF-8, as $f" -- $RL export --db "$d/k.db" --format $f
	expect_err "k\.db: the table runs has a column named 'a.*', whose name is no UTF-8; refusing a crafted or altered database" \
		"names the table and the column ($f)"
	[ ! -s "$tmpd/out" ] && echo "ok - nothing written ($f)" ||
		{ echo "not ok - the refused $f export wrote $(wc -c <"$tmpd/out") bytes"; fails=$((fails + 1)); }
done

exit $((fails > 0))
