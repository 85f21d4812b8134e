# SPDX-License-Identifier: GPL-2.0
# Debug kernel only.  A file opened while a load can still fail pins a
# module that is freed anyway, and its release runs freed code.  So
# buddy_probe takes everything that can fail (the experiment's readings,
# the demo_orders= blocks) before it creates its first file.  Here the
# last allocations of a load with demo_orders= fail one by one, at the
# end of a failslab budget and then of a fail_page_alloc one (the
# demo_orders= blocks' kmalloc() and alloc_pages() are the last the
# load makes), while a child opens buddy_probe/pages over and over and
# holds what it gets until the load is over (kmemlab-faults load-open):
# no open may succeed during a load that then fails, and closing what
# it opened may not oops (faults_on: see tests/vm/lib.sh).

faults_on
insmod "$KO/buddy_probe.ko"
# shellcheck disable=SC2012 # counted, not read
files=$(ls "$DBG/buddy_probe" | wc -l)
rmmod buddy_probe
dmesg_mark
# walk ATTR: one budget walk with the opener; counts the module's refusals.
refused=0
walk() {
	summary_check "demo_orders=0,10,10,5,5, pages opened throughout: the $1 budget" \
		kmemlab-faults space "$1" load-open "$DBG/buddy_probe/pages" \
		"$KO/buddy_probe.ko" "$files" "demo_orders=0,10,10,5,5"
	grep '^opened=' /tmp/summary | sed 's/^/    # /'
	n=$(tail -n 1 /tmp/summary | sed -n 's/.* refused_module=\([0-9]*\) .*/\1/p')
	refused=$((refused + ${n:-0}))
}
walk failslab
walk fail_page_alloc
check "some loads failed in the module's own init: $refused" test "$refused" -gt 0
check "buddy_probe is not left loaded" sh -c "! grep -q '^buddy_probe ' /proc/modules"

faults_off
check "no warning, BUG or oops" dmesg_clean
echo "    # kmemlab-figure hostile_inputs=$refused"
