#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# docs/tutorial.md, and the README's excerpt of the demo, are exactly
# what scripts/tutorial makes of the committed make demo transcript
# (docs/tutorial.log) and template (docs/tutorial.md.in), so that no hand
# edit survives; every placeholder is filled; the transcript has every
# section guest/demo and scripts/demo mark, in order, so that it is not
# older than the demo; and the generator refuses what it cannot fill, on
# small hand-written inputs.
#
# The checks are functions called through check(), which shellcheck takes
# for unreachable code.
# shellcheck disable=SC2317
# shellcheck source=tests/host/tap.bash
. "$(dirname "$0")/tap.bash"

GEN=$KMEMLAB_ROOT/scripts/tutorial
DOCS=$KMEMLAB_ROOT/docs
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# regenerated FILE: FILE (docs/tutorial.md or README.md) is what the
# generator makes of the committed transcript.
regenerated() {
	cp "$KMEMLAB_ROOT/README.md" "$TMP/README.md"
	"$GEN" -l "$DOCS/tutorial.log" -o "$TMP/tutorial.md" -r "$TMP/README.md" || return 1
	diff -u "$KMEMLAB_ROOT/$1" "$TMP/${1##*/}"
}

no_placeholder() {
	! grep -nE '@(demo|value)[ @]' "$DOCS/tutorial.md"
}

# The sections the demo marks, in the order it prints them: guest/demo's
# "section NAME" lines, then the picture scripts/demo adds on the host.
demo_sections() {
	sed -n 's/^section \([a-z0-9-]*\)$/\1/p' "$KMEMLAB_ROOT/guest/demo"
	sed -n 's/.*echo "kmemlab-section \([a-z0-9-]*\)".*/\1/p' "$KMEMLAB_ROOT/scripts/demo"
}

transcript_current() {
	demo_sections >"$TMP/want"
	sed -n 's/^kmemlab-section //p' "$DOCS/tutorial.log" >"$TMP/got"
	[ -s "$TMP/want" ] || { echo "no section marker found in guest/demo"; return 1; }
	diff -u -L "guest/demo, scripts/demo" -L docs/tutorial.log "$TMP/want" "$TMP/got"
}

# A small transcript: two sections (the first with a title and blank
# lines, as guest/demo prints them) and a value.
cat >"$TMP/log" <<'EOF'
kmemlab-section one

== The first section
$ cat file
alpha
beta

kmemlab-value n 42
kmemlab-section two
gamma
EOF

# fills TEMPLATE EXPECTED: the generator turns TEMPLATE into EXPECTED
# (after its two lines of header).
fills() {
	printf '%s\n' "$1" >"$TMP/in"
	printf 'readme\n' >"$TMP/readme"
	rm -f "$TMP/out"
	"$GEN" -l "$TMP/log" -t "$TMP/in" -o "$TMP/out" -r "$TMP/readme" || return 1
	printf '%s\n' "$2" | diff -u - <(sed 1,2d "$TMP/out")
}

# refreshes README EXPECTED: with a template that uses everything, the
# generator turns README into EXPECTED.
refreshes() {
	printf '%s\n' "@demo one@" "@demo two@" "@value n@" >"$TMP/in"
	printf '%s\n' "$1" >"$TMP/readme"
	"$GEN" -l "$TMP/log" -t "$TMP/in" -o "$TMP/out" -r "$TMP/readme" || return 1
	printf '%s\n' "$2" | diff -u - "$TMP/readme"
}

# refuses TEMPLATE MESSAGE [README]: the generator fails, says MESSAGE,
# and writes no output file (and leaves README as it was).
refuses() {
	printf '%s\n' "$1" >"$TMP/in"
	printf '%s\n' "${3:-readme}" >"$TMP/readme"
	cp "$TMP/readme" "$TMP/readme.was"
	rm -f "$TMP/out"
	run 1 "$GEN" -l "$TMP/log" -t "$TMP/in" -o "$TMP/out" -r "$TMP/readme" || return 1
	[ ! -e "$TMP/out" ] || { echo "it wrote $TMP/out"; return 1; }
	cmp "$TMP/readme" "$TMP/readme.was" || { echo "it changed the README"; return 1; }
	grep -q -- "$2" <<<"$ERR" || { echo "stderr: $ERR"; return 1; }
}

