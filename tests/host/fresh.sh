#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# What a brand-new machine needs of the harness, checked on this host:
# the Makefile's targets that need no kernel tree parse without one, and
# those that do say in one line what to run first; scripts/setup names
# the packages of the host's release (and of the other release, from
# the lane's apt lists when scripts/lane fetched them); make install's
# recipe works under dash; scripts/lane and
# scripts/fresh refuse bad arguments; and the commands .ci/run gives
# scripts/fresh are the README's, to the letter.
#
# The checks are functions called through check(), which shellcheck takes
# for unreachable code.
# shellcheck disable=SC2317
set -uo pipefail
# shellcheck source=tests/host/tap.bash
. "$(dirname "$0")/tap.bash"
# shellcheck source=scripts/lib.sh
. "$KMEMLAB_ROOT/scripts/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$KMEMLAB_ROOT" || exit 1

# make KDIR= stands for a machine without kernel headers.
no_tree_parses() {
	local out
	out=$(make -n KDIR= setup check kunit vmtest test quick tools clean 2>&1) || {
		echo "$out"
		return 1
	}
	! grep -q '\*\*\*' <<<"$out" || { echo "$out"; return 1; }
}

# make KDIR= TARGET fails with one line on stderr that names make setup.
says_run_setup() {
	run 2 make --no-print-directory KDIR= "$1" || return 1
	if [ "$(grep -c . <<<"$ERR")" -ne 1 ] || ! grep -q "run 'make setup'" <<<"$ERR"; then
		echo "stderr: $ERR"
		return 1
	fi
}

check "make -n without a kernel tree: setup check kunit vmtest test quick tools clean" no_tree_parses
for target in modules install; do
	check "make $target without a kernel tree: one line, run make setup" says_run_setup "$target"
done

# with_apt CONF COMMAND...: COMMAND with apt configured by CONF ("" for
# the host's own configuration).
with_apt() {
	local conf=$1
	shift
	if [ -n "$conf" ]; then
		APT_CONFIG=$conf "$@"
	else
		"$@"
	fi
}

# names_match CONF: setup's versioned names are the ones this
# release has, found another way: the source of the series of the
# image linux-image-amd64 depends on, and the clang runtime of the
# version of the clang package.  And apt has every name it lists.
names_match() {
	local conf=$1 list series clang pkg known missing
	list=$(with_apt "$conf" "$KMEMLAB_ROOT/scripts/setup" --list) || return 1
	series=$(with_apt "$conf" apt-cache show --no-all-versions linux-image-amd64 |
		sed -n 's/^Depends: .*linux-image-\([0-9]*\.[0-9]*\)\..*/\1/p')
	clang=$(with_apt "$conf" apt-cache show --no-all-versions clang |
		sed -n 's/^Version: \([0-9]*:\)\{0,1\}\([0-9]*\)\..*/\2/p')
	for pkg in "linux-source-$series" "libclang-rt-$clang-dev"; do
		grep -qx "$pkg" <<<"$list" || { echo "no $pkg in: $list"; return 1; }
	done
	# shellcheck disable=SC2086 # one name a word
	known=$(with_apt "$conf" apt-cache show --no-all-versions $list 2>/dev/null |
		sed -n 's/^Package: //p' | sort -u)
	missing=$(comm -23 <(sort -u <<<"$list") <(echo "$known"))
	[ -z "$missing" ] || { echo "apt has no $missing"; return 1; }
}

check "setup --list: the host release's names ($(kmemlab_host_codename))" names_match ""
while read -r conf <&3; do
	suite=$(awk '/^deb /{ print $4; exit }' "$(dirname "$conf")/sources.list")
	# setup is for Debian 12 and 13: other lanes' suites (sid, a
	# backports suite without its release) are not a release to set up.
	case $suite in bookworm | trixie) ;; *) continue ;; esac
	check "setup --list: $suite's names, from the lists of ${conf#"$KMEMLAB_CACHE"/}" names_match "$conf"
done 3< <(kmemlab_lane_apt_confs)
check "setup: a bad option is a usage error" usage_error "$KMEMLAB_ROOT/scripts/setup" --install

# make install's recipe runs under /bin/sh (dash on Debian): the
# scripts/krel it calls gives the release the tree's utsrelease.h says,
# and the recipe sources no bash file.
dash_krel() {
	local kdir want got
	kdir=$(kmemlab_kdir) || return 1
	want=$(sed -n 's/^#define UTS_RELEASE "\(.*\)"$/\1/p' "$kdir/include/generated/utsrelease.h")
	got=$(dash "$KMEMLAB_ROOT/scripts/krel" "$kdir") || return 1
	if [ -z "$want" ] || [ "$got" != "$want" ]; then
		echo "dash: '$got', utsrelease.h: '$want'"
		return 1
	fi
	got=$(make -s -n -C "$KMEMLAB_ROOT" install KDIR="$kdir" 2>&1) || return 1
	if [[ $got != *scripts/krel* || $got == *lib.sh* ]]; then
		printf 'make -n install:\n%s\n' "$got"
		return 1
	fi
}
check "make install under dash: scripts/krel gives the release for depmod" dash_krel

