# SPDX-License-Identifier: GPL-2.0
# fraglab refuses bad options with exit 2, a message and nothing done (no
# child, memory untouched); and a stop at any step leaves nothing behind:
# SIGINT or SIGTERM to fraglab while its child fragments, while the hook
# of a step runs, during the compaction; SIGKILL, which it cannot catch,
# and after which its child dies with it (PR_SET_PDEATHSIG).  Each time
# the child must be gone and the free memory back where it was.

FL=/tmp/fraglab-stop
rm -rf "$FL"
mkdir -p "$FL"

# refused DESC ARGS...: exit 2, nothing on stdout, a reason on stderr.
refused_args() {
	fraglab "$@" >"$FL/out" 2>"$FL/err"
	st=$?
	[ "$st" -eq 2 ] && [ ! -s "$FL/out" ] && grep -q '^fraglab: ' "$FL/err" && return 0
	echo "exit $st; stdout:"
	cat "$FL/out"
	echo "stderr:"
	cat "$FL/err"
	return 1
}

# back_to PAGES: no fraglab process left, and the free pages within 2048
# of PAGES (the child's region, 10% of free memory or more, is over
# 10000).
back_to() {
	if pidof fraglab; then
		echo "a fraglab process is left"
		return 1
	fi
	now=$(free_pages)
	[ $(($1 - now)) -le 2048 ] || { echo "free pages $1 -> $now"; return 1; }
}

base=$(free_pages)
for args in "-s 0" "-s 81" "-s 100" "-s 1000" "-s abc" "-s -5" "-s 10x" "-s 5.5" \
	"-s" "-p" "-p bogus" "-p Every-other" "-S x" "-S -1" \
	"-S 18446744073709551616" "-c" "-c 99" "-c abc" "-c -1" "-o /nonexistent" \
	"-o /proc/meminfo" "--bogus" "-q" "extra" "-s 10 extra"; do
	# shellcheck disable=SC2086 # the options' words
	check "fraglab $args: refused with exit 2 and a reason" refused_args $args
done
check "nothing was left behind by the refusals" back_to "$base"
check "--help explains the steps, exit 0" \
	sh -c 'fraglab --help | grep -q "compact_memory" && fraglab -h >/dev/null'

# stop_in STEP SIGNAL: the hook of STEP sends SIGNAL to fraglab (its
# parent) and waits to be killed; fraglab must exit 128 + the signal.
stop_in() {
	fraglab -s 10 -x "[ \$FRAGLAB_STEP = $1 ] || exit 0
		echo \${FRAGLAB_CHILD:-none} >$FL/child
		kill -$2 \$PPID
		sleep 30" >"$FL/out" 2>"$FL/err"
	st=$?
	case $2 in
	INT) want=130 ;;
	TERM) want=143 ;;
	esac
	[ "$st" -eq "$want" ] || { echo "exit $st, wanted $want"; cat "$FL/err"; return 1; }
	child=$(cat "$FL/child")
	[ "$child" = none ] || [ ! -e "/proc/$child" ] || { echo "child $child is alive"; return 1; }
}

for s in baseline fragmented compacted; do
	for sig in INT TERM; do
		base=$(free_pages)
		check "SIG$sig in the $s step: fraglab exits 128+$sig, the child is gone" \
			stop_in "$s" "$sig"
		check "and the memory is back" back_to "$base"
	done
done

# While the child writes its region: no hook runs then.
base=$(free_pages)
fraglab -s 60 >/dev/null 2>"$FL/err" &
pid=$!
sleep 1
kill -INT "$pid"
wait "$pid"
st=$?
check "SIGINT while the child writes its region: exit 130 ($st)" test "$st" -eq 130
check "and nothing is left" retry 5 back_to "$base"

# SIGKILL from the hook of the fragmented step: the child dies with fraglab.
base=$(free_pages)
fraglab -s 30 -x "[ \$FRAGLAB_STEP = fragmented ] || exit 0
	echo \$FRAGLAB_CHILD >$FL/child
	kill -KILL \$PPID" >/dev/null 2>&1
st=$?
child=$(cat "$FL/child")
check "SIGKILL: fraglab is killed ($st)" test "$st" -eq 137
check "and its child $child dies with it" retry 20 sh -c "sleep 0.2; test ! -e /proc/$child"
check "and the memory is back" retry 5 back_to "$base"
check "no warning, BUG or oops" dmesg_clean