FENCE='```'
check "docs/tutorial.md is what scripts/tutorial makes of docs/tutorial.log and docs/tutorial.md.in" \
	regenerated docs/tutorial.md
check "README.md's excerpt of the demo is what scripts/tutorial makes of docs/tutorial.log" \
	regenerated README.md
check "docs/tutorial.md has no placeholder left" no_placeholder
check "docs/tutorial.log has every section guest/demo and scripts/demo mark, in order" \
	transcript_current
check "the generator fills blocks (titles and blank lines cut) and values" \
	fills "$(printf '%s\n' "# T" "@demo one@" "n is @value n@." "@demo two title@")" \
	"$(printf '%s\n' "# T" "$FENCE" '$ cat file' alpha beta "$FENCE" "n is 42." "$FENCE" gamma "$FENCE")"
check "the generator marks an excerpt, and keeps the commands" \
	fills "$(printf '%s\n' "@demo one keep=^b@" "@demo two@" "@value n@")" \
	"$(printf '%s\n' "$FENCE" '$ cat file' beta "(excerpt: 1 of the 2 lines)" "$FENCE" "$FENCE" gamma "$FENCE" 42)"
check "the generator starts a block at the first line matching from=" \
	fills "$(printf '%s\n' "@demo one from=^be@" "@demo two@" "@value n@")" \
	"$(printf '%s\n' "$FENCE" beta "$FENCE" "$FENCE" gamma "$FENCE" 42)"
check "the generator replaces the README's marked code block, and keeps the rest" \
	refreshes "$(printf '%s\n' "# R" "<!-- @demo two -->" "$FENCE" old "$FENCE" end)" \
	"$(printf '%s\n' "# R" "<!-- @demo two -->" "$FENCE" gamma "$FENCE" end)"
check "the generator refuses a README marker without a code block" \
	refuses "$(printf '%s\n' "@demo one@" "@demo two@" "@value n@")" "no code block" \
	"$(printf '%s\n' "<!-- @demo two -->" text)"
check "the generator refuses a from= that matches nothing" \
	refuses "$(printf '%s\n' "@demo one from=zzz@" "@demo two@" "@value n@")" "empty from zzz"
check "the generator refuses a section the transcript lacks" \
	refuses "$(printf '%s\n' "@demo one@" "@demo two@" "@demo three@" "@value n@")" "no section three"
check "the generator refuses to leave a section of the transcript out" \
	refuses "$(printf '%s\n' "@demo one@" "@value n@")" "shows no section two"
check "the generator refuses a value the transcript lacks" \
	refuses "$(printf '%s\n' "@demo one@" "@demo two@" "@value n@ @value m@")" "no value m"
check "the generator refuses to leave a value of the transcript out" \
	refuses "$(printf '%s\n' "@demo one@" "@demo two@")" "quotes no value n"
check "the generator refuses a block placeholder inside a line" \
	refuses "$(printf '%s\n' "see @demo one@" "@demo two@" "@value n@")" "not one"
check "the generator refuses an excerpt that keeps nothing" \
	refuses "$(printf '%s\n' "@demo one keep=zzz@" "@demo two@" "@value n@")" "keeps 0 of the 2"
check "the generator refuses an excerpt that keeps everything" \
	refuses "$(printf '%s\n' "@demo one keep=a@" "@demo two@" "@value n@")" "keeps 2 of the 2"
check "the generator refuses an unknown option" \
	refuses "$(printf '%s\n' "@demo one short@" "@demo two@" "@value n@")" "unknown option"
check "scripts/tutorial -x: usage error" usage_error "$GEN" -x
check "scripts/tutorial with an argument: usage error" usage_error "$GEN" -l "$TMP/log" extra
finish
