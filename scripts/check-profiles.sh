#!/bin/sh
# check-profiles.sh: the generated profiles in data/profiles are what their
# fit scripts write from today's tree.  Copies the tree's data/ and scripts/
# to a temporary folder, reruns the fit scripts there in order (the later
# ones read the profiles the earlier ones write: fit-profiles-more.sh takes
# moe_gemm_eff from 0.14-0.17, fit-triton.sh starts from trtllm-0.14), and
# compares every profile they write with the shipped one, ignoring the date
# of the fit (header line and fitted/calibrated key) and temporary file
# names.  The tree's own files are never written.
#   usage: scripts/check-profiles.sh [ROOT [SCRIPT...]]
#     ROOT    the repository (default: this script's); its ./rooflab runs
#             the fits unless $ROOFLAB names another binary
#     SCRIPT  fit scripts to rerun, in order (default: calibrate-trtllm.sh
#             fit-profiles.sh fit-profiles-more.sh fit-triton.sh)
#   exit 0: every rewritten profile matches; 1: a fit failed, or a profile
#   differs or is not shipped (each named as "stale: data/profiles/X.ini");
#   2: ROOT or a SCRIPT missing.
set -u
root=${1:-$(dirname "$0")/..}
[ $# -gt 0 ] && shift
if ! root=$(cd "$root" 2>/dev/null && pwd) || [ ! -d "$root/data/profiles" ]; then
	echo "check-profiles.sh: $root: not a rooflab tree (no data/profiles)" >&2
	exit 2
fi
[ $# -gt 0 ] || set -- calibrate-trtllm.sh fit-profiles.sh fit-profiles-more.sh fit-triton.sh
bin=${ROOFLAB:-$root/rooflab}
[ -x "$bin" ] || { echo "check-profiles.sh: $bin: no rooflab binary (make)" >&2; exit 2; }
for s in "$@"; do
	case $s in */*|"") echo "check-profiles.sh: $s: give a script name in scripts/" >&2; exit 2 ;; esac
	[ -f "$root/scripts/$s" ] || { echo "check-profiles.sh: scripts/$s: no such script" >&2; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-profiles.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
mkdir "$tmp/r" && cp -R "$root/data" "$root/scripts" "$tmp/r/" &&
	ln -s "$bin" "$tmp/r/rooflab" || { echo "check-profiles.sh: cannot copy the tree" >&2; exit 1; }
# a marker older than every rewritten profile: the ones the scripts wrote
touch "$tmp/start"
sleep 1

for s in "$@"; do
	if ! (cd "$tmp/r" && ROOFLAB_DATA="$tmp/r/data" TMPDIR="$tmp" sh "scripts/$s") \
	    >"$tmp/log" 2>&1; then
		echo "check-profiles.sh: scripts/$s failed:" >&2
		tail -5 "$tmp/log" >&2
		exit 1
	fi
done

# the date a fit ran and temporary names are not part of the fit
norm() {
	sed -E -e 's#(written by `rooflab calibrate` on )[0-9]{4}-[0-9]{2}-[0-9]{2}#\1DATE#' \
	    -e 's#^(fitted|calibrated) = [0-9]{4}-[0-9]{2}-[0-9]{2}#\1 = DATE#' \
	    -e "s#$tmp/[A-Za-z0-9._-]*#TMP#g" \
	    -e 's#/tmp/[A-Za-z0-9._-]*#TMP#g' "$1"
}
stale=0
checked=0
find "$tmp/r/data/profiles" -name '*.ini' -newer "$tmp/start" | sort >"$tmp/list"
while IFS= read -r f; do
	name=${f##*/}
	checked=$((checked + 1))
	if [ ! -f "$root/data/profiles/$name" ]; then
		echo "stale: data/profiles/$name is written by the fit scripts but not shipped"
		stale=$((stale + 1))
	elif ! norm "$f" >"$tmp/new" || ! norm "$root/data/profiles/$name" >"$tmp/old" ||
	     ! cmp -s "$tmp/old" "$tmp/new"; then
		echo "stale: data/profiles/$name differs from what its fit script writes now:"
		diff "$tmp/old" "$tmp/new" | grep '^[<>]' | cut -c1-160 | head -6
		stale=$((stale + 1))
	fi
done <"$tmp/list"
if [ "$checked" -eq 0 ]; then
	echo "check-profiles.sh: the fit scripts wrote no profile" >&2
	exit 1
fi
if [ "$stale" -gt 0 ]; then
	echo "$stale of $checked generated profiles stale: rerun scripts/$* and commit the refit"
	exit 1
fi
echo "$checked generated profiles match their fit scripts ($*)"
