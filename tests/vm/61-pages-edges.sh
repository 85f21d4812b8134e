# SPDX-License-Identifier: GPL-2.0
# Hostile input at the edges, from kmemlab-fuzz: writes at and past each
# writable file's buffer, with "\r\n", tabs, "+N", leading zeros, two
# lines, a command split over two writes, writev() of two iovecs,
# pwrite() and no bytes at all, each with the outcome it must have; two
# writers freeing the same blocks at once; a listing read a byte at a
# time that must resume by pfn while blocks go; and every seq file of
# the three modules read a byte at a time, seeked to its end, to -1 and
# to 2^62.  No splat, nothing left held; each input is counted in
# hostile_inputs.

P=$DBG/buddy_probe

insmod "$KO/buddy_probe.ko"
dmesg_mark
fuzz_check "pages, snapshot: writes at the edges of their buffers and of one line" \
	edges "$P/pages" "$P/snapshot"
fuzz_check "two writers free the same blocks at once: each freed once" race "$P/pages"
fuzz_check "a listing read a byte at a time resumes by pfn while blocks are freed" \
	resume "$P/pages"
check "nothing is held after" test "$(wc -l <"$P/pages")" -eq 1

# Some rows in every file: blocks held, an experiment, a baseline, areas.
echo alloc 0 3 >"$P/pages"
echo alloc 4 >"$P/pages"
echo 1 >"$P/snapshot"
insmod "$KO/kmalloc_demo.ko" sizes=8,4096,8193 iterations=1
insmod "$KO/vmalloc_demo.ko" sizes=8K,1M iterations=1
# '=': files whose content does not move while nothing else runs.
fuzz_check "every seq file: read a byte at a time, SEEK_END, offsets -1 and 2^62" \
	seq "$P/buddyinfo" "$P/pagetypeinfo" "$P/unusable_index" \
	"$P/extfrag_index" "$P/snapshot" "=$P/pages" "=$P/experiment" \
	"$P/stats" "$P/metrics" "$P/fallbacks" "$P/pageblocks" \
	"$P/pageblock_map" "$P/zoneinfo" "$P/watermarks" \
	"=$DBG/kmalloc_demo/report" "$DBG/kmalloc_demo/map/0" \
	"$DBG/kmalloc_demo/map/1" "=$DBG/vmalloc_demo/report" \
	"=$DBG/vmalloc_demo/pfns" "$DBG/vmalloc_demo/map/0"
rmmod vmalloc_demo
rmmod kmalloc_demo
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
echo "    # kmemlab-figure hostile_inputs=$SENT"
