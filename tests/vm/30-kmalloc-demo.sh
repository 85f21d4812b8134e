# SPDX-License-Identifier: GPL-2.0
# kmalloc_demo: its report against slab.h's size classes, /proc/slabinfo
# and /proc/kpageflags; its gfp= modes; bad parameters; a real failure.

R=$DBG/kmalloc_demo/report

KM=$(kmalloc_prefix)

# The default sweep, with the class slab.h (6.1, SLUB, 4 KiB pages) gives
# each size: __kmalloc_index() up to KMALLOC_MAX_CACHE_SIZE (8 KiB), then
# the page allocator with get_order(size).  "size ksize cache order".
EXPECT="8 8 ${KM}8 -
17 32 ${KM}32 -
32 32 ${KM}32 -
96 96 ${KM}96 -
100 128 ${KM}128 -
192 192 ${KM}192 -
1024 1024 ${KM}1k -
4096 4096 ${KM}4k -
8192 8192 ${KM}8k -
8193 16384 page-allocator 2
16384 16384 page-allocator 2
4194304 4194304 page-allocator 10"

KPF_SLAB=7
KPF_COMPOUND_HEAD=15
KPF_COMPOUND_TAIL=16

# row_is SIZE KSIZE CACHE ORDER: the report's row for SIZE has them.
row_is() {
	got=$(cols "$R" size ksize cache order | awk -v s="$1" '$1 == s')
	case $4 in
	-) [ "${got% *}" = "$1 $2 $3" ] ;;
	*) [ "$got" = "$1 $2 $3 $4" ] ;;
	esac || { echo "report: '$got', slab.h: '$*'"; return 1; }
}

# Each row's numbers agree with one another: ksize >= size, waste is the
# difference, phys = pfn << PAGE_SHIFT | offset, crosses says whether
# offset + size runs past the page, and the frames are contiguous.
rows_consistent() {
	cols "$R" size ksize waste phys pfn offset crosses contig | {
		bad=0
		while read -r size ksize waste phys pfn offset crosses contig; do
			want=no
			[ $((offset + size)) -gt 4096 ] && want=yes
			if [ "$ksize" -lt "$size" ] || [ "$waste" -ne $((ksize - size)) ] ||
				[ $((phys)) -ne $((pfn * 4096 + offset)) ] ||
				[ "$offset" -ge 4096 ] || [ "$crosses" != $want ] ||
				[ "$contig" != yes ]; then
				echo "inconsistent: size $size ksize $ksize waste $waste phys $phys pfn $pfn offset $offset crosses $crosses contig $contig"
				bad=1
			fi
		done
		return $bad
	}
}

# slabinfo_agrees CACHE KSIZE ORDER: /proc/slabinfo's objsize is the
# ksize, and its pagesperslab is 2^order of the object's slab.  objsize
# is the slot an object takes (the cache's size): where the cache keeps
# debug metadata beside each object (KASAN, slub_debug) the slot is
# larger, and SLUB's sysfs tells the two apart: object_size is the ksize,
# slab_size the slot.  A copy the module cannot name (kmalloc-rnd-??-N)
# is held to kmalloc-N: all copies have the same sizes.
slabinfo_agrees() {
	set -- "kmalloc-${1#"$KM"}" "$2" "$3"
	line=$(grep "^$1 " /proc/slabinfo) || { echo "no $1 in /proc/slabinfo"; return 1; }
	slot=$2
	if [ -r "/sys/kernel/slab/$1/slab_size" ]; then
		slot=$(cat "/sys/kernel/slab/$1/slab_size")
		[ "$(cat "/sys/kernel/slab/$1/object_size")" -eq "$2" ] ||
			{ echo "sysfs object_size $(cat "/sys/kernel/slab/$1/object_size"), ksize $2"; return 1; }
	fi
	# shellcheck disable=SC2086 # the row's fields
	set -- "$@" $line
	{ [ "$7" -eq "$slot" ] && [ "$9" -eq $((1 << $3)) ]; } ||
		{ echo "slabinfo: $line; report: ksize $2 (slot $slot) order $3"; return 1; }
}

