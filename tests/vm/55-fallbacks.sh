# SPDX-License-Identifier: GPL-2.0
# buddy_probe/fallbacks counts what the kernel's own tracing records: the
# mm_page_alloc_extfrag events.  With the event enabled in tracefs (a
# buffer big enough, and its overrun counts checked at 0), the file is
# read before and after allocations that fall back on purpose (order-10
# Unmovable blocks, once the free ones run out, come from Movable
# pageblocks), and the difference must equal the events recorded in
# between: in total, split by (alloc order, fallback order), and row by
# row with the migrate types (numbered as /proc/pagetypeinfo lists them)
# and change_ownership.  The window is marked in the trace with
# trace_marker, and everything in it is a shell builtin (no fork, no exec
# that could allocate): events between a marker and the file's read, on
# either side, would be on no side for sure, so such a run is retried.
# The experiment, after each of those allocations, must say a fallback
# happened exactly when it predicted one.
#
# It runs before *-pages-cap.sh, which holds as many GFP_KERNEL blocks as
# the cap allows: given back, their pageblocks stay Unmovable, and the
# order-10 Unmovable blocks can then all come from them.  Run after it,
# on 7.3 with two nodes: 0 events in the window.

# shellcheck disable=SC2016 # awk programs
P=$DBG/buddy_probe
T=/sys/kernel/tracing
EV=$T/events/kmem/mm_page_alloc_extfrag
W=/tmp/fallbacks
rm -rf "$W"
mkdir -p "$W"

dmesg_mark
mounted=
if [ ! -d "$T/events" ]; then
	mount -t tracefs tracefs "$T" && mounted=1
fi
check "tracefs has the mm_page_alloc_extfrag event" test -e "$EV/enable"
# It reads "7 (expanded: 1408)" until the buffer is first used.
old_kb=$(cut -d" " -f1 "$T/buffer_size_kb")

# One run.  Sets fb_a, fb_b (the file's two readings), agree (allocations
# whose experiment matched its prediction) and n (allocations).
window() {
	echo 0 >"$T/tracing_on"
	: >"$T/trace"
	echo 1 >"$T/tracing_on"
	echo kmemlab-a >"$T/trace_marker"
	fb_a=
	while IFS= read -r line; do fb_a="$fb_a$line
"; done <"$P/fallbacks"
	echo kmemlab-b >"$T/trace_marker"
	n=0
	agree=0
	fell=0
	# 12 order-10 blocks (48 MiB) at least, and more until two of them
	# have fallen back: earlier tests can leave whole Unmovable blocks
	# free (on 6.12 with two nodes, more than 12).  buddy_probe's limit,
	# a quarter of what GFP_KERNEL can use, ends it first on a small VM.
	while [ "$n" -lt 12 ] || [ "$fell" -lt 2 ]; do
		[ "$n" -lt 64 ] || break
		echo "alloc 10" >"$P/pages" 2>/dev/null || break
		n=$((n + 1))
		pred=no
		obs=no
		while read -r a b c; do
			case "$a $b $c" in
			"prediction: no free"*) pred=yes ;;
			"observed: a fallback:"*) obs=yes ;;
			esac
		done <"$P/experiment"
		[ "$pred" = "$obs" ] && agree=$((agree + 1))
		[ "$obs" = no ] || fell=$((fell + 1))
	done
	echo "alloc 9 4" >"$P/pages" 2>/dev/null
	echo "alloc 3 16" >"$P/pages" 2>/dev/null
	echo kmemlab-c >"$T/trace_marker"
	fb_b=
	while IFS= read -r line; do fb_b="$fb_b$line
"; done <"$P/fallbacks"
	echo kmemlab-d >"$T/trace_marker"
	echo 0 >"$T/tracing_on"
	echo "free all" >"$P/pages"
	cat "$T/trace" >"$W/trace"
	cat "$T"/per_cpu/cpu*/stats >"$W/stats"
	printf '%s' "$fb_a" >"$W/a"
	printf '%s' "$fb_b" >"$W/b"
}

