# SPDX-License-Identifier: GPL-2.0
# buddy_probe/buddyinfo is /proc/buddyinfo's twin, byte for byte.

insmod "$KO/buddy_probe.ko"
check "buddyinfo is mode 0400" test "$(stat -c %a $DBG/buddy_probe/buddyinfo)" = 400
check "buddyinfo lists every zone of /proc/buddyinfo" \
	test "$(wc -l <$DBG/buddy_probe/buddyinfo)" -eq "$(wc -l </proc/buddyinfo)"
check "buddyinfo equals /proc/buddyinfo (read back to back)" \
	retry 8 same_buddyinfo $DBG/buddy_probe/buddyinfo /proc/buddyinfo
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
