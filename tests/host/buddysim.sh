#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Host checks of the buddy system model through buddysim, built with
# AddressSanitizer and UBSan:
#   - the fixtures in buddysim/*.in against their hand-written .expected
#   - random streams, steered by buddysim's answers, with "check" after
#     every command
#   - rejected lines: each prints "error: ...", changes nothing and makes
#     the exit status 1
#   - the output: buffered for a script read from a file (strace counts
#     the write() calls), answered line by line for a driver on a pipe,
#     an answer longer than the buffer whole and in order, a failed
#     write() in the exit status
#   - the libFuzzer target for FUZZ_SECONDS (default 30)
#
# Prints "ok N - ..." or "not ok N - ..." per check, a summary line and
# the plan; exits non-zero if any check failed.  O= names the build
# directory.

set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${O:-$top/build}/buddysim
sim=$out/buddysim-asan
fuzzer=$out/fuzz_buddysim

n=0
passed=0
failed=0

# result STATUS DESCRIPTION [DETAIL]: DETAIL is shown as comments on failure
result()
{
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
		passed=$((passed + 1))
	else
		echo "not ok $n - $2"
		[ -n "${3:-}" ] && printf '%s\n' "$3" | head -n 20 | sed 's/^/# /'
		failed=$((failed + 1))
	fi
}

finish()
{
	echo "# host-buddysim: passed $passed, failed $failed"
	echo "1..$n"
	[ "$failed" -eq 0 ]
	exit
}

build_log=$(make -C "$top/tools/buddysim" O="${O:-$top/build}" asan fuzz 2>&1)
status=$?
result $status "build buddysim-asan and fuzz_buddysim" "$build_log"
[ $status -eq 0 ] || finish

# --- fixtures ---------------------------------------------------------

