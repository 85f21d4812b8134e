# SPDX-License-Identifier: GPL-2.0
# Helpers for the tests of the demos' map/N files and kmemmap (busybox
# sh), sourced after lib.sh.  A map/N file is a title line, a header,
# then per page "page pfn holds alloc hpage hpfn stamp sum".

# shellcheck disable=SC2034 # for the test files
KPF_BUDDY=10
# shellcheck disable=SC2034
KPF_MMAP=11

# kernel_pattern MAP INDEX: every page of MAP holds the module's pattern
# with its own index, page number and the frame the module finds behind
# it now, stamp 0, sum intact.
kernel_pattern() {
	awk -v i="$2" 'NR <= 2 { next }
		$1 != NR - 3 || $3 != "kernel" || $4 != i || $5 != $1 ||
		$6 != $2 || $7 != 0 || $8 != "ok" { print FILENAME ": " $0; bad = 1 }
		END { exit bad || NR < 3 }' "$1"
}

# user_pattern MAP INDEX PID: every page of MAP now holds the pattern
# process PID wrote, with the frame it found through pagemap, which is
# the frame the module finds; sum intact.
user_pattern() {
	awk -v i="$2" -v pid="$3" 'NR <= 2 { next }
		$3 != "user" || $4 != i || $5 != $1 || $6 != $2 || $7 != pid ||
		$8 != "ok" { print FILENAME ": " $0; bad = 1 }
		END { exit bad || NR < 3 }' "$1"
}

# map_pfns MAP: the pfn column of MAP's pages, one a line.
map_pfns() {
	awk 'NR > 2 { print $2 }' "$1"
}

# mapped_ok OUT WANT: kmemmap's output OUT has one row per line of WANT
# (the frames expected, one a line, from the module's report or pfns
# file), and in each the frame pagemap found is that one and the one
# map/N shows, the module's pattern was read back and the module reads
# kmemmap's; the summary says every page matched, and PROT_EXEC by
# mprotect() was refused.
mapped_ok() {
	awk 'FILENAME != out { want[++n] = $1; next }
		$1 == "page" && $2 == "uvirt" { rows = 1; next }
		/^[0-9]+ page\(s\): / { rows = 0; sum = $0; next }
		rows && $1 ~ /^[0-9]+$/ { got++
			if ($3 != want[got] || $4 != $3 || $5 != "yes" ||
			    $6 != "kernel" || $7 != "ours") { print; bad = 1 } }
		END { if (got != n) print got " rows, wanted " n
		      if (sum !~ "^" n " page\\(s\\): " n " matched") { print sum; bad = 1 }
		      if (sum !~ "mprotect\\(\\): refused$") { print sum; bad = 1 }
		      exit bad || got != n }' out="$1" "$2" "$1"
}

# kmemmap_pid OUT: the pid kmemmap printed in OUT.
kmemmap_pid() {
	sed -n 's/^mapped .* by pid \([0-9]*\);.*/\1/p' "$1"
}

# map_refused MODULE ERRNO-TEXT LOG-TEXT KMEMMAP-ARGS...: kmemmap exits 3
# and prints the errno's text, and MODULE logged one map/ line, with
# LOG-TEXT (a basic regular expression).
map_refused() {
	mod=$1
	want=$2
	log=$3
	shift 3
	dmesg_mark
	kmemmap "$@" >/tmp/map.out 2>/tmp/map.err
	status=$?
	[ $status -eq 3 ] || { echo "exit $status"; cat /tmp/map.out /tmp/map.err; return 1; }
	grep -q "$want" /tmp/map.err || { echo "stderr:"; cat /tmp/map.err; return 1; }
	{ [ "$(dmesg | grep -c "$mod: map/")" -eq 1 ] &&
		dmesg | grep -q "$mod: map/[0-9]*: mmap of .* refused: $log"; } ||
		{ echo "log, wanting one line with '$log':"; dmesg; return 1; }
}

# no_alloc KMEMMAP-ARGS...: kmemmap exits 3: there is no such map/N file.
no_alloc() {
	kmemmap "$@" >/tmp/map.out 2>/tmp/map.err
	status=$?
	{ [ $status -eq 3 ] && grep -q 'No such file or directory' /tmp/map.err; } ||
		{ echo "exit $status"; cat /tmp/map.out /tmp/map.err; return 1; }
}

