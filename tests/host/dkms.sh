#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# dkms.conf works: "dkms add" and "dkms build" of a clean copy of the
# sources, for the installed Debian headers (-k with their uname -r, not
# the running kernel's, which has no /lib/modules here), build the three
# modules with the right vermagic; "dkms remove --all" takes them away.
#
# Nothing lands in /usr/src or /var/lib/dkms: the copy and DKMS's tree are
# temporary (--sourcetree, --dkmstree).  Only DKMS's signing key is
# global (/var/lib/dkms/mok.key, made on the first build on a machine):
# if this test made it, it removes it again.
#
# The checks are functions called through check(), which shellcheck takes
# for unreachable code.
# shellcheck disable=SC2317
set -uo pipefail
# shellcheck source=tests/host/tap.bash
. "$(dirname "$0")/tap.bash"
# shellcheck source=scripts/lib.sh
. "$KMEMLAB_ROOT/scripts/lib.sh"

if [ "$(id -u)" -ne 0 ] || ! command -v dkms >/dev/null; then
	ok "dkms: # SKIP needs root and dkms (scripts/setup)"
	finish
fi

kdir=$(kmemlab_kdir)
krel=$(kmemlab_krel "$kdir")
ver=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$KMEMLAB_ROOT/dkms.conf")
tmp=$(mktemp -d)
mok=/var/lib/dkms/mok.key
had_mok=$([ -e $mok ] && echo yes)
trap 'rm -rf "$tmp"; [ -n "$had_mok" ] || rm -f $mok /var/lib/dkms/mok.pub' EXIT
trees=(--sourcetree "$tmp/src" --dkmstree "$tmp/dkms")
mkdir -p "$tmp/src/kmemlab-$ver" "$tmp/dkms"

# The checkout's files as git sees them (tracked, and new but not
# ignored): no objects of a host build.
copy_sources() {
	(cd "$KMEMLAB_ROOT" && git ls-files -z -co --exclude-standard |
		cpio -0pdm --quiet "$tmp/src/kmemlab-$ver")
}

modules=$tmp/dkms/kmemlab/$ver/$krel/$(uname -m)/module

build() {
	dkms build -m kmemlab -v "$ver" -k "$krel" --kernelsourcedir "$kdir" \
		"${trees[@]}" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; return 1; }
}

# The file of module NAME: DKMS compresses it as the kernel's config
# says (Debian 13's: .ko.xz).
module_file() {
	local f
	for f in "$modules/$1".ko "$modules/$1".ko.{xz,zst,gz}; do
		[ -s "$f" ] && { echo "$f"; return; }
	done
	ls -l "$modules"
	return 1
}

built() {
	local m f
	for m in kmalloc_demo vmalloc_demo buddy_probe; do
		f=$(module_file "$m") || { echo "$f"; return 1; }
		modinfo -F vermagic "$f" | grep -q "^$krel " ||
			{ echo "$m: vermagic $(modinfo -F vermagic "$f")"; return 1; }
	done
}

check "dkms: a copy of the sources as kmemlab-$ver" copy_sources
check "dkms add kmemlab/$ver" dkms add -m kmemlab -v "$ver" "${trees[@]}"
# DKMS signs what it builds with its MOK key when the kernel's sign-file
# is there, which is what the README's Secure Boot section relies on.
signed() {
	local m
	grep -q '^Signing module' "$tmp/build.log" || { cat "$tmp/build.log"; return 1; }
	for m in kmalloc_demo vmalloc_demo buddy_probe; do
		m=$(module_file "$m") || { echo "$m"; return 1; }
		[ -n "$(modinfo -F signer "$m")" ] || { echo "$m: no signature"; return 1; }
	done
}

status_built() {
	dkms status "${trees[@]}" | grep "^kmemlab/$ver, $krel, .*: built$"
}

removed() {
	dkms remove -m kmemlab -v "$ver" --all "${trees[@]}" &&
		[ -z "$(ls -A "$tmp/dkms")" ]
}

check "dkms build kmemlab/$ver -k $krel (the installed headers)" build
check "dkms: three modules built for $krel (vermagic)" built
check "dkms: the modules are signed with DKMS's MOK key" signed
check "dkms status: kmemlab/$ver built for $krel" status_built
check "dkms remove kmemlab/$ver --all: nothing left in DKMS's tree" removed
finish
