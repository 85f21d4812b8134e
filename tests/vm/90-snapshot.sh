# SPDX-License-Identifier: GPL-2.0
# snapshot: per-zone change in free blocks and pages since a baseline.

P=$DBG/buddy_probe

# consistent: each line's page change is its block changes weighed by
# 2^order, so the module's arithmetic is checked on live numbers.
consistent() {
	awk '/^Node/ {
		p = 1; t = 0
		for (i = 5; $i != "pages"; i++) { t += $i * p; p *= 2 }
		if (t != $(i + 1)) { print "pages " $(i + 1) " but blocks say " t ": " $0; bad = 1 }
	} END { exit bad }' $P/snapshot
}

# pages_change: the change in free pages over all zones.
pages_change() {
	awk '/^Node/ { t += $NF } END { print t }' $P/snapshot
}

insmod "$KO/buddy_probe.ko"
check "snapshot is mode 0600" test "$(stat -c %a $P/snapshot)" = 600
check "without a baseline, reading says so" grep -q '^no baseline' $P/snapshot
check "echo 1 records a baseline" sh -c "echo 1 >$P/snapshot"
check "one line per zone of /proc/buddyinfo" \
	test "$(grep -c '^Node' $P/snapshot)" -eq "$(wc -l </proc/buddyinfo)"
check "each line's page change is the sum of its block changes" consistent
check "alloc 10 4 is accepted" sh -c "echo alloc 10 4 >$P/pages"
check "after alloc 10 4, the zones have >= 3584 fewer free pages ($(pages_change))" \
	test "$(pages_change)" -le -3584
check "and the lines still add up" consistent
check "free all is accepted" sh -c "echo free all >$P/pages"
check "after free all, the change is back within 512 pages ($(pages_change))" \
	test "$(pages_change)" -ge -512
check "echo 0 forgets the baseline" sh -c "echo 0 >$P/snapshot && grep -q '^no baseline' $P/snapshot"
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
