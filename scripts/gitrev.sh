#!/bin/sh
# gitrev.sh: the build's git revision for build/gitrev.h (Makefile
# RL_GIT_REV), which each sweep run records (runs.git_rev) and resume and
# merge compare: HEAD's short hash; "HASH-dirty-SUM" where the tree
# differs from HEAD (tracked files changed, or files git does not ignore
# added), SUM the first 8 hex digits of git's hash of that difference, so
# two different uncommitted trees are two builds and the same tree is one;
# "unknown" without git, outside a repository, or where DIR is not the
# top of one (a tarball unpacked inside another repository's folder: git
# would answer with that repository's HEAD, marked dirty by the unpacked
# files).  A worktree (.git a file) is its own top.
#   sh scripts/gitrev.sh [DIR]
[ -n "$1" ] && { cd "$1" || { echo unknown; exit 0; }; }
top=$(git rev-parse --show-toplevel 2>/dev/null) || { echo unknown; exit 0; }
[ -n "$top" ] && [ "$(cd "$top" 2>/dev/null && pwd -P)" = "$(pwd -P)" ] ||
	{ echo unknown; exit 0; }
rev=$(git rev-parse --short HEAD 2>/dev/null) || { echo unknown; exit 0; }
[ -n "$rev" ] || { echo unknown; exit 0; }
untracked=$(git ls-files --others --exclude-standard 2>/dev/null)
if git diff --quiet HEAD -- 2>/dev/null && [ -z "$untracked" ]; then
	echo "$rev"
	exit 0
fi
# the difference: tracked files' diff, then each untracked file's name and
# bytes (git hash-object: SHA-1 of what it reads)
sum=$( { git diff --binary HEAD -- 2>/dev/null
	printf '%s\n' "$untracked" | while IFS= read -r f; do
		[ -n "$f" ] || continue
		printf '\n%s\n' "$f"
		[ -f "$f" ] && cat -- "$f"
	done; } | git hash-object --stdin 2>/dev/null | cut -c1-8)
echo "$rev-dirty${sum:+-$sum}"
