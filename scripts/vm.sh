# SPDX-License-Identifier: GPL-2.0
# Building the VM's initramfs and booting it under qemu; sourced by
# scripts/vmtest and scripts/demo after scripts/lib.sh.

# vm_initramfs OUT KO_DIR [TEST_DIR...]: a gzip'd cpio holding busybox,
# the modules in KO_DIR, the guest tests of tests/vm/ and of each
# TEST_DIR (a lane's own tests, e.g. tests/vm/debug/: they are numbered
# into the same sequence), the init that runs them, kmemlab's busybox
# scripts, the guest's C helpers (tests/vm/bin/*.c, built static) and
# the static C tools users run (tools/kmemmap, tools/fraglab).
vm_initramfs() {
	local out=$1 ko_dir=$2 root dir src
	shift 2
	root=$(mktemp -d)
	mkdir -p "$root"/{bin,dev,proc,sys,tmp,lib/kmemlab,tests,guest}
	cp /bin/busybox "$root/bin/busybox"
	cp "$KMEMLAB_ROOT/guest/init" "$root/init"
	cp "$KMEMLAB_ROOT"/guest/* "$root/guest/"
	cp "$KMEMLAB_ROOT"/tests/vm/run "$KMEMLAB_ROOT"/tests/vm/*.sh "$root/tests/"
	for dir in "$@"; do
		cp "$dir"/[0-9]*.sh "$root/tests/"
	done
	# KMEMLAB_VM_TESTS="65 97": only the tests with those numbers.
	if [ -n "${KMEMLAB_VM_TESTS:-}" ]; then
		for src in "$root"/tests/[0-9]*.sh; do
			case " $KMEMLAB_VM_TESTS " in
			*" $(basename "$src" | cut -d- -f1) "*) ;;
			*) rm "$src" ;;
			esac
		done
	fi
	# The scripts that run under busybox, for the guest tests and the demo.
	cp "$KMEMLAB_ROOT"/tools/{buddyinfo-diff,buddywatch,buddy-textfile} "$root/bin/"
	for src in "$KMEMLAB_ROOT"/tests/vm/bin/*.c; do
		gcc -static -O2 -Wall -Werror -o "$root/bin/$(basename "$src" .c)" "$src" ||
			{ rm -rf "$root"; return 1; }
	done
	# The C tools users run, which their Makefiles build static.
	for tool in kmemmap fraglab; do
		make -s -C "$KMEMLAB_ROOT/tools/$tool" O="$root/build" "$tool" ||
			{ rm -rf "$root"; return 1; }
		mv "$root/build/$tool/$tool" "$root/bin/"
	done
	rm -r "$root/build"
	cp "$ko_dir"/*.ko "$root/lib/kmemlab/"
	(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) >"$out"
	rm -rf "$root"
}

# vm_default_vmlinuz: the image of the kernel the repo's modules are built
# for (KDIR's release; VMLINUZ overrides it).
vm_default_vmlinuz() {
	local krel vmlinuz
	krel=$(kmemlab_krel "$(kmemlab_kdir)")
	vmlinuz=${VMLINUZ:-/boot/vmlinuz-$krel}
	[ -r "$vmlinuz" ] || die "$vmlinuz not found: install linux-image-$krel (scripts/setup)"
	echo "$vmlinuz"
}

# vm_repo_initramfs WORK: WORK/initrd.gz, holding the modules built in
# the repo (make modules).
vm_repo_initramfs() {
	mkdir -p "$1/ko"
	cp "$KMEMLAB_ROOT"/{kmalloc_demo,vmalloc_demo,buddy_probe}/*.ko "$1/ko/"
	vm_initramfs "$1/initrd.gz" "$1/ko"
}

# The qemu machine for a profile: one node, or two NUMA nodes with a
# Movable zone so that the multi-node and multi-zone paths are exercised,
# or a 4 GiB machine (DMA32 up to the PCI hole, Normal above 4 GiB) for
# the walks whose cost grows with memory, or 2g: 2 GiB, room for
# buddy_probe to hold 10^5 blocks, and a 128 MiB DIMM, hot-plugged but
# left offline (memhp_default_state), which a test onlines: a zone that
# appears after a module's load.  kfence: one node, KFENCE on but
# sampling slowly (a slab allocation each 100 ms) until its test asks for
# more, so that its pool is not full of boot's objects.  bench: one CPU,
# and room for 10^5 blocks (make bench).
vm_profile_args() {
	case $1 in
	1node | kfence)
		echo "-m 512 -smp 1"
		;;
	4g)
		echo "-m 4096 -smp 2"
		;;
	2node)
		echo "-m 1024 -smp 2,sockets=2" \
			"-object memory-backend-ram,id=m0,size=512M" \
			"-object memory-backend-ram,id=m1,size=512M" \
			"-numa node,memdev=m0,cpus=0 -numa node,memdev=m1,cpus=1"
		;;
	2g)
		echo "-m 2048,slots=1,maxmem=2176M -smp 1" \
			"-object memory-backend-ram,id=hp,size=128M" \
			"-device pc-dimm,id=dimm0,memdev=hp"
		;;
	bench)
		echo "-m 2560 -smp 1"
		;;
	*)
		die "unknown VM profile '$1'"
		;;
	esac
}

# vm_profile_tests PROFILE: the tests a profile runs, when not all of
# them: 4g is there to show that reading every pageblock of a larger
# machine stays bounded, 2g to hold 10^5 blocks and to online its DIMM,
# kfence to see KFENCE's objects; each boots for those tests alone.
vm_profile_tests() {
	case $1 in
	4g) echo 28 ;;
	2g) echo 62 74 ;;
	kfence) echo 72 ;;
	esac
}

# vm_profile_skips PROFILE: the tests a profile leaves out.  2node: those
# whose every check is the same whatever the nodes and zones (parsers,
# bad input, parameters, rmmod while held or raced by readers, fraglab's
# options and signals, vmalloc's frames, which it takes on the local
# node), which 1node runs on every lane.
vm_profile_skips() {
	case $1 in
	2node) echo 32 45 46 47 60 61 63 64 65 66 67 70 75 86 ;;
	esac
}

vm_profile_cmdline() {
	case $1 in
	2node) echo "movablecore=128M" ;;
	kfence) echo "kfence.sample_interval=100" ;;
	2g) echo "memhp_default_state=offline" ;;
	esac
}

# vm_boot VMLINUZ INITRD PROFILE MODE OUTDIR: boots under TCG (KVM hangs
# on these machines).  The console (ttyS0) goes to OUTDIR/console.log, or
# to stdout in demo mode; the guest's results (ttyS1) to results.log; files
# the guest hands out (ttyS2, see vm_artifacts) to artifacts.log.
# Warnings and oopses panic, and a panic ends qemu (-no-reboot).  -cpu max
# gives the guest RDRAND, so that %p hashes from the first second on.
vm_boot() {
	local vmlinuz=$1 initrd=$2 profile=$3 mode=$4 outdir=$5 console pid
	local append="console=ttyS0 panic_on_warn=1 oops=panic panic=-1"
	# Tests keep warnings (level 4) on the console, for vm_console_clean;
	# the demo keeps it quiet.
	if [ "$mode" = demo ]; then
		append+=" quiet"
	else
		append+=" loglevel=5"
	fi
	append+=" kmemlab.mode=$mode kmemlab.profile=$profile"
	append+=" $(vm_profile_cmdline "$profile")"
	console=file:$outdir/console.log
	[ "$mode" = demo ] && console=stdio
	: >"$outdir/results.log"
	: >"$outdir/artifacts.log"
	rm -f "$outdir/stalled"
	# shellcheck disable=SC2046 # the profile's words are qemu arguments
	set -- timeout "${KMEMLAB_VM_TIMEOUT:-900}" qemu-system-x86_64 \
		-accel tcg -cpu max -nographic -no-reboot -monitor none \
		$(vm_profile_args "$profile") \
		-kernel "$vmlinuz" -initrd "$initrd" -append "$append" \
		-serial "$console" -serial "file:$outdir/results.log" \
		-serial "file:$outdir/artifacts.log"
	if [ "$mode" = demo ]; then
		"$@" </dev/null
		return
	fi
	"$@" </dev/null &
	pid=$!
	vm_init_watch "$pid" "$outdir"
	wait "$pid"
}

# vm_init_watch PID OUTDIR: stops the boot PID (timeout, then qemu) if
# its guest's init has not said it runs ("kmemlab: init runs", on the
# console) within KMEMLAB_VM_INIT_TIMEOUT seconds (default 300), and
# leaves OUTDIR/stalled behind.  A kernel that hangs before init (seen
# once in CI: 7.3 with 4 GiB and two CPUs, silent from 1.3 s into the
# boot) then costs that long, not the whole boot's timeout.
vm_init_watch() {
	local pid=$1 outdir=$2 waited=0
	while kill -0 "$pid" 2>/dev/null; do
		grep -qs '^kmemlab: init runs' "$outdir/console.log" && return
		if [ "$waited" -ge "${KMEMLAB_VM_INIT_TIMEOUT:-300}" ]; then
			touch "$outdir/stalled"
			kill "$pid"
			return
		fi
		sleep 1
		waited=$((waited + 1))
	done
}

# vm_artifacts OUTDIR: decodes the files the guest sent with `artifact`
# (tests/vm/lib.sh) into OUTDIR/artifacts/.  They travel base64-encoded,
# since the serial line rewrites line ends.
vm_artifacts() {
	local outdir=$1 name
	mkdir -p "$outdir/artifacts"
	tr -d '\r' <"$outdir/artifacts.log" | awk -v dir="$outdir/artifacts" '
		/^kmemlab-artifact-begin / { name = $2; next }
		/^kmemlab-artifact-end / { name = ""; next }
		name != "" { print >(dir "/" name ".b64") }'
	for name in "$outdir"/artifacts/*.b64; do
		[ -e "$name" ] || continue
		base64 -d "$name" >"${name%.b64}" && rm "$name"
	done
}

# vm_console_clean OUTDIR: fails, printing them, on the console lines of
# the whole boot that report a kernel problem: warnings, BUGs, oopses,
# KASAN, kmemleak, lockdep, UBSAN.
vm_console_clean() {
	! tr -d '\r' <"$1/console.log" | grep -E \
		'WARNING:|BUG:|Oops|Call Trace|KASAN|kmemleak|UBSAN|possible circular|inconsistent lock|lockdep'
}
