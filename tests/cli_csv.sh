#!/bin/sh
# cli_csv.sh: the measurements and the software versions are read by one
# CSV row reader (config/csvrows.c): both files report an unterminated
# quote and an over-long line as FILE:LINE, the versions file skips '#'
# comment lines and blank lines.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-.}
V="$root/data/profiles/versions.csv"
M="$root/data/measurements.csv"

# the shipped versions file with a quoted, unterminated field on a new 5th
# line after 3 comment lines and one blank line
grep -v '^#' "$V" >"$tmpd/body"
{ printf '# a comment\n#another\n\n'; head -n 1 "$tmpd/body"
  printf 'trtllm,"0.10,broken\n'; } >"$tmpd/v1.csv"
expect_exit 2 "versions: unterminated quote" -- $RL validate --versions "$tmpd/v1.csv"
expect_err "v1.csv:5: unterminated quote" "versions: file and line (comments and blank lines counted)"

# an over-long line (20000 bytes, the reader's lines hold 16383) on line 2
{ head -n 1 "$tmpd/body"; head -c 20000 /dev/zero | tr '\0' 'x'; printf '\n'; } >"$tmpd/v2.csv"
expect_exit 2 "versions: line too long" -- $RL validate --versions "$tmpd/v2.csv"
expect_err "v2.csv:2: line too long" "versions: long line named"

{ head -n 2 "$M"; printf 'x,"unterminated\n'; } >"$tmpd/m1.csv"
expect_exit 2 "measurements: unterminated quote" -- $RL validate --measurements "$tmpd/m1.csv"
expect_err "m1.csv:3: unterminated quote" "measurements: file and line"

{ head -n 1 "$M"; head -c 20000 /dev/zero | tr '\0' 'y'; printf '\n'; } >"$tmpd/m2.csv"
expect_exit 2 "measurements: line too long" -- $RL validate --measurements "$tmpd/m2.csv"
expect_err "m2.csv:2: line too long" "measurements: long line named"
finish
