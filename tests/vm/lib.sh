# SPDX-License-Identifier: GPL-2.0
# KTAP helpers for the guest-side tests (busybox sh).  A test file is
# sourced in a subshell by tests/vm/run; each check prints one KTAP line.

# shellcheck disable=SC2034 # for the test files
KO=/lib/kmemlab
# shellcheck disable=SC2034
DBG=/sys/kernel/debug
T_N=0
T_FAIL=0

ok() {
	T_N=$((T_N + 1))
	echo "    ok $T_N - $*"
}

# not_ok DESCRIPTION [DIAGNOSTIC...]: each diagnostic line is printed as a
# KTAP comment under the result.
not_ok() {
	T_N=$((T_N + 1))
	T_FAIL=$((T_FAIL + 1))
	echo "    not ok $T_N - $1"
	shift
	for line in "$@"; do
		printf '%s\n' "$line" | sed 's/^/    # /'
	done
}

# skip DESCRIPTION: a check this kernel cannot run (KTAP "# SKIP", which
# the host counts apart, never as a pass).
skip() {
	T_N=$((T_N + 1))
	echo "    ok $T_N - $* # SKIP"
}

# check DESCRIPTION COMMAND...: ok when COMMAND succeeds; its output is
# shown only on failure.
check() {
	desc=$1
	shift
	if out=$("$@" 2>&1); then
		ok "$desc"
	else
		not_ok "$desc" "$out"
	fi
}

# check_fails DESCRIPTION COMMAND...: ok when COMMAND fails.
check_fails() {
	desc=$1
	shift
	if out=$("$@" 2>&1); then
		not_ok "$desc" "unexpectedly succeeded: $out"
	else
		ok "$desc"
	fi
}

# exits STATUS COMMAND...: COMMAND exits with STATUS (for use with check:
# a usage error is 2, a "no" 1).
exits() {
	want=$1
	shift
	"$@"
	got=$?
	[ "$got" -eq "$want" ] || { echo "exit status $got, wanted $want"; return 1; }
}

# The kernel log since the last dmesg_mark.
dmesg_mark() {
	dmesg -c >/dev/null
}

# Fails, printing them, if the kernel logged a warning, a BUG or an oops.
dmesg_clean() {
	dmesg | dmesg_problems
}

# dmesg_clean_but PATTERN: dmesg_clean, but the lines that match PATTERN
# (a one-line warning) are no problem.
dmesg_clean_but() {
	dmesg | grep -v -e "$1" | dmesg_problems
}

# dmesg_problems: fails, printing them, on the lines of stdin that
# report a kernel problem.
dmesg_problems() {
	! grep -E 'WARNING:|BUG[: ]|Oops|Call Trace|kmemleak|KASAN|UBSAN'
}

# kmalloc_prefix: the name of the normal kmalloc caches before their
# size, as kmalloc_demo writes it.  With CONFIG_RANDOM_KMALLOC_CACHES
# (6.6; KMALLOC_PARTITION_CACHES in 7.2) kmalloc picks one of 16 copies
# by its caller's address, and nothing exported says which: kmalloc_demo
# writes "??" for the copy.
kmalloc_prefix() {
	for kind in rnd part; do
		if grep -q "^kmalloc-$kind-01-32 " /proc/slabinfo; then
			echo "kmalloc-$kind-??-"
			return
		fi
	done
	echo kmalloc-
}

# read_pair A B: reads A then B in one cat process, so that nothing
# allocates between the two reads, into /tmp/pair.a and /tmp/pair.b.  A
# separator file tells the halves apart.
read_pair() {
	printf -- '--kmemlab-separator--\n' >/tmp/sep
	cat "$1" /tmp/sep "$2" >/tmp/pair || return 1
	: >/tmp/pair.a
	: >/tmp/pair.b
	awk '/^--kmemlab-separator--$/ { out = "/tmp/pair.b"; next }
		{ print >out }' out=/tmp/pair.a /tmp/pair
}

# same_read A B: A and B read back to back are the same; on a difference
# prints a diff.
same_read() {
	read_pair "$1" "$2" || return 1
	diff -U0 -L "$1" -L "$2" /tmp/pair.a /tmp/pair.b
}

