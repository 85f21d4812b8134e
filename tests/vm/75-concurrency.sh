# SPDX-License-Identifier: GPL-2.0
# Concurrency: four readers loop over every debugfs file of the three
# modules while one loop inserts and removes each module 100 times and
# two writers alloc and free blocks through buddy_probe's pages file
# (their writes fail, as they should, while buddy_probe is out).  No
# oops, no lockdep report, nothing left loaded or held.  Then a reader
# holds a file open across rmmod: the rmmod is refused (the open file
# holds the module), the reader keeps reading, and once it lets go the
# rmmod goes through.
#
# Small parameters keep a cycle short; still, TCG with KASAN on a busy
# host is slow (some 4 s a cycle on 2 shared cores): the cycles stop at
# DEADLINE seconds, after at least MIN_CYCLES, and say how many there were.

P=$DBG/buddy_probe
CYCLES=100
MIN_CYCLES=10
DEADLINE=50
STOP=/tmp/concurrency.stop

reader() {
	while [ ! -e $STOP ]; do
		for f in $DBG/kmalloc_demo/* $DBG/vmalloc_demo/* $DBG/buddy_probe/*; do
			cat "$f" >/dev/null 2>&1
		done
	done
}

writer() {
	while [ ! -e $STOP ]; do
		{
			echo "alloc $1 2" >$P/pages
			echo "free all" >$P/pages
		} 2>/dev/null || usleep 20000
	done
}

# cycles: each module in and out CYCLES times; fails on the first error.
cycles() {
	i=0
	end=$(($(date +%s) + DEADLINE))
	while [ $i -lt $CYCLES ] && { [ $i -lt $MIN_CYCLES ] || [ "$(date +%s)" -lt $end ]; }; do
		insmod "$KO/kmalloc_demo.ko" sizes=8,8193 iterations=1 &&
			insmod "$KO/vmalloc_demo.ko" sizes=8K iterations=1 &&
			insmod "$KO/buddy_probe.ko" || return 1
		for m in kmalloc_demo vmalloc_demo buddy_probe; do
			rmmod_wait $m || { echo "cycle $((i + 1)): rmmod $m"; return 1; }
		done
		i=$((i + 1))
	done
	echo "$i cycles"
	echo $i >/tmp/cycles
}

# rmmod_wait MODULE: an open file holds the module (rmmod: EAGAIN); the
# readers let go within a few ms.  The kernel no longer waits itself.
rmmod_wait() {
	tries=0
	until rmmod "$1" 2>/dev/null; do
		tries=$((tries + 1))
		[ $tries -lt 1000 ] || { rmmod "$1"; return 1; }
		usleep 5000
	done
}

# pages_back START: free pages within 512 (2 MiB) of START.
pages_back() {
	now=$(free_pages)
	echo "$1 -> $now"
	[ $(($1 - now)) -le 512 ]
}

rm -f $STOP
start=$(free_pages)
dmesg_mark
t0=$(date +%s)
for r in 1 2 3 4; do
	reader &
done
writer 0 &
writer 3 &
echo 0 >/tmp/cycles
check "up to $CYCLES insmod/rmmod cycles of each module (${DEADLINE} s) under 4 readers and 2 writers" cycles
touch $STOP
wait
t=$(($(date +%s) - t0))
for m in kmalloc_demo vmalloc_demo buddy_probe; do
	grep -q "^$m " /proc/modules && rmmod $m
done
cycles=$(cat /tmp/cycles)
check "$cycles cycles of each module in $t s" true
check "no module is left loaded" sh -c "! grep -qE '^(kmalloc_demo|vmalloc_demo|buddy_probe) ' /proc/modules"
check "free pages are back within 512 of $start" \
	retry 5 pages_back "$start"
check "no warning, BUG, oops or lockdep report" dmesg_clean
echo "    # kmemlab-figure insmod_rmmod_cycles=$((3 * cycles))"

# held_open MODULE FILE: FILE stays open across an rmmod attempt.
held_open() {
	insmod "$KO/$1.ko" || return 1
	exec 3<"$DBG/$1/$2"
	if rmmod "$1" 2>/tmp/rmmod.err; then
		exec 3<&-
		echo "rmmod went through with $2 open"
		return 1
	fi
	# delete_module() says EAGAIN (EWOULDBLOCK) while the module is in use.
	grep -q 'temporarily unavailable' /tmp/rmmod.err || cat /tmp/rmmod.err
	head -c 64 <&3 >/dev/null
	status=$?
	exec 3<&-
	rmmod "$1" && grep -q 'temporarily unavailable' /tmp/rmmod.err && [ $status -eq 0 ]
}
dmesg_mark
check "buddy_probe: rmmod with pages open is refused, the reader reads on" held_open buddy_probe pages
check "kmalloc_demo: rmmod with report open is refused, the reader reads on" held_open kmalloc_demo report
check "vmalloc_demo: rmmod with pfns open is refused, the reader reads on" held_open vmalloc_demo pfns
check "no warning, BUG or oops" dmesg_clean
