#!/bin/sh
# cli_headers.sh: every C file of the tree opens with a comment naming it
# and saying what it is for (scripts/check-headers.sh); the check itself
# fails on files written here by hand: one with no comment, one whose
# comment names another file, one that gives its name alone, and passes
# once each says what it is for.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-.}
check="$root/scripts/check-headers.sh"

expect_exit 0 "every C file has a header comment" -- sh "$check" "$root"
[ -s "$tmpd/out" ] && sed 's/^/    /' "$tmpd/out"

t="$tmpd/tree"
mkdir -p "$t/model" "$t/cli" "$t/tests"
printf '#include "b.h"\nint a;\n' >"$t/model/a.c"
printf '/*\n** other.h: the header of another file.\n*/\n' >"$t/model/b.h"
printf '/* cmd_x.c: */\nint x;\n' >"$t/cli/cmd_x.c"
printf '/*\n** test_y.c: tests of y against values by hand.\n*/\n' >"$t/tests/test_y.c"
expect_exit 1 "files without a header that says what they are for are refused" -- \
	sh "$check" "$t"
expect_out "^model/a.c: no header comment$" "a file with no comment is named"
expect_out "^model/b.h: the header does not open with 'b.h:'$" \
	"a comment naming another file is named"
expect_out "^cli/cmd_x.c: the header says nothing after 'cmd_x.c:'$" \
	"a name alone is named"
expect_no_out "test_y" "a file with a header passes"

printf '/*\n** a.c: the first file, which says what it is for.\n*/\nint a;\n' >"$t/model/a.c"
printf '/* b.h: the second file, on one line. */\n' >"$t/model/b.h"
printf '/* cmd_x.c: the x command, its options\n** and its output. */\n' >"$t/cli/cmd_x.c"
expect_exit 0 "the repaired files pass" -- sh "$check" "$t"
finish
