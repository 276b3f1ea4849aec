#!/bin/sh
# deps.sh: check for, and install, the Debian packages rooflab needs to build
# (required) and the tools its tests use (installed when possible; a test
# whose tool is still missing says "skipped: ...").
#   deps.sh check        exit 0 when every build package is present, else
#                        name the missing ones and exit 1
#   deps.sh ensure       install the missing build packages (apt-get), saying
#                        why; exit 1 when that fails
#   deps.sh install      the same as ensure
#   deps.sh tools-check  name the test tools that are missing; exit 1 if any
#   deps.sh tools        install the missing test tools (GNU parallel, Slurm
#                        and MUNGE, Chromium, zlib headers, a font); never
#                        fails: what cannot be installed is named, and the
#                        tests that need it say "skipped"  (make test runs it)
# ROOFLAB_SBIN (default /usr/sbin:/sbin) is searched after PATH for daemons
# (slurmctld, slurmd, munged), which a user's PATH often lacks.
set -u
mode=${1:-check}
sbin=${ROOFLAB_SBIN-/usr/sbin:/sbin}

have() { command -v "$1" >/dev/null 2>&1; }
# have_daemon NAME: NAME on PATH or in one of the $sbin folders
have_daemon() {
	have "$1" && return 0
	old_ifs=$IFS; IFS=:
	for dir in $sbin; do
		[ -n "$dir" ] && [ -x "$dir/$1" ] && { IFS=$old_ifs; return 0; }
	done
	IFS=$old_ifs
	return 1
}
pkgconfig_ok() { have pkg-config && pkg-config --exists "$1"; }

# build packages: missing ones into $need
build_missing() {
	need=""
	have pkg-config || need="$need pkg-config"
	have cc || need="$need gcc"
	have make || need="$need make"
	pkgconfig_ok gsl || need="$need libgsl-dev"
	pkgconfig_ok sqlite3 || need="$need libsqlite3-dev"
	pkgconfig_ok cmocka || need="$need libcmocka-dev"
	have gnuplot || need="$need gnuplot-nox"
	have sqlite3 || need="$need sqlite3"
}

# test tools: missing packages into $need, with what each is for in $why.
# moreutils also installs a "parallel" that is not GNU parallel.
tools_missing() {
	need=""
	why=""
	{ have parallel && parallel --version 2>/dev/null | grep -q 'GNU parallel'; } ||
		{ need="$need parallel"; why="$why; parallel: the sharded sweep tests"; }
	{ have_daemon slurmctld && have_daemon slurmd && have sbatch; } ||
		{ need="$need slurm-wlm"; why="$why; slurm-wlm: the Slurm job-array test"; }
	{ have_daemon munged && have munge; } ||
		{ need="$need munge"; why="$why; munge: Slurm's authentication"; }
	{ have chromium || have chromium-browser; } ||
		{ need="$need chromium"; why="$why; chromium: the report screenshot test"; }
	[ -f /usr/include/zlib.h ] ||
		{ need="$need zlib1g-dev"; why="$why; zlib1g-dev: decoding the screenshot"; }
	[ -d /usr/share/fonts/truetype/dejavu ] ||
		{ need="$need fonts-dejavu-core"; why="$why; fonts-dejavu-core: text in PNG plots"; }
	why=${why#; }
}

# root or sudo without a password prompt when $1 = -n; sets $sudo, or fails
find_root() {
	sudo=""
	[ "$(id -u)" -eq 0 ] && return 0
	have sudo || return 1
	if [ "${1:-}" = -n ]; then
		sudo -n true 2>/dev/null || return 1
		sudo="sudo -n"
	else
		sudo="sudo"
	fi
}

# apt_install PKG...: apt-get update (once; a failure is not fatal, the
# cached lists may do) and install; waits up to two minutes for another
# apt-get holding the lock
apt_install() {
	have apt-get || return 1
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get -o DPkg::Lock::Timeout=120 update -qq >/dev/null 2>&1 || true
	$sudo apt-get -o DPkg::Lock::Timeout=120 install -y -qq \
		--no-install-recommends "$@" >/dev/null
}

case $mode in
check)
	build_missing
	[ -z "$need" ] && exit 0
	echo "deps: missing:$need"
	exit 1
	;;
ensure|install)
	build_missing
	if [ -z "$need" ]; then
		echo "deps: everything rooflab needs is installed"
		exit 0
	fi
	echo "deps: rooflab needs these Debian packages, which are missing:$need"
	echo "deps: (GSL for fitting and root finding, SQLite for results, cmocka for tests, gnuplot for plots)"
	find_root || { echo "deps: not root and no sudo: install them with apt-get as root"; exit 1; }
	echo "deps: running: ${sudo:+$sudo }apt-get update && ${sudo:+$sudo }apt-get install -y$need"
	apt_install $need || exit 1
	echo "deps: done"
	;;
tools-check)
	tools_missing
	[ -z "$need" ] && exit 0
	echo "deps: test tools missing:$need ($why)"
	exit 1
	;;
tools)
	tools_missing
	[ -z "$need" ] && exit 0
	echo "deps: installing test tools:$need"
	echo "deps: ($why)"
	if ! find_root -n; then
		echo "deps: not root and no password-less sudo: cannot install$need;"
		echo "deps: the tests that need them say skipped (install them as root: sh scripts/deps.sh tools)"
		exit 0
	fi
	# all at once, else one by one so that one unavailable package does
	# not keep the others out
	if ! apt_install $need; then
		for p in $need; do
			apt_install "$p" || echo "deps: could not install $p"
		done
	fi
	tools_missing
	if [ -n "$need" ]; then
		echo "deps: still missing:$need; the tests that need them say skipped"
	else
		echo "deps: test tools installed"
	fi
	exit 0
	;;
*)
	echo "usage: deps.sh check|ensure|install|tools-check|tools" >&2
	exit 2
	;;
esac
