# SPDX-License-Identifier: GPL-2.0
# A long "alloc 0 1024" holds bp_pages_lock one block at a time, and a
# fatal signal stops it between two blocks (kmemlab-fuzz interrupt): a
# SIGKILL some 100 us to 51 ms into the write leaves fewer than 1024
# blocks held at least once, and a reader at those delays gets its
# listing before the write is done at least once.  A killed writer's
# blocks stay held, and are listed and freed like any other.

P=$DBG/buddy_probe

insmod "$KO/buddy_probe.ko"
dmesg_mark
fuzz_check "alloc 0 1024: a kill stops it between blocks, a reader gets in" \
	interrupt "$P/pages" 0 1024
grep '^partial_' /tmp/summary | sed 's/^/    # /'
check "nothing is held after" test "$(wc -l <"$P/pages")" -eq 1
check "buddyinfo still matches /proc/buddyinfo" \
	retry 5 same_buddyinfo "$P/buddyinfo" /proc/buddyinfo
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
echo "    # kmemlab-figure hostile_inputs=$SENT"
