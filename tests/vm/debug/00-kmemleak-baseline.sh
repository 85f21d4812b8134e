# SPDX-License-Identifier: GPL-2.0
# Debug kernel only.  kmemleak: what the kernel itself leaked while it
# booted is marked as seen ("clear"), so that 99-kmemleak.sh reports only
# what the tests leave behind.

K=$DBG/kmemleak

check "kmemleak is on ($K)" test -w $K
check "the boot's leak suspects are scanned" sh -c "echo scan >$K"
check "and set aside (clear)" sh -c "echo clear >$K"
dmesg_mark
