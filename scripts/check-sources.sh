#!/bin/sh
# check-sources.sh: every source that the presets and notes under a data
# directory cite must resolve inside the repository.
#   usage: scripts/check-sources.sh [ROOT]   (ROOT: the repository, default .)
# Scans ROOT/data (except the cited files themselves, data/sources/ and
# data/measurements/) for
#   - paths "data/...": the file or folder must exist under ROOT;
#   - bare file names "NAME.csv" / "NAME.md": must exist in data/sources/,
#     data/measurements/ or data/;
#   - paths that leave the repository ("../...", "/..."): always wrong.
# A path with folders that does not start with data/ (e.g. TensorRT-LLM's
# docs/source/performance/perf-overview.md) names a file of another
# repository and is not checked.  Prints one line per broken citation
# (file: citation) and exits 1 if there is any, 0 otherwise.
set -u
root=${1:-.}
bad=0
files=$(find "$root/data" -type f \( -name '*.ini' -o -name '*.md' \) \
	! -path "$root/data/sources/*" ! -path "$root/data/measurements/*" | sort)
for f in $files; do
	rel=${f#"$root"/}
	for tok in $(grep -oE '(\.\./|/)?[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]*)*' "$f" |
		grep -E '(^|/)data/|\.(csv|md)$|^\.\./' | sort -u); do
		tok=${tok%.}
		case $tok in
		../* | /*)
			echo "$rel: $tok (outside the repository)"
			bad=1 ;;
		data/*)
			[ -e "$root/$tok" ] ||
				{ echo "$rel: $tok (no such file)"; bad=1; } ;;
		*/*) ;; # another repository's path
		*.csv | *.md)
			[ -e "$root/data/sources/$tok" ] ||
				[ -e "$root/data/measurements/$tok" ] ||
				[ -e "$root/data/$tok" ] ||
				{ echo "$rel: $tok (not in data/sources, data/measurements or data)"; bad=1; } ;;
		esac
	done
done
exit $bad
