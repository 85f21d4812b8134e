# SPDX-License-Identifier: GPL-2.0
# buddy_probe/watermarks, held to the kernel's files read in the same
# cat: per zone and order, the free blocks of /proc/buddyinfo, and low_ok
# as the approximation of __zone_watermark_ok() computes it from
# /proc/zoneinfo ("pages free", "low") and /proc/pagetypeinfo (the free
# lists of the Unmovable, Movable and Reclaimable types); per zone, the
# free pages in free_area (/proc/buddyinfo), on the per-cpu lists
# (/proc/zoneinfo's "count:" lines) and NR_FREE_PAGES ("pages free");
# and in the "all" row the global NR_FREE_PAGES, /proc/meminfo's MemFree.

P=$DBG/buddy_probe

# wm_read: the kernel's files, the module's, and the kernel's again, in
# one cat; fails unless the free lists, the free pages and the per-cpu
# counts stood still (the two copies are the same).
wm_read() {
	set -- /proc/buddyinfo /proc/zoneinfo /proc/pagetypeinfo /proc/meminfo
	read_all /tmp/wm.read "$@" "$P/watermarks" "$@"
	awk '/^--kmemlab-file / { n++; next }
		n < 5 && ($1 == "MemFree:" || $1 == "pages" || $1 == "low" || $1 == "count:" || /^Node /) { a[n] = a[n] $0 "\n" }
		n > 5 && ($1 == "MemFree:" || $1 == "pages" || $1 == "low" || $1 == "count:" || /^Node /) { b[n - 5] = b[n - 5] $0 "\n" }
		END { for (i = 1; i <= 4; i++) if (a[i] != b[i]) { print "the free memory moved during the read"; exit 1 } }' /tmp/wm.read
}

# wm_agrees WHAT: in /tmp/wm.read, the module's watermarks (section 5)
# against the kernel's files (sections 1 to 4).  blocks: each zone and
# order's blocks and pages; low_ok: the rule recomputed from the kernel's
# files; free: free_area, pcp, free and nr_free_pages per zone; all: the
# all row, with MemFree.
wm_agrees() {
	awk -v what="$1" -v page_kb="$page_kb" '
		function pow2(k,    p) { for (p = 1; k > 0; k--) p *= 2; return p }
		/^--kmemlab-file / { n++; t = 0; next }
		n == 1 { p = 1; for (i = 5; i <= NF; i++) { bi[$2 $4, i - 5] = $i; fa[$2 $4] += $i * p; p *= 2 } }
		n == 2 && /^Node / { z = $2 $4 }
		n == 2 && $1 == "pages" && $2 == "free" { nfp[z] = $3 }
		n == 2 && $1 == "low" { low[z] = $2 }
		n == 2 && $1 == "count:" { pcp[z] += $2 }
		n == 3 && /^Node .*, type / && ($6 == "Unmovable" || $6 == "Movable" || $6 == "Reclaimable") {
			z = $2 $4
			sub(/,$/, "", z)
			for (i = 7; i <= NF; i++) { v = $i; sub(/^>/, "", v); if (v + 0 > 0) has[z, i - 7] = 1 }
		}
		n == 4 && $1 == "MemFree:" { memfree = $2 }
		n == 5 && /^#/ { next }
		n == 5 && $1 == "node" { t++; next }
		n == 5 && NF == 0 { next }
		n == 5 && t == 1 {
			z = $1 "," $2; o = $3; rows1++
			if (what == "blocks" && ($4 != bi[z, o] || $5 != $4 * pow2(o))) { print "blocks: " $0 " (buddyinfo " bi[z, o] ")"; bad = 1 }
			if (what == "low_ok") {
				ok = nfp[z] - (pow2(o) - 1) > low[z]
				if (ok && o > 0) { ok = 0; for (j = o; (z, j) in bi; j++) if (has[z, j]) ok = 1 }
				if ($6 != (ok ? "yes" : "no")) { print "low_ok: " $0 " (pages free " nfp[z] ", low " low[z] ")"; bad = 1 }
			}
		}
		n == 5 && t == 2 && $1 != "all" {
			z = $1 "," $2; rows2++; sum_fa += $3; sum_pcp += $4
			if (what == "free" && ($3 != fa[z] || $4 != pcp[z] || $5 != $3 + $4 || $6 != nfp[z])) {
				print "free: " $0 " (buddyinfo " fa[z] ", count: " pcp[z] ", pages free " nfp[z] ")"; bad = 1
			}
		}
		n == 5 && t == 2 && $1 == "all" { all = $0; afa = $3; apcp = $4; afree = $5; anfp = $6 }
		END {
			if (!rows1 || !rows2) { print "no rows"; exit 1 }
			if (what == "all" && (afa != sum_fa || apcp != sum_pcp || afree != afa + apcp || anfp * page_kb != memfree)) {
				print "all: " all " (MemFree " memfree " kB)"; bad = 1
			}
			exit bad
		}' /tmp/wm.read
}

# The kernel's page size, in kB, as it says it maps this shell's memory.
page_kb=$(awk '$1 == "KernelPageSize:" { print $2; exit }' /proc/self/smaps)
dmesg_mark
insmod "$KO/buddy_probe.ko"
check "watermarks is mode 0400" test "$(stat -c %a "$P/watermarks")" = 400
check "watermarks: a row per zone and order, a row per zone, and all" \
	test "$(awk '$1 ~ /^[0-9]+$/ && NF == 6' "$P/watermarks" | grep -c .)" -eq \
	"$(awk '{ n += NF - 4 + 1 } END { print n }' /proc/buddyinfo)"
check "watermarks read with the kernel's files while free memory stood still" retry 100 wm_read
check "per zone and order, the free blocks and pages of /proc/buddyinfo" wm_agrees blocks
check "low_ok is the rule, from /proc/zoneinfo and /proc/pagetypeinfo" wm_agrees low_ok
check "per zone, free_area, pcp and nr_free_pages are buddyinfo, zoneinfo's count: and pages free" \
	wm_agrees free
check "the all row sums the zones, and its nr_free_pages is MemFree" wm_agrees all
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
