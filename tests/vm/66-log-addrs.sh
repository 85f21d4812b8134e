# SPDX-License-Identifier: GPL-2.0
# Physical addresses and frame numbers reach the kernel log, which users
# can read where dmesg_restrict is 0, only with show_addrs=1; the
# debugfs files (root's, mode 0400) keep them either way.  With
# show_addrs=1 the log's numbers are the files'.

P=$DBG/buddy_probe
R=$DBG/kmalloc_demo/report
V=$DBG/vmalloc_demo/report

# no_phys MODULE PATTERN: the module's lines matching PATTERN are there,
# and none holds a physical address or a frame number.
no_phys() {
	lines=$(dmesg | grep "$1: " | grep -- "$2") || { echo "no '$2' line"; return 1; }
	if printf '%s\n' "$lines" | grep -E 'phys 0x|pfn [0-9]'; then
		return 1
	fi
}

dmesg_mark
insmod "$KO/kmalloc_demo.ko" sizes=17,8193 iterations=1
check "kmalloc_demo, show_addrs=0: no phys or pfn in its log" no_phys kmalloc_demo 'kmalloc('
check "kmalloc_demo, show_addrs=0: the report has them" \
	test "$(cols "$R" phys pfn | grep -c '^0x[0-9a-f]* [0-9]*$')" -eq 2
rmmod kmalloc_demo
dmesg_mark
insmod "$KO/kmalloc_demo.ko" sizes=17 iterations=1 show_addrs=1
pfn=$(cols "$R" pfn)
check "kmalloc_demo, show_addrs=1: the log has the report's pfn $pfn" \
	sh -c "dmesg | grep -q 'kmalloc_demo: kmalloc(17):.* phys 0x[0-9a-f]* pfn $pfn '"
rmmod kmalloc_demo

dmesg_mark
insmod "$KO/vmalloc_demo.ko" sizes=8K iterations=1
check "vmalloc_demo, show_addrs=0: no pfn in its log" no_phys vmalloc_demo 'vmalloc('
rmmod vmalloc_demo
dmesg_mark
insmod "$KO/vmalloc_demo.ko" sizes=8K iterations=1 show_addrs=1
kpfn=$(cols "$V" kpfn)
check "vmalloc_demo, show_addrs=1: the log has the report's kpfn $kpfn" \
	sh -c "dmesg | grep -q 'vmalloc_demo: vmalloc(8192):.* from pfn $kpfn\$'"
rmmod vmalloc_demo

dmesg_mark
insmod "$KO/buddy_probe.ko" demo_orders=0,5
check "buddy_probe demo_orders, show_addrs=0: no phys or pfn in its log" \
	no_phys buddy_probe 'demo: order'
check "buddy_probe: the pages file lists the blocks' pfns" \
	test "$(awk 'NR > 1 && $2 ~ /^[0-9]+$/' "$P/pages" | wc -l)" -eq 2
rmmod buddy_probe
dmesg_mark
insmod "$KO/buddy_probe.ko" demo_orders=5 show_addrs=1
pfn=$(awk 'NR == 2 { print $2 }' "$P/pages")
check "buddy_probe, show_addrs=1: the log has the pfn pages lists, $pfn" \
	sh -c "dmesg | grep -q 'buddy_probe: demo: order 5: pfn $pfn phys 0x'"
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
