# SPDX-License-Identifier: GPL-2.0
# fraglab, run for real.  Its -x hook reads, at each step, what the test
# checks fraglab's claims against: /proc/buddyinfo and /proc/vmstat, and
# the child's /proc/PID/pagemap and /proc/PID/mem.  From those copies the
# test works out, itself: the unusable free space index at order 9 of all
# zones together (mm/vmstat.c's unusable_free_index() on the sums), which
# fragmenting must raise and compaction lower; pgmigrate_success, which
# compaction must make grow; how many of the child's pages changed frame
# (some must); and a checksum of 8 spans of its region, which must hold
# moved pages and not change.
# Then the other patterns, and a node's compact file, on small shares.

FL=/tmp/fraglab
rm -rf "$FL"
mkdir -p "$FL/saved"

# The hook: it reads the pagemap before the memory, for reading the
# memory maps the zero page where the child freed pages.  Of the memory
# it reads 8 spans of up to 4 MiB, spread over the region, into one md5
# (their first pages in $d/spans): the whole region, some 300 MB through
# a pipe, took 14 s a step under TCG.
cat >"$FL/hook" <<'HOOK'
d=/tmp/fraglab
s=$FRAGLAB_STEP
cat /proc/buddyinfo >"$d/buddyinfo.$s"
cat /proc/vmstat >"$d/vmstat.$s"
[ -n "${FRAGLAB_CHILD:-}" ] || exit 0
echo "$FRAGLAB_CHILD $FRAGLAB_ADDR $FRAGLAB_PAGES" >"$d/child"
dd if="/proc/$FRAGLAB_CHILD/pagemap" iflag=skip_bytes,count_bytes bs=65536 \
	skip=$((FRAGLAB_ADDR / 4096 * 8)) count=$((FRAGLAB_PAGES * 8)) 2>/dev/null |
	od -An -v -tx8 | tr -s ' ' '\n' | grep . >"$d/pagemap.$s"
span=$((FRAGLAB_PAGES / 8))
[ "$span" -le 1024 ] || span=1024
: >"$d/spans"
for i in 0 1 2 3 4 5 6 7; do
	first=$((FRAGLAB_PAGES * i / 8))
	echo "$first $span" >>"$d/spans"
	dd if="/proc/$FRAGLAB_CHILD/mem" iflag=skip_bytes,count_bytes bs=65536 \
		skip=$((FRAGLAB_ADDR + first * 4096)) count=$((span * 4096)) 2>/dev/null
done | md5sum | cut -d' ' -f1 >"$d/md5.$s"
HOOK

# unusable9 FILE: the index at order 9 of all zones of a buddyinfo copy
# together, in thousandths: the free pages that lie in blocks of order < 9,
# over all free pages (1000 when nothing is free, as the kernel has it).
unusable9() {
	awk '$1 == "Node" { p = 1
			for (i = 5; i <= NF; i++) {
				free += $i * p
				if (i - 5 >= 9) big += $i * p
				p *= 2
			} }
		END { print free ? int((free - big) * 1000 / free) : 1000 }' "$1"
}

# vm FILE NAME: a counter of a /proc/vmstat copy.
vm() {
	awk -v n="$2" '$1 == n { print $2 }' "$1"
}

# kv NAME: a value of fraglab's -k output.
kv() {
	sed -n "s/^$1=//p" "$FL/out"
}

# thousandths X.YYY: as an integer (fraglab prints 0.250 for 250).  As
# one number: busybox awk reads the "025" of 0.025 alone as octal.
thousandths() {
	echo "$1" | awk '{ printf "%d\n", $1 * 1000 + ($1 < 0 ? -0.5 : 0.5) }'
}

# moved [SPANS]: pages present at both steps whose frame (the low 52
# bits of the pagemap entry, 13 hex digits) changed; present: bit 63.
# With SPANS (the hook's "FIRST COUNT" lines), only those in the spans.
moved() {
	awk 'function present(e) { return substr(e, 1, 1) ~ /[89a-f]/ }
		FILENAME ~ /spans$/ { for (p = $1; p < $1 + $2; p++) in_span[p + 1] = 1
			spans = 1; next }
		FILENAME ~ /fragmented$/ { before[FNR] = $1; next }
		(!spans || FNR in in_span) && present(before[FNR]) && present($1) &&
			substr(before[FNR], 4) != substr($1, 4) { n++ }
		END { print n + 0 }' "$@" "$FL/pagemap.fragmented" "$FL/pagemap.compacted"
}

present() {
	grep -c '^[89a-f]' "$1"
}

