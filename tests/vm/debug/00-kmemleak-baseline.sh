# SPDX-License-Identifier: GPL-2.0
# Debug kernel only, first.  kmemleak: what the kernel itself leaked while
# it booted is marked as seen ("clear"), so that 99-kmemleak.sh reports
# what the tests leave behind; and the automatic scan is stopped, so that
# its "new suspected memory leaks" line cannot land in another test's
# dmesg: 99-kmemleak.sh scans itself.

K=$DBG/kmemleak

check "kmemleak is on ($K)" test -w "$K"
check "the automatic scan is stopped" sh -c "echo scan=off >$K"
check "the boot's leak suspects are scanned" sh -c "echo scan >$K && sleep 5 && echo scan >$K"
check "and set aside (clear)" sh -c "echo clear >$K"
dmesg_mark