# same_buddyinfo A B: same_read for buddyinfo-format files, which says
# what differs in their terms: tools/buddyinfo-diff prints each differing
# node/zone/order cell with both values.  Then byte for byte, for the
# layout.
same_buddyinfo() {
	read_pair "$1" "$2" || return 1
	buddyinfo-diff /tmp/pair.a /tmp/pair.b &&
		diff -U0 -L "$1" -L "$2" /tmp/pair.a /tmp/pair.b
}

# read_all OUT FILE...: reads the FILEs in one process into OUT, each
# after a line "--kmemlab-file FILE--" (a FILE given twice shows twice), so
# that files which must agree are read with nothing in between; awk tells
# them apart by counting those lines.  kmemlab-readall takes no page
# between two reads, which cat does (see tests/vm/bin/kmemlab-readall.c):
# for counts that a page moves, the per-cpu lists' above all.
read_all() {
	ra_out=$1
	shift
	kmemlab-readall "$@" >"$ra_out"
}

# artifact NAME FILE: hands FILE to the host, where the checks in
# tests/vm/host/ find it as artifacts/NAME (see vm_artifacts).
artifact() {
	/guest/artifact "$@"
}

# retry N COMMAND...: runs COMMAND up to N times until it succeeds; the
# output of the last attempt is printed.
retry() {
	tries=$1
	shift
	while :; do
		if out=$("$@" 2>&1); then
			return 0
		fi
		tries=$((tries - 1))
		if [ "$tries" -le 0 ]; then
			printf '%s\n' "$out"
			return 1
		fi
	done
}

# kpageflag PFN BIT: succeeds if /proc/kpageflags sets BIT for PFN (the
# bits are in include/uapi/linux/kernel-page-flags.h).
kpageflag() {
	kpf=0x$(dd if=/proc/kpageflags bs=8 skip="$1" count=1 2>/dev/null |
		od -An -tx8 | tr -d ' ')
	[ "$kpf" != 0x ] && [ $(((kpf >> $2) & 1)) -eq 1 ]
}

# kpageflags_of FILE: "pfn flags" (flags in hex, no 0x) for each decimal
# pfn in FILE, a line each in pfn order, from one read of the stretch of
# /proc/kpageflags they span: for hundreds of pfns, three processes in
# all rather than three a pfn.
kpageflags_of() {
	sort -n "$1" >/tmp/kpf.want
	lo=$(head -n 1 /tmp/kpf.want)
	hi=$(tail -n 1 /tmp/kpf.want)
	[ -n "$lo" ] || return 0
	dd if=/proc/kpageflags iflag=skip_bytes,count_bytes bs=65536 \
		skip=$((lo * 8)) count=$(((hi - lo + 1) * 8)) 2>/dev/null |
		od -An -v -tx8 | tr -s ' ' '\n' | grep . |
		awk -v lo="$lo" 'NR == FNR { want[$1] = 1; next }
			want[FNR - 1 + lo] { print FNR - 1 + lo, $1 }' /tmp/kpf.want -
}

# refused ERROR PATTERN KO [ARGS...]: insmod KO fails with ERROR (busybox
# prints strerror, e.g. "Invalid argument"), and the module's one message
# matches PATTERN.  busybox insmod tries finit_module(), then
# init_module(), so the module's init runs, and logs, twice: the same line.
refused() {
	want=$1
	pat=$2
	shift 2
	dmesg_mark
	if out=$(insmod "$@" 2>&1); then
		rmmod "$(basename "$1" .ko)"
		echo "insmod $*: succeeded"
		return 1
	fi
	case $out in
	*"$want"*) ;;
	*) echo "insmod $*: $out"; return 1 ;;
	esac
	msgs=$(dmesg | sed 's/^\[[^]]*\] //' | grep -v 'taints kernel\|verification failed' |
		sort -u)
	if [ "$(printf '%s\n' "$msgs" | grep -c .)" -ne 1 ] ||
		! printf '%s\n' "$msgs" | grep -q -- "$pat"; then
		echo "dmesg, expecting one line like '$pat':"
		printf '%s\n' "$msgs"
		return 1
	fi
}

# cols FILE NAME...: the named columns of every row of FILE, by its header.
cols() {
	file=$1
	shift
	awk -v names="$*" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		{ n = split(names, want, " "); line = ""
		  for (i = 1; i <= n; i++) line = line (i > 1 ? " " : "") $(c[want[i]])
		  print line }' "$file"
}