# scripts/lane host: four lines, each a file or tree that is there, and
# of the series the host's linux-source stands for.
host_lane() {
	local series kdir vmlinuz krel src
	series=$(kmemlab_host_series) || return 1
	run 0 "$KMEMLAB_ROOT/scripts/lane" host || return 1
	kdir=$(sed -n 's/^KDIR=//p' <<<"$OUT")
	vmlinuz=$(sed -n 's/^VMLINUZ=//p' <<<"$OUT")
	krel=$(sed -n 's/^KREL=//p' <<<"$OUT")
	src=$(sed -n 's/^SRC=//p' <<<"$OUT")
	if [ "$(grep -c . <<<"$OUT")" -ne 4 ] || [ ! -d "$kdir" ] || [ ! -r "$vmlinuz" ] ||
		[ ! -d "$src" ]; then
		echo "$OUT"
		return 1
	fi
	case $krel in
	"$series".*) ;;
	*) echo "KREL $krel is not of series $series"; return 1 ;;
	esac
	[ "$(sed -n 's/^VERSION = //p' "$src/Makefile").$(sed -n 's/^PATCHLEVEL = //p' "$src/Makefile")" = "$series" ] ||
		{ echo "$src/Makefile is not of series $series"; return 1; }
}
check "scripts/lane host: KDIR, VMLINUZ, KREL, SRC of the host's series" host_lane
check "scripts/lane without a series: usage" usage_error "$KMEMLAB_ROOT/scripts/lane"
unknown_series() {
	run 1 "$KMEMLAB_ROOT/scripts/lane" 5.10 && [ -z "$OUT" ] && grep -q "unknown kernel series '5.10'" <<<"$ERR"
}
check "scripts/lane 5.10: refused, an unknown series" unknown_series
# The series that is not the host's is fetched: a bad max age stops it
# before anything is fetched.
other=6.12
[ "$(kmemlab_host_series)" = 6.12 ] && other=6.1
bad_age() {
	KMEMLAB_LANE_MAX_AGE=soon run 1 "$KMEMLAB_ROOT/scripts/lane" "$other" &&
		grep -q "KMEMLAB_LANE_MAX_AGE must be seconds" <<<"$ERR"
}
check "scripts/lane $other with KMEMLAB_LANE_MAX_AGE=soon: refused" bad_age

check "scripts/fresh without a command: usage" usage_error "$KMEMLAB_ROOT/scripts/fresh" bookworm
# Releases are debootstrap's: scripts/fresh installs it before asking.
if [ -d /usr/share/debootstrap/scripts ]; then
	check "scripts/fresh on an unknown release: usage" \
		usage_error "$KMEMLAB_ROOT/scripts/fresh" bullseye-ish make demo
else
	ok "scripts/fresh on an unknown release: # SKIP no debootstrap here yet"
fi
# Refused before any chroot is made: no new directory under TMPDIR.
bad_fresh_age() {
	TMPDIR=$tmp KMEMLAB_FRESH_MAX_AGE=-1 run 1 "$KMEMLAB_ROOT/scripts/fresh" bookworm true &&
		grep -q "KMEMLAB_FRESH_MAX_AGE must be seconds" <<<"$ERR" && [ -z "$(ls -A "$tmp")" ]
}
check "scripts/fresh with KMEMLAB_FRESH_MAX_AGE=-1: refused, no chroot" bad_fresh_age

# Every command .ci/run gives scripts/fresh stands in the README as is.
readme_commands() {
	local cmd
	local cmd n=0
	while read -r cmd; do
		n=$((n + 1))
		# The whole line, or the line up to a comment.
		awk -v c="$cmd" '$0 == c || (index($0, c " ") == 1 && substr($0, length(c) + 1) ~ /^ +#/) { found = 1 }
			END { exit !found }' README.md || { echo "not in README.md: $cmd"; return 1; }
	done < <(sed -n "s/^fresh_[a-z]*='\(.*\)'$/\1/p" .ci/run)
	[ "$n" -ge 2 ] || { echo "no fresh_* commands in .ci/run"; return 1; }
}
check "the commands .ci/run runs on fresh machines are the README's" readme_commands
finish
