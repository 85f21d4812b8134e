# SPDX-License-Identifier: GPL-2.0
# The pages file's cap, held to /proc/zoneinfo, and the file with as many
# blocks as the cap allows (more than 10^5 where the VM has the memory).
#
# What GFP_KERNEL can use, per zone up to ZONE_NORMAL (Movable and
# HighMem excluded): free pages, less CMA's, less the high watermark and
# the zone's protection against allocations that could have gone higher
# (zone_watermark_ok()).  The blocks held, each with its bookkeeping
# (stats: pages_charged), may come to a quarter of that plus what is
# held.  Order-0 blocks are taken 1024 at a time until an alloc is
# refused, then in halving counts down to 1: the last alloc taken is just
# under the cap; one that passes it by the tolerance is refused.  Then
# pages lists every block once, in pfn order; free all gives every page
# back; the longest hold of bp_pages_lock and the longest stretch without
# a reschedule are the figures.

P=$DBG/buddy_probe

# stat NAME: a line of buddy_probe/stats.
stat() {
	sed -n "s/^$1 //p" "$P/stats"
}

# usable: what GFP_KERNEL can take now, by /proc/zoneinfo.  Each node
# lists its zones in index order, empty ones too: ZONE_NORMAL's index is
# where "Normal" is, and its protection the entry of that index.
usable() {
	awk '/^Node/ { n = $2 + 0; if (!seen || n != node) { seen = 1; node = n; i = 0 } else i++
			name[i] = $4; z = node "," i; zones[z] = i; next }
		$1 == "pages" && $2 == "free" { free[z] = $3 }
		$1 == "high" { high[z] = $2 }
		$1 == "nr_free_cma" { cma[z] = $2 }
		$1 == "protection:" { gsub(/[(),]/, " "); prot[z] = $0 }
		END { for (k in name) if (name[k] == "Normal") normal = k
			for (z in zones) {
				if (zones[z] > normal) continue
				split(prot[z], p, " ")
				u = free[z] - cma[z] - high[z] - p[2 + normal]
				if (u > 0) sum += u
			}
			print sum + 0 }' /proc/zoneinfo
}

# near A B: A and B within 2% of B, and 256 pages, of each other.
near() {
	d=$(($1 - $2))
	[ "${d#-}" -le $(($2 / 50 + 256)) ] || { echo "$1 and $2 differ by $d"; return 1; }
}

# fill: order-0 blocks up to the cap; sets taken, the blocks held.  A
# write refused on the way (free memory moved) keeps the blocks it took.
fill() {
	n=1024
	while [ "$n" -ge 1 ]; do
		{ echo "alloc 0 $n" >"$P/pages"; } 2>/dev/null || n=$((n / 2))
	done
	taken=$(stat pages_blocks)
}

# over: an alloc past the cap by the tolerance near() allows (blocks of
# order 9, 512 pages each) is refused, with ENOMEM.  One page more than
# the cap cannot be tried: free memory, and the cap with it, moves by a
# few pages from one write to the next.
over() {
	n=$(((expect / 50 + 256) / 512 + 1))
	if echo "alloc 9 $n" 2>/tmp/over.err >"$P/pages"; then
		echo "alloc 9 $n was taken"
		return 1
	fi
	grep -q 'Cannot allocate memory' /tmp/over.err || cat /tmp/over.err
}

# listed_once: pages lists $taken blocks, each pfn once, pfns rising.
listed_once() {
	awk -v want="$taken" 'NR > 1 { if ($2 <= last) bad = bad " " $2; last = $2; n++ }
		END { if (n != want || bad != "") { print n " rows for " want " blocks; out of order:" bad; exit 1 } }' "$P/pages"
}

insmod "$KO/buddy_probe.ko"
dmesg_mark
shrink_slabs
expect=$(($(usable) / 4))
check "stats: pages_cap ($(stat pages_cap)) is 1/4 of what GFP_KERNEL can use, by zoneinfo ($expect)" \
	near "$(stat pages_cap)" "$expect"
start=$(free_pages)
fill
charged=$(stat pages_charged)
echo "    # $taken order-0 blocks held, $charged pages charged, cap $(stat pages_cap)"
# The cap moves with free memory while the blocks are taken (per-cpu
# lists drained back to the free lists, say: seen as 4% on 7.3): held
# against what zoneinfo gives for it now.
now=$((($(usable) + charged) / 4))
check "order-0 allocs up to the cap: $taken blocks, $charged pages charged, near the cap $now (zoneinfo, now)" \
	near "$charged" "$now"
check "charged: each block's page and its bookkeeping (64 bytes)" \
	test "$charged" -eq $((taken + (taken * 64 + 4095) / 4096))
check "past the cap by 2%: refused with ENOMEM" over
check "and it says why, in one line" sh -c "dmesg | grep -q 'pages: alloc [0-9]* x order 9 refused: over 1/4 of the memory GFP_KERNEL can use'"
taken=$(stat pages_blocks)
check "pages lists the $taken blocks, each pfn once, in rising order" listed_once
held=$(free_pages)
check "free all" sh -c "echo free all >$P/pages"
check "pages is empty again" test "$(wc -l <"$P/pages")" -eq 1
after=$(free_pages)
echo "    # free pages: $start, $held with the blocks, $after after free all"
check "free all gave the $taken pages back (within 1/64 and 512)" \
	test $((start - after)) -le $((taken / 64 + 512))
echo "    # kmemlab-figure pages_blocks_held_max=$taken"
echo "    # kmemlab-figure pages_lock_hold_us_max=$(($(stat pages_max_lock_hold_ns) / 1000))"
echo "    # kmemlab-figure pages_stretch_us_max=$(($(stat pages_max_stretch_ns) / 1000))"
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
