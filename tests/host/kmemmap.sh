#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kmemmap on the host: it builds static (so that it runs in the busybox
# VM), prints its usage, refuses bad arguments with exit 2 and a message,
# and exits 3, naming the file, when the module's map/N file is not there
# (no kmemlab module is loaded on the host).  What it does with a mapping
# is tested in the VM (tests/vm/31-*, 32-*, 46-*, 47-*).
#
# The checks are functions called through check(), which shellcheck takes
# for unreachable code.
# shellcheck disable=SC2317
set -uo pipefail
# shellcheck source=tests/host/tap.bash
. "$(dirname "$0")/tap.bash"

build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
K=$build/kmemmap/kmemmap

built() {
	make -s -C "$KMEMLAB_ROOT/tools/kmemmap" O="$build" && [ -x "$K" ]
}

# ldd (libc-bin, on every Debian) says so of a static executable.
static() {
	local said
	said=$(LC_ALL=C ldd "$K" 2>&1)
	grep -q 'not a dynamic executable' <<<"$said" || { echo "$said"; return 1; }
}

help_ok() {
	run 0 "$K" --help && [[ $OUT == "usage: kmemmap "* ]] && [ -z "$ERR" ] &&
		grep -q 'exit status: 0 every page matched' <<<"$OUT"
}

# not_there KIND INDEX: exit 3, and stderr names the file it looked for.
not_there() {
	run 3 "$K" "$1" "$2" || return 1
	grep -q "/sys/kernel/debug/$1_demo/map/$2" <<<"$ERR" || { echo "stderr: $ERR"; return 1; }
}

check "make -C tools/kmemmap builds it" built
check "it is linked static" static
check "--help prints the usage on stdout and exits 0" help_ok
check "no arguments: usage error" usage_error "$K"
check "KIND without INDEX: usage error" usage_error "$K" kmalloc
check "too many arguments: usage error" usage_error "$K" kmalloc 1 2
check "unknown kind: usage error" usage_error "$K" slab 1
check "index not a number: usage error" usage_error "$K" kmalloc x
check "negative index: usage error" usage_error "$K" vmalloc -1
check "index with junk: usage error" usage_error "$K" vmalloc 1x
check "index with a leading zero: usage error" usage_error "$K" vmalloc 01
check "index with a plus: usage error" usage_error "$K" vmalloc +1
check "index beyond 64 bits: usage error" usage_error "$K" kmalloc 99999999999999999999999
check "-n 0: usage error" usage_error "$K" -n 0 kmalloc 1
check "-n not a number: usage error" usage_error "$K" -n two kmalloc 1
check "-n with a leading zero: usage error" usage_error "$K" -n 010 kmalloc 1
check "--offset not a number: usage error" usage_error "$K" --offset -3 kmalloc 1
check "an offset too large for off_t: usage error" usage_error "$K" -o 18446744073709551615 kmalloc 1
check "-o without its value: usage error" usage_error "$K" kmalloc 1 -o
check "unknown option: usage error" usage_error "$K" --quiet kmalloc 1
check "no kmalloc_demo here: exit 3, naming the file" not_there kmalloc 0
check "no vmalloc_demo here: exit 3, naming the file" not_there vmalloc 7
finish