# kept FILE: whether a pagemap copy holds exactly the pages the child
# kept: present, or swapped (bit 62) when it was read, which in a VM
# without swap can only be a page being migrated (kcompactd may run
# while the hook reads).  On 7.3 with two nodes, present alone once fell
# short of the kept count.
kept() {
	p=$(present "$1")
	m=$(grep -c '^[4-7]' "$1")
	[ $((p + m)) -eq "$(kv child.kept)" ] && return 0
	echo "$p present, $m migrating, $(kv child.kept) kept"
	return 1
}

# lab ARGS...: runs fraglab -k ARGS..., its output in $FL/out and its
# errors in $FL/err; then ran STATUS says how it went.
lab() {
	fraglab -k "$@" >"$FL/out" 2>"$FL/err"
	status=$?
}

ran() {
	[ "$status" -eq "$1" ] || { echo "exit status $status"; tail -n 20 "$FL/err"; return 1; }
}

# The log from here on: the debug kernel's boot lines (kmemleak's) are not ours.
dmesg_mark
insmod "$KO/buddy_probe.ko"
before=$(free_pages)
# 70%: the child's region then reaches low in the zone, where compaction's
# migrate scanner starts; a region all near the zone's end would have its
# holes filled from below, and keep its pages.  That still happens at
# times: on 6.1's 512 MiB VM a first compaction after boot moved none of
# the child's pages, the next ones thousands; on 7.2's, one moved 195
# while 9578 more single pages lay free than before, and the index rose.
# (The per-cpu lists can do that: on 6.12 they held 13155 free
# pages, frames compaction had emptied among them, unmerged; fraglab now
# settles them before each reading.)  So the lab runs again while none
# moved in the spans the hook reads, or the index did not fall, 3 times
# at most.  With more nodes the share is 70% over their number: the
# child fills its own node first, and on 6.1 with two nodes this test
# took 254 s under TCG at 70% (two runs), 65 s at 35%.
nodes=$(find /sys/devices/system/node -maxdepth 1 -name "node[0-9]*" | wc -l)
share=$((70 / nodes))
tries=0
while [ "$tries" -lt 3 ]; do
	tries=$((tries + 1))
	lab -s "$share" -o "$FL/saved" -x "sh $FL/hook"
	[ "$status" -eq 0 ] || break
	if [ "$(moved "$FL/spans")" -gt 0 ] && [ "$(unusable9 "$FL/buddyinfo.compacted")" -lt \
		"$(unusable9 "$FL/buddyinfo.fragmented")" ]; then
		break
	fi
done
check "fraglab -s $share runs to the end (exit 0, run $tries of 3 at most)" ran 0
after=$(free_pages)
rmmod buddy_probe

check "the order-9 index is defined: the kernel has 10 orders or more" \
	test "$(awk '$1 == "Node" { print NF - 4; exit }' /proc/buddyinfo)" -ge 10
u0=$(unusable9 "$FL/buddyinfo.baseline")
u1=$(unusable9 "$FL/buddyinfo.fragmented")
u2=$(unusable9 "$FL/buddyinfo.compacted")
check "fragmenting raised the unusable index at order 9 ($u0 -> $u1 thousandths, from /proc/buddyinfo)" \
	test "$u1" -gt "$u0"
check "compaction lowered it again ($u1 -> $u2)" \
	sh -c "[ $u2 -lt $u1 ] || { cat $FL/buddyinfo.fragmented $FL/buddyinfo.compacted; grep -E 'compact|migrate|pcp|refresh' $FL/out; false; }"
m1=$(vm "$FL/vmstat.fragmented" pgmigrate_success)
m2=$(vm "$FL/vmstat.compacted" pgmigrate_success)
# Without CONFIG_VM_EVENT_COUNTERS (the debug lane's kernel) /proc/vmstat
# has no event counters: the pagemap below still shows the moves.
events=
[ -n "$m1" ] || events=" # SKIP no pgmigrate_success in /proc/vmstat (CONFIG_VM_EVENT_COUNTERS off)"
if [ -n "$events" ]; then
	ok "compaction made pgmigrate_success grow$events"
else
	check "compaction made pgmigrate_success grow ($m1 -> $m2, /proc/vmstat)" test "$m2" -gt "$m1"
fi
n=$(moved)
check "some of the child's pages changed frame ($n, in /proc/PID/pagemap)" \
	sh -c "[ $n -gt 0 ] || { grep -E '^compacted\.(compact|pgmigrate).*delta' $FL/out; false; }"