# events MARKER: the events between MARKER and the next marker, as
# "alloc_order fallback_order from to change_ownership" (types as numbers).
events() {
	awk -v from="$1" '
		/tracing_mark_write: / { m = $NF; next }
		m == from && / mm_page_alloc_extfrag: / {
			for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
			print f["alloc_order"], f["fallback_order"], f["fallback_migratetype"],
				f["alloc_migratetype"], f["change_ownership"]
		}' "$W/trace"
}

echo 32768 >"$T/buffer_size_kb"
echo 1 >"$EV/enable"
insmod "$KO/buddy_probe.ko"
check "fallbacks is mode 0400" test "$(stat -c %a "$P/fallbacks")" = 400
check_fails "a write to fallbacks is refused" sh -c "echo 1 >$P/fallbacks"
check "fallbacks starts with its header" \
	test "$(head -n 1 "$P/fallbacks")" = \
	"alloc_order fallback_order         from           to change_ownership      count"

tries=0
while :; do
	tries=$((tries + 1))
	window
	outside=$(events kmemlab-a | wc -l)
	outside=$((outside + $(events kmemlab-c | wc -l)))
	[ "$outside" -eq 0 ] || [ "$tries" -ge 4 ] && break
done
check "no event fell between a marker and a read of the file ($tries run(s))" test "$outside" -eq 0
check "the ring buffer overwrote nothing (overrun 0 on every CPU)" \
	awk '$1 == "overrun:" && $2 != 0 { bad = 1 } $1 == "overrun:" { n++ }
		END { exit bad || !n }' "$W/stats"
check "the file ends with its total, the sum of its rows (before and after)" \
	awk 'FNR == 1 { next } $1 == "total" { if ($2 != sum) bad = 1; sum = 0; t++; next }
		{ sum += $6 } END { exit bad || t != 2 }' "$W/a" "$W/b"

# Type numbers as /proc/pagetypeinfo lists the types (its first zone's
# "type" lines are in enum order).
awk '/, type / { t = $6; if (t in seen) exit; seen[t]; print n++, t }' /proc/pagetypeinfo >"$W/types"
events kmemlab-b | awk 'NR == FNR { name[$1] = $2; next }
	{ print $1, $2, name[$3], name[$4], $5 }' "$W/types" - | sort | uniq -c |
	awk '{ print $2, $3, $4, $5, $6, $1 }' | sort >"$W/traced"
# The file's difference, row by row.
awk 'FNR == 1 || $1 == "total" { next }
	NR == FNR { a[$1 " " $2 " " $3 " " $4 " " $5] = $6; next }
	{ k = $1 " " $2 " " $3 " " $4 " " $5; d = $6 - a[k]; if (d) print k, d }' \
	"$W/a" "$W/b" | sort >"$W/counted"
total_traced=$(awk '{ n += $6 } END { print n + 0 }' "$W/traced")
total_counted=$(($(sed -n 's/^total //p' "$W/b") - $(sed -n 's/^total //p' "$W/a")))
check "fallbacks were caused on purpose: $total_traced events in the window" \
	test "$total_traced" -gt 0
check "fallbacks' total grew by the events tracefs recorded ($total_counted, $total_traced)" \
	test "$total_counted" -eq "$total_traced"
by_order() {
	awk '{ n[$1 " " $2] += $6 } END { for (k in n) print k, n[k] }' "$1" | sort
}
by_order "$W/traced" >"$W/traced.orders"
by_order "$W/counted" >"$W/counted.orders"
check "the split by (alloc order, fallback order) is the trace's" \
	diff "$W/traced.orders" "$W/counted.orders"
check "row by row, with the types and change_ownership, it is the trace's" \
	diff "$W/traced" "$W/counted"
check "the experiment said a fallback happened exactly when it predicted one ($agree of $n order-10 allocations)" \
	test "$n" -gt 0 -a "$agree" -eq "$n"
check "the types are spelled as in /proc/pagetypeinfo" \
	awk 'NR == FNR { t[$2]; next } FNR > 1 && $1 != "total" && (!($3 in t) || !($4 in t)) { bad = 1 }
		END { exit bad }' "$W/types" "$W/b"
rmmod buddy_probe
echo 0 >"$EV/enable"
: >"$T/trace"
echo "$old_kb" >"$T/buffer_size_kb"
[ -z "$mounted" ] || umount "$T"
check "no warning, BUG or oops" dmesg_clean
