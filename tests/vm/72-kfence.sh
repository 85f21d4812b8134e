# SPDX-License-Identifier: GPL-2.0
# KFENCE samples a slab allocation now and then and serves it from a page
# of its own pool, where ksize() says the size asked for.  kmalloc_demo
# must label such a row kfence=yes, with that ksize and no waste, and not
# claim that the kernel disagrees with slab.h; each labelled object is in
# KFENCE's own list (debugfs kfence/objects: the same hashed address, size
# and cache), each unlabelled one is not and has its class's ksize.
#
# Which allocation KFENCE takes is chance, so the module is loaded until
# a row is KFENCE's: 7 to 17 loads in 400 had one on 6.12 and 7.2, so up
# to 1000 loads (some 0.15 s each).  That chance needs KFENCE free to
# sample our stack: the kfence profile boots sampling slowly, so that
# boot's long-lived objects do not fill KFENCE's 255 slots, and this test
# asks for a sample each millisecond.  It also lifts skip_covered_thresh:
# above 75% full, KFENCE skips a stack its Bloom filter says it holds,
# and a false positive there would skip our stack on every load.
# (Once on 6.12, when the profile booted sampling each millisecond, no
# row came in 1000 loads; the counters that would say why were not
# printed.  They are now, whatever the outcome.)

case " $(cat /proc/cmdline) " in
*" kmemlab.profile=kfence "*) ;;
*)
	skip "KFENCE: only the kfence profile samples (scripts/vm.sh)"
	return 0
	;;
esac

R=$DBG/kmalloc_demo/report
SIZES=$(awk 'BEGIN { for (i = 1; i <= 64; i++) printf "%s%d", (i > 1 ? "," : ""), i * 16 }')
TRIES=1000
KF=/sys/module/kfence/parameters

# kfence_rows: loads kmalloc_demo until a row is KFENCE's.
kfence_rows() {
	tries=1
	while [ "$tries" -le "$TRIES" ]; do
		insmod "$KO/kmalloc_demo.ko" sizes="$SIZES" iterations=1 || return 1
		echo "$tries" >/tmp/kfence.tries
		[ "$(cols "$R" kfence | grep -c yes)" -eq 0 ] || return 0
		rmmod kmalloc_demo
		tries=$((tries + 1))
	done
	return 1
}

# rows_agree: each row against KFENCE's list of its objects.
rows_agree() {
	cat "$DBG/kfence/objects" >/tmp/kfence.objects
	cols "$R" size ksize waste virt cache kfence >/tmp/kfence.rows
	[ "$(wc -l </tmp/kfence.rows)" -eq 64 ] || { echo "$(wc -l </tmp/kfence.rows) rows"; return 1; }
	bad=0
	while read -r size ksize waste virt cache kf; do
		in=$(grep -c "^kfence-#[0-9]*: 0x$virt-0x[0-9a-f]*, size=$size, cache=$cache\$" /tmp/kfence.objects)
		if [ "$kf" = yes ]; then
			[ "$in" -eq 1 ] && [ "$ksize" -eq "$size" ] && [ "$waste" -eq 0 ]
		else
			[ "$in" -eq 0 ] && [ "$ksize" -ge "$size" ]
		fi || { echo "size $size ksize $ksize waste $waste kfence $kf: $in in kfence/objects"; bad=1; }
	done </tmp/kfence.rows
	return $bad
}

# sample_fast: one sample each millisecond, whatever the pool holds.
sample_fast() {
	echo 100 >"$KF/skip_covered_thresh" && echo 1 >"$KF/sample_interval" &&
		[ "$(cat "$KF/sample_interval")" = 1 ]
}

check "KFENCE is on" grep -qx 'enabled: 1' "$DBG/kfence/stats"
check "KFENCE samples each millisecond, none skipped as covered" sample_fast
dmesg_mark
check "kmalloc_demo: a row is a KFENCE object" kfence_rows
grep -E '^(currently allocated|total allocations|skipped)' "$DBG/kfence/stats" |
	sed 's/^/    # kfence: /'
echo "    # $(cols "$R" kfence | grep -c yes) of 64 rows from KFENCE, in load $(cat /tmp/kfence.tries) of at most $TRIES"
check "each KFENCE row is in kfence/objects, ksize = size, no waste; no other row is" rows_agree
check "the kernel is not said to disagree with slab.h" sh -c "! dmesg | grep disagree"
rmmod kmalloc_demo
check "no warning, BUG or oops" dmesg_clean
