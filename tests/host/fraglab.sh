#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# fraglab on the host, where it must never run its lab (it would fragment
# and compact the host's memory): it builds static, --help explains it,
# every bad option is refused with exit 2 before anything is done, a
# non-root user is refused with exit 1, and docs/reference.md documents
# each option --help lists.  The lab itself runs in the VM
# (tests/vm/84-fraglab.sh, 86-fraglab-stop.sh).
#
# The checks are functions called through check(), which shellcheck takes
# for unreachable code.
# shellcheck disable=SC2317
set -uo pipefail
# shellcheck source=tests/host/tap.bash
. "$(dirname "$0")/tap.bash"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
FL=$scratch/fraglab/fraglab

# ldd (libc-bin, on every Debian; file(1) is not) says so of a static
# executable.
builds_static() {
	local said
	make -s -C "$KMEMLAB_ROOT/tools/fraglab" O="$scratch" fraglab || return 1
	said=$(LC_ALL=C ldd "$FL" 2>&1)
	grep -q 'not a dynamic executable' <<<"$said" || { echo "$said"; return 1; }
}

help_text() {
	run 0 "$FL" --help && [[ $OUT == usage:* ]] && [[ $OUT == *compact_memory* ]] &&
		[ -z "$ERR" ]
}

# Each long option of --help has its row in reference.md's fraglab section.
documented() {
	local opt section
	section=$(sed -n '/^### fraglab/,/^### /p' "$KMEMLAB_ROOT/docs/reference.md")
	for opt in $("$FL" --help | grep -o -- '--[a-z]*' | sort -u); do
		grep -q -- "$opt" <<<"$section" || { echo "reference.md: no $opt"; return 1; }
	done
}

not_root() {
	run 1 setpriv --reuid=65534 --regid=65534 --clear-groups "$FL" -s 1 &&
		[[ $ERR == *"needs root"* ]]
}

check "fraglab builds as a static binary" builds_static
check "fraglab --help explains the steps, exit 0" help_text
check "docs/reference.md documents every option --help lists" documented
# Only refusals here: a valid command line would run the lab on the host.
for args in "-s 0" "-s 81" "-s 100" "-s abc" "-s -5" "-s 10x" "-s 5.5" "-s" \
	"-p bogus" "-p" "-S x" "-S -1" "-S 18446744073709551616" "-c abc" "-c -1" \
	"-c 100000" "-o /nonexistent" "-o /etc/passwd" "--bogus" "-q" "extra" \
	"-s 10 extra" "--share=0" "--pattern=" "--compact=" "-s 010" "-s +5" \
	"-S 012" "-c 01"; do
	# shellcheck disable=SC2086 # the options' words
	check "fraglab $args: exit 2, a reason, nothing done" usage_error "$FL" $args
done
check "fraglab as a user: exit 1, it needs root" not_root
finish