n=$(moved "$FL/spans")
check "the 8 spans of the region the test read hold moved pages ($n)" test "$n" -gt 0
check "and read the same after the compaction (md5 of /proc/PID/mem)" \
	cmp "$FL/md5.fragmented" "$FL/md5.compacted"

# The three steps go to the host, where tests/vm/host/fraglab.sh draws them.
for s in baseline fragmented compacted; do
	artifact "fraglab.$s" "$FL/buddyinfo.$s"
done

# fraglab's own figures, against the copies of what it read (-o) and
# against the test's readings.
# same_index STEP: fraglab's index at order 9 for STEP, and the test's
# from the copy of what fraglab read.
same_index() {
	a=$(thousandths "$(kv "$1.unusable.9")")
	b=$(unusable9 "$FL/saved/buddyinfo.$1")
	[ "$a" = "$b" ] && return 0
	echo "fraglab $a, test $b, from:"
	cat "$FL/saved/buddyinfo.$1"
	grep "^$1\.blocks\." "$FL/out" | tr '\n' ' '
	return 1
}

for s in baseline fragmented compacted; do
	check "fraglab's $s unusable index at order 9 is the test's from the buddyinfo it read" \
		same_index "$s"
done

# same_pcp STEP: fraglab's count of the pages on the per-cpu lists once
# it settled them is the sum of the "count:" lines of the zoneinfo it
# read last (-o saved its bytes).
same_pcp() {
	want=$(awk '$1 == "count:" { n += $2 } END { print n + 0 }' "$FL/saved/zoneinfo.$1")
	[ "$(kv "$1.pcp_pages")" = "$want" ] && return 0
	echo "fraglab: $(kv "$1.pcp_pages"); zoneinfo: $want"
	return 1
}

for s in baseline fragmented compacted; do
	check "fraglab's $s per-cpu pages ($(kv "$s.pcp_pages_before") before settling, $(kv "$s.pcp_pages") after $(kv "$s.stat_refreshes") refreshes) are the zoneinfo's it read" \
		same_pcp "$s"
done
if [ -n "$events" ]; then
	ok "fraglab's pgmigrate_success delta is the kernel's over the compaction$events"
else
	check "fraglab's pgmigrate_success delta is the kernel's over the compaction" \
		test "$(kv compacted.pgmigrate_success.delta)" -eq \
		$(($(vm "$FL/saved/vmstat.compacted" pgmigrate_success) - $(vm "$FL/saved/vmstat.fragmented" pgmigrate_success)))
fi
read -r pid _ pages <"$FL/child"
check "the child freed every other page: it keeps half of its $pages" \
	test "$(kv child.kept)" -eq $(((pages + 1) / 2))
check "and the pagemap shows exactly the kept pages present after the fragmenting" \
	kept "$FL/pagemap.fragmented"
check "fraglab saw pages move too ($(kv proof.moved))" test "$(kv proof.moved)" -gt 0
check "fraglab's checksums match: every kept page intact" \
	test "$(kv proof.intact)" -eq "$(kv child.kept)"
check "with buddy_probe loaded, fraglab read its index files" \
	test "$(kv baseline.index_source)" = /sys/kernel/debug/buddy_probe
check "the child is gone" test ! -e "/proc/$pid"
check "its memory is back: free pages $before -> $after, within 2048" \
	test $((before - after)) -le 2048

# The other patterns, without buddy_probe: the kernel's extfrag/ files.
# three-of-four keeps pages 0, 4, 8...; compaction through node 0's file.
rm -f "$FL"/pagemap.* "$FL/child"
lab -p three-of-four -c 0 -s 10 -x "sh $FL/hook"
check "fraglab -p three-of-four -c 0 -s 10 runs to the end" ran 0
read -r pid _ pages <"$FL/child"
check "three-of-four keeps one page in four of $pages" \
	test "$(kv child.kept)" -eq $(((pages + 3) / 4))
check "and the pagemap shows those present" \
	kept "$FL/pagemap.fragmented"
check "every kept page intact" test "$(kv proof.intact)" -eq "$(kv child.kept)"
check "without buddy_probe, fraglab read the kernel's extfrag/" \
	test "$(kv baseline.index_source)" = /sys/kernel/debug/extfrag
# random: about half (which pages, for a seed, is KUnit's to check).
lab -p random -S 7 -s 5
check "fraglab -p random -S 7 -s 5 runs to the end" ran 0
k=$(kv child.kept)
p=$(kv child.pages)
check "random keeps about half ($k of $p)" \
	test "$k" -gt $((p * 2 / 5)) -a "$k" -lt $((p * 3 / 5))
check "no fraglab process is left" sh -c '! pidof fraglab'
check "no warning, BUG or oops" dmesg_clean
