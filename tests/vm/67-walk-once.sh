# SPDX-License-Identifier: GPL-2.0
# One read of metrics, or of pagetypeinfo, walks each free list once:
# zones x migrate types x orders zone->lock holds (stats counts them),
# however long the output.  (seq_file grows a buffer that is too small
# and runs the show function again, every walk with it.)

P=$DBG/buddy_probe

holds() {
	sed -n 's/^free_list_lock_holds //p' "$P/stats"
}

# walks FILE: reads FILE once; prints the zone->lock holds it took.
walks() {
	before=$(holds)
	cat "$1" >/dev/null
	echo $(($(holds) - before))
}

insmod "$KO/buddy_probe.ko"
# shellcheck disable=SC2016 # an awk program
lists=$(awk '/^Free pages count/ && !orders { orders = NF - 8 }
	/^Node .*, type / { n++ } END { print n * orders }' "$P/pagetypeinfo")
# once FILE: one read of FILE takes $lists holds.
once() {
	n=$(walks "$1")
	[ "$n" -eq "$lists" ] || { echo "$n holds"; return 1; }
}
bytes=$(wc -c <"$P/metrics")
check "metrics ($bytes bytes): one read walks the $lists free lists once" once "$P/metrics"
check "pagetypeinfo: one read walks the $lists free lists once" once "$P/pagetypeinfo"
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
