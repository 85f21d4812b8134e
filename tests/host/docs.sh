#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The docs hold together: every relative link of README.md and docs/*.md
# names a file that exists, and every #anchor a heading of its file (as
# GitHub makes anchors of headings); and the README stays a landing page
# of at most 200 lines.  The link checker is also shown a broken link and
# a broken anchor, which it must find.
#
# The checks are functions called through check(), which shellcheck takes
# for unreachable code.
# shellcheck disable=SC2317
# shellcheck source=tests/host/tap.bash
. "$(dirname "$0")/tap.bash"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# md_scan FILE: "link TARGET" for each link, "anchor SLUG" for each
# heading, outside code blocks and code spans.  Slugs as GitHub makes
# them: lower case, anything but letters, digits, blanks, '-' and '_'
# dropped, blanks as '-', "-1", "-2"... on repeats.
md_scan() {
	awk '
		/^ *```/ { fence = !fence; next }
		fence { next }
		/^#+ / {
			h = $0
			sub(/^#+ +/, "", h)
			h = tolower(h)
			gsub(/[^a-z0-9 _-]/, "", h)
			gsub(/ /, "-", h)
			print "anchor " (seen[h]++ ? h "-" seen[h] - 1 : h)
		}
		{
			line = $0
			gsub(/`[^`]*`/, "", line)
			while (match(line, /\]\([^)]*\)/)) {
				print "link " substr(line, RSTART + 2, RLENGTH - 3)
				line = substr(line, RSTART + RLENGTH)
			}
		}' "$1"
}

# links_resolve FILE...: prints each link that does not resolve.
links_resolve() {
	local f target path anchor dest bad=0
	for f in "$@"; do
		while read -r target; do
			case $target in
			*://* | mailto:*) continue ;;
			esac
			path=${target%%#*}
			anchor=
			[ "$path" = "$target" ] || anchor=${target#*#}
			dest=$f
			[ -z "$path" ] || dest=$(dirname "$f")/$path
			if [ ! -e "$dest" ]; then
				echo "$f: $target: no such file"
				bad=1
			elif [ -n "$anchor" ] &&
				! md_scan "$dest" | grep -qxF "anchor $anchor"; then
				echo "$f: $target: no heading with that anchor in $dest"
				bad=1
			fi
		done < <(md_scan "$f" | sed -n 's/^link //p')
	done
	return "$bad"
}

# finds_broken: links_resolve fails on a missing file and on a missing
# anchor, and passes the same file once they are fixed.
finds_broken() {
	mkdir -p "$TMP/d"
	# shellcheck disable=SC2016 # the backticks are Markdown
	printf '# Top\n\n## A `code` heading, twice\n\n## A `code` heading, twice\n' >"$TMP/d/b.md"
	printf '[x](b.md#a-code-heading-twice-1) [y](#here)\n\n## Here\n' >"$TMP/d/a.md"
	links_resolve "$TMP/d/a.md" || { echo "a good file fails"; return 1; }
	printf '[x](nothere.md)\n' >"$TMP/d/c.md"
	! links_resolve "$TMP/d/c.md" >/dev/null || { echo "a missing file passes"; return 1; }
	printf '[x](b.md#nothere)\n' >"$TMP/d/c.md"
	! links_resolve "$TMP/d/c.md" >/dev/null || { echo "a missing anchor passes"; return 1; }
}

check "the link checker finds a missing file and a missing anchor" finds_broken
for f in "$KMEMLAB_ROOT"/README.md "$KMEMLAB_ROOT"/docs/*.md; do
	check "${f#"$KMEMLAB_ROOT"/}: every relative link and #anchor resolves" links_resolve "$f"
done
check "README.md is a landing page: at most 200 lines" \
	test "$(wc -l <"$KMEMLAB_ROOT/README.md")" -le 200
finish
