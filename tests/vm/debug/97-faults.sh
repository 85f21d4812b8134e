# SPDX-License-Identifier: GPL-2.0
# Debug kernel only.  Every fault-injectable allocation that a module's
# load, or a write to buddy_probe's files, makes is failed once, with
# /proc/thread-self/fail-nth (kmemlab-failnth walks N = 1, 2, ... until
# the call makes fewer than N).  Each time the module refuses to load with
# -ENOMEM and one line of its own, or the kernel's loader refuses before
# the module's init runs, or it loads and all its files are there (or it
# said which is missing); a write fails with -ENOMEM and a message, or
# is done.  Afterwards /proc/buddyinfo and /proc/vmallocinfo are back
# where they were, and no vmalloc area is left to a module.
#
# failslab and fail_page_alloc ignore GFP_KERNEL (ignore-gfp-wait) and
# order 0 (min-order) by default: both are lifted here, and put back at
# the end.  probability stays 0: only fail-nth fails anything.  The loads
# use small parameters, which still reach every allocation site.

P=$DBG/buddy_probe
FS=$DBG/failslab
FP=$DBG/fail_page_alloc

# vmalloc_areas: areas in /proc/vmallocinfo, lazily freed ones aside.
vmalloc_areas() {
	grep -vc unpurged /proc/vmallocinfo
}

# back_to START_PAGES START_AREAS: free pages within 1024 (4 MiB) and
# vmalloc areas within 4 (cached thread stacks) of where they were, and
# no area whose caller is gone: an unloaded module's address prints
# without a symbol.  The pages are the loose check: besides the per-cpu
# lists of 2 CPUs and the shell, KASAN's quarantine holds freed objects,
# and with them their slabs' pages, for a while (630 pages short were
# seen once on 2node).  So it catches a leak of buddy_probe's held
# blocks (demo_orders=0,10,10: 2049 pages), not of a few pages; leaked
# slab objects and vmalloc areas are kmemleak's to find (99-kmemleak.sh)
# and vmallocinfo's.
back_to() {
	now=$(free_pages)
	areas=$(vmalloc_areas)
	orphans=$(awk '$3 !~ /\+/' /proc/vmallocinfo)
	echo "free pages $1 -> $now, vmalloc areas $2 -> $areas"
	[ $(($1 - now)) -le 1024 ] && [ $((areas - $2)) -le 4 ] && [ -z "$orphans" ] ||
		{ sleep 1; printf '%s\n' "$orphans"; return 1; }
}

# files MODULE [PARAMS]: how many files the module makes in debugfs.
files() {
	insmod "$KO/$1.ko" $2 && ls $DBG/$1 | wc -l && rmmod $1
}

# walk DESC KMEMLAB-FAILNTH-ARGS...: one walk; adds up its figures.
walk() {
	desc=$1
	shift
	summary_check "$desc" kmemlab-failnth "$@"
	set -- $(tail -n 1 /tmp/summary | tr '= ' '  ')
	faults=$((faults + ${2:-0}))
	by_module=$((by_module + ${4:-0}))
	by_loader=$((by_loader + ${6:-0}))
	anyway=$((anyway + ${8:-0}))
}

faults=0
by_module=0
by_loader=0
anyway=0
# The kernel reports the allocations it had to fail (warn_alloc(), with a
# stack trace, at KERN_WARNING): keep them off the console, which the host
# checks for traces.  A real warning still panics (panic_on_warn), and
# BUGs and KASAN reports (KERN_ERR and up) still reach the console.
printk=$(cut -f1 /proc/sys/kernel/printk)
echo 4 >/proc/sys/kernel/printk
for f in $FS $FP; do
	echo N >$f/ignore-gfp-wait
	echo 0 >$f/verbose
done
echo 0 >$FP/min-order

start_pages=$(free_pages)
start_areas=$(vmalloc_areas)
dmesg_mark
walk "kmalloc_demo: each allocation of its load failed once" \
	load "$KO/kmalloc_demo.ko" "$(files kmalloc_demo)" "sizes=8,8193 iterations=1"
walk "vmalloc_demo: each allocation of its load failed once" \
	load "$KO/vmalloc_demo.ko" "$(files vmalloc_demo)" "sizes=8K iterations=1"
walk "buddy_probe: each allocation of its load failed once" \
	load "$KO/buddy_probe.ko" "$(files buddy_probe)" "demo_orders=0,10,10"
check "after the loads, buddyinfo and vmallocinfo are back" \
	retry 5 back_to "$start_pages" "$start_areas"

# The rate limit (32 lines per 5 s) would hide the writes' messages.
sleep 5
insmod "$KO/buddy_probe.ko"
walk "buddy_probe pages 'alloc 3 2': each allocation failed once" \
	write $P/pages "alloc 3 2" "free all"
walk "buddy_probe snapshot '1': each allocation failed once" \
	write $P/snapshot 1 0
check "buddy_probe still matches /proc/buddyinfo" \
	retry 5 same_buddyinfo $P/buddyinfo /proc/buddyinfo
rmmod buddy_probe
check "after the writes, buddyinfo and vmallocinfo are back" \
	retry 5 back_to "$start_pages" "$start_areas"

for f in $FS $FP; do
	echo Y >$f/ignore-gfp-wait
done
echo 1 >$FP/min-order
echo "$printk" >/proc/sys/kernel/printk
check "no warning, BUG or oops" dmesg_clean
# Each fault is a distinct failure point: the Nth injectable call of one
# load or write.  Most loads still succeed: the call that failed was the
# kernel's own and it coped (kmemleak's and KASAN's bookkeeping, the
# loader's fallbacks, a slab taking a smaller page).
echo "    # kmemlab-figure faults_injected=$faults"
echo "    # kmemlab-figure faults_refused_by_module=$by_module"
echo "    # kmemlab-figure faults_refused_by_loader=$by_loader"
echo "    # kmemlab-figure faults_done_anyway=$anyway"