for script in "$here"/buddysim/*.in; do
	name=$(basename "$script" .in)
	got=$("$sim" "$script" 2>&1)
	rc=$?
	delta=$(diff -u "${script%.in}.expected" <(printf '%s\n' "$got"))
	ok=1
	if [ $rc -eq 0 ] && [ -z "$delta" ]; then ok=0; fi
	result $ok "fixture $name" "exit $rc; $delta"
done

# --- random streams ---------------------------------------------------

# ask CMD: send CMD and "check" to the coprocess SIM; put the answer to
# CMD in the array reply; on an error or no answer, say why and fail.
ask()
{
	local l=

	reply=()
	printf '%s\ncheck\n' "$1" >&"${SIM[1]}"
	while read -r l <&"${SIM[0]}"; do
		case $l in
		error:*) why="$1: $l"; return 1 ;;
		"ok "[0-9]*) [ ${#reply[@]} -gt 0 ] && return 0 ;;
		esac
		reply+=("$l")
	done
	why="$1: no answer"
	return 1
}

# After a free: the requests it let through are now allocated.
note_served()
{
	local l w id

	for l in "${reply[@]:1}"; do
		read -r _ id _ <<<"$l"
		served=$((served + 1))
		used+=("$id")
		for w in "${!waiting[@]}"; do
			[ "${waiting[$w]}" = "$id" ] && unset "waiting[$w]"
		done
	done
	waiting=("${waiting[@]}")
}

# random_stream POLICY SEED OPS: allocate and free at random, steered by
# buddysim's answers so that every command is valid, then free everything;
# one free block must remain.
random_stream()
{
	local total=65536 i id=0 victim line refused=0 queued=0 served=0

	used=() waiting=() why=
	RANDOM=$2
	coproc SIM { "$sim"; }
	ask "init $total 16 $1"
	for ((i = 0; i < $3 && ${#why} == 0; i++)); do
		if [ ${#used[@]} -eq 0 ] || [ $((RANDOM % 5)) -lt 3 ]; then
			ask "alloc $id $(( (1 << (RANDOM % 13)) + RANDOM % 64 ))" ||
				break
			case ${reply[0]} in
			ok*) used+=("$id") ;;
			wait) waiting+=("$id"); queued=$((queued + 1)) ;;
			nomem) refused=$((refused + 1)) ;;
			esac
			id=$((id + 1))
		else
			victim=$((RANDOM % ${#used[@]}))
			ask "free ${used[$victim]}" || break
			unset "used[$victim]"
			used=("${used[@]}")
			note_served
		fi
	done
	while [ -z "$why" ] && [ ${#used[@]} -gt 0 ]; do
		ask "free ${used[0]}" || break
		used=("${used[@]:1}")
		note_served
	done
	if [ -z "$why" ]; then
		printf 'state\n' >&"${SIM[1]}"
		read -r line <&"${SIM[0]}"
		[ "$line" = "0 $total free" ] || why="left over: $line"
	fi
	# End of input: buddysim exits.  (shellcheck misreads the syntax.)
	# shellcheck disable=SC1083,SC2093
	exec {SIM[1]}>&-
	wait "$SIM_PID" || why=${why:-"exit status $?"}
	[ -z "$why" ] || { echo "$why"; return 1; }
	echo "$id allocs: $refused refused, $queued queued, $served served"
}

for policy in fail queue; do
	summary=$(random_stream $policy 5 1500 2>&1)
	result $? "random stream under $policy, check after each command ($summary)" "$summary"
done

# --- rejected lines ---------------------------------------------------

setup='init 1024 64 queue
alloc 0 128
alloc 1 1024'
# The answers to $setup, state and queue: three lines, then the dumps.
ref=$(printf '%s\nstate\nqueue\n' "$setup" | "$sim" 2>&1)

# reject LINE MESSAGE: after $setup, LINE must print "error: MESSAGE" and
# leave the state and the queue as they were, and buddysim must exit 1.
reject()
{
	local got rc want

	got=$(printf '%s\nstate\nqueue\n%s\nstate\nqueue\n' "$setup" "$1" |
	      "$sim" 2>&1)
	rc=$?
	want=$(printf '%s\nerror: %s\n%s' "$ref" "$2" "$(tail -n +4 <<<"$ref")")
	[ $rc -eq 1 ] && [ "$got" = "$want" ]
	result $? "rejects '$1'" "exit $rc; got: $got"
}

reject 'alloc 0 64' 'id 0 is already in use'
reject 'alloc 1 64' 'id 1 is already in use'
reject 'free 7' 'id 7 is not allocated'
reject 'free 1' 'id 1 is waiting, not allocated'
reject 'alloc 2 0' 'size must not be 0'
reject 'alloc 2 2048' 'size 2048 is larger than the arena'
reject 'alloc 2147483648 64' 'id 2147483648 out of range 0..2147483647'
reject 'alloc -1 64' "bad number '-1'"
reject 'alloc 2 12x' "bad number '12x'"
reject 'alloc 2 99999999999999999999' "number '99999999999999999999' out of range"
reject 'alloc 2 0128' "number '0128' has a leading zero"
reject 'alloc 2' 'usage: alloc ID SIZE'
reject 'free 0 0' 'usage: free ID'
reject 'frob 1' "unknown command 'frob'"
reject 'init 1000 64' 'TOTAL and MIN must be powers of two, MIN <= TOTAL'
reject 'init 64 128' 'TOTAL and MIN must be powers of two, MIN <= TOTAL'
reject 'init 0x2000000 1' 'more than 2^24 minimum blocks'
reject 'init 1024 64 lifo' "policy 'lifo' is neither fail nor queue"

got=$(printf 'alloc 0 64\nstate\n' | "$sim" 2>&1)
rc=$?
ok=1
if [ $rc -eq 1 ] && [ "$got" = 'error: no arena yet: init first
error: no arena yet: init first' ]; then ok=0; fi
result $ok "rejects commands before init" "exit $rc; $got"

# --- output buffering -------------------------------------------------

# A script from a file is answered a buffer at a time, not with a write()
# per command: on the 2^16 checkerboard (alloc every block, free the even
# ones, then the odd ones: 131073 commands) strace counts the write()
# calls, which must be at most one per 4 KiB of output, and one more.
checker=$out/checkerboard16
awk 'BEGIN { n = 65536; print "init", n, 1
	for (i = 0; i < n; i++) print "alloc", i, 1
	for (i = 0; i < n; i += 2) print "free", i
	for (i = 1; i < n; i += 2) print "free", i }' >"$checker"
bytes=$("$sim" "$checker" | wc -c)
# LeakSanitizer cannot run under ptrace: off for these runs.
for how in "the command line" stdin; do
	if [ "$how" = stdin ]; then
		ASAN_OPTIONS=detect_leaks=0 strace -c -e trace=write \
			-o "$out/strace" "$sim" <"$checker" >/dev/null
	else
		ASAN_OPTIONS=detect_leaks=0 strace -c -e trace=write \
			-o "$out/strace" "$sim" "$checker" >/dev/null
	fi
	writes=$(awk '$NF == "write" { print $4 }' "$out/strace")
	status=0
	[ "${writes:-0}" -ge 1 ] && [ "$writes" -le $((bytes / 4096 + 1)) ] || status=1
	result "$status" "2^16 checkerboard on $how: ${writes:-no} write() calls for $bytes bytes" \
		"$(cat "$out/strace")"
done

# An answer longer than the room left in the output buffer comes out
# whole and in its place: 5000 answers, then an error that echoes a
# 60000-digit number, then one more answer.
long=$(printf '9%.0s' $(seq 60000))
got=$({ echo "init 1024 64"
	for _ in $(seq 5000); do echo check; done
	echo "free $long"
	echo check; } | "$sim" 2>&1)
rc=$?
status=1
if [ $rc -eq 1 ] && [ "$(sed -n 5002p <<<"$got")" = "error: number '$long' out of range" ] &&
	[ "$(sed -n '$p' <<<"$got")" = "ok 0" ] && [ "$(wc -l <<<"$got")" -eq 5003 ]; then
	status=0
fi
result $status "a 60000-byte answer after 5000 others comes out whole and in order" \
	"exit $rc; $(wc -l <<<"$got") lines; line 5002: $(sed -n 5002p <<<"$got" | cut -c1-60)"

# Answers that cannot be written make the exit status 1, with a reason.
got=$(printf 'init 1024 64\ncheck\n' | "$sim" 2>&1 >/dev/full)
rc=$?
status=1
if [ $rc -eq 1 ] && [ "$got" = "buddysim: writing the answers: No space left on device" ]; then
	status=0
fi
result $status "answers to /dev/full: exit 1 and the reason" "exit $rc; $got"

# A driver on a pipe gets each answer before it sends the next command:
# buddysim writes out what it has before it waits for more input.
dialogue()
{
	local reply

	coproc SIM { "$sim"; }
	for pair in "init 1024 64|ok" "alloc 0 100|ok 0 128" "free 0|ok"; do
		printf '%s\n' "${pair%|*}" >&"${SIM[1]}"
		read -r -t 5 reply <&"${SIM[0]}" || { echo "no answer to ${pair%|*}"; return 1; }
		[ "$reply" = "${pair#*|}" ] || { echo "${pair%|*}: $reply"; return 1; }
	done
	# shellcheck disable=SC1083,SC2093
	exec {SIM[1]}>&-
	wait "$SIM_PID"
}
out_dialogue=$(dialogue 2>&1)
result $? "a driver on a pipe gets each answer before its next command" "$out_dialogue"

# --- fuzzing ----------------------------------------------------------

corpus=$out/fuzz-corpus
mkdir -p "$corpus"
log=$("$fuzzer" -max_total_time="${FUZZ_SECONDS:-30}" \
	-artifact_prefix="$out/" "$corpus" 2>&1)
result $? "fuzz_buddysim for ${FUZZ_SECONDS:-30}s" \
	"$(grep -E '^fuzz_buddysim:|^SUMMARY|Test unit written' <<<"$log")"

finish
