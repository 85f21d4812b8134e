# SPDX-License-Identifier: GPL-2.0
# demo_orders= takes a block of each order at load, logs it (with
# show_addrs=1 its pfn, physical address and buddy), shows it in pages
# and frees it at rmmod; bad values make insmod fail with EINVAL and one
# line in the log.

P=$DBG/buddy_probe

# logged_ok ORDER: the load-time line for ORDER is right.
logged_ok() {
	line=$(dmesg | grep "buddy_probe: demo: order $1:")
	# shellcheck disable=SC2046 # pfn, phys and buddy pfn
	set -- "$1" $(echo "$line" | sed 's/.*pfn \([0-9]*\) phys \(0x[0-9a-f]*\) buddy pfn \([0-9]*\)$/\1 \2 \3/')
	echo "$line"
	[ $# -eq 4 ] && [ $(($2 % (1 << $1))) -eq 0 ] &&
		[ "$4" -eq $(($2 ^ (1 << $1))) ] && [ $(($3)) -eq $(($2 * 4096)) ]
}

dmesg_mark
check "insmod demo_orders=0,5,10 show_addrs=1" \
	insmod "$KO/buddy_probe.ko" demo_orders=0,5,10 show_addrs=1
check "one log line per demo block" \
	test "$(dmesg | grep -c 'buddy_probe: demo: order ')" -eq 3
for order in 0 5 10; do
	check "order $order: aligned pfn, buddy pfn and phys in the log" logged_ok $order
done
check "pages lists the three blocks" test "$(wc -l <"$P/pages")" -eq 4
dmesg_mark
check "rmmod" rmmod buddy_probe
check "rmmod freed the 1057 pages" \
	sh -c "dmesg | grep -q 'buddy_probe: freed the 1057 pages still held'"

# refused_load VALUE: insmod fails with EINVAL, and the log has one line
# per load attempt.  Busybox's insmod makes two attempts (finit_module,
# then init_module when that fails), so the line is counted once per
# distinct text.
refused_load() {
	dmesg_mark
	if out=$(insmod "$KO/buddy_probe.ko" demo_orders="$1" 2>&1); then
		rmmod buddy_probe
		echo "insmod succeeded"
		return 1
	fi
	echo "$out"
	dmesg
	echo "$out" | grep -q 'Invalid argument' &&
		[ "$(dmesg | sed 's/^\[[^]]*\] //' | sort -u | grep -c .)" -eq 1 ]
}

MAX_ORDER=$(($(awk 'NR == 1 { print NF - 4 }' /proc/buddyinfo) - 1))
for bad in abc -1 $((MAX_ORDER + 1)) 99 5,x 0,,1; do
	check "demo_orders=$bad: insmod fails with EINVAL and one log line" \
		refused_load "$bad"
	check "demo_orders=$bad: the module is not loaded" \
		sh -c "! grep -q '^buddy_probe ' /proc/modules"
done
check "no warning, BUG or oops" dmesg_clean
