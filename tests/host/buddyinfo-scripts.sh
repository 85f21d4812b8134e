#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# buddyinfo-diff, buddywatch and buddy-textfile on hand-written fixtures
# (one node; two nodes with a Movable zone; cells that differ), with the
# host's sh and awk and with busybox's, as in the VM; and their usage
# errors (exit 2 and a message).
#
# The checks are functions called through check(), which shellcheck takes
# for unreachable code.
# shellcheck disable=SC2317
set -uo pipefail
# shellcheck source=tests/host/tap.bash
. "$(dirname "$0")/tap.bash"

S=$KMEMLAB_ROOT/tools
F=$FIXTURES
BB=$(busybox_path)
scratch=$(mktemp -d)
trap 'rm -rf "$BB" "$scratch"' EXIT

# same_output EXPECTED: $OUT is EXPECTED, else shows the difference.
same_output() {
	[ "$OUT" = "$1" ] || { diff <(echo "$1") <(echo "$OUT"); return 1; }
}

# Each check below takes the PATH to run with: the host's or busybox's.

# --- buddyinfo-diff ----------------------------------------------------

diff_equal() {
	PATH=$1 run 0 sh "$S/buddyinfo-diff" "$F/buddyinfo-2node" "$F/buddyinfo-2node" &&
		same_output ""
}

diff_1node() {
	PATH=$1 run 1 sh "$S/buddyinfo-diff" "$F/buddyinfo-1node" "$F/buddyinfo-1node-after" &&
		same_output "\
Node 0, zone   Normal, order  0:  13286 ->  13290 (+4)
Node 0, zone   Normal, order  5:   1859 ->   1795 (-64)"
}

diff_2node() {
	PATH=$1 run 1 sh "$S/buddyinfo-diff" "$F/buddyinfo-2node" "$F/buddyinfo-2node-after" &&
		same_output "\
Node 1, zone    DMA32, order 10:     88 ->     87 (-1)
Node 1, zone  Movable, order  5:      1 ->      0 (-1)
Node 1, zone  Movable, order  6:      0 ->      1 (+1)
Node 1, zone  Movable, order  7:      1 ->      0 (-1)"
}

diff_missing_zone() {
	PATH=$1 run 1 sh "$S/buddyinfo-diff" "$F/buddyinfo-1node" "$F/buddyinfo-2node" &&
		grep -qx "Node 1, zone  Movable, order  0:      - ->      3" <<<"$OUT" &&
		grep -qx "Node 0, zone   Normal, order 10:    163 ->      -" <<<"$OUT"
}

diff_not_buddyinfo() {
	PATH=$1 usage_error sh "$S/buddyinfo-diff" "$F/buddyinfo-1node" "$F/not-buddyinfo"
}

for path in "$PATH" "$BB"; do
	shell=host
	[ "$path" = "$BB" ] && shell=busybox
	check "buddyinfo-diff ($shell): a file equals itself (exit 0, silent)" diff_equal "$path"
	check "buddyinfo-diff ($shell): one node, two cells differ (exit 1)" diff_1node "$path"
	check "buddyinfo-diff ($shell): two nodes, Movable zone (exit 1)" diff_2node "$path"
	check "buddyinfo-diff ($shell): a zone on one side only prints '-'" diff_missing_zone "$path"
	check "buddyinfo-diff ($shell): not buddyinfo is exit 2" diff_not_buddyinfo "$path"
done
check "buddyinfo-diff: no argument is a usage error" usage_error "$S/buddyinfo-diff"
check "buddyinfo-diff: one argument is a usage error" usage_error "$S/buddyinfo-diff" "$F/buddyinfo-1node"
check "buddyinfo-diff: three arguments are a usage error" \
	usage_error "$S/buddyinfo-diff" "$F/buddyinfo-1node" "$F/buddyinfo-1node" "$F/buddyinfo-1node"
check "buddyinfo-diff: a missing file is exit 2" usage_error "$S/buddyinfo-diff" "$F/buddyinfo-1node" "$F/nonexistent"
check "buddyinfo-diff: a directory is exit 2" usage_error "$S/buddyinfo-diff" "$F" "$F/buddyinfo-1node"

# --- buddywatch --------------------------------------------------------

# The first sample is the counts; pages adds up count x 2^order.
watch_once() {
	PATH=$1 run 0 sh "$S/buddywatch" -n 1 "$F/buddyinfo-1node" || return 1
	echo "$OUT"
	[ "$(wc -l <<<"$OUT")" -eq 4 ] &&
		grep -Eq "^time +node zone +0 +1 .* 10 +pages$" <<<"$OUT" &&
		grep -Eq " 0 DMA( +0){8} +1 +1 +3 +3840$" <<<"$OUT"
}

# wait_output FILE: until a background writer has put something in FILE
# (remove FILE before starting the writer).
wait_output() {
	local tries=50
	while [ ! -s "$1" ] && [ $((tries -= 1)) -gt 0 ]; do
		sleep 0.1
	done
}

