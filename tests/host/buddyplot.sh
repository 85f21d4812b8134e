#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# buddyplot draws fixtures (one snapshot; a before/after pair on two nodes
# with a Movable zone) into a PNG and an SVG of the size asked for; and
# refuses bad arguments with exit 2.
#
# The checks are functions called through check(), which shellcheck takes
# for unreachable code.
# shellcheck disable=SC2317
set -uo pipefail
# shellcheck source=tests/host/tap.bash
. "$(dirname "$0")/tap.bash"

S=$KMEMLAB_ROOT/tools
F=$FIXTURES
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# plotted PREFIX WIDTH HEIGHT: PREFIX.png is a WIDTHxHEIGHT PNG, and
# PREFIX.svg a non-empty SVG of the same size.
plotted() {
	local size
	if [ ! -s "$1.png" ] || [ ! -s "$1.svg" ]; then
		ls -l "$1".*
		return 1
	fi
	size=$(png_size "$1.png") || return 1
	[ "$size" = "$2 $3" ] || { echo "PNG is $size, wanted $2 $3"; return 1; }
	# gnuplot writes the attributes on the lines after "<svg".
	grep -qx " width=\"$2\" height=\"$3\"" "$1.svg" ||
		{ head -n 4 "$1.svg"; return 1; }
}

before_after() {
	run 0 "$S/buddyplot" -o "$scratch/pair" "$F/buddyinfo-2node" "$F/buddyinfo-2node-after" &&
		[ "$OUT" = "$scratch/pair.png $scratch/pair.svg" ] &&
		plotted "$scratch/pair" 1200 800
}

one_snapshot() {
	run 0 "$S/buddyplot" -o "$scratch/one" -s 640x480 "$F/buddyinfo-1node" &&
		plotted "$scratch/one" 640 480
}

# Every zone of the snapshots has its column, titled in the SVG's text.
zones_named() {
	local zone
	for zone in "Node 0, zone DMA" "Node 0, zone DMA32" "Node 1, zone DMA32" "Node 1, zone Movable"; do
		grep -q ">$zone<" "$scratch/pair.svg" || { echo "no panel for $zone"; return 1; }
	done
}

check "buddyplot: before/after on two nodes: a 1200x800 PNG and SVG" before_after
# A new machine has no locale but C: the plot says nothing on stderr there.
quiet_in_c_locale() {
	LC_ALL=C LANG="" run 0 "$S/buddyplot" -o "$scratch/c" "$F/buddyinfo-1node" || return 1
	[ -z "$ERR" ] || { echo "stderr: $ERR"; return 1; }
}
check "buddyplot: in the C locale, no warning" quiet_in_c_locale
check "buddyplot: the picture has a column for every zone" zones_named
check "buddyplot: one snapshot, -s 640x480: a PNG and SVG of that size" one_snapshot
check "buddyplot: no snapshot is a usage error" usage_error "$S/buddyplot"
check "buddyplot: three snapshots are a usage error" \
	usage_error "$S/buddyplot" "$F/buddyinfo-1node" "$F/buddyinfo-1node" "$F/buddyinfo-1node"
check "buddyplot: -s 640 is a usage error" usage_error "$S/buddyplot" -s 640 "$F/buddyinfo-1node"
check "buddyplot: -p 0 is a usage error" usage_error "$S/buddyplot" -p 0 "$F/buddyinfo-1node"
check "buddyplot: a missing file is exit 2" usage_error "$S/buddyplot" "$F/nonexistent"
check "buddyplot: not buddyinfo is exit 2" \
	usage_error "$S/buddyplot" -o "$scratch/bad" "$F/not-buddyinfo"
check "buddyplot: a failed plot writes no picture" test ! -e "$scratch/bad.png"

finish
