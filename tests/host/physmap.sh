#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# tools/physmap draws hand-written pageblock_map files (one reading; a
# before/after pair on two nodes with a Movable zone) into a PNG and an
# SVG that tests/host/physmap_check.py holds to the maps: the size the
# zones and blocks make, a cell per block of its type's colour, lighter
# as more is free, the legend's types those of the maps.  And it refuses
# bad arguments (exit 2) and files that are not a map (exit 1).
#
# The checks are functions called through check(), which shellcheck takes
# for unreachable code.
# shellcheck disable=SC2317
set -uo pipefail
# shellcheck source=tests/host/tap.bash
. "$(dirname "$0")/tap.bash"

T=$KMEMLAB_ROOT/tools/physmap
CHECK=$KMEMLAB_ROOT/tests/host/physmap_check.py
F=$FIXTURES
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

one() {
	run 0 "$T" -o "$scratch/one" "$F/pageblock_map-2node" &&
		[ "$OUT" = "$scratch/one.png $scratch/one.svg" ] &&
		/usr/bin/python3 "$CHECK" "$scratch/one" 64 10 "$F/pageblock_map-2node"
}

pair() {
	run 0 "$T" -o "$scratch/pair" -w 3 -c 6 "$F/pageblock_map-2node" \
		"$F/pageblock_map-2node-after" &&
		/usr/bin/python3 "$CHECK" "$scratch/pair" 3 6 "$F/pageblock_map-2node" \
			"$F/pageblock_map-2node-after"
}

# Every zone has its label, for each reading, in the SVG's text.
zones_named() {
	local zone
	for zone in "Node 0 DMA: 8 blocks" "Node 0 DMA32: 4 blocks" "Node 1 DMA32: 3 blocks" \
		"Node 1 Movable: 2 blocks"; do
		[ "$(grep -c ">$zone, " "$scratch/pair.svg")" -eq 2 ] ||
			{ echo "not twice: $zone"; return 1; }
	done
}

# Files that are not a map: the header wrong, a row that is not one, a
# row with more free pages than pages.  Nothing is drawn.
not_a_map() {
	run 1 "$T" -o "$scratch/x" "$F/buddyinfo-1node" &&
		[[ $ERR == *"not a pageblock_map header"* ]] &&
		sed '3s/512/lots/' "$F/pageblock_map-2node" >"$scratch/bad-row" &&
		run 1 "$T" -o "$scratch/x" "$scratch/bad-row" &&
		[[ $ERR == *"bad-row:3: not a pageblock_map row"* ]] &&
		sed '4s/ 512 / 513 /2' "$F/pageblock_map-2node" >"$scratch/too-free" &&
		run 1 "$T" -o "$scratch/x" "$scratch/too-free" && [ ! -e "$scratch/x.png" ]
}

check "physmap: one reading, the default 64 columns: PNG and SVG as the map makes them" one
check "physmap: before/after, -w 3 -c 6: side by side, as the maps make them" pair
check "physmap: each zone is labelled in each reading" zones_named
check "physmap: a file that is not a pageblock_map fails with exit 1, and draws nothing" not_a_map
check "physmap: no map is a usage error" usage_error "$T"
check "physmap: three maps are a usage error" \
	usage_error "$T" "$F/pageblock_map-2node" "$F/pageblock_map-2node" "$F/pageblock_map-2node"
check "physmap: -w 0 is a usage error" usage_error "$T" -w 0 "$F/pageblock_map-2node"
check "physmap: -c 1 is a usage error" usage_error "$T" -c 1 "$F/pageblock_map-2node"
check "physmap: -w x is a usage error" usage_error "$T" -w x "$F/pageblock_map-2node"
check "physmap: an unknown option is a usage error" usage_error "$T" -q "$F/pageblock_map-2node"
check "physmap: an unreadable file is a usage error" usage_error "$T" "$scratch/none"
check "physmap: -o '' is a usage error" usage_error "$T" -o '' "$F/pageblock_map-2node"
finish
