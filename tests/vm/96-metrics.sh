# SPDX-License-Identifier: GPL-2.0
# buddy_probe/metrics, read in one cat with the kernel's own files
# (/proc/buddyinfo, /proc/zoneinfo, /proc/pagetypeinfo,
# extfrag/unusable_index and extfrag_index), goes to the host, where
# tests/vm/host/metrics.sh parses it with a real Prometheus parser and
# compares every value.  Here: the file's shape, and buddy-textfile.

P=$DBG/buddy_probe

# metrics_read: one cat of /proc/buddyinfo and /proc/zoneinfo, the
# metrics, the kernel's files, and /proc/buddyinfo and /proc/zoneinfo
# again, each after a "--kmemlab-file NAME--" line.  The free lists,
# free pages, watermarks and per-cpu counts stood still (the values can
# be compared) if the two reads of each are the same.
metrics_read() {
	set -- /proc/buddyinfo /proc/zoneinfo "$P/metrics" /proc/pagetypeinfo \
		"$DBG/extfrag/unusable_index" "$DBG/extfrag/extfrag_index" /proc/buddyinfo \
		/proc/zoneinfo
	read_all /tmp/metrics.read "$@" || return 1
	awk '/^--kmemlab-file / { n++; next }
		n == 1 { a = a $0 "\n" }
		n == 7 { b = b $0 "\n" }
		n == 2 || n == 8 { if ($1 ~ /^(Node|pages|boost|min|low|high|count:)$/) z[n] = z[n] $0 "\n" }
		END {
			if (a != b) { print "the free lists moved during the read"; exit 1 }
			if (z[2] != z[8]) { print "free pages, watermarks or per-cpu counts moved"; exit 1 }
		}' /tmp/metrics.read
}

insmod "$KO/buddy_probe.ko"
check "metrics is mode 0400" test "$(stat -c %a "$P/metrics")" = 400
check "metrics has HELP and TYPE gauge for its eleven families" \
	test "$(grep -c '^# HELP ' "$P/metrics")" -eq 11 -a "$(grep -c '^# TYPE .* gauge$' "$P/metrics")" -eq 11
check "metrics: a node_buddyinfo_blocks per buddyinfo cell" \
	test "$(grep -c '^node_buddyinfo_blocks{' "$P/metrics")" -eq \
	"$(awk '{ n += NF - 4 } END { print n }' /proc/buddyinfo)"
# Eight files in one cat take long enough on the debug kernel (KASAN, two
# CPUs) for the free lists to move during most reads: try often.
check "metrics read with the kernel's files while the free lists stood still" \
	retry 30 metrics_read
artifact metrics.read /tmp/metrics.read

mkdir -p /tmp/textfile
check "buddy-textfile writes kmemlab_buddy.prom" buddy-textfile /tmp/textfile
check "buddy-textfile leaves only kmemlab_buddy.prom" test "$(ls -A /tmp/textfile)" = kmemlab_buddy.prom
artifact textfile.prom /tmp/textfile/kmemlab_buddy.prom
rmmod buddy_probe
check "buddy-textfile without buddy_probe fails (exit 1)" exits 1 buddy-textfile /tmp/textfile
check "no warning, BUG or oops" dmesg_clean