# Two samples 2 s apart; the source is replaced by its "after" version once
# the first sample is out.
watch_change() {
	local pid
	cp "$F/buddyinfo-2node" "$scratch/src"
	rm -f "$scratch/watch"
	PATH=$1 sh "$S/buddywatch" -i 2 -n 2 "$scratch/src" >"$scratch/watch" &
	pid=$!
	wait_output "$scratch/watch"
	cp "$F/buddyinfo-2node-after" "$scratch/src.new"
	mv "$scratch/src.new" "$scratch/src"
	wait "$pid" || return 1
	cat "$scratch/watch"
	# The header, 4 zones' counts, 4 zones' changes.
	[ "$(wc -l <"$scratch/watch")" -eq 9 ] &&
		tail -n 4 "$scratch/watch" | grep -Eq " 1 Movable( +0){5} +-1 +\+1 +-1( +0){3} +-96$" &&
		tail -n 4 "$scratch/watch" | grep -Eq " 1 DMA32( +0){10} +-1 +-1024$" &&
		tail -n 4 "$scratch/watch" | grep -Eq " 0 DMA( +0){12}$"
}

# Ctrl-C, i.e. SIGINT to the process group as a terminal sends it, ends the
# watch at once (not after its 60 s sleep), with exit status 130 and no
# temporary files left.  set -m gives the watch its own process group;
# env --default-signal undoes an inherited "ignore SIGINT" (a job started
# in the background by a script has one), which sh itself cannot undo.
ctrl_c() {
	local pid start status
	mkdir -p "$scratch/tmp"
	rm -f "$scratch/ctrlc"
	set -m
	/usr/bin/env --default-signal=INT PATH="$1" TMPDIR="$scratch/tmp" \
		sh "$S/buddywatch" -i 60 "$F/buddyinfo-1node" >"$scratch/ctrlc" &
	pid=$!
	set +m
	wait_output "$scratch/ctrlc"
	start=$SECONDS
	kill -INT -- "-$pid"
	# Never wait for the whole 60 s sleep: that is the failure looked for.
	while kill -0 "$pid" 2>/dev/null && [ $((SECONDS - start)) -lt 5 ]; do
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill -KILL -- "-$pid"
		wait "$pid"
		echo "still running 5 s after SIGINT"
		return 1
	fi
	wait "$pid"
	status=$?
	[ "$status" -eq 130 ] || { echo "exit status $status"; return 1; }
	[ -z "$(ls -A "$scratch/tmp")" ] || { ls -A "$scratch/tmp"; return 1; }
}

for path in "$PATH" "$BB"; do
	shell=host
	[ "$path" = "$BB" ] && shell=busybox
	check "buddywatch ($shell): one sample shows the counts and the free pages" watch_once "$path"
	check "buddywatch ($shell): the next sample shows the change per order and in pages" \
		watch_change "$path"
	check "buddywatch ($shell): Ctrl-C stops it cleanly (exit 130, no temporary files)" ctrl_c "$path"
done
for args in "-i" "-i x" "-i 1.2.3" "-n" "-n -1" "-n 1x" "-x" \
	"$F/buddyinfo-1node $F/buddyinfo-1node" "$F/nonexistent"; do
	# shellcheck disable=SC2086 # the arguments are words
	check "buddywatch ${args//$F\//}: usage error" usage_error "$S/buddywatch" -n 1 $args
done

# --- buddy-textfile ----------------------------------------------------

textdir=$scratch/textfile

textfile_writes() {
	PATH=$1 run 0 sh "$S/buddy-textfile" -s "$F/metrics.prom" "$textdir" &&
		cmp "$F/metrics.prom" "$textdir/kmemlab_buddy.prom" &&
		[ "$(stat -c %a "$textdir/kmemlab_buddy.prom")" = 644 ]
}

# A source that is not buddy_probe's metrics leaves the old file alone.
textfile_refuses() {
	PATH=$1 run 1 sh "$S/buddy-textfile" -s "$F/buddyinfo-1node" "$textdir" &&
		cmp "$F/metrics.prom" "$textdir/kmemlab_buddy.prom"
}

textfile_no_source() {
	PATH=$1 run 1 sh "$S/buddy-textfile" -s "$F/nonexistent" "$textdir" &&
		cmp "$F/metrics.prom" "$textdir/kmemlab_buddy.prom"
}

for path in "$PATH" "$BB"; do
	shell=host
	[ "$path" = "$BB" ] && shell=busybox
	rm -rf "$textdir"
	mkdir "$textdir"
	check "buddy-textfile ($shell): writes DIR/kmemlab_buddy.prom, mode 644" textfile_writes "$path"
	check "buddy-textfile ($shell): refuses a source that is not metrics" textfile_refuses "$path"
	check "buddy-textfile ($shell): a missing source is exit 1" textfile_no_source "$path"
	check "buddy-textfile ($shell): leaves no temporary file behind" \
		test "$(ls -A "$textdir")" = kmemlab_buddy.prom
done
check "buddy-textfile: no DIR is a usage error" usage_error "$S/buddy-textfile"
check "buddy-textfile: two DIRs are a usage error" usage_error "$S/buddy-textfile" "$textdir" "$textdir"
check "buddy-textfile: a missing DIR is exit 2" usage_error "$S/buddy-textfile" "$scratch/nonexistent"
check "buddy-textfile: an unknown option is a usage error" usage_error "$S/buddy-textfile" -x "$textdir"

finish
