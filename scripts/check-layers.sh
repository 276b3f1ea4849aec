#!/bin/sh
# check-layers.sh: the layer rule of the source folders, and no include
# cycles.
#   usage: scripts/check-layers.sh [ROOT]   (ROOT: the repository, default .)
# Layers, each a folder, from the top: cli (5) -> reports (4) -> plots (3)
# -> claim, sweeps (2) -> config (1) -> model (0).  A file may include a
# file of its own folder or of a folder with a lower number; never one
# above, nor one beside it (claim and sweeps do not include each other).
# Every quoted #include is resolved against the including file's folder,
# and the files must not include each other in a circle (tsort finds
# loops).  Prints one line per broken include ("FILE: includes TARGET
# (layer A above B)" or "include cycle: ...") and exits 1 if there is any,
# 0 otherwise.
set -u
root=${1:-.}
cd "$root" || exit 2
rank() {
	case $1 in
	model) echo 0 ;; config) echo 1 ;; claim | sweeps) echo 2 ;;
	plots) echo 3 ;; reports) echo 4 ;; cli) echo 5 ;; *) echo -1 ;;
	esac
}
bad=0
edges=$(mktemp)
trap 'rm -f "$edges"' EXIT
for f in model/*.[ch] config/*.[ch] claim/*.[ch] sweeps/*.[ch] \
	plots/*.[ch] reports/*.[ch] cli/*.[ch]; do
	[ -f "$f" ] || continue
	dir=${f%%/*}
	from=$(rank "$dir")
	for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
		case $inc in
		../*/*) target=${inc#../} ;;
		*/*) target=$dir/$inc ;;
		*) target=$dir/$inc ;;
		esac
		tdir=${target%%/*}
		to=$(rank "$tdir")
		if [ ! -f "$target" ]; then
			echo "$f: includes $inc, which is not a file of the tree"
			bad=1
		elif [ "$to" -lt 0 ]; then
			echo "$f: includes $inc, outside the layers"
			bad=1
		elif [ "$tdir" != "$dir" ] && [ "$to" -ge "$from" ]; then
			echo "$f: includes $inc ($tdir is not below $dir)"
			bad=1
		fi
		echo "$f $target" >>"$edges"
	done
done
loops=$(tsort "$edges" 2>&1 >/dev/null | grep -v 'input contains a loop')
if [ -n "$loops" ]; then
	echo "include cycle among: $(echo "$loops" | sed 's/^tsort: //' | tr '\n' ' ')"
	bad=1
fi
exit $bad
