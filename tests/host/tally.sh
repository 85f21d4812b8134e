#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# scripts/tally on hand-written streams (tests/host/fixtures/tally-*.tap):
# leaves counted and parents not, at any depth; SKIP apart; a plan not
# met, a missing top-level plan, a "not ok" parent with passing subtests
# and an empty stream each one failure more, said on stderr with where;
# figures summed; lines that are not TAP ignored; and its options.
#
# The checks are functions called through check(), which shellcheck takes
# for unreachable code.
# shellcheck disable=SC2317
set -uo pipefail
# shellcheck source=tests/host/tap.bash
. "$(dirname "$0")/tap.bash"

T=$KMEMLAB_ROOT/scripts/tally
F=$FIXTURES

# said OUT [ERR]: the last run printed exactly OUT on stdout and ERR (by
# default nothing) on stderr.
said() {
	if [ "$OUT" != "$1" ] || [ "$ERR" != "${2:-}" ]; then
		printf 'stdout:\n%s\nwanted:\n%s\n' "$OUT" "$1"
		printf 'stderr:\n%s\nwanted:\n%s\n' "$ERR" "${2:-}"
		return 1
	fi
}

# tallies STATUS FIXTURE OUT [ERR]: tally FIXTURE exits STATUS and says so.
tallies() {
	run "$1" "$T" "$F/tally-$2.tap" && said "$3" "${4:-}"
}

check "leaves count at every depth, parents and their plans do not" \
	tallies 1 nested "1 skipped
4 passed, 1 failed"
check "a parameterised case without a plan is no plan mismatch" \
	tallies 0 trailing-plan "2 passed, 0 failed"
check "a nested plan not met is one failure more, at the line that ends it" \
	tallies 1 mismatch "3 passed, 1 failed" \
	"tally: $F/tally-mismatch.tap:8: subtest 'short_suite' planned 3 results and gave 2"
check "a stream cut short is one failure more, at the end" \
	tallies 1 truncated "3 passed, 1 failed" \
	"tally: at the end (after line 11): the top level planned 3 results and gave 1"
check "a top level without a plan is one failure more" \
	tallies 1 no-plan "2 passed, 2 failed" \
	"tally: at the end (after line 3): the top level gave 3 results but no plan"
check "a second plan at one level is one failure more" \
	tallies 1 second-plan "1 passed, 1 failed" \
	"tally: $F/tally-second-plan.tap:3: the top level has a second plan, 1..1"
check "a version line starts a new document, with a plan of its own" \
	tallies 1 two-docs "2 passed, 1 failed" \
	"tally: at the end (after line 6): the top level planned 2 results and gave 1"
check "a failing parent whose subtests passed fails once; an empty subtest is a leaf" \
	tallies 1 parent "2 passed, 2 failed" \
	"tally: $F/tally-parent.tap:6: \"not ok 1 - dies-late.sh\" in the top level: none of its subtests failed"
check "SKIP is counted apart, never as a pass; not ok with SKIP is a failure" \
	tallies 1 skip "2 skipped
1 passed, 1 failed"
check "figures: summed per NAME at any depth, in the order first seen; NAME_max the largest" \
	tallies 0 figures "figures: reports=3 hold_ns_max=250 hostile_inputs=2750 tight=5 odd_indent=3
2 passed, 0 failed"
check "lines that are not TAP, or not at KTAP indentation, are ignored" \
	tallies 0 garbage "2 passed, 0 failed"

crlf() {
	run 1 "$T" < <(sed 's/$/\r/' "$F/tally-nested.tap") && said "1 skipped
4 passed, 1 failed"
}
check "CR LF line ends (the serial line's) count the same" crlf

empty() {
	run 1 "$T" </dev/null &&
		said "0 passed, 1 failed" "tally: at the end (after line 0): no result at all"
}
check "no input at all is one failure" empty

short() {
	run 1 "$T" -s "$F/tally-nested.tap" && said "4 passed, 1 failed, 1 skipped"
}
check "-s: one line, with the skipped" short

named() {
	run 0 "$T" -n vm "$F/tally-figures.tap" &&
		said "vm: figures: reports=3 hold_ns_max=250 hostile_inputs=2750 tight=5 odd_indent=3
vm: 2 passed, 0 failed"
}
check "-n NAME: every line printed starts with NAME" named

quiet() {
	run 1 "$T" -q "$F/tally-mismatch.tap" && said "" &&
		run 0 "$T" -q "$F/tally-garbage.tap" && said ""
}
check "-q: nothing printed, the status says it" quiet

tee_copies() {
	run 0 "$T" -t "$F/tally-trailing-plan.tap" &&
		said "$(cat "$F/tally-trailing-plan.tap")
2 passed, 0 failed"
}
check "-t: the stream is copied to stdout, then the counts" tee_copies

two_files() {
	run 1 "$T" "$F/tally-garbage.tap" "$F/tally-nested.tap" &&
		said "1 skipped
6 passed, 1 failed"
}
check "two files are one stream" two_files

check "an unknown option is a usage error" usage_error "$T" -x "$F/tally-nested.tap"
check "a missing file is a usage error" usage_error "$T" "$F/nonexistent.tap"
check "a directory is a usage error" usage_error "$T" "$F"
finish
