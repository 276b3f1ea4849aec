#!/bin/sh
# cli_optdocs.sh: every option a command's --help lists is mentioned in
# the documentation, README.md or docs/*.md (review39: curve --step,
# claim --seed, plot --term, report --no-plots, params --section and 14
# more stood in --help alone).  The commands are read from the command
# table (rooflab --help's "commands:"), a kind with a help of its own from
# the help that names it ("rooflab plot curve --help"), and each one's
# options from its "options:" list (cli/parseopt.c opt_help); an old
# spelling kept as an alias ("an alias of --threads") is the option it
# names, which is the one documented.  --ttft-pNN-max matches any NN as
# written (--ttft-p99-max).
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}

expect_exit 0 "rooflab --help" -- $RL --help
sed -n '/^commands:$/,/^$/p' "$tmpd/out" | awk 'NR > 1 && NF { print $1 }' >"$tmpd/cmds"
n=$(grep -c . "$tmpd/cmds")
[ "$n" -ge 15 ] && echo "ok - the command table lists $n commands" ||
	{ echo "not ok - the command table lists $n commands"; fails=$((fails + 1)); }

# each command, and each "rooflab CMD KIND --help" its help names
: >"$tmpd/helps"
while read -r c; do
	echo "$c" >>"$tmpd/helps"
	$RL "$c" --help 2>/dev/null |
		sed -n "s/.*rooflab $c \([a-z][a-z-]*\) --help.*/$c \1/p" >>"$tmpd/helps"
done <"$tmpd/cmds"

# CMD OPTION, one a line, from each help's "options:" list
: >"$tmpd/opts"
sort -u "$tmpd/helps" | while read -r c k; do
	# (word splitting of $k: no kind, no word)
	# shellcheck disable=SC2086
	$RL $c $k --help 2>/dev/null | sed -n '/^options:$/,$p' |
		grep -v '^  --[a-zA-Z0-9-]*  *.*an alias of --' |
		sed -n "s/^  \(--[a-zA-Z0-9-]*\).*/$c${k:+ $k} \1/p"
done >"$tmpd/opts"
nopt=$(grep -c . "$tmpd/opts")
[ "$nopt" -ge 100 ] && echo "ok - the helps list $nopt options" ||
	{ echo "not ok - the helps list $nopt options (under 100: the options lists not read)"; fails=$((fails + 1)); }

cat "$root/README.md" "$root"/docs/*.md >"$tmpd/docs"
miss=""
while read -r line; do
	o=${line##* }
	re=$(printf '%s' "$o" | sed 's/NN/[0-9N]+/g')
	grep -Eq -- "$re([^a-zA-Z0-9-]|\$)" "$tmpd/docs" || miss="$miss [${line}]"
done <"$tmpd/opts"
[ -z "$miss" ] && echo "ok - every option of every --help is in README.md or docs/*.md" ||
	{ echo "not ok - options no document mentions:$miss"; fails=$((fails + 1)); }
finish
