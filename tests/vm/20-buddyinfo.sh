# SPDX-License-Identifier: GPL-2.0
# buddy_probe/buddyinfo is /proc/buddyinfo's twin, byte for byte.

insmod "$KO/buddy_probe.ko"
check "buddyinfo is mode 0400" test "$(stat -c %a "$DBG/buddy_probe/buddyinfo")" = 400
check "buddyinfo lists every zone of /proc/buddyinfo" \
	test "$(wc -l <"$DBG/buddy_probe/buddyinfo")" -eq "$(wc -l </proc/buddyinfo)"
check "buddyinfo equals /proc/buddyinfo (read back to back)" \
	retry 8 same_buddyinfo "$DBG/buddy_probe/buddyinfo" /proc/buddyinfo
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean

# The machine is what the profile says: two NUMA nodes on 2node (the
# debug kernel finds them through ACPI's SRAT), one on 1node.
profile=$(sed -n 's/.*kmemlab\.profile=\([0-9a-z]*\).*/\1/p' /proc/cmdline)
nodes=$(awk '{ print $2 }' /proc/buddyinfo | sort -u | grep -c .)
case $profile in
2node) check "profile 2node: /proc/buddyinfo shows 2 nodes" test "$nodes" -eq 2 ;;
1node) check "profile 1node: /proc/buddyinfo shows 1 node" test "$nodes" -eq 1 ;;
esac
