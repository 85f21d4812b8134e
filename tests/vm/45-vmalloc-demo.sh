# SPDX-License-Identifier: GPL-2.0
# vmalloc_demo: its report and pfns files against each other and against
# /proc/vmallocinfo and /proc/kpageflags; how the kernel filled a 64 MiB
# area, against its own trace of the page allocator; bad parameters; a
# real failure.

R=$DBG/vmalloc_demo/report
P=$DBG/vmalloc_demo/pfns
KPF_SLAB=7
KPF_BUDDY=10

# /proc/vmallocinfo prints addresses with 0x%pK: hashed for everyone when
# kptr_restrict is 0, raw for root (CAP_SYSLOG) when it is 1.
echo 1 >/proc/sys/kernel/kptr_restrict

# Each row: pages = size / PAGE_SIZE, 1 <= runs <= pages, longest <= pages,
# end = start + size, both inside VMALLOC_START..VMALLOC_END.
rows_consistent() {
	cols "$R" size pages runs longest start end inside | {
		bad=0
		while read -r size pages runs longest start end inside; do
			if [ "$pages" -ne $((size / 4096)) ] || [ "$runs" -lt 1 ] ||
				[ "$runs" -gt "$pages" ] || [ "$longest" -gt "$pages" ] ||
				[ "$longest" -lt 1 ] || [ $((0x$end - 0x$start)) -ne "$size" ] ||
				[ "$inside" != yes ]; then
				echo "inconsistent: $size $pages $runs $longest $start $end $inside"
				bad=1
			fi
		done
		return $bad
	}
}

# The kmalloc twin: 8 KiB and 1 MiB fit kmalloc, in one run of frames;
# 64 MiB is above KMALLOC_MAX_SIZE (4 MiB) and must fail.
twin_is() {
	got=$(cols "$R" size kmalloc kruns | awk -v s="$1" '$1 == s { print $2, $3 }')
	[ "$got" = "$2" ] || { echo "size $1: kmalloc $got, expected $2"; return 1; }
}

# pfns: one row per page, area by area, page indices in order; the runs
# and longest run counted from it equal the report's.
pfns_match_report() {
	awk 'NR == 1 { next }
		$1 != a || NR == 2 { if (NR > 2) print a, n, runs, longest
			a = $1; n = 0; runs = 0; len = 0; longest = 0 }
		{ if ($2 != n) { print "bad page index", $0; exit 1 }
		  n++
		  if (n > 1 && $3 == last + 1) len++; else { runs++; len = 1 }
		  if (len > longest) longest = len
		  last = $3 }
		END { print a, n, runs, longest }' "$P" >/tmp/pfns_counts || return 1
	cols "$R" pages runs longest | awk '{ print NR - 1, $0 }' >/tmp/report_counts
	cmp /tmp/pfns_counts /tmp/report_counts ||
		{ echo pfns:; cat /tmp/pfns_counts; echo report:; cat /tmp/report_counts; return 1; }
}

no_frame_twice() {
	[ "$(awk 'NR > 1 { print $3 }' "$P" | sort -u | wc -l)" -eq "$(awk 'NR > 1' "$P" | wc -l)" ]
}

# In /proc/vmallocinfo, each area starts at the reported start and is one
# guard page longer than asked; it has size / PAGE_SIZE pages and is
# flagged vmalloc.  Matched by address: the caller is a symbol here
# (vd_take), but an area taken from __init code shows a raw address.
in_vmallocinfo() {
	cols "$R" start size | {
		bad=0
		while read -r start size; do
			want=$(printf '0x%s-0x%x %7d ' "$start" $((0x$start + size + 4096)) $((size + 4096)))
			line=$(grep "^$want" /proc/vmallocinfo)
			if [ -z "$line" ] || ! has "$line" " pages=$((size / 4096)) vmalloc" >/dev/null; then
				echo "no '$want... pages=$((size / 4096)) vmalloc' in /proc/vmallocinfo:"
				grep "^0x$start-" /proc/vmallocinfo
				bad=1
			fi
		done
		return $bad
	}
}

# The frames of the two smaller areas are allocated pages: neither free in
# the buddy allocator (KPF_BUDDY) nor slab pages (KPF_SLAB).
frames_in_use() {
	awk 'NR > 1 && $1 < 2 { print $3 }' "$P" >/tmp/small.pfns
	kpageflags_of /tmp/small.pfns >/tmp/small.kpf
	[ "$(wc -l </tmp/small.kpf)" -eq "$(wc -l </tmp/small.pfns)" ] ||
		{ echo "kpageflags has $(wc -l </tmp/small.kpf) of $(wc -l </tmp/small.pfns) pfns"; return 1; }
	while read -r pfn kpf; do
		if [ $(((0x$kpf >> KPF_BUDDY) & 1)) -eq 1 ] || [ $(((0x$kpf >> KPF_SLAB) & 1)) -eq 1 ]; then
			echo "pfn $pfn: kpageflags 0x$kpf"
			return 1
		fi
	done </tmp/small.kpf
	echo "$(wc -l </tmp/small.pfns) frames, none free or slab"
}

