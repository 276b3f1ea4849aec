#!/bin/sh
# cli_install.sh: `make install PREFIX=DIR` into a temporary prefix: the
# program lands in DIR/bin and reads the data copied to
# DIR/share/rooflab/data (not the checkout's: a preset removed there is
# gone from its list; ROOFLAB_DATA still overrides), run from another
# folder; a second install replaces the data; a PREFIX that is not
# absolute, or holds a quote, is refused (exit 2) with nothing installed.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
# the build folder of this run (run.sh: ROOFLAB_TOOLS=ROOT/BUILD/tools),
# so that make test SAN=1 installs from its own objects
build=build
[ -n "${ROOFLAB_TOOLS:-}" ] && build=$(basename "$(dirname "$ROOFLAB_TOOLS")")
san=0
case $build in *-san) san=1 ;; esac
# mk ARGS: make in the checkout, not as a part of make test's own make
mk() {
	env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -C "$root" \
		--no-print-directory SAN=$san "$@"
}
pfx=$tmpd/pfx
share=$pfx/share/rooflab

expect_exit 0 "make install PREFIX=TMP/pfx" -- mk install PREFIX="$pfx"
for f in bin/rooflab share/rooflab/data/chips/h100-sxm.ini \
	share/rooflab/data/measurements/published-h100.csv \
	share/rooflab/sweeps/isl-osl.ini share/rooflab/sweeps/README.md; do
	if [ -f "$pfx/$f" ]; then
		echo "ok - installed $f"
	else
		echo "not ok - $f not installed"; fails=$((fails + 1))
	fi
done
if [ -x "$pfx/bin/rooflab" ]; then
	echo "ok - bin/rooflab is executable"
else
	echo "not ok - bin/rooflab is not executable"; fails=$((fails + 1))
fi

# run from another folder, no ROOFLAB_DATA: the installed data
mkdir "$tmpd/elsewhere"
cd "$tmpd/elsewhere" || exit 1
expect_exit 0 "installed: presets" -- env -u ROOFLAB_DATA "$pfx/bin/rooflab" presets
if [ "$(head -n 1 "$tmpd/out")" = "data directory: $share/data" ]; then
	echo "ok - installed: its data directory is PREFIX/share/rooflab/data"
else
	echo "not ok - installed: $(head -n 1 "$tmpd/out")"; fails=$((fails + 1))
fi
expect_exit 0 "installed: eval" -- env -u ROOFLAB_DATA "$pfx/bin/rooflab" eval \
	--chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 8
expect_out "llama3-70b on 8 x h100-sxm \(TP8 x PP1\)" "installed: eval's result"
# a preset removed from the installed data is gone from the installed
# program's list, still in the checkout's
rm "$share/data/chips/l40s.ini"
expect_exit 0 "installed: presets chip" -- env -u ROOFLAB_DATA "$pfx/bin/rooflab" presets chip
expect_no_out "^  l40s " "installed: reads the installed data (l40s removed there)"
expect_out "^  h100-sxm " "installed: the list is there, the presets left in it listed"
expect_exit 0 "checkout: presets chip" -- "$RL" presets chip
expect_out "^  l40s " "checkout: l40s still listed"
expect_exit 2 "installed: ROOFLAB_DATA overrides" -- env ROOFLAB_DATA="$tmpd/none" \
	"$pfx/bin/rooflab" presets chip
expect_err "data directory .*/none \(ROOFLAB_DATA\)" "installed: ROOFLAB_DATA named"
cd "$root" || exit 1

# a second install puts the data back whole
expect_exit 0 "make install again" -- mk install PREFIX="$pfx"
if [ -f "$share/data/chips/l40s.ini" ]; then
	echo "ok - a second install replaces the data"
else
	echo "not ok - a second install left l40s.ini out"; fails=$((fails + 1))
fi

expect_exit 2 "PREFIX not absolute" -- mk install PREFIX=rel-prefix-test
expect_out "PREFIX must be an absolute path" "PREFIX not absolute: said"
expect_exit 2 "PREFIX with a quote" -- mk install "PREFIX=$tmpd/q'x"
expect_out "PREFIX may hold letters, digits" "PREFIX with a quote: said"
if [ ! -e "$root/rel-prefix-test" ] && [ -z "$(ls "$tmpd" | grep "^q")" ]; then
	echo "ok - a refused PREFIX installs nothing"
else
	echo "not ok - a refused PREFIX installed something"; fails=$((fails + 1))
fi
finish
