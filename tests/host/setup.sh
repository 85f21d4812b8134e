#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# scripts/setup with lists that are not a Debian release's: those of a
# lane whose suite has no clang (trixie-backports alone, the 7.3 lane's)
# make setup --list fail in one line naming clang, without running
# apt-get update on them (no update could add the name).
#
# The checks are functions called through check(), which shellcheck takes
# for unreachable code.
# shellcheck disable=SC2317
set -uo pipefail
# shellcheck source=tests/host/tap.bash
. "$(dirname "$0")/tap.bash"
# shellcheck source=scripts/lib.sh
. "$KMEMLAB_ROOT/scripts/lib.sh"

# names_refused CONF: setup --list under CONF exits 1, stdout empty, one
# stderr line that names clang, and CONF's lists are as they were.
names_refused() {
	local lists before after
	lists=$(dirname "$1")/state/lists
	before=$(stat -c '%n %Y' "$lists"/* | sort)
	APT_CONFIG=$1 run 1 "$KMEMLAB_ROOT/scripts/setup" --list || return 1
	after=$(stat -c '%n %Y' "$lists"/* | sort)
	if [ -n "$OUT" ] || [ "$(grep -c . <<<"$ERR")" -ne 1 ] || ! grep -q ' clang ' <<<"$ERR"; then
		printf 'stdout: %s\nstderr: %s\n' "$OUT" "$ERR"
		return 1
	fi
	[ "$before" = "$after" ] || { echo "the lists changed: $after"; return 1; }
}

found=
while read -r conf <&3; do
	# (apt-cache show succeeds, empty, for a name only referred to.)
	[ -z "$(APT_CONFIG=$conf apt-cache show --no-all-versions clang 2>/dev/null | sed -n 's/^Package: //p')" ] || continue
	found=1
	check "setup --list: refused with the lists of ${conf#"$KMEMLAB_CACHE"/}, which have no clang" \
		names_refused "$conf"
done 3< <(kmemlab_lane_apt_confs)
[ -n "$found" ] || ok "setup --list without clang # SKIP no lane's lists lack clang (scripts/lane 7.3 makes some)"
finish
