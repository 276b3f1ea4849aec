#!/bin/sh
# cli_layers.sh: the source folders include only downward (cli -> reports
# -> plots -> claim, sweeps -> config -> model) and no files include each
# other in a circle (scripts/check-layers.sh); the check itself fails on a
# tree made by hand with an upward include, a sideways include and a cycle.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-.}
check="$root/scripts/check-layers.sh"

expect_exit 0 "the tree keeps the layer rule" -- sh "$check" "$root"
[ -s "$tmpd/out" ] && sed 's/^/    /' "$tmpd/out"

t="$tmpd/tree"
mkdir -p "$t/model" "$t/config" "$t/claim" "$t/sweeps"
printf '#include "../config/opts.h"\n' >"$t/model/engine.h"
printf '#include "../model/params.h"\n' >"$t/config/opts.h"
printf '/* nothing */\n' >"$t/model/params.h"
expect_exit 1 "model including config is refused" -- sh "$check" "$t"
expect_out "^model/engine.h: includes \.\./config/opts.h \(config is not below model\)$" \
	"names the file, the include and the layers"

rm "$t/model/engine.h"
printf '#include "../sweeps/run.h"\n' >"$t/claim/claim.h"
printf '/* nothing */\n' >"$t/sweeps/run.h"
expect_exit 1 "claim including sweeps (beside it) is refused" -- sh "$check" "$t"
expect_out "^claim/claim.h: includes \.\./sweeps/run.h \(sweeps is not below claim\)$" \
	"a folder beside is not below"

rm "$t/claim/claim.h"
printf '#include "b.h"\n' >"$t/config/a.h"
printf '#include "a.h"\n' >"$t/config/b.h"
expect_exit 1 "two headers including each other are refused" -- sh "$check" "$t"
expect_out "^include cycle among: .*config/a.h" "the cycle is named"

rm "$t/config/a.h" "$t/config/b.h"
expect_exit 0 "the repaired tree passes" -- sh "$check" "$t"
finish
