# SPDX-License-Identifier: GPL-2.0
# Debug kernel only: it is built with CONFIG_RANDOM_KMALLOC_CACHES (6.6;
# CONFIG_KMALLOC_PARTITION_CACHES from 7.2), the hardening that gives
# each normal kmalloc cache 15 more copies and picks one by the caller's
# address.  No exported function says which copy an object is in, so
# kmalloc_demo names the cache with "??" for the copy (kmalloc-rnd-??-32)
# rather than a wrong one; every copy has the same object size, which
# the row's ksize must be; GFP_DMA caches have no copies.

R=$DBG/kmalloc_demo/report

# Until the debug kernel is built from a series >= 6.6, it has no copies.
if ! grep -qE '^kmalloc-(rnd|part)-01-32 ' /proc/slabinfo; then
	skip "kmalloc cache copies: this kernel has none (no CONFIG_RANDOM_KMALLOC_CACHES)"
	return 0
fi

copies=$(grep -cE '^kmalloc-(rnd|part)-[0-9]+-32 ' /proc/slabinfo)
check "the kernel has copies of kmalloc-32: $copies" test "$copies" -eq 15
kind=$(sed -n 's/^kmalloc-\(rnd\|part\)-01-32 .*/\1/p' /proc/slabinfo)

# copies_agree CACHE KSIZE: every copy of CACHE (kmalloc-KIND-??-N) and
# the plain kmalloc-N have objsize KSIZE in /proc/slabinfo, or in SLUB's
# sysfs object_size where KASAN makes the slots larger.
copies_agree() {
	n=${1#kmalloc-"$kind"-??-}
	for c in "kmalloc-$n" $(awk -v k="$kind" -v n="$n" '$1 ~ "^kmalloc-" k "-[0-9]+-" n "$" { print $1 }' /proc/slabinfo); do
		size=$(cat "/sys/kernel/slab/$c/object_size") || return 1
		[ "$size" -eq "$2" ] || { echo "$c: object_size $size, ksize $2"; return 1; }
	done
}

dmesg_mark
check "insmod sizes=8,17,96,192,1024" \
	insmod "$KO/kmalloc_demo.ko" sizes=8,17,96,192,1024 iterations=1
check "every row names its cache kmalloc-$kind-??-N" \
	test "$(cols "$R" cache | tr '\n' ' ')" = \
	"kmalloc-$kind-??-8 kmalloc-$kind-??-32 kmalloc-$kind-??-96 kmalloc-$kind-??-192 kmalloc-$kind-??-1k "
cols "$R" cache ksize >/tmp/copies
while read -r cache ksize; do
	check "$cache: all its copies have object size $ksize" copies_agree "$cache" "$ksize"
done </tmp/copies
check "the kernel agrees with slab.h's rules" sh -c "! dmesg | grep disagree"
rmmod kmalloc_demo
check "gfp=dma32: insmod" insmod "$KO/kmalloc_demo.ko" gfp=dma32 sizes=17 iterations=1
check "gfp=dma32: dma-kmalloc-32, which has no copies" test "$(cols "$R" cache)" = dma-kmalloc-32
rmmod kmalloc_demo
check "no warning, BUG or oops" dmesg_clean
