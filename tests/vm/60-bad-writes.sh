# SPDX-License-Identifier: GPL-2.0
# Every bad write to pages and snapshot is refused, with a message in the
# kernel log, and changes nothing.  The module rate-limits its messages
# to a burst of 32 per 5 s; this file makes fewer bad writes than that.

P=$DBG/buddy_probe
LONG=$(printf '%04096d' 0)	# a 4 KiB line

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

insmod "$KO/buddy_probe.ko"
for line in "" garbage alloc "alloc x" "alloc -1" "alloc 99" "alloc 11" \
	"alloc 5 0" "alloc 5 -3" "alloc 5 1025" "alloc 5 1 2" \
	free "free -5" "free abc" "free 123456789" "alloc 10 1024"; do
	check "pages refuses '$line'" refused "$P/pages" "$line"
done
check "pages refuses a 4 KiB line" refused "$P/pages" "$LONG"
check "pages refuses a 4 KiB line that starts with a good command" \
	refused "$P/pages" "alloc 0 $LONG"
check "nothing was allocated by the refused writes" test "$(wc -l <"$P/pages")" -eq 1
for line in "" 2 abc -1 "1 1"; do
	check "snapshot refuses '$line'" refused "$P/snapshot" "$line"
done
check "snapshot refuses a 4 KiB line" refused "$P/snapshot" "$LONG"
check "no baseline was recorded by the refused writes" grep -q '^no baseline' "$P/snapshot"
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
