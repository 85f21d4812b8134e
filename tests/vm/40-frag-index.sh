# SPDX-License-Identifier: GPL-2.0
# buddy_probe's unusable_index and extfrag_index equal the kernel's
# /sys/kernel/debug/extfrag/ files (this kernel has CONFIG_COMPACTION).
# Both are computed from free_area[] counts, which move, so the two are
# read back to back in one process, with retries.

P=$DBG/buddy_probe

insmod "$KO/buddy_probe.ko"
for f in unusable_index extfrag_index; do
	check "$f is mode 0400" test "$(stat -c %a "$P/$f")" = 400
	check "$f has a line per zone" \
		test "$(wc -l <"$P/$f")" -eq "$(wc -l </proc/buddyinfo)"
	check "$f equals extfrag/$f (read back to back)" \
		retry 8 same_read "$P/$f" "$DBG/extfrag/"$f
done
# An idle VM has free order-0 pages in every zone that has free pages at
# all: order 0 would succeed.  (A zone with none, such as an empty
# Movable zone of the 2node profile, gets 0.000 from the kernel's
# fragmentation_index() too.)
# shellcheck disable=SC2016 # an awk program
check "extfrag_index says -1.000 (would succeed) for order 0 in every zone with free pages" \
	awk 'NR == FNR { for (i = 5; i <= NF; i++) free[$2 $4] += $i; next }
		free[$2 $4] > 0 && $5 != "-1.000" { print; bad = 1 } END { exit bad }' \
	/proc/buddyinfo "$P/extfrag_index"
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
