# SPDX-License-Identifier: GPL-2.0
# TAP helpers for the host tests (bash), sourced, never run (scripts/hosttest
# only runs *.sh).  Each check prints "ok N - ..." or "not ok N - ...";
# end a test file with "finish", which prints the plan and exits non-zero
# on any failure.

KMEMLAB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck disable=SC2034 # for the test files
FIXTURES=$KMEMLAB_ROOT/tests/host/fixtures
T_N=0
T_FAIL=0

# ok DESCRIPTION / not_ok DESCRIPTION [DIAGNOSTIC]: the diagnostic is
# printed as TAP comments.
ok() {
	T_N=$((T_N + 1))
	echo "ok $T_N - $1"
}

not_ok() {
	T_N=$((T_N + 1))
	T_FAIL=$((T_FAIL + 1))
	echo "not ok $T_N - $1"
	[ -z "${2:-}" ] || printf '%s\n' "$2" | head -n 30 | sed 's/^/# /'
}

# check DESCRIPTION COMMAND...: ok when COMMAND succeeds; its output is
# shown only on failure.
check() {
	local desc=$1 out
	shift
	if out=$("$@" 2>&1); then
		ok "$desc"
	else
		not_ok "$desc" "$out"
	fi
}

# run STATUS COMMAND...: runs COMMAND, its stdout in $OUT and its stderr in
# $ERR, and fails unless it exits with STATUS.
run() {
	local want=$1 status=0 errf
	shift
	errf=$(mktemp)
	OUT=$("$@" 2>"$errf") || status=$?
	ERR=$(cat "$errf")
	rm -f "$errf"
	[ "$status" -eq "$want" ] || {
		printf 'exit status %d, wanted %d\nstdout: %s\nstderr: %s\n' \
			"$status" "$want" "$OUT" "$ERR"
		return 1
	}
}

# usage_error COMMAND...: COMMAND exits 2, prints nothing on stdout and
# says why on stderr.
usage_error() {
	run 2 "$@" || return 1
	if [ -n "$OUT" ] || [ -z "$ERR" ]; then
		printf 'stdout: %s\nstderr: %s\n' "$OUT" "$ERR"
		return 1
	fi
}

# A PATH of busybox applets only, to run the guest's scripts as the VM
# does: busybox sh, awk and friends.
busybox_path() {
	local dir
	dir=$(mktemp -d)
	busybox --install -s "$dir"
	echo "$dir"
}

# png_size FILE: "WIDTH HEIGHT" from the PNG signature and IHDR chunk, or
# failure when FILE is not a PNG.
png_size() {
	local sig
	sig=$(od -An -tx1 -N16 "$1" | tr -d ' \n')
	[ "$sig" = 89504e470d0a1a0a0000000d49484452 ] || { echo "$1: not a PNG: $sig"; return 1; }
	od -An -tu4 --endian=big -j16 -N8 "$1" | awk '{ print $1, $2 }'
}

# png_has_colors FILE RRGGBB...: the PNG's pixels include every color
# given (gnuplot's line types 1, 2, 3 are 9400d3, 009e73, 56b4e9): the
# picture is not blank, and each snapshot's bars are drawn.  Decodes
# 8-bit RGB and RGBA, which pngcairo writes, with Debian's python3.
png_has_colors() {
	/usr/bin/python3 - "$@" <<-'EOF'
		import struct, sys, zlib
		path, want = sys.argv[1], {bytes.fromhex(c) for c in sys.argv[2:]}
		data = open(path, "rb").read()
		pos, idat = 8, b""
		while pos < len(data):
		    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
		    body = data[pos + 8:pos + 8 + n]
		    if kind == b"IHDR":
		        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
		    elif kind == b"IDAT":
		        idat += body
		    pos += 12 + n
		if depth != 8 or ctype not in (2, 6):
		    sys.exit(f"{path}: depth {depth}, color type {ctype}: not 8-bit RGB(A)")
		bpp = 3 if ctype == 2 else 4
		raw, stride, prev, seen = zlib.decompress(idat), w * bpp, bytearray(w * bpp), set()
		for y in range(h):
		    f, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
		    for i in range(stride):
		        a = row[i - bpp] if i >= bpp else 0
		        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
		        if f == 1: row[i] = (row[i] + a) & 255
		        elif f == 2: row[i] = (row[i] + b) & 255
		        elif f == 3: row[i] = (row[i] + (a + b) // 2) & 255
		        elif f == 4:
		            p = a + b - c
		            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
		            row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
		    seen.update(bytes(row[i:i + 3]) for i in range(0, stride, bpp))
		    prev = row
		missing = [c.hex() for c in want if c not in seen]
		if missing:
		    sys.exit(f"{path}: no pixel of {' '.join(missing)} ({len(seen)} colors)")
	EOF
}

finish() {
	echo "1..$T_N"
	[ "$T_FAIL" -eq 0 ]
	exit
}
