# SPDX-License-Identifier: GPL-2.0
# Shared by the bash scripts in this folder; sourced, never run.

KMEMLAB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KMEMLAB_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/kmemlab

die() {
	echo "${0##*/}: $*" >&2
	exit 1
}

# The kernel tree the modules are built against (same rule as the Makefile).
kmemlab_kdir() {
	echo "${KDIR:-$("$KMEMLAB_ROOT/scripts/kdir")}"
}

# uname -r of the kernel a build tree belongs to (scripts/krel).
kmemlab_krel() {
	"$KMEMLAB_ROOT/scripts/krel" "$1" || exit 1
}

# The kernel series of the host's Debian release, as its linux-source
# package names it: 6.1 on Debian 12, 6.12 on Debian 13.  apt answers
# from the installed package (scripts/setup installs it) or the lists.
kmemlab_host_series() {
	apt-cache depends linux-source 2>/dev/null |
		sed -n 's/^  Depends: linux-source-\([0-9][0-9.]*\)$/\1/p' | grep -m 1 . ||
		die "apt knows no linux-source package: run scripts/setup"
}

# The host's Debian codename (bookworm, trixie).
kmemlab_host_codename() {
	# shellcheck source=/dev/null
	(. /etc/os-release && echo "${VERSION_CODENAME:-}") | grep . ||
		die "cannot tell the host's Debian codename from /etc/os-release"
}

# kmemlab_host_mirror SUITE: the mirror that the host's apt sources use
# for SUITE (apt parses both sources formats), empty if none.
kmemlab_host_mirror() {
	# shellcheck disable=SC2016 # $(SITE) is apt's placeholder, not the shell's
	apt-get indextargets --no-release-info --format '$(SITE)' \
		"Release: $1" "Created-By: Packages" | head -n 1
}

# kmemlab_series NAME: NAME, or the host's series for "host".
kmemlab_series() {
	if [ "$1" = host ]; then
		kmemlab_host_series
	else
		echo "$1"
	fi
}

# kmemlab_lane_env LANE: runs the lane's script and sets LANE_KDIR,
# LANE_VMLINUZ, LANE_KREL and LANE_SRC from what it prints: plain
# KEY=VALUE lines (no quoting, no newline in a value) with at least KDIR
# (the kernel build tree), VMLINUZ (its bootable image) and KREL (its
# uname -r), and maybe SRC (a source tree of that kernel, for KUnit);
# other keys are left to other readers.  Lanes: "debug"
# (scripts/debug-kernel), and a series or "host" (scripts/lane SERIES).
kmemlab_lane_env() {
	local script out line key
	case $1 in
	debug) script=(scripts/debug-kernel) ;;
	*) script=(scripts/lane "$1") ;;
	esac
	out=$("$KMEMLAB_ROOT/${script[0]}" "${script[@]:1}") || {
		echo "${0##*/}: lane $1: ${script[*]} failed" >&2
		return 1
	}
	LANE_KDIR='' LANE_VMLINUZ='' LANE_KREL=''
	# shellcheck disable=SC2034 # for the callers
	LANE_SRC=''
	while IFS= read -r line; do
		key=${line%%=*}
		if [[ $line != *=* || ! $key =~ ^[A-Z][A-Z0-9_]*$ ]]; then
			echo "${0##*/}: lane $1: not a KEY=VALUE line: '$line'" >&2
			return 1
		fi
		case $key in
		KDIR | VMLINUZ | KREL | SRC) printf -v "LANE_$key" '%s' "${line#*=}" ;;
		esac
	done <<<"$out"
	if [ -z "$LANE_KDIR" ] || [ -z "$LANE_VMLINUZ" ] || [ -z "$LANE_KREL" ]; then
		echo "${0##*/}: lane $1: KDIR, VMLINUZ or KREL missing" >&2
		return 1
	fi
}

# kmemlab_lane_apt_confs: the private apt configuration of each fetched
# lane, each once no scripts/lane holds its lock: make test's vmtest may
# be fetching that lane's lists beside the host tests.
kmemlab_lane_apt_confs() {
	local conf
	for conf in "$KMEMLAB_CACHE"/lane-*/apt/apt.conf; do
		[ -e "$conf" ] || continue
		flock "${conf%/apt/apt.conf}/lock" true
		echo "$conf"
	done
}

