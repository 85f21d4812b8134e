# SPDX-License-Identifier: GPL-2.0
# rmmod while a process maps kmalloc_demo memory: the mapping's entries
# take no reference on the frames, so the module must not kfree() them
# while they are mapped.  kmemmap --hold maps the 4 MiB object and closes
# its fd: the mapping alone (vma->vm_file) holds the file, and the file
# the module.  rmmod is refused, the frames stay the object's (kpageflags:
# one compound block, not free), the module still reads the process's
# pattern in them; once the process unmaps, rmmod goes through.
# shellcheck source=tests/vm/lib-map.sh
. /tests/lib-map.sh

R=$DBG/kmalloc_demo/report
M=$DBG/kmalloc_demo/map
KPF_COMPOUND_HEAD=15
KPF_COMPOUND_TAIL=16

# one_block PFN: /proc/kpageflags has one compound block of 1024 frames
# at PFN: a head, then 1023 tails.
one_block() {
	frames_flag $KPF_COMPOUND_HEAD 1 "$1" 1 && frames_flag $KPF_COMPOUND_TAIL 1 $(($1 + 1)) 1023
}

check "sizes=16K,4M: insmod" insmod "$KO/kmalloc_demo.ko" sizes=16K,4M iterations=1
pfn=$(cols "$R" pfn | sed -n 2p)
check "nothing maps it yet: refcnt 0" test "$(cat /sys/module/kmalloc_demo/refcnt)" -eq 0
hold kmalloc_demo kmalloc 1 1024
check "the frames are still allocated, none free (kpageflags)" \
	frames_flag $KPF_BUDDY 0 "$pfn" 1024
check "and still one compound block: a head, then 1023 tails" one_block "$pfn"
check "the module reads the process's pattern in every page" \
	user_pattern "$M/1" 1 $holder
release kmalloc_demo
check "rmmod goes through" rmmod kmalloc_demo
check "no warning, BUG or oops" dmesg_clean
