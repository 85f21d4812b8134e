# SPDX-License-Identifier: GPL-2.0
# buddy_probe/pagetypeinfo is the "Free pages count per migrate type at
# order" section of /proc/pagetypeinfo (one per node, header included),
# and stats says how often and how long counting free lists (pagetypeinfo
# and metrics reads) held a zone->lock.

P=$DBG/buddy_probe

# pagetypeinfo_same: reads the module's file and /proc/pagetypeinfo in one
# cat, keeps the free-count sections of the latter, and compares.
pagetypeinfo_same() {
	printf -- '--kmemlab-separator--\n' >/tmp/sep
	cat "$P/pagetypeinfo" /tmp/sep /proc/pagetypeinfo >/tmp/pti || return 1
	awk '
		/^--kmemlab-separator--$/ { half = 1; next }
		!half { x[++nx] = $0; next }
		/^Free pages count per migrate type at order/ { sec = 1; y[++ny] = $0; next }
		sec && /^Node .*, zone .*, type / { y[++ny] = $0; next }
		{ sec = 0 }
		END {
			if (!ny) { print "no section found in /proc/pagetypeinfo"; exit 1 }
			n = nx > ny ? nx : ny
			for (i = 1; i <= n; i++)
				if (x[i] != y[i]) {
					printf "line %d differs\nmodule: %s\nkernel: %s\n", i, x[i], y[i]
					exit 1
				}
		}' /tmp/pti
}

# stat_of NAME: a value of the stats file.
stat_of() {
	awk -v k="$1" '$1 == k { print $2 }' "$P/stats"
}

# holds_per_read FILE: zone->lock holds one read of FILE adds to stats.
holds_per_read() {
	before=$(stat_of free_list_lock_holds)
	cat "$1" >/dev/null
	echo $(($(stat_of free_list_lock_holds) - before))
}

# The free lists: one per order for each zone and type line of pagetypeinfo
# (its header is 8 words, then the orders).
nr_lists() {
	echo $(($(grep -c ', type ' "$P/pagetypeinfo") *
		$(head -n 1 "$P/pagetypeinfo" | awk '{ print NF - 8 }')))
}

# A metrics read walks every free list, a zone and type's lists a record:
# once, or twice where the record did not fit in what was left of
# seq_file's buffer at the end of one read(), and is shown again at the
# start of the next.
metrics_walks() {
	holds=$(holds_per_read "$P/metrics")
	lists=$(nr_lists)
	if [ "$holds" -lt "$lists" ] || [ "$holds" -gt $((2 * lists)) ]; then
		echo "$holds holds, $lists lists"
		return 1
	fi
}

insmod "$KO/buddy_probe.ko"
check "pagetypeinfo is mode 0400" test "$(stat -c %a "$P/pagetypeinfo")" = 400
check "stats is mode 0400" test "$(stat -c %a "$P/stats")" = 400
check "pagetypeinfo has a header per node and a line per zone and type" \
	test "$(grep -c '^Free pages count' "$P/pagetypeinfo")" -ge 1 -a \
	"$(grep -c ', type ' "$P/pagetypeinfo")" -eq \
	"$(grep -c "^Node .*, type " /proc/pagetypeinfo)"
check "pagetypeinfo equals /proc/pagetypeinfo's free-count section (read back to back)" \
	retry 8 pagetypeinfo_same
check "stats counts one zone->lock hold per list walked" \
	test "$(stat_of free_list_lock_holds)" -gt 0
check "stats has the longest hold, in ns" \
	test "$(stat_of free_list_max_lock_hold_ns)" -gt 0
check "a pagetypeinfo read: one hold per free list ($(nr_lists))" \
	test "$(holds_per_read "$P/pagetypeinfo")" -eq "$(nr_lists)"
check "a metrics read walks the same free lists, each time counted" metrics_walks
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
