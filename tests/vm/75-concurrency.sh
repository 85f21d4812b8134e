# SPDX-License-Identifier: GPL-2.0
# Concurrency: four readers loop over every debugfs file of the three
# modules while one loop inserts and removes each module 50 times and
# two writers alloc and free blocks through buddy_probe's pages file
# (their writes fail, as they should, while buddy_probe is out).  No
# oops, no lockdep report, nothing left loaded or held, and the readers
# and writers did get through their files.  Then a reader holds a file
# open across rmmod: the rmmod is refused (the open file holds the
# module), the reader keeps reading, and once it lets go the rmmod goes
# through.
#
# Each cycle opens every file once itself before its rmmods: since 6.14
# the first open of a debugfs file reads the file's file_operations, in
# the module, before fs/debugfs/file.c's __debugfs_file_get() checks that
# the file is still there, so a first open that races the removal reads
# freed module memory (an oops on 7.2 and 7.3, in any module's debugfs
# files).  Later opens are checked first, and are what the readers race.
#
# The readers and writers run at nice 19.  They still run throughout,
# and an open file still holds off many an rmmod, but the cycle loop is
# not left a seventh of one CPU: under KASAN and TCG that made a cycle
# take some 3 s instead of 0.5 s.

P=$DBG/buddy_probe
CYCLES=50
STOP=/tmp/concurrency.stop

# reader N: reads every file it finds; counts the reads that succeeded
# in /tmp/reads.N.
reader() {
	n=0
	while [ ! -e $STOP ]; do
		for f in "$DBG"/kmalloc_demo/* "$DBG"/vmalloc_demo/* "$DBG"/buddy_probe/*; do
			cat "$f" >/dev/null 2>&1 || continue
			n=$((n + 1))
			echo $n >"/tmp/reads.$1"
		done
	done
}

# writer ORDER: allocs two blocks and frees them; counts the allocs that
# went through in /tmp/allocs.ORDER.
writer() {
	n=0
	while [ ! -e $STOP ]; do
		if { echo "alloc $1 2" >"$P/pages"; } 2>/dev/null; then
			n=$((n + 1))
			echo $n >"/tmp/allocs.$1"
			echo "free all" 2>/dev/null >"$P/pages"
		else
			usleep 20000
		fi
	done
}

# cycles: each module in and out CYCLES times; fails on the first error.
cycles() {
	i=0
	while [ $i -lt $CYCLES ]; do
		insmod "$KO/kmalloc_demo.ko" sizes=8,8193 iterations=1 &&
			insmod "$KO/vmalloc_demo.ko" sizes=8K iterations=1 &&
			insmod "$KO/buddy_probe.ko" || return 1
		for f in "$DBG"/kmalloc_demo/* "$DBG"/vmalloc_demo/* "$DBG"/buddy_probe/*; do
			: <"$f" || { echo "cycle $((i + 1)): cannot open $f"; return 1; }
		done
		readers_wait
		for m in kmalloc_demo vmalloc_demo buddy_probe; do
			rmmod_wait $m || { echo "cycle $((i + 1)): rmmod $m"; return 1; }
		done
		i=$((i + 1))
	done
	echo "$i cycles"
	echo $i >/tmp/cycles
}

# readers_wait: while a reader or writer has not yet got through, hold
# the modules in for up to 1 s a cycle.  At nice 19 on the debug kernel
# one could otherwise find them out at every pass of the 50 cycles.
readers_wait() {
	tries=0
	for f in /tmp/reads.1 /tmp/reads.2 /tmp/reads.3 /tmp/reads.4 \
		/tmp/allocs.0 /tmp/allocs.3; do
		until got_through "$f"; do
			tries=$((tries + 1))
			[ $tries -le 20 ] || return 0
			usleep 50000
		done
	done
}

# got_through FILE: FILE holds a count above 0.
got_through() {
	n=
	{ read -r n <"$1"; } 2>/dev/null
	[ "${n:-0}" -gt 0 ] 2>/dev/null
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

# counted FILE...: each file holds a count above 0.
counted() {
	for f in "$@"; do
		got_through "$f" || { echo "$f: ${n:-nothing}"; return 1; }
		echo "$f: $n"
	done
}

rm -f $STOP /tmp/reads.* /tmp/allocs.*
start=$(free_pages)
dmesg_mark
t0=$(date +%s)
for r in 1 2 3 4; do
	reader $r &
	renice -n 19 -p $! >/dev/null
done
for order in 0 3; do
	writer $order &
	renice -n 19 -p $! >/dev/null
done
echo 0 >/tmp/cycles
check "$CYCLES insmod/rmmod cycles of each module under 4 readers and 2 writers" cycles
touch $STOP
wait
t=$(($(date +%s) - t0))
for m in kmalloc_demo vmalloc_demo buddy_probe; do
	grep -q "^$m " /proc/modules && rmmod $m
done
cycles=$(cat /tmp/cycles)
echo "    # $cycles cycles of each module in $t s"
check "each reader read files while the modules came and went" \
	counted /tmp/reads.1 /tmp/reads.2 /tmp/reads.3 /tmp/reads.4
check "each writer allocated blocks while buddy_probe came and went" \
	counted /tmp/allocs.0 /tmp/allocs.3
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
