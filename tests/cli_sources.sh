#!/bin/sh
# cli_sources.sh: the sources the data cites are inside the repository
# (issue 14): scripts/check-sources.sh passes on data/, and it does catch a
# citation that leaves the repository or names a missing file.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-.}
chk="$root/scripts/check-sources.sh"

expect_exit 0 "every citation in data/ resolves" -- sh "$chk" "$root"
for f in claims.md hardware.csv silicon.csv methodology.md models.csv \
	hardware-more.csv models-more.csv hardware-models-more.md; do
	expect_exit 0 "data/sources/$f is in the repository" -- test -s "$root/data/sources/$f"
done

# a hostile copy: three broken citations, one foreign-repository path
mkdir -p "$tmpd/r/data/chips" "$tmpd/r/data/sources"
echo "x" >"$tmpd/r/data/sources/hardware.csv"
cat >"$tmpd/r/data/chips/x.ini" <<'INI'
; peak from hardware.csv (fine), die from ../shared/reference/silicon.csv,
; bandwidth from data/sources/nosuch.csv and from gone.md; the
; docs/source/performance/perf-overview.md of another repository is not ours.
[chip]
hbm_tbps = 1
INI
expect_exit 1 "a broken citation fails the check" -- sh "$chk" "$tmpd/r"
expect_out "x.ini: \.\./shared/reference/silicon.csv \(outside" "names the citation outside the repository"
expect_out "x.ini: data/sources/nosuch.csv \(no such file" "names the missing data/ path"
expect_out "x.ini: gone.md \(not in" "names the missing bare file"
if grep -q "hardware.csv\|perf-overview" "$tmpd/out"; then
	echo "not ok - a resolving citation or a foreign path is reported"
	fails=$((fails + 1))
else
	echo "ok - resolving citations and foreign paths are not reported"
fi
finish
