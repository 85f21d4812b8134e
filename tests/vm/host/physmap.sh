#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# tests/vm/host/physmap.sh ARTIFACTS PROFILE: the pageblock map that
# tests/vm/23-pageblock-map.sh read from the live kernel, drawn by
# tools/physmap and held to it by tests/host/physmap_check.py: the size
# its zones and blocks make, a cell per block of its type's colour,
# lighter as more is free, and a legend of exactly its types.
# guest test: 23-pageblock-map
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

drawn() {
	"$KMEMLAB_ROOT/tools/physmap" -o "$scratch/map" "$A/pageblock_map" >/dev/null &&
		/usr/bin/python3 "$KMEMLAB_ROOT/tests/host/physmap_check.py" "$scratch/map" 64 10 \
			"$A/pageblock_map"
}

check "$profile: physmap draws the VM's pageblock map, true to it" drawn
finish
