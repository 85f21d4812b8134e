# SPDX-License-Identifier: GPL-2.0
# No parameter may drive the OOM killer.  vmalloc_demo and kmalloc_demo
# refuse, with ENOMEM and one line, what would hold more than half of
# MemAvailable (si_mem_available(), what /proc/meminfo prints): a size
# near MemTotal, several sizes that are too much together, a size a long
# timing loop repeats; below that they load.  Sizes that do not fit in
# 64 bits, with and without a suffix, and sizes with a leading zero (which
# memparse() read as octal) are refused with EINVAL.  A sleeping
# bystander survives it all, and the log never says the OOM killer ran.

mem_kb=$(awk '$1 == "MemTotal:" { print $2 }' /proc/meminfo)
avail_kb=$(awk '$1 == "MemAvailable:" { print $2 }' /proc/meminfo)
echo "    # MemTotal ${mem_kb} kB, MemAvailable ${avail_kb} kB"

# hostile CHECK-ARGS...: a check of one hostile input, counted.
h=0
hostile() {
	h=$((h + 1))
	check "$@"
}

sleep 100000 &
bystander=$!
dmesg_mark

TOO_MUCH="the areas would take up to"
hostile "vmalloc_demo sizes=MemTotal (${mem_kb}K): ENOMEM, one line" \
	refused "Cannot allocate memory" "$TOO_MUCH" "$KO/vmalloc_demo.ko" \
	sizes="${mem_kb}K" iterations=1
hostile "vmalloc_demo sizes=7/8 of MemTotal: ENOMEM, one line" \
	refused "Cannot allocate memory" "$TOO_MUCH" "$KO/vmalloc_demo.ko" \
	sizes="$((mem_kb * 7 / 8))K" iterations=1
q=$((avail_kb / 4))K
hostile "vmalloc_demo four sizes of MemAvailable/4 (too much together): ENOMEM" \
	refused "Cannot allocate memory" "$TOO_MUCH" "$KO/vmalloc_demo.ko" \
	sizes="$q,$q,$q,$q" iterations=1
hostile "vmalloc_demo 55% of MemAvailable, iterations=10000: ENOMEM" \
	refused "Cannot allocate memory" "$TOO_MUCH" "$KO/vmalloc_demo.ko" \
	sizes="$((avail_kb * 55 / 100))K" iterations=10000
check "vmalloc_demo 1/4 of MemAvailable, under the limit: loads" \
	insmod "$KO/vmalloc_demo.ko" sizes="$((avail_kb / 4))K" iterations=1
check "and unloads" rmmod vmalloc_demo

# kmalloc_demo's sizes are 4 MiB at most, 64 of them: enough to pass half
# of MemAvailable on a small machine only.  MemAvailable moves between
# the read and the insmod (7.2 was seen to gain 8 MiB), so each case
# keeps 32 MiB from the limit, read again just before.
four_megs() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "%s4M", i ? "," : "" }'
}
avail_kb=$(awk '$1 == "MemAvailable:" { print $2 }' /proc/meminfo)
limit=$((avail_kb / 2 / 4096))
over=$((limit + 8))
under=$((limit - 8))
[ "$under" -le 64 ] || under=64
echo "    # MemAvailable ${avail_kb} kB now: half of it is ${limit} x 4 MiB"
if [ "$over" -le 64 ]; then
	sizes=$(four_megs "$over")
	hostile "kmalloc_demo $over x 4 MiB, over half of MemAvailable: ENOMEM, one line" \
		refused "Cannot allocate memory" "the objects would take up to" \
		"$KO/kmalloc_demo.ko" sizes="$sizes" iterations=1
	hostile "kmalloc_demo gfp=atomic $over x 4 MiB: ENOMEM too" \
		refused "Cannot allocate memory" "the objects would take up to" \
		"$KO/kmalloc_demo.ko" sizes="$sizes" iterations=1 gfp=atomic
fi
sizes=$(four_megs "$under")
check "kmalloc_demo $under x 4 MiB, under half of MemAvailable: loads" \
	insmod "$KO/kmalloc_demo.ko" sizes="$sizes" iterations=1
check "and unloads" rmmod kmalloc_demo
check "kmalloc_demo gfp=atomic $under x 4 MiB: loads" \
	insmod "$KO/kmalloc_demo.ko" sizes="$sizes" iterations=1 gfp=atomic
check "and unloads" rmmod kmalloc_demo

# Sizes that wrap, or are not what they look like (memparse() took all).
for m in kmalloc_demo vmalloc_demo; do
	for s in 18446744073709551616 18446744073709551617 99999999999999999999999 \
		16777216T 16384P 16E 17179869184G 18014398509481984K 8,0x10000000000000000; do
		hostile "$m sizes=$s: more than 64 bits, EINVAL" \
			refused "Invalid argument" "more than 64 bits" "$KO/$m.ko" sizes="$s"
	done
	for s in 0777 010 8,08K 0x010; do
		hostile "$m sizes=$s: a leading zero, EINVAL" \
			refused "Invalid argument" "a leading zero" "$KO/$m.ko" sizes="$s"
	done
	hostile "$m sizes=+5: not a size, EINVAL" \
		refused "Invalid argument" "not a size" "$KO/$m.ko" sizes=+5
done

check "the bystander survived" kill -0 "$bystander"
kill "$bystander"
check "the OOM killer never ran" sh -c "! dmesg | grep -E 'invoked oom-killer|Out of memory'"
check "no warning, BUG or oops" dmesg_clean
echo "    # kmemlab-figure hostile_inputs=$h"
