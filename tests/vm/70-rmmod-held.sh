# SPDX-License-Identifier: GPL-2.0
# rmmod with blocks held gives them all back.
#
# /proc/buddyinfo cannot be compared exactly before and after: insmod,
# rmmod and the shell allocate and free pages too, and slabs keep some
# (free_pages counts the per-cpu lists too).  So the test holds 4096 pages
# (16 MiB) and allows 1/8 of that (512 pages, 2 MiB) for that noise: it
# sees the free pages drop by at least 7/8 of what is held, and come back
# to within 1/8 of where they started.  Leaking the blocks would leave
# the count 4096 pages short.

P=$DBG/buddy_probe
HELD=4096

# round: load, take 34 blocks, rmmod with them held.  A real leak fails
# every round, a burst of the others' allocations only the round it
# lands in.
round() {
	rmmod buddy_probe 2>/dev/null	# left loaded by a failed round
	start=$(free_pages)
	insmod "$KO/buddy_probe.ko" || return 1
	echo alloc 10 2 >"$P/pages" && echo alloc 6 32 >"$P/pages" || return 1
	held=$(free_pages)
	dmesg_mark
	rmmod buddy_probe || return 1
	after=$(free_pages)
	echo "free pages: $start at start, $held held, $after after rmmod"
	dmesg | grep -q "buddy_probe: freed the $HELD pages still held" ||
		{ echo "rmmod did not log what it freed"; return 1; }
	# Held, they are gone: a drop of >= 7/8 of them; after rmmod, back
	# to within 1/8 of the start.
	[ $((start - held)) -ge $((HELD - HELD / 8)) ] &&
		[ $((start - after)) -le $((HELD / 8)) ]
}

check "rmmod with 34 blocks ($HELD pages) held frees them all, and says so" \
	retry 5 round
check "buddy_probe is gone" sh -c "! grep -q '^buddy_probe ' /proc/modules"
check "no warning, BUG or oops" dmesg_clean
