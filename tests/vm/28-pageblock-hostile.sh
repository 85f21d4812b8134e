# SPDX-License-Identifier: GPL-2.0
# Hostile reads of buddy_probe/pageblock_map: a byte at a time, from
# seeked offsets, past the end, stopped early, from two processes sharing
# one open file, and from four readers at once while memory is allocated
# and freed (the pages file, and a file filling tmpfs).  Every read gets
# the map's rows, none hangs (each has a time limit) and the kernel
# reports no lockup, stall or warning.  The longest zone->lock hold the
# map's reads took is a figure; the 4g profile runs this test on a 4 GiB
# machine.

P=$DBG/buddy_probe
MAP=$P/pageblock_map
STOP=/tmp/hostile-map.stop
LIMIT=300

# blocks FILE: the pfn, node and zone of each row of a read of the map:
# what stays put while the free counts move.
blocks() {
	awk 'NR > 1 { print $1, $2, $3 }' "$1"
}

same_blocks() {
	blocks "$1" >/tmp/hm.want
	blocks "$2" >/tmp/hm.got
	[ -s /tmp/hm.want ] && cmp /tmp/hm.want /tmp/hm.got
}

# row_at K: row K (from 1) read alone, through a seek to its offset.
row_at() {
	dd if="$MAP" bs=4096 iflag=skip_bytes,count_bytes skip=$((hlen + ($1 - 1) * rlen)) \
		count="$rlen" 2>/dev/null >/tmp/hm.row
	want=$(sed -n "$(($1 + 1))p" /tmp/hm.full | awk '{ print $1, $2, $3 }')
	got=$(awk '{ print $1, $2, $3 }' /tmp/hm.row)
	if [ "$(wc -c </tmp/hm.row)" -ne "$rlen" ] || [ "$got" != "$want" ]; then
		echo "row $1: '$got', wanted '$want'"
		return 1
	fi
}

# same_length: every row of the whole read is rlen bytes, newline included.
same_length() {
	awk -v r="$rlen" 'NR > 1 && length($0) + 1 != r { print; bad = 1 } END { exit bad }' /tmp/hm.full
}

# shared_fd: two cats read one open file in turns; together they read
# the whole map, once.
shared_fd() {
	exec 3<"$MAP"
	timeout $LIMIT cat <&3 >/tmp/hm.s1 &
	timeout $LIMIT cat <&3 >/tmp/hm.s2
	wait
	exec 3<&-
	[ $(($(wc -c </tmp/hm.s1) + $(wc -c </tmp/hm.s2))) -eq "$(wc -c </tmp/hm.full)" ]
}

# reader N: reads the map whole until told to stop; counts in
# /tmp/hm.reads.N the reads that got every row.
reader() {
	n=0
	while [ ! -e $STOP ]; do
		timeout $LIMIT cat "$MAP" >"/tmp/hm.r.$1" &&
			[ "$(wc -l <"/tmp/hm.r.$1")" -eq "$lines" ] && n=$((n + 1))
		echo $n >"/tmp/hm.reads.$1"
	done
}

# churn: allocates and frees through pages, and fills and empties tmpfs
# (movable page cache), until told to stop; counts its rounds.
churn() {
	n=0
	while [ ! -e $STOP ]; do
		echo "alloc 0 512" >"$P/pages" 2>/dev/null
		echo "alloc 4 32" >"$P/pages" 2>/dev/null
		dd if=/dev/zero of=/tmp/hm.fill bs=64k count=128 2>/dev/null
		echo "free all" >"$P/pages"
		rm -f /tmp/hm.fill
		n=$((n + 1))
		echo $n >/tmp/hm.churn
	done
}

# stat_of NAME: a value of the stats file.
stat_of() {
	awk -v k="$1" '$1 == k { print $2 }' "$P/stats"
}

# lockups: the kernel's lockup and stall detectors said nothing.
lockups() {
	! dmesg | grep -iE 'soft lockup|hard lockup|rcu.*stall|hung task|blocked for more than'
}

