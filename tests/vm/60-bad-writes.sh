# SPDX-License-Identifier: GPL-2.0
# Every bad write to pages and snapshot is refused, with a message in the
# kernel log, and changes nothing.  The module rate-limits its messages
# to a burst of 32 per 5 s; this file makes fewer bad writes than that.
# The largest order and the cap come from the kernel under test: the
# orders from /proc/buddyinfo, the cap from buddy_probe's stats.

P=$DBG/buddy_probe
LONG=$(printf '%04096d' 0)	# a 4 KiB line
MAX_ORDER=$(($(awk 'NR == 1 { print NF - 4 }' /proc/buddyinfo) - 1))

# refused FILE LINE: writing LINE fails and the log says it was refused.
refused() {
	dmesg_mark
	if printf '%s\n' "$2" >"$1"; then
		echo "the write succeeded"
		return 1
	fi
	dmesg | grep -q 'buddy_probe: .*refused' || {
		echo "no message in the kernel log:"
		dmesg
		return 1
	}
}

# over_cap: an alloc of the largest order that would pass the cap by an
# eighth (free memory, and the cap with it, moves a little meanwhile).  On
# a machine whose cap is more than 1024 such blocks, blocks are held first.
over_cap() {
	while :; do
		room=$(($(sed -n 's/^pages_cap //p' "$P/stats") - $(sed -n 's/^pages_charged //p' "$P/stats")))
		n=$((room * 9 / 8 / (1 << MAX_ORDER) + 1))
		[ "$n" -le 1024 ] && break
		echo "alloc $MAX_ORDER 1024" >"$P/pages"
	done
	echo "alloc $MAX_ORDER $n"
}

insmod "$KO/buddy_probe.ko"
for line in "" garbage alloc "alloc x" "alloc -1" "alloc 99999" \
	"alloc $((MAX_ORDER + 1))" "alloc 5 0" "alloc 5 -3" "alloc 5 1025" \
	"alloc 5 1 2" free "free -5" "free abc" "free 123456789" "alloc 05" \
	"alloc +5" "free 010" "free 0x" "$(printf 'free\n123')" "$(over_cap)"; do
	check "pages refuses '$line'" refused "$P/pages" "$line"
done
echo free all >"$P/pages"
check "pages refuses a 4 KiB line" refused "$P/pages" "$LONG"
check "pages refuses a 4 KiB line that starts with a good command" \
	refused "$P/pages" "alloc 0 $LONG"
check "nothing was allocated by the refused writes" test "$(wc -l <"$P/pages")" -eq 1
for line in "" 2 abc -1 "1 1" "$(printf '1\n0')"; do
	check "snapshot refuses '$line'" refused "$P/snapshot" "$line"
done
check "snapshot refuses a 4 KiB line" refused "$P/snapshot" "$LONG"
check "no baseline was recorded by the refused writes" grep -q '^no baseline' "$P/snapshot"
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
