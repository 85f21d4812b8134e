# SPDX-License-Identifier: GPL-2.0
# Debug kernel only.  Every fault-injectable allocation that a module's
# load, or a write to buddy_probe's files, makes is failed once, with
# /proc/thread-self/fail-nth (kmemlab-faults walks N = 1, 2, ... until
# the call makes fewer than N).  The loads are walked a second way too,
# by the fault attributes' own counters, failslab's and then
# fail_page_alloc's: the task filter and kmemlab-faults' make-it-fail,
# times 1, and a budget in space that the load's calls use up before one
# fails (the last ones one by one, the module's init among them).  Each
# time the module refuses to load with -ENOMEM and one line of its own,
# or the kernel's loader refuses before the module's init runs, or it
# loads and all its files are there (or it said which is missing); a
# write fails with -ENOMEM and a message, or is done.  Afterwards
# /proc/buddyinfo and /proc/vmallocinfo are back where they were, and no
# vmalloc area is left to a module.
#
# Each fault is mapped to the line of the module's code it struck
# through, from the stack trace fault injection logs (verbose=2): each
# module's walks must strike its own code, and the distinct sites are
# listed and counted.  Allocations made with __GFP_NOWARN log no trace
# (the demos' own experiments): those faults count, untraced.  The
# kernel's own bookkeeping (KASAN's stack depot, kmemleak) allocates on
# some loads and not on others, which shifts the calls' numbers: a site
# missed on one boot is struck on another, so the sites are counted over
# all boots.
#
# failslab and fail_page_alloc ignore GFP_KERNEL (ignore-gfp-wait),
# order 0 (min-order) and, for pages, __GFP_HIGHMEM (vmalloc's pages) by
# default: all are lifted here (faults_on, tests/vm/lib.sh), and put
# back at the end.  probability
# stays 0 but for the budget walks, which only fail kmemlab-faults' own
# calls.  The loads use small parameters, which still reach every
# allocation site.

P=$DBG/buddy_probe

# vmalloc_areas: areas in /proc/vmallocinfo, lazily freed ones aside.
vmalloc_areas() {
	grep -vc unpurged /proc/vmallocinfo
}

# back_to START_PAGES START_AREAS: free pages within 1024 (4 MiB) and
# vmalloc areas within 4 (cached thread stacks) of where they were, and
# no area whose caller is gone: an unloaded module's address prints
# without a symbol.  The pages are the loose check (630 pages short were
# seen once on 2node, before free_pages counted the per-cpu lists and
# emptied KASAN's quarantine; the shell and the kernel's own caches still
# move some).  So it catches a leak of buddy_probe's held blocks
# (demo_orders=0,10,10: 2049 pages), not of a few pages; leaked slab
# objects and vmalloc areas are kmemleak's to find (99-kmemleak.sh) and
# vmallocinfo's.
back_to() {
	now=$(free_pages)
	areas=$(vmalloc_areas)
	orphans=$(awk '$3 !~ /\+/' /proc/vmallocinfo)
	echo "free pages $1 -> $now, vmalloc areas $2 -> $areas"
	{ [ $(($1 - now)) -le 1024 ] && [ $((areas - $2)) -le 4 ] && [ -z "$orphans" ]; } ||
		{ sleep 1; printf '%s\n' "$orphans"; return 1; }
}

# files MODULE: how many files the module makes in debugfs.
files() {
	# shellcheck disable=SC2012 # counted, not read
	insmod "$KO/$1.ko" && ls "$DBG/$1" | wc -l && rmmod "$1"
}

# walk DESC KMEMLAB-FAULTS-ARGS...: one walk; adds up its figures.
walk() {
	desc=$1
	shift
	summary_check "$desc" kmemlab-faults "$@"
	# shellcheck disable=SC2046 # the summary's words
	set -- $(tail -n 1 /tmp/summary | tr '= ' '  ')
	faults=$((faults + ${2:-0}))
	by_module=$((by_module + ${4:-0}))
	by_loader=$((by_loader + ${6:-0}))
	anyway=$((anyway + ${8:-0}))
	untraced=$((untraced + ${12:-0}))
	sed -n 's/^ok fault [0-9]*: .* (at \(.*\))$/\1/p' /tmp/summary >>/tmp/fault-sites
}

# loads HOW ARMING...: walks each module's load, armed as kmemlab-faults'
# ARMING says.
loads() {
	how=$1
	shift
	walk "kmalloc_demo: $how" "$@" load "$KO/kmalloc_demo.ko" "$kd_files" \
		"sizes=8,8193 iterations=1"
	walk "vmalloc_demo: $how" "$@" load "$KO/vmalloc_demo.ko" "$vd_files" \
		"sizes=8K iterations=1"
	walk "buddy_probe: $how" "$@" load "$KO/buddy_probe.ko" "$bp_files" \
		"demo_orders=0,10,10"
}

# sites MODULE: the distinct sites in MODULE's code that took a fault;
# fails if there are none.
sites() {
	grep -F "[$1]" /tmp/fault-sites | sort -u >"/tmp/sites.$1"
	cat "/tmp/sites.$1"
	[ -s "/tmp/sites.$1" ]
}

faults=0
by_module=0
by_loader=0
anyway=0
untraced=0
: >/tmp/fault-sites
faults_on

kd_files=$(files kmalloc_demo)
vd_files=$(files vmalloc_demo)
bp_files=$(files buddy_probe)
start_pages=$(free_pages)
start_areas=$(vmalloc_areas)
dmesg_mark
loads "each allocation of its load failed once (fail-nth)" nth
loads "its load failed at the end of a failslab budget" space failslab
loads "its load failed at the end of a fail_page_alloc budget" space fail_page_alloc
check "after the loads, buddyinfo and vmallocinfo are back" \
	retry 5 back_to "$start_pages" "$start_areas"

# The rate limit (32 lines per 5 s) would hide the writes' messages.
sleep 5
insmod "$KO/buddy_probe.ko"
walk "buddy_probe pages 'alloc 3 2': each allocation failed once" \
	nth write "$P/pages" "alloc 3 2" "free all"
walk "buddy_probe snapshot '1': each allocation failed once" \
	nth write "$P/snapshot" 1 0
check "buddy_probe still matches /proc/buddyinfo" \
	retry 5 same_buddyinfo "$P/buddyinfo" /proc/buddyinfo
rmmod buddy_probe
check "after the writes, buddyinfo and vmallocinfo are back" \
	retry 5 back_to "$start_pages" "$start_areas"

faults_off
check "no warning, BUG or oops" dmesg_clean
for m in kmalloc_demo vmalloc_demo buddy_probe; do
	check "$m: faults struck $(sites $m | wc -l) sites in its own code" sites $m
	sed 's/^/    # site /' /tmp/sites.$m
done
# Each fault is a distinct failure point: the Nth injectable call of one
# load or write (a budget that failed the same call as another budget
# counts once).  Most loads still succeed: the call that failed was the
# kernel's own and it coped (kmemleak's and KASAN's bookkeeping, the
# loader's fallbacks, a slab taking a smaller page).  The "# site" lines
# above are counted by scripts/vmtest, distinct over all boots.
echo "    # kmemlab-figure faults_injected=$faults"
echo "    # kmemlab-figure faults_refused_by_module=$by_module"
echo "    # kmemlab-figure faults_refused_by_loader=$by_loader"
echo "    # kmemlab-figure faults_done_anyway=$anyway"
echo "    # kmemlab-figure faults_untraced=$untraced"
