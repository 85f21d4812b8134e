# SPDX-License-Identifier: GPL-2.0
# Debug kernel only, last.  After all the tests: kmemleak finds no new
# leak (an object must be seen unreferenced by two scans, a few seconds
# apart, to be reported), and the kernel log holds no KASAN, lockdep,
# BUG or WARNING line.  Each report found is a figure, which must be 0.

K=$DBG/kmemleak

# leaks: the reports of a scan; each starts with "unreferenced object".
leaks() {
	echo scan >$K
	sleep 5
	echo scan >$K
	cat $K >/tmp/kmemleak
	grep -c '^unreferenced object' /tmp/kmemleak
}

n=$(leaks)
if [ "$n" -eq 0 ]; then
	ok "kmemleak: no leak after the tests (two scans)"
else
	not_ok "kmemleak: $n leak(s) after the tests" "$(head -n 60 /tmp/kmemleak)"
fi
# Module code lives at 0xffffffffa0000000 and up; an unloaded module's
# frames print as bare addresses there.
kmemlab=$(grep -cE '\[(kmalloc_demo|vmalloc_demo|buddy_probe)\]|0xffffffff[a-f]' /tmp/kmemleak)
check "no kmemleak report points at kmemlab's modules" test "$kmemlab" -eq 0
dmesg | grep -E 'KASAN|lockdep|possible (circular|recursive)|inconsistent lock|BUG[: ]|WARNING:|Oops' >/tmp/splats
check "dmesg: no KASAN, lockdep, BUG or WARNING line" test ! -s /tmp/splats
echo "    # kmemlab-figure reports=$((n + $(grep -c . /tmp/splats)))"
