# SPDX-License-Identifier: GPL-2.0
# Each module loads, says what it did, and unloads cleanly, twice over.

# load_twice MODULE PATTERN: PATTERN is a line the module must log at load.
load_twice() {
	for round in 1 2; do
		dmesg_mark
		check "$1: insmod (round $round)" insmod "$KO/$1.ko"
		check "$1: dmesg has '$2' (round $round)" dmesg_has "$1: $2"
		check "$1: rmmod (round $round)" rmmod "$1"
		check "$1: module is gone (round $round)" module_gone "$1"
		check "$1: no warning, BUG or oops (round $round)" dmesg_clean
	done
}

dmesg_has() {
	dmesg | grep -q "$1"
}

module_gone() {
	! grep -q "^$1 " /proc/modules
}

load_twice kmalloc_demo "kmalloc(1024): ksize 1024 from $(kmalloc_prefix)1k"
load_twice vmalloc_demo "vmalloc(67108864): 16384 pages at "
load_twice buddy_probe "loaded: see /sys/kernel/debug/buddy_probe/"
