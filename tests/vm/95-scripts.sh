# SPDX-License-Identifier: GPL-2.0
# kmemlab's busybox scripts on the live kernel: buddyinfo-diff sees what
# an allocation of 64 order-5 blocks (buddy_probe's pages file) changes,
# buddywatch samples both buddyinfo files, and both refuse bad arguments.  The snapshots go
# to the host, where tests/vm/host/buddyplot.sh draws them.

# freed_pages DIFF: the free pages buddyinfo-diff's cells add up to
# (negative: pages taken), each order-k cell counting 2^k pages.
freed_pages() {
	awk '{
		order = $6 + 0
		size = 1
		while (order-- > 0)
			size *= 2
		pages += ($9 - $7) * size
	} END { print pages + 0 }' "$1"
}

# take_64: snapshots around taking 64 order-5 blocks (2048 pages), which
# buddyinfo-diff must find.  Other allocations only add to the pages
# taken, but per-cpu lists draining in the background give some back (see
# 90-snapshot.sh): a round in which most were given back is measured again.
take_64() {
	cat /proc/buddyinfo >/tmp/buddyinfo.before
	echo "alloc 5 64" >"$DBG/buddy_probe/pages"
	cat /proc/buddyinfo >/tmp/buddyinfo.after
	echo "free all" >"$DBG/buddy_probe/pages"
	buddyinfo-diff /tmp/buddyinfo.before /tmp/buddyinfo.after >/tmp/diff
	taken=$((-$(freed_pages /tmp/diff)))
	echo "pages taken: $taken"
	[ "$taken" -ge $((2048 * 9 / 10)) ]
}

insmod "$KO/buddy_probe.ko"
check "buddyinfo-diff: its cells add up to the 2048 pages taken" retry 5 take_64
artifact buddyinfo.before /tmp/buddyinfo.before
artifact buddyinfo.after /tmp/buddyinfo.after

check "buddyinfo-diff: a snapshot equals itself" \
	exits 0 buddyinfo-diff /tmp/buddyinfo.before /tmp/buddyinfo.before
buddyinfo-diff /tmp/buddyinfo.before /tmp/buddyinfo.after >/tmp/diff
status=$?
artifact buddyinfo.diff /tmp/diff
check "buddyinfo-diff: the allocation changed some cells (exit 1)" test "$status" -eq 1
check "buddyinfo-diff: each line is one node/zone/order cell" \
	exits 1 grep -vE '^Node [0-9]+, zone +[A-Za-z0-9]+, order +[0-9]+: +[0-9]+ -> +[0-9]+ \([+-][0-9]+\)$' /tmp/diff
zones=$(wc -l </proc/buddyinfo)
for src in /proc/buddyinfo "$DBG/buddy_probe/buddyinfo"; do
	check "buddywatch -n 2 $src: a header and two samples" \
		test "$(buddywatch -i 0.2 -n 2 "$src" | wc -l)" -eq $((1 + 2 * zones))
done
check "buddywatch -i x: usage error (exit 2)" exits 2 buddywatch -i x
check "buddyinfo-diff with one file: usage error (exit 2)" exits 2 buddyinfo-diff /proc/buddyinfo
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