# Extracts the host release's linux-source-N once into the cache, keyed
# by the package version, and prints the tree's path.  Concurrent
# callers wait.
kmemlab_source_tree() {
	local series ver dir
	series=$(kmemlab_host_series) || exit 1
	ver=$(dpkg-query -W -f='${Version}' "linux-source-$series" 2>/dev/null) ||
		die "linux-source-$series is not installed: run scripts/setup"
	dir=$KMEMLAB_CACHE/linux-source-$ver
	mkdir -p "$dir"
	(
		flock 9
		if [ ! -e "$dir/linux-source-$series/.extracted" ]; then
			echo "extracting linux-source-$series $ver into $dir" >&2
			rm -rf "$dir/linux-source-$series"
			tar -C "$dir" -xJf "/usr/src/linux-source-$series.tar.xz"
			touch "$dir/linux-source-$series/.extracted"
		fi
	) 9>"$dir/lock"
	echo "$dir/linux-source-$series"
}

# TAP out of the phases (scripts/tally counts it).  Results are numbered
# in KMEMLAB_TAP_N, from 1 at each level, and those that failed counted in
# KMEMLAB_TAP_FAIL: kmemlab_subtest starts both again.
KMEMLAB_TAP_N=0
KMEMLAB_TAP_FAIL=0

# kmemlab_result STATUS DESCRIPTION [DIAGNOSTIC]: one result, "ok" when
# STATUS is 0; on failure the diagnostic follows as "# " lines.
kmemlab_result() {
	KMEMLAB_TAP_N=$((KMEMLAB_TAP_N + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $KMEMLAB_TAP_N - $2"
		return 0
	fi
	KMEMLAB_TAP_FAIL=$((KMEMLAB_TAP_FAIL + 1))
	echo "not ok $KMEMLAB_TAP_N - $2"
	[ -z "${3:-}" ] || printf '%s\n' "$3" | sed 's/^/# /'
}

# kmemlab_subtest NAME COMMAND...: COMMAND's stdout, TAP, as the subtest
# NAME (indented 4 spaces, as KTAP nests), then the result NAME: "ok" when
# COMMAND exits 0.  COMMAND runs in a subshell, under set -e if the caller
# is (bash ignores -e in a command that is tested for its status).
kmemlab_subtest() {
	local name=$1 flags=$- status
	shift
	echo "    # Subtest: $name"
	set +e
	# shellcheck disable=SC2030 # a level of its own
	(
		[[ $flags != *e* ]] || set -e
		KMEMLAB_TAP_N=0
		KMEMLAB_TAP_FAIL=0
		"$@"
	) | sed -u 's/^/    /'
	status=${PIPESTATUS[0]}
	[[ $flags != *e* ]] || set -e
	kmemlab_result "$status" "$name"
}

# kmemlab_all_ok: no result at this level failed (a subtest's status).
kmemlab_all_ok() {
	# shellcheck disable=SC2031 # this level's count
	[ "$KMEMLAB_TAP_FAIL" -eq 0 ]
}

# kmemlab_tally ARGS...: scripts/tally, the one counter of results.
kmemlab_tally() {
	"$KMEMLAB_ROOT/scripts/tally" "$@"
}

# kmemlab_build_copy DIR MAKE_ARGS...: copies the sources into DIR/src,
# without .git and what .gitignore ignores (a build's objects in the
# checkout), and runs make there with MAKE_ARGS, its output in
# DIR/build.log: the checkout is neither built nor cleaned.  Fails,
# printing the log on stderr, if make fails or warns.
kmemlab_build_copy() {
	local dir=$1
	shift
	mkdir -p "$dir"
	rsync -a --delete --exclude=.git --filter=':- .gitignore' \
		"$KMEMLAB_ROOT/" "$dir/src/"
	if make -C "$dir/src" "$@" >"$dir/build.log" 2>&1 &&
		! grep -qE 'warning:|error:' "$dir/build.log"; then
		return 0
	fi
	cat "$dir/build.log" >&2
	return 1
}

# Seconds since the epoch, for phase timings.
kmemlab_now() {
	date +%s
}
