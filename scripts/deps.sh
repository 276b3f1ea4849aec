#!/bin/sh
# deps.sh: check for, and install, the Debian packages rooflab needs.
#   deps.sh check    exit 0 when everything is present, 1 otherwise
#   deps.sh ensure   install what is missing (with apt-get), saying why
#   deps.sh install  the same as ensure
set -u
need=""
pkgconfig_ok() { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$1"; }
command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
command -v cc >/dev/null 2>&1 || need="$need gcc"
command -v make >/dev/null 2>&1 || need="$need make"
pkgconfig_ok gsl || need="$need libgsl-dev"
pkgconfig_ok sqlite3 || need="$need libsqlite3-dev"
pkgconfig_ok cmocka || need="$need libcmocka-dev"
command -v gnuplot >/dev/null 2>&1 || need="$need gnuplot-nox"
command -v sqlite3 >/dev/null 2>&1 || need="$need sqlite3"
mode=${1:-check}
if [ -z "$need" ]; then
	[ "$mode" = check ] || echo "deps: everything rooflab needs is installed"
	exit 0
fi
if [ "$mode" = check ]; then
	echo "deps: missing:$need"
	exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "deps: rooflab needs these Debian packages, which are missing:$need"
echo "deps: (GSL for fitting and root finding, SQLite for results, cmocka for tests, gnuplot for plots)"
echo "deps: running: $sudo apt-get update && $sudo apt-get install -y$need"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || exit 1
# shellcheck disable=SC2086
$sudo apt-get install -y -qq $need || exit 1
echo "deps: done"
