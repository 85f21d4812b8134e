# SPDX-License-Identifier: GPL-2.0
# buddy_probe/zoneinfo: each zone's lines appear in that zone's part of
# /proc/zoneinfo, read in the same cat, in the same order, with the same
# words and spacing.  Most of its values stand still between two reads;
# a per-cpu "count:" moves with every page the CPU allocates or frees
# (the reading cat's own included), so the lines are held to the kernel's
# twice: all but the count: lines, retried until nothing moved; and all
# of them, count: too, retried until one read caught the lists still.  A
# match of every count of every zone and CPU at once is what shows that
# they are the kernel's counts.

P=$DBG/buddy_probe

# zoneinfo_in WHICH: reads the module's file and /proc/zoneinfo in one
# cat, and finds each of the module's lines in the kernel's part for the
# same zone, in order.  WHICH is "all", or "still": all but "count:".
zoneinfo_in() {
	read_all /tmp/zi.read "$P/zoneinfo" /proc/zoneinfo
	awk -v which="$1" '
		/^--kmemlab-file / { n++; next }
		/^Node / { zone = $0 }
		n == 1 && !(which == "still" && $1 == "count:") { ours[++nours] = zone SUBSEP $0 }
		n == 2 { k[zone, ++nk[zone]] = $0 }
		END {
			if (!nours) { print "no lines"; exit 1 }
			for (i = 1; i <= nours; i++) {
				split(ours[i], f, SUBSEP)
				if (f[1] != cur) { cur = f[1]; at = 0 }
				while (++at <= nk[cur] && k[cur, at] != f[2])
					;
				if (at > nk[cur]) {
					print "not in /proc/zoneinfo (" cur "): " f[2]
					print "its pagesets there:"
					for (j = 1; j <= nk[cur]; j++) if (p || k[cur, j] == "  pagesets") { p = 1; print k[cur, j] }
					exit 1
				}
			}
		}' /tmp/zi.read
}

dmesg_mark
insmod "$KO/buddy_probe.ko"
check "zoneinfo is mode 0400" test "$(stat -c %a "$P/zoneinfo")" = 400
check "zoneinfo has a zone per line of /proc/buddyinfo" \
	test "$(grep -c '^Node ' "$P/zoneinfo")" -eq "$(grep -c . /proc/buddyinfo)"
check "zoneinfo has a pageset per zone and online CPU" \
	test "$(grep -c '^    cpu: ' "$P/zoneinfo")" -eq \
	$(($(grep -c . /proc/buddyinfo) * $(grep -c '^processor' /proc/cpuinfo)))
check "every line but count: is in /proc/zoneinfo, in its zone and order (read back to back)" \
	retry 10 zoneinfo_in still
check "every line, count: too, is in /proc/zoneinfo once the lists stood still" \
	retry 30 zoneinfo_in all
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
