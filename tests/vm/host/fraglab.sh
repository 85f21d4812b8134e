#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# tests/vm/host/fraglab.sh ARTIFACTS PROFILE: the /proc/buddyinfo of
# fraglab's three steps in tests/vm/84-fraglab.sh, from the live VM, drawn
# by buddyplot: a PNG of the size asked for, not blank (each step's bars
# in its color), and an SVG with a column per zone and the index row.
# guest test: 84-fraglab
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

plot_steps() {
	local size
	"$KMEMLAB_ROOT/tools/buddyplot" -o "$scratch/steps" -s 1200x800 \
		"$A"/fraglab.{baseline,fragmented,compacted} || return 1
	size=$(png_size "$scratch/steps.png") || return 1
	[ "$size" = "1200 800" ] || { echo "PNG is $size"; return 1; }
	png_has_colors "$scratch/steps.png" 9400d3 009e73 56b4e9
}

zones_and_index() {
	local zones
	zones=$(grep -c '^Node' "$A/fraglab.baseline")
	[ "$(grep -c '>Node [0-9]*, zone [A-Za-z0-9]*<' "$scratch/steps.svg")" -eq "$zones" ] &&
		grep -q '>unusable index<' "$scratch/steps.svg"
}

check "$profile: buddyplot draws fraglab's three steps (1200x800, every step's bars drawn)" plot_steps
check "$profile: a column per zone of the VM, and the unusable index row" zones_and_index
finish
