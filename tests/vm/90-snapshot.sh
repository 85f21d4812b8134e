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
	} END { exit bad }' "$P/snapshot"
}

# pages_change: the change in free pages over all zones.
pages_change() {
	awk '/^Node/ { t += $NF } END { print t }' "$P/snapshot"
}

insmod "$KO/buddy_probe.ko"
check "snapshot is mode 0600" test "$(stat -c %a "$P/snapshot")" = 600
check "without a baseline, reading says so" grep -q '^no baseline' "$P/snapshot"
check "echo 1 records a baseline" sh -c "echo 1 >$P/snapshot"
check "one line per zone of /proc/buddyinfo" \
	test "$(grep -c '^Node' "$P/snapshot")" -eq "$(wc -l </proc/buddyinfo)"
check "each line's page change is the sum of its block changes" consistent
# round: 4 order-10 blocks taken and given back, measured by the snapshot.
# Per-cpu page lists drain back to free_area in the background (since 6.7
# their high mark decays every second), giving pages back meanwhile; a
# real miscount fails every round, a drain only the round it lands in.
round() {
	echo 1 >"$P/snapshot" && echo alloc 10 4 >"$P/pages" || return 1
	taken=$(pages_change)
	consistent || return 1
	echo free all >"$P/pages" || return 1
	back=$(pages_change)
	echo "change after alloc $taken, after free all $back"
	[ "$taken" -le -3584 ] && [ "$back" -ge -512 ]
}
check "alloc 10 4: >= 3584 fewer free pages, lines adding up; free all: back within 512" \
	retry 5 round
check "echo 0 forgets the baseline" sh -c "echo 0 >$P/snapshot && grep -q '^no baseline' $P/snapshot"
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