# How the kernel fills an area differs (6.19 takes large blocks first):
# the module says which at load, and the kernel's kmem:mm_page_alloc
# events say what it did.  A 64 MiB area without the timing loop's
# twin: only the area's frames, and the loading module's own memory
# (well below 2 MiB), come from the page allocator during the insmod.
TR=/sys/kernel/tracing
EV=$TR/events/kmem/mm_page_alloc
BIG=9	# 2 MiB: orders from here on are the area's

# traced_insmod ARGS...: insmod vmalloc_demo with the page allocations of
# order >= BIG traced; their "pfn order" (pfn in hex) into /tmp/big.
traced_insmod() {
	echo 0 >$TR/tracing_on
	: >$TR/trace
	echo "order >= $BIG" >$EV/filter
	echo 1 >$EV/enable
	echo 1 >$TR/tracing_on
	insmod "$KO/vmalloc_demo.ko" "$@"
	status=$?
	echo 0 >$TR/tracing_on
	echo 0 >$EV/enable
	echo 0 >$EV/filter
	# "insmod-93 [000] ..... 5.1: mm_page_alloc: page=... pfn=0x12c00 order=10 ..."
	sed -n 's/^ *insmod-[0-9]* .* mm_page_alloc: .* pfn=\(0x[0-9a-f]*\) order=\([0-9]*\) .*/\1 \2/p' \
		$TR/trace >/tmp/big
	echo "traced: $(wc -l </tmp/big) allocation(s) of order >= $BIG"
	return $status
}

# in_area PFN ORDER: 0 if the block of 2^ORDER frames at PFN backs that
# many pages of an area in a row, in order; 2 if no page of one is at PFN;
# 1 if it is there, but not all in a row.
in_area() {
	awk -v p="$1" -v len=$((1 << $2)) 'NR == 1 { next }
		!on && $3 == p { on = 1; want = p }
		on { if ($3 != want) exit 1; if (++want == p + len) { done = 1; exit 0 } }
		END { if (done) exit 0; exit on ? 1 : 2 }' "$P"
}

# large_blocks: at least one traced block backs the area, each of those
# in a row of its pages.  (The others were the timing loop's.)
large_blocks() {
	n=0
	while read -r pfn order; do
		in_area $((pfn)) "$order"
		case $? in
		0) n=$((n + 1)) ;;
		1) echo "block of order $order at pfn $((pfn)) is in the area, not in a row"; return 1 ;;
		esac
	done </tmp/big
	echo "$n block(s) of order >= $BIG back the area"
	[ "$n" -ge 1 ]
}

# single_pages: the module says the kernel fills areas with single
# pages, and no frame of the area lies in an order >= BIG block traced:
# insmod's other allocations (the module's own memory) may take some.
single_pages() {
	dmesg | grep -q 'vmalloc_demo: this kernel fills an area with single pages' ||
		{ echo "dmesg has no 'fills an area with single pages'"; return 1; }
	while read -r pfn order; do
		if awk -v lo=$((pfn)) -v hi=$((pfn + (1 << order))) \
			'NR > 1 && $3 >= lo && $3 < hi { found = 1; exit } END { exit !found }' "$P"; then
			echo "the block of order $order at pfn $((pfn)) backs the area"
			return 1
		fi
	done </tmp/big
	echo "$(wc -l </tmp/big) block(s) of order >= $BIG traced, none in the area"
}

areas_gone() {
	! grep '\[vmalloc_demo\]' /proc/vmallocinfo &&
		for start in $STARTS; do
			! grep "^0x$start-.* vmalloc" /proc/vmallocinfo || return 1
		done
}

dmesg_mark
check "defaults, show_addrs=1: insmod" insmod "$KO/vmalloc_demo.ko" show_addrs=1 iterations=2
check "report and pfns are mode 0400" \
	test "$(stat -c %a "$R") $(stat -c %a "$P")" = "400 400"
check "report header names its columns" \
	sh -c "head -n 1 $R | grep -q '^ *size  *pages  *runs  *longest  *start  *end '"
