# SPDX-License-Identifier: GPL-2.0
# Shared by the scripts in this folder; sourced, never run.  Also
# sourced by make install's /bin/sh (dash on Debian), which has no
# BASH_SOURCE, so the functions it calls (kmemlab_krel, die) stay POSIX;
# there the caller sets KMEMLAB_ROOT.

if [ -n "${BASH_VERSION:-}" ]; then
	KMEMLAB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fi
KMEMLAB_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/kmemlab

die() {
	echo "${0##*/}: $*" >&2
	exit 1
}

# The kernel tree the modules are built against (same rule as the Makefile).
kmemlab_kdir() {
	echo "${KDIR:-$("$KMEMLAB_ROOT/scripts/kdir")}"
}

# uname -r of the kernel a build tree belongs to.  Debian's headers keep
# the upstream version in include/config/kernel.release; UTS_RELEASE is
# what the modules' vermagic and the kernel's uname -r say.
kmemlab_krel() {
	sed -n 's/^#define UTS_RELEASE "\(.*\)"$/\1/p' \
		"$1/include/generated/utsrelease.h" 2>/dev/null | grep . ||
		die "$1 is not a configured kernel tree"
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

# kmemlab_tap_count LOG STATUS: "passed failed" from a TAP log ("ok" and
# "not ok" lines) of a script that exited with STATUS.  A script that
# failed without a "not ok" line, or checked nothing, fails once more.
kmemlab_tap_count() {
	local ok notok
	# grep -c prints 0 but fails when nothing matches: not an error here,
	# also for callers under set -e (scripts/vmtest).
	ok=$(grep -c '^ok ' "$1" || true)
	notok=$(grep -c '^not ok ' "$1" || true)
	if { [ "$2" -ne 0 ] && [ "$notok" -eq 0 ]; } || [ "$ok$notok" = 00 ]; then
		notok=$((notok + 1))
	fi
	echo "$ok $notok"
}

# Seconds since the epoch, for phase timings.
kmemlab_now() {
	date +%s
}
