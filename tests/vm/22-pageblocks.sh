# SPDX-License-Identifier: GPL-2.0
# buddy_probe/pageblocks is the "Number of blocks type" sections of
# /proc/pagetypeinfo (one per node: the blank line, the header, a line
# per zone), byte for byte, from the pageblock bitmaps; stats counts its
# zone->lock holds.

P=$DBG/buddy_probe

# pageblocks_same: the module's file and /proc/pagetypeinfo in one cat;
# from the latter, each "Number of blocks type" header with the line
# before it (mm/vmstat.c prints "\n" first) and the zone lines after.
pageblocks_same() {
	: >/tmp/pb.a
	: >/tmp/pb.b
	printf -- '--kmemlab-separator--\n' >/tmp/sep
	cat "$P/pageblocks" /tmp/sep /proc/pagetypeinfo >/tmp/pb || return 1
	awk '/^--kmemlab-separator--$/ { half = 1; next }
		!half { print >"/tmp/pb.a"; next }
		/^Number of blocks type / { print prev >"/tmp/pb.b"; print >"/tmp/pb.b"; sec = 1; next }
		sec && /^Node / { print >"/tmp/pb.b"; next }
		{ sec = 0; prev = $0 }' /tmp/pb || return 1
	[ -s /tmp/pb.b ] || { echo "no block section in /proc/pagetypeinfo"; return 1; }
	cmp /tmp/pb.a /tmp/pb.b || { diff /tmp/pb.a /tmp/pb.b; return 1; }
}

# stat_of NAME: a value of the stats file.
stat_of() {
	awk -v k="$1" '$1 == k { print $2 }' "$P/stats"
}

# holds_per_read: pageblocks' zone->lock holds in one read of its file.
holds_per_read() {
	before=$(stat_of pageblocks_lock_holds)
	cat "$P/pageblocks" >/dev/null
	echo $(($(stat_of pageblocks_lock_holds) - before))
}

# spans_hold: each zone's blocks are at least one and at most its
# pageblock steps (its spanned pages, in blocks, rounded up).
spans_hold() {
	awk '
		FILENAME == "/proc/pagetypeinfo" && /^Pages per block:/ { per = $4 }
		FILENAME == "/proc/zoneinfo" && /^Node / { key = $2 " " $4 }
		FILENAME == "/proc/zoneinfo" && $1 == "spanned" { steps[key] = int(($2 + per - 1) / per) }
		FILENAME != "/proc/zoneinfo" && FILENAME != "/proc/pagetypeinfo" && /^Node / {
			n = 0; for (i = 5; i <= NF; i++) n += $i
			if (n < 1 || n > steps[$2 " " $4]) { print; bad = 1 }
			total += n
		}
		END { exit bad || !total }' /proc/pagetypeinfo /proc/zoneinfo "$P/pageblocks"
}

dmesg_mark
insmod "$KO/buddy_probe.ko"
check "pageblocks is mode 0400" test "$(stat -c %a "$P/pageblocks")" = 400
check "pageblocks has a header per node of /proc/pagetypeinfo" \
	test "$(grep -c '^Number of blocks type ' "$P/pageblocks")" -eq \
	"$(grep -c '^Number of blocks type ' /proc/pagetypeinfo)"
check "pageblocks has a line per zone of /proc/buddyinfo" \
	test "$(grep -c '^Node ' "$P/pageblocks")" -eq "$(grep -c . /proc/buddyinfo)"
check "pageblocks equals /proc/pagetypeinfo's block sections, byte for byte (read back to back)" \
	retry 8 pageblocks_same
check "no zone counts more blocks than its span holds" spans_hold
check "a read holds one zone->lock per zone" \
	test "$(holds_per_read)" -eq "$(grep -c . /proc/buddyinfo)"
check "stats has pageblocks' longest hold, in ns" test "$(stat_of pageblocks_max_lock_hold_ns)" -gt 0
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
