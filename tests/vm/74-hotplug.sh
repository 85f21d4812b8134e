# SPDX-License-Identifier: GPL-2.0
# A zone that appears after buddy_probe's load.  The 2g profile
# hot-plugs a 128 MiB DIMM, left offline at boot
# (memhp_default_state=offline); onlined here as kernel memory it
# becomes a ZONE_NORMAL, which the profile had not.  An order-5 alloc,
# run on a CPU of that node, comes from it.  The experiment reads as many
# zones as there were at load, in /proc/buddyinfo's order: where the new
# zone comes after them all (2g: after DMA and DMA32), it has no reading
# of it and must print no prediction but "none" (not the lines of the
# experiment before); where it comes earlier (a zone of a later node is
# pushed out instead), its prediction must match.  Either way snapshot
# must say the zone has no baseline, and buddyinfo must still be
# /proc/buddyinfo's twin.  The memory stays online for the tests after
# this one (it cannot go offline once kernel memory lands in it): the 2g
# profile boots for this test and 62-pages-cap alone.

P=$DBG/buddy_probe

case " $(cat /proc/cmdline) " in
*" kmemlab.profile=2g "*) ;;
*)
	skip "memory hotplug: only the 2g profile has a DIMM to online (scripts/vm.sh)"
	return 0
	;;
esac
# The debug kernel is built without memory hotplug.
if [ ! -d /sys/devices/system/memory ]; then
	skip "memory hotplug: this kernel has no /sys/devices/system/memory"
	return 0
fi

block=$(grep -l '^offline$' /sys/devices/system/memory/memory*/state | head -n 1)
block=${block%/state}
check "the profile's DIMM is there, offline: ${block:-none}" test -n "$block"
node=$(basename "$(echo "$block"/node*)")
cpu=$(cut -d, -f1 "/sys/devices/system/node/$node/cpulist" | cut -d- -f1)
echo "    # ${block##*/} on $node, CPU $cpu"

insmod "$KO/buddy_probe.ko"
dmesg_mark
echo 1 >"$P/snapshot"
# predicted: the experiment predicts something, not none.
predicted() {
	grep -q '^prediction: ' "$P/experiment" && ! grep -q '^prediction: none' "$P/experiment"
}

check "an order-5 alloc before: a prediction" \
	sh -c "taskset -c $cpu sh -c 'echo alloc 5 >$P/pages'"
check "the experiment predicts its split" predicted
zones=$(wc -l </proc/buddyinfo)
check "online the DIMM as kernel memory" sh -c "echo online_kernel >$block/state"
pos=$(grep -n "^Node ${node#node}, zone   Normal" /proc/buddyinfo | cut -d: -f1)
echo "    # the new zone is line ${pos:-none} of /proc/buddyinfo; the experiment read $zones"
check "/proc/buddyinfo has a Normal zone on $node" \
	grep -q "^Node ${node#node}, zone   Normal" /proc/buddyinfo
check "an order-5 alloc on CPU $cpu comes from it" \
	sh -c "taskset -c $cpu sh -c 'echo alloc 5 >$P/pages' && grep -q '^alloc order 5 at pfn [0-9]*: Node ${node#node}, zone Normal' $P/experiment"
# only_none: the experiment's one prediction line is "none".
only_none() {
	lines=$(grep '^prediction:' "$P/experiment")
	[ "$lines" = "prediction: none: no free block to take, or the zone was not read before" ] ||
		{ cat "$P/experiment"; return 1; }
}
# alloc_match: an order-5 alloc on CPU $cpu, from the new zone, whose
# prediction matches (with retries: anything else in the zone moves it).
alloc_match() {
	taskset -c "$cpu" sh -c "echo alloc 5 >$P/pages" || return 1
	tail -n 1 "$P/experiment" | grep -qx match || { cat "$P/experiment"; return 1; }
}
if [ "${pos:-0}" -gt "$zones" ]; then
	check "not read at load: the experiment's only prediction is none" only_none
else
	check "read at load: the experiment's prediction matches" retry 5 alloc_match
fi
check "snapshot: the new zone has no baseline" \
	grep -q "^Node ${node#node}, zone   Normal no baseline: the zone is newer" "$P/snapshot"
check "buddyinfo lists it, as /proc/buddyinfo does" \
	retry 5 same_buddyinfo "$P/buddyinfo" /proc/buddyinfo
echo free all >"$P/pages"
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
