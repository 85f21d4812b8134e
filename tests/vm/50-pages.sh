# SPDX-License-Identifier: GPL-2.0
# The alloc_pages experiment: an order-5 block is 32-aligned, its buddy
# and physical address are right, the experiment's prediction of the
# split and of the merge matches what free_area did, and freeing the
# block gives the zone back the counts it had before the alloc.

P=$DBG/buddy_probe
PAGE_SIZE=4096	# x86-64 guest

# held ORDER: the pfn of the last held block of ORDER, from pages.
held() {
	awk -v o="$1" 'NR > 1 && $1 == o { pfn = $2 } END { print pfn }' "$P/pages"
}

# row NAME: a row of experiment's table, without its label.
row() {
	sed -n "s/^$1  *//p" "$P/experiment"
}

verdict() {
	tail -n 1 "$P/experiment"
}

# alloc_match ORDER: takes one block; fails, and gives it back, unless the
# experiment says match (something else may allocate in between).
alloc_match() {
	echo "alloc $1" >"$P/pages" || return 1
	[ "$(verdict)" = match ] && return 0
	cat "$P/experiment"
	echo "free $(held "$1")" >"$P/pages"
	return 1
}

# cycle5: alloc order 5 and free it again; both experiments must say
# match, and the free's observed counts of orders >= 5 must be the
# alloc's before counts: the split, if any, undone by the merge.  Between
# the alloc and the free nothing may run that allocates, or the free half
# of a split can be taken (a per-cpu list refill splits the smallest free
# Unmovable block, and in these VMs that can be it): so only shell
# builtins, no command substitution (a fork), between the two writes.
cycle5() {
	echo "alloc 5" >"$P/pages" || return 1
	a_before=
	a_verdict=
	while read -r label rest; do
		[ "$label" = before ] && a_before=$rest
		a_verdict=$label
	done <"$P/experiment"
	pfn=
	while read -r o p rest; do
		[ "$o" = 5 ] && pfn=$p
	done <"$P/pages"
	echo "free $pfn" >"$P/pages" || return 1
	cat "$P/experiment"
	echo "alloc: $a_verdict, before: $a_before"
	# Orders 5 and up, which the split and the merge move.  Orders 0-3 are
	# left out: per-cpu list refills and drains move those in batches, at
	# any time and from any CPU, between the two readings.
	# shellcheck disable=SC2046 # the row's fields
	set -- $(row observed)
	shift 5
	observed="$*"
	# shellcheck disable=SC2086 # the row's fields
	set -- $a_before
	shift 5
	[ "$a_verdict" = match ] && [ "$(verdict)" = match ] &&
		[ "$observed" = "$*" ]
}

# block_ok ORDER: the held block's pfn is aligned to its size, its buddy
# differs in bit ORDER, phys is pfn * PAGE_SIZE and virt_to_phys agrees.
block_ok() {
	line=$(awk -v o="$1" 'NR > 1 && $1 == o' "$P/pages" | tail -n 1)
	# shellcheck disable=SC2086 # the row's fields
	set -- "$1" $line
	size=$((1 << $1))
	echo "order $1: $line"
	[ $(($3 % size)) -eq 0 ] || { echo "pfn $3 not aligned to $size"; return 1; }
	[ "$5" -eq $(($3 ^ size)) ] || { echo "buddy $5 is not pfn ^ $size"; return 1; }
	[ $(($4)) -eq $(($3 * PAGE_SIZE)) ] || { echo "phys $4 is not pfn * $PAGE_SIZE"; return 1; }
	{ [ $(($6)) -eq $(($4)) ] && [ "$7" = yes ]; } || { echo "virt_to_phys disagrees"; return 1; }
}

insmod "$KO/buddy_probe.ko"
check "pages is mode 0600" test "$(stat -c %a "$P/pages")" = 600
check "experiment is mode 0400" test "$(stat -c %a "$P/experiment")" = 400
check "experiment says when there is none yet" grep -q '^no experiment yet' "$P/experiment"
check "pages lists nothing but its header" test "$(wc -l <"$P/pages")" -eq 1
# shellcheck disable=SC2016 # an awk program
check "pages header names order pfn phys buddy_pfn" \
	awk 'NR == 1 { exit !($1 == "order" && $2 == "pfn" && $3 == "phys" && $4 == "buddy_pfn") }' "$P/pages"

check "order-5 alloc: the experiment predicts the split (match)" retry 5 alloc_match 5
check "order-5 block: 32-aligned pfn, buddy pfn, phys and virt_to_phys agree" block_ok 5
check "the experiment's table has before, predicted and observed rows" \
	test -n "$(row before)" -a -n "$(row predicted)" -a -n "$(row observed)"
check "free PFN is accepted" sh -c "echo free $(held 5) >$P/pages"
check "pages no longer lists it" test "$(wc -l <"$P/pages")" -eq 1
check "order-5 alloc then free: both match, and orders >= 5 are restored" retry 5 cycle5

check "alloc 0 is accepted" sh -c "echo alloc 0 >$P/pages"
check "order-0 block: pfn, buddy and phys" block_ok 0
check "an order-0 experiment explains the per-cpu lists" grep -q 'per-cpu page lists' "$P/experiment"
check "alloc 3 4 takes four blocks" sh -c "echo alloc 3 4 >$P/pages"
check "pages lists the five blocks" test "$(wc -l <"$P/pages")" -eq 6
check "free all is accepted" sh -c "echo free all >$P/pages"
check "pages is empty again" test "$(wc -l <"$P/pages")" -eq 1
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
