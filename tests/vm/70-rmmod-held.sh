# SPDX-License-Identifier: GPL-2.0
# rmmod with blocks held gives them all back.
#
# /proc/buddyinfo cannot be compared exactly before and after: insmod,
# rmmod and the shell allocate and free pages too, and pages parked on
# the per-cpu lists are not in free_area.  So the test holds 4096 pages
# (16 MiB) and allows 1/8 of that (512 pages, 2 MiB) for that noise: it
# sees the free pages drop by at least 7/8 of what is held, and come back
# to within 1/8 of where they started.  Leaking the blocks would leave
# the count 4096 pages short.

P=$DBG/buddy_probe
HELD=4096

start=$(free_pages)
insmod "$KO/buddy_probe.ko"
check "alloc 10 2 is accepted" sh -c "echo alloc 10 2 >$P/pages"
check "alloc 6 32 is accepted" sh -c "echo alloc 6 32 >$P/pages"
held=$(free_pages)
dmesg_mark
check "rmmod with 34 blocks held" rmmod buddy_probe
after=$(free_pages)
check "while held, free pages dropped by >= 7/8 of $HELD ($start -> $held)" \
	test $((start - held)) -ge $((HELD - HELD / 8))
check "after rmmod, free pages are back within 1/8 of $HELD ($start -> $after)" \
	test $((start - after)) -le $((HELD / 8))
check "rmmod logged what it freed" \
	sh -c "dmesg | grep -q 'buddy_probe: freed the $HELD pages still held'"
check "no warning, BUG or oops" dmesg_clean