# %px prints a raw pointer as 16 hex digits, no 0x: on x86-64 a kernel
# address starts ff (0xffff8... with 4-level page tables, 0xff1... with
# 5).  %p prints a 32-bit hash the same way: 8 zeros first.
RAW_ADDR='^ff[0-9a-f]{14}$'
HASHED_ADDR='^0{8}[0-9a-f]{8}$'

# cols_match ERE FILE NAME...: FILE has rows, and the named columns of
# every row match ERE; prints the rows that do not.
cols_match() {
	re=$1
	shift
	cols "$@" | awk -v re="$re" '{ ok = 1; for (i = 1; i <= NF; i++) if ($i !~ re) ok = 0 }
		!ok { print; bad = 1 }
		END { exit bad || !NR }'
}

# has TEXT PART: TEXT contains PART; prints TEXT if not.
has() {
	case $1 in
	*"$2"*) ;;
	*) printf '%s\n' "$1"; return 1 ;;
	esac
}

# shrink_slabs: every slab cache gives back its empty slabs and, under
# KASAN, the freed objects its quarantine still holds (up to 1/32 of
# memory), so that slab memory freed a moment ago counts as free.
shrink_slabs() {
	for f in /sys/kernel/slab/*/shrink; do
		echo 1 >"$f"
	done 2>/dev/null
}

# free_pages: after shrink_slabs, the free pages /proc/buddyinfo counts,
# over all zones, plus those parked on the per-cpu lists (/proc/zoneinfo's
# "count:"), which free_area does not count: a refill or drain of those
# lists moves hundreds of pages, and is not a leak.
free_pages() {
	shrink_slabs
	awk 'FILENAME == "/proc/buddyinfo" {
			p = 1; for (i = 5; i <= NF; i++) { t += $i * p; p *= 2 } }
		FILENAME == "/proc/zoneinfo" && $1 == "count:" { t += $2 }
		END { print t }' /proc/buddyinfo /proc/zoneinfo
}

# summary_check DESC COMMAND...: ok, with the last line COMMAND prints (its
# summary), when COMMAND succeeds; otherwise not ok, with its first 40
# lines that do not start with "ok ".  The output stays in /tmp/summary.
summary_check() {
	desc=$1
	shift
	if "$@" >/tmp/summary 2>&1; then
		ok "$desc: $(tail -n 1 /tmp/summary)"
	else
		not_ok "$desc" "$(grep -v '^ok ' /tmp/summary | head -n 40)"
	fi
}

# fuzz_check DESC KMEMLAB-FUZZ-ARGS...: summary_check of one kmemlab-fuzz
# run; adds the inputs it sent (its "sent=" count) to SENT.
SENT=0
fuzz_check() {
	desc=$1
	shift
	summary_check "$desc" kmemlab-fuzz "$@"
	sent=$(sed -n 's/^sent=\([0-9]*\) .*/\1/p' /tmp/summary)
	SENT=$((SENT + ${sent:-0}))
}

# faults_on / faults_off (debug kernel): let failslab and fail_page_alloc
# fail GFP_KERNEL, order-0 and __GFP_HIGHMEM requests too, which they
# ignore by default, with a stack trace for each fault (verbose=2); and
# back.  The kernel reports the allocations it had to fail (warn_alloc(),
# with a stack trace, at KERN_WARNING), and so does fault injection
# itself: they are kept off the console, which the host checks for
# traces.  A real warning still panics (panic_on_warn), and BUGs and
# KASAN reports (KERN_ERR and up) still reach the console.
faults_on() {
	FAULTS_PRINTK=$(cut -f1 /proc/sys/kernel/printk)
	echo 4 >/proc/sys/kernel/printk
	for f in "$DBG/failslab" "$DBG/fail_page_alloc"; do
		echo N >"$f/ignore-gfp-wait"
		echo 2 >"$f/verbose"
	done
	echo N >"$DBG/fail_page_alloc/ignore-gfp-highmem"
	echo 0 >"$DBG/fail_page_alloc/min-order"
}

faults_off() {
	for f in "$DBG/failslab" "$DBG/fail_page_alloc"; do
		echo Y >"$f/ignore-gfp-wait"
	done
	echo Y >"$DBG/fail_page_alloc/ignore-gfp-highmem"
	echo 1 >"$DBG/fail_page_alloc/min-order"
	echo "$FAULTS_PRINTK" >/proc/sys/kernel/printk
}
