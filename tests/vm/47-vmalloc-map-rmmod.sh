# SPDX-License-Identifier: GPL-2.0
# rmmod while a process maps vmalloc_demo memory.  kmemmap --hold maps
# the 1 MiB area and closes its fd: the mapping alone (vma->vm_file)
# holds the file, and the file the module.  rmmod is refused; the area is
# still in /proc/vmallocinfo, each of its frames is counted as mapped into
# a process (KPF_MMAP) and none is free; the module still reads the
# process's pattern.  Once the process unmaps, the map counts are gone
# and rmmod goes through.
# shellcheck source=tests/vm/lib-map.sh
. /tests/lib-map.sh

R=$DBG/vmalloc_demo/report
P=$DBG/vmalloc_demo/pfns
M=$DBG/vmalloc_demo/map

echo 1 >/proc/sys/kernel/kptr_restrict
check "sizes=1M: insmod" insmod "$KO/vmalloc_demo.ko" sizes=1M iterations=1 show_addrs=1
start=$(cols "$R" start | sed -n 1p)
awk 'NR > 1 { print $3 }' "$P" >/tmp/want
check "no process maps its frames yet (no KPF_MMAP)" frames_flag_list $KPF_MMAP 0 /tmp/want
hold vmalloc_demo vmalloc 0 256
check "the area is still in /proc/vmallocinfo" grep -q "^0x$start-" /proc/vmallocinfo
check "each frame is mapped into a process (KPF_MMAP)" frames_flag_list $KPF_MMAP 1 /tmp/want
check "none is free (no KPF_BUDDY)" frames_flag_list $KPF_BUDDY 0 /tmp/want
check "the module reads the process's pattern in every page" user_pattern "$M/0" 0 $holder
release vmalloc_demo
check "no process maps the frames any more (no KPF_MMAP)" frames_flag_list $KPF_MMAP 0 /tmp/want
check "rmmod goes through" rmmod vmalloc_demo
check "the area is gone from /proc/vmallocinfo" sh -c "! grep -q '^0x$start-' /proc/vmallocinfo"
echo 0 >/proc/sys/kernel/kptr_restrict
check "no warning, BUG or oops" dmesg_clean