# compound_block PFN ORDER: /proc/kpageflags sees one compound page of
# 2^ORDER frames at PFN: a head, then tails up to the last frame, so the
# allocation is physically contiguous by the kernel's own accounting.
compound_block() {
	last=$(($1 + (1 << $2) - 1))
	{ kpageflag "$1" $KPF_COMPOUND_HEAD && ! kpageflag "$1" $KPF_SLAB &&
		kpageflag $(($1 + 1)) $KPF_COMPOUND_TAIL &&
		kpageflag $last $KPF_COMPOUND_TAIL &&
		! kpageflag $((last + 1)) $KPF_COMPOUND_TAIL; } ||
		{ echo "pfn $1 order $2: not one compound block"; return 1; }
}

# The linear map: virt - phys is the same constant for every object.
one_offset() {
	n=$(cols "$R" virt phys | while read -r v p; do echo $((0x$v - p)); done | sort -u | wc -l)
	[ "$n" -eq 1 ] || { echo "$n different virt - phys offsets"; return 1; }
}

dmesg_mark
check "defaults, show_addrs=1: insmod" insmod "$KO/kmalloc_demo.ko" show_addrs=1
check "report is mode 0400" test "$(stat -c %a "$R")" = 400
check "report header names its columns" \
	sh -c "head -n 1 $R | grep -q '^ *size  *ksize  *cache  *order  *waste  *virt  *phys  *pfn  *offset '"
check "one row per default size, in order" \
	test "$(cols "$R" size | tr '\n' ' ')" = "$(echo "$EXPECT" | cut -d' ' -f1 | tr '\n' ' ')"
check "one dmesg line per size" test "$(dmesg | grep -c 'kmalloc_demo: kmalloc(')" -eq 12
check "the kernel agrees with slab.h's rules" sh -c "! dmesg | grep disagree"
# Loops that call check read from a file: a pipe would run them in a
# subshell, and the checks would not be counted.
echo "$EXPECT" >/tmp/expect
while read -r size ksize cache order; do
	check "kmalloc($size): $cache, ksize $ksize as slab.h says" row_is "$size" "$ksize" "$cache" "$order"
done </tmp/expect
check "each row: waste, phys = pfn << 12 | offset, crosses, contig" rows_consistent
check "show_addrs=1: virt is raw, as %px prints it" cols_match "$RAW_ADDR" "$R" virt
check "raw virt addresses are in the linear map (one virt - phys offset)" one_offset
cols "$R" cache ksize order pfn >/tmp/rows
while read -r cache ksize order pfn; do
	if [ "$cache" = page-allocator ]; then
		check "$ksize bytes: pfn $pfn heads a compound block of order $order" \
			compound_block "$pfn" "$order"
	else
		check "$cache: /proc/slabinfo has objsize $ksize, $((1 << order)) pages per slab" \
			slabinfo_agrees "$cache" "$ksize" "$order"
		check "$cache: pfn $pfn is a slab page (KPF_SLAB)" kpageflag "$pfn" $KPF_SLAB
	fi
done </tmp/rows
check "rmmod" rmmod kmalloc_demo
check "rmmod: freed everything" sh -c "dmesg | grep -q 'kmalloc_demo: freed everything'"
check "no warning, BUG or oops" dmesg_clean

dmesg_mark
check "show_addrs=0: insmod" insmod "$KO/kmalloc_demo.ko" sizes=17 iterations=1
check "show_addrs=0: virt is hashed, not raw" cols_match "$HASHED_ADDR" "$R" virt
rmmod kmalloc_demo

# gfp=user is GFP_KERNEL | __GFP_HARDWALL: kmalloc_type() ignores the
# hardwall bit, so the caches are the same kmalloc-N ones.
dmesg_mark
check "gfp=user: insmod" insmod "$KO/kmalloc_demo.ko" gfp=user sizes=17,192,16384 iterations=10
check "gfp=user: logged as GFP_USER" sh -c "dmesg | grep -q 'gfp=user: GFP_USER;'"
check "gfp=user: the same caches as GFP_KERNEL" \
	test "$(cols "$R" cache | tr '\n' ' ')" = "${KM}32 ${KM}192 page-allocator "
