# SPDX-License-Identifier: GPL-2.0
# Debug kernel only.  Every debugfs file of the three modules read on
# every CPU at once, for 10 s, while failslab fails one in five of the
# readers' slab allocations (task-filter: the readers' make-it-fail
# only; kmemlab-faults readers): each open and read returns the file or
# ENOMEM, never another error; no splat; afterwards the files read whole
# again and buddyinfo still equals /proc/buddyinfo.  What a failed read
# leaked, kmemleak finds (99-kmemleak.sh).

FS=$DBG/failslab
P=$DBG/buddy_probe

# saved ATTR...: each attribute's value, to put back.
saved() {
	for a in "$@"; do
		echo "$a $(cat "$FS/$a")"
	done
}

insmod "$KO/buddy_probe.ko"
insmod "$KO/kmalloc_demo.ko" sizes=8,4096,8193 iterations=1
insmod "$KO/vmalloc_demo.ko" sizes=8K,1M iterations=1
echo alloc 0 4 >"$P/pages"
echo 1 >"$P/snapshot"
# Files only: the demos' map/ is a directory of them.
# shellcheck disable=SC2046 # debugfs paths, without blanks
set -- $(find "$DBG/buddy_probe" "$DBG/kmalloc_demo" "$DBG/vmalloc_demo" -type f)
nfiles=$#
saved probability interval times space task-filter ignore-gfp-wait verbose >/tmp/failslab.saved
printk=$(cut -f1 /proc/sys/kernel/printk)
echo 4 >/proc/sys/kernel/printk
echo 20 >"$FS/probability"
echo 1 >"$FS/interval"
echo -1 >"$FS/times"
echo 0 >"$FS/space"
echo Y >"$FS/task-filter"
echo N >"$FS/ignore-gfp-wait"
echo 0 >"$FS/verbose"
dmesg_mark
summary_check "$nfiles files, a reader per CPU, under failslab: each read whole or ENOMEM" \
	kmemlab-faults readers 10 "$@"
while read -r a v; do
	echo "$v" >"$FS/$a"
done </tmp/failslab.saved
echo "$printk" >/proc/sys/kernel/printk
line=$(grep '^readers=' /tmp/summary)
echo "    # $line"
failed=$(echo "$line" | sed -n 's/.* failed=\([0-9]*\)$/\1/p')
reads=$(echo "$line" | sed -n 's/.* reads=\([0-9]*\) .*/\1/p')
check "failslab did fail some reads: ${failed:-0} of ${reads:-0}" test "${failed:-0}" -gt 0
check "and not all of them" test "${failed:-0}" -lt "${reads:-0}"

# whole FILE...: each reads without an error now.
whole() {
	for f in "$@"; do
		cat "$f" >/dev/null || return 1
	done
}
check "every file reads whole again" whole "$@"
check "buddyinfo still matches /proc/buddyinfo" \
	retry 5 same_buddyinfo "$P/buddyinfo" /proc/buddyinfo
echo free all >"$P/pages"
rmmod vmalloc_demo
rmmod kmalloc_demo
rmmod buddy_probe
# kmemleak tracks a vmalloc()ed seq buffer with a scan area, allocated
# in the reader's context, which failslab may fail: kmemleak then warns
# once, in one line, and scans the whole object, as it is meant to.
check "no warning, BUG or oops (but kmemleak's scan area)" \
	dmesg_clean_but 'kmemleak: Cannot allocate a scan area'
echo "    # kmemlab-figure hostile_inputs=${failed:-0}"
