# SPDX-License-Identifier: GPL-2.0
# Debug kernel only, last.  After all the tests: kmemleak finds no new
# leak (an object must be seen unreferenced by two scans, a few seconds
# apart, to be reported), and the kernel log holds no KASAN, lockdep,
# BUG or WARNING line.  Each report found is a figure, which must be 0.

K=$DBG/kmemleak

# leaks: the reports of a scan; each starts with "unreferenced object".
leaks() {
	echo scan >"$K"
	sleep 5
	echo scan >"$K"
	cat "$K" >/tmp/kmemleak
	grep -c '^unreferenced object' /tmp/kmemleak
}

n=$(leaks)
# Reports of objects the boot allocated (swapper, pid 0) are the kernel's
# (the tiny config's ACPI without its namespace): they are listed, but
# they cannot be kmemlab's.  Any other is a failure.
boot=$(grep -c 'comm "swapper/' /tmp/kmemleak)
others=$((n - boot))
[ "$boot" -eq 0 ] || echo "    # kmemleak: $boot report(s) of objects the boot allocated (swapper), not the tests'"
if [ "$others" -eq 0 ]; then
	ok "kmemleak: no leak from the tests (two scans)"
else
	not_ok "kmemleak: $others leak(s) from the tests" \
		"$(head -n 120 /tmp/kmemleak)"
fi
# Module code lives at 0xffffffffa0000000 and up; an unloaded module's
# frames print as bare addresses there.
kmemlab=$(grep -cE '\[(kmalloc_demo|vmalloc_demo|buddy_probe)\]|0xffffffff[a-f]' /tmp/kmemleak)
check "no kmemleak report points at kmemlab's modules" test "$kmemlab" -eq 0
dmesg | grep -E 'KASAN|lockdep|possible (circular|recursive)|inconsistent lock|BUG[: ]|WARNING:|Oops' >/tmp/splats
check "dmesg: no KASAN, lockdep, BUG or WARNING line" test ! -s /tmp/splats
echo "    # kmemlab-figure reports=$((others + $(grep -c . /tmp/splats)))"
