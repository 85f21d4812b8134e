# SPDX-License-Identifier: GPL-2.0
# buddy_probe/pageblock_map: a row per block that pageblocks counts, with
# the same types, and free pages that add up to each zone's free_area
# (/proc/buddyinfo, read in the same cat); each row inside its zone
# (/proc/zoneinfo); a block held through pages shows no free page, and
# all free once given back.  The map goes to the host, which draws it
# (tests/vm/host/physmap.sh).

P=$DBG/buddy_probe

# map_read: /proc/buddyinfo, pageblocks, the map and /proc/buddyinfo in
# one cat; fails unless the free lists stood still (the two buddyinfo
# reads are the same).
map_read() {
	read_all /tmp/map.read /proc/buddyinfo "$P/pageblocks" "$P/pageblock_map" /proc/buddyinfo
	awk '/^--kmemlab-file / { n++; next }
		n == 1 { a = a $0 "\n" }
		n == 4 { b = b $0 "\n" }
		END { if (a != b) { print "the free lists moved during the read"; exit 1 } }' /tmp/map.read
}

# map_agrees WHAT: in /tmp/map.read, the map against the others.  rows:
# one row per block pageblocks counts; types: per zone and type, as many
# rows as pageblocks' counts; free: per zone, the free pages add up to
# /proc/buddyinfo's (blocks times 2^order).
map_agrees() {
	awk -v what="$1" '
		/^--kmemlab-file / { n++; next }
		n == 1 { p = 1; for (i = 5; i <= NF; i++) { want[$2 $4] += $i * p; p *= 2 } }
		n == 2 && /^Number of blocks type / { nt = NF - 4; for (i = 5; i <= NF; i++) name[i - 4] = $i }
		n == 2 && /^Node / { for (i = 1; i <= nt; i++) { blocks += $(i + 4); wt[$2 $4 name[i]] = $(i + 4) } }
		n == 3 && FNR > 1 && $1 ~ /^[0-9]+$/ { rows++; got[$2 "," $3] += $6; gt[$2 "," $3 $4]++ }
		END {
			if (what == "rows" && rows != blocks) { print rows " rows, " blocks " blocks"; exit 1 }
			if (what == "rows" && !rows) { print "no rows"; exit 1 }
			if (what == "types")
				for (k in wt) if (wt[k] != gt[k] + 0) { print k ": " gt[k] + 0 " rows, " wt[k] " blocks"; bad = 1 }
			if (what == "free")
				for (k in want) if (want[k] != got[k] + 0) { print k ": map " got[k] + 0 ", buddyinfo " want[k]; bad = 1 }
			exit bad
		}' /tmp/map.read
}

# map_rows_sane: each row of a read of the map lies in its zone (pfn from
# the zone's start_pfn, below start_pfn + spanned), in pfn order, and says
# pages (1 to a block's), free (0 to pages) and largest ("-" when nothing
# is free, else an order up to the largest) that fit together.
map_rows_sane() {
	cat "$P/pageblock_map" >/tmp/map.rows
	awk '
		FILENAME == "/proc/pagetypeinfo" && /^Pages per block:/ { per = $4 }
		FILENAME == "/proc/buddyinfo" { maxorder = NF - 5 }
		FILENAME == "/proc/zoneinfo" && /^Node / { key = $2 $4 }
		FILENAME == "/proc/zoneinfo" && $1 == "spanned" { span[key] = $2 }
		FILENAME == "/proc/zoneinfo" && $1 == "start_pfn:" { start[key] = $2 }
		FILENAME == "/tmp/map.rows" && FNR == 1 {
			if ($0 !~ /^ *pfn +node +zone +type +pages +free +largest$/) { print "header: " $0; bad = 1 }
			next
		}
		FILENAME == "/tmp/map.rows" {
			k = $2 "," $3
			if (NF != 7 || !(k in start) || $1 < start[k] || $1 >= start[k] + span[k] ||
			    $5 < 1 || $5 > per || $6 > $5 || ($6 == 0) != ($7 == "-") ||
			    ($7 != "-" && $7 > maxorder) || (k in next_pfn && $1 < next_pfn[k])) {
				print "row " FNR ": " $0; bad = 1
			}
			next_pfn[k] = $1 + $5
			rows++
		}
		END { exit bad || !rows }' /proc/pagetypeinfo /proc/buddyinfo /proc/zoneinfo /tmp/map.rows
}

# rows_in PFN PAGES: the map rows of the blocks in [PFN, PFN + PAGES), as
# "free pages" pairs.
rows_in() {
	awk -v lo="$1" -v hi="$(($1 + $2))" 'NR > 1 && $1 >= lo && $1 < hi { print $6, $5 }' \
		"$P/pageblock_map"
}

# held_rows_free PFN PAGES: every block of the held range shows 0 free.
held_rows_free() {
	rows_in "$1" "$2" >/tmp/map.held
	[ -s /tmp/map.held ] && awk '$1 != 0 { print; bad = 1 } END { exit bad }' /tmp/map.held
}

# freed_rows_free PFN PAGES: every block of the range is free whole.
freed_rows_free() {
	rows_in "$1" "$2" >/tmp/map.freed
	[ -s /tmp/map.freed ] && awk '$1 != $2 { print; bad = 1 } END { exit bad }' /tmp/map.freed
}

dmesg_mark
insmod "$KO/buddy_probe.ko"
check "pageblock_map is mode 0400" test "$(stat -c %a "$P/pageblock_map")" = 400
check "the map read with buddyinfo and pageblocks while the free lists stood still" \
	retry 20 map_read
check "pageblock_map has one row per block pageblocks counts" map_agrees rows
check "pageblock_map's rows per zone and type are pageblocks' counts" map_agrees types
check "pageblock_map's free pages add up to each zone's free_area (/proc/buddyinfo)" map_agrees free
check "every row lies in its zone, in pfn order, and its columns fit together" map_rows_sane

# The largest order is never on a per-cpu list (those hold orders up to
# 3 and the pageblock order), so it goes to free_area and back directly.
max=$(($(head -n 1 /proc/buddyinfo | awk '{ print NF }') - 5))
echo "alloc $max" >"$P/pages"
pfn=$(awk 'NR == 2 { print $2 }' "$P/pages")
check "a held order-$max block: its blocks show no free page" held_rows_free "$pfn" $((1 << max))
echo "free all" >"$P/pages"
check "given back, its blocks are free whole" retry 5 freed_rows_free "$pfn" $((1 << max))

cat "$P/pageblock_map" >/tmp/pageblock_map
artifact pageblock_map /tmp/pageblock_map
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
