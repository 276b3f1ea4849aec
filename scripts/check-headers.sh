#!/bin/sh
# check-headers.sh: every C file opens with a comment that says what it is
# for (the developers' guide: small files with header comments).
#   usage: scripts/check-headers.sh [ROOT]   (ROOT: the repository, default .)
# Every .c and .h of the layers' folders, of tests/ and tests/tools/ must
# begin with a comment ("/*" on its first line) whose first words, on its
# first or second line, are the file's own name and a colon ("** engine.c:
# ..." or "/* engine.c: ..."), followed by at least three words of its own
# before the comment ends: a name alone says nothing.  Prints one line per
# file that does not ("FILE: no header comment", "FILE: the header does
# not open with 'NAME:'", "FILE: the header says nothing after 'NAME:'")
# and exits 1 if there is any, 0 otherwise.
set -u
root=${1:-.}
cd "$root" || exit 2
bad=0
for f in model/*.[ch] config/*.[ch] claim/*.[ch] sweeps/*.[ch] \
	plots/*.[ch] reports/*.[ch] cli/*.[ch] tests/*.[ch] tests/tools/*.[ch]; do
	[ -f "$f" ] || continue
	name=${f##*/}
	why=$(awk -v name="$name" '
		NR == 1 && $0 !~ /^\/\*/ { print "no header comment"; exit }
		{ text = text " " $0 }
		/\*\// { done = 1 }
		done || NR >= 40 {
			sub(/\*\/.*/, "", text)
			gsub(/\/\*|\*\*/, " ", text)
			n = split(text, w, /[ \t]+/)
			i = 1
			while (i <= n && w[i] == "") i++
			if (w[i] != name ":") {
				print "the header does not open with '\''" name ":'\''"
				exit
			}
			words = 0
			for (j = i + 1; j <= n; j++) if (w[j] != "") words++
			if (words < 3)
				print "the header says nothing after '\''" name ":'\''"
			exit
		}' "$f")
	if [ -n "$why" ]; then
		echo "$f: $why"
		bad=1
	fi
done
exit $bad