rmmod kmalloc_demo

check "gfp=atomic: insmod" insmod "$KO/kmalloc_demo.ko" gfp=atomic iterations=10
check "gfp=atomic: twelve rows" test "$(cols "$R" size | wc -l)" -eq 12
rmmod kmalloc_demo

# gfp=dma32 is GFP_DMA (kmalloc cannot take __GFP_DMA32): the dma-kmalloc
# caches and ZONE_DMA, which lies below 16 MiB on x86, so below 4 GiB.
dmesg_mark
check "gfp=dma32: insmod" insmod "$KO/kmalloc_demo.ko" gfp=dma32 sizes=17,192,16384 iterations=10
check "gfp=dma32: dma-kmalloc caches, then the page allocator" \
	test "$(cols "$R" cache | tr '\n' ' ')" = "dma-kmalloc-32 dma-kmalloc-192 page-allocator "
check "gfp=dma32: every object in ZONE_DMA" test "$(cols "$R" zone | sort -u)" = DMA
below_4g() {
	cols "$R" phys ksize | while read -r p k; do
		[ $((p + k)) -le 4294967296 ] || { echo "phys $p + $k"; return 1; }
	done
}
check "gfp=dma32: every object ends below 4 GiB" below_4g
check "gfp=dma32: /proc/slabinfo has dma-kmalloc-32" grep -q '^dma-kmalloc-32 ' /proc/slabinfo
check "gfp=dma32: no 'Fix your code' warning" dmesg_clean
rmmod kmalloc_demo

SIXTY_FIVE=$(awk 'BEGIN { for (i = 0; i < 65; i++) printf "%s8", i ? "," : "" }')
check "sizes=0 is refused" refused "Invalid argument" "sizes=0: entry 1: size 0" \
	"$KO/kmalloc_demo.ko" sizes=0
check "sizes above KMALLOC_MAX_SIZE are refused" \
	refused "Invalid argument" "size 4194305 is above KMALLOC_MAX_SIZE (4194304)" \
	"$KO/kmalloc_demo.ko" sizes=17,4194305
check "an unknown gfp is refused" refused "Invalid argument" "gfp=highmem: unknown" \
	"$KO/kmalloc_demo.ko" gfp=highmem
check "iterations=0 is refused" refused "Invalid argument" "iterations=0: must be" \
	"$KO/kmalloc_demo.ko" iterations=0
check "65 sizes are refused" refused "Invalid argument" "more than 64 sizes" \
	"$KO/kmalloc_demo.ko" sizes="$SIXTY_FIVE"
check "a size that is not a number is refused" refused "Invalid argument" "entry 2: not a size" \
	"$KO/kmalloc_demo.ko" sizes=8,big

# A real failure: ZONE_DMA spans less than 16 MiB (pfn 0 is reserved), so
# it never holds five free 4 MiB blocks.  The ones taken must come back:
# /proc/buddyinfo's count of free order-10 DMA blocks is not lower after.
dma_order10() {
	awk '$4 == "DMA" { print $15 }' /proc/buddyinfo
}
before=$(dma_order10)
dmesg_mark
out=$(insmod "$KO/kmalloc_demo.ko" gfp=dma32 sizes=4M,4M,4M,4M,4M iterations=1 2>&1)
check "5 x 4 MiB from ZONE_DMA: insmod fails with ENOMEM" has "$out" "Cannot allocate memory"
check "ENOMEM: dmesg says which kmalloc failed and that all was freed" \
	sh -c "dmesg | grep -q 'kmalloc(4194304, gfp=dma32) failed: freeing'"
check "ENOMEM: the module is not loaded" sh -c "! grep -q '^kmalloc_demo ' /proc/modules"
check "ENOMEM: the 4 MiB blocks went back to ZONE_DMA ($before free before)" \
	test "$(dma_order10)" -ge "$before"
check "ENOMEM: no warning" dmesg_clean
