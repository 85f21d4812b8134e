# SPDX-License-Identifier: GPL-2.0
# Hostile input (kmemlab-fuzz): 1000 malformed writes to each writable
# debugfs file (pages, snapshot) and 20 to each read-only one, and 200
# bad insmod parameter combinations per module.  Every malformed write
# fails with EINVAL ("free all" aside, which must succeed), every bad
# insmod with EINVAL or ERANGE and a line naming the module; the
# refusals' messages are rate-limited; nothing oopses; and the modules
# still work afterwards.

P=$DBG/buddy_probe
SEED=$(date +%s)

# fuzz DESC KMEMLAB-FUZZ-ARGS...: one run, with the seed in its name.
fuzz() {
	desc=$1
	shift
	fuzz_check "$desc (seed $SEED)" "$@"
}

# bp_lines: buddy_probe's lines in the log since dmesg_mark.
bp_lines() {
	dmesg | grep -c 'buddy_probe: '
}

insmod "$KO/buddy_probe.ko"
dmesg_mark
t0=$(date +%s)
fuzz "pages: 1000 malformed writes refused with EINVAL" pages "$P/pages" 1000 "$SEED"
fuzz "snapshot: 1000 malformed writes refused with EINVAL" snapshot "$P/snapshot" 1000 "$SEED"
for f in buddyinfo pagetypeinfo unusable_index extfrag_index experiment stats metrics \
	fallbacks pageblocks pageblock_map zoneinfo watermarks; do
	fuzz "$f (read-only): 20 writes refused with EINVAL" readonly "$P/$f" 20 "$SEED"
done
t=$(($(date +%s) - t0 + 1))
# A burst of 32 per 5 s: at most 32 for each started 5 s, and then some
# "callbacks suppressed" lines.
lines=$(bp_lines)
check "the refusals' messages are rate-limited ($lines lines in $t s)" \
	test "$lines" -le $((32 * (t / 5 + 2) + t / 5 + 2)) -a "$lines" -ge 1
check "nothing is held after the fuzzing" test "$(wc -l <"$P/pages")" -eq 1
check "buddyinfo still matches /proc/buddyinfo" \
	retry 5 same_buddyinfo "$P/buddyinfo" /proc/buddyinfo
check "an alloc still works" sh -c "echo alloc 2 >$P/pages"
check "and its block is listed" test "$(wc -l <"$P/pages")" -eq 2
check "free all still works" sh -c "echo free all >$P/pages"
check "snapshot still records" sh -c "echo 1 >$P/snapshot && grep -q '^change since' $P/snapshot"
rmmod buddy_probe

for m in kmalloc_demo vmalloc_demo buddy_probe; do
	fuzz "$m: 200 bad insmod parameter combinations refused" params "$KO/$m.ko" 200 "$SEED"
	check "$m: not loaded" sh -c "! grep -q '^$m ' /proc/modules"
done
check "kmalloc_demo still loads" sh -c "insmod $KO/kmalloc_demo.ko sizes=8 && rmmod kmalloc_demo"
check "vmalloc_demo still loads" sh -c "insmod $KO/vmalloc_demo.ko sizes=8K && rmmod vmalloc_demo"
check "no warning, BUG or oops" dmesg_clean
echo "    # kmemlab-figure hostile_inputs=$SENT"
