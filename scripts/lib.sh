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

# Extracts Debian's linux-source-6.1 once into the cache, keyed by the
# package version, and prints the tree's path.  Concurrent callers wait.
kmemlab_source_tree() {
	local ver dir
	ver=$(dpkg-query -W -f='${Version}' linux-source-6.1 2>/dev/null) ||
		die "linux-source-6.1 is not installed: run scripts/setup"
	dir=$KMEMLAB_CACHE/linux-source-$ver
	mkdir -p "$dir"
	(
		flock 9
		if [ ! -e "$dir/linux-source-6.1/.extracted" ]; then
			echo "extracting linux-source-6.1 $ver into $dir" >&2
			rm -rf "$dir/linux-source-6.1"
			tar -C "$dir" -xJf /usr/src/linux-source-6.1.tar.xz
			touch "$dir/linux-source-6.1/.extracted"
		fi
	) 9>"$dir/lock"
	echo "$dir/linux-source-6.1"
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