check "one row per default size: 8K, 1M, 64M" \
	test "$(cols "$R" size | tr '\n' ' ')" = "8192 1048576 67108864 "
check "one dmesg line per area" test "$(dmesg | grep -c 'vmalloc_demo: vmalloc(')" -eq 3
check "show_addrs=1: start and end are raw, as %px prints them" cols_match "$RAW_ADDR" "$R" start end
check "each row: pages, runs, end, inside the vmalloc space" rows_consistent
check "kmalloc(8K) succeeds, in one run of frames" twin_is 8192 "ok 1"
check "kmalloc(64M) fails: above KMALLOC_MAX_SIZE" twin_is 67108864 "failed -"
twin_1m() {
	twin_is 1048576 "ok 1" >/dev/null || twin_is 1048576 "failed -"
}
check "kmalloc(1M), if it succeeds, is one run of frames" twin_1m
check "pfns header is 'alloc page pfn'" test "$(head -n 1 "$P" | tr -s ' ')" = "alloc page pfn"
check "pfns has one row per page: 2 + 256 + 16384" test "$(awk 'NR > 1' "$P" | wc -l)" -eq 16642
check "pfns agrees with the report's pages, runs and longest run" pfns_match_report
check "no frame backs two pages" no_frame_twice
check "/proc/vmallocinfo: each area, its guard page and its pages" in_vmallocinfo
check "the 8K and 1M areas' frames are in use: no KPF_BUDDY, no KPF_SLAB" frames_in_use
STARTS=$(cols "$R" start)
check "rmmod" rmmod vmalloc_demo
check "rmmod: the areas are gone from /proc/vmallocinfo" areas_gone
check "rmmod: freed everything" sh -c "dmesg | grep -q 'vmalloc_demo: freed everything'"
check "no warning, BUG or oops" dmesg_clean

[ -d $TR/events ] || mount -t tracefs tracefs $TR
dmesg_mark
check "sizes=64M, traced: insmod" traced_insmod sizes=64M iterations=1
if dmesg | grep -q 'vmalloc_demo: this kernel fills an area with blocks of up to order'; then
	check "blocks first: the kernel's order >= $BIG blocks back the area, each in a row" large_blocks
else
	check "single pages: says so, and no block of order >= $BIG backs the area" single_pages
fi
rmmod vmalloc_demo

check "show_addrs=0: insmod" insmod "$KO/vmalloc_demo.ko" sizes=8K iterations=1
check "show_addrs=0: start and end are hashed, not raw" cols_match "$HASHED_ADDR" "$R" start end
rmmod vmalloc_demo

SIXTY_FIVE=$(awk 'BEGIN { for (i = 0; i < 65; i++) printf "%s4K", i ? "," : "" }')
check "sizes=0 is refused" refused "Invalid argument" "sizes=8K,0: entry 2: size 0" \
	"$KO/vmalloc_demo.ko" sizes=8K,0
check "a size beyond the vmalloc space is refused" \
	refused "Invalid argument" "is larger than the vmalloc space" \
	"$KO/vmalloc_demo.ko" sizes=16P
check "iterations=0 is refused" refused "Invalid argument" "iterations=0: must be" \
	"$KO/vmalloc_demo.ko" iterations=0
check "65 sizes are refused" refused "Invalid argument" "more than 64 sizes" \
	"$KO/vmalloc_demo.ko" sizes="$SIXTY_FIVE"
check "a size that is not a number is refused" refused "Invalid argument" "entry 1: not a size" \
	"$KO/vmalloc_demo.ko" sizes=-1

# A size no VM here can hold is refused before anything is taken: the
# areas, with their bookkeeping, would take more than half of
# MemAvailable (64-memory-params.sh tries the rest).  The 8 KiB area
# before it is never taken.  (A vmalloc() that fails after others were
# taken is the faults test's, which fails each allocation in turn.)
dmesg_mark
out=$(insmod "$KO/vmalloc_demo.ko" sizes=8K,1T iterations=1 2>&1)
check "8K then 1T: insmod fails with ENOMEM" has "$out" "Cannot allocate memory"
check "ENOMEM: dmesg says the areas would take too much of the available memory" \
	sh -c "dmesg | grep -q 'sizes=8K,1T: the areas would take up to [0-9]* bytes, more than 1/2 of MemAvailable'"
check "ENOMEM: nothing was taken" sh -c "! dmesg | grep 'vmalloc(8192)'"
STARTS=
check "ENOMEM: no area left in /proc/vmallocinfo" areas_gone
check "ENOMEM: no warning" dmesg_clean

echo 0 >/proc/sys/kernel/kptr_restrict