# frames_flag_list BIT WANT FILE: kpageflags BIT is WANT (0 or 1) for
# each frame in FILE, one pfn a line.  The words are read in one od, from
# the lowest frame to the highest; awk (busybox's has no ^) takes the bit
# from the word's low 32 bits.
frames_flag_list() {
	first=$(sort -n "$3" | head -n 1)
	last=$(sort -n "$3" | tail -n 1)
	od -An -v -tx8 -j $((first * 8)) -N $(((last - first + 1) * 8)) /proc/kpageflags |
		tr -s ' ' '\n' | grep . >/tmp/kpf
	awk -v bit="$1" -v want="$2" -v first="$first" '
		function low32(w,   v, i) {
			w = substr(w, length(w) - 7)
			for (i = 1; i <= length(w); i++)
				v = v * 16 + index("0123456789abcdef", substr(w, i, 1)) - 1
			return v
		}
		NR == FNR { if (!($1 in wanted)) n++; wanted[$1] = 1; next }
		(first + FNR - 1) in wanted { seen++
			p = 1; for (i = 0; i < bit; i++) p *= 2
			if (int(low32($1) / p) % 2 != want) {
				print "pfn " first + FNR - 1 ": kpageflags 0x" $1 ", bit " bit " is not " want
				bad = 1 } }
		END { if (seen != n) print seen " of " n " frames read"
		      exit bad || seen != n }' "$3" /tmp/kpf
}

# frames_flag BIT WANT PFN COUNT: the same for COUNT frames from PFN.
frames_flag() {
	awk -v pfn="$3" -v n="$4" 'BEGIN { for (i = 0; i < n; i++) print pfn + i }' >/tmp/frames
	frames_flag_list "$1" "$2" /tmp/frames
}

# wait_for FILE TEXT: waits up to 60 s for a line with TEXT in FILE.
wait_for() {
	tries=0
	until grep -q "$2" "$1" 2>/dev/null; do
		tries=$((tries + 1))
		[ $tries -le 600 ] || { echo "no '$2' in $1 after 60 s:"; cat "$1"; return 1; }
		usleep 100000
	done
}

# mapped_by PID FILE: PID maps FILE, and has no fd open on it: the
# mapping alone holds the file.
mapped_by() {
	grep -q " $2\$" "/proc/$1/maps" || { echo "not in /proc/$1/maps:"; cat "/proc/$1/maps"; return 1; }
	for fd in /proc/"$1"/fd/*; do
		[ "$(readlink "$fd")" != "$2" ] || { echo "$fd is open on $2"; return 1; }
	done
}

# hold MODULE KIND INDEX PAGES: starts kmemmap --hold KIND INDEX (its pid
# in $holder, its output in /tmp/hold.out) and checks what holds what:
# its PAGES pages matched, it maps map/INDEX with no fd open on it, so
# that the mapping alone holds the module (refcnt 1), and rmmod is
# refused, saying the module is in use.
hold() {
	kmemmap --hold "$2" "$3" >/tmp/hold.out 2>&1 &
	holder=$!
	check "kmemmap --hold $2 $3 maps it" wait_for /tmp/hold.out '^holding the mapping'
	check "its $4 pages matched" grep -q "^$4 page(s): $4 matched" /tmp/hold.out
	check "the process maps map/$3 with no fd open on it" mapped_by $holder "$DBG/$1/map/$3"
	check "the mapping holds the module: refcnt 1" test "$(cat "/sys/module/$1/refcnt")" -eq 1
	check_fails "rmmod is refused while it is mapped" rmmod "$1"
	check "rmmod says the module is in use" sh -c "rmmod $1 2>&1 | grep -q 'temporarily unavailable'"
	check "the module is still loaded" grep -q "^$1 " /proc/modules
}

# release MODULE: SIGTERM to the holder, which unmaps, says so and exits
# 0; then the module's refcnt is 0.
release() {
	kill -TERM "$holder"
	wait "$holder"
	check "kmemmap unmaps on SIGTERM and exits 0" test $? -eq 0
	check "it says so" grep -q '^unmapped on signal 15' /tmp/hold.out
	check "no mapping left: refcnt 0" test "$(cat "/sys/module/$1/refcnt")" -eq 0
}

# no_write FILE: a write to FILE fails with EINVAL: it takes no commands.
no_write() {
	! out=$(sh -c "echo 1 >$1" 2>&1) && has "$out" "Invalid argument"
}