insmod "$KO/buddy_probe.ko"
dmesg_mark
t0=$(cut -d' ' -f1 /proc/uptime)
check "a whole read of the map, in time" sh -c "timeout $LIMIT cat $MAP >/tmp/hm.full"
t1=$(cut -d' ' -f1 /proc/uptime)
lines=$(wc -l </tmp/hm.full)
rows=$((lines - 1))
hlen=$(head -n 1 /tmp/hm.full | wc -c)
rlen=$(sed -n 2p /tmp/hm.full | wc -c)
echo "    # pageblock_map: $rows rows, read whole in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') s"
check "every row is as long as the first ($rlen bytes), so offsets are rows" same_length
check "read a byte at a time, the map has the same blocks" \
	sh -c "timeout $LIMIT dd if=$MAP bs=1 2>/dev/null >/tmp/hm.bytes"
check "... the same blocks as a whole read" same_blocks /tmp/hm.full /tmp/hm.bytes
check "read in 7-byte pieces, the same blocks" \
	sh -c "timeout $LIMIT dd if=$MAP bs=7 2>/dev/null >/tmp/hm.seven"
check "... the same blocks as a whole read" same_blocks /tmp/hm.full /tmp/hm.seven
for k in 1 $(((rows + 1) / 2)) "$rows"; do
	check "a seek to row $k of $rows reads that row" row_at "$k"
done
check "a seek past the end reads nothing" \
	test "$(dd if="$MAP" bs=4096 iflag=skip_bytes skip=$((hlen + rows * rlen + 4096)) 2>/dev/null | wc -c)" -eq 0
check "a read that stops after 100 bytes" test "$(head -c 100 "$MAP" | wc -c)" -eq 100
check "two processes sharing one open file read the map once between them" shared_fd

rm -f $STOP /tmp/hm.reads.* /tmp/hm.churn
holds=$(stat_of pageblock_map_lock_holds)
for i in 1 2 3 4; do
	reader $i &
	renice -n 10 -p $! >/dev/null
done
churn &
# Until every reader got three whole maps, or the time limit.
deadline=$(($(cut -d. -f1 /proc/uptime) + LIMIT))
while [ "$(cut -d. -f1 /proc/uptime)" -lt $deadline ]; do
	done_readers=0
	for i in 1 2 3 4; do
		n=$(cat /tmp/hm.reads.$i 2>/dev/null)
		[ "${n:-0}" -ge 3 ] && done_readers=$((done_readers + 1))
	done
	n=$(cat /tmp/hm.churn 2>/dev/null)
	[ $done_readers -eq 4 ] && [ "${n:-0}" -ge 1 ] && break
	sleep 1
done
check "a byte at a time while four readers read and memory churns" \
	sh -c "timeout $LIMIT dd if=$MAP bs=1 2>/dev/null >/tmp/hm.busy"
touch $STOP
wait
check "... the same blocks as a whole read" same_blocks /tmp/hm.full /tmp/hm.busy
for i in 1 2 3 4; do
	check "reader $i got whole maps while memory churned ($(cat /tmp/hm.reads.$i) reads)" \
		test "$(cat /tmp/hm.reads.$i)" -ge 3
done
check "memory churned meanwhile ($(cat /tmp/hm.churn 2>/dev/null) rounds)" test -s /tmp/hm.churn
check "nothing is held after the churn" test "$(wc -l <"$P/pages")" -eq 1
check "every row read took one zone->lock hold" \
	test $(($(stat_of pageblock_map_lock_holds) - holds)) -ge $((4 * 3 * rows))
max_ns=$(stat_of pageblock_map_max_lock_hold_ns)
echo "    # pageblock_map: $(stat_of pageblock_map_lock_holds) zone->lock holds," \
	"$(($(stat_of pageblock_map_lock_hold_ns) / $(stat_of pageblock_map_lock_holds))) ns on average," \
	"the longest $max_ns ns"
check "no lockup, stall or hung task reported" lockups
rmmod buddy_probe
check "no warning, BUG or oops" dmesg_clean
echo "    # kmemlab-figure pageblock_map_lock_hold_ns_max=$max_ns"
