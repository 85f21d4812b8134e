#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# tests/vm/host/buddyplot.sh ARTIFACTS PROFILE: the before/after snapshots
# of tests/vm/95-scripts.sh, from the live VM, drawn by buddyplot into a
# PNG of the expected size; and the host's buddyinfo-diff (bash's awk)
# says what busybox's said in the guest.
# guest test: 95-scripts
#
# The checks are functions called through check(), which shellcheck takes
# for unreachable code.
# shellcheck disable=SC2317
set -uo pipefail
# shellcheck source=tests/host/tap.bash
. "$(dirname "$0")/../../host/tap.bash"

A=$1
profile=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

plot_live() {
	local size
	"$KMEMLAB_ROOT/tools/buddyplot" -o "$scratch/live" -s 1000x700 \
		"$A/buddyinfo.before" "$A/buddyinfo.after" || return 1
	[ -s "$scratch/live.svg" ] || return 1
	size=$(png_size "$scratch/live.png") || return 1
	[ "$size" = "1000 700" ] || { echo "PNG is $size"; return 1; }
}

same_diff() {
	"$KMEMLAB_ROOT/tools/buddyinfo-diff" "$A/buddyinfo.before" "$A/buddyinfo.after" >"$scratch/diff"
	[ $? -eq 1 ] && diff -u "$A/buddyinfo.diff" "$scratch/diff"
}

check "$profile: buddyplot draws the VM's before/after snapshots (1000x700 PNG, SVG)" plot_live
check "$profile: buddyinfo-diff on the host prints what it printed in the guest" same_diff
finish
